// credo serve [--data DIR | --db URL] [--listen HOST:PORT]
#include <spdlog/spdlog.h>

#include "credo/cli/common.hpp"

namespace credo::cli {

void AddServe(CLI::App& app, int& exit_code) {
    auto* cmd = app.add_subcommand("serve", "run the HTTP server");
    auto db = std::make_shared<DbOptions>();
    auto listen = std::make_shared<std::optional<std::string>>();
    auto demo = std::make_shared<bool>(false);
    AddDbOptions(*cmd, *db);
    cmd->add_option("--listen", *listen, "address to listen on (default 127.0.0.1:8080)");
    cmd->add_flag("--demo", *demo, "load the demo company first when the database has none");
    cmd->callback([&exit_code, db, listen, demo] {
        auto opened = OpenApp(*db, [&](wiring::Config& c) {
            if (*listen) c.listen = **listen;
        });
        if (!opened) {
            exit_code = Fail(opened.error());
            return;
        }
        spdlog::set_level(spdlog::level::from_str((*opened)->config().log_level));
        if (*demo) {
            auto loaded = LoadDemo(**opened);
            if (!loaded) {
                exit_code = Fail(loaded.error());
                return;
            }
        }
        Status s = (*opened)->Serve();
        exit_code = s ? 0 : Fail(s.error());
    });
}

void AddMigrate(CLI::App& app, int& exit_code) {
    auto* cmd = app.add_subcommand("migrate", "create or upgrade the database schema");
    auto db = std::make_shared<DbOptions>();
    AddDbOptions(*cmd, *db);
    cmd->callback([&exit_code, db] {
        auto opened = OpenApp(*db);
        if (!opened) {
            exit_code = Fail(opened.error());
            return;
        }
        std::printf("database is up to date\n");
    });
}

void AddBackup(CLI::App& app, int& exit_code) {
    auto* cmd = app.add_subcommand("backup", "write an online, consistent copy of the database");
    auto db = std::make_shared<DbOptions>();
    auto out = std::make_shared<std::string>();
    AddDbOptions(*cmd, *db);
    cmd->add_option("--out", *out, "the backup file")->required();
    cmd->callback([&exit_code, db, out] {
        auto opened = OpenApp(*db);
        if (!opened) {
            exit_code = Fail(opened.error());
            return;
        }
        Status s = (*opened)->db().Backup(*out);
        if (!s) {
            exit_code = Fail(s.error());
            return;
        }
        std::printf("backup written to %s\n", out->c_str());
    });
}

}  // namespace credo::cli
