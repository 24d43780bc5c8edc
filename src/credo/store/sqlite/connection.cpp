#include "credo/store/sqlite/connection.hpp"

#include <memory>

namespace credo::store::sqlite {

Error SqliteError(sqlite3* db, int rc, std::string_view context) {
    const int primary = rc & 0xff;
    std::string message = std::string(context) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    switch (primary) {
        case SQLITE_CONSTRAINT:
            return MakeError(Errc::kConflict, message);
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_CANTOPEN:
            return MakeError(Errc::kUnavailable, message);
        default:
            return MakeError(Errc::kInternal, message);
    }
}

Statement::~Statement() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int Statement::Index(int n) const {
    char name[16];
    name[0] = '$';
    const std::string digits = std::to_string(n);
    std::copy(digits.begin(), digits.end(), name + 1);
    name[1 + digits.size()] = '\0';
    return sqlite3_bind_parameter_index(stmt_, name);
}

void Statement::BindInt(int n, std::int64_t v) {
    if (int i = Index(n)) sqlite3_bind_int64(stmt_, i, v);
}
void Statement::BindText(int n, std::string_view v) {
    if (int i = Index(n)) sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}
void Statement::BindNull(int n) {
    if (int i = Index(n)) sqlite3_bind_null(stmt_, i);
}

Result<bool> Statement::Step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return SqliteError(sqlite3_db_handle(stmt_), rc, "sqlite step");
}

std::string Statement::Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p) return {};
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, bool create, int cache_kib) {
    // Memory statistics take a global mutex on every allocation; Credo does not read them.
    static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)configured;
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = MakeError(Errc::kUnavailable,
                            "cannot open database " + path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
        sqlite3_close(db);
        return e;
    }
    std::unique_ptr<Connection> conn(new Connection(db));
    sqlite3_busy_timeout(db, 10000);
    sqlite3_extended_result_codes(db, 1);
    // WAL lets readers run beside the single writer; synchronous=FULL syncs the WAL at every commit, so
    // an acknowledged write survives a power loss (ARCHITECTURE.md, Durability).
    CREDO_CHECK(conn->Exec("PRAGMA journal_mode=WAL"));
    CREDO_CHECK(conn->Exec("PRAGMA synchronous=FULL"));
    CREDO_CHECK(conn->Exec("PRAGMA foreign_keys=ON"));
    CREDO_CHECK(conn->Exec("PRAGMA cache_size=-" + std::to_string(cache_kib)));
    CREDO_CHECK(conn->Exec("PRAGMA temp_store=MEMORY"));
    return conn;
}

Connection::~Connection() {
    for (auto& [_, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
}

Status Connection::Exec(std::string_view sql) {
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string message = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        Error e = SqliteError(db_, rc, "sqlite exec");
        e.message = "sqlite exec: " + message;
        return e;
    }
    return Ok();
}

Result<std::unique_ptr<SqlStatement>> Connection::Prepare(std::string_view sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
        sqlite3_stmt* stmt = nullptr;
        const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                          &stmt, nullptr);
        if (rc != SQLITE_OK) return SqliteError(db_, rc, "sqlite prepare");
        it = cache_.emplace(std::string(sql), stmt).first;
    }
    return std::unique_ptr<SqlStatement>(std::make_unique<Statement>(it->second));
}

}  // namespace credo::store::sqlite
