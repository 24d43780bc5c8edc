#include "credo/store/sqlite/sqlite_database.hpp"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "credo/sql/embedded.hpp"
#include "credo/store/migrator.hpp"
#include "credo/store/repositories.hpp"
#include "credo/store/sqlite/connection.hpp"

namespace credo::store::sqlite {
namespace {

class SqliteDatabase final : public app::Database {
 public:
    SqliteDatabase(SqliteOptions options, std::unique_ptr<Connection> writer,
                   std::vector<std::unique_ptr<Connection>> readers)
        : options_(std::move(options)), writer_(std::move(writer)) {
        for (auto& r : readers) idle_readers_.push_back(std::move(r));
        writer_thread_ = std::thread([this] { WriterLoop(); });
    }

    ~SqliteDatabase() override {
        {
            std::lock_guard lock(write_mutex_);
            stopping_ = true;
        }
        write_cv_.notify_all();
        writer_thread_.join();
    }

    Status Read(const std::function<Status(app::Tx&)>& work) override {
        std::unique_ptr<Connection> conn = AcquireReader();
        Status result = RunRead(*conn, work);
        ReleaseReader(std::move(conn));
        return result;
    }

    Status Write(const std::function<Status(app::Tx&)>& work) override {
        Job job{&work, {}};
        auto done = job.done.get_future();
        {
            std::lock_guard lock(write_mutex_);
            if (stopping_) return MakeError(Errc::kUnavailable, "the database is shutting down");
            queue_.push_back(&job);
        }
        write_cv_.notify_one();
        return done.get();
    }

    std::string_view Backend() const override { return "sqlite"; }

    Status Backup(const std::string& path) override {
        std::unique_ptr<Connection> conn = AcquireReader();
        Status result = [&]() -> Status {
            sqlite3* dest = nullptr;
            int rc = sqlite3_open(path.c_str(), &dest);
            if (rc != SQLITE_OK) {
                Error e = MakeError(Errc::kInternal, "cannot create backup file " + path + ": " + sqlite3_errstr(rc));
                sqlite3_close(dest);
                return e;
            }
            sqlite3_backup* b = sqlite3_backup_init(dest, "main", conn->handle(), "main");
            if (!b) {
                Error e = MakeError(Errc::kInternal, std::string("backup failed: ") + sqlite3_errmsg(dest));
                sqlite3_close(dest);
                return e;
            }
            rc = sqlite3_backup_step(b, -1);
            sqlite3_backup_finish(b);
            const int close_rc = sqlite3_close(dest);
            if (rc != SQLITE_DONE || close_rc != SQLITE_OK)
                return MakeError(Errc::kInternal, std::string("backup failed: ") + sqlite3_errstr(rc));
            return Ok();
        }();
        ReleaseReader(std::move(conn));
        return result;
    }

 private:
    struct Job {
        const std::function<Status(app::Tx&)>* work;
        std::promise<Status> done;
    };

    std::unique_ptr<Connection> AcquireReader() {
        std::unique_lock lock(reader_mutex_);
        reader_cv_.wait(lock, [&] { return !idle_readers_.empty(); });
        auto conn = std::move(idle_readers_.back());
        idle_readers_.pop_back();
        return conn;
    }

    void ReleaseReader(std::unique_ptr<Connection> conn) {
        {
            std::lock_guard lock(reader_mutex_);
            idle_readers_.push_back(std::move(conn));
        }
        reader_cv_.notify_one();
    }

    static Status RunRead(Connection& conn, const std::function<Status(app::Tx&)>& work) {
        // Prepared (and cached) rather than exec'd: a read is often a single indexed lookup, and
        // parsing BEGIN and COMMIT each time would cost as much as the lookup.
        {
            CREDO_TRY(auto begin, conn.Prepare(credo::sql::transactions::kBegin));
            CREDO_CHECK(begin->Run());
        }
        Status result = RunWork(conn, work);
        auto commit = conn.Prepare(credo::sql::transactions::kCommit);
        if (commit) (void)(*commit)->Run();
        return result;
    }

    void WriterLoop() {
        std::vector<Job*> batch;
        while (true) {
            {
                std::unique_lock lock(write_mutex_);
                write_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
                if (queue_.empty() && stopping_) return;
                while (!queue_.empty() && static_cast<int>(batch.size()) < options_.max_batch) {
                    batch.push_back(queue_.front());
                    queue_.pop_front();
                }
            }
            RunBatch(batch);
            batch.clear();
        }
    }

