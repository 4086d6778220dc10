#!/usr/bin/env bash
# Email benchmark (issue 15): sending mail never sits on a request's path.
#
# One server (release build, SQLite) with email on, pointed at an SMTP server
# that accepts connections and never answers (scripts/mailsink.py --mode
# stall). Two groups of users with 2FA and backup codes:
#   E: a verified address each (verified through the real links, while a
#      working SMTP server was in place), so every backup-code login writes a
#      "backup code used" notice to the outbox in the step's own commit;
#   N: no address: no notice.
# Each round makes PENDING password steps per group, then passes their second
# factor with a backup code (loadgen second-factor, CONC in flight), E and N
# alternately (the order flips each round). Reported: the p99 and median of
# the backup-code step per group and round, and the ratio E/N of the medians
# of the per-round p99s (goal: <= 1.10), plus the outbox at the end (the
# letters wait there; the worker keeps timing out against the silent server).
#
# Usage: scripts/bench-mail.sh   (USERS=100 ROUNDS=3 PER_ROUND=3 CONC=4 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target-bench}"
USERS="${USERS:-100}"
ROUNDS="${ROUNDS:-3}"
PER_ROUND="${PER_ROUND:-3}"
CONC="${CONC:-4}"
PORT="${PORT:-18190}"
ADDR="127.0.0.1:$PORT"
(( ROUNDS * PER_ROUND <= 9 )) || { echo "ROUNDS x PER_ROUND must be <= 9 (10 backup codes, a password burst of 10)" >&2; exit 1; }

echo "== build (release, CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
cargo build --release -q -p deadbolt --bin deadbolt --example loadgen
BIN="$CARGO_TARGET_DIR/release/deadbolt"
LG="$CARGO_TARGET_DIR/release/examples/loadgen"

WORK=$(mktemp -d /tmp/deadbolt-bench-mail.XXXXXX)
RES="$WORK/results.jsonl"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -z "${KEEP_WORK:-}" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
echo "work dir $WORK; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

sink() { # sink MODE DIR -> SINK_PORT, SINK_PID
  mkfifo "$WORK/ready.$1"
  python3 scripts/mailsink.py --port 0 --mode "$1" --dir "$2" >"$WORK/ready.$1" 2>>"$WORK/sink.log" &
  SINK_PID=$!
  PIDS+=("$SINK_PID")
  local line
  read -r line <"$WORK/ready.$1"
  SINK_PORT="${line#READY }"
}

serve() { # serve SMTP_PORT -> SERVER_PID
  "$BIN" serve --listen "$ADDR" --data-dir "$WORK/data" --trusted-proxy 127.0.0.1 \
    --smtp-url "smtp://127.0.0.1:$1" --mail-from "Deadbolt <no-reply@bench.test>" >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 1 500); do
    curl -fsS "http://$ADDR/healthz" >/dev/null 2>&1 && return 0
    sleep 0.02
  done
  echo "server did not come up" >&2; cat "$WORK/server.log" >&2; exit 1
}

echo "== set-up: $USERS users with addresses (verified through their links), $USERS without"
sink accept "$WORK/mail"
ACCEPT_PID=$SINK_PID
serve "$SINK_PORT"
"$LG" setup --addr "$ADDR" --users "$USERS" --prefix e --email-domain bench.test --out "$WORK/users_e.jsonl" >/dev/null
"$LG" setup --addr "$ADDR" --users "$USERS" --prefix n --out "$WORK/users_n.jsonl" >/dev/null
python3 - "$WORK/mail" "$ADDR" "$USERS" <<'PY'
import email, glob, json, os, re, sys, time, urllib.request
folder, addr, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
deadline = time.time() + 120
while len(glob.glob(os.path.join(folder, "*.eml"))) < want:
    if time.time() > deadline:
        sys.exit(f"only {len(glob.glob(os.path.join(folder, '*.eml')))} verification letters")
    time.sleep(0.2)
for path in sorted(glob.glob(os.path.join(folder, "*.eml"))):
    msg = email.message_from_binary_file(open(path, "rb"))
    text = next(p for p in msg.walk() if p.get_content_type() == "text/plain").get_payload(decode=True).decode()
    token = re.search(r"token=([A-Za-z0-9_-]{43})", text).group(1)
    req = urllib.request.Request(f"http://{addr}/api/v1/email/verify", data=json.dumps({"token": token}).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    assert urllib.request.urlopen(req).status == 200
print(f"verified {want} addresses")
PY
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
kill -TERM "$ACCEPT_PID"; wait "$ACCEPT_PID" 2>/dev/null || true

echo "== the SMTP server now accepts and never answers; notices pile up in the outbox"
sink stall "$WORK/unused"
serve "$SINK_PORT"

record() { printf '{"tag":"%s","round":%d,"data":%s}\n' "$1" "$2" "$3" >>"$RES"; }
count=$((USERS * PER_ROUND))
for r in $(seq 1 "$ROUNDS"); do
  first=$(( (r - 1) * PER_ROUND ))
  order="e n"; (( r % 2 == 0 )) && order="n e"
  for g in $order; do
    "$LG" pending --addr "$ADDR" --users-file "$WORK/users_$g.jsonl" --count "$count" \
      --per-user "$PER_ROUND" --first-code "$first" --concurrency "$CONC" --out "$WORK/pending_$g.jsonl" >/dev/null
  done
  for g in $order; do
    out=$("$LG" second-factor --addr "$ADDR" --pending-file "$WORK/pending_$g.jsonl" --concurrency "$CONC")
    record "$g" "$r" "$out"
    echo "round $r group $g: $(echo "$out" | jq -c '{ok, errors, p50: .latency.p50_ms, p99: .latency.p99_ms}')"
  done
done
ready=$(curl -fsS "http://$ADDR/readyz")
echo "readyz: $ready"
waiting=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND gave_up_at IS NULL').fetchone()[0])" "$WORK/data/deadbolt.db")
echo "letters waiting in the outbox: $waiting"

python3 - "$RES" "$waiting" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def med(g, k):
    return statistics.median(r["data"]["latency"][k] for r in rows if r["tag"] == g)
errors = sum(r["data"]["errors"] for r in rows)
e99, n99, e50, n50 = med("e", "p99_ms"), med("n", "p99_ms"), med("e", "p50_ms"), med("n", "p50_ms")
print(f"backup-code step, median of per-round p99: notices on + SMTP stalled {e99:.2f} ms, notices off {n99:.2f} ms, ratio {e99 / n99:.3f} (goal <= 1.10)")
print(f"backup-code step, median of per-round p50: notices on {e50:.2f} ms, off {n50:.2f} ms, ratio {e50 / n50:.3f}")
print(f"errors: {errors}; letters waiting at the end: {sys.argv[2]}")
PY
