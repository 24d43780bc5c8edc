#include "credo/http/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace credo::http {
namespace {

Handler Answer(std::string body) {
    return [body = std::move(body)](const Request&) {
        Response response;
        response.body = body;
        return response;
    };
}

std::string Call(const Router::Match& match) {
    if (match.route == nullptr) return "<" + std::to_string(match.status) + ">";
    return match.route->handler(Request{}).body;
}

TEST(RouterTest, MatchesLiteralPatterns) {
    Router router;
    router.Add(Method::kGet, "/health", Dispatch::kInline, Answer("health"));
    router.Add(Method::kGet, "/api/v1/customers", Dispatch::kBlocking, Answer("list"));

    EXPECT_EQ(Call(router.Find(Method::kGet, "/health")), "health");
    EXPECT_EQ(Call(router.Find(Method::kGet, "/api/v1/customers")), "list");
    EXPECT_EQ(router.Find(Method::kGet, "/api/v1/customers").route->dispatch, Dispatch::kBlocking);
    EXPECT_EQ(Call(router.Find(Method::kGet, "/api/v1")), "<404>");
    EXPECT_EQ(Call(router.Find(Method::kGet, "/api/v1/customers/x")), "<404>");
    EXPECT_EQ(Call(router.Find(Method::kGet, "/Health")), "<404>");
}

TEST(RouterTest, ExtractsParameters) {
    Router router;
    router.Add(Method::kGet, "/api/v1/customers/{id}/contacts/{contact}", Dispatch::kBlocking, Answer("contact"));

    auto match = router.Find(Method::kGet, "/api/v1/customers/12/contacts/7");
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.params.at("id"), "12");
    EXPECT_EQ(match.params.at("contact"), "7");
    EXPECT_EQ(match.params.size(), 2u);
}

TEST(RouterTest, ParameterNeedsANonEmptySegment) {
    Router router;
    router.Add(Method::kGet, "/customers/{id}", Dispatch::kInline, Answer("one"));
    EXPECT_EQ(Call(router.Find(Method::kGet, "/customers/")), "<404>");
    EXPECT_EQ(Call(router.Find(Method::kGet, "/customers")), "<404>");
}

TEST(RouterTest, TrailingSlashIsDistinct) {
    Router router;
    router.Add(Method::kGet, "/x", Dispatch::kInline, Answer("x"));
    router.Add(Method::kGet, "/", Dispatch::kInline, Answer("root"));
    EXPECT_EQ(Call(router.Find(Method::kGet, "/x")), "x");
    EXPECT_EQ(Call(router.Find(Method::kGet, "/x/")), "<404>");
    EXPECT_EQ(Call(router.Find(Method::kGet, "/")), "root");
    EXPECT_EQ(Call(router.Find(Method::kGet, "//x")), "<404>");
    EXPECT_EQ(Call(router.Find(Method::kGet, "")), "<404>");
}

TEST(RouterTest, LiteralWinsOverParameterInEitherRegistrationOrder) {
    for (bool literal_first : {true, false}) {
        Router router;
        auto add_literal = [&] {
            router.Add(Method::kGet, "/api/v1/customers/duplicates", Dispatch::kBlocking, Answer("duplicates"));
        };
        auto add_param = [&] {
            router.Add(Method::kGet, "/api/v1/customers/{id}", Dispatch::kBlocking, Answer("customer"));
        };
        if (literal_first) {
            add_literal();
            add_param();
        } else {
            add_param();
            add_literal();
        }
        auto dup = router.Find(Method::kGet, "/api/v1/customers/duplicates");
        EXPECT_EQ(Call(dup), "duplicates") << literal_first;
        EXPECT_TRUE(dup.params.empty());
        auto one = router.Find(Method::kGet, "/api/v1/customers/42");
        EXPECT_EQ(Call(one), "customer") << literal_first;
        EXPECT_EQ(one.params.at("id"), "42");
    }
}

TEST(RouterTest, EarlierLiteralSegmentWeighsMore) {
    Router router;
    router.Add(Method::kGet, "/a/{x}/c", Dispatch::kInline, Answer("param-then-literal"));
    router.Add(Method::kGet, "/a/b/{y}", Dispatch::kInline, Answer("literal-then-param"));
    EXPECT_EQ(Call(router.Find(Method::kGet, "/a/b/c")), "literal-then-param");
    EXPECT_EQ(Call(router.Find(Method::kGet, "/a/z/c")), "param-then-literal");
}

