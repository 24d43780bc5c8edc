-- The customers a receivables report may show: the reader's scope ($1 region, $2 owner; SPEC SE-2) and
-- the report's filters ($3 region, $4 owner), with the owner's name.
SELECT c.id, c.code, c.name, c.region, c.owner_id, COALESCE(u.display_name, '')
FROM customers c LEFT JOIN users u ON u.id = c.owner_id
WHERE ($1 IS NULL OR c.region = $1) AND ($2 IS NULL OR c.owner_id = $2)
  AND ($3 IS NULL OR c.region = $3) AND ($4 IS NULL OR c.owner_id = $4)
ORDER BY c.id
