#!/usr/bin/env bash
# Rendering a page in another language costs about what it costs in English
# (issue 16): GET /login requests/s with `Accept-Language: en` and with
# `Accept-Language: ru` (and `ru` through the `lang` cookie), interleaved
# rounds in one run against one release server (goal: Russian >= 90 % of
# English). The 2-core machine is shared: compare the ratios of one run, and
# read the raw numbers with the load average printed beside them.
# Usage: scripts/bench-lang.sh   (ROUNDS=3 SECONDS_EACH=8 CONNS=16 THREADS=2 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target-bench}"
ROUNDS="${ROUNDS:-3}"
SECONDS_EACH="${SECONDS_EACH:-8}"
CONNS="${CONNS:-16}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18190}"
ADDR="127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is required" >&2; exit 1; }
echo "== build (release, CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
cargo build --release -q -p deadbolt --bin deadbolt
BIN="$CARGO_TARGET_DIR/release/deadbolt"

WORK=$(mktemp -d /tmp/deadbolt-bench-lang.XXXXXX)
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$BIN" serve --listen "$ADDR" --data-dir "$WORK/data" --log-format json >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fsS "http://$ADDR/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://$ADDR/healthz" >/dev/null

# The pages really are in each language before anything is timed.
curl -fsS -H 'Accept-Language: en' "http://$ADDR/login" | grep -q '<html lang="en"'
curl -fsS -H 'Accept-Language: ru' "http://$ADDR/login" | grep -q '<html lang="ru"'
curl -fsS -H 'Cookie: lang=ru' "http://$ADDR/login" | grep -q '<html lang="ru"'
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%Y-%m-%dT%H:%M:%SZ)"

rate() { # rate HEADER -> requests/s
  wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_EACH}s" -H "$1" "http://$ADDR/login" \
    | awk '/^Requests\/sec/ {print $2}'
}
rate 'Accept-Language: en' >/dev/null # warm-up
declare -A total=([en]=0 [ru]=0 [ru_cookie]=0)
for r in $(seq 1 "$ROUNDS"); do
  en=$(rate 'Accept-Language: en')
  ru=$(rate 'Accept-Language: ru-RU,ru;q=0.9,en;q=0.5')
  ruc=$(rate 'Cookie: lang=ru')
  echo "round $r: en $en req/s, ru (Accept-Language) $ru req/s, ru (cookie) $ruc req/s; load $(cut -d' ' -f1 /proc/loadavg)"
  total[en]=$(echo "${total[en]} + $en" | bc -l)
  total[ru]=$(echo "${total[ru]} + $ru" | bc -l)
  total[ru_cookie]=$(echo "${total[ru_cookie]} + $ruc" | bc -l)
done
printf 'mean: en %.0f req/s, ru %.0f req/s (%.1f %% of en), ru by cookie %.0f req/s (%.1f %% of en)\n' \
  "$(echo "${total[en]} / $ROUNDS" | bc -l)" \
  "$(echo "${total[ru]} / $ROUNDS" | bc -l)" \
  "$(echo "100 * ${total[ru]} / ${total[en]}" | bc -l)" \
  "$(echo "${total[ru_cookie]} / $ROUNDS" | bc -l)" \
  "$(echo "100 * ${total[ru_cookie]} / ${total[en]}" | bc -l)"
