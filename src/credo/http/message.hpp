// Request and Response: what a handler sees and returns, free of sockets and of Beast.
//
// The server (server.hpp) parses HTTP into a Request, asks the Router for the handler, runs it — on the
// worker pool when the route may block, on the I/O thread otherwise — and writes the Response back.
// Handlers are plain functions `Response(const Request&)`, testable without a network.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace credo::http {

enum class Method { kGet, kPost, kPut, kPatch, kDelete, kHead, kOptions, kOther };

struct Request {
    Method method = Method::kGet;
    std::string path;                               // decoded path, no query: "/api/v1/customers/12"
    std::multimap<std::string, std::string> query;  // decoded query parameters
    std::map<std::string, std::string> headers;     // lower-case names
    std::string body;
    std::string remote_address;
    std::map<std::string, std::string> path_params;  // filled by the router: {"id": "12"}

    std::optional<std::string> Header(std::string_view lower_name) const;
    // The single value of a query parameter (the first one when repeated).
    std::optional<std::string> Query(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

std::string_view MethodName(Method m);

}  // namespace credo::http
