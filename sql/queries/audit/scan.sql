-- One chunk of the chain for Verify: the entries after $1 up to $2, in id order.
SELECT id, at, actor_id, actor_name, action, entity, entity_id, details, prev_hash, hash FROM audit_log
WHERE id > $1 AND id <= $2
ORDER BY id
LIMIT $3
