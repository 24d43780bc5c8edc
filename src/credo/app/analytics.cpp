#include "credo/app/analytics.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "credo/app/audit.hpp"
#include "credo/app/credit.hpp"
#include "credo/base/fx.hpp"
#include "credo/domain/access/scope.hpp"

namespace credo::app {
using domain::Actor;
using domain::Role;

namespace {

struct CustomerLedger {
    CustomerId id;
    std::string code, name, region;
    std::vector<domain::ReceivableItem> items;  // in the base currency
};

// The customers within `scope` (by code) with every invoice issued on or before as_of and its settlements
// up to as_of, in the base currency.
Result<std::vector<CustomerLedger>> LoadLedgers(Tx& tx, const Context& ctx, const domain::Scope& scope, Date as_of) {
    std::vector<CustomerLedger> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    CustomerFilter filter;
    filter.scope = scope;
    CREDO_CHECK(tx.Customers().Scan(filter, CustomerSort::kCodeAsc, [&](const domain::Customer& c) -> Status {
        index[c.id.value()] = out.size();
        out.push_back({c.id, c.code, c.name, c.region, {}});
        return Ok();
    }));
    CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));
    // Each invoice currency with its rate into the base currency as of as_of, looked up once.
    std::unordered_map<std::string, std::pair<Currency, std::int64_t>> rates;
    CREDO_CHECK(tx.Ledger().ScanReceivables(
        as_of, [&](const InvoiceRecord& inv, const std::vector<LedgerRepository::Settled>& settled) -> Status {
            auto it = index.find(inv.customer.value());
            if (it == index.end()) return Ok();
            auto rate = rates.find(inv.currency);
            if (rate == rates.end()) {
                CREDO_TRY(auto c, Currency::FromCode(inv.currency));
                CREDO_TRY(auto r, RateInto(tx, ctx, inv.currency, ctx.settings.base_currency, as_of, "as_of"));
                rate = rates.emplace(inv.currency, std::pair(c, r)).first;
            }
            const Currency from = rate->second.first;
            const std::int64_t rate_e8 = rate->second.second;
            CREDO_TRY(auto amount, Convert(Money(inv.amount_minor, from), rate_e8, base));
            if (amount.minor() <= 0) return Ok();
            domain::ReceivableItem item{inv.issue_date, inv.due_date, amount, {}};
            std::int64_t total = 0;
            for (const auto& s : settled) {
                if (s.day > as_of) continue;
                CREDO_TRY(auto part, Convert(Money(s.amount_minor, from), rate_e8, base));
                // Rounding must not let the settlements exceed the item.
                const std::int64_t minor = std::min(part.minor(), amount.minor() - total);
                if (minor <= 0) continue;
                total += minor;
                item.settlements.push_back(
                    {s.day, Money(minor, base),
                     s.kind == "credit_note" ? domain::SettlementKind::kCreditNote : domain::SettlementKind::kPayment});
            }
            out[it->second].items.push_back(std::move(item));
            return Ok();
        }));
    return out;
}

Status CheckNotFuture(const Context& ctx, Date as_of) {
    const Date today = DateOf(ctx.clock.Now());
    if (as_of > today)
        return FieldError(
            "as_of", FormatDate(as_of) + " is after today (" + FormatDate(today) + "): outcomes are not known yet");
    return Ok();
}

}  // namespace

Result<SegmentReport> SegmentCustomers(Tx& tx, const Context& ctx, const Actor& actor, int k, Date as_of,
                                       std::uint64_t seed) {
    CREDO_TRY(auto ledgers, LoadLedgers(tx, ctx, domain::ReadScope(actor), as_of));
    CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));
    SegmentReport report;
    report.as_of = as_of;
    report.k = k;
    report.seed = seed;
    report.currency = ctx.settings.base_currency;
    std::vector<analytics::FeatureVector> rows;
    for (auto& l : ledgers) {
        CREDO_TRY(auto f, analytics::MeasureFeatures(l.items, base, as_of));
        if (!f.has_history) {
            ++report.without_history;
            continue;
        }
        rows.push_back(f.values);
        report.customers.push_back({l.id, std::move(l.code), std::move(l.name), std::move(l.region), f.values, 0});
    }
    auto segmentation = analytics::Segment(rows, k, seed);
    if (!segmentation) {
        Error e = segmentation.error();
        if (auto it = e.fields.find("k");
            it != e.fields.end() && k >= analytics::kMinClusters && k <= analytics::kMaxClusters)
            it->second = std::to_string(k) + " is more clusters than the " + std::to_string(rows.size()) +
                         " customers with invoices by " + FormatDate(as_of) + " that you may see";
        return e;
    }
    report.segmentation = std::move(*segmentation);
    for (std::size_t i = 0; i < report.customers.size(); ++i)
        report.customers[i].cluster = report.segmentation.assignment[i];
    return report;
}

