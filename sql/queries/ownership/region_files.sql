SELECT id, code, name, owner_id FROM customers WHERE region = $1 ORDER BY id
