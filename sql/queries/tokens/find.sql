SELECT id, token_hash, user_id, name, created_at, expires_at FROM api_tokens WHERE token_hash = $1
