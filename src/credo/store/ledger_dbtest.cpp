// The sales ledger and credit control on every backend (SPEC AR-1, LC-1…LC-7): the order-time check and
// its reservation, releases, amendments and copies, invoices and payments moving the exposure, and
// reconciliation — which must find no difference after any scenario.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "credo/app/alerts.hpp"
#include "credo/app/credit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/orders.hpp"
#include "credo/app/ownership.hpp"
#include "credo/app/receivables.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Role;

class LedgerDbTest : public testing::DbFixture {
 protected:
    void SetUp() override {
        DbFixture::SetUp();
        if (IsSkipped()) return;
        admin_ = MakeUser("boss", {Role::kAdmin});
        sales_ = MakeUser("zhang.wei", {Role::kSales}, "east");
        other_sales_ = MakeUser("li.na", {Role::kSales}, "east");
        finance_ = MakeUser("cfo", {Role::kFinance});
        commerce_ = MakeUser("commerce", {Role::kCommerce});
        today_ = DateOf(ctx().clock.Now());
        customer_ = Create("淮安恒信阀门有限公司", sales_.id);
    }

    CustomerId Create(std::string name, std::optional<UserId> owner) {
        auto c = Enterprise(std::move(name));
        c.owner = owner;
        auto saved =
            app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), admin_, c, std::nullopt); });
        EXPECT_TRUE(saved) << saved.error().message;
        return saved->customer.id;
    }

    // An approved limit of `limit` CNY, grade II (credit sales within the limit), a current report.
    void Grant(CustomerId customer, std::int64_t limit_minor, std::string grade = "II") {
        app::CreditTerms terms;
        terms.currency = "CNY";
        terms.limit_minor = limit_minor;
        terms.grade = grade;
        terms.report_date = today_;
        ASSERT_TRUE(
            db().Write([&](Tx& tx) { return app::GrantCredit(tx, ctx(), domain::SystemActor(), customer, terms); }));
    }

    app::OrderInput Order(CustomerId customer, std::string quantity, std::string price, std::string prepayment = "") {
        app::OrderInput in;
        in.customer = customer;
        in.prepayment = std::move(prepayment);
        in.lines.push_back({"闸阀", "Z41H-16C DN100", std::move(quantity), std::move(price)});
        return in;
    }

    Result<app::PlacedOrder> Place(const domain::Actor& who, const app::OrderInput& in) {
        return app::WriteTx(db(), [&](Tx& tx) { return app::PlaceOrder(tx, ctx(), who, in); });
    }

    app::CreditAccount Account(CustomerId customer) {
        return app::ReadTx(db(), [&](Tx& tx) { return tx.Ledger().FindAccount(customer); }).value().value();
    }

    void ExpectReconciled() {
        auto report = app::ReadTx(db(), [&](Tx& tx) { return app::ReconcileExposure(tx); });
        ASSERT_TRUE(report) << report.error().message;
        for (const auto& d : report->differences)
            ADD_FAILURE() << "customer " << d.customer.value() << ": receivables kept " << d.kept_receivables
                          << " ledger " << d.ledger_receivables << ", orders kept " << d.kept_orders << " ledger "
                          << d.ledger_orders;
    }

    domain::Actor admin_, sales_, other_sales_, finance_, commerce_;
    Date today_{};
    CustomerId customer_;
};

TEST_F(LedgerDbTest, AnOrderWithinTheLimitIsApprovedAndReservesItsCredit) {
    Grant(customer_, 10'000'000);                                    // 100,000.00
    auto placed = Place(sales_, Order(customer_, "40", "1500.00"));  // 60,000.00
    ASSERT_TRUE(placed) << placed.error().message;
    EXPECT_EQ(placed->order.status, "approved");
    EXPECT_TRUE(placed->order.reasons.empty());
    EXPECT_EQ(placed->order.amount_minor, 6'000'000);
    EXPECT_EQ(placed->order.number.substr(0, 2), "SO");
    EXPECT_EQ(placed->check->available_minor, 10'000'000);
    EXPECT_EQ(Account(customer_).orders_minor, 6'000'000);

    // Exactly the rest of the limit passes; one fen more is held with the reason, reserving nothing.
    auto exact = Place(sales_, Order(customer_, "1", "40000.00"));
    ASSERT_TRUE(exact);
    EXPECT_EQ(exact->order.status, "approved");
    auto over = Place(sales_, Order(customer_, "1", "0.01"));
    ASSERT_TRUE(over);
    EXPECT_EQ(over->order.status, "credit_hold");
    EXPECT_EQ(over->order.reasons, std::vector<std::string>{"over_limit"});
    EXPECT_EQ(over->order.reserved_minor, 0);
    EXPECT_EQ(Account(customer_).exposure_minor(), 10'000'000);
    ExpectReconciled();
}

