#!/usr/bin/env bash
# The order-entry benchmark (SPEC LC-3, LC-4): POST /api/v1/orders with the full credit check, durable,
# on SQLite — 10,000 customers with 500,000 invoices (bench/ledger_fixture.cpp), 32 connections spread
# over every customer, then all on one customer. Every order must be approved (the script stops a wrk
# thread at the first that is not), and the exposure must reconcile afterwards.
# Usage: bench/orders.sh [CUSTOMERS] [INVOICES] [DURATION_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-10000}
INVOICES=${2:-500000}
DURATION=${3:-15}
BIN=build/release/credo
FIXTURE=build/release/credo_bench_fixture
[ -x "$BIN" ] && [ -x "$FIXTURE" ] || { echo "build first: make build" >&2; exit 1; }
WORK=$(mktemp -d /tmp/credo-orders.XXXXXX)
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
"$FIXTURE" "$WORK/data" "$CUSTOMERS" "$INVOICES" >&2
end=$(date +%s.%N)
echo "ledger fixture: $(python3 -c "print(f'{$end - $start:.1f}')") s" >&2

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve "${DB[@]}" --listen "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do curl -sf "127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.1; done
TOKEN=$(curl -s -X POST "127.0.0.1:$PORT/api/v1/auth/login" -d '{"username":"bench","password":"bench-password"}' |
    python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
export CREDO_TOKEN=$TOKEN CREDO_MAX_ID=$CUSTOMERS

run() {  # run <label>
    wrk -t2 -c32 -d"${DURATION}s" --latency -s bench/post_order.lua "http://127.0.0.1:$PORT" >"$WORK/wrk.txt"
    local errs
    errs=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk.txt" || true)
    [ -n "$errs" ] && echo "warning ($1): $errs" >&2
    echo "| $1 | $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt") orders/s (p99 $(awk '/ 99%/ {print $2}' "$WORK/wrk.txt")) |"
}

echo "| POST /api/v1/orders, SQLite, $CUSTOMERS customers, $INVOICES invoices, wrk -t2 -c32, ${DURATION}s | |"
echo "|---|---|"
run "spread over every customer (first run, cold)"
run "spread over every customer (second run)"
CREDO_ONE_CUSTOMER=1 run "all on one customer"
kill -TERM "$SERVER_PID" && wait "$SERVER_PID" || true
SERVER_PID=""
"$BIN" credit reconcile "${DB[@]}" >&2
