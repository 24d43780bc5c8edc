#include "credo/domain/credit/ratio.hpp"

#include <limits>

namespace credo::domain {
namespace {

// Unsigned: a * b * 2 + c stays below 2^128 for any non-negative int64 operands.
__extension__ typedef unsigned __int128 UInt128;

std::int64_t Saturate(UInt128 v) {
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    return v > static_cast<UInt128>(kMax) ? kMax : static_cast<std::int64_t>(v);
}

}  // namespace

std::int64_t BasisPointsFloor(std::int64_t part, std::int64_t whole) {
    return MulDivFloor(part, kFullBasisPoints, whole);
}

std::int64_t MulDivFloor(std::int64_t a, std::int64_t b, std::int64_t c) {
    return Saturate(static_cast<UInt128>(a) * b / c);
}

std::int64_t MulDivRoundHalfUp(std::int64_t a, std::int64_t b, std::int64_t c) {
    return Saturate((static_cast<UInt128>(a) * b * 2 + c) / (static_cast<UInt128>(c) * 2));
}

}  // namespace credo::domain
