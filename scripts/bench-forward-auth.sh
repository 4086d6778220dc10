#!/usr/bin/env bash
# Forward-auth benchmarks (issue 12), every ratio from one run (the 2-core VM
# is noisy: compare numbers within a run, not across runs).
#   1. GET /api/authz/auth-request for a signed-in user (SQLite), beside the
#      bare-axum ceiling (examples/bare.rs, GET /api/v1/me), in alternating
#      rounds. Goal: >= 40 % of bare axum; the decision's p99 < 5 ms.
#   2. nginx serving a static upstream through auth_request to Deadbolt
#      (docs/proxies/nginx.conf, upstream keepalive on), beside the same nginx
#      config with auth_request taken out. Goal: >= 35 %.
# wrk: 64 connections, 2 threads, SECS seconds a round, ROUNDS rounds.
#
# Usage: CARGO_TARGET_DIR=/work/target-fa scripts/bench-forward-auth.sh   (ROUNDS=3 SECS=5)
#   BIN=path: measure that deadbolt binary instead of building one.
#   OTHER_BIN=path: also measure a second deadbolt binary (e.g. an older
#   commit's) in the same rounds of part 1, on its own port and data dir.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target-bench}"
ROUNDS="${ROUNDS:-3}"
SECS="${SECS:-5}"
D=18281 B=18282 N=18283 U=18284
APP="app.example.test"

for tool in wrk nginx curl jq; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done

echo "== build (release, CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
if [[ -z "${BIN:-}" ]]; then
  cargo build --release -q -p deadbolt --bin deadbolt
  BIN="$CARGO_TARGET_DIR/release/deadbolt"
fi
cargo build --release -q -p deadbolt-server --example bare
BARE="$CARGO_TARGET_DIR/release/examples/bare"

