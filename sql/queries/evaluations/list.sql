SELECT id, customer_id, factors, score, evaluator_id, evaluator_name, day, comments, created_at
FROM credit_evaluations WHERE customer_id = $1
ORDER BY day DESC, id DESC
