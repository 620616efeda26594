-- The floor: a form POST the size of a webhook, answered by the minimal app.
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "common.lua")

local body = string.rep("x", 220)
bench.next_request = function()
  return wrk.format("POST", "/api/webhooks/plivo", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
