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
    std::map<CustomerId, std::int64_t> sales;
    for (const auto& f : files) sales[f.id] = f.sales;
    for (const auto& [id, ids] : held) {
        out.sales_after[id] = 0;
        for (CustomerId f : ids) out.sales_after[id] += sales[f];
    }
    for (const auto& f : files)
        if (f.owner && out.before.count(*f.owner)) out.sales_before[*f.owner] += f.sales;
    for (const auto& [id, _] : out.before) out.sales_before[id] += 0;
    return out;
}

BalanceProposal ProposeSalesBalance(const std::vector<BalanceSeller>& sellers, const std::vector<BalanceFile>& files,
                                    std::int64_t cap) {
    BalanceProposal out;
    if (sellers.empty()) return out;
    std::map<UserId, std::int64_t> elsewhere, total;
    std::map<UserId, std::vector<const BalanceFile*>> held;
    for (const auto& s : sellers) {
        elsewhere[s.id] = s.owned_elsewhere;
        held[s.id];
        total[s.id] = 0;
    }
    std::vector<const BalanceFile*> pool;
    for (const auto& f : files) {
        if (!f.owner) {
            pool.push_back(&f);
        } else if (auto it = held.find(*f.owner); it != held.end()) {
            it->second.push_back(&f);
            total[*f.owner] += f.sales;
        }
    }
    for (const auto& [id, list] : held) {
        out.before[id] = static_cast<std::int64_t>(list.size());
        out.sales_before[id] = total[id];
    }
    const auto may_take = [&](UserId id) { return elsewhere[id] + static_cast<std::int64_t>(held[id].size()) < cap; };
    const auto least = [&]() -> std::optional<UserId> {
        std::optional<UserId> best;
        for (const auto& [id, _] : held)
            if (may_take(id) && (!best || total[id] < total[*best])) best = id;
        return best;
    };
    std::map<CustomerId, BalanceMove> moves;
    const auto move = [&](const BalanceFile* f, std::optional<UserId> from, UserId to) {
        auto existing = moves.find(f->id);
        if (existing != moves.end() && existing->second.from == to)
            moves.erase(existing);
        else if (existing != moves.end())
            existing->second.to = to;
        else
            moves[f->id] = BalanceMove{f->id, from, to};
    };
    std::stable_sort(pool.begin(), pool.end(), [](const BalanceFile* a, const BalanceFile* b) {
        return a->sales != b->sales ? a->sales > b->sales : a->id.value() < b->id.value();
    });
    for (const BalanceFile* f : pool) {
        auto to = least();
        if (!to) break;
        held[*to].push_back(f);
        total[*to] += f->sales;
        move(f, std::nullopt, *to);
    }
    while (true) {
        auto to = least();
        if (!to) break;
        UserId from = held.begin()->first;
        for (const auto& [id, _] : held)
            if (total[id] > total[from]) from = id;
        const std::int64_t gap = total[from] - total[*to];
        if (gap <= 0) break;
        // The file whose sales come closest to half the gap, among those that narrow it (0 < sales < gap).
        auto& list = held[from];
        std::optional<std::size_t> pick;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::int64_t s = list[i]->sales;
            if (s <= 0 || s >= gap) continue;
            const auto distance = [&](std::int64_t v) { return v * 2 > gap ? v * 2 - gap : gap - v * 2; };
            if (!pick || distance(s) < distance(list[*pick]->sales) ||
                (distance(s) == distance(list[*pick]->sales) && list[i]->id.value() < list[*pick]->id.value()))
                pick = i;
        }
        if (!pick) break;
        const BalanceFile* f = list[*pick];
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(*pick));
        held[*to].push_back(f);
        total[from] -= f->sales;
        total[*to] += f->sales;
        move(f, from, *to);
    }
    for (auto& [_, m] : moves) out.moves.push_back(m);
    for (const auto& [id, list] : held) {
        out.after[id] = static_cast<std::int64_t>(list.size());
        out.sales_after[id] = total[id];
    }
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
