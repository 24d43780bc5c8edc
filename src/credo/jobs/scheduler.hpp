// Scheduler: runs Credo's periodic jobs inside `credo serve`, and on demand.
//
// A job runs at most once per (job, as_of date), whichever server gets there first: the run is claimed
// by inserting its row into job_runs, whose key makes every other claim — from this server or another
// on the same PostgreSQL database — fail. A job is therefore idempotent per as_of, and RunNow() on a
// date that already ran reports that instead of running again. Jobs run on the scheduler's own thread,
// never on the HTTP threads. Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::jobs {

struct Job {
    std::string name;
    // Does the work for `as_of` in `tx`; the run's claim commits with it or not at all.
    std::function<Status(app::Tx& tx, Date as_of)> run;
    // The dates the schedule runs it on (default: every day); RunNow runs it on any date.
    std::function<bool(Date)> due = [](Date) { return true; };
};

enum class RunOutcome { kRan, kAlreadyRan };

class Scheduler {
 public:
    Scheduler(app::Database& db, const app::Context& ctx, std::string server_name);
    ~Scheduler();

    void Register(Job job);
    // Runs `name` for `as_of` unless it already ran for that date. kNotFound for an unknown job.
    Result<RunOutcome> RunNow(const std::string& name, Date as_of);
    // Every `interval`, runs each job for today's date (UTC) if no server has yet.
    void Start(std::chrono::milliseconds interval);
    void Stop();
    const app::Context& context() const { return ctx_; }

 private:
    app::Database& db_;
    const app::Context& ctx_;
    std::string server_name_;
    std::vector<Job> jobs_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

// The jobs every server registers: the sweep of expired sessions, pool_return (SPEC OW-5: neglected files
// back to their region's pool, notices to the owners of those about to go) and reevaluation (SPEC AP-2:
// grades, scores and proposals, on the first day of each quarter) and report_reminders (SPEC DY-2: alerts for
// credit reports about to expire or expired, daily), alerts (SPEC RP-3: anomalies, daily) and reminders (SPEC
// AR-4: reminders and broken promises, daily).
void RegisterStandardJobs(Scheduler& scheduler);

}  // namespace credo::jobs
