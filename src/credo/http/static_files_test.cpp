#include "credo/http/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>

namespace credo::http {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> HeaderOf(const Response& response, std::string_view name) {
    for (const auto& [k, v] : response.headers)
        if (k == name) return v;
    return std::nullopt;
}

// A built web application in a temporary directory, as Vite lays it out.
class StaticFilesTest : public ::testing::Test {
 protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("credo-static-test-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        Write("index.html", "<!doctype html><div id=root></div>");
        Write("favicon.svg", "<svg/>");
        Write("assets/index-3f2a.js", "console.log('plain')");
        Write("assets/index-3f2a.js.gz", "GZIPPED-BYTES");
        Write("assets/logo-77aa.png", "PNG");
        Write(".env", "SECRET=1");
        Write(".git/config", "[core]");
        Write("sub/.hidden.txt", "hidden");
    }
    void TearDown() override { fs::remove_all(root_); }

    void Write(const std::string& relative, const std::string& bytes) {
        const fs::path path = root_ / relative;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << bytes;
    }

    StaticFiles Load() {
        auto files = StaticFiles::Load(root_);
        EXPECT_TRUE(files) << files.error().message;
        return std::move(*files);
    }

    static Response Get(const StaticFiles& files, std::string path,
                        std::initializer_list<std::pair<std::string, std::string>> headers = {}) {
        Request request;
        request.path = std::move(path);
        for (const auto& [k, v] : headers) request.headers.emplace(k, v);
        return files.Serve(request);
    }

