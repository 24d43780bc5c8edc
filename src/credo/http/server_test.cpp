#include "credo/http/server.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <csignal>
#include <functional>
#include <future>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace credo::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

using ClientResponse = bhttp::response<bhttp::string_body>;

std::string ThreadTag() {
    std::ostringstream out;
    out << std::this_thread::get_id();
    return out.str();
}

Response Text(std::string body) {
    Response response;
    response.content_type = "text/plain";
    response.body = std::move(body);
    return response;
}

// A blocking HTTP/1.1 client on its own io_context: one keep-alive connection.
class Client {
 public:
    explicit Client(std::uint16_t port) : socket_(ioc_) {
        socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    }

    ClientResponse Send(bhttp::verb verb, std::string target, std::string body = {},
                        std::vector<std::pair<std::string, std::string>> headers = {}) {
        bhttp::request<bhttp::string_body> request{verb, target, 11};
        request.set(bhttp::field::host, "127.0.0.1");
        for (auto& [name, value] : headers) request.set(name, value);
        request.body() = std::move(body);
        request.prepare_payload();
        bhttp::write(socket_, request);
        return Read(verb == bhttp::verb::head);
    }

    ClientResponse Get(std::string target) { return Send(bhttp::verb::get, std::move(target)); }

    void WriteRaw(std::string_view bytes) { asio::write(socket_, asio::buffer(bytes.data(), bytes.size())); }

    ClientResponse Read(bool head = false) {
        bhttp::response_parser<bhttp::string_body> parser;
        parser.skip(head);
        parser.body_limit(64 * 1024 * 1024);
        bhttp::read(socket_, buffer_, parser);
        return parser.release();
    }

    // True when the server has closed the connection (EOF or reset) rather than sending anything.
    bool ServerClosed() {
        char byte;
        boost::system::error_code ec;
        if (buffer_.size() > 0) return false;
        socket_.read_some(asio::buffer(&byte, 1), ec);
        return ec == asio::error::eof || ec == asio::error::connection_reset;
    }

    tcp::socket& socket() { return socket_; }
    beast::flat_buffer& buffer() { return buffer_; }

 private:
    asio::io_context ioc_;
    tcp::socket socket_;
    beast::flat_buffer buffer_;
};

// A Server on 127.0.0.1:<free port> running RunUntilSignalled() on a background thread.
class TestServer {
 public:
    explicit TestServer(std::function<void(Router&)> add_routes, ServerOptions options = {}) {
        add_routes(router_);
        options.address = "127.0.0.1";
        options.port = 0;
        server_.emplace(options, router_);
        server_->Listen();
        thread_ = std::thread([this] {
            server_->RunUntilSignalled();
            returned_.set_value();
        });
    }

    ~TestServer() {
        server_->Stop();
        if (thread_.joinable()) thread_.join();
    }

    std::uint16_t port() const { return server_->port(); }
    Server& server() { return *server_; }

    // Waits for RunUntilSignalled() to return; false on timeout.
    bool WaitReturned(std::chrono::milliseconds timeout) {
        if (returned_future_.wait_for(timeout) != std::future_status::ready) return false;
        thread_.join();
        return true;
    }

 private:
    Router router_;
    std::optional<Server> server_;
    std::promise<void> returned_;
    std::future<void> returned_future_ = returned_.get_future();
    std::thread thread_;
};

void AddStandardRoutes(Router& router) {
    router.Add(Method::kGet, "/health", Dispatch::kInline, [](const Request&) { return Text("ok"); });
    router.Add(Method::kGet, "/thread/inline", Dispatch::kInline, [](const Request&) { return Text(ThreadTag()); });
    router.Add(Method::kGet, "/thread/blocking", Dispatch::kBlocking, [](const Request&) { return Text(ThreadTag()); });
    router.Add(Method::kGet, "/echo/{name}", Dispatch::kBlocking, [](const Request& request) {
        return Text(request.path_params.at("name") + "|" + request.Query("q").value_or("-") + "|" +
                    request.Query("plus").value_or("-") + "|" + request.Header("x-custom").value_or("-") + "|" +
                    request.path + "|" + std::to_string(request.query.count("q")));
    });
    router.Add(Method::kPost, "/echo", Dispatch::kBlocking, [](const Request& request) {
        Response response;
        response.status = 201;
        response.body = request.body;
        response.headers.emplace_back("X-Remote", request.remote_address);
        return response;
    });
    router.Add(Method::kGet, "/boom", Dispatch::kBlocking,
               [](const Request&) -> Response { throw std::runtime_error("database exploded"); });
    router.Add(Method::kGet, "/boom/inline", Dispatch::kInline,
               [](const Request&) -> Response { throw std::logic_error("inline exploded"); });
}

