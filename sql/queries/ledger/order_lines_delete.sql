DELETE FROM order_lines WHERE order_id = $1
