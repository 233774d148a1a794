#!/usr/bin/env bash
# CSV export benchmark (issue 3's bar): one tenant's orders joined with the customer's name,
#   lql run -e 'Order | select number, customer.name, total, orderDate' --format csv -o FILE
# side by side with `psql -c "COPY (same SQL) TO STDOUT CSV"` and `psql --csv`, in one run.
# Wall time and peak RSS from /usr/bin/time -v; the median of RUNS runs each, interleaved.
#   bench/export/run.sh [SCALE=300] [RUNS=5]     (SCALE=0: reuse a running scripts/leora-db.sh cluster)
# lql is built as it ships: release, Swift runtime linked statically (`make release`).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scale="${1:-300}"
runs="${2:-5}"
export LEORA_DB_DIR="${LEORA_DB_DIR:-/tmp/lql-bench-db}"
bin=/usr/lib/postgresql/15/bin
out="$(mktemp -d /tmp/lql-bench-export.XXXX)"
cd "$root"
[[ -x /usr/bin/time ]] || apt-get install -y time >&2
lql="${LQL_BIN:-$(scripts/build-release.sh)}"  # LQL_BIN: time a given build (e.g. main's) instead
if [[ "$scale" != 0 ]]; then
    scripts/leora-db.sh start "$scale" >&2
    trap 'scripts/leora-db.sh stop >&2; rm -rf "$out"' EXIT
else
    trap 'rm -rf "$out"' EXIT
fi
conn="host=$LEORA_DB_DIR/sock port=5432 dbname=leora user=lql_reader"
tenant_id="$("$bin/psql" -X -At "$conn" -c "SELECT id FROM tenants WHERE slug = 'well-crafted'")"
query='Order | select number, customer.name, total, orderDate'
export DATABASE_URL="postgresql:///leora?host=$LEORA_DB_DIR/sock&port=5432&user=lql_reader"
export LQL_AUDIT_LOG="$out/audit.jsonl"
lqlrun=("$lql" run --schema examples/leora/schema.prisma --tenant well-crafted --format csv -e "$query")
# The SQL lql generates, with the tenant as a literal (COPY takes no binds); the session setting
# makes lql_reader see the tenant's rows through RLS, as lql's transaction-local one does.
sql="$("$lql" compile --schema examples/leora/schema.prisma --json -e "$query" | python3 -c '
import json, sys
print(json.loads(sys.stdin.readline())["sql"].replace("$1", "'"'"'" + sys.argv[1] + "'"'"'"))' "$tenant_id")"
setting="SET app.current_tenant_id = '$tenant_id';"
printf '%s\nCOPY (%s) TO STDOUT CSV HEADER;\n' "$setting" "$sql" > "$out/copy.sql"
printf '%s\n%s;\n' "$setting" "$sql" > "$out/select.sql"

run_one() { # name, command... → appends "wall_seconds rss_kb" to $out/NAME.samples
    local name="$1"; shift
    /usr/bin/time -f '%e %M' -o "$out/$name.time" "$@" >/dev/null 2>"$out/$name.err" || { cat "$out/$name.err" >&2; exit 1; }
    cat "$out/$name.time" >> "$out/$name.samples"
}
tools=(lql-run-csv psql-copy-csv psql--csv)
"${lqlrun[@]}" -o "$out/warm.csv"  # warm the buffer cache once
for ((i = 0; i < runs; i++)); do
    run_one lql-run-csv "${lqlrun[@]}" -o "$out/lql-run-csv.csv"
    run_one psql-copy-csv sh -c "'$bin/psql' -X -q '$conn' -f '$out/copy.sql' > '$out/psql-copy-csv.csv'"
    run_one psql--csv sh -c "'$bin/psql' -X -q --csv '$conn' -f '$out/select.sql' > '$out/psql--csv.csv'"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "well-crafted orders: $(($(wc -l < "$out/lql-run-csv.csv") - 1)) rows; median of $runs runs each"
printf '%-14s | %8s | %12s | %s\n' tool "wall s" "peak RSS MiB" size
printf -- '---------------|----------|--------------|------\n'
for t in "${tools[@]}"; do
    wall="$(awk '{ print $1 }' "$out/$t.samples" | median)"
    rss="$(awk '{ printf "%.1f\n", $2 / 1024 }' "$out/$t.samples" | median)"
    printf '%-14s | %8s | %12s | %s\n' "$t" "$wall" "$rss" "$(du -h "$out/$t.csv" | cut -f1)"
done
lql_wall="$(awk '{ print $1 }' "$out/lql-run-csv.samples" | median)"
copy_wall="$(awk '{ print $1 }' "$out/psql-copy-csv.samples" | median)"
echo "lql / psql COPY wall time: $(echo "scale=2; $lql_wall / $copy_wall" | bc)x"
# Headers differ on purpose (lql names columns orderDate, SQL order_date): compare the data.
if cmp -s <(tail -n +2 "$out/lql-run-csv.csv" | sort) <(tail -n +2 "$out/psql-copy-csv.csv" | sort); then
    echo "same rows as COPY: yes"
else
    echo "same rows as COPY: NO"; diff <(tail -n +2 "$out/lql-run-csv.csv" | sort) <(tail -n +2 "$out/psql-copy-csv.csv" | sort) | head -4
fi
