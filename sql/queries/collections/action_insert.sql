INSERT INTO collection_actions (case_id, kind, day, note, from_stage, to_stage, actor_id, actor_name, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id
