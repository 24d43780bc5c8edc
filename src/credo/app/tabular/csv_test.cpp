#include "credo/app/tabular/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace credo::app::tabular {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Asserts `bytes` fails to parse with `message` and the given line in Error::fields.
void ExpectError(std::string_view bytes, const std::string& message, int line) {
    auto table = ParseCsv(bytes);
    ASSERT_FALSE(table) << "parsed unexpectedly: " << bytes;
    EXPECT_EQ(table.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(table.error().message.substr(0, message.size()), message) << table.error().message;
    ASSERT_TRUE(table.error().fields.contains("line"));
    EXPECT_EQ(table.error().fields.at("line"), std::to_string(line));
}

TEST(ParseCsvTest, ParsesSimpleTable) {
    auto table = ParseCsv("code,name\n001,华东贸易\n002,Acme\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->header, (std::vector<std::string>{"code", "name"}));
    EXPECT_EQ(table->rows, (Rows{{"001", "华东贸易"}, {"002", "Acme"}}));
    EXPECT_EQ(table->row_lines, (std::vector<int>{2, 3}));
}

TEST(ParseCsvTest, StripsBomAndAcceptsCrlf) {
    auto table = ParseCsv("\xEF\xBB\xBF客户编号,名称\r\nA1,上海\r\nA2,北京\r\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->header, (std::vector<std::string>{"客户编号", "名称"}));
    EXPECT_EQ(table->rows, (Rows{{"A1", "上海"}, {"A2", "北京"}}));
    EXPECT_EQ(table->row_lines, (std::vector<int>{2, 3}));
}

TEST(ParseCsvTest, NoTrailingNewlineAndHeaderOnly) {
    auto table = ParseCsv("a,b\n1,2");
    ASSERT_TRUE(table);
    EXPECT_EQ(table->rows, (Rows{{"1", "2"}}));

    auto header_only = ParseCsv("a,b\r\n");
    ASSERT_TRUE(header_only);
    EXPECT_TRUE(header_only->rows.empty());
    EXPECT_TRUE(header_only->row_lines.empty());
}

TEST(ParseCsvTest, SkipsEmptyLinesButCountsThem) {
    auto table = ParseCsv("\n\na,b\n\n1,2\r\n\r\n\n3,4\n\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->rows, (Rows{{"1", "2"}, {"3", "4"}}));
    EXPECT_EQ(table->row_lines, (std::vector<int>{5, 8}));
}

TEST(ParseCsvTest, QuotedFields) {
    auto table = ParseCsv("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"line1\nline2\"\n\"\",plain,\"\"\"\"\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->rows, (Rows{{"x,y", "say \"hi\"", "line1\nline2"}, {"", "plain", "\""}}));
    // The second row starts after the embedded newline.
    EXPECT_EQ(table->row_lines, (std::vector<int>{2, 4}));
}

TEST(ParseCsvTest, EmptyFieldsAndTrailingComma) {
    auto table = ParseCsv("a,b,c\n,,\n1,,\n");
    ASSERT_TRUE(table);
    EXPECT_EQ(table->rows, (Rows{{"", "", ""}, {"1", "", ""}}));
}

TEST(ParseCsvTest, EmbeddedCrlfKeptInQuotedField) {
    auto table = ParseCsv("a\r\n\"x\r\ny\"\r\nz\r\n");
    ASSERT_TRUE(table);
    EXPECT_EQ(table->rows, (Rows{{"x\r\ny"}, {"z"}}));
    EXPECT_EQ(table->row_lines, (std::vector<int>{2, 4}));
}

TEST(ParseCsvTest, EmptyFile) {
    ExpectError("", "line 1: the file is empty", 1);
    ExpectError("\xEF\xBB\xBF", "line 1: the file is empty", 1);
    ExpectError("\r\n\n", "line 1: the file is empty", 1);
}

TEST(ParseCsvTest, InvalidUtf8NamesTheLine) {
    const std::string base = "a,b\n1,2\n3,4\n5,6\n7,8\n9,10\n";
    const std::vector<std::string> bad = {
        "\xC0\xAF",          // overlong '/'
        "\xE0\x80\xAF",      // overlong 3-byte
        "\xF0\x80\x80\xAF",  // overlong 4-byte
        "\xED\xA0\x80",      // UTF-16 surrogate
        "\xF4\x90\x80\x80",  // above U+10FFFF
        "\xE4\xB8",          // truncated 中
        "\x80",              // lone continuation
        "\xFF",              // never valid
        "\xD6\xD0\xCE\xC4",  // "中文" in GBK
    };
    for (const auto& seq : bad) {
        ExpectError(base + "x" + seq + ",y\n", "line 7: not valid UTF-8 (save the file as UTF-8)", 7);
    }
    // Truncated at the very end of the input.
    ExpectError(base + "x,\xE4\xB8", "line 7: not valid UTF-8", 7);
    // Lines inside quoted fields count too.
    ExpectError("a\n\"1\n2\"\n\xFF\n", "line 4: not valid UTF-8", 4);
}

TEST(ParseCsvTest, AcceptsValidMultibyte) {
    // U+1F600, U+FFFD, U+D7FF (just below the surrogates) and U+10FFFF (the last code point).
    auto table = ParseCsv("a\n\xF0\x9F\x98\x80\xEF\xBF\xBD\xED\x9F\xBF\xF4\x8F\xBF\xBF\n");
    ASSERT_TRUE(table) << table.error().message;
}

TEST(ParseCsvTest, Utf16FileIsRejected) {
    ExpectError(std::string("\xFF\xFE"
                            "a\0,\0b\0",
                            8),
                "line 1: not valid UTF-8", 1);
}

TEST(ParseCsvTest, UnterminatedQuoteNamesTheOpeningLine) {
    std::string csv = "a,b\n";
    for (int i = 2; i < 12; ++i) csv += "x,y\n";
    csv += "x,\"unclosed\nmore\nlines\n";
    ExpectError(csv, "line 12: unterminated quoted field", 12);
}

TEST(ParseCsvTest, StrayQuote) {
    auto table = ParseCsv("a,b\n1,2\nx,y\"z\n");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().message.substr(0, 29), "line 3, column 2: stray quote");
    EXPECT_EQ(table.error().fields.at("line"), "3");
    EXPECT_EQ(table.error().fields.at("column"), "2");

    // Text after a closing quote.
    ExpectError("a,b\n1,2\n\"x\"y,z\n", "line 3, column 1: stray quote", 3);
    // A space before the opening quote makes it unquoted.
    ExpectError("a,b\n1, \"2\"\n", "line 2, column 2: stray quote", 2);
    // After a multi-line quoted field the physical line has moved on.
    ExpectError("a,b\n\"1\n2\"x,3\n", "line 3, column 1: stray quote", 3);
    // In the header.
    ExpectError("a\"b\n", "line 1, column 1: stray quote", 1);
}

