SELECT id, at, actor_id, actor_name, action, entity, entity_id, details, prev_hash, hash,
       count(*) OVER () AS total
{FILTER}
ORDER BY id DESC
LIMIT $7 OFFSET $8
