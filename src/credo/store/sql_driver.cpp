#include "credo/store/sql_driver.hpp"

namespace credo::store {

Status SqlStatement::Run() {
    while (true) {
        CREDO_TRY(bool row, Step());
        if (!row) return Ok();
    }
}

std::optional<std::int64_t> SqlStatement::OptInt(int col) const {
    if (IsNull(col)) return std::nullopt;
    return Int(col);
}

std::optional<std::string> SqlStatement::OptText(int col) const {
    if (IsNull(col)) return std::nullopt;
    return Text(col);
}

}  // namespace credo::store
