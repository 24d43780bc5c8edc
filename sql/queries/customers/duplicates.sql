SELECT 'name', id, code, name FROM customers WHERE $1 <> '' AND name_norm = $1 AND id <> $4
UNION ALL
SELECT 'tax_id', id, code, name FROM customers WHERE $2 <> '' AND tax_id = $2 AND id <> $4
UNION ALL
SELECT 'phone', id, code, name FROM customers WHERE $3 <> '' AND phone_digits = $3 AND id <> $4
LIMIT 20
