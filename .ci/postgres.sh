#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests and print its URL on standard output.
#
#   url=$(bash .ci/postgres.sh DATADIR PORT)    # DATADIR is created; the server listens on
#                                               # 127.0.0.1:PORT only, trust auth, no TLS
#   pg_ctl -D DATADIR stop                      # (as the postgres user) when done
#
# Installs PostgreSQL from Debian's packages when no server binary is found. The server runs
# as the `postgres` user (PostgreSQL refuses to run as root), in its own data directory, so
# it never touches a cluster the machine may already run.
set -euo pipefail
datadir=${1:?usage: postgres.sh DATADIR PORT}
port=${2:?usage: postgres.sh DATADIR PORT}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "+ apt-get install postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
    else
        "$@"
    fi
}

mkdir -p "$datadir"
if [ "$(id -u)" = 0 ]; then chown postgres: "$datadir"; fi
chmod 700 "$datadir"
as_postgres "$bindir/initdb" -D "$datadir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
as_postgres "$bindir/pg_ctl" -D "$datadir" -l "$datadir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$datadir -c fsync=off -c max_connections=50" >&2
as_postgres "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres timeline_test >&2
echo "postgresql+psycopg://postgres@127.0.0.1:$port/timeline_test"
