-- Third-party credit information (SPEC CE-6) and credit insurance (CE-7) on PostgreSQL: the same tables as
-- the SQLite schema, column for column.

CREATE TABLE credit_ratings (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    agency      TEXT NOT NULL,
    rating      TEXT NOT NULL,
    day         TEXT NOT NULL,
    valid_until TEXT,
    created_by  BIGINT REFERENCES users (id),
    created_at  BIGINT NOT NULL
);
CREATE INDEX credit_ratings_customer ON credit_ratings (customer_id, day, id);

CREATE TABLE credit_insurance (
    id            BIGSERIAL PRIMARY KEY,
    customer_id   BIGINT NOT NULL REFERENCES customers (id),
    insurer       TEXT NOT NULL,
    policy_number TEXT NOT NULL,
    currency      TEXT NOT NULL,
    covered_minor BIGINT NOT NULL CHECK (covered_minor > 0),
    start_date    TEXT NOT NULL,
    end_date      TEXT NOT NULL,
    created_by    BIGINT REFERENCES users (id),
    created_at    BIGINT NOT NULL
);
CREATE INDEX credit_insurance_customer ON credit_insurance (customer_id, end_date);