TEST_F(LedgerDbTest, WithoutCreditOnlyAPrepaidOrderPasses) {
    auto unpaid = Place(sales_, Order(customer_, "2", "100.00"));
    ASSERT_TRUE(unpaid);
    EXPECT_EQ(unpaid->order.status, "credit_hold");
    EXPECT_NE(std::find(unpaid->order.reasons.begin(), unpaid->order.reasons.end(), "prepayment_required"),
              unpaid->order.reasons.end());
    auto prepaid = Place(sales_, Order(customer_, "2", "100.00", "200.00"));
    ASSERT_TRUE(prepaid);
    EXPECT_EQ(prepaid->order.status, "approved");
    EXPECT_EQ(prepaid->order.reserved_minor, 0);
    ExpectReconciled();
}

TEST_F(LedgerDbTest, BadOrdersNameTheFieldAndWriteNothing) {
    Grant(customer_, 10'000'000);
    struct Case {
        app::OrderInput in;
        std::string field;
    };
    const CustomerId elsewhere = Create("北京远方机械有限公司", other_sales_.id);
    std::vector<Case> cases = {
        {Order(customer_, "0", "10.00"), "lines[0].quantity"},
        {Order(customer_, "-2", "10.00"), "lines[0].quantity"},
        {Order(customer_, "1", "10.001"), "lines[0].unit_price"},
        {Order(customer_, "1", "-1.00"), "lines[0].unit_price"},
        {Order(customer_, "1", "10.00", "11.00"), "prepayment"},
        {Order(CustomerId(999999), "1", "10.00"), "customer_id"},
        {Order(elsewhere, "1", "10.00"), "customer_id"},  // another salesperson's customer: not known here
    };
    app::OrderInput empty;
    empty.customer = customer_;
    cases.push_back({empty, "lines"});
    app::OrderInput usd = Order(customer_, "1", "10.00");
    usd.currency = "USD";  // no rate entered
    cases.push_back({usd, "currency"});
    for (const auto& c : cases) {
        auto r = Place(sales_, c.in);
        ASSERT_FALSE(r) << c.field;
        EXPECT_EQ(r.error().code, Errc::kInvalidArgument) << c.field;
        EXPECT_TRUE(r.error().fields.contains(c.field)) << c.field << ": " << r.error().message;
    }
    auto page = app::ReadTx(db(), [&](Tx& tx) { return app::ListOrders(tx, admin_, {}); });
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->total, 0);
    EXPECT_EQ(Account(customer_).exposure_minor(), 0);
    // An auditor enters nothing.
    auto auditor = MakeUser("auditor", {Role::kAuditor});
    EXPECT_EQ(Place(auditor, Order(customer_, "1", "10.00")).error().code, Errc::kForbidden);
}

