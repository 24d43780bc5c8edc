INSERT INTO customer_grams (gram, customer_id) SELECT value, $2::bigint FROM json_array_elements_text($1::json) AS value
ON CONFLICT DO NOTHING
