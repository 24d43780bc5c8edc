// AlertMailer: the background sender of alerts by e-mail (SPEC RP-5), run by `credo serve` when credo.toml
// has an [smtp] section. Every interval it queues the alerts raised since its last pass (app/alert_mail)
// and sends the due messages one by one over SMTP, each outside any transaction, recording each outcome: a
// failure is retried later (at most kMaxAttempts times). On its own thread; Stop() ends it without a last
// pass (what is queued is sent by the next start).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/jobs/smtp_client.hpp"

namespace credo::jobs {

class AlertMailer {
 public:
    static constexpr int kMaxAttempts = 8;

    AlertMailer(app::Database& db, const app::Context& ctx, SmtpSettings settings);
    ~AlertMailer();

    // Starts the outbox at the newest alert the first time ever (before returning), then the passes on a
    // thread of their own, every `interval`.
    void Start(std::chrono::milliseconds interval);
    void Stop();
    // One pass: queues the new alerts and sends what is due; returns how many messages were sent.
    Result<int> RunOnce();

 private:
    app::Database& db_;
    const app::Context& ctx_;
    SmtpClient client_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace credo::jobs
