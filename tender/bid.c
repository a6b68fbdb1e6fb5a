/*
 * bid.c - reading one inschrijving (bid) into tnd_bid (see bid.h; format: docs/bid-format.md,
 * schema: tender/schema/bid.xsd).
 *
 * Three layers, each refusing what it can judge:
 *   1. xmlsafe: well-formed, no DTD or entities, bounded size and depth;
 *   2. the embedded XSD: element names, nesting, order, required attributes, enumerated codes;
 *   3. this file: every value typed by a person goes through notation.c (Dutch notation), then a
 *      range check that refuses what cannot be meant (a negative balance total, 120 % occupancy,
 *      a date in 1850), and the list limits below. Each refusal names file:line and shows a
 *      correct example.
 * What a bid leaves out is not refused: it stays absent (has_* false, empty string, no entry),
 * and step 1 of the evaluation (§6) reports it as MISSING. The reader never decides a rule.
 *
 * tnd_bid_validate_against() adds what needs the tender definition: known lots, products, UEA
 * ground codes, financial items, municipalities and intensity products.
 */
#include "tender/bid.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "scoring/facts.h"
#include "tender/embedded.h"
#include "tender/notation.h"
#include "tender/xmlregion.h"
#include "tender/xmlsafe.h"

/* Limits: a real bid is far below them; above them the file is not a bid (or is hostile). */
#define MAX_PARTIES 64     /* bidder + combination members + third parties */
#define MAX_REFERENCES 64
#define MAX_GROUPS 256     /* per list: <residential-groups>, <day-groups> */
#define MAX_LOTS 32
#define MAX_LIST 256       /* UEA grounds, years, certificates, keurmerken, facts, locations, fte */
#define MAX_AGB TND_MAX_AGB                  /* tnd_bid.agb (scoring/model.h) */
#define MAX_PRODUCTS TND_MAX_BID_PRODUCTS    /* tnd_bid_lot.products */
#define MAX_COMPETENCES TND_MAX_COMPETENCES  /* tnd_reference.competences */
#define MAX_CAO TND_MAX_FACT_VALUES          /* tnd_fact.values */

/* Absurd-value bounds. Not tender rules (those are in the definition): values no bid can mean. */
#define YEAR_MIN 1990
#define YEAR_MAX 2100
#define YOUTHS_MAX 1000
#define HOURS_MAX 10000         /* staff hours per week of one group */
#define WEEK_HOURS 168          /* opening hours per week cannot exceed a week */
#define FTE_MAX 100000
#define DISTANCE_MAX_KM 100000
#define PLACES_MAX 100000
#define CLIENTS_MAX 10000000

#define XSD_NAME "tender/schema/bid.xsd (ingebouwd)"
#define FACT_LOCATIONS_IN_REGION "locaties-in-regio" /* derived from <locations> (model.h) */

typedef struct {
    const char *file;
    tnd_notation *notation;
    tnd_error *err;
} reader;

/* ------------------------------------------------------------------------------------------ */
/* Messages                                                                                    */

/* "<kvk>" or "attribuut answer van <ground>": what the user should look at. */
static void field_label(xmlNodePtr node, const char *attr, char *buf, size_t size)
{
    if (attr)
        snprintf(buf, size, "attribuut %s van <%s>", attr, (const char *)node->name);
    else
        snprintf(buf, size, "<%s>", (const char *)node->name);
}

/* The user's text, fit for a one-line message: at most 60 bytes (never cutting a UTF-8
 * sequence; "..." shows the cut), control characters shown as '?'. dst holds >= 64 bytes. */
static void quoted(char dst[64], const char *text)
{
    const char *s = text ? text : "";
    size_t len = strlen(s);
    bool cut = len > 60;
    if (cut) {
        len = 60;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--; /* s[len] is the first byte dropped: back up to a character start */
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        dst[i] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
    }
    snprintf(dst + len, 64 - len, "%s", cut ? "..." : "");
}

/*
 * Fills the error for a value: "<label>: <detail>" at the element's line, with the hint
 * "schrijf bijvoorbeeld <x>example</x>" (or attr="example").
 */
