#include "credo/analytics/delay.hpp"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <utility>

#include "credo/analytics/auc.hpp"

namespace credo::analytics {
namespace {

Error XgbError(std::string_view what) {
    return MakeError(Errc::kInternal, std::string(what) + ": " + XGBGetLastError());
}

// XGBoost's own logging is silenced once per process: its failures come back as errors.
void QuietOnce() {
    static std::once_flag once;
    std::call_once(once, [] { XGBSetGlobalConfig(R"({"verbosity": 0})"); });
}

// A DMatrix over the rows, owned for the scope.
class Matrix {
 public:
    static Result<Matrix> From(std::span<const DelayFeatureVector> x) {
        std::vector<float> data;
        data.reserve(x.size() * kDelayFeatureCount);
        for (const auto& row : x)
            for (double v : row) data.push_back(static_cast<float>(v));
        DMatrixHandle h = nullptr;
        if (XGDMatrixCreateFromMat(data.data(), x.size(), kDelayFeatureCount, std::nanf(""), &h) != 0)
            return XgbError("building the feature matrix");
        return Matrix(h);
    }
    Matrix(Matrix&& o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
    Matrix& operator=(Matrix&&) = delete;
    ~Matrix() {
        if (h_) XGDMatrixFree(h_);
    }
    DMatrixHandle get() const { return h_; }

 private:
    explicit Matrix(DMatrixHandle h) : h_(h) {}
    DMatrixHandle h_;
};

std::string Plural(int n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

bool LabelKnown(Date t, Date observed) { return AddDays(AddMonths(t, kHorizonMonths), kLateDays) <= observed; }

std::optional<bool> PaidLateAfter(std::span<const domain::ReceivableItem> items, Date t, Date observed) {
    const Date horizon = AddMonths(t, kHorizonMonths);
    std::optional<bool> late;
    for (const auto& item : items) {
        if (item.due_date <= t || item.due_date > horizon) continue;
        const Date deadline = std::min(AddDays(item.due_date, kLateDays), observed);
        std::int64_t paid = 0;
        for (const auto& s : item.settlements)
            if (s.kind != domain::SettlementKind::kWriteOff && s.date <= deadline) paid += s.amount.minor();
        const bool this_late = paid < item.amount.minor();
        late = late.value_or(false) || this_late;
    }
    return late;
}

std::vector<Date> QuarterEnds(Date from, Date to) {
    std::vector<Date> out;
    if (!from.ok() || !to.ok() || to < from) return out;
    const unsigned first_month = (static_cast<unsigned>(from.month()) - 1) / 3 * 3 + 3;
    for (std::chrono::year_month ym(from.year(), std::chrono::month(first_month));; ym += std::chrono::months(3)) {
        const Date d = ym / std::chrono::last;
        if (d > to) break;
        out.push_back(d);
    }
    return out;
}

Result<std::vector<DelayExample>> BuildDelayExamples(std::span<const std::vector<domain::ReceivableItem>> customers,
                                                     Currency currency, Date as_of) {
    std::optional<Date> first;
    for (const auto& items : customers)
        for (const auto& item : items)
            if (item.issue_date <= as_of && (!first || item.issue_date < *first)) first = item.issue_date;
    std::vector<DelayExample> out;
    if (!first) return out;
    for (Date t : QuarterEnds(*first, as_of)) {
        if (!LabelKnown(t, as_of)) break;
        for (std::size_t c = 0; c < customers.size(); ++c) {
            const auto late = PaidLateAfter(customers[c], t, as_of);
            if (!late) continue;
            CREDO_TRY(auto features, MeasureDelayFeatures(customers[c], currency, t));
            if (features[kFeatureCount + static_cast<std::size_t>(DelayFeature::kGrade)] == 0) continue;  // no history
            out.push_back({c, t, features, *late ? 1 : 0});
        }
    }
    return out;
}

DelayModel::DelayModel(DelayModel&& o) noexcept : booster_(std::exchange(o.booster_, nullptr)) {}
DelayModel& DelayModel::operator=(DelayModel&& o) noexcept {
    std::swap(booster_, o.booster_);
    return *this;
}
DelayModel::~DelayModel() {
    if (booster_) XGBoosterFree(booster_);
}

Result<DelayModel> DelayModel::Train(std::span<const DelayFeatureVector> x, std::span<const int> y,
                                     std::uint64_t seed) {
    QuietOnce();
    CREDO_TRY(auto m, Matrix::From(x));
    std::vector<float> labels(y.begin(), y.end());
    if (XGDMatrixSetFloatInfo(m.get(), "label", labels.data(), labels.size()) != 0) return XgbError("labels");
    DMatrixHandle train[] = {m.get()};
    BoosterHandle h = nullptr;
    if (XGBoosterCreate(train, 1, &h) != 0) return XgbError("creating the booster");
    DelayModel model(h);
    const std::string seed_text = std::to_string(seed % 2147483648ULL);  // XGBoost's seed is an int
    const std::pair<const char*, const char*> params[] = {{"objective", "binary:logistic"},
                                                          {"booster", "gbtree"},
                                                          {"tree_method", "hist"},
                                                          {"nthread", "1"},
                                                          {"max_depth", "3"},
                                                          {"eta", "0.1"},
                                                          {"min_child_weight", "1"},
                                                          {"subsample", "1"},
                                                          {"colsample_bytree", "1"},
                                                          {"verbosity", "0"},
                                                          {"seed", seed_text.c_str()}};
    for (const auto& [name, value] : params)
        if (XGBoosterSetParam(h, name, value) != 0) return XgbError(std::string("parameter ") + name);
    for (int round = 0; round < kBoostRounds; ++round)
        if (XGBoosterUpdateOneIter(h, round, m.get()) != 0) return XgbError("training");
    return model;
}

Result<DelayModel> DelayModel::Load(std::string_view saved) {
    QuietOnce();
    BoosterHandle h = nullptr;
    if (XGBoosterCreate(nullptr, 0, &h) != 0) return XgbError("creating the booster");
    DelayModel model(h);
    if (XGBoosterLoadModelFromBuffer(h, saved.data(), saved.size()) != 0)
        return FieldError("model", std::string("is not a model XGBoost can read: ") + XGBGetLastError());
    if (XGBoosterSetParam(h, "nthread", "1") != 0) return XgbError("parameter nthread");
    return model;
}

Result<std::string> DelayModel::Save() const {
    bst_ulong len = 0;
    const char* data = nullptr;
    if (XGBoosterSaveModelToBuffer(booster_, R"({"format": "json"})", &len, &data) != 0)
        return XgbError("saving the model");
    return std::string(data, len);
}

Result<std::vector<double>> DelayModel::Predict(std::span<const DelayFeatureVector> x) const {
    if (x.empty()) return std::vector<double>();
    CREDO_TRY(auto m, Matrix::From(x));
    bst_ulong len = 0;
    const float* out = nullptr;
    if (XGBoosterPredict(booster_, m.get(), 0, 0, 0, &len, &out) != 0) return XgbError("predicting");
    if (len != x.size()) return MakeError(Errc::kInternal, "the model gave " + std::to_string(len) + " predictions");
    return std::vector<double>(out, out + len);
}

Result<DelayTraining> TrainDelayModel(std::span<const DelayExample> examples, std::uint64_t seed) {
    std::vector<Date> quarters;
    for (const auto& e : examples)
        if (quarters.empty() || quarters.back() != e.quarter_end) quarters.push_back(e.quarter_end);
    if (quarters.size() < 2)
        return FieldError("as_of",
                          "too little history: " + Plural(static_cast<int>(quarters.size()), "quarter", "quarters") +
                              " with a known outcome, at least 2 are needed (one to train on, one to test)");
    // Hold out the latest quarters until they hold a quarter of the examples, keeping one to train on.
    std::size_t split = examples.size();  // examples[split…] are held out
    std::size_t held_quarters = 0;
    while (held_quarters + 1 < quarters.size() && (examples.size() - split) * 4 < examples.size()) {
        const Date q = quarters[quarters.size() - 1 - held_quarters];
        while (split > 0 && examples[split - 1].quarter_end == q) --split;
        ++held_quarters;
    }
    DelayTraining t;
    std::vector<DelayFeatureVector> train_x, test_x;
    std::vector<int> train_y, test_y;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        const bool test = i >= split;
        (test ? test_x : train_x).push_back(examples[i].features);
        (test ? test_y : train_y).push_back(examples[i].label);
        (test ? t.test_late : t.train_late) += examples[i].label;
    }
    t.train_examples = static_cast<int>(train_x.size());
    t.test_examples = static_cast<int>(test_x.size());
    const int train_punctual = t.train_examples - t.train_late, test_punctual = t.test_examples - t.test_late;
    if (t.train_late < kMinTrainPerClass || train_punctual < kMinTrainPerClass)
        return FieldError(
            "as_of", "too little history to train on: " + Plural(t.train_late, "late payer", "late payers") + " and " +
                         Plural(train_punctual, "punctual one", "punctual ones") + " in the older quarters; at least " +
                         std::to_string(kMinTrainPerClass) + " of each are needed");
    if (t.test_late < kMinTestPerClass || test_punctual < kMinTestPerClass)
        return FieldError(
            "as_of", "too little history to test on: " + Plural(t.test_late, "late payer", "late payers") + " and " +
                         Plural(test_punctual, "punctual one", "punctual ones") + " in the latest quarters; at least " +
                         std::to_string(kMinTestPerClass) + " of each are needed");
    CREDO_TRY(auto model, DelayModel::Train(train_x, train_y, seed));
    CREDO_TRY(auto scores, model.Predict(test_x));
    CREDO_TRY(t.auc, Auc(scores, test_y));
    t.model = std::make_unique<DelayModel>(std::move(model));
    t.first_quarter = examples.front().quarter_end;
    t.last_train_quarter = examples[split - 1].quarter_end;
    t.last_quarter = examples.back().quarter_end;
    return t;
}

}  // namespace credo::analytics
