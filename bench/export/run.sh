#!/usr/bin/env bash
# CSV export benchmark: the same rows of `Order | select number, customer.name, total, orderDate`
# for tenant well-crafted, written to a file by lql-bench-export (compile + TenantScope +
# Connection.export), by psql COPY … TO STDOUT CSV, and by psql --csv. Wall time and peak RSS
# from /usr/bin/time -v. Usage: bench/export/run.sh [SCALE=300]   (SCALE=0: reuse a running cluster)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scale="${1:-300}"
export LEORA_DB_DIR="${LEORA_DB_DIR:-/tmp/lql-bench-db}"
bin=/usr/lib/postgresql/15/bin
out="$(mktemp -d /tmp/lql-bench-export.XXXX)"
cd "$root"
[[ -x /usr/bin/time ]] || apt-get install -y time >&2
swift build -c release --product lql-bench-export --scratch-path .build-bench >&2
exporter="$(swift build -c release --product lql-bench-export --scratch-path .build-bench --show-bin-path)/lql-bench-export"
if [[ "$scale" != 0 ]]; then
    scripts/leora-db.sh start "$scale" >&2
    trap 'scripts/leora-db.sh stop >&2; rm -rf "$out"' EXIT
else
    trap 'rm -rf "$out"' EXIT
fi
conn="host=$LEORA_DB_DIR/sock port=5432 dbname=leora user=lql_reader"
tenant_id="$("$bin/psql" -X -At "$conn" -c "SELECT id FROM tenants WHERE slug = 'well-crafted'")"
# The SQL lql generates, with the tenant as a literal (psql has no binds here); RLS is the same
# wall either way, the session setting makes lql_reader see the tenant's rows.
sql="SELECT t.\"number\", j1.\"name\", t.\"total\", t.\"order_date\" FROM \"orders\" AS t JOIN \"customers\" AS j1 ON j1.\"tenant_id\" = t.\"tenant_id\" AND j1.\"id\" = t.\"customer_id\" WHERE t.\"tenant_id\" = '$tenant_id'"
setting="SET app.current_tenant_id = '$tenant_id';"
measure() { # name, command...
    local name="$1"; shift
    /usr/bin/time -v -o "$out/$name.time" "$@" >/dev/null 2>"$out/$name.err" || { cat "$out/$name.err" >&2; exit 1; }
    local wall rss rows
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$out/$name.time")"
    rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$out/$name.time")"
    rows="$(($(wc -l < "$out/$name.csv")))"
    printf '%-28s | %10s | %12s | %9s | %s\n' "$name" "$wall" "$rss" "$rows" "$(du -h "$out/$name.csv" | cut -f1)"
}
"$exporter" "$conn" well-crafted "$out/warm.csv" 2>/dev/null  # warm the buffer cache once
printf '%-28s | %10s | %12s | %9s | %s\n' tool "wall m:s" "peak RSS MB" "lines" size
printf -- '-----------------------------|------------|--------------|-----------|-----\n'
measure lql-bench-export "$exporter" "$conn" well-crafted "$out/lql-bench-export.csv"
printf '%s\nCOPY (%s) TO STDOUT CSV HEADER;\n' "$setting" "$sql" > "$out/copy.sql"
printf '%s\n%s;\n' "$setting" "$sql" > "$out/select.sql"
measure psql-copy-csv sh -c "'$bin/psql' -X -q '$conn' -f '$out/copy.sql' > '$out/psql-copy-csv.csv'"
measure psql--csv sh -c "'$bin/psql' -X -q --csv '$conn' -f '$out/select.sql' > '$out/psql--csv.csv'"
# Headers differ on purpose (lql names columns orderDate, SQL order_date): compare the data.
if cmp -s <(tail -n +2 "$out/lql-bench-export.csv" | sort) <(tail -n +2 "$out/psql--csv.csv" | sort); then echo "same rows: yes"; else echo "same rows: NO"; diff <(tail -n +2 "$out/lql-bench-export.csv" | sort) <(tail -n +2 "$out/psql--csv.csv" | sort) | head -4; fi
