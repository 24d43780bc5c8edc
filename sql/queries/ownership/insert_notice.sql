INSERT INTO notices (user_id, customer_id, kind, created_at, due) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT DO NOTHING
