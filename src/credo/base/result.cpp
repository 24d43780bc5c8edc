#include "credo/base/result.hpp"

#include <stdexcept>

namespace credo {

std::string_view ErrcName(Errc code) {
    switch (code) {
        case Errc::kInvalidArgument:
            return "invalid_argument";
        case Errc::kNotFound:
            return "not_found";
        case Errc::kConflict:
            return "conflict";
        case Errc::kAlreadyExists:
            return "already_exists";
        case Errc::kPreconditionRequired:
            return "precondition_required";
        case Errc::kUnauthenticated:
            return "unauthenticated";
        case Errc::kForbidden:
            return "forbidden";
        case Errc::kLocked:
            return "locked";
        case Errc::kPayloadTooLarge:
            return "payload_too_large";
        case Errc::kUnsupported:
            return "unsupported";
        case Errc::kUnavailable:
            return "unavailable";
        case Errc::kInternal:
            return "internal";
    }
    return "internal";
}

Error MakeError(Errc code, std::string message) { return Error{code, std::move(message), {}, {}}; }

Error FieldError(std::string field, std::string problem) {
    Error e{Errc::kInvalidArgument, field + ": " + problem, {}, {}};
    e.fields.emplace(std::move(field), std::move(problem));
    return e;
}

Error NotFound(std::string_view what, std::string_view id) {
    return MakeError(Errc::kNotFound, std::string(what) + " " + std::string(id) + " does not exist");
}

std::string Quoted(std::string_view text) {
    constexpr std::size_t kMaxShown = 64;
    if (text.size() <= kMaxShown) return "\"" + std::string(text) + "\"";
    std::size_t cut = kMaxShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + std::string(text.substr(0, cut)) + "...\"";
}

void throw_exception_from_error(const Error& e, const boost::source_location& loc) {
    throw std::logic_error(std::string("unchecked error ") + std::string(ErrcName(e.code)) + ": " + e.message + " at " +
                           loc.file_name() + ":" + std::to_string(loc.line()));
}

}  // namespace credo
