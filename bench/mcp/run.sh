#!/usr/bin/env bash
# run_query's overhead over `lql run` (issue 16's bar: ≤ 5 ms): see mcp_bench.py.
#   bench/mcp/run.sh [SCALE=1] [RUNS=50]     (SCALE=0: reuse a running scripts/leora-db.sh cluster)
# lql is built as it ships (scripts/build-release.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scale="${1:-1}"
runs="${2:-50}"
export LEORA_DB_DIR="${LEORA_DB_DIR:-/tmp/lql-bench-db}"
cd "$root"
lql="${LQL_BINARY:-$(scripts/build-release.sh)}"
if [[ "$scale" != 0 ]]; then
    scripts/leora-db.sh start "$scale" >&2
    trap 'scripts/leora-db.sh stop >&2' EXIT
fi
export DATABASE_URL="postgresql:///leora?host=$LEORA_DB_DIR/sock&port=5432&user=lql_reader"
python3 bench/mcp/mcp_bench.py "$lql" examples/leora/schema.prisma well-crafted "$runs"
