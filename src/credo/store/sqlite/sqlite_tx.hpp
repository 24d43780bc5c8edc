// SqliteTx: the repositories of one SQLite transaction, all over the same connection.
#pragma once

#include <memory>

#include "credo/app/ports/database.hpp"
#include "credo/store/sqlite/connection.hpp"

namespace credo::store::sqlite {

class SqliteTx final : public app::Tx {
 public:
    explicit SqliteTx(Connection& conn);
    ~SqliteTx() override;
    app::CustomerRepository& Customers() override;
    app::ActivityRepository& Activities() override;
    app::UserRepository& Users() override;
    app::SessionRepository& Sessions() override;
    app::RegionRepository& Regions() override;
    app::SequenceRepository& Sequences() override;

 private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace credo::store::sqlite
