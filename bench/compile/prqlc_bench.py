#!/usr/bin/env python3
"""Median microseconds per prqlc.compile (PRQL -> PostgreSQL SQL) of each PRQL query in
queries.tsv (third column), timed in-process with time.perf_counter. Prints `name<TAB>median_us`."""
import statistics
import sys
import time
from pathlib import Path

import prqlc

here = Path(__file__).resolve().parent
path = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "queries.tsv"
iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
warmup = max(200, iterations // 10)
options = prqlc.CompileOptions(target="sql.postgres", signature_comment=False, format=True)

for line in path.read_text().splitlines():
    if not line or line.startswith("#"):
        continue
    name, _lql, prql = line.split("\t")
    text = prql.replace("\\n", "\n")
    prqlc.compile(text, options)  # raises on a bad query
    for _ in range(warmup):
        prqlc.compile(text, options)
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        prqlc.compile(text, options)
        samples.append((time.perf_counter() - start) * 1e6)
    print(f"{name}\t{statistics.median(samples):.1f}")
