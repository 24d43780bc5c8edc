INSERT INTO handover_items (handover_id, customer_id, code, to_user_id) VALUES ($1, $2, $3, $4)
