UPDATE credit_applications
SET currency = $3, requested_limit_minor = $4, requested_term_days = $5, requested_grade = $6, reason = $7, report_date = $11,
    status = $8, round = $9, updated_at = $10, version = version + 1
WHERE id = $1 AND version = $2
RETURNING id
