#include "credo/app/auth.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace credo::app {
namespace {

using ::testing::StartsWith;

std::string Repeat(std::string_view unit, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += unit;
    return out;
}

std::string PasswordProblem(std::string_view password) {
    const Status s = ValidatePassword(password);
    EXPECT_FALSE(s.has_value()) << "accepted a password of " << password.size() << " bytes";
    if (s.has_value()) return "";
    const Error e = s.error();
    EXPECT_EQ(e.code, Errc::kInvalidArgument);
    EXPECT_EQ(e.fields.size(), 1u);
    return e.fields.count("password") ? e.fields.at("password") : "";
}

TEST(Password, HashThenVerify) {
    const auto hash = HashPassword("correct horse 电池");
    ASSERT_TRUE(hash.has_value()) << hash.error().message;
    EXPECT_THAT(*hash, StartsWith("$argon2id$"));
    EXPECT_TRUE(VerifyPassword(*hash, "correct horse 电池"));
    EXPECT_FALSE(VerifyPassword(*hash, "correct horse 电"));
    EXPECT_FALSE(VerifyPassword(*hash, "Correct horse 电池"));
    EXPECT_FALSE(VerifyPassword(*hash, ""));
}

TEST(Password, HashesAreSalted) {
    const auto a = HashPassword("same password");
    const auto b = HashPassword("same password");
    ASSERT_TRUE(a.has_value());
    ASSERT_TRUE(b.has_value());
    EXPECT_NE(*a, *b);
    EXPECT_TRUE(VerifyPassword(*a, "same password"));
    EXPECT_TRUE(VerifyPassword(*b, "same password"));
}

TEST(Password, VerifyRejectsMalformedHashes) {
    EXPECT_FALSE(VerifyPassword("", "password"));
    EXPECT_FALSE(VerifyPassword("not a hash", "not a hash"));
    EXPECT_FALSE(VerifyPassword("$argon2id$v=19$m=65536,t=2,p=1$broken", "password"));
}

TEST(Password, ValidateLength) {
    EXPECT_EQ(PasswordProblem(Repeat("a", 7)), "must have at least 8 characters");
    EXPECT_TRUE(ValidatePassword(Repeat("a", 8)).has_value());
    EXPECT_TRUE(ValidatePassword(Repeat("a", 128)).has_value());
    EXPECT_EQ(PasswordProblem(Repeat("a", 129)), "must have at most 128 characters");
    EXPECT_EQ(PasswordProblem(""), "must have at least 8 characters");
}

TEST(Password, ValidateCountsCharactersNotBytes) {
    EXPECT_EQ(PasswordProblem(Repeat("密", 7)), "must have at least 8 characters");  // 21 bytes
    EXPECT_TRUE(ValidatePassword(Repeat("密", 8)).has_value());
    EXPECT_TRUE(ValidatePassword(Repeat("密", 128)).has_value());  // 384 bytes
    EXPECT_EQ(PasswordProblem(Repeat("密", 129)), "must have at most 128 characters");
}

TEST(Password, ValidateRefusesInvalidUtf8) {
    EXPECT_FALSE(ValidatePassword("abcdefgh\xC0\x80").has_value());
    EXPECT_FALSE(ValidatePassword(Repeat("\xFF", 20)).has_value());
    EXPECT_EQ(ValidatePassword("abcdefgh\xC0\x80").error().fields.at("password"), "is not valid UTF-8 text");
}

TEST(HashToken, Sha256InHex) {
    EXPECT_EQ(HashToken(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(HashToken, StableAndDistinct) {
    const std::string token = Repeat("0123456789abcdef", 4);
    const std::string h = HashToken(token);
    ASSERT_EQ(h.size(), 64u);
    EXPECT_TRUE(
        std::all_of(h.begin(), h.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }));
    EXPECT_EQ(HashToken(token), h);
    EXPECT_NE(HashToken(token + "0"), h);
    EXPECT_NE(h, token);
}

}  // namespace
}  // namespace credo::app
