// Contract tests of the audit log (SPEC SE-3), run against every backend (CREDO_TEST_DB): the chain
// links, entries commit and roll back with the change they record, tampering past the application is
// found and named, and concurrent appends never fork the chain.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "credo/app/audit.hpp"
#include "credo/app/audit_chain.hpp"
#include "credo/app/auth.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/customer_transfer.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Customer;
using domain::Role;

class AuditDbTest : public testing::DbFixture {
 protected:
    // Appends one entry by the system actor, in a transaction of its own.
    void Append(std::string_view action, std::string entity_id, boost::json::object details = {}) {
        Status s = db().Write([&](Tx& tx) {
            return app::RecordAudit(tx, ctx(), domain::SystemActor(), action, "customer", entity_id, details);
        });
        ASSERT_TRUE(s) << s.error().message;
    }

    app::AuditVerification Verify() {
        auto v = app::ReadTx(db(), [&](Tx& tx) { return app::VerifyAudit(tx, domain::SystemActor()); });
        EXPECT_TRUE(v) << v.error().message;
        return v ? *v : app::AuditVerification{};
    }

    app::AuditPage List(app::AuditFilter filter = {}, int offset = 0, int limit = 200) {
        auto page = app::ReadTx(db(), [&](Tx& tx) {
            return app::ListAudit(tx, domain::SystemActor(), app::AuditQuery{std::move(filter), offset, limit});
        });
        EXPECT_TRUE(page) << page.error().message;
        return page ? *page : app::AuditPage{};
    }

    std::vector<std::string> Actions(app::AuditFilter filter = {}) {
        std::vector<std::string> out;
        for (const auto& r : List(std::move(filter)).items) out.push_back(r.entry.action);
        return out;
    }

    // Tampering with the log past the application, as someone with the database's file or its owner's
    // password could: the append-only triggers are switched off (dropped on SQLite) first.
    void Tamper(const std::string& sql) {
        const std::string disable =
            OnPostgres() ? "ALTER TABLE audit_log DISABLE TRIGGER USER; "
                         : "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; ";
        const std::string enable = OnPostgres() ? " ALTER TABLE audit_log ENABLE TRIGGER USER;" : "";
        Status s = ExecRaw(disable + sql + ";" + enable);
        ASSERT_TRUE(s) << s.error().message;
    }
};

TEST_F(AuditDbTest, AnEmptyLogIsIntact) {
    const auto v = Verify();
    EXPECT_TRUE(v.intact);
    EXPECT_EQ(v.entries, 0);
    EXPECT_FALSE(v.broken_at);
    EXPECT_EQ(List().total, 0);
}

TEST_F(AuditDbTest, AppendsLinkEachEntryToTheOneBefore) {
    Append("customer.create", "1", {{"code", "C2026000001"}});
    clock().Advance(std::chrono::seconds(1));
    Append("customer.update", "1", {{"fields", boost::json::array{"fax"}}});
    Append("customer.update", "2");
    const auto page = List();
    ASSERT_EQ(page.total, 3);
    ASSERT_EQ(page.items.size(), 3u);
    // Newest first; ids 1, 2, 3; each prev_hash the hash before it; each hash recomputable.
    std::string prev(app::kAuditGenesisHash);
    for (int i = 2; i >= 0; --i) {
        const auto& r = page.items[static_cast<std::size_t>(i)];
        EXPECT_EQ(r.id, 3 - i);
        EXPECT_EQ(r.prev_hash, prev);
        EXPECT_EQ(r.hash, app::AuditHash(r));
        EXPECT_EQ(r.hash.size(), 64u);
        prev = r.hash;
    }
    const auto& first = page.items[2];
    EXPECT_EQ(first.entry.action, "customer.create");
    EXPECT_EQ(first.entry.entity, "customer");
    EXPECT_EQ(first.entry.entity_id, "1");
    EXPECT_FALSE(first.entry.actor);
    EXPECT_EQ(first.entry.actor_name, "system");
    EXPECT_EQ(first.entry.details, R"({"code":"C2026000001"})");
    EXPECT_EQ(first.entry.at, clock().Now() - std::chrono::seconds(1));
    const auto v = Verify();
    EXPECT_TRUE(v.intact);
    EXPECT_EQ(v.entries, 3);
}

