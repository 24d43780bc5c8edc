SELECT id, alert_id, to_address, subject, body, attempts, last_error, sent_at FROM mail_outbox
ORDER BY id DESC
LIMIT $1
