/*
 * readahead.h - asking the kernel for the next inputs' bytes while this one is being read
 * (issue 9).
 *
 * A folder of bids that is not in the page cache (copied from a share, read the next morning)
 * is read one small file at a time: each read waits for the disk, and the cores wait with it.
 * 100,000 bids read cold took 20 s against 13 s from the cache, here. A reader that tells
 * tnd_readahead_taken which input it takes lets this module ask the kernel, ahead of the
 * readers, for the files they will take next (posix_fadvise WILLNEED: the kernel reads them in
 * the background, many at a time), so that the disk and the cores work at once.
 *
 * Only when it pays: every PROBE_EVERY-th input, the file `distance` inputs ahead is probed
 * with a read that may not wait (preadv2 RWF_NOWAIT, one byte). When its bytes are in the page
 * cache, nothing else is done (one probe per 32 inputs: about 0.15 µs a bid). When they are not,
 * every file up to `distance` ahead is asked for, each once, until a long run of probes finds
 * the files cached again. A file system that cannot answer the probe (EOPNOTSUPP, or a kernel
 * without RWF_NOWAIT) switches it off for the run.
 *
 * Only a hint: the readers read what they read (tender/base/readfile.h), and whether a file is
 * asked for changes nothing but the time. Files that are not regular files,
 * and files over the readers' limit, are never asked for. Safe to call from several threads at
 * once.
 */
#ifndef TND_READAHEAD_H
#define TND_READAHEAD_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

/* What a probe of one file found. */
typedef enum {
    TND_PROBE_CACHED,   /* its first byte can be read without waiting (or it is empty) */
    TND_PROBE_COLD,     /* reading it would wait for the disk */
    TND_PROBE_SKIP,     /* not a regular file, or it could not be opened: leave it */
    TND_PROBE_UNKNOWN   /* the file system cannot tell: stop probing */
} tnd_probe;

/* Probes one file and, when it is cold and `ask` is true, asks the kernel to read it. A file of
 * more than max_bytes is skipped: the readers refuse it unread, and a hostile folder must not
 * make the kernel read gigabytes for nothing. */
typedef tnd_probe (*tnd_probe_fn)(const char *path, bool ask, size_t max_bytes);

typedef struct {
    const char *const *paths;
    size_t n;
    size_t distance;            /* how many inputs ahead of the one taken */
    size_t max_bytes;           /* larger files are left alone */
    tnd_probe_fn probe;         /* tnd_readahead_probe; tests give their own */
    atomic_bool cold;           /* files ahead are being asked for */
    atomic_bool off;            /* the file system cannot tell: nothing more is done */
    atomic_size_t frontier;     /* while cold: inputs below it have been probed or asked for */
    atomic_uint cached_in_row;  /* while cold: probes in a row that found the file cached */
    atomic_size_t probes;       /* files probed (read by the tests) */
    atomic_size_t asked;        /* files asked for */
} tnd_readahead;

/* Sets ra up for paths[0..n-1] (which must outlive it), `distance` inputs ahead, for files of
 * at most max_bytes (the readers' limit). */
void tnd_readahead_init(tnd_readahead *ra, const char *const *paths, size_t n, size_t distance,
                        size_t max_bytes);

/* Input i has been taken by a reader: probe, and ask for files ahead when they are cold. */
void tnd_readahead_taken(tnd_readahead *ra, size_t i);

/* The probe of the real file system: open (O_NONBLOCK, never a FIFO's wait), fstat (regular
 * files of at most max_bytes only), preadv2 RWF_NOWAIT of one byte, posix_fadvise WILLNEED
 * when cold and asked. */
tnd_probe tnd_readahead_probe(const char *path, bool ask, size_t max_bytes);

#endif