TEST(RouterTest, OtherMethodGives405UnknownPathGives404) {
    Router router;
    router.Add(Method::kGet, "/api/v1/customers/{id}", Dispatch::kBlocking, Answer("get"));
    router.Add(Method::kPut, "/api/v1/customers/{id}", Dispatch::kBlocking, Answer("put"));

    EXPECT_EQ(Call(router.Find(Method::kPut, "/api/v1/customers/3")), "put");
    auto del = router.Find(Method::kDelete, "/api/v1/customers/3");
    EXPECT_EQ(del.route, nullptr);
    EXPECT_EQ(del.status, 405);
    auto missing = router.Find(Method::kDelete, "/api/v1/suppliers/3");
    EXPECT_EQ(missing.route, nullptr);
    EXPECT_EQ(missing.status, 404);
}

TEST(RouterTest, MethodMatchTakesPrecedenceOverSpecificity) {
    // A more specific literal registered only for POST must not hide the GET parameter route.
    Router router;
    router.Add(Method::kGet, "/customers/{id}", Dispatch::kInline, Answer("get-one"));
    router.Add(Method::kPost, "/customers/merge", Dispatch::kInline, Answer("merge"));
    EXPECT_EQ(Call(router.Find(Method::kGet, "/customers/merge")), "get-one");
    EXPECT_EQ(Call(router.Find(Method::kPost, "/customers/merge")), "merge");
    EXPECT_EQ(router.Find(Method::kPost, "/customers/7").status, 405);
}

TEST(RouterTest, RejectsDuplicateAndMalformedPatterns) {
    Router router;
    router.Add(Method::kGet, "/customers/{id}", Dispatch::kInline, Answer("a"));
    EXPECT_THROW(router.Add(Method::kGet, "/customers/{other}", Dispatch::kInline, Answer("b")), std::invalid_argument);
    EXPECT_NO_THROW(router.Add(Method::kDelete, "/customers/{id}", Dispatch::kInline, Answer("c")));
    EXPECT_THROW(router.Add(Method::kGet, "customers", Dispatch::kInline, Answer("d")), std::invalid_argument);
    EXPECT_THROW(router.Add(Method::kGet, "/customers/{}", Dispatch::kInline, Answer("e")), std::invalid_argument);
    EXPECT_THROW(router.Add(Method::kGet, "/customers/{id", Dispatch::kInline, Answer("f")), std::invalid_argument);
    EXPECT_THROW(router.Add(Method::kGet, "/x{id}", Dispatch::kInline, Answer("g")), std::invalid_argument);
    EXPECT_EQ(router.routes().size(), 2u);
}

TEST(RouterTest, FallbackTakesGetAndHeadOutsideTheApiThatMatchNothing) {
    Router router;
    router.Add(Method::kGet, "/api/v1/health", Dispatch::kInline, Answer("health"));
    router.Add(Method::kPost, "/customers", Dispatch::kInline, Answer("post"));
    EXPECT_FALSE(router.Find(Method::kGet, "/customers/42").fallback);  // none set: a plain 404
    router.SetFallback(Answer("web"));

    EXPECT_TRUE(router.Find(Method::kGet, "/customers/42").fallback);
    EXPECT_TRUE(router.Find(Method::kHead, "/").fallback);
    EXPECT_TRUE(router.Find(Method::kGet, "/apidocs").fallback);
    EXPECT_EQ(router.fallback()(Request{}).body, "web");
    EXPECT_EQ(Call(router.Find(Method::kGet, "/api/v1/health")), "health");
    EXPECT_FALSE(router.Find(Method::kGet, "/api/v1/nope").fallback);
    EXPECT_FALSE(router.Find(Method::kGet, "/api").fallback);
    EXPECT_FALSE(router.Find(Method::kPost, "/customers/42").fallback);
    auto wrong_method = router.Find(Method::kGet, "/customers");  // POST only: 405, not the web application
    EXPECT_FALSE(wrong_method.fallback);
    EXPECT_EQ(wrong_method.status, 405);
}

}  // namespace
}  // namespace credo::http
