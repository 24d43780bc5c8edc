SELECT id, customer_id, type, date, summary, details, author_id, author_name, created_at FROM activities
WHERE customer_id = $1 AND ($2::text IS NULL OR date >= $2) AND ($3::text IS NULL OR date <= $3)
  AND ($4::text IS NULL OR type = $4)
ORDER BY date DESC, id DESC
