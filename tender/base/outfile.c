/* outfile.c - checked, unnamed-until-complete output files (see outfile.h). */
#define _GNU_SOURCE /* O_TMPFILE, linkat */
#include "tender/base/outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TMP_MARK ".tnd-tmp-"
#define TMP_SUFFIX_LEN 6 /* XXXXXX, as mkstemp */

/* The folder of path ("." for a bare name, "/" for "/x"), malloc'd; *base points into path. */
static char *split_path(const char *path, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        *base = path;
        return strdup(".");
    }
    *base = slash + 1;
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *dir = malloc(n + 1);
    if (dir) {
        memcpy(dir, path, n);
        dir[n] = '\0';
    }
    return dir;
}

/* Same folder (device and inode) and same file name: two spellings of a file not there yet. */
static bool same_place(const char *a, const char *b)
{
    const char *ba, *bb;
    char *da = split_path(a, &ba), *db = split_path(b, &bb);
    struct stat sa, sb;
    bool same = da && db && strcmp(ba, bb) == 0 && stat(da, &sa) == 0 && stat(db, &sb) == 0 &&
                sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    free(da);
    free(db);
    return same;
}

/* A path's file as stat sees it now (known: it exists). An evaluation of 100,000 bids compares
 * each output with every input: a stat of both per pair was 4 stats a bid, so each input's id is
 * taken once, or given by the reader that read it (issue 9). */
static tnd_file_id id_of(const char *path)
{
    struct stat st;
    tnd_file_id id = { false, 0, 0 };
    if (path && stat(path, &st) == 0)
        id = (tnd_file_id){ true, st.st_dev, st.st_ino };
    return id;
}

/* The same file: the same text, the same device and inode, or two spellings of one name in
 * one folder when neither exists yet. */
static bool same_file(const char *a, tnd_file_id ia, const char *b, tnd_file_id ib)
{
    if (strcmp(a, b) == 0)
        return true;
    if (ia.known && ib.known)
        return ia.dev == ib.dev && ia.ino == ib.ino;
    return !ia.known && !ib.known && same_place(a, b);
}

/* tnd_same_file_index with the others' ids already taken (NULL: take them now). */
static size_t same_file_index(const char *path, const char *const *others, const tnd_file_id *ids,
                              size_t n_others)
{
    if (!path || !others)
        return n_others;
    tnd_file_id ip = id_of(path);
    for (size_t i = 0; i < n_others; i++)
        if (others[i] && same_file(path, ip, others[i], ids ? ids[i] : id_of(others[i])))
            return i;
    return n_others;
}

size_t tnd_same_file_index(const char *path, const char *const *others, size_t n_others)
{
    return same_file_index(path, others, NULL, n_others);
}

/* What a non-regular file is, in the words of the message. */
static const char *kind_of(mode_t m)
{
    return S_ISDIR(m) ? "een map" : S_ISFIFO(m) ? "een FIFO (named pipe)"
         : S_ISCHR(m) ? "een apparaat (character device)" : S_ISBLK(m) ? "een blokapparaat"
         : S_ISSOCK(m) ? "een socket" : "geen gewoon bestand";
}

static tnd_status check_one(const char *out, const char *label, const char *const *outputs,
                            const char *const *labels, size_t index, const char *const *inputs,
                            const tnd_file_id *input_ids, size_t n_inputs, tnd_error *err)
{
    if (!*out)
        return tnd_error_set(err, TND_ERR_USAGE, label, 0, "geef een bestandsnaam",
                             "leeg uitvoerpad");
    size_t j = same_file_index(out, inputs, input_ids, n_inputs);
    if (j < n_inputs) {
        tnd_error_set(err, TND_ERR_USAGE, out, 0, NULL,
                      "weigert een invoerbestand te overschrijven");
        tnd_error_hint(err, "kies een andere naam voor het uitvoerbestand (%s is de invoer '%s')",
                       label, inputs[j]);
        return TND_ERR_USAGE;
    }
    size_t k = tnd_same_file_index(out, outputs, index);
    if (k < index)
        return tnd_error_set(err, TND_ERR_USAGE, out, 0,
                             "geef elke uitvoer een eigen bestandsnaam",
                             "%s en %s noemen hetzelfde bestand ('%s' en '%s')", labels[k], label,
                             outputs[k], out);
    struct stat st;
    if (stat(out, &st) == 0 && !S_ISREG(st.st_mode))
        return tnd_error_set(err, TND_ERR_IO, out, 0,
                             "geef een gewoon bestand als uitvoer; tender vervangt nooit een map, "
                             "FIFO of apparaat",
                             "%s is %s, geen gewoon bestand", label, kind_of(st.st_mode));
    const char *base;
    char *dir = split_path(out, &base);
    if (!dir)
        return tnd_error_set(err, TND_ERR_NOMEM, out, 0, NULL, "onvoldoende geheugen");
    tnd_status rc = TND_OK;
    if (!*base)
        rc = tnd_error_set(err, TND_ERR_USAGE, out, 0, "geef een bestandsnaam, geen map",
                           "%s noemt geen bestand", label);
    else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        rc = tnd_error_set(err, TND_ERR_IO, out, 0,
                           "maak de map eerst aan (mkdir) of kies een bestaande map",
                           "de map '%s' van %s bestaat niet", dir, label);
    else if (access(dir, W_OK | X_OK) != 0)
        rc = tnd_error_set(err, TND_ERR_IO, out, 0, "kies een map waarin u mag schrijven",
                           "de map '%s' van %s is niet schrijfbaar: %s", dir, label,
                           strerror(errno));
    free(dir);
    return rc;
}

