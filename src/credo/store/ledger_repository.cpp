#include "credo/store/ledger_repository.hpp"

#include <boost/json.hpp>

#include "credo/sql/embedded.hpp"

namespace credo::store {
namespace {

namespace q = credo::sql;

std::optional<std::string> OptDate(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return FormatDate(*d);
}
Result<std::optional<Date>> DateOfText(const std::optional<std::string>& text, std::string_view field) {
    if (!text) return std::optional<Date>();
    CREDO_TRY(Date d, ParseDate(*text, field));
    return std::optional<Date>(d);
}

std::string ReasonsText(const std::vector<std::string>& reasons) {
    boost::json::array a;
    for (const auto& r : reasons) a.emplace_back(r);
    return boost::json::serialize(a);
}
std::vector<std::string> ReasonsOf(const std::string& text) {
    std::vector<std::string> out;
    boost::system::error_code ec;
    auto v = boost::json::parse(text, ec);
    if (ec || !v.is_array()) return out;
    for (const auto& r : v.as_array())
        if (r.is_string()) out.emplace_back(r.get_string());
    return out;
}

Result<app::CreditAccount> AccountRow(const SqlStatement& st) {
    app::CreditAccount a;
    a.customer = CustomerId(st.Int(0));
    a.currency = st.Text(1);
    a.limit_minor = st.OptInt(2);
    a.term_days = static_cast<int>(st.Int(3));
    CREDO_TRY(a.valid_from, DateOfText(st.OptText(4), "valid_from"));
    CREDO_TRY(a.valid_until, DateOfText(st.OptText(5), "valid_until"));
    a.grade = st.OptText(6);
    if (auto s = st.OptInt(7)) a.score = static_cast<int>(*s);
    a.on_hold = st.Int(8) != 0;
    a.hold_reason = st.OptText(9);
    CREDO_TRY(a.report_date, DateOfText(st.OptText(10), "report_date"));
    a.receivables_minor = st.Int(11);
    a.orders_minor = st.Int(12);
    a.updated_at = FromMs(st.Int(13));
    const std::string levels = st.Text(14);
    for (std::size_t from = 0; from < levels.size();) {
        std::size_t to = levels.find(',', from);
        if (to == std::string::npos) to = levels.size();
        a.disarmed_levels.push_back(std::stoll(levels.substr(from, to - from)));
        from = to + 1;
    }
    return a;
}

Result<app::OrderRecord> OrderRow(const SqlStatement& st) {
    app::OrderRecord o;
    o.id = st.Int(0);
    o.number = st.Text(1);
    o.customer = CustomerId(st.Int(2));
    CREDO_TRY(o.order_date, ParseDate(st.Text(3), "order_date"));
    o.currency = st.Text(4);
    o.amount_minor = st.Int(5);
    o.prepayment_minor = st.Int(6);
    o.rate_e8 = st.Int(7);
    o.status = st.Text(8);
    o.reasons = ReasonsOf(st.Text(9));
    o.reserved_minor = st.Int(10);
    o.copied_from = st.OptInt(11);
    o.created_by = UserOf(st.OptInt(12));
    o.created_at = FromMs(st.Int(13));
    o.released_by = UserOf(st.OptInt(14));
    if (auto at = st.OptInt(15)) o.released_at = FromMs(*at);
    o.release_reason = st.OptText(16);
    o.version = st.Int(17);
    return o;
}

Result<app::InvoiceRecord> InvoiceRow(const SqlStatement& st) {
    app::InvoiceRecord i;
    i.id = st.Int(0);
    i.number = st.Text(1);
    i.customer = CustomerId(st.Int(2));
    i.order_id = st.OptInt(3);
    CREDO_TRY(i.issue_date, ParseDate(st.Text(4), "issue_date"));
    CREDO_TRY(i.due_date, ParseDate(st.Text(5), "due_date"));
    i.currency = st.Text(6);
    i.amount_minor = st.Int(7);
    i.open_minor = st.Int(8);
    i.rate_e8 = st.Int(9);
    i.created_by = UserOf(st.OptInt(10));
    i.created_at = FromMs(st.Int(11));
    return i;
}

}  // namespace

Result<std::optional<app::CreditAccount>> SqlLedgerRepository::ReadAccount(const sql::Query& query,
                                                                           CustomerId customer) {
    CREDO_TRY(auto st, conn_.Prepare(query));
    CREDO_TRY(bool row, st->Bind(customer.value()).Step());
    if (!row) return std::optional<app::CreditAccount>();
    CREDO_TRY(auto account, AccountRow(*st));
    return std::optional<app::CreditAccount>(std::move(account));
}

Result<std::optional<app::CreditAccount>> SqlLedgerRepository::LockAccount(CustomerId customer) {
    return ReadAccount(q::ledger::kAccountLock, customer);
}

Result<std::optional<app::CreditAccount>> SqlLedgerRepository::FindAccount(CustomerId customer) {
    return ReadAccount(q::ledger::kAccountFind, customer);
}

Status SqlLedgerRepository::EnsureAccount(CustomerId customer, std::string_view currency, int term_days, Timestamp at) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kAccountEnsure));
    return st->Bind(customer.value(), currency, std::int64_t{term_days}, Ms(at)).Run();
}

