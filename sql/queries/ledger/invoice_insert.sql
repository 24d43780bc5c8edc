INSERT INTO invoices (number, customer_id, order_id, issue_date, due_date, currency, amount_minor, open_minor,
                      rate_e8, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
RETURNING id
