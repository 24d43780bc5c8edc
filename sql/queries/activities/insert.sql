INSERT INTO activities (customer_id, type, date, summary, details, author_id, author_name, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id
