#include "credo/domain/customer/masking.hpp"

#include <algorithm>

namespace credo::domain {

std::vector<std::string> HiddenParts(const Actor& actor) {
    std::vector<std::string> out;
    if (!MaySee(actor, Sensitive::kContactProfiles)) out.emplace_back("contacts.profile");
    if (!MaySee(actor, Sensitive::kFinancials))
        for (auto key : kFinancialFields) out.emplace_back(key);
    return out;
}

std::vector<std::string> MaskSensitive(Customer& customer, const Actor& actor) {
    auto hidden = HiddenParts(actor);
    if (!MaySee(actor, Sensitive::kContactProfiles))
        for (auto& contact : customer.contacts) contact.profile = {};
    if (!MaySee(actor, Sensitive::kFinancials))
        for (auto key : kFinancialFields) {
            auto it = customer.attributes.find(key);
            if (it != customer.attributes.end()) customer.attributes.erase(it);
        }
    return hidden;
}

bool HasSensitiveValue(const Customer& customer) {
    for (const auto& contact : customer.contacts)
        if (contact.profile != PersonalProfile{}) return true;
    for (auto key : kFinancialFields)
        if (customer.attributes.find(key) != customer.attributes.end()) return true;
    return false;
}

bool IsSensitiveField(std::string_view field) {
    return (field.starts_with("contacts[") && field.ends_with("].profile")) ||
           std::find(std::begin(kFinancialFields), std::end(kFinancialFields), field) != std::end(kFinancialFields);
}

bool IsHiddenChange(std::string_view field, const Actor& actor) {
    if (field.starts_with("contacts[") && field.ends_with("].profile"))
        return !MaySee(actor, Sensitive::kContactProfiles);
    if (std::find(std::begin(kFinancialFields), std::end(kFinancialFields), field) != std::end(kFinancialFields))
        return !MaySee(actor, Sensitive::kFinancials);
    return false;
}

}  // namespace credo::domain
