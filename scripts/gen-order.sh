#!/usr/bin/env bash
# Regenerates scripts/lql.order: the functions of the lql binary that `lql run` executes for a
# CSV export (to a file and to stdout) and for bench/startup's one-row count, found by running the release binary under callgrind
# against a scale-1 Leora cluster. scripts/build-release.sh lays them out first and together.
# Rerun after large changes to the run path; a stale list still links (unknown names are
# skipped), it only wastes memory. Needs valgrind (apt-get install valgrind).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
command -v valgrind >/dev/null || apt-get install -y valgrind >&2
export LEORA_DB_DIR="${LEORA_DB_DIR:-$(mktemp -d /tmp/lql-order-db.XXXX)}"
work="$(mktemp -d /tmp/lql-order.XXXX)"
scripts/leora-db.sh start 1 >&2
trap 'scripts/leora-db.sh stop >&2; rm -rf "$work"' EXIT
lql="$(scripts/build-release.sh)"
# valgrind cannot read the DWARF of a static Swift binary; the symbol table is enough.
strip --strip-debug -o "$work/lql" "$lql"
export DATABASE_URL="postgresql:///leora?host=$LEORA_DB_DIR/sock&port=5432&user=lql_reader"
export LQL_AUDIT_LOG="$work/audit.jsonl"
query='Order | select number, customer.name, total, orderDate'
trace() { # name, lql arguments...
    local name="$1"; shift
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$name.cg" "$work/lql" "$@" > "$work/$name.out" 2>"$work/$name.err" \
        || { cat "$work/$name.err" >&2; exit 1; }
}
trace file run --schema examples/leora/schema.prisma --tenant well-crafted --format csv -e "$query" -o "$work/out.csv"
trace stdout run --schema examples/leora/schema.prisma --tenant well-crafted --format csv -e "$query | take 100"
trace count run --schema examples/leora/schema.prisma --tenant well-crafted --format csv -e 'Order | count'
python3 scripts/callgrind_functions.py "$work/lql" "$work"/*.cg > scripts/lql.order
echo "scripts/lql.order: $(wc -l < scripts/lql.order) functions" >&2