TEST(ParseCsvTest, FieldCountMismatch) {
    std::string csv = "a,b,c,d,e,f,g\n";
    for (int i = 2; i < 9; ++i) csv += "1,2,3,4,5,6,7\n";
    ExpectError(csv + "1,2,3,4,5\n", "line 9: 5 fields, header has 7", 9);
    ExpectError(csv + "1,2,3,4,5,6,7,8\r\n", "line 9: 8 fields, header has 7", 9);
    ExpectError("a,b\n\n\n1\n", "line 4: 1 fields, header has 2", 4);
}

TEST(ParseCsvTest, BadHeader) {
    ExpectError("a,,c\n1,2,3\n", "line 1: header column 2 has an empty name", 1);
    ExpectError("a,b, \n", "line 1: header column 3 has an empty name", 1);
    ExpectError("a,\n", "line 1: header column 2 has an empty name", 1);
    ExpectError("\n名称,电话,名称\n", "line 2: duplicate header column \"名称\" (columns 1 and 3)", 2);
}

TEST(WriteCsvTest, BomCrlfAndQuoting) {
    const std::string out = WriteCsv({"code", "name"}, {{"001", "a,b"}, {"002", "say \"hi\""}, {"003", "x\ny"}});
    EXPECT_EQ(out,
              "\xEF\xBB\xBF"
              "code,name\r\n001,\"a,b\"\r\n002,\"say \"\"hi\"\"\"\r\n003,\"x\ny\"\r\n");
}

TEST(WriteCsvTest, EmptyRows) {
    EXPECT_EQ(WriteCsv({"a"}, {}),
              "\xEF\xBB\xBF"
              "a\r\n");
    EXPECT_EQ(WriteCsv({"a", "b"}, {{"", ""}}),
              "\xEF\xBB\xBF"
              "a,b\r\n,\r\n");
}

TEST(WriteCsvTest, FormulaGuard) {
    const std::vector<std::string> header = {"v"};
    auto cell = [&](const std::string& v) {
        const std::string out = WriteCsv(header, {{v}});
        const std::string prefix =
            "\xEF\xBB\xBF"
            "v\r\n";
        return out.substr(prefix.size(), out.size() - prefix.size() - 2);
    };
    EXPECT_EQ(cell("=SUM(A1:A2)"), "'=SUM(A1:A2)");
    EXPECT_EQ(cell("@cmd"), "'@cmd");
    EXPECT_EQ(cell("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
    EXPECT_EQ(cell("-=1"), "'-=1");
    EXPECT_EQ(cell("\tx"), "'\tx");
    EXPECT_EQ(cell("\rx"), "\"'\rx\"");
    EXPECT_EQ(cell("=a,b"), "\"'=a,b\"");
    // Signed numbers and phone numbers are data.
    EXPECT_EQ(cell("-12.5"), "-12.5");
    EXPECT_EQ(cell("+8613800138000"), "+8613800138000");
    EXPECT_EQ(cell("-"), "-");
    EXPECT_EQ(cell("+"), "+");
    EXPECT_EQ(cell("a=b"), "a=b");
    EXPECT_EQ(cell(""), "");
    // The header is guarded as well.
    EXPECT_EQ(WriteCsv({"=x"}, {}),
              "\xEF\xBB\xBF"
              "'=x\r\n");
}

TEST(CsvRoundTripTest, WriteThenParse) {
    const std::vector<std::string> header = {"客户编号", "名称", "地址", "备注"};
    const Rows rows = {
        {"00123", "上海华东贸易有限公司", "上海市浦东新区, 世纪大道100号", "他说\"好的\""},
        {"00124", "北京\"京西\"商贸", "", "第一行\n第二行\r\n第三行"},
        {"", "", "", ""},
        {"-5", "Acme, Inc.", "\"quoted\"", "emoji 😀"},
    };
    auto table = ParseCsv(WriteCsv(header, rows));
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->header, header);
    EXPECT_EQ(table->rows, rows);
    EXPECT_EQ(table->row_lines, (std::vector<int>{2, 3, 6, 7}));
}

}  // namespace
}  // namespace credo::app::tabular
