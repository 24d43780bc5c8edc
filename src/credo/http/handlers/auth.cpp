// Login, logout, the current user, and user administration.
#include "credo/app/codec/json_codec.hpp"
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
}

}  // namespace credo::http
