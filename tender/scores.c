/*
 * scores.c - reading the committee's scores and the bid prices from CSV (see scores.h; format:
 * docs/scores-format.md).
 *
 * Two layers:
 *   1. the CSV layer (csv_*): bytes to records. UTF-8 with an optional BOM, CRLF or LF, the
 *      separator ';' or ',' taken from the header line, RFC 4180 double quotes within one line,
 *      empty lines, '#' comment lines and rows of only empty fields (";;;;;", as Excel writes
 *      them) skipped; bounded file size, line length and field count;
 *   2. the tables (scores, prices): a header naming every column once (any case, any order),
 *      then each row checked against the tender definition, field by field in a fixed order
 *      (perceel first: the criteria depend on it), and finally the checks across rows
 *      (duplicates, a round 2 that no revision allowed).
 * Every refusal names file, line and (for one field) the column, and its hint is a correct line
 * in the file's own column order and separator, built from the row's fields that were correct.
 * Layer 2 also takes rows that come from elsewhere (scores_rows.h: the committee workbook,
 * tender/scores_xlsx.c), so a score is judged by one set of checks whatever file it came in.
 */
#include "tender/scores.h"
#include "tender/scores_rows.h"

#include "tender/base/readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tender/form_cells.h"
#include "tender/notation.h"
#include "tender/scores_xlsx.h"
#include "tender/base/textsafe.h"

#define CSV_MAX_FIELDS 16          /* fields stored per record; more are only counted */
#define MAX_COLS 6                 /* columns of the widest table (scores) */
#define EXAMPLE_KVK "12345678"
#define HINT_QUOTES                                                                            \
    "zet een veld dat het scheidingsteken of een aanhalingsteken bevat tussen dubbele "        \
    "aanhalingstekens en schrijf een aanhalingsteken daarbinnen dubbel: \"a\"\"b\""

/* ------------------------------------------------------------------------------------------ */
/* Reading the bytes                                                                           */

static tnd_status too_large(const char *file, size_t len, tnd_error *err)
{
    return tnd_error_set(err, TND_ERR_TOO_LARGE, file, 0,
                         "een scorebestand is veel kleiner; controleer of het juiste bestand "
                         "is gekozen",
                         "het bestand is groter dan %ld MiB (%zu bytes)",
                         TND_SCORES_MAX_BYTES / (1024 * 1024), len);
}

/* Reads a whole scores file; an oversized one gets the scores file's own message. */
static tnd_status read_bounded(const char *path, char **out, size_t *out_len, tnd_error *err)
{
    tnd_status rc = tnd_read_file_bounded(path, (size_t)TND_SCORES_MAX_BYTES, out, out_len, err);
    if (rc == TND_ERR_TOO_LARGE)
        return too_large(path, *out_len, err);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Text helpers                                                                                */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if invalid. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t need;
    unsigned min;
    unsigned cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        cp = c & 0x1Fu;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        cp = c & 0x0Fu;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        cp = c & 0x07u;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < need)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return need;
}

/* Offset of the first byte that is not valid UTF-8, or len when all of it is. */
static size_t utf8_invalid_at(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        size_t step = utf8_sequence(s + i, len - i);
        if (step == 0)
            return i;
        i += step;
    }
    return len;
}

/* Whole number: optional '-', 1 to 9 digits, nothing else. */
static bool parse_int(const char *s, int *out)
{
    bool negative = *s == '-';
    if (negative)
        s++;
    size_t n = strlen(s);
    if (n == 0 || n > 9 || strspn(s, "0123456789") != n)
        return false;
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    *out = negative ? -v : v;
    return true;
}

/*
 * A score on the integer scale: a whole number, or one written with only zero decimals ("8,0" as
 * Dutch Excel writes an 8 formatted with one decimal, "8.0", "8,00"): the same number, so it is
 * an 8 (issue 10 §4). "8,5" is not a whole number and stays refused.
 */
static bool parse_score(const char *s, int *out)
{
    const char *mark = strpbrk(s, ",.");
    if (!mark)
        return parse_int(s, out);
    size_t whole = (size_t)(mark - s);
    const char *frac = mark + 1;
    if (whole == 0 || whole > 9 || !*frac || strspn(frac, "0") != strlen(frac))
        return false;
    char digits[10];
    memcpy(digits, s, whole);
    digits[whole] = '\0';
    return parse_int(digits, out);
}

/* snprintf(dst, size, "%s", src) (size > 0) without the formatting machinery: a row of a scores
 * file copies five fields, and 160,000 rows spent 0.1 s in snprintf (issue 9). */
