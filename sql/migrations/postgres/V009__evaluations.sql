-- Credit evaluations (SPEC CE-1) on PostgreSQL: the same table as the SQLite schema, column for column.
CREATE TABLE credit_evaluations (
    id             BIGSERIAL PRIMARY KEY,
    customer_id    BIGINT NOT NULL REFERENCES customers (id),
    factors        TEXT NOT NULL,
    score          BIGINT NOT NULL CHECK (score BETWEEN 0 AND 100),
    evaluator_id   BIGINT REFERENCES users (id),
    evaluator_name TEXT NOT NULL,
    day            TEXT NOT NULL,
    comments       TEXT NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX credit_evaluations_customer ON credit_evaluations (customer_id, day, id);
