// The repositories of app/ports over the SQL driver interface (sql_driver.hpp): one implementation of
// every storage port for all backends. Dialect differences live in sql/ (<query>.pg.sql), not here.
#pragma once

#include <memory>

#include "credo/app/ports/database.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

// A transaction's repositories, all over `session`. REQUIRES: session outlives the Tx.
std::unique_ptr<app::Tx> MakeTx(SqlSession& session);

}  // namespace credo::store
