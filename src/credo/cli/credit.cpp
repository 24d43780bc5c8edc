// credo credit reconcile [--data DIR | --db URL]: recomputes every customer's exposure from the ledger
// and reports where the kept figure differs (exit status 1 when any does).
#include "credo/app/credit.hpp"

#include "credo/cli/common.hpp"

namespace credo::cli {

void AddCredit(CLI::App& app, int& exit_code) {
    auto* credit = app.add_subcommand("credit", "credit accounts");
    credit->require_subcommand(1);
    auto* reconcile = credit->add_subcommand(
        "reconcile", "recompute each customer's exposure from its invoices and orders, and compare");
    auto db = std::make_shared<DbOptions>();
    AddDbOptions(*reconcile, *db);
    reconcile->callback([&exit_code, db] {
        auto opened = OpenApp(*db);
        if (!opened) {
            exit_code = Fail(opened.error());
            return;
        }
        // In a write transaction: the documents and the kept figures are read from one snapshot.
        auto report = app::WriteTx((*opened)->db(), [](app::Tx& tx) { return app::ReconcileExposure(tx); });
        if (!report) {
            exit_code = Fail(report.error());
            return;
        }
        for (const auto& d : report->differences)
            std::printf(
                "customer %lld: receivables kept %lld, ledger %lld; orders kept %lld, ledger %lld (minor units)\n",
                static_cast<long long>(d.customer.value()), static_cast<long long>(d.kept_receivables),
                static_cast<long long>(d.ledger_receivables), static_cast<long long>(d.kept_orders),
                static_cast<long long>(d.ledger_orders));
        if (!report->differences.empty()) {
            exit_code = Fail(MakeError(Errc::kConflict, std::to_string(report->differences.size()) + " of " +
                                                            std::to_string(report->accounts) +
                                                            " credit accounts differ from the ledger"));
            return;
        }
        std::printf("exposure reconciled: %lld credit accounts agree with the ledger\n",
                    static_cast<long long>(report->accounts));
    });
}

}  // namespace credo::cli
