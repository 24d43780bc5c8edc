INSERT INTO allocations (payment_id, invoice_id, amount_minor, day) VALUES ($1, $2, $3, $4)
