#include "credo/domain/ownership/ownership.hpp"

#include <algorithm>

namespace credo::domain {
namespace {

bool Manages(const Actor& actor) {
    return actor.Has(Role::kAdmin) || actor.Has(Role::kSalesManager) || actor.Has(Role::kExecutive);
}

bool ManagesRegion(const Actor& actor, std::string_view region) {
    return actor.Has(Role::kRegionalManager) && actor.region && *actor.region == region;
}

}  // namespace

bool MayAssign(const Actor& actor, std::string_view file_region) {
    return Manages(actor) || ManagesRegion(actor, file_region);
}

bool MayHandOver(const Actor& actor, bool user_is_sales, const std::optional<std::string>& user_region) {
    if (actor.Has(Role::kAdmin) || actor.Has(Role::kSalesManager)) return true;
    return user_is_sales && user_region && ManagesRegion(actor, *user_region);
}

bool MayReadHandover(const Actor& actor, bool user_is_sales, const std::optional<std::string>& user_region) {
    return MayHandOver(actor, user_is_sales, user_region) || actor.Has(Role::kExecutive) || actor.Has(Role::kAuditor);
}

bool MayBalance(const Actor& actor, std::string_view region) {
    return actor.Has(Role::kAdmin) || actor.Has(Role::kSalesManager) || ManagesRegion(actor, region);
}

bool MayBalanceSomewhere(const Actor& actor) {
    return actor.Has(Role::kAdmin) || actor.Has(Role::kSalesManager) ||
           (actor.Has(Role::kRegionalManager) && actor.region);
}

BalanceProposal ProposeBalance(const std::vector<BalanceSeller>& sellers, const std::vector<BalanceFile>& files,
                               std::int64_t cap) {
    BalanceProposal out;
    if (sellers.empty()) return out;
    std::map<UserId, std::int64_t> elsewhere;
    std::map<UserId, std::vector<CustomerId>> held;  // each seller's files in the region, ascending ids
    for (const auto& s : sellers) {
        elsewhere[s.id] = s.owned_elsewhere;
        held[s.id];
    }
    std::vector<CustomerId> pool;
    for (const auto& f : files) {
        if (!f.owner)
            pool.push_back(f.id);
        else if (auto it = held.find(*f.owner); it != held.end())
            it->second.push_back(f.id);
    }
    for (const auto& [id, ids] : held) out.before[id] = static_cast<std::int64_t>(ids.size());
    std::map<CustomerId, BalanceMove> moves;
    const auto may_take = [&](UserId id) { return elsewhere[id] + static_cast<std::int64_t>(held[id].size()) < cap; };
    // The seller with the fewest files that may take one more; ties to the lower id (the map's order).
    const auto fewest = [&]() -> std::optional<UserId> {
        std::optional<UserId> best;
        for (const auto& [id, ids] : held)
            if (may_take(id) && (!best || ids.size() < held[*best].size())) best = id;
        return best;
    };
    for (CustomerId file : pool) {
        auto to = fewest();
        if (!to) break;
        held[*to].push_back(file);
        moves[file] = BalanceMove{file, std::nullopt, *to};
    }
    while (true) {
        auto to = fewest();
        if (!to) break;
        // The seller with the most files; ties to the lower id.
        UserId from = held.begin()->first;
        for (const auto& [id, ids] : held)
            if (ids.size() > held[from].size()) from = id;
        if (held[from].size() <= held[*to].size() + 1) break;
        // Its newest file that it held before the proposal (a file the proposal gave it stays).
        auto& from_ids = held[from];
        CustomerId file = from_ids.back();
        from_ids.pop_back();
        held[*to].push_back(file);
        auto existing = moves.find(file);
        if (existing != moves.end() && existing->second.from == *to) {
            moves.erase(existing);  // back where it started
        } else if (existing != moves.end()) {
            existing->second.to = *to;
        } else {
            moves[file] = BalanceMove{file, from, *to};
        }
        std::sort(held[*to].begin(), held[*to].end());
    }
    for (auto& [_, move] : moves) out.moves.push_back(move);
    for (const auto& [id, ids] : held) out.after[id] = static_cast<std::int64_t>(ids.size());
    return out;
}

NeglectAssessment AssessNeglect(Date last_touch, Date as_of, std::int64_t neglect_days, std::int64_t notice_days) {
    NeglectAssessment a;
    a.days = DaysBetween(last_touch, as_of);
    a.due = AddDays(last_touch, static_cast<int>(neglect_days + 1));
    if (a.days > neglect_days)
        a.state = NeglectState::kReturned;
    else if (DaysBetween(as_of, a.due) <= notice_days)
        a.state = NeglectState::kNotice;
    return a;
}

Date NeglectHorizon(Date as_of, std::int64_t neglect_days, std::int64_t notice_days) {
    // A file is looked at once its due date (last touch + neglect_days + 1) is at most notice_days away.
    return AddDays(as_of, static_cast<int>(notice_days - neglect_days));
}

}  // namespace credo::domain
