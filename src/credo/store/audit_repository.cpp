#include "credo/store/audit_repository.hpp"

#include "credo/app/audit_chain.hpp"
#include "credo/sql/embedded.hpp"

namespace credo::store {
namespace {

namespace q = credo::sql;

// Verify reads the chain in chunks of this many entries, so that a long log is never held in memory.
constexpr std::int64_t kVerifyChunk = 2000;

struct Head {
    std::int64_t id = 0;
    std::string hash;
};

Result<Head> ReadHead(SqlSession& conn, const sql::Query& query) {
    CREDO_TRY(auto st, conn.Prepare(query));
    CREDO_TRY(bool row, st->Step());
    if (!row) return MakeError(Errc::kInternal, "the audit log has no head row (audit_head)");
    return Head{st->Int(0), st->Text(1)};
}

// The columns id, at, actor_id, actor_name, action, entity, entity_id, details, prev_hash, hash.
app::AuditRecord RecordOf(const SqlStatement& st) {
    app::AuditRecord r;
    r.id = st.Int(0);
    r.entry.at = Timestamp(std::chrono::milliseconds(st.Int(1)));
    if (auto actor = st.OptInt(2)) r.entry.actor = UserId(*actor);
    r.entry.actor_name = st.Text(3);
    r.entry.action = st.Text(4);
    r.entry.entity = st.Text(5);
    r.entry.entity_id = st.OptText(6);
    r.entry.details = st.Text(7);
    r.prev_hash = st.Text(8);
    r.hash = st.Text(9);
    return r;
}

// Binds $1..$6 of the list and count queries, then `extra`.
template <class... Extra>
void BindFilter(SqlStatement& st, const app::AuditFilter& f, const Extra&... extra) {
    std::optional<std::int64_t> actor, from, to;
    if (f.actor) actor = f.actor->value();
    if (f.from) from = Ms(*f.from);
    if (f.to) to = Ms(*f.to);
    st.Bind(actor, f.action, f.entity, f.entity_id, from, to, extra...);
}

}  // namespace

Result<app::AuditRecord> SqlAuditRepository::Append(const app::AuditEntry& entry) {
    CREDO_TRY(auto head, ReadHead(conn_, q::audit::kLockHead));
    app::AuditRecord r;
    r.id = head.id + 1;
    r.entry = entry;
    r.prev_hash = std::move(head.hash);
    r.hash = app::AuditHash(r);
    {
        CREDO_TRY(auto st, conn_.Prepare(q::audit::kInsert));
        std::optional<std::int64_t> actor;
        if (entry.actor) actor = entry.actor->value();
        CREDO_CHECK(st->Bind(r.id, Ms(entry.at), actor, entry.actor_name, entry.action, entry.entity, entry.entity_id,
                             entry.details, r.prev_hash, r.hash)
                        .Run());
    }
    CREDO_TRY(auto st, conn_.Prepare(q::audit::kAdvanceHead));
    CREDO_CHECK(st->Bind(r.id, r.hash).Run());
    return r;
}

// The head is read first and the walk stops there: entries appended meanwhile (PostgreSQL reads are not
// one snapshot) are left for the next check rather than compared with a head that predates them.
Result<app::AuditVerification> SqlAuditRepository::Verify() {
    CREDO_TRY(auto head, ReadHead(conn_, q::audit::kHead));
    app::AuditChainCheck check;
    std::int64_t after = 0;
    while (after < head.id) {
        CREDO_TRY(auto st, conn_.Prepare(q::audit::kScan));
        st->Bind(after, head.id, kVerifyChunk);
        std::int64_t rows = 0;
        while (true) {
            CREDO_TRY(bool row, st->Step());
            if (!row) break;
            ++rows;
            const app::AuditRecord r = RecordOf(*st);
            after = r.id;
            if (!check.Add(r)) return check.result();
        }
        if (rows < kVerifyChunk) break;
    }
    check.Finish(head.id, head.hash);
    return check.result();
}

std::string SqlAuditRepository::WithFilter(const sql::Query& query) const {
    return ReplaceAll(std::string(conn_.TextOf(query)), "{FILTER}", conn_.TextOf(q::audit::kFilter));
}

Result<app::AuditPage> SqlAuditRepository::List(const app::AuditQuery& query) {
    app::AuditPage page;
    {
        CREDO_TRY(auto st, conn_.Prepare(WithFilter(q::audit::kList)));
        BindFilter(*st, query.filter, static_cast<std::int64_t>(query.limit), static_cast<std::int64_t>(query.offset));
        while (true) {
            CREDO_TRY(bool row, st->Step());
            if (!row) break;
            page.items.push_back(RecordOf(*st));
            page.total = st->Int(10);
        }
    }
    if (page.items.empty() && query.offset > 0) {
        // Past the last page: the total still has to be told.
        CREDO_TRY(auto st, conn_.Prepare(WithFilter(q::audit::kCount)));
        BindFilter(*st, query.filter);
        CREDO_TRY(bool row, st->Step());
        page.total = row ? st->Int(0) : 0;
    }
    return page;
}

}  // namespace credo::store
