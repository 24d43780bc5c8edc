-- The orders placed from $1 to $2 (inclusive), each with the issue date of its invoice (NULL: not invoiced),
-- for the contract fulfilment rate (SPEC AR-3).
SELECT o.customer_id, o.order_date, o.currency, o.amount_minor, MIN(i.issue_date)
FROM orders o LEFT JOIN invoices i ON i.order_id = o.id
WHERE o.order_date >= $1 AND o.order_date <= $2
GROUP BY o.id, o.customer_id, o.order_date, o.currency, o.amount_minor
