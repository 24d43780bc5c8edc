// Reminders, collection cases and write-offs (SPEC AR-4, AR-1) on every backend: the invoices due on a
// reminder day with what was open then, one reminder per customer and day, one open case per customer,
// promises measured against payments, and an approved write-off that lowers the exposure in step with the
// ledger and shows in the bad debt by month.
#include <gtest/gtest.h>

#include "credo/app/alerts.hpp"
#include "credo/app/collections.hpp"
#include "credo/app/credit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/receivables.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Role;

Date D(const char* text) { return ParseDate(text, "d").value(); }

class CollectionsDbTest : public testing::DbFixture {
 protected:
    void SetUp() override {
        DbFixture::SetUp();
        if (IsSkipped()) return;
        clock().Set(StartOfDay(D("2026-03-01")));
        admin_ = MakeUser("boss", {Role::kAdmin});
        sales_ = MakeUser("zhang.wei", {Role::kSales}, "east");
        other_sales_ = MakeUser("li.na", {Role::kSales}, "east");
        finance_ = MakeUser("cfo", {Role::kFinance});
        exec_ = MakeUser("ceo", {Role::kExecutive});
        customer_ = Customer("淮安恒信阀门有限公司", sales_.id, "0517-8391 2266", "91320800MA1XXXX01");
    }

    CustomerId Customer(std::string name, UserId owner, std::string phone, std::string tax_id) {
        auto c = Enterprise(std::move(name), std::move(phone), std::move(tax_id));
        c.owner = owner;
        return app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), admin_, c, std::nullopt); })
            ->customer.id;
    }

    app::InvoiceRecord Invoice(CustomerId customer, const char* due, std::string amount) {
        app::InvoiceInput in;
        in.customer = customer;
        in.currency = "CNY";
        in.amount = std::move(amount);
        in.issue_date = D("2025-10-01");
        in.due_date = D(due);
        auto inv = app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, in); });
        EXPECT_TRUE(inv) << inv.error().message;
        return *inv;
    }

    void Pay(CustomerId customer, std::int64_t invoice, const char* day, std::string amount) {
        app::PaymentInput p;
        p.customer = customer;
        p.currency = "CNY";
        p.amount = amount;
        p.day = D(day);
        p.allocations = std::vector<app::AllocationInput>{{invoice, amount}};
        auto paid = app::WriteTx(db(), [&](Tx& tx) { return app::RecordPayment(tx, ctx(), finance_, p); });
        ASSERT_TRUE(paid) << paid.error().message;
    }

    domain::Actor admin_, sales_, other_sales_, finance_, exec_;
    CustomerId customer_;
};

TEST_F(CollectionsDbTest, InvoicesDueOnADayCarryWhatWasOpenThen) {
    auto a = Invoice(customer_, "2026-01-31", "100.00");
    auto b = Invoice(customer_, "2026-01-31", "80.00");
    Invoice(customer_, "2026-02-01", "50.00");
    Pay(customer_, a.id, "2026-02-10", "30.00");
    Pay(customer_, b.id, "2026-01-20", "80.00");
    auto due =
        app::ReadTx(db(), [&](Tx& tx) { return tx.Collections().InvoicesDueOn(D("2026-01-31"), D("2026-02-05")); });
    ASSERT_TRUE(due) << due.error().message;
    ASSERT_EQ(due->size(), 1u);  // b was paid before
    EXPECT_EQ((*due)[0].id, a.id);
    EXPECT_EQ((*due)[0].open_minor, 10000);  // the payment of 02-10 came later
    due = app::ReadTx(db(), [&](Tx& tx) { return tx.Collections().InvoicesDueOn(D("2026-01-31"), D("2026-02-10")); });
    EXPECT_EQ((*due)[0].open_minor, 7000);
    // Not issued yet on the day: nothing.
    due = app::ReadTx(db(), [&](Tx& tx) { return tx.Collections().InvoicesDueOn(D("2026-01-31"), D("2025-09-30")); });
    EXPECT_TRUE(due->empty());
}

