SELECT id, customer_id, day, items, created_at FROM reminders
WHERE customer_id = $1
ORDER BY day DESC, id DESC
LIMIT 200