__attribute__((format(printf, 6, 7))) static tnd_status
refuse(reader *r, xmlNodePtr node, const char *attr, tnd_status code, const char *example,
       const char *fmt, ...)
{
    char label[160], detail[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    field_label(node, attr, label, sizeof label);
    tnd_error_set(r->err, code, r->file, tnd_xml_line(node), NULL, "%s: %s", label, detail);
    if (example && attr)
        tnd_error_hint(r->err, "schrijf bijvoorbeeld %s=\"%s\"", attr, example);
    else if (example)
        tnd_error_hint(r->err, "schrijf bijvoorbeeld <%s>%s</%s>", (const char *)node->name,
                       example, (const char *)node->name);
    return code;
}

/* notation.c refused the text: why says why, and names a correct notation. An impossible date
 * ("31-02-2021 bestaat niet") is out of range rather than mistyped (error.h). */
static tnd_status refuse_notation(reader *r, xmlNodePtr node, const char *attr, const char *text,
                                  const char *why, const char *example)
{
    char q[64];
    quoted(q, text);
    tnd_status code = (strstr(why, "bestaat niet") || strstr(why, "buiten het bereik"))
                          ? TND_ERR_RANGE
                          : TND_ERR_VALUE;
    return refuse(r, node, attr, code, example, "'%s' is %s", q, why);
}

/* ------------------------------------------------------------------------------------------ */
/* Typed values: text of an element, or of its attribute when attr is given                    */

/* Room on the caller's stack for the text of one value: nearly every value of a bid fits, so
 * reading one needs no malloc and free (issue 9: about 150 a bid). */
typedef struct {
    char room[128];
} text_buf;

/* The trimmed text, in tb or (longer) malloc'd; text_done gives it back. An absent attribute
 * reads as "". */
static tnd_status text_of(reader *r, xmlNodePtr node, const char *attr, text_buf *tb, char **out)
{
    if (attr) {
        *out = tnd_xml_attr_into(node, attr, tb->room, sizeof tb->room);
        if (!*out && !xmlHasProp(node, BAD_CAST attr)) {
            tb->room[0] = '\0';
            *out = tb->room;
        }
    } else {
        *out = tnd_xml_text_into(node, tb->room, sizeof tb->room);
    }
    return *out ? TND_OK : tnd_error_nomem(r->err, r->file);
}

static void text_done(text_buf *tb, char *text)
{
    if (text != tb->room)
        free(text);
}

/* A name or code into a fixed buffer; longer than the buffer is refused, never cut. */
static tnd_status read_string(reader *r, xmlNodePtr node, const char *attr, char *dst,
                              size_t size)
{
    text_buf tb;
    char *text;
    if (text_of(r, node, attr, &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    size_t len = strlen(text);
    tnd_status rc = TND_OK;
    if (len >= size)
        rc = refuse(r, node, attr, TND_ERR_TOO_LARGE, NULL,
                    "tekst van %zu bytes is te lang (hoogstens %zu)", len, size - 1);
    else
        memcpy(dst, text, len + 1);
    text_done(&tb, text);
    return rc;
}

static tnd_status read_bool(reader *r, xmlNodePtr node, const char *attr, bool *out)
{
    text_buf tb;
    char *text, why[256];
    if (text_of(r, node, attr, &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    tnd_status rc = TND_OK;
    if (!tnd_parse_bool(r->notation, text, out, why, sizeof why))
        rc = refuse_notation(r, node, attr, text, why, "ja");
    text_done(&tb, text);
    return rc;
}

/* Money in cents. may_be_negative: a result or equity can be; assets, cover, revenue cannot. */
/* An amount from the text of node, already read. */
static tnd_status read_money_text(reader *r, xmlNodePtr node, const char *text,
                                  bool may_be_negative, tnd_cents *out)
{
    static const char example[] = "€ 1.250.000,00";
    char why[256], q[64];
    tnd_status rc = TND_OK;
    if (!tnd_parse_money(r->notation, text, out, why, sizeof why)) {
        rc = refuse_notation(r, node, NULL, text, why, example);
    } else if (*out < 0 && !may_be_negative) {
        quoted(q, text);
        rc = refuse(r, node, NULL, TND_ERR_RANGE, example,
                    "'%s' is negatief; dit bedrag kan niet kleiner dan nul zijn", q);
    }
    return rc;
}

static tnd_status read_money(reader *r, xmlNodePtr node, bool may_be_negative, tnd_cents *out)
{
    text_buf tb;
    char *text;
    if (text_of(r, node, NULL, &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    tnd_status rc = read_money_text(r, node, text, may_be_negative, out);
    text_done(&tb, text);
    return rc;
}

/* A whole number in [min, max]. */
static tnd_status read_count(reader *r, xmlNodePtr node, const char *attr, long min, long max,
                             const char *example, long *out)
{
    text_buf tb;
    char *text, why[256], q[64];
    if (text_of(r, node, attr, &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    tnd_status rc = TND_OK;
    if (!tnd_parse_count(r->notation, text, out, why, sizeof why)) {
        rc = refuse_notation(r, node, attr, text, why, example);
    } else if (*out < min || *out > max) {
        quoted(q, text);
        rc = refuse(r, node, attr, TND_ERR_RANGE, example,
                    "'%s' ligt buiten het toegestane bereik %ld t/m %ld", q, min, max);
    }
    text_done(&tb, text);
    return rc;
}

/* Bounds of a decimal value: from `lo` (inclusive unless lo_open) to `hi` inclusive. */
typedef struct {
    tnd_dec lo, hi;
    bool lo_open;
    const char *range_text; /* "0 t/m 10.000", "groter dan 0 en ten hoogste 100%" */
    const char *example;
} dec_bounds;

static tnd_status check_dec(reader *r, xmlNodePtr node, const char *text, tnd_dec v,
                            const dec_bounds *b)
{
    int lo = tnd_dec_cmp(v, b->lo);
    if ((b->lo_open ? lo > 0 : lo >= 0) && tnd_dec_cmp(v, b->hi) <= 0)
        return TND_OK;
    char q[64];
    quoted(q, text);
    return refuse(r, node, NULL, TND_ERR_RANGE, b->example,
                  "'%s' ligt buiten het toegestane bereik (%s)", q, b->range_text);
}

/* A decimal in the element's text, or in its attribute when attr is given. */
static tnd_status read_decimal_at(reader *r, xmlNodePtr node, const char *attr,
                                  const dec_bounds *b, tnd_dec *out)
{
    text_buf tb;
    char *text, why[256];
    if (text_of(r, node, attr, &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    tnd_status rc;
    if (!tnd_parse_decimal(r->notation, text, out, why, sizeof why))
        rc = refuse_notation(r, node, attr, text, why, b->example);
    else
        rc = check_dec(r, node, text, *out, b);
    text_done(&tb, text);
    return rc;
}

static tnd_status read_decimal(reader *r, xmlNodePtr node, const dec_bounds *b, tnd_dec *out)
{
    return read_decimal_at(r, node, NULL, b, out);
}

/* "95%" or "0,95" */
static tnd_status read_fraction(reader *r, xmlNodePtr node, const dec_bounds *b, tnd_dec *out)
{
    text_buf tb;
    char *text, why[256];
    if (text_of(r, node, NULL, &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    tnd_status rc;
    if (!tnd_parse_fraction(r->notation, text, out, why, sizeof why))
        rc = refuse_notation(r, node, NULL, text, why, b->example);
    else
        rc = check_dec(r, node, text, *out, b);
    text_done(&tb, text);
    return rc;
}

static tnd_status check_year(reader *r, xmlNodePtr node, const char *attr, const char *text,
                             int year, const char *example)
{
    if (year >= YEAR_MIN && year <= YEAR_MAX)
        return TND_OK;
    char q[64];
    quoted(q, text);
    return refuse(r, node, attr, TND_ERR_RANGE, example,
                  "'%s' ligt buiten de jaren %d t/m %d", q, YEAR_MIN, YEAR_MAX);
}

static tnd_status read_date(reader *r, xmlNodePtr node, tnd_date *out)
{
    static const char example[] = "18-07-2022";
    text_buf tb;
    char *text, why[256];
    if (text_of(r, node, NULL, &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    tnd_status rc;
    if (!tnd_parse_date(r->notation, text, out, why, sizeof why))
        rc = refuse_notation(r, node, NULL, text, why, example);
    else
        rc = check_year(r, node, NULL, text, out->year, example);
    text_done(&tb, text);
    return rc;
}

static tnd_status read_datetime(reader *r, xmlNodePtr node, tnd_datetime *out)
{
    static const char example[] = "18-07-2022 10:30";
    text_buf tb;
    char *text, why[256];
    if (text_of(r, node, NULL, &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    tnd_status rc;
    if (!tnd_parse_datetime(r->notation, text, out, why, sizeof why))
        rc = refuse_notation(r, node, NULL, text, why, example);
    else
        rc = check_year(r, node, NULL, text, out->date.year, example);
    text_done(&tb, text);
    return rc;
}

/* A year attribute (the XSD guarantees four digits). */
static tnd_status read_year(reader *r, xmlNodePtr node, const char *attr, int *out)
{
    text_buf tb;
    char *text;
    if (text_of(r, node, attr, &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    *out = atoi(text);
    tnd_status rc = check_year(r, node, attr, text, *out, "2021");
    text_done(&tb, text);
    return rc;
}

typedef bool (*eight_digit_parser)(const tnd_notation *, const char *, char[9], char *, size_t);

static tnd_status read_eight_digits(reader *r, xmlNodePtr node, eight_digit_parser parse,
                                    char out[9])
{
    text_buf tb;
    char *text, why[256];
    if (text_of(r, node, NULL, &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    tnd_status rc = TND_OK;
    if (!parse(r->notation, text, out, why, sizeof why))
        rc = refuse_notation(r, node, NULL, text, why, "12345678");
    text_done(&tb, text);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Lists                                                                                       */

static bool named(xmlNodePtr node, const char *name)
{
    return xmlStrEqual(node->name, BAD_CAST name);
}

static size_t count_children(xmlNodePtr parent, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = tnd_xml_child(parent, name); c; c = tnd_xml_next(c, name))
        n++;
    return n;
}

/* Refuses more than `limit` <name> children of parent, at the line of the first one too many. */
static tnd_status check_limit(reader *r, xmlNodePtr parent, const char *name, size_t limit,
                              const char *what)
{
    size_t n = 0;
    for (xmlNodePtr c = tnd_xml_child(parent, name); c; c = tnd_xml_next(c, name))
        if (++n > limit)
            return tnd_error_set(r->err, TND_ERR_TOO_LARGE, r->file, tnd_xml_line(c),
                                 "een inschrijving heeft er veel minder; controleer of het "
                                 "juiste bestand is gekozen",
                                 "meer dan %zu %s (<%s>) in <%s>", limit, what,
                                 (const char *)c->name, (const char *)parent->name);
    return TND_OK;
}

/* Counts, checks the limit and allocates zeroed room for the <name> children of parent.
 * *out stays NULL when there are none. */
static tnd_status alloc_children(reader *r, xmlNodePtr parent, const char *name, size_t limit,
                                 const char *what, size_t elem_size, void **out, size_t *count)
{
    *out = NULL;
    *count = count_children(parent, name);
    tnd_status rc = check_limit(r, parent, name, limit, what);
    if (rc != TND_OK || *count == 0)
        return rc;
    *out = calloc(*count, elem_size);
    return *out ? TND_OK : tnd_error_nomem(r->err, r->file);
}

static tnd_status duplicate(reader *r, xmlNodePtr node, const char *what, const char *value)
{
    char q[64];
    quoted(q, value);
    return tnd_error_set(r->err, TND_ERR_VALUE, r->file, tnd_xml_line(node),
                         "elk gegeven staat er één keer in; verwijder of corrigeer de "
                         "herhaling",
                         "<%s>: %s '%s' komt twee keer voor", (const char *)node->name, what, q);
}

/* Reads one list item into the zeroed struct at item. */
typedef tnd_status (*item_reader)(reader *r, xmlNodePtr node, void *item);

/* Allocates the <name> children of parent (within limit) and reads each with read_item;
 * *out and *count hold what was allocated, also on failure (tnd_bid_free releases it). */
static tnd_status read_list(reader *r, xmlNodePtr parent, const char *name, size_t limit,
                            const char *what, size_t elem_size, item_reader read_item,
                            void **out, size_t *count)
{
    tnd_status rc = alloc_children(r, parent, name, limit, what, elem_size, out, count);
    char *item = *out;
    for (xmlNodePtr c = tnd_xml_child(parent, name); c && rc == TND_OK; c = tnd_xml_next(c, name)) {
        rc = read_item(r, c, item);
        item += elem_size;
    }
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Parties                                                                                     */

static tnd_status read_uea(reader *r, xmlNodePtr node, tnd_party *p)
{
    void *mem;
    size_t n;
    tnd_status rc = alloc_children(r, node, "ground", MAX_LIST, "uitsluitingsgronden",
                                   sizeof *p->answers, &mem, &n);
    if (rc != TND_OK)
        return rc;
    p->answers = mem;
    p->has_uea = true;
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "ground")) {
            tnd_uea_answer *a = &p->answers[p->n_answers];
            a->line = tnd_xml_line(c);
            rc = read_string(r, c, "code", a->code, sizeof a->code);
            if (rc == TND_OK)
                rc = read_bool(r, c, "answer", &a->yes);
            for (size_t i = 0; rc == TND_OK && i < p->n_answers; i++)
                if (strcmp(p->answers[i].code, a->code) == 0)
                    rc = duplicate(r, c, "uitsluitingsgrond", a->code);
            if (rc == TND_OK)
                p->n_answers++;
        } else if (named(c, "part-iic")) {
            rc = read_bool(r, c, NULL, &p->part_iic_yes);
        } else if (named(c, "part-iv")) {
            p->has_part_iv = true;
            rc = read_bool(r, c, NULL, &p->part_iv_yes);
        }
    }
    return rc;
}

static tnd_status read_insurance(reader *r, xmlNodePtr node, tnd_party *p)
{
    tnd_status rc = TND_OK;
    p->insurance_line = tnd_xml_line(node);
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "cover-per-event")) {
            p->has_insurance = true; /* a cover is stated (§5.3.2) */
            rc = read_money(r, c, false, &p->insurance_cover);
        } else if (named(c, "concern-policy")) {
            rc = read_bool(r, c, NULL, &p->concern_policy);
        } else if (named(c, "named-insured")) {
            rc = read_bool(r, c, NULL, &p->named_insured);
        }
    }
    return rc;
}

static tnd_status read_documents(reader *r, xmlNodePtr node, tnd_party *p)
{
    tnd_status rc = TND_OK;
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "kvk-extract")) {
            p->has_kvk_extract = true;
            rc = read_date(r, c, &p->kvk_extract);
        } else if (named(c, "gedragsverklaring")) {
            p->has_gedragsverklaring = true;
            rc = read_date(r, c, &p->gedragsverklaring);
        } else if (named(c, "belastingverklaring")) {
            p->has_belastingverklaring = true;
            rc = read_date(r, c, &p->belastingverklaring);
        }
    }
    return rc;
}

/* AGB codes and provider type belong to the bid as a whole; only <bidder> has them (XSD). */
static tnd_status read_bidder_identity(reader *r, xmlNodePtr c, tnd_bid *bid)
{
    if (named(c, "provider-type"))
        return read_string(r, c, NULL, bid->provider_type, sizeof bid->provider_type);
    if (bid->n_agb == MAX_AGB)
        return tnd_error_set(r->err, TND_ERR_TOO_LARGE, r->file, tnd_xml_line(c),
                             "§5.5.1.3 vraagt precies één AGB-code",
                             "meer dan %d AGB-codes (<agb>) in <bidder>", MAX_AGB);
    tnd_status rc = read_eight_digits(r, c, tnd_parse_agb, bid->agb[bid->n_agb]);
    if (rc == TND_OK)
        bid->n_agb++;
    return rc;
}

/* Any party: <bidder>, <member> or <third-party>. bid is given for <bidder> only. */
static tnd_status read_party(reader *r, xmlNodePtr node, tnd_party *p, tnd_bid *bid)
{
    tnd_status rc = TND_OK;
    p->line = tnd_xml_line(node);
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "name"))
            rc = read_string(r, c, NULL, p->name, sizeof p->name);
        else if (named(c, "kvk"))
            rc = read_eight_digits(r, c, tnd_parse_kvk, p->kvk);
        else if (named(c, "legal-form"))
            rc = read_string(r, c, NULL, p->legal_form, sizeof p->legal_form);
        else if (bid && (named(c, "agb") || named(c, "provider-type")))
            rc = read_bidder_identity(r, c, bid);
        else if (named(c, "uea"))
            rc = read_uea(r, c, p);
        else if (named(c, "insurance"))
            rc = read_insurance(r, c, p);
        else if (named(c, "documents"))
            rc = read_documents(r, c, p);
        else if (named(c, "joint-liability-signed"))
            rc = read_bool(r, c, NULL, &p->joint_liability_signed);
        else if (named(c, "relied-for"))
            rc = read_string(r, c, NULL, p->relied_for, sizeof p->relied_for);
        else if (named(c, "declaration-signed"))
            rc = read_bool(r, c, NULL, &p->declaration_signed);
    }
    return rc;
}

/* A combination member or a third party (no AGB codes, no provider type of their own). */
static tnd_status read_other_party(reader *r, xmlNodePtr node, void *item)
{
    return read_party(r, node, item, NULL);
}

/* <combination> members or <third-parties>; *parties counts every party read so far, so that
 * the limit holds for the bidder, the members and the third parties together. */
static tnd_status read_party_list(reader *r, xmlNodePtr node, const char *name, tnd_party **out,
                                  size_t *n, size_t *parties)
{
    size_t seen = *parties;
    for (xmlNodePtr c = tnd_xml_child(node, name); c; c = tnd_xml_next(c, name))
        if (++seen > MAX_PARTIES)
            return tnd_error_set(r->err, TND_ERR_TOO_LARGE, r->file, tnd_xml_line(c),
                                 "een inschrijving heeft er veel minder; controleer of het "
                                 "juiste bestand is gekozen",
                                 "meer dan %d partijen (inschrijver, combinatieleden en derden "
                                 "samen) bij <%s>", MAX_PARTIES, name);
    *parties = seen;
    void *mem;
    /* *n is the allocated count: tnd_bid_free frees the answers of every entry, filled or not */
    tnd_status rc = read_list(r, node, name, MAX_PARTIES, "partijen", sizeof **out,
                              read_other_party, &mem, n);
    *out = mem;
    return rc;
}

static tnd_status read_holding(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    tnd_status rc = TND_OK;
    bid->has_holding = true;
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "name"))
            rc = read_string(r, c, NULL, bid->holding, sizeof bid->holding);
        else if (named(c, "declaration"))
            rc = read_bool(r, c, NULL, &bid->holding_declaration);
        else if (named(c, "guarantee"))
            rc = read_bool(r, c, NULL, &bid->holding_guarantee);
    }
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Lots                                                                                        */

static tnd_status read_lot(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    tnd_bid_lot *lot = &bid->lots[bid->n_lots];
    text_buf tb;
    char *text;
    lot->line = tnd_xml_line(node);
    if (text_of(r, node, "number", &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    lot->number = atoi(text); /* the XSD allows 1 to 3 digits */
    text_done(&tb, text);
    if (lot->number < 1)
        return refuse(r, node, "number", TND_ERR_RANGE, "3", "perceelnummer 0 bestaat niet");
    for (size_t i = 0; i < bid->n_lots; i++)
        if (bid->lots[i].number == lot->number) {
            char num[16];
            snprintf(num, sizeof num, "%d", lot->number);
            return duplicate(r, node, "perceel", num);
        }
    tnd_status rc = TND_OK;
    if (xmlHasProp(node, BAD_CAST "capacity"))
        rc = read_count(r, node, "capacity", 0, PLACES_MAX, "12", &lot->capacity);
    if (rc == TND_OK)
        rc = check_limit(r, node, "product", MAX_PRODUCTS, "voorzieningen");
    for (xmlNodePtr c = tnd_xml_child(node, "product"); c && rc == TND_OK;
         c = tnd_xml_next(c, "product")) {
        char code[TND_CODE_LEN];
        rc = read_string(r, c, NULL, code, sizeof code);
        for (int i = 0; rc == TND_OK && i < lot->n_products; i++)
            if (strcmp(lot->products[i], code) == 0)
                rc = duplicate(r, c, "voorziening", code);
        if (rc == TND_OK && !tnd_bid_lot_add_product(lot, code))
            rc = tnd_error_nomem(r->err, r->file);
    }
    if (rc == TND_OK) {
        bid->n_lots++;
    } else { /* not counted in n_lots, so tnd_bid_free would not see its products */
        free(lot->products);
        lot->products = NULL;
        lot->n_products = 0;
    }
    return rc;
}

static tnd_status read_lots(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    void *mem;
    size_t n;
    tnd_status rc = alloc_children(r, node, "lot", MAX_LOTS, "percelen", sizeof *bid->lots,
                                   &mem, &n);
    bid->lots = mem;
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "lot"))
            rc = read_lot(r, c, bid);
        else if (named(c, "cascade-opt-out"))
            rc = read_bool(r, c, NULL, &bid->cascade_opt_out);
    }
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Financials (Bijlage XVI, §5.3.1)                                                            */

/* The lines of Bijlage XVI (the XSD's element names) and whether a value may be negative: a
 * loss and negative equity are possible, negative assets, revenue or debts are typing errors.
 * The definition states the same per item (tnd_fin_item.may_be_negative); validate_against
 * applies the definition's word as well. */
static const struct {
    const char *item;
    bool may_be_negative;
} fin_lines[] = {
    { "resultaat", true },         { "omzet", false },
    { "eigen-vermogen", true },    { "activa", false },
    { "vlottende-activa", false }, { "liquide-middelen", false },
    { "kortlopende-schulden", false },
};
#define N_FIN_LINES (sizeof fin_lines / sizeof fin_lines[0])

/* "n.v.t." (niet van toepassing, any case, dots optional) or an empty cell: no figure. */
static bool not_applicable(const char *text)
{
    char letters[8];
    size_t n = 0;
    for (const char *p = text; *p; p++) {
        if (*p == '.' || *p == ' ')
            continue;
        if (n == sizeof letters - 1)
            return false;
        letters[n++] = *p;
    }
    letters[n] = '\0';
    return n == 0 || strcasecmp(letters, "nvt") == 0;
}

static tnd_status read_year_figures(reader *r, xmlNodePtr node, tnd_bid *bid, int year)
{
    tnd_status rc = TND_OK;
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        size_t k = 0;
        while (k < N_FIN_LINES && !named(c, fin_lines[k].item))
            k++;
        if (k == N_FIN_LINES)
            continue; /* not reached: the XSD allows only the lines above */
        text_buf tb;
        char *text;
        if (text_of(r, c, NULL, &tb, &text) != TND_OK)
            return TND_ERR_NOMEM;
        if (not_applicable(text)) {
            text_done(&tb, text);
            continue; /* a missing figure is incompleteness, never a zero (§5.3.1 digest) */
        }
        tnd_figure *f = &bid->figures[bid->n_figures];
        size_t len = strnlen(fin_lines[k].item, sizeof f->item - 1); /* ASCII: fits, or cut */
        memcpy(f->item, fin_lines[k].item, len);
        f->item[len] = '\0';
        f->year = year;
        f->line = tnd_xml_line(c);
        rc = read_money_text(r, c, text, fin_lines[k].may_be_negative, &f->amount);
        text_done(&tb, text);
        if (rc == TND_OK)
            bid->n_figures++;
    }
    return rc;
}

static tnd_status read_plan_status(reader *r, xmlNodePtr node, tnd_plan_status *out)
{
    static const struct {
        const char *code;
        tnd_plan_status status;
    } plans[] = {
        { "none", TND_PLAN_NONE },         { "submitted", TND_PLAN_SUBMITTED },
        { "accepted", TND_PLAN_ACCEPTED }, { "rejected", TND_PLAN_REJECTED },
        { "not-delivered", TND_PLAN_NOT_DELIVERED },
    };
    text_buf tb;
    char *text;
    if (text_of(r, node, NULL, &tb, &text) != TND_OK)
        return TND_ERR_NOMEM;
    size_t i = 0;
    while (i < sizeof plans / sizeof plans[0] && strcmp(text, plans[i].code) != 0)
        i++;
    text_done(&tb, text);
    if (i == sizeof plans / sizeof plans[0]) /* not reached: the XSD enumerates the codes */
        return refuse(r, node, NULL, TND_ERR_VALUE, "none", "onbekende status");
    *out = plans[i].status;
    return TND_OK;
}

static tnd_status read_financials(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    bid->has_financials = true;
    size_t years = count_children(node, "year");
    tnd_status rc = check_limit(r, node, "year", MAX_LIST / N_FIN_LINES, "jaren");
    if (rc != TND_OK)
        return rc;
    if (years && !(bid->figures = calloc(years * N_FIN_LINES, sizeof *bid->figures)))
        return tnd_error_nomem(r->err, r->file);
    int seen[MAX_LIST / N_FIN_LINES];
    size_t n_seen = 0;
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "year")) {
            int year;
            rc = read_year(r, c, "value", &year);
            for (size_t i = 0; rc == TND_OK && i < n_seen; i++)
                if (seen[i] == year) {
                    char num[16];
                    snprintf(num, sizeof num, "%d", year);
                    rc = duplicate(r, c, "jaar", num);
                }
            if (rc == TND_OK) {
                seen[n_seen++] = year;
                rc = read_year_figures(r, c, bid, year);
            }
        } else if (named(c, "startup")) {
            rc = read_bool(r, c, NULL, &bid->startup);
        } else if (named(c, "going-concern-negative")) {
            bid->has_going_concern = true;
            rc = read_bool(r, c, NULL, &bid->going_concern_negative);
        } else if (named(c, "financial-plan")) {
            rc = read_plan_status(r, c, &bid->financial_plan);
        }
    }
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Quality (§5.5.1)                                                                            */

static tnd_status read_certificate(reader *r, xmlNodePtr node, tnd_certificate *cert)
{
    tnd_status rc = TND_OK;
    cert->line = tnd_xml_line(node);
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "scheme")) {
            rc = read_string(r, c, NULL, cert->scheme, sizeof cert->scheme);
        } else if (named(c, "equivalent")) {
            rc = read_bool(r, c, NULL, &cert->equivalent);
        } else if (named(c, "valid-until")) {
            cert->has_valid_until = true;
            rc = read_date(r, c, &cert->valid_until);
        } else if (named(c, "evidence")) {
            rc = read_string(r, c, NULL, cert->evidence, sizeof cert->evidence);
        }
    }
    return rc;
}

static tnd_status read_keurmerk(reader *r, xmlNodePtr node, tnd_keurmerk *k)
{
    tnd_status rc = TND_OK;
    k->line = tnd_xml_line(node);
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "kind")) {
            rc = read_string(r, c, NULL, k->kind, sizeof k->kind);
        } else if (named(c, "status")) {
            text_buf tb;
            char *text;
            if (text_of(r, c, NULL, &tb, &text) != TND_OK)
                return TND_ERR_NOMEM;
            /* the XSD enumerates held / in-progress / none */
            k->status = strcmp(text, "held") == 0          ? TND_KEURMERK_HELD
                        : strcmp(text, "in-progress") == 0 ? TND_KEURMERK_IN_PROGRESS
                                                           : TND_KEURMERK_NONE;
            text_done(&tb, text);
        }
    }
    return rc;
}