TEST_F(LedgerDbTest, AHoldIsLiftedOnlyByFinanceWithAWrittenReason) {
    Grant(customer_, 100'000);  // 1,000.00
    auto held = Place(sales_, Order(customer_, "1", "5000.00"));
    ASSERT_TRUE(held);
    ASSERT_EQ(held->order.status, "credit_hold");
    const auto id = held->order.id;
    auto release = [&](const domain::Actor& who, std::string reason) {
        return app::WriteTx(db(), [&](Tx& tx) { return app::ReleaseOrder(tx, ctx(), who, id, reason); });
    };
    EXPECT_EQ(release(sales_, "客户承诺下周付款").error().code, Errc::kForbidden);
    EXPECT_EQ(release(commerce_, "客户承诺下周付款").error().code, Errc::kForbidden);
    EXPECT_TRUE(release(finance_, "  ").error().fields.contains("reason"));
    auto released = release(finance_, "客户承诺下周付款, 总经理同意");
    ASSERT_TRUE(released) << released.error().message;
    EXPECT_EQ(released->status, "released");
    EXPECT_EQ(released->released_by, finance_.id);
    EXPECT_EQ(Account(customer_).orders_minor, 500'000);  // beyond the limit: the release is the override
    EXPECT_EQ(release(finance_, "again").error().code, Errc::kConflict);
    ExpectReconciled();
}

TEST_F(LedgerDbTest, AmendingUpwardOrCopyingRunsTheCheckAgain) {
    Grant(customer_, 1'000'000);                                    // 10,000.00
    auto placed = Place(sales_, Order(customer_, "5", "1000.00"));  // 5,000.00
    ASSERT_TRUE(placed);
    ASSERT_EQ(placed->order.status, "approved");
    const auto id = placed->order.id;
    // Upward beyond the limit: held, and its reservation freed.
    auto amended = app::WriteTx(
        db(), [&](Tx& tx) { return app::AmendOrder(tx, ctx(), sales_, id, 1, Order(customer_, "20", "1000.00")); });
    ASSERT_TRUE(amended) << amended.error().message;
    EXPECT_EQ(amended->order.status, "credit_hold");
    EXPECT_EQ(amended->order.reasons, std::vector<std::string>{"over_limit"});
    EXPECT_EQ(Account(customer_).orders_minor, 0);
    // A stale version is refused.
    EXPECT_EQ(
        app::WriteTx(
            db(), [&](Tx& tx) { return app::AmendOrder(tx, ctx(), sales_, id, 1, Order(customer_, "1", "1000.00")); })
            .error()
            .code,
        Errc::kConflict);
    // Back down: checked again (it was held), approved.
    auto down = app::WriteTx(
        db(), [&](Tx& tx) { return app::AmendOrder(tx, ctx(), sales_, id, 2, Order(customer_, "8", "1000.00")); });
    ASSERT_TRUE(down);
    EXPECT_EQ(down->order.status, "approved");
    EXPECT_EQ(Account(customer_).orders_minor, 800'000);
    // Several lines, amended and stored in order.
    auto lines = Order(customer_, "6", "1000.00");
    lines.lines.push_back({"球阀", "Q41F-16C DN50", "2.5", "400.00"});
    auto two = app::WriteTx(db(), [&](Tx& tx) { return app::AmendOrder(tx, ctx(), sales_, id, 3, lines); });
    ASSERT_TRUE(two) << two.error().message;
    EXPECT_EQ(two->order.amount_minor, 700'000);
    auto stored = app::ReadTx(db(), [&](Tx& tx) { return app::GetOrder(tx, sales_, id); });
    ASSERT_EQ(stored->lines.size(), 2u);
    EXPECT_EQ(stored->lines[1].product, "球阀");
    EXPECT_EQ(stored->lines[1].quantity_milli, 2500);
    EXPECT_EQ(stored->lines[1].amount_minor, 100'000);
    // A copy is a new order, checked: 7,000 + 7,000 > 10,000.
    auto copy = app::WriteTx(db(), [&](Tx& tx) { return app::CopyOrder(tx, ctx(), sales_, id); });
    ASSERT_TRUE(copy) << copy.error().message;
    EXPECT_EQ(copy->order.status, "credit_hold");
    EXPECT_EQ(copy->order.copied_from, id);
    EXPECT_EQ(copy->order.lines.size(), 2u);
    // Cancelling frees the credit.
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::CancelOrder(tx, ctx(), sales_, id, "客户取消"); }));
    EXPECT_EQ(Account(customer_).orders_minor, 0);
    ExpectReconciled();
}

TEST_F(LedgerDbTest, InvoicesAndPaymentsMoveTheExposure) {
    Grant(customer_, 10'000'000);
    auto placed = Place(sales_, Order(customer_, "10", "1000.00"));  // 10,000.00
    ASSERT_TRUE(placed);
    // Only finance keeps the ledger.
    app::InvoiceInput from_order;
    from_order.order_id = placed->order.id;
    EXPECT_EQ(app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), sales_, from_order); }).error().code,
              Errc::kForbidden);
    auto first = app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, from_order); });
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->due_date, AddDays(today_, 30));
    EXPECT_EQ(Account(customer_).receivables_minor, 1'000'000);
    EXPECT_EQ(Account(customer_).orders_minor, 0);
    // Invoiced once only.
    EXPECT_EQ(
        app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, from_order); }).error().code,
        Errc::kConflict);
    app::InvoiceInput entered;
    entered.customer = customer_;
    entered.currency = "CNY";
    entered.amount = "2000.00";
    entered.issue_date = AddDays(today_, -60);
    auto older = app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, entered); });
    ASSERT_TRUE(older);
    EXPECT_EQ(Account(customer_).receivables_minor, 1'200'000);

    // Allocated beyond an invoice's open amount: refused, nothing written.
    app::PaymentInput bad;
    bad.customer = customer_;
    bad.currency = "CNY";
    bad.amount = "3000.00";
    bad.allocations = std::vector<app::AllocationInput>{{older->id, "2500.00"}};
    auto refused = app::WriteTx(db(), [&](Tx& tx) { return app::RecordPayment(tx, ctx(), finance_, bad); });
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().fields.contains("allocations[0].amount"));
    EXPECT_EQ(Account(customer_).receivables_minor, 1'200'000);

    // Oldest due first: the older invoice is paid in full, the rest goes to the newer one.
    app::PaymentInput pay;
    pay.customer = customer_;
    pay.currency = "CNY";
    pay.amount = "3000.00";
    pay.reference = "银行回单 0042";
    auto paid = app::WriteTx(db(), [&](Tx& tx) { return app::RecordPayment(tx, ctx(), finance_, pay); });
    ASSERT_TRUE(paid) << paid.error().message;
    ASSERT_EQ(paid->allocations.size(), 2u);
    EXPECT_EQ(paid->allocations[0].invoice_id, older->id);
    EXPECT_EQ(paid->allocations[0].amount_minor, 200'000);
    EXPECT_EQ(paid->allocations[1].amount_minor, 100'000);
    EXPECT_EQ(Account(customer_).receivables_minor, 900'000);
    // More than is open stays on account.
    pay.amount = "10000.00";
    paid = app::WriteTx(db(), [&](Tx& tx) { return app::RecordPayment(tx, ctx(), finance_, pay); });
    ASSERT_TRUE(paid);
    EXPECT_EQ(paid->payment.unallocated_minor, 100'000);
    EXPECT_EQ(Account(customer_).receivables_minor, 0);
    ExpectReconciled();
}

TEST_F(LedgerDbTest, OverdueItemsHoldNewCreditOrders) {
    Grant(customer_, 10'000'000);
    app::InvoiceInput entered;
    entered.customer = customer_;
    entered.currency = "CNY";
    entered.amount = "100.00";
    entered.issue_date = AddDays(today_, -40);  // due 10 days ago
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, entered); }));
    auto held = Place(sales_, Order(customer_, "1", "10.00"));
    ASSERT_TRUE(held);
    EXPECT_EQ(held->order.reasons, std::vector<std::string>{"overdue_items"});
    auto view = app::ReadTx(db(), [&](Tx& tx) { return app::GetCredit(tx, ctx(), sales_, customer_, today_); });
    ASSERT_TRUE(view);
    EXPECT_EQ(view->oldest_overdue, AddDays(today_, -10));
    ExpectReconciled();
}

