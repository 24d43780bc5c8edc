SELECT y, currency, SUM(amount) FROM (
    SELECT substr(issue_date, 1, 4) AS y, currency, amount_minor AS amount
    FROM invoices WHERE customer_id = $1 AND issue_date <= $2
    UNION ALL
    SELECT substr(day, 1, 4), currency, -amount_minor
    FROM payments WHERE customer_id = $1 AND kind = 'credit_note' AND day <= $2
) t
GROUP BY y, currency
ORDER BY y, currency
