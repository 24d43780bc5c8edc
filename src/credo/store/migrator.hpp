// Migrate: brings a database's schema up to the newest of `migrations` (sql/migrations/<dialect>/),
// each migration in its own transaction with its row in schema_migrations, so that it applies whole or
// not at all. The whole run holds the dialect's migration lock (an advisory lock on PostgreSQL; SQLite's
// BEGIN IMMEDIATE serializes by itself), so that servers starting together do not race. A database newer
// than every known migration is kUnsupported and left untouched.
#pragma once

#include <span>

#include "credo/store/sql_driver.hpp"

namespace credo::store {

Status Migrate(SqlSession& session, std::span<const sql::Migration> migrations);

}  // namespace credo::store
