-- Third-party credit information (SPEC CE-6) and credit insurance (CE-7) per customer.

-- A rating from an agency (Dun & Bradstreet, a local credit bureau…), valid until a date.
CREATE TABLE credit_ratings (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    agency      TEXT NOT NULL,
    rating      TEXT NOT NULL,
    day         TEXT NOT NULL,
    valid_until TEXT,
    created_by  INTEGER REFERENCES users (id),
    created_at  INTEGER NOT NULL
);
CREATE INDEX credit_ratings_customer ON credit_ratings (customer_id, day, id);

-- A credit insurance policy covering the customer's receivables up to an amount over a period (inclusive);
-- the exposure is reported as insured and uninsured.
CREATE TABLE credit_insurance (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers (id),
    insurer       TEXT NOT NULL,
    policy_number TEXT NOT NULL,
    currency      TEXT NOT NULL,
    covered_minor INTEGER NOT NULL CHECK (covered_minor > 0),
    start_date    TEXT NOT NULL,
    end_date      TEXT NOT NULL,
    created_by    INTEGER REFERENCES users (id),
    created_at    INTEGER NOT NULL
);
CREATE INDEX credit_insurance_customer ON credit_insurance (customer_id, end_date);
