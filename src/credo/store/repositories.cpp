#include "credo/store/repositories.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "credo/app/codec/json_codec.hpp"
#include "credo/sql/embedded.hpp"
#include "credo/store/alert_repository.hpp"
#include "credo/store/analytics_repository.hpp"
#include "credo/store/application_repository.hpp"
#include "credo/store/audit_repository.hpp"
#include "credo/store/classification_repository.hpp"
#include "credo/store/collection_repository.hpp"
#include "credo/store/ledger_repository.hpp"
#include "credo/store/mail_repository.hpp"
#include "credo/store/ownership_repository.hpp"
#include "credo/store/protection_repository.hpp"

namespace credo::store {
namespace {

namespace q = credo::sql;
using app::CustomerSort;
using domain::Customer;

// Fixed ORDER BY clauses; the sort is chosen from an enum, never from request text. The id breaks ties
// so that pages are stable.
std::string_view OrderClause(CustomerSort sort) {
    switch (sort) {
        case CustomerSort::kCodeAsc:
            return "ORDER BY c.code ASC";
        case CustomerSort::kCodeDesc:
            return "ORDER BY c.code DESC";
        case CustomerSort::kNameAsc:
            return "ORDER BY c.name_norm ASC, c.id ASC";
        case CustomerSort::kNameDesc:
            return "ORDER BY c.name_norm DESC, c.id DESC";
        case CustomerSort::kCreatedAsc:
            return "ORDER BY c.created_at ASC, c.id ASC";
        case CustomerSort::kCreatedDesc:
            return "ORDER BY c.created_at DESC, c.id DESC";
        case CustomerSort::kUpdatedAsc:
            return "ORDER BY c.updated_at ASC, c.id ASC";
        case CustomerSort::kUpdatedDesc:
            return "ORDER BY c.updated_at DESC, c.id DESC";
    }
    return "ORDER BY c.id";
}

std::string Phone(const Customer& c) {
    auto it = c.attributes.find("phone");
    if (it == c.attributes.end()) return {};
    return domain::ValueText(it->second);
}

std::string TaxId(const Customer& c) {
    auto it = c.attributes.find("tax_id");
    if (it == c.attributes.end()) return {};
    return domain::ValueText(it->second);
}

std::optional<std::int64_t> OwnerValue(const Customer& c) {
    if (!c.owner) return std::nullopt;
    return c.owner->value();
}

std::optional<std::string> NonEmpty(std::string s) {
    if (s.empty()) return std::nullopt;
    return s;
}

// First code point of a UTF-8 string view, for gram selection.
std::vector<std::string_view> CodePoints(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        out.push_back(text.substr(i, std::min(n, text.size() - i)));
        i += n;
    }
    return out;
}

template <class T>
T Or(Result<T> r, T fallback) {
    return r ? *r : fallback;
}

Result<Customer> WithId(Result<Customer> c, CustomerId id) {
    if (c) c->id = id;
    return c;
}

app::CustomerSummary Summary(const SqlStatement& st) {
    app::CustomerSummary s;
    s.id = CustomerId(st.Int(0));
    s.code = st.Text(1);
    s.kind = Or(domain::kCustomerKindNames.Parse(st.Text(2), "kind"), domain::CustomerKind::kEnterprise);
    s.name = st.Text(3);
    s.region = st.Text(4);
    if (auto o = st.OptInt(5)) s.owner = UserId(*o);
    s.owner_name = st.OptText(6);
    s.phone = st.OptText(7);
    s.lifecycle = Or(domain::kLifecycleNames.Parse(st.Text(8), "lifecycle"), domain::Lifecycle::kProspect);
    s.importance = Or(domain::kImportanceNames.Parse(st.Text(9), "importance"), domain::Importance::kGeneral);
    s.nature = Or(domain::kNatureNames.Parse(st.Text(10), "nature"), domain::Nature::kOrdinary);
    s.completeness = static_cast<int>(st.Int(11));
    s.version = st.Int(12);
    s.updated_at = FromMs(st.Int(13));
    return s;
}

class CustomersRepo final : public app::CustomerRepository {
 public:
    explicit CustomersRepo(SqlSession& c) : conn_(c) {}

    Result<Customer> Find(CustomerId id) override {
        CREDO_TRY(auto view, FindView(id, domain::Scope{.all = true}));
        return std::move(view.customer);
    }

    Result<app::CustomerView> FindView(CustomerId id, const domain::Scope& scope) override {
        CREDO_TRY(auto st, conn_.Prepare(q::customers::kFind));
        const auto [region, owner] = ScopeParams(scope);
        st->Bind(id.value(), region, owner);
        CREDO_TRY(bool row, st->Step());
        if (!row) return NotFound("customer", id.str());
        CREDO_TRY(auto customer, WithId(app::CustomerFromSnapshot(st->Text(0)), id));
        return app::CustomerView{std::move(customer), st->OptText(1)};
    }

    // Lock first, then read: a statement that joined the lock to the version row would, after waiting for
    // a concurrent writer, recheck the join against the old version row and find nothing.
    Result<Customer> FindForUpdate(CustomerId id) override {
        {
            CREDO_TRY(auto st, conn_.Prepare(q::customers::kLock));
            st->Bind(id.value());
            CREDO_TRY(bool row, st->Step());
            if (!row) return NotFound("customer", id.str());
        }
        return Find(id);
    }

    Result<Customer> FindAsOf(CustomerId id, Timestamp at) override {
        CREDO_TRY(auto st, conn_.Prepare(q::customers::kFindAsOf));
        st->Bind(id.value(), Ms(at));
        CREDO_TRY(bool row, st->Step());
        if (!row) return NotFound("customer", id.str());
        return WithId(app::CustomerFromSnapshot(st->Text(0)), id);
    }

    Result<std::vector<app::VersionRecord>> History(CustomerId id) override {
        CREDO_TRY(auto st, conn_.Prepare(q::customers::kHistory));
        st->Bind(id.value());
        std::vector<app::VersionRecord> out;
        while (true) {
            CREDO_TRY(bool row, st->Step());
            if (!row) break;
            app::VersionRecord v;
            v.version = st->Int(0);
            v.at = FromMs(st->Int(1));
            v.actor = UserId(st->OptInt(2).value_or(0));
            v.actor_name = st->Text(3);
            v.reason = st->OptText(4);
            if (auto changes = st->OptText(5)) {
                CREDO_TRY(v.changes, app::ChangesFromJson(*changes));
            } else {
                CREDO_TRY(auto first, app::CustomerFromSnapshot(st->Text(6)));
                v.changes = domain::CreationChanges(first);
            }
            out.push_back(std::move(v));
        }
        if (out.empty()) return NotFound("customer", id.str());
        return out;
    }

    // The snapshot does not depend on the id (rows carry it); it is stored once, as the version row.
    Result<CustomerId> Insert(const Customer& c, const app::VersionRecord& v) override {
        const std::string phone = Phone(c);
        const std::string snapshot = app::CustomerSnapshot(c);
        const auto completeness = domain::AssessCompleteness(c);
        CustomerId id;
        {
            CREDO_TRY(auto st, conn_.Prepare(q::customers::kInsert));
            st->Bind(c.code, domain::kCustomerKindNames.Name(c.kind), c.name, domain::NormalizeName(c.name),
                     domain::SearchText(c), c.region, OwnerValue(c), domain::kNatureNames.Name(c.nature),
                     domain::kImportanceNames.Name(c.importance), domain::kLifecycleNames.Name(c.lifecycle),
                     NonEmpty(phone), NonEmpty(domain::PhoneDigits(phone)), NonEmpty(TaxId(c)),
                     static_cast<std::int64_t>(completeness.score), c.version, Ms(c.created_at), Ms(c.updated_at));
            auto row = st->Step();
            if (!row) {
                if (row.error().code == Errc::kConflict)
                    return MakeError(Errc::kAlreadyExists, "customer code " + c.code + " is taken");
                return row.error();
            }
            if (!*row) return MakeError(Errc::kInternal, "inserting customer " + c.code + " returned no id");
            id = CustomerId(st->Int(0));
        }
        CREDO_CHECK(InsertVersion(id, v, snapshot));
        CREDO_CHECK(IndexGrams(id, c, false));
        return id;
    }

