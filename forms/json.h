/*
 * json.h - the JSON writer shared by every --json output: stable key order (the caller's),
 * 2-space indentation, RFC 8259 strings (control characters escaped, UTF-8 kept, invalid bytes
 * as U+FFFD), integers only. Writes into a tnd_buf; no I/O.
 */
#ifndef TND_JSON_H
#define TND_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "tender/base/buf.h"

#define TND_JSON_MAX_DEPTH 16

typedef struct tnd_json tnd_json;

struct tnd_json {
    tnd_buf *out;
    int depth;                           /* open objects and arrays */
    bool has_member[TND_JSON_MAX_DEPTH]; /* a member was written at this depth */
    /* Optional, for a document too large to hold whole: when `out` holds `chunk` bytes or more
     * at the start of a member, flush(ctx, out) writes them out and empties it; when it returns
     * false, out->oom is set and the rest is not written. */
    bool (*flush)(void *ctx, tnd_buf *out);
    void *flush_ctx;
    size_t chunk;
};

/* Length (1-4) of the valid UTF-8 sequence at s, or 0 when s does not start one. */
size_t tnd_utf8_len(const unsigned char *s);

/* Appends s as a JSON string literal. */
void tnd_json_string(tnd_buf *out, const char *s);
/* Starts a member (key) or an array element (key NULL): separator, newline, indentation. */
void tnd_json_start(tnd_json *w, const char *key);
/* Opens '{' or '[' as a member (key) or element (NULL). */
void tnd_json_open(tnd_json *w, const char *key, char bracket);
/* Closes the innermost object or array ('}' or ']'); an empty one stays on one line. */
void tnd_json_close(tnd_json *w, char bracket);
void tnd_json_str(tnd_json *w, const char *key, const char *s);
/* A string member that is null when empty: "no value" is not the same as "". */
void tnd_json_str_or_null(tnd_json *w, const char *key, const char *s);
void tnd_json_int(tnd_json *w, const char *key, long long v);
/* An integer member that is null when v is 0 ("none"). */
void tnd_json_int_or_null(tnd_json *w, const char *key, long long v);
void tnd_json_bool(tnd_json *w, const char *key, bool v);
/* "PLAN REQUIRED" -> "PLAN_REQUIRED" into buf: the machine form of a verdict or status name. */
const char *tnd_json_machine_name(const char *name, char *buf, size_t size);

#endif
