-- The anomalies reported to management (SPEC RP-3), as admin policies with their defaults: a drop of
-- 50 % or a surge of 100 % against the same three months a year before, items overdue for up to 7 days
-- as new (a lost customer follows movers.lost_months); drops and surges only where one of the two
-- amounts reaches 100,000 of the base currency.
INSERT INTO policies (key, value, updated_at, updated_by) VALUES
    ('anomaly.drop_pct', '50', 0, NULL),
    ('anomaly.surge_pct', '100', 0, NULL),
    ('anomaly.new_overdue_days', '7', 0, NULL),
    ('anomaly.min_change', '100000', 0, NULL);
