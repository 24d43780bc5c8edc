-- The credit policies an admin changes at run time (SPEC CE-4, DY-2, LC-3, LC-5, AP-1), with the SPEC's
-- defaults. Each grade's policy is one of four kinds: 0 credit sales, terms may be extended; 1 credit
-- sales within the limit; 2 prepayment before shipment; 3 prepayment strictly, to be phased out.
INSERT INTO policies (key, value, updated_at, updated_by) VALUES
    ('credit.policy_I', '0', 0, NULL),
    ('credit.policy_II', '1', 0, NULL),
    ('credit.policy_III', '2', 0, NULL),
    ('credit.policy_IV', '3', 0, NULL),
    ('credit.report_validity_days', '365', 0, NULL),
    ('credit.overdue_tolerance_days', '0', 0, NULL),
    ('credit.alert_first_bp', '8000', 0, NULL),
    ('credit.alert_second_bp', '9000', 0, NULL),
    ('credit.executive_above', '1000000', 0, NULL);
