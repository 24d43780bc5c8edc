// credo demo [--data DIR | --db URL]: loads the demo company (idempotent).
#include "credo/app/collections.hpp"
#include "credo/app/credit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/orders.hpp"
#include "credo/app/receivables.hpp"
#include "credo/app/reevaluation.hpp"
#include "credo/cli/common.hpp"
#include "credo/cli/demo_data.hpp"
#include "credo/domain/credit/evaluation.hpp"

namespace credo::cli {

namespace {
constexpr std::uint64_t kDemoSeed = 2014;  // the year of the case study's count of 220 customers

std::string Yuan(std::int64_t yuan) { return std::to_string(yuan) + ".00"; }

// Two years of one customer's trade, replayed in date order through the use cases, so that every order
// meets the credit check as it stood that day: payments first on a date, then orders, then invoices. A
// held order older than three weeks was released by finance; a recent one is still on hold.
Status LoadTrade(app::Tx& tx, const app::Context& ctx, CustomerId customer, const domain::Actor& author,
                 const domain::Actor& finance, const DemoCredit& credit, Date today) {
    app::CreditTerms terms;
    terms.currency = "CNY";
    terms.limit_minor = credit.limit_yuan * 100;
    terms.term_days = credit.term_days;
    terms.valid_from = AddMonths(today, -25);
    terms.valid_until = AddMonths(today, 11);
    terms.grade = "II";
    // Reports obtained over the last year, a few close to the end of their validity (DY-2).
    terms.report_date = AddDays(today, -static_cast<int>(100 + customer.value() * 53 % 261));
    CREDO_CHECK(app::GrantCredit(tx, ctx, domain::SystemActor(), customer, terms));
    struct Event {
        Date date;
        int kind;  // 0 payment, 1 order, 2 invoice
        std::size_t order;
        std::size_t payment;
    };
    std::vector<Event> events;
    for (std::size_t i = 0; i < credit.orders.size(); ++i) {
        const auto& o = credit.orders[i];
        events.push_back({o.date, 1, i, 0});
        if (o.invoice_date < today) events.push_back({o.invoice_date, 2, i, 0});
        for (std::size_t p = 0; p < o.payments.size(); ++p) events.push_back({o.payments[p].date, 0, i, p});
    }
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        return a.date != b.date ? a.date < b.date : a.kind < b.kind;
    });
    std::vector<std::int64_t> order_ids(credit.orders.size(), 0), invoice_ids(credit.orders.size(), 0);
    for (const auto& e : events) {
        const auto& o = credit.orders[e.order];
        if (e.kind == 1) {
            app::OrderInput in;
            in.customer = customer;
            in.order_date = o.date;
            for (const auto& l : o.lines)
                in.lines.push_back({l.product, l.model, std::to_string(l.quantity), Yuan(l.unit_price_yuan)});
            CREDO_TRY(auto placed, app::PlaceOrder(tx, ctx, author, in));
            order_ids[e.order] = placed.order.id;
            if (placed.order.status == "credit_hold") {
                if (o.date >= AddDays(today, -21)) {
                    order_ids[e.order] = 0;  // still on hold: not invoiced, not paid
                    continue;
                }
                CREDO_CHECK(app::ReleaseOrder(tx, ctx, finance, placed.order.id, "按月结协议放行, 总经理同意"));
            }
        } else if (e.kind == 2) {
            if (order_ids[e.order] == 0) continue;
            app::InvoiceInput in;
            in.order_id = order_ids[e.order];
            in.issue_date = o.invoice_date;
            in.due_date = AddDays(o.invoice_date, credit.term_days);
            CREDO_TRY(auto invoice, app::IssueInvoice(tx, ctx, finance, in));
            invoice_ids[e.order] = invoice.id;
        } else {
            if (invoice_ids[e.order] == 0) continue;
            const auto& pay = o.payments[e.payment];
            app::PaymentInput in;
            in.customer = customer;
            in.currency = "CNY";
            in.amount = Yuan(pay.yuan);
            in.day = pay.date;
            in.reference = "银行回单";
            in.allocations = std::vector<app::AllocationInput>{{invoice_ids[e.order], Yuan(pay.yuan)}};
            CREDO_CHECK(app::RecordPayment(tx, ctx, finance, in));
        }
    }
    return Ok();
}

