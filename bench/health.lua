-- wrk: GET /api/v1/health (the server's floor: no session, no database).
request = function()
    return wrk.format("GET", "/api/v1/health")
end
