-- Credit evaluations (SPEC CE-1): the eight-factor questionnaire, each factor 0-10, and its 0-100 score;
-- the latest one gives a customer without payment history its initial grade (CE-3).
CREATE TABLE credit_evaluations (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers (id),
    factors        TEXT NOT NULL,  -- JSON object: factor name -> 0..10
    score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    evaluator_id   INTEGER REFERENCES users (id),
    evaluator_name TEXT NOT NULL,
    day            TEXT NOT NULL,
    comments       TEXT NOT NULL,
    created_at     INTEGER NOT NULL
);
CREATE INDEX credit_evaluations_customer ON credit_evaluations (customer_id, day, id);
