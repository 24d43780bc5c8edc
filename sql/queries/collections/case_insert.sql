INSERT INTO collection_cases (customer_id, stage, status, outcome, outcome_note, opened_on, closed_on, opened_by,
                              opened_by_name, note, created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, 1)
RETURNING id
