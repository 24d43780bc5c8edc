UPDATE customers SET kind = $2, name = $3, name_norm = $4, search_text = $5, region = $6, owner_id = $7,
       nature = $8, importance = $9, lifecycle = $10, phone = $11, phone_digits = $12, tax_id = $13,
       completeness = $14, version = $15, updated_at = $16
WHERE id = $1 AND version = $17
RETURNING id
