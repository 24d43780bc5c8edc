INSERT INTO collection_case_invoices (case_id, invoice_id) VALUES ($1, $2)
ON CONFLICT (case_id, invoice_id) DO NOTHING
