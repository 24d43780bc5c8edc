SELECT snapshot FROM customer_versions WHERE customer_id = $1 AND at < $2 ORDER BY version DESC LIMIT 1
