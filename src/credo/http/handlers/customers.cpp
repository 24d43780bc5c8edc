// Customer files, their history, contacts and activities.
#include "credo/app/customer_files.hpp"
#include "credo/app/ownership.hpp"
#include "credo/http/handlers/common.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

bool ProfilesHidden(const app::ShownCustomer& shown) {
    return std::find(shown.hidden.begin(), shown.hidden.end(), "contacts.profile") != shown.hidden.end();
}

json::object CustomerJson(const app::ShownCustomer& shown, json::storage_ptr sp) {
    json::object o = app::CustomerToJson(shown.customer, sp);
    // A hidden profile is left out, not sent empty: the reader cannot tell an empty one from a hidden one.
    if (ProfilesHidden(shown))
        for (auto& contact : o["contacts"].as_array()) contact.as_object().erase("profile");
    json::array missing(sp);
    for (const auto& m : shown.completeness.missing) missing.emplace_back(m);
    json::object score(sp);
    score.emplace("score", shown.completeness.score);
    score.emplace("missing", std::move(missing));
    o["completeness"] = std::move(score);
    json::array hidden(sp);
    for (const auto& h : shown.hidden) hidden.emplace_back(h);
    o["hidden"] = std::move(hidden);
    return o;
}

json::array WarningsJson(const std::vector<app::DuplicateMatch>& matches) {
    json::array out;
    for (const auto& m : matches) {
        // A match outside the reader's scope is told, but not which file it is.
        if (!m.id.valid()) {
            out.push_back(
                json::object{{"code", "duplicate"},
                             {"field", m.field},
                             {"message", "a customer file you may not see has the same " + m.field + "; ask a manager"},
                             {"match", nullptr}});
            continue;
        }
        out.push_back(json::object{{"code", "duplicate"},
                                   {"field", m.field},
                                   {"message", "customer " + m.code + " (" + m.name + ") has the same " + m.field},
                                   {"match", json::object{{"id", m.id.value()}, {"code", m.code}, {"name", m.name}}}});
    }
    return out;
}

// The owner's display name, as in CustomerSummary (null without an owner), read in the caller's
// transaction.
json::value OwnerNameIn(app::Tx& tx, const domain::Customer& c) {
    if (!c.owner) return nullptr;
    auto user = tx.Users().Find(*c.owner);
    if (!user) return nullptr;
    return json::value(user->display_name.empty() ? user->username : user->display_name);
}

json::value OwnerName(app::Database& db, const domain::Customer& c) {
    if (!c.owner) return nullptr;
    auto name = app::ReadTx(db, [&](app::Tx& tx) -> Result<json::value> { return OwnerNameIn(tx, c); });
    return name ? *name : json::value(nullptr);
}

// `watch`: the response is a read of the file, counted for leak detection and for the audit of sensitive
// reads (SE-3, SE-4).
Response CustomerResponse(int status, const Actor& actor, domain::Customer customer, json::value owner_name,
                          const std::vector<app::DuplicateMatch>* warnings, app::AccessWatch* watch = nullptr) {
    const auto shown = app::ShowTo(actor, std::move(customer));
    const auto& c = shown.customer;
    if (watch) watch->NoteRead(actor, c.id, shown.sensitive_shown);
    // The document lives only until it is serialized: build it in an arena, not on the heap.
    unsigned char buffer[16384];
    json::monotonic_resource arena(buffer, sizeof buffer);
    json::object o = CustomerJson(shown, &arena);
    o["owner_name"] = std::move(owner_name);
    if (warnings) o["warnings"] = WarningsJson(*warnings);
    Response r = JsonResponse(status, o);
    r.headers.emplace_back("ETag", "\"" + std::to_string(c.version) + "\"");
    if (status == 201) r.headers.emplace_back("Location", "/api/v1/customers/" + c.id.str());
    return r;
}

