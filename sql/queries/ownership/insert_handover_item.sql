INSERT INTO handover_items (handover_id, customer_id, code, to_user_id, open_orders, reserved_minor,
                            receivables_minor, currency)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
