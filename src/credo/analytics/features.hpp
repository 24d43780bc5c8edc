// Customer features for the analytics (SPEC CL-4, RP-6): numbers measured from a customer's receivable
// items as of a date, the same way for segmentation and for the payment-delay model.
//
// The items are those of domain/credit/behaviour.hpp, all in one currency (the caller converts them into
// the base currency). Anything dated after `as_of` is ignored, so features as of a past date only see
// what was known then. Features are doubles: they are statistics for clustering and prediction, never
// amounts that are booked; the amounts they start from are exact integers.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "credo/base/date.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/credit/behaviour.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::analytics {

// The segmentation features (CL-4), in this order. The API and the web app know them by name.
enum class Feature {
    kPurchases,          // invoiced in the 12 months to as_of, in major units of the currency
    kPurchaseTrend,      // (last 12 months − the 12 before) ÷ the larger of the two: −1 (stopped) … +1 (new)
    kOnTimeRatio,        // share of the amounts due in the 12 months paid by their due date, 0 … 1
    kCollectedRatio,     // share of the amounts due in the 12 months collected, 0 … 1
    kDaysPastDue,        // average days past due of the 12 months' items, weighted by amount
    kRelationshipYears,  // years since the first invoice
    kInvoices,           // invoices issued in the 12 months
};
inline constexpr std::size_t kFeatureCount = 7;
inline constexpr auto kFeatureNames = domain::MakeEnumNames<Feature>(
    std::pair{Feature::kPurchases, "purchases"}, std::pair{Feature::kPurchaseTrend, "purchase_trend"},
    std::pair{Feature::kOnTimeRatio, "on_time_ratio"}, std::pair{Feature::kCollectedRatio, "collected_ratio"},
    std::pair{Feature::kDaysPastDue, "days_past_due"}, std::pair{Feature::kRelationshipYears, "relationship_years"},
    std::pair{Feature::kInvoices, "invoices"});
constexpr std::size_t FeatureIndex(Feature f) { return static_cast<std::size_t>(f); }

using FeatureVector = std::array<double, kFeatureCount>;

// The extra evidence the delay model (RP-6) uses besides the segmentation features, in this order.
enum class DelayFeature {
    kMaxDaysPastDue,           // the 12 months' worst days past due
    kOpenPastDueRatio,         // open amounts past due at as_of ÷ the 12 months' purchases (0 when none)
    kOpenDaysPastDue,          // days past due of the oldest open item at as_of
    kMonthsWithoutCollection,  // months of the 12 with amounts past due and nothing collected
    kLateShare,                // share of the 12 months' items not paid on time
    kRecentOnTimeRatio,        // on-time ratio over the last 3 months (1 when nothing was due)
    kGrade,                    // the CE-3 grade the behaviour gives: 1 (I) … 4 (IV); 0 without history
};
inline constexpr std::size_t kDelayExtraCount = 7;
inline constexpr std::size_t kDelayFeatureCount = kFeatureCount + kDelayExtraCount;
using DelayFeatureVector = std::array<double, kDelayFeatureCount>;

struct CustomerFeatures {
    FeatureVector values{};
    bool has_history = false;  // an invoice issued on or before as_of
};

// The segmentation features of one customer as of `as_of`. Errors: those of domain::MeasureBehaviour
// (kInvalidArgument naming "items[i]…" for an item not in `currency` or otherwise invalid).
Result<CustomerFeatures> MeasureFeatures(std::span<const domain::ReceivableItem> items, Currency currency, Date as_of);

// The delay model's features as of `as_of`: MeasureFeatures' followed by the DelayFeature ones.
Result<DelayFeatureVector> MeasureDelayFeatures(std::span<const domain::ReceivableItem> items, Currency currency,
                                                Date as_of);

}  // namespace credo::analytics
