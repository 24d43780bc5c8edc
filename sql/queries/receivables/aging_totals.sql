-- The receivables open at the end of $1, one row per open item with its customer, currency and aging
-- bucket (SPEC AR-2); the caller adds them up per customer, currency and bucket.
-- An invoice's open amount as of $1 is its amount less the allocations dated on or before $1; since the
-- ledger keeps open_minor = amount − every allocation, that is open_minor plus the allocations dated after
-- $1. So the report reads the invoices open now and only the allocations after $1, never the settled
-- history. Buckets by due date: 0 not due (on or after $1), 1 on or after $2 (as_of − 30 days), 2 on or
-- after $3 (− 60), 3 on or after $4 (− 90), 4 earlier.
-- SQLite: the invoices are read in table order (NOT INDEXED): through the partial index of open invoices
-- every row would cost a random table lookup, and a million of them take seconds where the sequential scan
-- takes a fifth of one. And no GROUP BY: SQLite groups by sorting, which costs more than the caller's
-- hash table (docs/benchmarks.md, "Receivables aging").
SELECT customer_id, currency,
       CASE WHEN due_date >= $1 THEN 0 WHEN due_date >= $2 THEN 1 WHEN due_date >= $3 THEN 2
            WHEN due_date >= $4 THEN 3 ELSE 4 END AS bucket,
       amount_minor
FROM (
    SELECT i.customer_id, i.currency, i.due_date, i.open_minor AS amount_minor
    FROM invoices i NOT INDEXED
    WHERE i.open_minor > 0 AND i.issue_date <= $1
    UNION ALL
    SELECT i.customer_id, i.currency, i.due_date, a.amount_minor
    FROM allocations a JOIN invoices i ON i.id = a.invoice_id
    WHERE a.day > $1 AND i.issue_date <= $1
) AS open_items