TEST_F(AuditDbTest, ListFiltersAndPages) {
    const auto admin = MakeUser("admin.wu", {Role::kAdmin});  // user.create by the system: entry 1
    clock().Advance(std::chrono::hours(24));
    for (int i = 0; i < 5; ++i) Append("customer.update", std::to_string(i % 2 + 1));
    ASSERT_TRUE(db().Write([&](Tx& tx) {
        return app::RecordAudit(tx, ctx(), admin, app::audit_action::kCustomerExport, "customer", std::nullopt);
    }));
    EXPECT_EQ(List().total, 7);
    EXPECT_EQ(List({.action = "customer.update"}).total, 5);
    EXPECT_EQ(List({.entity = "customer", .entity_id = "2"}).total, 2);
    EXPECT_EQ(List({.entity = "user"}).total, 1);
    const auto by_admin = List({.actor = admin.id});
    ASSERT_EQ(by_admin.total, 1);
    EXPECT_EQ(by_admin.items[0].entry.action, "customer.export");
    EXPECT_EQ(by_admin.items[0].entry.actor_name, "admin.wu");
    EXPECT_FALSE(by_admin.items[0].entry.entity_id);
    // Dates: `from` inclusive, `to` exclusive.
    const Timestamp today = StartOfDay(DateOf(clock().Now()));
    EXPECT_EQ(List({.from = today}).total, 6);
    EXPECT_EQ(List({.to = today}).total, 1);
    EXPECT_EQ(List({.from = today, .to = today + std::chrono::hours(24)}).total, 6);
    // Pages: newest first, the total on every page, also past the last one.
    auto page = List({}, 2, 2);
    EXPECT_EQ(page.total, 7);
    ASSERT_EQ(page.items.size(), 2u);
    EXPECT_EQ(page.items[0].id, 5);
    EXPECT_EQ(page.items[1].id, 4);
    page = List({}, 10, 2);
    EXPECT_TRUE(page.items.empty());
    EXPECT_EQ(page.total, 7);
}

TEST_F(AuditDbTest, OnlyAdminsAndAuditorsMayReadTheLog) {
    const auto sales = MakeUser("li.na", {Role::kSales}, "east");
    const auto auditor = MakeUser("sun.li", {Role::kAuditor});
    const auto admin = MakeUser("admin.wu", {Role::kAdmin});
    for (const auto& actor : {sales, auditor, admin}) {
        auto v = app::ReadTx(db(), [&](Tx& tx) { return app::VerifyAudit(tx, actor); });
        auto l = app::ReadTx(db(), [&](Tx& tx) { return app::ListAudit(tx, actor, {}); });
        if (actor.username == "li.na") {
            ASSERT_FALSE(v);
            EXPECT_EQ(v.error().code, Errc::kForbidden);
            ASSERT_FALSE(l);
            EXPECT_EQ(l.error().code, Errc::kForbidden);
        } else {
            ASSERT_TRUE(v) << actor.username;
            EXPECT_TRUE(v->intact);
            ASSERT_TRUE(l) << actor.username;
            EXPECT_EQ(l->total, 3);
        }
    }
    auto bad = app::ReadTx(db(), [&](Tx& tx) { return app::ListAudit(tx, admin, app::AuditQuery{{}, 0, 500}); });
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().fields.contains("page_size"));
}

