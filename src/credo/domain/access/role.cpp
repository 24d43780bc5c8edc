#include "credo/domain/access/role.hpp"

#include <algorithm>

namespace credo::domain {

bool Actor::Has(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

bool Actor::MayWriteCustomers() const {
    static constexpr Role kWriters[] = {Role::kSales,   Role::kAssistant, Role::kRegionalManager, Role::kSalesManager,
                                        Role::kFinance, Role::kCommerce,  Role::kExecutive,       Role::kAdmin};
    return std::any_of(std::begin(kWriters), std::end(kWriters), [&](Role r) { return Has(r); });
}

Actor SystemActor() {
    return Actor{UserId(), "system", "system", {Role::kAdmin, Role::kExecutive, Role::kSalesManager}, std::nullopt};
}

}  // namespace credo::domain
