#!/usr/bin/env bash
# OpenID Connect benchmark (issue 13): completed authorization-code flows
# per second for a user already signed in (GET /oauth2/authorize with PKCE
# S256 → the code → POST /oauth2/token → an ES256-signed ID token), against
# the same run's ES256 signing rate × cores and the bare-axum ceiling.
#
# A release `deadbolt serve` on SQLite (fresh data dir, public URL
# http://127.0.0.1:PORT, --trusted-proxy 127.0.0.1) with one trusted
# confidential client (`deadbolt oidc client add ... --trusted`: no consent
# page; client_secret_basic); the generator (examples/oidc_flows.rs) signs
# a user in and runs COUNT flows from CONC threads. The generator shares the
# two cores, so the comparable figure is the server's own CPU time per flow
# (utime + stime from /proc over the flows alone):
#   flow capacity on all cores = cores / server CPU seconds per flow
#   vs ES256:    ratio = 1 / (CPU per flow × one thread's ES256 signs per CPU-second)
#   vs bare axum: ratio = (2 × bare CPU per request) / CPU per flow
#                 (a flow is two requests; bare = examples/bare.rs under wrk)
# The signing rate is measured just before and after each round (mean used).
#
# Usage: scripts/bench-oidc.sh   (ROUNDS=3 COUNT=3000 CONC=4 SECS=5 by default)
#   BIN=path: measure that deadbolt binary (e.g. an older commit's) instead
#   of building one.
#   PERF=1: also `perf record -g` the server during the last round's flows
#   and print the top of `perf report` (needs linux-perf).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target-bench}"
ROUNDS="${ROUNDS:-3}"
COUNT="${COUNT:-3000}"
CONC="${CONC:-4}"
SECS="${SECS:-5}"
PORT="${PORT:-18195}"
BPORT=$((PORT + 1))
REDIRECT="http://127.0.0.1:9/cb"

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done
echo "== build (release, CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
if [[ -z "${BIN:-}" ]]; then
  cargo build --release -q -p deadbolt --bin deadbolt
  BIN="$CARGO_TARGET_DIR/release/deadbolt"
fi
cargo build --release -q -p deadbolt-server --example oidc_flows --example bare
GEN="$CARGO_TARGET_DIR/release/examples/oidc_flows"
BARE="$CARGO_TARGET_DIR/release/examples/bare"
CORES=$(nproc)
TICK_S=$(python3 -c "import os; print(1 / os.sysconf('SC_CLK_TCK'))")

WORK=$(mktemp -d /tmp/deadbolt-bench-oidc.XXXXXX)
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
wait_up() { # wait_up URL LOG
  for _ in $(seq 1 200); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "nothing answers at $1; log:" >&2; cat "$2" >&2; exit 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

"$BARE" "127.0.0.1:$BPORT" >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
PIDS+=("$BARE_PID")
wait_up "http://127.0.0.1:$BPORT/healthz" "$WORK/bare.log"

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  cores: $CORES  load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  D="$WORK/data-$round"
  mkdir -p "$D"
  "$BIN" serve --listen "127.0.0.1:$PORT" --public-url "http://127.0.0.1:$PORT" \
    --data-dir "$D" --trusted-proxy 127.0.0.1 >"$D.log" 2>&1 &
  SERVER=$!
  PIDS+=("$SERVER")
  wait_up "http://127.0.0.1:$PORT/healthz" "$D.log"
  # The operator registers the client beside the running server (same database).
  out=$("$BIN" oidc client add bench --redirect-uri "$REDIRECT" --trusted --data-dir "$D")
  id=$(sed -n 's/^client_id: *//p' <<<"$out")
  secret=$(sed -n 's/^client_secret: *//p' <<<"$out")
  [[ -n "$id" && -n "$secret" ]] || { echo "no client id/secret in: $out" >&2; exit 1; }

  s1=$("$GEN" sign --seconds 3 | sed 's/.*"signs_per_s":\([0-9.e+]*\).*/\1/')
  if [[ -n "${PERF:-}" && "$round" == "$ROUNDS" ]]; then
    perf record -g -o "$WORK/perf.data" -p "$SERVER" 2>/dev/null &
    PERF_PID=$!
    sleep 0.5
  fi
  flows=$("$GEN" flows --addr "127.0.0.1:$PORT" --client-id "$id" --client-secret "$secret" \
    --redirect "$REDIRECT" --count "$COUNT" --concurrency "$CONC" --pid "$SERVER")
  if [[ -n "${PERF_PID:-}" ]]; then
    kill -INT "$PERF_PID"; wait "$PERF_PID" 2>/dev/null || true
  fi
  s2=$("$GEN" sign --seconds 3 | sed 's/.*"signs_per_s":\([0-9.e+]*\).*/\1/')
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true

  before=$(cpu_ticks "$BARE_PID")
  wrk -t2 -c64 -d"${SECS}s" "http://127.0.0.1:$BPORT/api/v1/me" >"$WORK/wrk.txt" 2>&1
  after=$(cpu_ticks "$BARE_PID")
  bare_requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$WORK/wrk.txt")
  bare_rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$WORK/wrk.txt")

  python3 - "$flows" "$s1" "$s2" "$CORES" "$round" "$((after - before))" "$bare_requests" "$bare_rps" "$TICK_S" <<'PY'
import json, sys
flows = json.loads(sys.argv[1])
s1, s2, cores, rnd = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
bare_ticks, bare_requests, bare_rps, tick = int(sys.argv[6]), int(sys.argv[7]), float(sys.argv[8]), float(sys.argv[9])
sign = (s1 + s2) / 2
cpu = flows["server_cpu_s"] / flows["flows"]
bare_cpu = bare_ticks * tick / bare_requests
capacity = cores / cpu
print(f"round {rnd}: {flows['flows']} flows at concurrency {flows['concurrency']} in {flows['wall_s']:.2f} s "
      f"({flows['flows_per_s_wall']:.0f}/s wall, generator on the same cores); "
      f"server CPU {cpu*1000:.3f} ms per flow -> {capacity:.0f} flows/s on {cores} cores")
print(f"  ES256 signs {s1:.0f} / {s2:.0f} per CPU-second ({1000/sign:.3f} ms each; x{cores} = {cores*sign:.0f}/s): "
      f"flows are {100/(cpu*sign):.1f} % of the signing rate; the signature is {100/(cpu*sign):.1f} % of a flow's CPU")
print(f"  bare axum {bare_rps:.0f} requests/s under wrk, {bare_cpu*1e6:.1f} µs CPU per request: "
      f"a flow costs {cpu/(2*bare_cpu):.1f}x two bare requests (ratio {200*bare_cpu/cpu:.1f} %)")
PY
done
if [[ -n "${PERF:-}" ]]; then
  echo "== perf report (server, last round's flows; children off, top 40 symbols)"
  perf report -i "$WORK/perf.data" --no-children --sort symbol --stdio 2>/dev/null | grep -v '^#' | grep '%' | head -40
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%SZ)"
