-- The entries an audit query selects, shared by list and count: $1 actor, $2 action, $3 entity,
-- $4 entity id, $5..$6 the time range (ms; the end excluded).
FROM audit_log
WHERE ($1::bigint IS NULL OR actor_id = $1)
  AND ($2::text IS NULL OR action = $2)
  AND ($3::text IS NULL OR entity = $3)
  AND ($4::text IS NULL OR entity_id = $4)
  AND ($5::bigint IS NULL OR at >= $5)
  AND ($6::bigint IS NULL OR at < $6)
