#include "credo/app/ownership.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "credo/app/alerts.hpp"
#include "credo/app/audit.hpp"
#include "credo/app/credit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/base/fx.hpp"
#include "credo/domain/ownership/ownership.hpp"

namespace credo::app {
using domain::Actor;
using domain::Customer;

namespace {

constexpr std::string_view kNoticeKind = "pool_return";

bool IsSales(const UserRecord& u) {
    return std::find(u.roles.begin(), u.roles.end(), domain::Role::kSales) != u.roles.end();
}

std::string NameOf(const UserRecord& u) { return u.display_name.empty() ? u.username : u.display_name; }

// Who may own files, and how many each already owns: the checks every change of owner makes. Counts
// are read once per user and then kept up to date, so that moving many files reads each owner once.
class OwnerChecks {
 public:
    OwnerChecks(Tx& tx, std::int64_t cap) : tx_(tx), cap_(cap) {}

    // A user who may receive one more file; kInvalidArgument naming `field`, or kConflict over the cap.
    Status MayReceive(UserId to, const std::string& field) {
        auto user = tx_.Users().Find(to);
        if (!user) {
            if (user.error().code == Errc::kNotFound) return FieldError(field, to.str() + " is not a user");
            return user.error();
        }
        if (!user->active) return FieldError(field, "user " + user->username + " is disabled");
        if (!IsSales(*user)) return FieldError(field, "user " + user->username + " is not a salesperson");
        auto it = counts_.find(to);
        if (it == counts_.end()) {
            CREDO_TRY(auto owned, tx_.Users().CountOwnedCustomers(to));
            it = counts_.emplace(to, owned).first;
        }
        if (it->second + 1 > cap_) {
            Error e = MakeError(Errc::kConflict,
                                "user " + user->username + " already owns " + std::to_string(it->second) +
                                    " customer files, the most one " + "salesperson may own (" +
                                    std::string(domain::kMaxCustomersPerSales) + " = " + std::to_string(cap_) + ")");
            e.details.emplace("owner_id", to.str());
            e.details.emplace("owner", user->username);
            e.details.emplace("cap", std::to_string(cap_));
            return e;
        }
        return Ok();
    }

    // Stores `current` with owner `to` as a new version, after MayReceive.
    Result<Customer> Move(const Context& ctx, const Actor& actor, const Customer& current, std::optional<UserId> to,
                          const std::optional<std::string>& reason, std::string_view action, const std::string& field) {
        if (current.owner == to) return current;
        if (to) CREDO_CHECK(MayReceive(*to, field));
        Customer next = current;
        next.owner = to;
        CREDO_TRY(auto saved, SaveCustomerVersion(tx_, ctx, actor, current, std::move(next), reason, action));
        if (to) ++counts_[*to];
        if (current.owner) {
            if (auto it = counts_.find(*current.owner); it != counts_.end()) --it->second;
        }
        return saved;
    }

