-- GETs cycling through a file of paths (one per line, query included), with an API key (the history endpoints) or
-- a signed-in user's cookie (the inbox's pages). Args: file=PATH key=API_KEY | cookie=NAME=VALUE, threads=N.
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "common.lua")

local paths, next_path, headers = nil, 1, nil

bench.load = function(args, tid, n)
  headers = args.cookie and { ["Cookie"] = args.cookie } or { ["X-Api-Key"] = args.key }
  -- Every thread cycles the whole list from its own offset, so a short list works with any thread count.
  paths = bench.read_lines(args.file, 0, 1)
  next_path = tid % #paths + 1
end

bench.next_request = function()
  local p = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", p, headers)
end
