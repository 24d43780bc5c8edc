INSERT INTO mail_cursor (id, last_alert_id) VALUES (1, $1)
ON CONFLICT (id) DO UPDATE SET last_alert_id = $1
