// PgDatabase: the PostgreSQL backend, for several `credo serve` processes on one database.
//
// A fixed pool of connections; each transaction takes one. Reads run REPEATABLE READ READ ONLY (one
// snapshot); writes run READ COMMITTED and take the row locks they need, and a write that fails on a
// serialization failure or a deadlock is run again, up to `max_retries` times with a growing, jittered
// pause. A lost connection is re-established on its next use; while the database is unreachable every
// transaction answers kUnavailable (HTTP 503) quickly instead of hanging. Thread-safe.
#pragma once

#include <memory>
#include <string>

#include "credo/app/ports/database.hpp"

namespace credo::store::postgres {

struct PgOptions {
    std::string url;      // postgresql://user:password@host:port/database
    int pool = 8;         // connections
    int max_retries = 5;  // for serialization failures and deadlocks
};

// Connects, applies pending migrations under an advisory lock (so that servers starting together do
// not race), and returns the database. A database whose schema is newer than this binary knows is
// kUnsupported, untouched.
Result<std::unique_ptr<app::Database>> OpenPostgres(const PgOptions& options);

// Restores a backup written by Database::Backup (pg_dump's custom format) into the database at `url`
// with pg_restore. Refuses a database that already holds Credo's tables unless `replace`, which drops
// them first (the servers must be stopped then).
Status RestorePostgres(const std::string& backup, const std::string& url, bool replace);

}  // namespace credo::store::postgres
