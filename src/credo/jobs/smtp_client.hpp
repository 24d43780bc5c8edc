// SmtpClient: sends one plain-text message over SMTP (RFC 5321) — EHLO (HELO when refused), MAIL FROM,
// RCPT TO, DATA with the message dot-stuffed, QUIT — on a blocking Boost.Asio connection with a deadline
// for the whole dialogue. The subject is UTF-8, sent as RFC 2047 encoded words; the body as UTF-8 text in
// base64. No TLS and no authentication: it is meant for a relay on the server's own network.
// Thread-compatible: one call at a time per client.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "credo/base/clock.hpp"
#include "credo/base/result.hpp"

namespace credo::jobs {

struct SmtpSettings {
    std::string host;
    int port = 25;
    std::string from;                        // the envelope and From: address
    std::string helo = "credo.localdomain";  // the name given in EHLO
    std::chrono::seconds timeout{30};
};

struct MailToSend {
    std::string to;
    std::string subject;  // UTF-8
    std::string body;     // UTF-8 text, lines separated by \n
    std::string message_id;
};

class SmtpClient {
 public:
    explicit SmtpClient(SmtpSettings settings) : settings_(std::move(settings)) {}
    // Ok once the server accepted the message (250 after DATA). kUnavailable when the server cannot be
    // reached, times out or answers with an error, with the server's reply in the message.
    Status Send(const MailToSend& mail, Timestamp now) const;

 private:
    SmtpSettings settings_;
};

// The pieces of a message, exposed for tests.
std::string Base64(std::string_view bytes);
// `text` as RFC 2047 "B" encoded words of at most 75 characters, folded with CRLF SP, never splitting a
// UTF-8 character; plain printable ASCII is returned as it is.
std::string EncodeHeaderText(std::string_view text);
// `data` with every line starting with "." given one more (RFC 5321 §4.5.2), lines ended by CRLF.
std::string DotStuff(std::string_view data);
// The whole message (headers and base64 body), lines ended by CRLF, not yet dot-stuffed.
std::string FormatMessage(const SmtpSettings& settings, const MailToSend& mail, Timestamp now);

}  // namespace credo::jobs
