// Router: maps (method, path pattern) to a handler. Patterns are literal segments and `{name}`
// segments: "/api/v1/customers/{id}/history". Matching is exact per segment; a path that matches a
// pattern under another method answers 405, one that matches nothing 404 (both as JSON errors).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "credo/http/message.hpp"

namespace credo::http {

using Handler = std::function<Response(const Request&)>;

// kBlocking routes (database, hashing, exports) run on the worker pool; kInline ones (health, static
// data) answer on the I/O thread and must not block.
enum class Dispatch { kBlocking, kInline };

struct Route {
    Method method;
    std::string pattern;
    Dispatch dispatch;
    Handler handler;
};

class Router {
 public:
    void Add(Method method, std::string pattern, Dispatch dispatch, Handler handler);

    struct Match {
        const Route* route = nullptr;  // null: no route; see status
        int status = 404;              // 404 or 405 when route is null
        std::map<std::string, std::string> params;
    };
    Match Find(Method method, std::string_view path) const;

    const std::vector<Route>& routes() const { return routes_; }

 private:
    std::vector<Route> routes_;
};

}  // namespace credo::http
