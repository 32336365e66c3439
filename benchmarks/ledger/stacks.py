#!/usr/bin/env python3
"""Wall-clock profile of a ledger import: samples the server's thread that runs the import with
jstack (threads waiting for PostgreSQL count, which JFR's execution samples leave out) and prints
how often each TriLink method, and each kind of database call, is on its stack.
Usage: benchmarks/ledger/stacks.py SERVER_PID [samples=60] [interval_s=1]"""
import collections, re, subprocess, sys, time

pid, samples = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 60
interval = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
methods, leaves, seen = collections.Counter(), collections.Counter(), 0
for _ in range(samples):
    out = subprocess.run(["jstack", pid], capture_output=True, text=True).stdout
    for block in out.split("\n\n"):
        if "LedgerStaging" not in block and "LedgerRows" not in block:
            continue
        seen += 1
        frames = [l.strip()[3:] for l in block.split("\n") if l.strip().startswith("at ")]
        names = []
        for f in frames:
            m = re.match(r"([\w.$]+)\.([\w$<>]+)\(", f)
            if m and m.group(1).startswith("org.trilink.") and "$Proxy$" not in m.group(1):
                names.append(m.group(1).rsplit(".", 1)[-1] + "." + m.group(2))
        for n in dict.fromkeys(names):
            methods[n] += 1
        # what the innermost TriLink frame was doing below it: a query, a flush, a commit, Java work
        below = " ".join(frames[:frames.index(next(f for f in frames if f.startswith("org.trilink.")))]) \
            if any(f.startswith("org.trilink.") for f in frames) else " ".join(frames)
        kind = ("commit" if "commit" in below.lower() and "Transaction" in below else
                "flush/insert" if "writeChanges" in below or "commitToDatabase" in below or "executeBatch" in below else
                "query" if "executeQuery" in below or "executeUpdate" in below or "executeSelect" in below else
                "bean validation" if "hibernate.validator" in below else "java")
        leaves[(names[0] if names else "?", kind)] += 1
    time.sleep(interval)
print(f"{seen} samples of the importing thread")
print("on the stack (share of samples):")
for n, c in methods.most_common(30):
    print(f"  {100.0 * c / max(seen, 1):5.1f}%  {n}")
print("innermost TriLink method and what it was waiting for:")
for (n, k), c in leaves.most_common(20):
    print(f"  {100.0 * c / max(seen, 1):5.1f}%  {n}  [{k}]")
