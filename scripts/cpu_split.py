#!/usr/bin/env python3
"""Per-process CPU split over an interval, for the benchmark scripts.

    cpu_split.py SECONDS NAME=PID[,PID...] ... [NAME=user:postgres] [NAME=comm:wrk]

Samples utime+stime (all threads) of each group at the start and the end of
the interval and prints one JSON line: each group's CPU in percent of one core
(200 = both cores of a 2-core machine), the machine's total busy percent from
/proc/stat, and `other` = total minus the named groups. `user:NAME` and
`comm:NAME` groups are resolved at both sample points (processes that start
during the interval are counted from their first sample only).
"""
import json
import os
import pwd
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def pids_for(spec):
    if spec.startswith("user:"):
        uid = pwd.getpwnam(spec[5:]).pw_uid
        return [int(p) for p in os.listdir("/proc") if p.isdigit() and _uid(p) == uid]
    if spec.startswith("comm:"):
        name = spec[5:]
        out = []
        for p in os.listdir("/proc"):
            if p.isdigit():
                try:
                    with open(f"/proc/{p}/comm") as f:
                        if f.read().strip() == name:
                            out.append(int(p))
                except OSError:
                    pass
        return out
    return [int(x) for x in spec.split(",") if x]


def _uid(p):
    try:
        return os.stat(f"/proc/{p}").st_uid
    except OSError:
        return -1


def ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError):
        return None


def machine():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


def sample(groups):
    out = {}
    for name, spec in groups:
        for pid in pids_for(spec):
            t = ticks(pid)
            if t is not None:
                out[(name, pid)] = t
    return out


def main():
    secs = float(sys.argv[1])
    groups = [a.split("=", 1) for a in sys.argv[2:]]
    a = sample(groups)
    m0 = machine()
    t0 = time.monotonic()
    time.sleep(secs)
    b = sample(groups)
    m1 = machine()
    wall = time.monotonic() - t0
    res = {}
    for (name, pid), t in b.items():
        # A process that started during the interval counts from zero.
        res[name] = res.get(name, 0) + t - a.get((name, pid), 0)
    for name, _ in groups:
        res[name] = round(100.0 * res.get(name, 0) / TICK / wall, 1)
    busy = m1[0] - m0[0]
    total = m1[1] - m0[1]
    ncpu = os.cpu_count() or 1
    res["machine_busy"] = round(100.0 * ncpu * busy / total, 1) if total else 0.0
    res["other"] = round(res["machine_busy"] - sum(res[n] for n, _ in groups), 1)
    res["seconds"] = round(wall, 2)
    print(json.dumps(res))


if __name__ == "__main__":
    main()
