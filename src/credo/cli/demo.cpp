// credo demo [--data DIR | --db URL]: loads the demo company (idempotent).
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
