SELECT a.id, a.user_id, a.kind, a.customer_id, c.code, c.name, a.day, a.params, a.created_at, u.email, u.language,
       s.username
FROM alerts a
JOIN users u ON u.id = a.user_id
LEFT JOIN customers c ON c.id = a.customer_id
LEFT JOIN users s ON s.id = a.subject_user_id
WHERE a.id > $1
ORDER BY a.id
LIMIT $2
