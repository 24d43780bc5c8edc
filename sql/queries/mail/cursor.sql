SELECT last_alert_id FROM mail_cursor WHERE id = 1
