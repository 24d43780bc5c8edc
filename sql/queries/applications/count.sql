SELECT COUNT(*)
FROM credit_applications a JOIN customers c ON c.id = a.customer_id
WHERE ($1 IS NULL OR a.customer_id = $1) AND ($2 IS NULL OR a.status = $2)
  AND ($3 IS NULL OR c.region = $3) AND ($4 IS NULL OR c.owner_id = $4) AND ($5 IS NULL OR a.source = $5)
