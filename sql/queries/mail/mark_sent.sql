UPDATE mail_outbox SET sent_at = $2, attempts = attempts + 1, last_error = '' WHERE id = $1
