/*
 * xlsx_common.h - what every workbook `tender` writes with libxlsxwriter shares: text made fit
 * for a cell, and writing the file atomically and reproducibly.
 *
 * Used by the award workbook (award_xlsx.c), the bidder's fill-in workbook (fillin_xlsx.c) and the
 * committee workbook (committee_xlsx.c).
 *
 * - Text from a bid is not trusted to be tidy: a control character becomes a space and bytes that
 *   are not UTF-8 (a multi-byte character cut off by a fixed-size field) become U+FFFD, because
 *   one bad byte makes Excel "repair" the file.
 * - A workbook is built into an unnamed temp file beside the target and linked in place only when
 *   complete (tender/base/outfile.h): on any error, or a kill, the target is left as it was. No clock: the caller
 *   sets lxw_doc_properties.created to a fixed date, and libxlsxwriter 1.1.4 stamps every zip
 *   entry 1980-01-01 00:00, so the same inputs give the same bytes.
 */
#ifndef TND_XLSX_COMMON_H
#define TND_XLSX_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include <xlsxwriter.h>

#include "tender/base/error.h"
#include "tender/base/outfile.h"

/* s made fit for a cell: control characters as spaces, invalid UTF-8 and the XML non-characters
 * U+FFFE / U+FFFF as U+FFFD, bidi controls (U+202E, ...) shown as "<U+202E>" (tender/base/textsafe.h). malloc'd (NULL when out of memory); s must not be NULL. */
char *tnd_xlsxw_clean_text(const char *s);

/*
 * Builds the sheets of a workbook. The callback records the first libxlsxwriter error in *error
 * (leaving it LXW_NO_ERROR while all goes well) and sets *oom when memory runs out; it never
 * closes the workbook.
 */
typedef void (*tnd_xlsxw_build_fn)(lxw_workbook *wb, void *ctx, lxw_error *error, bool *oom);

/*
 * Writes a workbook to `path` through tender/base/outfile.h: the path is checked first (not one of
 * `protected_inputs` by path or device and inode, not a directory, FIFO or device, its folder
 * exists), the workbook is built into an unnamed temp file in the same folder, closed, fsync'ed,
 * given the permissions of the file it replaces (or 0666 & ~umask) and linked in place. On any
 * error the target is left as it was and no temp file remains. `what` names the workbook in
 * messages ("gunningswerkmap", "invulwerkmap").
 *
 * Errors: TND_ERR_USAGE (a protected input), TND_ERR_IO (not a regular file, a missing folder,
 * cannot write), TND_ERR_TOO_LARGE (a text longer than a cell holds), TND_ERR_NOMEM.
 */
tnd_status tnd_xlsxw_write_file(const char *path, const char *what, tnd_xlsxw_build_fn build,
                                void *ctx, const char *const *protected_inputs, size_t n_protected,
                                tnd_error *err);

/* Builds a workbook into `out` (begun by the caller, paths already checked) and settles it
 * (fsync, permissions); the caller commits it, or aborts it, together with its other outputs. */
tnd_status tnd_xlsxw_write_outfile(tnd_outfile *out, const char *what, tnd_xlsxw_build_fn build,
                                   void *ctx, tnd_error *err);

/* The document date as libxlsxwriter wants it: `days` since 1970-01-01 at 00:00 UTC, never before
 * 1980-01-01 (time_t 0 would mean "now", and zip dates start in 1980). */
time_t tnd_xlsxw_created(long long days);

#endif
