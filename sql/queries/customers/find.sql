SELECT snapshot FROM customers WHERE id = $1
