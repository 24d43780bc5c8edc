SELECT a.id, a.customer_id, a.applicant_id, a.applicant_name, a.currency, a.requested_limit_minor, a.requested_term_days,
       a.requested_grade, a.reason, a.status, a.round, a.source, a.proposal, a.created_at, a.updated_at, a.version,
       c.code, c.name, a.report_date
FROM credit_applications a JOIN customers c ON c.id = a.customer_id
WHERE ($1 IS NULL OR a.customer_id = $1) AND ($2 IS NULL OR a.status = $2)
  AND ($3 IS NULL OR c.region = $3) AND ($4 IS NULL OR c.owner_id = $4) AND ($5 IS NULL OR a.source = $5)
ORDER BY a.id DESC
LIMIT $6 OFFSET $7
