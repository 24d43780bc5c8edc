// Storage ports: what use cases need from storage, in the domain's terms.
//
// Implemented by store/sqlite and store/postgres; the contract tests (store/*_dbtest.cpp) run the same
// expectations against each. Repositories never decide authorization and never choose HTTP statuses;
// they return kNotFound, kConflict, kAlreadyExists or kUnavailable and leave the meaning to app/.
// A repository is only valid inside the transaction (Tx) that handed it out.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "credo/base/clock.hpp"
#include "credo/base/date.hpp"
#include "credo/base/ids.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/access/role.hpp"
#include "credo/domain/access/scope.hpp"
#include "credo/domain/classification/classification.hpp"
#include "credo/domain/credit/grade.hpp"
#include "credo/domain/customer/activity.hpp"
#include "credo/domain/customer/customer.hpp"
#include "credo/domain/receivables/aging.hpp"

namespace credo::app {

// One entry of a file's history (DY-1).
struct VersionRecord {
    std::int64_t version = 0;
    Timestamp at{};
    UserId actor;
    std::string actor_name;
    std::optional<std::string> reason;
    std::vector<domain::FieldChange> changes;
};

struct CustomerFilter {
    std::optional<std::string> q;  // free text: code, name or contact substring, phone digits
    std::optional<std::string> region;
    std::optional<UserId> owner;
    bool unassigned = false;  // only the files without an owner (the regions' pools, OW-1)
    std::optional<domain::CustomerKind> kind;
    std::optional<domain::Lifecycle> lifecycle;
    std::optional<domain::Importance> importance;
    std::optional<domain::Nature> nature;
    std::optional<domain::CreditGrade> grade;  // the grade on the customer's credit account
    // The tier today (CL-1), a computed class: the use cases (ResolveTierFilter) turn it into `only`, the
    // store reads `only`.
    std::optional<domain::Tier> tier;
    std::optional<std::vector<CustomerId>> only;
    // The files the reader may see (SE-2): applied in the query, so pages, totals and exports hold
    // nothing outside it. Every use case sets it from its actor.
    domain::Scope scope{.all = true};
};

enum class CustomerSort {
    kCodeAsc,
    kCodeDesc,
    kNameAsc,
    kNameDesc,
    kCreatedAsc,
    kCreatedDesc,
    kUpdatedAsc,
    kUpdatedDesc
};

struct CustomerQuery {
    CustomerFilter filter;
    CustomerSort sort = CustomerSort::kUpdatedDesc;
    int offset = 0;
    int limit = 50;
};

struct CustomerSummary {
    CustomerId id;
    std::string code;
    domain::CustomerKind kind{};
    std::string name;
    std::string region;
    std::optional<UserId> owner;
    std::optional<std::string> owner_name;
    std::optional<std::string> phone;
    domain::Lifecycle lifecycle{};
    domain::Importance importance{};
    domain::Nature nature{};
    int completeness = 0;
    std::int64_t version = 0;
    Timestamp updated_at{};
};

struct CustomerPage {
    std::vector<CustomerSummary> items;
    std::int64_t total = 0;
};

struct DuplicateMatch {
    std::string field;  // "name", "tax_id" or "phone"
    CustomerId id;
    std::string code;
    std::string name;
};

// A file as shown: the file and its owner's display name (read together, in one lookup).
struct CustomerView {
    domain::Customer customer;
    std::optional<std::string> owner_name;
};

class CustomerRepository {
 public:
    virtual ~CustomerRepository() = default;
    // The current file; kNotFound when there is none.
    virtual Result<domain::Customer> Find(CustomerId id) = 0;
    // The current file with its owner's name, when it lies within `scope`; kNotFound otherwise.
    virtual Result<CustomerView> FindView(CustomerId id, const domain::Scope& scope) = 0;
    // Find, inside a write transaction, holding the file against concurrent writers until the end of the
    // transaction (a row lock on PostgreSQL; SQLite's single writer already serializes).
    virtual Result<domain::Customer> FindForUpdate(CustomerId id) = 0;
    // The file as it was at instant `at` (the last version written before it); kNotFound when the file
    // did not exist yet.
    virtual Result<domain::Customer> FindAsOf(CustomerId id, Timestamp at) = 0;
    // Every version, newest first. kNotFound for an unknown file.
    virtual Result<std::vector<VersionRecord>> History(CustomerId id) = 0;
    // Stores a new file as version 1 and returns its id. REQUIRES: code set and unused, version == 1.
    // A taken code is kAlreadyExists.
    virtual Result<CustomerId> Insert(const domain::Customer& customer, const VersionRecord& version) = 0;
    // Replaces the file by `customer` (whose version is expected_version + 1) and records `version`.
    // kConflict when the stored version is not expected_version; kNotFound for an unknown id.
    virtual Status Update(const domain::Customer& customer, std::int64_t expected_version,
                          const VersionRecord& version) = 0;
    virtual Result<CustomerPage> Search(const CustomerQuery& query) = 0;
    // Visits every file matching the filter, in `sort` order, without paging (exports).
    virtual Status Scan(const CustomerFilter& filter, CustomerSort sort,
                        const std::function<Status(const domain::Customer&)>& visit) = 0;
    // Files whose normalized name, tax id or phone digits equal the given ones (empty ones are ignored).
    virtual Result<std::vector<DuplicateMatch>> FindDuplicates(const std::string& normalized_name,
                                                               const std::string& tax_id,
                                                               const std::string& phone_digits,
                                                               std::optional<CustomerId> exclude) = 0;
};

class ActivityRepository {
 public:
    virtual ~ActivityRepository() = default;
    virtual Result<ActivityId> Insert(const domain::Activity& activity) = 0;
    // Newest first; bounds are inclusive.
    virtual Result<std::vector<domain::Activity>> List(CustomerId customer, std::optional<Date> from,
                                                       std::optional<Date> to,
                                                       std::optional<domain::ActivityType> type) = 0;
};

struct UserRecord {
    UserId id;
    std::string username;
    std::string display_name;
    std::string password_hash;  // Argon2id, libsodium's encoded form
    std::vector<domain::Role> roles;
    std::optional<std::string> region;
    std::optional<std::string> language;
    bool active = true;
    int failed_logins = 0;
    std::optional<Timestamp> locked_until;
    Timestamp created_at{};
    std::optional<std::string> email;  // where alerts are mailed (RP-5); none: not mailed
};

class UserRepository {
 public:
    virtual ~UserRepository() = default;
    virtual Result<UserRecord> Find(UserId id) = 0;
    virtual Result<UserRecord> FindByUsername(std::string_view username) = 0;
    virtual Result<std::vector<UserRecord>> List() = 0;
    // kAlreadyExists when the username is taken.
    virtual Result<UserId> Insert(const UserRecord& user) = 0;
    virtual Status SetLoginState(UserId id, int failed_logins, std::optional<Timestamp> locked_until) = 0;
    // The preferred UI language (nullopt: none, the browser's). kNotFound when there is no such user.
    virtual Status SetLanguage(UserId id, const std::optional<std::string>& language) = 0;
    // Stores the administrable part of `user` (display name, password hash, roles, region, language,
    // active) over the row of user.id; the login state and the creation time stay. kNotFound when there
    // is no such user.
    virtual Status Update(const UserRecord& user) = 0;
    // How many customer files name `id` as their owner.
    virtual Result<std::int64_t> CountOwnedCustomers(UserId id) = 0;
};

struct SessionRecord {
    std::string token_hash;  // hex SHA-256 of the bearer token; the token itself is never stored
    UserId user;
    Timestamp created_at{};
    Timestamp expires_at{};
};

class SessionRepository {
 public:
    virtual ~SessionRepository() = default;
    virtual Status Insert(const SessionRecord& session) = 0;
    virtual Result<SessionRecord> Find(std::string_view token_hash) = 0;
    virtual Status Delete(std::string_view token_hash) = 0;
    virtual Status DeleteExpired(Timestamp now) = 0;
    // Ends every session of `user` except the one whose hash is `keep_hash` (empty: keeps none).
    virtual Status DeleteForUser(UserId user, std::string_view keep_hash) = 0;
};

// An API token for integrations (SPEC SE-1): a named, long-lived bearer token of one user. As with
// sessions, only the token's SHA-256 is stored.
struct ApiTokenRecord {
    ApiTokenId id;
    std::string token_hash;
    UserId user;
    std::string name;
    Timestamp created_at{};
    Timestamp expires_at{};
};

class ApiTokenRepository {
 public:
    virtual ~ApiTokenRepository() = default;
    // Stores `token` (its id is ignored) and returns the new id.
    virtual Result<ApiTokenId> Insert(const ApiTokenRecord& token) = 0;
    // kNotFound when no token has this hash.
    virtual Result<ApiTokenRecord> FindByHash(std::string_view token_hash) = 0;
    // The tokens of `user`, oldest first.
    virtual Result<std::vector<ApiTokenRecord>> ListForUser(UserId user) = 0;
    // Removes token `id` of `user`; kNotFound when `user` has no such token.
    virtual Status Delete(ApiTokenId id, UserId user) = 0;
    virtual Status DeleteForUser(UserId user) = 0;
};

struct Region {
    std::string code;
    std::string name;
};

class RegionRepository {
 public:
    virtual ~RegionRepository() = default;
    virtual Result<std::vector<Region>> List() = 0;
    virtual Result<bool> Exists(std::string_view code) = 0;
};

// Gap-free counters that never go back, even across a rollback of a later transaction: the customer
// code sequence per prefix (CF-1) and contact ids.
class SequenceRepository {
 public:
    virtual ~SequenceRepository() = default;
    virtual Result<std::int64_t> Next(std::string_view key) = 0;
};

// The record of periodic job runs (jobs/scheduler.hpp).
class JobRunRepository {
 public:
    virtual ~JobRunRepository() = default;
    // Claims the run of `job` for `as_of`: true when this call made the claim, false when it was made
    // before (by this server or another). The claim commits or rolls back with the caller's transaction.
    virtual Result<bool> Claim(std::string_view job, Date as_of, std::string_view server, Timestamp at) = 0;
};

// The audit log (SPEC SE-3): one entry per change, login, logout, import and export, each linked to the
// one before it by a SHA-256 hash (app/audit_chain.hpp), so that an entry altered or removed afterwards
// — even by someone with direct access to the database — is found by Verify.
struct AuditEntry {
    Timestamp at{};
    std::optional<UserId> actor;  // nullopt: the system (command line, jobs) or an anonymous caller
    std::string actor_name;       // the actor's username, "system" or "anonymous"
    std::string action;           // "customer.update", "auth.login_failed", … (app/audit.hpp)
    std::string entity;           // what the action was on: "customer", "user"
    std::optional<std::string> entity_id;
    std::string details = "{}";  // a JSON object as text, hashed as stored; never a password
};

// An entry as stored: its place in the chain and the hashes that link it.
struct AuditRecord {
    std::int64_t id = 0;  // 1, 2, 3, … without gaps
    AuditEntry entry;
    std::string prev_hash;  // the hash of entry id - 1 (64 zeros for the first)
    std::string hash;       // AuditHash(*this)
};

struct AuditFilter {
    std::optional<UserId> actor;
    std::optional<std::string> action;
    std::optional<std::string> entity;
    std::optional<std::string> entity_id;
    std::optional<Timestamp> from;  // inclusive
    std::optional<Timestamp> to;    // exclusive
};

struct AuditQuery {
    AuditFilter filter;
    int offset = 0;
    int limit = 50;
};

struct AuditPage {
    std::vector<AuditRecord> items;  // newest first
    std::int64_t total = 0;
};

// The outcome of rechecking the chain. A broken chain is a value, not an error: errors are for storage.
struct AuditVerification {
    bool intact = true;
    std::int64_t entries = 0;               // entries checked
    std::optional<std::int64_t> broken_at;  // the first entry that does not verify (or is missing)
    std::optional<std::string> reason;
};

class AuditRepository {
 public:
    virtual ~AuditRepository() = default;
    // Stores `entry` as the next link of the chain — the next id, the hash of the entry before it, its
    // own hash — inside the caller's write transaction, and holds the end of the chain against every other
    // appending transaction until that one ends (a row lock on PostgreSQL; SQLite has one writer), so that
    // two transactions never link to the same entry. Returns the stored record.
    virtual Result<AuditRecord> Append(const AuditEntry& entry) = 0;
    // Walks the chain in id order, up to the end recorded by the last Append, and rechecks every entry
    // (app::AuditChainCheck).
    virtual Result<AuditVerification> Verify() = 0;
    // Matching entries, newest first, with their total.
    virtual Result<AuditPage> List(const AuditQuery& query) = 0;
};

// Central ownership (SPEC OW-1…OW-5): the queries on who owns which file, and handover records.
// Changing an owner is a new version of the file (CustomerRepository::Update), not a write here.
struct RegionFile {
    CustomerId id;
    std::string code;
    std::string name;
    std::optional<UserId> owner;
};

// An owned file and when it was last touched: its newest activity's date, or its last change.
struct NeglectCandidate {
    CustomerId id;
    UserId owner;
    std::optional<Date> last_activity;
    Timestamp updated_at{};
};

struct HandoverItem {
    CustomerId customer;
    std::string code;
    std::optional<UserId> to;  // nullopt: the region's pool
    // What was open at the handover, in the credit account's currency (none without an account).
    std::int64_t open_orders = 0;
    std::int64_t reserved_minor = 0;
    std::int64_t receivables_minor = 0;
    std::optional<std::string> currency;
};

struct HandoverRecord {
    std::int64_t id = 0;
    UserId from;
    std::optional<UserId> to;  // the default successor; nullopt: the pool
    std::optional<UserId> actor;
    std::string actor_name;
    Timestamp at{};
    std::string reason;
    std::vector<HandoverItem> items;  // by customer id
};

class OwnershipRepository {
 public:
    virtual ~OwnershipRepository() = default;
    // The files `owner` owns, by id.
    virtual Result<std::vector<CustomerId>> OwnedBy(UserId owner) = 0;
    // Every file of `region`, by id.
    virtual Result<std::vector<RegionFile>> RegionFiles(std::string_view region) = 0;
    // The owned files last touched before `date` (newest activity, or the last change without one), by id.
    virtual Result<std::vector<NeglectCandidate>> NeglectCandidates(Date date) = 0;
    // Stores the record with its items and returns its id (the record's id is ignored).
    virtual Result<std::int64_t> InsertHandover(const HandoverRecord& record) = 0;
    // kNotFound for an unknown id.
    virtual Result<HandoverRecord> FindHandover(std::int64_t id) = 0;
};

struct PolicyRecord {
    std::string key;
    std::string value;
    Timestamp updated_at{};
    std::optional<UserId> updated_by;
};

// The policies table: company-wide settings changed at run time (domain/ownership/policy.hpp).
class PolicyRepository {
 public:
    virtual ~PolicyRepository() = default;
    // Every stored policy, by key.
    virtual Result<std::vector<PolicyRecord>> List() = 0;
    // kNotFound for a key that is not stored.
    virtual Status Set(const PolicyRecord& policy) = 0;
};

// The alerts inbox (SPEC RP-5): one row per recipient. An alert is stored once per (user, kind, dedupe).
struct Alert {
    std::int64_t id = 0;
    UserId user;         // the recipient
    std::string kind;    // "pool_return", "leak_reads", "leak_exports", …
    std::string dedupe;  // what makes two alerts the same one for a recipient
    std::optional<CustomerId> customer;
    std::optional<UserId> subject;  // the user the alert is about (leak detection)
    Date day{};                     // the date the alert is about
    std::string params;             // a JSON object with the figures of the message
    Timestamp created_at{};
    std::optional<Timestamp> read_at;
    // As read (ignored by Insert): the file's code and name, the subject's username.
    std::string customer_code;
    std::string customer_name;
    std::string subject_username;
};

struct AlertQuery {
    UserId user;
    bool unread_only = false;
    int limit = 50;
    std::int64_t offset = 0;
};

struct AlertPage {
    std::vector<Alert> items;  // newest first
    std::int64_t total = 0;    // every alert of the user
    std::int64_t unread = 0;
};

class AlertRepository {
 public:
    virtual ~AlertRepository() = default;
    // Stores `alert` unless the recipient has one of the same kind and dedupe; true when stored.
    virtual Result<bool> Insert(const Alert& alert) = 0;
    virtual Result<AlertPage> List(const AlertQuery& query) = 0;
    // Marks the user's alert read (keeping an earlier read time); kNotFound when it is not the user's.
    virtual Status MarkRead(UserId user, std::int64_t id, Timestamp at) = 0;
    virtual Status MarkAllRead(UserId user, Timestamp at) = 0;
};

struct DailyAccess {
    std::int64_t reads = 0;    // customer files read
    std::int64_t exports = 0;  // customer rows exported
};

// Per user and day, the files read and rows exported (SPEC SE-4).
class AccessCountRepository {
 public:
    virtual ~AccessCountRepository() = default;
    // Adds to the user's counts of `day` and returns the day's new totals.
    virtual Result<DailyAccess> Add(UserId user, Date day, const DailyAccess& add) = 0;
    // The sums over the days from `from` up to, not including, `to`.
    virtual Result<DailyAccess> Sum(UserId user, Date from, Date to) = 0;
};

// The sales ledger and credit accounts (SPEC AR-1, LC-1…LC-7). Amounts are minor units; a document's
// `currency` is its own, the account's amounts are in the account's currency (the limit's).
struct CreditAccount {
    CustomerId customer;
    std::string currency;  // ISO 4217
    std::optional<std::int64_t> limit_minor;
    int term_days = 30;
    std::optional<Date> valid_from;
    std::optional<Date> valid_until;
    std::optional<std::string> grade;  // "I".."IV"
    std::optional<int> score;
    bool on_hold = false;
    std::optional<std::string> hold_reason;
    std::optional<Date> report_date;
    std::int64_t receivables_minor = 0;  // open receivables
    std::int64_t orders_minor = 0;       // reserved by accepted orders not yet invoiced
    Timestamp updated_at{};
    std::vector<std::int64_t> disarmed_levels;  // LC-5: the utilization levels (bp) fired, not re-armed
    std::int64_t exposure_minor() const { return receivables_minor + orders_minor; }
};

struct CreditExceptionRecord {
    std::int64_t id = 0;
    CustomerId customer;
    std::int64_t amount_minor = 0;
    Date start{};
    Date end{};
    std::string reason;
    std::optional<UserId> created_by;
    Timestamp created_at{};
};

struct OrderLine {
    std::string product;
    std::string model;
    std::int64_t quantity_milli = 0;  // thousandths of a unit
    std::int64_t unit_price_minor = 0;
    std::int64_t amount_minor = 0;
};

struct OrderRecord {
    std::int64_t id = 0;
    std::string number;
    CustomerId customer;
    Date order_date{};
    std::string currency;
    std::int64_t amount_minor = 0;
    std::int64_t prepayment_minor = 0;
    std::int64_t rate_e8 = 0;  // into the account's currency
    std::string status;        // approved, credit_hold, released, invoiced, cancelled
    std::vector<std::string> reasons;
    std::int64_t reserved_minor = 0;  // in the account's currency
    std::optional<std::int64_t> copied_from;
    std::optional<UserId> created_by;
    Timestamp created_at{};
    std::optional<UserId> released_by;
    std::optional<Timestamp> released_at;
    std::optional<std::string> release_reason;
    std::int64_t version = 1;
    std::vector<OrderLine> lines;
};

struct InvoiceRecord {
    std::int64_t id = 0;
    std::string number;
    CustomerId customer;
    std::optional<std::int64_t> order_id;
    Date issue_date{};
    Date due_date{};
    std::string currency;
    std::int64_t amount_minor = 0;
    std::int64_t open_minor = 0;
    std::int64_t rate_e8 = 0;  // into the account's currency
    std::optional<UserId> created_by;
    Timestamp created_at{};
};

struct PaymentRecord {
    std::int64_t id = 0;
    std::string number;
    std::string kind;  // payment, credit_note
    CustomerId customer;
    Date day{};
    std::string currency;
    std::int64_t amount_minor = 0;
    std::int64_t unallocated_minor = 0;
    std::string reference;
    std::optional<UserId> created_by;
    Timestamp created_at{};
};

struct AllocationRecord {
    std::int64_t payment_id = 0;
    std::int64_t invoice_id = 0;
    std::int64_t amount_minor = 0;
    Date day{};
};

struct OrderQuery {
    std::optional<CustomerId> customer;
    std::optional<std::string> status;
    domain::Scope scope{.all = true};  // the reader's: applied in the query
    int limit = 50;
    std::int64_t offset = 0;
};

struct OrderPage {
    std::vector<OrderRecord> items;  // newest first, without lines
    std::int64_t total = 0;
};

class LedgerRepository {
 public:
    virtual ~LedgerRepository() = default;
    // The account, held against every other transaction that locks it until this one ends (PostgreSQL:
    // SELECT … FOR UPDATE; SQLite has one writer). nullopt: the customer has none yet.
    virtual Result<std::optional<CreditAccount>> LockAccount(CustomerId customer) = 0;
    virtual Result<std::optional<CreditAccount>> FindAccount(CustomerId customer) = 0;
    // Opens an account without credit (no limit) unless the customer has one.
    virtual Status EnsureAccount(CustomerId customer, std::string_view currency, int term_days, Timestamp at) = 0;
    virtual Status SetDisarmedLevels(CustomerId customer, const std::vector<std::int64_t>& levels) = 0;
    // Stores the account's terms (not its exposure, which only AddExposure changes).
    virtual Status SaveAccount(const CreditAccount& account) = 0;
    virtual Status AddExposure(CustomerId customer, std::int64_t receivables_delta, std::int64_t orders_delta,
                               Timestamp at) = 0;
    // Every account, by customer.
    virtual Result<std::vector<CreditAccount>> Accounts() = 0;
    // The accounts of the customers within `scope` (applied in the query), each with its customer's code
    // and name, by customer. Current state: what the accounts hold now, not as of a past date.
    struct AccountOfCustomer {
        CreditAccount account;
        std::string code;
        std::string name;
    };
    virtual Result<std::vector<AccountOfCustomer>> AccountsWithin(const domain::Scope& scope) = 0;
    // For reconciliation: every invoice with something open (customer, currency, open, rate), by customer.
    virtual Status ScanOpenInvoices(const std::function<Status(const InvoiceRecord&)>& each) = 0;
    // For reconciliation: the credit reserved by accepted orders, per customer.
    virtual Result<std::vector<std::pair<CustomerId, std::int64_t>>> ReservedByCustomer() = 0;

