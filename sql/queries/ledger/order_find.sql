SELECT o.id, o.number, o.customer_id, o.order_date, o.currency, o.amount_minor, o.prepayment_minor, o.rate_e8, o.status,
       o.reasons, o.reserved_minor, o.copied_from, o.created_by, o.created_at, o.released_by, o.released_at,
       o.release_reason, o.version
FROM orders o WHERE o.id = $1
