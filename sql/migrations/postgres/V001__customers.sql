-- Customer files with full history, users and sessions (PostgreSQL). The same tables as the SQLite
-- schema, column for column, so that one set of repositories serves both.
-- Timestamps are milliseconds since the Unix epoch (UTC); dates are 'YYYY-MM-DD' text.

CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
INSERT INTO regions (code, name) VALUES
    ('east', '华东'), ('north', '华北'), ('south', '华南'), ('central', '华中'),
    ('southwest', '西南'), ('northwest', '西北'), ('northeast', '东北');

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    roles         TEXT NOT NULL,
    region        TEXT REFERENCES regions (code),
    language      TEXT,
    active        BIGINT NOT NULL DEFAULT 1,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    locked_until  BIGINT,
    created_at    BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE sequences (
    key        TEXT PRIMARY KEY,
    last_value BIGINT NOT NULL
);

CREATE TABLE customers (
    id           BIGSERIAL PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    name_norm    TEXT NOT NULL,
    search_text  TEXT NOT NULL,
    region       TEXT NOT NULL REFERENCES regions (code),
    owner_id     BIGINT REFERENCES users (id),
    nature       TEXT NOT NULL,
    importance   TEXT NOT NULL,
    lifecycle    TEXT NOT NULL,
    phone        TEXT,
    phone_digits TEXT,
    tax_id       TEXT,
    completeness BIGINT NOT NULL,
    version      BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX customers_name_norm ON customers (name_norm);
CREATE INDEX customers_phone_digits ON customers (phone_digits text_pattern_ops);
CREATE INDEX customers_tax_id ON customers (tax_id);
CREATE INDEX customers_region ON customers (region, updated_at);
CREATE INDEX customers_owner ON customers (owner_id, updated_at);
CREATE INDEX customers_updated ON customers (updated_at);
CREATE INDEX customers_created ON customers (created_at);

CREATE TABLE customer_versions (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    version     BIGINT NOT NULL,
    at          BIGINT NOT NULL,
    actor_id    BIGINT,
    actor_name  TEXT NOT NULL,
    reason      TEXT,
    changes     TEXT,
    snapshot    TEXT NOT NULL,
    UNIQUE (customer_id, version)
);

CREATE TABLE customer_grams (
    gram        TEXT NOT NULL,
    customer_id BIGINT NOT NULL,
    PRIMARY KEY (gram, customer_id)
);

CREATE TABLE activities (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    type        TEXT NOT NULL,
    date        TEXT NOT NULL,
    summary     TEXT NOT NULL,
    details     TEXT,
    author_id   BIGINT,
    author_name TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX activities_customer ON activities (customer_id, date);