    Status Update(const Customer& c, std::int64_t expected_version, const app::VersionRecord& v) override {
        const std::string phone = Phone(c);
        const auto completeness = domain::AssessCompleteness(c);
        const std::string snapshot = app::CustomerSnapshot(c);
        bool updated = false;  // the UPDATE returns the row only when the version was the expected one
        {
            CREDO_TRY(auto st, conn_.Prepare(q::customers::kUpdate));
            st->Bind(c.id.value(), domain::kCustomerKindNames.Name(c.kind), c.name, domain::NormalizeName(c.name),
                     domain::SearchText(c), c.region, OwnerValue(c), domain::kNatureNames.Name(c.nature),
                     domain::kImportanceNames.Name(c.importance), domain::kLifecycleNames.Name(c.lifecycle),
                     NonEmpty(phone), NonEmpty(domain::PhoneDigits(phone)), NonEmpty(TaxId(c)),
                     static_cast<std::int64_t>(completeness.score), c.version, Ms(c.updated_at), expected_version);
            CREDO_TRY(updated, st->Step());
        }
        if (!updated) {
            CREDO_TRY(auto st, conn_.Prepare(q::customers::kCurrentVersion));
            st->Bind(c.id.value());
            CREDO_TRY(bool row, st->Step());
            if (!row) return NotFound("customer", c.id.str());
            Error e =
                MakeError(Errc::kConflict, "customer " + c.id.str() + " is at version " + std::to_string(st->Int(0)) +
                                               ", not " + std::to_string(expected_version));
            e.details.emplace("current_version", std::to_string(st->Int(0)));
            return e;
        }
        CREDO_CHECK(InsertVersion(c.id, v, snapshot));
        return IndexGrams(c.id, c, true);
    }

    Result<app::CustomerPage> Search(const app::CustomerQuery& query) override {
        const auto& f = query.filter;
        const std::string filter = FilterText(f);
        app::CustomerPage page;
        // One pass: the page's rows carry the total (a window count), so the matches are found once.
        std::string text = ReplaceAll(std::string(conn_.TextOf(q::customers::kSearchPage)), "{FILTER}", filter);
        text = ReplaceAll(std::move(text), "{ORDER}", OrderClause(query.sort));
        {
            CREDO_TRY(auto st, conn_.Prepare(text));
            BindFilter(*st, f, static_cast<std::int64_t>(query.limit), static_cast<std::int64_t>(query.offset));
            while (true) {
                CREDO_TRY(bool row, st->Step());
                if (!row) break;
                page.items.push_back(Summary(*st));
                page.total = st->Int(14);
            }
        }
        if (page.items.empty() && query.offset > 0) {
            // Past the last page: the total still has to be told.
            CREDO_TRY(auto st, conn_.Prepare(ReplaceAll(std::string(conn_.TextOf(q::customers::kSearchCount)),
                                                        "{FILTER}", filter)));
            BindFilter(*st, f);
            CREDO_TRY(bool row, st->Step());
            page.total = row ? st->Int(0) : 0;
        }
        return page;
    }

    Status Scan(const app::CustomerFilter& f, CustomerSort sort,
                const std::function<Status(const Customer&)>& visit) override {
        std::string text = ReplaceAll(std::string(conn_.TextOf(q::customers::kScan)), "{FILTER}", FilterText(f));
        text = ReplaceAll(std::move(text), "{ORDER}", OrderClause(sort));
        CREDO_TRY(auto st, conn_.Prepare(text));
        BindFilter(*st, f);
        while (true) {
            CREDO_TRY(bool row, st->Step());
            if (!row) return Ok();
            CREDO_TRY(auto c, app::CustomerFromSnapshot(st->Text(1)));
            c.id = CustomerId(st->Int(0));
            CREDO_CHECK(visit(c));
        }
    }

