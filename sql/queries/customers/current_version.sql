SELECT version FROM customers WHERE id = $1
