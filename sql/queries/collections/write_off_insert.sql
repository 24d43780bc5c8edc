INSERT INTO write_offs (invoice_id, customer_id, case_id, currency, amount_minor, reason, status, requested_by,
                        requester_name, entry_id, created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $10, 1)
RETURNING id
