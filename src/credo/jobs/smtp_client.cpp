#include "credo/jobs/smtp_client.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <ctime>
#include <string>

namespace credo::jobs {

std::string Base64(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 3; ++k) v = (v << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += n > 1 ? kAlphabet[(v >> 6) & 63] : '=';
        out += n > 2 ? kAlphabet[v & 63] : '=';
    }
    return out;
}

std::string EncodeHeaderText(std::string_view text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
    if (plain && text.size() <= 900) return std::string(text);
    // "=?UTF-8?B?" + 60 base64 characters + "?=" is 72 characters: 45 bytes of text per word.
    constexpr std::size_t kBytesPerWord = 45;
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = std::min(text.size(), i + kBytesPerWord);
        // Back up to the start of a UTF-8 character (a byte that is not 10xxxxxx).
        while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        if (end == i) end = std::min(text.size(), i + kBytesPerWord);  // not UTF-8: split anyway
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + Base64(text.substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

std::string DotStuff(std::string_view data) {
    std::string out;
    out.reserve(data.size() + 16);
    bool line_start = true;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (line_start && c == '.') out += '.';
        if (c == '\n' && (i == 0 || data[i - 1] != '\r')) {
            out += "\r\n";
        } else {
            out += c;
        }
        line_start = c == '\n';
    }
    if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
    return out;
}

std::string FormatMessage(const SmtpSettings& settings, const MailToSend& mail, Timestamp now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(
        std::chrono::system_clock::time_point(now.time_since_epoch())));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char date[64];
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    std::string m;
    m += "From: <" + settings.from + ">\r\n";
    m += "To: <" + mail.to + ">\r\n";
    m += "Subject: " + EncodeHeaderText(mail.subject) + "\r\n";
    m += std::string("Date: ") + date + "\r\n";
    if (!mail.message_id.empty()) m += "Message-ID: <" + mail.message_id + ">\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: text/plain; charset=UTF-8\r\n";
    m += "Content-Transfer-Encoding: base64\r\n\r\n";
    const std::string encoded = Base64(mail.body);
    for (std::size_t i = 0; i < encoded.size(); i += 76) m += encoded.substr(i, 76) + "\r\n";
    return m;
}

namespace {

// One SMTP reply: its code and its text (the lines of a multi-line reply joined).
struct Reply {
    int code = 0;
    std::string text;
};

Result<Reply> ReadReply(boost::asio::ip::tcp::iostream& s) {
    Reply r;
    std::string line;
    while (std::getline(s, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.size() < 3) return MakeError(Errc::kUnavailable, "SMTP: a malformed reply: " + line);
        r.code = std::atoi(line.substr(0, 3).c_str());
        r.text += (r.text.empty() ? "" : " ") + line;
        if (line.size() == 3 || line[3] != '-') return r;
    }
    return MakeError(Errc::kUnavailable, "SMTP: the connection ended: " + s.error().message());
}

Result<Reply> Command(boost::asio::ip::tcp::iostream& s, const std::string& line, int expect_low, int expect_high) {
    s << line << "\r\n" << std::flush;
    CREDO_TRY(auto r, ReadReply(s));
    if (r.code < expect_low || r.code > expect_high)
        return MakeError(Errc::kUnavailable, "SMTP: " + line.substr(0, line.find(':')) + " refused: " + r.text);
    return r;
}

}  // namespace

Status SmtpClient::Send(const MailToSend& mail, Timestamp now) const {
    boost::asio::ip::tcp::iostream s;
    s.expires_after(settings_.timeout);
    s.connect(settings_.host, std::to_string(settings_.port));
    if (!s)
        return MakeError(Errc::kUnavailable, "SMTP: cannot connect to " + settings_.host + ":" +
                                                 std::to_string(settings_.port) + ": " + s.error().message());
    CREDO_TRY(auto greeting, ReadReply(s));
    if (greeting.code != 220) return MakeError(Errc::kUnavailable, "SMTP: greeting " + greeting.text);
    if (!Command(s, "EHLO " + settings_.helo, 250, 250)) CREDO_CHECK(Command(s, "HELO " + settings_.helo, 250, 250));
    CREDO_CHECK(Command(s, "MAIL FROM:<" + settings_.from + ">", 250, 250));
    CREDO_CHECK(Command(s, "RCPT TO:<" + mail.to + ">", 250, 251));
    CREDO_CHECK(Command(s, "DATA", 354, 354));
    s << DotStuff(FormatMessage(settings_, mail, now)) << ".\r\n" << std::flush;
    CREDO_TRY(auto accepted, ReadReply(s));
    if (accepted.code != 250) return MakeError(Errc::kUnavailable, "SMTP: message refused: " + accepted.text);
    // The message is accepted; a failed QUIT changes nothing.
    static_cast<void>(Command(s, "QUIT", 221, 221));
    return Ok();
}

}  // namespace credo::jobs
