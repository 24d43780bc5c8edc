// Server: HTTP/1.1 with keep-alive on Boost.Beast and Asio C++20 coroutines.
//
// One io_context run by `io_threads` threads accepts connections and parses requests; every route
// marked kBlocking runs on a bounded worker pool — GET and HEAD on `read_workers` threads (about the
// number of cores and of read connections), other methods on `workers` threads (writers mostly wait for
// the group commit) — and the coroutine resumes on the I/O side to write the response. GET and HEAD
// outside /api/ that match no route go to the router's fallback (the web application), inline. The session owns
// the limits: a body over `max_body_bytes` answers 413, a header section over 16 KiB 431, a request
// that does not arrive within `read_timeout` closes the connection (408 where a response is still
// possible). Stop() (and SIGTERM/SIGINT via RunUntilSignalled) stops accepting, lets requests in flight
// finish for up to `drain_timeout`, then closes everything.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "credo/http/metrics.hpp"
#include "credo/http/router.hpp"

namespace credo::http {

struct ServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;  // 0: pick a free port (see Server::port())
    int io_threads = 2;
    int workers = 16;      // threads for blocking writes (POST, PATCH, DELETE)
    int read_workers = 2;  // threads for blocking reads (GET, HEAD)
    std::size_t max_body_bytes = 8 * 1024 * 1024;
    std::chrono::seconds read_timeout{30};
    std::chrono::seconds drain_timeout{10};
    Metrics* metrics = nullptr;  // when set, every answered request is observed
};

class Server {
 public:
    Server(ServerOptions options, const Router& router);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and listens; throws std::system_error with a readable message when the address is taken.
    void Listen();
    std::uint16_t port() const;  // the bound port, after Listen()
    // Runs until Stop() is called or SIGTERM/SIGINT arrives, then drains and returns.
    void RunUntilSignalled();
    void Stop();

 private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace credo::http