// Collections (AR-4) on the late and bad payers: a case each for those with items past due, at stages that
// follow how bad the payer is, with a call or a letter, a visit, a promise to clear what is past due (the late
// payers', made three weeks ago, kept, broken or pending by what they paid; one such case closed as settled)
// and, for the first bad payers, a write-off: one approved and posted, one waiting for finance. Cases are
// opened by the owner (finance for the pool).
Status LoadCollections(app::Tx& tx, const app::Context& ctx, const std::vector<CustomerId>& customers,
                       const std::vector<domain::Actor>& openers, const std::vector<std::string>& behaviours,
                       const domain::Actor& finance, const domain::Actor& executive, Date today) {
    int late = 0, bad = 0;
    for (std::size_t i = 0; i < customers.size(); ++i) {
        const bool is_bad = behaviours[i] == "bad";
        if (!is_bad && behaviours[i] != "late") continue;
        CREDO_TRY(auto open, tx.Ledger().OpenInvoices(customers[i]));
        const Date opened_on = AddDays(today, -40);
        auto overdue =
            std::find_if(open.begin(), open.end(), [&](const app::InvoiceRecord& r) { return r.due_date < opened_on; });
        if (overdue == open.end()) continue;
        const int n = is_bad ? bad++ : late++;
        const domain::Actor& who = openers[i];
        app::CaseInput in;
        in.customer = customers[i];
        in.opened_on = opened_on;
        in.note = is_bad ? "长期欠款, 多次催收无果" : "逾期未付, 按公司规定立案催收";
        CREDO_TRY(auto k, app::OpenCase(tx, ctx, who, in));
        CREDO_CHECK(
            app::AddCaseAction(tx, ctx, who, k.id, {"call", AddDays(opened_on, 1), "电话联系财务, 对方称资金紧张"}));
        if (is_bad) {
            CREDO_CHECK(app::MoveCaseStage(tx, ctx, who, k.id, "warning", "", AddDays(opened_on, 7)));
            CREDO_CHECK(
                app::AddCaseAction(tx, ctx, who, k.id, {"letter", AddDays(opened_on, 8), "寄发催款函 (挂号信)"}));
            CREDO_CHECK(app::MoveCaseStage(tx, ctx, who, k.id, "formal_demand", "", AddDays(opened_on, 21)));
            if (n % 2 == 1) CREDO_CHECK(app::MoveCaseStage(tx, ctx, who, k.id, "legal", "", AddDays(opened_on, 35)));
            if (n < 2 && who.id != finance.id) {
                app::WriteOffInput w;
                w.invoice_id = overdue->id;
                w.amount = Money(overdue->open_minor / 2, Currency::FromCode(overdue->currency).value()).ToString();
                w.reason = "客户停产, 经评估部分款项无法收回";
                w.case_id = k.id;
                CREDO_TRY(auto requested, app::RequestWriteOff(tx, ctx, who, w));
                if (n == 0) {
                    CREDO_CHECK(app::DecideWriteOff(tx, ctx, finance, requested.id, "approve", "已核实客户停产"));
                    CREDO_CHECK(app::DecideWriteOff(tx, ctx, executive, requested.id, "approve", "同意核销"));
                }
            }
        } else {
            if (n % 2 == 1) {
                CREDO_CHECK(app::MoveCaseStage(tx, ctx, who, k.id, "warning", "", AddDays(opened_on, 10)));
                CREDO_CHECK(app::AddCaseAction(tx, ctx, who, k.id,
                                               {"visit", AddDays(opened_on, 12), "上门拜访, 客户承诺分期付款"}));
            }
            // A promise to clear everything past due: made three weeks ago for some days later.
            std::int64_t past_due = 0;
            for (const auto& r : open)
                if (r.due_date < opened_on && r.currency == overdue->currency) past_due += r.open_minor;
            app::PromiseInput p;
            p.amount = Money(past_due, Currency::FromCode(overdue->currency).value()).ToString();
            p.made_on = AddDays(today, -21);
            p.promised_date = AddDays(today, -18 + (n % 3) * 14);
            p.note = "客户承诺按期付款";
            CREDO_CHECK(app::AddPromise(tx, ctx, who, k.id, p));
            if (n == 3)
                CREDO_CHECK(app::CloseCase(tx, ctx, who, k.id, "settled", "签订分期付款协议", AddDays(today, -2)));
        }
    }
    // The reminders of the last two weeks, as the daily job sent them (today's is the scheduler's).
    for (int d = 14; d >= 1; --d) CREDO_CHECK(app::SendReminders(tx, ctx, AddDays(today, -d)));
    return Ok();
}

}  // namespace

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
    std::vector<std::pair<CustomerId, domain::Actor>> files;  // each customer's id and who entered it
    CREDO_CHECK(db.Write([&](app::Tx& tx) -> Status {
        created = 0;
        files.clear();
        for (const auto& c : company.customers) {
            CREDO_TRY(auto draft, app::CustomerDraftFromJson(c.body));
            // The file is entered by its owner, or by the regional manager for the pool.
            domain::Actor author = system;
            if (auto it = staff.find(c.owner_username); it != staff.end()) {
                draft.customer.owner = it->second.id;
                author = it->second;
            }
            CREDO_TRY(auto saved, app::CreateCustomer(tx, ctx, author, draft.customer, std::string("demo data")));
            files.emplace_back(saved.customer.id, author);
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
    // The trade of the last two years, each customer in a transaction of its own.
    const Date today = DateOf(ctx.clock.Now());
    const domain::Actor finance = staff.count("finance") ? staff.at("finance") : system;
    for (std::size_t i = 0; i < company.customers.size(); ++i) {
        const auto& c = company.customers[i];
        const auto& [id, author] = files[i];
        if (c.credit)
            CREDO_CHECK(
                db.Write([&](app::Tx& tx) { return LoadTrade(tx, ctx, id, author, finance, *c.credit, today); }));
        if (c.evaluation) {
            app::EvaluationInput e;
            e.customer = id;
            int k = 0;
            for (const auto& [_, name] : domain::kEvaluationFactorNames.entries)
                e.factors[std::string(name)] = std::clamp(*c.evaluation + (k++ % 3) - 1, 0, 10);
            e.day = AddDays(today, -30);
            e.comments = "首次授信评估";
            CREDO_CHECK(db.Write([&](app::Tx& tx) -> Status {
                // A file of the pool is evaluated by the credit controller.
                CREDO_CHECK(app::AddEvaluation(tx, ctx, author.id.valid() ? author : finance, e));
                return Ok();
            }));
        }
    }
    // The sales manager talked to one of the customers that stopped paying and found the reason sufficient
    // (AP-2): its downgrade is set aside while the justification runs.
    if (auto manager = staff.find("salesmgr"); manager != staff.end()) {
        for (std::size_t i = 0; i < company.customers.size(); ++i) {
            const auto& c = company.customers[i];
            if (!c.credit || c.credit->behaviour != "bad") continue;
            CREDO_CHECK(db.Write([&](app::Tx& tx) -> Status {
                CREDO_CHECK(app::RecordJustification(tx, ctx, manager->second, files[i].first,
                                                     "客户工程项目款年底集中到账，已与财务总监沟通，回款计划书面确认",
                                                     AddDays(today, 120)));
                return Ok();
            }));
            break;
        }
    }
    {
        std::vector<CustomerId> ids;
        std::vector<domain::Actor> openers;
        std::vector<std::string> behaviours;
        for (std::size_t i = 0; i < company.customers.size(); ++i) {
            const auto& c = company.customers[i];
            ids.push_back(files[i].first);
            openers.push_back(files[i].second.id.valid() ? files[i].second : finance);
            behaviours.push_back(c.credit ? c.credit->behaviour : std::string());
        }
        const domain::Actor executive = staff.count("exec") ? staff.at("exec") : system;
        CREDO_CHECK(db.Write([&](app::Tx& tx) {
            return LoadCollections(tx, ctx, ids, openers, behaviours, finance, executive, today);
        }));
    }
    // Grades, scores and proposals as of today, as the quarterly job would make them.
    CREDO_CHECK(db.Write([&](app::Tx& tx) -> Status {
        CREDO_TRY(auto report, app::Reevaluate(tx, ctx, today));
        static_cast<void>(report);
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
