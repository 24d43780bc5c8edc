SELECT round, step, decision, actor_id, actor_name, comment, at
FROM credit_decisions WHERE application_id = $1 ORDER BY id
