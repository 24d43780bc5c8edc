// Masking of a file's sensitive parts (SPEC SE-2) for an actor not entitled to them: every output
// (API, export, history) passes through here, so a hidden part never leaves the server.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "credo/domain/access/scope.hpp"
#include "credo/domain/customer/customer.hpp"

namespace credo::domain {

// The names of the parts hidden from the actor: "contacts.profile" and the financial field keys. They
// are listed whether or not the file has them, so that a reader learns nothing from the list itself.
std::vector<std::string> HiddenParts(const Actor& actor);

// Removes from `customer` what the actor may not see. Returns HiddenParts(actor).
std::vector<std::string> MaskSensitive(Customer& customer, const Actor& actor);

// Whether the file holds a value in a sensitive part (a contact's profile, a financial field): after
// MaskSensitive, whether the actor is shown one — a read the audit log records (SE-3).
bool HasSensitiveValue(const Customer& customer);

// Whether a history field path ("registered_capital", "contacts[17].profile") is a sensitive part.
bool IsSensitiveField(std::string_view field);

// Whether a history field path ("registered_capital", "contacts[17].profile") is hidden from the actor.
bool IsHiddenChange(std::string_view field, const Actor& actor);

}  // namespace credo::domain
