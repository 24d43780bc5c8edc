#include "credo/jobs/smtp_client.hpp"

#include <gtest/gtest.h>

namespace credo::jobs {
namespace {

TEST(SmtpClient, Base64PadsToWholeQuanta) {
    struct Case {
        const char* in;
        const char* out;
    };
    for (const Case& c : {Case{"", ""}, Case{"f", "Zg=="}, Case{"fo", "Zm8="}, Case{"foo", "Zm9v"},
                          Case{"foobar", "Zm9vYmFy"}, Case{"\xe5\x82\xac", "5YKs"}}) {
        EXPECT_EQ(Base64(c.in), c.out) << c.in;
    }
}

TEST(SmtpClient, SubjectsAreEncodedWordsThatNeverSplitACharacter) {
    EXPECT_EQ(EncodeHeaderText("Payment reminder"), "Payment reminder");
    EXPECT_EQ(EncodeHeaderText("付款提醒"), "=?UTF-8?B?5LuY5qy+5o+Q6YaS?=");
    // 20 three-byte characters: 45 bytes (15 characters) in the first word, 15 in the second.
    std::string long_text;
    for (int i = 0; i < 20; ++i) long_text += "催";
    const std::string encoded = EncodeHeaderText(long_text);
    const auto fold = encoded.find("\r\n ");
    ASSERT_NE(fold, std::string::npos);
    EXPECT_LE(fold, 75u);
    std::string first;
    for (int i = 0; i < 15; ++i) first += "催";
    EXPECT_EQ(encoded.substr(0, fold), "=?UTF-8?B?" + Base64(first) + "?=");
    // 44 ASCII bytes then a three-byte character: the character goes to the next word whole.
    const std::string mixed = std::string(44, 'a') + "é" + "b";
    const std::string words = EncodeHeaderText(mixed);
    EXPECT_EQ(words.substr(0, words.find("\r\n ")), "=?UTF-8?B?" + Base64(std::string(44, 'a')) + "?=");
}

TEST(SmtpClient, DotStuffingDoublesLeadingDotsAndEndsLinesWithCrlf) {
    EXPECT_EQ(DotStuff("a\n.b\n..c\nd."), "a\r\n..b\r\n...c\r\nd.\r\n");
    EXPECT_EQ(DotStuff(".\r\nx\r\n"), "..\r\nx\r\n");
    EXPECT_EQ(DotStuff(""), "\r\n");
}

TEST(SmtpClient, TheMessageCarriesItsHeadersAndABase64Body) {
    SmtpSettings s{"127.0.0.1", 25, "credo@example.com", "credo.test", std::chrono::seconds(5)};
    const std::string m = FormatMessage(s, {"li@example.com", "付款提醒", "one\ntwo", "alert-7@credo"},
                                        Timestamp(std::chrono::milliseconds(0)));
    EXPECT_NE(m.find("From: <credo@example.com>\r\n"), std::string::npos);
    EXPECT_NE(m.find("To: <li@example.com>\r\n"), std::string::npos);
    EXPECT_NE(m.find("Subject: =?UTF-8?B?5LuY5qy+5o+Q6YaS?=\r\n"), std::string::npos);
    EXPECT_NE(m.find("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"), std::string::npos);
    EXPECT_NE(m.find("Message-ID: <alert-7@credo>\r\n"), std::string::npos);
    EXPECT_NE(m.find("\r\n\r\n" + Base64("one\ntwo") + "\r\n"), std::string::npos);
}

}  // namespace
}  // namespace credo::jobs