Status SqlLedgerRepository::SetDisarmedLevels(CustomerId customer, const std::vector<std::int64_t>& levels) {
    std::string text;
    for (auto l : levels) text += (text.empty() ? "" : ",") + std::to_string(l);
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kAccountSetDisarmed));
    return st->Bind(customer.value(), text).Run();
}

Status SqlLedgerRepository::SaveAccount(const app::CreditAccount& a) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kAccountSave));
    std::optional<std::int64_t> score;
    if (a.score) score = *a.score;
    return st
        ->Bind(a.customer.value(), a.currency, a.limit_minor, std::int64_t{a.term_days}, OptDate(a.valid_from),
               OptDate(a.valid_until), a.grade, score, std::int64_t{a.on_hold ? 1 : 0}, a.hold_reason,
               OptDate(a.report_date), Ms(a.updated_at))
        .Run();
}

Status SqlLedgerRepository::AddExposure(CustomerId customer, std::int64_t receivables_delta, std::int64_t orders_delta,
                                        Timestamp at) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kAccountAddExposure));
    CREDO_TRY(bool row, st->Bind(customer.value(), receivables_delta, orders_delta, Ms(at)).Step());
    if (!row) return NotFound("credit account", customer.str());
    return Ok();
}

Result<std::vector<app::CreditAccount>> SqlLedgerRepository::Accounts() {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kAccounts));
    std::vector<app::CreditAccount> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        CREDO_TRY(auto a, AccountRow(*st));
        out.push_back(std::move(a));
    }
}

std::pair<std::optional<std::string>, std::optional<std::int64_t>> SqlLedgerRepository::ScopeArgs(
    const domain::Scope& scope) {
    if (scope.all) return {};
    if (scope.region) return {scope.region, std::nullopt};
    return {std::nullopt, scope.owner ? scope.owner->value() : std::int64_t{-1}};
}

Result<std::vector<app::LedgerRepository::AccountOfCustomer>> SqlLedgerRepository::AccountsWithin(
    const domain::Scope& scope) {
    const auto [scope_region, scope_owner] = ScopeArgs(scope);
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kAccountsWithin));
    st->Bind(scope_region, scope_owner);
    std::vector<AccountOfCustomer> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        CREDO_TRY(auto a, AccountRow(*st));
        out.push_back({std::move(a), st->Text(15), st->Text(16)});
    }
}

Status SqlLedgerRepository::ScanOpenInvoices(const std::function<Status(const app::InvoiceRecord&)>& each) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kOpenInvoicesAll));
    app::InvoiceRecord i;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return Ok();
        i.customer = CustomerId(st->Int(0));
        i.currency = st->Text(1);
        i.open_minor = st->Int(2);
        i.rate_e8 = st->Int(3);
        CREDO_CHECK(each(i));
    }
}

Result<std::vector<std::pair<CustomerId, std::int64_t>>> SqlLedgerRepository::ReservedByCustomer() {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kReservedByCustomer));
    std::vector<std::pair<CustomerId, std::int64_t>> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        out.emplace_back(CustomerId(st->Int(0)), st->Int(1));
    }
}

Result<std::int64_t> SqlLedgerRepository::InsertException(const app::CreditExceptionRecord& e) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kExceptionInsert));
    CREDO_TRY(bool row, st->Bind(e.customer.value(), e.amount_minor, FormatDate(e.start), FormatDate(e.end), e.reason,
                                 OptUser(e.created_by), Ms(e.created_at))
                            .Step());
    if (!row) return MakeError(Errc::kInternal, "the exception was not stored");
    return st->Int(0);
}

Result<std::vector<app::CreditExceptionRecord>> SqlLedgerRepository::Exceptions(CustomerId customer, Date from) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kExceptions));
    st->Bind(customer.value(), FormatDate(from));
    std::vector<app::CreditExceptionRecord> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::CreditExceptionRecord e;
        e.id = st->Int(0);
        e.customer = CustomerId(st->Int(1));
        e.amount_minor = st->Int(2);
        CREDO_TRY(e.start, ParseDate(st->Text(3), "start"));
        CREDO_TRY(e.end, ParseDate(st->Text(4), "end"));
        e.reason = st->Text(5);
        e.created_by = UserOf(st->OptInt(6));
        e.created_at = FromMs(st->Int(7));
        out.push_back(std::move(e));
    }
}

