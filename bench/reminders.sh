#!/usr/bin/env bash
# The reminders benchmark (SPEC AR-4): `credo jobs run reminders` for one day over CUSTOMERS customers with
# INVOICES invoices on SQLite, half of them paid on their due date. The invoices are due on every day of two
# years, so each of the five reminder days finds INVOICES/730 of them; the job reads those through the
# due-date index with what was allocated by the day, stores one reminder per customer and alerts its owner.
# Usage: bench/reminders.sh [CUSTOMERS] [INVOICES]
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-10000}
INVOICES=${2:-1000000}
BIN=build/release/credo
[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }
WORK=$(mktemp -d /tmp/credo-reminders.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
DB=(--data "$WORK/data")
OWNER=bench.sales python3 bench/gen_customers.py "$CUSTOMERS" "$WORK/customers.csv"
"$BIN" user add bench.sales --password bench-password --role sales --region east "${DB[@]}" >/dev/null
"$BIN" import customers "$WORK/customers.csv" "${DB[@]}" >/dev/null
sqlite3 "$WORK/data/credo.db" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $INVOICES)
INSERT INTO invoices (number, customer_id, order_id, issue_date, due_date, currency, amount_minor, open_minor,
                      rate_e8, created_by, created_at)
SELECT printf('BINV%09d', i), 1 + i % $CUSTOMERS, NULL, date('2025-01-01', '+' || (i % 730) || ' days'),
       date('2025-01-31', '+' || (i % 730) || ' days'), 'CNY', 100000, CASE WHEN i % 2 = 0 THEN 0 ELSE 100000 END,
       100000000, NULL, 0
FROM n;
INSERT INTO payments (number, kind, customer_id, day, currency, amount_minor, unallocated_minor, reference,
                      created_by, created_at)
SELECT 'B' || number, 'payment', customer_id, due_date, 'CNY', amount_minor, 0, '', NULL, 0
FROM invoices WHERE number LIKE 'BINV%' AND open_minor = 0;
INSERT INTO allocations (payment_id, invoice_id, amount_minor, day)
SELECT p.id, i.id, i.amount_minor, i.due_date FROM invoices i JOIN payments p ON p.number = 'B' || i.number
WHERE i.number LIKE 'BINV%' AND i.open_minor = 0;
COMMIT;
SQL
start=$(date +%s.%N)
"$BIN" jobs run reminders --as-of 2026-06-15 "${DB[@]}" >&2
end=$(date +%s.%N)
reminded=$(sqlite3 "$WORK/data/credo.db" "SELECT COUNT(*) || ' customers, ' || SUM(json_array_length(items)) || ' items' FROM reminders")
echo "| reminders of one day over $CUSTOMERS customers with $INVOICES invoices ($reminded) | $(python3 -c "print(f'{$end - $start:.2f}')") s |"
