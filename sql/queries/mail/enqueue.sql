INSERT INTO mail_outbox (alert_id, to_address, subject, body, attempts, next_at, sent_at, last_error, created_at)
VALUES ($1, $2, $3, $4, 0, $5, NULL, '', $5)
ON CONFLICT (alert_id) DO NOTHING
