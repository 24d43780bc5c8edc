#include "credo/app/audit_chain.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace credo::app {
namespace {

Timestamp Ms(std::int64_t ms) { return Timestamp(std::chrono::milliseconds(ms)); }

AuditRecord First() {
    AuditRecord r;
    r.id = 1;
    r.entry.at = Ms(1773565200000);
    r.entry.actor_name = "system";
    r.entry.action = "customer.create";
    r.entry.entity = "customer";
    r.entry.entity_id = "42";
    r.entry.details = R"({"code":"C2026000042"})";
    r.prev_hash = std::string(kAuditGenesisHash);
    r.hash = AuditHash(r);
    return r;
}

AuditRecord Second(const AuditRecord& first) {
    AuditRecord r;
    r.id = 2;
    r.entry.at = Ms(1773565200123);
    r.entry.actor = UserId(7);
    r.entry.actor_name = "李娜";
    r.entry.action = "auth.login_failed";
    r.entry.entity = "user";
    r.entry.details = R"({"username":"li.na\n=1:x"})";
    r.prev_hash = first.hash;
    r.hash = AuditHash(r);
    return r;
}

// A chain of n valid entries.
std::vector<AuditRecord> Chain(int n) {
    std::vector<AuditRecord> out;
    std::string prev(kAuditGenesisHash);
    for (int i = 1; i <= n; ++i) {
        AuditRecord r;
        r.id = i;
        r.entry.at = Ms(1773565200000 + i);
        r.entry.actor = UserId(3);
        r.entry.actor_name = "admin";
        r.entry.action = "customer.update";
        r.entry.entity = "customer";
        r.entry.entity_id = std::to_string(i);
        r.entry.details = R"({"fields":["fax"]})";
        r.prev_hash = prev;
        r.hash = AuditHash(r);
        prev = r.hash;
        out.push_back(r);
    }
    return out;
}

AuditVerification Check(const std::vector<AuditRecord>& rows, std::int64_t head_id, const std::string& head_hash) {
    AuditChainCheck check;
    for (const auto& r : rows)
        if (!check.Add(r)) break;
    check.Finish(head_id, head_hash);
    return check.result();
}

AuditVerification Check(const std::vector<AuditRecord>& rows) {
    return Check(rows, rows.empty() ? 0 : rows.back().id, rows.empty() ? std::string() : rows.back().hash);
}

TEST(Sha256Hex, KnownVectors) {
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(AuditCanonicalText, LengthPrefixedFieldsInOrder) {
    EXPECT_EQ(AuditCanonicalText(First()),
              "credo-audit-v1\n"
              "id=1:1\n"
              "at=13:1773565200000\n"
              "actor_id=~\n"
              "actor_name=6:system\n"
              "action=15:customer.create\n"
              "entity=8:customer\n"
              "entity_id=2:42\n"
              "details=22:{\"code\":\"C2026000042\"}\n"
              "prev_hash=64:0000000000000000000000000000000000000000000000000000000000000000\n");
}

TEST(AuditCanonicalText, LengthsAreInBytesAndNullDiffersFromEmpty) {
    const AuditRecord second = Second(First());
    const std::string text = AuditCanonicalText(second);
    EXPECT_NE(text.find("actor_id=1:7\n"), std::string::npos) << text;
    EXPECT_NE(text.find("actor_name=6:李娜\n"), std::string::npos) << text;  // two characters, six bytes
    EXPECT_NE(text.find("entity_id=~\n"), std::string::npos) << text;
    AuditRecord empty = second;
    empty.entry.entity_id = "";
    EXPECT_NE(AuditHash(empty), AuditHash(second));
    // A value that looks like the format's own syntax cannot pass for another field.
    AuditRecord shifted = second;
    shifted.entry.actor_name = "李娜\naction=17:auth.login_failed";
    shifted.entry.action = "";
    EXPECT_NE(AuditHash(shifted), AuditHash(second));
}

TEST(AuditHash, KnownVectors) {
    // Recomputed independently (Python's hashlib over the documented format).
    const AuditRecord first = First();
    EXPECT_EQ(first.hash, "1639736d935aa4cc1fbc3922a9a564ced25cf8fb0e2734ec21461fd2af3b61c0");
    EXPECT_EQ(Second(first).hash, "5343355edb4d6d3db809cfb446d37e7a6ce2c5e7d42cbe09812332071a4ada36");
}

TEST(AuditHash, CoversEveryFieldButTheHash) {
    const AuditRecord base = Second(First());
    const std::string h = AuditHash(base);
    std::vector<AuditRecord> variants(9, base);
    variants[0].id = 3;
    variants[1].entry.at += std::chrono::milliseconds(1);
    variants[2].entry.actor.reset();
    variants[3].entry.actor_name = "li.na";
    variants[4].entry.action = "auth.login";
    variants[5].entry.entity = "customer";
    variants[6].entry.entity_id = "7";
    variants[7].entry.details = R"({"username":"li.na"})";
    variants[8].prev_hash = std::string(kAuditGenesisHash);
    for (std::size_t i = 0; i < variants.size(); ++i) EXPECT_NE(AuditHash(variants[i]), h) << i;
    AuditRecord rehashed = base;
    rehashed.hash = "whatever";
    EXPECT_EQ(AuditHash(rehashed), h);
}

TEST(AuditChainCheck, EmptyAndValidChainsAreIntact) {
    auto v = Check({});
    EXPECT_TRUE(v.intact);
    EXPECT_EQ(v.entries, 0);
    EXPECT_FALSE(v.broken_at);
    v = Check(Chain(5));
    EXPECT_TRUE(v.intact);
    EXPECT_EQ(v.entries, 5);
    EXPECT_FALSE(v.broken_at);
    EXPECT_FALSE(v.reason);
}

TEST(AuditChainCheck, AlteredEntryIsNamed) {
    auto rows = Chain(5);
    rows[2].entry.details = R"({"fields":["phone"]})";
    const auto v = Check(rows);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, 3);
    EXPECT_EQ(v.entries, 2);
    EXPECT_NE(v.reason->find("altered"), std::string::npos) << *v.reason;
}

TEST(AuditChainCheck, AlteredEntryWithARecomputedHashBreaksTheNextLink) {
    auto rows = Chain(5);
    rows[2].entry.actor_name = "someone else";
    rows[2].hash = AuditHash(rows[2]);
    const auto v = Check(rows);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, 4);
    EXPECT_EQ(*v.reason, "its prev_hash is not the hash of entry 3 (that entry was altered or replaced)");
}

