-- The entries an audit query selects, shared by list and count: $1 actor, $2 action, $3 entity,
-- $4 entity id, $5..$6 the time range (ms; the end excluded).
FROM audit_log
WHERE ($1 IS NULL OR actor_id = $1)
  AND ($2 IS NULL OR action = $2)
  AND ($3 IS NULL OR entity = $3)
  AND ($4 IS NULL OR entity_id = $4)
  AND ($5 IS NULL OR at >= $5)
  AND ($6 IS NULL OR at < $6)
