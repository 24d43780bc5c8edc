-- The credit accounts of the customers within the reader's scope ($1 region, $2 owner; SPEC SE-2), with
-- each customer's code and name, by customer (the dashboard's exposure vs limits, RP-1).
SELECT a.customer_id, a.currency, a.limit_minor, a.term_days, a.valid_from, a.valid_until, a.grade, a.score, a.on_hold,
       a.hold_reason, a.report_date, a.receivables_minor, a.orders_minor, a.updated_at, a.disarmed_levels, c.code, c.name
FROM credit_accounts a JOIN customers c ON c.id = a.customer_id
WHERE ($1 IS NULL OR c.region = $1) AND ($2 IS NULL OR c.owner_id = $2)
ORDER BY a.customer_id
