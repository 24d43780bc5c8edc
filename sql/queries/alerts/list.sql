SELECT a.id, a.kind, a.customer_id, c.code, c.name, a.subject_user_id, u.username, a.day, a.params, a.created_at,
       a.read_at
FROM alerts a
LEFT JOIN customers c ON c.id = a.customer_id
LEFT JOIN users u ON u.id = a.subject_user_id
WHERE a.user_id = $1 AND ($2 = 0 OR a.read_at IS NULL)
ORDER BY a.id DESC
LIMIT $3 OFFSET $4
