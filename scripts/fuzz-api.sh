#!/usr/bin/env bash
# Fuzz the JSON API with schemathesis against its own OpenAPI document, for
# FUZZ_SECONDS each (default 60): first signed in (a session cookie from a
# fresh user), then anonymous; email on (scripts/mailsink.py as the SMTP
# server). Every check runs (scripts/schemathesis.toml
# says the one exception and why). Exits non-zero on any failure.
# Usage: scripts/fuzz-api.sh BIN   (BIN = the deadbolt binary)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$1"
secs="${FUZZ_SECONDS:-60}"
port="${FUZZ_PORT:-18085}"
base="http://127.0.0.1:$port"
work=$(mktemp -d)
# Email on, through the tests' SMTP server, so the email operations run their
# real code (addresses, tokens, the outbox) under the fuzzer.
mkfifo "$work/sink.ready"
python3 "$root/scripts/mailsink.py" --port 0 --dir "$work/mail" >"$work/sink.ready" 2>"$work/sink.log" &
sink=$!
read -r ready <"$work/sink.ready"
"$bin" serve --listen "127.0.0.1:$port" --data-dir "$work/data" \
  --smtp-url "smtp://127.0.0.1:${ready#READY }" --mail-from "Deadbolt <fuzz@deadbolt.test>" >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid $sink 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
creds='{"username":"fuzzer","password":"glacier notebook pumpkin 58"}'
curl -fsS -X POST -H 'Content-Type: application/json' -d "$creds" "$base/api/v1/signup" >/dev/null
session=$(curl -fsS -i -X POST -H 'Content-Type: application/json' -d "$creds" "$base/api/v1/login" \
  | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: deadbolt_session=\([^;]*\).*/\1/p')
[[ -n "$session" ]] || { echo "no session cookie for the fuzzer" >&2; exit 1; }
cd "$work" # st writes .hypothesis/ and .schemathesis/ in the current directory
run() {
  st --config-file "$root/scripts/schemathesis.toml" run "$base/api/openapi.json" \
    --checks all --max-time "$secs" --no-color "$@"
}
echo "== schemathesis, signed in (${secs}s; the operations that end the session are left out)"
DEADBOLT_ST_SESSION="$session" run \
  --exclude-path /api/v1/logout --exclude-path /api/v1/me/password \
  --exclude-path '/api/v1/me/sessions/{id}'
echo "== schemathesis, anonymous (${secs}s)"
DEADBOLT_ST_SESSION=not-a-session run
if grep -q ' ERROR ' "$work/server.log"; then
  echo "the server logged errors during the fuzzing:" >&2
  grep ' ERROR ' "$work/server.log" >&2
  exit 1
fi