 private:
    Tx& tx_;
    std::int64_t cap_;
    std::map<UserId, std::int64_t> counts_;
};

// The file, locked, when the actor may read it (else kNotFound) and assign it (else kForbidden).
Result<Customer> FindAssignable(Tx& tx, const Actor& actor, CustomerId id) {
    CREDO_TRY(auto current, tx.Customers().FindForUpdate(id));
    if (!domain::ReadScope(actor).Includes(current.region, current.owner)) return NotFound("customer", id.str());
    if (!domain::MayAssign(actor, current.region))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not assign customer " + current.code);
    return current;
}

Result<PolicyRecord> StoredPolicy(Tx& tx, std::string_view key) {
    CREDO_TRY(auto all, tx.Policies().List());
    for (auto& p : all)
        if (p.key == key) return std::move(p);
    return NotFound("policy", key);
}

}  // namespace

Result<domain::OwnershipPolicy> LoadOwnershipPolicy(Tx& tx) {
    domain::OwnershipPolicy policy;
    CREDO_TRY(auto stored, tx.Policies().List());
    for (const auto& p : stored) {
        auto definition = domain::FindPolicy(p.key);
        if (!definition) continue;  // a key of a later version of credo
        CREDO_TRY(auto value, domain::ParsePolicyValue(*definition, p.value));
        if (p.key == domain::kMaxCustomersPerSales) policy.max_customers_per_sales = value;
        if (p.key == domain::kNeglectDays) policy.neglect_days = value;
        if (p.key == domain::kNoticeDays) policy.notice_days = value;
    }
    return policy;
}

Result<Customer> AssignCustomer(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id,
                                std::optional<UserId> owner, const std::optional<std::string>& reason) {
    CREDO_TRY(auto current, FindAssignable(tx, actor, id));
    CREDO_TRY(auto policy, LoadOwnershipPolicy(tx));
    OwnerChecks checks(tx, policy.max_customers_per_sales);
    return checks.Move(ctx, actor, current, owner, reason, audit_action::kCustomerAssign, "owner_id");
}

Result<HandoverRecord> HandOver(Tx& tx, const Context& ctx, const Actor& actor, const HandoverRequest& req) {
    CREDO_TRY(auto user, tx.Users().Find(req.user));
    if (!domain::MayHandOver(actor, IsSales(user), user.region))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not hand over user " + user.username);
    if (req.reason.empty()) return FieldError("reason", "is required: why the customers are handed over");
    if (req.to == req.user)
        return FieldError("to", "the customers cannot be handed over to " + user.username + " itself");
    CREDO_TRY(auto owned, tx.Ownership().OwnedBy(req.user));
    const std::set<CustomerId> owned_set(owned.begin(), owned.end());
    for (const auto& [customer, to] : req.per_customer) {
        if (!owned_set.contains(customer))
            return FieldError("per_customer", "customer " + customer.str() + " is not owned by " + user.username);
        if (to == req.user)
            return FieldError("per_customer",
                              "customer " + customer.str() + " cannot be handed over to " + user.username + " itself");
    }
    CREDO_TRY(auto policy, LoadOwnershipPolicy(tx));
    OwnerChecks checks(tx, policy.max_customers_per_sales);
    HandoverRecord record;
    record.from = req.user;
    record.to = req.to;
    record.actor = ActorIdOf(actor);
    record.actor_name = actor.username;
    record.at = ctx.clock.Now();
    record.reason = req.reason;
    const std::optional<std::string> version_reason = "handover from " + user.username + ": " + req.reason;
    for (CustomerId id : owned) {
        auto exception = req.per_customer.find(id);
        const bool named = exception != req.per_customer.end();
        const std::optional<UserId> to = named ? exception->second : req.to;
        CREDO_TRY(auto current, tx.Customers().FindForUpdate(id));
        CREDO_TRY(auto saved, checks.Move(ctx, actor, current, to, version_reason, audit_action::kCustomerAssign,
                                          named ? "per_customer" : "to"));
        HandoverItem item{id, saved.code, to};
        // What is open goes with the customer; the record keeps it as it stood.
        CREDO_TRY(auto account, tx.Ledger().FindAccount(id));
        if (account) {
            CREDO_TRY(item.open_orders, tx.Ledger().CountOpenOrders(id));
            item.reserved_minor = account->orders_minor;
            item.receivables_minor = account->receivables_minor;
            item.currency = account->currency;
        }
        record.items.push_back(std::move(item));
    }
    // Disabled, signed out everywhere, its API tokens revoked: nothing is left to act as this user.
    UserRecord disabled = user;
    disabled.active = false;
    CREDO_CHECK(tx.Users().Update(disabled));
    CREDO_CHECK(tx.Sessions().DeleteForUser(req.user, ""));
    CREDO_CHECK(tx.ApiTokens().DeleteForUser(req.user));
    CREDO_TRY(record.id, tx.Ownership().InsertHandover(record));
    boost::json::object details{{"handover_id", record.id},
                                {"from_user_id", req.user.value()},
                                {"to_user_id", req.to ? boost::json::value(req.to->value()) : boost::json::value()},
                                {"customers", static_cast<std::int64_t>(record.items.size())},
                                {"disabled", true},
                                {"reason", req.reason}};
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kUserHandover, "user", req.user.str(), details));
    return record;
}

