// credo demo [--data DIR | --db URL]: loads the demo company (idempotent).
#include "credo/app/customer_files.hpp"
#include "credo/cli/common.hpp"
#include "credo/cli/demo_data.hpp"

namespace credo::cli {

namespace {
constexpr std::uint64_t kDemoSeed = 2014;  // the year of the case study's count of 220 customers
}

Result<int> LoadDemo(wiring::Application& application) {
    auto& db = application.db();
    const auto& ctx = application.context();
    auto existing = app::ReadTx(db, [](app::Tx& tx) { return tx.Users().FindByUsername("admin"); });
    if (existing) return 0;
    if (existing.error().code != Errc::kNotFound) return existing.error();

    const DemoCompany company = BuildDemoCompany(kDemoSeed, DateOf(ctx.clock.Now()));
    const auto system = domain::SystemActor();
    std::map<std::string, domain::Actor> staff;
    CREDO_CHECK(db.Write([&](app::Tx& tx) -> Status {
        for (const auto& u : company.users) {
            app::NewUser nu{u.username, u.password, u.display_name, {}, std::nullopt, std::nullopt};
            for (const auto& r : u.roles) {
                CREDO_TRY(auto role, domain::kRoleNames.Parse(r, "roles"));
                nu.roles.push_back(role);
            }
            if (!u.region.empty()) nu.region = u.region;
            if (!u.language.empty()) nu.language = u.language;
            CREDO_TRY(auto created, app::CreateUser(tx, ctx, system, nu));
            staff.insert_or_assign(u.username, app::ActorOf(created));
        }
        return Ok();
    }));
    int created = 0;
    CREDO_CHECK(db.Write([&](app::Tx& tx) -> Status {
        created = 0;
        for (const auto& c : company.customers) {
            CREDO_TRY(auto draft, app::CustomerDraftFromJson(c.body));
            // The file is entered by its owner, or by the regional manager for the pool.
            domain::Actor author = system;
            if (auto it = staff.find(c.owner_username); it != staff.end()) {
                draft.customer.owner = it->second.id;
                author = it->second;
            }
            CREDO_TRY(auto saved, app::CreateCustomer(tx, ctx, author, draft.customer, std::string("demo data")));
            for (const auto& a : c.activities) {
                domain::Activity activity;
                CREDO_TRY(activity.type, domain::kActivityTypeNames.Parse(a.type, "type"));
                activity.date = a.date;
                activity.summary = a.summary;
                activity.details = a.details;
                CREDO_CHECK(app::AddActivity(tx, ctx, author, saved.customer.id, activity));
            }
            ++created;
        }
        return Ok();
    }));
    return created;
}

void AddDemo(CLI::App& app, int& exit_code) {
    auto* cmd = app.add_subcommand("demo", "load the demo company (does nothing when it is already there)");
    auto db = std::make_shared<DbOptions>();
    AddDbOptions(*cmd, *db);
    cmd->callback([&exit_code, db] {
        auto opened = OpenApp(*db);
        if (!opened) {
            exit_code = Fail(opened.error());
            return;
        }
        auto created = LoadDemo(**opened);
        if (!created) {
            exit_code = Fail(created.error());
            return;
        }
        if (*created == 0)
            std::printf("the demo company is already loaded\n");
        else
            std::printf("demo company loaded: %d customers; log in as admin / credo-demo\n", *created);
    });
}

}  // namespace credo::cli
