-- wrk: GET /api/v1/customers/{id} with ids spread over the loaded files.
-- Env: CREDO_TOKEN, CREDO_MAX_ID.
local token = os.getenv("CREDO_TOKEN")
local max_id = tonumber(os.getenv("CREDO_MAX_ID") or "100000")
math.randomseed(os.time())
request = function()
    local id = math.random(1, max_id)
    return wrk.format("GET", "/api/v1/customers/" .. id, {["Authorization"] = "Bearer " .. token})
end
