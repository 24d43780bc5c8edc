#include "credo/app/customer_files.hpp"

#include <algorithm>

#include "credo/app/audit.hpp"
#include "credo/app/classification.hpp"

namespace credo::app {
using domain::Actor;
using domain::Customer;

// A file outside the reader's scope is answered as if it did not exist: its existence is not told.
Status CheckReadable(const Actor& actor, const Customer& c) {
    if (domain::ReadScope(actor).Includes(c.region, c.owner)) return Ok();
    return NotFound("customer", c.id.str());
}

// A file the actor may read but not change (the auditor; a manager's file seen by its assistant…).
Status CheckWritable(const Actor& actor, const Customer& c) {
    CREDO_CHECK(CheckReadable(actor, c));
    if (domain::WriteScope(actor).Includes(c.region, c.owner)) return Ok();
    return MakeError(Errc::kForbidden, "user " + actor.username + " may not change customer " + c.code);
}

namespace {

Status MayWrite(const Actor& actor) {
    if (!actor.MayWriteCustomers())
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not change customer files");
    return Ok();
}

// After a change the file must still be one the actor may change: a salesperson cannot give a file
// away, a regional manager cannot move it to another region (assignment is a manager's use case).
Status CheckStaysWritable(const Actor& actor, const Customer& after) {
    const auto scope = domain::WriteScope(actor);
    if (scope.Includes(after.region, after.owner)) return Ok();
    Error e =
        MakeError(Errc::kForbidden, "user " + actor.username + " may not put customer " +
                                        (after.code.empty() ? after.name : after.code) + " in region " + after.region +
                                        (after.owner ? " with owner " + after.owner->str() : " without an owner"));
    if (scope.region)
        e.fields.emplace("region", "you may manage files of region " + *scope.region + " only");
    else
        e.fields.emplace("owner_id", "you may manage your own files only");
    return e;
}

// A part the actor may not see may not be changed by it either: it would overwrite what it cannot read.
Status CheckNoHiddenChange(const Actor& actor, const Customer& before, const Customer& after) {
    if (domain::HiddenParts(actor).empty()) return Ok();
    Error e = MakeError(Errc::kForbidden, "user " + actor.username + " may not change fields it cannot see");
    for (const auto& change : domain::Diff(before, after))
        if (domain::IsHiddenChange(change.field, actor))
            e.fields.emplace(change.field, "you may not change this field");
    if (e.fields.empty()) return Ok();
    return e;
}

Result<Customer> FindReadable(Tx& tx, const Actor& actor, CustomerId id) {
    CREDO_TRY(auto c, tx.Customers().Find(id));
    CREDO_CHECK(CheckReadable(actor, c));
    return c;
}

// Matches outside the actor's scope keep their field but not which file they are.
std::vector<DuplicateMatch> Redact(const Actor& actor, Tx& tx, std::vector<DuplicateMatch> matches) {
    const auto scope = domain::ReadScope(actor);
    if (scope.all) return matches;
    for (auto& m : matches) {
        auto c = tx.Customers().Find(m.id);
        if (c && scope.Includes(c->region, c->owner)) continue;
        m.id = CustomerId();
        m.code.clear();
        m.name.clear();
    }
    return matches;
}

std::string AttributeText(const Customer& c, std::string_view key) {
    auto it = c.attributes.find(key);
    return it == c.attributes.end() ? std::string() : domain::ValueText(it->second);
}

// The checks that need the database: the region exists, the owner is an active user.
Status CheckReferences(Tx& tx, const Customer& c) {
    CREDO_TRY(bool region_ok, tx.Regions().Exists(c.region));
    if (!region_ok) return FieldError("region", Quoted(c.region) + " is not a region");
    if (c.owner) {
        auto owner = tx.Users().Find(*c.owner);
        if (!owner) {
            if (owner.error().code == Errc::kNotFound) return FieldError("owner_id", c.owner->str() + " is not a user");
            return owner.error();
        }
        if (!owner->active) return FieldError("owner_id", "user " + owner->username + " is disabled");
    }
    return Ok();
}

Status ValidateAll(Tx& tx, const Customer& c) {
    Status shape = domain::ValidateCustomer(c);
    Status refs = CheckReferences(tx, c);
    if (shape && refs) return Ok();
    if (!refs && refs.error().code != Errc::kInvalidArgument) return refs;
    Error e = shape ? refs.error() : shape.error();
    if (!shape && !refs)
        for (const auto& [k, v] : refs.error().fields) e.fields.emplace(k, v);
    return e;
}

VersionRecord MakeVersion(const Customer& after, const Actor& actor, Timestamp now,
                          const std::optional<std::string>& reason, std::vector<domain::FieldChange> changes) {
    return VersionRecord{after.version, now,
                         actor.id,      actor.display_name.empty() ? actor.username : actor.display_name,
                         reason,        std::move(changes)};
}

Result<std::vector<DuplicateMatch>> Duplicates(Tx& tx, const Actor& actor, const Customer& c,
                                               std::optional<CustomerId> exclude) {
    CREDO_TRY(auto matches, tx.Customers().FindDuplicates(domain::NormalizeName(c.name), AttributeText(c, "tax_id"),
                                                          domain::PhoneDigits(AttributeText(c, "phone")), exclude));
    return Redact(actor, tx, std::move(matches));
}

// The audit entry of a change to a file: the names of the fields that changed (their values are in the
// version), the new version and the reason.
Status RecordFileChange(Tx& tx, const Context& ctx, const Actor& actor, std::string_view action, const Customer& after,
                        const std::vector<domain::FieldChange>& changes, const std::optional<std::string>& reason) {
    boost::json::array fields;
    for (const auto& change : changes) fields.emplace_back(change.field);
    boost::json::object details{{"code", after.code}, {"version", after.version}, {"fields", std::move(fields)}};
    if (reason) details["reason"] = *reason;
    return RecordAudit(tx, ctx, actor, action, "customer", after.id.str(), details);
}

// Stores `after` as the next version of `before` unless nothing changed, and records the change as
// `action` in the audit log.
Result<Customer> SaveVersion(Tx& tx, const Context& ctx, const Actor& actor, const Customer& before, Customer after,
                             const std::optional<std::string>& reason, std::string_view action) {
    CREDO_CHECK(ValidateAll(tx, after));
    auto changes = domain::Diff(before, after);
    if (changes.empty()) return before;
    after.version = before.version + 1;
    after.updated_at = ctx.clock.Now();
    CREDO_CHECK(
        tx.Customers().Update(after, before.version, MakeVersion(after, actor, after.updated_at, reason, changes)));
    CREDO_CHECK(RecordFileChange(tx, ctx, actor, action, after, changes, reason));
    return after;
}

Status CheckVersion(const Customer& current, std::int64_t expected) {
    if (current.version == expected) return Ok();
    Error e =
        MakeError(Errc::kConflict, "customer " + current.code + " is at version " + std::to_string(current.version) +
                                       ", not " + std::to_string(expected) + "; reload it and apply your change again");
    e.details.emplace("current_version", std::to_string(current.version));
    return e;
}

Status AssignContactIds(Tx& tx, Customer& c) {
    for (auto& contact : c.contacts) {
        if (contact.id.valid()) continue;
        CREDO_TRY(auto next, tx.Sequences().Next("contact"));
        contact.id = ContactId(next);
    }
    return Ok();
}

}  // namespace

Result<Customer> SaveCustomerVersion(Tx& tx, const Context& ctx, const Actor& actor, const Customer& before,
                                     Customer after, const std::optional<std::string>& reason,
                                     std::string_view action) {
    return SaveVersion(tx, ctx, actor, before, std::move(after), reason, action);
}

Result<SavedCustomer> CreateCustomer(Tx& tx, const Context& ctx, const Actor& actor, Customer draft,
                                     const std::optional<std::string>& reason) {
    CREDO_CHECK(MayWrite(actor));
    CREDO_CHECK(CheckMayCreate(actor, draft));
    CREDO_CHECK(ValidateAll(tx, draft));
    SavedCustomer out;
    CREDO_TRY(out.warnings, Duplicates(tx, actor, draft, std::nullopt));
    const Timestamp now = ctx.clock.Now();
    const int year = static_cast<int>(DateOf(now).year());
    CREDO_TRY(auto seq, tx.Sequences().Next("code:" + domain::CodePrefix(ctx.settings.code_pattern, year)));
    draft.code = domain::FormatCode(ctx.settings.code_pattern, year, seq);
    draft.version = 1;
    draft.created_at = now;
    draft.updated_at = now;
    CREDO_CHECK(AssignContactIds(tx, draft));
    auto changes = domain::CreationChanges(draft);
    CREDO_TRY(draft.id, tx.Customers().Insert(draft, MakeVersion(draft, actor, now, reason, std::move(changes))));
    {
        boost::json::object details{{"code", draft.code},
                                    {"kind", domain::kCustomerKindNames.Name(draft.kind)},
                                    {"region", draft.region},
                                    {"version", draft.version}};
        if (draft.owner) details["owner_id"] = draft.owner->value();
        if (reason) details["reason"] = *reason;
        CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCustomerCreate, "customer", draft.id.str(), details));
    }
    out.customer = std::move(draft);
    return out;
}

