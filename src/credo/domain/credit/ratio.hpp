// Exact integer ratios for the credit rules (SPEC OP-2: no floating point near money).
//
// Every rate in the credit rules — collected ratio, on-time ratio, utilization — is a count of basis
// points (1/100 of a percent, 10000 = 100 %). The products are taken in 128 bits, so no amount that fits
// in a Money overflows on the way; a result beyond int64 saturates at the int64 maximum.
#pragma once

#include <cstdint>

namespace credo::domain {

inline constexpr std::int64_t kFullBasisPoints = 10000;  // 100 %

// floor(part * 10000 / whole). Floor keeps threshold tests exact: floor(x) >= 8000 exactly when x >= 8000.
// REQUIRES: part >= 0, whole > 0.
std::int64_t BasisPointsFloor(std::int64_t part, std::int64_t whole);

// floor(a * b / c) and the same rounded half up. REQUIRES: a >= 0, b >= 0, c > 0.
std::int64_t MulDivFloor(std::int64_t a, std::int64_t b, std::int64_t c);
std::int64_t MulDivRoundHalfUp(std::int64_t a, std::int64_t b, std::int64_t c);

}  // namespace credo::domain
