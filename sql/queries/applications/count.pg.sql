SELECT COUNT(*)
FROM credit_applications a JOIN customers c ON c.id = a.customer_id
WHERE ($1::bigint IS NULL OR a.customer_id = $1::bigint) AND ($2::text IS NULL OR a.status = $2::text)
  AND ($3::text IS NULL OR c.region = $3::text) AND ($4::bigint IS NULL OR c.owner_id = $4::bigint)
  AND ($5::text IS NULL OR a.source = $5::text)
