INSERT INTO collection_promises (case_id, currency, amount_minor, made_on, promised_date, note, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id
