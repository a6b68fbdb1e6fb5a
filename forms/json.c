/* json.c - the JSON writer shared by every --json output (see json.h). */
#include "forms/json.h"

#include "tender/base/textsafe.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define REPLACEMENT_CHAR "\xEF\xBF\xBD" /* U+FFFD */

/*
 * Length (1-4) of the valid UTF-8 sequence that starts at s, or 0 when s does not start one:
 * a stray continuation byte, an overlong form, a surrogate, or a sequence cut off (the NUL
 * terminator is not a continuation byte, so a cut sequence is caught here too).
 */
size_t tnd_utf8_len(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* n spaces of indentation, a piece at a time (not a call per space: issue 9). */
static void put_spaces(tnd_buf *out, int n)
{
    static const char spaces[] = "                                ";
    while (n > 0) {
        int k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
        tnd_buf_append(out, spaces, (size_t)k);
        n -= k;
    }
}

/* v in decimal, as "%lld" writes it, without a format per number (issue 9). */
static void put_int(tnd_buf *out, long long v)
{
    char digits[24];
    size_t at = sizeof digits;
    /* the magnitude as unsigned: -LLONG_MIN does not fit in a long long */
    unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        digits[--at] = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (v < 0)
        digits[--at] = '-';
    tnd_buf_append(out, digits + at, sizeof digits - at);
}


/* Appends s as a JSON string (RFC 8259): quotes and backslashes escaped, \b \f \n \r \t and
 * other control characters below U+0020 as \u00XX, bidi controls as \u202e (tender/base/textsafe.h),
 * UTF-8 kept, invalid bytes as U+FFFD. */
void tnd_json_string(tnd_buf *out, const char *s)
{
    tnd_buf_append(out, "\"", 1);
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        /* a run of printable ASCII that needs no escape goes in as one piece (issue 9) */
        const unsigned char *run = p;
        while (*p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
            p++;
        if (p > run)
            tnd_buf_append(out, (const char *)run, (size_t)(p - run));
        if (!*p)
            break;
        size_t n = tnd_utf8_len(p);
        if (n == 0) {
            tnd_buf_puts(out, REPLACEMENT_CHAR);
            p++;
            continue;
        }
        switch (*p) {
        case '"': tnd_buf_puts(out, "\\\""); break;
        case '\\': tnd_buf_puts(out, "\\\\"); break;
        case '\b': tnd_buf_puts(out, "\\b"); break;
        case '\f': tnd_buf_puts(out, "\\f"); break;
        case '\n': tnd_buf_puts(out, "\\n"); break;
        case '\r': tnd_buf_puts(out, "\\r"); break;
        case '\t': tnd_buf_puts(out, "\\t"); break;
        default: {
            size_t bn;
            uint32_t bidi = tnd_bidi_control(p, &bn);
            if (*p < 0x20)
                tnd_buf_printf(out, "\\u%04x", *p);
            else if (bidi) /* the same text, but a terminal showing the JSON does not obey it */
                tnd_buf_printf(out, "\\u%04x", (unsigned)bidi);
            else
                tnd_buf_append(out, (const char *)p, n);
        }
        }
        p += n;
    }
    tnd_buf_append(out, "\"", 1);
}

/* Starts a member (key) or an array element (key NULL): separator, newline, indentation. */
void tnd_json_start(tnd_json *w, const char *key)
{
    if (w->flush && w->out->len >= w->chunk && !w->out->oom && !w->flush(w->flush_ctx, w->out))
        w->out->oom = true;
    if (w->depth > 0) {
        if (w->has_member[w->depth])
            tnd_buf_append(w->out, ",", 1);
        tnd_buf_append(w->out, "\n", 1);
        put_spaces(w->out, 2 * w->depth);
        w->has_member[w->depth] = true;
    }
    if (key) {
        tnd_json_string(w->out, key);
        tnd_buf_append(w->out, ": ", 2);
    }
}

void tnd_json_open(tnd_json *w, const char *key, char bracket)
{
    tnd_json_start(w, key);
    tnd_buf_append(w->out, &bracket, 1);
    if (w->depth + 1 < TND_JSON_MAX_DEPTH)
        w->depth++;
    w->has_member[w->depth] = false;
}

/* Closes the innermost object or array; an empty one stays on one line ("[]"). */
void tnd_json_close(tnd_json *w, char bracket)
{
    bool had = w->has_member[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (had) {
        tnd_buf_append(w->out, "\n", 1);
        put_spaces(w->out, 2 * w->depth);
    }
    tnd_buf_append(w->out, &bracket, 1);
}

void tnd_json_str(tnd_json *w, const char *key, const char *s)
{
    tnd_json_start(w, key);
    tnd_json_string(w->out, s);
}

/* A string member that is null when empty: "no value" is not the same as a value "". */
void tnd_json_str_or_null(tnd_json *w, const char *key, const char *s)
{
    tnd_json_start(w, key);
    if (s && s[0])
        tnd_json_string(w->out, s);
    else
        tnd_buf_puts(w->out, "null");
}

void tnd_json_int(tnd_json *w, const char *key, long long v)
{
    tnd_json_start(w, key);
    put_int(w->out, v);
}

/* An integer member that is null when v is 0 ("none"). */
void tnd_json_int_or_null(tnd_json *w, const char *key, long long v)
{
    tnd_json_start(w, key);
    if (v)
        put_int(w->out, v);
    else
        tnd_buf_puts(w->out, "null");
}

void tnd_json_bool(tnd_json *w, const char *key, bool v)
{
    tnd_json_start(w, key);
    tnd_buf_puts(w->out, v ? "true" : "false");
}

/* "PLAN REQUIRED" -> "PLAN_REQUIRED": the machine form of a verdict or status name. */
const char *tnd_json_machine_name(const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s", name);
    for (char *p = buf; *p; p++)
        if (*p == ' ')
            *p = '_';
    return buf;
}