static tnd_status read_quality(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    void *certs, *marks;
    tnd_status rc = alloc_children(r, node, "certificate", MAX_LIST, "certificaten",
                                   sizeof *bid->certificates, &certs, &bid->n_certificates);
    bid->certificates = certs;
    if (rc != TND_OK)
        return rc;
    rc = alloc_children(r, node, "keurmerk", MAX_LIST, "keurmerken", sizeof *bid->keurmerken,
                        &marks, &bid->n_keurmerken);
    bid->keurmerken = marks;
    size_t i = 0, j = 0;
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "certificate"))
            rc = read_certificate(r, c, &bid->certificates[i++]);
        else if (named(c, "keurmerk"))
            rc = read_keurmerk(r, c, &bid->keurmerken[j++]);
    }
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* References (§5.4)                                                                           */

static tnd_status read_competence(reader *r, xmlNodePtr node, tnd_reference *ref)
{
    if (ref->n_competences == MAX_COMPETENCES)
        return tnd_error_set(r->err, TND_ERR_TOO_LARGE, r->file, tnd_xml_line(node),
                             "noem elke kerncompetentie één keer: KC1, KC2, KC3",
                             "meer dan %d kerncompetenties (<competence>) in <reference>",
                             MAX_COMPETENCES);
    char *id = ref->competences[ref->n_competences];
    tnd_status rc = read_string(r, node, NULL, id, sizeof ref->competences[0]);
    for (int i = 0; rc == TND_OK && i < ref->n_competences; i++)
        if (strcmp(ref->competences[i], id) == 0)
            rc = duplicate(r, node, "kerncompetentie", id);
    if (rc == TND_OK)
        ref->n_competences++;
    return rc;
}

