// SqliteDatabase: the embedded default backend (one file under the data directory).
//
// Readers take a connection from a pool and read a WAL snapshot, in parallel with the writer. All
// writes go through one writer thread that batches whatever is queued into one transaction — each
// request in its own savepoint, so one failing request rolls back alone — and acknowledges every
// request of the batch only after COMMIT has been synced (group commit). That keeps
// synchronous=FULL durability while amortising the fsync over concurrent writers, and it serializes
// writers, which is what makes sequences and version checks race-free.
#pragma once

#include <memory>
#include <string>

#include "credo/app/ports/database.hpp"

namespace credo::store::sqlite {

// Memory: each connection keeps its own page cache, so the server's resident size is about
// writer_cache_kib + readers × reader_cache_kib on top of the process itself.
struct SqliteOptions {
    std::string path;     // the database file
    int readers = 4;      // read connections (more than the cores gains nothing)
    int max_batch = 256;  // writes per group commit at most
    int reader_cache_kib = 32 * 1024;
    int writer_cache_kib = 32 * 1024;
};

// Opens the file (creating it and its directory's file when missing), applies pending migrations, and
// starts the writer thread. A database whose schema is newer than this binary knows is refused with
// kUnsupported; nothing is changed.
Result<std::unique_ptr<app::Database>> OpenSqlite(const SqliteOptions& options);

// Restores a backup written by Database::Backup into `target` (a database file). Refuses a backup that
// is not a Credo database, and an existing target unless `replace` (the server must be stopped then).
Status RestoreSqlite(const std::string& backup, const std::string& target, bool replace);

}  // namespace credo::store::sqlite