tnd_status tnd_outputs_check(const char *const *outputs, const char *const *labels,
                             size_t n_outputs, const char *const *inputs, size_t n_inputs,
                             tnd_error *err)
{
    return tnd_outputs_check_known(outputs, labels, n_outputs, inputs, NULL, n_inputs, err);
}

tnd_status tnd_outputs_check_known(const char *const *outputs, const char *const *labels,
                                   size_t n_outputs, const char *const *inputs,
                                   const tnd_file_id *known, size_t n_inputs, tnd_error *err)
{
    /* each input's id once, for every output (NULL when out of memory: taken per pair) */
    tnd_file_id *ids = inputs && n_inputs ? malloc(n_inputs * sizeof *ids) : NULL;
    for (size_t i = 0; ids && i < n_inputs; i++)
        ids[i] = known && known[i].known ? known[i] : id_of(inputs[i]);
    tnd_status rc = TND_OK;
    for (size_t i = 0; rc == TND_OK && i < n_outputs; i++)
        if (outputs[i])
            rc = check_one(outputs[i], labels && labels[i] ? labels[i] : "uitvoer", outputs,
                           labels, i, inputs, ids, n_inputs, err);
    free(ids);
    return rc;
}

/* Removes "<base>.tnd-tmp-XXXXXX" files in dir whose writer is gone: a writer holds an
 * exclusive flock on its temp file until it closes it, and the kernel drops the lock when the
 * process dies (also on kill -9). Only our own pattern, only for this target. */
static void remove_stale(const char *dir, const char *base)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    size_t blen = strlen(base), mlen = strlen(TMP_MARK);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        if (strlen(n) != blen + mlen + TMP_SUFFIX_LEN || strncmp(n, base, blen) != 0 ||
            strncmp(n + blen, TMP_MARK, mlen) != 0)
            continue;
        int fd = openat(dirfd(d), n, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            continue;
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
            unlinkat(dirfd(d), n, 0);
        close(fd);
    }
    closedir(d);
}

static tnd_status io_error(const char *path, const char *what, int e, tnd_error *err)
{
    return tnd_error_set(err, TND_ERR_IO, path, 0,
                         "controleer de vrije schijfruimte, de map en de rechten", "%s: %s", what,
                         strerror(e));
}

tnd_status tnd_outfile_begin(tnd_outfile *f, const char *path, tnd_error *err)
{
    memset(f, 0, sizeof *f);
    f->fd = -1;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        f->mode = st.st_mode & 0777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        f->mode = 0666 & ~mask;
    }
    const char *base;
    char *dir = split_path(path, &base);
    f->path = strdup(path);
    if (!dir || !f->path) {
        free(dir);
        tnd_outfile_abort(f);
        return tnd_error_set(err, TND_ERR_NOMEM, path, 0, NULL, "onvoldoende geheugen");
    }
    remove_stale(dir, base);
#ifdef O_TMPFILE
    /* Unnamed until it is complete: a kill -9 while writing leaves nothing. Libraries reach it
     * by /proc/self/fd/N; without /proc the named fallback is used. */
    f->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (f->fd >= 0) {
        snprintf(f->fd_name, sizeof f->fd_name, "/proc/self/fd/%d", f->fd);
        if (access(f->fd_name, W_OK) != 0) {
            close(f->fd);
            f->fd = -1;
        }
    }
#endif
    free(dir);
    if (f->fd < 0) {
        size_t n = strlen(path) + strlen(TMP_MARK) + TMP_SUFFIX_LEN + 1;
        if (!(f->tmp = malloc(n))) {
            tnd_outfile_abort(f);
            return tnd_error_set(err, TND_ERR_NOMEM, path, 0, NULL, "onvoldoende geheugen");
        }
        snprintf(f->tmp, n, "%s" TMP_MARK "XXXXXX", path);
        f->fd = mkostemp(f->tmp, O_CLOEXEC);
        if (f->fd < 0) {
            int e = errno;
            free(f->tmp);
            f->tmp = NULL;
            tnd_outfile_abort(f);
            return io_error(path, "kan geen tijdelijk bestand aanmaken", e, err);
        }
    }
    /* The lock tells remove_stale of another run that this temp file is alive. */
    (void)flock(f->fd, LOCK_EX | LOCK_NB);
    return TND_OK;
}