Result<HandoverRecord> GetHandover(Tx& tx, const Actor& actor, std::int64_t id) {
    CREDO_TRY(auto record, tx.Ownership().FindHandover(id));
    CREDO_TRY(auto user, tx.Users().Find(record.from));
    if (!domain::MayReadHandover(actor, IsSales(user), user.region))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not read handover " + std::to_string(id));
    return record;
}

Result<AssignmentProposal> ProposeAssignments(Tx& tx, const Context& ctx, const Actor& actor, const std::string& region,
                                              BalanceMeasure by) {
    if (!domain::MayBalance(actor, region))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not assign the files of region " + region);
    CREDO_TRY(bool exists, tx.Regions().Exists(region));
    if (!exists) return FieldError("region", Quoted(region) + " is not a region");
    CREDO_TRY(auto policy, LoadOwnershipPolicy(tx));
    CREDO_TRY(auto files, tx.Ownership().RegionFiles(region));
    CREDO_TRY(auto users, tx.Users().List());
    std::map<UserId, std::int64_t> in_region;
    std::vector<domain::BalanceFile> balance_files;
    std::map<CustomerId, std::int64_t> sales;
    if (by == BalanceMeasure::kSales) {
        const Date today = DateOf(ctx.clock.Now());
        CREDO_TRY(auto totals, tx.Ledger().SalesSince(region, AddMonths(today, -12)));
        CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));
        for (const auto& t : totals) {
            CREDO_TRY(auto from, Currency::FromCode(t.currency));
            CREDO_TRY(auto rate, RateInto(tx, ctx, t.currency, ctx.settings.base_currency, today, "currency"));
            CREDO_TRY(auto converted, Convert(Money(t.amount_minor, from), rate, base));
            sales[t.customer] += converted.minor();
        }
    }
    for (const auto& f : files) {
        balance_files.push_back({f.id, f.owner, sales[f.id]});
        if (f.owner) ++in_region[*f.owner];
    }
    std::vector<domain::BalanceSeller> sellers;
    std::map<UserId, const UserRecord*> by_id;
    for (const auto& u : users) {
        if (!u.active || !IsSales(u) || u.region != region) continue;
        CREDO_TRY(auto owned, tx.Users().CountOwnedCustomers(u.id));
        sellers.push_back({u.id, owned - in_region[u.id]});
        by_id[u.id] = &u;
    }
    const auto plan = by == BalanceMeasure::kSales
                          ? domain::ProposeSalesBalance(sellers, balance_files, policy.max_customers_per_sales)
                          : domain::ProposeBalance(sellers, balance_files, policy.max_customers_per_sales);
    AssignmentProposal out;
    out.region = region;
    out.by = by;
    std::map<CustomerId, const RegionFile*> file_by_id;
    for (const auto& f : files) {
        file_by_id[f.id] = &f;
        if (!f.owner) ++out.pool_before;
    }
    out.pool_after = out.pool_before;
    for (const auto& m : plan.moves) {
        const RegionFile& f = *file_by_id.at(m.customer);
        out.moves.push_back({m.customer, f.code, f.name, m.from, m.to});
        if (!m.from) --out.pool_after;
    }
    for (const auto& [id, before] : plan.before) {
        const UserRecord& u = *by_id.at(id);
        out.sellers.push_back(
            {id, u.username, NameOf(u), before, plan.after.at(id), plan.sales_before.at(id), plan.sales_after.at(id)});
    }
    return out;
}

Result<std::vector<Customer>> AcceptAssignments(Tx& tx, const Context& ctx, const Actor& actor,
                                                const std::vector<ProposedMove>& moves) {
    if (!domain::MayBalanceSomewhere(actor))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not accept assignment proposals");
    CREDO_TRY(auto policy, LoadOwnershipPolicy(tx));
    OwnerChecks checks(tx, policy.max_customers_per_sales);
    std::vector<Customer> out;
    for (const auto& move : moves) {
        CREDO_TRY(auto current, FindAssignable(tx, actor, move.customer));
        if (current.owner != move.from) {
            Error e = MakeError(Errc::kConflict, "customer " + current.code +
                                                     " changed owner since the proposal; ask for a new proposal");
            e.details.emplace("customer_id", move.customer.str());
            e.details.emplace("current_owner_id", current.owner ? current.owner->str() : "");
            return e;
        }
        CREDO_TRY(auto saved, checks.Move(ctx, actor, current, move.to, std::string("balanced assignment"),
                                          audit_action::kCustomerAssign, "moves"));
        out.push_back(std::move(saved));
    }
    return out;
}

