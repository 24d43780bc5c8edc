#include "credo/store/postgres/pg_connection.hpp"

#include <charconv>

namespace credo::store::postgres {

namespace {

// The highest $n in a statement: how many parameters it takes.
int CountParams(std::string_view sql) {
    int max = 0;
    for (std::size_t i = 0; i + 1 < sql.size(); ++i) {
        if (sql[i] != '$' || sql[i + 1] < '0' || sql[i + 1] > '9') continue;
        int n = 0;
        std::size_t j = i + 1;
        while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + (sql[j++] - '0');
        max = std::max(max, n);
    }
    return max;
}

// libpq explains over several indented lines; errors are read on one.
std::string OneLine(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    for (auto pos = message.find('\n'); pos != std::string::npos; pos = message.find('\n', pos))
        message.replace(pos, 1, "; ");
    std::erase(message, '\t');
    return message;
}

}  // namespace

Error PgConnection::ErrorOf(PGresult* result, std::string_view context) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string code = state ? state : "";
    const std::string message =
        std::string(context) + ": " + OneLine(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
    PQclear(result);
    if (code.starts_with("23")) return MakeError(Errc::kConflict, message);
    if (code == "40001" || code == "40P01") {
        Error e = MakeError(Errc::kUnavailable, message);
        e.details.emplace("retry", "true");
        return e;
    }
    if (!ok() || code.starts_with("08") || code.starts_with("57P"))
        return MakeError(Errc::kUnavailable, "the database is unreachable: " + message);
    return MakeError(Errc::kInternal, message);
}

Result<std::unique_ptr<PgConnection>> PgConnection::Open(const std::string& url) {
    // A connection attempt gives up after 5 s unless the URL says otherwise (its connect_timeout comes
    // later and wins): without it, a database host that drops packets would hold a request for the
    // operating system's TCP timeout, minutes, while reconnecting.
    const char* keys[] = {"connect_timeout", "dbname", nullptr};
    const char* values[] = {"5", url.c_str(), nullptr};
    PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
    if (PQstatus(conn) != CONNECTION_OK) {
        const std::string message = OneLine(PQerrorMessage(conn));
        PQfinish(conn);
        return MakeError(Errc::kUnavailable, "cannot connect to PostgreSQL: " + message);
    }
    std::unique_ptr<PgConnection> c(new PgConnection(conn));
    CREDO_CHECK(c->Exec("SET client_min_messages = warning"));
    return c;
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::Reset() {
    PQreset(conn_);
    statements_.clear();
    return ok() && Exec("SET client_min_messages = warning").has_value();
}

Status PgConnection::Exec(std::string_view sql) {
    const std::string text(sql);
    PGresult* r = PQexec(conn_, text.c_str());
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        PQclear(r);
        return Ok();
    }
    return ErrorOf(r, "postgres exec");
}

Result<std::unique_ptr<SqlStatement>> PgConnection::Prepare(std::string_view sql) {
    auto it = statements_.find(std::string(sql));
    if (it == statements_.end()) {
        Prepared p{"s" + std::to_string(statements_.size() + 1), CountParams(sql)};
        const std::string text(sql);
        PGresult* r = PQprepare(conn_, p.name.c_str(), text.c_str(), p.params, nullptr);
        if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) return ErrorOf(r, "postgres prepare");
        PQclear(r);
        it = statements_.emplace(text, std::move(p)).first;
    }
    return std::unique_ptr<SqlStatement>(std::make_unique<PgStatement>(*this, it->second.name, it->second.params));
}

PgStatement::~PgStatement() { PQclear(result_); }

void PgStatement::BindNull(int n) {
    if (n >= 1 && n <= static_cast<int>(values_.size())) values_[n - 1].reset();
}
void PgStatement::BindInt(int n, std::int64_t v) {
    if (n >= 1 && n <= static_cast<int>(values_.size())) values_[n - 1] = std::to_string(v);
}
void PgStatement::BindText(int n, std::string_view v) {
    if (n >= 1 && n <= static_cast<int>(values_.size())) values_[n - 1] = std::string(v);
}

Result<bool> PgStatement::Step() {
    if (!result_) {
        std::vector<const char*> values(values_.size());
        for (std::size_t i = 0; i < values_.size(); ++i) values[i] = values_[i] ? values_[i]->c_str() : nullptr;
        PGresult* r = PQexecPrepared(conn_.handle(), name_.c_str(), static_cast<int>(values.size()), values.data(),
                                     nullptr, nullptr, 0);
        const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return conn_.ErrorOf(r, "postgres query");
        result_ = r;
        rows_ = PQntuples(r);
    }
    return ++row_ < rows_;
}

std::int64_t PgStatement::Int(int col) const {
    const char* v = PQgetvalue(result_, row_, col);
    std::int64_t out = 0;
    std::from_chars(v, v + std::char_traits<char>::length(v), out);
    return out;
}

std::string PgStatement::Text(int col) const {
    return std::string(PQgetvalue(result_, row_, col), static_cast<std::size_t>(PQgetlength(result_, row_, col)));
}

}  // namespace credo::store::postgres
