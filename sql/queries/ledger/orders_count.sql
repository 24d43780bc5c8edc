SELECT COUNT(*)
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE ($1 IS NULL OR o.customer_id = $1) AND ($2 IS NULL OR o.status = $2)
  AND ($3 IS NULL OR c.region = $3) AND ($4 IS NULL OR c.owner_id = $4)
