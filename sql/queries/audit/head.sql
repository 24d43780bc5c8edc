SELECT last_id, last_hash FROM audit_head WHERE singleton = 1