static tnd_status read_reference(reader *r, xmlNodePtr node, void *item)
{
    tnd_reference *ref = item;
    tnd_status rc = TND_OK;
    xmlNodePtr end_node = NULL;
    ref->line = tnd_xml_line(node);
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "referent")) {
            rc = read_string(r, c, NULL, ref->referent, sizeof ref->referent);
            if (rc == TND_OK && xmlHasProp(c, BAD_CAST "kind"))
                rc = read_string(r, c, "kind", ref->referent_kind, sizeof ref->referent_kind);
        } else if (named(c, "start")) {
            rc = read_date(r, c, &ref->start);
        } else if (named(c, "end")) {
            ref->has_end = true;
            end_node = c;
            rc = read_date(r, c, &ref->end);
        } else if (named(c, "ongoing")) {
            rc = read_bool(r, c, NULL, &ref->ongoing);
        } else if (named(c, "competence")) {
            rc = read_competence(r, c, ref);
        } else if (named(c, "dissolved-early")) {
            rc = read_bool(r, c, NULL, &ref->dissolved_early);
        } else if (named(c, "clients-served")) {
            ref->has_clients_served = true;
            rc = read_count(r, c, NULL, 0, CLIENTS_MAX, "25", &ref->clients_served);
        } else if (named(c, "forecast-results")) {
            rc = read_bool(r, c, NULL, &ref->forecast_results);
        } else if (named(c, "subcontractor")) {
            rc = read_string(r, c, NULL, ref->subcontractor, sizeof ref->subcontractor);
            if (rc == TND_OK && xmlHasProp(c, BAD_CAST "deployed"))
                rc = read_bool(r, c, "deployed", &ref->subcontractor_deployed);
        } else if (named(c, "third-party")) {
            rc = read_string(r, c, NULL, ref->third_party, sizeof ref->third_party);
        }
    }
    /* start is absent when its year is 0 (tnd_date_valid false) */
    if (rc == TND_OK && end_node && ref->start.year != 0 &&
        tnd_date_cmp(ref->end, ref->start) < 0) {
        char start[16];
        tnd_date_nl(ref->start, start);
        rc = refuse(r, end_node, NULL, TND_ERR_RANGE, "31-12-2021",
                    "de einddatum ligt vóór de begindatum %s", start);
    }
    return rc;
}

static tnd_status read_references(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    void *mem;
    bid->has_references = true;
    tnd_status rc = read_list(r, node, "reference", MAX_REFERENCES, "referenties",
                              sizeof *bid->references, read_reference, &mem, &bid->n_references);
    bid->references = mem;
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Facts (§5.6, lot 9)                                                                         */

/* The facts of <facts> and what each holds: the one vocabulary of scoring/facts.c. */

static tnd_fact *find_fact(tnd_bid *bid, const char *name, int year)
{
    for (size_t i = 0; i < bid->n_facts; i++)
        if (strcmp(bid->facts[i].name, name) == 0 && bid->facts[i].year == year)
            return &bid->facts[i];
    return NULL;
}

/* A text fact (<cao>): one element per value, gathered into one TEXT fact. */
static tnd_status add_text_fact(reader *r, xmlNodePtr node, const char *name, tnd_bid *bid)
{
    tnd_fact *f = find_fact(bid, name, 0);
    if (!f) {
        f = &bid->facts[bid->n_facts++];
        snprintf(f->name, sizeof f->name, "%s", name);
        f->type = TND_FACT_TEXT;
        f->line = tnd_xml_line(node);
    }
    if (f->n_values == MAX_CAO)
        return tnd_error_set(r->err, TND_ERR_TOO_LARGE, r->file, tnd_xml_line(node), NULL,
                             "meer dan %d waarden van <%s> in <facts>", MAX_CAO, name);
    char *value = f->values[f->n_values];
    tnd_status rc = read_string(r, node, NULL, value, sizeof f->values[0]);
    for (int i = 0; rc == TND_OK && i < f->n_values; i++)
        if (strcasecmp(f->values[i], value) == 0)
            rc = duplicate(r, node, name, value);
    if (rc == TND_OK)
        f->n_values++;
    return rc;
}

static tnd_status read_fact(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    const tnd_fact_spec *spec = tnd_fact_spec_find((const char *)node->name);
    if (!spec || spec->origin != TND_FACT_IN_BID)
        return TND_OK; /* not reached: the XSD allows only the facts of the table */
    if (spec->kind == TND_FACT_KIND_TEXT)
        return add_text_fact(r, node, spec->name, bid);

    tnd_fact *f = &bid->facts[bid->n_facts];
    memset(f, 0, sizeof *f);
    snprintf(f->name, sizeof f->name, "%s", spec->name);
    f->line = tnd_xml_line(node);
    f->type = tnd_fact_kind_type(spec->kind);
    tnd_status rc = TND_OK;
    if (spec->per_year && (rc = read_year(r, node, "year", &f->year)) != TND_OK)
        return rc; /* not counted: n_facts is unchanged */
    long count;
    const dec_bounds bounds = { { spec->min }, { spec->max }, false, spec->range_text,
                                spec->example };
    switch (spec->kind) {
    case TND_FACT_KIND_FLAG:
        rc = read_bool(r, node, NULL, &f->flag);
        break;
    case TND_FACT_KIND_DECIMAL:
        rc = read_decimal(r, node, &bounds, &f->number);
        break;
    case TND_FACT_KIND_COUNT:
        rc = read_count(r, node, NULL, (long)spec->min, (long)spec->max, spec->example, &count);
        if (rc == TND_OK)
            f->number = tnd_dec_from_int(count);
        break;
    case TND_FACT_KIND_MONEY:
        rc = read_money(r, node, spec->min < 0, &f->money);
        break;
    case TND_FACT_KIND_TEXT:
        break;
    }
    if (rc == TND_OK && find_fact(bid, f->name, f->year))
        rc = duplicate(r, node, "gegeven", f->name);
    if (rc == TND_OK)
        bid->n_facts++;
    return rc;
}

static tnd_status read_facts(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    tnd_status rc = check_limit(r, node, NULL, MAX_LIST, "gegevens");
    size_t n = count_children(node, NULL);
    if (rc != TND_OK || n == 0)
        return rc;
    if (!(bid->facts = calloc(n, sizeof *bid->facts)))
        return tnd_error_nomem(r->err, r->file);
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL))
        rc = read_fact(r, c, bid);
    return rc;
}

