#include "credo/app/customer_files.hpp"

#include <algorithm>

namespace credo::app {
using domain::Actor;
using domain::Customer;

namespace {

Status MayWrite(const Actor& actor) {
    if (!actor.MayWriteCustomers())
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not change customer files");
    return Ok();
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

Result<std::vector<DuplicateMatch>> Duplicates(Tx& tx, const Customer& c, std::optional<CustomerId> exclude) {
    return tx.Customers().FindDuplicates(domain::NormalizeName(c.name), AttributeText(c, "tax_id"),
                                         domain::PhoneDigits(AttributeText(c, "phone")), exclude);
}

// Stores `after` as the next version of `before` unless nothing changed.
Result<Customer> SaveVersion(Tx& tx, const Context& ctx, const Actor& actor, const Customer& before, Customer after,
                             const std::optional<std::string>& reason) {
    CREDO_CHECK(ValidateAll(tx, after));
    auto changes = domain::Diff(before, after);
    if (changes.empty()) return before;
    after.version = before.version + 1;
    after.updated_at = ctx.clock.Now();
    CREDO_CHECK(tx.Customers().Update(after, before.version,
                                      MakeVersion(after, actor, after.updated_at, reason, std::move(changes))));
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

Result<SavedCustomer> CreateCustomer(Tx& tx, const Context& ctx, const Actor& actor, Customer draft,
                                     const std::optional<std::string>& reason) {
    CREDO_CHECK(MayWrite(actor));
    CREDO_CHECK(ValidateAll(tx, draft));
    SavedCustomer out;
    CREDO_TRY(out.warnings, Duplicates(tx, draft, std::nullopt));
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
    out.customer = std::move(draft);
    return out;
}

Result<Customer> GetCustomer(Tx& tx, const Actor&, CustomerId id) { return tx.Customers().Find(id); }

Result<CustomerView> GetCustomerView(Tx& tx, const Actor&, CustomerId id) { return tx.Customers().FindView(id); }

Result<Customer> GetCustomerAsOf(Tx& tx, const Actor&, CustomerId id, Date date) {
    auto found = tx.Customers().FindAsOf(id, EndOfDay(date));
    if (!found && found.error().code == Errc::kNotFound)
        return MakeError(Errc::kNotFound, "customer " + id.str() + " did not exist on " + FormatDate(date));
    return found;
}

Result<std::vector<VersionRecord>> GetCustomerHistory(Tx& tx, const Actor&, CustomerId id) {
    return tx.Customers().History(id);
}

Result<SavedCustomer> UpdateCustomer(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id,
                                     std::int64_t expected_version, const CustomerEdit& edit) {
    CREDO_CHECK(MayWrite(actor));
    CREDO_TRY(auto current, tx.Customers().FindForUpdate(id));
    CREDO_CHECK(CheckVersion(current, expected_version));
    Customer next = current;
    edit.apply(next);
    SavedCustomer out;
    CREDO_TRY(out.customer, SaveVersion(tx, ctx, actor, current, std::move(next), edit.reason));
    const bool identity_changed = out.customer.name != current.name ||
                                  AttributeText(out.customer, "tax_id") != AttributeText(current, "tax_id") ||
                                  AttributeText(out.customer, "phone") != AttributeText(current, "phone");
    if (identity_changed) {
        CREDO_TRY(out.warnings, Duplicates(tx, out.customer, id));
    }
    return out;
}

namespace {

// The shape of every change to an existing file: may the actor write, is the caller's version current,
// apply the change to a copy, and store the copy as the next version.
Result<Customer> EditFile(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id,
                          std::optional<std::int64_t> expected_version, const std::optional<std::string>& reason,
                          const std::function<Status(Customer&)>& change) {
    CREDO_CHECK(MayWrite(actor));
    CREDO_TRY(auto current, tx.Customers().FindForUpdate(id));
    if (expected_version) CREDO_CHECK(CheckVersion(current, *expected_version));
    Customer next = current;
    CREDO_CHECK(change(next));
    return SaveVersion(tx, ctx, actor, current, std::move(next), reason);
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
    return EditFile(tx, ctx, actor, id, expected_version, edit.reason, [&](Customer& next) -> Status {
        domain::Contact contact;
        edit.apply(contact);
        if (contact.primary)
            for (auto& c : next.contacts) c.primary = false;
        if (next.contacts.empty()) contact.primary = true;
        next.contacts.push_back(std::move(contact));
        return AssignContactIds(tx, next);
    });
}

Result<Customer> UpdateContact(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id, ContactId contact_id,
                               std::int64_t expected_version, const ContactEdit& edit) {
    return EditFile(tx, ctx, actor, id, expected_version, edit.reason, [&](Customer& next) -> Status {
        CREDO_TRY(auto it, FindContact(next, contact_id));
        const bool was_primary = it->primary;
        edit.apply(*it);
        if (it->primary && !was_primary)
            for (auto& c : next.contacts)
                if (c.id != contact_id) c.primary = false;
        return Ok();
    });
}

Result<Customer> RemoveContact(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id, ContactId contact_id,
                               std::int64_t expected_version, const std::optional<std::string>& reason) {
    return EditFile(tx, ctx, actor, id, expected_version, reason, [&](Customer& next) -> Status {
        CREDO_TRY(auto it, FindContact(next, contact_id));
        next.contacts.erase(it);
        return Ok();
    });
}

Result<std::vector<DuplicateMatch>> FindDuplicates(Tx& tx, const Actor&, const std::string& name,
                                                   const std::string& tax_id, const std::string& phone,
                                                   std::optional<CustomerId> exclude) {
    return tx.Customers().FindDuplicates(domain::NormalizeName(name), tax_id, domain::PhoneDigits(phone), exclude);
}

Result<CustomerPage> SearchCustomers(Tx& tx, const Actor&, const CustomerQuery& query) {
    if (query.limit < 1 || query.limit > 200) return FieldError("page_size", "must be from 1 to 200");
    if (query.offset < 0) return FieldError("page", "must be 1 or more");
    if (query.filter.q && query.filter.q->empty()) {
        CustomerQuery all = query;
        all.filter.q.reset();
        return tx.Customers().Search(all);
    }
    return tx.Customers().Search(query);
}

Result<domain::Activity> AddActivity(Tx& tx, const Context& ctx, const Actor& actor, CustomerId id,
                                     domain::Activity activity) {
    CREDO_CHECK(MayWrite(actor));
    CREDO_TRY(auto customer, tx.Customers().Find(id));
    const Timestamp now = ctx.clock.Now();
    CREDO_CHECK(domain::ValidateActivity(activity, DateOf(now)));
    activity.customer = customer.id;
    activity.author = actor.id;
    activity.author_name = actor.display_name.empty() ? actor.username : actor.display_name;
    activity.created_at = now;
    CREDO_TRY(activity.id, tx.Activities().Insert(activity));
    return activity;
}

Result<std::vector<domain::Activity>> ListActivities(Tx& tx, const Actor&, CustomerId id, std::optional<Date> from,
                                                     std::optional<Date> to, std::optional<domain::ActivityType> type) {
    CREDO_TRY(auto customer, tx.Customers().Find(id));
    return tx.Activities().List(customer.id, from, to, type);
}

}  // namespace credo::app
