UPDATE write_offs SET status = $3, entry_id = $4, updated_at = $5, version = version + 1
WHERE id = $1 AND version = $2
RETURNING version
