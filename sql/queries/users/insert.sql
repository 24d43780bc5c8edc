INSERT INTO users (username, display_name, password_hash, roles, region, language, active, failed_logins,
                   locked_until, created_at, email)
VALUES ($1, $2, $3, $4, $5, $6, $7, 0, NULL, $8, $9)
RETURNING id
