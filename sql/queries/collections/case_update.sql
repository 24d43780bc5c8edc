UPDATE collection_cases
SET stage = $3, status = $4, outcome = $5, outcome_note = $6, closed_on = $7, updated_at = $8, version = version + 1
WHERE id = $1 AND version = $2
RETURNING version
