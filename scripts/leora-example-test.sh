#!/usr/bin/env bash
# Tests the Leora example end to end on a throwaway cluster: load at SCALE (default 1), run
# examples/leora/checks.sql (structure, data, RLS as lql_reader), reload and compare every
# table's fingerprint (the seed is deterministic), re-run roles.sql (re-runnable) and check
# again. Exit 0 when all hold. The cluster is removed at the end, even on failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scale="${1:-1}"
export LEORA_DB_DIR="$(mktemp -d /tmp/leora-example-test.XXXXXX)"
db="$here/leora-db.sh"
trap '"$db" stop' EXIT

"$db" start "$scale" >/dev/null
"$db" check
first=$("$db" fingerprint)
"$db" load "$scale"
second=$("$db" fingerprint)
if [[ "$first" != "$second" ]]; then
    echo "FAIL: two loads at scale $scale differ:" >&2
    diff <(echo "$first") <(echo "$second") >&2 || true
    exit 1
fi
echo "same rows on reload: $(echo "$first" | wc -l) tables" >&2
"$db" psql postgres -f "$(dirname "$here")/examples/leora/roles.sql"
"$db" check
echo "leora example: all checks passed at scale $scale" >&2
