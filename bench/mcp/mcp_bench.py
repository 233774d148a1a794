#!/usr/bin/env python3
"""run_query's own overhead over `lql run`'s query time (issue 16's bar: at most 5 ms).

For each query: `lql run -e QUERY --format json` RUNS times, its query time read from the audit
log (`durationMs`: the tenant transaction, the statement, streaming the rows to the writer); and
`lql mcp` (one server, started once like a desktop assistant starts it) answering run_query RUNS
times, timed by this client from writing the request to reading the whole answer over the pipes
(raw JSON-RPC, so no client SDK's time is counted). Two overheads: median(run_query) minus
median(lql run's query time), and minus the server's own transaction time from its audit log
(the same statement on its already-warm connection: everything else is MCP's cost).
Usage: mcp_bench.py LQL_BINARY SCHEMA TENANT RUNS   (DATABASE_URL set)
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

QUERIES = [
    ("count", "Order | count"),
    ("group", "Order | group by status aggregate n: count(), value: sum(total) | sort status"),
    ("open_orders", "Order | where status == PENDING | select number, customer.name, total, orderDate | sort orderDate desc | take 20"),
    ("customer_counts", "Customer | select name, tier, orders: count(orders), open: count(orders where status == PENDING) | sort name | take 50"),
    ("rows_200", "Order | select number, customer.name, customer.salesRep.fullName, total, orderDate | sort number"),
    ("shape", "Order | sort number | take 20 | select number, customer { name, email }, lines { product.name, quantity, unitPrice }"),
]


def main():
    lql, schema, tenant, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    work = tempfile.mkdtemp(prefix="lql-bench-mcp.")
    env = dict(os.environ)
    results = {}

    # lql run: the audit record's durationMs is lql run's own query time.
    for name, q in QUERIES:
        audit = os.path.join(work, f"run-{name}.jsonl")
        env_run = dict(env, LQL_AUDIT_LOG=audit)
        for _ in range(runs):
            subprocess.run([lql, "run", "--schema", schema, "--tenant", tenant, "--format", "json", "-e", q],
                           env=env_run, stdout=subprocess.DEVNULL, check=True)
        with open(audit) as f:
            results[name] = {"run": [json.loads(line)["durationMs"] for line in f]}

    # lql mcp: one server, requests one after another as an assistant sends them.
    audit = os.path.join(work, "mcp.jsonl")
    server = subprocess.Popen([lql, "mcp", "--schema", schema, "--tenant", tenant], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, env=dict(env, LQL_AUDIT_LOG=audit), bufsize=0)
    next_id = [0]

    def request(method, params):
        next_id[0] += 1
        server.stdin.write((json.dumps({"jsonrpc": "2.0", "id": next_id[0], "method": method, "params": params}) + "\n").encode())
        while True:
            line = server.stdout.readline()
            if not line:
                raise SystemExit("lql mcp closed its output")
            msg = json.loads(line)
            if msg.get("id") == next_id[0]:
                return msg

    request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}})
    server.stdin.write(b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n')
    rows = {}
    for name, q in QUERIES:
        request("tools/call", {"name": "run_query", "arguments": {"query": q}})  # warm-up
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            answer = request("tools/call", {"name": "run_query", "arguments": {"query": q}})
            times.append((time.perf_counter() - t0) * 1000)
            result = answer["result"]
            if result.get("isError"):
                raise SystemExit(f"{name}: {result['content'][0]['text']}")
            rows[name] = result["structuredContent"]["rowCount"]
        results[name]["mcp"] = times
    server.stdin.close()
    server.wait()
    # The server's audit records, in call order: per query one warm-up, then RUNS timed calls.
    with open(audit) as f:
        records = [json.loads(line) for line in f]
    for k, (name, _) in enumerate(QUERIES):
        block = records[k * (runs + 1) + 1:(k + 1) * (runs + 1)]
        results[name]["tx"] = [r["durationMs"] for r in block]

    print(f"tenant {tenant}, {runs} runs per query; times in ms (medians unless marked)")
    print()
    print("| query | rows | lql run query ms | run_query round trip ms | p95 ms | overhead vs lql run ms | server's own tx ms | overhead vs own tx ms | bar (≤ 5 ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    worst = 0.0
    for name, _ in QUERIES:
        r = statistics.median(results[name]["run"])
        m = statistics.median(results[name]["mcp"])
        p95 = sorted(results[name]["mcp"])[int(0.95 * (len(results[name]["mcp"]) - 1))]
        tx = statistics.median(results[name]["tx"])
        overhead = m - r
        own = m - tx
        worst = max(worst, overhead, own)
        ok = overhead <= 5 and own <= 5
        print(f"| {name} | {rows[name]} | {r:.2f} | {m:.2f} | {p95:.2f} | {overhead:+.2f} | {tx:.2f} | {own:+.2f} | {'ok' if ok else 'OVER'} |")
    print()
    print(f"worst overhead {worst:+.2f} ms: {'met' if worst <= 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