TEST_F(AuditDbTest, EveryCustomerChangeIsRecordedWithIt) {
    const auto sales = MakeUser("li.na", {Role::kSales}, "east");
    auto saved = app::WriteTx(db(), [&](Tx& tx) {
        return app::CreateCustomer(tx, ctx(), sales,
                                   Enterprise("淮安恒泰化工有限公司", "0517-8391 2266", "91320800MA1XXXX01"),
                                   std::string("new customer"));
    });
    ASSERT_TRUE(saved) << saved.error().message;
    const CustomerId id = saved->customer.id;
    app::CustomerEdit fax{[](Customer& c) {
                              c.attributes["fax"] = std::string("0517-8391 2267");
                              c.attributes["phone"] = std::string("0517-8391 2268");
                          },
                          std::string("new fax line")};
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::UpdateCustomer(tx, ctx(), sales, id, 1, fax); }));
    // An edit that changes nothing stores no version and records nothing.
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::UpdateCustomer(tx, ctx(), sales, id, 2, fax); }));
    app::ContactEdit add{[](domain::Contact& c) { c.name = "赵德明"; }, std::nullopt};
    auto v3 = app::WriteTx(db(), [&](Tx& tx) { return app::AddContact(tx, ctx(), sales, id, 2, add); });
    ASSERT_TRUE(v3);
    const ContactId contact = v3->contacts.at(0).id;
    app::ContactEdit retitle{[](domain::Contact& c) { c.title = "总经理"; }, std::nullopt};
    ASSERT_TRUE(
        app::WriteTx(db(), [&](Tx& tx) { return app::UpdateContact(tx, ctx(), sales, id, contact, 3, retitle); }));
    ASSERT_TRUE(app::WriteTx(
        db(), [&](Tx& tx) { return app::RemoveContact(tx, ctx(), sales, id, contact, 4, std::string("left")); }));
    domain::Activity visit;
    visit.type = domain::ActivityType::kVisit;
    visit.date = DateOf(clock().Now());
    visit.summary = "拜访";
    auto activity = app::WriteTx(db(), [&](Tx& tx) { return app::AddActivity(tx, ctx(), sales, id, visit); });
    ASSERT_TRUE(activity);

    const auto page = List({.entity = "customer", .entity_id = id.str()});
    std::vector<std::string> actions;
    for (const auto& r : page.items) actions.push_back(r.entry.action);
    EXPECT_EQ(actions, (std::vector<std::string>{"activity.add", "customer.contact_delete", "customer.contact_update",
                                                 "customer.contact_add", "customer.update", "customer.create"}));
    for (const auto& r : page.items) {
        EXPECT_EQ(r.entry.actor, sales.id);
        EXPECT_EQ(r.entry.actor_name, "li.na");
    }
    const auto details = [&](std::size_t i) { return boost::json::parse(page.items[i].entry.details).as_object(); };
    EXPECT_EQ(details(5).at("code").as_string(), saved->customer.code);
    EXPECT_EQ(details(5).at("reason"), "new customer");
    EXPECT_EQ(details(4).at("fields"), (boost::json::array{"phone", "fax"}));  // catalog order
    EXPECT_EQ(details(4).at("version"), 2);
    EXPECT_EQ(details(4).at("reason"), "new fax line");
    EXPECT_EQ(details(3).at("fields"), (boost::json::array{"contacts[" + contact.str() + "]"}));
    EXPECT_EQ(details(2).at("fields"), (boost::json::array{"contacts[" + contact.str() + "].title"}));
    EXPECT_EQ(details(1).at("version"), 5);
    EXPECT_EQ(details(0).at("activity_id"), activity->id.value());
    EXPECT_TRUE(Verify().intact);
}

TEST_F(AuditDbTest, AChangeThatRollsBackLeavesNoEntry) {
    const auto sales = MakeUser("li.na", {Role::kSales}, "east");
    const auto before = List().total;
    Status s = db().Write([&](Tx& tx) -> Status {
        CREDO_TRY(auto saved,
                  app::CreateCustomer(tx, ctx(), sales, Enterprise("回滚客户", "0517-8391 2266", "91320800MA1XXXX01"),
                                      std::nullopt));
        (void)saved;
        return MakeError(Errc::kConflict, "changed my mind");
    });
    ASSERT_FALSE(s);
    // A use case that fails validation writes nothing either.
    Customer invalid = Enterprise("无效客户", "0517-8391 2266", "91320800MA1XXXX01");
    invalid.region = "atlantis";
    ASSERT_FALSE(app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), sales, invalid, {}); }));
    EXPECT_EQ(List().total, before);
    EXPECT_TRUE(Actions({.action = "customer.create"}).empty());
    // The chain goes on from the last committed entry, without a gap.
    Append("customer.update", "9");
    const auto v = Verify();
    EXPECT_TRUE(v.intact) << v.reason.value_or("");
    EXPECT_EQ(v.entries, before + 1);
    EXPECT_EQ(List().items.at(0).id, before + 1);
}

