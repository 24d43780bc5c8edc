SELECT a.id, a.customer_id, a.applicant_id, a.applicant_name, a.currency, a.requested_limit_minor, a.requested_term_days,
       a.requested_grade, a.reason, a.status, a.round, a.source, a.proposal, a.created_at, a.updated_at, a.version,
       c.code, c.name, a.report_date
FROM credit_applications a JOIN customers c ON c.id = a.customer_id
WHERE a.id = $1
