INSERT INTO customer_reviews (customer_id, day, tier, notes, reviewer_id, reviewer_name, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id
