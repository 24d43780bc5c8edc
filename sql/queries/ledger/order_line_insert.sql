INSERT INTO order_lines (order_id, line_no, product, model, quantity_milli, unit_price_minor, amount_minor)
VALUES ($1, $2, $3, $4, $5, $6, $7)
