#!/usr/bin/env bash
# Operations benchmark (issue 11), every ratio from one run:
#   GET /api/v1/me (authenticated, 64 connections, wrk) on one SQLite node
#   started with --metrics-listen against the same node without it, in
#   alternating rounds (goal: metrics on >= 95 % of metrics off), and, in the
#   metrics-on rounds, the latency of GET /metrics scraped 10 times a second
#   under that load (p50/p99/max).
# Usage: scripts/bench-ops.sh   (ROUNDS=3 SECS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target-bench}"
ROUNDS="${ROUNDS:-3}"
SECS="${SECS:-5}"
PORT=18380
MPORT=18390
command -v wrk >/dev/null || { echo "wrk is required" >&2; exit 1; }
echo "== build (release, CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
cargo build --release -q -p deadbolt --bin deadbolt --example loadgen
BIN="$CARGO_TARGET_DIR/release/deadbolt"
LG="$CARGO_TARGET_DIR/release/examples/loadgen"
WORK=$(mktemp -d /tmp/deadbolt-bench-ops.XXXXXX)
PID=""
cleanup() { [[ -n "$PID" ]] && kill -TERM "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
echo "work dir $WORK; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%SZ)"

start() { # start DATADIR [ARGS] -> PID
  "$BIN" serve --listen "127.0.0.1:$PORT" --data-dir "$1" --trusted-proxy 127.0.0.1 "${@:2}" >"$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 500); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0; sleep 0.02; done
  echo "no server; log:" >&2; cat "$1.log" >&2; exit 1
}
stop() { kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

# Sessions made once, on one data directory that both variants open in turn.
D="$WORK/data"
start "$D"
"$LG" setup --addr "127.0.0.1:$PORT" --users 4 --prefix O --out "$WORK/users.jsonl" --concurrency 2 >/dev/null
"$LG" sessions --addr "127.0.0.1:$PORT" --users-file "$WORK/users.jsonl" --count 4 --out "$WORK/cookies" >/dev/null
stop
export DEADBOLT_COOKIES
DEADBOLT_COOKIES=$(paste -sd, "$WORK/cookies")

wrk_me() {
  wrk -t2 -c64 -d"${SECS}s" --timeout 5s -s scripts/wrk/me.lua "http://127.0.0.1:$PORT/api/v1/me" \
    | sed -n 's/^WRKJSON //p'
}

scrape() { # scrape SECONDS -> latencies of GET /metrics at 10/s, JSON
  python3 - "$1" "$MPORT" <<'PY'
import json, sys, time, urllib.request
secs, port = float(sys.argv[1]), sys.argv[2]
lat, end = [], time.time() + secs
while time.time() < end:
    t = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
        r.read()
    lat.append((time.perf_counter() - t) * 1e3)
    time.sleep(max(0.0, 0.1 - (time.perf_counter() - t)))
lat.sort()
pct = lambda p: lat[min(len(lat) - 1, int(p / 100 * len(lat)))]
print(json.dumps({"n": len(lat), "p50_ms": pct(50), "p99_ms": pct(99), "max_ms": lat[-1]}))
PY
}

echo "== GET /api/v1/me, metrics off and on, $ROUNDS rounds of ${SECS}s each"
RES="$WORK/res.jsonl"
for r in $(seq 1 "$ROUNDS"); do
  start "$D"
  off=$(wrk_me)
  stop
  start "$D" --metrics-listen "127.0.0.1:$MPORT"
  scrape "$SECS" >"$WORK/scrape.json" &
  SP=$!
  on=$(wrk_me)
  wait "$SP"
  stop
  printf '{"off":%s,"on":%s,"scrape":%s}\n' "$off" "$on" "$(cat "$WORK/scrape.json")" >>"$RES"
  echo "   round $r: off $(jq .rps <<<"$off")/s, on $(jq .rps <<<"$on")/s; /metrics p99 $(jq .p99_ms "$WORK/scrape.json") ms"
done
python3 - "$RES" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
med = statistics.median
ratio = [r["on"]["rps"] / r["off"]["rps"] for r in rows]
print("== summary (medians of the rounds; range in brackets)")
print(f"GET /api/v1/me, metrics off, req/s        {med([r['off']['rps'] for r in rows]):10.0f}")
print(f"GET /api/v1/me, metrics on, req/s         {med([r['on']['rps'] for r in rows]):10.0f}")
print(f"  on / off                                {100 * med(ratio):9.1f} %  ({100 * min(ratio):.1f}–{100 * max(ratio):.1f} %)  goal >= 95 %")
print(f"  p99 off / on, ms                        {med([r['off']['p99_ms'] for r in rows]):.2f} / {med([r['on']['p99_ms'] for r in rows]):.2f}")
print(f"GET /metrics under that load, p50 / p99 / max ms   {med([r['scrape']['p50_ms'] for r in rows]):.2f} / {med([r['scrape']['p99_ms'] for r in rows]):.2f} / {max(r['scrape']['max_ms'] for r in rows):.2f}  ({sum(r['scrape']['n'] for r in rows)} scrapes)")
PY
