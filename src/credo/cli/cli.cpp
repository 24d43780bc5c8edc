#include "credo/cli/cli.hpp"

#include <spdlog/spdlog.h>

#include "credo/cli/common.hpp"

namespace credo::cli {

int Main(int argc, char** argv) {
    CLI::App app{"Credo: customer files and trade credit control", "credo"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "credo 0.1.0");
    int exit_code = 0;
    AddServe(app, exit_code);
    AddMigrate(app, exit_code);
    AddUser(app, exit_code);
    AddDemo(app, exit_code);
    AddImportExport(app, exit_code);
    AddBackup(app, exit_code);
    AddRestore(app, exit_code);
    AddJobs(app, exit_code);
    AddAudit(app, exit_code);
    AddCredit(app, exit_code);
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    return exit_code;
}

}  // namespace credo::cli
