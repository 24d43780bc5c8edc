// The audit log's storage (app::AuditRepository) over the SQL driver, for every backend. The chain's
// rules — what a hash covers, how a chain is rechecked — live in app/audit_chain; this file only reads
// and writes rows, and serializes appends by locking the end of the chain (audit_head).
#pragma once

#include "credo/app/ports/repositories.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

class SqlAuditRepository final : public app::AuditRepository {
 public:
    explicit SqlAuditRepository(SqlSession& session) : conn_(session) {}

    Result<app::AuditRecord> Append(const app::AuditEntry& entry) override;
    Result<app::AuditVerification> Verify() override;
    Result<app::AuditPage> List(const app::AuditQuery& query) override;

 private:
    // A statement with the shared audit filter (audit/filter.sql) in place of {FILTER}.
    std::string WithFilter(const sql::Query& query) const;
    SqlSession& conn_;
};

}  // namespace credo::store