    virtual Result<std::int64_t> InsertException(const CreditExceptionRecord& exception) = 0;
    // The exceptions of `customer` still running on or after `date`.
    virtual Result<std::vector<CreditExceptionRecord>> Exceptions(CustomerId customer, Date from) = 0;

    struct FxRateRecord {
        std::string currency;
        Date day{};
        std::int64_t rate_e8 = 0;
        Timestamp updated_at{};
        std::optional<UserId> updated_by;
    };
    // The rates entered, by currency then newest day first (at most 500); one currency when given.
    virtual Result<std::vector<FxRateRecord>> FxRates(std::optional<std::string> currency) = 0;
    // The latest rate of `currency` into the base currency on or before `date`.
    virtual Result<std::optional<std::int64_t>> FxRate(std::string_view currency, Date date) = 0;
    virtual Status SetFxRate(std::string_view currency, Date day, std::int64_t rate_e8, std::optional<UserId> by,
                             Timestamp at) = 0;

    // Stores the order with its lines; returns its id (number: the caller's).
    virtual Result<std::int64_t> InsertOrder(const OrderRecord& order) = 0;
    // kNotFound for an unknown id. With lines.
    virtual Result<OrderRecord> FindOrder(std::int64_t id) = 0;
    // Stores status, reasons, reserved, release fields, amounts and lines when `expected_version` is
    // current (kConflict otherwise); the version goes up by one.
    virtual Status UpdateOrder(const OrderRecord& order, std::int64_t expected_version) = 0;
    virtual Result<OrderPage> ListOrders(const OrderQuery& query) = 0;

