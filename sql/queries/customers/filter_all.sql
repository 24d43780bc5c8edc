FROM customers c LEFT JOIN users u ON u.id = c.owner_id
WHERE ($5 IS NULL OR c.region = $5)
  AND ($6 IS NULL OR c.owner_id = $6)
  AND ($7 IS NULL OR c.kind = $7)
  AND ($8 IS NULL OR c.lifecycle = $8)
  AND ($9 IS NULL OR c.importance = $9)
  AND ($10 IS NULL OR c.nature = $10)
