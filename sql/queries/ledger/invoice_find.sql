SELECT id, number, customer_id, order_id, issue_date, due_date, currency, amount_minor, open_minor, rate_e8, created_by,
       created_at
FROM invoices WHERE id = $1
