#!/usr/bin/env bash
# Credo's HTTP and import benchmarks on SQLite and on PostgreSQL, side by side in one run
# (docs/benchmarks.md explains each figure).
#
# For each backend: loads N customers (default 100,000) by CSV import into a fresh database, starts the
# release server on a free port, and measures with wrk from a separate process: /health,
# GET /customers/{id}, then the latency of two name searches, then POST /customers, and the server's
# memory. PostgreSQL runs as a throwaway cluster on this machine with its default (durable) settings.
# Prints a Markdown table. Usage: bench/run.sh [N] [DURATION_SECONDS] [BACKENDS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DURATION=${2:-15}
BACKENDS=${3:-"sqlite postgres"}
BIN=build/release/credo
[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps" >&2; exit 1; }
source scripts/lib/pg.sh

WORK=$(mktemp -d /tmp/credo-bench.XXXXXX)
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    stop_pg
    rm -rf "$WORK"
}
trap cleanup EXIT

# Every file is owned by the salesperson bench.sales, so that the same reads can be measured as admin
# (every file) and as that salesperson (the files it owns: the scope condition in every query).
OWNER=bench.sales python3 bench/gen_customers.py "$N" "$WORK/customers.csv"

rps() {  # rps <lua script> <connections> <port>
    wrk -t2 -c"$2" -d"${DURATION}s" --latency -s "bench/$1" "http://127.0.0.1:$3" >"$WORK/wrk.txt"
    local errs
    errs=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk.txt" || true)
    [ -n "$errs" ] && echo "warning ($1): $errs" >&2
    echo "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt") $(awk '/ 99%/ {print $2}' "$WORK/wrk.txt")"
}

declare -A R
for backend in $BACKENDS; do
    if [ "$backend" = postgres ]; then
        start_pg >&2
        psql "$CREDO_TEST_PG_URL" -qAtc "CREATE DATABASE credo_bench" >/dev/null
        DB=(--db "${CREDO_TEST_PG_URL%/*}/credo_bench")
    else
        DB=(--data "$WORK/data")
    fi
    "$BIN" user add bench --password bench-password --role admin "${DB[@]}" >/dev/null
    "$BIN" user add bench.sales --password bench-password --role sales --region east "${DB[@]}" >/dev/null
    start=$(date +%s.%N)
    "$BIN" import customers "$WORK/customers.csv" "${DB[@]}" >"$WORK/import.log"
    end=$(date +%s.%N)
    R[$backend.import]=$(python3 -c "print(f'{$end - $start:.2f}')")

    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    "$BIN" serve "${DB[@]}" --listen "127.0.0.1:$PORT" >"$WORK/server-$backend.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 100); do curl -sf "127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.1; done
    TOKEN=$(curl -s -X POST "127.0.0.1:$PORT/api/v1/auth/login" -d '{"username":"bench","password":"bench-password"}' |
        python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
    SALES_TOKEN=$(curl -s -X POST "127.0.0.1:$PORT/api/v1/auth/login" \
        -d '{"username":"bench.sales","password":"bench-password"}' |
        python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
    export CREDO_TOKEN=$TOKEN CREDO_MAX_ID=$N

    R[$backend.health]=$(rps health.lua 64 "$PORT")
    R[$backend.get]=$(rps get_customer.lua 64 "$PORT")
    R[$backend.get_sales]=$(CREDO_TOKEN=$SALES_TOKEN rps get_customer.lua 64 "$PORT")
    # Searches run on the loaded files alone, before the POST benchmark adds its own.
    R[$backend.search2]=$(python3 bench/search_latency.py "$PORT" "$TOKEN" 阀门 300)
    R[$backend.search2_sales]=$(python3 bench/search_latency.py "$PORT" "$SALES_TOKEN" 阀门 300)
    R[$backend.search4]=$(python3 bench/search_latency.py "$PORT" "$TOKEN" 淮安恒泰 300)
    R[$backend.post]=$(rps post_customer.lua 64 "$PORT")
    R[$backend.rss]=$(awk '/VmRSS/ {printf "%d", $2/1024}' /proc/$SERVER_PID/status)
    R[$backend.hwm]=$(awk '/VmHWM/ {printf "%d", $2/1024}' /proc/$SERVER_PID/status)
    kill -TERM "$SERVER_PID" && wait "$SERVER_PID" || true
    SERVER_PID=""
    [ "$backend" = postgres ] && stop_pg
done

cell() {  # cell <backend> <measure>: a readable table cell
    local b=$1 m=$2 v=${R[$1.$2]:-}
    [ -z "$v" ] && { echo "—"; return; }
    case $m in
        import) echo "$v s" ;;
        health | get | get_sales | post) read -r rps p99 <<<"$v"; echo "$rps req/s (p99 $p99)" ;;
        search2 | search2_sales | search4) read -r p50 p95 p99 total <<<"$v"; echo "p50 $p50 ms, p95 $p95 ms ($total matches)" ;;
        rss) echo "$v MB (peak ${R[$b.hwm]} MB)" ;;
    esac
}

echo "| measure ($N customers, wrk -t2 -c64, ${DURATION}s) | $(for b in $BACKENDS; do printf '%s | ' "$b"; done)"
echo "|---|$(for b in $BACKENDS; do printf -- '---|'; done)"
for m in import health get get_sales post search2 search2_sales search4 rss; do
    case $m in
        import) label="CSV import (\`credo import customers\`)" ;;
        health) label="GET /api/v1/health" ;;
        get) label="GET /api/v1/customers/{id}, random ids (admin)" ;;
        get_sales) label="the same as the salesperson owning the files (scope condition)" ;;
        post) label="POST /api/v1/customers, durable" ;;
        search2) label="search q=阀门 (2 characters), sequential (admin)" ;;
        search2_sales) label="the same as the salesperson (scope condition)" ;;
        search4) label="search q=淮安恒泰 (4 characters), sequential" ;;
        rss) label="server resident memory after the run" ;;
    esac
    echo "| $label | $(for b in $BACKENDS; do printf '%s | ' "$(cell "$b" "$m")"; done)"
done
for b in $BACKENDS; do
    read -r g _ <<<"${R[$b.get]}"
    read -r h _ <<<"${R[$b.health]}"
    read -r gs _ <<<"${R[$b.get_sales]}"
    read -r _ p95 _ _ <<<"${R[$b.search2]}"
    read -r _ p95s _ _ <<<"${R[$b.search2_sales]}"
    echo "$b: GET/customers ÷ health = $(python3 -c "print(f'{$g / $h:.2f}')")"
    echo "$b: scope cost: GET as sales ÷ as admin = $(python3 -c "print(f'{$gs / $g:.2f}')"), search p95 as sales ÷ as admin = $(python3 -c "print(f'{$p95s / $p95:.2f}')")"
done
if [[ " $BACKENDS " == *" postgres "* && " $BACKENDS " == *" sqlite "* ]]; then
    read -r gp _ <<<"${R[postgres.get]}"
    read -r gs _ <<<"${R[sqlite.get]}"
    echo "postgres GET/customers ÷ sqlite GET/customers = $(python3 -c "print(f'{$gp / $gs:.2f}')")"
fi
