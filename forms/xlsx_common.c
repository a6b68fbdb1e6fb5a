/*
 * xlsx_common.c - cell text and the atomic, reproducible writing of a workbook (xlsx_common.h).
 */
#include "forms/xlsx_common.h"

#include "tender/base/outfile.h"
#include "tender/base/textsafe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/json.h" /* tnd_utf8_len */

#define REPLACEMENT_CHAR "\xEF\xBF\xBD" /* U+FFFD */
#define EARLIEST_DAYS 3652LL            /* 1980-01-01 as days since 1970-01-01 */

/* True for U+FFFE and U+FFFF: valid UTF-8, but not allowed in XML 1.0. */
static bool is_xml_nonchar(const unsigned char *s, size_t len)
{
    return len == 3 && s[0] == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF);
}

/* True for C0 and C1 control characters (a C1 is the two bytes C2 80..C2 9F). */
static bool is_control(const unsigned char *s, size_t len)
{
    return (len == 1 && (s[0] < 0x20 || s[0] == 0x7F)) || (len == 2 && s[0] == 0xC2 && s[1] < 0xA0);
}

char *tnd_xlsxw_clean_text(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(4 * n + 1); /* the worst: 2-byte U+061C shown as 8 bytes "<U+061C>" */
    if (!out)
        return NULL;
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        /* printable ASCII, nearly all of a cell's text, is copied as one run (issue 9) */
        const unsigned char *run = p;
        while (*p >= 0x20 && *p < 0x7F)
            p++;
        if (p > run) {
            memcpy(out + o, run, (size_t)(p - run));
            o += (size_t)(p - run);
        }
        if (!*p)
            break;
        size_t len = tnd_utf8_len(p);
        if (len == 0 || is_xml_nonchar(p, len)) {
            memcpy(out + o, REPLACEMENT_CHAR, 3);
            o += 3;
            p += len ? len : 1;
            continue;
        }
        size_t bn;
        uint32_t bidi = tnd_bidi_control(p, &bn);
        if (bidi) {
            tnd_bidi_visible(bidi, out + o);
            o += TND_BIDI_VISIBLE_LEN;
        } else if (is_control(p, len)) {
            out[o++] = ' ';
        } else {
            memcpy(out + o, p, len);
            o += len;
        }
        p += len;
    }
    out[o] = '\0';
    return out;
}

time_t tnd_xlsxw_created(long long days)
{
    return (time_t)((days < EARLIEST_DAYS ? EARLIEST_DAYS : days) * 86400LL);
}

static tnd_status lxw_status(lxw_error e)
{
    switch (e) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        return TND_ERR_NOMEM;
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
        return TND_ERR_TOO_LARGE;
    default:
        return TND_ERR_IO;
    }
}

tnd_status tnd_xlsxw_write_outfile(tnd_outfile *out, const char *what, tnd_xlsxw_build_fn build,
                                   void *ctx, tnd_error *err)
{
    const char *path = out->path;
    /* libxlsxwriter opens the file by name: the unnamed temp file's /proc/self/fd/N (or the
     * named fallback), so its bytes go through the one writer of tender/base/outfile.h. Its own
     * scratch files are tmpfile()s, unnamed as well. */
    lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL,
                                     .use_zip64 = LXW_FALSE };
    lxw_workbook *wb = workbook_new_opt(tnd_outfile_name(out), &options);
    if (!wb)
        return tnd_error_nomem(err, path);
    lxw_error error = LXW_NO_ERROR;
    bool oom = false;
    build(wb, ctx, &error, &oom);
    /* workbook_close writes the file and frees the workbook, also after a failed build. */
    lxw_error closed = workbook_close(wb);
    if (oom)
        return tnd_error_nomem(err, path);
    if (error != LXW_NO_ERROR)
        return tnd_error_set(err, lxw_status(error), path, 0,
                             error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED
                                 ? "een tekst (bijvoorbeeld de argumenten) is langer dan een cel "
                                   "toelaat (32.767 tekens)"
                                 : NULL,
                             "%s niet geschreven (libxlsxwriter: %s)", what, lxw_strerror(error));
    if (closed != LXW_NO_ERROR)
        return tnd_error_set(err, lxw_status(closed), path, 0,
                             "controleer de vrije schijfruimte en de rechten",
                             "%s niet geschreven (libxlsxwriter: %s)", what, lxw_strerror(closed));
    return tnd_outfile_settle(out, err);
}

tnd_status tnd_xlsxw_write_file(const char *path, const char *what, tnd_xlsxw_build_fn build,
                                void *ctx, const char *const *protected_inputs, size_t n_protected,
                                tnd_error *err)
{
    if (!path || !*path || !build)
        return tnd_error_set(err, TND_ERR_USAGE, path ? path : "", 0, NULL,
                             "%s: geen uitvoerpad", what);
    const char *outputs[1] = { path };
    const char *labels[1] = { what };
    tnd_outfile out;
    tnd_status st = tnd_outputs_check(outputs, labels, 1, protected_inputs, n_protected, err);
    if (st == TND_OK)
        st = tnd_outfile_begin(&out, path, err);
    if (st != TND_OK)
        return st;
    st = tnd_xlsxw_write_outfile(&out, what, build, ctx, err);
    if (st != TND_OK) {
        tnd_outfile_abort(&out);
        return st;
    }
    return tnd_outfile_commit(&out, err);
}
