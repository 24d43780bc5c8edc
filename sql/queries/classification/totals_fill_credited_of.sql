INSERT INTO purchase_totals (customer_id, currency, kind, last_12, previous_12, third_12, first_day, last_day)
SELECT customer_id, currency, 'credit_note',
       SUM(CASE WHEN day > $2 THEN amount_minor ELSE 0 END),
       SUM(CASE WHEN day > $3 AND day <= $2 THEN amount_minor ELSE 0 END),
       SUM(CASE WHEN day > $4 AND day <= $3 THEN amount_minor ELSE 0 END),
       MIN(day), MAX(day)
FROM payments
WHERE kind = 'credit_note' AND customer_id = $5 AND day <= $1
GROUP BY customer_id, currency
