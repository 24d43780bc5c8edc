INSERT INTO downgrade_justifications (customer_id, reason, day, valid_until, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id
