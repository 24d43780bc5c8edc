SELECT id, number, customer_id, order_id, issue_date, due_date, currency, amount_minor, open_minor, rate_e8, created_by,
       created_at
FROM invoices WHERE customer_id = $1 AND open_minor > 0
ORDER BY due_date, id
