#!/usr/bin/env python3
"""Runs one command and prints "wall cpu rss_kib": wall seconds, CPU seconds (user + system) and
peak RSS in KiB of that process, from its own rusage (os.wait4), to the microsecond: /usr/bin/time
prints CPU to 10 ms, too coarse for a run of 0.2 s. stdout and stderr of the command go to the
files given. Exits with the command's exit code (bench/run.sh accepts 0 and 1).

    python3 bench/measure.py OUT ERR COMMAND [ARG...]
"""
import os
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.strip())
    out_path, err_path, command = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.monotonic()
        child = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    print(f"{wall:.4f} {cpu:.4f} {usage.ru_maxrss}")
    sys.exit(child.returncode if child.returncode >= 0 else 128 - child.returncode)


if __name__ == "__main__":
    main()