TEST(ServerTest, AnswersInlineAndBlockingRoutesOnDifferentThreads) {
    TestServer server(AddStandardRoutes);
    Client client(server.port());

    auto health = client.Get("/health");
    EXPECT_EQ(health.result_int(), 200);
    EXPECT_EQ(health.body(), "ok");
    EXPECT_EQ(health[bhttp::field::content_type], "text/plain");
    EXPECT_EQ(health[bhttp::field::content_length], "2");
    EXPECT_TRUE(health.keep_alive());

    auto inline_thread = client.Get("/thread/inline").body();
    auto blocking_thread = client.Get("/thread/blocking").body();
    EXPECT_NE(inline_thread, blocking_thread);
    EXPECT_NE(inline_thread, ThreadTag());
}

TEST(ServerTest, ServesConcurrentKeepAliveClients) {
    ServerOptions options;
    options.workers = 4;
    TestServer server(AddStandardRoutes, options);

    constexpr int kClients = 8;
    constexpr int kRequests = 50;
    std::atomic<int> ok{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
        clients.emplace_back([&, c] {
            Client client(server.port());  // one connection for all its requests: keep-alive
            for (int i = 0; i < kRequests; ++i) {
                auto name = std::to_string(c) + "-" + std::to_string(i);
                auto response = client.Get("/echo/" + name + "?q=" + std::to_string(i));
                if (response.result_int() == 200 && response.body().starts_with(name + "|" + std::to_string(i) + "|"))
                    ++ok;
                auto posted = client.Send(bhttp::verb::post, "/echo", name);
                if (posted.result_int() == 201 && posted.body() == name) ++ok;
            }
        });
    }
    for (auto& t : clients) t.join();
    EXPECT_EQ(ok.load(), kClients * kRequests * 2);
}

TEST(ServerTest, DecodesPathQueryAndHeaders) {
    TestServer server(AddStandardRoutes);
    Client client(server.port());

    auto response = client.Send(bhttp::verb::get, "/echo/a%20b?q=%E9%98%80%E9%97%A8&q=second&plus=a+b", {},
                                {{"X-Custom", "Hello"}});
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.body(), "a b|阀门|a b|Hello|/echo/a b|2");

    auto posted = client.Send(bhttp::verb::post, "/echo", "payload");
    EXPECT_EQ(posted.result_int(), 201);
    EXPECT_EQ(posted.body(), "payload");
    EXPECT_EQ(posted[bhttp::field::content_type], "application/json");
    EXPECT_EQ(posted["X-Remote"], "127.0.0.1");
}

TEST(ServerTest, UnknownRouteIs404AndWrongMethodIs405WithJsonErrors) {
    TestServer server(AddStandardRoutes);
    Client client(server.port());

    auto missing = client.Get("/nope");
    EXPECT_EQ(missing.result_int(), 404);
    EXPECT_EQ(missing[bhttp::field::content_type], "application/json");
    EXPECT_EQ(missing.body(), R"({"error":{"code":"not_found","message":"no route for GET /nope"}})");

    auto wrong = client.Send(bhttp::verb::delete_, "/health");
    EXPECT_EQ(wrong.result_int(), 405);
    EXPECT_EQ(wrong.body(), R"({"error":{"code":"unsupported","message":"method DELETE not allowed for /health"}})");
    EXPECT_EQ(wrong[bhttp::field::allow], "GET, HEAD");

    auto quoted = client.Get("/say%22hi%22");
    EXPECT_EQ(quoted.body(), R"({"error":{"code":"not_found","message":"no route for GET /say\"hi\""}})");
}

