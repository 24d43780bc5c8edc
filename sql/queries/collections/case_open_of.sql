SELECT id FROM collection_cases WHERE customer_id = $1 AND status = 'open'
