FROM customers c LEFT JOIN users u ON u.id = c.owner_id
-- $1..$4 (the free-text query) are always NULL here; PostgreSQL wants every parameter typed and used.
WHERE $1::text IS NULL AND $2::text IS NULL AND $3::text IS NULL AND $4::text IS NULL
{CONDITIONS}