TEST(ServerTest, OversizedBodyIs413AndClosesTheConnection) {
    ServerOptions options;
    options.max_body_bytes = 16;
    TestServer server(AddStandardRoutes, options);

    Client small(server.port());
    EXPECT_EQ(small.Send(bhttp::verb::post, "/echo", "0123456789abcdef").result_int(), 201);

    Client client(server.port());
    auto response = client.Send(bhttp::verb::post, "/echo", std::string(100, 'x'));
    EXPECT_EQ(response.result_int(), 413);
    EXPECT_EQ(response.body(), R"({"error":{"code":"payload_too_large","message":"request body exceeds 16 bytes"}})");
    EXPECT_FALSE(response.keep_alive());
    EXPECT_TRUE(client.ServerClosed());
}

TEST(ServerTest, ChunkedBodyOverTheLimitIs413) {
    ServerOptions options;
    options.max_body_bytes = 16;
    TestServer server(AddStandardRoutes, options);

    Client client(server.port());
    client.WriteRaw(
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "a\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n");
    auto response = client.Read();
    EXPECT_EQ(response.result_int(), 413);
}

TEST(ServerTest, ExpectContinueGets100BeforeTheBody) {
    TestServer server(AddStandardRoutes);
    Client client(server.port());
    client.WriteRaw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    std::string interim;
    std::size_t n = asio::read_until(client.socket(), asio::dynamic_buffer(interim), "\r\n\r\n");
    EXPECT_EQ(interim.substr(0, n), "HTTP/1.1 100 Continue\r\n\r\n");
    client.buffer().commit(asio::buffer_copy(client.buffer().prepare(interim.size() - n),
                                             asio::buffer(interim.data() + n, interim.size() - n)));
    client.WriteRaw("hello");
    auto response = client.Read();
    EXPECT_EQ(response.result_int(), 201);
    EXPECT_EQ(response.body(), "hello");
}

TEST(ServerTest, HandlerExceptionIs500AndConnectionSurvives) {
    TestServer server(AddStandardRoutes);
    Client client(server.port());

    for (const char* target : {"/boom", "/boom/inline"}) {
        auto response = client.Get(target);
        EXPECT_EQ(response.result_int(), 500) << target;
        EXPECT_EQ(response.body(), R"({"error":{"code":"internal","message":"internal error"}})") << target;
        EXPECT_TRUE(response.keep_alive());
    }
    EXPECT_EQ(client.Get("/health").body(), "ok");
}

TEST(ServerTest, MalformedRequestIs400) {
    TestServer server(AddStandardRoutes);
    Client client(server.port());
    client.WriteRaw("GET /health HTTP/1.1\r\nHost: x\r\nthis is not a header\r\n\r\n");
    auto response = client.Read();
    EXPECT_EQ(response.result_int(), 400);
    EXPECT_NE(response.body().find(R"("code":"invalid_argument")"), std::string::npos);
    EXPECT_TRUE(client.ServerClosed());
}

TEST(ServerTest, OversizedHeaderIs431) {
    TestServer server(AddStandardRoutes);
    Client client(server.port());
    auto response = client.Send(bhttp::verb::get, "/health", {}, {{"X-Big", std::string(20 * 1024, 'a')}});
    EXPECT_EQ(response.result_int(), 431);
    EXPECT_NE(response.body().find(R"("code":"invalid_argument")"), std::string::npos);
}

TEST(ServerTest, HeadSendsHeadersOnly) {
    TestServer server(AddStandardRoutes);
    Client client(server.port());
    auto head = client.Send(bhttp::verb::head, "/health");
    EXPECT_EQ(head.result_int(), 200);
    EXPECT_EQ(head[bhttp::field::content_length], "2");
    EXPECT_TRUE(head.body().empty());
    // Nothing extra was sent: the next response parses cleanly on the same connection.
    EXPECT_EQ(client.Get("/health").body(), "ok");
}

TEST(ServerTest, ConnectionCloseIsHonoured) {
    TestServer server(AddStandardRoutes);
    Client client(server.port());
    auto response = client.Send(bhttp::verb::get, "/health", {}, {{"Connection", "close"}});
    EXPECT_EQ(response.body(), "ok");
    EXPECT_FALSE(response.keep_alive());
    EXPECT_TRUE(client.ServerClosed());
}

TEST(ServerTest, IdleKeepAliveConnectionTimesOut) {
    ServerOptions options;
    options.read_timeout = 1s;
    TestServer server(AddStandardRoutes, options);
    Client client(server.port());
    EXPECT_EQ(client.Get("/health").body(), "ok");
    auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(client.ServerClosed());
    auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_GE(waited, 800ms);
    EXPECT_LT(waited, 5s);
}

