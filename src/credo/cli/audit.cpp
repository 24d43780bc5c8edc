// credo audit verify [--data DIR | --db URL]: rechecks the audit log's hash chain.
#include "credo/app/audit.hpp"

#include "credo/cli/common.hpp"

namespace credo::cli {

void AddAudit(CLI::App& app, int& exit_code) {
    auto* audit = app.add_subcommand("audit", "the audit log");
    audit->require_subcommand(1);
    auto* verify = audit->add_subcommand("verify", "recheck every entry of the audit log and the links between them");
    auto db = std::make_shared<DbOptions>();
    AddDbOptions(*verify, *db);
    verify->callback([&exit_code, db] {
        auto opened = OpenApp(*db);
        if (!opened) {
            exit_code = Fail(opened.error());
            return;
        }
        auto v = app::ReadTx((*opened)->db(), [](app::Tx& tx) { return app::VerifyAudit(tx, domain::SystemActor()); });
        if (!v) {
            exit_code = Fail(v.error());
            return;
        }
        if (v->intact) {
            std::printf("audit log intact: %lld entries\n", static_cast<long long>(v->entries));
            return;
        }
        exit_code = Fail(MakeError(Errc::kConflict, "audit log broken at entry " + std::to_string(*v->broken_at) +
                                                        ": " + v->reason.value_or("")));
    });
}

}  // namespace credo::cli
