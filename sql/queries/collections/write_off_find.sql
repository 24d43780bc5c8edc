SELECT w.id, w.invoice_id, w.customer_id, w.case_id, w.currency, w.amount_minor, w.reason, w.status, w.requested_by,
       w.requester_name, w.entry_id, w.created_at, w.updated_at, w.version, i.number, c.code, c.name
FROM write_offs w JOIN invoices i ON i.id = w.invoice_id JOIN customers c ON c.id = w.customer_id
WHERE w.id = $1