    virtual Result<std::int64_t> InsertInvoice(const InvoiceRecord& invoice) = 0;
    virtual Result<InvoiceRecord> FindInvoice(std::int64_t id) = 0;
    virtual Status SetInvoiceOpen(std::int64_t id, std::int64_t open_minor) = 0;
    // The customer's invoices with something open, oldest due first (then by id).
    virtual Result<std::vector<InvoiceRecord>> OpenInvoices(CustomerId customer) = 0;
    // OW-3: per customer of `region` and currency, what it was invoiced after `after`.
    struct SalesTotal {
        CustomerId customer;
        std::string currency;
        std::int64_t amount_minor = 0;
    };
    virtual Result<std::vector<SalesTotal>> SalesSince(std::string_view region, Date after) = 0;
    // The customer's orders not yet invoiced or cancelled.
    virtual Result<std::int64_t> CountOpenOrders(CustomerId customer) = 0;
    // The due date of the customer's oldest open invoice due before `date`; nullopt: nothing overdue.
    virtual Result<std::optional<Date>> OldestOpenDue(CustomerId customer, Date date) = 0;

    // For re-evaluation (AP-2): every invoice issued on or before `as_of` with each settlement applied to
    // it (day, amount, kind: payment or credit_note), in the order they were entered (the table's own
    // order, read sequentially); `each` gets one invoice at a time with its settlements.
    struct Settled {
        Date day{};
        std::int64_t amount_minor = 0;
        std::string kind;
    };
    virtual Status ScanReceivables(
        Date as_of, const std::function<Status(const InvoiceRecord&, const std::vector<Settled>&)>& each) = 0;
    // The same for one customer.
    virtual Status ScanCustomerReceivables(
        CustomerId customer, Date as_of,
        const std::function<Status(const InvoiceRecord&, const std::vector<Settled>&)>& each) = 0;

