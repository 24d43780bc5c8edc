#include "credo/cli/common.hpp"

#include <cstdio>

namespace credo::cli {

void AddDbOptions(CLI::App& cmd, DbOptions& o) {
    cmd.add_option("--config", o.config, "configuration file (default ./credo.toml when present)");
    auto* data =
        cmd.add_option("--data", o.data_dir, "data directory of the embedded SQLite database (default ./data)");
    auto* db = cmd.add_option("--db", o.db_url, "database URL: sqlite:PATH or postgresql://…");
    data->excludes(db);
}

Result<std::unique_ptr<wiring::Application>> OpenApp(const DbOptions& o,
                                                     const std::function<void(wiring::Config&)>& adjust) {
    CREDO_TRY(auto config, wiring::LoadConfig(o.config));
    if (o.data_dir) {
        config.data_dir = *o.data_dir;
        config.db_url.clear();
    }
    if (o.db_url) config.db_url = *o.db_url;
    if (adjust) adjust(config);
    return wiring::Application::Open(config);
}

int Fail(const Error& e) {
    std::fprintf(stderr, "credo: %s\n", e.message.c_str());
    if (e.fields.size() > 1)
        for (const auto& [k, v] : e.fields) std::fprintf(stderr, "  %s: %s\n", k.c_str(), v.c_str());
    return 1;
}

}  // namespace credo::cli
