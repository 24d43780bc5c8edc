FROM customers c LEFT JOIN users u ON u.id = c.owner_id
-- $1..$4 (the free-text query) are always NULL here; PostgreSQL wants every parameter typed and used.
WHERE $1::text IS NULL AND $2::text IS NULL AND $3::text IS NULL AND $4::text IS NULL
  AND ($5::text IS NULL OR c.region = $5)
  AND ($6::bigint IS NULL OR c.owner_id = $6)
  AND ($7::text IS NULL OR c.kind = $7)
  AND ($8::text IS NULL OR c.lifecycle = $8)
  AND ($9::text IS NULL OR c.importance = $9)
  AND ($10::text IS NULL OR c.nature = $10)
  AND ($11::text IS NULL OR c.region = $11)
  AND ($12::bigint IS NULL OR c.owner_id = $12)
  AND ($13::bigint IS NULL OR c.owner_id IS NULL)
