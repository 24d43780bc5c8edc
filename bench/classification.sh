#!/usr/bin/env bash
# The classification benchmark (SPEC CL-1, CL-5, DY-3, DY-4): the tier distribution report over CUSTOMERS
# customers with INVOICES invoices (bench/ledger_fixture.cpp) on SQLite, through the HTTP API as a client
# sees it: GET /api/v1/reports/tiers (today's, from the stored purchase totals; yesterday's, from the
# ledger; by owner), the dashboard (RP-1), /reviews/due, /reports/movers and the customer list filtered by tier and by grade,
# each timed by curl after one warm-up request, best and median of RUNS.
# Usage: bench/classification.sh [CUSTOMERS] [INVOICES] [RUNS]
#        KEEP=/tmp/dir bench/classification.sh …   keeps (or reuses) the database in /tmp/dir
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-100000}
INVOICES=${2:-2000000}
RUNS=${3:-5}
BIN=build/release/credo
FIXTURE=build/release/credo_bench_fixture
[ -x "$BIN" ] && [ -x "$FIXTURE" ] || { echo "build first: make build" >&2; exit 1; }
WORK=${KEEP:-$(mktemp -d /tmp/credo-classification.XXXXXX)}
mkdir -p "$WORK"
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
DB=(--data "$WORK/data")
if [ ! -d "$WORK/data" ]; then
    OWNER=bench.sales python3 bench/gen_customers.py "$CUSTOMERS" "$WORK/customers.csv"
    "$BIN" user add bench --password bench-password --role admin "${DB[@]}" >/dev/null
    "$BIN" user add bench.sales --password bench-password --role sales --region east "${DB[@]}" >/dev/null
    "$BIN" import customers "$WORK/customers.csv" "${DB[@]}" >/dev/null
    start=$(date +%s.%N)
    "$FIXTURE" "$WORK/data" "$CUSTOMERS" "$INVOICES" >&2
    end=$(date +%s.%N)
    echo "ledger fixture: $(python3 -c "print(f'{$end - $start:.1f}')") s" >&2
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve "${DB[@]}" --listen "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do curl -sf "127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.1; done
TOKEN=$(curl -s -X POST "127.0.0.1:$PORT/api/v1/auth/login" -d '{"username":"bench","password":"bench-password"}' |
    python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
sleep 2  # the daily jobs run once at start

time_get() {  # PATH: best and median seconds over RUNS, after a warm-up
    local url="127.0.0.1:$PORT/api/v1$1" times=()
    curl -sf -H "Authorization: Bearer $TOKEN" "$url" -o "$WORK/answer.json"
    for _ in $(seq "$RUNS"); do
        times+=("$(curl -sf -H "Authorization: Bearer $TOKEN" "$url" -o /dev/null -w '%{time_total}')")
    done
    python3 - "$1" "$WORK/answer.json" "${times[@]}" <<'PY'
import json, statistics, sys
path, answer, *times = sys.argv[1:]
t = sorted(float(x) for x in times)
body = json.load(open(answer))
what = f"total {body['total']}" if "total" in body else f"{len(body.get('items', []))} items"
print(f"| GET {path} ({what}) | {t[0]:.3f} s | {statistics.median(t):.3f} s |")
PY
}
echo "| request | best | median |"
echo "|---|---|---|"
time_get "/reports/tiers"
time_get "/reports/tiers?as_of=$(date -d yesterday +%F)"
time_get "/reports/tiers?by=owner"
time_get "/reports/dashboard"
time_get "/reviews/due"
time_get "/reports/movers?kind=lost"
time_get "/customers?tier=A&page_size=50"
time_get "/customers?grade=II&page_size=50"
