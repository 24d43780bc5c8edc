SELECT k.id, k.customer_id, k.stage, k.status, k.outcome, k.outcome_note, k.opened_on, k.closed_on, k.opened_by,
       k.opened_by_name, k.note, k.created_at, k.updated_at, k.version, c.code, c.name, c.owner_id
FROM collection_cases k JOIN customers c ON c.id = k.customer_id
WHERE k.id = $1
