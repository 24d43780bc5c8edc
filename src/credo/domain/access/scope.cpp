#include "credo/domain/access/scope.hpp"

#include <algorithm>
#include <initializer_list>

namespace credo::domain {
namespace {

bool HasAny(const Actor& actor, std::initializer_list<Role> roles) {
    return std::any_of(roles.begin(), roles.end(), [&](Role r) { return actor.Has(r); });
}

Scope ScopeOf(const Actor& actor, bool include_auditor) {
    Scope s;
    if (HasAny(actor, {Role::kSalesManager, Role::kFinance, Role::kCommerce, Role::kExecutive, Role::kAdmin}) ||
        (include_auditor && actor.Has(Role::kAuditor))) {
        s.all = true;
    } else if (HasAny(actor, {Role::kAssistant, Role::kRegionalManager}) && actor.region) {
        s.region = actor.region;
    } else if (actor.Has(Role::kSales) && actor.id.valid()) {
        s.owner = actor.id;
    }
    return s;
}

}  // namespace

bool Scope::Includes(std::string_view file_region, std::optional<UserId> file_owner) const {
    if (all) return true;
    if (region) return *region == file_region;
    if (owner) return file_owner && *file_owner == *owner;
    return false;
}

Scope ReadScope(const Actor& actor) { return ScopeOf(actor, true); }

Scope WriteScope(const Actor& actor) { return ScopeOf(actor, false); }

bool MaySee(const Actor& actor, Sensitive part) {
    switch (part) {
        case Sensitive::kContactProfiles:
            return HasAny(actor, {Role::kSales, Role::kRegionalManager, Role::kSalesManager, Role::kExecutive,
                                  Role::kAdmin, Role::kAuditor});
        case Sensitive::kFinancials:
            return HasAny(actor, {Role::kSales, Role::kRegionalManager, Role::kSalesManager, Role::kFinance,
                                  Role::kExecutive, Role::kAdmin, Role::kAuditor});
    }
    return false;
}

}  // namespace credo::domain
