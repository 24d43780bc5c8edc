SELECT v.snapshot FROM customers c
JOIN customer_versions v ON v.customer_id = c.id AND v.version = c.version
WHERE c.id = $1
