/* buf.c - the growing text buffer of reports (see buf.h). */
#include "tender/base/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF_MIN_CAP 256

void tnd_buf_init(tnd_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->oom = false;
}

void tnd_buf_free(tnd_buf *b)
{
    free(b->data);
    tnd_buf_init(b);
}

/* Makes room for `extra` more bytes plus the NUL; doubles the capacity so that n appends cost
 * O(n) copies in total. */
static bool reserve(tnd_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : BUF_MIN_CAP;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

bool tnd_buf_append(tnd_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool tnd_buf_puts(tnd_buf *b, const char *s)
{
    return tnd_buf_append(b, s, strlen(s));
}

bool tnd_buf_vprintf(tnd_buf *b, const char *fmt, va_list ap)
{
    if (b->oom)
        return false;
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    bool ok = n >= 0 && reserve(b, (size_t)n);
    if (ok) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    } else {
        b->oom = true; /* also an encoding error: the content would be incomplete */
    }
    va_end(again);
    return ok;
}

bool tnd_buf_printf(tnd_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = tnd_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return ok;
}
