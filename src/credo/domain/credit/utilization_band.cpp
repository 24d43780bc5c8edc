#include "credo/domain/credit/utilization_band.hpp"

#include <string>

#include "credo/domain/credit/utilization.hpp"

namespace credo::domain {

Result<UtilizationBand> BandOf(const Money& exposure, const std::optional<Money>& limit, const BandLevels& levels) {
    if (levels.first_bp < 1 || levels.second_bp <= levels.first_bp)
        return FieldError("levels", "the band levels must satisfy 1 <= first (" + std::to_string(levels.first_bp) +
                                        ") < second (" + std::to_string(levels.second_bp) + ")");
    if (!limit) return UtilizationBand::kNoLimit;
    CREDO_TRY(const std::int64_t bp, UtilizationBp(exposure, *limit));  // checks the sign and the currency
    if (exposure.minor() > limit->minor()) return UtilizationBand::kOverLimit;
    if (limit->minor() == 0) return UtilizationBand::kNoLimit;
    if (bp >= levels.second_bp) return UtilizationBand::kSecondToLimit;
    if (bp >= levels.first_bp) return UtilizationBand::kFirstToSecond;
    if (bp >= kHalfUtilizationBp) return UtilizationBand::kHalfToFirst;
    return UtilizationBand::kBelowHalf;
}

}  // namespace credo::domain
