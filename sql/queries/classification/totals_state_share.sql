SELECT as_of FROM purchase_totals_state WHERE id = 1
