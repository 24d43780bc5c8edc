SELECT version, at, actor_id, actor_name, reason, changes, snapshot FROM customer_versions
WHERE customer_id = $1 ORDER BY version DESC
