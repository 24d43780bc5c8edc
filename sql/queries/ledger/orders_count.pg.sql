SELECT COUNT(*)
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE ($1::bigint IS NULL OR o.customer_id = $1::bigint) AND ($2::text IS NULL OR o.status = $2::text)
  AND ($3::text IS NULL OR c.region = $3::text) AND ($4::bigint IS NULL OR c.owner_id = $4::bigint)
