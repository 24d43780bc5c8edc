// The demo company that `credo demo` loads on first start: the corrosion-resistant valve maker of the case
// study (某耐腐阀门制造有限公司). Its staff (one user per role, regional managers, assistants and salespeople)
// and about 220 customer files all over China — chemical, petrochemical, power, pharmaceutical, paper,
// food, mining, metallurgy, environmental, pipeline and building companies, distributors and a few
// individuals — each with contacts and a short activity log.
//
// Everything is generated from a seed: the same seed and date give the same company, byte for byte, on
// every platform (std::mt19937_64 is specified exactly; the distributions are our own).
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "credo/base/date.hpp"

namespace credo::cli {

struct DemoUser {
    std::string username;
    std::string display_name;
    std::string password;
    std::vector<std::string> roles;  // role names: "sales", "regional_manager", ...
    std::string region;              // a region code; "" = none
    std::string language;            // "zh-CN", "zh-TW", "es", "en"
};

struct DemoActivity {
    std::string type;  // visit, call, quality_feedback, technical_requirement, delivery, service, greeting, note
    Date date;         // never after the demo's `today`
    std::string summary;
    std::string details;  // "" = none
};

struct DemoCustomer {
    boost::json::object body;              // a CustomerInput exactly as POST /customers takes it (no owner_id)
    std::string owner_username;            // "" = the regional pool
    std::vector<DemoActivity> activities;  // oldest first
};

struct DemoCompany {
    std::vector<DemoUser> users;
    std::vector<DemoCustomer> customers;
};

// Deterministic: the same seed and date give the same company.
DemoCompany BuildDemoCompany(std::uint64_t seed, Date today);

}  // namespace credo::cli
