// Customer: one customer file (SPEC CF-1…CF-7), the aggregate that is versioned as a whole.
//
// A file is its identity (system code, kind, name, region, owner), its classification attributes
// (CF-5), the descriptive attributes of the field catalog (fields.hpp) and its contacts (CF-4). Each
// write produces a new version (DY-1): the whole file is snapshotted, with the changed fields, the
// actor, the time and the reason. Activities (CF-7) are an append-only log beside the file, not part
// of its versions.
//
// Everything here is pure: validation, completeness, diffs, search keys. Storage and transport live in
// store/ and http/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credo/base/clock.hpp"
#include "credo/base/ids.hpp"
#include "credo/domain/customer/fields.hpp"

namespace credo::domain {

enum class Nature { kGovernment, kSpecial, kOrdinary, kConsumer, kPartner };
enum class Importance { kImportant, kSpecial, kGeneral };
enum class Lifecycle { kProspect, kNew, kEstablished, kDormant, kLost };
enum class Stage { kPast, kCurrent, kUpcoming };

inline constexpr auto kNatureNames =
    MakeEnumNames<Nature>(std::pair{Nature::kGovernment, "government"}, std::pair{Nature::kSpecial, "special"},
                          std::pair{Nature::kOrdinary, "ordinary"}, std::pair{Nature::kConsumer, "consumer"},
                          std::pair{Nature::kPartner, "partner"});
inline constexpr auto kImportanceNames =
    MakeEnumNames<Importance>(std::pair{Importance::kImportant, "important"},
                              std::pair{Importance::kSpecial, "special"}, std::pair{Importance::kGeneral, "general"});
inline constexpr auto kLifecycleNames =
    MakeEnumNames<Lifecycle>(std::pair{Lifecycle::kProspect, "prospect"}, std::pair{Lifecycle::kNew, "new"},
                             std::pair{Lifecycle::kEstablished, "established"},
                             std::pair{Lifecycle::kDormant, "dormant"}, std::pair{Lifecycle::kLost, "lost"});
inline constexpr auto kStageNames = MakeEnumNames<Stage>(
    std::pair{Stage::kPast, "past"}, std::pair{Stage::kCurrent, "current"}, std::pair{Stage::kUpcoming, "upcoming"});

// The personal profile of a contact (CF-4). Sensitive: shown only to roles entitled to it.
struct PersonalProfile {
    std::string personality;
    std::string interests;
    std::string hobbies;
    std::string family;
    std::string education;
    std::optional<std::int64_t> age;
    std::string background;
    bool operator==(const PersonalProfile&) const = default;
};

struct Contact {
    ContactId id;
    std::string name;
    std::string title;
    std::vector<std::string> phones;
    std::string email;
    bool primary = false;
    PersonalProfile profile;
    bool operator==(const Contact&) const = default;
};

struct Customer {
    CustomerId id;
    std::string code;  // CF-1: system generated, never edited, never reused
    CustomerKind kind = CustomerKind::kEnterprise;
    std::string name;
    std::string region;  // a region code
    std::optional<UserId> owner;
    Nature nature = Nature::kOrdinary;
    Importance importance = Importance::kGeneral;
    Lifecycle lifecycle = Lifecycle::kProspect;
    std::optional<Stage> stage;
    Attributes attributes;
    std::vector<Contact> contacts;

    std::int64_t version = 0;  // 1 after creation; +1 on every write
    Timestamp created_at{};
    Timestamp updated_at{};
};

// Validates everything about a file that does not need the database: name, region syntax, every
// attribute against the catalog, the fields required for its kind, and its contacts. Collects ALL
// field errors into one kInvalidArgument (fields map) so a form can mark every bad field at once.
Status ValidateCustomer(const Customer& customer);
Status ValidateContact(const Contact& contact, std::string_view path);

struct Completeness {
    int score = 0;                     // 0-100: filled expected fields / expected fields for the kind
    std::vector<std::string> missing;  // catalog keys (and "contacts"), in catalog order
};
// CF-6: expected fields are the catalog's `expected` for the kind, plus at least one contact.
Completeness AssessCompleteness(const Customer& customer);

// One changed field between two versions. `field` is a catalog key, an identity key ("name"), or a
// contact path ("contacts[17].title", "contacts[17]" when added or removed).
struct FieldChange {
    std::string field;
    std::optional<std::string> before;  // ValueText of the old value; nullopt when absent
    std::optional<std::string> after;
    bool hidden = false;  // a sensitive part the reader may not see: before and after are left out
};
std::vector<FieldChange> Diff(const Customer& before, const Customer& after);
// The changes of a file's first version: every field it was created with (Diff from an empty file of
// its kind), each with no `before`. Derivable from the first snapshot, so storage may keep only that.
std::vector<FieldChange> CreationChanges(const Customer& created);

// Search keys. Names match case-insensitively on ASCII and exactly on other scripts; phones match on
// their digits only.
std::string NormalizeName(std::string_view name);
std::string PhoneDigits(std::string_view phone);
// The text that free-text search looks into: the normalized name and the contacts' names.
std::string SearchText(const Customer& customer);
// Overlapping two-character grams (in code points) of a text, deduplicated; the index behind
// substring search in any script (FTS5's trigram tokenizer cannot match two-character Chinese words).
std::vector<std::string> Bigrams(std::string_view normalized_text);

// CF-1: the code pattern. `{year}` is replaced by the four-digit year and `{seq:N}` by the sequence
// zero-padded to N digits. The default is "C{year}{seq:6}" -> "C2026000042". The sequence is per
// prefix (the pattern with {year} filled), so each year starts again at 1.
inline constexpr std::string_view kDefaultCodePattern = "C{year}{seq:6}";
Status ValidateCodePattern(std::string_view pattern);
std::string CodePrefix(std::string_view pattern, int year);
std::string FormatCode(std::string_view pattern, int year, std::int64_t sequence);

}  // namespace credo::domain
