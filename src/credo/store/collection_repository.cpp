#include "credo/store/collection_repository.hpp"

#include <boost/json.hpp>

#include "credo/sql/embedded.hpp"

namespace credo::store {
namespace {

namespace q = credo::sql;
namespace json = boost::json;

std::optional<std::string> OptDate(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return FormatDate(*d);
}

Result<std::optional<Date>> OptDateOf(const SqlStatement& st, int col, std::string_view field) {
    auto text = st.OptText(col);
    if (!text) return std::optional<Date>();
    CREDO_TRY(Date d, ParseDate(*text, field));
    return std::optional<Date>(d);
}

std::string ItemsJson(const std::vector<app::ReminderItem>& items) {
    json::array a;
    for (const auto& i : items)
        a.push_back(json::object{{"invoice_id", i.invoice_id},
                                 {"number", i.number},
                                 {"due_date", FormatDate(i.due_date)},
                                 {"offset", i.offset},
                                 {"open_minor", i.open_minor},
                                 {"currency", i.currency}});
    return json::serialize(a);
}

std::vector<app::ReminderItem> ItemsOf(const std::string& text) {
    std::vector<app::ReminderItem> out;
    boost::system::error_code ec;
    auto v = json::parse(text, ec);
    if (ec || !v.is_array()) return out;
    for (const auto& e : v.as_array()) {
        if (!e.is_object()) continue;
        const auto& o = e.as_object();
        app::ReminderItem i;
        if (auto* p = o.if_contains("invoice_id"); p && p->is_int64()) i.invoice_id = p->as_int64();
        if (auto* p = o.if_contains("number"); p && p->is_string()) i.number = std::string(p->as_string());
        if (auto* p = o.if_contains("due_date"); p && p->is_string()) {
            if (auto d = ParseDate(p->as_string(), "due_date")) i.due_date = *d;
        }
        if (auto* p = o.if_contains("offset"); p && p->is_int64()) i.offset = static_cast<int>(p->as_int64());
        if (auto* p = o.if_contains("open_minor"); p && p->is_int64()) i.open_minor = p->as_int64();
        if (auto* p = o.if_contains("currency"); p && p->is_string()) i.currency = std::string(p->as_string());
        out.push_back(std::move(i));
    }
    return out;
}

Result<app::CollectionCaseRecord> CaseRow(const SqlStatement& st) {
    app::CollectionCaseRecord c;
    c.id = st.Int(0);
    c.customer = CustomerId(st.Int(1));
    c.stage = st.Text(2);
    c.status = st.Text(3);
    c.outcome = st.OptText(4);
    c.outcome_note = st.Text(5);
    CREDO_TRY(c.opened_on, ParseDate(st.Text(6), "opened_on"));
    CREDO_TRY(c.closed_on, OptDateOf(st, 7, "closed_on"));
    c.opened_by = UserOf(st.OptInt(8));
    c.opened_by_name = st.Text(9);
    c.note = st.Text(10);
    c.created_at = FromMs(st.Int(11));
    c.updated_at = FromMs(st.Int(12));
    c.version = st.Int(13);
    c.customer_code = st.Text(14);
    c.customer_name = st.Text(15);
    c.owner = UserOf(st.OptInt(16));
    return c;
}

Result<app::PromiseRecord> PromiseRow(const SqlStatement& st) {
    app::PromiseRecord p;
    p.id = st.Int(0);
    p.case_id = st.Int(1);
    p.currency = st.Text(2);
    p.amount_minor = st.Int(3);
    CREDO_TRY(p.made_on, ParseDate(st.Text(4), "made_on"));
    CREDO_TRY(p.promised_date, ParseDate(st.Text(5), "promised_date"));
    p.note = st.Text(6);
    p.created_by = UserOf(st.OptInt(7));
    p.created_at = FromMs(st.Int(8));
    return p;
}

app::WriteOffRecord WriteOffRow(const SqlStatement& st) {
    app::WriteOffRecord w;
    w.id = st.Int(0);
    w.invoice_id = st.Int(1);
    w.customer = CustomerId(st.Int(2));
    w.case_id = st.OptInt(3);
    w.currency = st.Text(4);
    w.amount_minor = st.Int(5);
    w.reason = st.Text(6);
    w.status = st.Text(7);
    w.requested_by = UserOf(st.OptInt(8));
    w.requester_name = st.Text(9);
    w.entry_id = st.OptInt(10);
    w.created_at = FromMs(st.Int(11));
    w.updated_at = FromMs(st.Int(12));
    w.version = st.Int(13);
    w.invoice_number = st.Text(14);
    w.customer_code = st.Text(15);
    w.customer_name = st.Text(16);
    return w;
}

// The scope's query arguments: region and owner, or neither for every file.
std::pair<std::optional<std::string>, std::optional<std::int64_t>> ScopeArgs(const domain::Scope& scope) {
    if (scope.all) return {};
    std::optional<std::int64_t> owner;
    if (scope.owner) owner = scope.owner->value();
    // An empty scope matches no file: an owner id no user has.
    if (!scope.region && !owner) owner = 0;
    return {scope.region, owner};
}

}  // namespace

Result<std::vector<app::DueInvoice>> SqlCollectionRepository::InvoicesDueOn(Date due, Date as_of) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kInvoicesDueOn));
    st->Bind(FormatDate(due), FormatDate(as_of));
    std::vector<app::DueInvoice> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::DueInvoice d;
        d.id = st->Int(0);
        d.customer = CustomerId(st->Int(1));
        d.number = st->Text(2);
        CREDO_TRY(d.due_date, ParseDate(st->Text(3), "due_date"));
        d.currency = st->Text(4);
        d.open_minor = st->Int(5);
        if (d.open_minor > 0) out.push_back(std::move(d));
    }
}

