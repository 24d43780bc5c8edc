INSERT INTO customer_grams (gram, customer_id) SELECT value, $2 FROM json_each($1) WHERE true
ON CONFLICT DO NOTHING
