INSERT INTO credit_applications (customer_id, applicant_id, applicant_name, currency, requested_limit_minor,
                                 requested_term_days, requested_grade, reason, status, round, source, proposal,
                                 created_at, report_date, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13, 1)
RETURNING id
