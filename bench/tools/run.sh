#!/usr/bin/env bash
# The tools' bars (issue 16), with the release binary:
#   - `lql lsp` completion and hover: p99 round trip under 10 ms on the Leora schema;
#   - `lql fmt` of every report in examples/: under 50 ms in total (the whole process, start-up
#     included, for all of them at once; the median of RUNS runs).
# Usage: bench/tools/run.sh [N=1000] [RUNS=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-1000}"
runs="${2:-20}"
lql="${LQL_BIN:-$(scripts/build-release.sh | tail -1)}"
echo "lql: $lql"
echo
python3 bench/tools/lsp_bench.py "$lql" "$n"
echo
reports=$(find examples -name '*.lql' | sort)
count=$(echo "$reports" | wc -l)
python3 - "$lql" "$runs" $reports <<'PY'
import os, resource, subprocess, sys, time, statistics
lql, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def child_cpu():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (u.ru_utime + u.ru_stime) * 1000
times, cpus = [], []
for _ in range(runs):
    start, cpu = time.perf_counter(), child_cpu()
    r = subprocess.run([lql, "fmt", "--check", *files], capture_output=True)
    times.append((time.perf_counter() - start) * 1000)
    cpus.append(child_cpu() - cpu)
    if r.returncode != 0:
        raise SystemExit("lql fmt --check failed: " + r.stdout.decode() + r.stderr.decode())
starts, start_cpus = [], []
for _ in range(runs):
    start, cpu = time.perf_counter(), child_cpu()
    subprocess.run([lql, "--version"], capture_output=True)
    starts.append((time.perf_counter() - start) * 1000)
    start_cpus.append(child_cpu() - cpu)
print(f"| lql fmt --check, {len(files)} reports, one process ({runs} runs; load {os.getloadavg()[0]:.1f}) | median wall ms | max wall ms | median CPU ms |")
print("|---|---:|---:|---:|")
print(f"| all reports | {statistics.median(times):.1f} | {max(times):.1f} | {statistics.median(cpus):.1f} |")
print(f"| (lql --version: start-up alone) | {statistics.median(starts):.1f} | {max(starts):.1f} | {statistics.median(start_cpus):.1f} |")
PY
