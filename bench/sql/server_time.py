#!/usr/bin/env python3
"""Server time of lql-generated SQL vs hand-written SQL, one tenant, same role (lql_reader in the
tenant's RLS scope for both). Each statement is PREPAREd once and run with
EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON); its "Execution Time" (server side, no network, no
client) is one sample. Samples of the two sides are interleaved; the median of RUNS is reported.

  server_time.py LQL_BIN SCHEMA CASES PSQL CONNINFO TENANT_ID RUNS
"""
import json
import math
import statistics
import subprocess
import sys

lql, schema, cases_path, psql, conninfo, tenant, runs = sys.argv[1:8]
runs = int(runs)


def literal(v):
    # test-only: the values are the benchmark's own constants and the compiler's binds
    return "NULL" if v is None else "'" + str(v).replace("'", "''") + "'"


def psql_json(script):
    out = subprocess.run([psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", conninfo],
                         input=script, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"psql failed: {out.stderr}")
    # EXPLAIN's JSON spans lines: decode the documents one after another
    text, docs, i = out.stdout, [], 0
    decoder = json.JSONDecoder()
    while True:
        i = text.find("[", i)
        if i < 0:
            return docs
        doc, i = decoder.raw_decode(text, i)
        docs.append(doc)


cases = []
for line in open(cases_path, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    name, source, hand = line.rstrip("\n").split("\t")
    source, hand = source.replace("\\n", "\n"), hand.replace("\\n", "\n")
    compiled = json.loads(subprocess.run([lql, "compile", "--schema", schema, "--json", "-e", source],
                                         capture_output=True, text=True, check=True).stdout.splitlines()[0])
    binds = [tenant] + compiled["binds"][1:]
    cases.append((name, compiled["sql"], binds, hand))

setting = f"SET app.current_tenant_id = {literal(tenant)};\n"
rows = []
for name, sql, binds, hand in cases:
    script = setting + f"PREPARE l AS {sql};\nPREPARE h AS {hand};\n"
    lexec = "EXECUTE l(" + ", ".join(literal(b) for b in binds) + ")"
    hexec = f"EXECUTE h({literal(tenant)})"
    for _ in range(runs + 1):  # the first pair warms the cache and the plan
        script += f"EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) {lexec};\n"
        script += f"EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) {hexec};\n"
    plans = psql_json(script)
    times = [p[0]["Execution Time"] for p in plans]
    lql_ms = statistics.median(times[2::2])
    hand_ms = statistics.median(times[3::2])
    rows.append((name, lql_ms, hand_ms, lql_ms / hand_ms))

print(f"server time (EXPLAIN ANALYZE Execution Time, median of {runs}), ms")
print(f"{'construct':<14} | {'lql ms':>9} | {'hand ms':>9} | lql/hand")
print("-" * 15 + "|" + "-" * 11 + "|" + "-" * 11 + "|---------")
for name, l, h, r in rows:
    print(f"{name:<14} | {l:9.2f} | {h:9.2f} | {r:.2f}x")
gm = math.exp(sum(math.log(r) for *_, r in rows) / len(rows))
print(f"{'geometric mean':<14} | {'':>9} | {'':>9} | {gm:.2f}x")
