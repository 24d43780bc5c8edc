SELECT id, customer_id, day, tier, notes, reviewer_id, reviewer_name, created_at
FROM customer_reviews WHERE customer_id = $1 ORDER BY day DESC, id DESC
