#!/usr/bin/env bash
# The receivables aging benchmark (SPEC AR-2; goal: ≤ 1 s on SQLite over 1,000,000 open invoices):
# CUSTOMERS customers with INVOICES open invoices, a quarter partly paid (credo_bench_fixture --aging),
# then the aging as of today and as of 30 days ago through the use case (bench/aging_benchmark.cpp, five
# runs each) and over HTTP (GET /api/v1/reports/aging, five runs each, timed by curl).
# Usage: bench/aging.sh [CUSTOMERS] [INVOICES]
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-10000}
INVOICES=${2:-1000000}
BIN=build/release/credo
FIXTURE=build/release/credo_bench_fixture
BENCH=build/release/aging_benchmark
[ -x "$BIN" ] && [ -x "$FIXTURE" ] && [ -x "$BENCH" ] ||
    { echo "build first: cmake --build --preset release --target credo credo_bench_fixture aging_benchmark" >&2; exit 1; }
WORK=$(mktemp -d /tmp/credo-aging.XXXXXX)
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

OWNER=bench.sales python3 bench/gen_customers.py "$CUSTOMERS" "$WORK/customers.csv"
DB=(--data "$WORK/data")
"$BIN" user add bench --password bench-password --role admin "${DB[@]}" >/dev/null
"$BIN" user add bench.sales --password bench-password --role sales --region east "${DB[@]}" >/dev/null
"$BIN" import customers "$WORK/customers.csv" "${DB[@]}" >/dev/null
start=$(date +%s.%N)
"$FIXTURE" "$WORK/data" "$CUSTOMERS" "$INVOICES" --aging >&2
end=$(date +%s.%N)
echo "ledger fixture: $(python3 -c "print(f'{$end - $start:.1f}')") s" >&2

CREDO_BENCH_DATA="$WORK/data" "$BENCH" --benchmark_counters_tabular=true >&2

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve "${DB[@]}" --listen "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do curl -sf "127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.1; done
login() {
    curl -s -X POST "127.0.0.1:$PORT/api/v1/auth/login" -d "{\"username\":\"$1\",\"password\":\"bench-password\"}" |
        python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])'
}
ADMIN=$(login bench)
SALES=$(login bench.sales)
AGO=$(python3 -c 'import datetime as d; print(d.date.today() - d.timedelta(days=30))')
http() {  # http <label> <token> <query>
    local times=()
    for _ in 1 2 3 4 5; do
        times+=("$(curl -s -o "$WORK/out.json" -w '%{time_total}' -H "Authorization: Bearer $2" \
            "127.0.0.1:$PORT/api/v1/reports/aging?$3")")
    done
    local rows
    rows=$(python3 -c "import json; r=json.load(open('$WORK/out.json')); print(len(r['rows']), r['total']['total'])")
    echo "| GET /reports/aging?$3 ($1): rows, total $rows | $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p) s (median of 5) |"
}
echo "| aging, SQLite, $CUSTOMERS customers, $INVOICES open invoices | |"
echo "|---|---|"
http admin "$ADMIN" "group_by=customer"
http admin "$ADMIN" "group_by=region"
http admin "$ADMIN" "group_by=customer&as_of=$AGO"
http "a salesperson, its own customers" "$SALES" "group_by=customer"
