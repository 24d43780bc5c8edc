#include "credo/http/handlers/common.hpp"

#include <algorithm>
#include <charconv>

namespace credo::http {

Response Attachment(std::string content_type, std::string bytes, const std::string& filename) {
    Response r;
    r.content_type = std::move(content_type);
    r.body = std::move(bytes);
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

Response NoContent() {
    Response r;
    r.status = 204;
    r.content_type.clear();
    return r;
}

boost::json::value MoneyJson(std::int64_t minor, const std::string& currency) {
    auto c = Currency::FromCode(currency);
    if (!c) return nullptr;
    return boost::json::object{{"amount", Money(minor, *c).ToString()}, {"currency", currency}};
}

Response JsonResponse(int status, const boost::json::value& body) {
    Response r;
    r.status = status;
    r.body = boost::json::serialize(body);
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

Handler Authed(ApiDeps& deps, AuthedHandler handler) {
    return [&deps, handler = std::move(handler)](const Request& req) -> Response {
        auto header = req.Header("authorization");
        constexpr std::string_view kBearer = "Bearer ";
        if (!header || header->size() <= kBearer.size() || !header->starts_with(kBearer))
            return ErrorResponse(MakeError(Errc::kUnauthenticated, "log in first: Authorization: Bearer <token>"));
        auto actor = deps.auth.Authenticate(std::string_view(*header).substr(kBearer.size()));
        if (!actor) return ErrorResponse(actor.error());
        return handler(req, *actor);
    };
}

namespace {
std::optional<std::int64_t> ParseInt(std::string_view text) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size() || text.empty()) return std::nullopt;
    return v;
}
}  // namespace

Result<std::int64_t> PathId(const Request& req, std::string_view name) {
    auto it = req.path_params.find(std::string(name));
    if (it == req.path_params.end()) return FieldError(std::string(name), "is missing");
    auto v = ParseInt(it->second);
    if (!v || *v < 1) return MakeError(Errc::kNotFound, Quoted(it->second) + " is not an id");
    return *v;
}

Result<std::optional<std::int64_t>> QueryInt(const Request& req, std::string_view name, std::int64_t min,
                                             std::int64_t max) {
    auto text = req.Query(name);
    if (!text) return std::optional<std::int64_t>();
    auto v = ParseInt(*text);
    if (!v || *v < min || *v > max)
        return FieldError(std::string(name),
                          "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return std::optional<std::int64_t>(*v);
}

Result<std::optional<Date>> QueryDate(const Request& req, std::string_view name) {
    auto text = req.Query(name);
    if (!text) return std::optional<Date>();
    CREDO_TRY(auto d, ParseDate(*text, name));
    return std::optional<Date>(d);
}

Result<bool> QueryBool(const Request& req, std::string_view name, bool otherwise) {
    auto text = req.Query(name);
    if (!text || text->empty()) return otherwise;
    if (*text != "true" && *text != "false") return FieldError(std::string(name), "must be true or false");
    return *text == "true";
}

Result<PageQuery> QueryPage(const Request& req) {
    CREDO_TRY(auto page, QueryInt(req, "page", 1, 1000000));
    CREDO_TRY(auto size, QueryInt(req, "page_size", 1, 200));
    PageQuery out;
    out.page = static_cast<int>(page.value_or(1));
    out.limit = static_cast<int>(size.value_or(out.limit));
    out.offset = (out.page - 1) * out.limit;
    return out;
}

std::optional<std::int64_t> OptionalIfMatch(const Request& req) {
    auto h = req.Header("if-match");
    if (!h) return std::nullopt;
    std::string_view v = *h;
    if (v.starts_with("W/")) v.remove_prefix(2);
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    return ParseInt(v);
}

Result<std::int64_t> IfMatchVersion(const Request& req) {
    if (!req.Header("if-match"))
        return MakeError(Errc::kPreconditionRequired,
                         "send If-Match: <version> with the version of the file you are changing");
    auto v = OptionalIfMatch(req);
    if (!v) return FieldError("If-Match", Quoted(*req.Header("if-match")) + " is not a version number");
    return *v;
}

Status OnlyQuery(const Request& req, std::initializer_list<std::string_view> allowed) {
    for (const auto& [k, _] : req.query) {
        if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
            return FieldError(k, "is not a parameter of this endpoint");
    }
    return Ok();
}

Result<std::optional<std::string>> TextMember(const boost::json::object& o, std::string_view key) {
    const boost::json::value* v = o.if_contains(key);
    if (!v || v->is_null()) return std::optional<std::string>();
    if (!v->is_string()) return FieldError(std::string(key), "must be text");
    return std::optional<std::string>(std::string(v->get_string()));
}

Result<std::optional<Date>> DateMember(const boost::json::object& o, std::string_view key) {
    CREDO_TRY(auto text, TextMember(o, key));
    if (!text) return std::optional<Date>();
    CREDO_TRY(Date d, ParseDate(*text, key));
    return std::optional<Date>(d);
}

Status OnlyMembers(const boost::json::object& o, std::initializer_list<std::string_view> allowed) {
    for (const auto& [k, _] : o)
        if (std::find(allowed.begin(), allowed.end(), std::string_view(k)) == allowed.end())
            return FieldError(std::string(k), "is not a field of this request");
    return Ok();
}

}  // namespace credo::http
