// The repositories of app/ports over the SQL driver interface (sql_driver.hpp): one implementation of
// every storage port for all backends. Dialect differences live in sql/ (<query>.pg.sql), not here.
#pragma once

#include <functional>

#include "credo/app/ports/database.hpp"
#include "credo/store/sql_driver.hpp"

namespace credo::store {

// Runs a unit of work over `session`'s repositories, inside the transaction the caller opened. An
// exception (a bug, or memory exhaustion) is logged and becomes kInternal, so that the caller rolls back.
Status RunWork(SqlSession& session, const std::function<Status(app::Tx&)>& work);

}  // namespace credo::store
