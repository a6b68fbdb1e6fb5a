/*
 * outfile.h - the one way `tender` writes a file: checked before anything is written, built in a
 * temp file nobody can see, and put in place in one step.
 *
 * - tnd_outputs_check refuses, before a byte is written, an output that is an input (device and
 *   inode, or the same path), an output named twice (-o X --json X), an output that exists but is
 *   not a regular file (a directory, FIFO, character device, socket: /dev/full is refused too),
 *   and an output whose folder does not exist.
 * - tnd_outfile_begin creates the temp file unnamed (O_TMPFILE in the target's folder): a kill -9
 *   while it is written leaves nothing behind. Where the file system has no O_TMPFILE, it is a
 *   named temp file "<target>.tnd-tmp-XXXXXX" held under flock; the next write to the same
 *   target removes such files whose writer is gone (the lock is free).
 * - tnd_outfile_commit links the finished, fsync'ed file in: directly when the target does not
 *   exist yet, else through a temp name and rename(2) over the target.
 *
 * A command with several outputs begins all of them, writes all, settles all (fsync), and only
 * then commits them one after the other: a failure before the commits leaves every target as it
 * was (all or nothing). See docs/design.md, "Outputs".
 */
#ifndef TND_OUTFILE_H
#define TND_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "tender/base/error.h"
#include "tender/base/readfile.h"

/* Index in `others` of the first path naming the same file as `path`: the same string, the same
 * device and inode, or (when one does not exist yet) the same folder and the same file name.
 * Returns n_others when none does. NULL entries are skipped. */
size_t tnd_same_file_index(const char *path, const char *const *others, size_t n_others);

/*
 * Checks every output before anything is written (see above). labels[i] names outputs[i] in
 * messages ("-o", "--json"); NULL entries of outputs are skipped. Errors: TND_ERR_USAGE (the
 * message names the output and the input or other output it collides with), TND_ERR_IO (not a
 * regular file, folder missing or not writable).
 */
tnd_status tnd_outputs_check(const char *const *outputs, const char *const *labels,
                             size_t n_outputs, const char *const *inputs, size_t n_inputs,
                             tnd_error *err);

/* The same, where known[i] (if known is not NULL and known[i].known) is which file inputs[i] was
 * when its reader read it (tnd_read_file_bounded_id): that input is not looked at again. */
tnd_status tnd_outputs_check_known(const char *const *outputs, const char *const *labels,
                                   size_t n_outputs, const char *const *inputs,
                                   const tnd_file_id *known, size_t n_inputs, tnd_error *err);

/* One output being written. */
typedef struct {
    char *path;          /* the target */
    char *tmp;           /* the named temp file; NULL while the file is unnamed (O_TMPFILE) */
    int fd;              /* -1 when closed */
    mode_t mode;         /* the permissions the result gets */
    char fd_name[40];    /* "/proc/self/fd/N": a name for a library that opens a file itself */
} tnd_outfile;

/* Creates the temp file for `path` (not yet checked: call tnd_outputs_check first). */
tnd_status tnd_outfile_begin(tnd_outfile *f, const char *path, tnd_error *err);

/* A file name through which a library (libxlsxwriter) can open the temp file for writing. */
const char *tnd_outfile_name(const tnd_outfile *f);

/* Appends data to the temp file (only before a library has written through the name). */
tnd_status tnd_outfile_write(tnd_outfile *f, const void *data, size_t len, tnd_error *err);

/* fsync and the final permissions: after this only the commit is left. */
tnd_status tnd_outfile_settle(tnd_outfile *f, tnd_error *err);

/* Puts the settled file in place of the target and closes it. On failure the target is as it
 * was and the temp file is gone. */
tnd_status tnd_outfile_commit(tnd_outfile *f, tnd_error *err);

/* Removes the temp file and closes it; harmless after a commit or a failed begin. */
void tnd_outfile_abort(tnd_outfile *f);

/* The whole of one output: begin, write, settle, commit (abort on any failure). */
tnd_status tnd_outfile_write_all(const char *path, const void *data, size_t len, tnd_error *err);

#endif
