SELECT substr(day, 1, 7) AS month, currency, SUM(amount_minor) FROM payments
WHERE kind = 'write_off' AND day >= $1 AND day <= $2
GROUP BY substr(day, 1, 7), currency
ORDER BY month, currency
