#include "credo/store/classification_repository.hpp"

#include "credo/sql/embedded.hpp"

namespace credo::store {
namespace {

namespace q = credo::sql;

Result<std::optional<Date>> OptDate(const SqlStatement& st, int col, std::string_view field) {
    auto text = st.OptText(col);
    if (!text || text->empty()) return std::optional<Date>();
    CREDO_TRY(Date d, ParseDate(*text, field));
    return std::optional<Date>(d);
}

}  // namespace

namespace {

// Binds as_of and the three period bounds before it ($1…$4), and the customer ($5) when there is one.
void BindPeriods(SqlStatement& st, Date as_of, std::optional<CustomerId> customer) {
    const std::string day = FormatDate(as_of);
    const std::string y1 = FormatDate(AddMonths(as_of, -12));
    const std::string y2 = FormatDate(AddMonths(as_of, -24));
    const std::string y3 = FormatDate(AddMonths(as_of, -36));
    if (customer)
        st.Bind(day, y1, y2, y3, customer->value());
    else
        st.Bind(day, y1, y2, y3);
}

// Rows of (customer, currency, the three periods, first, last).
Result<std::vector<app::PurchaseTotalRecord>> TotalRows(SqlStatement& st) {
    std::vector<app::PurchaseTotalRecord> out;
    while (true) {
        CREDO_TRY(bool row, st.Step());
        if (!row) return out;
        app::PurchaseTotalRecord r;
        r.customer = CustomerId(st.Int(0));
        r.currency = st.Text(1);
        for (int i = 0; i < 3; ++i) r.periods[i] = st.Int(2 + i);
        CREDO_TRY(r.first, OptDate(st, 5, "first"));
        CREDO_TRY(r.last, OptDate(st, 6, "last"));
        out.push_back(std::move(r));
    }
}

}  // namespace

Result<std::vector<app::PurchaseTotalRecord>> SqlClassificationRepository::Totals(const sql::Query& all,
                                                                                  const sql::Query& one, Date as_of,
                                                                                  std::optional<CustomerId> customer) {
    CREDO_TRY(auto st, conn_.Prepare(customer ? one : all));
    BindPeriods(*st, as_of, customer);
    return TotalRows(*st);
}

Result<std::optional<Date>> SqlClassificationRepository::TotalsDate(const sql::Query& query) {
    CREDO_TRY(auto st, conn_.Prepare(query));
    CREDO_TRY(bool row, st->Step());
    if (!row) return MakeError(Errc::kInternal, "purchase_totals_state has no row");
    return OptDate(*st, 0, "as_of");
}

Result<std::optional<Date>> SqlClassificationRepository::StoredTotalsDate() {
    return TotalsDate(q::classification::kTotalsState);
}

Result<std::optional<Date>> SqlClassificationRepository::LockStoredTotals(bool exclusive) {
    return TotalsDate(exclusive ? q::classification::kTotalsStateLock : q::classification::kTotalsStateShare);
}

Status SqlClassificationRepository::StoreTotals(Date as_of, std::optional<CustomerId> customer) {
    {
        CREDO_TRY(auto st,
                  conn_.Prepare(customer ? q::classification::kTotalsClearOf : q::classification::kTotalsClear));
        if (customer) st->Bind(customer->value());
        CREDO_CHECK(st->Run());
    }
    const std::pair<const sql::Query*, std::string_view> kinds[] = {
        {customer ? &q::classification::kInvoicedTotalsOf : &q::classification::kInvoicedTotals, "invoice"},
        {customer ? &q::classification::kCreditedTotalsOf : &q::classification::kCreditedTotals, "credit_note"}};
    for (const auto& [totals, kind] : kinds) {
        std::string text = ReplaceAll(std::string(conn_.TextOf(q::classification::kTotalsFill)), "{TOTALS}",
                                      std::string(conn_.TextOf(*totals)));
        CREDO_TRY(auto st, conn_.Prepare(ReplaceAll(std::move(text), "{KIND}", std::string(kind))));
        BindPeriods(*st, as_of, customer);
        CREDO_CHECK(st->Run());
    }
    if (customer) return Ok();
    CREDO_TRY(auto st, conn_.Prepare(q::classification::kTotalsStateSet));
    return st->Bind(FormatDate(as_of)).Run();
}

Result<std::vector<app::PurchaseTotalRecord>> SqlClassificationRepository::StoredTotals(bool credit_notes) {
    CREDO_TRY(auto st, conn_.Prepare(q::classification::kTotalsStored));
    st->Bind(std::string(credit_notes ? "credit_note" : "invoice"));
    return TotalRows(*st);
}

Result<std::vector<app::PurchaseTotalRecord>> SqlClassificationRepository::InvoicedTotals(
    Date as_of, std::optional<CustomerId> customer) {
    return Totals(q::classification::kInvoicedTotals, q::classification::kInvoicedTotalsOf, as_of, customer);
}

Result<std::vector<app::PurchaseTotalRecord>> SqlClassificationRepository::CreditedTotals(
    Date as_of, std::optional<CustomerId> customer) {
    return Totals(q::classification::kCreditedTotals, q::classification::kCreditedTotalsOf, as_of, customer);
}

Result<std::vector<app::ClassificationRepository::YearTotal>> SqlClassificationRepository::YearTotals(
    CustomerId customer, Date as_of) {
    CREDO_TRY(auto st, conn_.Prepare(q::classification::kYearTotals));
    st->Bind(customer.value(), FormatDate(as_of));
    std::vector<YearTotal> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        YearTotal t;
        t.year = std::stoi(st->Text(0));
        t.currency = st->Text(1);
        t.amount_minor = st->Int(2);
        out.push_back(std::move(t));
    }
}

