UPDATE credit_accounts
SET receivables_minor = receivables_minor + $2, orders_minor = orders_minor + $3, updated_at = $4
WHERE customer_id = $1
RETURNING customer_id
