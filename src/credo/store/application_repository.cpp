#include "credo/store/application_repository.hpp"

#include <boost/json.hpp>

#include "credo/sql/embedded.hpp"

namespace credo::store {
namespace {

namespace q = credo::sql;

std::string Json(const std::vector<std::string>& v) {
    boost::json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return boost::json::serialize(a);
}

std::vector<std::string> Strings(const std::string& text) {
    std::vector<std::string> out;
    boost::system::error_code ec;
    auto v = boost::json::parse(text, ec);
    if (ec || !v.is_array()) return out;
    for (const auto& s : v.as_array())
        if (s.is_string()) out.emplace_back(s.get_string());
    return out;
}

std::optional<std::string> ReportDate(const app::CreditApplicationRecord& a) {
    if (!a.report_date) return std::nullopt;
    return FormatDate(*a.report_date);
}

app::CreditApplicationRecord Row(const SqlStatement& st) {
    app::CreditApplicationRecord a;
    a.id = st.Int(0);
    a.customer = CustomerId(st.Int(1));
    if (auto u = st.OptInt(2)) a.applicant = UserId(*u);
    a.applicant_name = st.Text(3);
    a.currency = st.Text(4);
    a.requested_limit_minor = st.Int(5);
    a.requested_term_days = static_cast<int>(st.Int(6));
    a.requested_grade = st.OptText(7);
    a.reason = st.Text(8);
    a.status = st.Text(9);
    a.round = st.Int(10);
    a.source = st.Text(11);
    a.proposal = Strings(st.Text(12));
    a.created_at = FromMs(st.Int(13));
    a.updated_at = FromMs(st.Int(14));
    a.version = st.Int(15);
    a.customer_code = st.Text(16);
    a.customer_name = st.Text(17);
    if (auto d = st.OptText(18)) {
        auto parsed = ParseDate(*d, "report_date");
        if (parsed) a.report_date = *parsed;
    }
    return a;
}

}  // namespace

Result<std::int64_t> SqlCreditApplicationRepository::Insert(const app::CreditApplicationRecord& a) {
    CREDO_TRY(auto st, conn_.Prepare(q::applications::kInsert));
    CREDO_TRY(bool row,
              st->Bind(a.customer.value(), OptUser(a.applicant), a.applicant_name, a.currency, a.requested_limit_minor,
                       std::int64_t{a.requested_term_days}, a.requested_grade, a.reason, a.status, a.round, a.source,
                       Json(a.proposal), Ms(a.created_at), ReportDate(a))
                  .Step());
    if (!row) return MakeError(Errc::kInternal, "the application was not stored");
    return st->Int(0);
}

Result<app::CreditApplicationRecord> SqlCreditApplicationRepository::FindWith(const sql::Query& query,
                                                                              std::int64_t id) {
    CREDO_TRY(auto st, conn_.Prepare(query));
    CREDO_TRY(bool row, st->Bind(id).Step());
    if (!row) return NotFound("credit application", std::to_string(id));
    auto a = Row(*st);
    CREDO_TRY(auto d, conn_.Prepare(q::applications::kDecisions));
    d->Bind(id);
    while (true) {
        CREDO_TRY(bool more, d->Step());
        if (!more) return a;
        app::CreditDecisionRecord r;
        r.round = d->Int(0);
        r.step = d->Text(1);
        r.decision = d->Text(2);
        if (auto u = d->OptInt(3)) r.actor = UserId(*u);
        r.actor_name = d->Text(4);
        r.comment = d->Text(5);
        r.at = FromMs(d->Int(6));
        a.decisions.push_back(std::move(r));
    }
}

Result<app::CreditApplicationRecord> SqlCreditApplicationRepository::Find(std::int64_t id) {
    return FindWith(q::applications::kFind, id);
}

Result<app::CreditApplicationRecord> SqlCreditApplicationRepository::FindForUpdate(std::int64_t id) {
    return FindWith(q::applications::kFindForUpdate, id);
}

Status SqlCreditApplicationRepository::Update(const app::CreditApplicationRecord& a, std::int64_t expected_version) {
    CREDO_TRY(auto st, conn_.Prepare(q::applications::kUpdate));
    CREDO_TRY(bool row,
              st->Bind(a.id, expected_version, a.currency, a.requested_limit_minor, std::int64_t{a.requested_term_days},
                       a.requested_grade, a.reason, a.status, a.round, Ms(a.updated_at), ReportDate(a))
                  .Step());
    if (!row) return MakeError(Errc::kConflict, "credit application " + std::to_string(a.id) + " has changed");
    return Ok();
}

Status SqlCreditApplicationRepository::InsertDecision(std::int64_t application_id, const app::CreditDecisionRecord& d) {
    CREDO_TRY(auto st, conn_.Prepare(q::applications::kDecisionInsert));
    return st->Bind(application_id, d.round, d.step, d.decision, OptUser(d.actor), d.actor_name, d.comment, Ms(d.at))
        .Run();
}

Result<app::CreditApplicationPage> SqlCreditApplicationRepository::List(const app::CreditApplicationQuery& query) {
    app::CreditApplicationPage page;
    std::optional<std::int64_t> customer, owner;
    std::optional<std::string> region;
    if (query.customer) customer = query.customer->value();
    if (!query.scope.all) {
        region = query.scope.region;
        if (query.scope.owner) owner = query.scope.owner->value();
    }
    {
        CREDO_TRY(auto st, conn_.Prepare(q::applications::kCount));
        CREDO_TRY(bool row, st->Bind(customer, query.status, region, owner, query.source).Step());
        if (row) page.total = st->Int(0);
    }
    CREDO_TRY(auto st, conn_.Prepare(q::applications::kPage));
    st->Bind(customer, query.status, region, owner, query.source, std::int64_t{query.limit}, query.offset);
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return page;
        page.items.push_back(Row(*st));
    }
}

}  // namespace credo::store
