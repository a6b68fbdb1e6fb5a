/*
 * readfile.h - reading a whole input file with a size limit, the one way every reader does it:
 * a directory, a FIFO, a device or socket (anything but a regular file, also behind a
 * symlink), a missing file or one larger than the limit is refused before its bytes are read;
 * the file is opened with O_NONBLOCK, so a FIFO without a writer never hangs; at most
 * limit + 1 bytes are ever read, so a growing file cannot make us read without end.
 */
#ifndef TND_READFILE_H
#define TND_READFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "tender/base/error.h"

/*
 * Reads path into a malloc'd buffer (*out, *out_len; free() it). Errors: TND_ERR_IO (cannot
 * open or read, a directory, not a regular file), TND_ERR_NOMEM, TND_ERR_TOO_LARGE (more than limit bytes; *out_len
 * is then the size seen, so the caller can word its own message with tnd_error_set).
 */
tnd_status tnd_read_file_bounded(const char *path, size_t limit, char **out, size_t *out_len,
                                 tnd_error *err);

/* Which file a reader read: the device and inode of the descriptor its bytes came from (fstat).
 * An output is checked against it without looking at the input again (tnd_outputs_check_known:
 * 100,000 bids were 100,000 more stat calls, issue 9). known is false for a file not read so. */
typedef struct {
    bool known;
    dev_t dev;
    ino_t ino;
} tnd_file_id;

/* tnd_read_file_bounded that also gives the file's id in *id (if not NULL; known only when the
 * file was read). */
tnd_status tnd_read_file_bounded_id(const char *path, size_t limit, char **out, size_t *out_len,
                                    tnd_file_id *id, tnd_error *err);

#endif
