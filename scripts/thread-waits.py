#!/usr/bin/env python3
"""Per thread of the given processes, over SECONDS: CPU time, and time spent runnable but waiting for a
CPU (the run queue), from /proc/PID/task/TID/schedstat. Threads are grouped by name (digits folded).
A thread that waits about as long as it runs is on a saturated machine.
Usage: scripts/thread-waits.py SECONDS PID [PID ...]"""
import collections
import os
import re
import sys
import time


def snapshot(pids):
    threads = {}
    for pid in pids:
        try:
            tids = os.listdir(f'/proc/{pid}/task')
        except FileNotFoundError:
            continue
        for tid in tids:
            try:
                name = open(f'/proc/{pid}/task/{tid}/comm').read().strip()
                run, wait, slices = map(int, open(f'/proc/{pid}/task/{tid}/schedstat').read().split())
            except (FileNotFoundError, ProcessLookupError, ValueError):
                continue
            threads[(pid, tid)] = (name, run, wait, slices)
    return threads


def main():
    seconds, pids = float(sys.argv[1]), sys.argv[2:]
    before = snapshot(pids)
    time.sleep(seconds)
    after = snapshot(pids)
    groups = collections.defaultdict(lambda: [0, 0, 0, 0])
    for key, (name, run, wait, slices) in after.items():
        if key not in before:
            continue
        _, run0, wait0, slices0 = before[key]
        group = groups[(key[0], re.sub(r'\d+', 'N', name))]
        group[0] += run - run0
        group[1] += wait - wait0
        group[2] += slices - slices0
        group[3] += 1
    for (pid, name), (run, wait, slices, count) in sorted(groups.items(), key=lambda g: -g[1][0]):
        if run < seconds * 1e7:  # under 1 % of a core
            continue
        print(f'{pid:>7} {name:24} threads={count:3} cpu={run / 1e9:6.2f}s waiting={wait / 1e9:6.2f}s'
              f' slices={slices:7d}')


if __name__ == '__main__':
    main()
