SELECT customer_id, currency, open_minor, rate_e8 FROM invoices WHERE open_minor > 0 ORDER BY customer_id, id
