SELECT COUNT(*) FROM collection_cases k JOIN customers c ON c.id = k.customer_id
WHERE ($1 IS NULL OR k.customer_id = $1) AND ($2 IS NULL OR k.status = $2) AND ($3 IS NULL OR k.stage = $3)
  AND ($4 IS NULL OR c.owner_id = $4 OR k.opened_by = $4)
  AND ($5 IS NULL OR c.region = $5) AND ($6 IS NULL OR c.owner_id = $6)
