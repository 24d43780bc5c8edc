-- The issue date of the first invoice: an aging as of an earlier date is empty because there was no ledger.
SELECT MIN(issue_date) FROM invoices
