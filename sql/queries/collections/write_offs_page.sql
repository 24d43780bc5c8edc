SELECT w.id, w.invoice_id, w.customer_id, w.case_id, w.currency, w.amount_minor, w.reason, w.status, w.requested_by,
       w.requester_name, w.entry_id, w.created_at, w.updated_at, w.version, i.number, c.code, c.name
FROM write_offs w JOIN invoices i ON i.id = w.invoice_id JOIN customers c ON c.id = w.customer_id
WHERE ($1 IS NULL OR w.customer_id = $1) AND ($2 IS NULL OR w.status = $2)
  AND ($3 IS NULL OR c.region = $3) AND ($4 IS NULL OR c.owner_id = $4)
ORDER BY w.id DESC
LIMIT $5 OFFSET $6
