#!/usr/bin/env python3
"""Runs one command and prints "wall cpu rss_kib": wall seconds, CPU seconds (user + system) and
peak RSS in KiB of that process, from its own rusage (os.wait4), to the microsecond: /usr/bin/time
prints CPU to 10 ms, too coarse for a run of 0.2 s. stdout and stderr of the command go to the
files given. Exits with the command's exit code (bench/run.sh accepts 0 and 1).

    python3 bench/measure.py OUT ERR COMMAND [ARG...]
    python3 bench/measure.py --each N OUT ERR COMMAND [ARG...]

With --each N the command runs N times and the figures are per run (the means; peak RSS the
largest): for a command of a few milliseconds, process start included.
"""
import os
import subprocess
import sys
import time


def run_once(command, out, err):
    """(wall, cpu, rss_kib, exit code) of one run of command."""
    start = time.monotonic()
    child = subprocess.Popen(command, stdout=out, stderr=err)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, child.returncode


def main():
    args = sys.argv[1:]
    each = 1
    if args[:1] == ["--each"] and len(args) > 1:
        each = int(args[1])
        args = args[2:]
    if len(args) < 3 or each < 1:
        sys.exit(__doc__.strip())
    out_path, err_path, command = args[0], args[1], args[2:]
    walls, cpus, rss, code = 0.0, 0.0, 0, 0
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        for _ in range(each):
            wall, cpu, peak, code = run_once(command, out, err)
            walls, cpus, rss = walls + wall, cpus + cpu, max(rss, peak)
            if code not in (0, 1):
                break
    print(f"{walls / each:.4f} {cpus / each:.4f} {rss}")
    sys.exit(code if code >= 0 else 128 - code)


if __name__ == "__main__":
    main()
