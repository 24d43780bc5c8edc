// StaticFiles: the built web application (web/dist), read into memory once at startup and served for
// GET and HEAD of every path outside /api/ (Router::SetFallback).
//
// A request path (already percent-decoded by the server) names a file by its path under the root.
// Paths with a `..`, `.` or dot-file segment, a backslash or a NUL are refused with 404; since only the
// files found at startup are ever answered, nothing outside the root can be reached. A path that names no
// file and whose last segment has no extension (`/customers/42`) is a route of the single-page
// application and gets index.html; other misses (`/logo.png`, anything under /assets/) get 404.
//
// Caching: Vite puts a content hash in every name under /assets/, so those are `immutable` for a year;
// everything else (index.html first) is `no-cache` and revalidated with a strong ETag (If-None-Match →
// 304). When the client accepts gzip and `<file>.gz` lies beside the file, the .gz bytes are sent with
// `Content-Encoding: gzip`. HTML carries the security headers (CSP, frame and referrer policy).
//
// Immutable after Load(), so Serve() is thread-safe; it does not block (no I/O) and may run on an I/O
// thread.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <unordered_map>

#include "credo/base/result.hpp"
#include "credo/http/message.hpp"

namespace credo::http {

class StaticFiles {
 public:
    // Reads every regular file under `root`, skipping dot-files and dot-directories. kInvalidArgument
    // naming `static_dir` when `root` is not a directory, has no index.html, holds more than 256 MiB, or
    // a file cannot be read.
    static Result<StaticFiles> Load(const std::filesystem::path& root);

    // The answer to GET or HEAD of `request.path`, a decoded path outside /api/.
    Response Serve(const Request& request) const;

    std::size_t file_count() const { return files_.size(); }
    std::size_t total_bytes() const { return total_bytes_; }

 private:
    struct File {
        std::string body;
        std::string content_type;
        std::string etag;  // "\"<64-bit FNV-1a of body, hex>\""
        bool compressible = false;
    };

    StaticFiles() = default;
    Response Answer(const Request& request, const std::string& key) const;

    std::unordered_map<std::string, File> files_;  // by URL path: "/index.html", "/assets/index-3f2a.js"
    std::size_t total_bytes_ = 0;
};

}  // namespace credo::http