Result<std::vector<app::LedgerRepository::FxRateRecord>> SqlLedgerRepository::FxRates(
    std::optional<std::string> currency) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kFxList));
    st->Bind(currency);
    std::vector<FxRateRecord> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        FxRateRecord r;
        r.currency = st->Text(0);
        CREDO_TRY(r.day, ParseDate(st->Text(1), "day"));
        r.rate_e8 = st->Int(2);
        r.updated_at = FromMs(st->Int(3));
        r.updated_by = UserOf(st->OptInt(4));
        out.push_back(std::move(r));
    }
}

Result<std::optional<std::int64_t>> SqlLedgerRepository::FxRate(std::string_view currency, Date date) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kFxRate));
    CREDO_TRY(bool row, st->Bind(currency, FormatDate(date)).Step());
    if (!row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(st->Int(0));
}

Status SqlLedgerRepository::SetFxRate(std::string_view currency, Date day, std::int64_t rate_e8,
                                      std::optional<UserId> by, Timestamp at) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kFxSet));
    return st->Bind(currency, FormatDate(day), rate_e8, Ms(at), OptUser(by)).Run();
}

Status SqlLedgerRepository::InsertLines(std::int64_t order_id, const std::vector<app::OrderLine>& lines) {
    std::int64_t n = 0;
    for (const auto& l : lines) {
        // A statement runs once per Prepare, which hands it out reset.
        CREDO_TRY(auto st, conn_.Prepare(q::ledger::kOrderLineInsert));
        CREDO_CHECK(
            st->Bind(order_id, ++n, l.product, l.model, l.quantity_milli, l.unit_price_minor, l.amount_minor).Run());
    }
    return Ok();
}

Result<std::int64_t> SqlLedgerRepository::InsertOrder(const app::OrderRecord& o) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kOrderInsert));
    CREDO_TRY(bool row, st->Bind(o.number, o.customer.value(), FormatDate(o.order_date), o.currency, o.amount_minor,
                                 o.prepayment_minor, o.rate_e8, o.status, ReasonsText(o.reasons), o.reserved_minor,
                                 o.copied_from, OptUser(o.created_by), Ms(o.created_at))
                            .Step());
    if (!row) return MakeError(Errc::kInternal, "the order was not stored");
    const std::int64_t id = st->Int(0);
    CREDO_CHECK(InsertLines(id, o.lines));
    return id;
}

Result<app::OrderRecord> SqlLedgerRepository::FindOrder(std::int64_t id) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kOrderFind));
    CREDO_TRY(bool row, st->Bind(id).Step());
    if (!row) return NotFound("order", std::to_string(id));
    CREDO_TRY(auto order, OrderRow(*st));
    CREDO_TRY(auto lines, conn_.Prepare(q::ledger::kOrderLines));
    lines->Bind(id);
    while (true) {
        CREDO_TRY(bool more, lines->Step());
        if (!more) return order;
        order.lines.push_back({lines->Text(0), lines->Text(1), lines->Int(2), lines->Int(3), lines->Int(4)});
    }
}

Status SqlLedgerRepository::UpdateOrder(const app::OrderRecord& o, std::int64_t expected_version) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kOrderUpdate));
    std::optional<std::int64_t> released_at;
    if (o.released_at) released_at = Ms(*o.released_at);
    CREDO_TRY(bool row, st->Bind(o.id, expected_version, FormatDate(o.order_date), o.currency, o.amount_minor,
                                 o.prepayment_minor, o.rate_e8, o.status, ReasonsText(o.reasons), o.reserved_minor,
                                 OptUser(o.released_by), released_at, o.release_reason)
                            .Step());
    if (!row)
        return MakeError(Errc::kConflict,
                         "order " + o.number + " has changed since version " + std::to_string(expected_version));
    CREDO_TRY(auto del, conn_.Prepare(q::ledger::kOrderLinesDelete));
    CREDO_CHECK(del->Bind(o.id).Run());
    return InsertLines(o.id, o.lines);
}

