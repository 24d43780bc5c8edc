// Contract tests of the customer-file storage ports, run against every backend (CREDO_TEST_DB).
// They go through the app/ use cases where the rule matters, and through the repositories directly
// where the storage contract itself is the subject (versions, conflicts, search, duplicates).
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "credo/app/customer_files.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Customer;
using domain::Role;

class CustomersDbTest : public testing::DbFixture {
 protected:
    void SetUp() override {
        DbFixture::SetUp();
        if (IsSkipped()) return;
        sales_ = MakeUser("li.na", {Role::kSales}, "east");
    }

    app::SavedCustomer Create(Customer c) {
        auto saved =
            app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), sales_, c, std::nullopt); });
        EXPECT_TRUE(saved) << saved.error().message;
        return *saved;
    }

    app::CustomerPage Search(app::CustomerFilter f, app::CustomerSort sort = app::CustomerSort::kCodeAsc) {
        auto page = app::ReadTx(db(), [&](Tx& tx) {
            return app::SearchCustomers(tx, ctx(), sales_, app::CustomerQuery{f, sort, 0, 50});
        });
        EXPECT_TRUE(page) << page.error().message;
        return *page;
    }

    domain::Actor sales_;
};

TEST_F(CustomersDbTest, CreateAssignsSequentialCodesAndStoresVersionOne) {
    auto a = Create(Enterprise("淮安恒泰化工有限公司"));
    auto b = Create(Enterprise("上海浦江制药股份有限公司", "021-5555 0101", "91310000MA1YYYY02"));
    EXPECT_EQ(a.customer.code, "C2026000001");
    EXPECT_EQ(b.customer.code, "C2026000002");
    EXPECT_EQ(a.customer.version, 1);
    auto found = app::ReadTx(db(), [&](Tx& tx) { return tx.Customers().Find(a.customer.id); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "淮安恒泰化工有限公司");
    EXPECT_EQ(found->attributes, a.customer.attributes);
    auto history = app::ReadTx(db(), [&](Tx& tx) { return tx.Customers().History(a.customer.id); });
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ((*history)[0].version, 1);
    EXPECT_EQ((*history)[0].actor, sales_.id);
}

TEST_F(CustomersDbTest, UnknownRegionAndInvalidFieldsWriteNothing) {
    Customer c = Enterprise("无效客户");
    c.region = "atlantis";
    c.attributes.erase("tax_id");
    auto saved = app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), sales_, c, std::nullopt); });
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().code, Errc::kInvalidArgument);
    EXPECT_TRUE(saved.error().fields.contains("region"));
    EXPECT_TRUE(saved.error().fields.contains("tax_id"));
    EXPECT_EQ(Search({}).total, 0);
    // The failed attempt did not consume a code.
    EXPECT_EQ(Create(Enterprise("有效客户")).customer.code, "C2026000001");
}

TEST_F(CustomersDbTest, UpdateWithStaleVersionConflictsAndKeepsTheFile) {
    auto saved = Create(Enterprise("淮安恒泰化工有限公司"));
    const CustomerId id = saved.customer.id;
    app::CustomerEdit rename{[](Customer& c) { c.name = "淮安恒泰新材料有限公司"; }, std::string("更名")};
    clock().Advance(std::chrono::hours(24));
    auto first = app::WriteTx(db(), [&](Tx& tx) { return app::UpdateCustomer(tx, ctx(), sales_, id, 1, rename); });
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->customer.version, 2);

    app::CustomerEdit other{[](Customer& c) { c.attributes["fax"] = std::string("0517-1234 5678"); }, std::nullopt};
    auto stale = app::WriteTx(db(), [&](Tx& tx) { return app::UpdateCustomer(tx, ctx(), sales_, id, 1, other); });
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, Errc::kConflict);
    EXPECT_EQ(stale.error().details.at("current_version"), "2");

    auto history = app::ReadTx(db(), [&](Tx& tx) { return tx.Customers().History(id); });
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 2u);
    EXPECT_EQ((*history)[0].version, 2);
    EXPECT_EQ((*history)[0].reason, "更名");
    ASSERT_EQ((*history)[0].changes.size(), 1u);
    EXPECT_EQ((*history)[0].changes[0].field, "name");
    EXPECT_EQ((*history)[0].changes[0].before, "淮安恒泰化工有限公司");
    EXPECT_EQ((*history)[0].changes[0].after, "淮安恒泰新材料有限公司");
}

TEST_F(CustomersDbTest, NoOpEditStoresNoVersion) {
    auto saved = Create(Enterprise("淮安恒泰化工有限公司"));
    app::CustomerEdit same{[](Customer& c) { c.name = "淮安恒泰化工有限公司"; }, std::nullopt};
    auto r =
        app::WriteTx(db(), [&](Tx& tx) { return app::UpdateCustomer(tx, ctx(), sales_, saved.customer.id, 1, same); });
    ASSERT_TRUE(r);
    EXPECT_EQ(r->customer.version, 1);
}

