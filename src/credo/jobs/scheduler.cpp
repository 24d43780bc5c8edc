#include "credo/jobs/scheduler.hpp"

#include <spdlog/spdlog.h>

#include "credo/app/classification.hpp"
#include "credo/app/collections.hpp"
#include "credo/app/ownership.hpp"
#include "credo/app/reevaluation.hpp"
#include "credo/app/reports.hpp"

namespace credo::jobs {

Scheduler::Scheduler(app::Database& db, const app::Context& ctx, std::string server_name)
    : db_(db), ctx_(ctx), server_name_(std::move(server_name)) {}

Scheduler::~Scheduler() { Stop(); }

void Scheduler::Register(Job job) { jobs_.push_back(std::move(job)); }

Result<RunOutcome> Scheduler::RunNow(const std::string& name, Date as_of) {
    auto it = std::find_if(jobs_.begin(), jobs_.end(), [&](const Job& j) { return j.name == name; });
    if (it == jobs_.end()) return FieldError("job", Quoted(name) + " is not a job");
    return app::WriteTx(db_, [&](app::Tx& tx) -> Result<RunOutcome> {
        CREDO_TRY(bool claimed, tx.JobRuns().Claim(name, as_of, server_name_, ctx_.clock.Now()));
        if (!claimed) return RunOutcome::kAlreadyRan;
        CREDO_CHECK(it->run(tx, as_of));
        return RunOutcome::kRan;
    });
}

void Scheduler::Start(std::chrono::milliseconds interval) {
    thread_ = std::thread([this, interval] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            const Date today = DateOf(ctx_.clock.Now());
            for (const auto& job : jobs_) {
                if (!job.due(today)) continue;
                auto outcome = RunNow(job.name, today);
                if (!outcome) {
                    spdlog::warn("job {} for {} failed: {}", job.name, FormatDate(today), outcome.error().message);
                } else if (*outcome == RunOutcome::kRan) {
                    spdlog::info("job {} ran for {}", job.name, FormatDate(today));
                }
            }
            lock.lock();
            wake_.wait_for(lock, interval, [&] { return stopping_; });
        }
    });
}

void Scheduler::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void RegisterStandardJobs(Scheduler& scheduler) {
    scheduler.Register(Job{"session_sweep", [](app::Tx& tx, Date as_of) {
                               // Sessions that expired before the day began; later ones go the next day.
                               return tx.Sessions().DeleteExpired(StartOfDay(as_of));
                           }});
    // CL-1, CL-5: the day's stored purchase totals, before the jobs below classify.
    scheduler.Register(
        Job{"purchase_totals", [](app::Tx& tx, Date as_of) -> Status { return app::StorePurchaseTotals(tx, as_of); }});
    scheduler.Register(Job{"pool_return", [&ctx = scheduler.context()](app::Tx& tx, Date as_of) -> Status {
                               CREDO_TRY(auto report, app::ReturnNeglectedFiles(tx, ctx, as_of));
                               if (!report.returned.empty() || !report.noticed.empty())
                                   spdlog::info("pool_return for {}: {} files back to the pool, {} notices",
                                                FormatDate(as_of), report.returned.size(), report.noticed.size());
                               return Ok();
                           }});
    scheduler.Register(Job{"reevaluation",
                           [&ctx = scheduler.context()](app::Tx& tx, Date as_of) -> Status {
                               CREDO_TRY(auto report, app::Reevaluate(tx, ctx, as_of));
                               spdlog::info(
                                   "reevaluation for {}: {} accounts, {} regraded, {} upgrade and {} "
                                   "downgrade proposals, {} downgrades set aside by a justification",
                                   FormatDate(as_of), report.accounts, report.graded, report.upgrades,
                                   report.downgrades, report.set_aside);
                               return Ok();
                           },
                           app::StartsQuarter});
    // RP-3: the day's anomalies into the inboxes of management and the owners.
    scheduler.Register(Job{"alerts", [&ctx = scheduler.context()](app::Tx& tx, Date as_of) -> Status {
                               CREDO_TRY(int raised, app::RaiseAnomalyAlerts(tx, ctx, as_of));
                               spdlog::info("alerts for {}: {} anomaly alerts raised", FormatDate(as_of), raised);
                               return Ok();
                           }});
    // DY-2: reminders of credit reports about to expire, and of expired ones.
    scheduler.Register(Job{"report_reminders", [&ctx = scheduler.context()](app::Tx& tx, Date as_of) -> Status {
                               CREDO_TRY(int raised, app::RemindExpiringReports(tx, ctx, as_of));
                               if (raised > 0)
                                   spdlog::info("report_reminders for {}: {} alerts", FormatDate(as_of), raised);
                               return Ok();
                           }});
    // AR-4: the day's payment reminders, and the promises to pay broken by it.
    scheduler.Register(Job{"reminders", [&ctx = scheduler.context()](app::Tx& tx, Date as_of) -> Status {
                               CREDO_TRY(auto report, app::SendReminders(tx, ctx, as_of));
                               spdlog::info("reminders for {}: {} customers, {} items, {} broken promises",
                                            FormatDate(as_of), report.customers, report.items, report.broken_promises);
                               return Ok();
                           }});
}

}  // namespace credo::jobs