    Result<std::vector<app::DuplicateMatch>> FindDuplicates(const std::string& name, const std::string& tax_id,
                                                            const std::string& phone,
                                                            std::optional<CustomerId> exclude) override {
        CREDO_TRY(auto st, conn_.Prepare(q::customers::kDuplicates));
        st->Bind(name, tax_id, phone, exclude ? exclude->value() : std::int64_t{0});
        std::vector<app::DuplicateMatch> out;
        while (true) {
            CREDO_TRY(bool row, st->Step());
            if (!row) return out;
            out.push_back({st->Text(0), CustomerId(st->Int(1)), st->Text(2), st->Text(3)});
        }
    }

 private:
    // The FROM and WHERE of a customer filter: the free-text or the plain form, with the conditions both
    // share (the reader's filters and scope) written once in filter_conditions.
    std::string FilterText(const app::CustomerFilter& f) const {
        return ReplaceAll(std::string(conn_.TextOf(f.q ? q::customers::kFilterText : q::customers::kFilterAll)),
                          "{CONDITIONS}", std::string(conn_.TextOf(q::customers::kFilterConditions)));
    }

    // Binds $1..$15 of the filter fragments (the filter, the scope, `unassigned`, the grade, the ids), then the
    // paging parameters.
    template <class... Extra>
    static void BindFilter(SqlStatement& st, const app::CustomerFilter& f, const Extra&... extra) {
        std::optional<std::string> text, first_gram, last_gram, phone_prefix;
        if (f.q) {
            text = domain::NormalizeName(*f.q);
            const auto cps = CodePoints(*text);
            if (cps.size() >= 2) {
                first_gram = std::string(cps[0]) + std::string(cps[1]);
                last_gram = std::string(cps[cps.size() - 2]) + std::string(cps[cps.size() - 1]);
                if (last_gram == first_gram) last_gram.reset();  // a two-character query needs one gram
            }
            const std::string digits = domain::PhoneDigits(*f.q);
            if (digits.size() >= 3 && digits.size() * 2 >= f.q->size()) phone_prefix = digits;
        }
        std::optional<std::int64_t> owner;
        if (f.owner) owner = f.owner->value();
        std::optional<std::string> kind, lifecycle, importance, nature;
        if (f.kind) kind = std::string(domain::kCustomerKindNames.Name(*f.kind));
        if (f.lifecycle) lifecycle = std::string(domain::kLifecycleNames.Name(*f.lifecycle));
        if (f.importance) importance = std::string(domain::kImportanceNames.Name(*f.importance));
        if (f.nature) nature = std::string(domain::kNatureNames.Name(*f.nature));
        const auto [scope_region, scope_owner] = ScopeParams(f.scope);
        std::optional<std::int64_t> unassigned;
        if (f.unassigned) unassigned = 1;
        std::optional<std::string> grade, only;
        if (f.grade) grade = std::string(domain::kCreditGradeNames.Name(*f.grade));
        if (f.only) {
            only = "[";
            for (const auto& id : *f.only) *only += (only->size() > 1 ? "," : "") + id.str();
            *only += "]";
        }
        st.Bind(text, first_gram, last_gram, phone_prefix, f.region, owner, kind, lifecycle, importance, nature,
                scope_region, scope_owner, unassigned, grade, only, extra...);
    }

    // A scope as the queries' two conditions: NULL means "any". An empty scope matches no owner.
    static std::pair<std::optional<std::string>, std::optional<std::int64_t>> ScopeParams(const domain::Scope& s) {
        if (s.all) return {std::nullopt, std::nullopt};
        if (s.region) return {s.region, std::nullopt};
        if (s.owner) return {std::nullopt, s.owner->value()};
        return {std::nullopt, std::int64_t{-1}};
    }

    Status InsertVersion(CustomerId id, const app::VersionRecord& v, const std::string& snapshot) {
        CREDO_TRY(auto st, conn_.Prepare(q::customers::kInsertVersion));
        std::optional<std::int64_t> actor;
        if (v.actor.valid()) actor = v.actor.value();
        // The first version's changes are not stored: they follow from its snapshot (CreationChanges).
        std::optional<std::string> changes;
        if (v.version != 1) changes = boost::json::serialize(app::ChangesToJson(v.changes));
        return st->Bind(id.value(), v.version, Ms(v.at), actor, v.actor_name, v.reason, changes, snapshot).Run();
    }

