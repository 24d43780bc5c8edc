DELETE FROM customer_grams WHERE customer_id = $1
