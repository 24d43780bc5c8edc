// Roles and the Actor: who is acting, with which roles, in which region.
//
// A user may hold several roles (SPEC §0). Every use case receives the Actor and decides what it may
// do and see from it; HTTP handlers never decide authorization.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credo/base/ids.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

enum class Role {
    kSales,
    kAssistant,
    kRegionalManager,
    kSalesManager,
    kFinance,
    kCommerce,
    kExecutive,
    kAdmin,
    kAuditor,
};

inline constexpr auto kRoleNames = MakeEnumNames<Role>(
    std::pair{Role::kSales, "sales"}, std::pair{Role::kAssistant, "assistant"},
    std::pair{Role::kRegionalManager, "regional_manager"}, std::pair{Role::kSalesManager, "sales_manager"},
    std::pair{Role::kFinance, "finance"}, std::pair{Role::kCommerce, "commerce"},
    std::pair{Role::kExecutive, "executive"}, std::pair{Role::kAdmin, "admin"}, std::pair{Role::kAuditor, "auditor"});

struct Actor {
    UserId id;
    std::string username;
    std::string display_name;
    std::vector<Role> roles;
    std::optional<std::string> region;

    bool Has(Role role) const;
    // Whether this actor may create and edit customer files at all (the auditor reads only).
    bool MayWriteCustomers() const;
    bool MayManageUsers() const { return Has(Role::kAdmin); }
    // Whether this actor may read and verify the audit log (SPEC SE-3): admins and auditors.
    bool MayReadAudit() const { return Has(Role::kAdmin) || Has(Role::kAuditor); }
};

// The actor used by the command line and by jobs: a system identity with every right.
Actor SystemActor();

}  // namespace credo::domain
