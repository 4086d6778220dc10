#!/usr/bin/env bash
# Passkey benchmark (issue 14): passwordless sign-ins per second, server
# side, against the same run's P-256 verify rate (goal: >= 50 % of
# cores x verify rate; no Argon2 is involved).
#
# A release `deadbolt serve` on SQLite (fresh temporary data dir, public URL
# http://localhost:PORT, --trusted-proxy 127.0.0.1); the generator
# (examples/passkey_signins.rs) signs users up, registers a software passkey
# each (webauthn-authenticator-rs SoftPasskey), then runs COUNT passwordless
# sign-ins (start, sign, finish) from CONC threads. The client's signing
# runs in the generator's process, so the server's share is counted from
# /proc/PID/stat (utime + stime of the server over the sign-ins alone):
#   server sign-ins/s on all cores = cores / server CPU seconds per sign-in
#   ratio = that / (cores x one thread's P-256 verify rate)
#         = 1 / (server CPU seconds per sign-in x verify rate)
# The verify rate (same p256 crate as webauthn-rs; per second of the
# verifying thread's own CPU time, so other work on the cores does not
# lower it) is measured just before
# and just after each round; the ratio uses their mean.
#
# Usage: scripts/bench-passkeys.sh   (ROUNDS=3 COUNT=600 CONC=4 USERS=16 by default;
# CONC=16 COUNT=3000 for a saturated server, where concurrent sign-ins share commits)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target-bench}"
ROUNDS="${ROUNDS:-3}"
COUNT="${COUNT:-600}"
CONC="${CONC:-4}"
USERS="${USERS:-16}"
PORT="${PORT:-18190}"

echo "== build (release, CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
cargo build --release -q -p deadbolt --bin deadbolt
cargo build --release -q -p deadbolt-server --example passkey_signins
BIN="$CARGO_TARGET_DIR/release/deadbolt"
GEN="$CARGO_TARGET_DIR/release/examples/passkey_signins"
CORES=$(nproc)

WORK=$(mktemp -d /tmp/deadbolt-bench-passkeys.XXXXXX)
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  cores: $CORES  load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  D="$WORK/data-$round"
  mkdir -p "$D"
  "$BIN" serve --listen "127.0.0.1:$PORT" --public-url "http://localhost:$PORT" \
    --data-dir "$D" --trusted-proxy 127.0.0.1 >"$D.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  v1=$("$GEN" verify --seconds 3 | sed 's/.*"verifies_per_s":\([0-9.e+]*\).*/\1/')
  out=$("$GEN" signins --addr "127.0.0.1:$PORT" --origin "http://localhost:$PORT" \
    --users "$USERS" --count "$COUNT" --concurrency "$CONC" --pid "$SERVER")
  v2=$("$GEN" verify --seconds 3 | sed 's/.*"verifies_per_s":\([0-9.e+]*\).*/\1/')
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  python3 - "$out" "$v1" "$v2" "$CORES" "$round" <<'PY'
import json, sys
out, v1, v2, cores, rnd = json.loads(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
verify = (v1 + v2) / 2
cpu = out["server_cpu_s"] / out["signins"]
server_rate = cores / cpu
ratio = server_rate / (cores * verify)
print(f"round {rnd}: {out['signins']} sign-ins at concurrency {out['concurrency']} in {out['wall_s']:.2f} s "
      f"({out['signins_per_s_wall']:.0f}/s wall, client signing included); server CPU {cpu*1000:.3f} ms per sign-in "
      f"-> {server_rate:.0f} sign-ins/s on {cores} cores; P-256 verify {v1:.0f} / {v2:.0f} per s per core "
      f"(x{cores} = {cores*verify:.0f}/s); ratio {ratio*100:.1f} % (goal >= 50 %)")
PY
done
