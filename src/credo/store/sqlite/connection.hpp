// Connection: one sqlite3 handle with its prepared-statement cache, as a SqlSession (sql_driver.hpp).
// Not thread-safe: a connection is used by one thread at a time (the reader pool and the writer thread
// hand them out).
//
// Statements use PostgreSQL-style parameters ($1, $2, …) so that one text serves both dialects;
// SQLite treats them as named parameters and binding looks each one up by name.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "credo/store/sql_driver.hpp"

namespace credo::store::sqlite {

class Statement final : public SqlStatement {
 public:
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    ~Statement() override;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // SQLite errors become kConflict (constraint), kUnavailable (busy/locked/IO) or kInternal.
    Result<bool> Step() override;
    std::int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
    std::string Text(int col) const override;
    bool IsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 protected:
    void BindNull(int n) override;
    void BindInt(int n, std::int64_t v) override;
    void BindText(int n, std::string_view v) override;

 private:
    int Index(int n) const;  // the position of $n, 0 when the text does not use it
    sqlite3_stmt* stmt_;
};

class Connection final : public SqlSession {
 public:
    // Opens (creating when asked) the database file and applies the durability and concurrency
    // settings: WAL, synchronous=FULL, foreign keys on, a busy timeout. `cache_kib` bounds this
    // connection's page cache (memory per connection adds up: see SqliteOptions).
    static Result<std::unique_ptr<Connection>> Open(const std::string& path, bool create, int cache_kib);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Dialect dialect() const override { return Dialect::kSqlite; }
    using SqlSession::Prepare;
    // A reset statement from the cache (prepared on first use); it is reset again when released.
    Result<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) override;
    Status Exec(std::string_view sql) override;
    sqlite3* handle() { return db_; }

 private:
    explicit Connection(sqlite3* db) : db_(db) {}
    // Lookups by string_view without building a std::string: statements are prepared per request.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    sqlite3* db_;
    std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> cache_;
};

Error SqliteError(sqlite3* db, int rc, std::string_view context);

}  // namespace credo::store::sqlite
