SELECT token_hash, user_id, created_at, expires_at FROM sessions WHERE token_hash = $1
