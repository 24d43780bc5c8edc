SELECT COUNT(*) FROM collection_cases k JOIN customers c ON c.id = k.customer_id
WHERE ($1::bigint IS NULL OR k.customer_id = $1::bigint) AND ($2::text IS NULL OR k.status = $2::text)
  AND ($3::text IS NULL OR k.stage = $3::text)
  AND ($4::bigint IS NULL OR c.owner_id = $4::bigint OR k.opened_by = $4::bigint)
  AND ($5::text IS NULL OR c.region = $5::text) AND ($6::bigint IS NULL OR c.owner_id = $6::bigint)
