INSERT INTO credit_evaluations (customer_id, factors, score, evaluator_id, evaluator_name, day, comments, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id
