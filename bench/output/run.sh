#!/usr/bin/env bash
# Output benchmarks (issue 15's bars), with the release binary:
# Times are lql's CPU time (user + system, median), not wall time (see ms below).
#   1. a 10,000-row result as a fitted table (LQL_COLUMNS=100: fitted as at a terminal) vs the
#      same query as CSV: the difference is what fitting costs beyond the query;
#   2. --format html -o FILE vs --format csv -o FILE for every example report;
#   3. 1,000,000 rows streamed to CSV with -o FILE under a pseudo-terminal (so the progress
#      line is on): peak RSS from /usr/bin/time.
#   bench/output/run.sh [SCALE=300] [RUNS=5] [PARTS=123]
#     SCALE=0: reuse a running scripts/leora-db.sh cluster, or BENCH_DATABASE_URL if set (an
#     `lql demo start` database). PARTS picks the measurements (13: skip the HTML reports).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scale="${1:-300}"
runs="${2:-5}"
parts="${3:-123}"
export LEORA_DB_DIR="${LEORA_DB_DIR:-/tmp/lql-bench-db}"
out="$(mktemp -d /tmp/lql-bench-output.XXXX)"
cd "$root"
[[ -x /usr/bin/time ]] || apt-get install -y time >&2
lql="$(scripts/build-release.sh)"
if [[ "$scale" != 0 ]]; then
    scripts/leora-db.sh start "$scale" >&2
    trap 'scripts/leora-db.sh stop >&2; rm -rf "$out"' EXIT
else
    trap 'rm -rf "$out"' EXIT
fi
export DATABASE_URL="${BENCH_DATABASE_URL:-postgresql:///leora?host=$LEORA_DB_DIR/sock&port=5432&user=lql_reader}"
export LQL_AUDIT_LOG="$out/audit.jsonl" LQL_SCHEMA=examples/leora/schema.prisma DEFAULT_TENANT_SLUG=well-crafted
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# CPU time (user + system) of lql itself, in ms: on a shared, loaded machine wall time is mostly
# other people's work; lql's own CPU is what rendering adds (10 ms resolution, hence medians).
ms() { # command... → CPU milliseconds of one run
    /usr/bin/time -f '%U %S' -o "$out/cpu.time" "$@" >/dev/null 2>&1
    awk '{ printf "%d\n", ($1 + $2) * 1000 }' "$out/cpu.time"
}
med_ms() { for ((i = 0; i < runs; i++)); do ms "$@"; done | median; }

# 1. Fitted table of 10,000 rows (11 columns, some long).
if [[ "$parts" == *1* ]]; then
q='OrderLine | select id, order.number, order.customer.name, product.name, product.category, quantity, unitPrice, discount, order.orderDate, order.status, order.customer.email | take 10000'
"$lql" run -e "$q" --format csv > "$out/warm.csv"
rows=$(($(wc -l < "$out/warm.csv") - 1))
csv=$(med_ms "$lql" run -e "$q" --format csv)
table=$(LQL_COLUMNS=100 med_ms "$lql" run -e "$q" --format table)
plain=$(med_ms "$lql" run -e "$q" --format table)
{ LQL_COLUMNS=100 "$lql" run -e "$q" --format table || true; } | head -3 >&2
echo "1. $rows rows, CPU ms, median of $runs: csv ${csv}, fitted table (100 columns) ${table} (+$((table - csv))), psql-style table into a pipe ${plain}"
fi

# 2. HTML per example report.
if [[ "$parts" == *2* ]]; then
echo "2. --format html vs csv per report (CPU ms, median of $runs):"
printf '   %-36s | %6s | %6s | %s\n' report csv html added
for f in examples/reports/*.lql; do
    c=$(med_ms "$lql" run "$f" --format csv -o "$out/r.csv")
    h=$(med_ms "$lql" run "$f" --format html -o "$out/r.html")
    printf '   %-36s | %6s | %6s | %s\n' "$(basename "$f")" "$c" "$h" "$((h - c))"
done
fi

# 3. 1,000,000 rows to CSV with the progress line (stderr a pty through script(1)).
[[ "$parts" == *3* ]] || exit 0
big='OrderLine | select id, orderId, productId, quantity, unitPrice, discount'
total=$("$lql" run -e 'OrderLine | count' --format csv | tail -1)
take=1000000
/usr/bin/time -f '%e %M' -o "$out/big.time" script -qec "'$lql' run -e '$big | take $take' --format csv -o '$out/big.csv'" /dev/null > "$out/big.tty"
read -r wall rss < "$out/big.time"
written=$(($(wc -l < "$out/big.csv") - 1))
echo "3. $written rows (of $total in the tenant) to csv with progress: ${wall} s, peak RSS $(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') MiB (script(1) included)"
grep -ao 'wrote [^(]*([^)]*)' "$out/big.tty" | tail -1 | sed 's/^/   /'
