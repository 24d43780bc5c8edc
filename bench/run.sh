#!/usr/bin/env bash
# Credo's HTTP and import benchmarks (docs/benchmarks.md explains each figure).
#
# Loads N customers (default 100,000) by CSV import into a fresh SQLite database, starts the release
# server on a free port, and measures with wrk from a separate process: /health, GET /customers/{id},
# POST /customers, then the latency of a two-character Chinese name search, and the server's memory.
# Prints a Markdown table. Usage: bench/run.sh [N] [DURATION_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DURATION=${2:-15}
BIN=build/release/credo
[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps" >&2; exit 1; }

WORK=$(mktemp -d /tmp/credo-bench.XXXXXX)
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 bench/gen_customers.py "$N" "$WORK/customers.csv"
"$BIN" user add bench --password bench-password --role admin --data "$WORK/data" >/dev/null

start=$(date +%s.%N)
"$BIN" import customers "$WORK/customers.csv" --data "$WORK/data" >"$WORK/import.log"
end=$(date +%s.%N)
IMPORT_S=$(python3 -c "print(f'{$end - $start:.2f}')")

"$BIN" serve --data "$WORK/data" --listen "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do curl -sf "127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.1; done
TOKEN=$(curl -s -X POST "127.0.0.1:$PORT/api/v1/auth/login" -d '{"username":"bench","password":"bench-password"}' |
    python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
export CREDO_TOKEN=$TOKEN CREDO_MAX_ID=$N

rps() {  # rps <lua script> <connections>
    wrk -t2 -c"$2" -d"${DURATION}s" --latency -s "bench/$1" "http://127.0.0.1:$PORT" >"$WORK/wrk.txt"
    local r errs
    r=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
    errs=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk.txt" || true)
    [ -n "$errs" ] && echo "warning ($1): $errs" >&2
    local p99
    p99=$(awk '/ 99%/ {print $2}' "$WORK/wrk.txt")
    echo "$r $p99"
}

read -r HEALTH HEALTH_P99 <<<"$(rps health.lua 64)"
read -r GET GET_P99 <<<"$(rps get_customer.lua 64)"
# Searches run on the loaded files alone, before the POST benchmark adds its own.
read -r S50 S95 S99 STOTAL <<<"$(python3 bench/search_latency.py "$PORT" "$TOKEN" 阀门 300)"
read -r L50 L95 L99 LTOTAL <<<"$(python3 bench/search_latency.py "$PORT" "$TOKEN" 淮安恒泰 300)"
read -r POST POST_P99 <<<"$(rps post_customer.lua 64)"
RSS_KB=$(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status)
HWM_KB=$(awk '/VmHWM/ {print $2}' /proc/$SERVER_PID/status)
RATIO=$(python3 -c "print(f'{$GET / $HEALTH:.2f}')")

cat <<TABLE
| measure | result |
|---|---|
| customers loaded | $N |
| CSV import of $N customers (CLI, one process) | ${IMPORT_S} s |
| GET /api/v1/health, 64 connections | ${HEALTH} req/s (p99 ${HEALTH_P99}) |
| GET /api/v1/customers/{id}, 64 connections | ${GET} req/s (p99 ${GET_P99}); ${RATIO}× health |
| POST /api/v1/customers, 64 connections, durable | ${POST} req/s (p99 ${POST_P99}) |
| search q=阀门 (2 characters, ${STOTAL} matches), sequential | p50 ${S50} ms, p95 ${S95} ms, p99 ${S99} ms |
| search q=淮安恒泰 (4 characters, ${LTOTAL} matches), sequential | p50 ${L50} ms, p95 ${L95} ms, p99 ${L99} ms |
| server resident memory after the run | $((RSS_KB / 1024)) MB (peak $((HWM_KB / 1024)) MB) |
TABLE
