SELECT step, decision, actor_id, actor_name, comment, at FROM write_off_decisions
WHERE write_off_id = $1
ORDER BY id