Status CheckMayCreate(const Actor& actor, Customer& draft) {
    // A salesperson's new file is its own unless it names another owner (which it may not).
    const auto scope = domain::WriteScope(actor);
    if (!draft.owner && scope.owner) draft.owner = scope.owner;
    return CheckStaysWritable(actor, draft);
}

ShownCustomer ShowTo(const Actor& actor, Customer customer) {
    ShownCustomer out;
    out.completeness = domain::AssessCompleteness(customer);
    out.hidden = domain::MaskSensitive(customer, actor);
    out.sensitive_shown = domain::HasSensitiveValue(customer);
    out.customer = std::move(customer);
    return out;
}

std::vector<VersionRecord> ShowHistoryTo(const Actor& actor, std::vector<VersionRecord> history) {
    for (auto& version : history)
        for (auto& change : version.changes)
            if (domain::IsHiddenChange(change.field, actor)) {
                change.before.reset();
                change.after.reset();
                change.hidden = true;
            }
    return history;
}

bool ShowsSensitive(const std::vector<VersionRecord>& shown_history) {
    for (const auto& version : shown_history)
        for (const auto& change : version.changes)
            if (!change.hidden && domain::IsSensitiveField(change.field)) return true;
    return false;
}

Result<Customer> GetCustomer(Tx& tx, const Actor& actor, CustomerId id) { return FindReadable(tx, actor, id); }

