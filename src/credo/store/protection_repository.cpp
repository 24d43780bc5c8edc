#include "credo/store/protection_repository.hpp"

#include "credo/sql/embedded.hpp"

namespace credo::store {
namespace {

namespace q = credo::sql;

}  // namespace

Result<std::int64_t> SqlProtectionRepository::InsertRating(const app::RatingRecord& r) {
    CREDO_TRY(auto st, conn_.Prepare(q::protection::kRatingInsert));
    std::optional<std::string> until;
    if (r.valid_until) until = FormatDate(*r.valid_until);
    CREDO_TRY(bool row, st->Bind(r.customer.value(), r.agency, r.rating, FormatDate(r.day), until,
                                 OptUser(r.created_by), Ms(r.created_at))
                            .Step());
    if (!row) return MakeError(Errc::kInternal, "the rating was not stored");
    return st->Int(0);
}

Result<std::vector<app::RatingRecord>> SqlProtectionRepository::Ratings(CustomerId customer) {
    CREDO_TRY(auto st, conn_.Prepare(q::protection::kRatings));
    st->Bind(customer.value());
    std::vector<app::RatingRecord> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::RatingRecord r;
        r.id = st->Int(0);
        r.customer = CustomerId(st->Int(1));
        r.agency = st->Text(2);
        r.rating = st->Text(3);
        CREDO_TRY(r.day, ParseDate(st->Text(4), "day"));
        if (auto u = st->OptText(5)) {
            CREDO_TRY(Date d, ParseDate(*u, "valid_until"));
            r.valid_until = d;
        }
        r.created_by = UserOf(st->OptInt(6));
        r.created_at = FromMs(st->Int(7));
        out.push_back(std::move(r));
    }
}

Result<std::int64_t> SqlProtectionRepository::InsertInsurance(const app::InsuranceRecord& i) {
    CREDO_TRY(auto st, conn_.Prepare(q::protection::kInsuranceInsert));
    CREDO_TRY(bool row, st->Bind(i.customer.value(), i.insurer, i.policy_number, i.currency, i.covered_minor,
                                 FormatDate(i.start), FormatDate(i.end), OptUser(i.created_by), Ms(i.created_at))
                            .Step());
    if (!row) return MakeError(Errc::kInternal, "the insurance was not stored");
    return st->Int(0);
}

Result<std::vector<app::InsuranceRecord>> SqlProtectionRepository::Insurance(CustomerId customer) {
    CREDO_TRY(auto st, conn_.Prepare(q::protection::kInsurance));
    st->Bind(customer.value());
    std::vector<app::InsuranceRecord> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        app::InsuranceRecord i;
        i.id = st->Int(0);
        i.customer = CustomerId(st->Int(1));
        i.insurer = st->Text(2);
        i.policy_number = st->Text(3);
        i.currency = st->Text(4);
        i.covered_minor = st->Int(5);
        CREDO_TRY(i.start, ParseDate(st->Text(6), "start"));
        CREDO_TRY(i.end, ParseDate(st->Text(7), "end"));
        i.created_by = UserOf(st->OptInt(8));
        i.created_at = FromMs(st->Int(9));
        out.push_back(std::move(i));
    }
}

}  // namespace credo::store
