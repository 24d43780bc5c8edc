SELECT o.id, o.number, o.customer_id, o.order_date, o.currency, o.amount_minor, o.prepayment_minor, o.rate_e8, o.status,
       o.reasons, o.reserved_minor, o.copied_from, o.created_by, o.created_at, o.released_by, o.released_at,
       o.release_reason, o.version
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE ($1::bigint IS NULL OR o.customer_id = $1::bigint) AND ($2::text IS NULL OR o.status = $2::text)
  AND ($3::text IS NULL OR c.region = $3::text) AND ($4::bigint IS NULL OR c.owner_id = $4::bigint)
ORDER BY o.id DESC
LIMIT $5 OFFSET $6
