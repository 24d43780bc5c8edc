#include "credo/store/alert_repository.hpp"

#include "credo/sql/embedded.hpp"

namespace credo::store {
namespace {

namespace q = credo::sql;

}  // namespace

Result<bool> SqlAlertRepository::Insert(const app::Alert& a) {
    CREDO_TRY(auto st, conn_.Prepare(q::alerts::kInsert));
    std::optional<std::int64_t> customer, subject;
    if (a.customer) customer = a.customer->value();
    if (a.subject) subject = a.subject->value();
    st->Bind(a.user.value(), a.kind, a.dedupe, customer, subject, FormatDate(a.day), a.params, Ms(a.created_at));
    return st->Step();
}

Result<app::AlertPage> SqlAlertRepository::List(const app::AlertQuery& query) {
    app::AlertPage page;
    {
        CREDO_TRY(auto st, conn_.Prepare(q::alerts::kCount));
        CREDO_TRY(bool row, st->Bind(query.user.value()).Step());
        if (row) {
            page.total = st->Int(0);
            page.unread = st->Int(1);
        }
    }
    CREDO_TRY(auto st, conn_.Prepare(q::alerts::kList));
    st->Bind(query.user.value(), std::int64_t{query.unread_only ? 1 : 0}, std::int64_t{query.limit}, query.offset);
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return page;
        app::Alert a;
        a.id = st->Int(0);
        a.user = query.user;
        a.kind = st->Text(1);
        if (auto c = st->OptInt(2)) {
            a.customer = CustomerId(*c);
            a.customer_code = st->OptText(3).value_or("");
            a.customer_name = st->OptText(4).value_or("");
        }
        if (auto u = st->OptInt(5)) {
            a.subject = UserId(*u);
            a.subject_username = st->OptText(6).value_or("");
        }
        CREDO_TRY(a.day, ParseDate(st->Text(7), "day"));
        a.params = st->Text(8);
        a.created_at = FromMs(st->Int(9));
        if (auto r = st->OptInt(10)) a.read_at = FromMs(*r);
        page.items.push_back(std::move(a));
    }
}

Status SqlAlertRepository::MarkRead(UserId user, std::int64_t id, Timestamp at) {
    CREDO_TRY(auto st, conn_.Prepare(q::alerts::kMarkRead));
    CREDO_TRY(bool row, st->Bind(id, user.value(), Ms(at)).Step());
    if (!row) return NotFound("alert", std::to_string(id));
    return Ok();
}

Status SqlAlertRepository::MarkAllRead(UserId user, Timestamp at) {
    CREDO_TRY(auto st, conn_.Prepare(q::alerts::kMarkAllRead));
    return st->Bind(user.value(), Ms(at)).Run();
}

Result<app::DailyAccess> SqlAccessCountRepository::Add(UserId user, Date day, const app::DailyAccess& add) {
    CREDO_TRY(auto st, conn_.Prepare(q::access_counts::kAdd));
    CREDO_TRY(bool row, st->Bind(user.value(), FormatDate(day), add.reads, add.exports).Step());
    if (!row) return MakeError(Errc::kInternal, "the access counts were not stored");
    return app::DailyAccess{st->Int(0), st->Int(1)};
}

Result<app::DailyAccess> SqlAccessCountRepository::Sum(UserId user, Date from, Date to) {
    CREDO_TRY(auto st, conn_.Prepare(q::access_counts::kSum));
    CREDO_TRY(bool row, st->Bind(user.value(), FormatDate(from), FormatDate(to)).Step());
    if (!row) return app::DailyAccess{};
    return app::DailyAccess{st->Int(0), st->Int(1)};
}

}  // namespace credo::store