json::object SummaryJson(const app::CustomerSummary& s) {
    return json::object{{"id", s.id.value()},
                        {"code", s.code},
                        {"kind", domain::kCustomerKindNames.Name(s.kind)},
                        {"name", s.name},
                        {"region", s.region},
                        {"owner_id", s.owner ? json::value(s.owner->value()) : json::value(nullptr)},
                        {"owner_name", s.owner_name ? json::value(*s.owner_name) : json::value(nullptr)},
                        {"phone", s.phone ? json::value(*s.phone) : json::value(nullptr)},
                        {"lifecycle", domain::kLifecycleNames.Name(s.lifecycle)},
                        {"importance", domain::kImportanceNames.Name(s.importance)},
                        {"nature", domain::kNatureNames.Name(s.nature)},
                        {"completeness", s.completeness},
                        {"version", s.version},
                        {"updated_at", FormatTimestamp(s.updated_at)}};
}

template <class E, std::size_t N>
Status QueryEnum(const Request& req, std::string_view name, const domain::EnumNames<E, N>& names,
                 std::optional<E>& out) {
    auto text = req.Query(name);
    if (!text) return Ok();
    CREDO_TRY(out, names.Parse(*text, name));
    return Ok();
}

// The file, the contact and the file's version that a contact change names.
struct ContactTarget {
    CustomerId customer;
    ContactId contact;
    std::int64_t version = 0;
};
Result<ContactTarget> ParseContactTarget(const Request& req) {
    CREDO_TRY(auto id, PathId(req, "id"));
    CREDO_TRY(auto contact, PathId(req, "contact_id"));
    CREDO_TRY(auto version, IfMatchVersion(req));
    return ContactTarget{CustomerId(id), ContactId(contact), version};
}

}  // namespace

// Shared with the export handler: the filter and sort query parameters of customer lists.
Result<std::pair<app::CustomerFilter, app::CustomerSort>> ParseCustomerFilter(const Request& req) {
    app::CustomerFilter f;
    if (auto q = req.Query("q")) {
        if (domain::Utf8Length(*q) < 0 || q->size() > 200) return FieldError("q", "must be text of at most 200 bytes");
        if (!q->empty()) f.q = *q;
    }
    if (auto r = req.Query("region"); r && !r->empty()) f.region = *r;
    CREDO_TRY(f.unassigned, QueryBool(req, "unassigned"));
    CREDO_TRY(auto owner, QueryInt(req, "owner_id", 1, INT64_MAX));
    if (owner) f.owner = UserId(*owner);
    CREDO_CHECK(QueryEnum(req, "kind", domain::kCustomerKindNames, f.kind));
    CREDO_CHECK(QueryEnum(req, "lifecycle", domain::kLifecycleNames, f.lifecycle));
    CREDO_CHECK(QueryEnum(req, "importance", domain::kImportanceNames, f.importance));
    CREDO_CHECK(QueryEnum(req, "nature", domain::kNatureNames, f.nature));
    CREDO_CHECK(QueryEnum(req, "grade", domain::kCreditGradeNames, f.grade));
    CREDO_CHECK(QueryEnum(req, "tier", domain::kTierNames, f.tier));
    static constexpr std::pair<std::string_view, app::CustomerSort> kSorts[] = {
        {"code", app::CustomerSort::kCodeAsc},          {"-code", app::CustomerSort::kCodeDesc},
        {"name", app::CustomerSort::kNameAsc},          {"-name", app::CustomerSort::kNameDesc},
        {"created_at", app::CustomerSort::kCreatedAsc}, {"-created_at", app::CustomerSort::kCreatedDesc},
        {"updated_at", app::CustomerSort::kUpdatedAsc}, {"-updated_at", app::CustomerSort::kUpdatedDesc}};
    app::CustomerSort sort = app::CustomerSort::kUpdatedDesc;
    if (auto s = req.Query("sort")) {
        auto it = std::find_if(std::begin(kSorts), std::end(kSorts), [&](const auto& p) { return p.first == *s; });
        if (it == std::end(kSorts))
            return FieldError("sort", Quoted(*s) +
                                          " is not one of code, -code, name, -name, created_at, "
                                          "-created_at, updated_at, -updated_at");
        sort = it->second;
    }
    return std::pair{f, sort};
}

