UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE singleton = 1
