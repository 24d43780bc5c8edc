// credo_bench_fixture DATA_DIR CUSTOMERS INVOICES [--aging]: gives every customer of a freshly imported
// benchmark database (ids 1..CUSTOMERS) a credit account — limit 10,000,000.00 CNY, grade II, a current
// report — and spreads INVOICES invoices over the last two years among them: nine in ten paid (most on
// their due date, one in eight of those up to 60 days late, each by a payment allocated to it), the rest
// open and not yet due, keeping each account's exposure. Written straight through the repositories in
// large transactions (no audit entries): a ledger to check orders against and to re-evaluate, not a
// history to audit.
//
// With --aging (bench/aging.sh) every invoice stays open: issued over the last 400 days, due 30 to 75
// days later, one in four partly paid (a third of it, allocated within 60 days of issue), so that the
// aging as of any recent date fills all five buckets.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "credo/app/credit.hpp"
#include "credo/base/fx.hpp"
#include "credo/domain/access/role.hpp"
#include "credo/wiring/wiring.hpp"

using namespace credo;

int main(int argc, char** argv) {
    const bool aging = argc == 5 && std::string(argv[4]) == "--aging";
    if (argc != 4 && !aging) {
        std::fprintf(stderr, "usage: credo_bench_fixture DATA_DIR CUSTOMERS INVOICES [--aging]\n");
        return 2;
    }
    wiring::Config config;
    config.data_dir = argv[1];
    const std::int64_t customers = std::atoll(argv[2]);
    const std::int64_t invoices = std::atoll(argv[3]);
    auto opened = wiring::Application::Open(config);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.error().message.c_str());
        return 1;
    }
    app::Database& db = (*opened)->db();
    SystemClock clock;
    const app::Context ctx{clock, {}};
    const Date today = DateOf(clock.Now());
    constexpr std::int64_t kBatch = 2000;
    for (std::int64_t first = 1; first <= customers; first += kBatch) {
        Status s = db.Write([&](app::Tx& tx) -> Status {
            for (std::int64_t id = first; id < first + kBatch && id <= customers; ++id) {
                app::CreditTerms terms{"CNY", 1'000'000'000, 60, std::nullopt, std::nullopt, "II", 80, today};
                CREDO_CHECK(app::GrantCredit(tx, ctx, domain::SystemActor(), CustomerId(id), terms));
            }
            return Ok();
        });
        if (!s) {
            std::fprintf(stderr, "accounts: %s\n", s.error().message.c_str());
            return 1;
        }
    }
    std::uint64_t seed = 42;
    auto next = [&seed] {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::int64_t>(seed >> 33);
    };
    for (std::int64_t first = 0; first < invoices; first += 10 * kBatch) {
        Status s = db.Write([&](app::Tx& tx) -> Status {
            for (std::int64_t n = first; n < first + 10 * kBatch && n < invoices; ++n) {
                app::InvoiceRecord inv;
                char number[32];
                std::snprintf(number, sizeof number, "BINV%010lld", static_cast<long long>(n + 1));
                inv.number = number;
                inv.customer = CustomerId(1 + next() % customers);
                if (aging) {
                    inv.issue_date = AddDays(today, -static_cast<int>(next() % 400));
                    inv.due_date = AddDays(inv.issue_date, 30 + static_cast<int>(next() % 4) * 15);
                    inv.currency = "CNY";
                    inv.amount_minor = 100'00 + next() % 5'000'000;
                    const bool partly_paid = n % 4 == 0;
                    const std::int64_t paid = partly_paid ? inv.amount_minor / 3 : 0;
                    inv.open_minor = inv.amount_minor - paid;
                    inv.rate_e8 = kRateOne;
                    inv.created_at = clock.Now();
                    CREDO_TRY(inv.id, tx.Ledger().InsertInvoice(inv));
                    CREDO_CHECK(tx.Ledger().AddExposure(inv.customer, inv.open_minor, 0, clock.Now()));
                    if (!partly_paid) continue;
                    app::PaymentRecord pay;
                    std::snprintf(number, sizeof number, "BRC%010lld", static_cast<long long>(n + 1));
                    pay.number = number;
                    pay.kind = "payment";
                    pay.customer = inv.customer;
                    pay.day = std::min(AddDays(inv.issue_date, static_cast<int>(next() % 60)), today);
                    pay.currency = "CNY";
                    pay.amount_minor = paid;
                    pay.created_at = clock.Now();
                    CREDO_TRY(pay.id, tx.Ledger().InsertPayment(pay));
                    CREDO_CHECK(tx.Ledger().InsertAllocation({pay.id, inv.id, paid, pay.day}));
                    continue;
                }
                const bool open = n % 10 == 0;
                inv.issue_date = AddDays(today, open ? -(next() % 50) : -(60 + next() % 670));
                inv.due_date = AddDays(inv.issue_date, 60);
                inv.currency = "CNY";
                inv.amount_minor = 100'00 + next() % 5'000'000;
                inv.open_minor = open ? inv.amount_minor : 0;
                inv.rate_e8 = kRateOne;
                inv.created_at = clock.Now();
                CREDO_TRY(inv.id, tx.Ledger().InsertInvoice(inv));
                if (open) {
                    CREDO_CHECK(tx.Ledger().AddExposure(inv.customer, inv.open_minor, 0, clock.Now()));
                    continue;
                }
                app::PaymentRecord pay;
                std::snprintf(number, sizeof number, "BRC%010lld", static_cast<long long>(n + 1));
                pay.number = number;
                pay.kind = "payment";
                pay.customer = inv.customer;
                pay.day = next() % 8 == 0 ? AddDays(inv.due_date, 1 + static_cast<int>(next() % 60)) : inv.due_date;
                if (pay.day > today) pay.day = today;
                pay.currency = "CNY";
                pay.amount_minor = inv.amount_minor;
                pay.created_at = clock.Now();
                CREDO_TRY(pay.id, tx.Ledger().InsertPayment(pay));
                CREDO_CHECK(tx.Ledger().InsertAllocation({pay.id, inv.id, inv.amount_minor, pay.day}));
            }
            return Ok();
        });
        if (!s) {
            std::fprintf(stderr, "invoices: %s\n", s.error().message.c_str());
            return 1;
        }
    }
    std::printf(aging ? "%lld credit accounts, %lld open invoices (a quarter partly paid)\n"
                      : "%lld credit accounts, %lld invoices (and their payments)\n",
                static_cast<long long>(customers), static_cast<long long>(invoices));
    return 0;
}
