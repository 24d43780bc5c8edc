// credo user add USERNAME --password PW --role ROLE [--role ROLE …] [--region REGION]
#include "credo/cli/common.hpp"

namespace credo::cli {

void AddUser(CLI::App& app, int& exit_code) {
    auto* user = app.add_subcommand("user", "manage users");
    user->require_subcommand(1);
    auto* add = user->add_subcommand("add", "create a user");
    struct Args {
        DbOptions db;
        std::string username, password, display_name, region, language;
        std::vector<std::string> roles;
    };
    auto a = std::make_shared<Args>();
    AddDbOptions(*add, a->db);
    add->add_option("username", a->username, "login name (a-z 0-9 . _ -)")->required();
    add->add_option("--password", a->password, "password (at least 8 characters)")->required();
    add->add_option("--role", a->roles, "role; repeat for several")->required();
    add->add_option("--region", a->region, "region code (east, north, south, central, …)");
    add->add_option("--name", a->display_name, "display name");
    add->add_option("--language", a->language, "zh-CN, zh-TW, es or en");
    add->callback([&exit_code, a] {
        app::NewUser u;
        u.username = a->username;
        u.password = a->password;
        u.display_name = a->display_name;
        if (!a->region.empty()) u.region = a->region;
        if (!a->language.empty()) u.language = a->language;
        for (const auto& r : a->roles) {
            auto role = domain::kRoleNames.Parse(r, "role");
            if (!role) {
                std::fprintf(stderr, "credo: %s\n", role.error().message.c_str());
                exit_code = 2;
                return;
            }
            u.roles.push_back(*role);
        }
        auto opened = OpenApp(a->db);
        if (!opened) {
            exit_code = Fail(opened.error());
            return;
        }
        const auto actor = domain::SystemActor();
        auto created = app::WriteTx((*opened)->db(),
                                    [&](app::Tx& tx) { return app::CreateUser(tx, (*opened)->context(), actor, u); });
        if (!created) {
            exit_code = Fail(created.error());
            return;
        }
        std::printf("user %s created (id %lld)\n", created->username.c_str(),
                    static_cast<long long>(created->id.value()));
    });
}

}  // namespace credo::cli
