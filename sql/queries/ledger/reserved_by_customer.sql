SELECT customer_id, SUM(reserved_minor) FROM orders
WHERE status IN ('approved', 'released')
GROUP BY customer_id ORDER BY customer_id
