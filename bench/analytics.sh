#!/usr/bin/env bash
# The analytics endpoints at scale (SPEC CL-4, RP-6) on SQLite: CUSTOMERS customers with INVOICES invoices
# and their payments (bench/ledger_fixture.cpp), then, through a running server, GET /analytics/segments
# (the whole ledger read, every customer measured and clustered), POST /analytics/delay-model (examples at
# every past quarter end, training, storing) and GET /analytics/delay-predictions.
# Usage: bench/analytics.sh [CUSTOMERS] [INVOICES] [K]
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-100000}
INVOICES=${2:-2000000}
K=${3:-8}
BIN=build/release/credo
FIXTURE=build/release/credo_bench_fixture
[ -x "$BIN" ] && [ -x "$FIXTURE" ] || { echo "build first: make build" >&2; exit 1; }
WORK=$(mktemp -d /tmp/credo-analytics.XXXXXX)
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
DB=(--data "$WORK/data")
OWNER=bench.sales python3 bench/gen_customers.py "$CUSTOMERS" "$WORK/customers.csv"
"$BIN" user add bench.sales --password bench-password --role sales --region east "${DB[@]}" >/dev/null
"$BIN" user add bench.cfo --password bench-password --role finance "${DB[@]}" >/dev/null
"$BIN" import customers "$WORK/customers.csv" "${DB[@]}" >/dev/null
"$FIXTURE" "$WORK/data" "$CUSTOMERS" "$INVOICES" >&2
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve "${DB[@]}" --listen "127.0.0.1:$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.2; done
TOKEN=$(curl -sf -XPOST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"bench.cfo","password":"bench-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
cpu() {  # the server's CPU seconds so far (user + system)
    awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$SERVER/stat"
}
timed() {  # LABEL METHOD PATH [BODY]: one request, its time, the server's CPU time for it, and a summary of the answer
    local label=$1 method=$2 path=$3 body=${4:-}
    local out="$WORK/out.json"
    local t before after
    before=$(cpu)
    t=$(curl -s -o "$out" -w '%{time_total}' -X "$method" "http://127.0.0.1:$PORT/api/v1$path" \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${body:+-d "$body"})
    after=$(cpu)
    local what
    what=$(python3 - "$out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
if "error" in d: print("error: " + d["error"]["message"])
elif "clusters" in d: print(f"{len(d['customers'])} customers, sizes {[c['size'] for c in d['clusters']]}")
elif "auc" in d: print(f"AUC {d['auc']:.4f}, {d['train_examples']} trained on, {d['test_examples']} held out")
else: print(f"{len(d['items'])} predictions")
PY
)
    echo "| $label | $(python3 -c "print(f'{$t:.2f}')") s | $(python3 -c "print(f'{$after - $before:.2f}')") s | $what |"
}
echo "| request ($CUSTOMERS customers, $INVOICES invoices) | time | server CPU | answer |"
echo "|---|---|---|---|"
timed "GET /analytics/segments?k=$K" GET "/analytics/segments?k=$K&seed=1"
timed "GET /analytics/segments?k=$K (again)" GET "/analytics/segments?k=$K&seed=1"
timed "POST /analytics/delay-model" POST /analytics/delay-model '{}'
timed "GET /analytics/delay-predictions" GET /analytics/delay-predictions
