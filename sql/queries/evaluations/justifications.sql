SELECT j.id, j.customer_id, j.reason, j.day, j.valid_until, j.created_by, COALESCE(u.display_name, ''), j.created_at
FROM downgrade_justifications j LEFT JOIN users u ON u.id = j.created_by
WHERE j.customer_id = $1
ORDER BY j.day DESC, j.id DESC
