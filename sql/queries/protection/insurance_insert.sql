INSERT INTO credit_insurance (customer_id, insurer, policy_number, currency, covered_minor, start_date, end_date,
                              created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id
