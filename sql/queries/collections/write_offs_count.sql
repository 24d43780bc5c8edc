SELECT COUNT(*) FROM write_offs w JOIN invoices i ON i.id = w.invoice_id JOIN customers c ON c.id = w.customer_id
WHERE ($1 IS NULL OR w.customer_id = $1) AND ($2 IS NULL OR w.status = $2)
  AND ($3 IS NULL OR c.region = $3) AND ($4 IS NULL OR c.owner_id = $4)
