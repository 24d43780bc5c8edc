// Analytics over the company's own ledger (SPEC CL-4, RP-6): customer segmentation and payment-delay
// prediction, as of a date.
//
// Both read every invoice issued on or before the date with its settlements up to it, converted into the
// base currency (at each invoice currency's FX rate on the date), and measure each customer's features
// with analytics/features.hpp. Customers without an invoice by then have no features and take no part.
//
// Segmentation clusters the customers the actor may read (its scope: a salesperson segments its own
// book), never anyone else's. The delay model learns from the whole company's history and is trained by
// finance, executives and admins; it is stored (delay_models) with its held-out AUC, so the predictions
// shown beside an AUC come from the model it measures and stay put until the next training. Predictions
// are given for the customers in the actor's scope.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "credo/analytics/delay.hpp"
#include "credo/analytics/segments.hpp"
#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::app {

inline constexpr std::uint64_t kDefaultAnalyticsSeed = 1;
inline constexpr std::int64_t kMaxAnalyticsSeed = 2147483647;

struct SegmentedCustomer {
    CustomerId id;
    std::string code;
    std::string name;
    std::string region;
    analytics::FeatureVector features{};
    int cluster = 0;
};

struct SegmentReport {
    Date as_of{};
    int k = 0;
    std::uint64_t seed = 0;
    std::string currency;  // of the purchases: the base currency
    analytics::Segmentation segmentation;
    std::vector<SegmentedCustomer> customers;  // by code
    std::int64_t without_history = 0;          // customers in scope left out: no invoice by as_of
};

// CL-4: the customers in the actor's scope with history, in k clusters. kInvalidArgument naming "k" when k
// is outside 2…12 or more than the customers to cluster; naming "as_of" when an FX rate is missing.
Result<SegmentReport> SegmentCustomers(Tx& tx, const Context& ctx, const domain::Actor& actor, int k, Date as_of,
                                       std::uint64_t seed);

// RP-6: trains a model on the whole history up to as_of (at most today) and stores it; audited.
// kForbidden unless finance, executive or admin; kInvalidArgument naming "as_of" when it is in the future
// or the history is too short (the message says what is missing).
Result<DelayModelRecord> TrainDelayModel(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of,
                                         std::uint64_t seed);

struct DelayPrediction {
    CustomerId id;
    std::string code;
    std::string name;
    std::string region;
    double probability = 0;  // of paying more than 30 days late in the quarter after as_of
    double on_time_ratio = 0;
    double days_past_due = 0;
};
struct DelayPredictions {
    Date as_of{};
    std::optional<DelayModelRecord> model;  // the latest trained as of as_of or before; none: nothing to predict with
    std::vector<DelayPrediction> items;     // most likely to pay late first, then by code
};
// The predictions, as of `as_of`, for the customers in the actor's scope with history.
Result<DelayPredictions> PredictDelays(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of);

}  // namespace credo::app
