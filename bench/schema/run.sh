#!/usr/bin/env bash
# Issue 17's bars, with the release binary: a 3,000-line Prisma schema folder loads in under
# 20 ms (`lql compile --schema DIR -e 'Model | count'`, no database), and `lql -e` start-up with it
# stays under 30 ms (the same process reaching the connection: here `--db` names a closed socket,
# so the time is start-up + schema + compile + one failed connect). Median of RUNS runs.
# Usage: bench/schema/run.sh [RUNS=30]     (LQL_BIN= names another binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-30}"
lql="${LQL_BIN:-$(scripts/build-release.sh | tail -1)}"
dir="$(mktemp -d /tmp/lql-bench-schema.XXXX)"
trap 'rm -rf "$dir"' EXIT
python3 - "$dir/schema" <<'PY'
import os, sys
root = sys.argv[1]; os.makedirs(root)
open(os.path.join(root, "schema.prisma"), "w").write(
    'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n'
    'model Tenant {\n  id String @id\n  slug String @unique\n' +
    "".join(f"  m{i}s Model{i}[]\n" for i in range(150)) + "}\n")
lines = 0
for i in range(150):
    text = (f"/// Model {i}: generated for the bench.\nmodel Model{i} {{\n  id String @id @db.Uuid\n"
            f"  tenantId String\n  tenant Tenant @relation(fields: [tenantId], references: [id])\n"
            + "".join(f"  field{j} String? @db.VarChar(40) /* column {j} */\n" for j in range(10))
            + "  createdAt DateTime @default(now())\n  amount Decimal @db.Decimal(12, 2)\n}\n\n")
    sub = os.path.join(root, f"part{i % 10}")
    os.makedirs(sub, exist_ok=True)
    open(os.path.join(sub, f"model{i}.prisma"), "w").write(text)
    lines += text.count("\n")
print(f"schema folder: {lines + 160} lines in 151 files", file=sys.stderr)
PY
python3 - "$lql" "$dir/schema" "$runs" <<'PY'
import subprocess, sys, time, statistics, os
lql, schema, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def timed(args, ok):
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run(args, capture_output=True)
        out.append((time.perf_counter() - t) * 1000)
        if r.returncode not in ok:
            raise SystemExit(f"{args}: exit {r.returncode}: {r.stderr.decode()[:400]}")
    return statistics.median(out), max(out)
base = timed([lql, "--version"], {0})
load = timed([lql, "compile", "--schema", schema, "-e", "Model77 | where field3 ~ \"x\" | count"], {0})
env_run = timed([lql, "--schema", schema, "--db", "postgresql:///x?host=/nonexistent-socket-dir", "--tenant", "t",
                 "-e", "Model77 | count"], {3})
print(f"| step (median of {runs}; load {os.getloadavg()[0]:.1f}) | median ms | max ms | bar |")
print("|---|---:|---:|---|")
print(f"| `lql --version` (process start-up) | {base[0]:.1f} | {base[1]:.1f} | |")
print(f"| `lql compile --schema DIR -e …` (load + compile) | {load[0]:.1f} | {load[1]:.1f} | |")
print(f"| schema folder load + compile beyond start-up | {load[0]-base[0]:.1f} | | < 20 ms |")
print(f"| `lql -e` with it, up to the connection | {env_run[0]:.1f} | {env_run[1]:.1f} | < 30 ms |")
PY
