#include "credo/store/ownership_repository.hpp"

#include "credo/sql/embedded.hpp"

namespace credo::store {
namespace {

namespace q = credo::sql;

}  // namespace

Result<std::vector<CustomerId>> SqlOwnershipRepository::OwnedBy(UserId owner) {
    CREDO_TRY(auto st, conn_.Prepare(q::ownership::kOwnedBy));
    st->Bind(owner.value());
    std::vector<CustomerId> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        out.emplace_back(st->Int(0));
    }
}

Result<std::vector<app::RegionFile>> SqlOwnershipRepository::RegionFiles(std::string_view region) {
    CREDO_TRY(auto st, conn_.Prepare(q::ownership::kRegionFiles));
    st->Bind(region);
    std::vector<app::RegionFile> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        out.push_back({CustomerId(st->Int(0)), st->Text(1), st->Text(2), UserOf(st->OptInt(3))});
    }
}

Result<std::vector<app::NeglectCandidate>> SqlOwnershipRepository::NeglectCandidates(Date date) {
    CREDO_TRY(auto st, conn_.Prepare(q::ownership::kNeglectCandidates));
    st->Bind(FormatDate(date), Ms(StartOfDay(date)));
    std::vector<app::NeglectCandidate> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::NeglectCandidate c{CustomerId(st->Int(0)), UserId(st->Int(1)), std::nullopt, FromMs(st->Int(3))};
        if (auto text = st->OptText(2)) {
            CREDO_TRY(c.last_activity, ParseDate(*text, "date"));
        }
        out.push_back(c);
    }
}

Result<std::int64_t> SqlOwnershipRepository::InsertHandover(const app::HandoverRecord& r) {
    std::int64_t id = 0;
    {
        CREDO_TRY(auto st, conn_.Prepare(q::ownership::kInsertHandover));
        st->Bind(r.from.value(), OptUser(r.to), OptUser(r.actor), r.actor_name, Ms(r.at), r.reason);
        CREDO_TRY(bool row, st->Step());
        if (!row) return MakeError(Errc::kInternal, "inserting a handover returned no id");
        id = st->Int(0);
    }
    for (const auto& item : r.items) {
        CREDO_TRY(auto st, conn_.Prepare(q::ownership::kInsertHandoverItem));
        CREDO_CHECK(st->Bind(id, item.customer.value(), item.code, OptUser(item.to), item.open_orders,
                             item.reserved_minor, item.receivables_minor, item.currency)
                        .Run());
    }
    return id;
}

Result<app::HandoverRecord> SqlOwnershipRepository::FindHandover(std::int64_t id) {
    app::HandoverRecord r;
    {
        CREDO_TRY(auto st, conn_.Prepare(q::ownership::kFindHandover));
        CREDO_TRY(bool row, st->Bind(id).Step());
        if (!row) return NotFound("handover", std::to_string(id));
        r.id = st->Int(0);
        r.from = UserId(st->Int(1));
        r.to = UserOf(st->OptInt(2));
        r.actor = UserOf(st->OptInt(3));
        r.actor_name = st->Text(4);
        r.at = FromMs(st->Int(5));
        r.reason = st->Text(6);
    }
    CREDO_TRY(auto st, conn_.Prepare(q::ownership::kHandoverItems));
    st->Bind(id);
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return r;
        r.items.push_back({CustomerId(st->Int(0)), st->Text(1), UserOf(st->OptInt(2)), st->Int(3), st->Int(4),
                           st->Int(5), st->OptText(6)});
    }
}

Result<std::vector<app::PolicyRecord>> SqlPolicyRepository::List() {
    CREDO_TRY(auto st, conn_.Prepare(q::policies::kList));
    std::vector<app::PolicyRecord> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        out.push_back({st->Text(0), st->Text(1), FromMs(st->Int(2)), UserOf(st->OptInt(3))});
    }
}

Status SqlPolicyRepository::Set(const app::PolicyRecord& p) {
    CREDO_TRY(auto st, conn_.Prepare(q::policies::kSet));
    CREDO_TRY(bool row, st->Bind(p.key, p.value, Ms(p.updated_at), OptUser(p.updated_by)).Step());
    if (!row) return NotFound("policy", p.key);
    return Ok();
}

}  // namespace credo::store
