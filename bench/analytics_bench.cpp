// Analytics at scale (SPEC CL-4, RP-6): feature extraction and k-means for 100,000 customers, and the
// payment-delay model's examples and training, timed separately on a synthetic in-memory ledger.
//
//   credo_bench_analytics [customers=100000] [k=8] [delay_customers=10000]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "credo/analytics/delay.hpp"
#include "credo/analytics/features.hpp"
#include "credo/analytics/kmeans.hpp"
#include "credo/analytics/segments.hpp"

using namespace credo;
using Steady = std::chrono::steady_clock;

namespace {

const Currency kCny = Currency::FromCode("CNY").value();

// Two years of monthly-ish invoices per customer, each paid by a behaviour drawn per customer.
std::vector<std::vector<domain::ReceivableItem>> Ledger(int customers, Date as_of, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::vector<domain::ReceivableItem>> out(static_cast<std::size_t>(customers));
    for (auto& items : out) {
        const int behaviour = static_cast<int>(rng() % 5);  // 0 punctual … 4 bad
        const int invoices = 6 + static_cast<int>(rng() % 18);
        const std::int64_t size = 100'000 + static_cast<std::int64_t>(rng() % 5'000'000);
        for (int i = 0; i < invoices; ++i) {
            const Date issue = AddDays(as_of, -static_cast<int>(rng() % 730));
            const Date due = AddDays(issue, 30);
            const std::int64_t amount = size / 2 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(size));
            const int delay = behaviour == 0   ? -5
                              : behaviour == 1 ? 20
                              : behaviour == 2 ? 45
                              : behaviour == 3 ? 80
                                               : 200;
            const Date paid = AddDays(due, delay + static_cast<int>(rng() % 10));
            domain::ReceivableItem item{issue, due, Money(amount, kCny), {}};
            if (paid <= as_of)
                item.settlements.push_back({paid, Money(amount, kCny), domain::SettlementKind::kPayment});
            items.push_back(std::move(item));
        }
    }
    return out;
}

// Wall time since `from`, and the process's CPU time since the last call: on a shared machine the second
// says what the work costs, the first what it took.
double CpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}
double last_cpu = 0;
std::string Seconds(Steady::time_point from) {
    const double wall = std::chrono::duration<double>(Steady::now() - from).count();
    const double cpu = CpuSeconds() - last_cpu;
    last_cpu = CpuSeconds();
    char out[64];
    std::snprintf(out, sizeof out, "%.3f s wall, %.3f s CPU", wall, cpu);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const int customers = argc > 1 ? std::atoi(argv[1]) : 100'000;
    const int k = argc > 2 ? std::atoi(argv[2]) : 8;
    const int delay_customers = argc > 3 ? std::atoi(argv[3]) : 10'000;
    const Date as_of = ParseDate("2026-11-22", "as_of").value();

    last_cpu = CpuSeconds();
    auto t = Steady::now();
    const auto ledger = Ledger(customers, as_of, 1);
    std::printf("ledger: %d customers generated in %s\n", customers, Seconds(t).c_str());

    t = Steady::now();
    std::vector<analytics::FeatureVector> rows;
    rows.reserve(ledger.size());
    for (const auto& items : ledger) rows.push_back(analytics::MeasureFeatures(items, kCny, as_of).value().values);
    std::printf("features: %zu customers in %s\n", rows.size(), Seconds(t).c_str());

    t = Steady::now();
    auto s = analytics::Segment(rows, k, 1);
    if (!s) return std::printf("segment: %s\n", s.error().message.c_str()), 1;
    std::printf("k-means: k=%d, %zu customers, %d iterations (kept run), %d restarts: %s\n", k, rows.size(),
                s->iterations, analytics::kKMeansRestarts, Seconds(t).c_str());

    const std::vector<std::vector<domain::ReceivableItem>> delay_ledger(
        ledger.begin(), ledger.begin() + std::min(customers, delay_customers));
    t = Steady::now();
    auto examples = analytics::BuildDelayExamples(delay_ledger, kCny, as_of);
    if (!examples) return std::printf("examples: %s\n", examples.error().message.c_str()), 1;
    std::printf("delay examples: %zu from %zu customers in %s\n", examples->size(), delay_ledger.size(),
                Seconds(t).c_str());
    t = Steady::now();
    auto trained = analytics::TrainDelayModel(*examples, 1);
    if (!trained) return std::printf("training: %s\n", trained.error().message.c_str()), 1;
    std::printf("delay training: %d examples, AUC %.4f on %d held out: %s\n", trained->train_examples, trained->auc,
                trained->test_examples, Seconds(t).c_str());
    return 0;
}
