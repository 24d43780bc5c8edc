#include "credo/store/mail_repository.hpp"

#include "credo/sql/embedded.hpp"

namespace credo::store {
namespace {
namespace q = credo::sql;
}  // namespace

Result<std::optional<std::int64_t>> SqlMailRepository::Cursor() {
    CREDO_TRY(auto st, conn_.Prepare(q::mail::kCursor));
    CREDO_TRY(bool row, st->Step());
    if (!row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(st->Int(0));
}

Status SqlMailRepository::SetCursor(std::int64_t last_alert_id) {
    CREDO_TRY(auto st, conn_.Prepare(q::mail::kCursorSet));
    return st->Bind(last_alert_id).Run();
}

Result<std::int64_t> SqlMailRepository::LastAlertId() {
    CREDO_TRY(auto st, conn_.Prepare(q::mail::kLastAlertId));
    CREDO_TRY(bool row, st->Step());
    return row ? st->Int(0) : 0;
}

Result<std::vector<app::AlertToMail>> SqlMailRepository::AlertsAfter(std::int64_t after, int limit) {
    CREDO_TRY(auto st, conn_.Prepare(q::mail::kAlertsAfter));
    st->Bind(after, std::int64_t{limit});
    std::vector<app::AlertToMail> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::AlertToMail m;
        auto& a = m.alert;
        a.id = st->Int(0);
        a.user = UserId(st->Int(1));
        a.kind = st->Text(2);
        if (auto c = st->OptInt(3)) a.customer = CustomerId(*c);
        a.customer_code = st->OptText(4).value_or("");
        a.customer_name = st->OptText(5).value_or("");
        CREDO_TRY(a.day, ParseDate(st->Text(6), "day"));
        a.params = st->Text(7);
        a.created_at = FromMs(st->Int(8));
        m.email = st->OptText(9);
        m.language = st->OptText(10);
        a.subject_username = st->OptText(11).value_or("");
        out.push_back(std::move(m));
    }
}

Status SqlMailRepository::Enqueue(const app::MailMessage& m, Timestamp at) {
    CREDO_TRY(auto st, conn_.Prepare(q::mail::kEnqueue));
    return st->Bind(m.alert_id, m.to, m.subject, m.body, Ms(at)).Run();
}

Result<std::vector<app::MailMessage>> SqlMailRepository::Messages(SqlStatement& st) {
    std::vector<app::MailMessage> out;
    while (true) {
        CREDO_TRY(bool row, st.Step());
        if (!row) return out;
        app::MailMessage m;
        m.id = st.Int(0);
        m.alert_id = st.Int(1);
        m.to = st.Text(2);
        m.subject = st.Text(3);
        m.body = st.Text(4);
        m.attempts = static_cast<int>(st.Int(5));
        m.last_error = st.Text(6);
        if (auto s = st.OptInt(7)) m.sent_at = FromMs(*s);
        out.push_back(std::move(m));
    }
}

Result<std::vector<app::MailMessage>> SqlMailRepository::Due(Timestamp now, int max_attempts, int limit) {
    CREDO_TRY(auto st, conn_.Prepare(q::mail::kDue));
    st->Bind(Ms(now), std::int64_t{max_attempts}, std::int64_t{limit});
    return Messages(*st);
}

Status SqlMailRepository::MarkSent(std::int64_t id, Timestamp at) {
    CREDO_TRY(auto st, conn_.Prepare(q::mail::kMarkSent));
    return st->Bind(id, Ms(at)).Run();
}

Status SqlMailRepository::MarkFailed(std::int64_t id, const std::string& error, Timestamp next_at) {
    CREDO_TRY(auto st, conn_.Prepare(q::mail::kMarkFailed));
    return st->Bind(id, error, Ms(next_at)).Run();
}

Result<std::vector<app::MailMessage>> SqlMailRepository::Recent(int limit) {
    CREDO_TRY(auto st, conn_.Prepare(q::mail::kRecent));
    st->Bind(std::int64_t{limit});
    return Messages(*st);
}

}  // namespace credo::store
