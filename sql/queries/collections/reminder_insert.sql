INSERT INTO reminders (customer_id, day, items, created_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (customer_id, day) DO NOTHING
RETURNING id
