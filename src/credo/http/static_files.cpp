#include "credo/http/static_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>

#include "credo/http/error_mapping.hpp"

namespace credo::http {

namespace {

// A built web application is a few MiB; far more means static_dir points somewhere else by mistake.
constexpr std::uintmax_t kMaxTotalBytes = 256u * 1024 * 1024;

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
// Ant Design writes its styles inline, hence 'unsafe-inline' for styles (and only for styles).
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
    "font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

struct FileType {
    std::string_view extension;
    std::string_view content_type;
    bool compressible;
};

constexpr FileType kTypes[] = {
    {"html", "text/html; charset=utf-8", true},
    {"js", "text/javascript; charset=utf-8", true},
    {"mjs", "text/javascript; charset=utf-8", true},
    {"css", "text/css; charset=utf-8", true},
    {"svg", "image/svg+xml", true},
    {"json", "application/json", true},
    {"webmanifest", "application/manifest+json", true},
    {"map", "application/json", true},
    {"txt", "text/plain; charset=utf-8", true},
    {"png", "image/png", false},
    {"jpg", "image/jpeg", false},
    {"jpeg", "image/jpeg", false},
    {"ico", "image/x-icon", false},
    {"woff", "font/woff", false},
    {"woff2", "font/woff2", false},
};
constexpr FileType kUnknownType = {"", "application/octet-stream", false};

std::string_view LastSegment(std::string_view path) { return path.substr(path.rfind('/') + 1); }

const FileType& TypeOf(std::string_view path) {
    const std::string_view name = LastSegment(path);
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos) return kUnknownType;
    std::string extension(name.substr(dot + 1));
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const FileType& type : kTypes)
        if (type.extension == extension) return type;
    return kUnknownType;
}

// A strong validator from the content: FNV-1a, 64 bits, stable across servers running the same build.
std::string ETagOf(std::string_view bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return fmt::format("\"{:016x}\"", hash);
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// Calls `fn` with each trimmed element of a comma-separated header value until it returns true.
template <class Fn>
bool AnyElement(std::string_view list, Fn fn) {
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (fn(Trim(list.substr(0, comma)))) return true;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

// "gzip", "gzip;q=0.8", "br, gzip" accept gzip; "gzip;q=0" refuses it.
bool AcceptsGzip(std::string_view accept_encoding) {
    return AnyElement(accept_encoding, [](std::string_view coding) {
        const auto semicolon = coding.find(';');
        if (!EqualsIgnoreCase(Trim(coding.substr(0, semicolon)), "gzip")) return false;
        if (semicolon == std::string_view::npos) return true;
        std::string_view param = Trim(coding.substr(semicolon + 1));
        if (!param.starts_with("q=") && !param.starts_with("Q=")) return true;
        param.remove_prefix(2);
        return param.find_first_not_of("0.") != std::string_view::npos;  // q=0, q=0.0, q=0.000: refused
    });
}

bool MatchesIfNoneMatch(std::string_view if_none_match, std::string_view etag) {
    return AnyElement(if_none_match, [etag](std::string_view tag) {
        if (tag.starts_with("W/")) tag.remove_prefix(2);  // If-None-Match compares weakly (RFC 9110 13.1.2)
        return tag == "*" || tag == etag;
    });
}

// "/a//b/" -> "/a/b", "/" -> "/"; nullopt when a segment is ".", "..", a dot-file, or holds a backslash
// or a NUL (which the percent-decoding of %5C or %00 may have produced).
std::optional<std::string> Normalise(std::string_view path) {
    if (path.empty() || path.front() != '/') return std::nullopt;
    static constexpr std::string_view kForbidden("\\\0", 2);
    std::string out;
    while (!path.empty()) {
        path.remove_prefix(1);  // the '/'
        const std::string_view segment = path.substr(0, path.find('/'));
        path.remove_prefix(segment.size());
        if (segment.empty()) continue;
        if (segment.front() == '.' || segment.find_first_of(kForbidden) != std::string_view::npos) return std::nullopt;
        out += '/';
        out += segment;
    }
    if (out.empty()) out = "/";
    return out;
}

Response NotFoundResponse(const Request& request) {
    return ErrorResponse(MakeError(Errc::kNotFound, "no file at " + Quoted(request.path)));
}

}  // namespace

Result<StaticFiles> StaticFiles::Load(const std::filesystem::path& root) {
    namespace fs = std::filesystem;
    auto invalid = [&root](std::string problem) { return FieldError("static_dir", root.string() + " " + problem); };
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return invalid("is not a directory");
    StaticFiles out;
    fs::recursive_directory_iterator it(root, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        if (entry.path().filename().string().starts_with('.')) {
            if (entry.is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (!entry.is_regular_file(ec)) continue;
        const std::uintmax_t size = entry.file_size(ec);
        if (ec) break;
        if (out.total_bytes_ + size > kMaxTotalBytes)
            return invalid("holds more than 256 MiB; is it the built web application?");
        std::ifstream in(entry.path(), std::ios::binary);
        std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) return invalid("cannot be read: " + entry.path().string());
        std::string key = "/" + entry.path().lexically_relative(root).generic_string();
        const FileType& type = TypeOf(key);
        out.total_bytes_ += body.size();
        File file{std::move(body), std::string(type.content_type), "", type.compressible};
        file.etag = ETagOf(file.body);
        out.files_.insert_or_assign(std::move(key), std::move(file));
    }
    if (ec) return invalid("cannot be read: " + ec.message());
    if (!out.files_.contains("/index.html")) return invalid("has no index.html");
    return out;
}

Response StaticFiles::Serve(const Request& request) const {
    const std::optional<std::string> path = Normalise(request.path);
    if (!path) return NotFoundResponse(request);
    const std::string key = *path == "/" ? "/index.html" : *path;
    if (files_.contains(key)) return Answer(request, key);
    // A miss under /assets/ or with an extension is a missing file; anything else is a client-side route.
    if (key.starts_with("/assets/") || LastSegment(key).find('.') != std::string_view::npos)
        return NotFoundResponse(request);
    return Answer(request, "/index.html");
}

Response StaticFiles::Answer(const Request& request, const std::string& key) const {
    const File& file = files_.at(key);
    const auto gzipped = files_.find(key + ".gz");
    const bool has_gzip = gzipped != files_.end();
    const File& sent = has_gzip && AcceptsGzip(request.Header("accept-encoding").value_or("")) ? gzipped->second : file;

    Response response;
    response.content_type = file.content_type;
    if (&sent != &file) response.headers.emplace_back("Content-Encoding", "gzip");
    if (file.compressible || has_gzip) response.headers.emplace_back("Vary", "Accept-Encoding");
    response.headers.emplace_back("Cache-Control", key.starts_with("/assets/") ? kImmutable : "no-cache");
    response.headers.emplace_back("ETag", sent.etag);
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    if (file.content_type.starts_with("text/html")) {
        response.headers.emplace_back("X-Frame-Options", "DENY");
        response.headers.emplace_back("Referrer-Policy", "same-origin");
        response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
    }
    if (MatchesIfNoneMatch(request.Header("if-none-match").value_or(""), sent.etag)) {
        response.status = 304;
        return response;
    }
    response.body = sent.body;
    return response;
}

}  // namespace credo::http
