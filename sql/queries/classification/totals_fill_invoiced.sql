INSERT INTO purchase_totals (customer_id, currency, kind, last_12, previous_12, third_12, first_day, last_day)
SELECT customer_id, currency, 'invoice',
       SUM(CASE WHEN issue_date > $2 THEN amount_minor ELSE 0 END),
       SUM(CASE WHEN issue_date > $3 AND issue_date <= $2 THEN amount_minor ELSE 0 END),
       SUM(CASE WHEN issue_date > $4 AND issue_date <= $3 THEN amount_minor ELSE 0 END),
       MIN(issue_date), MAX(issue_date)
FROM invoices
WHERE issue_date <= $1
GROUP BY customer_id, currency
