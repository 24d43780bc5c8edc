// Use cases of the customer file (SPEC CF-1…CF-7, DY-1): create, read (now or as of a date), update
// with optimistic concurrency, history, contacts, duplicates.
//
// Each runs inside the caller's transaction: reads in Database::Read, writes in Database::Write. Every
// write stores a new version with the changed fields, the actor, the time and the reason.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credo/app/codec/json_codec.hpp"
#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/domain/customer/masking.hpp"

namespace credo::app {

struct DuplicateWarning {
    DuplicateMatch match;
};

struct SavedCustomer {
    domain::Customer customer;
    std::vector<DuplicateMatch> warnings;  // CF-6: files that look like this one
};

// Creates a file: assigns the next code (CF-1), validates it whole, checks region and owner, and
// stores version 1. kInvalidArgument names every bad field; kForbidden for read-only actors.
Result<SavedCustomer> CreateCustomer(Tx& tx, const Context& ctx, const domain::Actor& actor, domain::Customer draft,
                                     const std::optional<std::string>& reason);

// A file as an actor may see it (SE-2): the sensitive parts it is not entitled to removed, the names of
// those parts, and the completeness of the whole file (hiding a part does not make it missing).
struct ShownCustomer {
    domain::Customer customer;
    domain::Completeness completeness;
    std::vector<std::string> hidden;
    bool sensitive_shown = false;  // a sensitive value is shown: the read is recorded (SE-3)
};
ShownCustomer ShowTo(const domain::Actor& actor, domain::Customer customer);
// The history as the actor may see it: the values of hidden parts are left out, the change marked.
std::vector<VersionRecord> ShowHistoryTo(const domain::Actor& actor, std::vector<VersionRecord> history);
// Whether a shown history holds the value of a sensitive part.
bool ShowsSensitive(const std::vector<VersionRecord>& shown_history);

// SE-2 for a file read elsewhere: kNotFound outside the actor's read scope (its existence is not told);
// kForbidden for a file it may read but not change.
Status CheckReadable(const domain::Actor& actor, const domain::Customer& c);
Status CheckWritable(const domain::Actor& actor, const domain::Customer& c);

// Whether the actor may create `draft` (SE-2): a salesperson's file without an owner becomes its own;
// a file outside what the actor may manage is kForbidden naming `region` or `owner_id`.
Status CheckMayCreate(const domain::Actor& actor, domain::Customer& draft);

// Stores `after` as the next version of `before` (`before` read with FindForUpdate): validates the whole
// file and its references (region, an active owner), records the changed fields and `reason`, and the
// audit entry `action`. Returns `before` unchanged when nothing changed. Authorization is the caller's:
// for use cases such as assignment (app/ownership) that decide it by rules of their own.
Result<domain::Customer> SaveCustomerVersion(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                             const domain::Customer& before, domain::Customer after,
                                             const std::optional<std::string>& reason, std::string_view action);

Result<domain::Customer> GetCustomer(Tx& tx, const domain::Actor& actor, CustomerId id);
// The current file with its owner's name, as the file page shows it.
Result<CustomerView> GetCustomerView(Tx& tx, const domain::Actor& actor, CustomerId id);
// The file at the end of `date` (UTC); kNotFound when it did not exist yet.
Result<domain::Customer> GetCustomerAsOf(Tx& tx, const domain::Actor& actor, CustomerId id, Date date);
Result<std::vector<VersionRecord>> GetCustomerHistory(Tx& tx, const domain::Actor& actor, CustomerId id);

// Applies `edit` to the current file when its version is `expected_version`; otherwise kConflict with
// details.current_version. An edit that changes nothing stores no version and returns the file as is.
Result<SavedCustomer> UpdateCustomer(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId id,
                                     std::int64_t expected_version, const CustomerEdit& edit);

// Contacts are part of the file: each change is a new version of it.
Result<domain::Customer> AddContact(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId id,
                                    std::optional<std::int64_t> expected_version, const ContactEdit& edit);
Result<domain::Customer> UpdateContact(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId id,
                                       ContactId contact, std::int64_t expected_version, const ContactEdit& edit);
Result<domain::Customer> RemoveContact(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId id,
                                       ContactId contact, std::int64_t expected_version,
                                       const std::optional<std::string>& reason);

// CF-6: files whose name, tax id or phone equal the given ones.
Result<std::vector<DuplicateMatch>> FindDuplicates(Tx& tx, const domain::Actor& actor, const std::string& name,
                                                   const std::string& tax_id, const std::string& phone,
                                                   std::optional<CustomerId> exclude);

Result<CustomerPage> SearchCustomers(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                     const CustomerQuery& query);

Result<domain::Activity> AddActivity(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId id,
                                     domain::Activity activity);
Result<std::vector<domain::Activity>> ListActivities(Tx& tx, const domain::Actor& actor, CustomerId id,
                                                     std::optional<Date> from, std::optional<Date> to,
                                                     std::optional<domain::ActivityType> type);

}  // namespace credo::app
