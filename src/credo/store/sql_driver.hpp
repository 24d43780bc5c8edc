// The small SQL driver interface the repositories are written against, so that one set of
// repositories (repositories.cpp) serves every backend: SQLite (sqlite/) and PostgreSQL (postgres/).
//
// Statements use $1, $2, … parameters in both dialects; the text of a named query is chosen by the
// session's dialect (sql::Query::sqlite or ::postgres). A statement is executed by its first Step() and
// then yields its rows; Run() executes it and discards them. Errors map to the closed Errc vocabulary:
// constraint violations kConflict, a lost or busy database kUnavailable, anything else kInternal.
// Not thread-safe: a session belongs to one transaction on one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "credo/base/clock.hpp"
#include "credo/base/ids.hpp"
#include "credo/base/result.hpp"
#include "credo/sql/embedded.hpp"

namespace credo::store {

enum class Dialect { kSqlite, kPostgres };

class SqlStatement {
 public:
    virtual ~SqlStatement() = default;

    // Binds $1..$n from the arguments, in order; std::nullopt binds NULL.
    template <class... Args>
    SqlStatement& Bind(const Args&... args) {
        int i = 0;
        (BindOne(++i, args), ...);
        return *this;
    }
    // true with a row, false when there are no (more) rows.
    virtual Result<bool> Step() = 0;
    Status Run();

    virtual std::int64_t Int(int col) const = 0;
    virtual std::string Text(int col) const = 0;
    virtual bool IsNull(int col) const = 0;
    std::optional<std::int64_t> OptInt(int col) const;
    std::optional<std::string> OptText(int col) const;

 protected:
    virtual void BindNull(int n) = 0;
    virtual void BindInt(int n, std::int64_t v) = 0;
    virtual void BindText(int n, std::string_view v) = 0;

 private:
    void BindOne(int n, std::int64_t v) { BindInt(n, v); }
    void BindOne(int n, int v) { BindInt(n, v); }
    void BindOne(int n, std::string_view v) { BindText(n, v); }
    void BindOne(int n, const std::string& v) { BindText(n, v); }
    void BindOne(int n, const char* v) { BindText(n, v); }
    void BindOne(int n, std::nullptr_t) { BindNull(n); }
    template <class T>
    void BindOne(int n, const std::optional<T>& v) {
        if (v)
            BindOne(n, *v);
        else
            BindNull(n);
    }
};

class SqlSession {
 public:
    virtual ~SqlSession() = default;
    virtual Dialect dialect() const = 0;
    // A statement for `text` (prepared once per session and cached).
    virtual Result<std::unique_ptr<SqlStatement>> Prepare(std::string_view text) = 0;
    // Runs one or more statements that return no rows (transaction control, migrations).
    virtual Status Exec(std::string_view sql) = 0;

    std::string_view TextOf(const sql::Query& query) const {
        return dialect() == Dialect::kSqlite ? query.sqlite : query.postgres;
    }
    Result<std::unique_ptr<SqlStatement>> Prepare(const sql::Query& query) { return Prepare(TextOf(query)); }
};

// The columns' common forms: instants as milliseconds since the Unix epoch, optional user ids as NULL.
inline std::int64_t Ms(Timestamp t) { return t.time_since_epoch().count(); }
inline Timestamp FromMs(std::int64_t ms) { return Timestamp(std::chrono::milliseconds(ms)); }
inline std::optional<std::int64_t> OptUser(const std::optional<UserId>& id) {
    if (!id) return std::nullopt;
    return id->value();
}
inline std::optional<UserId> UserOf(std::optional<std::int64_t> value) {
    if (!value) return std::nullopt;
    return UserId(*value);
}

// `text` with every `from` replaced by `to`: how a statement includes a shared fragment ({FILTER}).
inline std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

}  // namespace credo::store
