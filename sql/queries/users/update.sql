UPDATE users SET display_name = $2, password_hash = $3, roles = $4, region = $5, language = $6, active = $7, email = $8
WHERE id = $1
RETURNING id
