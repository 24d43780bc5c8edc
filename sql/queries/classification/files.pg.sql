SELECT c.id, c.code, c.name, c.region, c.owner_id, coalesce(nullif(u.display_name, ''), u.username, ''), c.lifecycle,
       v.snapshot::json ->> 'relationship_start', c.created_at
FROM customers c
JOIN customer_versions v ON v.customer_id = c.id AND v.version = c.version
LEFT JOIN users u ON u.id = c.owner_id
WHERE ($1::text IS NULL OR c.region = $1) AND ($2::bigint IS NULL OR c.owner_id = $2)
ORDER BY c.id
