SELECT customer_id, 'account', report_date, NULL FROM credit_accounts WHERE report_date IS NOT NULL AND report_date <= $1
UNION ALL
SELECT customer_id, 'evaluation', MAX(day), NULL FROM credit_evaluations WHERE day <= $1 GROUP BY customer_id
UNION ALL
SELECT r.customer_id, 'rating', r.day, r.valid_until FROM credit_ratings r
WHERE r.day <= $1 AND r.id = (SELECT MAX(id) FROM credit_ratings x WHERE x.customer_id = r.customer_id AND x.day <= $1)
ORDER BY 1, 2
