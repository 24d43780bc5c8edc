#include "credo/app/dashboard.hpp"

#include <algorithm>
#include <map>

#include "credo/app/credit.hpp"
#include "credo/base/fx.hpp"
#include "credo/domain/access/scope.hpp"
#include "credo/domain/credit/utilization.hpp"

namespace credo::app {
namespace {

// One currency's sums while the accounts are read; `limited` is the exposure of its accounts with a limit.
struct CurrencySums {
    std::int64_t accounts = 0;
    Money limit;
    Money exposure;
    Money limited;
};

Result<std::int64_t> InBase(const Money& amount, std::int64_t rate_e8, const Currency& base) {
    if (amount.minor() == 0) return std::int64_t{0};
    CREDO_TRY(auto converted, Convert(amount, rate_e8, base));
    return converted.minor();
}

Status AddTo(std::int64_t& total, std::int64_t amount) {
    if (__builtin_add_overflow(total, amount, &total))
        return MakeError(Errc::kInvalidArgument, "the dashboard's totals exceed the range of an amount");
    return Ok();
}

}  // namespace

Result<ExposureSummary> GetExposureSummary(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of,
                                           int top) {
    if (top < 1 || top > 100) return FieldError("top", std::to_string(top) + " is not from 1 to 100");
    ExposureSummary out;
    out.as_of = as_of;
    out.exposure_as_of = DateOf(ctx.clock.Now());
    out.base_currency = ctx.settings.base_currency;
    CREDO_TRY(const auto base, Currency::FromCode(ctx.settings.base_currency));
    CREDO_TRY(const auto settings, LoadCreditSettings(tx, ctx));
    out.levels = {settings.levels.at(0).bp, settings.levels.at(1).bp};
    CREDO_TRY(auto accounts, tx.Ledger().AccountsWithin(domain::ReadScope(actor)));

    std::map<std::string, CurrencySums> sums;
    for (const auto& [account, code, name] : accounts) {
        CREDO_TRY(const auto currency, Currency::FromCode(account.currency));
        const Money exposure(account.exposure_minor(), currency);
        std::optional<Money> limit;
        if (account.limit_minor) limit = Money(*account.limit_minor, currency);
        CREDO_TRY(const auto band, domain::BandOf(exposure, limit, out.levels));
        ++out.bands[static_cast<std::size_t>(band)];
        ++out.accounts;
        if (account.on_hold) ++out.on_hold;

        auto [it, added] = sums.try_emplace(
            account.currency, CurrencySums{0, Money::Zero(currency), Money::Zero(currency), Money::Zero(currency)});
        CurrencySums& s = it->second;
        ++s.accounts;
        CREDO_TRY(s.exposure, s.exposure.Add(exposure));
        if (limit) {
            CREDO_TRY(s.limit, s.limit.Add(*limit));
            CREDO_TRY(s.limited, s.limited.Add(exposure));
        }
        if (limit && limit->minor() > 0) {
            CREDO_TRY(const auto bp, domain::UtilizationBp(exposure, *limit));
            out.top.push_back({account.customer, code, name, account.currency, limit->minor(), exposure.minor(), bp,
                               account.grade, account.on_hold});
        }
    }

    std::int64_t limited_in_base = 0;
    for (const auto& [code, s] : sums) {
        ExposureCurrency c{code, s.accounts, s.limit.minor(), s.exposure.minor(), std::nullopt};
        if (code == ctx.settings.base_currency) {
            c.rate_e8 = kRateOne;
        } else {
            CREDO_TRY(c.rate_e8, tx.Ledger().FxRate(code, as_of));
        }
        if (c.rate_e8) {
            CREDO_TRY(const auto limit, InBase(s.limit, *c.rate_e8, base));
            CREDO_TRY(const auto exposure, InBase(s.exposure, *c.rate_e8, base));
            CREDO_TRY(const auto limited, InBase(s.limited, *c.rate_e8, base));
            CREDO_CHECK(AddTo(out.limit_minor, limit));
            CREDO_CHECK(AddTo(out.exposure_minor, exposure));
            CREDO_CHECK(AddTo(limited_in_base, limited));
        } else {
            out.unconverted.push_back(code);
        }
        out.currencies.push_back(std::move(c));
    }
    out.unlimited_exposure_minor = out.exposure_minor - limited_in_base;
    if (out.limit_minor > 0) {
        CREDO_TRY(const auto bp, domain::UtilizationBp(Money(limited_in_base, base), Money(out.limit_minor, base)));
        out.utilization_bp = bp;
    }

    std::stable_sort(out.top.begin(), out.top.end(), [](const UtilizationEntry& a, const UtilizationEntry& b) {
        if (a.utilization_bp != b.utilization_bp) return a.utilization_bp > b.utilization_bp;
        return a.code < b.code;
    });
    if (out.top.size() > static_cast<std::size_t>(top)) out.top.resize(static_cast<std::size_t>(top));
    return out;
}

Result<Dashboard> GetDashboard(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of) {
    Dashboard d;
    d.as_of = as_of;
    d.base_currency = ctx.settings.base_currency;
    // One classification for both distributions.
    CREDO_TRY(const auto customers, ClassifyCustomers(tx, ctx, actor, as_of));
    CREDO_TRY(d.tiers, DistributionOf(tx, customers, as_of, DistributionBy::kTier));
    CREDO_TRY(d.grades, DistributionOf(tx, customers, as_of, DistributionBy::kGrade));
    CREDO_TRY(d.exposure, GetExposureSummary(tx, ctx, actor, as_of));
    CREDO_TRY(d.aging, Aging(tx, ctx, actor, AgingQuery{as_of, AgingGroupBy::kRegion, std::nullopt, std::nullopt}));
    d.kpi_to = as_of.year() / as_of.month();
    d.kpi_from = d.kpi_to - std::chrono::months(11);
    KpiQuery kpis;
    kpis.from = d.kpi_from;
    kpis.to = d.kpi_to;
    kpis.as_of = as_of;
    CREDO_TRY(d.collections, Kpis(tx, ctx, actor, kpis));
    return d;
}

}  // namespace credo::app
