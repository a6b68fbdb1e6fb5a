/*
 * notation.c - Dutch and ISO notation typed by a person, recognised by PCRE2 (see notation.h).
 *
 * Each notation is one anchored pattern that says which shapes are accepted and names the parts
 * (integer, fraction, day, hour, ...). C then turns those parts into a value digit by digit, with
 * overflow checks and without floating point, and checks what a pattern cannot (how many
 * decimals, whether a date exists). Patterns with several alternatives reuse a group name in each
 * alternative (PCRE2_DUPNAMES); the part used is the one of the alternative that matched.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include "tender/notation.h"

#include <limits.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_TEXT 1024                        /* bytes; no notation comes near, so refuse unread */
#define MONEY_MAX_EUROS 10000000000000LL     /* 10^13 euro: more is a typing error, not a bid */
#define DECIMAL_MAX_INTEGER 1000000000000LL  /* 10^12 */
#define DEC_PLACES 6                         /* decimals held by tnd_dec */
#define PERCENT_PLACES (DEC_PLACES - 2)      /* so that percent / 100 is still exact */

_Static_assert(TND_DEC_SCALE == 1000000LL, "DEC_PLACES must match TND_DEC_SCALE");

/*
 * The patterns. \d is ASCII 0-9 only (no PCRE2_UCP), which the digit loops below rely on.
 * SP is a space or a non-breaking space (U+00A0), which spreadsheets and word processors put
 * between "€" and the amount or between a number and "%".
 */
#define SP "[ \\x{A0}]"
#define DUTCH_GROUPED "\\d{1,3}(?:\\.\\d{3})+" /* 2.000.000 */

/* "1.234" is grouping (notation.h); a point before 1, 2 or more than 3 digits is a decimal
 * point; "2,000,000.00" only with both separators. ",-" means no cents. */
#define MONEY_PATTERN                                                                          \
    "(?<minus_before>-)?(?:(?:€|(?i:EUR))" SP "*(?<minus_after>-)?)?"                          \
    "(?:(?<int>" DUTCH_GROUPED "|\\d+)(?:,(?:(?<frac>\\d+)|-))?"                               \
    "|(?<int>\\d+)\\.(?<frac>\\d+)"                                                            \
    "|(?<int>\\d{1,3}(?:,\\d{3})+)\\.(?<frac>\\d+))"

/* A lone "1.234" comes out as grouped without frac; decimal_units() applies the ambiguity rule. */
#define DECIMAL_NUMBER                                                                         \
    "(?<sign>[+-])?"                                                                           \
    "(?:(?<grouped>" DUTCH_GROUPED ")(?:,(?<frac>\\d+))?"                                      \
    "|(?<int>\\d+)(?:[.,](?<frac>\\d+))?)"

#define COUNT_PATTERN "(?:" DUTCH_GROUPED "|\\d+)"

/* The separator must be the same twice: "18-07/2022" is a typing error. */
#define DATE_NUMERIC "(?<day>\\d{1,2})(?<sep>[-/.])(?<month>\\d{1,2})\\k<sep>(?<year>\\d{4})"
#define DATE_ISO "(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})"
/* The month name is looked up in month_names[], so an unknown one gets its own message. */
#define DATE_TEXT "(?<day>\\d{1,2})" SP "+(?<month_name>[A-Za-z]+)\\.?" SP "+(?<year>\\d{4})"
#define CLOCK                                                                                  \
    "(?<hour>\\d{1,2})"                                                                        \
    "(?::(?<minute>\\d{2})(?::(?<second>\\d{2}))?(?:" SP "+(?i:uur))?"                         \
    "|\\.(?<minute>\\d{2})" SP "+(?i:uur))"
#define ISO_CLOCK "T(?<hour>\\d{2}):(?<minute>\\d{2})(?::(?<second>\\d{2}))?"
#define DATE_WITH_CLOCK                                                                        \
    "(?:(?:" DATE_NUMERIC "|" DATE_TEXT ")" SP "+" CLOCK                                       \
    "|" DATE_ISO "(?:" SP "+" CLOCK "|" ISO_CLOCK "))"
#define TIME_ZONE "(?i:Z|UTC|GMT|CES?T|[+-]\\d{2}(?::?\\d{2})?)"

