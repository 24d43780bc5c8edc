// What the subcommands share: the database options and opening the application from them.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "credo/wiring/wiring.hpp"

namespace credo::cli {

struct DbOptions {
    std::optional<std::string> config;
    std::optional<std::string> data_dir;
    std::optional<std::string> db_url;
};

void AddDbOptions(CLI::App& cmd, DbOptions& options);
// Loads the configuration, applies the command-line overrides and opens the database (migrating it).
Result<std::unique_ptr<wiring::Application>> OpenApp(const DbOptions& options,
                                                     const std::function<void(wiring::Config&)>& adjust = {});
// Prints "credo: <message>" (and each field error) to stderr; returns 1.
int Fail(const Error& error);

void AddServe(CLI::App& app, int& exit_code);
void AddMigrate(CLI::App& app, int& exit_code);
void AddUser(CLI::App& app, int& exit_code);
void AddDemo(CLI::App& app, int& exit_code);
void AddImportExport(CLI::App& app, int& exit_code);
void AddBackup(CLI::App& app, int& exit_code);
void AddRestore(CLI::App& app, int& exit_code);
void AddJobs(CLI::App& app, int& exit_code);
void AddAudit(CLI::App& app, int& exit_code);
void AddCredit(CLI::App& app, int& exit_code);

// Loads the demo company (idempotent: does nothing when its users exist). Returns the number of
// customers created.
Result<int> LoadDemo(wiring::Application& app);

}  // namespace credo::cli