TEST_F(CustomersDbTest, AsOfReturnsTheVersionValidAtTheEndOfThatDay) {
    auto saved = Create(Enterprise("旧名称有限公司"));  // 2026-03-15
    const CustomerId id = saved.customer.id;
    clock().Advance(std::chrono::hours(24 * 10));  // 2026-03-25
    app::CustomerEdit rename{[](Customer& c) { c.name = "新名称有限公司"; }, std::nullopt};
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::UpdateCustomer(tx, ctx(), sales_, id, 1, rename); }));
    auto at = [&](const char* date) {
        return app::ReadTx(
            db(), [&](Tx& tx) { return app::GetCustomerAsOf(tx, sales_, id, ParseDate(date, "as_of").value()); });
    };
    EXPECT_FALSE(at("2026-03-14"));
    EXPECT_EQ(at("2026-03-14").error().code, Errc::kNotFound);
    EXPECT_EQ(at("2026-03-15")->name, "旧名称有限公司");
    EXPECT_EQ(at("2026-03-24")->name, "旧名称有限公司");
    EXPECT_EQ(at("2026-03-25")->name, "新名称有限公司");
    EXPECT_EQ(at("2026-03-25")->version, 2);
}

TEST_F(CustomersDbTest, SearchFindsTwoCharacterChineseSubstrings) {
    Create(Enterprise("江苏淮安恒泰化工有限公司", "0517-1111 1111", "91320800MA1XXXX11"));
    Create(Enterprise("山东胜利阀门设备有限公司", "0546-2222 2222", "91370500MA1XXXX22"));
    Create(Enterprise("温州阀门厂", "0577-3333 3333", "91330300MA1XXXX33"));
    app::CustomerFilter f;
    f.q = "阀门";
    auto page = Search(f, app::CustomerSort::kNameAsc);
    ASSERT_EQ(page.total, 2);
    std::set<std::string> names{page.items[0].name, page.items[1].name};
    EXPECT_TRUE(names.contains("温州阀门厂"));
    EXPECT_TRUE(names.contains("山东胜利阀门设备有限公司"));
    f.q = "化工有限";  // longer than two characters
    EXPECT_EQ(Search(f).total, 1);
    f.q = "化";  // one character falls back to a scan
    EXPECT_EQ(Search(f).total, 1);
    f.q = "C2026000002";
    EXPECT_EQ(Search(f).items.at(0).name, "山东胜利阀门设备有限公司");
    f.q = "05462222";  // phone digits
    EXPECT_EQ(Search(f).total, 1);
    f.q = "不存在";
    EXPECT_EQ(Search(f).total, 0);
}

TEST_F(CustomersDbTest, SearchMatchesContactNamesAndFollowsRenames) {
    Customer c = Enterprise("淮安恒泰化工有限公司");
    domain::Contact contact;
    contact.name = "赵德明";
    c.contacts.push_back(contact);
    auto saved = Create(c);
    app::CustomerFilter f;
    f.q = "德明";
    EXPECT_EQ(Search(f).total, 1);
    app::CustomerEdit rename{[](Customer& x) { x.name = "淮安恒泰新材料有限公司"; }, std::nullopt};
    ASSERT_TRUE(app::WriteTx(
        db(), [&](Tx& tx) { return app::UpdateCustomer(tx, ctx(), sales_, saved.customer.id, 1, rename); }));
    f.q = "化工";
    EXPECT_EQ(Search(f).total, 0);
    f.q = "新材";
    EXPECT_EQ(Search(f).total, 1);
}

TEST_F(CustomersDbTest, FiltersPagingAndSorting) {
    for (int i = 0; i < 7; ++i) {
        Customer c = Enterprise("客户" + std::to_string(i), "0517-8391 22" + std::to_string(10 + i),
                                "91320800MA1XXXX" + std::to_string(10 + i));
        if (i % 2) c.region = "north";
        Create(c);
    }
    app::CustomerFilter north;
    north.region = "north";
    EXPECT_EQ(Search(north).total, 3);
    auto page = app::ReadTx(db(), [&](Tx& tx) {
        return app::SearchCustomers(tx, ctx(), sales_, app::CustomerQuery{{}, app::CustomerSort::kCodeDesc, 5, 5});
    });
    ASSERT_TRUE(page);
    EXPECT_EQ(page->total, 7);
    ASSERT_EQ(page->items.size(), 2u);
    EXPECT_EQ(page->items[0].code, "C2026000002");
    EXPECT_EQ(page->items[1].code, "C2026000001");
    auto bad = app::ReadTx(db(), [&](Tx& tx) {
        return app::SearchCustomers(tx, ctx(), sales_, app::CustomerQuery{{}, app::CustomerSort::kCodeAsc, 0, 201});
    });
    EXPECT_FALSE(bad);
}

