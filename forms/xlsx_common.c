/*
 * xlsx_common.c - cell text and the atomic, reproducible writing of a workbook (xlsx_common.h).
 */
#include "forms/xlsx_common.h"

#include "tender/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    char *out = malloc(3 * n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t len = tnd_utf8_len(p);
        if (len == 0 || is_xml_nonchar(p, len)) {
            memcpy(out + o, REPLACEMENT_CHAR, 3);
            o += 3;
            p += len ? len : 1;
            continue;
        }
        if (is_control(p, len)) {
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

/* fsync the finished temp file and give it the permissions of the file it replaces. */
static bool settle(const char *tmp, mode_t mode)
{
    int fd = open(tmp, O_RDONLY);
    if (fd < 0)
        return false;
    bool ok = fsync(fd) == 0;
    if (close(fd) != 0)
        ok = false;
    return ok && chmod(tmp, mode) == 0;
}

tnd_status tnd_xlsxw_write_file(const char *path, const char *what, tnd_xlsxw_build_fn build,
                                void *ctx, const char *const *protected_inputs, size_t n_protected,
                                tnd_error *err)
{
    if (!path || !*path || !build)
        return tnd_error_set(err, TND_ERR_USAGE, path ? path : "", 0, NULL,
                             "%s: geen uitvoerpad", what);
    if (tnd_same_file_as_any(path, protected_inputs, n_protected))
        return tnd_error_set(err, TND_ERR_USAGE, path, 0,
                             "kies een andere naam voor het uitvoerbestand",
                             "weigert een invoerbestand te overschrijven");
    struct stat existing;
    mode_t mode;
    if (stat(path, &existing) == 0) {
        if (S_ISDIR(existing.st_mode))
            return tnd_error_set(err, TND_ERR_IO, path, 0, "geef een bestandsnaam, geen map",
                                 "het uitvoerpad is een map");
        mode = existing.st_mode & 0777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }

    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp)
        return tnd_error_set(err, TND_ERR_NOMEM, path, 0, NULL, "onvoldoende geheugen");
    snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        tnd_status st = tnd_error_set(err, TND_ERR_IO, path, 0,
                                      "controleer of de map bestaat en schrijfbaar is",
                                      "kan tijdelijk bestand niet aanmaken: %s", strerror(errno));
        free(tmp);
        return st;
    }
    close(fd);

    lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL,
                                     .use_zip64 = LXW_FALSE };
    lxw_workbook *wb = workbook_new_opt(tmp, &options);
    if (!wb) {
        unlink(tmp);
        free(tmp);
        return tnd_error_set(err, TND_ERR_NOMEM, path, 0, NULL, "onvoldoende geheugen");
    }
    lxw_error error = LXW_NO_ERROR;
    bool oom = false;
    build(wb, ctx, &error, &oom);
    /* workbook_close writes the file and frees the workbook, also after a failed build. */
    lxw_error closed = workbook_close(wb);
    tnd_status st = TND_OK;
    if (oom) {
        st = tnd_error_set(err, TND_ERR_NOMEM, path, 0, NULL, "onvoldoende geheugen");
    } else if (error != LXW_NO_ERROR) {
        st = tnd_error_set(err, lxw_status(error), path, 0,
                           error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED
                               ? "een tekst (bijvoorbeeld de argumenten) is langer dan een cel "
                                 "toelaat (32.767 tekens)"
                               : NULL,
                           "%s niet geschreven (libxlsxwriter: %s)", what, lxw_strerror(error));
    } else if (closed != LXW_NO_ERROR) {
        st = tnd_error_set(err, lxw_status(closed), path, 0,
                           "controleer de vrije schijfruimte en de rechten",
                           "%s niet geschreven (libxlsxwriter: %s)", what, lxw_strerror(closed));
    } else if (!settle(tmp, mode) || rename(tmp, path) != 0) {
        st = tnd_error_set(err, TND_ERR_IO, path, 0,
                           "controleer de vrije schijfruimte en de rechten",
                           "schrijven mislukt: %s", strerror(errno));
    }
    if (st != TND_OK)
        unlink(tmp);
    free(tmp);
    return st;
}