Result<bool> SqlCollectionRepository::InsertReminder(const app::ReminderRecord& r) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kReminderInsert));
    CREDO_TRY(bool row, st->Bind(r.customer.value(), FormatDate(r.day), ItemsJson(r.items), Ms(r.created_at)).Step());
    return row;
}

Result<std::vector<app::ReminderRecord>> SqlCollectionRepository::Reminders(CustomerId customer) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kRemindersOfCustomer));
    st->Bind(customer.value());
    std::vector<app::ReminderRecord> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::ReminderRecord r;
        r.id = st->Int(0);
        r.customer = CustomerId(st->Int(1));
        CREDO_TRY(r.day, ParseDate(st->Text(2), "day"));
        r.items = ItemsOf(st->Text(3));
        r.created_at = FromMs(st->Int(4));
        out.push_back(std::move(r));
    }
}

Result<std::int64_t> SqlCollectionRepository::InsertCase(const app::CollectionCaseRecord& c) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kCaseInsert));
    CREDO_TRY(bool row,
              st->Bind(c.customer.value(), c.stage, c.status, c.outcome, c.outcome_note, FormatDate(c.opened_on),
                       OptDate(c.closed_on), OptUser(c.opened_by), c.opened_by_name, c.note, Ms(c.created_at))
                  .Step());
    if (!row) return MakeError(Errc::kInternal, "the collection case was not stored");
    return st->Int(0);
}

Result<app::CollectionCaseRecord> SqlCollectionRepository::FindCase(std::int64_t id) {
    app::CollectionCaseRecord c;
    {
        CREDO_TRY(auto st, conn_.Prepare(q::collections::kCaseFind));
        CREDO_TRY(bool row, st->Bind(id).Step());
        if (!row) return NotFound("collection case", std::to_string(id));
        CREDO_TRY(c, CaseRow(*st));
    }
    {
        CREDO_TRY(auto st, conn_.Prepare(q::collections::kCaseInvoices));
        st->Bind(id);
        while (true) {
            CREDO_TRY(bool row, st->Step());
            if (!row) break;
            c.invoices.push_back(st->Int(0));
        }
    }
    {
        CREDO_TRY(auto st, conn_.Prepare(q::collections::kActionsOfCase));
        st->Bind(id);
        while (true) {
            CREDO_TRY(bool row, st->Step());
            if (!row) break;
            app::CaseActionRecord a;
            a.id = st->Int(0);
            a.kind = st->Text(1);
            CREDO_TRY(a.day, ParseDate(st->Text(2), "day"));
            a.note = st->Text(3);
            a.from_stage = st->OptText(4);
            a.to_stage = st->OptText(5);
            a.actor = UserOf(st->OptInt(6));
            a.actor_name = st->Text(7);
            a.created_at = FromMs(st->Int(8));
            c.actions.push_back(std::move(a));
        }
    }
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kPromisesOfCase));
    st->Bind(id);
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return c;
        CREDO_TRY(auto p, PromiseRow(*st));
        c.promises.push_back(std::move(p));
    }
}

