// The storage of the sales ledger and the credit accounts (app::LedgerRepository) over the SQL driver,
// for every backend.
#pragma once

#include "credo/app/ports/repositories.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

class SqlLedgerRepository final : public app::LedgerRepository {
 public:
    explicit SqlLedgerRepository(SqlSession& session) : conn_(session) {}

    Result<std::optional<app::CreditAccount>> LockAccount(CustomerId customer) override;
    Result<std::optional<app::CreditAccount>> FindAccount(CustomerId customer) override;
    Status EnsureAccount(CustomerId customer, std::string_view currency, int term_days, Timestamp at) override;
    Status SetDisarmedLevels(CustomerId customer, const std::vector<std::int64_t>& levels) override;
    Status SaveAccount(const app::CreditAccount& account) override;
    Status AddExposure(CustomerId customer, std::int64_t receivables_delta, std::int64_t orders_delta,
                       Timestamp at) override;
    Result<std::vector<app::CreditAccount>> Accounts() override;
    Result<std::vector<AccountOfCustomer>> AccountsWithin(const domain::Scope& scope) override;
    Status ScanOpenInvoices(const std::function<Status(const app::InvoiceRecord&)>& each) override;
    Result<std::vector<std::pair<CustomerId, std::int64_t>>> ReservedByCustomer() override;

    Result<std::int64_t> InsertException(const app::CreditExceptionRecord& exception) override;
    Result<std::vector<app::CreditExceptionRecord>> Exceptions(CustomerId customer, Date from) override;

    Result<std::vector<FxRateRecord>> FxRates(std::optional<std::string> currency) override;
    Result<std::optional<std::int64_t>> FxRate(std::string_view currency, Date date) override;
    Status SetFxRate(std::string_view currency, Date day, std::int64_t rate_e8, std::optional<UserId> by,
                     Timestamp at) override;

    Result<std::int64_t> InsertOrder(const app::OrderRecord& order) override;
    Result<app::OrderRecord> FindOrder(std::int64_t id) override;
    Status UpdateOrder(const app::OrderRecord& order, std::int64_t expected_version) override;
    Result<app::OrderPage> ListOrders(const app::OrderQuery& query) override;

    Result<std::int64_t> InsertInvoice(const app::InvoiceRecord& invoice) override;
    Result<app::InvoiceRecord> FindInvoice(std::int64_t id) override;
    Status SetInvoiceOpen(std::int64_t id, std::int64_t open_minor) override;
    Result<std::vector<app::InvoiceRecord>> OpenInvoices(CustomerId customer) override;
    Result<std::int64_t> CountOpenOrders(CustomerId customer) override;
    Result<std::vector<SalesTotal>> SalesSince(std::string_view region, Date after) override;
    Result<std::optional<Date>> OldestOpenDue(CustomerId customer, Date date) override;

    Status ScanCustomerReceivables(
        CustomerId customer, Date as_of,
        const std::function<Status(const app::InvoiceRecord&, const std::vector<Settled>&)>& each) override;
    Status ScanReceivables(
        Date as_of, const std::function<Status(const app::InvoiceRecord&, const std::vector<Settled>&)>& each) override;
    Result<std::int64_t> InsertPayment(const app::PaymentRecord& payment) override;
    Status InsertAllocation(const app::AllocationRecord& allocation) override;

    // Receivables reports (receivables_report_repository.cpp).
    Result<std::vector<AgingTotal>> AgingTotals(Date as_of, const domain::AgingBounds& bounds) override;
    Result<std::vector<ReportCustomer>> ReportCustomers(const domain::Scope& scope,
                                                        const std::optional<std::string>& region,
                                                        std::optional<UserId> owner) override;
    Status ScanOrdersPlaced(Date from, Date to, const std::function<Status(const PlacedOrder&)>& each) override;
    Result<std::optional<Date>> FirstInvoiceDate() override;

 private:
    Status Scan(SqlStatement& st,
                const std::function<Status(const app::InvoiceRecord&, const std::vector<Settled>&)>& each);
    Result<std::optional<app::CreditAccount>> ReadAccount(const sql::Query& query, CustomerId customer);
    // The reader's scope as the query arguments (region, owner), NULL meaning "any"; an empty scope matches
    // no owner.
    static std::pair<std::optional<std::string>, std::optional<std::int64_t>> ScopeArgs(const domain::Scope& scope);
    Status InsertLines(std::int64_t order_id, const std::vector<app::OrderLine>& lines);
    SqlSession& conn_;
};

class SqlEvaluationRepository final : public app::EvaluationRepository {
 public:
    explicit SqlEvaluationRepository(SqlSession& session) : conn_(session) {}

    Result<std::int64_t> Insert(const app::EvaluationRecord& evaluation) override;
    Result<std::vector<app::EvaluationRecord>> List(CustomerId customer) override;
    Result<std::vector<std::pair<CustomerId, int>>> LatestScores(Date as_of) override;
    Result<std::int64_t> InsertJustification(const app::JustificationRecord& justification) override;
    Result<std::vector<app::JustificationRecord>> Justifications(CustomerId customer) override;
    Result<std::vector<CustomerId>> JustifiedOn(Date day) override;

 private:
    SqlSession& conn_;
};

}  // namespace credo::store
