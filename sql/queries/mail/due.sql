SELECT id, alert_id, to_address, subject, body, attempts, last_error, sent_at FROM mail_outbox
WHERE sent_at IS NULL AND next_at <= $1 AND attempts < $2
ORDER BY next_at, id
LIMIT $3