    Status IndexGrams(CustomerId id, const Customer& c, bool replace) {
        if (replace) {
            CREDO_TRY(auto st, conn_.Prepare(q::customers::kDeleteGrams));
            CREDO_CHECK(st->Bind(id.value()).Run());
        }
        // One statement per file, not per gram: the grams go in as a JSON array.
        boost::json::array grams;
        for (auto& gram : domain::Bigrams(domain::SearchText(c))) grams.emplace_back(std::move(gram));
        CREDO_TRY(auto st, conn_.Prepare(q::customers::kInsertGrams));
        return st->Bind(boost::json::serialize(grams), id.value()).Run();
    }

    SqlSession& conn_;
};

class ActivitiesRepo final : public app::ActivityRepository {
 public:
    explicit ActivitiesRepo(SqlSession& c) : conn_(c) {}

    Result<ActivityId> Insert(const domain::Activity& a) override {
        CREDO_TRY(auto st, conn_.Prepare(q::activities::kInsert));
        std::optional<std::int64_t> author;
        if (a.author.valid()) author = a.author.value();
        st->Bind(a.customer.value(), domain::kActivityTypeNames.Name(a.type), FormatDate(a.date), a.summary,
                 NonEmpty(a.details), author, a.author_name, Ms(a.created_at));
        CREDO_TRY(bool row, st->Step());
        if (!row) return MakeError(Errc::kInternal, "inserting an activity returned no id");
        return ActivityId(st->Int(0));
    }

    Result<std::vector<domain::Activity>> List(CustomerId customer, std::optional<Date> from, std::optional<Date> to,
                                               std::optional<domain::ActivityType> type) override {
        CREDO_TRY(auto st, conn_.Prepare(q::activities::kList));
        std::optional<std::string> f, t, ty;
        if (from) f = FormatDate(*from);
        if (to) t = FormatDate(*to);
        if (type) ty = std::string(domain::kActivityTypeNames.Name(*type));
        st->Bind(customer.value(), f, t, ty);
        std::vector<domain::Activity> out;
        while (true) {
            CREDO_TRY(bool row, st->Step());
            if (!row) return out;
            domain::Activity a;
            a.id = ActivityId(st->Int(0));
            a.customer = CustomerId(st->Int(1));
            a.type = Or(domain::kActivityTypeNames.Parse(st->Text(2), "type"), domain::ActivityType::kNote);
            a.date = Or(ParseDate(st->Text(3), "date"), Date{});
            a.summary = st->Text(4);
            a.details = st->OptText(5).value_or("");
            a.author = UserId(st->OptInt(6).value_or(0));
            a.author_name = st->Text(7);
            a.created_at = FromMs(st->Int(8));
            out.push_back(std::move(a));
        }
    }

 private:
    SqlSession& conn_;
};

std::string JoinRoles(const std::vector<domain::Role>& roles) {
    std::string out;
    for (auto r : roles) out += (out.empty() ? "" : ",") + std::string(domain::kRoleNames.Name(r));
    return out;
}

std::vector<domain::Role> SplitRoles(const std::string& text) {
    std::vector<domain::Role> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        if (auto r = domain::kRoleNames.Parse(std::string_view(text).substr(start, end - start), "roles"))
            out.push_back(*r);
        start = end + 1;
    }
    return out;
}

class UsersRepo final : public app::UserRepository {
 public:
    explicit UsersRepo(SqlSession& c) : conn_(c) {}

    Result<app::UserRecord> Find(UserId id) override {
        CREDO_TRY(auto st, conn_.Prepare(q::users::kFind));
        st->Bind(id.value());
        CREDO_TRY(bool row, st->Step());
        if (!row) return NotFound("user", id.str());
        return Read(*st);
    }

