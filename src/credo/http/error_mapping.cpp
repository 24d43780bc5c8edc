#include "credo/http/error_mapping.hpp"

#include <boost/json.hpp>

namespace credo::http {

int StatusOf(Errc code) {
    switch (code) {
        case Errc::kInvalidArgument:
            return 400;
        case Errc::kUnauthenticated:
            return 401;
        case Errc::kForbidden:
            return 403;
        case Errc::kNotFound:
            return 404;
        case Errc::kUnsupported:
            return 415;
        case Errc::kConflict:
            return 409;
        case Errc::kAlreadyExists:
            return 409;
        case Errc::kPayloadTooLarge:
            return 413;
        case Errc::kLocked:
            return 423;
        case Errc::kPreconditionRequired:
            return 428;
        case Errc::kUnavailable:
            return 503;
        case Errc::kInternal:
            return 500;
    }
    return 500;
}

Response ErrorResponse(const Error& error) {
    boost::json::object e{{"code", ErrcName(error.code)},
                          {"message", error.code == Errc::kInternal ? "internal error" : error.message}};
    if (!error.fields.empty()) {
        boost::json::object fields;
        for (const auto& [k, v] : error.fields) fields[k] = v;
        e["fields"] = std::move(fields);
    }
    if (!error.details.empty()) {
        boost::json::object details;
        for (const auto& [k, v] : error.details) details[k] = v;
        e["details"] = std::move(details);
    }
    Response r;
    r.status = StatusOf(error.code);
    r.body = boost::json::serialize(boost::json::object{{"error", std::move(e)}});
    if (error.code == Errc::kUnauthenticated) r.headers.emplace_back("WWW-Authenticate", "Bearer");
    return r;
}

}  // namespace credo::http
