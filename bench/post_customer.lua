-- wrk: POST /api/v1/customers, each request a new, valid enterprise file with a unique name and tax id.
local token = os.getenv("CREDO_TOKEN")
local counter = 0
local thread_id = 0
local threads = {}
setup = function(thread)
    thread:set("thread_id", #threads + 1)
    table.insert(threads, thread)
end
request = function()
    counter = counter + 1
    local n = thread_id * 10000000 + counter
    local body = string.format(
        '{"kind":"enterprise","name":"压测阀门化工有限公司%d","region":"east","address":"江苏省淮安市健康西路%d号",'
        .. '"phone":"0517-%08d","legal_representative":"王建国","tax_id":"92%016d","ownership_type":"private",'
        .. '"registered_capital":{"amount":"5000000.00","currency":"CNY"}}', n, n % 1000, n % 100000000, n)
    return wrk.format("POST", "/api/v1/customers",
        {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