TEST(AuditChainCheck, RemovedEntriesAreFound) {
    auto rows = Chain(6);
    rows.erase(rows.begin() + 2);  // entry 3
    auto v = Check(rows);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, 4);
    EXPECT_EQ(*v.reason, "entry 3 is missing before it (removed from the log)");

    rows = Chain(6);
    rows.erase(rows.begin(), rows.begin() + 2);  // entries 1 and 2
    v = Check(rows);
    EXPECT_EQ(v.broken_at, 3);
    EXPECT_EQ(*v.reason, "entries 1 to 2 are missing before it (removed from the log)");
}

TEST(AuditChainCheck, RenumberedEntriesBreakTheLink) {
    auto rows = Chain(6);
    rows.erase(rows.begin() + 2);
    for (std::size_t i = 2; i < rows.size(); ++i) rows[i].id = static_cast<std::int64_t>(i) + 1;
    const auto v = Check(rows);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, 3);  // its id changed, so its contents no longer match its hash
}

TEST(AuditChainCheck, ACutShortLogIsFoundByItsHead) {
    const auto rows = Chain(6);
    const std::vector<AuditRecord> cut(rows.begin(), rows.begin() + 4);
    auto v = Check(cut, 6, rows.back().hash);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, 5);
    EXPECT_EQ(v.entries, 4);
    EXPECT_EQ(*v.reason, "entries 5 to 6 are missing at the end of the log (6 entries were written)");

    v = Check({}, 1, rows[0].hash);
    EXPECT_EQ(v.broken_at, 1);
    EXPECT_EQ(*v.reason, "entry 1 is missing at the end of the log (1 entry was written)");
}

TEST(AuditChainCheck, AReplacedLastEntryIsFoundByItsHead) {
    auto rows = Chain(3);
    const std::string recorded = rows.back().hash;
    rows.back().entry.details = "{}";
    rows.back().hash = AuditHash(rows.back());
    const auto v = Check(rows, 3, recorded);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.broken_at, 3);
}

TEST(AuditChainCheck, AForgedFirstLinkIsFound) {
    auto rows = Chain(2);
    rows[0].prev_hash = std::string(64, 'f');
    rows[0].hash = AuditHash(rows[0]);
    rows[1].prev_hash = rows[0].hash;
    rows[1].hash = AuditHash(rows[1]);
    const auto v = Check(rows);
    EXPECT_EQ(v.broken_at, 1);
    EXPECT_EQ(*v.reason, "its prev_hash is not the start of the chain (64 zeros)");
}

TEST(AuditChainCheck, StopsAtTheFirstBreak) {
    auto rows = Chain(5);
    rows[1].entry.details = "{}";
    rows[3].entry.details = "{}";
    AuditChainCheck check;
    EXPECT_TRUE(check.Add(rows[0]));
    EXPECT_FALSE(check.Add(rows[1]));
    EXPECT_FALSE(check.Add(rows[2]));
    check.Finish(5, rows[4].hash);
    EXPECT_EQ(check.result().broken_at, 2);
    EXPECT_EQ(check.result().entries, 1);
}

}  // namespace
}  // namespace credo::app
