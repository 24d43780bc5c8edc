SELECT id FROM customers WHERE owner_id = $1 ORDER BY id
