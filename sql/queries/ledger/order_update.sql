UPDATE orders
SET order_date = $3, currency = $4, amount_minor = $5, prepayment_minor = $6, rate_e8 = $7, status = $8,
    reasons = $9, reserved_minor = $10, released_by = $11, released_at = $12, release_reason = $13,
    version = version + 1
WHERE id = $1 AND version = $2
RETURNING id
