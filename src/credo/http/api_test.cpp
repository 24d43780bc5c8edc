// The HTTP contract: every route the server answers is documented in docs/api/openapi.yaml with the
// same method, and every documented operation has a route — so a new endpoint without documentation
// (or a stale document) fails here.
#include "credo/http/api.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "credo/http/openapi_json.hpp"

namespace credo::http {
namespace {

class NoDatabase final : public app::Database {
 public:
    Status Read(const std::function<Status(app::Tx&)>&) override { return MakeError(Errc::kUnavailable, "none"); }
    Status Write(const std::function<Status(app::Tx&)>&) override { return MakeError(Errc::kUnavailable, "none"); }
    std::string_view Backend() const override { return "none"; }
    Status Backup(const std::string&) override { return MakeError(Errc::kUnavailable, "none"); }
};

std::string Lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The whole API over a database that is never reached: routes are inspected, or refused before any read.
class ApiContractTest : public ::testing::Test {
 protected:
    NoDatabase db;
    SystemClock clock;
    app::Context ctx{clock, {}};
    app::Authenticator auth{db, ctx};
    ApiDeps deps{db, ctx, auth, "test"};
    Router router = BuildApi(deps);
};

TEST_F(ApiContractTest, EveryRouteIsDocumentedAndEveryOperationIsServed) {
    const auto doc = boost::json::parse(kOpenApiJson).as_object();
    std::set<std::string> documented;
    for (const auto& [path, item] : doc.at("paths").as_object()) {
        for (const auto& [method, _] : item.as_object()) {
            if (method == "parameters") continue;
            documented.insert(Lower(method) + " /api/v1" + std::string(path));
        }
    }
    std::set<std::string> served;
    for (const auto& route : router.routes()) served.insert(Lower(MethodName(route.method)) + " " + route.pattern);

    for (const auto& s : served) EXPECT_TRUE(documented.contains(s)) << s << " is served but not in openapi.yaml";
    for (const auto& d : documented) EXPECT_TRUE(served.contains(d)) << d << " is documented but not served";
}

TEST_F(ApiContractTest, ProtectedRoutesAnswer401WithoutASession) {
    const std::set<std::string> open = {"/api/v1/health", "/api/v1/openapi.json", "/api/v1/auth/login"};
    for (const auto& route : router.routes()) {
        if (open.contains(route.pattern)) continue;
        Request req;
        req.method = route.method;
        req.path = route.pattern;
        Response res = route.handler(req);
        EXPECT_EQ(res.status, 401) << MethodName(route.method) << " " << route.pattern;
        EXPECT_NE(res.body.find("\"unauthenticated\""), std::string::npos);
    }
}

}  // namespace
}  // namespace credo::http
