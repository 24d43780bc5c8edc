#include "credo/app/audit_chain.hpp"

#include <sodium.h>

namespace credo::app {

namespace {

void Field(std::string& out, std::string_view name, std::string_view value) {
    out += name;
    out += '=';
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

void NullField(std::string& out, std::string_view name) {
    out += name;
    out += "=~\n";
}

std::string Missing(std::int64_t first, std::int64_t last) {
    if (first == last) return "entry " + std::to_string(first) + " is missing";
    return "entries " + std::to_string(first) + " to " + std::to_string(last) + " are missing";
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
    // crypto_hash_sha256 needs no sodium_init(): it uses no random numbers and no CPU dispatch.
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string out(sizeof digest * 2, '\0');
    sodium_bin2hex(out.data(), out.size() + 1, digest, sizeof digest);
    return out;
}

std::string AuditCanonicalText(const AuditRecord& r) {
    const AuditEntry& e = r.entry;
    std::string out = "credo-audit-v1\n";
    out.reserve(out.size() + 256 + e.details.size());
    Field(out, "id", std::to_string(r.id));
    Field(out, "at", std::to_string(e.at.time_since_epoch().count()));
    if (e.actor)
        Field(out, "actor_id", std::to_string(e.actor->value()));
    else
        NullField(out, "actor_id");
    Field(out, "actor_name", e.actor_name);
    Field(out, "action", e.action);
    Field(out, "entity", e.entity);
    if (e.entity_id)
        Field(out, "entity_id", *e.entity_id);
    else
        NullField(out, "entity_id");
    Field(out, "details", e.details);
    Field(out, "prev_hash", r.prev_hash);
    return out;
}

std::string AuditHash(const AuditRecord& record) { return Sha256Hex(AuditCanonicalText(record)); }

bool AuditChainCheck::Add(const AuditRecord& r) {
    if (!result_.intact) return false;
    if (r.id <= last_id_) {
        Break(r.id, "it is out of order: it comes after entry " + std::to_string(last_id_));
    } else if (r.id != last_id_ + 1) {
        Break(r.id, Missing(last_id_ + 1, r.id - 1) + " before it (removed from the log)");
    } else if (AuditHash(r) != r.hash) {
        Break(r.id, "its contents do not match its hash (it was altered after it was written)");
    } else if (r.prev_hash != last_hash_) {
        Break(r.id, last_id_ == 0 ? std::string("its prev_hash is not the start of the chain (64 zeros)")
                                  : "its prev_hash is not the hash of entry " + std::to_string(last_id_) +
                                        " (that entry was altered or replaced)");
    }
    if (!result_.intact) return false;
    last_id_ = r.id;
    last_hash_ = r.hash;
    ++result_.entries;
    return true;
}

void AuditChainCheck::Finish(std::int64_t head_id, std::string_view head_hash) {
    if (!result_.intact) return;
    if (last_id_ < head_id) {
        const std::string written =
            head_id == 1 ? "1 entry was written" : std::to_string(head_id) + " entries were written";
        Break(last_id_ + 1, Missing(last_id_ + 1, head_id) + " at the end of the log (" + written + ")");
    } else if (last_id_ > 0 && last_hash_ != head_hash) {
        Break(last_id_, "its hash is not the one recorded when it was written (it was replaced)");
    }
}

void AuditChainCheck::Break(std::int64_t id, std::string reason) {
    result_.intact = false;
    result_.broken_at = id;
    result_.reason = std::move(reason);
}

}  // namespace credo::app
