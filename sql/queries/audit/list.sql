SELECT id, at, actor_id, actor_name, action, entity, entity_id, details, prev_hash, hash,
       count(*) OVER () AS total
FROM audit_log
WHERE ($1 IS NULL OR actor_id = $1)
  AND ($2 IS NULL OR action = $2)
  AND ($3 IS NULL OR entity = $3)
  AND ($4 IS NULL OR entity_id = $4)
  AND ($5 IS NULL OR at >= $5)
  AND ($6 IS NULL OR at < $6)
ORDER BY id DESC
LIMIT $7 OFFSET $8