Result<DelayModelRecord> TrainDelayModel(Tx& tx, const Context& ctx, const Actor& actor, Date as_of,
                                         std::uint64_t seed) {
    if (!actor.Has(Role::kFinance) && !actor.Has(Role::kExecutive) && !actor.Has(Role::kAdmin))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not train the payment-delay model");
    CREDO_CHECK(CheckNotFuture(ctx, as_of));
    CREDO_TRY(auto ledgers, LoadLedgers(tx, ctx, domain::Scope{.all = true}, as_of));
    CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));
    std::vector<std::vector<domain::ReceivableItem>> items;
    items.reserve(ledgers.size());
    for (auto& l : ledgers) items.push_back(std::move(l.items));
    CREDO_TRY(auto examples, analytics::BuildDelayExamples(items, base, as_of));
    CREDO_TRY(auto trained, analytics::TrainDelayModel(examples, seed));
    DelayModelRecord r;
    r.as_of = as_of;
    r.seed = static_cast<std::int64_t>(seed);
    r.auc_ppm = std::llround(trained.auc * 1e6);
    r.train_examples = trained.train_examples;
    r.train_late = trained.train_late;
    r.test_examples = trained.test_examples;
    r.test_late = trained.test_late;
    r.first_quarter = trained.first_quarter;
    r.last_train_quarter = trained.last_train_quarter;
    r.last_quarter = trained.last_quarter;
    r.feature_count = static_cast<std::int64_t>(analytics::kDelayFeatureCount);
    CREDO_TRY(r.model, trained.model->Save());
    r.trained_by = ActorIdOf(actor);
    r.trained_by_name = actor.username;
    r.trained_at = ctx.clock.Now();
    CREDO_TRY(r.id, tx.DelayModels().Insert(r));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kAnalyticsDelayModel, "delay_model", std::to_string(r.id),
                            {{"as_of", FormatDate(as_of)},
                             {"seed", r.seed},
                             {"auc_ppm", r.auc_ppm},
                             {"train_examples", r.train_examples},
                             {"test_examples", r.test_examples}}));
    return r;
}

Result<DelayPredictions> PredictDelays(Tx& tx, const Context& ctx, const Actor& actor, Date as_of) {
    DelayPredictions out;
    out.as_of = as_of;
    CREDO_TRY(out.model, tx.DelayModels().Latest(as_of));
    if (!out.model) return out;
    if (out.model->feature_count != static_cast<std::int64_t>(analytics::kDelayFeatureCount))
        return MakeError(Errc::kConflict, "the stored delay model uses " + std::to_string(out.model->feature_count) +
                                              " features; train it again");
    CREDO_TRY(auto model, analytics::DelayModel::Load(out.model->model));
    CREDO_TRY(auto ledgers, LoadLedgers(tx, ctx, domain::ReadScope(actor), as_of));
    CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));
    std::vector<analytics::DelayFeatureVector> rows;
    for (auto& l : ledgers) {
        if (l.items.empty()) continue;
        CREDO_TRY(auto f, analytics::MeasureDelayFeatures(l.items, base, as_of));
        rows.push_back(f);
        out.items.push_back({l.id, std::move(l.code), std::move(l.name), std::move(l.region), 0,
                             f[analytics::FeatureIndex(analytics::Feature::kOnTimeRatio)],
                             f[analytics::FeatureIndex(analytics::Feature::kDaysPastDue)]});
    }
    CREDO_TRY(auto p, model.Predict(rows));
    for (std::size_t i = 0; i < p.size(); ++i) out.items[i].probability = p[i];
    std::stable_sort(out.items.begin(), out.items.end(), [](const DelayPrediction& a, const DelayPrediction& b) {
        return a.probability > b.probability;  // already by code within equal probabilities
    });
    return out;
}

}  // namespace credo::app