    fs::path root_;
};

TEST_F(StaticFilesTest, ServesIndexAtTheRootWithSecurityHeadersAndNoCache) {
    const StaticFiles files = Load();
    const Response r = Get(files, "/");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "<!doctype html><div id=root></div>");
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-cache");
    EXPECT_TRUE(HeaderOf(r, "ETag").has_value());
    EXPECT_EQ(HeaderOf(r, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(HeaderOf(r, "X-Frame-Options"), "DENY");
    EXPECT_EQ(HeaderOf(r, "Referrer-Policy"), "same-origin");
    EXPECT_TRUE(
        HeaderOf(r, "Content-Security-Policy")->starts_with("default-src 'self'; style-src 'self' 'unsafe-inline'"));
    EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding");
    EXPECT_EQ(Get(files, "/index.html").body, r.body);
}

TEST_F(StaticFilesTest, ClientSideRoutesGetIndexButMissingFilesAre404) {
    const StaticFiles files = Load();
    for (const char* route : {"/customers/42", "/customers/", "/settings//language", "/assets"}) {
        const Response r = Get(files, route);
        EXPECT_EQ(r.status, 200) << route;
        EXPECT_EQ(r.content_type, "text/html; charset=utf-8") << route;
        EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-cache") << route;
    }
    for (const char* missing : {"/logo.png", "/customers/42.json", "/assets/gone", "/assets/index-0000.js"}) {
        const Response r = Get(files, missing);
        EXPECT_EQ(r.status, 404) << missing;
        EXPECT_EQ(r.content_type, "application/json") << missing;
        EXPECT_NE(r.body.find("\"not_found\""), std::string::npos) << missing;
    }
}

TEST_F(StaticFilesTest, RefusesTraversalAndDotFiles) {
    Write("../credo-static-outside.txt", "BEYOND-THE-ROOT");
    const StaticFiles files = Load();
    for (const char* path : {"/../credo-static-outside.txt", "/assets/../../credo-static-outside.txt", "/.env",
                             "/.git/config", "/sub/.hidden.txt", "/./index.html", "/assets/..", "/..\\index.html"}) {
        const Response r = Get(files, path);
        EXPECT_EQ(r.status, 404) << path;
        EXPECT_EQ(r.body.find("BEYOND-THE-ROOT"), std::string::npos) << path;
        EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << path;
    }
    // Percent-decoding happens before (the server decodes %2e%2e to ".."), and a NUL is refused too.
    EXPECT_EQ(Get(files, std::string("/index.html\0.png", 16)).status, 404);
    EXPECT_EQ(files.file_count(), 5u);  // no dot-file was even read
    fs::remove(root_.parent_path() / "credo-static-outside.txt");
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutableAndGzipIsChosenWhenAccepted) {
    const StaticFiles files = Load();
    const Response plain = Get(files, "/assets/index-3f2a.js");
    EXPECT_EQ(plain.status, 200);
    EXPECT_EQ(plain.body, "console.log('plain')");
    EXPECT_EQ(plain.content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(HeaderOf(plain, "Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(HeaderOf(plain, "Vary"), "Accept-Encoding");
    EXPECT_FALSE(HeaderOf(plain, "Content-Encoding"));
    EXPECT_FALSE(HeaderOf(plain, "Content-Security-Policy"));  // only HTML carries the page policies

    const Response gzipped = Get(files, "/assets/index-3f2a.js", {{"accept-encoding", "br, GZIP;q=0.8"}});
    EXPECT_EQ(gzipped.body, "GZIPPED-BYTES");
    EXPECT_EQ(gzipped.content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(HeaderOf(gzipped, "Content-Encoding"), "gzip");
    EXPECT_EQ(HeaderOf(gzipped, "Vary"), "Accept-Encoding");
    EXPECT_NE(HeaderOf(gzipped, "ETag"), HeaderOf(plain, "ETag"));  // two representations, two validators

    EXPECT_EQ(Get(files, "/assets/index-3f2a.js", {{"accept-encoding", "gzip;q=0"}}).body, "console.log('plain')");
    EXPECT_EQ(Get(files, "/assets/index-3f2a.js", {{"accept-encoding", "deflate"}}).body, "console.log('plain')");
    // No .gz beside index.html: the plain file even when gzip is welcome.
    EXPECT_FALSE(HeaderOf(Get(files, "/", {{"accept-encoding", "gzip"}}), "Content-Encoding"));

    const Response png = Get(files, "/assets/logo-77aa.png", {{"accept-encoding", "gzip"}});
    EXPECT_EQ(png.content_type, "image/png");
    EXPECT_FALSE(HeaderOf(png, "Vary"));
    EXPECT_EQ(Get(files, "/favicon.svg").content_type, "image/svg+xml");
    EXPECT_EQ(HeaderOf(Get(files, "/favicon.svg"), "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, IfNoneMatchWithTheCurrentETagIs304) {
    const StaticFiles files = Load();
    const std::string etag = *HeaderOf(Get(files, "/"), "ETag");
    const Response not_modified = Get(files, "/customers/42", {{"if-none-match", "\"stale\", W/" + etag}});
    EXPECT_EQ(not_modified.status, 304);
    EXPECT_TRUE(not_modified.body.empty());
    EXPECT_EQ(HeaderOf(not_modified, "ETag"), etag);
    EXPECT_EQ(HeaderOf(not_modified, "Cache-Control"), "no-cache");
    EXPECT_EQ(Get(files, "/", {{"if-none-match", "\"stale\""}}).status, 200);
    // The ETag names the bytes sent: the plain file's does not validate the gzipped one.
    const std::string plain_etag = *HeaderOf(Get(files, "/assets/index-3f2a.js"), "ETag");
    EXPECT_EQ(Get(files, "/assets/index-3f2a.js", {{"if-none-match", plain_etag}}).status, 304);
    EXPECT_EQ(Get(files, "/assets/index-3f2a.js", {{"if-none-match", plain_etag}, {"accept-encoding", "gzip"}}).status,
              200);
}

TEST_F(StaticFilesTest, ContentChangesChangeTheETag) {
    const std::string before = *HeaderOf(Get(Load(), "/"), "ETag");
    Write("index.html", "<!doctype html><div id=app></div>");
    EXPECT_NE(*HeaderOf(Get(Load(), "/"), "ETag"), before);
}

TEST_F(StaticFilesTest, LoadRefusesADirectoryWithoutIndexOrNoDirectory) {
    fs::remove(root_ / "index.html");
    auto no_index = StaticFiles::Load(root_);
    ASSERT_FALSE(no_index);
    EXPECT_TRUE(no_index.error().fields.contains("static_dir"));
    EXPECT_NE(no_index.error().message.find("index.html"), std::string::npos);
    auto missing = StaticFiles::Load(root_ / "nope");
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.error().fields.contains("static_dir"));
}

}  // namespace
}  // namespace credo::http