TEST(ServerTest, StopDrainsInFlightRequestsClosesIdleOnesAndFreesThePort) {
    std::promise<void> entered;
    auto entered_future = entered.get_future();
    TestServer server([&](Router& router) {
        AddStandardRoutes(router);
        router.Add(Method::kGet, "/slow", Dispatch::kBlocking, [&](const Request&) {
            entered.set_value();
            std::this_thread::sleep_for(300ms);
            return Text("done");
        });
    });
    const auto port = server.port();

    Client idle(port);
    EXPECT_EQ(idle.Get("/health").body(), "ok");
    Client busy(port);
    bhttp::request<bhttp::string_body> slow{bhttp::verb::get, "/slow", 11};
    bhttp::write(busy.socket(), slow);
    ASSERT_EQ(entered_future.wait_for(5s), std::future_status::ready);

    auto start = std::chrono::steady_clock::now();
    server.server().Stop();

    auto response = busy.Read();
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.body(), "done");
    EXPECT_FALSE(response.keep_alive());
    EXPECT_TRUE(busy.ServerClosed());
    EXPECT_TRUE(idle.ServerClosed());
    ASSERT_TRUE(server.WaitReturned(5s));
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);

    asio::io_context ioc;
    tcp::socket probe(ioc);
    boost::system::error_code ec;
    probe.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
    EXPECT_EQ(ec, asio::error::connection_refused);

    // The port can be bound again right away.
    Router router;
    ServerOptions options;
    options.port = port;
    Server again(options, router);
    EXPECT_NO_THROW(again.Listen());
    EXPECT_EQ(again.port(), port);
}

TEST(ServerTest, DrainTimeoutClosesConnectionsThatAreStillBusy) {
    std::promise<void> entered;
    auto entered_future = entered.get_future();
    ServerOptions options;
    options.drain_timeout = 1s;
    TestServer server(
        [&](Router& router) {
            router.Add(Method::kGet, "/stuck", Dispatch::kBlocking, [&](const Request&) {
                entered.set_value();
                std::this_thread::sleep_for(1500ms);
                return Text("too late");
            });
        },
        options);

    Client client(server.port());
    bhttp::request<bhttp::string_body> stuck{bhttp::verb::get, "/stuck", 11};
    bhttp::write(client.socket(), stuck);
    ASSERT_EQ(entered_future.wait_for(5s), std::future_status::ready);

    auto start = std::chrono::steady_clock::now();
    server.server().Stop();
    EXPECT_TRUE(client.ServerClosed());
    auto closed_after = std::chrono::steady_clock::now() - start;
    EXPECT_GE(closed_after, 900ms);
    EXPECT_LT(closed_after, 1400ms);
    // RunUntilSignalled() still waits for the handler itself: nothing may run after it returns.
    ASSERT_TRUE(server.WaitReturned(5s));
    EXPECT_GE(std::chrono::steady_clock::now() - start, 1400ms);
}

TEST(ServerTest, StopWithoutTrafficReturnsPromptly) {
    TestServer server(AddStandardRoutes);
    Client client(server.port());
    EXPECT_EQ(client.Get("/health").body(), "ok");
    auto start = std::chrono::steady_clock::now();
    server.server().Stop();
    ASSERT_TRUE(server.WaitReturned(5s));
    EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
}

TEST(ServerTest, SigtermStopsTheServer) {
    TestServer server(AddStandardRoutes);
    Client client(server.port());
    // A served request proves RunUntilSignalled() installed its signal handling.
    EXPECT_EQ(client.Get("/health").body(), "ok");
    ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
    ASSERT_TRUE(server.WaitReturned(5s));
}

TEST(ServerTest, ListenOnATakenPortThrowsAReadableError) {
    TestServer first(AddStandardRoutes);
    Router router;
    ServerOptions options;
    options.port = first.port();
    Server second(options, router);
    try {
        second.Listen();
        FAIL() << "Listen() on a taken port succeeded";
    } catch (const std::system_error& e) {
        EXPECT_EQ(std::string(e.what()),
                  "cannot listen on 127.0.0.1:" + std::to_string(first.port()) + ": Address already in use");
    }
}

}  // namespace
}  // namespace credo::http
