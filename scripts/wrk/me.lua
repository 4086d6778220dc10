-- Authenticated GET for scripts/bench-nodes.sh: each wrk thread sends one of
-- the session cookies listed in DEADBOLT_COOKIES (comma-separated; thread i
-- takes cookie DEADBOLT_COOKIE_OFFSET + i). The request is formatted once per
-- thread (no per-request Lua), so wrk itself stays cheap; the same script
-- drives the bare-axum ceiling (which ignores the cookie).
--   DEADBOLT_COOKIES=a,b wrk -t2 -c64 -d5s -s scripts/wrk/me.lua http://127.0.0.1:PORT/api/v1/me
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local cookies = {}
  for c in string.gmatch(os.getenv("DEADBOLT_COOKIES") or "", "[^,%s]+") do
    table.insert(cookies, c)
  end
  if #cookies > 0 then
    local k = ((id or 0) + tonumber(os.getenv("DEADBOLT_COOKIE_OFFSET") or "0")) % #cookies + 1
    wrk.headers["Cookie"] = "deadbolt_session=" .. cookies[k]
  end
end

done = function(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format(
    'WRKJSON {"requests":%d,"seconds":%.3f,"rps":%.2f,"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"non_2xx":%d,"connect_err":%d,"read_err":%d,"write_err":%d,"timeouts":%d}\n',
    summary.requests, s, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
end
