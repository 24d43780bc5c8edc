-- The sales ledger and credit control (SPEC AR-1, LC-1…LC-7, OP-2).
-- Money is an integer count of minor units with its ISO 4217 code; timestamps are milliseconds since the
-- Unix epoch (UTC); dates are 'YYYY-MM-DD' text. Nothing here is deleted: corrections are new entries.

-- FX rates by date (OP-2): one unit of `currency` is worth rate_e8 / 10^8 units of the base currency,
-- from `day` until the next rate of that currency.
CREATE TABLE fx_rates (
    currency   TEXT NOT NULL,
    day        TEXT NOT NULL,
    rate_e8    INTEGER NOT NULL CHECK (rate_e8 > 0),
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    PRIMARY KEY (currency, day)
) WITHOUT ROWID;

-- The credit account of a customer (LC-1, LC-2): the terms in force and the exposure, kept in the same
-- transaction as every ledger entry so that the order-time check reads one row. Amounts are in the
-- account's currency (the limit's). receivables_minor is the open receivables and orders_minor the
-- credit reserved by accepted orders not yet invoiced; exposure is their sum.
CREATE TABLE credit_accounts (
    customer_id       INTEGER PRIMARY KEY REFERENCES customers (id),
    currency          TEXT NOT NULL,
    limit_minor       INTEGER,              -- NULL: no limit granted
    term_days         INTEGER NOT NULL,
    valid_from        TEXT,
    valid_until       TEXT,
    grade             TEXT,                 -- I, II, III, IV; NULL: not graded yet
    score             INTEGER,
    on_hold           INTEGER NOT NULL DEFAULT 0,
    hold_reason       TEXT,
    report_date       TEXT,                 -- the date of the latest credit report (DY-2)
    receivables_minor INTEGER NOT NULL DEFAULT 0,
    orders_minor      INTEGER NOT NULL DEFAULT 0,
    disarmed_levels   TEXT NOT NULL DEFAULT '',  -- LC-5: the levels (bp) fired and not re-armed: "8000,9000"
    updated_at        INTEGER NOT NULL
) WITHOUT ROWID;

-- Temporary credit exceptions (LC-7): an extra amount on top of the limit from start to end, inclusive.
CREATE TABLE credit_exceptions (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_by  INTEGER REFERENCES users (id),
    created_at  INTEGER NOT NULL
);
CREATE INDEX credit_exceptions_customer ON credit_exceptions (customer_id, end_date);

-- Orders (LC-3): each checked when entered. status: approved, credit_hold, released (a hold lifted by
-- finance or an executive), invoiced, cancelled. reserved_minor is the credit the order holds in the
-- account's currency while accepted and not invoiced (its amount less the declared prepayment).
CREATE TABLE orders (
    id               INTEGER PRIMARY KEY,
    number           TEXT NOT NULL UNIQUE,
    customer_id      INTEGER NOT NULL REFERENCES customers (id),
    order_date       TEXT NOT NULL,
    currency         TEXT NOT NULL,
    amount_minor     INTEGER NOT NULL,
    prepayment_minor INTEGER NOT NULL,
    rate_e8          INTEGER NOT NULL,       -- order currency into the account's, as of order_date
    status           TEXT NOT NULL,
    reasons          TEXT NOT NULL,          -- JSON array of the check's reason codes
    reserved_minor   INTEGER NOT NULL,
    copied_from      INTEGER REFERENCES orders (id),
    created_by       INTEGER REFERENCES users (id),
    created_at       INTEGER NOT NULL,
    released_by      INTEGER REFERENCES users (id),
    released_at      INTEGER,
    release_reason   TEXT,
    version          INTEGER NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, id);
CREATE INDEX orders_status ON orders (status, id);

CREATE TABLE order_lines (
    order_id         INTEGER NOT NULL REFERENCES orders (id),
    line_no          INTEGER NOT NULL,
    product          TEXT NOT NULL,
    model            TEXT NOT NULL,
    quantity_milli   INTEGER NOT NULL CHECK (quantity_milli > 0),  -- thousandths of a unit
    unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
    amount_minor     INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_no)
) WITHOUT ROWID;

-- Invoices (AR-1): from an order or entered. open_minor is what remains to be collected, in the invoice's
-- currency; rate_e8 converts it into the account's currency (as of the issue date).
CREATE TABLE invoices (
    id           INTEGER PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    order_id     INTEGER REFERENCES orders (id),
    issue_date   TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    currency     TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    open_minor   INTEGER NOT NULL CHECK (open_minor >= 0),
    rate_e8      INTEGER NOT NULL,
    created_by   INTEGER REFERENCES users (id),
    created_at   INTEGER NOT NULL
);
CREATE INDEX invoices_customer ON invoices (customer_id, due_date, id);
CREATE INDEX invoices_open ON invoices (customer_id, due_date, id) WHERE open_minor > 0;

-- Payments and credit notes (kind 'payment' or 'credit_note'), allocated to invoices of the same
-- customer and currency; what is not allocated stays on account (unallocated_minor).
CREATE TABLE payments (
    id                INTEGER PRIMARY KEY,
    number            TEXT NOT NULL UNIQUE,
    kind              TEXT NOT NULL,
    customer_id       INTEGER NOT NULL REFERENCES customers (id),
    day               TEXT NOT NULL,
    currency          TEXT NOT NULL,
    amount_minor      INTEGER NOT NULL CHECK (amount_minor > 0),
    unallocated_minor INTEGER NOT NULL CHECK (unallocated_minor >= 0),
    reference         TEXT NOT NULL,
    created_by        INTEGER REFERENCES users (id),
    created_at        INTEGER NOT NULL
);
CREATE INDEX payments_customer ON payments (customer_id, day, id);

CREATE TABLE allocations (
    payment_id   INTEGER NOT NULL REFERENCES payments (id),
    invoice_id   INTEGER NOT NULL REFERENCES invoices (id),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    day          TEXT NOT NULL,
    PRIMARY KEY (payment_id, invoice_id)
) WITHOUT ROWID;
CREATE INDEX allocations_invoice ON allocations (invoice_id);
