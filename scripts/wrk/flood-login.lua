-- Wrong-password flood for scripts/bench-login.sh (goal 2): every request is
-- POST /api/v1/login with an unknown username and a random X-Forwarded-For,
-- so neither the per-username nor the per-address budget stops it and every
-- request costs the server one Argon2id verification (the dummy hash).
-- The server must run with --trusted-proxy 127.0.0.1.
--   wrk -t1 -c32 -d20s -s scripts/wrk/flood-login.lua http://127.0.0.1:PORT
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0))
  n = 0
end

request = function()
  n = n + 1
  local ip = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  local body = string.format('{"username":"flood-%d-%d-%d","password":"not the password %d"}',
    id or 0, n, math.random(1, 1000000000), n)
  return wrk.format("POST", "/api/v1/login",
    { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = ip }, body)
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
