#include "credo/store/migrator.hpp"

#include <spdlog/spdlog.h>

namespace credo::store {

namespace q = credo::sql;

namespace {

Status ApplyPending(SqlSession& session, std::span<const sql::Migration> migrations) {
    CREDO_CHECK(session.Exec(session.TextOf(q::migrations::kCreateTable)));
    CREDO_TRY(auto stmt, session.Prepare(q::migrations::kCurrent));
    CREDO_TRY(bool row, stmt->Step());
    const std::int64_t current = row ? stmt->Int(0) : 0;
    stmt.reset();
    const int known = migrations.empty() ? 0 : migrations.back().version;
    if (current > known)
        return MakeError(Errc::kUnsupported, "the database is at schema version " + std::to_string(current) +
                                                 " but this credo knows only up to " + std::to_string(known) +
                                                 "; run a newer credo");
    const bool sqlite = session.dialect() == Dialect::kSqlite;
    for (const auto& m : migrations) {
        if (m.version <= current) continue;
        CREDO_CHECK(session.Exec(sqlite ? "BEGIN IMMEDIATE" : "BEGIN"));
        Status s = session.Exec(m.text);
        if (s) {
            auto record = session.Prepare(q::migrations::kRecord);
            s = record ? (*record)->Bind(static_cast<std::int64_t>(m.version), m.name).Run() : Status(record.error());
        }
        if (!s) {
            (void)session.Exec("ROLLBACK");
            return MakeError(s.error().code,
                             "migration V" + std::to_string(m.version) + " failed: " + s.error().message);
        }
        CREDO_CHECK(session.Exec("COMMIT"));
        spdlog::info("applied migration V{:03}__{}", m.version, m.name);
    }
    return Ok();
}

}  // namespace

Status Migrate(SqlSession& session, std::span<const sql::Migration> migrations) {
    CREDO_CHECK(session.Exec(session.TextOf(q::migrations::kLock)));
    Status result = ApplyPending(session, migrations);
    (void)session.Exec(session.TextOf(q::migrations::kUnlock));
    return result;
}

}  // namespace credo::store
