#include "credo/app/tabular/document.hpp"

#include <gtest/gtest.h>

#include <string>

namespace credo::app::tabular {
namespace {

Document Sample(int rows) {
    Document d;
    d.title = "管理报告 Management report";
    d.lines = {"截至: 2026-06-30", "Currency: CNY"};
    Section s{"最大客户 / Biggest customers: a title longer than a sheet name may be",
              {{"#", true}, {"客户"}, {"金额", true}},
              {},
              "注：占比合计为 100%。"};
    for (int i = 0; i < rows; ++i)
        s.rows.push_back({std::to_string(i + 1), "淮安恒信阀门有限公司 " + std::to_string(i), "1234567.89"});
    d.sections.push_back(s);
    d.sections.push_back(s);  // the same title twice: the sheet names must still differ
    return d;
}

int Count(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

TEST(Document, XlsxHasACoverAndOneSheetPerSection) {
    auto bytes = DocumentXlsx(Sample(3));
    ASSERT_TRUE(bytes.has_value()) << bytes.error().message;
    ASSERT_GT(bytes->size(), 100u);
    EXPECT_EQ(bytes->substr(0, 2), "PK");  // a zip
    // Three worksheets: the cover and the two sections (their names made unique within 31 characters).
    EXPECT_NE(bytes->find("xl/worksheets/sheet3.xml"), std::string::npos);
    EXPECT_EQ(bytes->find("xl/worksheets/sheet4.xml"), std::string::npos);
}

TEST(Document, PdfRunsOverPagesWithTheHeaderRepeated) {
    auto one = DocumentPdf(Sample(5));
    ASSERT_TRUE(one.has_value()) << one.error().message;
    EXPECT_EQ(one->substr(0, 5), "%PDF-");
    EXPECT_EQ(Count(*one, "/Type /Page\n") + Count(*one, "/Type /Page "), 1);
    auto many = DocumentPdf(Sample(200));
    ASSERT_TRUE(many.has_value()) << many.error().message;
    EXPECT_GT(Count(*many, "/Type /Page\n") + Count(*many, "/Type /Page "), 4);
}

}  // namespace
}  // namespace credo::app::tabular
