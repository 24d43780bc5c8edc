INSERT INTO credit_accounts (customer_id, currency, limit_minor, term_days, valid_from, valid_until, grade, score,
                             on_hold, hold_reason, report_date, receivables_minor, orders_minor, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, 0, $12)
ON CONFLICT (customer_id) DO UPDATE
SET currency = excluded.currency, limit_minor = excluded.limit_minor, term_days = excluded.term_days,
    valid_from = excluded.valid_from, valid_until = excluded.valid_until, grade = excluded.grade,
    score = excluded.score, on_hold = excluded.on_hold, hold_reason = excluded.hold_reason,
    report_date = excluded.report_date, updated_at = excluded.updated_at
