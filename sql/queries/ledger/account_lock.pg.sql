SELECT customer_id, currency, limit_minor, term_days, valid_from, valid_until, grade, score, on_hold, hold_reason, report_date,
       receivables_minor, orders_minor, updated_at, disarmed_levels
FROM credit_accounts WHERE customer_id = $1
FOR UPDATE
