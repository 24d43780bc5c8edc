SELECT key, value, updated_at, updated_by FROM policies ORDER BY key
