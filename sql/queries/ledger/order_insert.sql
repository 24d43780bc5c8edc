INSERT INTO orders (number, customer_id, order_date, currency, amount_minor, prepayment_minor, rate_e8, status,
                    reasons, reserved_minor, copied_from, created_by, created_at, released_by, released_at,
                    release_reason, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, NULL, NULL, NULL, 1)
RETURNING id