    void RunBatch(std::vector<Job*>& batch) {
        std::vector<Status> results(batch.size(), Ok());
        Status begin = writer_->Exec("BEGIN IMMEDIATE");
        if (!begin) {
            for (auto* job : batch) job->done.set_value(begin);
            return;
        }
        if (batch.size() == 1) {
            // A batch of one needs no savepoint: its failure rolls the transaction back. (Savepoints make
            // SQLite keep a statement journal for every page a large write touches.)
            results[0] = RunWork(*writer_, *batch[0]->work);
            Status end = writer_->Exec(results[0] ? "COMMIT" : "ROLLBACK");
            if (!end) {
                (void)writer_->Exec("ROLLBACK");
                if (results[0]) results[0] = end;
            }
            batch[0]->done.set_value(std::move(results[0]));
            return;
        }
        for (std::size_t i = 0; i < batch.size(); ++i) {
            Status sp = writer_->Exec("SAVEPOINT request");
            if (!sp) {
                results[i] = sp;
                continue;
            }
            results[i] = RunWork(*writer_, *batch[i]->work);
            if (results[i]) {
                (void)writer_->Exec("RELEASE request");
            } else {
                (void)writer_->Exec("ROLLBACK TO request");
                (void)writer_->Exec("RELEASE request");
            }
        }
        Status commit = writer_->Exec("COMMIT");
        if (!commit) {
            (void)writer_->Exec("ROLLBACK");
            for (auto& r : results)
                if (r) r = commit;
        }
        for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->done.set_value(std::move(results[i]));
    }

    SqliteOptions options_;
    std::unique_ptr<Connection> writer_;
    std::mutex reader_mutex_;
    std::condition_variable reader_cv_;
    std::vector<std::unique_ptr<Connection>> idle_readers_;

    std::mutex write_mutex_;
    std::condition_variable write_cv_;
    std::deque<Job*> queue_;
    bool stopping_ = false;
    std::thread writer_thread_;
};

}  // namespace

Status RestoreSqlite(const std::string& backup, const std::string& target, bool replace) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(backup, ec)) return FieldError("from", backup + " does not exist");
    if (fs::exists(target, ec) && !replace)
        return MakeError(Errc::kConflict, target + " already exists; stop the server and add --force to replace it");
    auto source = Connection::Open(backup, false, 2048);
    if (!source) return FieldError("from", backup + " is not a database: " + source.error().message);
    {
        auto probe = (*source)->Prepare(credo::sql::migrations::kCurrent);
        if (!probe || !(*probe)->Step()) return FieldError("from", backup + " is not a Credo backup");
    }
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(target + suffix, ec);
    fs::remove(target, ec);
    sqlite3* dest = nullptr;
    int rc = sqlite3_open(target.c_str(), &dest);
    if (rc == SQLITE_OK) {
        sqlite3_backup* b = sqlite3_backup_init(dest, "main", (*source)->handle(), "main");
        rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(dest);
        if (b) sqlite3_backup_finish(b);
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
    }
    const std::string message = dest ? sqlite3_errmsg(dest) : sqlite3_errstr(rc);
    sqlite3_close(dest);
    if (rc != SQLITE_OK) {
        fs::remove(target, ec);
        return MakeError(Errc::kInternal, "restore into " + target + " failed: " + message);
    }
    return Ok();
}

Result<std::unique_ptr<app::Database>> OpenSqlite(const SqliteOptions& options) {
    CREDO_TRY(auto writer, Connection::Open(options.path, true, options.writer_cache_kib));
    CREDO_CHECK(Migrate(*writer, credo::sql::sqlite::kMigrations));
    std::vector<std::unique_ptr<Connection>> readers;
    for (int i = 0; i < std::max(1, options.readers); ++i) {
        CREDO_TRY(auto r, Connection::Open(options.path, false, options.reader_cache_kib));
        CREDO_CHECK(r->Exec("PRAGMA query_only=ON"));
        readers.push_back(std::move(r));
    }
    return std::unique_ptr<app::Database>(
        std::make_unique<SqliteDatabase>(options, std::move(writer), std::move(readers)));
}

}  // namespace credo::store::sqlite