    virtual Result<std::int64_t> InsertPayment(const PaymentRecord& payment) = 0;
    virtual Status InsertAllocation(const AllocationRecord& allocation) = 0;

    // --- Receivables reports (SPEC AR-2, AR-3) ---
    // Per customer, currency and aging bucket, the receivables open at the end of `as_of`: every invoice
    // issued on or before it, for its amount less the allocations dated on or before it, in the bucket its
    // due date falls in (`bounds`). Buckets with nothing open are left out; unordered.
    struct AgingTotal {
        CustomerId customer;
        std::string currency;
        domain::AgingBucket bucket = domain::AgingBucket::kNotDue;
        std::int64_t amount_minor = 0;
    };
    virtual Result<std::vector<AgingTotal>> AgingTotals(Date as_of, const domain::AgingBounds& bounds) = 0;
    // The customers a report may show: within `scope`, of `region` and owned by `owner` when given, by id.
    struct ReportCustomer {
        CustomerId id;
        std::string code;
        std::string name;
        std::string region;
        std::optional<UserId> owner;
        std::string owner_name;  // empty without an owner
    };
    virtual Result<std::vector<ReportCustomer>> ReportCustomers(const domain::Scope& scope,
                                                                const std::optional<std::string>& region,
                                                                std::optional<UserId> owner) = 0;
    // The orders placed from `from` to `to` (inclusive), each with the issue date of its invoice (none: not
    // invoiced), in no particular order.
    struct PlacedOrder {
        CustomerId customer;
        Date order_date{};
        std::string currency;
        std::int64_t amount_minor = 0;
        std::optional<Date> invoiced;
    };
    virtual Status ScanOrdersPlaced(Date from, Date to, const std::function<Status(const PlacedOrder&)>& each) = 0;
    // The issue date of the first invoice ever entered; nullopt: there is none.
    virtual Result<std::optional<Date>> FirstInvoiceDate() = 0;
};

// Credit applications and their approval trail (SPEC AP-1, AP-2).
struct CreditDecisionRecord {
    std::int64_t round = 1;
    std::string step;      // the role whose step it was
    std::string decision;  // approve, reject, return
    std::optional<UserId> actor;
    std::string actor_name;
    std::string comment;
    Timestamp at{};
};

struct CreditApplicationRecord {
    std::int64_t id = 0;
    CustomerId customer;
    std::optional<UserId> applicant;  // none: the system (a re-evaluation proposal)
    std::string applicant_name;
    std::string currency;
    std::int64_t requested_limit_minor = 0;
    int requested_term_days = 30;
    std::optional<std::string> requested_grade;
    std::optional<Date> report_date;  // the credit report behind the request
    std::string reason;
    std::string status;  // pending, approved, rejected, returned
    std::int64_t round = 1;
    std::string source;  // user, reevaluation
    std::vector<std::string> proposal;
    Timestamp created_at{};
    Timestamp updated_at{};
    std::int64_t version = 1;
    std::string customer_code;  // as read
    std::string customer_name;
    std::vector<CreditDecisionRecord> decisions;  // the whole trail, oldest first (Find only)
};

struct CreditApplicationQuery {
    std::optional<CustomerId> customer;
    std::optional<std::string> status;
    std::optional<std::string> source;  // user, reevaluation
    domain::Scope scope{.all = true};
    int limit = 50;
    std::int64_t offset = 0;
};

struct CreditApplicationPage {
    std::vector<CreditApplicationRecord> items;  // newest first, without decisions
    std::int64_t total = 0;
};

class CreditApplicationRepository {
 public:
    virtual ~CreditApplicationRepository() = default;
    virtual Result<std::int64_t> Insert(const CreditApplicationRecord& application) = 0;
    // With its decisions. kNotFound for an unknown id. ForUpdate holds the row until the transaction ends.
    virtual Result<CreditApplicationRecord> Find(std::int64_t id) = 0;
    virtual Result<CreditApplicationRecord> FindForUpdate(std::int64_t id) = 0;
    // Stores the requested terms, status and round when `expected_version` is current (kConflict else).
    virtual Status Update(const CreditApplicationRecord& application, std::int64_t expected_version) = 0;
    virtual Status InsertDecision(std::int64_t application_id, const CreditDecisionRecord& decision) = 0;
    virtual Result<CreditApplicationPage> List(const CreditApplicationQuery& query) = 0;
};

// Credit evaluations (SPEC CE-1).
struct EvaluationRecord {
    std::int64_t id = 0;
    CustomerId customer;
    std::string factors;  // JSON object: factor name -> 0..10
    int score = 0;
    std::optional<UserId> evaluator;
    std::string evaluator_name;
    Date day{};
    std::string comments;
    Timestamp created_at{};
};

// AP-2: a justification that sets aside the re-evaluation's downgrade from `day` to `valid_until` (inclusive).
struct JustificationRecord {
    std::int64_t id = 0;
    CustomerId customer;
    std::string reason;
    Date day{};
    Date valid_until{};
    std::optional<UserId> created_by;
    std::string created_by_name;  // read only
    Timestamp created_at{};
};

class EvaluationRepository {
 public:
    virtual ~EvaluationRepository() = default;
    virtual Result<std::int64_t> Insert(const EvaluationRecord& evaluation) = 0;
    // The customer's evaluations, newest first.
    virtual Result<std::vector<EvaluationRecord>> List(CustomerId customer) = 0;
    // Each customer's latest score on or before `as_of`, by customer.
    virtual Result<std::vector<std::pair<CustomerId, int>>> LatestScores(Date as_of) = 0;
    virtual Result<std::int64_t> InsertJustification(const JustificationRecord& justification) = 0;
    // The customer's justifications, newest first.
    virtual Result<std::vector<JustificationRecord>> Justifications(CustomerId customer) = 0;
    // The customers with a justification running on `day`, ascending.
    virtual Result<std::vector<CustomerId>> JustifiedOn(Date day) = 0;
};

// Third-party ratings (SPEC CE-6) and credit insurance (CE-7).
struct RatingRecord {
    std::int64_t id = 0;
    CustomerId customer;
    std::string agency;
    std::string rating;
    Date day{};
    std::optional<Date> valid_until;
    std::optional<UserId> created_by;
    Timestamp created_at{};
};

struct InsuranceRecord {
    std::int64_t id = 0;
    CustomerId customer;
    std::string insurer;
    std::string policy_number;
    std::string currency;
    std::int64_t covered_minor = 0;
    Date start{};
    Date end{};
    std::optional<UserId> created_by;
    Timestamp created_at{};
};

class ProtectionRepository {
 public:
    virtual ~ProtectionRepository() = default;
    virtual Result<std::int64_t> InsertRating(const RatingRecord& rating) = 0;
    virtual Result<std::vector<RatingRecord>> Ratings(CustomerId customer) = 0;  // newest first
    virtual Result<std::int64_t> InsertInsurance(const InsuranceRecord& insurance) = 0;
    virtual Result<std::vector<InsuranceRecord>> Insurance(CustomerId customer) = 0;  // latest start first
};

// Classification and dynamic management (SPEC CL-1…CL-5, DY-2…DY-4): the facts the rules of
// domain/classification read, in bulk, and the record of periodic reviews.
struct PurchaseTotalRecord {
    CustomerId customer;
    std::string currency;
    // Invoiced (or, for credit notes, credited) per twelve-month period before as_of, newest first:
    // (as_of - 12 months, as_of], (as_of - 24, as_of - 12], (as_of - 36, as_of - 24]. Positive amounts.
    std::int64_t periods[3] = {0, 0, 0};
    std::optional<Date> first;  // the first and last document on or before as_of
    std::optional<Date> last;
};

struct ClassifiedFileRecord {
    CustomerId customer;
    std::string code;
    std::string name;
    std::string region;
    std::optional<UserId> owner;
    std::string owner_name;  // empty without an owner
    std::string lifecycle;
    std::optional<Date> relationship_start;  // the file's attribute
    Timestamp created_at{};
};

struct ReviewRecord {
    std::int64_t id = 0;
    CustomerId customer;
    Date day{};
    std::string tier;
    std::string notes;
    std::optional<UserId> reviewer;
    std::string reviewer_name;
    Timestamp created_at{};
};

// One credit report of a customer (DY-2): the account's report date, an evaluation (internal survey)
// or a third-party rating, with its own end of validity when the source has one.
struct CreditReportRecord {
    CustomerId customer;
    std::string source;  // account, evaluation, rating
    Date day{};
    std::optional<Date> valid_until;
};

class ClassificationRepository {
 public:
    virtual ~ClassificationRepository() = default;
    // Per customer (all, or `customer`) and currency: invoices issued on or before `as_of`, by period.
    virtual Result<std::vector<PurchaseTotalRecord>> InvoicedTotals(Date as_of, std::optional<CustomerId> customer) = 0;
    // The same for credit notes (payments of kind credit_note, by their day).
    virtual Result<std::vector<PurchaseTotalRecord>> CreditedTotals(Date as_of, std::optional<CustomerId> customer) = 0;
    // The stored totals (the two above, kept in the database for one date so that the reports of that date
    // need not read every invoice): the date they are for, none before the first refresh.
    virtual Result<std::optional<Date>> StoredTotalsDate() = 0;
    // The same date, locked until the transaction ends: `exclusive` by whoever rewrites every row, shared by
    // whoever rewrites one customer's (so that the two never interleave).
    virtual Result<std::optional<Date>> LockStoredTotals(bool exclusive) = 0;
    // Rewrites the stored rows from the ledger as of `as_of`: every customer's, recording the date, or one's.
    virtual Status StoreTotals(Date as_of, std::optional<CustomerId> customer) = 0;
    // The stored rows of invoices (or of credit notes), by customer and currency.
    virtual Result<std::vector<PurchaseTotalRecord>> StoredTotals(bool credit_notes) = 0;
    // Per calendar year ("2026") and currency, one customer's invoices less credit notes up to `as_of`.
    struct YearTotal {
        int year = 0;
        std::string currency;
        std::int64_t amount_minor = 0;
    };
    virtual Result<std::vector<YearTotal>> YearTotals(CustomerId customer, Date as_of) = 0;
    // The files within `scope`, by id.
    virtual Result<std::vector<ClassifiedFileRecord>> Files(const domain::Scope& scope) = 0;
    virtual Result<std::int64_t> InsertReview(const ReviewRecord& review) = 0;
    // Newest first.
    virtual Result<std::vector<ReviewRecord>> Reviews(CustomerId customer) = 0;
    // Each customer's latest review day on or before `as_of`.
    virtual Result<std::vector<std::pair<CustomerId, Date>>> LastReviews(Date as_of) = 0;
    // Every credit report dated on or before `as_of`, by customer.
    virtual Result<std::vector<CreditReportRecord>> CreditReports(Date as_of) = 0;
};

// Reminders, collection cases, promises to pay and write-offs (SPEC AR-4, AR-1's write-off).
struct ReminderItem {
    std::int64_t invoice_id = 0;
    std::string number;
    Date due_date{};
    int offset = 0;  // days from the due date (negative: before it)
    std::int64_t open_minor = 0;
    std::string currency;
};

struct ReminderRecord {
    std::int64_t id = 0;
    CustomerId customer;
    Date day{};
    std::vector<ReminderItem> items;
    Timestamp created_at{};
};

// An invoice with what was open of it on a date (its amount less what was allocated to it up to then).
struct DueInvoice {
    std::int64_t id = 0;
    CustomerId customer;
    std::string number;
    Date due_date{};
    std::string currency;
    std::int64_t open_minor = 0;
};

struct CaseActionRecord {
    std::int64_t id = 0;
    std::string kind;  // call, visit, letter, email; stage (a move, with from_stage and to_stage)
    Date day{};
    std::string note;
    std::optional<std::string> from_stage;
    std::optional<std::string> to_stage;
    std::optional<UserId> actor;
    std::string actor_name;
    Timestamp created_at{};
};

struct PromiseRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string currency;
    std::int64_t amount_minor = 0;
    Date made_on{};
    Date promised_date{};
    std::string note;
    std::optional<UserId> created_by;
    Timestamp created_at{};
};