/* locaties-in-regio: the number of locations inside the tender's area (a municipality id). */
static tnd_status add_locations_fact(reader *r, xmlNodePtr locations, tnd_bid *bid)
{
    tnd_fact *grown = realloc(bid->facts, (bid->n_facts + 1) * sizeof *bid->facts);
    if (!grown)
        return tnd_error_nomem(r->err, r->file);
    bid->facts = grown;
    tnd_fact *f = &bid->facts[bid->n_facts++];
    memset(f, 0, sizeof *f);
    snprintf(f->name, sizeof f->name, FACT_LOCATIONS_IN_REGION);
    f->type = TND_FACT_NUMBER;
    f->line = tnd_xml_line(locations);
    long inside = 0;
    for (size_t i = 0; i < bid->n_locations; i++)
        if (bid->locations[i].municipality[0])
            inside++;
    f->number = tnd_dec_from_int(inside);
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Locations, FTE, groups                                                                      */

static tnd_status read_location(reader *r, xmlNodePtr node, void *item)
{
    tnd_location *loc = item;
    static const dec_bounds km = { { 0 }, { DISTANCE_MAX_KM * TND_DEC_SCALE }, false,
                                   "0 t/m 100.000 km", "12,5" };
    tnd_status rc = TND_OK;
    bool has_distance = false;
    loc->line = tnd_xml_line(node);
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "name")) {
            rc = read_string(r, c, NULL, loc->name, sizeof loc->name);
        } else if (named(c, "municipality")) {
            rc = read_string(r, c, NULL, loc->municipality, sizeof loc->municipality);
        } else if (named(c, "places")) {
            rc = read_count(r, c, NULL, 0, PLACES_MAX, "10", &loc->places);
        } else if (named(c, "distance-km")) {
            has_distance = true;
            rc = read_decimal(r, c, &km, &loc->distance_km);
        } else if (named(c, "residential")) {
            rc = read_bool(r, c, NULL, &loc->residential);
        }
    }
    /* Inside the area the distance is 0; outside it, 0 would silently mean "inside" (§6.1
     * criterion C counts places within 15 km), so it must be given. */
    if (rc == TND_OK && !loc->municipality[0] && !has_distance)
        rc = tnd_error_set(r->err, TND_ERR_VALUE, r->file, loc->line,
                           "geef de gemeente-id (bijvoorbeeld <municipality>zwolle</municipality>)"
                           " of de afstand hemelsbreed (<distance-km>12,5</distance-km>)",
                           "<location> ligt buiten het gebied (geen <municipality>) en noemt "
                           "geen <distance-km>");
    return rc;
}

static tnd_status read_locations(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    void *mem;
    tnd_status rc = read_list(r, node, "location", MAX_LIST, "locaties", sizeof *bid->locations,
                              read_location, &mem, &bid->n_locations);
    bid->locations = mem;
    return rc == TND_OK ? add_locations_fact(r, node, bid) : rc;
}

static tnd_status read_fte(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    static const dec_bounds fte = { { 0 }, { FTE_MAX * TND_DEC_SCALE }, false, "0 t/m 100.000",
                                    "3,5" };
    void *mem;
    size_t n;
    tnd_status rc = alloc_children(r, node, "tariefgroep", MAX_LIST, "tariefgroepen",
                                   sizeof *bid->fte, &mem, &n);
    bid->fte = mem;
    for (xmlNodePtr c = tnd_xml_child(node, "tariefgroep"); c && rc == TND_OK;
         c = tnd_xml_next(c, "tariefgroep")) {
        tnd_fte *f = &bid->fte[bid->n_fte];
        f->line = tnd_xml_line(c);
        rc = read_string(r, c, "code", f->tariff_group, sizeof f->tariff_group);
        if (rc == TND_OK)
            rc = read_decimal(r, c, &fte, &f->fte);
        for (size_t i = 0; rc == TND_OK && i < bid->n_fte; i++)
            if (strcmp(bid->fte[i].tariff_group, f->tariff_group) == 0)
                rc = duplicate(r, c, "tariefgroep", f->tariff_group);
        if (rc == TND_OK)
            bid->n_fte++;
    }
    return rc;
}

static const dec_bounds staff_hours = { { 0 }, { HOURS_MAX * TND_DEC_SCALE }, false,
                                        "0 t/m 10.000 uur per week", "220" };

static tnd_status read_residential_group(reader *r, xmlNodePtr node, void *item)
{
    tnd_residential_group *g = item;
    static const dec_bounds occupancy = { { 0 }, { TND_DEC_SCALE }, true,
                                          "groter dan 0% en ten hoogste 100%", "95%" };
    tnd_status rc = TND_OK;
    g->line = tnd_xml_line(node);
    snprintf(g->kind, sizeof g->kind, "regular"); /* no <kind>: the 95 % floor applies (§9) */
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "name"))
            rc = read_string(r, c, NULL, g->name, sizeof g->name);
        else if (named(c, "kind"))
            rc = read_string(r, c, NULL, g->kind, sizeof g->kind);
        else if (named(c, "provider-type"))
            rc = read_string(r, c, NULL, g->provider_type, sizeof g->provider_type);
        else if (named(c, "youths"))
            rc = read_count(r, c, NULL, 1, YOUTHS_MAX, "8", &g->youths);
        else if (named(c, "occupancy"))
            rc = read_fraction(r, c, &occupancy, &g->occupancy);
        else if (named(c, "staff-hours-week"))
            rc = read_decimal(r, c, &staff_hours, &g->staff_hours_week);
        else if (named(c, "claimed"))
            rc = read_string(r, c, NULL, g->claimed, sizeof g->claimed);
    }
    return rc;
}

static tnd_status read_day_group(reader *r, xmlNodePtr node, void *item)
{
    tnd_day_group *g = item;
    static const dec_bounds opening = { { 0 }, { WEEK_HOURS * TND_DEC_SCALE }, true,
                                        "groter dan 0 en ten hoogste 168 uur per week", "32,5" };
    tnd_status rc = TND_OK;
    g->line = tnd_xml_line(node);
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "name"))
            rc = read_string(r, c, NULL, g->name, sizeof g->name);
        else if (named(c, "youths"))
            rc = read_count(r, c, NULL, 1, YOUTHS_MAX, "8", &g->youths);
        else if (named(c, "opening-hours-week"))
            rc = read_decimal(r, c, &opening, &g->opening_hours_week);
        else if (named(c, "staff-hours-week"))
            rc = read_decimal(r, c, &staff_hours, &g->staff_hours_week);
        else if (named(c, "claimed"))
            rc = read_string(r, c, NULL, g->claimed, sizeof g->claimed);
    }
    return rc;
}

static tnd_status read_residential_groups(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    void *mem;
    tnd_status rc = read_list(r, node, "group", MAX_GROUPS, "groepen",
                              sizeof *bid->residential_groups, read_residential_group, &mem,
                              &bid->n_residential_groups);
    bid->residential_groups = mem;
    return rc;
}

static tnd_status read_day_groups(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    void *mem;
    tnd_status rc = read_list(r, node, "group", MAX_GROUPS, "groepen", sizeof *bid->day_groups,
                              read_day_group, &mem, &bid->n_day_groups);
    bid->day_groups = mem;
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Product offers (issue 11: the per-product rules of a format-2 definition)                   */

#define CAP_MAX 1000000           /* no cap of a product sheet is near a million units */
#define EXTENSIONS_MAX 99

static const dec_bounds cap_amount = { { 0 }, { CAP_MAX * TND_DEC_SCALE }, true,
                                       "groter dan 0 en ten hoogste 1.000.000", "52" };

static tnd_status read_cap_unit(reader *r, xmlNodePtr node, const char *attr, tnd_cap_unit *out)
{
    char unit[16];
    tnd_status rc = read_string(r, node, attr, unit, sizeof unit);
    if (rc == TND_OK && !tnd_cap_unit_parse(unit, out))
        rc = refuse(r, node, attr, TND_ERR_VALUE, "uur", "eenheid '%s' is onbekend (minuut, "
                    "uur, week, maand of jaar)", unit);
    return rc;
}

static tnd_status read_offer_cap(reader *r, xmlNodePtr node, tnd_offer_cap *cap)
{
    cap->line = tnd_xml_line(node);
    tnd_status rc = read_string(r, node, "measure", cap->measure, sizeof cap->measure);
    if (rc == TND_OK)
        rc = read_decimal(r, node, &cap_amount, &cap->max);
    if (rc == TND_OK)
        rc = read_cap_unit(r, node, "unit", &cap->unit);
    if (rc == TND_OK)
        rc = read_string(r, node, "per", cap->per, sizeof cap->per);
    if (rc == TND_OK && xmlHasProp(node, BAD_CAST "extensions")) {
        char ext[16] = "";
        long n = 0;
        rc = read_string(r, node, "extensions", ext, sizeof ext);
        if (rc == TND_OK && strcmp(ext, "onbeperkt") == 0)
            cap->extensions = TND_CAP_UNLIMITED;
        else if (rc == TND_OK && (rc = read_count(r, node, "extensions", 0, EXTENSIONS_MAX, "1",
                                                  &n)) == TND_OK)
            cap->extensions = (int)n;
    }
    if (rc == TND_OK && xmlHasProp(node, BAD_CAST "extension-max")) {
        cap->has_extension_max = true;
        rc = read_decimal_at(r, node, "extension-max", &cap_amount, &cap->extension_max);
        if (rc == TND_OK)
            rc = read_cap_unit(r, node, "extension-unit", &cap->extension_unit);
    }
    if (rc == TND_OK && xmlHasProp(node, BAD_CAST "exception"))
        rc = read_string(r, node, "exception", cap->exception, sizeof cap->exception);
    return rc;
}

static tnd_status read_offer_group(reader *r, xmlNodePtr node, tnd_offer_group *g)
{
    g->line = tnd_xml_line(node);
    tnd_status rc = read_string(r, node, NULL, g->name, sizeof g->name);
    if (rc == TND_OK)
        rc = read_string(r, node, "category", g->category, sizeof g->category);
    if (rc == TND_OK)
        rc = read_count(r, node, "youths", 1, YOUTHS_MAX, "8", &g->youths);
    if (rc == TND_OK)
        rc = read_count(r, node, "staff", 1, YOUTHS_MAX, "2", &g->staff);
    return rc;
}

static tnd_status read_offer_parent(reader *r, xmlNodePtr node, tnd_offer_parent *p)
{
    p->line = tnd_xml_line(node);
    tnd_status rc = read_string(r, node, NULL, p->name, sizeof p->name);
    if (rc == TND_OK)
        rc = read_bool(r, node, "pedagogical", &p->pedagogical);
    if (rc == TND_OK)
        rc = read_bool(r, node, "hbo-level", &p->hbo_level);
    if (rc == TND_OK)
        rc = read_bool(r, node, "screened", &p->screened);
    return rc;
}

static tnd_status read_offer(reader *r, xmlNodePtr node, void *item)
{
    tnd_product_offer *o = item;
    long lot = 0;
    o->line = tnd_xml_line(node);
    tnd_status rc = read_count(r, node, "lot", 1, 999, "3", &lot);
    o->lot = (int)lot;
    if (rc == TND_OK)
        rc = read_string(r, node, "product", o->product, sizeof o->product);
    /* the schema bounds each list (4 caps, 8 groups, 4 parents) to the arrays */
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "cap") && o->n_caps < 4) {
            rc = read_offer_cap(r, c, &o->caps[o->n_caps]);
            for (int i = 0; rc == TND_OK && i < o->n_caps; i++)
                if (strcmp(o->caps[i].measure, o->caps[o->n_caps].measure) == 0)
                    rc = duplicate(r, c, "maximum", o->caps[i].measure);
            o->n_caps++;
        } else if (named(c, "group") && o->n_groups < 8) {
            rc = read_offer_group(r, c, &o->groups[o->n_groups++]);
        } else if (named(c, "parent") && o->n_parents < 4) {
            rc = read_offer_parent(r, c, &o->parents[o->n_parents++]);
        }
    }
    return rc;
}

