#!/usr/bin/env bash
# Node benchmarks (issue 5), every ratio from one run (the 2-core VM is noisy:
# compare numbers within a run, not across runs). Three setups:
#   sqlite  one node on SQLite
#   pg1     one node on PostgreSQL (a fresh database)
#   pg2     two nodes on PostgreSQL (another fresh database, shared DEADBOLT_KEYS)
# For each: wrk on an authenticated GET /api/v1/me (64 connections; two wrk
# processes of 32 for two nodes, rates summed) beside the bare-axum ceiling
# (examples/bare.rs, one process per node, same wrk shape) in alternating
# rounds; the CPU split between processes during the deadbolt rounds; and the
# second-factor step (backup codes) per second on logins made pending first.
# Goals: /me >= 25 % of bare axum on SQLite, >= 10 % on PostgreSQL, p99 < 20 ms.
#
# Usage: scripts/bench-nodes.sh    (ROUNDS=3 SECS=5; PERF=1 adds a perf profile per setup)
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target-bench}"
ROUNDS="${ROUNDS:-3}"
SECS="${SECS:-5}"
SF_USERS="${SF_USERS:-90}"         # users per setup for the second-factor step (7 pending logins each)
SF_CONC="${SF_CONC:-16}"           # in flight for the second-factor step (also measured at 4)
PG="${PG:-postgres://postgres@127.0.0.1:5432}"
SETUPS="${SETUPS:-sqlite pg1 pg2}"
P1=18181 P2=18182 B1=18191 B2=18192

