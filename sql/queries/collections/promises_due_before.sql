SELECT p.id, p.case_id, p.currency, p.amount_minor, p.made_on, p.promised_date, p.note, p.created_by, p.created_at, k.customer_id FROM collection_promises p JOIN collection_cases k ON k.id = p.case_id
WHERE k.status = 'open' AND p.promised_date < $1
ORDER BY p.id