const char *tnd_outfile_name(const tnd_outfile *f)
{
    return f->tmp ? f->tmp : f->fd_name;
}

tnd_status tnd_outfile_write(tnd_outfile *f, const void *data, size_t len, tnd_error *err)
{
    const char *p = data;
    while (len) {
        ssize_t w = write(f->fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return io_error(f->path, "schrijven mislukt", w < 0 ? errno : EIO, err);
        p += w;
        len -= (size_t)w;
    }
    return TND_OK;
}

tnd_status tnd_outfile_settle(tnd_outfile *f, tnd_error *err)
{
    if (fsync(f->fd) != 0)
        return io_error(f->path, "schrijven mislukt (fsync)", errno, err);
    /* temp files are created 0600; the result gets the permissions of the file it replaces */
    if (fchmod(f->fd, f->mode) != 0)
        return io_error(f->path, "rechten zetten mislukt", errno, err);
    return TND_OK;
}

/* A fresh name "<path>.tnd-tmp-XXXXXX" for linking the unnamed file in before the rename. */
static void temp_name(const char *path, unsigned attempt, char *buf, size_t size)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t v = ((uint64_t)getpid() << 32) ^ (uint64_t)ts.tv_nsec ^ ((uint64_t)attempt * 7919u);
    char suffix[TMP_SUFFIX_LEN + 1];
    for (int i = 0; i < TMP_SUFFIX_LEN; i++) {
        suffix[i] = digits[v % 62];
        v = v / 62 + (uint64_t)attempt * 31u;
    }
    suffix[TMP_SUFFIX_LEN] = '\0';
    snprintf(buf, size, "%s" TMP_MARK "%s", path, suffix);
}

static void sync_folder(const char *path)
{
    const char *base;
    char *dir = split_path(path, &base);
    if (!dir)
        return;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd); /* durability of the rename; the file itself is already synced */
        close(fd);
    }
    free(dir);
}

tnd_status tnd_outfile_commit(tnd_outfile *f, tnd_error *err)
{
    tnd_status rc = TND_OK;
    if (!f->tmp) {
        /* a new target: linked in at once; an existing one: linked under a temp name, renamed
         * over it (linkat cannot replace) */
        if (linkat(AT_FDCWD, f->fd_name, AT_FDCWD, f->path, AT_SYMLINK_FOLLOW) != 0) {
            if (errno != EEXIST) {
                rc = io_error(f->path, "schrijven mislukt (link)", errno, err);
            } else {
                size_t n = strlen(f->path) + strlen(TMP_MARK) + TMP_SUFFIX_LEN + 1;
                char *tmp = malloc(n);
                bool linked = false;
                for (unsigned a = 0; tmp && a < 100 && !linked; a++) {
                    temp_name(f->path, a, tmp, n);
                    linked = linkat(AT_FDCWD, f->fd_name, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0;
                    if (!linked && errno != EEXIST)
                        break;
                }
                if (!tmp)
                    rc = tnd_error_set(err, TND_ERR_NOMEM, f->path, 0, NULL, "onvoldoende geheugen");
                else if (!linked)
                    rc = io_error(f->path, "schrijven mislukt (link)", errno, err);
                else
                    f->tmp = tmp;
                if (!linked)
                    free(tmp);
            }
        }
    }
    if (rc == TND_OK && f->tmp) {
        if (rename(f->tmp, f->path) != 0) {
            rc = io_error(f->path, "schrijven mislukt (rename)", errno, err);
        } else {
            free(f->tmp);
            f->tmp = NULL;
        }
    }
    if (rc == TND_OK)
        sync_folder(f->path);
    tnd_outfile_abort(f);
    return rc;
}

void tnd_outfile_abort(tnd_outfile *f)
{
    if (f->tmp)
        unlink(f->tmp);
    if (f->fd >= 0)
        close(f->fd);
    free(f->tmp);
    free(f->path);
    f->tmp = NULL;
    f->path = NULL;
    f->fd = -1;
}

tnd_status tnd_outfile_write_all(const char *path, const void *data, size_t len, tnd_error *err)
{
    tnd_outfile f;
    tnd_status rc = tnd_outfile_begin(&f, path, err);
    if (rc != TND_OK)
        return rc;
    if ((rc = tnd_outfile_write(&f, data, len, err)) != TND_OK ||
        (rc = tnd_outfile_settle(&f, err)) != TND_OK) {
        tnd_outfile_abort(&f);
        return rc;
    }
    return tnd_outfile_commit(&f, err);
}
