UPDATE users SET language = $2 WHERE id = $1
RETURNING id
