-- The receivables open at the end of $1 per customer, currency and aging bucket (SPEC AR-2); see
-- aging_totals.sql. PostgreSQL groups by hashing, so the server adds them up and sends one row per group.
SELECT customer_id, currency,
       CASE WHEN due_date >= $1 THEN 0 WHEN due_date >= $2 THEN 1 WHEN due_date >= $3 THEN 2
            WHEN due_date >= $4 THEN 3 ELSE 4 END AS bucket,
       SUM(amount_minor)
FROM (
    SELECT i.customer_id, i.currency, i.due_date, i.open_minor AS amount_minor
    FROM invoices i
    WHERE i.open_minor > 0 AND i.issue_date <= $1
    UNION ALL
    SELECT i.customer_id, i.currency, i.due_date, a.amount_minor
    FROM allocations a JOIN invoices i ON i.id = a.invoice_id
    WHERE a.day > $1 AND i.issue_date <= $1
) AS open_items
GROUP BY customer_id, currency, bucket
