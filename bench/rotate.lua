-- wrk script: rotate over a file of paths (one per line), count non-200
-- answers, and print one JSON line with the figures bench/run.py reads.
-- Usage: wrk -s bench/rotate.lua http://127.0.0.1:PORT -- paths.txt THREADS
-- With THREADS (wrk's -t), thread n asks paths n, n+THREADS, n+2*THREADS, …: no
-- URL is asked twice until the list is used up ("repeats" counts the requests after).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  step = tonumber(args[2]) or 1
  counter = ((id or 1) - 1) % #paths
  repeats = 0
  non200 = 0
  server_errors = 0
end

function request()
  local path = paths[counter % #paths + 1]
  if counter >= #paths then repeats = repeats + 1 end
  counter = counter + step
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
  if status >= 500 then server_errors = server_errors + 1 end
end

function done(summary, latency, requests)
  local non_ok, server, again = 0, 0, 0
  for _, thread in ipairs(threads) do
    non_ok = non_ok + thread:get("non200")
    server = server + thread:get("server_errors")
    again = again + thread:get("repeats")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "connect_errors": %d, "read_errors": %d, ' ..
    '"write_errors": %d, "timeouts": %d, "status_errors": %d, "non_200": %d, "server_errors": %d, "repeats": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, e.status, non_ok, server, again,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