TEST_F(CollectionsDbTest, OneReminderPerCustomerAndDayAndItsAlert) {
    auto a = Invoice(customer_, "2026-02-07", "100.00");  // +7 on 02-14
    auto b = Invoice(customer_, "2026-02-21", "40.00");   // -7 on 02-14
    auto report = app::WriteTx(db(), [&](Tx& tx) { return app::SendReminders(tx, ctx(), D("2026-02-14")); });
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->customers, 1);
    EXPECT_EQ(report->items, 2);
    auto again = app::WriteTx(db(), [&](Tx& tx) { return app::SendReminders(tx, ctx(), D("2026-02-14")); });
    EXPECT_EQ(again->customers, 0);
    EXPECT_EQ(again->already_sent, 1);
    auto list = app::ReadTx(db(), [&](Tx& tx) { return app::ListReminders(tx, sales_, customer_); });
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1u);
    ASSERT_EQ((*list)[0].items.size(), 2u);
    EXPECT_EQ((*list)[0].items[0].invoice_id, a.id);
    EXPECT_EQ((*list)[0].items[0].offset, 7);
    EXPECT_EQ((*list)[0].items[1].invoice_id, b.id);
    EXPECT_EQ((*list)[0].items[1].offset, -7);
    EXPECT_EQ(app::ReadTx(db(), [&](Tx& tx) { return app::ListReminders(tx, other_sales_, customer_); }).error().code,
              Errc::kNotFound);
    auto inbox = app::ReadTx(db(), [&](Tx& tx) { return app::ListAlerts(tx, sales_, false, 50, 0); });
    ASSERT_EQ(inbox->items.size(), 1u);
    EXPECT_EQ(inbox->items[0].kind, "reminder");
    // Switched off: nothing on another reminder day.
    ASSERT_TRUE(db().Write([&](Tx& tx) {
        return tx.Policies().Set({"reminders.enabled", "0", ctx().clock.Now(), std::nullopt});
    }));
    auto off = app::WriteTx(db(), [&](Tx& tx) { return app::SendReminders(tx, ctx(), D("2026-02-07")); });
    EXPECT_EQ(off->customers, 0);
}

TEST_F(CollectionsDbTest, OneOpenCasePerCustomerWithItsTimelineAndPromises) {
    auto inv = Invoice(customer_, "2026-01-31", "1000.00");
    app::CaseInput in;
    in.customer = customer_;
    in.opened_on = D("2026-02-05");
    auto k = app::WriteTx(db(), [&](Tx& tx) { return app::OpenCase(tx, ctx(), sales_, in); });
    ASSERT_TRUE(k) << k.error().message;
    EXPECT_EQ(k->invoices, std::vector<std::int64_t>{inv.id});
    EXPECT_EQ(app::WriteTx(db(), [&](Tx& tx) { return app::OpenCase(tx, ctx(), finance_, in); }).error().code,
              Errc::kConflict);
    // The store itself refuses a second open case.
    auto dup = *k;
    EXPECT_EQ(app::WriteTx(db(), [&](Tx& tx) { return tx.Collections().InsertCase(dup); }).error().code,
              Errc::kConflict);
    ASSERT_TRUE(app::WriteTx(
        db(), [&](Tx& tx) { return app::MoveCaseStage(tx, ctx(), sales_, k->id, "warning", "", D("2026-02-10")); }));
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) {
        return app::AddCaseAction(tx, ctx(), sales_, k->id, {"letter", D("2026-02-11"), "催款函"});
    }));
    app::PromiseInput p;
    p.amount = "600.00";
    p.promised_date = D("2026-02-20");
    p.made_on = D("2026-02-11");
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::AddPromise(tx, ctx(), sales_, k->id, p); }));
    Pay(customer_, inv.id, "2026-02-15", "500.00");
    auto view = app::ReadTx(db(), [&](Tx& tx) { return app::GetCase(tx, ctx(), sales_, k->id, D("2026-02-21")); });
    ASSERT_TRUE(view) << view.error().message;
    EXPECT_EQ(view->record.stage, "warning");
    ASSERT_EQ(view->record.actions.size(), 2u);
    EXPECT_EQ(view->record.actions[0].to_stage, "warning");
    EXPECT_EQ(view->record.actions[1].kind, "letter");
    ASSERT_EQ(view->promises.size(), 1u);
    EXPECT_EQ(view->promises[0].collected_minor, 50000);
    EXPECT_EQ(view->promises[0].state, domain::PromiseState::kBroken);
    EXPECT_EQ(app::ReadTx(db(), [&](Tx& tx) { return app::GetCase(tx, ctx(), other_sales_, k->id, D("2026-02-21")); })
                  .error()
                  .code,
              Errc::kNotFound);
    app::CollectionCaseQuery q;
    q.status = "open";
    auto mine = app::ReadTx(db(), [&](Tx& tx) { return app::ListCases(tx, sales_, q, D("2026-02-21")); });
    ASSERT_EQ(mine->items.size(), 1u);
    EXPECT_EQ(mine->items[0].broken_promises, 1);
    EXPECT_EQ(app::ReadTx(db(), [&](Tx& tx) { return app::ListCases(tx, other_sales_, q, D("2026-02-21")); })->total,
              0);
    // The daily run alerts the broken promise once.
    auto report = app::WriteTx(db(), [&](Tx& tx) { return app::SendReminders(tx, ctx(), D("2026-02-22")); });
    EXPECT_EQ(report->broken_promises, 1);
    report = app::WriteTx(db(), [&](Tx& tx) { return app::SendReminders(tx, ctx(), D("2026-02-23")); });
    EXPECT_EQ(report->broken_promises, 0);
    auto closed = app::WriteTx(
        db(), [&](Tx& tx) { return app::CloseCase(tx, ctx(), sales_, k->id, "partially_paid", "", D("2026-02-25")); });
    ASSERT_TRUE(closed) << closed.error().message;
    EXPECT_EQ(closed->closed_on, D("2026-02-25"));
    EXPECT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::OpenCase(tx, ctx(), finance_, in); }));
}

