UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, next_at = $3 WHERE id = $1
