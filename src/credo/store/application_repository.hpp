// The storage of credit applications and their decisions (app::CreditApplicationRepository) over the
// SQL driver, for every backend.
#pragma once

#include "credo/app/ports/repositories.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

class SqlCreditApplicationRepository final : public app::CreditApplicationRepository {
 public:
    explicit SqlCreditApplicationRepository(SqlSession& session) : conn_(session) {}

    Result<std::int64_t> Insert(const app::CreditApplicationRecord& application) override;
    Result<app::CreditApplicationRecord> Find(std::int64_t id) override;
    Result<app::CreditApplicationRecord> FindForUpdate(std::int64_t id) override;
    Status Update(const app::CreditApplicationRecord& application, std::int64_t expected_version) override;
    Status InsertDecision(std::int64_t application_id, const app::CreditDecisionRecord& decision) override;
    Result<app::CreditApplicationPage> List(const app::CreditApplicationQuery& query) override;

 private:
    Result<app::CreditApplicationRecord> FindWith(const sql::Query& query, std::int64_t id);
    SqlSession& conn_;
};

}  // namespace credo::store
