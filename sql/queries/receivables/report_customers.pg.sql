-- The customers a receivables report may show: the reader's scope ($1 region, $2 owner; SPEC SE-2) and
-- the report's filters ($3 region, $4 owner), with the owner's name.
SELECT c.id, c.code, c.name, c.region, c.owner_id, COALESCE(u.display_name, '')
FROM customers c LEFT JOIN users u ON u.id = c.owner_id
WHERE ($1::text IS NULL OR c.region = $1::text) AND ($2::bigint IS NULL OR c.owner_id = $2::bigint)
  AND ($3::text IS NULL OR c.region = $3::text) AND ($4::bigint IS NULL OR c.owner_id = $4::bigint)
ORDER BY c.id