TEST_F(LedgerDbTest, ForeignCurrencyOrdersConvertAtTheOrderDatesRate) {
    Grant(customer_, 10'000'000);
    ASSERT_TRUE(db().Write([&](Tx& tx) {
        return tx.Ledger().SetFxRate("USD", AddDays(today_, -1), 712345678, std::nullopt, ctx().clock.Now());
    }));
    app::OrderInput usd = Order(customer_, "1", "100.00");
    usd.currency = "USD";
    auto placed = Place(sales_, usd);
    ASSERT_TRUE(placed) << placed.error().message;
    EXPECT_EQ(placed->order.rate_e8, 712345678);
    EXPECT_EQ(placed->order.reserved_minor, 71235);  // 712.345678 CNY → 712.35
    EXPECT_EQ(Account(customer_).orders_minor, 71235);
    app::InvoiceInput inv;
    inv.order_id = placed->order.id;
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, inv); }));
    EXPECT_EQ(Account(customer_).receivables_minor, 71235);
    app::PaymentInput pay;
    pay.customer = customer_;
    pay.currency = "USD";
    pay.amount = "33.33";
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::RecordPayment(tx, ctx(), finance_, pay); }));
    // 66.67 USD open at 7.12345678 = 474.92 CNY (474.9208…)
    EXPECT_EQ(Account(customer_).receivables_minor, 47492);
    ExpectReconciled();
}