static tnd_status read_ambulant(reader *r, xmlNodePtr node, void *item)
{
    tnd_ambulant_alternative *a = item;
    long lot = 0;
    char kind[24] = "";
    a->line = tnd_xml_line(node);
    tnd_status rc = read_count(r, node, "lot", 1, 999, "1", &lot);
    a->lot = (int)lot;
    if (rc == TND_OK)
        rc = read_string(r, node, "kind", kind, sizeof kind);
    a->subcontracted = strcmp(kind, "onderaanneming") == 0;
    if (rc == TND_OK)
        rc = read_string(r, node, NULL, a->subcontractor, sizeof a->subcontractor);
    if (rc == TND_OK && a->subcontracted && !a->subcontractor[0])
        rc = refuse(r, node, NULL, TND_ERR_VALUE, "Stichting Ambulant Samen",
                    "onderaanneming zonder de naam van de onderaannemer");
    return rc;
}

static tnd_status read_product_offers(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    void *mem;
    tnd_status rc = read_list(r, node, "offer", MAX_LIST, "productaanbiedingen",
                              sizeof *bid->offers, read_offer, &mem, &bid->n_offers);
    bid->offers = mem;
    if (rc != TND_OK)
        return rc;
    for (size_t i = 0; i < bid->n_offers; i++)
        for (size_t j = 0; j < i; j++)
            if (bid->offers[i].lot == bid->offers[j].lot &&
                strcmp(bid->offers[i].product, bid->offers[j].product) == 0)
                return tnd_error_set(r->err, TND_ERR_VALUE, r->file, bid->offers[i].line,
                                     "één <offer> per voorziening; voeg de twee samen",
                                     "<offer>: perceel %d voorziening '%s' staat er al op regel "
                                     "%ld", bid->offers[i].lot, bid->offers[i].product,
                                     bid->offers[j].line);
    rc = read_list(r, node, "ambulant-alternative", MAX_LOTS, "ambulante alternatieven",
                   sizeof *bid->ambulant, read_ambulant, &mem, &bid->n_ambulant);
    bid->ambulant = mem;
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Declarations (§4.1.3, §4.1.5, §4.1.10, §4.1.12)                                             */

static tnd_status read_declarations(reader *r, xmlNodePtr node, tnd_bid *bid)
{
    tnd_status rc = TND_OK;
    for (xmlNodePtr c = tnd_xml_child(node, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "truthfulness-signed")) {
            bid->has_truthfulness = true;
            rc = read_bool(r, c, NULL, &bid->truthfulness_signed);
        } else if (named(c, "signatory-authorised")) {
            bid->has_signatory = true;
            rc = read_bool(r, c, NULL, &bid->signatory_authorised);
        } else if (named(c, "mandate")) {
            bid->has_mandate = true;
            xmlNodePtr g = tnd_xml_child(c, "grantor-authorised");
            if (g)
                rc = read_bool(r, g, NULL, &bid->mandate_grantor_authorised);
        } else if (named(c, "reservations")) {
            rc = read_bool(r, c, NULL, &bid->reservations);
        } else if (named(c, "language")) {
            text_buf tb;
            char *text;
            if (text_of(r, c, NULL, &tb, &text) != TND_OK)
                return TND_ERR_NOMEM;
            bid->language_dutch = strcasecmp(text, "nl") == 0 ||
                                  strcasecmp(text, "nederlands") == 0;
            text_done(&tb, text);
        }
    }
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* The bid                                                                                     */

static tnd_status read_bid(reader *r, xmlNodePtr root, tnd_bid *bid)
{
    tnd_status rc = read_string(r, root, "tender", bid->tender_id, sizeof bid->tender_id);
    size_t parties = 1; /* the bidder */
    bid->language_dutch = true; /* no <language>: the bid is in Dutch, as §4.1.10b requires */
    for (xmlNodePtr c = tnd_xml_child(root, NULL); c && rc == TND_OK; c = tnd_xml_next(c, NULL)) {
        if (named(c, "submitted")) {
            bid->has_submission = true;
            rc = read_datetime(r, c, &bid->submitted);
        } else if (named(c, "bidder")) {
            rc = read_party(r, c, &bid->bidder, bid);
        } else if (named(c, "combination")) {
            bid->is_combination = true;
            rc = read_party_list(r, c, "member", &bid->members, &bid->n_members, &parties);
        } else if (named(c, "holding")) {
            rc = read_holding(r, c, bid);
        } else if (named(c, "third-parties")) {
            rc = read_party_list(r, c, "third-party", &bid->third_parties,
                                 &bid->n_third_parties, &parties);
        } else if (named(c, "lots")) {
            rc = read_lots(r, c, bid);
        } else if (named(c, "financials")) {
            rc = read_financials(r, c, bid);
        } else if (named(c, "quality")) {
            rc = read_quality(r, c, bid);
        } else if (named(c, "references")) {
            rc = read_references(r, c, bid);
        } else if (named(c, "facts")) {
            rc = read_facts(r, c, bid);
        } else if (named(c, "locations")) {
            rc = read_locations(r, c, bid);
        } else if (named(c, "fte")) {
            rc = read_fte(r, c, bid);
        } else if (named(c, "residential-groups")) {
            rc = read_residential_groups(r, c, bid);
        } else if (named(c, "day-groups")) {
            rc = read_day_groups(r, c, bid);
        } else if (named(c, "product-offers")) {
            rc = read_product_offers(r, c, bid);
        } else if (named(c, "declarations")) {
            rc = read_declarations(r, c, bid);
        }
    }
    return rc;
}

struct tnd_bid_reader {
    tnd_schema *schema;           /* owned unless `shared` */
    bool shared;
    tnd_notation *notation;
};

tnd_status tnd_bid_reader_new(tnd_bid_reader **out, tnd_error *err)
{
    *out = NULL;
    tnd_xml_region_install();
    tnd_bid_reader *rd = calloc(1, sizeof *rd);
    if (!rd)
        return tnd_error_nomem(err, XSD_NAME);
    rd->schema = tnd_schema_new((const char *)tnd_embedded_bid_xsd, tnd_embedded_bid_xsd_len,
                                XSD_NAME, err);
    if (!rd->schema) {
        free(rd);
        return err->code;
    }
    rd->notation = tnd_notation_new();
    if (!rd->notation) {
        tnd_bid_reader_free(rd);
        return tnd_error_nomem(err, XSD_NAME);
    }
    *out = rd;
    return TND_OK;
}

tnd_status tnd_bid_reader_clone(const tnd_bid_reader *from, tnd_bid_reader **out, tnd_error *err)
{
    *out = NULL;
    tnd_bid_reader *rd = calloc(1, sizeof *rd);
    if (rd && (rd->notation = tnd_notation_new()) != NULL) {
        rd->schema = from->schema;
        rd->shared = true;
        *out = rd;
        return TND_OK;
    }
    free(rd);
    return tnd_error_nomem(err, XSD_NAME);
}

void tnd_bid_reader_free(tnd_bid_reader *rd)
{
    if (!rd)
        return;
    if (!rd->shared)
        tnd_schema_free(rd->schema);
    tnd_notation_free(rd->notation);
    free(rd);
}

/* A bid's tree is made inside a region window (tnd_bid_read_file, tnd_bid_load_memory): its
 * memory goes back whole when the window ends, so it is not freed node by node (issue 9: the
 * walk of xmlFreeDoc was 2 % of a run). Outside a window it is freed as usual. */
static void drop_doc(xmlDocPtr doc)
{
    if (!tnd_xml_region_active())
        xmlFreeDoc(doc);
}

/* Validates doc against the embedded XSD and reads it; takes ownership of doc. */
static tnd_status load_doc(tnd_bid_reader *rd, xmlDocPtr doc, const char *name, tnd_bid **out,
                           tnd_error *err)
{
    tnd_status rc = tnd_schema_validate(rd->schema, doc, name, err);
    if (rc != TND_OK) {
        drop_doc(doc);
        return rc;
    }
    reader r = { name, rd->notation, err };
    tnd_bid *bid = calloc(1, sizeof *bid);
    if (!bid) {
        rc = tnd_error_nomem(r.err, r.file);
    } else {
        rc = tnd_bid_set_file(bid, name) ? read_bid(&r, xmlDocGetRootElement(doc), bid)
                                         : tnd_error_nomem(r.err, r.file);
    }
    drop_doc(doc);
    if (rc != TND_OK) {
        tnd_bid_free(bid);
        return rc;
    }
    tnd_error_clear(err);
    *out = bid;
    return TND_OK;
}

tnd_status tnd_bid_read_file(tnd_bid_reader *rd, const char *path, tnd_bid **out,
                             char sha256[65], tnd_file_id *id, tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    *out = NULL;
    /* the tree and all libxml2 makes for it live in this thread's region (tender/xmlregion.h) */
    tnd_xml_region_begin();
    xmlDocPtr doc = tnd_xml_read_data_file_hashed(path, sha256, id, err);
    tnd_status rc = doc ? load_doc(rd, doc, path, out, err) : err->code;
    tnd_xml_region_end();
    return rc;
}

tnd_status tnd_bid_load_file(const char *path, tnd_bid **out, tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    *out = NULL;
    tnd_bid_reader *rd = NULL;
    tnd_status rc = tnd_bid_reader_new(&rd, err);
    if (rc == TND_OK)
        rc = tnd_bid_read_file(rd, path, out, NULL, NULL, err);
    tnd_bid_reader_free(rd);
    return rc;
}

tnd_status tnd_bid_load_memory(const char *buf, size_t len, const char *name, tnd_bid **out,
                               tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    *out = NULL;
    if (!name)
        name = "(inschrijving)";
    tnd_bid_reader *rd = NULL;
    tnd_status rc = tnd_bid_reader_new(&rd, err);
    if (rc != TND_OK)
        return rc;
    tnd_xml_region_begin();
    xmlDocPtr doc = tnd_xml_read_data_memory(buf, len, name, err);
    rc = doc ? load_doc(rd, doc, name, out, err) : err->code;
    tnd_xml_region_end();
    tnd_bid_reader_free(rd);
    return rc;
}

void tnd_bid_drop_details(tnd_bid *bid)
{
    if (!bid)
        return;
    free(bid->bidder.answers);
    bid->bidder.answers = NULL;
    bid->bidder.n_answers = 0;
    for (size_t i = 0; i < bid->n_members; i++) {
        free(bid->members[i].answers);
        bid->members[i].answers = NULL;
        bid->members[i].n_answers = 0;
    }
    for (size_t i = 0; i < bid->n_third_parties; i++)
        free(bid->third_parties[i].answers);
#define DROP(array, count) (free(bid->array), bid->array = NULL, bid->count = 0)
    DROP(third_parties, n_third_parties);
    DROP(figures, n_figures);
    DROP(certificates, n_certificates);
    DROP(keurmerken, n_keurmerken);
    DROP(references, n_references);
    DROP(facts, n_facts);
    DROP(locations, n_locations);
    DROP(fte, n_fte);
    DROP(residential_groups, n_residential_groups);
    DROP(day_groups, n_day_groups);
#undef DROP
    bid->details_dropped = true;
}

bool tnd_bid_lot_add_product(tnd_bid_lot *lot, const char *code)
{
    char(*rows)[TND_CODE_LEN] =
        realloc(lot->products, ((size_t)lot->n_products + 1) * sizeof *rows);
    if (!rows)
        return false;
    snprintf(rows[lot->n_products], TND_CODE_LEN, "%s", code);
    lot->products = rows;
    lot->n_products++;
    return true;
}

bool tnd_bid_set_file(tnd_bid *bid, const char *path)
{
    char *copy = strdup(path ? path : "");
    if (!copy)
        return false;
    free(bid->file);
    bid->file = copy;
    return true;
}

/* The parties' UEA answers of their own (the party itself already copied). */
static void copy_answers(tnd_party *p, bool *ok)
{
    p->answers = tnd_items_copy(p->answers, p->n_answers, sizeof *p->answers, ok);
}

tnd_bid *tnd_bid_copy(const tnd_bid *bid)
{
    tnd_bid *c = malloc(sizeof *c);
    if (!c)
        return NULL;
    *c = *bid;
    bool ok = true;
    /* every pointer of tnd_bid, as tnd_bid_free frees them */
    c->file = bid->file ? strdup(bid->file) : NULL;
    ok = !bid->file || c->file;
    copy_answers(&c->bidder, &ok);
    c->members = tnd_items_copy(bid->members, bid->n_members, sizeof *bid->members, &ok);
    for (size_t i = 0; c->members && i < c->n_members; i++)
        copy_answers(&c->members[i], &ok);
    c->third_parties = tnd_items_copy(bid->third_parties, bid->n_third_parties,
                                      sizeof *bid->third_parties, &ok);
    for (size_t i = 0; c->third_parties && i < c->n_third_parties; i++)
        copy_answers(&c->third_parties[i], &ok);
    c->lots = tnd_items_copy(bid->lots, bid->n_lots, sizeof *bid->lots, &ok);
    for (size_t i = 0; c->lots && i < c->n_lots; i++)
        c->lots[i].products = tnd_items_copy(bid->lots[i].products,
                                             (size_t)bid->lots[i].n_products,
                                             sizeof *bid->lots[i].products, &ok);
#define COPY(array, count) \
    c->array = tnd_items_copy(bid->array, bid->count, sizeof *bid->array, &ok);
    TND_BID_FLAT_ARRAYS(COPY)
#undef COPY
    if (!ok) {
        /* every array is c's own or NULL; a NULL array's count must not lead tnd_bid_free in */
        if (!c->members)
            c->n_members = 0;
        if (!c->third_parties)
            c->n_third_parties = 0;
        if (!c->lots)
            c->n_lots = 0;
        tnd_bid_free(c);
        return NULL;
    }
    return c;
}

void tnd_bid_free(tnd_bid *bid)
{
    if (!bid)
        return;
    free(bid->file);
    free(bid->bidder.answers);
    for (size_t i = 0; i < bid->n_members; i++)
        free(bid->members[i].answers);
    free(bid->members);
    for (size_t i = 0; i < bid->n_third_parties; i++)
        free(bid->third_parties[i].answers);
    free(bid->third_parties);
    for (size_t i = 0; bid->lots && i < bid->n_lots; i++)
        free(bid->lots[i].products);
    free(bid->lots);
#define FREE(array, count) free(bid->array);
    TND_BID_FLAT_ARRAYS(FREE)
#undef FREE
    free(bid);
}

/* ------------------------------------------------------------------------------------------ */
/* Against the definition                                                                      */

/* Appends ", item" (or "item") to a hint list; stops quietly when full. */
static void list_add(char *buf, size_t size, const char *item)
{
    size_t used = strlen(buf);
    if (used + 1 < size)
        snprintf(buf + used, size - used, "%s%s", used ? ", " : "", item);
}

/* A reference to something the definition does not have: message, and a hint listing what it
 * does have. */
__attribute__((format(printf, 5, 6))) static tnd_status
unknown(const tnd_bid *bid, tnd_error *err, long line, const char *valid, const char *fmt, ...)
{
    char message[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    tnd_error_set(err, TND_ERR_REFERENCE, bid->file, line, NULL, "%s", message);
    tnd_error_hint(err, "kies uit: %s", valid[0] ? valid : "(geen)");
    return TND_ERR_REFERENCE;
}

static void lot_numbers(const tnd_definition *def, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < def->n_lots; i++) {
        char num[16];
        snprintf(num, sizeof num, "%d", def->lots[i].number);
        list_add(buf, size, num);
    }
}

static void lot_products(const tnd_lot *lot, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; lot && i < lot->n_products; i++)
        list_add(buf, size, lot->products[i].code);
}

