"""Times processes one by one: wall ms (perf_counter around spawn..wait4), CPU ms (wait4's user +
system time: what the process itself used, so less dependent on the machine's load than wall time)
and peak RSS (wait4's ru_maxrss), the median of N runs each, every lql binary given (LABEL=PATH,
to compare builds under the same load) and psql interleaved."""
import os, statistics, sys, time

runs, sock, tenant = int(sys.argv[1]), sys.argv[2], sys.argv[3]
binaries = [a.split("=", 1) if "=" in a else ["lql run", a] for a in sys.argv[4:]]
commands = {
    label: [path, "run", "--schema", "examples/leora/schema.prisma", "--tenant", "well-crafted",
            "--format", "csv", "-e", "Order | count"] for label, path in binaries
}
commands |= {
    "psql -c (same SQL)": ["/usr/lib/postgresql/15/bin/psql", "-X", "-q", "-At",
                           f"host={sock} port=5432 dbname=leora user=lql_reader",
                           "-c", f"BEGIN READ ONLY; SELECT set_config('app.current_tenant_id', '{tenant}', true);"
                                 f" SELECT count(*) FROM orders WHERE tenant_id = '{tenant}'; COMMIT"],
}
samples = {name: [] for name in commands}
devnull = os.open(os.devnull, os.O_WRONLY)
for i in range(runs + 2):
    for name, argv in commands.items():
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
        _, status, usage = os.wait4(pid, 0)
        wall = (time.perf_counter() - start) * 1000
        if status != 0:
            sys.exit(f"{name} failed with status {status}")
        if i >= 2:  # two warm-up rounds
            samples[name].append((wall, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss / 1024))
print(f"median of {runs} runs each (min, max wall)")
print(f"{'program':<20} | {'wall ms':>8} | {'min':>6} | {'max':>6} | {'CPU ms':>6} | {'peak RSS MiB':>12}")
print("---------------------|----------|--------|--------|--------|-------------")
for name, s in samples.items():
    walls = [w for w, _, _ in s]
    cpu = statistics.median(c for _, c, _ in s)
    print(f"{name:<20} | {statistics.median(walls):8.1f} | {min(walls):6.1f} | {max(walls):6.1f} | {cpu:6.1f} | {statistics.median(r for _, _, r in s):12.1f}")
