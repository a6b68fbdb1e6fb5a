/*
 * buf.h - a growing text buffer for reports.
 *
 * Reports are built in memory first, so that the caller decides where they go (stdout, or a
 * file written atomically) and a failure never leaves half a report behind. Appending never
 * fails loudly: when memory runs out the buffer sets `oom`, ignores every later append, and the
 * caller checks the flag once at the end.
 */
#ifndef TND_BUF_H
#define TND_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *data;     /* NUL-terminated once anything was appended; NULL before */
    size_t len;     /* bytes in data, without the NUL */
    size_t cap;     /* bytes allocated */
    bool oom;       /* an append failed (out of memory or impossible size): content incomplete */
} tnd_buf;

/* Empties b without allocating. */
void tnd_buf_init(tnd_buf *b);

/* Releases the memory of b and leaves it empty (as after tnd_buf_init). */
void tnd_buf_free(tnd_buf *b);

/* Appends n bytes of s (which need not be NUL-terminated). Returns false and sets b->oom when
 * the buffer cannot grow; does nothing once b->oom is set. */
bool tnd_buf_append(tnd_buf *b, const char *s, size_t n);

/* Appends the NUL-terminated string s. */
bool tnd_buf_puts(tnd_buf *b, const char *s);

/* Appends printf-formatted text. */
bool tnd_buf_printf(tnd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* tnd_buf_printf with a va_list (ap is used up, as with vprintf). */
bool tnd_buf_vprintf(tnd_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

#endif