Result<CustomerView> GetCustomerView(Tx& tx, const Actor& actor, CustomerId id) {
    return tx.Customers().FindView(id, domain::ReadScope(actor));
}

Result<Customer> GetCustomerAsOf(Tx& tx, const Actor& actor, CustomerId id, Date date) {
    CREDO_CHECK(FindReadable(tx, actor, id));
    auto found = tx.Customers().FindAsOf(id, EndOfDay(date));
    if (!found && found.error().code == Errc::kNotFound)
        return MakeError(Errc::kNotFound, "customer " + id.str() + " did not exist on " + FormatDate(date));
    return found;
}

Result<std::vector<VersionRecord>> GetCustomerHistory(Tx& tx, const Actor& actor, CustomerId id) {
    CREDO_CHECK(FindReadable(tx, actor, id));
    return tx.Customers().History(id);
}

Result<SavedCustomer> UpdateCustomer(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id,
                                     std::int64_t expected_version, const CustomerEdit& edit) {
    CREDO_CHECK(MayWrite(actor));
    CREDO_TRY(auto current, tx.Customers().FindForUpdate(id));
    CREDO_CHECK(CheckWritable(actor, current));
    CREDO_CHECK(CheckVersion(current, expected_version));
    Customer next = current;
    edit.apply(next);
    CREDO_CHECK(CheckStaysWritable(actor, next));
    CREDO_CHECK(CheckNoHiddenChange(actor, current, next));
    SavedCustomer out;
    CREDO_TRY(out.customer,
              SaveVersion(tx, ctx, actor, current, std::move(next), edit.reason, audit_action::kCustomerUpdate));
    const bool identity_changed = out.customer.name != current.name ||
                                  AttributeText(out.customer, "tax_id") != AttributeText(current, "tax_id") ||
                                  AttributeText(out.customer, "phone") != AttributeText(current, "phone");
    if (identity_changed) {
        CREDO_TRY(out.warnings, Duplicates(tx, actor, out.customer, id));
    }
    return out;
}

namespace {

// The shape of every change to an existing file: may the actor write, is the caller's version current,
// apply the change to a copy, and store the copy as the next version.
Result<Customer> EditFile(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id,
                          std::optional<std::int64_t> expected_version, const std::optional<std::string>& reason,
                          std::string_view action, const std::function<Status(Customer&)>& change) {
    CREDO_CHECK(MayWrite(actor));
    CREDO_TRY(auto current, tx.Customers().FindForUpdate(id));
    CREDO_CHECK(CheckWritable(actor, current));
    if (expected_version) CREDO_CHECK(CheckVersion(current, *expected_version));
    Customer next = current;
    CREDO_CHECK(change(next));
    CREDO_CHECK(CheckNoHiddenChange(actor, current, next));
    return SaveVersion(tx, ctx, actor, current, std::move(next), reason, action);
}

Result<std::vector<domain::Contact>::iterator> FindContact(Customer& c, ContactId contact_id) {
    auto it = std::find_if(c.contacts.begin(), c.contacts.end(),
                           [&](const domain::Contact& x) { return x.id == contact_id; });
    if (it == c.contacts.end()) return NotFound("contact", contact_id.str());
    return it;
}

}  // namespace

