SELECT v.snapshot, coalesce(nullif(u.display_name, ''), u.username) FROM customers c
JOIN customer_versions v ON v.customer_id = c.id AND v.version = c.version
LEFT JOIN users u ON u.id = c.owner_id
WHERE c.id = $1 AND ($2::text IS NULL OR c.region = $2) AND ($3::bigint IS NULL OR c.owner_id = $3)
