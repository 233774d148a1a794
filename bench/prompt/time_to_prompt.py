#!/usr/bin/env python3
"""Median milliseconds from spawn to the prompt text on a pty: time_to_prompt.py RUNS PROMPT ARGV...
The program runs on a real pseudo-terminal (what a person's terminal gives it); the clock stops at
the first appearance of PROMPT in its output."""
import os, pty, select, statistics, sys, time

runs, prompt, argv = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3:]
samples = []
for _ in range(runs):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    seen = b""
    while prompt not in seen:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            sys.exit(f"no prompt after 10 s from {argv[0]}: {seen[-200:]!r}")
        try:
            seen += os.read(fd, 4096)
        except OSError:
            sys.exit(f"{argv[0]} exited before its prompt: {seen[-200:]!r}")
    samples.append((time.perf_counter() - start) * 1000)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
print(f"{statistics.median(samples):.1f}\t{min(samples):.1f}\t{max(samples):.1f}")
