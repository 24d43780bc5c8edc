SELECT customer_id, currency,
       SUM(CASE WHEN issue_date > $2 THEN amount_minor ELSE 0 END),
       SUM(CASE WHEN issue_date > $3 AND issue_date <= $2 THEN amount_minor ELSE 0 END),
       SUM(CASE WHEN issue_date > $4 AND issue_date <= $3 THEN amount_minor ELSE 0 END),
       MIN(issue_date), MAX(issue_date)
FROM invoices
WHERE issue_date <= $1
GROUP BY customer_id, currency
ORDER BY customer_id, currency
