#include "credo/app/access_watch.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "credo/app/alerts.hpp"
#include "credo/app/audit.hpp"
#include "credo/domain/ownership/policy.hpp"

namespace credo::app {
namespace {

// The files one audit entry of sensitive reads names at most; more make more entries.
constexpr std::size_t kFilesPerEntry = 1000;

int DayNumber(Date day) { return std::chrono::sys_days(day).time_since_epoch().count(); }
Date DayOf(int number) { return Date(std::chrono::sys_days(std::chrono::days(number))); }

void Compact(std::vector<std::int64_t>& ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

Status RecordSensitiveReads(Tx& tx, const Context& ctx, const domain::Actor& actor, Date day,
                            std::vector<std::int64_t> ids, std::int64_t reads) {
    Compact(ids);
    for (std::size_t from = 0; from < ids.size(); from += kFilesPerEntry) {
        const std::size_t to = std::min(ids.size(), from + kFilesPerEntry);
        boost::json::array files;
        for (std::size_t i = from; i < to; ++i) files.emplace_back(ids[i]);
        std::optional<std::string> entity_id;
        if (ids.size() == 1) entity_id = std::to_string(ids[0]);
        CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCustomerReadSensitive, "customer", entity_id,
                                {{"day", FormatDate(day)}, {"customers", std::move(files)}, {"reads", reads}}));
    }
    return Ok();
}

Status RaiseLeakAlert(Tx& tx, const Context& ctx, UserId user, Date day, domain::AccessKind kind,
                      const domain::LeakFinding& finding) {
    CREDO_TRY(auto recipients, ActiveUsersWithRoles(tx, {domain::Role::kSalesManager, domain::Role::kAdmin}, user));
    Alert alert;
    alert.kind = std::string("leak_") + std::string(domain::AccessKindName(kind));
    alert.dedupe = std::to_string(user.value()) + "/" + FormatDate(day);
    alert.subject = user;
    alert.day = day;
    alert.params = boost::json::serialize(boost::json::object{{"rule", domain::LeakRuleName(finding.rule)},
                                                              {"count", finding.count},
                                                              {"baseline_sum", finding.baseline_sum},
                                                              {"baseline_days", domain::kLeakBaselineDays},
                                                              {"threshold", finding.threshold}});
    alert.created_at = ctx.clock.Now();
    CREDO_CHECK(RaiseAlert(tx, std::move(alert), recipients));
    return Ok();
}

}  // namespace

void AccessWatch::NoteRead(const domain::Actor& actor, CustomerId id, bool sensitive) {
    if (!actor.id.valid()) return;
    const Key key{actor.id.value(), DayNumber(DateOf(ctx_.clock.Now()))};
    std::lock_guard lock(mutex_);
    auto [it, fresh] = pending_.try_emplace(key);
    Pending& p = it->second;
    if (fresh) p.actor = actor;
    ++p.reads;
    if (sensitive) {
        ++p.sensitive_reads;
        p.sensitive.push_back(id.value());
        // Repeated reads of the same files are folded now and then, at doubling sizes, so that the list
        // stays near the number of distinct files at a constant cost per read.
        if (p.sensitive.size() >= std::max(p.compact_at, 4 * kFilesPerEntry)) {
            Compact(p.sensitive);
            p.compact_at = 2 * p.sensitive.size();
        }
    }
}

Status AccessWatch::Flush(Database& db) {
    std::map<Key, Pending> batch;
    {
        std::lock_guard lock(mutex_);
        batch.swap(pending_);
    }
    if (batch.empty()) return Ok();
    Status stored = db.Write([&](Tx& tx) -> Status {
        for (const auto& [key, p] : batch) {
            const Date day = DayOf(key.second);
            CREDO_TRY(auto totals, tx.AccessCounts().Add(p.actor.id, day, DailyAccess{p.reads, 0}));
            CREDO_CHECK(CheckAccess(tx, ctx_, p.actor.id, day, totals));
            if (!p.sensitive.empty())
                CREDO_CHECK(RecordSensitiveReads(tx, ctx_, p.actor, day, p.sensitive, p.sensitive_reads));
        }
        return Ok();
    });
    if (!stored) {
        // Kept for the next flush: put back what was taken, adding to what was noted since.
        std::lock_guard lock(mutex_);
        for (auto& [key, p] : batch) {
            auto [it, fresh] = pending_.try_emplace(key, std::move(p));
            if (fresh) continue;
            it->second.reads += p.reads;
            it->second.sensitive_reads += p.sensitive_reads;
            it->second.sensitive.insert(it->second.sensitive.end(), p.sensitive.begin(), p.sensitive.end());
        }
    }
    return stored;
}

Result<domain::LeakPolicy> LoadLeakPolicy(Tx& tx) {
    domain::LeakPolicy policy;
    CREDO_TRY(auto stored, tx.Policies().List());
    for (const auto& p : stored) {
        auto definition = domain::FindPolicy(p.key);
        if (!definition) continue;
        CREDO_TRY(auto value, domain::ParsePolicyValue(*definition, p.value));
        if (p.key == domain::kLeakMultiple) policy.multiple = value;
        if (p.key == domain::kLeakMinCount) policy.min_count = value;
        if (p.key == domain::kLeakAbsoluteReads) policy.absolute_reads = value;
        if (p.key == domain::kLeakAbsoluteExports) policy.absolute_exports = value;
    }
    return policy;
}

Status CountExport(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t rows) {
    if (!actor.id.valid() || rows <= 0) return Ok();
    const Date day = DateOf(ctx.clock.Now());
    CREDO_TRY(auto totals, tx.AccessCounts().Add(actor.id, day, DailyAccess{0, rows}));
    return CheckAccess(tx, ctx, actor.id, day, totals);
}

Status CheckAccess(Tx& tx, const Context& ctx, UserId user, Date day, const DailyAccess& totals) {
    CREDO_TRY(auto policy, LoadLeakPolicy(tx));
    CREDO_TRY(auto baseline, tx.AccessCounts().Sum(user, AddDays(day, -domain::kLeakBaselineDays), day));
    if (auto f = domain::AssessAccess(domain::AccessKind::kReads, totals.reads, baseline.reads, policy))
        CREDO_CHECK(RaiseLeakAlert(tx, ctx, user, day, domain::AccessKind::kReads, *f));
    if (auto f = domain::AssessAccess(domain::AccessKind::kExports, totals.exports, baseline.exports, policy))
        CREDO_CHECK(RaiseLeakAlert(tx, ctx, user, day, domain::AccessKind::kExports, *f));
    return Ok();
}

}  // namespace credo::app
