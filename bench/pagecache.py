#!/usr/bin/env python3
"""The page cache of a folder of bids, for bench/run.sh: every figure is taken either with every
bid in the cache ("warm": each file read once before the run) or with none ("cold": written out
and dropped with POSIX_FADV_DONTNEED), never with whatever the machine left there (a host that
pages out files idle for a few seconds made 100,000 bids 1.0x-1.09x the floor between runs).

  pagecache.py warm DIR    read every file of DIR
  pagecache.py cold DIR    drop every file of DIR from the page cache
  pagecache.py count DIR   print how many files of DIR have their first byte in the cache

`count` asks as tender does (preadv2 with RWF_NOWAIT, one byte). Dropping needs clean pages, so
`cold` first writes every dirty page out (sync); on tmpfs nothing can be dropped, and `count`
shows it.
"""
import os
import sys


def files(folder):
    with os.scandir(folder) as entries:
        return sorted(e.path for e in entries if e.is_file())


def warm(folder):
    for path in files(folder):
        with open(path, "rb") as f:
            while f.read(1 << 20):
                pass


def cold(folder):
    os.sync()
    for path in files(folder):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def count(folder):
    cached = total = 0
    for path in files(folder):
        fd = os.open(path, os.O_RDONLY)
        try:
            total += 1
            try:
                os.preadv(fd, [bytearray(1)], 0, os.RWF_NOWAIT)
                cached += 1
            except BlockingIOError:
                pass
        finally:
            os.close(fd)
    print(f"{cached} of {total} files cached")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("warm", "cold", "count"):
        sys.exit(__doc__)
    {"warm": warm, "cold": cold, "count": count}[sys.argv[1]](sys.argv[2])


if __name__ == "__main__":
    main()
