INSERT INTO customers (code, kind, name, name_norm, search_text, region, owner_id, nature, importance, lifecycle,
                       phone, phone_digits, tax_id, completeness, version, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
RETURNING id
