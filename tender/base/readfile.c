/* readfile.c - bounded whole-file reading (see readfile.h). */
#include "tender/base/readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static tnd_status too_large(const char *path, size_t limit, size_t seen, tnd_error *err)
{
    return tnd_error_set(err, TND_ERR_TOO_LARGE, path, 0, "controleer of het juiste bestand is "
                         "gekozen", "het bestand is groter dan %zu bytes (%zu bytes)", limit, seen);
}

tnd_status tnd_read_file_bounded(const char *path, size_t limit, char **out, size_t *out_len,
                                 tnd_error *err)
{
    return tnd_read_file_bounded_id(path, limit, out, out_len, NULL, err);
}

tnd_status tnd_read_file_bounded_id(const char *path, size_t limit, char **out, size_t *out_len,
                                    tnd_file_id *id, tnd_error *err)
{
    if (id)
        *id = (tnd_file_id){ false, 0, 0 };
    *out = NULL;
    *out_len = 0;
    if (!path)
        return tnd_error_set(err, TND_ERR_USAGE, "", 0, NULL, "geen bestandsnaam opgegeven");
    /* O_NONBLOCK: opening a FIFO without a writer (or a device) must not hang; only a regular
     * file is read at all. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return tnd_error_set(err, TND_ERR_IO, path, 0,
                             "controleer het pad en de leesrechten van het bestand",
                             "kan '%s' niet openen: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno; /* st is not filled: read nothing from it */
        close(fd);
        return tnd_error_set(err, TND_ERR_IO, path, 0,
                             "controleer het pad en de leesrechten van het bestand",
                             "kan '%s' niet lezen: %s", path, strerror(e));
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return tnd_error_set(err, TND_ERR_IO, path, 0, "geef een bestand op, geen map",
                             "kan '%s' niet lezen: %s", path, strerror(EISDIR));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return tnd_error_set(err, TND_ERR_IO, path, 0,
                             "geef een gewoon bestand op (geen FIFO, apparaat of socket)",
                             "kan '%s' niet lezen: het is geen gewoon bestand", path);
    }
    if ((size_t)st.st_size > limit) {
        close(fd);
        *out_len = (size_t)st.st_size;
        return too_large(path, limit, (size_t)st.st_size, err);
    }
    size_t max = limit + 1;
    size_t cap = (size_t)st.st_size + 1;
    if (cap > max)
        cap = max;
    char *buf = malloc(cap);
    size_t len = 0;
    tnd_status rc = TND_OK;
    while (buf) {
        if (len == cap) {
            if (cap == max)
                break; /* limit + 1 bytes read: too large, no need to read on */
            size_t ncap = cap * 2 > max ? max : cap * 2;
            char *nbuf = realloc(buf, ncap);
            if (!nbuf) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nbuf;
            cap = ncap;
        }
        ssize_t got = read(fd, buf + len, cap - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            /* O_NONBLOCK does not apply to a regular file, but a network or FUSE file system
             * may still say "try again": read on with blocking reads. Not turned off before
             * reading, which cost two system calls a bid (issue 9). */
            int flags = fcntl(fd, F_GETFL);
            if (flags >= 0 && (flags & O_NONBLOCK) && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0)
                continue;
        }
        if (got < 0) {
            rc = tnd_error_set(err, TND_ERR_IO, path, 0,
                               "controleer het pad en de leesrechten van het bestand",
                               "kan '%s' niet lezen: %s", path, strerror(errno));
            break;
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    close(fd);
    if (!buf)
        return tnd_error_set(err, TND_ERR_NOMEM, path, 0, NULL, "onvoldoende geheugen");
    if (rc == TND_OK && len > limit) {
        *out_len = len;
        rc = too_large(path, limit, len, err);
    }
    if (rc != TND_OK) {
        free(buf);
        return rc;
    }
    *out = buf;
    *out_len = len;
    if (id)
        *id = (tnd_file_id){ true, st.st_dev, st.st_ino };
    return TND_OK;
}
