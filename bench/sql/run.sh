#!/usr/bin/env bash
# Server time of the SQL lql generates for design v2's constructs (windows, take n by, derive,
# case, append, a sort kept through distinct) vs SQL written by hand, on the Leora demo at
# SCALE (default 300, as `lql demo --scale 300`), tenant well-crafted, as lql_reader in the RLS
# scope for both sides. Prints a table and the geometric mean of lql/hand (the bar: ≤ 1.1×).
#   bench/sql/run.sh [SCALE=300] [RUNS=7]      (LQL_BIN= a built lql; default: the release build)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scale="${1:-300}"
runs="${2:-7}"
cd "$root"
lql="${LQL_BIN:-$(scripts/build-release.sh)}"
dir="$(mktemp -d /tmp/lql-bench-sql.XXXX)"
chmod 755 "$dir"  # the server runs as postgres when started by root
trap '"$lql" demo stop --dir "$dir/demo" >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
"$lql" demo start --dir "$dir/demo" --scale "$scale" > "$dir/env" 2>&1 || { cat "$dir/env" >&2; exit 1; }
url="$(grep -o 'postgresql://[^ "'"'"']*' "$dir/env" | head -1)"
[[ -n "$url" ]] || { cat "$dir/env" >&2; echo "no DATABASE_URL in lql demo start's output" >&2; exit 1; }
psql=/usr/lib/postgresql/15/bin/psql
tenant="$("$psql" -X -At "$url" -c "SELECT id FROM tenants WHERE slug = 'well-crafted'")"
echo "Leora demo at scale $scale: $("$psql" -X -At "$url" -c "SET app.current_tenant_id = '$tenant'; SELECT count(*) FROM orders" | tail -1) orders in well-crafted"
python3 bench/sql/server_time.py "$lql" examples/leora/schema.prisma bench/sql/cases.tsv "$psql" "$url" "$tenant" "$runs"