TEST_F(CustomersDbTest, DuplicatesAreNamedOnCreate) {
    Create(Enterprise("淮安恒泰化工有限公司", "0517-8391 2266", "91320800MA1XXXX01"));
    auto second = Create(Enterprise("淮安 恒泰化工有限公司", "0517 83912266", "91320800MA1ZZZZ09"));
    // Same phone digits; the names differ by a space, which normalization does not remove inside words.
    ASSERT_EQ(second.warnings.size(), 1u);
    EXPECT_EQ(second.warnings[0].field, "phone");
    EXPECT_EQ(second.warnings[0].code, "C2026000001");
    auto third = Create(Enterprise("淮安恒泰化工有限公司", "0517-0000 0000", "91320800MA1XXXX01"));
    std::set<std::string> fields;
    for (const auto& w : third.warnings) fields.insert(w.field);
    EXPECT_EQ(fields, (std::set<std::string>{"name", "tax_id"}));
}

TEST_F(CustomersDbTest, ContactsAreVersionedWithTheFile) {
    auto saved = Create(Enterprise("淮安恒泰化工有限公司"));
    const CustomerId id = saved.customer.id;
    app::ContactEdit add{[](domain::Contact& c) {
                             c.name = "赵德明";
                             c.title = "采购经理";
                         },
                         std::nullopt};
    auto v2 = app::WriteTx(db(), [&](Tx& tx) { return app::AddContact(tx, ctx(), sales_, id, 1, add); });
    ASSERT_TRUE(v2) << v2.error().message;
    ASSERT_EQ(v2->contacts.size(), 1u);
    EXPECT_TRUE(v2->contacts[0].primary);
    const ContactId contact = v2->contacts[0].id;
    EXPECT_TRUE(contact.valid());
    app::ContactEdit retitle{[](domain::Contact& c) { c.title = "总经理"; }, std::nullopt};
    auto v3 =
        app::WriteTx(db(), [&](Tx& tx) { return app::UpdateContact(tx, ctx(), sales_, id, contact, 2, retitle); });
    ASSERT_TRUE(v3);
    auto history = app::ReadTx(db(), [&](Tx& tx) { return tx.Customers().History(id); });
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 3u);
    EXPECT_EQ((*history)[0].changes.at(0).field, "contacts[" + contact.str() + "].title");
    auto v4 =
        app::WriteTx(db(), [&](Tx& tx) { return app::RemoveContact(tx, ctx(), sales_, id, contact, 3, std::nullopt); });
    ASSERT_TRUE(v4);
    EXPECT_TRUE(v4->contacts.empty());
    auto missing =
        app::WriteTx(db(), [&](Tx& tx) { return app::RemoveContact(tx, ctx(), sales_, id, contact, 4, std::nullopt); });
    EXPECT_EQ(missing.error().code, Errc::kNotFound);
}

TEST_F(CustomersDbTest, ActivitiesListNewestFirstAndRejectFutureDates) {
    auto saved = Create(Enterprise("淮安恒泰化工有限公司"));
    const CustomerId id = saved.customer.id;
    for (const char* date : {"2026-01-05", "2026-03-01", "2025-12-24"}) {
        domain::Activity a;
        a.type = domain::ActivityType::kVisit;
        a.date = ParseDate(date, "date").value();
        a.summary = std::string("拜访 ") + date;
        ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::AddActivity(tx, ctx(), sales_, id, a); }));
    }
    domain::Activity future;
    future.type = domain::ActivityType::kCall;
    future.date = ParseDate("2026-03-16", "date").value();
    future.summary = "明天";
    auto refused = app::WriteTx(db(), [&](Tx& tx) { return app::AddActivity(tx, ctx(), sales_, id, future); });
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().fields.contains("date"));
    auto list = app::ReadTx(db(), [&](Tx& tx) {
        return app::ListActivities(tx, sales_, id, ParseDate("2026-01-01", "from").value(), std::nullopt, std::nullopt);
    });
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ(FormatDate((*list)[0].date), "2026-03-01");
    EXPECT_EQ((*list)[0].author, sales_.id);
}

TEST_F(CustomersDbTest, AuditorMayNotWrite) {
    auto auditor = MakeUser("audit", {Role::kAuditor});
    auto saved = app::WriteTx(
        db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), auditor, Enterprise("审计不能建"), std::nullopt); });
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().code, Errc::kForbidden);
}

