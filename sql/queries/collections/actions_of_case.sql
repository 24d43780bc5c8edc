SELECT id, kind, day, note, from_stage, to_stage, actor_id, actor_name, created_at FROM collection_actions
WHERE case_id = $1
ORDER BY day, id
