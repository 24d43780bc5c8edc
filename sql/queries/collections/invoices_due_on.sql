SELECT i.id, i.customer_id, i.number, i.due_date, i.currency,
       i.amount_minor - COALESCE((SELECT SUM(a.amount_minor) FROM allocations a
                                  WHERE a.invoice_id = i.id AND a.day <= $2), 0)
FROM invoices i
WHERE i.due_date = $1 AND i.issue_date <= $2
ORDER BY i.customer_id, i.id