struct CollectionCaseRecord {
    std::int64_t id = 0;
    CustomerId customer;
    std::string stage;   // reminder, warning, formal_demand, legal
    std::string status;  // open, closed
    std::optional<std::string> outcome;
    std::string outcome_note;
    Date opened_on{};
    std::optional<Date> closed_on;
    std::optional<UserId> opened_by;
    std::string opened_by_name;
    std::string note;
    Timestamp created_at{};
    Timestamp updated_at{};
    std::int64_t version = 1;
    // As read: the customer's code, name and owner; with Find, the invoices, the timeline (oldest first)
    // and the promises (oldest first).
    std::string customer_code;
    std::string customer_name;
    std::optional<UserId> owner;
    std::vector<std::int64_t> invoices;
    std::vector<CaseActionRecord> actions;
    std::vector<PromiseRecord> promises;
};

struct CollectionCaseQuery {
    std::optional<CustomerId> customer;
    std::optional<std::string> status;
    std::optional<std::string> stage;
    std::optional<UserId> mine;  // the cases of this user's customers or opened by this user
    domain::Scope scope{.all = true};
    int limit = 50;
    std::int64_t offset = 0;
};

struct CollectionCasePage {
    std::vector<CollectionCaseRecord> items;  // newest first, without invoices, actions and promises
    std::int64_t total = 0;
};