static tnd_status check_lots(const tnd_bid *bid, const tnd_definition *def, tnd_error *err)
{
    char valid[400];
    for (size_t i = 0; i < bid->n_lots; i++) {
        const tnd_bid_lot *bl = &bid->lots[i];
        const tnd_lot *lot = tnd_definition_lot(def, bl->number);
        if (!lot) {
            lot_numbers(def, valid, sizeof valid);
            return unknown(bid, err, bl->line, valid, "perceel %d bestaat niet in aanbesteding '%s'",
                           bl->number, def->id);
        }
        for (int j = 0; j < bl->n_products; j++)
            if (!tnd_lot_product(lot, bl->products[j])) {
                lot_products(lot, valid, sizeof valid);
                return unknown(bid, err, bl->line, valid,
                               "voorziening '%s' bestaat niet in perceel %d (%s)",
                               bl->products[j], lot->number, lot->name);
            }
    }
    return TND_OK;
}

static tnd_status check_party_grounds(const tnd_bid *bid, const tnd_party *p,
                                      const tnd_definition *def, tnd_error *err)
{
    const tnd_exclusion_rules *ex = &def->exclusion;
    /* The answers come in the definition's order as a rule, so the search for each starts after
     * the ground of the one before (issue 9: a scan per answer); it is a question of whether the
     * ground exists, which any order answers alike. */
    size_t from = 0;
    for (size_t i = 0; i < p->n_answers; i++) {
        bool known = false;
        for (size_t k = 0; k < ex->n_grounds && !known; k++) {
            size_t g = (from + k) % ex->n_grounds;
            if (strcmp(ex->grounds[g].code, p->answers[i].code) == 0) {
                known = true;
                from = g + 1;
            }
        }
        if (known)
            continue;
        char valid[512] = "";
        for (size_t k = 0; k < ex->n_grounds; k++)
            list_add(valid, sizeof valid, ex->grounds[k].code);
        return unknown(bid, err, p->answers[i].line, valid,
                       "uitsluitingsgrond '%s' (UEA van %s) bestaat niet in aanbesteding '%s'",
                       p->answers[i].code, p->name[0] ? p->name : "inschrijver", def->id);
    }
    return TND_OK;
}

static tnd_status check_grounds(const tnd_bid *bid, const tnd_definition *def, tnd_error *err)
{
    tnd_status rc = check_party_grounds(bid, &bid->bidder, def, err);
    for (size_t i = 0; rc == TND_OK && i < bid->n_members; i++)
        rc = check_party_grounds(bid, &bid->members[i], def, err);
    for (size_t i = 0; rc == TND_OK && i < bid->n_third_parties; i++)
        rc = check_party_grounds(bid, &bid->third_parties[i], def, err);
    return rc;
}

