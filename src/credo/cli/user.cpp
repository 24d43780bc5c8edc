// credo user add USERNAME --password PW --role ROLE [--role ROLE …] [--region REGION]
// credo user set USERNAME [--role R …] [--region R | --no-region] [--name NAME] [--password PW]
//                         [--disable | --enable]
#include "credo/app/user_admin.hpp"
#include "credo/cli/common.hpp"

namespace credo::cli {

namespace {
void AddUserSet(CLI::App& user, int& exit_code);
}  // namespace

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
    AddUserSet(*user, exit_code);
}

namespace {

// The same rules as PATCH /users/{id} (app::UpdateUser), applied by the system actor.
void AddUserSet(CLI::App& user, int& exit_code) {
    auto* set = user.add_subcommand("set", "change a user: roles, region, name, password, disabled or not");
    struct Args {
        DbOptions db;
        std::string username;
        std::optional<std::string> region, display_name, password;
        std::vector<std::string> roles;
        bool no_region = false, disable = false, enable = false;
    };
    auto a = std::make_shared<Args>();
    AddDbOptions(*set, a->db);
    set->add_option("username", a->username, "login name of the user")->required();
    set->add_option("--role", a->roles, "the user's roles, replacing the current ones; repeat for several");
    auto* region = set->add_option("--region", a->region, "region code (east, north, south, central, …)");
    set->add_flag("--no-region", a->no_region, "the user belongs to no region")->excludes(region);
    set->add_option("--name", a->display_name, "display name");
    set->add_option("--password", a->password, "new password (at least 8 characters)");
    auto* disable = set->add_flag("--disable", a->disable, "disable the account (ends its sessions and tokens)");
    set->add_flag("--enable", a->enable, "enable the account again")->excludes(disable);
    set->callback([&exit_code, a] {
        app::UserPatch patch;
        if (!a->roles.empty()) {
            patch.roles.emplace();
            for (const auto& r : a->roles) {
                auto role = domain::kRoleNames.Parse(r, "role");
                if (!role) {
                    std::fprintf(stderr, "credo: %s\n", role.error().message.c_str());
                    exit_code = 2;
                    return;
                }
                patch.roles->push_back(*role);
            }
        }
        if (a->region || a->no_region) {
            patch.region_given = true;
            patch.region = a->region;
        }
        patch.display_name = a->display_name;
        patch.password = a->password;
        if (a->disable) patch.active = false;
        if (a->enable) patch.active = true;
        if (app::GivenFields(patch).empty()) {
            std::fprintf(stderr,
                         "credo: nothing to change; give --role, --region, --no-region, --name, --password, "
                         "--disable or --enable\n");
            exit_code = 2;
            return;
        }
        auto opened = OpenApp(a->db);
        if (!opened) {
            exit_code = Fail(opened.error());
            return;
        }
        app::Database& db = (*opened)->db();
        auto found = app::ReadTx(db, [&](app::Tx& tx) { return tx.Users().FindByUsername(a->username); });
        if (!found) {
            exit_code = Fail(found.error());
            return;
        }
        auto updated = app::UpdateUser(db, (*opened)->context(), domain::SystemActor(), found->id, patch);
        if (!updated) {
            exit_code = Fail(updated.error());
            return;
        }
        std::printf("user %s updated\n", updated->username.c_str());
    });
}

}  // namespace

}  // namespace credo::cli
