DELETE FROM purchase_totals WHERE customer_id = $1
