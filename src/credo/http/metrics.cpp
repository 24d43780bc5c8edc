#include "credo/http/metrics.hpp"

#include <fmt/format.h>

namespace credo::http {

Metrics::Metrics(const Router& router)
    : router_(router),
      series_(std::make_unique<Series[]>(router.routes().size() + 1)),
      count_(router.routes().size() + 1),
      started_(std::chrono::steady_clock::now()) {}

void Metrics::Observe(const Route* route, int status, std::chrono::nanoseconds elapsed) {
    const auto& routes = router_.routes();
    std::size_t index = count_ - 1;
    if (route && route >= routes.data() && route < routes.data() + routes.size())
        index = static_cast<std::size_t>(route - routes.data());
    Series& s = series_[index];
    const int cls = std::clamp(status / 100, 1, 5) - 1;
    s.by_class[static_cast<std::size_t>(cls)].fetch_add(1, std::memory_order_relaxed);
    const double seconds = std::chrono::duration<double>(elapsed).count();
    std::size_t b = 0;
    while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
    s.buckets[b].fetch_add(1, std::memory_order_relaxed);
    s.nanos.fetch_add(static_cast<std::uint64_t>(elapsed.count()), std::memory_order_relaxed);
}

std::string Metrics::Render() const {
    std::string out;
    out += "# HELP credo_http_requests_total HTTP requests by route and status class.\n";
    out += "# TYPE credo_http_requests_total counter\n";
    const auto& routes = router_.routes();
    auto labels = [&](std::size_t i) {
        if (i + 1 == count_) return std::string("method=\"any\",route=\"unmatched\"");
        return fmt::format("method=\"{}\",route=\"{}\"", MethodName(routes[i].method), routes[i].pattern);
    };
    for (std::size_t i = 0; i < count_; ++i) {
        for (std::size_t c = 0; c < 5; ++c) {
            const auto n = series_[i].by_class[c].load(std::memory_order_relaxed);
            if (n) out += fmt::format("credo_http_requests_total{{{},status=\"{}xx\"}} {}\n", labels(i), c + 1, n);
        }
    }
    out += "# HELP credo_http_request_duration_seconds Time from a parsed request to its response.\n";
    out += "# TYPE credo_http_request_duration_seconds histogram\n";
    for (std::size_t i = 0; i < count_; ++i) {
        std::uint64_t cumulative = 0;
        std::uint64_t total = 0;
        for (const auto& b : series_[i].buckets) total += b.load(std::memory_order_relaxed);
        if (total == 0) continue;
        for (std::size_t b = 0; b < kBuckets.size(); ++b) {
            cumulative += series_[i].buckets[b].load(std::memory_order_relaxed);
            out += fmt::format("credo_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels(i),
                               kBuckets[b], cumulative);
        }
        out += fmt::format("credo_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels(i), total);
        out += fmt::format("credo_http_request_duration_seconds_sum{{{}}} {:.6f}\n", labels(i),
                           static_cast<double>(series_[i].nanos.load(std::memory_order_relaxed)) / 1e9);
        out += fmt::format("credo_http_request_duration_seconds_count{{{}}} {}\n", labels(i), total);
    }
    out += "# HELP credo_uptime_seconds Seconds since the server started.\n# TYPE credo_uptime_seconds gauge\n";
    out += fmt::format("credo_uptime_seconds {:.0f}\n",
                       std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count());
    return out;
}

}  // namespace credo::http