typedef enum {
    PAT_MONEY,
    PAT_DECIMAL,
    PAT_PERCENT,
    PAT_COUNT,
    PAT_DATE,
    PAT_DATETIME,
    PAT_DATETIME_ZONED, /* only to explain a refusal: a date-time that names a time zone */
    PAT_DIGIT_GROUPS,   /* KvK number, AGB code */
    PAT_BOOL,
    PAT_TOTAL
} pattern_id;

static const struct {
    const char *source;
    uint32_t options;
} patterns[PAT_TOTAL] = {
    [PAT_MONEY] = { MONEY_PATTERN, PCRE2_UTF },
    [PAT_DECIMAL] = { DECIMAL_NUMBER, PCRE2_UTF },
    [PAT_PERCENT] = { DECIMAL_NUMBER SP "?%", PCRE2_UTF },
    [PAT_COUNT] = { COUNT_PATTERN, 0 },
    [PAT_DATE] = { "(?:" DATE_NUMERIC "|" DATE_TEXT "|" DATE_ISO ")", PCRE2_UTF },
    [PAT_DATETIME] = { "(?:" DATE_NUMERIC "|" DATE_TEXT ")(?:" SP "+" CLOCK ")?"
                       "|" DATE_ISO "(?:" SP "+" CLOCK "|" ISO_CLOCK ")?",
                       PCRE2_UTF },
    [PAT_DATETIME_ZONED] = { DATE_WITH_CLOCK SP "*" TIME_ZONE, PCRE2_UTF },
    [PAT_DIGIT_GROUPS] = { "\\d(?:[ .\\x{A0}]?\\d)*", PCRE2_UTF },
    /* Not UTF: caseless matching stays ASCII, so no Unicode look-alike letter counts as "s". */
    [PAT_BOOL] = { "(?i)(?:(?<yes>ja|j|yes|true|waar|1)|(?<no>nee|n|no|false|onwaar|0))", 0 },
};

/* Whole text only: the caller has trimmed it, and "12 euro" must not match "12". */
#define PATTERN_OPTIONS (PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_DUPNAMES)


/* The named parts any pattern may have; a pattern without a name leaves that part unset. */
typedef enum {
    G_MINUS_BEFORE,
    G_MINUS_AFTER,
    G_SIGN,
    G_INT,
    G_GROUPED,
    G_FRAC,
    G_DAY,
    G_MONTH,
    G_MONTH_NAME,
    G_YEAR,
    G_HOUR,
    G_MINUTE,
    G_SECOND,
    G_YES,
    G_NO,
    G_TOTAL
} group_id;

static const char *const group_names[G_TOTAL] = {
    [G_MINUS_BEFORE] = "minus_before", [G_MINUS_AFTER] = "minus_after",
    [G_SIGN] = "sign",                 [G_INT] = "int",
    [G_GROUPED] = "grouped",           [G_FRAC] = "frac",
    [G_DAY] = "day",                   [G_MONTH] = "month",
    [G_MONTH_NAME] = "month_name",     [G_YEAR] = "year",
    [G_HOUR] = "hour",                 [G_MINUTE] = "minute",
    [G_SECOND] = "second",             [G_YES] = "yes",
    [G_NO] = "no",
};

/* Up to this many groups share one name across the alternatives of a pattern (PCRE2_DUPNAMES). */
#define MAX_SAME_NAME 8

/*
 * Compiled once (issue 9: compiling per bid was 8 % of a run): the patterns, one match data block
 * per pattern (reused by every match, so a tnd_notation serves one thread at a time) and, per
 * pattern and part name, the numbers of the groups that carry that name.
 *
 * A pattern is also compiled to machine code (PCRE2 JIT) once it has been matched JIT_AFTER
 * times: a run of many bids matches its amounts about three times faster, while one bid or one form
 * does not pay for compiling code it hardly runs (1.5 M instructions for all patterns, as much as
 * reading a whole bid). JIT and interpreter accept the same texts; a JIT that cannot be had (no
 * executable memory) or runs out of its stack leaves the interpreter to do the match.
 */
#define JIT_AFTER 64

struct tnd_notation {
    pcre2_code *re[PAT_TOTAL];
    uint16_t group[PAT_TOTAL][G_TOTAL][MAX_SAME_NAME]; /* 0 = no (further) group of that name */
    struct notation_scratch *scratch;                  /* what matching changes */
    bool no_shortcuts; /* every text through its pattern (tnd_notation_use_shortcuts, tests) */
};

