-- Each customer's purchases as of one date (SPEC CL-1, CL-2, CL-5): per currency, the invoices and the
-- credit notes of the three twelve-month periods before that date, with the first and last document, as
-- the classification reads them from the ledger. The daily job "purchase_totals" writes every row for
-- its date; each invoice and credit note rewrites its customer's rows in its own transaction, so the rows
-- always equal the ledger as of purchase_totals_state.as_of and the reports of that date read them
-- instead of every invoice.
CREATE TABLE purchase_totals (
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    currency    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    last_12     BIGINT NOT NULL,
    previous_12 BIGINT NOT NULL,
    third_12    BIGINT NOT NULL,
    first_day   TEXT,
    last_day    TEXT,
    PRIMARY KEY (customer_id, currency, kind)
);

-- The one date the rows above are for; NULL until the job has run.
CREATE TABLE purchase_totals_state (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    as_of TEXT
);
INSERT INTO purchase_totals_state (id, as_of) VALUES (1, NULL);
