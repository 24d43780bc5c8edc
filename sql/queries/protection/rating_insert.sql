INSERT INTO credit_ratings (customer_id, agency, rating, day, valid_until, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id
