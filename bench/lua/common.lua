-- Shared by the bench scripts: argument parsing, per-thread status counting, an optional drain (stop starting
-- requests after stop_after seconds or limit requests, so every request in flight completes before wrk ends and
-- the counts are exact) and one parseable RESULT line printed by done().
--
-- A script sets bench.next_request (returns the next request) and optionally bench.load(args, tid, nthreads),
-- then wrk calls the globals defined here. Arguments after "--" are key=value pairs.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long bench_sec; long bench_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]]

bench = {}
local tv = ffi.new("bench_timeval")

function bench.now()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.bench_sec) + tonumber(tv.bench_usec) / 1e6
end

function bench.parse(args)
  local parsed = {}
  for _, a in ipairs(args) do
    local k, v = a:match("^([%w_]+)=(.*)$")
    if k then parsed[k] = v end
  end
  return parsed
end

function bench.read_lines(path, tid, nthreads)
  -- Thread tid keeps lines tid, tid + n, tid + 2n, ... so no two threads send the same line.
  local lines, i = {}, 0
  local f = assert(io.open(path, "r"), "cannot open " .. path)
  for line in f:lines() do
    if i % nthreads == tid and line ~= "" then lines[#lines + 1] = line end
    i = i + 1
  end
  f:close()
  return lines
end

-- Main state: give each thread its index.
local threads, nthreads_created = {}, 0
function setup(thread)
  thread:set("tid", nthreads_created)
  nthreads_created = nthreads_created + 1
  threads[#threads + 1] = thread
end

-- Thread state.
statuses = {}
sent = 0
started_at = nil
exhausted = 0
local stop_after, limit, idle = nil, nil, false

function init(args)
  local a = bench.parse(args)
  stop_after = tonumber(a.stop_after)
  limit = tonumber(a.limit)
  local tid = wrk.thread:get("tid")
  local n = tonumber(a.threads) or 1
  if bench.load then bench.load(a, tid, n) end
  if not stop_after and not limit then delay = nil end
end

function request()
  if not started_at then started_at = bench.now() end
  sent = sent + 1
  return bench.next_request()
end

function delay()
  if idle then return 3600000 end
  if not started_at then started_at = bench.now() end
  if bench.has_more and not bench.has_more() then
    exhausted = 1
    idle = true
    return 3600000
  end
  if (limit and sent >= limit) or (stop_after and bench.now() - started_at >= stop_after) then
    idle = true
    return 3600000
  end
  return 0
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts, total, ok, non2xx, exhausted_total = {}, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    local s = t:get("statuses") or {}
    for code, n in pairs(s) do
      counts[code] = (counts[code] or 0) + n
      total = total + n
      if code >= 200 and code < 300 then ok = ok + n else non2xx = non2xx + n end
    end
    exhausted_total = exhausted_total + (t:get("exhausted") or 0)
  end
  local codes = {}
  for code, n in pairs(counts) do codes[#codes + 1] = code .. ":" .. n end
  table.sort(codes)
  local e = summary.errors
  io.write(string.format(
    "RESULT responses=%d ok=%d non2xx=%d statuses=%s duration_s=%.3f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "connect_err=%d read_err=%d write_err=%d timeouts=%d exhausted=%d\n",
    total, ok, non2xx, table.concat(codes, ","), summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, exhausted_total))
end

return bench
