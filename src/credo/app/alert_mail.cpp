#include "credo/app/alert_mail.hpp"

#include <algorithm>
#include <boost/json.hpp>

namespace credo::app {
namespace {

struct KindTexts {
    std::string_view kind;
    std::string_view en, es, zh_cn, zh_tw;
};

constexpr KindTexts kSubjects[] = {
    {"pool_return", "A customer is about to return to the pool", "Un cliente está por volver al fondo común",
     "客户即将退回公海", "客戶即將退回公海"},
    {"leak_reads", "Unusual reading of customer files", "Lectura inusual de fichas de clientes", "客户档案读取异常",
     "客戶檔案讀取異常"},
    {"leak_exports", "Unusual export of customer files", "Exportación inusual de fichas de clientes",
     "客户档案导出异常", "客戶檔案匯出異常"},
    {"utilization", "Credit utilization above a mark", "Uso del crédito por encima de un umbral",
     "信用额度使用超过警戒线", "信用額度使用超過警戒線"},
    {"reminder", "Payment reminder", "Recordatorio de pago", "付款提醒", "付款提醒"},
    {"promise_broken", "A promise to pay was broken", "Se incumplió una promesa de pago", "付款承诺未履行",
     "付款承諾未履行"},
};

std::string_view SubjectOf(std::string_view kind, const std::optional<std::string>& language) {
    for (const auto& k : kSubjects) {
        if (k.kind != kind) continue;
        const std::string lang = language.value_or("en");
        if (lang == "es") return k.es;
        if (lang == "zh-CN") return k.zh_cn;
        if (lang == "zh-TW") return k.zh_tw;
        return k.en;
    }
    return kind;
}

std::string Text(const boost::json::value& v) {
    if (v.is_string()) return std::string(v.get_string());
    return boost::json::serialize(v);
}

}  // namespace

std::pair<std::string, std::string> ComposeAlertMail(const AlertToMail& m) {
    const auto& a = m.alert;
    std::string subject = "Credo: " + std::string(SubjectOf(a.kind, m.language));
    if (!a.customer_name.empty()) subject += " — " + a.customer_name;
    std::string body = std::string(SubjectOf(a.kind, m.language)) + "\n\n";
    if (a.customer) body += "customer: " + a.customer_name + " (" + a.customer_code + ")\n";
    if (!a.subject_username.empty()) body += "user: " + a.subject_username + "\n";
    body += "day: " + FormatDate(a.day) + "\n";
    boost::system::error_code ec;
    auto params = boost::json::parse(a.params, ec);
    if (!ec && params.is_object()) {
        for (const auto& [key, value] : params.as_object()) {
            if (value.is_array()) {
                body += std::string(key) + ":\n";
                for (const auto& item : value.as_array()) {
                    std::string line;
                    if (item.is_object())
                        for (const auto& [k, v] : item.as_object()) line += (line.empty() ? "" : ", ") + Text(v);
                    else
                        line = Text(item);
                    body += "  - " + line + "\n";
                }
            } else {
                body += std::string(key) + ": " + Text(value) + "\n";
            }
        }
    }
    body += "\n(alert #" + std::to_string(a.id) + ")\n";
    return {subject, body};
}

Result<int> QueueAlertMail(Tx& tx, const Context& ctx, int batch) {
    CREDO_TRY(auto cursor, tx.Mail().Cursor());
    if (!cursor) {
        CREDO_TRY(auto last, tx.Mail().LastAlertId());
        CREDO_CHECK(tx.Mail().SetCursor(last));
        return 0;
    }
    CREDO_TRY(auto alerts, tx.Mail().AlertsAfter(*cursor, batch));
    if (alerts.empty()) return 0;
    int queued = 0;
    for (const auto& a : alerts) {
        if (!a.email || a.email->empty()) continue;
        auto [subject, body] = ComposeAlertMail(a);
        MailMessage m;
        m.alert_id = a.alert.id;
        m.to = *a.email;
        m.subject = std::move(subject);
        m.body = std::move(body);
        CREDO_CHECK(tx.Mail().Enqueue(m, ctx.clock.Now()));
        ++queued;
    }
    CREDO_CHECK(tx.Mail().SetCursor(alerts.back().alert.id));
    return queued;
}

Result<std::vector<MailMessage>> DueMail(Tx& tx, const Context& ctx, int max_attempts, int limit) {
    return tx.Mail().Due(ctx.clock.Now(), max_attempts, limit);
}

Status RecordMailOutcome(Tx& tx, const Context& ctx, const MailMessage& m, const Status& outcome) {
    if (outcome) return tx.Mail().MarkSent(m.id, ctx.clock.Now());
    std::int64_t wait = 30;
    for (int i = 0; i < m.attempts && wait < 3600; ++i) wait *= 4;
    wait = std::min<std::int64_t>(wait, 3600);
    return tx.Mail().MarkFailed(m.id, outcome.error().message.substr(0, 500),
                                ctx.clock.Now() + std::chrono::seconds(wait));
}

}  // namespace credo::app