WORK=$(mktemp -d /tmp/deadbolt-bench-fa.XXXXXX)
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [[ -z "${KEEP_WORK:-}" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
echo "work dir $WORK; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%SZ)"

wait_up() { # wait_up URL LOG [HOST]
  for _ in $(seq 1 500); do
    if curl -sS -o /dev/null -H "Host: ${3:-localhost}" "$1" 2>/dev/null; then return 0; fi
    sleep 0.02
  done
  echo "nothing answers at $1; log:" >&2; cat "$2" >&2; exit 1
}

# Deadbolt: one_factor on the app, the proxy trusted, a signed-in user.
cat >"$WORK/deadbolt.toml" <<EOF
public_url = "http://auth.example.test:$N"
cookie_domain = "example.test"
[access_control]
default_policy = "deny"
[[access_control.rules]]
domain = ["$APP"]
policy = "one_factor"
EOF
serve_deadbolt() { # serve_deadbolt BIN PORT NAME (in this shell, so cleanup stops it)
  "$1" serve --listen "127.0.0.1:$2" --data-dir "$WORK/$3" --config "$WORK/deadbolt.toml" \
    --trusted-proxy 127.0.0.1 >"$WORK/$3.log" 2>&1 &
  PIDS+=($!)
  wait_up "http://127.0.0.1:$2/healthz" "$WORK/$3.log"
}
sign_in() { # sign_in PORT NAME: sign up, sign in, check auth-request; prints the cookie
  local port=$1 name=$2 c status
  local creds='{"username":"bench","password":"glacier notebook pumpkin 58"}'
  curl -fsS -X POST -H 'Content-Type: application/json' -d "$creds" "http://127.0.0.1:$port/api/v1/signup" >/dev/null
  c=$(curl -fsS -i -X POST -H 'Content-Type: application/json' -d "$creds" "http://127.0.0.1:$port/api/v1/login" \
    | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: deadbolt_session=\([^;]*\).*/\1/p')
  [[ -n "$c" ]] || { echo "no session cookie from $name" >&2; exit 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: deadbolt_session=$c" \
    -H "X-Original-URL: http://$APP/" "http://127.0.0.1:$port/api/authz/auth-request")
  [[ "$status" == 200 ]] || { echo "auth-request on $name answered $status, not 200" >&2; exit 1; }
  echo "$c"
}
serve_deadbolt "$BIN" "$D" data
DPID=${PIDS[-1]}
cookie=$(sign_in "$D" data)
export DEADBOLT_COOKIES="$cookie"
O=18285
if [[ -n "${OTHER_BIN:-}" ]]; then
  serve_deadbolt "$OTHER_BIN" "$O" other
  OPID=${PIDS[-1]}
  other_cookie=$(sign_in "$O" other)
fi

"$BARE" "127.0.0.1:$B" >"$WORK/bare.log" 2>&1 &
PIDS+=($!)
BPID=$!
wait_up "http://127.0.0.1:$B/healthz" "$WORK/bare.log"

# The static upstream: nginx answering a constant body.
mkdir -p "$WORK/static" "$WORK/front"
cat >"$WORK/static/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/static/nginx.pid;
error_log $WORK/static/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/static/cb; proxy_temp_path $WORK/static/p;
  fastcgi_temp_path $WORK/static/f; uwsgi_temp_path $WORK/static/u; scgi_temp_path $WORK/static/s;
  keepalive_requests 100000;
  server { listen 127.0.0.1:$U; location / { return 200 "hello from the app\n"; } }
}
EOF
nginx -p "$WORK/static" -c "$WORK/static/nginx.conf" &
PIDS+=($!)
wait_up "http://127.0.0.1:$U/" "$WORK/static/error.log"

# The front nginx: docs/proxies/nginx.conf (with auth_request), and the same
# file without it (the ceiling), on the same port in turn.
fill() {
  sed -e "s#{{PREFIX}}#$WORK/front#g" -e "s#{{LISTEN}}#127.0.0.1:$N#g" \
    -e "s#{{DEADBOLT}}#127.0.0.1:$D#g" -e "s#{{UPSTREAM}}#127.0.0.1:$U#g" \
    -e "s#{{AUTH_HOST}}#auth.example.test#g" -e "s#{{APP_HOST}}#$APP#g" docs/proxies/nginx.conf
}
fill >"$WORK/front/with.conf"
fill | sed -e '/auth_request/d' -e '/error_page 401/d' -e '/$deadbolt_\(login\|user\|name\|email\|groups\)/d' >"$WORK/front/without.conf"
grep -q auth_request "$WORK/front/without.conf" && { echo "auth_request left in the ceiling" >&2; exit 1; }

cpu_ticks() { # cpu_ticks PID: user + system clock ticks used so far
  awk '{print $14 + $15}' "/proc/$1/stat"
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))
# measured PID URL [HEADER...]: a wrk round, with the server's CPU time per
# request ("cpu_us") added to the JSON: unlike requests/s, it hardly moves
# when other work shares the cores.
measured() {
  local pid=$1 before after json
  shift
  before=$(cpu_ticks "$pid")
  json=$(wrk_run "$@")
  after=$(cpu_ticks "$pid")
  jq -c --argjson t "$(( (after - before) * TICK_US ))" '. + {cpu_us: ($t / .requests)}' <<<"$json"
}

wrk_run() { # wrk_run URL [HEADER...]: one round, WRKJSON line as JSON
  local url=$1 args=()
  shift
  local h
  for h in "$@"; do args+=(-H "$h"); done
  wrk -t2 -c64 -d"${SECS}s" --timeout 5s -s scripts/wrk/me.lua "${args[@]}" "$url" >"$WORK/wrk.txt" 2>&1
  local line
  line=$(grep '^WRKJSON ' "$WORK/wrk.txt") || { cat "$WORK/wrk.txt" >&2; exit 1; }
  echo "${line#WRKJSON }"
}

front_pid=""
front() { # front with|without
  if [[ -n "$front_pid" ]]; then kill -TERM "$front_pid"; wait "$front_pid" 2>/dev/null || true; fi
  nginx -p "$WORK/front" -c "$WORK/front/$1.conf" &
  front_pid=$!
  PIDS+=("$front_pid")
  wait_up "http://127.0.0.1:$N/" "$WORK/front/error.log" "$APP"
}

echo "== 1. auth-request (signed in, SQLite) vs bare axum, $ROUNDS rounds of ${SECS}s"
for r in $(seq 1 "$ROUNDS"); do
  fa=$(DEADBOLT_COOKIES="$cookie" measured "$DPID" "http://127.0.0.1:$D/api/authz/auth-request" "X-Original-URL: http://$APP/page")
  bare=$(measured "$BPID" "http://127.0.0.1:$B/api/v1/me")
  jq -rn --argjson f "$fa" --argjson b "$bare" --arg r "$r" \
    '"round \($r): auth-request \($f.rps|floor)/s (p50 \($f.p50_ms) ms, p99 \($f.p99_ms) ms, non-2xx \($f.non_2xx), server CPU \($f.cpu_us*10|floor/10) µs/request); bare \($b.rps|floor)/s (\($b.cpu_us*10|floor/10) µs/request); ratio \(($f.rps / $b.rps * 100)|floor) %"'
  if [[ -n "${OTHER_BIN:-}" ]]; then
    other=$(DEADBOLT_COOKIES="$other_cookie" measured "$OPID" "http://127.0.0.1:$O/api/authz/auth-request" "X-Original-URL: http://$APP/page")
    jq -rn --argjson f "$other" --argjson b "$bare" --arg r "$r" \
      '"round \($r): OTHER_BIN auth-request \($f.rps|floor)/s (p50 \($f.p50_ms) ms, p99 \($f.p99_ms) ms, non-2xx \($f.non_2xx), server CPU \($f.cpu_us*10|floor/10) µs/request); ratio to bare \(($f.rps / $b.rps * 100)|floor) %"'
  fi
done

echo "== 2. nginx static upstream: with auth_request vs without, $ROUNDS rounds of ${SECS}s"
for r in $(seq 1 "$ROUNDS"); do
  front with
  w=$(wrk_run "http://127.0.0.1:$N/" "Host: $APP")
  front without
  wo=$(wrk_run "http://127.0.0.1:$N/" "Host: $APP")
  jq -rn --argjson w "$w" --argjson o "$wo" --arg r "$r" \
    '"round \($r): with auth_request \($w.rps|floor)/s (p99 \($w.p99_ms) ms, non-2xx \($w.non_2xx)); without \($o.rps|floor)/s (p99 \($o.p99_ms) ms); ratio \(($w.rps / $o.rps * 100)|floor) %"'
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%SZ)"
