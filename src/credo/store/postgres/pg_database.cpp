#include "credo/store/postgres/pg_database.hpp"

#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "credo/sql/embedded.hpp"
#include "credo/store/migrator.hpp"
#include "credo/store/postgres/pg_connection.hpp"
#include "credo/store/repositories.hpp"

namespace credo::store::postgres {
namespace {

// Runs a program with arguments (no shell). Returns its exit status (127 when it cannot start) and
// the first line it wrote to stderr, so that the caller can give one readable reason.
struct ProgramResult {
    int status = 127;
    std::string error;
};
ProgramResult RunProgram(std::vector<std::string> args) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return {};
    const pid_t pid = fork();
    if (pid < 0) return {};
    if (pid == 0) {
        dup2(pipe_fds[1], STDERR_FILENO);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    close(pipe_fds[1]);
    std::string err;
    char buffer[4096];
    ssize_t n;
    while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0) err.append(buffer, static_cast<std::size_t>(n));
    close(pipe_fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    ProgramResult out;
    out.status = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    out.error = err.substr(0, err.find('\n'));
    return out;
}

Error ProgramError(const std::string& program, const ProgramResult& r) {
    if (r.status == 127)
        return MakeError(Errc::kInternal, program + " is not installed (Debian package postgresql-client)");
    return MakeError(Errc::kInternal,
                     program + " failed: " + (r.error.empty() ? "exit status " + std::to_string(r.status) : r.error));
}

class PgDatabase final : public app::Database {
 public:
    PgDatabase(PgOptions options, std::vector<std::unique_ptr<PgConnection>> pool)
        : options_(std::move(options)), idle_(std::move(pool)) {}

    Status Read(const std::function<Status(app::Tx&)>& work) override {
        // No explicit transaction: each statement reads committed data on its own. A read is most often
        // a single statement, and BEGIN and COMMIT would triple its round trips. A connection found cut
        // is re-established and the read run again (it changed nothing).
        return WithConnection([&](PgConnection& conn) -> Status {
            Status result = RunWork(conn, work);
            if (!result && !conn.ok() && conn.Reset()) result = RunWork(conn, work);
            return result;
        });
    }

    Status Write(const std::function<Status(app::Tx&)>& work) override {
        std::mt19937 jitter(std::random_device{}());
        for (int attempt = 0;; ++attempt) {
            Status result = WithConnection([&](PgConnection& conn) -> Status {
                CREDO_CHECK(Begin(conn, "BEGIN"));
                Status s = RunWork(conn, work);
                if (!s) {
                    (void)conn.Exec("ROLLBACK");
                    return s;
                }
                return conn.Exec("COMMIT");
            });
            const bool retry = !result && result.error().details.contains("retry");
            if (!retry || attempt >= options_.max_retries) return result;
            const int pause_ms = (5 << attempt) + static_cast<int>(jitter() % 10);
            std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
        }
    }

    std::string_view Backend() const override { return "postgresql"; }

    // pg_dump's custom format: consistent while servers run, restored with pg_restore (credo restore).
    Status Backup(const std::string& path) override {
        const auto r = RunProgram({"pg_dump", "--format=custom", "--no-owner", "--file", path, options_.url});
        if (r.status != 0) return ProgramError("pg_dump", r);
        return Ok();
    }

 private:
    // Starts a transaction. A pooled connection may have been cut while idle (a database restart, a
    // terminated backend); nothing of the transaction has run yet, so it is reconnected and started again.
    // Only when reconnecting fails does the caller see kUnavailable.
    static Status Begin(PgConnection& conn, std::string_view sql) {
        Status begin = conn.Exec(sql);
        if (begin || conn.ok()) return begin;
        if (!conn.Reset()) return MakeError(Errc::kUnavailable, "the database is unreachable; try again shortly");
        return conn.Exec(sql);
    }

    Status WithConnection(const std::function<Status(PgConnection&)>& use) {
        std::unique_ptr<PgConnection> conn;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [&] { return !idle_.empty(); });
            conn = std::move(idle_.back());
            idle_.pop_back();
        }
        Status result = Ok();
        if (!conn->ok() && !conn->Reset()) {
            result = MakeError(Errc::kUnavailable, "the database is unreachable; try again shortly");
        } else {
            result = use(*conn);
        }
        {
            std::lock_guard lock(mutex_);
            idle_.push_back(std::move(conn));
        }
        cv_.notify_one();
        return result;
    }

    PgOptions options_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<PgConnection>> idle_;
};

}  // namespace

Status RestorePostgres(const std::string& backup, const std::string& url, bool replace) {
    if (access(backup.c_str(), R_OK) != 0) return FieldError("from", backup + " cannot be read");
    CREDO_TRY(auto conn, PgConnection::Open(url));
    CREDO_TRY(auto probe,
              conn->Prepare(std::string_view("SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migrations'")));
    CREDO_TRY(bool row, probe->Step());
    const bool has_tables = row && probe->Int(0) > 0;
    probe.reset();
    if (has_tables && !replace)
        return MakeError(Errc::kConflict,
                         "the database already holds Credo's tables; stop the servers and add --force "
                         "to replace them");
    std::vector<std::string> args{"pg_restore", "--no-owner", "--exit-on-error", "--single-transaction"};
    if (has_tables) args.insert(args.end(), {"--clean", "--if-exists"});
    args.insert(args.end(), {"--dbname", url, backup});
    const auto r = RunProgram(args);
    if (r.status != 0) return ProgramError("pg_restore", r);
    return Ok();
}

Result<std::unique_ptr<app::Database>> OpenPostgres(const PgOptions& options) {
    std::vector<std::unique_ptr<PgConnection>> pool;
    CREDO_TRY(auto first, PgConnection::Open(options.url));
    CREDO_CHECK(Migrate(*first, credo::sql::postgres::kMigrations));
    pool.push_back(std::move(first));
    for (int i = 1; i < std::max(1, options.pool); ++i) {
        CREDO_TRY(auto c, PgConnection::Open(options.url));
        pool.push_back(std::move(c));
    }
    return std::unique_ptr<app::Database>(std::make_unique<PgDatabase>(options, std::move(pool)));
}

}  // namespace credo::store::postgres
