// The area under the ROC curve (SPEC RP-6: the accuracy shown beside the predictions), computed exactly.
#pragma once

#include <span>

#include "credo/base/result.hpp"

namespace credo::analytics {

// The probability that a randomly chosen positive scores above a randomly chosen negative, a tie counting
// one half (the Mann–Whitney statistic, with average ranks for tied scores). labels are 0 or 1, one per
// score. kInvalidArgument naming "labels" when the sizes differ, a label is not 0 or 1, or either class is
// missing (the AUC is undefined then).
Result<double> Auc(std::span<const double> scores, std::span<const int> labels);

}  // namespace credo::analytics
