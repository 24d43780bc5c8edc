SELECT COALESCE(SUM(amount_minor), 0) FROM payments
WHERE customer_id = $1 AND kind = 'payment' AND currency = $2 AND day >= $3 AND day <= $4
