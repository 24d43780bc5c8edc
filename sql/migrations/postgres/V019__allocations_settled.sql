-- The scans of receivables (KPIs, the dashboard, analytics, reminders) read each invoice's settlements:
-- with the day and amount in the index they need not visit the allocation rows.
CREATE INDEX allocations_settled ON allocations (invoice_id, day, amount_minor, payment_id);
DROP INDEX allocations_invoice;
