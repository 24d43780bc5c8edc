SELECT c.id, (SELECT v.snapshot FROM customer_versions v WHERE v.customer_id = c.id AND v.version = c.version)
{FILTER} {ORDER}
