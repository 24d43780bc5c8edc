// The storage of classification facts and periodic reviews (app::ClassificationRepository) over the SQL
// driver, for every backend.
#pragma once

#include "credo/app/ports/repositories.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

class SqlClassificationRepository final : public app::ClassificationRepository {
 public:
    explicit SqlClassificationRepository(SqlSession& session) : conn_(session) {}

    Result<std::vector<app::PurchaseTotalRecord>> InvoicedTotals(Date as_of,
                                                                 std::optional<CustomerId> customer) override;
    Result<std::vector<app::PurchaseTotalRecord>> CreditedTotals(Date as_of,
                                                                 std::optional<CustomerId> customer) override;
    Result<std::optional<Date>> StoredTotalsDate() override;
    Result<std::optional<Date>> LockStoredTotals(bool exclusive) override;
    Status StoreTotals(Date as_of, std::optional<CustomerId> customer) override;
    Result<std::vector<app::PurchaseTotalRecord>> StoredTotals(bool credit_notes) override;
    Result<std::vector<YearTotal>> YearTotals(CustomerId customer, Date as_of) override;
    Result<std::vector<app::ClassifiedFileRecord>> Files(const domain::Scope& scope) override;
    Result<std::int64_t> InsertReview(const app::ReviewRecord& review) override;
    Result<std::vector<app::ReviewRecord>> Reviews(CustomerId customer) override;
    Result<std::vector<std::pair<CustomerId, Date>>> LastReviews(Date as_of) override;
    Result<std::vector<app::CreditReportRecord>> CreditReports(Date as_of) override;

 private:
    Result<std::vector<app::PurchaseTotalRecord>> Totals(const sql::Query& all, const sql::Query& one, Date as_of,
                                                         std::optional<CustomerId> customer);
    Result<std::optional<Date>> TotalsDate(const sql::Query& query);
    SqlSession& conn_;
};

}  // namespace credo::store
