UPDATE alerts SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2
RETURNING id
