// Result<T>: the value of an operation that can fail in an expected way.
//
// Every expected failure in Credo — a field that does not validate, a customer that does not exist, a
// stale version, a forbidden action — is returned as an Error value, never thrown. Exceptions are kept
// for bugs and for resource exhaustion; they end the request with a 500.
//
// Errc is closed: each code has exactly one meaning, and http/error_mapping.cpp is the only place that
// turns codes into HTTP statuses (the CLI turns them into exit codes). Clients switch on the code,
// never on the message text. The message names the field and the value that were wrong.
#pragma once

#include <boost/system/result.hpp>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace credo {

enum class Errc {
    kInvalidArgument,       // input does not validate; `fields` says which field and why
    kNotFound,              // the thing does not exist (or is outside the caller's scope)
    kConflict,              // the caller's version is stale, or the state forbids the change
    kAlreadyExists,         // a unique key is taken
    kPreconditionRequired,  // an update came without the version it is based on (If-Match)
    kUnauthenticated,       // no valid session or credentials
    kForbidden,             // authenticated, but the role may not do this
    kLocked,                // the account is locked after repeated failed logins
    kPayloadTooLarge,       // the request body exceeds the limit
    kUnsupported,           // a format or operation this build does not support
    kUnavailable,           // a dependency (the database) is temporarily unreachable; retry later
    kInternal,              // a bug or an unexpected failure; details are in the log
};

// The stable, lower_snake_case name of a code, as it appears in API errors ("invalid_argument").
std::string_view ErrcName(Errc code);

struct Error {
    Errc code = Errc::kInternal;
    std::string message;
    // Field path -> what is wrong with it ("contacts[0].email" -> "not a valid e-mail address").
    std::map<std::string, std::string> fields;
    // Free-form details a client may use (e.g. "current_version" for a conflict).
    std::map<std::string, std::string> details;
};

Error MakeError(Errc code, std::string message);
// An invalid-argument error about one field.
Error FieldError(std::string field, std::string problem);
Error NotFound(std::string_view what, std::string_view id);
// User input quoted for an error message: "value". Long input is cut at a UTF-8 character boundary
// (so the message stays valid UTF-8) because a megabyte-long field must not become a megabyte-long
// message.
std::string Quoted(std::string_view text);

// Lets Result<T>::value() throw a readable exception when misused on an error (a bug).
[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

template <class T>
using Result = boost::system::result<T, Error>;

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace credo

// CREDO_TRY(var, expr): evaluates a Result-returning expr; returns its error from the enclosing
// function, else binds the value to `var`.
#define CREDO_CONCAT_INNER(a, b) a##b
#define CREDO_CONCAT(a, b) CREDO_CONCAT_INNER(a, b)
#define CREDO_TRY(var, expr)                                                                    \
    auto CREDO_CONCAT(credo_try_, __LINE__) = (expr);                                           \
    if (!CREDO_CONCAT(credo_try_, __LINE__)) return CREDO_CONCAT(credo_try_, __LINE__).error(); \
    var = std::move(*CREDO_CONCAT(credo_try_, __LINE__))
// CREDO_CHECK(expr): for Status-returning expressions.
#define CREDO_CHECK(expr)                                                                               \
    do {                                                                                                \
        auto CREDO_CONCAT(credo_check_, __LINE__) = (expr);                                             \
        if (!CREDO_CONCAT(credo_check_, __LINE__)) return CREDO_CONCAT(credo_check_, __LINE__).error(); \
    } while (0)
