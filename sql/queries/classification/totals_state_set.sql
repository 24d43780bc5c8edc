UPDATE purchase_totals_state SET as_of = $1 WHERE id = 1
