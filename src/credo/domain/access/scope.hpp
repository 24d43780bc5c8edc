// Data scopes (SPEC SE-2): which customer files an actor may read and change, and which sensitive
// parts of a file it may see.
//
// Roles combine to the widest scope they give: sales_manager, finance, commerce, executive, admin and
// auditor see every file; assistant and regional_manager the files of their region; sales the files
// it owns. The auditor reads everything and changes nothing. The scope is a value the repositories
// turn into query conditions, so lists, counts and exports never hold a file outside it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "credo/domain/access/role.hpp"

namespace credo::domain {

struct Scope {
    bool all = false;                   // every file
    std::optional<std::string> region;  // else the files of this region
    std::optional<UserId> owner;        // else the files this user owns; none of the three: no file

    bool Includes(std::string_view file_region, std::optional<UserId> file_owner) const;
    bool Empty() const { return !all && !region && !owner; }
};

// The files the actor may read.
Scope ReadScope(const Actor& actor);
// The files the actor may change: as ReadScope, without what the auditor role alone gives.
Scope WriteScope(const Actor& actor);

// The sensitive parts of a customer file, shown only to the roles entitled to them (within their scope).
enum class Sensitive {
    kContactProfiles,  // contacts' personal profiles (personality, family, age …)
    kFinancials,       // registered and paid-in capital, financial status
};
bool MaySee(const Actor& actor, Sensitive part);

// The catalog keys that make up the financial part.
inline constexpr std::string_view kFinancialFields[] = {"registered_capital", "paid_in_capital", "financial_status"};

}  // namespace credo::domain
