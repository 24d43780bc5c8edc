// Context: what every use case may consult besides the transaction and the actor — the clock and the
// settings that shape the rules. Built once by wiring/.
#pragma once

#include <chrono>
#include <string>

#include "credo/base/clock.hpp"
#include "credo/domain/customer/customer.hpp"

namespace credo::app {

struct Settings {
    std::string code_pattern{domain::kDefaultCodePattern};
    std::chrono::minutes session_ttl{12 * 60};
    int max_failed_logins = 5;
    std::chrono::minutes lockout{15};
    std::string base_currency = "CNY";  // OP-2: FX rates are against it; new credit accounts use it
};

struct Context {
    const Clock& clock;
    Settings settings;
};

}  // namespace credo::app
