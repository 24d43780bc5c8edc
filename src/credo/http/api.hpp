// The HTTP API v1 (docs/api/openapi.yaml is its contract): builds the Router whose handlers parse a
// request, call one use case in one transaction, and render the result. No rule lives here.
#pragma once

#include <string>

#include "credo/app/access_watch.hpp"
#include "credo/app/auth.hpp"
#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/http/metrics.hpp"
#include "credo/http/router.hpp"
#include "credo/http/static_files.hpp"

namespace credo::http {

struct ApiDeps {
    app::Database& db;
    const app::Context& ctx;
    app::Authenticator& auth;
    std::string version;
    const StaticFiles* web = nullptr;   // the built web application, served outside /api/; null: none
    Metrics* metrics = nullptr;         // set once the router exists; GET /metrics renders it
    app::AccessWatch* watch = nullptr;  // counts the files each user reads (SE-4); null: not counted
};

Router BuildApi(ApiDeps& deps);

}  // namespace credo::http
