// credo.toml: every setting is read, and a wrong one is refused by name.
#include "credo/wiring/wiring.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace credo::wiring {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
    std::string Write(const std::string& text) {
        path_ = std::filesystem::temp_directory_path() / ("credo-config-test-" + std::to_string(::getpid()) + ".toml");
        std::ofstream(path_) << text;
        return path_.string();
    }
    void TearDown() override { std::filesystem::remove(path_); }
    std::filesystem::path path_;
};

TEST_F(ConfigTest, ReadsEverySetting) {
    auto config = LoadConfig(Write(R"(
data_dir = "/var/lib/credo"
db = "postgresql://credo@db/credo"
listen = "0.0.0.0:9000"
io_threads = 3
workers = 20
read_connections = 4
db_pool = 12
jobs_interval_seconds = 30
access_flush_seconds = 2
code_pattern = "K{year}{seq:5}"
session_hours = 8
log_level = "warn"
static_dir = "/srv/credo/web"
max_body_mb = 4
)"));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->data_dir, "/var/lib/credo");
    EXPECT_EQ(config->db_url, "postgresql://credo@db/credo");
    EXPECT_EQ(config->listen, "0.0.0.0:9000");
    EXPECT_EQ(config->io_threads, 3);
    EXPECT_EQ(config->workers, 20);
    EXPECT_EQ(config->read_connections, 4);
    EXPECT_EQ(config->db_pool, 12);
    EXPECT_EQ(config->jobs_interval_seconds, 30);
    EXPECT_EQ(config->access_flush_seconds, 2);
    EXPECT_EQ(config->code_pattern, "K{year}{seq:5}");
    EXPECT_EQ(config->session_hours, 8);
    EXPECT_EQ(config->log_level, "warn");
    EXPECT_EQ(config->static_dir, "/srv/credo/web");
    EXPECT_EQ(config->max_body_bytes, 4u * 1024 * 1024);
}

TEST(PgPoolSize, IsTwiceTheCoresUnlessConfigured) {
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    EXPECT_EQ(PgPoolSize(Config{}), 2 * cores);
    Config config;
    config.db_pool = 7;
    EXPECT_EQ(PgPoolSize(config), 7);
}

TEST_F(ConfigTest, RefusesUnknownKeysWrongTypesAndRanges) {
    EXPECT_TRUE(LoadConfig(Write("colour = \"blue\"\n")).error().fields.contains("colour"));
    EXPECT_TRUE(LoadConfig(Write("workers = \"many\"\n")).error().fields.contains("workers"));
    EXPECT_TRUE(LoadConfig(Write("db_pool = -1\n")).error().fields.contains("db_pool"));
    EXPECT_TRUE(LoadConfig(Write("listen = 8080\n")).error().fields.contains("listen"));
    EXPECT_TRUE(LoadConfig(Write("workers = [\n")).error().fields.contains("config"));
}

// The web application: static_dir wins; else ./web/dist, but only once it has been built.
TEST(WebRoot, IsStaticDirElseABuiltWebDistElseNone) {
    const auto previous = std::filesystem::current_path();
    const auto dir = std::filesystem::temp_directory_path() / ("credo-webroot-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "web" / "dist");
    std::filesystem::current_path(dir);
    Config config;
    EXPECT_EQ(WebRoot(config), "");
    std::ofstream("web/dist/index.html") << "<!doctype html>";
    EXPECT_EQ(WebRoot(config), "./web/dist");
    config.static_dir = "/srv/credo/web";
    EXPECT_EQ(WebRoot(config), "/srv/credo/web");
    std::filesystem::current_path(previous);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace credo::wiring
