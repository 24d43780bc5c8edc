// The storage of third-party ratings and credit insurance (app::ProtectionRepository) over the SQL
// driver, for every backend.
#pragma once

#include "credo/app/ports/repositories.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

class SqlProtectionRepository final : public app::ProtectionRepository {
 public:
    explicit SqlProtectionRepository(SqlSession& session) : conn_(session) {}

    Result<std::int64_t> InsertRating(const app::RatingRecord& rating) override;
    Result<std::vector<app::RatingRecord>> Ratings(CustomerId customer) override;
    Result<std::int64_t> InsertInsurance(const app::InsuranceRecord& insurance) override;
    Result<std::vector<app::InsuranceRecord>> Insurance(CustomerId customer) override;

 private:
    SqlSession& conn_;
};

}  // namespace credo::store