// SE-2: the scope is a condition of the queries themselves: pages, totals, exports' scans and single
// reads hold nothing outside it, on every backend.
TEST_F(CustomersDbTest, ScopesApplyInsideTheQueries) {
    auto other = MakeUser("zhang.wei", {Role::kSales}, "east");
    auto manager = MakeUser("rm.north", {Role::kRegionalManager}, "north");
    const auto own = Create(Enterprise("淮安自有阀门有限公司", "0517-1000 0001", "91320800MA1SCOPE1")).customer;
    Customer theirs = Enterprise("淮安他人阀门有限公司", "0517-1000 0002", "91320800MA1SCOPE2");
    auto saved =
        app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), other, theirs, std::nullopt); });
    ASSERT_TRUE(saved) << saved.error().message;
    Customer north = Enterprise("北京北方阀门有限公司", "010-1000 0003", "91110000MA1SCOPE3");
    north.region = "north";
    auto in_north =
        app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), manager, north, std::nullopt); });
    ASSERT_TRUE(in_north) << in_north.error().message;
    EXPECT_FALSE(in_north->customer.owner) << "a regional manager's new file goes to the regional pool";

    auto codes = [&](const domain::Scope& scope, std::optional<std::string> q = std::nullopt) {
        app::CustomerFilter f;
        f.q = q;
        f.scope = scope;
        std::set<std::string> out;
        std::int64_t total = -1;
        auto page = app::ReadTx(db(), [&](Tx& tx) -> Status {
            CREDO_TRY(auto p, tx.Customers().Search(app::CustomerQuery{f, app::CustomerSort::kCodeAsc, 0, 50}));
            for (const auto& s : p.items) out.insert(s.name);
            total = p.total;
            std::set<std::string> scanned;
            CREDO_CHECK(tx.Customers().Scan(f, app::CustomerSort::kCodeAsc, [&](const Customer& c) -> Status {
                scanned.insert(c.name);
                return Ok();
            }));
            EXPECT_EQ(scanned, out) << "the export's scan and the page disagree";
            return Ok();
        });
        EXPECT_TRUE(page) << page.error().message;
        EXPECT_EQ(total, static_cast<std::int64_t>(out.size()));
        return out;
    };
    using Names = std::set<std::string>;
    const Names all{"淮安自有阀门有限公司", "淮安他人阀门有限公司", "北京北方阀门有限公司"};
    EXPECT_EQ(codes(domain::Scope{.all = true}), all);
    EXPECT_EQ(codes(domain::Scope{.region = "east"}), (Names{"淮安自有阀门有限公司", "淮安他人阀门有限公司"}));
    EXPECT_EQ(codes(domain::Scope{.owner = sales_.id}), Names{"淮安自有阀门有限公司"});
    EXPECT_EQ(codes(domain::Scope{}), Names{});
    EXPECT_EQ(codes(domain::Scope{.owner = sales_.id}, "阀门"), Names{"淮安自有阀门有限公司"});
    EXPECT_EQ(codes(domain::Scope{.region = "north"}, "阀门"), Names{"北京北方阀门有限公司"});

    auto view = [&](const domain::Actor& actor, CustomerId id) {
        return app::ReadTx(db(), [&](Tx& tx) { return app::GetCustomerView(tx, actor, id); });
    };
    EXPECT_TRUE(view(sales_, own.id));
    EXPECT_EQ(view(sales_, saved->customer.id).error().code, Errc::kNotFound);
    EXPECT_EQ(view(manager, own.id).error().code, Errc::kNotFound);
    EXPECT_TRUE(view(manager, in_north->customer.id));
    // History, as-of and activities follow the same rule.
    auto history = app::ReadTx(db(), [&](Tx& tx) { return app::GetCustomerHistory(tx, sales_, saved->customer.id); });
    EXPECT_EQ(history.error().code, Errc::kNotFound);
}

// CF-1 under concurrency: 16 writers creating files at once get distinct codes and lose nothing.
TEST_F(CustomersDbTest, ConcurrentCreationKeepsCodesUniqueAndLosesNothing) {
    constexpr int kThreads = 16;
    constexpr int kEach = 20;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    std::mutex mutex;
    std::set<std::string> codes;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                const std::string n = std::to_string(t * 100 + i);
                Customer c =
                    Enterprise("并发客户" + n, "0517-8391 " + n, "91320800MA1C" + std::string(5 - n.size(), '0') + n);
                auto saved =
                    app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), sales_, c, std::nullopt); });
                if (!saved) {
                    ++failures;
                    continue;
                }
                std::lock_guard lock(mutex);
                codes.insert(saved->customer.code);
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(codes.size(), static_cast<std::size_t>(kThreads * kEach));
    EXPECT_EQ(Search({}).total, kThreads * kEach);
}

}  // namespace
}  // namespace credo