TEST_F(CollectionsDbTest, AnApprovedWriteOffLowersTheExposureAndCountsAsBadDebt) {
    auto inv = Invoice(customer_, "2026-01-31", "1000.00");
    auto w = app::WriteTx(db(), [&](Tx& tx) {
        return app::RequestWriteOff(tx, ctx(), sales_, {inv.id, "400.00", "破产清算", std::nullopt});
    });
    ASSERT_TRUE(w) << w.error().message;
    auto beyond = app::WriteTx(db(), [&](Tx& tx) {
        return app::RequestWriteOff(tx, ctx(), sales_, {inv.id, "600.01", "再核销", std::nullopt});
    });
    ASSERT_FALSE(beyond);
    EXPECT_TRUE(beyond.error().fields.count("amount"));
    auto decide = [&](const domain::Actor& who, const char* decision) {
        return app::WriteTx(db(), [&](Tx& tx) { return app::DecideWriteOff(tx, ctx(), who, w->id, decision, "ok"); });
    };
    EXPECT_EQ(decide(exec_, "approve").error().code, Errc::kForbidden);
    ASSERT_TRUE(decide(finance_, "approve"));
    EXPECT_EQ(decide(finance_, "approve").error().code, Errc::kForbidden);
    auto done = decide(exec_, "approve");
    ASSERT_TRUE(done) << done.error().message;
    EXPECT_EQ(done->status, "approved");
    EXPECT_EQ(decide(exec_, "approve").error().code, Errc::kConflict);
    auto account = app::ReadTx(db(), [&](Tx& tx) { return tx.Ledger().FindAccount(customer_); }).value();
    EXPECT_EQ(account->receivables_minor, 60000);
    EXPECT_EQ(app::ReadTx(db(), [&](Tx& tx) { return tx.Ledger().FindInvoice(inv.id); })->open_minor, 60000);
    auto reconciled = app::ReadTx(db(), [&](Tx& tx) { return app::ReconcileExposure(tx); });
    ASSERT_TRUE(reconciled);
    EXPECT_TRUE(reconciled->differences.empty());
    auto months =
        app::ReadTx(db(), [&](Tx& tx) { return tx.Collections().WrittenOffByMonth(D("2026-01-01"), D("2026-12-31")); });
    ASSERT_TRUE(months);
    ASSERT_EQ(months->size(), 1u);
    EXPECT_EQ((*months)[0].month, "2026-03");
    EXPECT_EQ((*months)[0].currency, "CNY");
    EXPECT_EQ((*months)[0].amount_minor, 40000);
    EXPECT_TRUE(app::ReadTx(db(), [&](Tx& tx) {
                    return tx.Collections().WrittenOffByMonth(D("2026-04-01"), D("2026-12-31"));
                })->empty());
}

}  // namespace
}  // namespace credo