    Result<app::UserRecord> FindByUsername(std::string_view username) override {
        CREDO_TRY(auto st, conn_.Prepare(q::users::kFindByUsername));
        st->Bind(username);
        CREDO_TRY(bool row, st->Step());
        if (!row) return NotFound("user", username);
        return Read(*st);
    }

    Result<std::vector<app::UserRecord>> List() override {
        CREDO_TRY(auto st, conn_.Prepare(q::users::kList));
        std::vector<app::UserRecord> out;
        while (true) {
            CREDO_TRY(bool row, st->Step());
            if (!row) return out;
            out.push_back(Read(*st));
        }
    }

    Result<UserId> Insert(const app::UserRecord& u) override {
        CREDO_TRY(auto st, conn_.Prepare(q::users::kInsert));
        st->Bind(u.username, u.display_name, u.password_hash, JoinRoles(u.roles), u.region, u.language,
                 std::int64_t{u.active ? 1 : 0}, Ms(u.created_at), u.email);
        auto row = st->Step();
        if (!row) {
            if (row.error().code == Errc::kConflict) return FieldError("username", Quoted(u.username) + " is taken");
            return row.error();
        }
        if (!*row) return MakeError(Errc::kInternal, "inserting user " + u.username + " returned no id");
        return UserId(st->Int(0));
    }

    Status SetLoginState(UserId id, int failed, std::optional<Timestamp> locked_until) override {
        CREDO_TRY(auto st, conn_.Prepare(q::users::kSetLoginState));
        std::optional<std::int64_t> until;
        if (locked_until) until = Ms(*locked_until);
        return st->Bind(id.value(), static_cast<std::int64_t>(failed), until).Run();
    }

    Status SetLanguage(UserId id, const std::optional<std::string>& language) override {
        CREDO_TRY(auto st, conn_.Prepare(q::users::kSetLanguage));
        CREDO_TRY(bool row, st->Bind(id.value(), language).Step());
        if (!row) return NotFound("user", id.str());
        return Ok();
    }

    Status Update(const app::UserRecord& u) override {
        CREDO_TRY(auto st, conn_.Prepare(q::users::kUpdate));
        st->Bind(u.id.value(), u.display_name, u.password_hash, JoinRoles(u.roles), u.region, u.language,
                 std::int64_t{u.active ? 1 : 0}, u.email);
        CREDO_TRY(bool row, st->Step());
        if (!row) return NotFound("user", u.id.str());
        return Ok();
    }

    Result<std::int64_t> CountOwnedCustomers(UserId id) override {
        CREDO_TRY(auto st, conn_.Prepare(q::users::kCountOwned));
        CREDO_TRY(bool row, st->Bind(id.value()).Step());
        return row ? st->Int(0) : 0;
    }

 private:
    static app::UserRecord Read(SqlStatement& st) {
        app::UserRecord u;
        u.id = UserId(st.Int(0));
        u.username = st.Text(1);
        u.display_name = st.Text(2);
        u.password_hash = st.Text(3);
        u.roles = SplitRoles(st.Text(4));
        u.region = st.OptText(5);
        u.language = st.OptText(6);
        u.active = st.Int(7) != 0;
        u.failed_logins = static_cast<int>(st.Int(8));
        if (auto l = st.OptInt(9)) u.locked_until = FromMs(*l);
        u.created_at = FromMs(st.Int(10));
        u.email = st.OptText(11);
        return u;
    }
    SqlSession& conn_;
};

