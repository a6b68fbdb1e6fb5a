/* readahead.c - asking for the next inputs' bytes ahead of the readers (see readahead.h). */
#define _GNU_SOURCE /* preadv2, RWF_NOWAIT */
#include "tender/base/readahead.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

/* One probe per this many inputs while the files are cached. */
#define PROBE_EVERY 32
/* Back to probing now and then after this many files in a row were found cached. */
#define CACHED_AGAIN 64

void tnd_readahead_init(tnd_readahead *ra, const char *const *paths, size_t n, size_t distance,
                        size_t max_bytes)
{
    ra->paths = paths;
    ra->n = n;
    ra->distance = distance;
    ra->max_bytes = max_bytes;
    ra->probe = tnd_readahead_probe;
    atomic_init(&ra->cold, false);
    atomic_init(&ra->off, distance == 0);
    atomic_init(&ra->frontier, 0);
    atomic_init(&ra->cached_in_row, 0);
    atomic_init(&ra->probes, 0);
    atomic_init(&ra->asked, 0);
}

tnd_probe tnd_readahead_probe(const char *path, bool ask, size_t max_bytes)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return TND_PROBE_SKIP;
    struct stat st;
    tnd_probe found = TND_PROBE_SKIP;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size <= max_bytes) {
        char byte;
        struct iovec one = { &byte, 1 };
        ssize_t got = preadv2(fd, &one, 1, 0, RWF_NOWAIT);
        if (got >= 0)
            found = TND_PROBE_CACHED;
        else if (errno == EAGAIN)
            found = TND_PROBE_COLD;
        else if (errno == EOPNOTSUPP || errno == EINVAL || errno == ENOSYS)
            found = TND_PROBE_UNKNOWN;
        if (found == TND_PROBE_COLD && ask)
            (void)posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED); /* a hint: its failure is none */
    }
    close(fd);
    return found;
}

/* Probes paths[j] (asking for it when cold and `ask`), counted; a file system that cannot tell
 * switches the read-ahead off. */
static tnd_probe probe_one(tnd_readahead *ra, size_t j, bool ask)
{
    tnd_probe found = ra->probe(ra->paths[j], ask, ra->max_bytes);
    atomic_fetch_add(&ra->probes, 1);
    if (found == TND_PROBE_UNKNOWN)
        atomic_store(&ra->off, true);
    return found;
}

/* Probes paths[j], asking for it when cold, and keeps the count of cached files in a row. */
static void probe_ahead(tnd_readahead *ra, size_t j)
{
    tnd_probe found = probe_one(ra, j, true);
    if (found == TND_PROBE_COLD) {
        atomic_fetch_add(&ra->asked, 1);
        atomic_store(&ra->cached_in_row, 0);
    } else if (found == TND_PROBE_CACHED &&
               atomic_fetch_add(&ra->cached_in_row, 1) + 1 >= CACHED_AGAIN) {
        atomic_store(&ra->cold, false);
    }
}

void tnd_readahead_taken(tnd_readahead *ra, size_t i)
{
    if (atomic_load(&ra->off) || i + 1 >= ra->n)
        return;
    size_t last = ra->n - 1 - i > ra->distance ? i + ra->distance : ra->n - 1;
    if (!atomic_load(&ra->cold)) {
        if (i % PROBE_EVERY != 0)
            return;
        if (probe_one(ra, last, false) != TND_PROBE_COLD)
            return;
        atomic_store(&ra->cached_in_row, 0);
        atomic_store(&ra->cold, true);
    }
    /* Claims the inputs from the frontier (or after i) to last, so that each is probed once
     * however many readers take inputs at the same time. */
    size_t seen = atomic_load(&ra->frontier);
    for (;;) {
        size_t from = seen > i + 1 ? seen : i + 1;
        if (from > last)
            return;
        if (atomic_compare_exchange_weak(&ra->frontier, &seen, last + 1)) {
            for (size_t j = from; j <= last && !atomic_load(&ra->off); j++)
                probe_ahead(ra, j);
            return;
        }
    }
}
