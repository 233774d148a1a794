#!/usr/bin/env bash
# Compile-speed benchmark: LQL (release build, in-process) vs prqlc (Python API, in-process),
# the same five queries (bench/compile/queries.tsv).
# Usage: bench/compile/run.sh [LQL_ITERATIONS=5000] [PRQLC_ITERATIONS=1000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/bench/compile"
iterations="${1:-5000}"            # LQL compiles per query
prql_iterations="${2:-1000}"        # prqlc compiles per query (each is milliseconds)
cd "$root"
swift build -c release --product lql-bench-compile --scratch-path .build-bench >&2
bin="$(swift build -c release --product lql-bench-compile --scratch-path .build-bench --show-bin-path)/lql-bench-compile"
python3 -c 'import prqlc' 2>/dev/null || { echo "prqlc is not installed: pip install prqlc" >&2; exit 1; }
lql_out="$("$bin" "$here/queries.tsv" "$root/examples/leora/schema.prisma" "$iterations")"
prql_out="$(python3 "$here/prqlc_bench.py" "$here/queries.tsv" "$prql_iterations")"
echo "median µs per full compile after warm-up (lql: $iterations runs, prqlc: $prql_iterations runs); prqlc $(python3 -c 'import prqlc; print(prqlc.__version__)')"
printf '%-12s | %9s | %9s | %s\n' query "lql µs" "prqlc µs" "ratio (prqlc/lql)"
printf -- '-------------|-----------|-----------|------------------\n'
echo "$lql_out" | while IFS=$'\t' read -r name lql _; do
    prql="$(echo "$prql_out" | awk -F'\t' -v n="$name" '$1 == n { print $2 }')"
    printf '%-12s | %9s | %9s | %sx\n' "$name" "$lql" "$prql" "$(echo "scale=1; $prql / $lql" | bc)"
done
