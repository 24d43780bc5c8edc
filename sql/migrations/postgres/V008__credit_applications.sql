-- Credit applications and their approval trail (SPEC AP-1, AP-2) on PostgreSQL: the same tables as the
-- SQLite schema, column for column.

CREATE TABLE credit_applications (
    id                    BIGSERIAL PRIMARY KEY,
    customer_id           BIGINT NOT NULL REFERENCES customers (id),
    applicant_id          BIGINT REFERENCES users (id),
    applicant_name        TEXT NOT NULL,
    currency              TEXT NOT NULL,
    requested_limit_minor BIGINT NOT NULL CHECK (requested_limit_minor >= 0),
    requested_term_days   BIGINT NOT NULL,
    requested_grade       TEXT,
    report_date           TEXT,
    reason                TEXT NOT NULL,
    status                TEXT NOT NULL,
    round                 BIGINT NOT NULL,
    source                TEXT NOT NULL,
    proposal              TEXT NOT NULL,
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL,
    version               BIGINT NOT NULL
);
CREATE INDEX credit_applications_customer ON credit_applications (customer_id, id);
CREATE INDEX credit_applications_status ON credit_applications (status, id);

CREATE TABLE credit_decisions (
    id             BIGSERIAL PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES credit_applications (id),
    round          BIGINT NOT NULL,
    step           TEXT NOT NULL,
    decision       TEXT NOT NULL,
    actor_id       BIGINT REFERENCES users (id),
    actor_name     TEXT NOT NULL,
    comment        TEXT NOT NULL,
    at             BIGINT NOT NULL
);
CREATE INDEX credit_decisions_application ON credit_decisions (application_id, id);