void RegisterCustomers(Router& router, ApiDeps& deps) {
    auto& db = deps.db;
    const auto& ctx = deps.ctx;

    router.Add(
        Method::kGet, "/api/v1/customers", Dispatch::kBlocking,
        Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
            if (auto s = OnlyQuery(req, {"q", "region", "owner_id", "unassigned", "kind", "lifecycle", "importance",
                                         "nature", "grade", "tier", "sort", "page", "page_size"});
                !s)
                return ToResponse(s.error());
            auto filter = ParseCustomerFilter(req);
            if (!filter) return ToResponse(filter.error());
            auto page = QueryPage(req);
            if (!page) return ToResponse(page.error());
            app::CustomerQuery query{filter->first, filter->second, page->offset, page->limit};
            auto result = app::ReadTx(db, [&](app::Tx& tx) { return app::SearchCustomers(tx, ctx, actor, query); });
            if (!result) return ToResponse(result.error());
            json::array items;
            for (const auto& s : result->items) items.push_back(SummaryJson(s));
            return JsonResponse(
                200, json::object{
                         {"items", items}, {"total", result->total}, {"page", page->page}, {"page_size", query.limit}});
        }));

    router.Add(
        Method::kPost, "/api/v1/customers", Dispatch::kBlocking,
        Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
            auto body = app::ParseJsonObject(req.body);
            if (!body) return ToResponse(body.error());
            auto draft = app::CustomerDraftFromJson(*body);
            if (!draft) return ToResponse(draft.error());
            auto saved = app::WriteTx(
                db, [&](app::Tx& tx) { return app::CreateCustomer(tx, ctx, actor, draft->customer, draft->reason); });
            if (!saved) return ToResponse(saved.error());
            return CustomerResponse(201, actor, saved->customer, OwnerName(db, saved->customer), &saved->warnings);
        }));

    router.Add(Method::kGet, "/api/v1/customers/duplicates", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"name", "tax_id", "phone", "exclude_id"}); !s)
                       return ToResponse(s.error());
                   auto exclude = QueryInt(req, "exclude_id", 1, INT64_MAX);
                   if (!exclude) return ToResponse(exclude.error());
                   std::optional<CustomerId> ex;
                   if (*exclude) ex = CustomerId(**exclude);
                   auto matches = app::ReadTx(db, [&](app::Tx& tx) {
                       return app::FindDuplicates(tx, actor, req.Query("name").value_or(""),
                                                  req.Query("tax_id").value_or(""), req.Query("phone").value_or(""),
                                                  ex);
                   });
                   if (!matches) return ToResponse(matches.error());
                   json::array out;
                   for (const auto& m : *matches) {
                       const bool shown = m.id.valid();  // a file outside the caller's scope is not named
                       out.push_back(json::object{{"field", m.field},
                                                  {"id", shown ? json::value(m.id.value()) : json::value(nullptr)},
                                                  {"code", shown ? json::value(m.code) : json::value(nullptr)},
                                                  {"name", shown ? json::value(m.name) : json::value(nullptr)}});
                   }
                   return JsonResponse(200, json::object{{"matches", out}});
               }));

    router.Add(Method::kGet, "/api/v1/customers/{id}", Dispatch::kBlocking,
               Authed(deps, [&db, watch = deps.watch](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   struct Loaded {
                       domain::Customer customer;
                       json::value owner_name;
                   };
                   auto loaded = app::ReadTx(db, [&](app::Tx& tx) -> Result<Loaded> {
                       if (!*as_of) {
                           CREDO_TRY(auto view, app::GetCustomerView(tx, actor, CustomerId(*id)));
                           json::value owner = view.owner_name ? json::value(*view.owner_name) : json::value(nullptr);
                           return Loaded{std::move(view.customer), std::move(owner)};
                       }
                       CREDO_TRY(auto customer, app::GetCustomerAsOf(tx, actor, CustomerId(*id), **as_of));
                       json::value owner = OwnerNameIn(tx, customer);
                       return Loaded{std::move(customer), std::move(owner)};
                   });
                   if (!loaded) return ToResponse(loaded.error());
                   return CustomerResponse(200, actor, std::move(loaded->customer), std::move(loaded->owner_name),
                                           nullptr, watch);
               }));

    router.Add(
        Method::kPatch, "/api/v1/customers/{id}", Dispatch::kBlocking,
        Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
            auto id = PathId(req, "id");
            if (!id) return ToResponse(id.error());
            auto version = IfMatchVersion(req);
            if (!version) return ToResponse(version.error());
            auto body = app::ParseJsonObject(req.body);
            if (!body) return ToResponse(body.error());
            auto edit = app::CustomerEditFromJson(*body);
            if (!edit) return ToResponse(edit.error());
            auto saved = app::WriteTx(
                db, [&](app::Tx& tx) { return app::UpdateCustomer(tx, ctx, actor, CustomerId(*id), *version, *edit); });
            if (!saved) return ToResponse(saved.error());
            return CustomerResponse(200, actor, saved->customer, OwnerName(db, saved->customer), &saved->warnings);
        }));

    // OW-1: the owner (or the pool, with null) of a file; the change is a version of the file.
    router.Add(Method::kPost, "/api/v1/customers/{id}/assign", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   for (const auto& [k, _] : *body)
                       if (k != "owner_id" && k != "reason")
                           return ToResponse(FieldError(std::string(k), "is not a field of this request"));
                   const json::value* owner = body->if_contains("owner_id");
                   if (!owner)
                       return ToResponse(FieldError("owner_id", "is required: a user id, or null for the pool"));
                   std::optional<UserId> to;
                   if (owner->is_int64() && owner->get_int64() > 0)
                       to = UserId(owner->get_int64());
                   else if (!owner->is_null())
                       return ToResponse(FieldError("owner_id", "must be a user id, or null for the pool"));
                   std::optional<std::string> reason;
                   if (const json::value* r = body->if_contains("reason"); r && !r->is_null()) {
                       if (!r->is_string()) return ToResponse(FieldError("reason", "must be text"));
                       if (!r->get_string().empty()) reason = std::string(r->get_string());
                   }
                   auto saved = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::AssignCustomer(tx, ctx, actor, CustomerId(*id), to, reason);
                   });
                   if (!saved) return ToResponse(saved.error());
                   return CustomerResponse(200, actor, *saved, OwnerName(db, *saved), nullptr);
               }));

    router.Add(Method::kGet, "/api/v1/customers/{id}/history", Dispatch::kBlocking,
               Authed(deps, [&db, watch = deps.watch](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto history = app::ReadTx(
                       db, [&](app::Tx& tx) { return app::GetCustomerHistory(tx, actor, CustomerId(*id)); });
                   if (!history) return ToResponse(history.error());
                   const auto shown = app::ShowHistoryTo(actor, std::move(*history));
                   if (watch) watch->NoteRead(actor, CustomerId(*id), app::ShowsSensitive(shown));
                   json::array items;
                   for (const auto& v : shown) {
                       items.push_back(json::object{
                           {"version", v.version},
                           {"at", FormatTimestamp(v.at)},
                           {"actor_id", v.actor.valid() ? json::value(v.actor.value()) : json::value(nullptr)},
                           {"actor_name", v.actor_name},
                           {"reason", v.reason ? json::value(*v.reason) : json::value(nullptr)},
                           {"changes", app::ChangesToJson(v.changes)}});
                   }
                   return JsonResponse(200, json::object{{"items", items}});
               }));

    router.Add(
        Method::kGet, "/api/v1/customers/{id}/contacts", Dispatch::kBlocking,
        Authed(deps, [&db, watch = deps.watch](const Request& req, const Actor& actor) {
            auto id = PathId(req, "id");
            if (!id) return ToResponse(id.error());
            auto customer = app::ReadTx(db, [&](app::Tx& tx) { return app::GetCustomer(tx, actor, CustomerId(*id)); });
            if (!customer) return ToResponse(customer.error());
            json::array items;
            const auto shown = app::ShowTo(actor, std::move(*customer));
            bool profile_shown = false;
            for (const auto& c : shown.customer.contacts) {
                auto contact = app::ContactToJson(c);
                if (ProfilesHidden(shown)) contact.erase("profile");
                profile_shown = profile_shown || (!ProfilesHidden(shown) && c.profile != domain::PersonalProfile{});
                items.push_back(std::move(contact));
            }
            if (watch) watch->NoteRead(actor, CustomerId(*id), profile_shown);
            return JsonResponse(200, json::object{{"items", items}});
        }));

    router.Add(Method::kPost, "/api/v1/customers/{id}/contacts", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   auto edit = app::ContactEditFromJson(*body, true);
                   if (!edit) return ToResponse(edit.error());
                   auto saved = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::AddContact(tx, ctx, actor, CustomerId(*id), OptionalIfMatch(req), *edit);
                   });
                   if (!saved) return ToResponse(saved.error());
                   return CustomerResponse(201, actor, *saved, OwnerName(db, *saved), nullptr);
               }));

    router.Add(Method::kPatch, "/api/v1/customers/{id}/contacts/{contact_id}", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto target = ParseContactTarget(req);
                   if (!target) return ToResponse(target.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   auto edit = app::ContactEditFromJson(*body, false);
                   if (!edit) return ToResponse(edit.error());
                   auto saved = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::UpdateContact(tx, ctx, actor, target->customer, target->contact, target->version,
                                                 *edit);
                   });
                   if (!saved) return ToResponse(saved.error());
                   return CustomerResponse(200, actor, *saved, OwnerName(db, *saved), nullptr);
               }));

    router.Add(Method::kDelete, "/api/v1/customers/{id}/contacts/{contact_id}", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto target = ParseContactTarget(req);
                   if (!target) return ToResponse(target.error());
                   // The reason comes in the query here; hold it to the same rules as a JSON "reason".
                   if (auto s = OnlyQuery(req, {"reason"}); !s) return ToResponse(s.error());
                   const std::string reason_text = req.Query("reason").value_or("");
                   const int reason_length = domain::Utf8Length(reason_text);
                   if (reason_length < 0 || reason_length > 500)
                       return ToResponse(FieldError("reason", "must be valid text of at most 500 characters"));
                   std::optional<std::string> reason;
                   if (!reason_text.empty()) reason = reason_text;
                   auto saved = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::RemoveContact(tx, ctx, actor, target->customer, target->contact, target->version,
                                                 reason);
                   });
                   if (!saved) return ToResponse(saved.error());
                   return CustomerResponse(200, actor, *saved, OwnerName(db, *saved), nullptr);
               }));

    router.Add(Method::kGet, "/api/v1/customers/{id}/activities", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"from", "to", "type"}); !s) return ToResponse(s.error());
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto from = QueryDate(req, "from");
                   if (!from) return ToResponse(from.error());
                   auto to = QueryDate(req, "to");
                   if (!to) return ToResponse(to.error());
                   std::optional<domain::ActivityType> type;
                   if (auto s = QueryEnum(req, "type", domain::kActivityTypeNames, type); !s)
                       return ToResponse(s.error());
                   auto list = app::ReadTx(db, [&](app::Tx& tx) {
                       return app::ListActivities(tx, actor, CustomerId(*id), *from, *to, type);
                   });
                   if (!list) return ToResponse(list.error());
                   json::array items;
                   for (const auto& a : *list) items.push_back(app::ActivityToJson(a));
                   return JsonResponse(200, json::object{{"items", items}});
               }));

    router.Add(Method::kPost, "/api/v1/customers/{id}/activities", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   auto activity = app::ActivityFromJson(*body);
                   if (!activity) return ToResponse(activity.error());
                   auto saved = app::WriteTx(
                       db, [&](app::Tx& tx) { return app::AddActivity(tx, ctx, actor, CustomerId(*id), *activity); });
                   if (!saved) return ToResponse(saved.error());
                   return JsonResponse(201, app::ActivityToJson(*saved));
               }));
}

}  // namespace credo::http
