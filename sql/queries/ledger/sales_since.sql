SELECT i.customer_id, i.currency, SUM(i.amount_minor)
FROM invoices i JOIN customers c ON c.id = i.customer_id
WHERE c.region = $1 AND i.issue_date > $2
GROUP BY i.customer_id, i.currency
ORDER BY i.customer_id, i.currency
