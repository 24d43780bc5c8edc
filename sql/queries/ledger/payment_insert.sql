INSERT INTO payments (number, kind, customer_id, day, currency, amount_minor, unallocated_minor, reference,
                      created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING id