class SessionsRepo final : public app::SessionRepository {
 public:
    explicit SessionsRepo(SqlSession& c) : conn_(c) {}
    Status Insert(const app::SessionRecord& s) override {
        CREDO_TRY(auto st, conn_.Prepare(q::sessions::kInsert));
        return st->Bind(s.token_hash, s.user.value(), Ms(s.created_at), Ms(s.expires_at)).Run();
    }
    Result<app::SessionRecord> Find(std::string_view token_hash) override {
        CREDO_TRY(auto st, conn_.Prepare(q::sessions::kFind));
        st->Bind(token_hash);
        CREDO_TRY(bool row, st->Step());
        if (!row) return MakeError(Errc::kNotFound, "no such session");
        return app::SessionRecord{st->Text(0), UserId(st->Int(1)), FromMs(st->Int(2)), FromMs(st->Int(3))};
    }
    Status Delete(std::string_view token_hash) override {
        CREDO_TRY(auto st, conn_.Prepare(q::sessions::kDelete));
        return st->Bind(token_hash).Run();
    }
    Status DeleteExpired(Timestamp now) override {
        CREDO_TRY(auto st, conn_.Prepare(q::sessions::kDeleteExpired));
        return st->Bind(Ms(now)).Run();
    }
    Status DeleteForUser(UserId user, std::string_view keep_hash) override {
        CREDO_TRY(auto st, conn_.Prepare(q::sessions::kDeleteForUser));
        return st->Bind(user.value(), keep_hash).Run();
    }

 private:
    SqlSession& conn_;
};

class ApiTokensRepo final : public app::ApiTokenRepository {
 public:
    explicit ApiTokensRepo(SqlSession& c) : conn_(c) {}
    Result<ApiTokenId> Insert(const app::ApiTokenRecord& t) override {
        CREDO_TRY(auto st, conn_.Prepare(q::tokens::kInsert));
        st->Bind(t.token_hash, t.user.value(), t.name, Ms(t.created_at), Ms(t.expires_at));
        CREDO_TRY(bool row, st->Step());
        if (!row) return MakeError(Errc::kInternal, "inserting an API token returned no id");
        return ApiTokenId(st->Int(0));
    }
    Result<app::ApiTokenRecord> FindByHash(std::string_view token_hash) override {
        CREDO_TRY(auto st, conn_.Prepare(q::tokens::kFind));
        CREDO_TRY(bool row, st->Bind(token_hash).Step());
        if (!row) return MakeError(Errc::kNotFound, "no such API token");
        return Read(*st);
    }
    Result<std::vector<app::ApiTokenRecord>> ListForUser(UserId user) override {
        CREDO_TRY(auto st, conn_.Prepare(q::tokens::kList));
        st->Bind(user.value());
        std::vector<app::ApiTokenRecord> out;
        while (true) {
            CREDO_TRY(bool row, st->Step());
            if (!row) return out;
            out.push_back(Read(*st));
        }
    }
    Status Delete(ApiTokenId id, UserId user) override {
        CREDO_TRY(auto st, conn_.Prepare(q::tokens::kDelete));
        CREDO_TRY(bool row, st->Bind(id.value(), user.value()).Step());
        if (!row) return NotFound("API token", id.str());
        return Ok();
    }
    Status DeleteForUser(UserId user) override {
        CREDO_TRY(auto st, conn_.Prepare(q::tokens::kDeleteForUser));
        return st->Bind(user.value()).Run();
    }

 private:
    static app::ApiTokenRecord Read(SqlStatement& st) {
        app::ApiTokenRecord t;
        t.id = ApiTokenId(st.Int(0));
        t.token_hash = st.Text(1);
        t.user = UserId(st.Int(2));
        t.name = st.Text(3);
        t.created_at = FromMs(st.Int(4));
        t.expires_at = FromMs(st.Int(5));
        return t;
    }
    SqlSession& conn_;
};

class RegionsRepo final : public app::RegionRepository {
 public:
    explicit RegionsRepo(SqlSession& c) : conn_(c) {}
    Result<std::vector<app::Region>> List() override {
        CREDO_TRY(auto st, conn_.Prepare(q::regions::kList));
        std::vector<app::Region> out;
        while (true) {
            CREDO_TRY(bool row, st->Step());
            if (!row) return out;
            out.push_back({st->Text(0), st->Text(1)});
        }
    }
    Result<bool> Exists(std::string_view code) override {
        CREDO_TRY(auto st, conn_.Prepare(q::regions::kExists));
        st->Bind(code);
        CREDO_TRY(bool row, st->Step());
        return row && st->Int(0) > 0;
    }

 private:
    SqlSession& conn_;
};