struct WriteOffDecisionRecord {
    std::string step;      // finance, executive
    std::string decision;  // approve, reject
    std::optional<UserId> actor;
    std::string actor_name;
    std::string comment;
    Timestamp at{};
};

struct WriteOffRecord {
    std::int64_t id = 0;
    std::int64_t invoice_id = 0;
    CustomerId customer;
    std::optional<std::int64_t> case_id;
    std::string currency;
    std::int64_t amount_minor = 0;
    std::string reason;
    std::string status;  // pending, approved, rejected
    std::optional<UserId> requested_by;
    std::string requester_name;
    std::optional<std::int64_t> entry_id;  // the ledger entry posted on approval
    Timestamp created_at{};
    Timestamp updated_at{};
    std::int64_t version = 1;
    std::string invoice_number;  // as read
    std::string customer_code;
    std::string customer_name;
    std::vector<WriteOffDecisionRecord> decisions;  // oldest first (Find only)
};

struct WriteOffQuery {
    std::optional<CustomerId> customer;
    std::optional<std::string> status;
    domain::Scope scope{.all = true};
    int limit = 50;
    std::int64_t offset = 0;
};

struct WriteOffPage {
    std::vector<WriteOffRecord> items;  // newest first, without decisions
    std::int64_t total = 0;
};

