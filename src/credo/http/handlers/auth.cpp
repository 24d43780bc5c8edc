// Login, logout, the current user, passwords, API tokens, and user administration.
#include "credo/app/codec/json_codec.hpp"
#include "credo/app/credentials.hpp"
#include "credo/app/user_admin.hpp"
#include "credo/http/handlers/common.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

json::object UserJson(const app::UserRecord& u) {
    json::array roles;
    for (auto r : u.roles) roles.emplace_back(domain::kRoleNames.Name(r));
    return json::object{{"id", u.id.value()},
                        {"username", u.username},
                        {"display_name", u.display_name},
                        {"roles", roles},
                        {"region", u.region ? json::value(*u.region) : json::value(nullptr)},
                        {"language", u.language ? json::value(*u.language) : json::value(nullptr)},
                        {"email", u.email ? json::value(*u.email) : json::value(nullptr)},
                        {"active", u.active}};
}

Result<std::string> StringField(const json::object& o, std::string_view key, bool required) {
    auto it = o.find(key);
    if (it == o.end() || it->value().is_null()) {
        if (required) return FieldError(std::string(key), "is required");
        return std::string();
    }
    if (!it->value().is_string()) return FieldError(std::string(key), "must be a string");
    return std::string(it->value().get_string());
}

// "language": one of the UI languages (app::ValidateLanguage checks which), or null or absent for none.
Result<std::optional<std::string>> LanguageField(const json::object& o) {
    const json::value* v = o.if_contains("language");
    if (!v || v->is_null()) return std::optional<std::string>();
    if (!v->is_string()) return FieldError("language", "must be one of zh-CN, zh-TW, es, en, or null");
    return std::optional<std::string>(std::string(v->get_string()));
}

Status OnlyKeys(const json::object& o, std::initializer_list<std::string_view> keys) {
    for (const auto& [k, _] : o)
        if (std::find(keys.begin(), keys.end(), k) == keys.end())
            return FieldError(std::string(k), "is not a field of this request");
    return Ok();
}

Result<std::vector<domain::Role>> RolesField(const json::value& v) {
    if (!v.is_array()) return FieldError("roles", "must be a list of role names");
    std::vector<domain::Role> roles;
    for (const auto& r : v.get_array()) {
        if (!r.is_string()) return FieldError("roles", "must be a list of role names");
        CREDO_TRY(auto role, domain::kRoleNames.Parse(std::string_view(r.get_string()), "roles"));
        roles.push_back(role);
    }
    return roles;
}

// The body of PATCH /users/{id}: every type error and unknown key is reported before anything is done.
Result<app::UserPatch> UserPatchFromJson(const json::object& o) {
    CREDO_CHECK(OnlyKeys(o, {"display_name", "roles", "region", "language", "email", "active", "password"}));
    app::UserPatch p;
    if (o.contains("display_name")) {
        CREDO_TRY(auto name, StringField(o, "display_name", true));
        p.display_name = name;
    }
    if (const auto* roles = o.if_contains("roles")) {
        CREDO_TRY(auto parsed, RolesField(*roles));
        p.roles = std::move(parsed);
    }
    if (const auto* region = o.if_contains("region")) {
        p.region_given = true;
        if (!region->is_null() && !region->is_string()) return FieldError("region", "must be a region code or null");
        if (region->is_string()) p.region = std::string(region->get_string());
    }
    if (o.contains("language")) {
        p.language_given = true;
        CREDO_TRY(auto language, LanguageField(o));
        p.language = std::move(language);
    }
    if (const auto* email = o.if_contains("email")) {
        p.email_given = true;
        if (!email->is_null() && !email->is_string()) return FieldError("email", "must be an e-mail address or null");
        if (email->is_string() && !email->get_string().empty()) p.email = std::string(email->get_string());
    }
    if (const auto* active = o.if_contains("active")) {
        if (!active->is_bool()) return FieldError("active", "must be true or false");
        p.active = active->get_bool();
    }
    if (o.contains("password")) {
        CREDO_TRY(auto password, StringField(o, "password", true));
        p.password = password;
    }
    return p;
}

std::vector<std::string> KeysOf(const json::object& o) {
    std::vector<std::string> keys;
    for (const auto& [k, _] : o) keys.emplace_back(k);
    return keys;
}

