// The storage of the alerts inbox and of the daily access counts (app::AlertRepository,
// app::AccessCountRepository) over the SQL driver, for every backend.
#pragma once

#include "credo/app/ports/repositories.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

class SqlAlertRepository final : public app::AlertRepository {
 public:
    explicit SqlAlertRepository(SqlSession& session) : conn_(session) {}

    Result<bool> Insert(const app::Alert& alert) override;
    Result<app::AlertPage> List(const app::AlertQuery& query) override;
    Status MarkRead(UserId user, std::int64_t id, Timestamp at) override;
    Status MarkAllRead(UserId user, Timestamp at) override;

 private:
    SqlSession& conn_;
};

class SqlAccessCountRepository final : public app::AccessCountRepository {
 public:
    explicit SqlAccessCountRepository(SqlSession& session) : conn_(session) {}

    Result<app::DailyAccess> Add(UserId user, Date day, const app::DailyAccess& add) override;
    Result<app::DailyAccess> Sum(UserId user, Date from, Date to) override;

 private:
    SqlSession& conn_;
};

}  // namespace credo::store
