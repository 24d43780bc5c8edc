#include "credo/http/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/url/parse.hpp>
#include <cctype>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace credo::http {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

constexpr std::uint32_t kHeaderLimit = 16 * 1024;
// After an error response the client may still be sending (say the rest of an oversized body). Closing
// with unread data makes the kernel send RST, which can destroy our response before the client reads
// it, so we read and discard for a bounded time and amount first.
constexpr std::chrono::seconds kLingerTimeout{1};
constexpr std::size_t kLingerMaxBytes = 1024 * 1024;

constexpr auto kUseAwaitable = asio::as_tuple(asio::use_awaitable);

void AppendJsonEscaped(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += "\\u00";
                    out += kHex[(c >> 4) & 0xf];
                    out += kHex[c & 0xf];
                } else {
                    out += c;
                }
        }
    }
}

Response ErrorResponse(int status, std::string_view code, std::string_view message) {
    Response response;
    response.status = status;
    response.body.reserve(40 + code.size() + message.size());
    response.body += R"({"error":{"code":")";
    AppendJsonEscaped(response.body, code);
    response.body += R"(","message":")";
    AppendJsonEscaped(response.body, message);
    response.body += R"("}})";
    return response;
}

Method ToMethod(bhttp::verb verb) {
    switch (verb) {
        case bhttp::verb::get:
            return Method::kGet;
        case bhttp::verb::post:
            return Method::kPost;
        case bhttp::verb::put:
            return Method::kPut;
        case bhttp::verb::patch:
            return Method::kPatch;
        case bhttp::verb::delete_:
            return Method::kDelete;
        case bhttp::verb::head:
            return Method::kHead;
        case bhttp::verb::options:
            return Method::kOptions;
        default:
            return Method::kOther;
    }
}

