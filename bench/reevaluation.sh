#!/usr/bin/env bash
# The re-evaluation benchmark (SPEC AP-2): `credo jobs run reevaluation` over CUSTOMERS customers with
# INVOICES invoices and their payments (bench/ledger_fixture.cpp) on SQLite: every account's twelve-month
# behaviour, grade, score and the two quarters' proposals, in one transaction.
# Usage: bench/reevaluation.sh [CUSTOMERS] [INVOICES]
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-100000}
INVOICES=${2:-2000000}
BIN=build/release/credo
FIXTURE=build/release/credo_bench_fixture
[ -x "$BIN" ] && [ -x "$FIXTURE" ] || { echo "build first: make build" >&2; exit 1; }
WORK=$(mktemp -d /tmp/credo-reevaluation.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
DB=(--data "$WORK/data")
OWNER=bench.sales python3 bench/gen_customers.py "$CUSTOMERS" "$WORK/customers.csv"
"$BIN" user add bench.sales --password bench-password --role sales --region east "${DB[@]}" >/dev/null
"$BIN" import customers "$WORK/customers.csv" "${DB[@]}" >/dev/null
start=$(date +%s.%N)
"$FIXTURE" "$WORK/data" "$CUSTOMERS" "$INVOICES" >&2
end=$(date +%s.%N)
echo "ledger fixture: $(python3 -c "print(f'{$end - $start:.1f}')") s" >&2
AS_OF=$(python3 -c 'import datetime as d; t=d.date.today(); print(d.date(t.year, 3*((t.month-1)//3)+1, 1))')
start=$(date +%s.%N)
"$BIN" jobs run reevaluation --as-of "$AS_OF" "${DB[@]}"
end=$(date +%s.%N)
echo "| re-evaluation of $CUSTOMERS customers with $INVOICES invoices, as of $AS_OF | $(python3 -c "print(f'{$end - $start:.2f}')") s |"
"$BIN" credit reconcile "${DB[@]}" >&2