Result<std::optional<std::int64_t>> SqlCollectionRepository::OpenCaseOf(CustomerId customer) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kCaseOpenOf));
    CREDO_TRY(bool row, st->Bind(customer.value()).Step());
    if (!row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(st->Int(0));
}

Status SqlCollectionRepository::UpdateCase(const app::CollectionCaseRecord& c, std::int64_t expected_version) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kCaseUpdate));
    CREDO_TRY(bool row, st->Bind(c.id, expected_version, c.stage, c.status, c.outcome, c.outcome_note,
                                 OptDate(c.closed_on), Ms(c.updated_at))
                            .Step());
    if (!row) return MakeError(Errc::kConflict, "collection case " + std::to_string(c.id) + " has changed");
    return Ok();
}

Status SqlCollectionRepository::AddCaseInvoice(std::int64_t case_id, std::int64_t invoice_id) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kCaseInvoiceAdd));
    return st->Bind(case_id, invoice_id).Run();
}

Result<std::int64_t> SqlCollectionRepository::InsertAction(std::int64_t case_id, const app::CaseActionRecord& a) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kActionInsert));
    CREDO_TRY(bool row, st->Bind(case_id, a.kind, FormatDate(a.day), a.note, a.from_stage, a.to_stage, OptUser(a.actor),
                                 a.actor_name, Ms(a.created_at))
                            .Step());
    if (!row) return MakeError(Errc::kInternal, "the action was not stored");
    return st->Int(0);
}

Result<std::int64_t> SqlCollectionRepository::InsertPromise(const app::PromiseRecord& p) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kPromiseInsert));
    CREDO_TRY(bool row, st->Bind(p.case_id, p.currency, p.amount_minor, FormatDate(p.made_on),
                                 FormatDate(p.promised_date), p.note, OptUser(p.created_by), Ms(p.created_at))
                            .Step());
    if (!row) return MakeError(Errc::kInternal, "the promise was not stored");
    return st->Int(0);
}

Result<app::CollectionCasePage> SqlCollectionRepository::ListCases(const app::CollectionCaseQuery& query) {
    app::CollectionCasePage page;
    std::optional<std::int64_t> customer, mine;
    if (query.customer) customer = query.customer->value();
    if (query.mine) mine = query.mine->value();
    auto [region, owner] = ScopeArgs(query.scope);
    {
        CREDO_TRY(auto st, conn_.Prepare(q::collections::kCasesCount));
        CREDO_TRY(bool row, st->Bind(customer, query.status, query.stage, mine, region, owner).Step());
        if (row) page.total = st->Int(0);
    }
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kCasesPage));
    st->Bind(customer, query.status, query.stage, mine, region, owner, std::int64_t{query.limit}, query.offset);
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return page;
        CREDO_TRY(auto c, CaseRow(*st));
        page.items.push_back(std::move(c));
    }
}

Result<std::vector<std::pair<CustomerId, app::PromiseRecord>>> SqlCollectionRepository::PromisesDueBefore(Date before) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kPromisesDueBefore));
    st->Bind(FormatDate(before));
    std::vector<std::pair<CustomerId, app::PromiseRecord>> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        CREDO_TRY(auto p, PromiseRow(*st));
        out.emplace_back(CustomerId(st->Int(9)), std::move(p));
    }
}

Result<std::int64_t> SqlCollectionRepository::Collected(CustomerId customer, std::string_view currency, Date from,
                                                        Date to) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kCollected));
    CREDO_TRY(bool row, st->Bind(customer.value(), currency, FormatDate(from), FormatDate(to)).Step());
    return row ? st->Int(0) : 0;
}

