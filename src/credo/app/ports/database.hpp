// Database: the unit of work. A use case runs inside one transaction (Tx) and reaches storage only
// through the repositories the Tx hands out.
//
// Read(work) runs `work` for reading; writes inside it fail. On SQLite its statements share one snapshot;
// on PostgreSQL each statement reads the data committed when it starts (a read is nearly always one
// statement, and a snapshot transaction would triple its round trips) — a use case that needs several
// statements to agree with each other reads inside Write. Write(work) runs `work` in a
// serialized, durable transaction: when Write returns Ok the change has reached stable storage (it
// survives a crash and a power loss). When `work` returns an error or throws, nothing it wrote is kept
// and the error is returned as is. Implementations may batch concurrent writers into one commit (group
// commit), each in its own savepoint, or retry on serialization failures; either way `work` must be
// safe to run more than once and must not have effects outside the Tx.
//
// Both are blocking: call them from worker threads, never from an I/O thread. Thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "credo/app/ports/repositories.hpp"

namespace credo::app {

class Tx {
 public:
    virtual ~Tx() = default;
    virtual CustomerRepository& Customers() = 0;
    virtual ActivityRepository& Activities() = 0;
    virtual UserRepository& Users() = 0;
    virtual SessionRepository& Sessions() = 0;
    virtual ApiTokenRepository& ApiTokens() = 0;
    virtual RegionRepository& Regions() = 0;
    virtual SequenceRepository& Sequences() = 0;
    virtual JobRunRepository& JobRuns() = 0;
    virtual AuditRepository& Audit() = 0;
    virtual OwnershipRepository& Ownership() = 0;
    virtual PolicyRepository& Policies() = 0;
    virtual AlertRepository& Alerts() = 0;
    virtual AccessCountRepository& AccessCounts() = 0;
    virtual LedgerRepository& Ledger() = 0;
    virtual CreditApplicationRepository& CreditApplications() = 0;
    virtual EvaluationRepository& Evaluations() = 0;
    virtual ProtectionRepository& Protection() = 0;
    virtual ClassificationRepository& Classification() = 0;
    virtual CollectionRepository& Collections() = 0;
    virtual MailRepository& Mail() = 0;
    virtual DelayModelRepository& DelayModels() = 0;
};

class Database {
 public:
    virtual ~Database() = default;
    virtual Status Read(const std::function<Status(Tx&)>& work) = 0;
    virtual Status Write(const std::function<Status(Tx&)>& work) = 0;
    virtual std::string_view Backend() const = 0;  // "sqlite" or "postgresql"
    // Writes an online, consistent copy of the database to `path` (credo backup).
    virtual Status Backup(const std::string& path) = 0;
};

// Runs `work` (returning Result<T>) in a read transaction and hands its value out.
template <class F>
auto ReadTx(Database& db, F&& work) -> decltype(work(std::declval<Tx&>())) {
    using R = decltype(work(std::declval<Tx&>()));
    std::optional<R> out;
    Status status = db.Read([&](Tx& tx) -> Status {
        out.emplace(work(tx));
        if (!*out) return out->error();
        return Ok();
    });
    if (!status) return status.error();
    return std::move(*out);
}

// Runs `work` (returning Result<T>) in a write transaction; the value is handed out only after commit.
template <class F>
auto WriteTx(Database& db, F&& work) -> decltype(work(std::declval<Tx&>())) {
    using R = decltype(work(std::declval<Tx&>()));
    std::optional<R> out;
    Status status = db.Write([&](Tx& tx) -> Status {
        out.emplace(work(tx));
        if (!*out) return out->error();
        return Ok();
    });
    if (!status) return status.error();
    return std::move(*out);
}

}  // namespace credo::app
