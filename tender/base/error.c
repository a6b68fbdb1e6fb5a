/* error.c - the error table and the error record helpers (see error.h). */
#include "tender/base/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const status_names[TND_ERR_COUNT] = {
    [TND_OK] = "ok",
    [TND_ERR_USAGE] = "usage",
    [TND_ERR_IO] = "io",
    [TND_ERR_TOO_LARGE] = "too-large",
    [TND_ERR_XML_MALFORMED] = "xml",
    [TND_ERR_XML_UNSAFE] = "xml-unsafe",
    [TND_ERR_SCHEMA] = "schema",
    [TND_ERR_VALUE] = "value",
    [TND_ERR_RANGE] = "range",
    [TND_ERR_REFERENCE] = "reference",
    [TND_ERR_DEFINITION] = "definition",
    [TND_ERR_NOMEM] = "nomem",
};

const char *tnd_status_name(tnd_status code)
{
    if ((int)code < 0 || code >= TND_ERR_COUNT)
        return "unknown";
    return status_names[code];
}

tnd_status tnd_error_set(tnd_error *err, tnd_status code, const char *file, long line,
                         const char *hint, const char *fmt, ...)
{
    if (!err)
        return code;
    memset(err, 0, sizeof *err);
    err->code = code;
    err->line = line;
    if (file)
        snprintf(err->file, sizeof err->file, "%s", file);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    if (hint)
        snprintf(err->hint, sizeof err->hint, "%s", hint);
    return code;
}

void tnd_error_hint(tnd_error *err, const char *fmt, ...)
{
    if (!err)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->hint, sizeof err->hint, fmt, ap);
    va_end(ap);
}

void tnd_error_clear(tnd_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

void tnd_error_format(const tnd_error *err, char *buf, size_t size)
{
    char loc[640] = "";
    size_t n = 0;
    if (err->file[0])
        n += (size_t)snprintf(loc + n, sizeof loc - n, "%s", err->file);
    if (err->line > 0 && n < sizeof loc)
        n += (size_t)snprintf(loc + n, sizeof loc - n, ":%ld", err->line);
    if (err->where[0] && n < sizeof loc)
        n += (size_t)snprintf(loc + n, sizeof loc - n, "%s%s", n ? ": " : "", err->where);
    if (err->hint[0])
        snprintf(buf, size, "%s%serror: %s\n  hint: %s", loc, loc[0] ? ": " : "", err->message,
                 err->hint);
    else
        snprintf(buf, size, "%s%serror: %s", loc, loc[0] ? ": " : "", err->message);
}

tnd_status tnd_error_nomem(tnd_error *err, const char *file)
{
    return tnd_error_set(err, TND_ERR_NOMEM, file, 0, NULL, "onvoldoende geheugen");
}