struct notation_scratch {
    pcre2_match_data *md[PAT_TOTAL];
    uint32_t matches[PAT_TOTAL]; /* up to JIT_AFTER */
};

/* A piece of the caller's text (not NUL-terminated); p == NULL when a group did not take part. */
typedef struct {
    const char *p;
    size_t len;
} span;

typedef struct {
    span part[G_TOTAL];
} groups;

static bool has(span s)
{
    return s.p != NULL;
}

/* What a parser reads, for its messages:
 * "<refusal> (<detail>): verwacht bijvoorbeeld <example>". */
typedef struct {
    const char *refusal;
    const char *example;
} notation_kind;

static const notation_kind KIND_MONEY = { "geen geldig bedrag", "€ 2.000.000,00" };
static const notation_kind KIND_DECIMAL = { "geen geldig getal", "4,1 of 1.234,5" };
static const notation_kind KIND_PERCENT = { "geen geldig percentage", "20,5%" };
static const notation_kind KIND_FRACTION = { "geen geldig percentage of getal", "95% of 0,95" };
static const notation_kind KIND_COUNT = { "geen geldig aantal", "10 of 1.000" };
static const notation_kind KIND_DATE = { "geen geldige datum",
                                         "18-07-2022, 2022-07-18 of 18 juli 2022" };
static const notation_kind KIND_DATETIME = { "geen geldige datum en tijd",
                                             "18-07-2022 11:00 of 2022-07-18T11:00:00" };
static const notation_kind KIND_KVK = { "geen geldig KvK-nummer", "12345678" };
static const notation_kind KIND_AGB = { "geen geldige AGB-code", "12345678" };
static const notation_kind KIND_BOOL = { "geen geldige ja/nee-waarde", "ja of nee" };

/* Fills why with the generic refusal; returns false so that parsers can `return refuse(...)`. */
static bool refuse(const notation_kind *k, char *why, size_t why_size)
{
    if (why && why_size > 0)
        snprintf(why, why_size, "%s: verwacht bijvoorbeeld %s", k->refusal, k->example);
    return false;
}