Result<std::vector<app::ClassifiedFileRecord>> SqlClassificationRepository::Files(const domain::Scope& scope) {
    std::vector<app::ClassifiedFileRecord> out;
    if (scope.Empty()) return out;
    std::optional<std::string> region;
    std::optional<std::int64_t> owner;
    if (!scope.all) {
        region = scope.region;
        if (scope.owner) owner = scope.owner->value();
    }
    CREDO_TRY(auto st, conn_.Prepare(q::classification::kFiles));
    st->Bind(region, owner);
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::ClassifiedFileRecord f;
        f.customer = CustomerId(st->Int(0));
        f.code = st->Text(1);
        f.name = st->Text(2);
        f.region = st->Text(3);
        f.owner = UserOf(st->OptInt(4));
        f.owner_name = st->Text(5);
        f.lifecycle = st->Text(6);
        // A malformed attribute is left out rather than failing the whole report.
        if (auto start = st->OptText(7))
            if (auto d = ParseDate(*start, "relationship_start")) f.relationship_start = *d;
        f.created_at = FromMs(st->Int(8));
        out.push_back(std::move(f));
    }
}

Result<std::int64_t> SqlClassificationRepository::InsertReview(const app::ReviewRecord& r) {
    CREDO_TRY(auto st, conn_.Prepare(q::classification::kReviewInsert));
    CREDO_TRY(bool row, st->Bind(r.customer.value(), FormatDate(r.day), r.tier, r.notes, OptUser(r.reviewer),
                                 r.reviewer_name, Ms(r.created_at))
                            .Step());
    if (!row) return MakeError(Errc::kInternal, "the review was not stored");
    return st->Int(0);
}

Result<std::vector<app::ReviewRecord>> SqlClassificationRepository::Reviews(CustomerId customer) {
    CREDO_TRY(auto st, conn_.Prepare(q::classification::kReviews));
    st->Bind(customer.value());
    std::vector<app::ReviewRecord> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::ReviewRecord r;
        r.id = st->Int(0);
        r.customer = CustomerId(st->Int(1));
        CREDO_TRY(r.day, ParseDate(st->Text(2), "day"));
        r.tier = st->Text(3);
        r.notes = st->Text(4);
        r.reviewer = UserOf(st->OptInt(5));
        r.reviewer_name = st->Text(6);
        r.created_at = FromMs(st->Int(7));
        out.push_back(std::move(r));
    }
}

Result<std::vector<std::pair<CustomerId, Date>>> SqlClassificationRepository::LastReviews(Date as_of) {
    CREDO_TRY(auto st, conn_.Prepare(q::classification::kLastReviews));
    st->Bind(FormatDate(as_of));
    std::vector<std::pair<CustomerId, Date>> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        CREDO_TRY(Date d, ParseDate(st->Text(1), "day"));
        out.emplace_back(CustomerId(st->Int(0)), d);
    }
}

Result<std::vector<app::CreditReportRecord>> SqlClassificationRepository::CreditReports(Date as_of) {
    CREDO_TRY(auto st, conn_.Prepare(q::classification::kCreditReports));
    st->Bind(FormatDate(as_of));
    std::vector<app::CreditReportRecord> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::CreditReportRecord r;
        r.customer = CustomerId(st->Int(0));
        r.source = st->Text(1);
        CREDO_TRY(r.day, ParseDate(st->Text(2), "day"));
        CREDO_TRY(r.valid_until, OptDate(*st, 3, "valid_until"));
        out.push_back(std::move(r));
    }
}

}  // namespace credo::store
