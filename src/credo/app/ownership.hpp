// Use cases of central ownership (SPEC OW-1…OW-3, OW-5) and of the policies that shape it.
//
// Every change of owner is a new version of the file (the owner change in its history, with the reason)
// and an audit entry, in the caller's write transaction; a use case that moves many files (a handover, an
// accepted proposal, the pool's job) moves all of them or none. Nothing may be owned by a disabled user
// or by one without the sales role, and nobody may own more files than the policy
// ownership.max_customers_per_sales allows (kConflict naming the owner and the cap).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/domain/ownership/policy.hpp"

namespace credo::app {

// The ownership policies in force (the stored values, defaults where none is stored).
Result<domain::OwnershipPolicy> LoadOwnershipPolicy(Tx& tx);

// OW-1: gives file `id` to `owner` (nullopt: its region's pool). kNotFound outside the actor's read
// scope; kForbidden unless domain::MayAssign; kInvalidArgument naming owner_id for an unknown or
// disabled user or one without the sales role; kConflict over the cap. Giving a file to its owner
// changes nothing and returns it as is.
Result<domain::Customer> AssignCustomer(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId id,
                                        std::optional<UserId> owner, const std::optional<std::string>& reason);

// OW-2: a salesperson leaves.
struct HandoverRequest {
    UserId user;
    std::optional<UserId> to;                                  // the default successor; nullopt: the pool
    std::map<CustomerId, std::optional<UserId>> per_customer;  // exceptions to `to`
    std::string reason;
};
// Moves every file `user` owns to its successor, disables the user, ends its sessions and API tokens,
// stores the handover record and records user.handover. kForbidden unless domain::MayHandOver;
// kNotFound for an unknown user; kInvalidArgument naming `to`, `per_customer` or `reason` for a
// successor that is the user itself, unknown, disabled or not a salesperson, a file the user does not
// own, or no reason; kConflict when a successor would pass the cap.
Result<HandoverRecord> HandOver(Tx& tx, const Context& ctx, const domain::Actor& actor, const HandoverRequest& req);
// kNotFound for an unknown record; kForbidden unless domain::MayReadHandover.
Result<HandoverRecord> GetHandover(Tx& tx, const domain::Actor& actor, std::int64_t id);

// OW-3: a balanced assignment of a region's files among its active salespeople.
struct ProposedMove {
    CustomerId customer;
    std::string code;
    std::string name;
    std::optional<UserId> from;  // nullopt: from the pool
    std::optional<UserId> to;
};
struct SellerCount {
    UserId id;
    std::string username;
    std::string display_name;
    std::int64_t before = 0;  // files owned in the region
    std::int64_t after = 0;
    std::int64_t sales_before = 0;  // their annual sales, in the base currency's minor units
    std::int64_t sales_after = 0;
};
enum class BalanceMeasure { kCount, kSales };
struct AssignmentProposal {
    std::string region;
    BalanceMeasure by = BalanceMeasure::kCount;
    std::vector<ProposedMove> moves;
    std::vector<SellerCount> sellers;
    std::int64_t pool_before = 0;
    std::int64_t pool_after = 0;
};
// By count of files or by annual sales (each customer's invoices of the last twelve months, converted into
// the base currency at today's rates). kForbidden unless domain::MayBalance; kInvalidArgument naming
// `region` for an unknown region.
Result<AssignmentProposal> ProposeAssignments(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                              const std::string& region, BalanceMeasure by = BalanceMeasure::kCount);
// Applies `moves` as assignments (each versioned and audited). kConflict, naming the file in details
// (customer_id, current_owner_id), when a file's owner is no longer the move's `from`; otherwise the
// errors of AssignCustomer. Returns the files as stored.
Result<std::vector<domain::Customer>> AcceptAssignments(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                                        const std::vector<ProposedMove>& moves);

// OW-5: the public pool. What one run of the pool_return job did.
struct PoolReturnReport {
    std::vector<CustomerId> returned;
    std::vector<CustomerId> noticed;
};
// Returns to their region's pool the owned files untouched for more than ownership.neglect_days on
// `as_of` (a version with the reason "neglected for N days", audited as the system actor), and alerts
// the owner of each file that will go within ownership.notice_days (kind "pool_return", params
// {"days_left"}). Safe to run again for the same date: the alert is stored once per file and return
// date, and a returned file has no owner left.
Result<PoolReturnReport> ReturnNeglectedFiles(Tx& tx, const Context& ctx, Date as_of);

// Policies, with what each means and accepts. kForbidden unless admin, sales_manager or executive.
struct PolicyView {
    PolicyRecord record;
    domain::PolicyDefinition definition;
};
Result<std::vector<PolicyView>> ListPolicies(Tx& tx, const domain::Actor& actor);
// Admins only (kForbidden). kNotFound for an unknown key; kInvalidArgument naming `value` outside the
// key's range or breaking the policies' consistency (the notice period shorter than the neglect period).
// Records policy.update with the old and new values.
Result<PolicyView> UpdatePolicy(Tx& tx, const Context& ctx, const domain::Actor& actor, const std::string& key,
                                std::int64_t value);

}  // namespace credo::app