TEST_F(AuditDbTest, LoginsFailedLoginsAndLogoutsAreRecorded) {
    MakeUser("wang.fang", {Role::kSales}, "east");
    auto wrong = app::Login(db(), ctx(), {"wang.fang", "not-the-password"});
    ASSERT_TRUE(wrong);
    ASSERT_TRUE(wrong->failure);
    auto unknown = app::Login(db(), ctx(), {"nobody", "whatever-1"});
    ASSERT_TRUE(unknown);
    ASSERT_TRUE(unknown->failure);
    auto ok = app::Login(db(), ctx(), {"wang.fang", "password-123"});
    ASSERT_TRUE(ok);
    ASSERT_FALSE(ok->failure);
    const auto actor = app::ActorOf(*ok->user);
    ASSERT_TRUE(db().Write([&](Tx& tx) { return app::Logout(tx, ctx(), actor, ok->token); }));

    const auto page = List({.entity = "user"});
    ASSERT_EQ(page.items.size(), 5u);
    EXPECT_EQ(page.items[4].entry.action, "user.create");
    const auto& failed = page.items[3].entry;
    EXPECT_EQ(failed.action, "auth.login_failed");
    EXPECT_FALSE(failed.actor);
    EXPECT_EQ(failed.actor_name, "anonymous");
    EXPECT_EQ(failed.entity_id, actor.id.str());
    EXPECT_EQ(failed.details, R"({"username":"wang.fang","reason":"wrong_password"})");
    EXPECT_EQ(failed.details.find("not-the-password"), std::string::npos);
    const auto& no_such_user = page.items[2].entry;
    EXPECT_EQ(no_such_user.action, "auth.login_failed");
    EXPECT_FALSE(no_such_user.entity_id);
    EXPECT_EQ(no_such_user.details, R"({"username":"nobody","reason":"unknown_username"})");
    EXPECT_EQ(page.items[1].entry.action, "auth.login");
    EXPECT_EQ(page.items[1].entry.actor, actor.id);
    EXPECT_EQ(page.items[0].entry.action, "auth.logout");
    EXPECT_EQ(page.items[0].entry.actor, actor.id);
    // The failed login's counter and its entry were committed together.
    auto user = app::ReadTx(db(), [&](Tx& tx) { return tx.Users().Find(actor.id); });
    ASSERT_TRUE(user);
    EXPECT_EQ(user->failed_logins, 0);  // reset by the successful login
    EXPECT_TRUE(Verify().intact);
}

TEST_F(AuditDbTest, ExportsAndImportsAreRecorded) {
    const auto admin = MakeUser("admin.wu", {Role::kAdmin});
    const std::string csv =
        "kind,name,region,phone\n"
        "individual,张三,east,13800001111\n"
        "individual,李四,atlantis,13800002222\n";
    auto report = app::ImportCustomersCsv(db(), ctx(), admin, csv, app::ImportMode::kValidRows, false);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->created, 1);
    auto dry = app::ImportCustomersCsv(db(), ctx(), admin, csv, app::ImportMode::kValidRows, true);
    ASSERT_TRUE(dry);
    app::CustomerFilter filter;
    filter.region = "east";
    auto file =
        app::ExportCustomersAudited(db(), ctx(), admin, filter, app::CustomerSort::kCodeAsc, app::ExportFormat::kCsv);
    ASSERT_TRUE(file) << file.error().message;
    EXPECT_EQ(file->rows, 1);

    const auto page = List({.actor = admin.id});
    ASSERT_EQ(page.items.size(), 3u);  // the export, the import (not the dry run), the file it created
    EXPECT_EQ(page.items[0].entry.action, "customer.export");
    EXPECT_EQ(page.items[0].entry.details, R"({"format":"csv","filters":{"region":"east"},"rows":1})");
    EXPECT_EQ(page.items[1].entry.action, "customer.import");
    EXPECT_EQ(page.items[1].entry.details, R"({"mode":"valid_rows","total":2,"created":1,"failed":1})");
    EXPECT_EQ(page.items[2].entry.action, "customer.create");
    EXPECT_EQ(page.items[2].entry.entity_id, report->rows[0].id->str());
    EXPECT_TRUE(Verify().intact);
}

TEST_F(AuditDbTest, TheLogRefusesUpdatesAndDeletes) {
    Append("customer.update", "1");
    Append("customer.update", "2");
    EXPECT_FALSE(ExecRaw("UPDATE audit_log SET details = '{}' WHERE id = 1"));
    EXPECT_FALSE(ExecRaw("DELETE FROM audit_log WHERE id = 2"));
    if (OnPostgres()) {
        EXPECT_FALSE(ExecRaw("TRUNCATE audit_log"));
    }
    EXPECT_EQ(List().total, 2);
    EXPECT_TRUE(Verify().intact);
}

TEST_F(AuditDbTest, AnAlteredEntryIsNamed) {
    for (int i = 1; i <= 5; ++i) Append("customer.update", std::to_string(i), {{"fields", boost::json::array{"fax"}}});
    Tamper(R"(UPDATE audit_log SET details = '{"fields":["phone"]}' WHERE id = 3)");
    const auto v = Verify();
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, 3);
    EXPECT_EQ(v.entries, 2);
    EXPECT_EQ(v.reason, "its contents do not match its hash (it was altered after it was written)");
}

