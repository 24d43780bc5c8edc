FROM customers c LEFT JOIN users u ON u.id = c.owner_id
WHERE 1 = 1
{CONDITIONS}
