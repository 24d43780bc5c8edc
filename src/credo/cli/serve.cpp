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

// credo jobs run NAME --as-of YYYY-MM-DD
void AddJobs(CLI::App& app, int& exit_code) {
    auto* jobs = app.add_subcommand("jobs", "periodic jobs");
    jobs->require_subcommand(1);
    auto* run = jobs->add_subcommand("run", "run a job for a date now, unless it already ran for that date");
    auto db = std::make_shared<DbOptions>();
    auto name = std::make_shared<std::string>();
    auto as_of = std::make_shared<std::string>();
    AddDbOptions(*run, *db);
    run->add_option("job", *name, "the job: session_sweep, purchase_totals, pool_return, reevaluation, alerts, report_reminders or reminders")->required();
    run->add_option("--as-of", *as_of, "the date the job runs for (YYYY-MM-DD)")->required();
    run->callback([&exit_code, db, name, as_of] {
        auto date = ParseDate(*as_of, "as-of");
        if (!date) {
            std::fprintf(stderr, "credo: %s\n", date.error().message.c_str());
            exit_code = 2;
            return;
        }
        auto opened = OpenApp(*db);
        if (!opened) {
            exit_code = Fail(opened.error());
            return;
        }
        auto outcome = (*opened)->RunJob(*name, *date);
        if (!outcome) {
            exit_code = Fail(outcome.error());
            return;
        }
        std::printf("job %s %s for %s\n", name->c_str(), outcome->c_str(), as_of->c_str());
    });
}

void AddRestore(CLI::App& app, int& exit_code) {
    auto* cmd = app.add_subcommand("restore", "restore a backup into an empty database (or, with --force, over one)");
    auto db = std::make_shared<DbOptions>();
    auto from = std::make_shared<std::string>();
    auto force = std::make_shared<bool>(false);
    AddDbOptions(*cmd, *db);
    cmd->add_option("--from", *from, "the backup file written by credo backup")->required();
    cmd->add_flag("--force", *force, "replace a database that holds data (stop the servers first)");
    cmd->callback([&exit_code, db, from, force] {
        auto config = wiring::LoadConfig(db->config);
        if (!config) {
            exit_code = Fail(config.error());
            return;
        }
        if (db->data_dir) {
            config->data_dir = *db->data_dir;
            config->db_url.clear();
        }
        if (db->db_url) config->db_url = *db->db_url;
        Status s = wiring::Restore(*config, *from, *force);
        if (!s) {
            exit_code = Fail(s.error());
            return;
        }
        std::printf("restored %s\n", from->c_str());
    });
}

}  // namespace credo::cli
