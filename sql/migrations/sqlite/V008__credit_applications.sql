-- Credit applications and their approval trail (SPEC AP-1, AP-2): a new limit, term or grade takes effect
-- only when every step of the chain has approved it. Timestamps are milliseconds since the Unix epoch.

-- status: pending, approved, rejected, returned. round counts the submissions (a return ends a round; the
-- applicant's resubmission starts the next). source: user, or reevaluation (a proposal of AP-2, whose
-- reasons are in `proposal`, a JSON array).
CREATE TABLE credit_applications (
    id                    INTEGER PRIMARY KEY,
    customer_id           INTEGER NOT NULL REFERENCES customers (id),
    applicant_id          INTEGER REFERENCES users (id),
    applicant_name        TEXT NOT NULL,
    currency              TEXT NOT NULL,
    requested_limit_minor INTEGER NOT NULL CHECK (requested_limit_minor >= 0),
    requested_term_days   INTEGER NOT NULL,
    requested_grade       TEXT,
    report_date           TEXT,  -- the date of the credit report behind the request (DY-2)
    reason                TEXT NOT NULL,
    status                TEXT NOT NULL,
    round                 INTEGER NOT NULL,
    source                TEXT NOT NULL,
    proposal              TEXT NOT NULL,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    version               INTEGER NOT NULL
);
CREATE INDEX credit_applications_customer ON credit_applications (customer_id, id);
CREATE INDEX credit_applications_status ON credit_applications (status, id);

-- Every decision of every round, in order: the whole trail.
CREATE TABLE credit_decisions (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES credit_applications (id),
    round          INTEGER NOT NULL,
    step           TEXT NOT NULL,      -- the role whose step it was
    decision       TEXT NOT NULL,      -- approve, reject, return
    actor_id       INTEGER REFERENCES users (id),
    actor_name     TEXT NOT NULL,
    comment        TEXT NOT NULL,
    at             INTEGER NOT NULL
);
CREATE INDEX credit_decisions_application ON credit_decisions (application_id, id);