Result<Customer> AddContact(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id,
                            std::optional<std::int64_t> expected_version, const ContactEdit& edit) {
    const auto add = [&](Customer& next) -> Status {
        domain::Contact contact;
        edit.apply(contact);
        if (contact.primary)
            for (auto& c : next.contacts) c.primary = false;
        if (next.contacts.empty()) contact.primary = true;
        next.contacts.push_back(std::move(contact));
        return AssignContactIds(tx, next);
    };
    return EditFile(tx, ctx, actor, id, expected_version, edit.reason, audit_action::kContactAdd, add);
}

Result<Customer> UpdateContact(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id, ContactId contact_id,
                               std::int64_t expected_version, const ContactEdit& edit) {
    const auto update = [&](Customer& next) -> Status {
        CREDO_TRY(auto it, FindContact(next, contact_id));
        const bool was_primary = it->primary;
        edit.apply(*it);
        if (it->primary && !was_primary)
            for (auto& c : next.contacts)
                if (c.id != contact_id) c.primary = false;
        return Ok();
    };
    return EditFile(tx, ctx, actor, id, expected_version, edit.reason, audit_action::kContactUpdate, update);
}

Result<Customer> RemoveContact(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id, ContactId contact_id,
                               std::int64_t expected_version, const std::optional<std::string>& reason) {
    const auto remove = [&](Customer& next) -> Status {
        CREDO_TRY(auto it, FindContact(next, contact_id));
        next.contacts.erase(it);
        return Ok();
    };
    return EditFile(tx, ctx, actor, id, expected_version, reason, audit_action::kContactDelete, remove);
}

Result<std::vector<DuplicateMatch>> FindDuplicates(Tx& tx, const Actor& actor, const std::string& name,
                                                   const std::string& tax_id, const std::string& phone,
                                                   std::optional<CustomerId> exclude) {
    CREDO_TRY(auto matches,
              tx.Customers().FindDuplicates(domain::NormalizeName(name), tax_id, domain::PhoneDigits(phone), exclude));
    return Redact(actor, tx, std::move(matches));
}

Result<CustomerPage> SearchCustomers(Tx& tx, const Context& ctx, const Actor& actor, const CustomerQuery& query) {
    if (query.limit < 1 || query.limit > 200) return FieldError("page_size", "must be from 1 to 200");
    if (query.offset < 0) return FieldError("page", "must be 1 or more");
    CustomerQuery scoped = query;
    scoped.filter.scope = domain::ReadScope(actor);
    if (scoped.filter.q && scoped.filter.q->empty()) scoped.filter.q.reset();
    CREDO_CHECK(ResolveTierFilter(tx, ctx, actor, scoped.filter));
    return tx.Customers().Search(scoped);
}

Result<domain::Activity> AddActivity(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id,
                                     domain::Activity activity) {
    CREDO_CHECK(MayWrite(actor));
    CREDO_TRY(auto customer, tx.Customers().Find(id));
    CREDO_CHECK(CheckWritable(actor, customer));
    const Timestamp now = ctx.clock.Now();
    CREDO_CHECK(domain::ValidateActivity(activity, DateOf(now)));
    activity.customer = customer.id;
    activity.author = actor.id;
    activity.author_name = actor.display_name.empty() ? actor.username : actor.display_name;
    activity.created_at = now;
    CREDO_TRY(activity.id, tx.Activities().Insert(activity));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kActivityAdd, "customer", customer.id.str(),
                            {{"code", customer.code},
                             {"activity_id", activity.id.value()},
                             {"type", domain::kActivityTypeNames.Name(activity.type)},
                             {"date", FormatDate(activity.date)}}));
    return activity;
}

Result<std::vector<domain::Activity>> ListActivities(Tx& tx, const Actor& actor, CustomerId id,
                                                     std::optional<Date> from, std::optional<Date> to,
                                                     std::optional<domain::ActivityType> type) {
    CREDO_TRY(auto customer, FindReadable(tx, actor, id));
    return tx.Activities().List(customer.id, from, to, type);
}

}  // namespace credo::app
