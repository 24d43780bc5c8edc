INSERT INTO customer_grams (gram, customer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING
