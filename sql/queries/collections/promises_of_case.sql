SELECT p.id, p.case_id, p.currency, p.amount_minor, p.made_on, p.promised_date, p.note, p.created_by, p.created_at FROM collection_promises p
WHERE p.case_id = $1
ORDER BY p.id