static tnd_status check_figures(const tnd_bid *bid, const tnd_definition *def, tnd_error *err)
{
    for (size_t i = 0; i < bid->n_figures; i++) {
        const tnd_figure *f = &bid->figures[i];
        int k = tnd_definition_fin_item(def, f->item);
        if (k < 0) {
            char valid[400] = "";
            for (int j = 0; j < def->financial.n_items; j++)
                list_add(valid, sizeof valid, def->financial.items[j].id);
            return unknown(bid, err, f->line, valid,
                           "financieel gegeven <%s> wordt in aanbesteding '%s' niet gevraagd",
                           f->item, def->id);
        }
        const tnd_fin_item *item = &def->financial.items[k];
        if (f->amount < 0 && !item->may_be_negative) {
            char amount[32];
            tnd_cents_nl(f->amount, amount);
            return tnd_error_set(err, TND_ERR_RANGE, bid->file, f->line,
                                 "controleer het teken; vul het bedrag in zoals in de jaarrekening",
                                 "<%s> %d: %s is negatief; %s kan volgens de aanbesteding niet "
                                 "negatief zijn (%s)",
                                 f->item, f->year, amount, item->label, def->financial.ref.source);
        }
    }
    return TND_OK;
}

static tnd_status check_locations(const tnd_bid *bid, const tnd_definition *def, tnd_error *err)
{
    for (size_t i = 0; i < bid->n_locations; i++) {
        const tnd_location *loc = &bid->locations[i];
        if (!loc->municipality[0] || tnd_definition_municipality(def, loc->municipality))
            continue;
        char valid[512] = "";
        for (size_t k = 0; k < def->n_municipalities; k++)
            list_add(valid, sizeof valid, def->municipalities[k].id);
        list_add(valid, sizeof valid, "of leeg (buiten het gebied)");
        return unknown(bid, err, loc->line, valid,
                       "gemeente '%s' van locatie '%s' is geen gemeente van aanbesteding '%s'",
                       loc->municipality, loc->name, def->id);
    }
    return TND_OK;
}

/* A claimed intensity must be a product of the lot the scale belongs to (lot 8 / lot 6). */
static tnd_status check_claim(const tnd_bid *bid, const tnd_definition *def, int lot_number,
                              const char *claimed, const char *group, long line, tnd_error *err)
{
    if (!claimed[0])
        return TND_OK;
    const tnd_lot *lot = tnd_definition_lot(def, lot_number);
    if (lot && tnd_lot_product(lot, claimed))
        return TND_OK;
    char valid[400];
    lot_products(lot, valid, sizeof valid);
    return unknown(bid, err, line, valid,
                   "groep '%s' claimt intensiteit '%s', maar perceel %d kent die voorziening niet",
                   group, claimed, lot_number);
}

static tnd_status check_groups(const tnd_bid *bid, const tnd_definition *def, tnd_error *err)
{
    const tnd_residential_rules *res = &def->residential;
    for (size_t i = 0; i < bid->n_residential_groups; i++) {
        const tnd_residential_group *g = &bid->residential_groups[i];
        tnd_status rc = check_claim(bid, def, res->lot, g->claimed, g->name, g->line, err);
        if (rc != TND_OK)
            return rc;
        if (res->n_occupancy == 0)
            continue;
        int k = 0;
        while (k < res->n_occupancy && strcmp(res->occupancy[k].kind, g->kind) != 0)
            k++;
        if (k == res->n_occupancy) {
            char valid[200] = "";
            for (int j = 0; j < res->n_occupancy; j++)
                list_add(valid, sizeof valid, res->occupancy[j].kind);
            return unknown(bid, err, g->line, valid, "groep '%s': soort groep <kind> '%s' is "
                           "onbekend", g->name, g->kind);
        }
    }
    for (size_t i = 0; i < bid->n_day_groups; i++) {
        const tnd_day_group *g = &bid->day_groups[i];
        tnd_status rc = check_claim(bid, def, def->group.lot, g->claimed, g->name, g->line, err);
        if (rc != TND_OK)
            return rc;
    }
    return TND_OK;
}

/* The first lot (in definition order) that has a product with this code, or NULL. */
static const tnd_lot *lot_with_product(const tnd_definition *def, const char *code, size_t before)
{
    for (size_t l = 0; l < before && l < def->n_lots; l++)
        if (tnd_lot_product(&def->lots[l], code))
            return &def->lots[l];
    return NULL;
}

/* FTE per tariefgroep: the code must be a product of some lot (TG1..TG7 of lots 1-5). */
static tnd_status check_fte(const tnd_bid *bid, const tnd_definition *def, tnd_error *err)
{
    for (size_t i = 0; i < bid->n_fte; i++) {
        if (lot_with_product(def, bid->fte[i].tariff_group, def->n_lots))
            continue;
        char valid[400] = "";
        for (size_t l = 0; l < def->n_lots; l++)
            for (size_t p = 0; p < def->lots[l].n_products; p++)
                if (!lot_with_product(def, def->lots[l].products[p].code, l))
                    list_add(valid, sizeof valid, def->lots[l].products[p].code);
        return unknown(bid, err, bid->fte[i].line, valid,
                       "tariefgroep '%s' bestaat niet in aanbesteding '%s'",
                       bid->fte[i].tariff_group, def->id);
    }
    return TND_OK;
}

/* (issue 11) An offer names a product of the definition; a cap names a measure and an exception
 * a per-product cap rule of that product has, so no declaration is silently left unjudged. */
static const tnd_product_rule *cap_rule(const tnd_definition *def, int lot, const char *product,
                                        const char *measure)
{
    for (size_t i = 0; i < def->n_product_rules; i++) {
        const tnd_product_rule *pr = &def->product_rules[i];
        if (pr->kind != TND_PRULE_CAP || pr->lot != lot || strcmp(pr->measure, measure) != 0)
            continue;
        for (int k = 0; k < pr->n_products; k++)
            if (strcmp(pr->products[k], product) == 0)
                return pr;
    }
    return NULL;
}

static tnd_status check_offer_caps(const tnd_bid *bid, const tnd_definition *def,
                                   const tnd_product_offer *o, tnd_error *err)
{
    for (int c = 0; c < o->n_caps; c++) {
        const tnd_offer_cap *cap = &o->caps[c];
        const tnd_product_rule *pr = cap_rule(def, o->lot, o->product, cap->measure);
        if (!pr) {
            char valid[200] = "";
            for (size_t i = 0; i < def->n_product_rules; i++) {
                const tnd_product_rule *q = &def->product_rules[i];
                if (q->kind == TND_PRULE_CAP && q->lot == o->lot &&
                    cap_rule(def, o->lot, o->product, q->measure) == q)
                    list_add(valid, sizeof valid, q->measure);
            }
            return unknown(bid, err, cap->line, valid, "voorziening '%s' van perceel %d kent "
                           "geen maximum '%s'", o->product, o->lot, cap->measure);
        }
        if (!cap->exception[0])
            continue;
        int x = 0;
        while (x < pr->n_exceptions && strcmp(pr->exceptions[x].id, cap->exception) != 0)
            x++;
        if (x == pr->n_exceptions) {
            char valid[200] = "";
            for (int k = 0; k < pr->n_exceptions; k++)
                list_add(valid, sizeof valid, pr->exceptions[k].id);
            return unknown(bid, err, cap->line, valid, "maximum '%s' van voorziening '%s' kent "
                           "geen uitzondering '%s'", cap->measure, o->product, cap->exception);
        }
    }
    return TND_OK;
}

static tnd_status check_offers(const tnd_bid *bid, const tnd_definition *def, tnd_error *err)
{
    for (size_t i = 0; i < bid->n_offers; i++) {
        const tnd_product_offer *o = &bid->offers[i];
        const tnd_lot *lot = tnd_definition_lot(def, o->lot);
        char valid[400];
        if (!lot) {
            lot_numbers(def, valid, sizeof valid);
            return unknown(bid, err, o->line, valid, "<offer>: perceel %d bestaat niet in "
                           "aanbesteding '%s'", o->lot, def->id);
        }
        if (!tnd_lot_product(lot, o->product)) {
            lot_products(lot, valid, sizeof valid);
            return unknown(bid, err, o->line, valid, "<offer>: perceel %d kent geen voorziening "
                           "'%s'", o->lot, o->product);
        }
        tnd_status rc = check_offer_caps(bid, def, o, err);
        if (rc != TND_OK)
            return rc;
    }
    for (size_t i = 0; i < bid->n_ambulant; i++)
        if (!tnd_definition_lot(def, bid->ambulant[i].lot)) {
            char valid[400];
            lot_numbers(def, valid, sizeof valid);
            return unknown(bid, err, bid->ambulant[i].line, valid, "<ambulant-alternative>: "
                           "perceel %d bestaat niet in aanbesteding '%s'", bid->ambulant[i].lot,
                           def->id);
        }
    return TND_OK;
}

tnd_status tnd_bid_validate_against(const tnd_bid *bid, const tnd_definition *def, tnd_error *err)
{
    if (strcmp(bid->tender_id, def->id) != 0) {
        tnd_error_set(err, TND_ERR_REFERENCE, bid->file, 0, NULL,
                      "de inschrijving is voor aanbesteding '%s', niet voor '%s' (%s)",
                      bid->tender_id, def->id, def->title);
        if (err) {
            snprintf(err->where, sizeof err->where, "<bid tender=\"...\">");
            tnd_error_hint(err, "kies de juiste aanbesteding met --tender, of zet "
                                "<bid tender=\"%s\">", def->id);
        }
        return TND_ERR_REFERENCE;
    }
    tnd_status rc = check_lots(bid, def, err);
    if (rc == TND_OK)
        rc = check_grounds(bid, def, err);
    if (rc == TND_OK)
        rc = check_figures(bid, def, err);
    if (rc == TND_OK)
        rc = check_locations(bid, def, err);
    if (rc == TND_OK)
        rc = check_groups(bid, def, err);
    if (rc == TND_OK)
        rc = check_fte(bid, def, err);
    if (rc == TND_OK)
        rc = check_offers(bid, def, err);
    if (rc == TND_OK)
        tnd_error_clear(err);
    return rc;
}