Result<std::int64_t> SqlCollectionRepository::InsertWriteOff(const app::WriteOffRecord& w) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kWriteOffInsert));
    CREDO_TRY(bool row, st->Bind(w.invoice_id, w.customer.value(), w.case_id, w.currency, w.amount_minor, w.reason,
                                 w.status, OptUser(w.requested_by), w.requester_name, Ms(w.created_at))
                            .Step());
    if (!row) return MakeError(Errc::kInternal, "the write-off was not stored");
    return st->Int(0);
}

Result<app::WriteOffRecord> SqlCollectionRepository::FindWriteOffWith(const sql::Query& query, std::int64_t id) {
    app::WriteOffRecord w;
    {
        CREDO_TRY(auto st, conn_.Prepare(query));
        CREDO_TRY(bool row, st->Bind(id).Step());
        if (!row) return NotFound("write-off", std::to_string(id));
        w = WriteOffRow(*st);
    }
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kWriteOffDecisions));
    st->Bind(id);
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return w;
        app::WriteOffDecisionRecord d;
        d.step = st->Text(0);
        d.decision = st->Text(1);
        d.actor = UserOf(st->OptInt(2));
        d.actor_name = st->Text(3);
        d.comment = st->Text(4);
        d.at = FromMs(st->Int(5));
        w.decisions.push_back(std::move(d));
    }
}

Result<app::WriteOffRecord> SqlCollectionRepository::FindWriteOff(std::int64_t id) {
    return FindWriteOffWith(q::collections::kWriteOffFind, id);
}

Result<app::WriteOffRecord> SqlCollectionRepository::FindWriteOffForUpdate(std::int64_t id) {
    return FindWriteOffWith(q::collections::kWriteOffFindForUpdate, id);
}

Status SqlCollectionRepository::UpdateWriteOff(const app::WriteOffRecord& w, std::int64_t expected_version) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kWriteOffUpdate));
    CREDO_TRY(bool row, st->Bind(w.id, expected_version, w.status, w.entry_id, Ms(w.updated_at)).Step());
    if (!row) return MakeError(Errc::kConflict, "write-off " + std::to_string(w.id) + " has changed");
    return Ok();
}

Status SqlCollectionRepository::InsertWriteOffDecision(std::int64_t write_off_id,
                                                       const app::WriteOffDecisionRecord& d) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kWriteOffDecisionInsert));
    return st->Bind(write_off_id, d.step, d.decision, OptUser(d.actor), d.actor_name, d.comment, Ms(d.at)).Run();
}

Result<app::WriteOffPage> SqlCollectionRepository::ListWriteOffs(const app::WriteOffQuery& query) {
    app::WriteOffPage page;
    std::optional<std::int64_t> customer;
    if (query.customer) customer = query.customer->value();
    auto [region, owner] = ScopeArgs(query.scope);
    {
        CREDO_TRY(auto st, conn_.Prepare(q::collections::kWriteOffsCount));
        CREDO_TRY(bool row, st->Bind(customer, query.status, region, owner).Step());
        if (row) page.total = st->Int(0);
    }
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kWriteOffsPage));
    st->Bind(customer, query.status, region, owner, std::int64_t{query.limit}, query.offset);
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return page;
        page.items.push_back(WriteOffRow(*st));
    }
}

Result<std::int64_t> SqlCollectionRepository::PendingWriteOffs(std::int64_t invoice_id) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kWriteOffsPending));
    CREDO_TRY(bool row, st->Bind(invoice_id).Step());
    return row ? st->Int(0) : 0;
}

Result<std::vector<app::MonthlyWriteOff>> SqlCollectionRepository::WrittenOffByMonth(Date from, Date to) {
    CREDO_TRY(auto st, conn_.Prepare(q::collections::kWrittenOffByMonth));
    st->Bind(FormatDate(from), FormatDate(to));
    std::vector<app::MonthlyWriteOff> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        out.push_back({st->Text(0), st->Text(1), st->Int(2)});
    }
}

}  // namespace credo::store
