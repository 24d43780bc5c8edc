// The storage of reminders, collection cases, promises and write-offs (app::CollectionRepository) over
// the SQL driver, for every backend.
#pragma once

#include "credo/app/ports/repositories.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

class SqlCollectionRepository final : public app::CollectionRepository {
 public:
    explicit SqlCollectionRepository(SqlSession& session) : conn_(session) {}

    Result<std::vector<app::DueInvoice>> InvoicesDueOn(Date due, Date as_of) override;
    Result<bool> InsertReminder(const app::ReminderRecord& reminder) override;
    Result<std::vector<app::ReminderRecord>> Reminders(CustomerId customer) override;
    Result<std::int64_t> InsertCase(const app::CollectionCaseRecord& c) override;
    Result<app::CollectionCaseRecord> FindCase(std::int64_t id) override;
    Result<std::optional<std::int64_t>> OpenCaseOf(CustomerId customer) override;
    Status UpdateCase(const app::CollectionCaseRecord& c, std::int64_t expected_version) override;
    Status AddCaseInvoice(std::int64_t case_id, std::int64_t invoice_id) override;
    Result<std::int64_t> InsertAction(std::int64_t case_id, const app::CaseActionRecord& action) override;
    Result<std::int64_t> InsertPromise(const app::PromiseRecord& promise) override;
    Result<app::CollectionCasePage> ListCases(const app::CollectionCaseQuery& query) override;
    Result<std::vector<std::pair<CustomerId, app::PromiseRecord>>> PromisesDueBefore(Date before) override;
    Result<std::int64_t> Collected(CustomerId customer, std::string_view currency, Date from, Date to) override;
    Result<std::int64_t> InsertWriteOff(const app::WriteOffRecord& w) override;
    Result<app::WriteOffRecord> FindWriteOff(std::int64_t id) override;
    Result<app::WriteOffRecord> FindWriteOffForUpdate(std::int64_t id) override;
    Status UpdateWriteOff(const app::WriteOffRecord& w, std::int64_t expected_version) override;
    Status InsertWriteOffDecision(std::int64_t write_off_id, const app::WriteOffDecisionRecord& d) override;
    Result<app::WriteOffPage> ListWriteOffs(const app::WriteOffQuery& query) override;
    Result<std::int64_t> PendingWriteOffs(std::int64_t invoice_id) override;
    Result<std::vector<app::MonthlyWriteOff>> WrittenOffByMonth(Date from, Date to) override;

 private:
    Result<app::WriteOffRecord> FindWriteOffWith(const sql::Query& query, std::int64_t id);
    SqlSession& conn_;
};

}  // namespace credo::store
