INSERT INTO alerts (user_id, kind, dedupe, customer_id, subject_user_id, day, params, created_at, read_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)
ON CONFLICT (user_id, kind, dedupe) DO NOTHING
RETURNING id
