INSERT INTO customer_versions (customer_id, version, at, actor_id, actor_name, reason, changes, snapshot)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
