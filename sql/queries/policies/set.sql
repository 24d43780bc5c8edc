UPDATE policies SET value = $2, updated_at = $3, updated_by = $4 WHERE key = $1
RETURNING key
