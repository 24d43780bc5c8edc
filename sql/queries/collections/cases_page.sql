SELECT k.id, k.customer_id, k.stage, k.status, k.outcome, k.outcome_note, k.opened_on, k.closed_on, k.opened_by,
       k.opened_by_name, k.note, k.created_at, k.updated_at, k.version, c.code, c.name, c.owner_id
FROM collection_cases k JOIN customers c ON c.id = k.customer_id
WHERE ($1 IS NULL OR k.customer_id = $1) AND ($2 IS NULL OR k.status = $2) AND ($3 IS NULL OR k.stage = $3)
  AND ($4 IS NULL OR c.owner_id = $4 OR k.opened_by = $4)
  AND ($5 IS NULL OR c.region = $5) AND ($6 IS NULL OR c.owner_id = $6)
ORDER BY k.id DESC
LIMIT $7 OFFSET $8
