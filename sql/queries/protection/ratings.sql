SELECT id, customer_id, agency, rating, day, valid_until, created_by, created_at
FROM credit_ratings WHERE customer_id = $1 ORDER BY day DESC, id DESC
