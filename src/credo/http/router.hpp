// Router: maps (method, path pattern) to a handler. Patterns are literal segments and `{name}`
// segments: "/api/v1/customers/{id}/history". Matching is exact per segment; a path that matches a
// pattern under another method answers 405, one that matches nothing 404 (both as JSON errors) —
// except GET and HEAD outside /api/, which go to the fallback when one is set (the web application).
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

    // Answers the GET and HEAD requests outside /api/ that match no route, inline on the I/O thread: it
    // must not block. Its answers are not observed by Metrics (they are not API requests).
    void SetFallback(Handler handler) { fallback_ = std::move(handler); }
    const Handler& fallback() const { return fallback_; }

    struct Match {
        const Route* route = nullptr;  // null: no route; see status and fallback
        int status = 404;              // 404 or 405 when route is null
        bool fallback = false;         // route is null and the fallback answers
        std::map<std::string, std::string> params;
    };
    Match Find(Method method, std::string_view path) const;

    const std::vector<Route>& routes() const { return routes_; }

 private:
    std::vector<Route> routes_;
    Handler fallback_;
};

}  // namespace credo::http
