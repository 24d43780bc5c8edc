SELECT MIN(due_date) FROM invoices WHERE customer_id = $1 AND open_minor > 0 AND due_date < $2