// The amounts written off (approved write-offs posted to the ledger) in one month and currency.
struct MonthlyWriteOff {
    std::string month;  // YYYY-MM, of the ledger entry's day
    std::string currency;
    std::int64_t amount_minor = 0;
};

class CollectionRepository {
 public:
    virtual ~CollectionRepository() = default;
    // The invoices issued on or before `as_of` and due on `due` with something open on `as_of`, by customer.
    virtual Result<std::vector<DueInvoice>> InvoicesDueOn(Date due, Date as_of) = 0;
    // Stores the reminder unless the customer has one for that day; true when stored.
    virtual Result<bool> InsertReminder(const ReminderRecord& reminder) = 0;
    // The customer's reminders, newest day first (at most 200).
    virtual Result<std::vector<ReminderRecord>> Reminders(CustomerId customer) = 0;

    // Stores a case (its invoices, actions and promises are stored apart); kConflict when the customer
    // already has an open case.
    virtual Result<std::int64_t> InsertCase(const CollectionCaseRecord& c) = 0;
    // With its invoices, actions and promises. kNotFound for an unknown id.
    virtual Result<CollectionCaseRecord> FindCase(std::int64_t id) = 0;
    // The customer's open case, if any.
    virtual Result<std::optional<std::int64_t>> OpenCaseOf(CustomerId customer) = 0;
    // Stores stage, status, outcome, outcome note and closing date when `expected_version` is current
    // (kConflict otherwise); the version goes up by one.
    virtual Status UpdateCase(const CollectionCaseRecord& c, std::int64_t expected_version) = 0;
    virtual Status AddCaseInvoice(std::int64_t case_id, std::int64_t invoice_id) = 0;
    virtual Result<std::int64_t> InsertAction(std::int64_t case_id, const CaseActionRecord& action) = 0;
    virtual Result<std::int64_t> InsertPromise(const PromiseRecord& promise) = 0;
    virtual Result<CollectionCasePage> ListCases(const CollectionCaseQuery& query) = 0;
    // The promises of open cases promised before `before`, oldest first, with their case's customer.
    virtual Result<std::vector<std::pair<CustomerId, PromiseRecord>>> PromisesDueBefore(Date before) = 0;
    // What the customer paid (payments, not credit notes or write-offs) in `currency` from `from` to `to`,
    // both inclusive.
    virtual Result<std::int64_t> Collected(CustomerId customer, std::string_view currency, Date from, Date to) = 0;

