#include "credo/http/message.hpp"

namespace credo::http {

std::optional<std::string> Request::Header(std::string_view lower_name) const {
    auto it = headers.find(std::string(lower_name));
    if (it == headers.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Request::Query(std::string_view name) const {
    auto it = query.find(std::string(name));
    if (it == query.end()) return std::nullopt;
    return it->second;
}

std::string_view MethodName(Method m) {
    switch (m) {
        case Method::kGet:
            return "GET";
        case Method::kPost:
            return "POST";
        case Method::kPut:
            return "PUT";
        case Method::kPatch:
            return "PATCH";
        case Method::kDelete:
            return "DELETE";
        case Method::kHead:
            return "HEAD";
        case Method::kOptions:
            return "OPTIONS";
        case Method::kOther:
            return "OTHER";
    }
    return "OTHER";
}

}  // namespace credo::http