json::object TokenJson(const app::ApiTokenRecord& t) {
    return json::object{{"id", t.id.value()},
                        {"name", t.name},
                        {"created_at", FormatTimestamp(t.created_at)},
                        {"expires_at", FormatTimestamp(t.expires_at)}};
}

std::string BearerToken(const Request& req) { return req.Header("authorization")->substr(7); }

}  // namespace

void RegisterAuth(Router& router, ApiDeps& deps) {
    router.Add(Method::kPost, "/api/v1/auth/login", Dispatch::kBlocking, [&deps](const Request& req) {
        auto body = app::ParseJsonObject(req.body);
        if (!body) return ToResponse(body.error());
        if (auto s = OnlyKeys(*body, {"username", "password"}); !s) return ToResponse(s.error());
        auto username = StringField(*body, "username", true);
        if (!username) return ToResponse(username.error());
        auto password = StringField(*body, "password", true);
        if (!password) return ToResponse(password.error());
        auto outcome = app::Login(deps.db, deps.ctx, {*username, *password});
        if (!outcome) return ToResponse(outcome.error());
        if (outcome->failure) return ToResponse(*outcome->failure);
        return JsonResponse(200, json::object{{"token", outcome->token},
                                              {"expires_at", FormatTimestamp(outcome->expires_at)},
                                              {"user", UserJson(*outcome->user)}});
    });
    router.Add(Method::kPost, "/api/v1/auth/logout", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request& req, const Actor& actor) {
                   const std::string token = req.Header("authorization")->substr(7);
                   Status s = deps.db.Write([&](app::Tx& tx) { return app::Logout(tx, deps.ctx, actor, token); });
                   if (!s) return ToResponse(s.error());
                   deps.auth.Forget(token);
                   Response r;
                   r.status = 204;
                   r.content_type.clear();
                   return r;
               }));
    router.Add(Method::kGet, "/api/v1/auth/me", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request&, const Actor& actor) {
                   auto user = app::ReadTx(deps.db, [&](app::Tx& tx) { return tx.Users().Find(actor.id); });
                   if (!user) return ToResponse(user.error());
                   return JsonResponse(200, UserJson(*user));
               }));
    // The session cache holds the actor (id, roles, region), not preferences: GET /auth/me reads the
    // user row, so a language stored here shows there at once.
    router.Add(Method::kPatch, "/api/v1/auth/me", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request& req, const Actor& actor) {
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyKeys(*body, {"language"}); !s) return ToResponse(s.error());
                   auto language = LanguageField(*body);
                   if (!language) return ToResponse(language.error());
                   app::MeUpdate update;
                   update.language_given = body->contains("language");
                   update.language = *language;
                   auto user =
                       app::WriteTx(deps.db, [&](app::Tx& tx) { return app::UpdateMe(tx, deps.ctx, actor, update); });
                   if (!user) return ToResponse(user.error());
                   return JsonResponse(200, UserJson(*user));
               }));
    router.Add(Method::kGet, "/api/v1/users", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request&, const Actor& actor) {
                   auto users = app::ReadTx(deps.db, [&](app::Tx& tx) { return app::ListUsers(tx, actor); });
                   if (!users) return ToResponse(users.error());
                   json::array items;
                   for (const auto& u : *users) items.push_back(UserJson(u));
                   return JsonResponse(200, json::object{{"items", items}});
               }));
    router.Add(
        Method::kPost, "/api/v1/users", Dispatch::kBlocking,
        Authed(deps, [&deps](const Request& req, const Actor& actor) {
            auto body = app::ParseJsonObject(req.body);
            if (!body) return ToResponse(body.error());
            if (auto s = OnlyKeys(*body, {"username", "password", "display_name", "roles", "region", "language"}); !s)
                return ToResponse(s.error());
            app::NewUser user;
            auto username = StringField(*body, "username", true);
            if (!username) return ToResponse(username.error());
            auto password = StringField(*body, "password", true);
            if (!password) return ToResponse(password.error());
            auto display = StringField(*body, "display_name", false);
            if (!display) return ToResponse(display.error());
            auto region = StringField(*body, "region", false);
            if (!region) return ToResponse(region.error());
            auto language = LanguageField(*body);
            if (!language) return ToResponse(language.error());
            user.username = *username;
            user.password = *password;
            user.display_name = *display;
            if (!region->empty()) user.region = *region;
            user.language = *language;
            auto roles = body->if_contains("roles");
            if (!roles || !roles->is_array()) return ToResponse(FieldError("roles", "must be a list of role names"));
            for (const auto& r : roles->get_array()) {
                if (!r.is_string()) return ToResponse(FieldError("roles", "must be a list of role names"));
                auto role = domain::kRoleNames.Parse(std::string_view(r.get_string()), "roles");
                if (!role) return ToResponse(role.error());
                user.roles.push_back(*role);
            }
            if (!actor.MayManageUsers())
                return ToResponse(MakeError(Errc::kForbidden, "only an admin may create users"));
            auto created =
                app::WriteTx(deps.db, [&](app::Tx& tx) { return app::CreateUser(tx, deps.ctx, actor, user); });
            if (!created) return ToResponse(created.error());
            return JsonResponse(201, UserJson(*created));
        }));
    router.Add(Method::kPatch, "/api/v1/users/{id}", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   const UserId target(*id);
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   auto patch = UserPatchFromJson(*body);
                   if (!patch) {
                       // A refused attempt is recorded whatever its body; a malformed one by an admin is a 400.
                       if (auto s = app::AuthorizeUserUpdate(deps.db, deps.ctx, actor, target, KeysOf(*body)); !s)
                           return ToResponse(s.error());
                       return ToResponse(patch.error());
                   }
                   auto user = app::UpdateUser(deps.db, deps.ctx, actor, target, *patch);
                   if (!user) return ToResponse(user.error());
                   // Roles, region and state are in the session cache: the next request must see them.
                   deps.auth.ForgetUser(target);
                   return JsonResponse(200, UserJson(*user));
               }));
    router.Add(Method::kPost, "/api/v1/auth/password", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request& req, const Actor& actor) {
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyKeys(*body, {"current_password", "new_password"}); !s) return ToResponse(s.error());
                   auto current = StringField(*body, "current_password", true);
                   if (!current) return ToResponse(current.error());
                   auto fresh = StringField(*body, "new_password", true);
                   if (!fresh) return ToResponse(fresh.error());
                   Status s = app::ChangePassword(deps.db, deps.ctx, actor, BearerToken(req), {*current, *fresh});
                   if (!s) return ToResponse(s.error());
                   deps.auth.ForgetUser(actor.id);
                   return NoContent();
               }));
    router.Add(Method::kGet, "/api/v1/auth/tokens", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request&, const Actor& actor) {
                   auto tokens = app::ReadTx(deps.db, [&](app::Tx& tx) { return app::ListApiTokens(tx, actor); });
                   if (!tokens) return ToResponse(tokens.error());
                   json::array items;
                   for (const auto& t : *tokens) items.push_back(TokenJson(t));
                   return JsonResponse(200, json::object{{"items", items}});
               }));
    router.Add(
        Method::kPost, "/api/v1/auth/tokens", Dispatch::kBlocking,
        Authed(deps, [&deps](const Request& req, const Actor& actor) {
            auto body = app::ParseJsonObject(req.body);
            if (!body) return ToResponse(body.error());
            if (auto s = OnlyKeys(*body, {"name", "expires_days"}); !s) return ToResponse(s.error());
            app::NewApiToken input;
            auto name = StringField(*body, "name", true);
            if (!name) return ToResponse(name.error());
            input.name = *name;
            if (const auto* days = body->if_contains("expires_days"); days && !days->is_null()) {
                if (!days->is_int64() || days->get_int64() < 1 || days->get_int64() > app::kMaxTokenDays)
                    return ToResponse(FieldError("expires_days", "must be a whole number of days from 1 to 365"));
                input.expires_days = static_cast<int>(days->get_int64());
            }
            auto created =
                app::WriteTx(deps.db, [&](app::Tx& tx) { return app::CreateApiToken(tx, deps.ctx, actor, input); });
            if (!created) return ToResponse(created.error());
            json::object out = TokenJson(created->record);
            out["token"] = created->token;
            return JsonResponse(201, out);
        }));
    router.Add(Method::kDelete, "/api/v1/auth/tokens/{id}", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   Status s = deps.db.Write(
                       [&](app::Tx& tx) { return app::RevokeApiToken(tx, deps.ctx, actor, ApiTokenId(*id)); });
                   if (!s) return ToResponse(s.error());
                   // The cache is keyed by the secret, which is not stored: forget all of the owner's entries.
                   deps.auth.ForgetUser(actor.id);
                   return NoContent();
               }));
}

}  // namespace credo::http
