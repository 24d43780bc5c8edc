INSERT INTO credit_exceptions (customer_id, amount_minor, start_date, end_date, reason, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id
