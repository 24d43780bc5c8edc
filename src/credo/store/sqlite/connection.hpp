// Connection: one sqlite3 handle with its prepared-statement cache. Not thread-safe: a connection is
// used by one thread at a time (the reader pool and the writer thread hand them out).
//
// Statements use PostgreSQL-style parameters ($1, $2, …) so that one text serves both dialects;
// SQLite treats them as named parameters and Bind() looks each one up by name.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "credo/base/result.hpp"

namespace credo::store::sqlite {

class Statement {
 public:
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binds $1..$n from the arguments, in order; a parameter the text does not use is skipped.
    template <class... Args>
    Statement& Bind(const Args&... args) {
        int i = 0;
        (BindOne(++i, args), ...);
        return *this;
    }
    // Steps once: true with a row, false when done; SQLite errors become kConflict (constraint),
    // kUnavailable (busy/locked/IO) or kInternal.
    Result<bool> Step();
    Status Run();  // steps to the end, discarding rows
    void Reset();  // ready to bind and run again

    std::int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
    std::optional<std::int64_t> OptInt(int col) const;
    std::string Text(int col) const;
    std::optional<std::string> OptText(int col) const;
    bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
    void BindOne(int n, std::int64_t v);
    void BindOne(int n, int v) { BindOne(n, static_cast<std::int64_t>(v)); }
    void BindOne(int n, std::string_view v);
    void BindOne(int n, const std::string& v) { BindOne(n, std::string_view(v)); }
    void BindOne(int n, const char* v) { BindOne(n, std::string_view(v)); }
    void BindOne(int n, std::nullptr_t);
    template <class T>
    void BindOne(int n, const std::optional<T>& v) {
        if (v)
            BindOne(n, *v);
        else
            BindOne(n, nullptr);
    }
    int Index(int n) const;

    sqlite3_stmt* stmt_;
};

class Connection {
 public:
    // Opens (creating when asked) the database file and applies the durability and concurrency
    // settings: WAL, synchronous=FULL, foreign keys on, a busy timeout.
    // `cache_kib` bounds this connection's page cache (memory per connection adds up: see SqliteOptions).
    static Result<std::unique_ptr<Connection>> Open(const std::string& path, bool create, int cache_kib);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Status Exec(std::string_view sql);
    // A reset statement from the cache (prepared on first use). The returned object resets the
    // statement again when it goes out of scope.
    Result<std::unique_ptr<Statement>> Prepare(std::string_view sql);
    std::int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
    int Changes() const { return sqlite3_changes(db_); }
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
