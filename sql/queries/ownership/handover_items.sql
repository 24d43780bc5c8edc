SELECT customer_id, code, to_user_id, open_orders, reserved_minor, receivables_minor, currency
FROM handover_items WHERE handover_id = $1 ORDER BY customer_id
