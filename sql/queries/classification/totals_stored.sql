SELECT customer_id, currency, last_12, previous_12, third_12, first_day, last_day
FROM purchase_totals
WHERE kind = $1
ORDER BY customer_id, currency