class SequencesRepo final : public app::SequenceRepository {
 public:
    explicit SequencesRepo(SqlSession& c) : conn_(c) {}
    Result<std::int64_t> Next(std::string_view key) override {
        CREDO_TRY(auto st, conn_.Prepare(q::sequences::kNext));
        st->Bind(key);
        CREDO_TRY(bool row, st->Step());
        if (!row) return MakeError(Errc::kInternal, "sequence " + std::string(key) + " returned nothing");
        return st->Int(0);
    }

 private:
    SqlSession& conn_;
};

class JobRunsRepo final : public app::JobRunRepository {
 public:
    explicit JobRunsRepo(SqlSession& c) : conn_(c) {}
    Result<bool> Claim(std::string_view job, Date as_of, std::string_view server, Timestamp at) override {
        CREDO_TRY(auto st, conn_.Prepare(q::jobs::kClaim));
        st->Bind(job, FormatDate(as_of), server, Ms(at));
        return st->Step();
    }

 private:
    SqlSession& conn_;
};

class SqlTx final : public app::Tx {
 public:
    explicit SqlTx(SqlSession& c)
        : customers_(c),
          activities_(c),
          users_(c),
          sessions_(c),
          api_tokens_(c),
          regions_(c),
          sequences_(c),
          job_runs_(c),
          audit_(c),
          ownership_(c),
          policies_(c),
          alerts_(c),
          access_counts_(c),
          ledger_(c),
          applications_(c),
          evaluations_(c),
          protection_(c),
          classification_(c),
          collections_(c),
          mail_(c),
          delay_models_(c) {}
    app::CustomerRepository& Customers() override { return customers_; }
    app::ActivityRepository& Activities() override { return activities_; }
    app::UserRepository& Users() override { return users_; }
    app::SessionRepository& Sessions() override { return sessions_; }
    app::ApiTokenRepository& ApiTokens() override { return api_tokens_; }
    app::RegionRepository& Regions() override { return regions_; }
    app::SequenceRepository& Sequences() override { return sequences_; }
    app::JobRunRepository& JobRuns() override { return job_runs_; }
    app::AuditRepository& Audit() override { return audit_; }
    app::OwnershipRepository& Ownership() override { return ownership_; }
    app::PolicyRepository& Policies() override { return policies_; }
    app::AlertRepository& Alerts() override { return alerts_; }
    app::AccessCountRepository& AccessCounts() override { return access_counts_; }
    app::LedgerRepository& Ledger() override { return ledger_; }
    app::CreditApplicationRepository& CreditApplications() override { return applications_; }
    app::EvaluationRepository& Evaluations() override { return evaluations_; }
    app::ProtectionRepository& Protection() override { return protection_; }
    app::ClassificationRepository& Classification() override { return classification_; }
    app::CollectionRepository& Collections() override { return collections_; }
    app::MailRepository& Mail() override { return mail_; }
    app::DelayModelRepository& DelayModels() override { return delay_models_; }

 private:
    CustomersRepo customers_;
    ActivitiesRepo activities_;
    UsersRepo users_;
    SessionsRepo sessions_;
    ApiTokensRepo api_tokens_;
    RegionsRepo regions_;
    SequencesRepo sequences_;
    JobRunsRepo job_runs_;
    SqlAuditRepository audit_;
    SqlOwnershipRepository ownership_;
    SqlPolicyRepository policies_;
    SqlAlertRepository alerts_;
    SqlAccessCountRepository access_counts_;
    SqlLedgerRepository ledger_;
    SqlCreditApplicationRepository applications_;
    SqlEvaluationRepository evaluations_;
    SqlProtectionRepository protection_;
    SqlClassificationRepository classification_;
    SqlCollectionRepository collections_;
    SqlMailRepository mail_;
    SqlDelayModelRepository delay_models_;
};

}  // namespace

Status RunWork(SqlSession& session, const std::function<Status(app::Tx&)>& work) {
    SqlTx tx(session);
    try {
        return work(tx);
    } catch (const std::exception& e) {
        spdlog::error("transaction failed: {}", e.what());
        return MakeError(Errc::kInternal, "internal error");
    }
}

}  // namespace credo::store
