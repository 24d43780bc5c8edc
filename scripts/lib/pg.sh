# Sourced by scripts/run-tests and bench/run.sh: a throwaway PostgreSQL cluster in a temporary
# directory, on a free port on 127.0.0.1. start_pg exports CREDO_TEST_PG_URL (the maintenance database);
# stop_pg stops the server and removes everything. The server refuses to run as root, so as root it runs
# as the `postgres` user.

start_pg() {
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ ! -x "$PGBIN/initdb" ]; then
        echo "PostgreSQL is missing: run scripts/install-deps" >&2
        return 1
    fi
    PGWORK=$(mktemp -d /tmp/credo-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$PGWORK"
    PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    _as_pg "$PGBIN/initdb" -D "$PGWORK/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
    _as_pg "$PGBIN/pg_ctl" -D "$PGWORK/data" -l "$PGWORK/server.log" -w -o \
        "-p $PGPORT -k $PGWORK -c listen_addresses=127.0.0.1 -c max_connections=200 ${PG_EXTRA_OPTIONS:-}" \
        start >/dev/null || {
        cat "$PGWORK/server.log" >&2
        return 1
    }
    export CREDO_TEST_PG_URL="postgresql://postgres@127.0.0.1:$PGPORT/postgres"
    echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
}

stop_pg() {
    [ -n "${PGWORK:-}" ] || return 0
    _as_pg "$PGBIN/pg_ctl" -D "$PGWORK/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$PGWORK"
    PGWORK=""
}

_as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
