// Metrics: request counts and latencies per route, rendered in the Prometheus text format
// (GET /api/v1/metrics). Observing is lock-free (atomics per route and status class), so it costs
// next to nothing on the hot path. Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "credo/http/router.hpp"

namespace credo::http {

class Metrics {
 public:
    explicit Metrics(const Router& router);
    // `route` is null for requests that matched no route.
    void Observe(const Route* route, int status, std::chrono::nanoseconds elapsed);
    std::string Render() const;

 private:
    static constexpr std::array<double, 9> kBuckets{0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0};
    struct Series {
        std::array<std::atomic<std::uint64_t>, 5> by_class{};  // 1xx..5xx
        std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets{};
        std::atomic<std::uint64_t> nanos{0};
    };
    const Router& router_;
    std::unique_ptr<Series[]> series_;  // one per route, plus one for unmatched requests
    std::size_t count_;
    std::chrono::steady_clock::time_point started_;
};

}  // namespace credo::http
