SELECT id, customer_id, insurer, policy_number, currency, covered_minor, start_date, end_date, created_by, created_at
FROM credit_insurance WHERE customer_id = $1 ORDER BY start_date DESC, id DESC