Result<app::OrderPage> SqlLedgerRepository::ListOrders(const app::OrderQuery& query) {
    app::OrderPage page;
    std::optional<std::int64_t> customer, owner;
    if (query.customer) customer = query.customer->value();
    if (!query.scope.all && query.scope.owner) owner = query.scope.owner->value();
    std::optional<std::string> region;
    if (!query.scope.all) region = query.scope.region;
    {
        CREDO_TRY(auto st, conn_.Prepare(q::ledger::kOrdersCount));
        CREDO_TRY(bool row, st->Bind(customer, query.status, region, owner).Step());
        if (row) page.total = st->Int(0);
    }
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kOrdersPage));
    st->Bind(customer, query.status, region, owner, std::int64_t{query.limit}, query.offset);
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return page;
        CREDO_TRY(auto o, OrderRow(*st));
        page.items.push_back(std::move(o));
    }
}

Result<std::int64_t> SqlLedgerRepository::InsertInvoice(const app::InvoiceRecord& i) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kInvoiceInsert));
    CREDO_TRY(bool row,
              st->Bind(i.number, i.customer.value(), i.order_id, FormatDate(i.issue_date), FormatDate(i.due_date),
                       i.currency, i.amount_minor, i.open_minor, i.rate_e8, OptUser(i.created_by), Ms(i.created_at))
                  .Step());
    if (!row) return MakeError(Errc::kInternal, "the invoice was not stored");
    return st->Int(0);
}

Result<app::InvoiceRecord> SqlLedgerRepository::FindInvoice(std::int64_t id) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kInvoiceFind));
    CREDO_TRY(bool row, st->Bind(id).Step());
    if (!row) return NotFound("invoice", std::to_string(id));
    return InvoiceRow(*st);
}

Status SqlLedgerRepository::SetInvoiceOpen(std::int64_t id, std::int64_t open_minor) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kInvoiceSetOpen));
    CREDO_TRY(bool row, st->Bind(id, open_minor).Step());
    if (!row) return NotFound("invoice", std::to_string(id));
    return Ok();
}

Result<std::vector<app::InvoiceRecord>> SqlLedgerRepository::OpenInvoices(CustomerId customer) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kInvoicesOpen));
    st->Bind(customer.value());
    std::vector<app::InvoiceRecord> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        CREDO_TRY(auto i, InvoiceRow(*st));
        out.push_back(std::move(i));
    }
}

Result<std::vector<app::LedgerRepository::SalesTotal>> SqlLedgerRepository::SalesSince(std::string_view region,
                                                                                       Date after) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kSalesSince));
    st->Bind(region, FormatDate(after));
    std::vector<SalesTotal> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        out.push_back({CustomerId(st->Int(0)), st->Text(1), st->Int(2)});
    }
}

Result<std::int64_t> SqlLedgerRepository::CountOpenOrders(CustomerId customer) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kOpenOrdersCount));
    CREDO_TRY(bool row, st->Bind(customer.value()).Step());
    return row ? st->Int(0) : 0;
}

Result<std::optional<Date>> SqlLedgerRepository::OldestOpenDue(CustomerId customer, Date date) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kOldestOpenDue));
    CREDO_TRY(bool row, st->Bind(customer.value(), FormatDate(date)).Step());
    if (!row) return std::optional<Date>();
    return DateOfText(st->OptText(0), "due_date");
}

Status SqlLedgerRepository::ScanReceivables(
    Date as_of, const std::function<Status(const app::InvoiceRecord&, const std::vector<Settled>&)>& each) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kReceivablesScan));
    st->Bind(FormatDate(as_of));
    return Scan(*st, each);
}

Status SqlLedgerRepository::ScanCustomerReceivables(
    CustomerId customer, Date as_of,
    const std::function<Status(const app::InvoiceRecord&, const std::vector<Settled>&)>& each) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kReceivablesOfCustomer));
    st->Bind(FormatDate(as_of), customer.value());
    return Scan(*st, each);
}

// Groups the rows of a receivables query (one per settlement, invoices in order) by invoice.
Status SqlLedgerRepository::Scan(
    SqlStatement& st, const std::function<Status(const app::InvoiceRecord&, const std::vector<Settled>&)>& each) {
    app::InvoiceRecord current;
    std::vector<Settled> settled;
    while (true) {
        CREDO_TRY(bool row, st.Step());
        if (!row || st.Int(0) != current.id) {
            if (current.id != 0) CREDO_CHECK(each(current, settled));
            if (!row) return Ok();
            settled.clear();
            current.id = st.Int(0);
            current.customer = CustomerId(st.Int(1));
            CREDO_TRY(current.issue_date, ParseDate(st.Text(2), "issue_date"));
            CREDO_TRY(current.due_date, ParseDate(st.Text(3), "due_date"));
            current.currency = st.Text(4);
            current.amount_minor = st.Int(5);
            current.rate_e8 = st.Int(6);
        }
        if (!st.IsNull(7)) {
            CREDO_TRY(Date day, ParseDate(st.Text(7), "day"));
            settled.push_back({day, st.Int(8), st.OptText(9).value_or("payment")});
        }
    }
}

