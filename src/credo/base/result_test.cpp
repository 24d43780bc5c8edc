#include "credo/base/result.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace credo {
namespace {

TEST(ResultTest, ErrcNameIsStableForEveryCode) {
    const std::vector<std::pair<Errc, std::string_view>> expected = {
        {Errc::kInvalidArgument, "invalid_argument"},
        {Errc::kNotFound, "not_found"},
        {Errc::kConflict, "conflict"},
        {Errc::kAlreadyExists, "already_exists"},
        {Errc::kPreconditionRequired, "precondition_required"},
        {Errc::kUnauthenticated, "unauthenticated"},
        {Errc::kForbidden, "forbidden"},
        {Errc::kLocked, "locked"},
        {Errc::kPayloadTooLarge, "payload_too_large"},
        {Errc::kUnsupported, "unsupported"},
        {Errc::kUnavailable, "unavailable"},
        {Errc::kInternal, "internal"},
    };
    std::set<std::string_view> seen;
    for (const auto& [code, name] : expected) {
        EXPECT_EQ(ErrcName(code), name);
        EXPECT_TRUE(seen.insert(ErrcName(code)).second) << "duplicate name " << name;
    }
}

TEST(ResultTest, ErrcNameOfAnOutOfRangeValueIsInternal) { EXPECT_EQ(ErrcName(static_cast<Errc>(999)), "internal"); }

TEST(ResultTest, DefaultErrorIsInternal) {
    Error e;
    EXPECT_EQ(e.code, Errc::kInternal);
    EXPECT_TRUE(e.message.empty());
    EXPECT_TRUE(e.fields.empty());
    EXPECT_TRUE(e.details.empty());
}

TEST(ResultTest, MakeErrorSetsCodeAndMessageOnly) {
    Error e = MakeError(Errc::kConflict, "version 3 is stale");
    EXPECT_EQ(e.code, Errc::kConflict);
    EXPECT_EQ(e.message, "version 3 is stale");
    EXPECT_TRUE(e.fields.empty());
    EXPECT_TRUE(e.details.empty());
}

TEST(ResultTest, FieldErrorFillsFieldsAndMessage) {
    Error e = FieldError("contacts[0].email", "not a valid e-mail address");
    EXPECT_EQ(e.code, Errc::kInvalidArgument);
    EXPECT_EQ(e.message, "contacts[0].email: not a valid e-mail address");
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields.at("contacts[0].email"), "not a valid e-mail address");
    EXPECT_TRUE(e.details.empty());
}

TEST(ResultTest, NotFoundNamesWhatAndId) {
    Error e = NotFound("customer", "42");
    EXPECT_EQ(e.code, Errc::kNotFound);
    EXPECT_EQ(e.message, "customer 42 does not exist");
    EXPECT_TRUE(e.fields.empty());
}

TEST(ResultTest, OkIsSuccess) {
    Status s = Ok();
    EXPECT_TRUE(s.has_value());
}

TEST(ResultTest, ValueOnAnErrorThrowsLogicErrorWithTheMessage) {
    Result<int> r = MakeError(Errc::kForbidden, "role viewer may not edit");
    ASSERT_FALSE(r.has_value());
    try {
        (void)r.value();
        FAIL() << "value() did not throw";
    } catch (const std::logic_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("forbidden"), std::string::npos) << what;
        EXPECT_NE(what.find("role viewer may not edit"), std::string::npos) << what;
        EXPECT_NE(what.find("result_test.cpp"), std::string::npos) << what;
    }
}

Result<int> Half(int n) {
    if (n % 2 != 0) return FieldError("n", std::to_string(n) + " is odd");
    return n / 2;
}

// Halves twice; stops at the first error.
Result<int> Quarter(int n) {
    CREDO_TRY(int half, Half(n));
    CREDO_TRY(int quarter, Half(half));
    return quarter;
}

int g_steps = 0;

Status Step(bool ok) {
    ++g_steps;
    if (!ok) return MakeError(Errc::kUnavailable, "database unreachable");
    return Ok();
}

Status TwoSteps(bool first_ok, bool second_ok) {
    CREDO_CHECK(Step(first_ok));
    CREDO_CHECK(Step(second_ok));
    return Ok();
}

// CREDO_TRY inside a Status-returning function: the error converts to Status.
Status StoreHalf(int n, std::string* out) {
    CREDO_TRY(std::string text, Result<std::string>(std::to_string(n)));
    CREDO_TRY(int half, Half(n));
    *out = text + "/2=" + std::to_string(half);
    return Ok();
}

TEST(ResultTest, CredoTryBindsValues) {
    Result<int> r = Quarter(12);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(*r, 3);
}

TEST(ResultTest, CredoTryPropagatesTheFirstError) {
    Result<int> r = Quarter(7);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(r.error().fields.at("n"), "7 is odd");

    r = Quarter(6);  // 6 -> 3, then 3 is odd
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().fields.at("n"), "3 is odd");
}

TEST(ResultTest, CredoTryWorksInStatusFunctions) {
    std::string out;
    EXPECT_TRUE(StoreHalf(8, &out).has_value());
    EXPECT_EQ(out, "8/2=4");
    Status s = StoreHalf(5, &out);
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().message, "n: 5 is odd");
    EXPECT_EQ(out, "8/2=4");
}

TEST(ResultTest, CredoCheckPropagatesAndShortCircuits) {
    g_steps = 0;
    EXPECT_TRUE(TwoSteps(true, true).has_value());
    EXPECT_EQ(g_steps, 2);

    g_steps = 0;
    Status s = TwoSteps(false, true);
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().code, Errc::kUnavailable);
    EXPECT_EQ(s.error().message, "database unreachable");
    EXPECT_EQ(g_steps, 1);

    g_steps = 0;
    s = TwoSteps(true, false);
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().code, Errc::kUnavailable);
    EXPECT_EQ(g_steps, 2);
}

TEST(ResultTest, CredoCheckWorksInValueReturningFunctions) {
    auto f = [](bool ok) -> Result<int> {
        CREDO_CHECK(Step(ok));
        return 1;
    };
    EXPECT_EQ(*f(true), 1);
    EXPECT_EQ(f(false).error().code, Errc::kUnavailable);
}

}  // namespace
}  // namespace credo
