-- POST /api/messages with an API key, a different recipient each time. Args: key=API_KEY threads=N
-- [senders=+1415...,+1415... to alternate "from"] [stop_after=S] [limit=N per thread].
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "common.lua")

local senders, tid, counter, head = {}, 0, 0, nil

-- Built by concatenation rather than string.format and wrk.format's header table, which cost wrk about twice the CPU
-- per request on the cores the service shares.
bench.load = function(args, t, n)
  tid = t
  for s in (args.senders or ""):gmatch("[^,]+") do senders[#senders + 1] = s end
  head = "POST /api/messages HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port
    .. "\r\nContent-Type: application/json\r\nX-Api-Key: " .. args.key .. "\r\nContent-Length: "
end

bench.next_request = function()
  counter = counter + 1
  local n = tostring(10000000 + (tid * 1000003 + counter) % 10000000)
  local from = ""
  if #senders > 0 then from = ',"from":"' .. senders[counter % #senders + 1] .. '"' end
  local body = '{"to":"+1415' .. n:sub(2) .. '"' .. from .. ',"message":"Your order ' .. counter .. ' has shipped."}'
  return head .. #body .. "\r\n\r\n" .. body
end
