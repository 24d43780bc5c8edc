// Payment-delay prediction (SPEC RP-6): the probability that a customer pays more than 30 days late in
// the next quarter, learned from the company's own history with gradient-boosted trees (XGBoost).
//
// An example is a customer at a past quarter end t: its features as of t (features.hpp: the twelve
// months before t, the trend, the last three months, the grade the behaviour gives) and its label, what
// happened in the quarter after t: 1 when some invoice falling due in (t, t + 3 months] was not settled
// in full by payments and credit notes within kLateDays days after its due date (still open counts as
// late), 0 when every one was, and no example when nothing fell due. A label is known only once the last
// of those invoices is kLateDays past due, so the quarter ends used are those with
// t + 3 months + kLateDays <= as_of; a customer enters from the first quarter end at which it has items
// in its twelve-month window.
//
// The examples are split by time: the latest quarters (about a quarter of the examples) are held out and
// the model is trained on the older ones; its AUC on the held-out quarters is its accuracy. Training is
// reproducible: one thread, histogram trees (fast on large histories), no sampling, the caller's seed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "credo/analytics/features.hpp"
#include "credo/base/date.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/credit/behaviour.hpp"

namespace credo::analytics {

inline constexpr int kLateDays = 30;
inline constexpr int kHorizonMonths = 3;
inline constexpr int kMinTrainPerClass = 5;  // late and punctual examples needed in the training quarters
inline constexpr int kMinTestPerClass = 2;   // … and in the held-out ones, for an AUC worth showing
inline constexpr int kBoostRounds = 60;

// The label of `items` for the quarter after `t`, as known on `observed` (settlements after it are
// ignored): nullopt when no item falls due in (t, AddMonths(t, kHorizonMonths)]; true when some such item
// was not settled in full by its due date + kLateDays; false otherwise.
// REQUIRES: LabelKnown(t, observed).
std::optional<bool> PaidLateAfter(std::span<const domain::ReceivableItem> items, Date t, Date observed);
// Whether every invoice falling due in the quarter after t is kLateDays past due on `observed`.
bool LabelKnown(Date t, Date observed);
// The quarter ends (31 March, 30 June, 30 September, 31 December) in [from, to], oldest first.
std::vector<Date> QuarterEnds(Date from, Date to);

struct DelayExample {
    std::size_t customer = 0;  // index into the customers given
    Date quarter_end{};
    DelayFeatureVector features{};
    int label = 0;
};
// The examples of every customer (each customer's items in `currency`) at every quarter end whose label
// is known on `as_of`, oldest quarter first. Errors: those of MeasureDelayFeatures.
Result<std::vector<DelayExample>> BuildDelayExamples(std::span<const std::vector<domain::ReceivableItem>> customers,
                                                     Currency currency, Date as_of);

// A trained model: an XGBoost booster, owned. Not copyable; use from one thread at a time.
class DelayModel {
 public:
    DelayModel(DelayModel&&) noexcept;
    DelayModel& operator=(DelayModel&&) noexcept;
    ~DelayModel();

    // Trains on rows x with labels y (0/1) with `seed`. kInternal with XGBoost's message on failure.
    static Result<DelayModel> Train(std::span<const DelayFeatureVector> x, std::span<const int> y, std::uint64_t seed);
    // A model saved by Save(); kInvalidArgument naming "model" when XGBoost cannot read it.
    static Result<DelayModel> Load(std::string_view saved);
    // The model as XGBoost's JSON document.
    Result<std::string> Save() const;
    // The probability of the label 1 for each row.
    Result<std::vector<double>> Predict(std::span<const DelayFeatureVector> x) const;

 private:
    explicit DelayModel(void* booster) : booster_(booster) {}
    void* booster_ = nullptr;
};

struct DelayTraining {
    std::unique_ptr<DelayModel> model;
    double auc = 0;  // on the held-out quarters
    int train_examples = 0, train_late = 0;
    int test_examples = 0, test_late = 0;
    Date first_quarter{}, last_train_quarter{}, last_quarter{};  // quarter ends: the first trained on …
};

// Splits `examples` (oldest quarter first) by time, trains on the older part and measures the AUC on the
// held-out one. kInvalidArgument naming "as_of" that says what is missing when there are too few
// examples: no two quarters, fewer than kMinTrainPerClass late or punctual examples to train on, or fewer
// than kMinTestPerClass of either held out.
Result<DelayTraining> TrainDelayModel(std::span<const DelayExample> examples, std::uint64_t seed);

}  // namespace credo::analytics