TEST_F(AuditDbTest, AnAlteredEntryWithARecomputedHashBreaksTheNextLink) {
    for (int i = 1; i <= 4; ++i) Append("customer.update", std::to_string(i));
    auto rows = List().items;
    app::AuditRecord forged = rows.at(2);  // entry 2
    ASSERT_EQ(forged.id, 2);
    forged.entry.actor_name = "someone else";
    Tamper("UPDATE audit_log SET actor_name = 'someone else', hash = '" + app::AuditHash(forged) + "' WHERE id = 2");
    const auto v = Verify();
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, 3);
}

TEST_F(AuditDbTest, ARemovedEntryIsFound) {
    for (int i = 1; i <= 5; ++i) Append("customer.update", std::to_string(i));
    Tamper("DELETE FROM audit_log WHERE id = 3");
    auto v = Verify();
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, 4);
    EXPECT_EQ(v.reason, "entry 3 is missing before it (removed from the log)");

    // The last entries, cut off the end, are found by the head.
    Tamper("DELETE FROM audit_log WHERE id >= 3");
    v = Verify();
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, 3);
    EXPECT_EQ(v.reason, "entries 3 to 5 are missing at the end of the log (5 entries were written)");
}

TEST_F(AuditDbTest, VerifyWalksALongLogInChunks) {
    constexpr int kEntries = 4500;  // more than two of Verify's chunks
    ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
        for (int i = 0; i < kEntries; ++i)
            CREDO_CHECK(
                app::RecordAudit(tx, ctx(), domain::SystemActor(), "customer.update", "customer", std::to_string(i)));
        return Ok();
    }));
    auto v = Verify();
    EXPECT_TRUE(v.intact) << v.reason.value_or("");
    EXPECT_EQ(v.entries, kEntries);
    Tamper("UPDATE audit_log SET at = at + 1 WHERE id = 4321");
    v = Verify();
    EXPECT_EQ(v.broken_at, 4321);
}

// Appends from many threads at once (on PostgreSQL from several connections; on SQLite in group commits,
// a savepoint each) never link two entries to the same predecessor: the chain stays one line, with every
// committed entry in it and none of the ones rolled back.
TEST_F(AuditDbTest, ConcurrentAppendsKeepOneChain) {
    const auto sales = MakeUser("li.na", {Role::kSales}, "east");
    constexpr int kThreads = 8;
    constexpr int kEach = 25;
    std::atomic<int> failures{0};
    std::atomic<int> rolled_back{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                Status s = Ok();
                if (i % 7 == 3) {
                    // Appends, then fails: its entry must vanish with it, and the chain close over the gap.
                    s = db().Write([&](Tx& tx) -> Status {
                        CREDO_CHECK(app::RecordAudit(tx, ctx(), sales, "customer.update", "customer", "rolled back"));
                        return MakeError(Errc::kConflict, "rolled back on purpose");
                    });
                    if (!s && s.error().message == "rolled back on purpose") {
                        ++rolled_back;
                        continue;
                    }
                } else if (i % 5 == 0) {
                    // Some appends come with a customer file, as in real use.
                    const std::string n = std::to_string(t * 100 + i);
                    const Customer c = Enterprise("并发客户" + n, "0517-8391 " + n,
                                                  "91320800MA1C" + std::string(5 - n.size(), '0') + n);
                    s = db().Write([&](Tx& tx) -> Status {
                        CREDO_TRY(auto saved, app::CreateCustomer(tx, ctx(), sales, c, std::nullopt));
                        (void)saved;
                        return Ok();
                    });
                } else {
                    s = db().Write([&](Tx& tx) {
                        return app::RecordAudit(tx, ctx(), sales, "customer.update", "customer", std::to_string(t));
                    });
                }
                if (!s) ++failures;
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(rolled_back.load(), kThreads * 4);                     // i = 3, 10, 17, 24
    const int expected = 1 + kThreads * kEach - rolled_back.load();  // with the user's creation
    const auto v = Verify();
    EXPECT_TRUE(v.intact) << v.reason.value_or("");
    EXPECT_EQ(v.entries, expected);
    const auto page = List({}, 0, 200);
    EXPECT_EQ(page.total, expected);
    std::set<std::string> prev_hashes;
    for (const auto& r : page.items) {
        EXPECT_TRUE(prev_hashes.insert(r.prev_hash).second) << r.id;
        EXPECT_NE(r.entry.entity_id, "rolled back") << r.id;
    }
}

}  // namespace
}  // namespace credo
