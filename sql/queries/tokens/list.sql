SELECT id, token_hash, user_id, name, created_at, expires_at FROM api_tokens WHERE user_id = $1 ORDER BY id