command -v wrk >/dev/null || { echo "wrk is required" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is required" >&2; exit 1; }

echo "== build (release, CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
cargo build --release -q -p deadbolt --bin deadbolt --example loadgen
cargo build --release -q -p deadbolt-server --example bare
BIN="$CARGO_TARGET_DIR/release/deadbolt"
LG="$CARGO_TARGET_DIR/release/examples/loadgen"
BARE="$CARGO_TARGET_DIR/release/examples/bare"

WORK=$(mktemp -d /tmp/deadbolt-bench-nodes.XXXXXX)
RES="$WORK/results.jsonl"
PIDS=()
DBS=()
hex32() { od -An -tx1 -N32 /dev/urandom | tr -d ' \n'; }
# Several nodes on one database must share the keys that seal TOTP secrets and hash backup codes.
export DEADBOLT_KEYS="1:$(hex32);pepper:$(hex32)"

stop_all() {
  local p
  for p in "${PIDS[@]}"; do
    kill -TERM "$p" 2>/dev/null || true
  done
  for p in "${PIDS[@]}"; do
    wait "$p" 2>/dev/null || true
  done
  PIDS=()
}
cleanup() {
  stop_all
  local db
  for db in "${DBS[@]}"; do
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
  if [[ -z "${KEEP_WORK:-}" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
echo "work dir $WORK; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%SZ)"

record() { printf '{"tag":"%s","setup":"%s","data":%s}\n' "$1" "$2" "$3" >>"$RES"; }
# How busy the machine is without us (other jobs share it): 3 s of /proc/stat.
record quiet_check all "$(python3 scripts/cpu_split.py 3)"
echo "machine busy before the run (percent of one core, 200 = both): $(tail -1 "$RES" | jq .data.machine_busy)"

wait_up() { # wait_up PORT LOG
  for _ in $(seq 1 500); do
    if curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1; then return 0; fi
    sleep 0.02
  done
  echo "nothing answers on port $1; log:" >&2; cat "$2" >&2; exit 1
}

start_node() { # start_node PORT DATADIR [DATABASE_URL] -> LAST_PID
  local args=(serve --listen "127.0.0.1:$1" --data-dir "$2" --trusted-proxy 127.0.0.1)
  [[ -n "${3:-}" ]] && args+=(--database-url "$3")
  "$BIN" "${args[@]}" >"$2.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
  wait_up "$1" "$2.log"
}

start_bare() { # start_bare PORT -> LAST_PID
  "$BARE" "127.0.0.1:$1" >"$WORK/bare-$1.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
  wait_up "$1" "$WORK/bare-$1.log"
}

# wrk_me PORT...: 64 connections in all, one wrk process per port; prints one JSON line
# (rates summed, p50/p99/max the largest of the processes, error counts summed).
wrk_me() {
  local n=$# i=0 p files=() pids=()
  local conns=$(( 64 / n )) threads=$(( n == 1 ? 2 : 1 ))
  for p in "$@"; do
    DEADBOLT_COOKIE_OFFSET=$(( i * threads )) wrk -t"$threads" -c"$conns" -d"${SECS}s" --timeout 5s \
      -s scripts/wrk/me.lua "http://127.0.0.1:$p${WRK_PATH:-/api/v1/me}" >"$WORK/wrk-$p.txt" 2>&1 &
    pids+=($!)
    files+=("$WORK/wrk-$p.txt")
    i=$(( i + 1 ))
  done
  for p in "${pids[@]}"; do wait "$p"; done
  python3 - "${files[@]}" <<'PY'
import json, sys
rs = []
for f in sys.argv[1:]:
    line = [l for l in open(f) if l.startswith("WRKJSON ")]
    if not line:
        sys.exit(f"wrk failed: {open(f).read()}")
    rs.append(json.loads(line[0][8:]))
out = {"processes": len(rs), "rps": sum(r["rps"] for r in rs), "requests": sum(r["requests"] for r in rs)}
for k in ("p50_ms", "p99_ms", "max_ms"):
    out[k] = max(r[k] for r in rs)
for k in ("non_2xx", "connect_err", "read_err", "write_err", "timeouts"):
    out[k] = sum(r[k] for r in rs)
out["each_rps"] = [r["rps"] for r in rs]
print(json.dumps(out))
PY
}

pgstat() { # pgstat DB: this database's counters from pg_stat_database (commits, rows written)
  # PostgreSQL 15 backends flush their counters at most once a second, and an
  # idle one only after 10 s: wait that out so each sample is complete.
  sleep "${PGSTAT_WAIT:-11}"
  psql -At -h 127.0.0.1 -U postgres -d postgres -c "SELECT json_build_object('commits', xact_commit, \
    'rollbacks', xact_rollback, 'inserted', tup_inserted, 'updated', tup_updated, 'deleted', tup_deleted) \
    FROM pg_stat_database WHERE datname = '$1'"
}

cs_wrk() { # cs_wrk "PIDS" PORT...: wrk_me, plus the servers' context switches per request
  # (perf stat's software counter covers every thread, also those that exit meanwhile)
  local pids=$1 out cs
  shift
  perf stat -e context-switches -x, -p "${pids// /,}" -o "$WORK/cs.txt" -- sleep "$SECS" >/dev/null 2>&1 &
  local ppid=$!
  out=$(wrk_me "$@")
  wait "$ppid" || true
  cs=$(awk -F, '/context-switches/ {print $1}' "$WORK/cs.txt" 2>/dev/null)
  jq -c --argjson d "${cs:-0}" '. + {ctx_switches: $d, ctx_switches_per_request: ($d / .requests)}' <<<"$out"
}

cpu_during() { # cpu_during OUTFILE GROUP=SPEC... : samples the middle of a wrk run
  local out=$1
  shift
  ( sleep 1; python3 scripts/cpu_split.py $(( SECS - 2 )) "$@" >"$out.tmp" && mv "$out.tmp" "$out" ) &
  CPU_PID=$!
}

perf_profile() { # perf_profile NAME PID PORT...: a cpu-clock profile of one node during a wrk run
  [[ -n "${PERF:-}" ]] || return 0
  local name=$1 pid=$2
  shift 2
  perf record -q -e cpu-clock -F 999 -g -o "$WORK/perf-$name.data" -p "$pid" -- sleep $(( SECS - 2 )) >/dev/null 2>&1 &
  local ppid=$!
  wrk_me "$@" >/dev/null
  wait "$ppid" || true
  perf report -i "$WORK/perf-$name.data" --no-children --sort dso,sym --stdio 2>/dev/null \
    | grep -E '^ +[0-9.]+%' | head -40 >"${PERF_OUT:-/tmp}/bench-nodes-perf-$name.txt" || true
  perf report -i "$WORK/perf-$name.data" --no-children --sort dso --stdio 2>/dev/null \
    | grep -E '^ +[0-9.]+%' | head -15 >"${PERF_OUT:-/tmp}/bench-nodes-perf-$name-dso.txt" || true
}

run_setup() { # run_setup NAME
  local name=$1 url="" ports bare_ports node_pids=()
  case "$name" in
    sqlite) ports=("$P1"); bare_ports=("$B1") ;;
    pg1) ports=("$P1"); bare_ports=("$B1") ;;
    pg2) ports=("$P1" "$P2"); bare_ports=("$B1" "$B2") ;;
  esac
  if [[ "$name" != sqlite ]]; then
    local db="deadbolt_bench_$$_$name"
    psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" >/dev/null
    DBS+=("$db")
    url="$PG/$db"
  fi
  echo "== $name: ${#ports[@]} node(s)${url:+ on $url}"
  local i=0 p
  for p in "${ports[@]}"; do
    start_node "$p" "$WORK/$name-node$i" "$url"
    node_pids+=("$LAST_PID")
    i=$(( i + 1 ))
  done
  local bare_pids=()
  for p in "${bare_ports[@]}"; do
    start_bare "$p"
    bare_pids+=("$LAST_PID")
  done
  local addrs
  addrs=$(printf '127.0.0.1:%s,' "${ports[@]}"); addrs=${addrs%,}

  # Sessions for wrk: one full login per wrk thread (4 users, made on the first node).
  "$LG" setup --addr "$addrs" --users 4 --prefix "s$name" --out "$WORK/$name-susers.jsonl" --concurrency 2 >/dev/null
  "$LG" sessions --addr "127.0.0.1:${ports[0]}" --users-file "$WORK/$name-susers.jsonl" --count 4 --out "$WORK/$name-cookies" >/dev/null
  export DEADBOLT_COOKIES
  DEADBOLT_COOKIES=$(paste -sd, "$WORK/$name-cookies")

  # Second-factor step: logins made pending first (the password step is Argon2-bound), then timed alone.
  "$LG" setup --addr "$addrs" --users "$SF_USERS" --prefix "f$name" --out "$WORK/$name-fusers.jsonl" --concurrency 4 >/dev/null
  local np=$(( SF_USERS * 7 )) st0="" st1 st2
  [[ "$name" == pg1 ]] && st0=$(pgstat "$db")
  "$LG" pending --addr "$addrs" --users-file "$WORK/$name-fusers.jsonl" --count "$np" --out "$WORK/$name-pending.jsonl" --concurrency 4 >/dev/null
  split -n "l/$(( 2 * ROUNDS + 1 ))" -a 2 -d "$WORK/$name-pending.jsonl" "$WORK/$name-pending-"
  if [[ "$name" == pg1 ]]; then
    # Database work per step, from PostgreSQL's own counters (nothing else uses this database).
    st1=$(pgstat "$db")
    local last sfx
    last=$(printf %02d $(( 2 * ROUNDS )))
    sfx=$("$LG" second-factor --addr "$addrs" --pending-file "$WORK/$name-pending-$last" --concurrency 4)
    st2=$(pgstat "$db")
    record pgstat "$name" "{\"password_steps\":$np,\"second_factor_steps\":$(jq .ok <<<"$sfx"),\"s0\":$st0,\"s1\":$st1,\"s2\":$st2}"
  fi

  # Warm-up (connections, caches), not recorded.
  wrk_me "${ports[@]}" >/dev/null
  wrk_me "${bare_ports[@]}" >/dev/null
  local r
  for r in $(seq 1 "$ROUNDS"); do
    local bare me cpu_groups=()
    if [[ "$name" == pg2 ]]; then
      cpu_groups=(node1="${node_pids[0]}" node2="${node_pids[1]}" wrk=comm:wrk postgres=user:postgres)
    else
      cpu_groups=(deadbolt="${node_pids[0]}" wrk=comm:wrk postgres=user:postgres)
    fi
    if (( r % 2 == 1 )); then
      bare=$(cs_wrk "${bare_pids[*]}" "${bare_ports[@]}")
      cpu_during "$WORK/cpu-$name-$r.json" "${cpu_groups[@]}"
      me=$(cs_wrk "${node_pids[*]}" "${ports[@]}")
    else
      cpu_during "$WORK/cpu-$name-$r.json" "${cpu_groups[@]}"
      me=$(cs_wrk "${node_pids[*]}" "${ports[@]}")
      bare=$(cs_wrk "${bare_pids[*]}" "${bare_ports[@]}")
    fi
    wait "$CPU_PID"
    # For the decomposition: deadbolt's /healthz (all the layers, one `SELECT 1`, no session).
    local hz
    hz=$(WRK_PATH=/healthz wrk_me "${ports[@]}")
    local sf sf4
    sf4=$("$LG" second-factor --addr "$addrs" --pending-file "$WORK/$name-pending-$(printf %02d $(( 2 * r - 2 )))" --concurrency 4)
    sf=$("$LG" second-factor --addr "$addrs" --pending-file "$WORK/$name-pending-$(printf %02d $(( 2 * r - 1 )))" --concurrency "$SF_CONC")
    record round "$name" "{\"bare\":$bare,\"me\":$me,\"healthz\":$hz,\"cpu\":$(cat "$WORK/cpu-$name-$r.json"),\"second_factor\":$sf,\"second_factor_4\":$sf4}"
    python3 - "$bare" "$me" "$sf" "$r" <<'PY'
import json, sys
b, m, s = (json.loads(x) for x in sys.argv[1:4])
print(f"   round {sys.argv[4]}: bare {b['rps']:.0f}/s, /me {m['rps']:.0f}/s = {100 * m['rps'] / b['rps']:.1f} %, "
      f"p99 {m['p99_ms']:.1f} ms, non-2xx {m['non_2xx']}; second factor {s['per_s']:.0f}/s (errors {s['errors']})")
PY
  done
  perf_profile "$name" "${node_pids[0]}" "${ports[@]}"
  stop_all
}

for s in $SETUPS; do run_setup "$s"; done

# ---------------------------------------------------------------- summary
cp "$RES" "${RESULTS_OUT:-/tmp/bench-nodes-results.jsonl}"
python3 - "$RES" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
med = statistics.median
setups = []
for r in rows:
    if r["tag"] == "round" and r["setup"] not in setups:
        setups.append(r["setup"])
goal = {"sqlite": 25, "pg1": 10, "pg2": 10}
label = {"sqlite": "1 node, SQLite", "pg1": "1 node, PostgreSQL", "pg2": "2 nodes, PostgreSQL"}
print("== summary: GET /api/v1/me, 64 connections (medians of the rounds)")
print(f"{'setup':22} {'bare axum/s':>12} {'deadbolt/s':>11} {'share':>7} {'range':>13} {'goal':>6} {'p99 ms':>7} {'non-2xx':>8} {'2nd factor/s':>13} {'/healthz/s':>11}")
res = {}
for s in setups:
    R = [r["data"] for r in rows if r["setup"] == s and r["tag"] == "round"]
    bare = [x["bare"]["rps"] for x in R]
    me = [x["me"]["rps"] for x in R]
    share = [100 * m / b for m, b in zip(me, bare)]
    p99 = [x["me"]["p99_ms"] for x in R]
    bad = sum(x["me"]["non_2xx"] + x["me"]["connect_err"] + x["me"]["read_err"] + x["me"]["timeouts"] for x in R)
    sf = [x["second_factor"]["per_s"] for x in R]
    res[s] = (med(me), med(bare))
    print(f"{label.get(s, s):22} {med(bare):12.0f} {med(me):11.0f} {med(share):6.1f}% {min(share):5.1f}–{max(share):5.1f} % "
          f"{'>=' + str(goal.get(s, 0)) + '%':>6} {med(p99):7.1f} {bad:8d} {med(sf):13.0f} {med([x['healthz']['rps'] for x in R]):11.0f}")
print()
print("server context switches per request (all threads; voluntary + involuntary), medians:")
for s in setups:
    R = [r["data"] for r in rows if r["setup"] == s and r["tag"] == "round"]
    print(f"  {label.get(s, s):22} bare axum {med([x['bare']['ctx_switches_per_request'] for x in R]):.2f}, "
          f"deadbolt /me {med([x['me']['ctx_switches_per_request'] for x in R]):.2f}")
print()
print("CPU split during the deadbolt rounds (percent of one core; 200 = the whole machine), medians:")
for s in setups:
    R = [r["data"]["cpu"] for r in rows if r["setup"] == s and r["tag"] == "round"]
    keys = [k for k in R[0] if k != "seconds"]
    print(f"  {label.get(s, s):22} " + ", ".join(f"{k} {med([c[k] for c in R]):.0f}" for k in keys))
print()
print("second-factor step (backup code; logins made pending first), medians:")
for s in setups:
    for key in ("second_factor_4", "second_factor"):
        R = [r["data"][key] for r in rows if r["setup"] == s and r["tag"] == "round"]
        print(f"  {label.get(s, s):22} {med([x['per_s'] for x in R]):6.0f}/s at {R[0]['concurrency']:2} in flight, "
              f"p50 {med([x['latency']['p50_ms'] for x in R]):.1f} ms, p99 {med([x['latency']['p99_ms'] for x in R]):.1f} ms, "
              f"errors {sum(x['errors'] for x in R)} (of {sum(x['ok'] + x['errors'] for x in R)})")
P = [r for r in rows if r["tag"] == "pgstat"]
if P:
    print()
    print("PostgreSQL work per step (pg_stat_database deltas; every autocommit SELECT is a commit too):")
    for r in P:
        d = r["data"]
        for step, a, b, n in (("password step (2FA user)", "s0", "s1", d["password_steps"]),
                              ("second-factor step (backup code)", "s1", "s2", d["second_factor_steps"])):
            delta = {k: d[b][k] - d[a][k] for k in d[a]}
            print(f"  {label.get(r['setup'], r['setup']):22} {step:34} commits {delta['commits'] / n:5.2f}, rows inserted "
                  f"{delta['inserted'] / n:4.2f}, updated {delta['updated'] / n:4.2f}, deleted {delta['deleted'] / n:4.2f} (n = {n})")
if "pg1" in res and "pg2" in res:
    print()
    print(f"two nodes / one node on PostgreSQL: /me x{res['pg2'][0] / res['pg1'][0]:.2f}, bare axum x{res['pg2'][1] / res['pg1'][1]:.2f}")
PY
