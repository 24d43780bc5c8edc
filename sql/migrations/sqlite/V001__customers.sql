-- Customer files with full history, users and sessions (SQLite).
-- Timestamps are milliseconds since the Unix epoch (UTC); dates are 'YYYY-MM-DD' text.

CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
INSERT INTO regions (code, name) VALUES
    ('east', '华东'), ('north', '华北'), ('south', '华南'), ('central', '华中'),
    ('southwest', '西南'), ('northwest', '西北'), ('northeast', '东北');

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    roles         TEXT NOT NULL,              -- comma-separated role names
    region        TEXT REFERENCES regions (code),
    language      TEXT,
    active        INTEGER NOT NULL DEFAULT 1,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  INTEGER,
    created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sequences (
    key        TEXT PRIMARY KEY,
    last_value INTEGER NOT NULL
) WITHOUT ROWID;

-- The current state of each file: the columns that lists, search and duplicate checks need. The file
-- itself (its JSON snapshot) is the row of customer_versions at the current version, so it is stored
-- once, and this table stays narrow enough for searches to read thousands of rows quickly.
CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    name_norm    TEXT NOT NULL,
    search_text  TEXT NOT NULL,
    region       TEXT NOT NULL REFERENCES regions (code),
    owner_id     INTEGER REFERENCES users (id),
    nature       TEXT NOT NULL,
    importance   TEXT NOT NULL,
    lifecycle    TEXT NOT NULL,
    phone        TEXT,
    phone_digits TEXT,
    tax_id       TEXT,
    completeness INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX customers_name_norm ON customers (name_norm);
CREATE INDEX customers_phone_digits ON customers (phone_digits);
CREATE INDEX customers_tax_id ON customers (tax_id);
CREATE INDEX customers_region ON customers (region, updated_at);
CREATE INDEX customers_owner ON customers (owner_id, updated_at);
CREATE INDEX customers_updated ON customers (updated_at);
CREATE INDEX customers_created ON customers (created_at);

-- Every version of every file (DY-1): the full snapshot and what changed, by whom, when and why.
-- A rowid table: its rows are large (a whole snapshot), which WITHOUT ROWID tables store poorly.
CREATE TABLE customer_versions (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    version     INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    actor_id    INTEGER,
    actor_name  TEXT NOT NULL,
    reason      TEXT,
    changes     TEXT,                          -- NULL for version 1: its changes follow from its snapshot
    snapshot    TEXT NOT NULL,
    UNIQUE (customer_id, version)
);

-- Two-character grams of names and contact names: substring search in any script.
CREATE TABLE customer_grams (
    gram        TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    PRIMARY KEY (gram, customer_id)
) WITHOUT ROWID;

CREATE TABLE activities (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    type        TEXT NOT NULL,
    date        TEXT NOT NULL,
    summary     TEXT NOT NULL,
    details     TEXT,
    author_id   INTEGER,
    author_name TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX activities_customer ON activities (customer_id, date);
