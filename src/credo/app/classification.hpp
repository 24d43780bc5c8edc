// Classification and dynamic management (SPEC CL-1, CL-2, CL-3, CL-5, DY-2, DY-3, DY-4).
//
// Every read here is as of a date and within the reader's scope (domain::ReadScope): a customer counts
// from the earliest of its file's creation, its relationship start and its first invoice (files are often
// entered after the trade began); its purchases (invoices less credit notes, by the
// documents' dates) are read from the ledger up to that date and each currency's total is converted into
// the base currency once, at the company rate in force on that date (base/fx). The grouping attributes
// (region, owner, lifecycle, relationship start) and the grade on record (the credit account's, from the
// latest re-evaluation or approval) are the files' current ones. The rules themselves live in
// domain/classification.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/domain/classification/classification.hpp"

namespace credo::app {

// The classification.*, review.*, movers.* policies and credit.report_notice_days / report_validity_days.
struct ClassificationSettings {
    domain::ClassificationPolicy policy;
    int report_notice_days = 30;
    int report_validity_days = 365;
};
Result<ClassificationSettings> LoadClassificationSettings(Tx& tx, const Context& ctx);

// One file with its facts and classes as of a date.
struct ClassifiedCustomer {
    ClassifiedFileRecord file;
    domain::PurchaseFacts facts;
    domain::Classification classes;
    Date since{};  // the earliest of the file's creation, its relationship start and its first invoice
};
// Every file within the actor's scope as of `as_of`, by id. kInvalidArgument naming "as_of" when a
// currency has no rate on or before it.
Result<std::vector<ClassifiedCustomer>> ClassifyCustomers(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                                          Date as_of);

// The purchases every classification reads, stored for one date (V018) so that the reports of that date read
// one row per customer and currency instead of its invoices. StorePurchaseTotals rewrites them all as of
// `as_of` (the daily job "purchase_totals", run before the jobs that classify); KeepPurchaseTotals rewrites
// one customer's in the transaction of each invoice and credit note, so the stored rows always equal the
// ledger as of their date. ClassifyCustomers reads them when its date is theirs, the ledger otherwise.
Status StorePurchaseTotals(Tx& tx, Date as_of);
// CF-8: a customer filter's tier (today's, within the actor's scope) as the list of files that have it.
Status ResolveTierFilter(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerFilter& filter);
Status KeepPurchaseTotals(Tx& tx, CustomerId customer);

// GET /customers/{id}/classification. kNotFound outside the actor's scope.
struct ClassificationView {
    ClassifiedCustomer customer;
    domain::Movement movement = domain::Movement::kNone;
    std::optional<std::int64_t> growth_bp;
    std::optional<Date> last_review;
    Date next_review{};
    int review_months = 3;
    ClassificationSettings settings;
};
Result<ClassificationView> GetClassification(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                             CustomerId customer, Date as_of);

// CL-5: count and share per group; counts add up to `total`, shares (basis points) to 10000.
enum class DistributionBy { kTier, kGrade, kRegion, kOwner };
inline constexpr auto kDistributionByNames = domain::MakeEnumNames<DistributionBy>(
    std::pair{DistributionBy::kTier, "tier"}, std::pair{DistributionBy::kGrade, "grade"},
    std::pair{DistributionBy::kRegion, "region"}, std::pair{DistributionBy::kOwner, "owner"});
struct DistributionGroup {
    std::string key;    // "A", "II", "east", a user id; "" for no grade / no owner
    std::string label;  // the region's or owner's name; the key otherwise
    std::int64_t count = 0;
    std::int64_t share_bp = 0;
};
struct Distribution {
    Date as_of{};
    DistributionBy by = DistributionBy::kTier;
    std::int64_t total = 0;
    std::vector<DistributionGroup> groups;  // tiers A-D and grades I-IV always listed, in order
    std::optional<std::string> reason;      // why it is empty
};
Result<Distribution> DistributionReport(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of,
                                        DistributionBy by);
// The same over customers already classified as of `as_of` (ClassifyCustomers), for a report that shows
// several distributions of one classification (the dashboard, RP-1).
Result<Distribution> DistributionOf(Tx& tx, const std::vector<ClassifiedCustomer>& customers, Date as_of,
                                    DistributionBy by);

// DY-3: the files whose next review is due on or before `as_of` (lost files are left out), earliest first.
struct DueReview {
    ClassifiedFileRecord file;
    domain::Tier tier = domain::Tier::kD;
    std::optional<Date> last_review;
    Date due{};
    int cadence_months = 3;
    int days_overdue = 0;
};
Result<std::vector<DueReview>> DueReviews(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of);
// Records a review of the file on `day` (default today, not in the future) at its tier on that day;
// roles that may change the file, and finance. Audited as customer.review.
Result<ReviewRecord> MarkReviewed(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId customer,
                                  std::optional<Date> day, const std::string& notes);
Result<std::vector<ReviewRecord>> ListReviews(Tx& tx, const domain::Actor& actor, CustomerId customer);

// DY-2: each file's newest credit report (account report date, evaluation or rating) that expires within
// report_notice_days after `as_of` or has expired; a report's end is its rating's valid_until when it has
// one, else its date + report_validity_days. Expired first, then by expiry.
struct ReportExpiry {
    ClassifiedFileRecord file;
    std::string source;
    Date report_day{};
    Date expires{};
    bool expired = false;
    int days_left = 0;  // negative once expired
};
Result<std::vector<ReportExpiry>> ExpiringReports(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of);
// The daily job: an alert to the owner (or, without one, the region's regional managers) and to finance
// for every report in ExpiringReports, once per report (kind report_expiring / report_expired). Returns
// how many alerts were new.
Result<int> RemindExpiringReports(Tx& tx, const Context& ctx, Date as_of);

// POST /jobs/report-reminders: RemindExpiringReports for `as_of` unless it already ran for that date (the
// scheduler's claim, job "report_reminders"); nullopt when it had. Admins, finance and executives.
Result<std::optional<int>> RunReportRemindersOnce(Database& db, const Context& ctx, const domain::Actor& actor,
                                                  Date as_of, const std::string& server);

// DY-4: purchases per calendar year and payment behaviour per quarter (the last eight, oldest first).
struct QuarterTrend {
    std::string quarter;  // "2026-Q1"
    Date end{};
    std::int64_t due_minor = 0;  // in `currency` (the account's)
    std::int64_t collected_minor = 0;
    std::int64_t collected_bp = 0;
    std::int64_t on_time_bp = 0;
    int max_days_past_due = 0;
    int items = 0;
};
struct Trends {
    Date as_of{};
    std::string base_currency;
    std::vector<std::pair<int, std::int64_t>> years;  // year, purchases (base minor units)
    std::string currency;                             // the quarters'
    std::vector<QuarterTrend> quarters;
};
Result<Trends> GetTrends(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId customer, Date as_of);

// DY-4: the growing or lost files as of a date (domain::MovementOf), the growing ones by growth, the lost
// ones by their last purchase, newest first.
struct Mover {
    ClassifiedCustomer customer;
    std::optional<std::int64_t> growth_bp;
    std::string reason;  // growth_at_least, no_purchase_since, lifecycle_lost
};
Result<std::vector<Mover>> Movers(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of,
                                  domain::Movement kind);

}  // namespace credo::app
