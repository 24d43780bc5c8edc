SELECT id, customer_id, amount_minor, start_date, end_date, reason, created_by, created_at
FROM credit_exceptions WHERE customer_id = $1 AND end_date >= $2
ORDER BY start_date, id