static void copy_text(char *dst, size_t size, const char *src)
{
    size_t n = strnlen(src, size - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Appends text to buf (of size `size`, NUL-terminated) and returns the new length. */
static size_t append(char *buf, size_t size, size_t at, const char *text)
{
    if (at >= size)
        return at;
    int n = snprintf(buf + at, size - at, "%s", text);
    return n < 0 ? at : at + (size_t)n;
}

/* "a, b, c en d": joins items into buf. */
static void join_dutch(char *buf, size_t size, const char *const *items, size_t n)
{
    size_t at = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            at = append(buf, size, at, i + 1 == n ? " en " : ", ");
        at = append(buf, size, at, items[i]);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* The CSV layer                                                                               */

typedef struct {
    const char *file;
    tnd_error *err;
    const char *p, *end;           /* bytes not read yet */
    long line;                     /* line of the current record (1-based) */
    char sep;                      /* ';' or ',', from the header line; 0 before it */
    /* the current record: unquoted, trimmed fields, each NUL-terminated inside text */
    char text[2 * (TND_SCORES_MAX_LINE + 1)];
    const char *field[CSV_MAX_FIELDS];
    int n_fields;
} csv;

static tnd_status csv_refuse(csv *c, int column, const char *hint, const char *message)
{
    tnd_error_set(c->err, TND_ERR_VALUE, c->file, c->line, hint, "%s", message);
    if (column > 0 && c->err)
        snprintf(c->err->where, sizeof c->err->where, "kolom %d", column);
    return TND_ERR_VALUE;
}

/* Checks the bytes as a whole (size, encoding) and skips a UTF-8 byte order mark. */
static tnd_status csv_begin(csv *c, const char *buf, size_t len, const char *file,
                            tnd_error *err)
{
    memset(c, 0, sizeof *c);
    c->file = file;
    c->err = err;
    if (len > (size_t)TND_SCORES_MAX_BYTES)
        return too_large(file, len, err);
    if (!buf)
        len = 0;
    const unsigned char *u = (const unsigned char *)buf;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return tnd_error_set(err, TND_ERR_VALUE, file, 1,
                             "sla het bestand op als \"CSV UTF-8\" (in Excel: Opslaan als, "
                             "CSV UTF-8 (door komma's gescheiden))",
                             "het bestand is UTF-16; verwacht UTF-8");
    const char *nul = len ? memchr(buf, '\0', len) : NULL;
    if (nul) {
        long line = 1;
        for (const char *q = buf; q < nul; q++)
            line += *q == '\n';
        return tnd_error_set(err, TND_ERR_VALUE, file, line,
                             "sla het bestand op als \"CSV UTF-8\"; UTF-16 en binaire "
                             "bestanden worden niet gelezen",
                             "het bestand bevat een NUL-byte (geen tekstbestand)");
    }
    c->p = buf;
    c->end = buf + len;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        c->p += 3;
    /* A bid (XML) given where the scores belong: say so, instead of a CSV quoting error on
     * line 1 (issue 10 §4). */
    const char *first = c->p;
    while (first < c->end && (*first == ' ' || *first == '\t' || *first == '\r' || *first == '\n'))
        first++;
    if (first < c->end && *first == '<') {
        bool bid = false;
        for (const char *q = first; !bid && q + 4 <= c->end; q++)
            bid = memcmp(q, "<bid", 4) == 0;
        return tnd_error_set(err, TND_ERR_VALUE, file, 1,
                             "geef bij --scores het scorebestand van de commissie (CSV, "
                             "docs/scores-format.md) of de commissiewerkmap (.xlsx); "
                             "inschrijvingen horen bij --bids",
                             "dit is een XML-bestand%s, geen scorebestand",
                             bid ? " (een inschrijving)" : "");
    }
    /* Line ends of only CR (classic Mac OS, some exports): the whole file would read as one
     * line. Refused with that explanation rather than "line too long". */
    if (!memchr(c->p, '\n', (size_t)(c->end - c->p)) && memchr(c->p, '\r', (size_t)(c->end - c->p)))
        return tnd_error_set(err, TND_ERR_VALUE, file, 1,
                             "sla het bestand op als \"CSV UTF-8\" (Excel: Opslaan als, CSV UTF-8); "
                             "dat schrijft regeleinden CRLF",
                             "de regels eindigen alleen op CR (regeleinde van het oude Mac OS), "
                             "niet op LF of CRLF");
    return TND_OK;
}

/* The header line decides the separator: ';' (Dutch Excel) unless only ',' occurs. */
static char csv_detect_separator(const char *s, size_t len)
{
    size_t semicolons = 0, commas = 0;
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted && s[i] == ';')
            semicolons++;
        else if (!quoted && s[i] == ',')
            commas++;
    }
    return (commas > 0 && semicolons == 0) ? ',' : ';';
}

/* Removes blanks at both ends of the field that starts at `field` and ends before *out. */
static void trim_field(char *field, char **out)
{
    char *end = *out;
    while (end > field && is_blank(end[-1]))
        end--;
    char *start = field;
    while (start < end && is_blank(*start))
        start++;
    if (start > field)
        memmove(field, start, (size_t)(end - start));
    *out = field + (end - start);
}

/* Splits one line (without its line break) into the record's fields. */
static tnd_status csv_split(csv *c, const char *s, size_t len)
{
    char *out = c->text;
    size_t i = 0;
    c->n_fields = 0;
    for (;;) {
        int column = c->n_fields + 1;
        char *field = out;
        while (i < len && is_blank(s[i]))
            i++;
        if (i < len && s[i] == '"') {
            i++;
            for (;;) {
                if (i >= len)
                    return csv_refuse(c, column, HINT_QUOTES,
                                      "het aanhalingsteken aan het begin van het veld wordt "
                                      "niet gesloten (een veld loopt nooit over meer regels)");
                if (s[i] == '"' && i + 1 < len && s[i + 1] == '"') {
                    *out++ = '"';
                    i += 2;
                } else if (s[i] == '"') {
                    i++;
                    break;
                } else {
                    *out++ = s[i++];
                }
            }
            while (i < len && is_blank(s[i]))
                i++;
            if (i < len && s[i] != c->sep)
                return csv_refuse(c, column, HINT_QUOTES,
                                  "tekst na het sluitende aanhalingsteken van het veld");
        } else {
            while (i < len && s[i] != c->sep) {
                if (s[i] == '"')
                    return csv_refuse(c, column, HINT_QUOTES,
                                      "een aanhalingsteken midden in een veld zonder "
                                      "aanhalingstekens");
                *out++ = s[i++];
            }
        }
        trim_field(field, &out);
        *out++ = '\0';
        if (c->n_fields < CSV_MAX_FIELDS)
            c->field[c->n_fields] = field;
        c->n_fields++;
        if (i >= len)
            return TND_OK;
        i++; /* the separator */
    }
}

static bool csv_all_empty(const csv *c)
{
    int n = c->n_fields < CSV_MAX_FIELDS ? c->n_fields : CSV_MAX_FIELDS;
    for (int i = 0; i < n; i++)
        if (c->field[i][0])
            return false;
    return c->n_fields <= CSV_MAX_FIELDS;
}

/*
 * Reads the next record that counts: skips empty and blank lines, lines whose first non-blank
 * character is '#', and records whose fields are all empty. *got is false at the end.
 */
static tnd_status csv_next(csv *c, bool *got)
{
    *got = false;
    while (c->p < c->end) {
        const char *start = c->p;
        const char *nl = memchr(start, '\n', (size_t)(c->end - start));
        const char *stop = nl ? nl : c->end;
        c->p = nl ? nl + 1 : c->end;
        c->line++;
        size_t len = (size_t)(stop - start);
        if (len > 0 && start[len - 1] == '\r')
            len--;
        if (len > TND_SCORES_MAX_LINE)
            return tnd_error_set(c->err, TND_ERR_TOO_LARGE, c->file, c->line,
                                 "een regel van het scorebestand is kort; controleer of het "
                                 "juiste bestand is gekozen",
                                 "de regel is langer dan %d bytes (%zu)", TND_SCORES_MAX_LINE,
                                 len);
        size_t bad = utf8_invalid_at(start, len);
        if (bad < len)
            return tnd_error_set(c->err, TND_ERR_VALUE, c->file, c->line,
                                 "sla het bestand op als \"CSV UTF-8\" (Excel: Opslaan als, CSV "
                                 "UTF-8); andere tekensets worden niet gelezen",
                                 "geen geldige UTF-8-tekst (byte %zu van de regel)", bad + 1);
        size_t first = 0;
        while (first < len && is_blank(start[first]))
            first++;
        if (first == len || start[first] == '#')
            continue;
        if (!c->sep)
            c->sep = csv_detect_separator(start, len);
        TND_TRY(csv_split(c, start, len));
        if (csv_all_empty(c))
            continue;
        *got = true;
        return TND_OK;
    }
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Tables: header, fields, example lines                                                       */

typedef struct {
    csv c;
    const char *const *names;      /* column names in logical order */
    int n_cols;
    int col[MAX_COLS];             /* position in the file (0-based) of each logical column */
    const char *defaults[MAX_COLS];/* a correct value per logical column, for hints */
    const char *example[MAX_COLS]; /* the same, with the current row's correct values */
    char own[MAX_COLS][48];        /* copies of the row's correct values */
    int refused;                   /* logical column of the last refusal, -1 if none */
} table;

/* The row's field i is correct: hints use it from now on. */
static void keep_example(table *t, int i, const char *value)
{
    copy_text(t->own[i], sizeof t->own[i], value);
    t->example[i] = t->own[i];
}

/* "perceel;criterium;...": the expected header with separator sep into buf. */
static void header_line(const table *t, char sep, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (int i = 0; i < t->n_cols; i++) {
        char s[2] = { sep, '\0' };
        if (i > 0)
            at = append(buf, size, at, s);
        at = append(buf, size, at, t->names[i]);
    }
}

/* A correct line in the file's column order and separator, from t->example. */
static void example_line(const table *t, char *buf, size_t size)
{
    size_t at = 0;
    char sep[2] = { t->c.sep ? t->c.sep : ';', '\0' };
    buf[0] = '\0';
    for (int pos = 0; pos < t->n_cols; pos++) {
        const char *value = "";
        for (int i = 0; i < t->n_cols; i++)
            if (t->col[i] == pos)
                value = t->example[i];
        if (pos > 0)
            at = append(buf, size, at, sep);
        bool quote = strchr(value, sep[0]) || strchr(value, '"');
        if (quote)
            at = append(buf, size, at, "\"");
        for (const char *v = value; *v; v++)
            at = append(buf, size, at, *v == '"' ? "\"\"" : (char[2]){ *v, '\0' });
        if (quote)
            at = append(buf, size, at, "\"");
    }
}

/* The value of logical column i in the current record. */
static const char *cell(const table *t, int i)
{
    return t->c.field[t->col[i]];
}

/*
 * Refuses the current record because of logical column i: message at the record's line,
 * where = "kolom N (name)", hint = a correct line built from t->example.
 */
__attribute__((format(printf, 4, 5))) static tnd_status
refuse_cell(table *t, int i, tnd_status code, const char *fmt, ...)
{
    char message[400], example[TND_SCORES_MAX_LINE / 4];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    example_line(t, example, sizeof example);
    t->refused = i;
    tnd_error_set(t->c.err, code, t->c.file, t->c.line, NULL, "%s", message);
    tnd_error_hint(t->c.err, "een juiste regel is bijvoorbeeld: %s", example);
    if (t->c.err)
        snprintf(t->c.err->where, sizeof t->c.err->where, "kolom %d (%s)", t->col[i] + 1,
                 t->names[i]);
    return code;
}

/* Reads the header: every name of t->names exactly once, any case, any order. */
static tnd_status read_header(table *t)
{
    csv *c = &t->c;
    char expected[128], hint[256];
    bool got;
    TND_TRY(csv_next(c, &got));
    header_line(t, c->sep ? c->sep : ';', expected, sizeof expected);
    snprintf(hint, sizeof hint,
             "begin het bestand met de kopregel %s (scheidingsteken ';' of ',')", expected);
    if (!got)
        return tnd_error_set(c->err, TND_ERR_VALUE, c->file, 0, hint,
                             "het bestand is leeg: er is geen kopregel");
    if (c->n_fields != t->n_cols)
        return tnd_error_set(c->err, TND_ERR_VALUE, c->file, c->line, hint,
                             "de kopregel heeft %d kolom%s; verwacht %d: %s", c->n_fields,
                             c->n_fields == 1 ? "" : "men", t->n_cols, expected);
    for (int i = 0; i < t->n_cols; i++)
        t->col[i] = -1;
    for (int pos = 0; pos < c->n_fields; pos++) {
        int found = -1;
        for (int i = 0; i < t->n_cols && found < 0; i++)
            if (strcasecmp(c->field[pos], t->names[i]) == 0)
                found = i;
        char name[TND_QUOTE_SIZE];
        tnd_text_quote(name, c->field[pos]);
        if (found < 0)
            tnd_error_set(c->err, TND_ERR_VALUE, c->file, c->line, hint,
                          "onbekende kolom \"%s\" in de kopregel; verwacht de kolommen %s", name,
                          expected);
        else if (t->col[found] >= 0)
            tnd_error_set(c->err, TND_ERR_VALUE, c->file, c->line, hint,
                          "kolom \"%s\" staat twee keer in de kopregel (kolom %d en %d)", name,
                          t->col[found] + 1, pos + 1);
        if (found < 0 || t->col[found] >= 0) {
            if (c->err)
                snprintf(c->err->where, sizeof c->err->where, "kolom %d", pos + 1);
            return TND_ERR_VALUE;
        }
        t->col[found] = pos;
    }
    return TND_OK;
}

/* Reads the next data row; checks that it has exactly t->n_cols fields. */
static tnd_status read_row(table *t, bool *got)
{
    for (int i = 0; i < t->n_cols; i++)
        t->example[i] = t->defaults[i];
    TND_TRY(csv_next(&t->c, got));
    if (*got && t->c.n_fields != t->n_cols) {
        char example[TND_SCORES_MAX_LINE / 4];
        example_line(t, example, sizeof example);
        tnd_error_set(t->c.err, TND_ERR_VALUE, t->c.file, t->c.line, NULL,
                      "de regel heeft %d veld%s; verwacht %d, zoals de kopregel", t->c.n_fields,
                      t->c.n_fields == 1 ? "" : "en", t->n_cols);
        if (t->c.n_fields > t->n_cols)
            tnd_error_hint(t->c.err, "een juiste regel is bijvoorbeeld: %s; een waarde met '%c' "
                           "erin staat tussen dubbele aanhalingstekens", example, t->c.sep);
        else
            tnd_error_hint(t->c.err, "een juiste regel is bijvoorbeeld: %s", example);
        return TND_ERR_VALUE;
    }
    return TND_OK;
}

static tnd_status too_many_rows(const csv *c)
{
    return tnd_error_set(c->err, TND_ERR_TOO_LARGE, c->file, c->line,
                         "splits het bestand of controleer of het juiste bestand is gekozen",
                         "meer dan %ld regels met gegevens", TND_SCORES_MAX_ROWS);
}

/* Reads the header, then hands every data row (at most TND_SCORES_MAX_ROWS) to each(reader). */
static tnd_status read_rows(table *t, tnd_status (*each)(void *reader), void *reader)
{
    TND_TRY(read_header(t));
    for (size_t rows = 0;; rows++) {
        bool got;
        TND_TRY(read_row(t, &got));
        if (!got)
            return TND_OK;
        if (rows >= (size_t)TND_SCORES_MAX_ROWS)
            return too_many_rows(&t->c);
        TND_TRY(each(reader));
    }
}

/* Room for element n of array (of *cap elements of `size` bytes): the array, grown if needed,
 * or NULL when out of memory (the old array is still valid then). */
static void *grow(void *array, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return array;
    size_t next = *cap ? *cap * 2 : 64;
    void *grown = realloc(array, next * size);
    if (grown)
        *cap = next;
    return grown;
}

/* ------------------------------------------------------------------------------------------ */
/* Fields shared by both tables                                                                */

/* Lots that take scores: their award has criteria (not lots 6, 7, 8: §6.1 L1702-1704). */
static bool lot_has_criteria(const tnd_award_lot *a)
{
    return a && a->n_criteria > 0;
}

/* Lots that take prices: their award has a price formula. */
static bool lot_has_price(const tnd_award_lot *a)
{
    return a && a->price.kind != TND_PRICE_NONE;
}

/* "1, 2, 3, 4, 5 en 9": the lots whose award passes `accept`. */
static void lots_list(const tnd_definition *def, bool (*accept)(const tnd_award_lot *),
                      char *buf, size_t size)
{
    char numbers[32][8];
    const char *items[32];
    size_t n = 0;
    for (size_t i = 0; i < def->n_awards && n < TND_COUNTOF(items); i++) {
        if (accept(&def->awards[i])) {
            snprintf(numbers[n], sizeof numbers[n], "%d", def->awards[i].lot);
            items[n] = numbers[n];
            n++;
        }
    }
    if (n == 0)
        snprintf(buf, size, "geen");
    else
        join_dutch(buf, size, items, n);
}

/* The lot of logical column i: the number of a lot of the definition whose award passes
 * `accept`; `missing` says why a lot that exists does not. */
static tnd_status read_lot(table *t, int i, const tnd_definition *def,
                           bool (*accept)(const tnd_award_lot *), const char *missing,
                           const tnd_award_lot **out)
{
    const char *text = cell(t, i);
    /* The quoted text and the list of lots only for a refusal: every row of a scores file comes
     * through here (issue 9). */
    char s[TND_QUOTE_SIZE], lots[160];
    int lot;
    if (!text[0])
        return refuse_cell(t, i, TND_ERR_VALUE, "perceel ontbreekt");
    if (!parse_int(text, &lot)) {
        tnd_text_quote(s, text);
        return refuse_cell(t, i, TND_ERR_VALUE,
                           "perceel \"%s\" is geen perceelnummer (een getal, zoals 3)", s);
    }
    if (!tnd_definition_lot(def, lot)) {
        lots_list(def, accept, lots, sizeof lots);
        return refuse_cell(t, i, TND_ERR_REFERENCE,
                           "perceel %d bestaat niet in de aanbesteding; mogelijk: %s", lot,
                           lots);
    }
    const tnd_award_lot *a = tnd_definition_award(def, lot);
    if (!accept(a)) {
        lots_list(def, accept, lots, sizeof lots);
        return refuse_cell(t, i, TND_ERR_REFERENCE, "perceel %d %s; mogelijk: %s", lot,
                           missing, lots);
    }
    *out = a;
    char number[16];
    snprintf(number, sizeof number, "%d", lot);
    keep_example(t, i, number);
    return TND_OK;
}

static tnd_status read_bidder(table *t, int i, const tnd_notation *nt, char kvk[9])
{
    const char *text = cell(t, i);
    char s[TND_QUOTE_SIZE], why[200];
    if (!text[0])
        return refuse_cell(t, i, TND_ERR_VALUE, "inschrijver (KvK-nummer) ontbreekt");
    if (!tnd_parse_kvk(nt, text, kvk, why, sizeof why)) {
        tnd_text_quote(s, text);
        return refuse_cell(t, i, TND_ERR_VALUE, "inschrijver \"%s\": %s", s, why);
    }
    keep_example(t, i, kvk);
    return TND_OK;
}

/* Finds the first award lot that passes `accept`, for example lines. */
static const tnd_award_lot *first_lot(const tnd_definition *def,
                                      bool (*accept)(const tnd_award_lot *))
{
    for (size_t i = 0; i < def->n_awards; i++)
        if (accept(&def->awards[i]))
            return &def->awards[i];
    return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* The scores table                                                                            */

enum { S_LOT, S_CRITERION, S_BIDDER, S_ROUND, S_MEMBER, S_SCORE, S_COLS };

static const char *const SCORE_COLUMNS[S_COLS] = {
    "perceel", "criterium", "inschrijver", "ronde", "beoordelaar", "score",
};

typedef struct {
    table t;
    const tnd_definition *def;
    tnd_notation *nt;
    char lot_text[16], score_text[16]; /* defaults for hints */
    tnd_scores *out;
    size_t cap;                        /* allocated elements of out->items */
} scores_reader;

static bool criterion_is_leaf(const tnd_award_lot *a, int index)
{
    for (int j = 0; j < a->n_criteria; j++)
        if (a->criteria[j].parent == index)
            return false;
    return true;
}

static int first_leaf(const tnd_award_lot *a)
{
    for (int i = 0; i < a->n_criteria; i++)
        if (criterion_is_leaf(a, i))
            return i;
    return -1;
}

/* The criterion of a lot by id (any case), -1 if none. */
static int criterion_index(const tnd_award_lot *a, const char *id)
{
    for (int i = 0; i < a->n_criteria; i++)
        if (strcasecmp(a->criteria[i].id, id) == 0)
            return i;
    return -1;
}

/* "normaliseren, A, B, C en D": the criteria of a lot that take scores (the leaves). */
static void leaves_list(const tnd_award_lot *a, char *buf, size_t size)
{
    const char *items[TND_MAX_CRITERIA];
    size_t n = 0;
    for (int i = 0; i < a->n_criteria && n < TND_COUNTOF(items); i++)
        if (criterion_is_leaf(a, i))
            items[n++] = a->criteria[i].id;
    join_dutch(buf, size, items, n);
}

/* "A, B, C en D": the children of criterion `parent`. */
static void children_list(const tnd_award_lot *a, int parent, char *buf, size_t size)
{
    const char *items[TND_MAX_CRITERIA];
    size_t n = 0;
    for (int i = 0; i < a->n_criteria && n < TND_COUNTOF(items); i++)
        if (a->criteria[i].parent == parent)
            items[n++] = a->criteria[i].id;
    join_dutch(buf, size, items, n);
}

/* "0, 2, 4, 6, 8 en 10" */
static void scale_list(const tnd_score_scale *s, char *buf, size_t size)
{
    char numbers[TND_MAX_SCALE_VALUES][8];
    const char *items[TND_MAX_SCALE_VALUES];
    size_t n = 0;
    for (int i = 0; i < s->n_values && i < (int)TND_COUNTOF(items); i++) {
        snprintf(numbers[n], sizeof numbers[n], "%d", s->values[i]);
        items[n] = numbers[n];
        n++;
    }
    join_dutch(buf, size, items, n);
}

static bool on_scale(const tnd_score_scale *s, int score)
{
    for (int i = 0; i < s->n_values && i < (int)TND_COUNTOF(s->values); i++)
        if (s->values[i] == score)
            return true;
    return false;
}

/* A round 2 exists only for a criterion with a minimum and at least one revision (§6.1.1). */
static bool criterion_has_revision(const tnd_criterion *cr)
{
    return cr->has_minimum && cr->revisions >= 1;
}

static tnd_status read_criterion(scores_reader *r, const tnd_award_lot *a, tnd_score *row,
                                 int *index)
{
    table *t = &r->t;
    const char *text = cell(t, S_CRITERION);
    char s[TND_QUOTE_SIZE], list[200];
    t->example[S_CRITERION] = a->criteria[first_leaf(a) >= 0 ? first_leaf(a) : 0].id;
    if (!text[0]) {
        leaves_list(a, list, sizeof list);
        return refuse_cell(t, S_CRITERION, TND_ERR_VALUE,
                           "criterium ontbreekt; perceel %d kent %s", a->lot, list);
    }
    int i = criterion_index(a, text);
    if (i < 0) {
        tnd_text_quote(s, text);
        leaves_list(a, list, sizeof list);
        return refuse_cell(t, S_CRITERION, TND_ERR_REFERENCE,
                           "perceel %d kent geen criterium \"%s\"; wel: %s", a->lot, s, list);
    }
    if (!criterion_is_leaf(a, i)) {
        char children[160];
        children_list(a, i, children, sizeof children);
        return refuse_cell(t, S_CRITERION, TND_ERR_REFERENCE,
                           "criterium %s van perceel %d is opgebouwd uit de deelcriteria %s "
                           "en krijgt zelf geen score; geef de scores per deelcriterium",
                           a->criteria[i].id, a->lot, children);
    }
    copy_text(row->criterion, sizeof row->criterion, a->criteria[i].id);
    keep_example(t, S_CRITERION, a->criteria[i].id);
    *index = i;
    return TND_OK;
}

static tnd_status read_round(scores_reader *r, const tnd_award_lot *a, int crit, tnd_score *row)
{
    table *t = &r->t;
    const char *text = cell(t, S_ROUND);
    const tnd_criterion *cr = &a->criteria[crit];
    char s[TND_QUOTE_SIZE];
    if (!text[0])
        return refuse_cell(t, S_ROUND, TND_ERR_VALUE,
                           "ronde ontbreekt (1 = eerste beoordeling, 2 = na de herkansing)");
    if (!parse_int(text, &row->round)) {
        tnd_text_quote(s, text);
        return refuse_cell(t, S_ROUND, TND_ERR_VALUE,
                           "ronde \"%s\" is geen getal; 1 = eerste beoordeling, 2 = na de "
                           "herkansing", s);
    }
    if (row->round != 1 && row->round != 2)
        return refuse_cell(t, S_ROUND, TND_ERR_RANGE,
                           "ronde %d bestaat niet; 1 = eerste beoordeling, 2 = na de "
                           "herkansing", row->round);
    if (row->round == 2 && !criterion_has_revision(cr))
        return refuse_cell(t, S_ROUND, TND_ERR_REFERENCE,
                           "criterium %s van perceel %d kent geen herkansing (%s): alleen "
                           "ronde 1", cr->id, a->lot, cr->source);
    keep_example(t, S_ROUND, row->round == 1 ? "1" : "2");
    return TND_OK;
}

static bool member_id_valid(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > TND_SCORES_MEMBER_MAX)
        return false;
    return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == n;
}

static tnd_status read_member(scores_reader *r, tnd_score *row)
{
    table *t = &r->t;
    const char *text = cell(t, S_MEMBER);
    char s[TND_QUOTE_SIZE];
    if (!text[0])
        return refuse_cell(t, S_MEMBER, TND_ERR_VALUE,
                           "beoordelaar ontbreekt: de code van een commissielid of "
                           "\"" TND_CONSENSUS "\"");
    if (strcasecmp(text, TND_CONSENSUS) == 0) {
        copy_text(row->member, sizeof row->member, TND_CONSENSUS);
    } else if (member_id_valid(text)) {
        copy_text(row->member, sizeof row->member, text);
    } else {
        tnd_text_quote(s, text);
        return refuse_cell(t, S_MEMBER, TND_ERR_VALUE,
                           "beoordelaar \"%s\": een code van hoogstens %d letters, cijfers, "
                           "'-' of '_' (zoals lid-1), of \"" TND_CONSENSUS "\"",
                           s, TND_SCORES_MEMBER_MAX);
    }
    keep_example(t, S_MEMBER, row->member);
    return TND_OK;
}

static tnd_status read_score(scores_reader *r, tnd_score *row)
{
    table *t = &r->t;
    const tnd_score_scale *scale = &r->def->score_scale;
    const char *text = cell(t, S_SCORE);
    char s[TND_QUOTE_SIZE], list[96];
    if (text[0] && parse_score(text, &row->score) && on_scale(scale, row->score))
        return TND_OK;
    scale_list(scale, list, sizeof list); /* the refusals: only now the list */
    if (!text[0])
        return refuse_cell(t, S_SCORE, TND_ERR_VALUE,
                           "score ontbreekt; toegestaan zijn %s (%s)", list, scale->source);
    if (!parse_score(text, &row->score)) {
        tnd_text_quote(s, text);
        return refuse_cell(t, S_SCORE, TND_ERR_VALUE,
                           "score \"%s\" is geen geheel getal; toegestaan zijn %s (%s)", s, list,
                           scale->source);
    }
    return refuse_cell(t, S_SCORE, TND_ERR_RANGE,
                       "score %d staat niet op de scoreschaal; toegestaan zijn %s (%s)",
                       row->score, list, scale->source);
}

/* Checks one data row against the definition, field by field, into *row. */
static tnd_status read_score_row(scores_reader *r, tnd_score *row)
{
    table *t = &r->t;
    memset(row, 0, sizeof *row);
    row->line = t->c.line;
    const tnd_award_lot *a = NULL;
    int crit = -1;
    TND_TRY(read_lot(t, S_LOT, r->def, lot_has_criteria, "heeft geen gunningscriteria", &a));
    row->lot = a->lot;
    TND_TRY(read_criterion(r, a, row, &crit));
    TND_TRY(read_bidder(t, S_BIDDER, r->nt, row->bidder));
    TND_TRY(read_round(r, a, crit, row));
    TND_TRY(read_member(r, row));
    return read_score(r, row);
}

/* ------------------------------------------------------------------------------------------ */
/* Checks across rows                                                                          */

static int cmp_scores(const void *pa, const void *pb)
{
    const tnd_score *a = *(const tnd_score *const *)pa;
    const tnd_score *b = *(const tnd_score *const *)pb;
    int c;
    if (a->lot != b->lot)
        return a->lot < b->lot ? -1 : 1;
    if ((c = strcmp(a->criterion, b->criterion)) != 0)
        return c;
    if ((c = strcmp(a->bidder, b->bidder)) != 0)
        return c;
    if (a->round != b->round)
        return a->round < b->round ? -1 : 1;
    if ((c = strcasecmp(a->member, b->member)) != 0)
        return c;
    return a->line < b->line ? -1 : a->line > b->line;
}

static bool same_assessment(const tnd_score *a, const tnd_score *b)
{
    return a->lot == b->lot && strcmp(a->criterion, b->criterion) == 0 &&
           strcmp(a->bidder, b->bidder) == 0;
}

static bool same_key(const tnd_score *a, const tnd_score *b)
{
    return same_assessment(a, b) && a->round == b->round && strcasecmp(a->member, b->member) == 0;
}

/* Two rows for the same perceel, criterium, inschrijver, ronde and beoordelaar: refuses the
 * pair whose second line comes first in the file. sorted is in cmp_scores order. */
static tnd_status check_duplicates(const tnd_score *const *sorted, size_t n, const char *file,
                                   tnd_error *err)
{
    const tnd_score *first = NULL, *second = NULL;
    for (size_t i = 1; i < n; i++)
        if (same_key(sorted[i - 1], sorted[i]) && (!second || sorted[i]->line < second->line)) {
            first = sorted[i - 1];
            second = sorted[i];
        }
    if (!second)
        return TND_OK;
    tnd_error_set(err, TND_ERR_VALUE, file, second->line, NULL,
                  "dubbele score: perceel %d, criterium %s, inschrijver %s, ronde %d, "
                  "beoordelaar %s staat ook op regel %ld",
                  second->lot, second->criterion, second->bidder, second->round,
                  second->member, first->line);
    tnd_error_hint(err, "laat één van de regels %ld en %ld staan; een score na de herkansing "
                   "hoort in ronde 2", first->line, second->line);
    return TND_ERR_VALUE;
}

/* The largest value of the scale below the minimum (for an example round-1 consensus). */
static int score_below(const tnd_score_scale *s, tnd_dec minimum)
{
    int best = s->n_values > 0 ? s->values[0] : 0;
    for (int i = 0; i < s->n_values && i < (int)TND_COUNTOF(s->values); i++)
        if (tnd_dec_cmp(tnd_dec_from_int(s->values[i]), minimum) < 0 && s->values[i] > best)
            best = s->values[i];
    return best;
}

/*
 * A round 2 exists only after a round-1 consensus below the minimum (§6.1.1: "eenmalig de
 * gelegenheid ... indien de score lager is dan 6,0"). Per perceel, criterium and inschrijver
 * with round-2 rows: the round-1 consensus must be present and below the minimum. Refuses the
 * group whose first round-2 row comes first in the file.
 */
static tnd_status check_revisions(const tnd_definition *def, const tnd_score *const *sorted,
                                  size_t n, const char *file, char sep, tnd_error *err)
{
    const tnd_score *bad_round2 = NULL, *bad_consensus = NULL;
    const tnd_criterion *bad_cr = NULL;
    size_t i = 0;
    while (i < n) {
        size_t end = i + 1;
        while (end < n && same_assessment(sorted[i], sorted[end]))
            end++;
        const tnd_score *consensus = NULL, *round2 = NULL;
        for (size_t k = i; k < end; k++) {
            const tnd_score *s = sorted[k];
            if (s->round == 1 && strcmp(s->member, TND_CONSENSUS) == 0)
                consensus = s;
            if (s->round == 2 && (!round2 || s->line < round2->line))
                round2 = s;
        }
        if (round2) {
            const tnd_award_lot *a = tnd_definition_award(def, round2->lot);
            const tnd_criterion *cr = &a->criteria[criterion_index(a, round2->criterion)];
            bool allowed = consensus && cr->has_minimum &&
                           tnd_dec_cmp(tnd_dec_from_int(consensus->score), cr->minimum) < 0;
            if (!allowed && (!bad_round2 || round2->line < bad_round2->line)) {
                bad_round2 = round2;
                bad_consensus = consensus;
                bad_cr = cr;
            }
        }
        i = end;
    }
    if (!bad_round2)
        return TND_OK;
    char minimum[32];
    tnd_dec_nl(bad_cr->minimum, 1, minimum);
    if (bad_consensus) {
        tnd_error_set(err, TND_ERR_REFERENCE, file, bad_round2->line, NULL,
                      "ronde 2 voor inschrijver %s op criterium %s van perceel %d, maar de "
                      "consensusscore van ronde 1 (regel %ld) is %d en haalt het minimum %s al: "
                      "er was geen herkansing (%s)",
                      bad_round2->bidder, bad_round2->criterion, bad_round2->lot,
                      bad_consensus->line, bad_consensus->score, minimum, bad_cr->source);
        tnd_error_hint(err, "verwijder de regels van ronde 2, of corrigeer de consensusscore "
                       "van ronde 1 op regel %ld", bad_consensus->line);
    } else {
        tnd_error_set(err, TND_ERR_REFERENCE, file, bad_round2->line, NULL,
                      "ronde 2 voor inschrijver %s op criterium %s van perceel %d zonder "
                      "consensusscore in ronde 1: een herkansing volgt alleen op een "
                      "consensusscore onder het minimum %s (%s)",
                      bad_round2->bidder, bad_round2->criterion, bad_round2->lot, minimum,
                      bad_cr->source);
        tnd_error_hint(err, "voeg de consensusscore van ronde 1 toe, in de kolommen "
                       "perceel, criterium, inschrijver, ronde, beoordelaar, score: "
                       "%d%c%s%c%s%c1%c" TND_CONSENSUS "%c%d",
                       bad_round2->lot, sep, bad_round2->criterion, sep, bad_round2->bidder, sep,
                       sep, sep, score_below(&def->score_scale, bad_cr->minimum));
    }
    return TND_ERR_REFERENCE;
}

/* The rows of s (s->n > 0) in cmp_scores order, as a malloc'd array; NULL when out of memory. */
static const tnd_score **sorted_rows(const tnd_scores *s)
{
    const tnd_score **sorted = malloc(s->n * sizeof *sorted);
    if (!sorted)
        return NULL;
    for (size_t i = 0; i < s->n; i++)
        sorted[i] = &s->items[i];
    qsort(sorted, s->n, sizeof *sorted, cmp_scores);
    return sorted;
}

static tnd_status check_across_rows(const tnd_definition *def, const tnd_scores *s, char sep,
                                    tnd_error *err)
{
    if (s->n == 0)
        return TND_OK;
    const tnd_score **sorted = sorted_rows(s);
    if (!sorted)
        return tnd_error_nomem(err, s->file);
    tnd_status rc = check_duplicates(sorted, s->n, s->file, err);
    if (rc == TND_OK)
        rc = check_revisions(def, sorted, s->n, s->file, sep, err);
    free(sorted);
    return rc;
}

/* A correct line for hints: the first lot with criteria, its first leaf, the middle of the scale. */
static void score_defaults(scores_reader *r)
{
    table *t = &r->t;
    const tnd_award_lot *first = first_lot(r->def, lot_has_criteria);
    const tnd_score_scale *scale = &r->def->score_scale;
    snprintf(r->lot_text, sizeof r->lot_text, "%d", first ? first->lot : 1);
    snprintf(r->score_text, sizeof r->score_text, "%d",
             scale->n_values > 0 ? scale->values[scale->n_values / 2] : 0);
    t->defaults[S_LOT] = r->lot_text;
    t->defaults[S_CRITERION] = (first && first_leaf(first) >= 0)
                                   ? first->criteria[first_leaf(first)].id
                                   : "";
    t->defaults[S_BIDDER] = EXAMPLE_KVK;
    t->defaults[S_ROUND] = "1";
    t->defaults[S_MEMBER] = TND_CONSENSUS;
    t->defaults[S_SCORE] = r->score_text;
}

static tnd_status each_score(void *reader)
{
    scores_reader *r = reader;
    tnd_scores *s = r->out;
    tnd_score row;
    TND_TRY(read_score_row(r, &row));
    tnd_score *items = grow(s->items, &r->cap, s->n, sizeof *items);
    if (!items)
        return tnd_error_nomem(r->t.c.err, s->file);
    s->items = items;
    s->items[s->n++] = row;
    return TND_OK;
}

static tnd_status read_scores(scores_reader *r)
{
    TND_TRY(read_rows(&r->t, each_score, r));
    return check_across_rows(r->def, r->out, r->t.c.sep, r->t.c.err);
}

tnd_status tnd_scores_load_memory(const char *buf, size_t len, const char *name,
                                  const tnd_definition *def, tnd_scores *out, tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    memset(out, 0, sizeof *out);
    if (!name)
        name = "(scores)";
    snprintf(out->file, sizeof out->file, "%s", name);
    scores_reader *r = calloc(1, sizeof *r);
    if (!r)
        return tnd_error_nomem(err, name);
    r->def = def;
    r->out = out;
    r->t.names = SCORE_COLUMNS;
    r->t.n_cols = S_COLS;
    score_defaults(r);
    tnd_status rc = csv_begin(&r->t.c, buf, len, out->file, err);
    if (rc == TND_OK) {
        r->nt = tnd_notation_new();
        rc = r->nt ? read_scores(r) : tnd_error_nomem(err, name);
    }
    tnd_notation_free(r->nt);
    free(r);
    if (rc != TND_OK) {
        tnd_scores_free(out);
        return rc;
    }
    tnd_error_clear(err);
    return TND_OK;
}

tnd_status tnd_scores_load_csv(const char *path, const tnd_definition *def, tnd_scores *out,
                               tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    memset(out, 0, sizeof *out);
    char *buf;
    size_t len;
    TND_TRY(read_bounded(path, &buf, &len, err));
    tnd_status rc = tnd_scores_load_memory(buf, len, path, def, out, err);
    free(buf);
    return rc;
}

void tnd_scores_free(tnd_scores *s)
{
    if (!s)
        return;
    free(s->items);
    s->items = NULL;
    s->n = 0;
}

/* ------------------------------------------------------------------------------------------ */
/* The checks that need the bids (tnd_scores_check_bids)                                       */

/* file:line for a CSV; for the committee workbook the sheet and cell (line 0). */
static tnd_status refuse_score_row(const tnd_scores *s, const tnd_score *row, bool consensus_cell,
                                   tnd_status code, tnd_error *err, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static tnd_status refuse_score_row(const tnd_scores *s, const tnd_score *row, bool consensus_cell,
                                   tnd_status code, tnd_error *err, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    bool workbook = tnd_path_is_xlsx(s->file);
    tnd_error_set(err, code, s->file, workbook ? 0 : row->line, NULL, "%s", message);
    if (err && workbook)
        tnd_scores_xlsx_cell(row->lot, row->line, consensus_cell, err->where, sizeof err->where);
    return code;
}

/* Two KvK numbers that differ in one digit, or in one swap of neighbouring digits: a typo. */
static bool kvk_typo_of(const char *a, const char *b)
{
    size_t n = strlen(a), diff = 0, first = 0;
    if (n != strlen(b) || n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i] && diff++ == 0)
            first = i;
    return diff == 1 || (diff == 2 && first + 1 < n && a[first] == b[first + 1] &&
                         a[first + 1] == b[first]);
}

/* The hint for a KvK that is no bidder: a likely typo, a combination member, or where to look. */
static void unknown_bidder_hint(const char *kvk, const tnd_bid *const *bids, size_t n,
                                tnd_error *err)
{
    for (size_t i = 0; i < n; i++)
        if (kvk_typo_of(kvk, bids[i]->bidder.kvk)) {
            tnd_error_hint(err, "bedoelt u KvK %s (%s, %s)? Corrigeer het KvK-nummer",
                           bids[i]->bidder.kvk, bids[i]->bidder.name, bids[i]->file);
            return;
        }
    for (size_t i = 0; i < n; i++)
        for (size_t m = 0; m < bids[i]->n_members; m++)
            if (strcmp(bids[i]->members[m].kvk, kvk) == 0) {
                tnd_error_hint(err, "KvK %s is lid van de combinatie van %s; scores staan op het "
                               "KvK-nummer van de penvoerder: %s", kvk, bids[i]->bidder.name,
                               bids[i]->bidder.kvk);
                return;
            }
    tnd_error_hint(err, "corrigeer het KvK-nummer, of zet de inschrijving van deze inschrijver "
                   "in de map met inschrijvingen (--bids)");
}

/* No row at all: refused when a bid applies for a lot whose award has criteria (§6.1). */
static tnd_status check_not_empty(const tnd_scores *s, const tnd_definition *def,
                                  const tnd_bid *const *bids, size_t n, tnd_error *err)
{
    if (s->n > 0)
        return TND_OK;
    char lots[256] = "";
    size_t at = 0;
    for (size_t a = 0; a < def->n_awards; a++) {
        if (!lot_has_criteria(&def->awards[a]))
            continue;
        bool applied = false;
        for (size_t i = 0; i < n && !applied; i++)
            applied = tnd_bid_lot_find(bids[i], def->awards[a].lot) != NULL;
        if (!applied)
            continue;
        char one[16];
        snprintf(one, sizeof one, "%s%d", at ? ", " : "", def->awards[a].lot);
        at = append(lots, sizeof lots, at, one);
    }
    if (!lots[0])
        return TND_OK; /* nobody to score: only lots that are admitted (§6.1, lots 6-8) */
    bool workbook = tnd_path_is_xlsx(s->file);
    return tnd_error_set(err, TND_ERR_VALUE, s->file, 0,
                         workbook ? "vul per inschrijver en criterium de scores van de leden "
                                    "en de consensus in (docs/scores-format.md)"
                                  : "zet onder de kopregel één regel per score: perceel, "
                                    "criterium, inschrijver, ronde, beoordelaar, score "
                                    "(docs/scores-format.md)",
                         "geen enkele score (%s), terwijl er inschrijvingen zijn op perceel %s: "
                         "zonder consensusscore wordt op die percelen niemand gegund (§6.1)",
                         workbook ? "het commissieformulier is niet ingevuld"
                                  : "alleen de kopregel",
                         lots);
}

/* The first row (in file order) whose KvK is no bidder. */
static tnd_status check_known_bidders(const tnd_scores *s, const tnd_bid *const *bids, size_t n,
                                      tnd_error *err)
{
    const char **kvks = malloc((n ? n : 1) * sizeof *kvks);
    if (!kvks)
        return tnd_error_nomem(err, s->file);
    for (size_t i = 0; i < n; i++)
        kvks[i] = bids[i]->bidder.kvk;
    qsort(kvks, n, sizeof *kvks, tnd_cmp_text_ptrs);
    tnd_status rc = TND_OK;
    for (size_t i = 0; i < s->n && rc == TND_OK; i++) {
        const tnd_score *row = &s->items[i];
        const char *key = row->bidder;
        if (n && bsearch(&key, kvks, n, sizeof *kvks, tnd_cmp_text_ptrs))
            continue;
        rc = refuse_score_row(s, row, false, TND_ERR_REFERENCE, err,
                              "inschrijver %s staat niet onder de inschrijvingen (perceel %d, "
                              "criterium %s, ronde %d, %s): deze score zou ongemerkt vervallen",
                              row->bidder, row->lot, row->criterion, row->round, row->member);
        unknown_bidder_hint(row->bidder, bids, n, err);
    }
    free(kvks);
    return rc;
}

/* Scores of beoordelaars without the consensus of that perceel, criterium, inschrijver and
 * ronde: refuses the group whose first row comes first in the file. */
static tnd_status check_consensus_present(const tnd_scores *s, tnd_error *err)
{
    if (s->n == 0)
        return TND_OK;
    const tnd_score **sorted = sorted_rows(s);
    if (!sorted)
        return tnd_error_nomem(err, s->file);
    const tnd_score *bad = NULL;
    int bad_members = 0;
    for (size_t i = 0; i < s->n;) {
        size_t end = i + 1;
        while (end < s->n && same_assessment(sorted[i], sorted[end]) &&
               sorted[i]->round == sorted[end]->round)
            end++;
        const tnd_score *first = NULL;
        bool consensus = false;
        int members = 0;
        for (size_t k = i; k < end; k++) {
            if (strcmp(sorted[k]->member, TND_CONSENSUS) == 0) {
                consensus = true;
                continue;
            }
            members++;
            if (!first || sorted[k] < first)
                first = sorted[k];
        }
        if (!consensus && first && (!bad || first < bad)) {
            bad = first;
            bad_members = members;
        }
        i = end;
    }
    free(sorted);
    if (!bad)
        return TND_OK;
    refuse_score_row(s, bad, true, TND_ERR_VALUE, err,
                     "inschrijver %s heeft op perceel %d, criterium %s, ronde %d scores van %d "
                     "beoordelaar(s) maar geen consensusscore; de gunning telt alleen de "
                     "consensus (§6.1.1 L1775-1777)",
                     bad->bidder, bad->lot, bad->criterion, bad->round, bad_members);
    if (tnd_path_is_xlsx(s->file))
        tnd_error_hint(err, "vul de consensusscore in de kolom consensus in");
    else
        tnd_error_hint(err, "voeg de consensusscore toe, in de kolommen perceel, criterium, "
                       "inschrijver, ronde, beoordelaar, score: %d;%s;%s;%d;" TND_CONSENSUS
                       ";<score>", bad->lot, bad->criterion, bad->bidder, bad->round);
    return TND_ERR_VALUE;
}

tnd_status tnd_prices_check_bids(const tnd_price *prices, size_t n_prices, const char *file,
                                 const tnd_bid *const *bids, size_t n, tnd_error *err)
{
    for (size_t i = 0; i < n_prices; i++) {
        bool known = false;
        for (size_t b = 0; b < n && !known; b++)
            known = strcmp(bids[b]->bidder.kvk, prices[i].bidder) == 0;
        if (known)
            continue;
        tnd_error_set(err, TND_ERR_REFERENCE, file, prices[i].line, NULL,
                      "inschrijver %s staat niet onder de inschrijvingen (prijs voor perceel %d): "
                      "deze prijs zou ongemerkt vervallen", prices[i].bidder, prices[i].lot);
        unknown_bidder_hint(prices[i].bidder, bids, n, err);
        return TND_ERR_REFERENCE;
    }
    return TND_OK;
}

tnd_status tnd_scores_check_bids(const tnd_scores *s, const tnd_definition *def,
                                 const tnd_bid *const *bids, size_t n, tnd_error *err)
{
    TND_TRY(check_not_empty(s, def, bids, n, err));
    TND_TRY(check_known_bidders(s, bids, n, err));
    return check_consensus_present(s, err);
}

/* An entry of the award: the perceel and the KvK of its bidder, sorted to be looked up. */
typedef struct {
    int lot;
    const char *kvk;
} lot_bidder;

static int cmp_lot_bidder(const void *a, const void *b)
{
    const lot_bidder *x = a, *y = b;
    if (x->lot != y->lot)
        return x->lot < y->lot ? -1 : 1;
    return strcmp(x->kvk, y->kvk);
}

/* Every entry of every perceel, sorted: one lookup per score row instead of a scan of the
 * perceel's entries (issue 9: that scan made this check grow with the square of the bids). */
static lot_bidder *sorted_entries(const tnd_evaluation *ev, size_t *n_out)
{
    size_t n = 0;
    for (size_t l = 0; l < ev->n_lots; l++)
        n += ev->lots[l].n_entries;
    lot_bidder *all = malloc((n ? n : 1) * sizeof *all);
    if (!all)
        return NULL;
    size_t k = 0;
    for (size_t l = 0; l < ev->n_lots; l++)
        for (size_t e = 0; e < ev->lots[l].n_entries; e++)
            all[k++] = (lot_bidder){ ev->lots[l].lot, ev->lots[l].entries[e].bid->bidder.kvk };
    qsort(all, n, sizeof *all, cmp_lot_bidder);
    *n_out = n;
    return all;
}

tnd_status tnd_scores_check_lots(const tnd_scores *s, const tnd_evaluation *ev, tnd_error *err)
{
    size_t n_entries = 0;
    lot_bidder *entries = sorted_entries(ev, &n_entries);
    if (!entries)
        return tnd_error_nomem(err, s->file);
    for (size_t i = 0; i < s->n; i++) {
        const tnd_score *row = &s->items[i];
        lot_bidder key = { row->lot, row->bidder };
        if (n_entries && bsearch(&key, entries, n_entries, sizeof *entries, cmp_lot_bidder))
            continue;
        free(entries);
        const tnd_bid *bid = NULL;
        for (size_t b = 0; b < ev->n_bidders && !bid; b++)
            if (strcmp(ev->bidders[b].bid->bidder.kvk, row->bidder) == 0)
                bid = ev->bidders[b].bid;
        char lots[128] = "";
        size_t at = 0;
        for (size_t k = 0; bid && k < bid->n_lots; k++) {
            char one[16];
            snprintf(one, sizeof one, "%s%d", at ? ", " : "", bid->lots[k].number);
            at = append(lots, sizeof lots, at, one);
        }
        refuse_score_row(s, row, false, TND_ERR_REFERENCE, err,
                         "inschrijver %s%s%s%s dingt niet mee op perceel %d (ingeschreven op "
                         "perceel %s): deze score zou ongemerkt vervallen",
                         row->bidder, bid ? " (" : "", bid ? bid->bidder.name : "", bid ? ")" : "",
                         row->lot, lots[0] ? lots : "geen");
        tnd_error_hint(err, "corrigeer het perceel: een inschrijver wordt gescoord op een perceel "
                       "waarop hij inschrijft of waarop hij terechtkomt na terugval (§4.3.1)");
        return TND_ERR_REFERENCE;
    }
    free(entries);
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Rows from elsewhere (scores_rows.h): the same table, its fields given instead of split      */

struct tnd_score_rows {
    scores_reader r;
};

tnd_score_rows *tnd_score_rows_new(const tnd_definition *def, const char *name, tnd_scores *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->file, sizeof out->file, "%s", name ? name : "(scores)");
    tnd_score_rows *rows = calloc(1, sizeof *rows);
    if (!rows)
        return NULL;
    scores_reader *r = &rows->r;
    if (!(r->nt = tnd_notation_new())) {
        free(rows);
        return NULL;
    }
    r->def = def;
    r->out = out;
    r->t.names = SCORE_COLUMNS;
    r->t.n_cols = S_COLS;
    for (int i = 0; i < S_COLS; i++)
        r->t.col[i] = i;
    r->t.c.file = out->file;
    r->t.c.sep = ';'; /* hints show a line of the scores file */
    score_defaults(r);
    return rows;
}

tnd_status tnd_score_rows_add(tnd_score_rows *rows, const char *const fields[TND_SCORE_FIELDS],
                              long line, int *field, tnd_error *err)
{
    tnd_error local;
    scores_reader *r = &rows->r;
    table *t = &r->t;
    csv *c = &t->c;
    c->err = err ? err : &local;
    c->line = line;
    c->n_fields = S_COLS;
    t->refused = -1;
    if (field)
        *field = -1;
    for (int i = 0; i < S_COLS; i++)
        t->example[i] = t->defaults[i];
    char *out = c->text;
    for (int i = 0; i < S_COLS; i++) {
        const char *value = fields[i] ? fields[i] : "";
        size_t len = strlen(value);
        if ((size_t)(out - c->text) + len + 1 > TND_SCORES_MAX_LINE) {
            if (field)
                *field = i;
            return tnd_error_set(c->err, TND_ERR_TOO_LARGE, c->file, line,
                                 "een scoreregel is kort; controleer of het juiste bestand is "
                                 "gekozen",
                                 "de %s is langer dan %d bytes", SCORE_COLUMNS[i],
                                 TND_SCORES_MAX_LINE);
        }
        char *start = out;
        memcpy(out, value, len);
        out += len;
        trim_field(start, &out);
        *out++ = '\0';
        c->field[i] = start;
    }
    tnd_status rc = each_score(r);
    if (rc != TND_OK && field)
        *field = t->refused;
    return rc;
}

tnd_status tnd_score_rows_finish(tnd_score_rows *rows, tnd_error *err)
{
    return check_across_rows(rows->r.def, rows->r.out, ';', err);
}

void tnd_score_rows_free(tnd_score_rows *rows)
{
    if (!rows)
        return;
    tnd_notation_free(rows->r.nt);
    free(rows);
}

/* ------------------------------------------------------------------------------------------ */
/* The prices table                                                                            */

enum { P_LOT, P_BIDDER, P_PRICE, P_COLS };

static const char *const PRICE_COLUMNS[P_COLS] = { "perceel", "inschrijver", "prijs" };

typedef struct {
    table t;
    const tnd_definition *def;
    tnd_notation *nt;
    char lot_text[16];             /* default for hints */
    tnd_price *items;
    long *lines;                   /* line of each item */
    size_t n, cap, lines_cap;
} prices_reader;

static tnd_status read_price_row(prices_reader *r, tnd_price *row)
{
    table *t = &r->t;
    memset(row, 0, sizeof *row);
    const tnd_award_lot *a = NULL;
    TND_TRY(read_lot(t, P_LOT, r->def, lot_has_price,
                 "concurreert niet op prijs (de gunning heeft geen prijsformule)", &a));
    row->lot = a->lot;
    TND_TRY(read_bidder(t, P_BIDDER, r->nt, row->bidder));
    const char *text = cell(t, P_PRICE);
    char s[TND_QUOTE_SIZE], why[200];
    tnd_text_quote(s, text);
    if (!text[0])
        return refuse_cell(t, P_PRICE, TND_ERR_VALUE, "prijs ontbreekt");
    if (!tnd_parse_money(r->nt, text, &row->price, why, sizeof why))
        return refuse_cell(t, P_PRICE, TND_ERR_VALUE, "prijs \"%s\": %s", s, why);
    if (row->price <= 0)
        return refuse_cell(t, P_PRICE, TND_ERR_RANGE,
                           "prijs \"%s\" is niet groter dan nul; een prijsformule deelt door "
                           "de prijs", s);
    return TND_OK;
}

static int cmp_prices(const void *pa, const void *pb)
{
    const tnd_price *a = *(const tnd_price *const *)pa;
    const tnd_price *b = *(const tnd_price *const *)pb;
    if (a->lot != b->lot)
        return a->lot < b->lot ? -1 : 1;
    int c = strcmp(a->bidder, b->bidder);
    if (c != 0)
        return c;
    return a < b ? -1 : a > b; /* file order: the array is in file order */
}

/* The same perceel and inschrijver twice: refuses the pair whose second line comes first. */
static tnd_status check_price_duplicates(const tnd_price *p, const long *lines, size_t n,
                                         const char *file, tnd_error *err)
{
    if (n < 2)
        return TND_OK;
    const tnd_price **sorted = malloc(n * sizeof *sorted);
    if (!sorted)
        return tnd_error_nomem(err, file);
    for (size_t i = 0; i < n; i++)
        sorted[i] = &p[i];
    qsort(sorted, n, sizeof *sorted, cmp_prices);
    long first = 0, second = 0;
    const tnd_price *dup = NULL;
    for (size_t i = 1; i < n; i++) {
        const tnd_price *a = sorted[i - 1], *b = sorted[i];
        long line_b = lines[b - p];
        if (a->lot == b->lot && strcmp(a->bidder, b->bidder) == 0 && (!dup || line_b < second)) {
            dup = b;
            first = lines[a - p];
            second = line_b;
        }
    }
    free(sorted);
    if (!dup)
        return TND_OK;
    tnd_error_set(err, TND_ERR_VALUE, file, second, NULL,
                  "dubbele prijs: perceel %d, inschrijver %s staat ook op regel %ld", dup->lot,
                  dup->bidder, first);
    tnd_error_hint(err, "laat één van de regels %ld en %ld staan", first, second);
    return TND_ERR_VALUE;
}

static tnd_status each_price(void *reader)
{
    prices_reader *r = reader;
    tnd_price row;
    TND_TRY(read_price_row(r, &row));
    tnd_price *items = grow(r->items, &r->cap, r->n, sizeof *items);
    if (items)
        r->items = items;
    long *lines = items ? grow(r->lines, &r->lines_cap, r->n, sizeof *lines) : NULL;
    if (!lines)
        return tnd_error_nomem(r->t.c.err, r->t.c.file);
    r->lines = lines;
    r->lines[r->n] = r->t.c.line;
    row.line = r->t.c.line;
    r->items[r->n++] = row;
    return TND_OK;
}

static tnd_status read_prices(prices_reader *r)
{
    TND_TRY(read_rows(&r->t, each_price, r));
    return check_price_duplicates(r->items, r->lines, r->n, r->t.c.file, r->t.c.err);
}

tnd_status tnd_prices_load_memory(const char *buf, size_t len, const char *name,
                                  const tnd_definition *def, tnd_price **out, size_t *n,
                                  tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    *out = NULL;
    *n = 0;
    if (!name)
        name = "(prijzen)";
    prices_reader *r = calloc(1, sizeof *r);
    if (!r)
        return tnd_error_nomem(err, name);
    r->def = def;
    r->t.names = PRICE_COLUMNS;
    r->t.n_cols = P_COLS;
    const tnd_award_lot *first = first_lot(def, lot_has_price);
    snprintf(r->lot_text, sizeof r->lot_text, "%d", first ? first->lot : 1);
    r->t.defaults[P_LOT] = r->lot_text;
    r->t.defaults[P_BIDDER] = EXAMPLE_KVK;
    r->t.defaults[P_PRICE] = "€ 1.234.567,89";
    tnd_status rc = csv_begin(&r->t.c, buf, len, name, err);
    if (rc == TND_OK) {
        r->nt = tnd_notation_new();
        rc = r->nt ? read_prices(r) : tnd_error_nomem(err, name);
    }
    tnd_notation_free(r->nt);
    free(r->lines);
    if (rc == TND_OK) {
        *out = r->items;
        *n = r->n;
        tnd_error_clear(err);
    } else {
        free(r->items);
    }
    free(r);
    return rc;
}

tnd_status tnd_prices_load_csv(const char *path, const tnd_definition *def, tnd_price **out,
                               size_t *n, tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    *out = NULL;
    *n = 0;
    char *buf;
    size_t len;
    TND_TRY(read_bounded(path, &buf, &len, err));
    tnd_status rc = tnd_prices_load_memory(buf, len, path, def, out, n, err);
    free(buf);
    return rc;
}
