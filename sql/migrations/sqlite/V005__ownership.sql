-- Central ownership (SPEC OW-1…OW-5): the policies that shape it, handover records and notices.
-- Timestamps are milliseconds since the Unix epoch (UTC); dates are 'YYYY-MM-DD' text.

-- Company-wide settings that managers change at run time (not in credo.toml): one row per key, the value
-- as text, validated per key by domain/ownership/policy. Every change is audited (policy.update).
CREATE TABLE policies (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users (id)
) WITHOUT ROWID;
INSERT INTO policies (key, value, updated_at, updated_by) VALUES
    ('ownership.max_customers_per_sales', '300', 0, NULL),
    ('ownership.neglect_days', '90', 0, NULL),
    ('ownership.notice_days', '7', 0, NULL);

-- A handover (OW-2): a salesperson's customers moved in one transaction, who did it, when and why.
-- Open orders and receivables will be added to the record when they exist.
CREATE TABLE handovers (
    id           INTEGER PRIMARY KEY,
    from_user_id INTEGER NOT NULL REFERENCES users (id),
    to_user_id   INTEGER REFERENCES users (id),  -- the default successor; NULL: the region's pool
    actor_id     INTEGER,
    actor_name   TEXT NOT NULL,
    at           INTEGER NOT NULL,
    reason       TEXT NOT NULL
);
CREATE INDEX handovers_from ON handovers (from_user_id);

-- Each customer of a handover and where it went (to_user_id NULL: the region's pool).
CREATE TABLE handover_items (
    handover_id INTEGER NOT NULL REFERENCES handovers (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    code        TEXT NOT NULL,
    to_user_id  INTEGER REFERENCES users (id),
    PRIMARY KEY (handover_id, customer_id)
) WITHOUT ROWID;

-- Notices to users (OW-5: a file about to return to the pool). One per user, file, kind and due date,
-- so that a job run twice leaves one notice.
CREATE TABLE notices (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    kind        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    due         TEXT NOT NULL,
    UNIQUE (user_id, customer_id, kind, due)
);
