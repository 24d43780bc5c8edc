SELECT i.id, i.customer_id, i.issue_date, i.due_date, i.currency, i.amount_minor, i.rate_e8, a.day, a.amount_minor,
       p.kind
FROM invoices i
LEFT JOIN allocations a ON a.invoice_id = i.id
LEFT JOIN payments p ON p.id = a.payment_id
WHERE i.issue_date <= $1 AND i.customer_id = $2
ORDER BY i.id
