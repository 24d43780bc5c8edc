-- Central ownership (SPEC OW-1…OW-5): the policies that shape it, handover records and notices.
-- The same tables as the SQLite schema, column for column.

CREATE TABLE policies (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users (id)
);
INSERT INTO policies (key, value, updated_at, updated_by) VALUES
    ('ownership.max_customers_per_sales', '300', 0, NULL),
    ('ownership.neglect_days', '90', 0, NULL),
    ('ownership.notice_days', '7', 0, NULL);

CREATE TABLE handovers (
    id           BIGSERIAL PRIMARY KEY,
    from_user_id BIGINT NOT NULL REFERENCES users (id),
    to_user_id   BIGINT REFERENCES users (id),
    actor_id     BIGINT,
    actor_name   TEXT NOT NULL,
    at           BIGINT NOT NULL,
    reason       TEXT NOT NULL
);
CREATE INDEX handovers_from ON handovers (from_user_id);

CREATE TABLE handover_items (
    handover_id BIGINT NOT NULL REFERENCES handovers (id),
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    code        TEXT NOT NULL,
    to_user_id  BIGINT REFERENCES users (id),
    PRIMARY KEY (handover_id, customer_id)
);

CREATE TABLE notices (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    kind        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    due         TEXT NOT NULL,
    UNIQUE (user_id, customer_id, kind, due)
);
