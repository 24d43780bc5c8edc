// Central ownership (SPEC OW-1…OW-5): who may give customer files to whom, the balanced assignment of
// a region's files, and when a neglected file returns to its region's pool. Pure rules: the use cases
// (app/ownership) read what these need and store what they decide.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "credo/base/date.hpp"
#include "credo/base/ids.hpp"
#include "credo/domain/access/role.hpp"

namespace credo::domain {

// OW-1: the regional manager assigns the files of its region; sales managers, executives and admins any
// file. Whether the actor may read the file at all is the caller's first check (404 before 403).
bool MayAssign(const Actor& actor, std::string_view file_region);
// OW-2: sales managers and admins hand over any user's files; a regional manager a salesperson's of its
// region (`user_is_sales`, `user_region`: the user handed over).
bool MayHandOver(const Actor& actor, bool user_is_sales, const std::optional<std::string>& user_region);
// Who may read a handover record: whoever may make it, executives and auditors.
bool MayReadHandover(const Actor& actor, bool user_is_sales, const std::optional<std::string>& user_region);
// OW-3: the regional manager of `region`, sales managers and admins may see and accept proposals for it.
bool MayBalance(const Actor& actor, std::string_view region);
// Whether the actor may accept proposals at all (each move is then checked as an assignment).
bool MayBalanceSomewhere(const Actor& actor);

// OW-3: a balanced assignment of one region's files among its active salespeople.
struct BalanceFile {
    CustomerId id;
    std::optional<UserId> owner;  // nullopt: in the region's pool
    std::int64_t sales = 0;       // its annual sales (minor units of one currency), for ProposeSalesBalance
};
struct BalanceSeller {
    UserId id;
    std::int64_t owned_elsewhere = 0;  // files it owns in other regions (they count against the cap)
};
struct BalanceMove {
    CustomerId customer;
    std::optional<UserId> from;  // nullopt: from the pool
    UserId to;
};
struct BalanceProposal {
    std::vector<BalanceMove> moves;  // by customer id
    // Files each salesperson owns in the region before and after the moves, and their annual sales.
    std::map<UserId, std::int64_t> before;
    std::map<UserId, std::int64_t> after;
    std::map<UserId, std::int64_t> sales_before;
    std::map<UserId, std::int64_t> sales_after;
};
// Gives the pool's files to the salespeople with the fewest files first, then moves files from the one
// with the most to the one with the fewest until no two differ by more than one. Files owned by anyone
// not among `sellers` stay where they are. Nobody is given a file that would take its total (this region
// and `owned_elsewhere`) past `cap`. Deterministic: ties go to the lower user id, and the file moved is
// the owner's newest (highest id).
BalanceProposal ProposeBalance(const std::vector<BalanceSeller>& sellers, const std::vector<BalanceFile>& files,
                               std::int64_t cap);

// The same by annual sales: the pool's files, largest first, each to the salesperson with the least sales
// that may take one more; then, while it narrows the gap, the file of the salesperson with the most sales
// whose sales come closest to half the gap moves to the one with the least (a file with no sales never
// moves). Each move lowers the sum of squares of the totals, so it ends. Same cap, same determinism.
BalanceProposal ProposeSalesBalance(const std::vector<BalanceSeller>& sellers, const std::vector<BalanceFile>& files,
                                    std::int64_t cap);

// OW-5: where a file stands with the public pool on `as_of`, given when it was last touched (its newest
// activity, or its last change without one).
enum class NeglectState {
    kKept,      // touched recently enough
    kNotice,    // returns to the pool within the notice period: tell the owner
    kReturned,  // untouched for more than `neglect_days`: back to the pool
};
struct NeglectAssessment {
    NeglectState state = NeglectState::kKept;
    std::int64_t days = 0;  // days since the last touch
    Date due{};             // the first date on which it is returned
};
NeglectAssessment AssessNeglect(Date last_touch, Date as_of, std::int64_t neglect_days, std::int64_t notice_days);
// The oldest last touch that still leaves a file alone on `as_of` (anything before it needs a look).
Date NeglectHorizon(Date as_of, std::int64_t neglect_days, std::int64_t notice_days);

}  // namespace credo::domain
