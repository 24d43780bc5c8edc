// Activity: one entry of a customer's activity log (SPEC CF-7) — a visit, a call, a quality complaint,
// a technical requirement, a delivery, a service record, a greeting. Append-only: an activity is never
// edited; a correction is a new entry.
#pragma once

#include <string>

#include "credo/base/date.hpp"
#include "credo/base/ids.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

enum class ActivityType {
    kVisit,
    kCall,
    kQualityFeedback,
    kTechnicalRequirement,
    kDelivery,
    kService,
    kGreeting,
    kNote,
};
inline constexpr auto kActivityTypeNames = MakeEnumNames<ActivityType>(
    std::pair{ActivityType::kVisit, "visit"}, std::pair{ActivityType::kCall, "call"},
    std::pair{ActivityType::kQualityFeedback, "quality_feedback"},
    std::pair{ActivityType::kTechnicalRequirement, "technical_requirement"},
    std::pair{ActivityType::kDelivery, "delivery"}, std::pair{ActivityType::kService, "service"},
    std::pair{ActivityType::kGreeting, "greeting"}, std::pair{ActivityType::kNote, "note"});

struct Activity {
    ActivityId id;
    CustomerId customer;
    ActivityType type = ActivityType::kNote;
    Date date{};
    std::string summary;  // one line, required
    std::string details;  // optional, several lines
    UserId author;
    std::string author_name;
    Timestamp created_at{};
};

// summary 1-200 characters, details at most 4000, date not after `today` (an activity is a record of
// something that happened; planned follow-ups are a later concern).
Status ValidateActivity(const Activity& activity, Date today);

}  // namespace credo::domain
