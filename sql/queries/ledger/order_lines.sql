SELECT product, model, quantity_milli, unit_price_minor, amount_minor FROM order_lines
WHERE order_id = $1 ORDER BY line_no
