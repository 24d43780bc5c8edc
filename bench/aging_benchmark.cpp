// The receivables aging (SPEC AR-2) over a large ledger, through the use case: one read transaction that
// reads every open invoice and the allocations dated after as_of, buckets them per customer and converts
// them into the base currency. The data directory comes from $CREDO_BENCH_DATA, built by bench/aging.sh
// (credo_bench_fixture --aging); without it the benchmarks are skipped.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>

#include "credo/app/receivables_reports.hpp"
#include "credo/domain/access/role.hpp"
#include "credo/wiring/wiring.hpp"

using namespace credo;

namespace {

std::unique_ptr<wiring::Application>& App() {
    static std::unique_ptr<wiring::Application> app = [] {
        std::unique_ptr<wiring::Application> out;
        const char* dir = std::getenv("CREDO_BENCH_DATA");
        if (!dir) return out;
        wiring::Config config;
        config.data_dir = dir;
        auto opened = wiring::Application::Open(config);
        if (opened) out = std::move(*opened);
        return out;
    }();
    return app;
}

void Aging(benchmark::State& state, int days_back, app::AgingGroupBy group_by) {
    auto& application = App();
    if (!application) {
        state.SkipWithError("set CREDO_BENCH_DATA to a data directory built by bench/aging.sh");
        return;
    }
    SystemClock clock;
    const app::Context ctx{clock, {}};
    const app::AgingQuery query{AddDays(DateOf(clock.Now()), -days_back), group_by, std::nullopt, std::nullopt};
    std::size_t rows = 0;
    std::int64_t total = 0;
    for (auto _ : state) {
        auto report = app::ReadTx(application->db(),
                                  [&](app::Tx& tx) { return app::Aging(tx, ctx, domain::SystemActor(), query); });
        if (!report) {
            state.SkipWithError(report.error().message.c_str());
            return;
        }
        rows = report->rows.size();
        total = report->total.Total();
        benchmark::DoNotOptimize(total);
    }
    state.counters["rows"] = static_cast<double>(rows);
    state.counters["total_yuan"] = static_cast<double>(total / 100);
}

}  // namespace

BENCHMARK_CAPTURE(Aging, today_by_customer, 0, app::AgingGroupBy::kCustomer)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK_CAPTURE(Aging, today_by_region, 0, app::AgingGroupBy::kRegion)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK_CAPTURE(Aging, days_ago_30_by_customer, 30, app::AgingGroupBy::kCustomer)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

BENCHMARK_MAIN();
