SELECT e.customer_id, e.score FROM credit_evaluations e
WHERE e.day <= $1 AND NOT EXISTS (
    SELECT 1 FROM credit_evaluations later
    WHERE later.customer_id = e.customer_id AND later.day <= $1
      AND (later.day > e.day OR (later.day = e.day AND later.id > e.id)))
ORDER BY e.customer_id
