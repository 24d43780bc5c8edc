// EnumNames: the one table between an enum class and its stable lower_snake_case names, as they
// appear in the API, in the database and in CSV files. Parsing an unknown name is a field error that
// lists the accepted names, so a client can correct itself.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "credo/base/result.hpp"

namespace credo::domain {

template <class E, std::size_t N>
struct EnumNames {
    std::array<std::pair<E, std::string_view>, N> entries;

    std::string_view Name(E value) const {
        for (const auto& [e, n] : entries)
            if (e == value) return n;
        return "unknown";
    }
    Result<E> Parse(std::string_view text, std::string_view field) const {
        for (const auto& [e, n] : entries)
            if (n == text) return e;
        return FieldError(std::string(field), Quoted(std::string(text)) + " is not one of " + Accepted());
    }
    std::string Accepted() const {
        std::string out;
        for (const auto& [e, n] : entries) {
            if (!out.empty()) out += ", ";
            out += n;
        }
        return out;
    }
};

template <class E, class... Pairs>
constexpr auto MakeEnumNames(Pairs... pairs) {
    return EnumNames<E, sizeof...(Pairs)>{{std::pair<E, std::string_view>(pairs)...}};
}

}  // namespace credo::domain
