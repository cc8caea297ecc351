# A private PostgreSQL server for the test suite (issue 12), sourced by .ci/run (and usable by hand:
# `source .ci/postgres.sh && start_postgres && … && stop_postgres`).
#
# start_postgres: initdb in a fresh temporary folder, owned by an unprivileged user (the distribution's
# `postgres` user when run as root), listening on 127.0.0.1 only, password authentication; creates the
# database `pairing_test` and exports PAIRING_TEST_DB=postgresql://pairing:PASSWORD@127.0.0.1:PORT/pairing_test.
# stop_postgres: stops it and removes the folder.

pg_bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$dir" ] && command -v pg_ctl >/dev/null; then dir=$(dirname "$(command -v pg_ctl)"); fi
    echo "$dir"
}

_as_pg_user() {
    if [ "$(id -u)" = 0 ]; then
        su -s /bin/sh "$PG_USER" -c "$*"
    else
        sh -c "$*"
    fi
}

_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_postgres() {
    PG_BIN=$(pg_bin_dir)
    if [ -z "$PG_BIN" ]; then
        echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
        return 1
    fi
    PG_USER=${PG_USER:-postgres}
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pairing-pg.XXXXXX")
    PG_PORT=$(_free_port)
    local password
    password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
    printf '%s\n' "$password" > "$PG_DIR/pwfile"
    if [ "$(id -u)" = 0 ]; then chown -R "$PG_USER" "$PG_DIR"; fi
    _as_pg_user "'$PG_BIN/initdb' -D '$PG_DIR/data' -U pairing --pwfile='$PG_DIR/pwfile' -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >'$PG_DIR/initdb.log' 2>&1" \
        || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    rm -f "$PG_DIR/pwfile"
    _as_pg_user "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PG_DIR' -c fsync=off -c max_connections=100\" start >/dev/null" \
        || { cat "$PG_DIR/server.log" >&2; return 1; }
    PGPASSWORD=$password "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U pairing pairing_test
    export PAIRING_TEST_DB="postgresql://pairing:$password@127.0.0.1:$PG_PORT/pairing_test"
    export PG_BIN PG_DIR PG_USER PG_PORT
}

stop_postgres() {
    if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
        _as_pg_user "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m fast -w stop >/dev/null" || true
        rm -rf "$PG_DIR"
    fi
    unset PAIRING_TEST_DB
}