Result<PoolReturnReport> ReturnNeglectedFiles(Tx& tx, const Context& ctx, Date as_of) {
    CREDO_TRY(auto policy, LoadOwnershipPolicy(tx));
    const Date horizon = domain::NeglectHorizon(as_of, policy.neglect_days, policy.notice_days);
    CREDO_TRY(auto candidates, tx.Ownership().NeglectCandidates(horizon));
    const Actor system = domain::SystemActor();
    PoolReturnReport report;
    for (const auto& c : candidates) {
        // A follow-up is an activity or a change to the file (an edit, an assignment, a handover).
        const Date changed = DateOf(c.updated_at);
        const Date last_touch = c.last_activity ? std::max(*c.last_activity, changed) : changed;
        const auto assessment = domain::AssessNeglect(last_touch, as_of, policy.neglect_days, policy.notice_days);
        if (assessment.state == domain::NeglectState::kReturned) {
            CREDO_TRY(auto current, tx.Customers().FindForUpdate(c.id));
            if (!current.owner) continue;
            Customer next = current;
            next.owner.reset();
            const std::string reason = "neglected for " + std::to_string(assessment.days) + " days";
            CREDO_CHECK(SaveCustomerVersion(tx, ctx, system, current, std::move(next), reason,
                                            audit_action::kCustomerPoolReturn));
            report.returned.push_back(c.id);
        } else if (assessment.state == domain::NeglectState::kNotice) {
            Alert notice;
            notice.kind = std::string(kNoticeKind);
            notice.dedupe = c.id.str() + "/" + FormatDate(assessment.due);
            notice.customer = c.id;
            notice.day = assessment.due;
            notice.params =
                boost::json::serialize(boost::json::object{{"days_left", DaysBetween(as_of, assessment.due)}});
            notice.created_at = ctx.clock.Now();
            CREDO_CHECK(RaiseAlert(tx, std::move(notice), {c.owner}));
            report.noticed.push_back(c.id);
        }
    }
    return report;
}

Result<std::vector<PolicyView>> ListPolicies(Tx& tx, const Actor& actor) {
    if (!actor.Has(domain::Role::kAdmin) && !actor.Has(domain::Role::kSalesManager) &&
        !actor.Has(domain::Role::kExecutive))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not read the policies");
    CREDO_TRY(auto stored, tx.Policies().List());
    std::vector<PolicyView> out;
    for (const auto& definition : domain::PolicyDefinitions()) {
        PolicyView view{{std::string(definition.key), std::to_string(definition.default_value), {}, {}}, definition};
        for (const auto& p : stored)
            if (p.key == definition.key) view.record = p;
        out.push_back(std::move(view));
    }
    return out;
}

Result<PolicyView> UpdatePolicy(Tx& tx, const Context& ctx, const Actor& actor, const std::string& key,
                                std::int64_t value) {
    if (!actor.Has(domain::Role::kAdmin)) return MakeError(Errc::kForbidden, "only an admin may change the policies");
    CREDO_TRY(auto definition, domain::FindPolicy(key));
    CREDO_TRY(auto checked, domain::ParsePolicyValue(definition, std::to_string(value)));
    CREDO_TRY(auto policy, LoadOwnershipPolicy(tx));
    if (key == domain::kNeglectDays) policy.neglect_days = checked;
    if (key == domain::kNoticeDays) policy.notice_days = checked;
    CREDO_CHECK(domain::ValidateOwnershipPolicy(policy));
    CREDO_TRY(auto before, StoredPolicy(tx, key));
    PolicyRecord record{key, std::to_string(checked), ctx.clock.Now(), ActorIdOf(actor)};
    if (before.value == record.value) return PolicyView{before, definition};
    CREDO_CHECK(tx.Policies().Set(record));
    CREDO_CHECK(LoadCreditSettings(tx, ctx));  // the credit policies still agree with each other
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kPolicyUpdate, "policy", key,
                            {{"before", before.value}, {"after", record.value}}));
    return PolicyView{record, definition};
}

}  // namespace credo::app
