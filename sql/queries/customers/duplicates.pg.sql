SELECT 'name', id, code, name FROM customers WHERE $1::text <> '' AND name_norm = $1 AND id <> $4::bigint
UNION ALL
SELECT 'tax_id', id, code, name FROM customers WHERE $2::text <> '' AND tax_id = $2 AND id <> $4::bigint
UNION ALL
SELECT 'phone', id, code, name FROM customers WHERE $3::text <> '' AND phone_digits = $3 AND id <> $4::bigint
LIMIT 20