bool IsHttpProtocolError(const error_code& ec) {
    static const boost::system::error_category& kHttpCategory =
        bhttp::make_error_code(bhttp::error::bad_target).category();
    return ec.category() == kHttpCategory && ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// Runs `fn` on the worker pool and completes on the awaiting coroutine's own executor. Plain
// `co_await post(pool, use_awaitable)` would not do: post() dispatches an awaitable's continuation back to
// the coroutine's executor, so the handler would end up running on the I/O thread after all.
template <typename Fn, typename CompletionToken>
auto RunOnPool(asio::thread_pool& pool, Fn fn, CompletionToken&& token) {
    return asio::async_initiate<CompletionToken, void(Response)>(
        [&pool](auto handler, Fn f) {
            // Tracked work keeps io_context::run() from returning while the job is away on the pool.
            auto home = asio::prefer(asio::get_associated_executor(handler), asio::execution::outstanding_work.tracked);
            asio::post(pool, [handler = std::move(handler), f = std::move(f), home = std::move(home)]() mutable {
                Response response = f();
                asio::post(home, [handler = std::move(handler), response = std::move(response)]() mutable {
                    std::move(handler)(std::move(response));
                });
            });
        },
        token, std::move(fn));
}

struct Session {
    enum class State { kIdle, kBusy };

    Session(std::uint64_t session_id, tcp::socket socket) : id(session_id), stream(std::move(socket)) {
        error_code ec;
        auto endpoint = stream.socket().remote_endpoint(ec);
        if (!ec) remote_address = endpoint.address().to_string();
    }

    // Runs on the session's strand. A connection waiting for its next request is closed now; one in the
    // middle of a request finishes it and then closes (Connection: close).
    void OnShutdown() {
        closing = true;
        if (state == State::kIdle) {
            error_code ec;
            stream.socket().shutdown(tcp::socket::shutdown_both, ec);
            stream.close();
        }
    }

    const std::uint64_t id;
    beast::tcp_stream stream;
    beast::flat_buffer buffer;  // reused across requests: keep-alive traffic then reads without allocating
    std::optional<bhttp::request_parser<bhttp::string_body>> parser;
    std::string remote_address;
    State state = State::kIdle;
    bool closing = false;
};

class Core {
 public:
    Core(ServerOptions options, const Router& router)
        : options_(std::move(options)),
          router_(router),
          ioc_(std::max(1, options_.io_threads)),
          accept_strand_(asio::make_strand(ioc_)),
          acceptor_(accept_strand_),
          pool_(static_cast<std::size_t>(std::max(1, options_.workers))),
          read_pool_(static_cast<std::size_t>(std::max(1, options_.read_workers))) {}

    ~Core() {
        // Jobs still queued on the pool own coroutine frames that reference the io_context; they must go
        // (with the pool) before it does, which the member order also guarantees.
        pool_.stop();
        pool_.join();
    }

    void Listen() {
        if (acceptor_.is_open()) return;
        error_code ec;
        auto address = asio::ip::make_address(options_.address, ec);
        tcp::endpoint endpoint;
        if (!ec) {
            endpoint = tcp::endpoint(address, options_.port);
            acceptor_.open(endpoint.protocol(), ec);
        }
        if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
        if (!ec) acceptor_.bind(endpoint, ec);
        if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
        if (!ec) port_ = acceptor_.local_endpoint(ec).port();
        if (ec) {
            error_code ignored;
            acceptor_.close(ignored);
            bool v6 = options_.address.find(':') != std::string::npos;
            std::string where = v6 ? "[" + options_.address + "]" : options_.address;
            throw std::system_error(ec, "cannot listen on " + where + ":" + std::to_string(options_.port));
        }
    }

    std::uint16_t port() const { return port_; }

    void RequestStop() {
        std::lock_guard lock(mu_);
        stop_requested_ = true;
        cv_.notify_all();
    }

    void Run() {
        Listen();
        signals_.emplace(ioc_, SIGINT, SIGTERM);
        signals_->async_wait([this](const error_code& ec, int signal_number) {
            if (ec) return;
            spdlog::info("received signal {}, shutting down", signal_number);
            RequestStop();
        });
        asio::co_spawn(accept_strand_, Accept(), [](std::exception_ptr e) { LogIfFailed(e, "accept loop"); });

        auto work = asio::make_work_guard(ioc_);
        std::vector<std::thread> threads;
        for (int i = 0; i < std::max(1, options_.io_threads); ++i) threads.emplace_back([this] { RunIo(); });

        {
            std::unique_lock lock(mu_);
            cv_.wait(lock, [this] { return stop_requested_; });
        }
        asio::post(accept_strand_, [this] { BeginShutdown(); });
        {
            std::unique_lock lock(mu_);
            bool drained =
                cv_.wait_for(lock, options_.drain_timeout, [this] { return stopping_ && sessions_.empty(); });
            if (!drained) {
                spdlog::warn("shutdown: {} connection(s) still busy after {}s, closing them", sessions_.size(),
                             options_.drain_timeout.count());
            }
        }

        ioc_.stop();
        for (auto& thread : threads) thread.join();
        work.reset();
        signals_.reset();  // gives SIGINT/SIGTERM back their default behaviour
        CloseRemainingSessions();
        // When this returns no handler may be running any more: the caller is about to tear down what
        // handlers use. A handler stuck past the drain timeout therefore delays the return.
        read_pool_.stop();
        read_pool_.join();
        pool_.stop();
        pool_.join();
    }

 private:
    static void LogIfFailed(const std::exception_ptr& e, std::string_view what) {
        if (!e) return;
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& ex) {
            spdlog::error("http: {} failed: {}", what, ex.what());
        } catch (...) {
            spdlog::error("http: {} failed with an unknown exception", what);
        }
    }

    void RunIo() {
        for (;;) {
            try {
                ioc_.run();
                return;
            } catch (const std::exception& e) {
                spdlog::error("http: I/O thread caught: {}", e.what());
            }
        }
    }

    // Runs on accept_strand_, like the accept loop, so it can close the acceptor safely.
    void BeginShutdown() {
        error_code ignored;
        acceptor_.close(ignored);
        std::vector<std::shared_ptr<Session>> live;
        {
            std::lock_guard lock(mu_);
            stopping_ = true;
            live.reserve(sessions_.size());
            for (auto& [id, weak] : sessions_) {
                if (auto session = weak.lock()) live.push_back(std::move(session));
            }
            if (sessions_.empty()) cv_.notify_all();
        }
        for (auto& session : live) {
            asio::post(session->stream.get_executor(), [session] { session->OnShutdown(); });
        }
    }

    // Only after the I/O threads have stopped: nothing else touches the sockets any more.
    void CloseRemainingSessions() {
        std::vector<std::shared_ptr<Session>> live;
        {
            std::lock_guard lock(mu_);
            for (auto& [id, weak] : sessions_) {
                if (auto session = weak.lock()) live.push_back(std::move(session));
            }
        }
        for (auto& session : live) {
            error_code ignored;
            session->stream.socket().close(ignored);
        }
    }

    asio::awaitable<void> Accept() {
        for (;;) {
            auto [ec, socket] =
                co_await acceptor_.async_accept(asio::any_io_executor(asio::make_strand(ioc_)), kUseAwaitable);
            if (ec) {
                if (!acceptor_.is_open() || ec == asio::error::operation_aborted) co_return;
                spdlog::warn("http: accept failed: {}", ec.message());
                // Typically out of file descriptors: back off rather than spin on the error.
                asio::steady_timer backoff(co_await asio::this_coro::executor, std::chrono::milliseconds(50));
                co_await backoff.async_wait(kUseAwaitable);
                continue;
            }
            StartSession(std::move(socket));
        }
    }

    void StartSession(tcp::socket socket) {
        error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        std::shared_ptr<Session> session;
        {
            std::lock_guard lock(mu_);
            if (stopping_) return;  // accepted just before the acceptor closed; dropping it closes it
            session = std::make_shared<Session>(next_session_id_++, std::move(socket));
            sessions_.emplace(session->id, session);
        }
        asio::co_spawn(session->stream.get_executor(), Serve(session), asio::detached);
    }

    asio::awaitable<void> Serve(std::shared_ptr<Session> session) {
        try {
            co_await ServeRequests(*session);
        } catch (const std::exception& e) {
            spdlog::error("http: connection from {} failed: {}", session->remote_address, e.what());
        }
        std::lock_guard lock(mu_);
        sessions_.erase(session->id);
        if (stopping_ && sessions_.empty()) cv_.notify_all();
    }

    asio::awaitable<void> ServeRequests(Session& s) {
        error_code ec;
        std::size_t bytes = 0;
        while (!s.closing) {
            auto& parser = s.parser.emplace();
            parser.header_limit(kHeaderLimit);
            parser.body_limit(options_.max_body_bytes);

            s.state = Session::State::kIdle;
            s.stream.expires_after(options_.read_timeout);
            std::tie(ec, bytes) = co_await bhttp::async_read_header(s.stream, s.buffer, parser, kUseAwaitable);
            s.state = Session::State::kBusy;
            if (!ec && !parser.is_done()) {
                if (auto expect = parser.get()[bhttp::field::expect]; EqualsIgnoreCase(expect, "100-continue")) {
                    bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, parser.get().version()};
                    s.stream.expires_after(options_.read_timeout);
                    std::tie(ec, bytes) = co_await bhttp::async_write(s.stream, go_on, kUseAwaitable);
                    if (ec) break;
                }
                s.stream.expires_after(options_.read_timeout);
                std::tie(ec, bytes) = co_await bhttp::async_read(s.stream, s.buffer, parser, kUseAwaitable);
            }
            if (ec) {
                co_await AnswerReadError(s, ec);
                co_return;
            }
            if (!co_await HandleRequest(s)) break;
        }
        s.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        s.stream.close();
    }

    // Timeouts, resets and clients closing between requests end the connection silently; a request
    // we refuse gets a JSON error first.
    asio::awaitable<void> AnswerReadError(Session& s, const error_code& ec) {
        std::optional<Response> response;
        if (ec == bhttp::error::body_limit) {
            response = ErrorResponse(413, "payload_too_large",
                                     "request body exceeds " + std::to_string(options_.max_body_bytes) + " bytes");
        } else if (ec == bhttp::error::header_limit) {
            response = ErrorResponse(431, "invalid_argument",
                                     "request header exceeds " + std::to_string(kHeaderLimit) + " bytes");
        } else if (IsHttpProtocolError(ec)) {
            response = ErrorResponse(400, "invalid_argument", "malformed request: " + ec.message());
        }
        if (response) {
            if (co_await WriteResponse(s, std::move(*response), 11, /*keep_alive=*/false, /*head_only=*/false)) {
                co_await Linger(s);
            }
        }
        error_code ignored;
        s.stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        s.stream.close();
    }

    asio::awaitable<void> Linger(Session& s) {
        error_code ec;
        s.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        s.stream.expires_after(kLingerTimeout);
        std::array<char, 4096> sink;
        std::size_t total = 0;
        while (!ec && total < kLingerMaxBytes) {
            std::size_t n = 0;
            std::tie(ec, n) = co_await s.stream.async_read_some(asio::buffer(sink), kUseAwaitable);
            total += n;
        }
    }

    // Returns whether the connection stays open for another request.
    asio::awaitable<bool> HandleRequest(Session& s) {
        auto& message = s.parser->get();
        const bool head_only = message.method() == bhttp::verb::head;
        const unsigned version = message.version();
        const bool keep_alive = message.keep_alive();

        Request request;
        request.method = ToMethod(message.method());
        request.remote_address = s.remote_address;
        auto url = boost::urls::parse_origin_form(message.target());
        if (!url) {
            co_return co_await WriteResponse(s, ErrorResponse(400, "invalid_argument", "malformed request target"),
                                             version, false, head_only);
        }
        request.path = url->path();
        for (auto param : url->params()) request.query.emplace(std::move(param.key), std::move(param.value));
        for (const auto& field : message) {
            std::string name(field.name_string());
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            auto [it, inserted] = request.headers.try_emplace(std::move(name), field.value());
            if (!inserted) {  // repeated header: RFC 9110 lets us fold them into one comma-separated value
                it->second += ", ";
                it->second.append(field.value());
            }
        }
        request.body = std::move(message.body());

        const auto started = std::chrono::steady_clock::now();
        Router::Match match = router_.Find(request.method, request.path);
        if (match.route == nullptr && head_only) match = router_.Find(Method::kGet, request.path);
        if (match.fallback) {
            // The web application's files: answered from memory on this thread, and not API traffic.
            co_return co_await WriteResponse(s, Invoke(router_.fallback(), request), version, keep_alive && !s.closing,
                                             head_only);
        }
        const Route* observed = match.route;

        Response response;
        if (match.route == nullptr) {
            std::string method(MethodName(request.method));
            if (match.status == 405) {
                response = ErrorResponse(405, "unsupported", "method " + method + " not allowed for " + request.path);
                response.headers.emplace_back("Allow", AllowedMethods(request.path));
            } else {
                response = ErrorResponse(404, "not_found", "no route for " + method + " " + request.path);
            }
        } else {
            request.path_params = std::move(match.params);
            const Route& route = *match.route;
            if (route.dispatch == Dispatch::kInline) {
                response = Invoke(route.handler, request);
            } else {
                // Reads go to a pool as small as the machine's cores: more threads only add context
                // switches. Writes wait on the group commit, mostly asleep, so their pool is larger.
                const bool read = request.method == Method::kGet || request.method == Method::kHead;
                response = co_await RunOnPool(
                    read ? read_pool_ : pool_, [&route, &request] { return Invoke(route.handler, request); },
                    asio::use_awaitable);
            }
        }
        if (options_.metrics)
            options_.metrics->Observe(observed, response.status, std::chrono::steady_clock::now() - started);
        // Read `closing` only now: a shutdown that began while the handler ran still gets Connection: close.
        co_return co_await WriteResponse(s, std::move(response), version, keep_alive && !s.closing, head_only);
    }

    std::string AllowedMethods(std::string_view path) const {
        static constexpr Method kMethods[] = {Method::kGet,   Method::kHead,   Method::kPost,   Method::kPut,
                                              Method::kPatch, Method::kDelete, Method::kOptions};
        std::string allow;
        bool get = false;
        for (Method method : kMethods) {
            bool allowed = router_.Find(method, path).route != nullptr || (method == Method::kHead && get);
            if (method == Method::kGet) get = allowed;
            if (!allowed) continue;
            if (!allow.empty()) allow += ", ";
            allow += MethodName(method);
        }
        return allow;
    }

    static Response Invoke(const Handler& handler, const Request& request) noexcept {
        try {
            return handler(request);
        } catch (const std::exception& e) {
            spdlog::error("http: {} {} failed: {}", MethodName(request.method), request.path, e.what());
        } catch (...) {
            spdlog::error("http: {} {} failed with an unknown exception", MethodName(request.method), request.path);
        }
        return ErrorResponse(500, "internal", "internal error");
    }

    // Returns whether the connection stays open for another request.
    asio::awaitable<bool> WriteResponse(Session& s, Response response, unsigned version, bool keep_alive,
                                        bool head_only) {
        if (response.status < 100 || response.status > 599) {
            spdlog::error("http: handler returned invalid status {}", response.status);
            response = ErrorResponse(500, "internal", "internal error");
        }
        bhttp::response<bhttp::string_body> res;
        res.version(version);
        res.result(static_cast<unsigned>(response.status));
        if (!response.content_type.empty()) res.set(bhttp::field::content_type, response.content_type);
        for (auto& [name, value] : response.headers) res.insert(name, value);
        res.keep_alive(keep_alive);
        const bool bodiless_status =
            response.status < 200 || response.status == 204 || response.status == 304;  // RFC 9110 6.4.1
        if (!bodiless_status) res.body() = std::move(response.body);
        res.prepare_payload();
        if (head_only) res.body().clear();  // Content-Length still announces what GET would send

        s.stream.expires_after(options_.read_timeout);
        auto [ec, bytes] = co_await bhttp::async_write(s.stream, res, kUseAwaitable);
        co_return !ec && !res.need_eof();
    }

    const ServerOptions options_;
    const Router& router_;

    std::mutex mu_;  // guards the fields below up to sessions_
    std::condition_variable cv_;
    bool stop_requested_ = false;
    bool stopping_ = false;
    std::uint64_t next_session_id_ = 0;
    std::unordered_map<std::uint64_t, std::weak_ptr<Session>> sessions_;

    // Declaration order is destruction order in reverse: the io_context outlives everything that refers
    // to it (sessions owned by pending handlers, the pool's queued jobs).
    asio::io_context ioc_;
    asio::strand<asio::io_context::executor_type> accept_strand_;
    tcp::acceptor acceptor_;
    std::optional<asio::signal_set> signals_;
    asio::thread_pool pool_;
    asio::thread_pool read_pool_;
    std::uint16_t port_ = 0;
};

}  // namespace

struct Server::Impl {
    Impl(ServerOptions options, const Router& router) : core(std::move(options), router) {}
    Core core;
};

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() = default;

void Server::Listen() { impl_->core.Listen(); }

std::uint16_t Server::port() const { return impl_->core.port(); }

void Server::RunUntilSignalled() { impl_->core.Run(); }

void Server::Stop() { impl_->core.RequestStop(); }

}  // namespace credo::http
