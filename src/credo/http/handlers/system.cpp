// Health, the OpenAPI document, and the reference data forms need: regions and the field catalog.
#include "credo/http/handlers/common.hpp"
#include "credo/http/openapi_json.hpp"

namespace credo::http {
namespace json = boost::json;
using namespace credo::domain;

namespace {

std::string_view TypeName(FieldType t) {
    switch (t) {
        case FieldType::kText:
            return "text";
        case FieldType::kLongText:
            return "long_text";
        case FieldType::kEmail:
            return "email";
        case FieldType::kPhone:
            return "phone";
        case FieldType::kUrl:
            return "url";
        case FieldType::kPostcode:
            return "postcode";
        case FieldType::kTaxId:
            return "tax_id";
        case FieldType::kDate:
            return "date";
        case FieldType::kMoney:
            return "money";
        case FieldType::kRating:
            return "rating";
        case FieldType::kEnum:
            return "enum";
        case FieldType::kTextList:
            return "text_list";
    }
    return "text";
}

json::array Kinds(unsigned mask) {
    json::array out;
    for (const auto& [kind, name] : kCustomerKindNames.entries)
        if (mask & KindBit(kind)) out.emplace_back(name);
    return out;
}

template <class Names>
json::array NamesOf(const Names& names) {
    json::array out;
    for (const auto& [_, name] : names.entries) out.emplace_back(name);
    return out;
}

json::object CatalogJson() {
    json::array groups;
    for (auto g : FieldGroups()) groups.emplace_back(g);
    json::array fields;
    for (const auto& f : CustomerFields()) {
        json::object o{{"key", f.key},
                       {"group", f.group},
                       {"type", TypeName(f.type)},
                       {"required_for", Kinds(f.required)},
                       {"expected_for", Kinds(f.required | f.expected)}};
        if (!f.options.empty()) {
            json::array options;
            for (auto opt : f.options) options.emplace_back(opt);
            o["options"] = std::move(options);
        }
        if (f.max_length > 0) o["max_length"] = f.max_length;
        fields.push_back(std::move(o));
    }
    return json::object{{"groups", groups},
                        {"fields", fields},
                        {"kinds", NamesOf(kCustomerKindNames)},
                        {"natures", NamesOf(kNatureNames)},
                        {"importances", NamesOf(kImportanceNames)},
                        {"lifecycles", NamesOf(kLifecycleNames)},
                        {"stages", NamesOf(kStageNames)},
                        {"activity_types", NamesOf(kActivityTypeNames)}};
}

}  // namespace

void RegisterSystem(Router& router, ApiDeps& deps) {
    const std::string health =
        json::serialize(json::object{{"status", "ok"}, {"version", deps.version}, {"database", deps.db.Backend()}});
    router.Add(Method::kGet, "/api/v1/health", Dispatch::kInline, [health](const Request&) {
        Response r;
        r.body = health;
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
    });
    router.Add(Method::kGet, "/api/v1/openapi.json", Dispatch::kInline, [](const Request&) {
        Response r;
        r.body = std::string(kOpenApiJson);
        r.headers.emplace_back("Cache-Control", "public, max-age=300");
        return r;
    });
    router.Add(Method::kGet, "/api/v1/regions", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request&, const Actor&) {
                   auto regions = app::ReadTx(deps.db, [](app::Tx& tx) { return tx.Regions().List(); });
                   if (!regions) return ToResponse(regions.error());
                   json::array items;
                   for (const auto& r : *regions) items.push_back(json::object{{"code", r.code}, {"name", r.name}});
                   return JsonResponse(200, json::object{{"items", items}});
               }));
    router.Add(Method::kGet, "/api/v1/metrics", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request&, const Actor&) {
                   Response r;
                   r.content_type = "text/plain; version=0.0.4";
                   if (deps.metrics) r.body = deps.metrics->Render();
                   return r;
               }));
    const std::string catalog = json::serialize(CatalogJson());
    router.Add(Method::kGet, "/api/v1/customer-fields", Dispatch::kBlocking,
               Authed(deps, [catalog](const Request&, const Actor&) {
                   Response r;
                   r.body = catalog;
                   return r;
               }));
}

}  // namespace credo::http