/* As refuse(), with what exactly is wrong between brackets. */
__attribute__((format(printf, 4, 5))) static bool refuse_because(const notation_kind *k,
                                                                  char *why, size_t why_size,
                                                                  const char *fmt, ...)
{
    if (!why || why_size == 0)
        return false;
    char detail[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    snprintf(why, why_size, "%s (%s): verwacht bijvoorbeeld %s", k->refusal, detail, k->example);
    return false;
}

/* Looks up, once, which groups of pattern id carry each part name. False for a pattern with
 * more same-named groups than MAX_SAME_NAME (a bug in the patterns above, shown by every test). */
static bool resolve_groups(tnd_notation *n, int id)
{
    for (int g = 0; g < G_TOTAL; g++) {
        PCRE2_SPTR first, last;
        int entry_size = pcre2_substring_nametable_scan(n->re[id], (PCRE2_SPTR)group_names[g],
                                                        &first, &last);
        if (entry_size <= 0)
            continue;
        int k = 0;
        for (PCRE2_SPTR e = first; e <= last; e += entry_size) {
            if (k == MAX_SAME_NAME)
                return false;
            /* A name table entry starts with the group number, most significant byte first. */
            n->group[id][g][k++] = (uint16_t)(((unsigned)e[0] << 8) | e[1]);
        }
    }
    return true;
}

tnd_notation *tnd_notation_new(void)
{
    tnd_notation *n = calloc(1, sizeof *n);
    if (!n)
        return NULL;
    n->scratch = calloc(1, sizeof *n->scratch);
    if (!n->scratch) {
        free(n);
        return NULL;
    }
    for (int i = 0; i < PAT_TOTAL; i++) {
        int error;
        PCRE2_SIZE offset;
        /* The patterns are constants: a syntax error is a bug that every unit test shows. */
        n->re[i] = pcre2_compile((PCRE2_SPTR)patterns[i].source, PCRE2_ZERO_TERMINATED,
                                 PATTERN_OPTIONS | patterns[i].options, &error, &offset, NULL);
        pcre2_match_data **md = &n->scratch->md[i];
        *md = n->re[i] ? pcre2_match_data_create_from_pattern(n->re[i], NULL) : NULL;
        if (!n->re[i] || !*md || !resolve_groups(n, i)) {
            tnd_notation_free(n);
            return NULL;
        }
    }
    return n;
}

void tnd_notation_use_shortcuts(tnd_notation *n, bool on)
{
    n->no_shortcuts = !on;
}

void tnd_notation_free(tnd_notation *n)
{
    if (!n)
        return;
    for (int i = 0; i < PAT_TOTAL; i++) {
        if (n->scratch)
            pcre2_match_data_free(n->scratch->md[i]);
        pcre2_code_free(n->re[i]);
    }
    free(n->scratch);
    free(n);
}

static bool is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* 0xC2 0xA0 is U+00A0 in UTF-8; 0xC2 is never a continuation byte, so it cannot be misread. */
static bool starts_with_nbsp(const char *p, size_t len)
{
    return len >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0;
}

static span trim(const char *p, size_t len)
{
    for (;;) {
        if (len > 0 && is_ascii_space(p[0])) {
            p++;
            len--;
        } else if (starts_with_nbsp(p, len)) {
            p += 2;
            len -= 2;
        } else {
            break;
        }
    }
    for (;;) {
        if (len > 0 && is_ascii_space(p[len - 1]))
            len--;
        else if (len >= 2 && starts_with_nbsp(p + len - 2, 2))
            len -= 2;
        else
            break;
    }
    return (span){ p, len };
}

/* The trimmed text, or false (why filled) when there is nothing sensible to match. */
static bool prepare(const notation_kind *k, const char *text, span *out, char *why,
                    size_t why_size)
{
    if (!text)
        return refuse_because(k, why, why_size, "geen tekst");
    size_t len = strnlen(text, MAX_TEXT + 1);
    if (len > MAX_TEXT)
        return refuse_because(k, why, why_size, "langer dan %d tekens", MAX_TEXT);
    *out = trim(text, len);
    if (out->len == 0)
        return refuse_because(k, why, why_size, "leeg");
    return true;
}

/* The part of the text that the (first set) group of part g matched; ov and pairs are the
 * match's offsets. */
static span group_span(const tnd_notation *n, pattern_id id, span text, int g,
                       const PCRE2_SIZE *ov, uint32_t pairs)
{
    for (int k = 0; k < MAX_SAME_NAME && n->group[id][g][k]; k++) {
        uint32_t number = n->group[id][g][k];
        if (number < pairs && ov[2 * number] != PCRE2_UNSET)
            return (span){ text.p + ov[2 * number], ov[2 * number + 1] - ov[2 * number] };
    }
    return (span){ NULL, 0 };
}

typedef enum { MATCHED, NOT_MATCHED, MATCH_FAILED } match_result;

/*
 * Matches text against one pattern and, on a match, fills g with the named parts (which point
 * into text, so the match data can be reused by the next match). MATCH_FAILED has filled why
 * (bad UTF-8).
 */
static match_result match_text(const tnd_notation *n, pattern_id id, span text, groups *g,
                               const notation_kind *k, char *why, size_t why_size)
{
    if (!n) {
        refuse_because(k, why, why_size, "interne fout: geen notatie-object");
        return MATCH_FAILED;
    }
    pcre2_code *re = n->re[id];
    pcre2_match_data *md = n->scratch->md[id];
    if (n->scratch->matches[id] < JIT_AFTER && ++n->scratch->matches[id] == JIT_AFTER)
        (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* failed: the interpreter matches */
    int rc = pcre2_match(re, (PCRE2_SPTR)text.p, text.len, 0, 0, md, NULL);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
        rc = pcre2_match(re, (PCRE2_SPTR)text.p, text.len, 0, PCRE2_NO_JIT, md, NULL);
    match_result result = MATCHED;
    if (rc == PCRE2_ERROR_NOMATCH) {
        result = NOT_MATCHED;
    } else if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) {
        refuse_because(k, why, why_size, "geen geldige UTF-8-tekst");
        result = MATCH_FAILED;
    } else if (rc < 0) {
        refuse_because(k, why, why_size, "interne fout %d bij herkennen", rc);
        result = MATCH_FAILED;
    } else {
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        uint32_t pairs = pcre2_get_ovector_count(md);
        for (int i = 0; i < G_TOTAL; i++)
            g->part[i] = group_span(n, id, text, i, ov, pairs);
    }
    return result;
}

/* match_text() that writes the generic refusal when the text is not in the notation. */
static bool match_or_refuse(const tnd_notation *n, pattern_id id, span text, groups *g,
                            const notation_kind *k, char *why, size_t why_size)
{
    match_result r = match_text(n, id, text, g, k, why, why_size);
    if (r == NOT_MATCHED)
        refuse(k, why, why_size);
    return r == MATCHED;
}

/*
 * Appends the digits of s to *value, skipping group separators; false (value unusable) when the
 * result would exceed limit. Never overflows: checks before multiplying.
 */
static bool accumulate_digits(span s, int64_t limit, int64_t *value)
{
    for (size_t i = 0; i < s.len; i++) {
        if (s.p[i] < '0' || s.p[i] > '9')
            continue;
        int digit = s.p[i] - '0';
        if (*value > (limit - digit) / 10)
            return false;
        *value = *value * 10 + digit;
    }
    return true;
}

static int64_t power_of_ten(size_t exponent)
{
    int64_t p = 1;
    for (size_t i = 0; i < exponent; i++)
        p *= 10;
    return p;
}

/* A fraction of `places` decimals as written ("5" in "1,5"), scaled to exactly `places`. */
static int64_t fraction_scaled(span frac, size_t places)
{
    /* Callers have refused more than `places` (<= 6) digits; the test only keeps a future
     * caller's mistake from wrapping the exponent. */
    int64_t value = 0;
    accumulate_digits(frac, INT64_MAX, &value);
    return frac.len <= places ? value * power_of_ten(places - frac.len) : value;
}

static bool ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

/*
 * The shape of nearly every amount in a bid ("€ 3.146.000,00", "-1250", "2.000.000,-"), read
 * without the pattern, whose match was 5 % of a run of many bids: a minus, the euro sign and
 * spaces, the integer (plain, or grouped by points in threes) and a decimal comma with its
 * digits or a dash. True only for a text MONEY_PATTERN matches, with the same parts in g
 * (test_notation compares the two on every text of up to five symbols and on random longer
 * ones); anything else ("EUR", a non-breaking space, a minus after the sign, a decimal point,
 * English grouping, every refusal) is left to the pattern.
 */
static bool money_shortcut(const tnd_notation *n, span s, groups *g)
{
    if (n && n->no_shortcuts)
        return false;
    const char *p = s.p, *end = s.p + s.len;
    memset(g, 0, sizeof *g);
    if (p < end && *p == '-')
        g->part[G_MINUS_BEFORE] = (span){ p++, 1 };
    if (end - p >= 3 && memcmp(p, "€", 3) == 0)
        for (p += 3; p < end && *p == ' '; p++)
            ;
    const char *integer = p;
    while (p < end && ascii_digit(*p))
        p++;
    if (p == integer)
        return false;
    if (p < end && *p == '.') {
        if (p - integer > 3)
            return false;
        while (end - p >= 4 && p[0] == '.' && ascii_digit(p[1]) && ascii_digit(p[2]) &&
               ascii_digit(p[3]))
            p += 4;
    }
    g->part[G_INT] = (span){ integer, (size_t)(p - integer) };
    if (p == end)
        return true;
    if (*p++ != ',')
        return false; /* also a point the groups above did not take */
    if (end - p == 1 && *p == '-')
        return true; /* ",-": no cents */
    const char *frac = p;
    while (p < end && ascii_digit(*p))
        p++;
    if (p == frac || p != end)
        return false;
    g->part[G_FRAC] = (span){ frac, (size_t)(p - frac) };
    return true;
}

bool tnd_parse_money(const tnd_notation *n, const char *text, tnd_cents *out, char *why,
                     size_t why_size)
{
    const notation_kind *k = &KIND_MONEY;
    span s;
    groups g;
    if (!prepare(k, text, &s, why, why_size))
        return false;
    if (!money_shortcut(n, s, &g) && !match_or_refuse(n, PAT_MONEY, s, &g, k, why, why_size))
        return false;

    bool negative = has(g.part[G_MINUS_BEFORE]) || has(g.part[G_MINUS_AFTER]);
    if (has(g.part[G_MINUS_BEFORE]) && has(g.part[G_MINUS_AFTER]))
        return refuse_because(k, why, why_size, "twee mintekens");
    span frac = g.part[G_FRAC]; /* unset for "2.000.000" and "2.000.000,-" */
    if (frac.len > 2)
        return refuse_because(k, why, why_size, "meer dan 2 decimalen");
    int64_t euros = 0;
    if (!accumulate_digits(g.part[G_INT], MONEY_MAX_EUROS, &euros))
        return refuse_because(k, why, why_size, "meer dan 10.000.000.000.000 euro");
    int64_t cents = euros * 100 + fraction_scaled(frac, 2); /* "1.234,5" is 1234,50 */
    if (cents > MONEY_MAX_EUROS * 100)
        return refuse_because(k, why, why_size, "meer dan 10.000.000.000.000 euro");
    *out = negative ? -cents : cents;
    return true;
}

static bool all_zeros(span s)
{
    for (size_t i = 0; i < s.len; i++)
        if (s.p[i] != '0')
            return false;
    return true;
}

/*
 * The value in millionths of a matched DECIMAL_NUMBER (groups sign, grouped, int, frac),
 * with at most max_places decimals.
 */
static bool decimal_units(const groups *g, const notation_kind *k, size_t max_places,
                          int64_t *units, char *why, size_t why_size)
{
    span integer = g->part[G_INT];
    span frac = g->part[G_FRAC];
    span grouped = g->part[G_GROUPED];
    if (has(grouped)) {
        const char *point = memchr(grouped.p, '.', grouped.len);
        size_t before = (size_t)(point - grouped.p);
        bool one_group = grouped.len == before + 4;
        if (one_group && !has(frac)) {
            /* notation.h: "1.234" is 1234 to a Dutch reader and 1.234 to an English one; only
             * "0.950" reads the same to both, as a decimal point. */
            span whole = { grouped.p, before };
            if (!all_zeros(whole))
                return refuse_because(k, why, why_size,
                                      "%.*s.%.3s is dubbelzinnig: schrijf %.*s%.3s of %.*s,%.3s",
                                      (int)before, grouped.p, point + 1, (int)before, grouped.p,
                                      point + 1, (int)before, grouped.p, point + 1);
            integer = whole;
            frac = (span){ point + 1, 3 };
        } else {
            integer = grouped;
        }
    }
    if (frac.len > max_places)
        return refuse_because(k, why, why_size, "meer dan %zu decimalen", max_places);
    int64_t whole = 0;
    if (!accumulate_digits(integer, DECIMAL_MAX_INTEGER, &whole))
        return refuse_because(k, why, why_size, "groter dan 1.000.000.000.000");
    int64_t value = whole * TND_DEC_SCALE + fraction_scaled(frac, DEC_PLACES);
    bool negative = has(g->part[G_SIGN]) && g->part[G_SIGN].p[0] == '-';
    *units = negative ? -value : value;
    return true;
}

/* Shared by tnd_parse_decimal and tnd_parse_fraction, which differ only in their messages. */
static bool parse_decimal_as(const tnd_notation *n, const notation_kind *k, span s, tnd_dec *out,
                             char *why, size_t why_size)
{
    groups g;
    if (!match_or_refuse(n, PAT_DECIMAL, s, &g, k, why, why_size))
        return false;
    int64_t units;
    if (!decimal_units(&g, k, DEC_PLACES, &units, why, why_size))
        return false;
    out->units = units;
    return true;
}

static bool parse_percent_as(const tnd_notation *n, const notation_kind *k, span s, tnd_dec *out,
                             char *why, size_t why_size)
{
    if (s.p[s.len - 1] != '%')
        return refuse_because(k, why, why_size, "procentteken ontbreekt");
    groups g;
    if (!match_or_refuse(n, PAT_PERCENT, s, &g, k, why, why_size))
        return false;
    int64_t percent_units;
    if (!decimal_units(&g, k, PERCENT_PLACES, &percent_units, why, why_size))
        return false;
    out->units = percent_units / 100; /* exact: at most PERCENT_PLACES decimals */
    return true;
}

bool tnd_parse_decimal(const tnd_notation *n, const char *text, tnd_dec *out, char *why,
                       size_t why_size)
{
    span s;
    if (!prepare(&KIND_DECIMAL, text, &s, why, why_size))
        return false;
    return parse_decimal_as(n, &KIND_DECIMAL, s, out, why, why_size);
}

bool tnd_parse_fraction(const tnd_notation *n, const char *text, tnd_dec *out, char *why,
                        size_t why_size)
{
    span s;
    if (!prepare(&KIND_FRACTION, text, &s, why, why_size))
        return false;
    if (s.p[s.len - 1] == '%')
        return parse_percent_as(n, &KIND_FRACTION, s, out, why, why_size);
    return parse_decimal_as(n, &KIND_FRACTION, s, out, why, why_size);
}

bool tnd_parse_percent(const tnd_notation *n, const char *text, tnd_dec *out, char *why,
                       size_t why_size)
{
    span s;
    if (!prepare(&KIND_PERCENT, text, &s, why, why_size))
        return false;
    return parse_percent_as(n, &KIND_PERCENT, s, out, why, why_size);
}

bool tnd_parse_count(const tnd_notation *n, const char *text, long *out, char *why,
                     size_t why_size)
{
    const notation_kind *k = &KIND_COUNT;
    span s;
    groups g;
    if (!prepare(k, text, &s, why, why_size))
        return false;
    match_result r = match_text(n, PAT_COUNT, s, &g, k, why, why_size);
    if (r == MATCH_FAILED)
        return false;
    if (r == NOT_MATCHED) {
        if (s.p[0] == '-')
            return refuse_because(k, why, why_size, "negatief");
        if (memchr(s.p, ',', s.len))
            return refuse_because(k, why, why_size, "met decimalen");
        return refuse(k, why, why_size);
    }
    int64_t value = 0;
    if (!accumulate_digits(s, LONG_MAX, &value))
        return refuse_because(k, why, why_size, "te groot");
    *out = (long)value;
    return true;
}

/* Dutch month names and the abbreviations in use (mrt and maa, sep and sept), any case. */
static const struct {
    const char *name;
    int month;
} month_names[] = {
    { "januari", 1 },   { "jan", 1 },
    { "februari", 2 },  { "feb", 2 },
    { "maart", 3 },     { "mrt", 3 },  { "maa", 3 },
    { "april", 4 },     { "apr", 4 },
    { "mei", 5 },
    { "juni", 6 },      { "jun", 6 },
    { "juli", 7 },      { "jul", 7 },
    { "augustus", 8 },  { "aug", 8 },
    { "september", 9 }, { "sep", 9 },  { "sept", 9 },
    { "oktober", 10 },  { "okt", 10 },
    { "november", 11 }, { "nov", 11 },
    { "december", 12 }, { "dec", 12 },
};

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool month_from_name(span name, int *month)
{
    for (size_t i = 0; i < sizeof month_names / sizeof month_names[0]; i++) {
        const char *candidate = month_names[i].name;
        if (strlen(candidate) != name.len)
            continue;
        size_t j = 0;
        while (j < name.len && ascii_lower(name.p[j]) == candidate[j])
            j++;
        if (j == name.len) {
            *month = month_names[i].month;
            return true;
        }
    }
    return false;
}

/* A short run of digits (day, month, year, hour, ...; the pattern bounds its length). */
static int small_number(span s)
{
    int64_t value = 0;
    accumulate_digits(s, 9999, &value);
    return (int)value;
}

static bool date_from_groups(const groups *g, const notation_kind *k, tnd_date *out, char *why,
                             size_t why_size)
{
    tnd_date d = { small_number(g->part[G_YEAR]), small_number(g->part[G_MONTH]),
                   small_number(g->part[G_DAY]) };
    span name = g->part[G_MONTH_NAME];
    if (has(name) && !month_from_name(name, &d.month))
        return refuse_because(k, why, why_size, "onbekende maand '%.*s'",
                              (int)(name.len > 20 ? 20 : name.len), name.p);
    if (!tnd_date_valid(d)) {
        if (!tnd_date_valid((tnd_date){ d.year, 1, 1 }))
            return refuse_because(k, why, why_size, "jaar %d valt buiten het bereik", d.year);
        return refuse_because(k, why, why_size, "%02d-%02d-%04d bestaat niet", d.day, d.month,
                              d.year);
    }
    *out = d;
    return true;
}

bool tnd_parse_date(const tnd_notation *n, const char *text, tnd_date *out, char *why,
                    size_t why_size)
{
    const notation_kind *k = &KIND_DATE;
    span s;
    groups g;
    if (!prepare(k, text, &s, why, why_size) ||
        !match_or_refuse(n, PAT_DATE, s, &g, k, why, why_size))
        return false;
    return date_from_groups(&g, k, out, why, why_size);
}

bool tnd_parse_datetime(const tnd_notation *n, const char *text, tnd_datetime *out, char *why,
                        size_t why_size)
{
    const notation_kind *k = &KIND_DATETIME;
    span s;
    groups g;
    if (!prepare(k, text, &s, why, why_size))
        return false;
    match_result r = match_text(n, PAT_DATETIME, s, &g, k, why, why_size);
    if (r == MATCH_FAILED)
        return false;
    if (r == NOT_MATCHED) {
        groups zoned;
        if (match_text(n, PAT_DATETIME_ZONED, s, &zoned, k, why, why_size) == MATCHED)
            return refuse_because(k, why, why_size, "tijdzone niet toegestaan: tijden zijn "
                                                    "lokaal voor de aanbesteding");
        return refuse(k, why, why_size);
    }
    tnd_datetime t;
    if (!date_from_groups(&g, k, &t.date, why, why_size))
        return false;
    t.hour = small_number(g.part[G_HOUR]); /* a date alone is 00:00:00 */
    t.minute = small_number(g.part[G_MINUTE]);
    t.second = small_number(g.part[G_SECOND]);
    if (t.hour > 23 || t.minute > 59 || t.second > 59)
        return refuse_because(k, why, why_size, "tijd %02d:%02d:%02d bestaat niet", t.hour,
                              t.minute, t.second);
    *out = t;
    return true;
}

/* KvK numbers and AGB codes: exactly 8 digits, kept as text (leading zeros matter). */
static bool parse_eight_digits(const tnd_notation *n, const notation_kind *k, const char *text,
                               char out[9], char *why, size_t why_size)
{
    span s;
    groups g;
    if (!prepare(k, text, &s, why, why_size))
        return false;
    match_result r = match_text(n, PAT_DIGIT_GROUPS, s, &g, k, why, why_size);
    if (r == MATCH_FAILED)
        return false;
    if (r == NOT_MATCHED)
        return refuse_because(k, why, why_size, "alleen cijfers, in groepen met spatie of punt");
    char digits[9];
    size_t count = 0;
    for (size_t i = 0; i < s.len; i++) {
        if (s.p[i] < '0' || s.p[i] > '9')
            continue;
        if (count < 8)
            digits[count] = s.p[i];
        count++;
    }
    if (count != 8)
        return refuse_because(k, why, why_size, "%zu cijfers in plaats van 8", count);
    digits[8] = '\0';
    memcpy(out, digits, sizeof digits);
    return true;
}

bool tnd_parse_kvk(const tnd_notation *n, const char *text, char out[9], char *why,
                   size_t why_size)
{
    return parse_eight_digits(n, &KIND_KVK, text, out, why, why_size);
}

bool tnd_parse_agb(const tnd_notation *n, const char *text, char out[9], char *why,
                   size_t why_size)
{
    return parse_eight_digits(n, &KIND_AGB, text, out, why, why_size);
}

/* The words of PAT_BOOL, compared directly first: a bid has dozens of ja/nee answers, and the
 * pattern (kept for the refusal) costs more than the comparison (issue 9). ASCII caseless, as
 * the pattern (not UTF). Returns 1 (yes), 0 (no) or -1 (not one of the words). */
static int bool_word(span s)
{
    static const char *const yes[] = { "ja", "j", "yes", "true", "waar", "1" };
    static const char *const no[] = { "nee", "n", "no", "false", "onwaar", "0" };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strlen(yes[i]) == s.len && strncasecmp(s.p, yes[i], s.len) == 0)
            return 1;
        if (strlen(no[i]) == s.len && strncasecmp(s.p, no[i], s.len) == 0)
            return 0;
    }
    return -1;
}

bool tnd_parse_bool(const tnd_notation *n, const char *text, bool *out, char *why,
                    size_t why_size)
{
    const notation_kind *k = &KIND_BOOL;
    span s;
    groups g;
    if (!prepare(k, text, &s, why, why_size))
        return false;
    int word = n && n->no_shortcuts ? -1 : bool_word(s);
    if (word >= 0) {
        *out = word == 1;
        return true;
    }
    if (!match_or_refuse(n, PAT_BOOL, s, &g, k, why, why_size))
        return false;
    *out = has(g.part[G_YES]);
    return true;
}
