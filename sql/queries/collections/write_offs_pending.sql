SELECT COALESCE(SUM(amount_minor), 0) FROM write_offs WHERE invoice_id = $1 AND status = 'pending'
