#include "credo/domain/access/leak.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

struct Case {
    const char* name;
    AccessKind kind;
    std::int64_t count;
    std::int64_t baseline_sum;
    std::optional<LeakRule> expected;
};

TEST(LeakTest, MultipleOfTheBaselineAndAbsoluteThresholdsAtTheirBoundaries) {
    const LeakPolicy policy;  // multiple 5, min 50, absolute 1000 / 1000
    const Case cases[] = {
        // Baseline 20 a day (600 over 30 days): more than 100 is unusual, exactly 100 is not.
        {"exactly five times", AccessKind::kReads, 100, 600, std::nullopt},
        {"one above five times", AccessKind::kReads, 101, 600, LeakRule::kMultiple},
        // A new user: no baseline, but fewer than min_count reads are no alarm.
        {"quiet new user", AccessKind::kReads, 49, 0, std::nullopt},
        {"new user at min_count", AccessKind::kReads, 50, 0, LeakRule::kMultiple},
        {"new salesperson exports its 300 files", AccessKind::kExports, 300, 0, LeakRule::kMultiple},
        // A heavy reader whose usual is high is not flagged by the multiple, only by the absolute count.
        {"heavy usual reader", AccessKind::kReads, 999, 30 * 400, std::nullopt},
        {"absolute reads reached", AccessKind::kReads, 1000, 30 * 400, LeakRule::kAbsolute},
        {"absolute exports reached", AccessKind::kExports, 1000, 30 * 1000, LeakRule::kAbsolute},
        {"absolute wins over multiple", AccessKind::kExports, 5000, 0, LeakRule::kAbsolute},
        {"nothing", AccessKind::kReads, 0, 0, std::nullopt},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto finding = AssessAccess(c.kind, c.count, c.baseline_sum, policy);
        ASSERT_EQ(finding.has_value(), c.expected.has_value());
        if (finding) {
            EXPECT_EQ(finding->rule, *c.expected);
            EXPECT_EQ(finding->count, c.count);
            EXPECT_EQ(finding->baseline_sum, c.baseline_sum);
        }
    }
}

TEST(LeakTest, ThresholdsFollowThePolicy) {
    LeakPolicy policy;
    policy.multiple = 2;
    policy.min_count = 1;
    policy.absolute_reads = 10;
    auto f = AssessAccess(AccessKind::kReads, 7, 90, policy);  // baseline 3 a day: more than 6
    ASSERT_TRUE(f);
    EXPECT_EQ(f->rule, LeakRule::kMultiple);
    EXPECT_EQ(f->threshold, 6);
    EXPECT_FALSE(AssessAccess(AccessKind::kReads, 6, 90, policy));
    f = AssessAccess(AccessKind::kReads, 10, 3000, policy);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->rule, LeakRule::kAbsolute);
    EXPECT_EQ(f->threshold, 10);
}

}  // namespace
}  // namespace credo::domain
