SELECT DISTINCT customer_id FROM downgrade_justifications
WHERE day <= $1 AND valid_until >= $1
ORDER BY customer_id
