#!/usr/bin/env bash
# A throwaway PostgreSQL cluster with the Leora example loaded, for developing and trying lql.
#
#   scripts/leora-db.sh start [SCALE]   initdb + start + load schema, RLS, roles and seed at SCALE (default 1)
#   scripts/leora-db.sh load [SCALE]    reload into a fresh database of the running cluster
#   scripts/leora-db.sh check           run examples/leora/checks.sql (prints violations; exit 1 if any)
#   scripts/leora-db.sh fingerprint     one md5 per table (same scale, same output: the seed is deterministic)
#   scripts/leora-db.sh psql [ROLE]     open psql as ROLE (default lql_reader)
#   scripts/leora-db.sh env             print the connection settings
#   scripts/leora-db.sh stop            stop the cluster and delete it
#
# The cluster lives in $LEORA_DB_DIR (default /tmp/leora-db): data in data/, the unix socket in
# sock/ (no TCP: listen_addresses = ''), fsync off. As root the server runs as `postgres`.
# The database is `leora`; tables belong to the superuser `postgres`, lql connects as lql_reader.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
example="$here/examples/leora"
dir="${LEORA_DB_DIR:-/tmp/leora-db}"
bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
port=5432
db=leora

as_pg() {
    if [[ $(id -u) -eq 0 ]]; then (cd /tmp && runuser -u postgres -- "$@"); else (cd /tmp && "$@"); fi
}
psql_as() { # psql_as ROLE [psql args...]
    local role="$1"; shift
    "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$port" -U "$role" -d "$db" "$@"
}
conninfo() { echo "host=$dir/sock port=$port dbname=$db user=${1:-lql_reader}"; }

load() {
    local scale="${1:-1}"
    [[ "$scale" =~ ^[0-9]+$ && "$scale" -ge 1 ]] || { echo "scale must be a positive integer" >&2; exit 2; }
    "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$port" -U postgres -d postgres \
        -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    local t0 t1
    t0=$(date +%s.%N)
    # The same statements, in the same order, a loader without psql runs (each file is one
    # multi-statement text for PQexec): migration, RLS, roles, the seed function, then the seed.
    psql_as postgres -f "$example/migrations/0001_init/migration.sql"
    psql_as postgres -f "$example/rls.sql"
    psql_as postgres -f "$example/roles.sql"
    psql_as postgres -f "$example/seed.sql"
    psql_as postgres -c "SELECT leora_seed($scale)" >/dev/null
    psql_as postgres -c "ANALYZE"
    t1=$(date +%s.%N)
    printf 'loaded the Leora example at scale %s in %.1f s\n' "$scale" "$(echo "$t1 - $t0" | bc)" >&2
}

case "${1:-}" in
start)
    if [[ -f "$dir/data/postmaster.pid" ]]; then echo "already running in $dir (stop it first)" >&2; exit 1; fi
    rm -rf "$dir"; mkdir -p "$dir/data" "$dir/sock"
    chmod 0755 "$dir/sock"
    [[ $(id -u) -eq 0 ]] && chown -R postgres:postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir/sock'
port = $port
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 4GB
shared_buffers = 256MB
maintenance_work_mem = 256MB
work_mem = 32MB
CONF
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
    load "${2:-1}"
    echo "connect: $bin/psql \"$(conninfo)\""
    echo "stop:    ${LEORA_DB_DIR:+LEORA_DB_DIR=$dir }$0 stop"
    ;;
load) load "${2:-1}" ;;
check)
    out=$(psql_as postgres -At -F ' | ' -f "$example/checks.sql")
    if [[ -n "$out" ]]; then echo "$out"; exit 1; fi
    echo "checks: no violations" >&2
    ;;
fingerprint) psql_as postgres -At -F ' ' -f "$example/fingerprint.sql" ;;
psql) shift; role="${1:-lql_reader}"; shift || true; psql_as "$role" "$@" ;;
env) echo "DATABASE_URL=postgresql:///$db?host=$dir/sock&port=$port&user=lql_reader"; echo "conninfo: $(conninfo)" ;;
stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
    rm -rf "$dir"
    ;;
*) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
