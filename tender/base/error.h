/*
 * error.h - the error record every reader fills, and the table of error kinds.
 *
 * A function that can fail on input returns a tnd_status and fills a tnd_error: which file, which
 * line (or sheet and cell), what is wrong and how to fix it. main() decides how to print it.
 * The kinds and their fixed wording live in one table (error.c), as in libxlsxwriter.
 */
#ifndef TND_ERROR_H
#define TND_ERROR_H

#include <stddef.h>

typedef enum {
    TND_OK = 0,
    TND_ERR_USAGE,        /* wrong command-line arguments */
    TND_ERR_IO,           /* a file cannot be opened, read or written */
    TND_ERR_TOO_LARGE,    /* a size or nesting limit was exceeded */
    TND_ERR_XML_MALFORMED,/* not well-formed XML */
    TND_ERR_XML_UNSAFE,   /* DTD, external entity or other construct we refuse */
    TND_ERR_SCHEMA,       /* well-formed, but does not match the XSD */
    TND_ERR_VALUE,        /* a value of the wrong type or notation */
    TND_ERR_RANGE,        /* a value out of its allowed range (negative amount, impossible date) */
    TND_ERR_REFERENCE,    /* a value refers to something that does not exist (unknown lot, product) */
    TND_ERR_DEFINITION,   /* the tender definition is inconsistent */
    TND_ERR_NOMEM,        /* out of memory */
    TND_ERR_COUNT
} tnd_status;

/* Where a problem is and what to do about it. Strings are owned by the record (fixed buffers). */
typedef struct {
    tnd_status code;
    char file[512];     /* file name as given by the user ("" if none) */
    long line;          /* 1-based line, 0 if unknown */
    char where[64];     /* other location: "Blad 'Identiteit' cel B4", element path; "" if none */
    char message[512];  /* what is wrong, in plain words */
    char hint[512];     /* how to fix it */
} tnd_error;

/* Short fixed name of a status ("schema", "value", ...), from the table in error.c. */
const char *tnd_status_name(tnd_status code);

/* Fills err (if not NULL) and returns code. message/hint are printf formats; hint may be NULL. */
tnd_status tnd_error_set(tnd_error *err, tnd_status code, const char *file, long line,
                         const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Sets the hint of an already filled record (printf format). */
/* tnd_error_set for an allocation that failed: "onvoldoende geheugen" in `file`. Returns
 * TND_ERR_NOMEM. */
tnd_status tnd_error_nomem(tnd_error *err, const char *file);

/* Returns from the calling function with the status of `expr` unless it is TND_OK: the one
 * early-return pattern of every layer. */
#define TND_TRY(expr)                                                                          \
    do {                                                                                       \
        tnd_status tnd_try_rc_ = (expr);                                                       \
        if (tnd_try_rc_ != TND_OK)                                                             \
            return tnd_try_rc_;                                                                \
    } while (0)

void tnd_error_hint(tnd_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Clears the record to TND_OK. */
void tnd_error_clear(tnd_error *err);

/* Formats "file:line: error: message\n  hint: hint" into buf (always NUL-terminated). */
void tnd_error_format(const tnd_error *err, char *buf, size_t size);

#endif
