// Strong identifiers: a CustomerId cannot be passed where a UserId is expected.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <string>

namespace credo {

template <class Tag>
class Id {
 public:
    constexpr Id() = default;
    constexpr explicit Id(std::int64_t value) : value_(value) {}
    constexpr std::int64_t value() const { return value_; }
    constexpr bool valid() const { return value_ > 0; }
    std::string str() const { return std::to_string(value_); }
    friend constexpr auto operator<=>(Id, Id) = default;

 private:
    std::int64_t value_ = 0;
};

using CustomerId = Id<struct CustomerIdTag>;
using ContactId = Id<struct ContactIdTag>;
using ActivityId = Id<struct ActivityIdTag>;
using UserId = Id<struct UserIdTag>;
using ApiTokenId = Id<struct ApiTokenIdTag>;

}  // namespace credo

template <class Tag>
struct std::hash<credo::Id<Tag>> {
    std::size_t operator()(credo::Id<Tag> id) const noexcept { return std::hash<std::int64_t>{}(id.value()); }
};