TEST_F(LedgerDbTest, UtilizationAlertsFireOncePerUpwardCrossing) {
    Grant(customer_, 1'000'000);  // 10,000.00
    auto inbox = [&](const domain::Actor& who) {
        return app::ReadTx(db(), [&](Tx& tx) { return app::ListAlerts(tx, who, false, 50, 0); }).value();
    };
    ASSERT_TRUE(Place(sales_, Order(customer_, "1", "7999.99")));
    EXPECT_EQ(inbox(sales_).total, 0);
    auto crossing = Place(sales_, Order(customer_, "1", "0.01"));  // exactly 80 %
    ASSERT_TRUE(crossing);
    auto mine = inbox(sales_);
    ASSERT_EQ(mine.total, 1);
    EXPECT_EQ(mine.items[0].kind, "utilization");
    EXPECT_NE(mine.items[0].params.find(R"("level_bp":8000)"), std::string::npos);
    EXPECT_EQ(inbox(commerce_).total, 1);
    EXPECT_EQ(inbox(other_sales_).total, 0);
    auto more = Place(sales_, Order(customer_, "1", "100.00"));  // still above: no new alert
    ASSERT_TRUE(more);
    EXPECT_EQ(inbox(sales_).total, 1);
    // Back below 80 % re-arms the level; crossing it again alerts again.
    for (auto id : {crossing->order.id, more->order.id})
        ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::CancelOrder(tx, ctx(), sales_, id, "改单"); }));
    EXPECT_EQ(Account(customer_).disarmed_levels, std::vector<std::int64_t>{});
    ASSERT_TRUE(Place(sales_, Order(customer_, "1", "0.01")));
    EXPECT_EQ(inbox(sales_).total, 2);
    EXPECT_EQ(Account(customer_).disarmed_levels, std::vector<std::int64_t>{8000});
    // 90 % tells the sales manager as well.
    auto manager = MakeUser("sales.manager", {Role::kSalesManager});
    ASSERT_TRUE(Place(sales_, Order(customer_, "1", "1000.00")));
    EXPECT_EQ(inbox(manager).total, 1);
    EXPECT_EQ(inbox(sales_).total, 3);
    ExpectReconciled();
}

// LC-4: 64 clients at once against one customer whose limit allows exactly 10 of their orders.
TEST_F(LedgerDbTest, ConcurrentOrdersNeverPushExposureAboveTheLimit) {
    Grant(customer_, 10 * 100'000);  // ten orders of 1,000.00
    std::atomic<int> approved{0}, held{0}, failed{0};
    std::vector<std::thread> clients;
    for (int i = 0; i < 64; ++i)
        clients.emplace_back([&] {
            auto r = Place(sales_, Order(customer_, "1", "1000.00"));
            if (!r)
                ++failed;
            else if (r->order.status == "approved")
                ++approved;
            else
                ++held;
        });
    for (auto& t : clients) t.join();
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(approved.load(), 10);
    EXPECT_EQ(held.load(), 54);
    EXPECT_EQ(Account(customer_).exposure_minor(), 10 * 100'000);
    ExpectReconciled();
}

}  // namespace
}  // namespace credo

