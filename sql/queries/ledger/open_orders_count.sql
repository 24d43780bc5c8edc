SELECT COUNT(*) FROM orders WHERE customer_id = $1 AND status IN ('approved', 'credit_hold', 'released')
