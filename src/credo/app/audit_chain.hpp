// The hash chain of the audit log (SPEC SE-3, ARCHITECTURE decision 8): the one place that says what an
// entry's hash covers and how a chain is rechecked. Storage (store/) calls it when it appends and when
// it verifies; nothing else computes or compares audit hashes.
//
// An entry's hash is the hex SHA-256 of its canonical text: the line "credo-audit-v1", then one line
// per field, in this order — id, at, actor_id, actor_name, action, entity, entity_id, details,
// prev_hash — each "name=" followed by "~" for NULL or by the value's length in bytes, ":" and the
// value's bytes, and "\n". Integers are decimal; `at` is milliseconds since the Unix epoch. The length
// prefix makes the text unambiguous whatever the values hold, and easy to recompute with any language.
//
// prev_hash is the hash of the entry before (64 zeros for the first), so altering, removing or
// reordering any entry breaks every link after it, and the end of the chain is kept beside the log
// (audit_head), so that cutting entries off its end is found as well. Someone able to rewrite the whole
// table and its head could forge a consistent chain; keeping a copy of Verify's count elsewhere (a
// backup, a report) bounds what such a rewrite could hide.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "credo/app/ports/repositories.hpp"

namespace credo::app {

inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Lower-case hex SHA-256 of `bytes` (libsodium).
std::string Sha256Hex(std::string_view bytes);

// The canonical text of `record`: every field but `hash`.
std::string AuditCanonicalText(const AuditRecord& record);
// Sha256Hex(AuditCanonicalText(record)).
std::string AuditHash(const AuditRecord& record);

// Rechecks a chain fed entry by entry in id order. Once an entry does not verify the check is broken,
// names that entry and ignores the rest. Not thread-safe.
class AuditChainCheck {
 public:
    // Checks that `record` follows the last entry fed (its id is the next one, its prev_hash is that
    // entry's hash) and that its hash matches its contents. Returns false once the chain is broken.
    bool Add(const AuditRecord& record);
    // Checks the end of the chain against the one recorded by the last append (audit_head): entries
    // missing at the end, or a last entry changed together with its hash, break the chain there.
    void Finish(std::int64_t head_id, std::string_view head_hash);
    const AuditVerification& result() const { return result_; }

 private:
    void Break(std::int64_t id, std::string reason);

    std::int64_t last_id_ = 0;
    std::string last_hash_{kAuditGenesisHash};
    AuditVerification result_;
};

}  // namespace credo::app