namespace credo {
namespace {

TEST_F(LedgerDbTest, TheCreditPoliciesAreTheAdminsToChange) {
    Grant(customer_, 10'000'000, "III");
    auto held = Place(sales_, Order(customer_, "1", "100.00"));
    ASSERT_TRUE(held);
    EXPECT_EQ(held->order.reasons, std::vector<std::string>{"prepayment_required"});
    auto set = [&](const domain::Actor& who, std::string key, std::int64_t value) {
        return app::WriteTx(db(), [&](Tx& tx) { return app::UpdatePolicy(tx, ctx(), who, key, value); });
    };
    EXPECT_EQ(set(finance_, "credit.policy_III", 1).error().code, Errc::kForbidden);
    EXPECT_TRUE(set(admin_, "credit.policy_III", 4).error().fields.contains("value"));
    ASSERT_TRUE(set(admin_, "credit.policy_III", 1));  // grade III may now buy on credit within its limit
    auto passes = Place(sales_, Order(customer_, "1", "100.00"));
    ASSERT_TRUE(passes);
    EXPECT_EQ(passes->order.status, "approved");
    // An overdue item within the tolerance no longer holds new orders.
    app::InvoiceInput entered;
    entered.customer = customer_;
    entered.currency = "CNY";
    entered.amount = "100.00";
    entered.issue_date = AddDays(today_, -40);  // due 10 days ago
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, entered); }));
    EXPECT_EQ(Place(sales_, Order(customer_, "1", "1.00"))->order.reasons, std::vector<std::string>{"overdue_items"});
    ASSERT_TRUE(set(admin_, "credit.overdue_tolerance_days", 15));
    EXPECT_EQ(Place(sales_, Order(customer_, "1", "1.00"))->order.status, "approved");
    // The alert levels must rise: a first level above the second is refused and nothing changes.
    auto refused = set(admin_, "credit.alert_first_bp", 9500);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().fields.contains("value"));
    auto policies = app::ReadTx(db(), [&](Tx& tx) { return app::ListPolicies(tx, admin_); }).value();
    for (const auto& p : policies)
        if (p.record.key == "credit.alert_first_bp") {
            EXPECT_EQ(p.record.value, "8000");
        }
    ExpectReconciled();
}

TEST_F(LedgerDbTest, UtilizationAlertRecipientsAreAPolicy) {
    Grant(customer_, 1'000'000);
    auto inbox = [&](const domain::Actor& who) {
        return app::ReadTx(db(), [&](Tx& tx) { return app::ListAlerts(tx, who, false, 50, 0); }).value().total;
    };
    auto set = [&](std::string key, std::int64_t value) {
        return app::WriteTx(db(), [&](Tx& tx) { return app::UpdatePolicy(tx, ctx(), admin_, key, value); });
    };
    EXPECT_TRUE(set("credit.alert_first_recipients", 0).error().fields.contains("value"));
    EXPECT_TRUE(set("credit.alert_first_recipients", 64).error().fields.contains("value"));
    ASSERT_TRUE(set("credit.alert_first_recipients", 16));  // finance only
    ASSERT_TRUE(Place(sales_, Order(customer_, "1", "8000.00")));
    EXPECT_EQ(inbox(finance_), 1);
    EXPECT_EQ(inbox(sales_), 0);
    EXPECT_EQ(inbox(commerce_), 0);
    ASSERT_TRUE(set("credit.alert_second_recipients", 1 + 32));  // the owner and the executives
    auto executive = MakeUser("ceo", {Role::kExecutive});
    auto manager = MakeUser("sales.manager", {Role::kSalesManager});
    ASSERT_TRUE(Place(sales_, Order(customer_, "1", "1000.00")));
    EXPECT_EQ(inbox(sales_), 1);
    EXPECT_EQ(inbox(executive), 1);
    EXPECT_EQ(inbox(manager), 0);
    EXPECT_EQ(inbox(finance_), 1);
    ExpectReconciled();
}

}  // namespace
}  // namespace credo
