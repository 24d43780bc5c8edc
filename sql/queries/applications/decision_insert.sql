INSERT INTO credit_decisions (application_id, round, step, decision, actor_id, actor_name, comment, at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
