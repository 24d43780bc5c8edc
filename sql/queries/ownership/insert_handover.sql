INSERT INTO handovers (from_user_id, to_user_id, actor_id, actor_name, at, reason)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id
