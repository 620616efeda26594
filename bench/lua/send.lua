-- POST /api/messages with an API key, a different recipient each time. Args: key=API_KEY threads=N
-- [senders=+1415...,+1415... to alternate "from"] [stop_after=S] [limit=N per thread].
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "common.lua")

local key, senders, tid, counter = nil, {}, 0, 0

bench.load = function(args, t, n)
  key, tid = args.key, t
  for s in (args.senders or ""):gmatch("[^,]+") do senders[#senders + 1] = s end
end

bench.next_request = function()
  counter = counter + 1
  local to = string.format("+1415%07d", (tid * 1000003 + counter) % 10000000)
  local from = ""
  if #senders > 0 then from = string.format(',"from":"%s"', senders[counter % #senders + 1]) end
  local body = string.format('{"to":"%s"%s,"message":"Your order %d has shipped."}', to, from, counter)
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }, body)
end
