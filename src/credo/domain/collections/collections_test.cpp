#include "credo/domain/collections/collections.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

Date D(std::string_view s) { return ParseDate(s, "date").value(); }

TEST(Collections, ReminderOffsetsAreSortedOnce) {
    EXPECT_EQ(NormalizeReminderOffsets({30, -7, 0, 7, 30, 60, 0}), (std::vector<int>{-7, 0, 7, 30, 60}));
    EXPECT_TRUE(NormalizeReminderOffsets({}).empty());
}

TEST(Collections, ReminderDaysAreTheOffsetsFromTheDueDate) {
    const std::vector<int> offsets{-7, 0, 7, 30, 60};
    struct Case {
        const char* due;
        const char* day;
        std::optional<int> offset;
    };
    for (const Case& c : {Case{"2026-03-10", "2026-03-03", -7}, Case{"2026-03-10", "2026-03-04", std::nullopt},
                          Case{"2026-03-10", "2026-03-10", 0}, Case{"2026-03-10", "2026-03-17", 7},
                          Case{"2026-03-10", "2026-04-09", 30}, Case{"2026-03-10", "2026-05-09", 60},
                          Case{"2026-03-10", "2026-05-10", std::nullopt}, Case{"2026-02-28", "2026-03-07", 7},
                          Case{"2024-02-28", "2024-03-06", 7}}) {
        EXPECT_EQ(ReminderOffset(offsets, D(c.due), D(c.day)), c.offset) << c.due << " " << c.day;
    }
}

TEST(Collections, StagesMoveForwardFreelyAndBackOnlyWithAReason) {
    using S = CaseStage;
    struct Case {
        S from, to;
        const char* reason;
        const char* error_field;  // nullptr: allowed
    };
    for (const Case& c :
         {Case{S::kReminder, S::kWarning, "", nullptr}, Case{S::kReminder, S::kLegal, "", nullptr},
          Case{S::kWarning, S::kFormalDemand, "", nullptr}, Case{S::kFormalDemand, S::kLegal, "", nullptr},
          Case{S::kWarning, S::kReminder, "", "reason"}, Case{S::kLegal, S::kWarning, "  ", "reason"},
          Case{S::kLegal, S::kWarning, "settlement talks", nullptr}, Case{S::kWarning, S::kWarning, "x", "stage"}}) {
        auto s = CheckStageMove(c.from, c.to, c.reason);
        const std::string label =
            std::string(kCaseStageNames.Name(c.from)) + " -> " + std::string(kCaseStageNames.Name(c.to));
        if (!c.error_field) {
            EXPECT_TRUE(s) << label;
        } else {
            ASSERT_FALSE(s) << label;
            EXPECT_EQ(s.error().code, Errc::kInvalidArgument);
            EXPECT_TRUE(s.error().fields.count(c.error_field)) << label;
        }
    }
}

TEST(Collections, PromisesAreKeptBrokenOrPending) {
    using P = PromiseState;
    struct Case {
        std::int64_t amount, collected;
        const char* promised;
        const char* as_of;
        P state;
    };
    for (const Case& c : {Case{1000, 0, "2026-05-10", "2026-05-10", P::kPending},
                          Case{1000, 999, "2026-05-10", "2026-05-10", P::kPending},
                          Case{1000, 1000, "2026-05-10", "2026-05-01", P::kKept},
                          Case{1000, 1500, "2026-05-10", "2026-06-01", P::kKept},
                          Case{1000, 999, "2026-05-10", "2026-05-11", P::kBroken},
                          Case{1000, 0, "2026-05-10", "2026-09-01", P::kBroken}}) {
        EXPECT_EQ(PromiseStateOf(c.amount, D(c.promised), c.collected, D(c.as_of)), c.state)
            << c.amount << " " << c.collected << " " << c.as_of;
    }
}

TEST(Collections, WriteOffsGoThroughFinanceThenExecutive) {
    EXPECT_EQ(NextWriteOffStep(0), WriteOffStep::kFinance);
    EXPECT_EQ(NextWriteOffStep(1), WriteOffStep::kExecutive);
    EXPECT_EQ(NextWriteOffStep(2), std::nullopt);
    struct Case {
        WriteOffDecider d;
        bool ok;
    };
    for (const Case& c : {Case{{true, false, false}, true}, Case{{false, false, false}, false},
                          Case{{true, true, false}, false}, Case{{true, false, true}, false}}) {
        auto s = CheckWriteOffDecider(WriteOffStep::kExecutive, c.d);
        EXPECT_EQ(static_cast<bool>(s), c.ok);
        if (!s) {
            EXPECT_EQ(s.error().code, Errc::kForbidden);
        }
    }
}

}  // namespace
}  // namespace credo::domain
