// Leak detection and the audit of sensitive reads (SPEC SE-3, SE-4).
//
// A read must not become a write on its own path: the files each user reads are counted in memory
// (NoteRead) and added to the daily counts every few seconds by Flush, in one write transaction that
// also records the reads of sensitive values in the audit log — one entry per user and flush, naming
// every file read — and raises the leak alerts. A flush that fails keeps its counts for the next one; a
// crash loses at most the reads since the last flush (the server flushes on shutdown too). Exports are
// counted as they happen, in the transaction that audits them (CountExport), so that an unusual export
// is reported at once.
//
// A day's count above the user's usual (domain/access/leak) alerts the active sales managers and admins
// other than the user, once per user, kind and day.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/domain/access/leak.hpp"

namespace credo::app {

class AccessWatch {
 public:
    explicit AccessWatch(const Context& ctx) : ctx_(ctx) {}

    // `actor` read the file `id`; `sensitive` when it was shown a sensitive value of it. Thread-safe, no
    // I/O. The system actor (the command line, jobs) is not counted.
    void NoteRead(const domain::Actor& actor, CustomerId id, bool sensitive);
    // Stores what was noted since the last flush. Thread-safe.
    Status Flush(Database& db);

 private:
    struct Pending {
        domain::Actor actor;
        std::int64_t reads = 0;
        std::int64_t sensitive_reads = 0;
        std::vector<std::int64_t> sensitive;  // the files whose sensitive values were shown
        std::size_t compact_at = 0;           // the size at which `sensitive` is next sorted and deduplicated
    };
    using Key = std::pair<std::int64_t, int>;  // (user id, day as days since the epoch)

    const Context& ctx_;
    std::mutex mutex_;
    std::map<Key, Pending> pending_;
};

// The leak policy in force (the leak.* policies).
Result<domain::LeakPolicy> LoadLeakPolicy(Tx& tx);

// Counts `rows` exported by `actor` today, in `tx` (the export's audit transaction), and raises the
// alerts the new count calls for.
Status CountExport(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t rows);

// Compares the day's `totals` of `user` with its baseline and raises the alerts they call for.
Status CheckAccess(Tx& tx, const Context& ctx, UserId user, Date day, const DailyAccess& totals);

}  // namespace credo::app
