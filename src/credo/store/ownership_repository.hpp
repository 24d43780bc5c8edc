// The storage of central ownership and of policies (app::OwnershipRepository, app::PolicyRepository)
// over the SQL driver, for every backend.
#pragma once

#include "credo/app/ports/repositories.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

class SqlOwnershipRepository final : public app::OwnershipRepository {
 public:
    explicit SqlOwnershipRepository(SqlSession& session) : conn_(session) {}

    Result<std::vector<CustomerId>> OwnedBy(UserId owner) override;
    Result<std::vector<app::RegionFile>> RegionFiles(std::string_view region) override;
    Result<std::vector<app::NeglectCandidate>> NeglectCandidates(Date date) override;
    Result<std::int64_t> InsertHandover(const app::HandoverRecord& record) override;
    Result<app::HandoverRecord> FindHandover(std::int64_t id) override;

 private:
    SqlSession& conn_;
};

class SqlPolicyRepository final : public app::PolicyRepository {
 public:
    explicit SqlPolicyRepository(SqlSession& session) : conn_(session) {}

    Result<std::vector<app::PolicyRecord>> List() override;
    Status Set(const app::PolicyRecord& policy) override;

 private:
    SqlSession& conn_;
};

}  // namespace credo::store
