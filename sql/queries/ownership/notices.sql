SELECT n.id, n.customer_id, c.code, c.name, n.kind, n.created_at, n.due
FROM notices n JOIN customers c ON c.id = n.customer_id
WHERE n.user_id = $1
ORDER BY n.due, n.id
