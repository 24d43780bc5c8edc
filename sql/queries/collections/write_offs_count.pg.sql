SELECT COUNT(*) FROM write_offs w JOIN invoices i ON i.id = w.invoice_id JOIN customers c ON c.id = w.customer_id
WHERE ($1::bigint IS NULL OR w.customer_id = $1::bigint) AND ($2::text IS NULL OR w.status = $2::text)
  AND ($3::text IS NULL OR c.region = $3::text) AND ($4::bigint IS NULL OR c.owner_id = $4::bigint)
