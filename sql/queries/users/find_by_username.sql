SELECT id, username, display_name, password_hash, roles, region, language, active, failed_logins, locked_until,
       created_at, email
FROM users WHERE username = $1
