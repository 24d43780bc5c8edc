SELECT customer_id, MAX(day) FROM customer_reviews WHERE day <= $1 GROUP BY customer_id ORDER BY customer_id