Result<std::int64_t> SqlLedgerRepository::InsertPayment(const app::PaymentRecord& p) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kPaymentInsert));
    CREDO_TRY(bool row, st->Bind(p.number, p.kind, p.customer.value(), FormatDate(p.day), p.currency, p.amount_minor,
                                 p.unallocated_minor, p.reference, OptUser(p.created_by), Ms(p.created_at))
                            .Step());
    if (!row) return MakeError(Errc::kInternal, "the payment was not stored");
    return st->Int(0);
}

Status SqlLedgerRepository::InsertAllocation(const app::AllocationRecord& a) {
    CREDO_TRY(auto st, conn_.Prepare(q::ledger::kAllocationInsert));
    return st->Bind(a.payment_id, a.invoice_id, a.amount_minor, FormatDate(a.day)).Run();
}

Result<std::int64_t> SqlEvaluationRepository::Insert(const app::EvaluationRecord& e) {
    CREDO_TRY(auto st, conn_.Prepare(q::evaluations::kInsert));
    CREDO_TRY(bool row, st->Bind(e.customer.value(), e.factors, std::int64_t{e.score}, OptUser(e.evaluator),
                                 e.evaluator_name, FormatDate(e.day), e.comments, Ms(e.created_at))
                            .Step());
    if (!row) return MakeError(Errc::kInternal, "the evaluation was not stored");
    return st->Int(0);
}

Result<std::vector<app::EvaluationRecord>> SqlEvaluationRepository::List(CustomerId customer) {
    CREDO_TRY(auto st, conn_.Prepare(q::evaluations::kList));
    st->Bind(customer.value());
    std::vector<app::EvaluationRecord> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::EvaluationRecord e;
        e.id = st->Int(0);
        e.customer = CustomerId(st->Int(1));
        e.factors = st->Text(2);
        e.score = static_cast<int>(st->Int(3));
        e.evaluator = UserOf(st->OptInt(4));
        e.evaluator_name = st->Text(5);
        CREDO_TRY(e.day, ParseDate(st->Text(6), "day"));
        e.comments = st->Text(7);
        e.created_at = FromMs(st->Int(8));
        out.push_back(std::move(e));
    }
}

Result<std::vector<std::pair<CustomerId, int>>> SqlEvaluationRepository::LatestScores(Date as_of) {
    CREDO_TRY(auto st, conn_.Prepare(q::evaluations::kLatestScores));
    st->Bind(FormatDate(as_of));
    std::vector<std::pair<CustomerId, int>> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        out.emplace_back(CustomerId(st->Int(0)), static_cast<int>(st->Int(1)));
    }
}

Result<std::int64_t> SqlEvaluationRepository::InsertJustification(const app::JustificationRecord& j) {
    CREDO_TRY(auto st, conn_.Prepare(q::evaluations::kJustificationInsert));
    CREDO_TRY(bool row, st->Bind(j.customer.value(), j.reason, FormatDate(j.day), FormatDate(j.valid_until),
                                 OptUser(j.created_by), Ms(j.created_at))
                            .Step());
    if (!row) return MakeError(Errc::kInternal, "the justification was not stored");
    return st->Int(0);
}

Result<std::vector<app::JustificationRecord>> SqlEvaluationRepository::Justifications(CustomerId customer) {
    CREDO_TRY(auto st, conn_.Prepare(q::evaluations::kJustifications));
    st->Bind(customer.value());
    std::vector<app::JustificationRecord> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::JustificationRecord j;
        j.id = st->Int(0);
        j.customer = CustomerId(st->Int(1));
        j.reason = st->Text(2);
        CREDO_TRY(j.day, ParseDate(st->Text(3), "day"));
        CREDO_TRY(j.valid_until, ParseDate(st->Text(4), "valid_until"));
        j.created_by = UserOf(st->OptInt(5));
        j.created_by_name = st->Text(6);
        j.created_at = FromMs(st->Int(7));
        out.push_back(std::move(j));
    }
}

Result<std::vector<CustomerId>> SqlEvaluationRepository::JustifiedOn(Date day) {
    CREDO_TRY(auto st, conn_.Prepare(q::evaluations::kJustifiedCustomers));
    st->Bind(FormatDate(day));
    std::vector<CustomerId> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        out.emplace_back(st->Int(0));
    }
}

}  // namespace credo::store
