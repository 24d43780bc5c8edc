#include "credo/http/router.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>

namespace credo::http {

namespace {

// Paths are split into a stack array: routing runs on every request and must not allocate. Deeper paths
// than this never match; Add() rejects deeper patterns so that is never a silent surprise.
constexpr std::size_t kMaxSegments = 32;

using Segments = std::array<std::string_view, kMaxSegments>;

// "/a/b" -> {"a", "b"}; "/a/" -> {"a", ""} so a trailing slash is a distinct (empty) segment and "/x/"
// does not match "/x". Returns the segment count, or kMaxSegments + 1 when the path is too deep.
std::size_t Split(std::string_view path, Segments& out) {
    if (path.empty() || path.front() != '/') return kMaxSegments + 1;
    path.remove_prefix(1);
    std::size_t n = 0;
    for (;;) {
        if (n == kMaxSegments) return kMaxSegments + 1;
        auto slash = path.find('/');
        out[n++] = path.substr(0, slash);
        if (slash == std::string_view::npos) return n;
        path.remove_prefix(slash + 1);
    }
}

bool IsParam(std::string_view segment) {
    return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

bool SegmentMatches(std::string_view pattern_segment, std::string_view path_segment) {
    if (IsParam(pattern_segment)) return !path_segment.empty();
    return pattern_segment == path_segment;
}

// Literal segments score higher than parameters, earlier segments weigh more: among the patterns that
// match a path the highest score is the most specific one ("/customers/duplicates" over "/customers/{id}").
std::uint32_t Specificity(const Segments& segments, std::size_t n) {
    std::uint32_t score = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!IsParam(segments[i])) score |= std::uint32_t{1} << (kMaxSegments - 1 - i);
    }
    return score;
}

}  // namespace

void Router::Add(Method method, std::string pattern, Dispatch dispatch, Handler handler) {
    Segments segments;
    std::size_t n = Split(pattern, segments);
    if (n > kMaxSegments)
        throw std::invalid_argument("route pattern must start with '/' and be at most 32 deep: " + pattern);
    for (std::size_t i = 0; i < n; ++i) {
        std::string_view s = segments[i];
        bool has_brace = s.find_first_of("{}") != std::string_view::npos;
        if (has_brace &&
            (!IsParam(s) || s.size() == 2 || s.substr(1, s.size() - 2).find_first_of("{}") != std::string_view::npos)) {
            throw std::invalid_argument("malformed route parameter in pattern: " + pattern);
        }
    }
    // Two routes of the same shape would make one of them unreachable: a wiring bug, caught at startup.
    for (const Route& existing : routes_) {
        if (existing.method != method) continue;
        Segments other;
        std::size_t m = Split(existing.pattern, other);
        if (m != n) continue;
        bool same = true;
        for (std::size_t i = 0; i < n && same; ++i) {
            same = IsParam(other[i]) ? IsParam(segments[i]) : other[i] == segments[i];
        }
        if (same) {
            throw std::invalid_argument("duplicate route " + std::string(MethodName(method)) + " " + pattern +
                                        " (already " + existing.pattern + ")");
        }
    }
    routes_.push_back(Route{method, std::move(pattern), dispatch, std::move(handler)});
}

Router::Match Router::Find(Method method, std::string_view path) const {
    Match match;
    Segments path_segments;
    std::size_t n = Split(path, path_segments);
    if (n > kMaxSegments) return match;

    const Route* best = nullptr;
    std::uint32_t best_score = 0;
    bool other_method_matches = false;
    Segments pattern_segments;
    for (const Route& route : routes_) {
        if (Split(route.pattern, pattern_segments) != n) continue;
        bool matches = true;
        for (std::size_t i = 0; i < n && matches; ++i) {
            matches = SegmentMatches(pattern_segments[i], path_segments[i]);
        }
        if (!matches) continue;
        if (route.method != method) {
            other_method_matches = true;
            continue;
        }
        std::uint32_t score = Specificity(pattern_segments, n);
        if (best == nullptr || score > best_score) {
            best = &route;
            best_score = score;
        }
    }

    if (best == nullptr) {
        match.status = other_method_matches ? 405 : 404;
        const bool api = path == "/api" || path.starts_with("/api/");
        match.fallback =
            fallback_ && match.status == 404 && !api && (method == Method::kGet || method == Method::kHead);
        return match;
    }
    Split(best->pattern, pattern_segments);
    for (std::size_t i = 0; i < n; ++i) {
        std::string_view s = pattern_segments[i];
        if (IsParam(s)) match.params.emplace(std::string(s.substr(1, s.size() - 2)), std::string(path_segments[i]));
    }
    match.route = best;
    match.status = 200;
    return match;
}

}  // namespace credo::http
