#include "credo/wiring/wiring.hpp"

#include <spdlog/spdlog.h>
#include <toml++/toml.h>

#include <filesystem>
#include <thread>

#include "credo/domain/customer/fields.hpp"
#include "credo/http/api.hpp"
#include "credo/http/server.hpp"
#include "credo/jobs/alert_mailer.hpp"
#include "credo/jobs/periodic.hpp"
#include "credo/jobs/scheduler.hpp"
#include "credo/store/postgres/pg_database.hpp"
#include "credo/store/sqlite/sqlite_database.hpp"

namespace credo::wiring {

namespace {

Result<std::pair<std::string, std::uint16_t>> SplitListen(const std::string& listen) {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return FieldError("listen", Quoted(listen) + " must be HOST:PORT, e.g. 127.0.0.1:8080");
    const std::string port_text = listen.substr(colon + 1);
    int port = -1;
    try {
        std::size_t used = 0;
        port = std::stoi(port_text, &used);
        if (used != port_text.size()) port = -1;
    } catch (const std::exception&) {
        port = -1;
    }
    if (port < 0 || port > 65535) return FieldError("listen", Quoted(port_text) + " is not a port (0-65535)");
    return std::pair{listen.substr(0, colon), static_cast<std::uint16_t>(port)};
}

}  // namespace

int PgPoolSize(const Config& config) {
    if (config.db_pool > 0) return config.db_pool;
    return 2 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::string WebRoot(const Config& config) {
    if (!config.static_dir.empty()) return config.static_dir;
    std::error_code ec;
    return std::filesystem::is_regular_file("web/dist/index.html", ec) ? "./web/dist" : "";
}

Result<Config> LoadConfig(const std::optional<std::string>& path) {
    Config config;
    std::string file;
    if (path) {
        file = *path;
    } else if (std::filesystem::exists("credo.toml")) {
        file = "credo.toml";
    } else {
        return config;
    }
    toml::table table;
    try {
        table = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
        return FieldError("config", file + ": " + std::string(e.description()));
    }
    for (const auto& [key, node] : table) {
        const std::string k(key.str());
        auto text = [&](std::string& target) -> Status {
            if (!node.is_string()) return FieldError(k, "must be a string in " + file);
            target = node.value<std::string>().value();
            return Ok();
        };
        auto number = [&](int& target, int min, int max) -> Status {
            auto v = node.value<std::int64_t>();
            if (!node.is_integer() || !v || *v < min || *v > max)
                return FieldError(k, "must be a whole number from " + std::to_string(min) + " to " +
                                         std::to_string(max) + " in " + file);
            target = static_cast<int>(*v);
            return Ok();
        };
        Status s = Ok();
        if (k == "data_dir")
            s = text(config.data_dir);
        else if (k == "db")
            s = text(config.db_url);
        else if (k == "listen")
            s = text(config.listen);
        else if (k == "io_threads")
            s = number(config.io_threads, 1, 64);
        else if (k == "workers")
            s = number(config.workers, 1, 256);
        else if (k == "read_connections")
            s = number(config.read_connections, 1, 64);
        else if (k == "db_pool")
            s = number(config.db_pool, 0, 256);
        else if (k == "jobs_interval_seconds")
            s = number(config.jobs_interval_seconds, 1, 86400);
        else if (k == "access_flush_seconds")
            s = number(config.access_flush_seconds, 1, 3600);
        else if (k == "code_pattern")
            s = text(config.code_pattern);
        else if (k == "base_currency")
            s = text(config.base_currency);
        else if (k == "session_hours")
            s = number(config.session_hours, 1, 24 * 30);
        else if (k == "log_level")
            s = text(config.log_level);
        else if (k == "static_dir")
            s = text(config.static_dir);
        else if (k == "smtp") {
            if (!node.is_table()) {
                s = FieldError(k, "must be a table [smtp] in " + file);
            } else {
                for (const auto& [sub_key, sub] : *node.as_table()) {
                    const std::string sk = "smtp." + std::string(sub_key.str());
                    auto sub_text = [&](std::string& target) -> Status {
                        if (!sub.is_string()) return FieldError(sk, "must be a string in " + file);
                        target = sub.value<std::string>().value();
                        return Ok();
                    };
                    auto sub_number = [&](int& target, int min, int max) -> Status {
                        auto v = sub.value<std::int64_t>();
                        if (!sub.is_integer() || !v || *v < min || *v > max)
                            return FieldError(sk, "must be a whole number from " + std::to_string(min) + " to " +
                                                      std::to_string(max) + " in " + file);
                        target = static_cast<int>(*v);
                        return Ok();
                    };
                    if (sk == "smtp.host")
                        s = sub_text(config.smtp.host);
                    else if (sk == "smtp.port")
                        s = sub_number(config.smtp.port, 1, 65535);
                    else if (sk == "smtp.from")
                        s = sub_text(config.smtp.from);
                    else if (sk == "smtp.helo")
                        s = sub_text(config.smtp.helo);
                    else if (sk == "smtp.timeout_seconds")
                        s = sub_number(config.smtp.timeout_seconds, 1, 600);
                    else if (sk == "smtp.interval_seconds")
                        s = sub_number(config.smtp.interval_seconds, 1, 3600);
                    else
                        s = FieldError(sk, "is not a setting (" + file + ")");
                    if (!s) break;
                }
                if (s && !config.smtp.host.empty()) s = domain::CheckEmailAddress(config.smtp.from, "smtp.from");
            }
        } else if (k == "max_body_mb") {
            int mb = 32;
            s = number(mb, 1, 1024);
            config.max_body_bytes = static_cast<std::size_t>(mb) * 1024 * 1024;
        } else
            s = FieldError(k, "is not a setting (" + file + ")");
        if (!s) return s.error();
    }
    return config;
}

Result<std::unique_ptr<Application>> Application::Open(const Config& config) {
    CREDO_CHECK(domain::ValidateCodePattern(config.code_pattern));
    std::unique_ptr<Application> a(new Application());
    a->config_ = config;
    a->clock_ = std::make_unique<SystemClock>();
    app::Settings settings;
    settings.code_pattern = config.code_pattern;
    CREDO_CHECK(Currency::FromCode(config.base_currency, "base_currency"));
    settings.base_currency = config.base_currency;
    settings.session_ttl = std::chrono::hours(config.session_hours);
    a->ctx_ = std::make_unique<app::Context>(app::Context{*a->clock_, settings});

    std::string sqlite_path;
    if (config.db_url.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(config.data_dir, ec);
        if (ec)
            return MakeError(Errc::kUnavailable,
                             "cannot create data directory " + config.data_dir + ": " + ec.message());
        sqlite_path = (std::filesystem::path(config.data_dir) / "credo.db").string();
    } else if (config.db_url.starts_with("sqlite:")) {
        sqlite_path = config.db_url.substr(7);
        if (sqlite_path.empty())
            return FieldError("db", "sqlite: needs a file path, e.g. sqlite:/var/lib/credo/credo.db");
    } else if (config.db_url.starts_with("postgresql://") || config.db_url.starts_with("postgres://")) {
        store::postgres::PgOptions pg;
        pg.url = config.db_url;
        pg.pool = PgPoolSize(config);
        CREDO_TRY(a->db_, store::postgres::OpenPostgres(pg));
        a->auth_ = std::make_unique<app::Authenticator>(*a->db_, *a->ctx_);
        return a;
    } else {
        return FieldError("db", Quoted(config.db_url) + " must start with sqlite: or postgresql://");
    }
    store::sqlite::SqliteOptions sqlite;
    sqlite.path = sqlite_path;
    sqlite.readers = config.read_connections;
    CREDO_TRY(a->db_, store::sqlite::OpenSqlite(sqlite));
    a->auth_ = std::make_unique<app::Authenticator>(*a->db_, *a->ctx_);
    return a;
}

Result<std::string> Application::RunJob(const std::string& name, Date as_of) {
    jobs::Scheduler scheduler(*db_, *ctx_, "cli");
    jobs::RegisterStandardJobs(scheduler);
    CREDO_TRY(auto outcome, scheduler.RunNow(name, as_of));
    return outcome == jobs::RunOutcome::kRan ? std::string("ran") : std::string("had already run");
}

Status Restore(const Config& config, const std::string& backup, bool replace) {
    if (config.db_url.starts_with("postgresql://") || config.db_url.starts_with("postgres://"))
        return store::postgres::RestorePostgres(backup, config.db_url, replace);
    std::string target;
    if (config.db_url.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(config.data_dir, ec);
        target = (std::filesystem::path(config.data_dir) / "credo.db").string();
    } else if (config.db_url.starts_with("sqlite:")) {
        target = config.db_url.substr(7);
    } else {
        return FieldError("db", Quoted(config.db_url) + " must start with sqlite: or postgresql://");
    }
    return store::sqlite::RestoreSqlite(backup, target, replace);
}

Application::~Application() = default;

Status Application::Serve() {
    CREDO_TRY(auto listen, SplitListen(config_.listen));
    std::optional<http::StaticFiles> web;
    if (const std::string root = WebRoot(config_); root.empty()) {
        spdlog::info("no web application to serve: static_dir is not set and ./web/dist/index.html does not exist");
    } else {
        CREDO_TRY(web, http::StaticFiles::Load(root));
        spdlog::info("serving the web application from {} ({} files, {} KiB)", root, web->file_count(),
                     web->total_bytes() / 1024);
    }
    app::AccessWatch watch(*ctx_);
    http::ApiDeps deps{*db_, *ctx_, *auth_, "0.1.0", web ? &*web : nullptr};
    deps.watch = &watch;
    http::Router router = http::BuildApi(deps);
    http::Metrics metrics(router);
    deps.metrics = &metrics;
    http::ServerOptions options;
    options.address = listen.first;
    options.port = listen.second;
    options.io_threads = config_.io_threads;
    options.workers = config_.workers;
    // SQLite reads are local and CPU-bound: as many threads as read connections (about the cores).
    // PostgreSQL reads wait on the network: as many threads as pooled connections.
    options.read_workers = db_->Backend() == "sqlite" ? config_.read_connections : PgPoolSize(config_);
    options.max_body_bytes = config_.max_body_bytes;
    options.metrics = &metrics;
    std::unique_ptr<jobs::AlertMailer> mailer;
    if (!config_.smtp.host.empty()) {
        const auto& m = config_.smtp;
        mailer = std::make_unique<jobs::AlertMailer>(
            *db_, *ctx_, jobs::SmtpSettings{m.host, m.port, m.from, m.helo, std::chrono::seconds(m.timeout_seconds)});
        mailer->Start(std::chrono::seconds(m.interval_seconds));
        spdlog::info("alerts are also mailed through {}:{}", m.host, m.port);
    }
    http::Server server(options, router);
    try {
        server.Listen();
    } catch (const std::system_error& e) {
        return MakeError(Errc::kUnavailable, e.what());
    }
    std::printf("credo listening on http://%s:%u/ (database: %s)\n", listen.first.c_str(), server.port(),
                std::string(db_->Backend()).c_str());
    std::fflush(stdout);
    jobs::Scheduler scheduler(*db_, *ctx_, listen.first + ":" + std::to_string(server.port()));
    jobs::RegisterStandardJobs(scheduler);
    scheduler.Start(std::chrono::seconds(config_.jobs_interval_seconds));
    jobs::Periodic flusher(
        [&] {
            if (auto s = watch.Flush(*db_); !s) spdlog::warn("storing the access counts failed: {}", s.error().message);
        },
        std::chrono::seconds(config_.access_flush_seconds));
    server.RunUntilSignalled();
    if (mailer) mailer->Stop();
    flusher.Stop();
    scheduler.Stop();
    spdlog::info("credo stopped");
    return Ok();
}

}  // namespace credo::wiring
