DELETE FROM purchase_totals
