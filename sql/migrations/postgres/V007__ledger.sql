-- The sales ledger and credit control (SPEC AR-1, LC-1…LC-7, OP-2) on PostgreSQL: the same tables as
-- the SQLite schema, column for column.

CREATE TABLE fx_rates (
    currency   TEXT NOT NULL,
    day        TEXT NOT NULL,
    rate_e8    BIGINT NOT NULL CHECK (rate_e8 > 0),
    updated_at BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users (id),
    PRIMARY KEY (currency, day)
);

CREATE TABLE credit_accounts (
    customer_id       BIGINT PRIMARY KEY REFERENCES customers (id),
    currency          TEXT NOT NULL,
    limit_minor       BIGINT,
    term_days         BIGINT NOT NULL,
    valid_from        TEXT,
    valid_until       TEXT,
    grade             TEXT,
    score             BIGINT,
    on_hold           BIGINT NOT NULL DEFAULT 0,
    hold_reason       TEXT,
    report_date       TEXT,
    receivables_minor BIGINT NOT NULL DEFAULT 0,
    orders_minor      BIGINT NOT NULL DEFAULT 0,
    disarmed_levels   TEXT NOT NULL DEFAULT '',
    updated_at        BIGINT NOT NULL
);

CREATE TABLE credit_exceptions (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_by  BIGINT REFERENCES users (id),
    created_at  BIGINT NOT NULL
);
CREATE INDEX credit_exceptions_customer ON credit_exceptions (customer_id, end_date);

CREATE TABLE orders (
    id               BIGSERIAL PRIMARY KEY,
    number           TEXT NOT NULL UNIQUE,
    customer_id      BIGINT NOT NULL REFERENCES customers (id),
    order_date       TEXT NOT NULL,
    currency         TEXT NOT NULL,
    amount_minor     BIGINT NOT NULL,
    prepayment_minor BIGINT NOT NULL,
    rate_e8          BIGINT NOT NULL,
    status           TEXT NOT NULL,
    reasons          TEXT NOT NULL,
    reserved_minor   BIGINT NOT NULL,
    copied_from      BIGINT REFERENCES orders (id),
    created_by       BIGINT REFERENCES users (id),
    created_at       BIGINT NOT NULL,
    released_by      BIGINT REFERENCES users (id),
    released_at      BIGINT,
    release_reason   TEXT,
    version          BIGINT NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, id);
CREATE INDEX orders_status ON orders (status, id);

CREATE TABLE order_lines (
    order_id         BIGINT NOT NULL REFERENCES orders (id),
    line_no          BIGINT NOT NULL,
    product          TEXT NOT NULL,
    model            TEXT NOT NULL,
    quantity_milli   BIGINT NOT NULL CHECK (quantity_milli > 0),
    unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
    amount_minor     BIGINT NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE invoices (
    id           BIGSERIAL PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE,
    customer_id  BIGINT NOT NULL REFERENCES customers (id),
    order_id     BIGINT REFERENCES orders (id),
    issue_date   TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    currency     TEXT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    open_minor   BIGINT NOT NULL CHECK (open_minor >= 0),
    rate_e8      BIGINT NOT NULL,
    created_by   BIGINT REFERENCES users (id),
    created_at   BIGINT NOT NULL
);
CREATE INDEX invoices_customer ON invoices (customer_id, due_date, id);
CREATE INDEX invoices_open ON invoices (customer_id, due_date, id) WHERE open_minor > 0;

CREATE TABLE payments (
    id                BIGSERIAL PRIMARY KEY,
    number            TEXT NOT NULL UNIQUE,
    kind              TEXT NOT NULL,
    customer_id       BIGINT NOT NULL REFERENCES customers (id),
    day               TEXT NOT NULL,
    currency          TEXT NOT NULL,
    amount_minor      BIGINT NOT NULL CHECK (amount_minor > 0),
    unallocated_minor BIGINT NOT NULL CHECK (unallocated_minor >= 0),
    reference         TEXT NOT NULL,
    created_by        BIGINT REFERENCES users (id),
    created_at        BIGINT NOT NULL
);
CREATE INDEX payments_customer ON payments (customer_id, day, id);

CREATE TABLE allocations (
    payment_id   BIGINT NOT NULL REFERENCES payments (id),
    invoice_id   BIGINT NOT NULL REFERENCES invoices (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    day          TEXT NOT NULL,
    PRIMARY KEY (payment_id, invoice_id)
);
CREATE INDEX allocations_invoice ON allocations (invoice_id);
