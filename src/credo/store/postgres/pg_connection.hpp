// PgConnection: one libpq connection with its prepared statements, as a SqlSession (sql_driver.hpp).
// Not thread-safe: a connection belongs to one transaction on one thread at a time (PgDatabase's pool
// hands them out).
//
// Parameters travel as text (PostgreSQL infers or the SQL casts their types); results come back as
// text and are parsed on access. A statement runs at its first Step(). Errors map by SQLSTATE:
// integrity violations (class 23) kConflict; serialization failures and deadlocks (40001, 40P01)
// kUnavailable with details.retry = "true", which PgDatabase retries; a broken connection kUnavailable.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "credo/store/sql_driver.hpp"

namespace credo::store::postgres {

class PgConnection;

class PgStatement final : public SqlStatement {
 public:
    PgStatement(PgConnection& conn, const std::string& name, int params) : conn_(conn), name_(name), values_(params) {}
    ~PgStatement() override;

    Result<bool> Step() override;
    std::int64_t Int(int col) const override;
    std::string Text(int col) const override;
    bool IsNull(int col) const override { return PQgetisnull(result_, row_, col) != 0; }

 protected:
    void BindNull(int n) override;
    void BindInt(int n, std::int64_t v) override;
    void BindText(int n, std::string_view v) override;

 private:
    PgConnection& conn_;
    const std::string& name_;
    std::vector<std::optional<std::string>> values_;
    PGresult* result_ = nullptr;
    int row_ = -1;
    int rows_ = 0;
};

class PgConnection final : public SqlSession {
 public:
    // Connects; a failure is kUnavailable with libpq's message (wrong host, credentials, database).
    static Result<std::unique_ptr<PgConnection>> Open(const std::string& url);
    ~PgConnection() override;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    Dialect dialect() const override { return Dialect::kPostgres; }
    using SqlSession::Prepare;
    Result<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) override;
    Status Exec(std::string_view sql) override;
    // Whether the connection is usable; after a failure, Reset() reconnects (and forgets statements).
    bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
    bool Reset();
    PGconn* handle() { return conn_; }

    // Turns a failed result (or a missing one) into an Error; takes ownership of `result`.
    Error ErrorOf(PGresult* result, std::string_view context);

 private:
    explicit PgConnection(PGconn* conn) : conn_(conn) {}
    struct Prepared {
        std::string name;
        int params = 0;
    };
    PGconn* conn_;
    std::unordered_map<std::string, Prepared> statements_;
};

}  // namespace credo::store::postgres
