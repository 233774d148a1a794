#!/usr/bin/env bash
# Time from start to prompt, lql (release build as it ships) vs psql, on a real pty, against a
# throwaway Leora cluster (scripts/leora-db.sh, scale 1), plus completion latency per Tab.
#   bench/prompt/run.sh [RUNS=30]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-30}"
cd "$root"
export LEORA_DB_DIR="${LEORA_DB_DIR:-/tmp/lql-bench-prompt-db}"
lql="$(scripts/build-release.sh)"
scripts/leora-db.sh start 1 >&2
trap 'scripts/leora-db.sh stop >&2' EXIT
sock="$LEORA_DB_DIR/sock"
export DATABASE_URL="postgresql:///leora?host=$sock&port=5432&user=lql_reader"
export LQL_HISTORY="$(mktemp)" LQL_AUDIT_LOG=/dev/null NO_COLOR=1 TERM=xterm
echo "median ms from spawn to prompt on a pty ($runs runs; min, max)"
printf '%-34s | %8s | %6s | %6s\n' program median min max
printf -- '-----------------------------------|----------|--------|-------\n'
row() { local name="$1"; shift; IFS=$'\t' read -r med lo hi < <(python3 bench/prompt/time_to_prompt.py "$runs" "$@"); printf '%-34s | %8s | %6s | %6s\n' "$name" "$med" "$lo" "$hi"; }
row "lql (Leora schema, tenant scope)" "well-crafted>" "$lql" --schema examples/leora/schema.prisma --tenant well-crafted
row "psql" "leora=>" /usr/lib/postgresql/15/bin/psql -X "host=$sock port=5432 dbname=leora user=lql_reader"
echo
echo "completion latency (CompletionEngine, debug test build):"
swift build --build-tests >&2
swift test --skip-build --filter CompletionBenchmarkTests 2>&1 | grep -a "completion " || true
