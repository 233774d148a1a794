#!/usr/bin/env bash
# `lql run` start-up: a one-row query (`Order | count`) for one tenant, wall time and peak RSS
# per process (os.wait4), the median of RUNS runs, interleaved with psql running the same SQL.
# What a cron job or a script calling lql in a loop pays per call, before any row is streamed.
#   bench/startup/run.sh [RUNS=40] [LABEL=PATH ...]   (binaries to compare, e.g. main=/tmp/main/lql;
#                                        default: this tree's release build; LEORA_DB_DIR is
#                                        reused if a cluster runs there)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-40}"
shift || true
cd "$root"
export LEORA_DB_DIR="${LEORA_DB_DIR:-/tmp/lql-bench-startup-db}"
if [[ $# -eq 0 ]]; then set -- "lql run=$(scripts/build-release.sh)"; fi
if [[ ! -S "$LEORA_DB_DIR/sock/.s.PGSQL.5432" ]]; then
    scripts/leora-db.sh start 1 >&2
    trap 'scripts/leora-db.sh stop >&2' EXIT
fi
export DATABASE_URL="postgresql:///leora?host=$LEORA_DB_DIR/sock&port=5432&user=lql_reader"
export LQL_AUDIT_LOG="$(mktemp)" NO_COLOR=1
tenant_id="$(/usr/lib/postgresql/15/bin/psql -X -At "host=$LEORA_DB_DIR/sock port=5432 dbname=leora user=lql_reader" \
    -c "SELECT id FROM tenants WHERE slug = 'well-crafted'")"
python3 bench/startup/startup.py "$runs" "$LEORA_DB_DIR/sock" "$tenant_id" "$@"
rm -f "$LQL_AUDIT_LOG"
