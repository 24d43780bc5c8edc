// The composition root: the only place that reads configuration and builds the object graph (clock,
// database, use-case context, authenticator, HTTP server). The CLI asks it for a ready Application.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "credo/app/auth.hpp"
#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::wiring {

struct Config {
    std::string data_dir = "./data";  // SQLite: <data_dir>/credo.db
    std::string db_url;               // sqlite:PATH or postgresql://…; overrides data_dir
    std::string listen = "127.0.0.1:8080";
    int io_threads = 2;
    int workers = 16;                 // blocking-work threads (writers beyond these wait)
    int read_connections = 2;         // SQLite read connections, each with its own page cache
    int db_pool = 0;                  // PostgreSQL connections; 0: PgPoolSize's default
    int jobs_interval_seconds = 600;  // how often `serve` looks for periodic jobs due today
    int access_flush_seconds = 5;     // how often `serve` stores the counted reads (leak detection, SE-4)
    std::size_t max_body_bytes = 32 * 1024 * 1024;
    std::string code_pattern{domain::kDefaultCodePattern};
    std::string base_currency = "CNY";  // ISO 4217; the company's books
    int session_hours = 12;
    std::string log_level = "info";
    std::string static_dir;  // the built web application; empty: ./web/dist when built (WebRoot)
    // [smtp]: alerts also go out by e-mail (RP-5) when `host` is set; off by default.
    struct Smtp {
        std::string host;
        int port = 25;
        std::string from;
        std::string helo = "credo.localdomain";
        int timeout_seconds = 30;
        int interval_seconds = 10;  // how often the sender looks for alerts to mail
    } smtp;
};

// PostgreSQL connections per server, which are also the threads serving reads: db_pool when set, else
// twice the cores. More than that only queue inside PostgreSQL on the same cores (docs/benchmarks.md).
int PgPoolSize(const Config& config);

// The directory of the built web application that `serve` answers outside /api/: static_dir when set,
// else ./web/dist when it holds an index.html (a checkout where the web application was built), else
// empty: none.
std::string WebRoot(const Config& config);

// Reads credo.toml (toml++) when `path` is given or ./credo.toml exists; unknown keys and bad values are
// kInvalidArgument naming the key.
Result<Config> LoadConfig(const std::optional<std::string>& path);

// Restores a backup (`credo backup`) into the configured database: the SQLite file under data_dir, or the
// PostgreSQL database of db_url. Refuses to overwrite a database that holds data unless `replace`.
Status Restore(const Config& config, const std::string& backup, bool replace);

class Application {
 public:
    static Result<std::unique_ptr<Application>> Open(const Config& config);
    ~Application();

    app::Database& db() { return *db_; }
    const app::Context& context() const { return *ctx_; }
    app::Authenticator& authenticator() { return *auth_; }
    const Config& config() const { return config_; }

    // Serves HTTP until SIGTERM/SIGINT, with the periodic jobs running beside it; prints the URL once
    // listening.
    Status Serve();
    // Runs one job for `as_of` now (credo jobs run); "already ran" is not an error.
    Result<std::string> RunJob(const std::string& name, Date as_of);

 private:
    Application() = default;
    Config config_;
    std::unique_ptr<Clock> clock_;
    std::unique_ptr<app::Context> ctx_;
    std::unique_ptr<app::Database> db_;
    std::unique_ptr<app::Authenticator> auth_;
};

}  // namespace credo::wiring
