#!/usr/bin/env python3
"""Times `lql lsp` answers as an editor sees them: a real server process, JSON-RPC over pipes,
the Leora schema. For each request kind, N requests at several positions of a report; prints the
median and the 99th percentile of the round trip (send → whole answer read), which includes the
pipe and JSON costs on both sides. Usage: lsp_bench.py LQL_BINARY [N]"""
import json, os, statistics, subprocess, sys, time

lql = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
root = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
schema = os.path.join(root, "examples", "leora", "schema.prisma")
report_path = os.path.join(root, "examples", "reports", "at-risk-customers.lql")
text = open(report_path, encoding="utf-8").read()
lines = text.split("\n")

env = dict(os.environ, LQL_SCHEMA=schema)
p = subprocess.Popen([lql, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=root)
next_id = 0

def send(message):
    body = json.dumps(message).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()

def receive():
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        header += p.stdout.read(1)
    length = int([l for l in header.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
    return json.loads(p.stdout.read(length))

def request(method, params):
    global next_id
    next_id += 1
    send({"jsonrpc": "2.0", "id": next_id, "method": method, "params": params})
    while True:
        m = receive()
        if m.get("id") == next_id and "method" not in m:
            return m

uri = "file://" + report_path
request("initialize", {"processId": os.getpid(), "rootUri": "file://" + root, "capabilities": {}})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "lql", "version": 1, "text": text}}})
receive()  # its diagnostics

def position_after(needle, back=0):
    for i, line in enumerate(lines):
        c = line.find(needle)
        if c >= 0:
            return {"line": i, "character": len(line[:c + len(needle) - back].encode("utf-16-le")) // 2}
    raise SystemExit("not in the report: " + needle)

cases = {
    "completion": [position_after("rep: salesRep."), position_after("| where status == AT_"),
                   position_after("count(healthSnapshots where risk"), position_after("| sort last")],
    "hover": [position_after("Custo"), position_after("salesRep.full"), position_after("riskLevel"),
              position_after("| sort", back=6)]  # the `|`: the compiled SQL,
}
def cpu_ms():
    # The server's own CPU time (user + system), from /proc: a figure the machine's load does not inflate.
    fields = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

rows = []
for method, positions in cases.items():
    times = []
    cpu_start = cpu_ms()
    for i in range(n):
        pos = positions[i % len(positions)]
        start = time.perf_counter()
        answer = request("textDocument/" + method, {"textDocument": {"uri": uri}, "position": pos})
        times.append((time.perf_counter() - start) * 1000)
        if i < len(positions) and not answer.get("result"):
            raise SystemExit(f"{method} at {pos} gave no result: {answer}")
    cpu = (cpu_ms() - cpu_start) / n
    times.sort()
    rows.append((method, statistics.median(times), times[int(len(times) * 0.99) - 1], times[-1], cpu))

request("shutdown", {})
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()
print(f"| request ({n} each, {len(open(schema).read().splitlines())}-line schema; load {os.getloadavg()[0]:.1f}) | median ms | p99 ms | max ms | server CPU ms/request |")
print("|---|---:|---:|---:|---:|")
for method, median, p99, worst, cpu in rows:
    print(f"| {method} | {median:.2f} | {p99:.2f} | {worst:.2f} | {cpu:.3f} |")
