-- Reminders, collection cases, promises to pay and write-offs (SPEC AR-4, AR-1). Timestamps are
-- milliseconds since the Unix epoch; dates are 'YYYY-MM-DD' text; amounts are minor units.

-- Reminders are found by due date: the invoices due on each reminder day's offset.
CREATE INDEX invoices_due ON invoices (due_date, id);

-- One reminder per customer and day, listing every item it was reminded of (a JSON array of
-- {invoice_id, number, due_date, offset, open_minor, currency}). The key makes a second run of the same
-- day a no-op.
CREATE TABLE reminders (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    day         TEXT NOT NULL,
    items       TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    UNIQUE (customer_id, day)
);

-- A collection case (AR-4): at most one open case per customer. stage: reminder, warning, formal_demand,
-- legal. status: open, closed; a closed case has its outcome (paid, partially_paid, written_off, settled,
-- legal).
CREATE TABLE collection_cases (
    id             BIGSERIAL PRIMARY KEY,
    customer_id    BIGINT NOT NULL REFERENCES customers (id),
    stage          TEXT NOT NULL,
    status         TEXT NOT NULL,
    outcome        TEXT,
    outcome_note   TEXT NOT NULL,
    opened_on      TEXT NOT NULL,
    closed_on      TEXT,
    opened_by      BIGINT REFERENCES users (id),
    opened_by_name TEXT NOT NULL,
    note           TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    version        BIGINT NOT NULL
);
CREATE UNIQUE INDEX collection_cases_one_open ON collection_cases (customer_id) WHERE status = 'open';
CREATE INDEX collection_cases_customer ON collection_cases (customer_id, id);

-- The invoices a case covers.
CREATE TABLE collection_case_invoices (
    case_id    BIGINT NOT NULL REFERENCES collection_cases (id),
    invoice_id BIGINT NOT NULL REFERENCES invoices (id),
    PRIMARY KEY (case_id, invoice_id)
);

-- The timeline of a case: actions (call, visit, letter, email) and stage moves (kind 'stage', with the
-- stages before and after), each dated, with its notes.
CREATE TABLE collection_actions (
    id         BIGSERIAL PRIMARY KEY,
    case_id    BIGINT NOT NULL REFERENCES collection_cases (id),
    kind       TEXT NOT NULL,
    day        TEXT NOT NULL,
    note       TEXT NOT NULL,
    from_stage TEXT,
    to_stage   TEXT,
    actor_id   BIGINT REFERENCES users (id),
    actor_name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX collection_actions_case ON collection_actions (case_id, id);

-- Promises to pay: `amount_minor` in `currency` by `promised_date`, made on `made_on`. Kept or broken is
-- computed from the payments, never stored.
CREATE TABLE collection_promises (
    id            BIGSERIAL PRIMARY KEY,
    case_id       BIGINT NOT NULL REFERENCES collection_cases (id),
    currency      TEXT NOT NULL,
    amount_minor  BIGINT NOT NULL CHECK (amount_minor > 0),
    made_on       TEXT NOT NULL,
    promised_date TEXT NOT NULL,
    note          TEXT NOT NULL,
    created_by    BIGINT REFERENCES users (id),
    created_at    BIGINT NOT NULL
);
CREATE INDEX collection_promises_case ON collection_promises (case_id, id);

-- Write-off requests (AR-1): an amount of one invoice, approved by finance then an executive. status:
-- pending, approved, rejected. When approved, the write-off is posted as a ledger entry (payments.kind
-- 'write_off', number in `entry_id`) allocated to the invoice.
CREATE TABLE write_offs (
    id             BIGSERIAL PRIMARY KEY,
    invoice_id     BIGINT NOT NULL REFERENCES invoices (id),
    customer_id    BIGINT NOT NULL REFERENCES customers (id),
    case_id        BIGINT REFERENCES collection_cases (id),
    currency       TEXT NOT NULL,
    amount_minor   BIGINT NOT NULL CHECK (amount_minor > 0),
    reason         TEXT NOT NULL,
    status         TEXT NOT NULL,
    requested_by   BIGINT REFERENCES users (id),
    requester_name TEXT NOT NULL,
    entry_id       BIGINT REFERENCES payments (id),
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    version        BIGINT NOT NULL
);
CREATE INDEX write_offs_status ON write_offs (status, id);
CREATE INDEX write_offs_customer ON write_offs (customer_id, id);

CREATE TABLE write_off_decisions (
    id           BIGSERIAL PRIMARY KEY,
    write_off_id BIGINT NOT NULL REFERENCES write_offs (id),
    step         TEXT NOT NULL,
    decision     TEXT NOT NULL,
    actor_id     BIGINT REFERENCES users (id),
    actor_name   TEXT NOT NULL,
    comment      TEXT NOT NULL,
    at           BIGINT NOT NULL
);
CREATE INDEX write_off_decisions_write_off ON write_off_decisions (write_off_id, id);

-- The reminder days (AR-4): five offsets in days from the due date (negative: before it), the SPEC's
-- defaults; two equal offsets count once, and reminders.enabled = 0 turns them all off.
INSERT INTO policies (key, value, updated_at, updated_by) VALUES
    ('reminders.enabled', '1', 0, NULL),
    ('reminders.offset_1', '-7', 0, NULL),
    ('reminders.offset_2', '0', 0, NULL),
    ('reminders.offset_3', '7', 0, NULL),
    ('reminders.offset_4', '30', 0, NULL),
    ('reminders.offset_5', '60', 0, NULL);

-- Alerts by e-mail (RP-5): a user's address, and the outbox of the alerts to mail. The sender (jobs/
-- alert_mailer) moves the alerts raised after `mail_cursor` for users with an address into the outbox, and
-- sends each with retries; nothing is sent inside the transaction that raised the alert.
ALTER TABLE users ADD COLUMN email TEXT;

CREATE TABLE mail_cursor (
    id            BIGINT PRIMARY KEY CHECK (id = 1),
    last_alert_id BIGINT NOT NULL
);

CREATE TABLE mail_outbox (
    id         BIGSERIAL PRIMARY KEY,
    alert_id   BIGINT NOT NULL UNIQUE REFERENCES alerts (id),
    to_address TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    attempts   BIGINT NOT NULL,
    next_at    BIGINT NOT NULL,
    sent_at    BIGINT,
    last_error TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_at, id) WHERE sent_at IS NULL;
