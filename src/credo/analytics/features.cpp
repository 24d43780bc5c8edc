#include "credo/analytics/features.hpp"

#include <algorithm>
#include <cmath>

#include "credo/domain/credit/grade.hpp"

namespace credo::analytics {
namespace {

constexpr int kWindowMonths = 12;
constexpr int kRecentMonths = 3;

double Major(std::int64_t minor, const Currency& currency) {
    return static_cast<double>(minor) / std::pow(10.0, currency.minor_units());
}

double Ratio(std::int64_t bp) { return static_cast<double>(bp) / 10000.0; }

// The features of `items` as of `as_of`, given their twelve-month behaviour `b`.
CustomerFeatures FeaturesOf(std::span<const domain::ReceivableItem> items, const domain::PaymentBehaviour& b,
                            Currency currency, Date as_of) {
    const Date year_ago = AddMonths(as_of, -kWindowMonths);
    const Date two_years_ago = AddMonths(as_of, -2 * kWindowMonths);
    std::int64_t last = 0, before = 0, invoices = 0;  // bounded: MeasureBehaviour checked the totals
    std::optional<Date> first;
    for (const auto& item : items) {
        if (item.issue_date > as_of) continue;
        if (!first || item.issue_date < *first) first = item.issue_date;
        if (item.issue_date > year_ago) {
            last += item.amount.minor();
            ++invoices;
        } else if (item.issue_date > two_years_ago) {
            before += item.amount.minor();
        }
    }
    CustomerFeatures f;
    f.has_history = first.has_value();
    auto& v = f.values;
    v[FeatureIndex(Feature::kPurchases)] = Major(last, currency);
    const std::int64_t larger = std::max(last, before);
    v[FeatureIndex(Feature::kPurchaseTrend)] =
        larger == 0 ? 0.0 : static_cast<double>(last - before) / static_cast<double>(larger);
    v[FeatureIndex(Feature::kOnTimeRatio)] = Ratio(b.on_time_bp);
    v[FeatureIndex(Feature::kCollectedRatio)] = Ratio(b.collected_bp);
    v[FeatureIndex(Feature::kDaysPastDue)] = b.average_days_past_due;
    v[FeatureIndex(Feature::kRelationshipYears)] = first ? DaysBetween(*first, as_of) / 365.25 : 0.0;
    v[FeatureIndex(Feature::kInvoices)] = static_cast<double>(invoices);
    return f;
}

}  // namespace

Result<CustomerFeatures> MeasureFeatures(std::span<const domain::ReceivableItem> items, Currency currency, Date as_of) {
    CREDO_TRY(auto b, domain::MeasureBehaviour(items, currency, as_of, kWindowMonths));
    return FeaturesOf(items, b, currency, as_of);
}

Result<DelayFeatureVector> MeasureDelayFeatures(std::span<const domain::ReceivableItem> items, Currency currency,
                                                Date as_of) {
    CREDO_TRY(auto b, domain::MeasureBehaviour(items, currency, as_of, kWindowMonths));
    const CustomerFeatures base = FeaturesOf(items, b, currency, as_of);
    CREDO_TRY(auto recent, domain::MeasureBehaviour(items, currency, as_of, kRecentMonths));
    DelayFeatureVector v{};
    std::copy(base.values.begin(), base.values.end(), v.begin());
    const auto extra = [&](DelayFeature f) -> double& { return v[kFeatureCount + static_cast<std::size_t>(f)]; };
    extra(DelayFeature::kMaxDaysPastDue) = b.max_days_past_due;
    const double purchases = base.values[FeatureIndex(Feature::kPurchases)];
    extra(DelayFeature::kOpenPastDueRatio) = purchases > 0 ? Major(b.open_past_due.minor(), currency) / purchases : 0.0;
    extra(DelayFeature::kOpenDaysPastDue) = b.open_days_past_due;
    extra(DelayFeature::kMonthsWithoutCollection) = b.months_without_collection;
    extra(DelayFeature::kLateShare) = b.items > 0 ? static_cast<double>(b.late_items) / b.items : 0.0;
    extra(DelayFeature::kRecentOnTimeRatio) = Ratio(recent.on_time_bp);
    double grade = 0;
    if (b.HasWindowHistory()) {
        CREDO_TRY(auto decided, domain::DecideGrade(b, std::nullopt));
        grade = 1.0 + static_cast<double>(static_cast<int>(decided.grade) - static_cast<int>(domain::CreditGrade::kI));
    }
    extra(DelayFeature::kGrade) = grade;
    return v;
}

}  // namespace credo::analytics
