// The storage of trained payment-delay models (app::DelayModelRepository) over the SQL driver, for every
// backend.
#pragma once

#include "credo/app/ports/repositories.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

class SqlDelayModelRepository final : public app::DelayModelRepository {
 public:
    explicit SqlDelayModelRepository(SqlSession& session) : conn_(session) {}

    Result<std::int64_t> Insert(const app::DelayModelRecord& model) override;
    Result<std::optional<app::DelayModelRecord>> Latest(Date as_of) override;

 private:
    SqlSession& conn_;
};

}  // namespace credo::store
