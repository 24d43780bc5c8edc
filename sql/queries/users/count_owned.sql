SELECT COUNT(*) FROM customers WHERE owner_id = $1
