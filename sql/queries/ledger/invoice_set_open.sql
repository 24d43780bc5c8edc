UPDATE invoices SET open_minor = $2 WHERE id = $1 RETURNING id
