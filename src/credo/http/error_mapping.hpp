// The one table from Errc to HTTP status, and the JSON error body of SPEC §12:
// {"error": {"code": "...", "message": "...", "fields": {...}, "details": {...}}}.
#pragma once

#include "credo/base/result.hpp"
#include "credo/http/message.hpp"

namespace credo::http {

int StatusOf(Errc code);
Response ErrorResponse(const Error& error);

}  // namespace credo::http
