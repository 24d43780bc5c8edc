SELECT invoice_id FROM collection_case_invoices WHERE case_id = $1 ORDER BY invoice_id