    virtual Result<std::int64_t> InsertWriteOff(const WriteOffRecord& w) = 0;
    // With its decisions. kNotFound for an unknown id. ForUpdate holds the row until the transaction ends.
    virtual Result<WriteOffRecord> FindWriteOff(std::int64_t id) = 0;
    virtual Result<WriteOffRecord> FindWriteOffForUpdate(std::int64_t id) = 0;
    // Stores status, entry and update time when `expected_version` is current (kConflict otherwise).
    virtual Status UpdateWriteOff(const WriteOffRecord& w, std::int64_t expected_version) = 0;
    virtual Status InsertWriteOffDecision(std::int64_t write_off_id, const WriteOffDecisionRecord& d) = 0;
    virtual Result<WriteOffPage> ListWriteOffs(const WriteOffQuery& query) = 0;
    // The amount of the invoice's write-off requests still pending.
    virtual Result<std::int64_t> PendingWriteOffs(std::int64_t invoice_id) = 0;
    // AR-3's bad debt: what was written off per month (of the entry's day) and currency, from `from` to
    // `to` inclusive, by month then currency.
    virtual Result<std::vector<MonthlyWriteOff>> WrittenOffByMonth(Date from, Date to) = 0;
};

// Alerts by e-mail (RP-5): the outbox the background sender works through, and its cursor over the alerts.
struct MailMessage {
    std::int64_t id = 0;
    std::int64_t alert_id = 0;
    std::string to;
    std::string subject;  // UTF-8; encoded for the header when sent
    std::string body;     // UTF-8 text
    int attempts = 0;
    std::string last_error;
    std::optional<Timestamp> sent_at;
};

// An alert with its recipient's address and language, for mailing.
struct AlertToMail {
    Alert alert;
    std::optional<std::string> email;
    std::optional<std::string> language;
};

class MailRepository {
 public:
    virtual ~MailRepository() = default;
    // The id of the last alert moved into the outbox; nullopt before the first run.
    virtual Result<std::optional<std::int64_t>> Cursor() = 0;
    virtual Status SetCursor(std::int64_t last_alert_id) = 0;
    // The newest alert's id (0 without alerts).
    virtual Result<std::int64_t> LastAlertId() = 0;
    // The alerts after `after`, by id, at most `limit`, with their recipient's address and language.
    virtual Result<std::vector<AlertToMail>> AlertsAfter(std::int64_t after, int limit) = 0;
    // Stores the message unless its alert has one already.
    virtual Status Enqueue(const MailMessage& message, Timestamp at) = 0;
    // The unsent messages due by `now` with fewer than `max_attempts` attempts, oldest first.
    virtual Result<std::vector<MailMessage>> Due(Timestamp now, int max_attempts, int limit) = 0;
    virtual Status MarkSent(std::int64_t id, Timestamp at) = 0;
    virtual Status MarkFailed(std::int64_t id, const std::string& error, Timestamp next_at) = 0;
    // The newest messages of the outbox, newest first.
    virtual Result<std::vector<MailMessage>> Recent(int limit) = 0;
};

// Trained payment-delay models (SPEC RP-6), kept as trained: nothing is updated or deleted.
struct DelayModelRecord {
    std::int64_t id = 0;
    Date as_of{};
    std::int64_t seed = 0;
    std::int64_t auc_ppm = 0;  // the held-out AUC in millionths
    std::int64_t train_examples = 0, train_late = 0, test_examples = 0, test_late = 0;
    Date first_quarter{}, last_train_quarter{}, last_quarter{};
    std::int64_t feature_count = 0;
    std::string model;  // XGBoost's JSON document
    std::optional<UserId> trained_by;
    std::string trained_by_name;  // read only
    Timestamp trained_at{};
};

class DelayModelRepository {
 public:
    virtual ~DelayModelRepository() = default;
    virtual Result<std::int64_t> Insert(const DelayModelRecord& model) = 0;
    // The latest model trained as of `as_of` or before (the latest date, then the latest trained); nullopt
    // when there is none.
    virtual Result<std::optional<DelayModelRecord>> Latest(Date as_of) = 0;
};

}  // namespace credo::app
