SELECT customer_id, code, to_user_id FROM handover_items WHERE handover_id = $1 ORDER BY customer_id
