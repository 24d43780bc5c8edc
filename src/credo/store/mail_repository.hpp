// The storage of the alerts' e-mail outbox (app::MailRepository) over the SQL driver, for every backend.
#pragma once

#include "credo/app/ports/repositories.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

class SqlMailRepository final : public app::MailRepository {
 public:
    explicit SqlMailRepository(SqlSession& session) : conn_(session) {}

    Result<std::optional<std::int64_t>> Cursor() override;
    Status SetCursor(std::int64_t last_alert_id) override;
    Result<std::int64_t> LastAlertId() override;
    Result<std::vector<app::AlertToMail>> AlertsAfter(std::int64_t after, int limit) override;
    Status Enqueue(const app::MailMessage& message, Timestamp at) override;
    Result<std::vector<app::MailMessage>> Due(Timestamp now, int max_attempts, int limit) override;
    Status MarkSent(std::int64_t id, Timestamp at) override;
    Status MarkFailed(std::int64_t id, const std::string& error, Timestamp next_at) override;
    Result<std::vector<app::MailMessage>> Recent(int limit) override;

 private:
    Result<std::vector<app::MailMessage>> Messages(SqlStatement& st);
    SqlSession& conn_;
};

}  // namespace credo::store
