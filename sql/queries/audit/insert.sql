INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, details, prev_hash, hash)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
