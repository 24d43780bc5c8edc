INSERT INTO write_off_decisions (write_off_id, step, decision, actor_id, actor_name, comment, at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
