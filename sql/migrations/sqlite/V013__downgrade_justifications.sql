-- A justification recorded after talking to the customer (SPEC AP-2, seed 003): the late payment has a
-- sufficient, normal reason, so the quarterly re-evaluation makes no downgrade proposal for the customer
-- while the justification runs (from `day` to `valid_until`, inclusive). Nothing is deleted.
CREATE TABLE downgrade_justifications (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    reason      TEXT NOT NULL,
    day         TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    created_by  INTEGER REFERENCES users (id),
    created_at  INTEGER NOT NULL
);
CREATE INDEX downgrade_justifications_customer ON downgrade_justifications (customer_id, valid_until);

-- The rest of the credit rules as policies (CE-3, CE-5, LC-5, AP-2), with the SPEC's defaults.
-- Utilization alert recipients are a sum of: 1 the owner, 2 the region's managers, 4 commerce,
-- 8 the sales managers, 16 finance, 32 the executives.
INSERT INTO policies (key, value, updated_at, updated_by) VALUES
    ('credit.alert_first_recipients', '7', 0, NULL),
    ('credit.alert_second_recipients', '15', 0, NULL),
    ('credit.initial_grade_I', '85', 0, NULL),
    ('credit.initial_grade_II', '70', 0, NULL),
    ('credit.initial_grade_III', '55', 0, NULL),
    ('credit.score_weight_evaluation', '40', 0, NULL),
    ('credit.score_weight_collected', '25', 0, NULL),
    ('credit.score_weight_on_time', '15', 0, NULL),
    ('credit.score_weight_days_past_due', '12', 0, NULL),
    ('credit.score_weight_months_without_collection', '8', 0, NULL),
    ('credit.upgrade_max_increase_pct', '20', 0, NULL),
    ('credit.downgrade_cut_pct', '20', 0, NULL),
    ('credit.downgrade_months', '2', 0, NULL);
