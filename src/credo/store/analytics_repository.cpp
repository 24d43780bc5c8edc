#include "credo/store/analytics_repository.hpp"

#include "credo/sql/embedded.hpp"

namespace credo::store {
namespace q = credo::sql;

Result<std::int64_t> SqlDelayModelRepository::Insert(const app::DelayModelRecord& m) {
    CREDO_TRY(auto st, conn_.Prepare(q::analytics::kDelayModelInsert));
    CREDO_TRY(bool row,
              st->Bind(FormatDate(m.as_of), m.seed, m.auc_ppm, m.train_examples, m.train_late, m.test_examples,
                       m.test_late, FormatDate(m.first_quarter), FormatDate(m.last_train_quarter),
                       FormatDate(m.last_quarter), m.feature_count, m.model, OptUser(m.trained_by), Ms(m.trained_at))
                  .Step());
    if (!row) return MakeError(Errc::kInternal, "the delay model was not stored");
    return st->Int(0);
}

Result<std::optional<app::DelayModelRecord>> SqlDelayModelRepository::Latest(Date as_of) {
    CREDO_TRY(auto st, conn_.Prepare(q::analytics::kDelayModelLatest));
    st->Bind(FormatDate(as_of));
    CREDO_TRY(bool row, st->Step());
    if (!row) return std::optional<app::DelayModelRecord>();
    app::DelayModelRecord m;
    m.id = st->Int(0);
    CREDO_TRY(m.as_of, ParseDate(st->Text(1), "as_of"));
    m.seed = st->Int(2);
    m.auc_ppm = st->Int(3);
    m.train_examples = st->Int(4);
    m.train_late = st->Int(5);
    m.test_examples = st->Int(6);
    m.test_late = st->Int(7);
    CREDO_TRY(m.first_quarter, ParseDate(st->Text(8), "first_quarter"));
    CREDO_TRY(m.last_train_quarter, ParseDate(st->Text(9), "last_train_quarter"));
    CREDO_TRY(m.last_quarter, ParseDate(st->Text(10), "last_quarter"));
    m.feature_count = st->Int(11);
    m.model = st->Text(12);
    m.trained_by = UserOf(st->OptInt(13));
    m.trained_by_name = st->OptText(14).value_or("");
    m.trained_at = FromMs(st->Int(15));
    return std::optional<app::DelayModelRecord>(std::move(m));
}

}  // namespace credo::store
