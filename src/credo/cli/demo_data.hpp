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
#include <optional>
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

// Two years of trade with a customer (SPEC AR-1): orders, their invoices and the payments received, in
// whole yuan. How it pays depends on its `behaviour`: punctual (on or before the due date), slow (5-40
// days late), partial (about 85 % on time, the rest one to three months later), late (30-90 days late) or
// bad (nothing for the last five months).
struct DemoPayment {
    Date date;
    std::int64_t yuan = 0;
};

struct DemoLine {
    std::string product;
    std::string model;
    int quantity = 1;
    std::int64_t unit_price_yuan = 0;
};

struct DemoOrder {
    Date date;
    std::vector<DemoLine> lines;
    std::int64_t amount_yuan = 0;       // the lines' total
    Date invoice_date;                  // two days after the order
    std::vector<DemoPayment> payments;  // none after the demo's `today`; they add up to at most the amount
};

struct DemoCredit {
    std::int64_t limit_yuan = 0;
    int term_days = 30;
    std::string behaviour;          // punctual, slow, partial, late, bad
    std::vector<DemoOrder> orders;  // oldest first
};

struct DemoCustomer {
    boost::json::object body;              // a CustomerInput exactly as POST /customers takes it (no owner_id)
    std::string owner_username;            // "" = the regional pool
    std::vector<DemoActivity> activities;  // oldest first
    std::optional<DemoCredit> credit;      // customers that buy on credit
    std::optional<int> evaluation;         // prospects and new customers: the factor score they were given (0-10)
};

struct DemoCompany {
    std::vector<DemoUser> users;
    std::vector<DemoCustomer> customers;
};

// Deterministic: the same seed and date give the same company.
DemoCompany BuildDemoCompany(std::uint64_t seed, Date today);

}  // namespace credo::cli
