#include "credo/jobs/alert_mailer.hpp"

#include <spdlog/spdlog.h>

#include "credo/app/alert_mail.hpp"

namespace credo::jobs {

AlertMailer::AlertMailer(app::Database& db, const app::Context& ctx, SmtpSettings settings)
    : db_(db), ctx_(ctx), client_(std::move(settings)) {}

AlertMailer::~AlertMailer() { Stop(); }

void AlertMailer::Start(std::chrono::milliseconds interval) {
    if (auto queued = app::WriteTx(db_, [&](app::Tx& tx) { return app::QueueAlertMail(tx, ctx_, 200); }); !queued)
        spdlog::warn("queueing alerts for mail failed: {}", queued.error().message);
    thread_ = std::thread([this, interval] {
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, interval, [&] { return stopping_; })) {
            lock.unlock();
            if (auto sent = RunOnce(); !sent) spdlog::warn("mailing alerts failed: {}", sent.error().message);
            lock.lock();
        }
    });
}

void AlertMailer::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

Result<int> AlertMailer::RunOnce() {
    constexpr int kBatch = 200;
    CREDO_CHECK(app::WriteTx(db_, [&](app::Tx& tx) { return app::QueueAlertMail(tx, ctx_, kBatch); }));
    CREDO_TRY(auto due, app::ReadTx(db_, [&](app::Tx& tx) { return app::DueMail(tx, ctx_, kMaxAttempts, kBatch); }));
    int sent = 0;
    for (const auto& m : due) {
        const Status outcome =
            client_.Send({m.to, m.subject, m.body, "alert-" + std::to_string(m.alert_id) + "@credo"}, ctx_.clock.Now());
        if (!outcome) spdlog::warn("mailing alert {} to {} failed: {}", m.alert_id, m.to, outcome.error().message);
        CREDO_CHECK(db_.Write([&](app::Tx& tx) { return app::RecordMailOutcome(tx, ctx_, m, outcome); }));
        sent += outcome ? 1 : 0;
    }
    return sent;
}

}  // namespace credo::jobs
