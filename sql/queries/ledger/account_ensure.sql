INSERT INTO credit_accounts (customer_id, currency, limit_minor, term_days, valid_from, valid_until, grade, score,
                             on_hold, hold_reason, report_date, receivables_minor, orders_minor, updated_at)
VALUES ($1, $2, NULL, $3, NULL, NULL, NULL, NULL, 0, NULL, NULL, 0, 0, $4)
ON CONFLICT (customer_id) DO NOTHING
