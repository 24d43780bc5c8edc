#include "credo/domain/customer/activity.hpp"

#include "credo/domain/customer/fields.hpp"

namespace credo::domain {

Status ValidateActivity(const Activity& a, Date today) {
    static constexpr FieldSpec kSummary{"summary", "activity", FieldType::kText, 0, 0, {}, 200};
    static constexpr FieldSpec kDetails{"details", "activity", FieldType::kLongText, 0, 0, {}, 4000};
    if (a.summary.empty()) return FieldError("summary", "is required");
    CREDO_CHECK(ValidateValue(kSummary, a.summary, "summary"));
    if (!a.details.empty()) CREDO_CHECK(ValidateValue(kDetails, a.details, "details"));
    if (!a.date.ok()) return FieldError("date", "is required");
    if (a.date > today) return FieldError("date", FormatDate(a.date) + " is in the future");
    return Ok();
}

}  // namespace credo::domain
