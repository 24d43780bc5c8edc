-- Classification and dynamic management (SPEC CL-1, CL-2, CL-3, CL-5, DY-2, DY-3, DY-4): the thresholds as
-- policies with the SPEC's defaults (amounts in whole units of the base currency), the record of periodic
-- reviews, and an index that lets the classification read each customer's purchases from the index alone.
INSERT INTO policies (key, value, updated_at, updated_by) VALUES
    ('classification.tier_a_min', '300000', 0, NULL),
    ('classification.tier_b_min', '200000', 0, NULL),
    ('classification.core_min_average', '300000', 0, NULL),
    ('classification.core_min_years', '2', 0, NULL),
    ('classification.long_standing_years', '3', 0, NULL),
    ('classification.scattered_below', '50000', 0, NULL),
    ('review.months_tier_a', '2', 0, NULL),
    ('review.months_other', '3', 0, NULL),
    ('credit.report_notice_days', '30', 0, NULL),
    ('movers.growth_pct', '50', 0, NULL),
    ('movers.lost_months', '6', 0, NULL);

-- A periodic review of a customer file (DY-3): who reviewed it, on which date, at which tier, with notes.
CREATE TABLE customer_reviews (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers (id),
    day           TEXT NOT NULL,
    tier          TEXT NOT NULL,
    notes         TEXT NOT NULL,
    reviewer_id   INTEGER REFERENCES users (id),
    reviewer_name TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX customer_reviews_customer ON customer_reviews (customer_id, day, id);

CREATE INDEX invoices_purchases ON invoices (customer_id, currency, issue_date, amount_minor);
CREATE INDEX payments_credit_notes ON payments (customer_id, currency, day, amount_minor) WHERE kind = 'credit_note';
