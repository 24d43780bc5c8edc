-- wrk: POST /api/v1/orders with the full credit check, each order one line of 100.00 CNY, for a random
-- customer among CREDO_MAX_ID (or always customer 1 with CREDO_ONE_CUSTOMER=1).
local token = os.getenv("CREDO_TOKEN")
local max_id = tonumber(os.getenv("CREDO_MAX_ID") or "10000")
local one = os.getenv("CREDO_ONE_CUSTOMER") == "1"
local threads = {}
setup = function(thread)
    thread:set("seed", #threads + 1)
    table.insert(threads, thread)
end
init = function()
    math.randomseed(os.time() * 1000 + (seed or 0))
end
request = function()
    local id = one and 1 or math.random(1, max_id)
    local body = string.format('{"customer_id":%d,"lines":[{"product":"闸阀","model":"Z41H-16C DN100",'
        .. '"quantity":"1","unit_price":"100.00"}]}', id)
    return wrk.format("POST", "/api/v1/orders",
        {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
response = function(status, headers, body)
    if status ~= 201 or not string.find(body, '"status":"approved"', 1, true) then
        wrk.thread:stop()
    end
end
