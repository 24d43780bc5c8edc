#include "credo/app/tabular/xlsx.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace credo::app::tabular {
namespace {

using Rows = std::vector<std::vector<std::string>>;

const std::vector<std::string> kHeader = {"客户编号", "名称", "电话"};
const Rows kRows = {
    {"00123", "上海华东贸易有限公司", "02161234567"},
    {"00124", "北京 \"京西\" 商贸 & Co <ltd>", ""},
    {"00125", "多行\n备注", "+86 138 0013 8000"},
};

bool HaveUnzip() { return std::system("command -v unzip >/dev/null 2>&1") == 0; }

// The content of `member` inside the zip file at `path`, via `unzip -p`.
std::string UnzipMember(const std::string& path, const std::string& member) {
    const std::string command = "unzip -p '" + path + "' '" + member + "' 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return {};
    std::string out;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    pclose(pipe);
    return out;
}

// A temporary path that the test owns and removes.
class TempPath {
 public:
    TempPath() {
        const char* env = std::getenv("TMPDIR");
        path_ = std::string(env != nullptr && *env != '\0' ? env : "/tmp") + "/credo-xlsx-test-XXXXXX";
        const int fd = mkstemp(path_.data());
        if (fd >= 0) close(fd);
    }
    ~TempPath() { std::remove(path_.c_str()); }
    const std::string& path() const { return path_; }

 private:
    std::string path_;
};

TEST(XlsxBytesTest, IsAZipWithTheStrings) {
    auto bytes = XlsxBytes("客户", kHeader, kRows);
    ASSERT_TRUE(bytes) << bytes.error().message;
    ASSERT_GE(bytes->size(), 4u);
    EXPECT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));

    if (!HaveUnzip()) GTEST_SKIP() << "unzip not installed";
    TempPath file;
    {
        std::ofstream out(file.path(), std::ios::binary);
        out << *bytes;
    }
    const std::string strings = UnzipMember(file.path(), "xl/sharedStrings.xml");
    EXPECT_NE(strings.find("上海华东贸易有限公司"), std::string::npos) << strings;
    // Codes and phone numbers are strings, with their leading zeros.
    EXPECT_NE(strings.find(">00123<"), std::string::npos);
    EXPECT_NE(strings.find(">02161234567<"), std::string::npos);
    EXPECT_NE(strings.find("&amp; Co &lt;ltd&gt;"), std::string::npos);

    const std::string workbook = UnzipMember(file.path(), "xl/workbook.xml");
    EXPECT_NE(workbook.find("name=\"客户\""), std::string::npos) << workbook;

    const std::string sheet = UnzipMember(file.path(), "xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("ySplit=\"1\""), std::string::npos) << "header row not frozen";
    EXPECT_NE(sheet.find("<cols>"), std::string::npos) << "column widths not set";
    EXPECT_EQ(sheet.find("t=\"n\""), std::string::npos);
    EXPECT_NE(sheet.find("t=\"s\""), std::string::npos);

    const std::string styles = UnzipMember(file.path(), "xl/styles.xml");
    EXPECT_NE(styles.find("<b/>"), std::string::npos) << "no bold font for the header";
}

TEST(XlsxBytesTest, EmptyTableAndDefaultSheetName) {
    auto bytes = XlsxBytes("", {"a"}, {});
    ASSERT_TRUE(bytes) << bytes.error().message;
    EXPECT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));
}

TEST(XlsxBytesTest, InvalidSheetNameIsInternalError) {
    auto bytes = XlsxBytes("bad/name", kHeader, kRows);
    ASSERT_FALSE(bytes);
    EXPECT_EQ(bytes.error().code, Errc::kInternal);
    EXPECT_NE(bytes.error().message.find("bad/name"), std::string::npos) << bytes.error().message;

    auto too_long = XlsxBytes(std::string(32, 'x'), kHeader, kRows);
    ASSERT_FALSE(too_long);
    EXPECT_EQ(too_long.error().code, Errc::kInternal);
}

TEST(XlsxBytesTest, OverlongCellIsInternalError) {
    auto bytes = XlsxBytes("s", {"a"}, {{std::string(40000, 'x')}});
    ASSERT_FALSE(bytes);
    EXPECT_EQ(bytes.error().code, Errc::kInternal);
    EXPECT_NE(bytes.error().message.find("row 2, column 1"), std::string::npos) << bytes.error().message;
}

TEST(XlsxBytesTest, RemovesTempFileInTmpdir) {
    std::string dir = "/tmp/credo-xlsx-dir-XXXXXX";
    ASSERT_NE(mkdtemp(dir.data()), nullptr);
    const char* old_env = std::getenv("TMPDIR");
    const std::string old = old_env != nullptr ? old_env : "";
    setenv("TMPDIR", (dir + "/").c_str(), 1);

    EXPECT_TRUE(XlsxBytes("s", kHeader, kRows));
    EXPECT_FALSE(XlsxBytes("bad?name", kHeader, kRows));
    EXPECT_TRUE(std::filesystem::is_empty(dir));

    if (old_env != nullptr) {
        setenv("TMPDIR", old.c_str(), 1);
    } else {
        unsetenv("TMPDIR");
    }
    std::filesystem::remove_all(dir);
}

TEST(WriteXlsxTest, WritesFileAtPath) {
    TempPath file;
    ASSERT_TRUE(WriteXlsx(file.path(), "Sheet", kHeader, kRows));
    std::ifstream in(file.path(), std::ios::binary);
    std::string magic(4, '\0');
    in.read(magic.data(), 4);
    EXPECT_EQ(magic, std::string("PK\x03\x04", 4));

    if (!HaveUnzip()) GTEST_SKIP() << "unzip not installed";
    EXPECT_NE(UnzipMember(file.path(), "xl/sharedStrings.xml").find("多行\n备注"), std::string::npos);
}

TEST(WriteXlsxTest, UnwritablePathIsInternalError) {
    auto status = WriteXlsx("/nonexistent-dir-credo/out.xlsx", "s", kHeader, kRows);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, Errc::kInternal);
    EXPECT_FALSE(status.error().message.empty());
}

TEST(WriteXlsxTest, FailedFillLeavesNoFile) {
    TempPath dir_file;  // reserve a unique name, then use it as a fresh path
    std::remove(dir_file.path().c_str());
    auto status = WriteXlsx(dir_file.path(), "bad:name", kHeader, kRows);
    ASSERT_FALSE(status);
    EXPECT_NE(access(dir_file.path().c_str(), F_OK), 0);
}

}  // namespace
}  // namespace credo::app::tabular
