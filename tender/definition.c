/*
 * definition.c - loading a tender definition into the model of scoring/model.h (see definition.h
 * and docs/definition-format.md).
 *
 * The order of work:
 *   1. read the XML through xmlsafe (no DTD, no entities, bounded size and depth);
 *   2. validate it against the embedded tender/schema/definition.xsd (shape and vocabulary);
 *   3. walk the sections in document order, one loader per section (table `sections`), turning
 *      Dutch notation ("€ 2.000.000,00", "20,0%", "18-07-2022 11:00") into values through one
 *      tnd_notation;
 *   4. check what an XSD cannot: ids unique in the file, every lot, municipality, product,
 *      financial item and resolution a rule names exists, bands ordered, year bands contiguous,
 *      sibling award criteria weighing exactly 100%, no loop in requirements-include.
 * The schema fixes the order of the sections, and every section only refers to sections before
 * it (resolutions and lots come first), so each reference is checked as soon as it is read, with
 * the line of the element that makes it. The first problem stops the load: file:line, what is
 * wrong, and a hint.
 */
#include "tender/definition.h"

#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/tree.h>

#include "scoring/facts.h"
#include "scoring/price.h"
#include "tender/embedded.h"
#include "tender/notation.h"
#include "tender/xmlsafe.h"

#define DEFAULT_NAME "(ingebouwd) ijsselland-2023.xml"
#define SCHEMA_NAME "(ingebouwd) definition.xsd"
#define DOC_HINT "zie docs/definition-format.md"
#define MAX_CRITERIA ((int)(sizeof(((tnd_award_lot *)0)->criteria) / sizeof(tnd_criterion)))

/* An id seen so far, to refuse duplicates with the line of the first use. */
typedef struct {
    char id[TND_ID_LEN];
    long line;
} seen_id;

/* State of one load. */
typedef struct {
    const char *file;
    tnd_error *err;
    tnd_notation *nt;
    tnd_definition *def;
    seen_id *ids;
    size_t n_ids, cap_ids;
} loader;

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                      */

static tnd_status fail(loader *L, tnd_status code, xmlNodePtr node, const char *hint,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Fills the error record with the element's line and name; returns code. */
static tnd_status fail(loader *L, tnd_status code, xmlNodePtr node, const char *hint,
                       const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    tnd_error_set(L->err, code, L->file, tnd_xml_line(node), hint, "%s", message);
    if (node && node->type == XML_ELEMENT_NODE)
        snprintf(L->err->where, sizeof L->err->where, "<%.60s>", (const char *)node->name);
    return code;
}

/* A value that is not in an accepted notation. */
static tnd_status value_error(loader *L, xmlNodePtr n, const char *what, const char *text,
                              const char *why, const char *example)
{
    char hint[200];
    snprintf(hint, sizeof hint, "schrijf bijvoorbeeld %s (%s)", example, DOC_HINT);
    return fail(L, TND_ERR_VALUE, n, hint, "%s \"%s\" is ongeldig: %s", what, text,
                why && why[0] ? why : "onbekende notatie");
}

/* ------------------------------------------------------------------------------------------ */
/* Elements and attributes                                                                     */

static size_t count_children(xmlNodePtr node, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = tnd_xml_child(node, name); c; c = tnd_xml_next(c, name))
        n++;
    return n;
}

/* calloc that records out-of-memory in the error record; never asks for 0 bytes. */
static void *alloc_array(loader *L, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        tnd_error_nomem(L->err, L->file);
    return p;
}

/* The attribute's trimmed value (malloc'd) in *out, NULL when absent and not required. */
static tnd_status get_attr(loader *L, xmlNodePtr n, const char *name, bool required, char **out)
{
    *out = NULL;
    if (!xmlHasProp(n, BAD_CAST name)) {
        if (!required)
            return TND_OK;
        return fail(L, TND_ERR_DEFINITION, n, DOC_HINT, "attribuut '%s' ontbreekt", name);
    }
    *out = tnd_xml_attr(n, name);
    return *out ? TND_OK : tnd_error_nomem(L->err, L->file);
}

/* Copies value into a fixed buffer; a value that does not fit is refused, never cut. */
static tnd_status copy_into(loader *L, xmlNodePtr n, const char *what, const char *value,
                            char *dst, size_t size)
{
    size_t len = strlen(value);
    if (len >= size)
        return fail(L, TND_ERR_VALUE, n, "kort de tekst in",
                    "%s is te lang: %zu bytes, ten hoogste %zu", what, len, size - 1);
    memcpy(dst, value, len + 1);
    return TND_OK;
}

/* A string attribute into dst; absent and not required leaves dst as it is. */
static tnd_status attr_str(loader *L, xmlNodePtr n, const char *name, bool required, char *dst,
                           size_t size)
{
    char *v;
    TND_TRY(get_attr(L, n, name, required, &v));
    if (!v)
        return TND_OK;
    char what[80];
    snprintf(what, sizeof what, "attribuut '%s'", name);
    tnd_status rc = copy_into(L, n, what, v, dst, size);
    free(v);
    return rc;
}

/* The element's trimmed text into dst. */
static tnd_status text_str(loader *L, xmlNodePtr n, char *dst, size_t size)
{
    char *v = tnd_xml_text(n);
    if (!v)
        return tnd_error_nomem(L->err, L->file);
    tnd_status rc = copy_into(L, n, "de tekst", v, dst, size);
    free(v);
    return rc;
}

/* Whole number in [min, max]; absent and not required gives dflt. */
static tnd_status attr_int(loader *L, xmlNodePtr n, const char *name, bool required, int dflt,
                           int min, int max, int *out)
{
    char *v;
    TND_TRY(get_attr(L, n, name, required, &v));
    if (!v) {
        *out = dflt;
        return TND_OK;
    }
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    tnd_status rc = TND_OK;
    if (end == v || *end || errno)
        rc = fail(L, TND_ERR_VALUE, n, "schrijf een geheel getal", "attribuut '%s' (\"%s\") is "
                  "geen geheel getal", name, v);
    else if (x < min || x > max)
        rc = fail(L, TND_ERR_RANGE, n, DOC_HINT, "attribuut '%s' is %ld; toegestaan %d t/m %d",
                  name, x, min, max);
    else
        *out = (int)x;
    free(v);
    return rc;
}

/* xs:boolean: true/false/1/0; absent gives dflt. */
static tnd_status attr_bool(loader *L, xmlNodePtr n, const char *name, bool dflt, bool *out)
{
    char *v;
    TND_TRY(get_attr(L, n, name, false, &v));
    if (!v) {
        *out = dflt;
        return TND_OK;
    }
    tnd_status rc = TND_OK;
    if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
        *out = true;
    else if (strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
        *out = false;
    else
        rc = fail(L, TND_ERR_VALUE, n, "schrijf true of false", "attribuut '%s' (\"%s\") is geen "
                  "true of false", name, v);
    free(v);
    return rc;
}

/* Verdict names as written in definition files (tnd_verdict_parse lives in scoring/check.c, which
 * this reader does not depend on). */
static bool verdict_parse(const char *name, tnd_verdict *out)
{
    static const struct {
        const char *name;
        tnd_verdict verdict;
    } verdicts[] = {
        {"PASS", TND_PASS},       {"FAIL", TND_FAIL},
        {"REVIEW", TND_REVIEW},   {"PLAN_REQUIRED", TND_PLAN_REQUIRED},
        {"CONDITIONAL", TND_CONDITIONAL}, {"MISSING", TND_MISSING},
        {"NOT_APPLICABLE", TND_NOT_APPLICABLE},
    };
    for (size_t i = 0; i < sizeof verdicts / sizeof verdicts[0]; i++)
        if (strcmp(name, verdicts[i].name) == 0) {
            *out = verdicts[i].verdict;
            return true;
        }
    return false;
}

static tnd_status attr_verdict(loader *L, xmlNodePtr n, const char *name, tnd_verdict *out)
{
    char *v;
    TND_TRY(get_attr(L, n, name, true, &v));
    tnd_status rc = TND_OK;
    if (!verdict_parse(v, out))
        rc = fail(L, TND_ERR_VALUE, n, "PASS, FAIL, REVIEW, PLAN_REQUIRED, CONDITIONAL, MISSING "
                  "of NOT_APPLICABLE", "attribuut '%s': onbekend oordeel \"%s\"", name, v);
    free(v);
    return rc;
}

static tnd_status attr_op(loader *L, xmlNodePtr n, const char *name, tnd_op *out)
{
    char *v;
    TND_TRY(get_attr(L, n, name, true, &v));
    tnd_status rc = TND_OK;
    if (!tnd_op_parse(v, out))
        rc = fail(L, TND_ERR_VALUE, n, "gt, ge, lt, le of eq",
                  "attribuut '%s': onbekende vergelijking \"%s\"", name, v);
    free(v);
    return rc;
}

/* The notations a definition value can be written in (notation.h), each with an example for
 * the hint. The output type follows the kind: tnd_dec, long, tnd_cents, tnd_date, tnd_datetime. */
typedef enum {
    NOTE_DECIMAL,   /* "4,1"             -> tnd_dec */
    NOTE_FRACTION,  /* "95%", "0,95"     -> tnd_dec */
    NOTE_PERCENT,   /* "20,0%"           -> tnd_dec */
    NOTE_COUNT,     /* "10"              -> long */
    NOTE_MONEY,     /* "€ 2.000.000,00"  -> tnd_cents, never negative */
    NOTE_DATE,      /* "01-01-2023"      -> tnd_date */
    NOTE_DATETIME   /* "18-07-2022 11:00" -> tnd_datetime */
} notation_kind;

static const char *const notation_examples[] = {
    [NOTE_DECIMAL] = "\"4,1\" of \"6,0\"",
    [NOTE_FRACTION] = "\"95%\" of \"0,95\"",
    [NOTE_PERCENT] = "\"20,0%\"",
    [NOTE_COUNT] = "\"10\"",
    [NOTE_MONEY] = "\"€ 2.000.000,00\" of \"€ 1,08\"",
    [NOTE_DATE] = "\"01-01-2023\"",
    [NOTE_DATETIME] = "\"18-07-2022 11:00\"",
};

/* Parses text (of the attribute or element `what`) in the notation `kind` into out. */
static tnd_status parse_value(loader *L, xmlNodePtr n, const char *what, const char *text,
                              notation_kind kind, void *out)
{
    char why[160] = "";
    bool ok = false;
    switch (kind) {
    case NOTE_DECIMAL: ok = tnd_parse_decimal(L->nt, text, out, why, sizeof why); break;
    case NOTE_FRACTION: ok = tnd_parse_fraction(L->nt, text, out, why, sizeof why); break;
    case NOTE_PERCENT: ok = tnd_parse_percent(L->nt, text, out, why, sizeof why); break;
    case NOTE_COUNT: ok = tnd_parse_count(L->nt, text, out, why, sizeof why); break;
    case NOTE_MONEY: ok = tnd_parse_money(L->nt, text, out, why, sizeof why); break;
    case NOTE_DATE: ok = tnd_parse_date(L->nt, text, out, why, sizeof why); break;
    case NOTE_DATETIME: ok = tnd_parse_datetime(L->nt, text, out, why, sizeof why); break;
    }
    if (!ok)
        return value_error(L, n, what, text, why, notation_examples[kind]);
    if (kind == NOTE_MONEY && *(tnd_cents *)out < 0)
        return fail(L, TND_ERR_RANGE, n, "een bedrag in een definitie is nooit negatief",
                    "%s \"%s\" is negatief", what, text);
    return TND_OK;
}

/* An attribute in the notation `kind`. Optional when present is not NULL: *present then tells
 * whether it was written, and out is left alone when it was not. */
static tnd_status attr_value(loader *L, xmlNodePtr n, const char *name, notation_kind kind,
                             void *out, bool *present)
{
    char *v;
    TND_TRY(get_attr(L, n, name, present == NULL, &v));
    if (present)
        *present = v != NULL;
    if (!v)
        return TND_OK;
    char what[80];
    snprintf(what, sizeof what, "attribuut '%s'", name);
    tnd_status rc = parse_value(L, n, what, v, kind, out);
    free(v);
    return rc;
}

/*
 * A white-space separated list attribute, handed token by token to `each` (which may refuse one).
 * More than max tokens is refused. *count receives the number of tokens.
 */
typedef tnd_status (*token_fn)(loader *L, xmlNodePtr n, const char *name, const char *token,
                               int index, void *ctx);

static tnd_status attr_list(loader *L, xmlNodePtr n, const char *name, bool required, int max,
                            token_fn each, void *ctx, int *count)
{
    char *v;
    *count = 0;
    TND_TRY(get_attr(L, n, name, required, &v));
    if (!v)
        return TND_OK;
    tnd_status rc = TND_OK;
    char *save = NULL;
    int i = 0;
    for (char *tok = strtok_r(v, " \t\r\n", &save); tok && rc == TND_OK;
         tok = strtok_r(NULL, " \t\r\n", &save)) {
        if (i >= max) {
            rc = fail(L, TND_ERR_RANGE, n, DOC_HINT, "attribuut '%s' noemt meer dan %d waarden",
                      name, max);
            break;
        }
        rc = each(L, n, name, tok, i, ctx);
        i++;
    }
    if (rc == TND_OK && i == 0 && required)
        rc = fail(L, TND_ERR_DEFINITION, n, DOC_HINT, "attribuut '%s' is leeg", name);
    free(v);
    *count = i;
    return rc;
}

static tnd_status parse_small_int(loader *L, xmlNodePtr n, const char *name, const char *token,
                                  int min, int max, int *out)
{
    char *end;
    errno = 0;
    long x = strtol(token, &end, 10);
    if (end == token || *end || errno)
        return fail(L, TND_ERR_VALUE, n, "schrijf gehele getallen gescheiden door spaties",
                    "attribuut '%s': \"%s\" is geen geheel getal", name, token);
    if (x < min || x > max)
        return fail(L, TND_ERR_RANGE, n, DOC_HINT, "attribuut '%s': %ld ligt niet tussen %d en %d",
                    name, x, min, max);
    *out = (int)x;
    return TND_OK;
}

/* Lot numbers: each must name a lot of <lots>. */
static void lot_numbers(const tnd_definition *def, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < def->n_lots && used + 8 < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%d", i ? " " : "",
                                 def->lots[i].number);
}

static tnd_status check_lot(loader *L, xmlNodePtr n, const char *name, int lot)
{
    if (tnd_definition_lot(L->def, lot))
        return TND_OK;
    char known[96], hint[160];
    lot_numbers(L->def, known, sizeof known);
    snprintf(hint, sizeof hint, "noem alleen percelen uit <lots> (%s)", known);
    return fail(L, TND_ERR_DEFINITION, n, hint, "attribuut '%s': perceel %d bestaat niet", name,
                lot);
}

static tnd_status lot_token(loader *L, xmlNodePtr n, const char *name, const char *token,
                            int index, void *ctx)
{
    int *lots = ctx;
    TND_TRY(parse_small_int(L, n, name, token, 1, 999, &lots[index]));
    return check_lot(L, n, name, lots[index]);
}

/* A lot number whose lot is checked later (a section before <lots>). */
static tnd_status int_token(loader *L, xmlNodePtr n, const char *name, const char *token,
                            int index, void *ctx)
{
    int *lots = ctx;
    return parse_small_int(L, n, name, token, 1, 999, &lots[index]);
}

static tnd_status attr_lots(loader *L, xmlNodePtr n, const char *name, bool required, int *lots,
                            int max, int *count)
{
    return attr_list(L, n, name, required, max, lot_token, lots, count);
}

/* A single lot number attribute that must exist. */
static tnd_status attr_lot(loader *L, xmlNodePtr n, const char *name, int *out)
{
    TND_TRY(attr_int(L, n, name, true, 0, 1, 999, out));
    return check_lot(L, n, name, *out);
}

static tnd_status year_token(loader *L, xmlNodePtr n, const char *name, const char *token,
                             int index, void *ctx)
{
    return parse_small_int(L, n, name, token, 1900, 2999, &((int *)ctx)[index]);
}

static tnd_status attr_years(loader *L, xmlNodePtr n, const char *name, int *years, int max,
                             int *count)
{
    return attr_list(L, n, name, true, max, year_token, years, count);
}

static tnd_status code_token(loader *L, xmlNodePtr n, const char *name, const char *token,
                             int index, void *ctx)
{
    char (*codes)[TND_CODE_LEN] = ctx;
    char what[80];
    snprintf(what, sizeof what, "een waarde in '%s'", name);
    return copy_into(L, n, what, token, codes[index], TND_CODE_LEN);
}

static tnd_status attr_codes(loader *L, xmlNodePtr n, const char *name, bool required,
                             char (*codes)[TND_CODE_LEN], int max, int *count)
{
    return attr_list(L, n, name, required, max, code_token, codes, count);
}

/* ------------------------------------------------------------------------------------------ */
/* Rule identity                                                                               */

/* Refuses an id used before anywhere in the file (rules, resolutions, notes share one space). */
static tnd_status register_id(loader *L, xmlNodePtr n, const char *id)
{
    for (size_t i = 0; i < L->n_ids; i++)
        if (strcmp(L->ids[i].id, id) == 0)
            return fail(L, TND_ERR_DEFINITION, n, "geef elke regel een eigen id",
                        "id '%s' komt dubbel voor: al gebruikt op regel %ld", id, L->ids[i].line);
    if (L->n_ids == L->cap_ids) {
        size_t cap = L->cap_ids ? L->cap_ids * 2 : 64;
        seen_id *ids = realloc(L->ids, cap * sizeof *ids);
        if (!ids)
            return tnd_error_nomem(L->err, L->file);
        L->ids = ids;
        L->cap_ids = cap;
    }
    snprintf(L->ids[L->n_ids].id, sizeof L->ids[L->n_ids].id, "%s", id);
    L->ids[L->n_ids].line = tnd_xml_line(n);
    L->n_ids++;
    return TND_OK;
}

/* An id attribute that must be unique in the file. */
static tnd_status attr_unique_id(loader *L, xmlNodePtr n, char *dst, size_t size)
{
    TND_TRY(attr_str(L, n, "id", true, dst, size));
    return register_id(L, n, dst);
}

/* id, source, label and resolution of a rule element; the resolution must exist. */
static tnd_status rule_ref(loader *L, xmlNodePtr n, tnd_rule_ref *ref)
{
    TND_TRY(attr_unique_id(L, n, ref->id, sizeof ref->id));
    TND_TRY(attr_str(L, n, "source", true, ref->source, sizeof ref->source));
    TND_TRY(attr_str(L, n, "label", true, ref->label, sizeof ref->label));
    TND_TRY(attr_str(L, n, "resolution", false, ref->resolution, sizeof ref->resolution));
    if (ref->resolution[0] && !tnd_definition_resolution(L->def, ref->resolution))
        return fail(L, TND_ERR_DEFINITION, n,
                    "voeg de <resolution> toe aan <resolutions> of verwijder het attribuut",
                    "regel %s noemt resolutie '%s', die niet bestaat", ref->id, ref->resolution);
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* meta, resolutions, procedure                                                                */

static tnd_status load_meta(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    struct {
        const char *name;
        char *dst;
        size_t size;
    } fields[] = {
        {"id", d->id, sizeof d->id},
        {"title", d->title, sizeof d->title},
        {"authority", d->authority, sizeof d->authority},
        {"document", d->document, sizeof d->document},
        {"timezone", d->timezone, sizeof d->timezone},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        xmlNodePtr c = tnd_xml_child(sec, fields[i].name);
        if (!c)
            return fail(L, TND_ERR_DEFINITION, sec, DOC_HINT, "<meta> mist <%s>", fields[i].name);
        TND_TRY(text_str(L, c, fields[i].dst, fields[i].size));
    }
    return TND_OK;
}

static tnd_status load_resolutions(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n = count_children(sec, "resolution");
    if (!(d->resolutions = alloc_array(L, n, sizeof *d->resolutions)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, "resolution"); c; c = tnd_xml_next(c, "resolution")) {
        tnd_resolution *r = &d->resolutions[d->n_resolutions++];
        TND_TRY(attr_unique_id(L, c, r->id, sizeof r->id));
        TND_TRY(attr_str(L, c, "source", true, r->source, sizeof r->source));
        TND_TRY(text_str(L, c, r->text, sizeof r->text));
    }
    return TND_OK;
}

/* The re-submission deadline: the model has no field for it, so it becomes a resolution whose
 * text starts with the deadline (checked as a date-time here). */
static tnd_status load_resubmission(loader *L, xmlNodePtr c)
{
    tnd_definition *d = L->def;
    tnd_resolution r;
    memset(&r, 0, sizeof r);
    tnd_datetime at;
    char text[TND_TEXT_LEN], when[24];
    TND_TRY(attr_unique_id(L, c, r.id, sizeof r.id));
    TND_TRY(attr_str(L, c, "source", true, r.source, sizeof r.source));
    TND_TRY(attr_value(L, c, "at", NOTE_DATETIME, &at, NULL));
    /* the lots come later in the file: checked in check_rounds() once they are loaded */
    TND_TRY(attr_list(L, c, "except-lots", false, TND_MAX_SET, int_token,
                  d->rounds.resubmission_except, &d->rounds.n_resubmission_except));
    TND_TRY(text_str(L, c, text, sizeof text));
    d->rounds.has_resubmission = true;
    d->rounds.resubmission_time = at;
    snprintf(d->rounds.resubmission_id, sizeof d->rounds.resubmission_id, "%s", r.id);
    snprintf(d->rounds.resubmission_source, sizeof d->rounds.resubmission_source, "%s", r.source);
    tnd_datetime_nl(at, when);
    int len = snprintf(r.text, sizeof r.text, "Sluitingstijd hernieuwde inschrijving: %s. %s",
                       when, text);
    if (len < 0 || (size_t)len >= sizeof r.text)
        return fail(L, TND_ERR_VALUE, c, "kort de tekst in",
                    "de tekst van <resubmission> is met de datum erbij te lang (%d bytes, ten "
                    "hoogste %zu)", len, sizeof r.text - 1);
    tnd_resolution *grown = realloc(d->resolutions, (d->n_resolutions + 1) * sizeof *grown);
    if (!grown)
        return tnd_error_nomem(L->err, L->file);
    d->resolutions = grown;
    d->resolutions[d->n_resolutions++] = r;
    return TND_OK;
}

static tnd_status load_procedure(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    xmlNodePtr closing = tnd_xml_child(sec, "closing");
    if (!closing)
        return fail(L, TND_ERR_DEFINITION, sec, DOC_HINT, "<procedure> mist <closing>");
    TND_TRY(attr_str(L, sec, "steps-source", false, d->steps_source, sizeof d->steps_source));
    TND_TRY(rule_ref(L, closing, &d->closing));
    TND_TRY(attr_value(L, closing, "at", NOTE_DATETIME, &d->closing_time, NULL));
    /* a later hour the document also names (§3.3 L251-253 against L295, L381): REVIEW window */
    TND_TRY(attr_value(L, closing, "review-until", NOTE_DATETIME, &d->closing_review_until,
                   &d->has_closing_review));
    TND_TRY(attr_str(L, closing, "review-source", d->has_closing_review, d->closing_review_source,
                 sizeof d->closing_review_source));
    if (d->has_closing_review && tnd_datetime_cmp(d->closing_review_until, d->closing_time) <= 0)
        return fail(L, TND_ERR_DEFINITION, closing, "review-until ligt na at",
                    "<closing>: review-until ligt niet na de sluitingstijd");
    xmlNodePtr resub = tnd_xml_child(sec, "resubmission");
    if (resub)
        TND_TRY(load_resubmission(L, resub));
    /* (issue 8 §4) herstel on request within N working days (§4.1.4 L483-486) */
    xmlNodePtr herstel = tnd_xml_child(sec, "herstel");
    if (herstel) {
        TND_TRY(rule_ref(L, herstel, &d->rounds.herstel));
        TND_TRY(attr_int(L, herstel, "working-days", true, 0, 1, 60,
                     &d->rounds.herstel_working_days));
        d->rounds.has_herstel = true;
    }
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* municipalities, lots, contracts                                                             */

static tnd_status load_municipalities(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n = count_children(sec, "municipality");
    if (!(d->municipalities = alloc_array(L, n, sizeof *d->municipalities)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, "municipality"); c;
         c = tnd_xml_next(c, "municipality")) {
        tnd_municipality m;
        memset(&m, 0, sizeof m);
        TND_TRY(attr_str(L, c, "id", true, m.id, sizeof m.id));
        TND_TRY(text_str(L, c, m.name, sizeof m.name));
        if (tnd_definition_municipality(d, m.id))
            return fail(L, TND_ERR_DEFINITION, c, "elke gemeente staat één keer in de lijst",
                        "gemeente '%s' staat er dubbel in", m.id);
        d->municipalities[d->n_municipalities++] = m;
    }
    return TND_OK;
}

static tnd_status municipality_token(loader *L, xmlNodePtr n, const char *name, const char *token,
                                     int index, void *ctx)
{
    tnd_lot *lot = ctx;
    if (!tnd_definition_municipality(L->def, token))
        return fail(L, TND_ERR_DEFINITION, n, "noem alleen gemeenten uit <municipalities>",
                    "perceel %d noemt gemeente '%s', die niet in <municipalities> staat",
                    lot->number, token);
    snprintf(lot->municipalities[index], TND_CODE_LEN, "%s", token);
    lot->n_municipalities = (size_t)index + 1;
    return TND_OK;
}

static tnd_status load_product(loader *L, xmlNodePtr c, tnd_lot *lot, tnd_product *p)
{
    TND_TRY(attr_str(L, c, "code", true, p->code, sizeof p->code));
    TND_TRY(attr_str(L, c, "name", true, p->name, sizeof p->name));
    TND_TRY(attr_str(L, c, "group", false, p->group, sizeof p->group));
    TND_TRY(attr_str(L, c, "note", false, p->note, sizeof p->note));
    if (tnd_lot_product(lot, p->code))
        return fail(L, TND_ERR_DEFINITION, c, "geef elke voorziening van een perceel een eigen "
                    "code", "perceel %d: voorziening '%s' staat er dubbel in", lot->number,
                    p->code);
    /* Default rank: the position among the earlier products of the same group. */
    int same_group = 0;
    for (size_t i = 0; i < lot->n_products; i++)
        if (strcmp(lot->products[i].group, p->group) == 0)
            same_group++;
    TND_TRY(attr_int(L, c, "rank", false, same_group, 0, 1000, &p->rank));
    for (size_t i = 0; i < lot->n_products; i++)
        if (strcmp(lot->products[i].group, p->group) == 0 && lot->products[i].rank == p->rank)
            return fail(L, TND_ERR_DEFINITION, c, "geef elke voorziening in een groep een eigen "
                        "rang", "perceel %d: voorzieningen '%s' en '%s' hebben dezelfde rang %d",
                        lot->number, lot->products[i].code, p->code, p->rank);
    for (xmlNodePtr t = tnd_xml_child(c, "tariff"); t; t = tnd_xml_next(t, "tariff")) {
        if (p->n_tariffs >= (int)(sizeof p->tariffs / sizeof p->tariffs[0]))
            return fail(L, TND_ERR_RANGE, t, DOC_HINT, "voorziening '%s' heeft meer dan 2 "
                        "tarieven", p->code);
        tnd_tariff *tf = &p->tariffs[p->n_tariffs];
        TND_TRY(attr_str(L, t, "unit", true, tf->unit, sizeof tf->unit));
        char *amount = tnd_xml_text(t);
        if (!amount)
            return tnd_error_nomem(L->err, L->file);
        tnd_status rc = parse_value(L, t, "het tarief", amount, NOTE_MONEY, &tf->amount);
        free(amount);
        TND_TRY(rc);
        p->n_tariffs++;
    }
    return TND_OK;
}

static tnd_status load_lot(loader *L, xmlNodePtr c, tnd_lot *lot)
{
    TND_TRY(attr_int(L, c, "number", true, 0, 1, 999, &lot->number));
    TND_TRY(attr_str(L, c, "name", true, lot->name, sizeof lot->name));
    TND_TRY(attr_str(L, c, "source", true, lot->source, sizeof lot->source));
    /* requirements-include may name a later lot: checked once all lots are read */
    TND_TRY(attr_int(L, c, "requirements-include", false, 0, 1, 999, &lot->requirements_include));
    char *list;
    TND_TRY(get_attr(L, c, "municipalities", true, &list));
    size_t words = 0;
    for (const char *s = list; *s;) {
        while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
            s++;
        if (*s)
            words++;
        while (*s && *s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
            s++;
    }
    free(list);
    if (!(lot->municipalities = alloc_array(L, words, sizeof *lot->municipalities)))
        return TND_ERR_NOMEM;
    int count;
    TND_TRY(attr_list(L, c, "municipalities", true, (int)words, municipality_token, lot, &count));

    size_t n = count_children(c, "product");
    if (!(lot->products = alloc_array(L, n, sizeof *lot->products)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr p = tnd_xml_child(c, "product"); p; p = tnd_xml_next(p, "product")) {
        TND_TRY(load_product(L, p, lot, &lot->products[lot->n_products]));
        lot->n_products++;
    }
    return TND_OK;
}

/* requirements-include: the lot exists, is not the lot itself, and the chain has no loop. */
static tnd_status check_requirements_include(loader *L, xmlNodePtr c, const tnd_lot *lot)
{
    if (!lot->requirements_include)
        return TND_OK;
    TND_TRY(check_lot(L, c, "requirements-include", lot->requirements_include));
    const tnd_lot *at = lot;
    for (size_t steps = 0; at && at->requirements_include; steps++) {
        if (steps >= L->def->n_lots || at->requirements_include == lot->number)
            return fail(L, TND_ERR_DEFINITION, c, "een perceel kan de eisen van een ander perceel "
                        "overnemen, maar niet (via een ander) van zichzelf",
                        "requirements-include van perceel %d vormt een kring", lot->number);
        at = tnd_definition_lot(L->def, at->requirements_include);
    }
    return TND_OK;
}

static tnd_status load_lots(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n = count_children(sec, "lot");
    if (!(d->lots = alloc_array(L, n, sizeof *d->lots)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, "lot"); c; c = tnd_xml_next(c, "lot")) {
        tnd_lot *lot = &d->lots[d->n_lots++]; /* counted first: freed even when half filled */
        TND_TRY(load_lot(L, c, lot));
        for (size_t i = 0; i + 1 < d->n_lots; i++)
            if (d->lots[i].number == lot->number)
                return fail(L, TND_ERR_DEFINITION, c, "geef elk perceel een eigen nummer",
                            "perceel %d staat er dubbel in", lot->number);
    }
    size_t i = 0;
    for (xmlNodePtr c = tnd_xml_child(sec, "lot"); c; c = tnd_xml_next(c, "lot"), i++)
        TND_TRY(check_requirements_include(L, c, &d->lots[i]));
    return TND_OK;
}

/* Informative: contract terms are checked (lots exist, dates valid and ordered) but the model has
 * no field for them. */
static tnd_status load_contracts(loader *L, xmlNodePtr sec)
{
    for (xmlNodePtr c = tnd_xml_child(sec, "contract"); c; c = tnd_xml_next(c, "contract")) {
        int lots[TND_MAX_SET], n_lots;
        tnd_date start, end;
        TND_TRY(attr_lots(L, c, "lots", true, lots, TND_MAX_SET, &n_lots));
        TND_TRY(attr_value(L, c, "start", NOTE_DATE, &start, NULL));
        TND_TRY(attr_value(L, c, "end", NOTE_DATE, &end, NULL));
        if (tnd_date_cmp(start, end) > 0)
            return fail(L, TND_ERR_RANGE, c, "zet de begindatum voor de einddatum",
                        "de overeenkomst eindigt voordat zij begint");
    }
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* combinations, cascade                                                                       */

static tnd_status load_combinations(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n = count_children(sec, NULL);
    if (!(d->combo_rules = alloc_array(L, n, sizeof *d->combo_rules)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, NULL); c; c = tnd_xml_next(c, NULL)) {
        tnd_combo_rule *r = &d->combo_rules[d->n_combo_rules++];
        TND_TRY(rule_ref(L, c, &r->ref));
        if (xmlStrEqual(c->name, BAD_CAST "at-most")) {
            r->kind = TND_COMBO_AT_MOST;
            TND_TRY(attr_int(L, c, "count", true, 0, 1, TND_MAX_SET, &r->count));
            TND_TRY(attr_lots(L, c, "lots", true, r->lots, TND_MAX_SET, &r->n_lots));
        } else if (xmlStrEqual(c->name, BAD_CAST "requires-any")) {
            r->kind = TND_COMBO_REQUIRES_ANY;
            TND_TRY(attr_lot(L, c, "lot", &r->lot));
            TND_TRY(attr_lots(L, c, "lots", true, r->lots, TND_MAX_SET, &r->n_lots));
            TND_TRY(attr_codes(L, c, "except-provider-types", false, r->except_provider_types,
                           (int)(sizeof r->except_provider_types /
                                 sizeof r->except_provider_types[0]),
                           &r->n_except));
        } else if (xmlStrEqual(c->name, BAD_CAST "all-products")) {
            r->kind = TND_COMBO_ALL_PRODUCTS;
            TND_TRY(attr_lot(L, c, "lot", &r->lot));
        } else {
            return fail(L, TND_ERR_SCHEMA, c, DOC_HINT, "onbekende combinatieregel <%s>",
                        (const char *)c->name);
        }
    }
    return TND_OK;
}

static tnd_status load_cascade(loader *L, xmlNodePtr sec)
{
    tnd_cascade *k = &L->def->cascade;
    const int max_chains = (int)(sizeof k->chains / sizeof k->chains[0]);
    TND_TRY(rule_ref(L, sec, &k->ref));
    TND_TRY(attr_bool(L, sec, "opt-out-allowed", false, &k->opt_out_allowed));
    for (xmlNodePtr c = tnd_xml_child(sec, "chain"); c; c = tnd_xml_next(c, "chain")) {
        if (k->n_chains >= max_chains)
            return fail(L, TND_ERR_RANGE, c, DOC_HINT, "meer dan %d terugvalketens", max_chains);
        tnd_cascade_chain *ch = &k->chains[k->n_chains++];
        TND_TRY(attr_lot(L, c, "from", &ch->from));
        TND_TRY(attr_lots(L, c, "to", true, ch->to, (int)(sizeof ch->to / sizeof ch->to[0]),
                      &ch->n_to));
        TND_TRY(attr_bool(L, c, "awarded-competitively", false, &ch->awarded_competitively));
        for (int i = 0; i < ch->n_to; i++)
            if (ch->to[i] == ch->from)
                return fail(L, TND_ERR_DEFINITION, c, "een keten noemt alleen lagere percelen",
                            "perceel %d valt terug op zichzelf", ch->from);
        for (int i = 0; i + 1 < k->n_chains; i++)
            if (k->chains[i].from == ch->from)
                return fail(L, TND_ERR_DEFINITION, c, "één keten per perceel",
                            "er is al een terugvalketen vanaf perceel %d", ch->from);
    }
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* (issue 11) assignments above the lots, their phases and number of contractors               */

static int assignment_index(const tnd_definition *d, const char *id)
{
    for (size_t i = 0; i < d->n_assignments; i++)
        if (strcmp(d->assignments[i].id, id) == 0)
            return (int)i;
    return -1;
}

static tnd_status load_phase(loader *L, xmlNodePtr c, tnd_assignment *a)
{
    static const struct {
        const char *name;
        tnd_phase_kind kind;
    } kinds[] = { { "admission", TND_PHASE_ADMISSION }, { "selection", TND_PHASE_SELECTION },
                  { "dialogue", TND_PHASE_DIALOGUE }, { "contracting", TND_PHASE_CONTRACTING } };
    if (a->n_phases >= TND_MAX_PHASES)
        return fail(L, TND_ERR_RANGE, c, DOC_HINT, "opdracht %s: meer dan %d fasen", a->id,
                    TND_MAX_PHASES);
    tnd_phase *ph = &a->phases[a->n_phases++];
    char kind[16] = "";
    TND_TRY(attr_str(L, c, "id", true, ph->id, sizeof ph->id));
    TND_TRY(attr_str(L, c, "kind", true, kind, sizeof kind));
    TND_TRY(attr_str(L, c, "label", true, ph->label, sizeof ph->label));
    TND_TRY(attr_str(L, c, "source", true, ph->source, sizeof ph->source));
    size_t k = 0;
    while (k < sizeof kinds / sizeof kinds[0] && strcmp(kinds[k].name, kind) != 0)
        k++;
    if (k == sizeof kinds / sizeof kinds[0])
        return fail(L, TND_ERR_VALUE, c, "admission, selection, dialogue of contracting",
                    "onbekende soort fase \"%s\"", kind);
    ph->kind = kinds[k].kind;
    for (int i = 0; i + 1 < a->n_phases; i++)
        if (strcmp(a->phases[i].id, ph->id) == 0)
            return fail(L, TND_ERR_DEFINITION, c, "geef elke fase van een opdracht een eigen id",
                        "opdracht %s: fase '%s' staat er dubbel in", a->id, ph->id);
    return TND_OK;
}

/* <contractors>: the least and most contractors of the assignment (GRJR A: "gedacht wordt aan
 * 5-7 aanbieders", §3.2 L1203). */
static tnd_status load_contractors(loader *L, xmlNodePtr c, tnd_assignment *a)
{
    char below[16] = "";
    a->has_count = true;
    TND_TRY(rule_ref(L, c, &a->count_rule));
    TND_TRY(attr_int(L, c, "min", false, 0, 1, 100000, &a->min_contractors));
    TND_TRY(attr_int(L, c, "max", false, 0, 1, 100000, &a->max_contractors));
    TND_TRY(attr_str(L, c, "below-minimum", false, below, sizeof below));
    a->below_minimum_refuses = strcmp(below, "refuse") == 0;
    if (!a->min_contractors && !a->max_contractors)
        return fail(L, TND_ERR_DEFINITION, c, "geef min, max of beide",
                    "opdracht %s: <contractors> zonder minimum en maximum", a->id);
    if (a->min_contractors && a->max_contractors && a->min_contractors > a->max_contractors)
        return fail(L, TND_ERR_DEFINITION, c, "zet min op of onder max",
                    "opdracht %s: minimum %d opdrachtnemers is groter dan het maximum %d", a->id,
                    a->min_contractors, a->max_contractors);
    if (below[0] && !a->min_contractors)
        return fail(L, TND_ERR_DEFINITION, c, "geef ook min, of verwijder below-minimum",
                    "opdracht %s: below-minimum zonder minimum", a->id);
    return TND_OK;
}

static tnd_status load_assignment(loader *L, xmlNodePtr c, tnd_assignment *a)
{
    tnd_definition *d = L->def;
    TND_TRY(attr_str(L, c, "id", true, a->id, sizeof a->id));
    if (assignment_index(d, a->id) != (int)(a - d->assignments))
        return fail(L, TND_ERR_DEFINITION, c, "geef elke opdracht een eigen id",
                    "opdracht '%s' staat er dubbel in", a->id);
    TND_TRY(attr_str(L, c, "name", true, a->name, sizeof a->name));
    TND_TRY(attr_str(L, c, "source", true, a->source, sizeof a->source));
    TND_TRY(attr_lots(L, c, "lots", true, a->lots, TND_MAX_SET, &a->n_lots));
    for (int k = 0; k < a->n_lots; k++)
        for (const tnd_assignment *o = d->assignments; o < a; o++)
            for (int j = 0; j < o->n_lots; j++)
                if (o->lots[j] == a->lots[k])
                    return fail(L, TND_ERR_DEFINITION, c, "een perceel hoort bij één opdracht",
                                "perceel %d staat al in opdracht %s", a->lots[k], o->id);
    TND_TRY(attr_str(L, c, "procedure", false, a->procedure, sizeof a->procedure));
    TND_TRY(attr_str(L, c, "procedure-resolution", false, a->procedure_resolution,
                 sizeof a->procedure_resolution));
    if (a->procedure_resolution[0] && !tnd_definition_resolution(d, a->procedure_resolution))
        return fail(L, TND_ERR_DEFINITION, c,
                    "voeg de <resolution> toe aan <resolutions> of verwijder het attribuut",
                    "opdracht %s noemt resolutie '%s', die niet bestaat", a->id,
                    a->procedure_resolution);
    for (xmlNodePtr p = tnd_xml_child(c, "phase"); p; p = tnd_xml_next(p, "phase"))
        TND_TRY(load_phase(L, p, a));
    xmlNodePtr n = tnd_xml_child(c, "contractors");
    return n ? load_contractors(L, n, a) : TND_OK;
}

/* <exclusive>/<combinable>: two assignments. An exclusive pair becomes one step-2 lot combination
 * "at most 1 of {x, y}" for every lot x of the one and y of the other (a bid on both assignments
 * is a bid on such a pair), with the pair's id, source and label: check.c and the fill-in
 * self-check judge it as any other combination. */
static tnd_status load_assignment_pair(loader *L, xmlNodePtr c, tnd_assignment_pair *p)
{
    tnd_definition *d = L->def;
    char ids[2][TND_CODE_LEN];
    int n = 0;
    p->exclusive = xmlStrEqual(c->name, BAD_CAST "exclusive");
    TND_TRY(rule_ref(L, c, &p->ref));
    TND_TRY(attr_codes(L, c, "assignments", true, ids, 2, &n));
    p->a = n > 0 ? assignment_index(d, ids[0]) : -1;
    p->b = n > 1 ? assignment_index(d, ids[1]) : -1;
    if (n != 2 || p->a < 0 || p->b < 0 || p->a == p->b)
        return fail(L, TND_ERR_DEFINITION, c, "noem twee verschillende opdrachten uit <assignment>",
                    "regel %s: assignments moet twee bestaande, verschillende opdrachten noemen",
                    p->ref.id);
    for (tnd_assignment_pair *o = d->assignment_pairs; o < p; o++)
        if ((o->a == p->a && o->b == p->b) || (o->a == p->b && o->b == p->a))
            return fail(L, TND_ERR_DEFINITION, c, "één regel per paar opdrachten",
                        "opdrachten %s en %s staan al in regel %s%s", ids[0], ids[1], o->ref.id,
                        o->exclusive != p->exclusive ? ": uitgesloten en toegestaan tegelijk"
                                                     : "");
    if (!p->exclusive)
        return TND_OK;
    const tnd_assignment *x = &d->assignments[p->a], *y = &d->assignments[p->b];
    size_t add = (size_t)x->n_lots * (size_t)y->n_lots;
    tnd_combo_rule *rules = realloc(d->combo_rules, (d->n_combo_rules + add) * sizeof *rules);
    if (!rules)
        return tnd_error_nomem(L->err, L->file);
    d->combo_rules = rules;
    for (int i = 0; i < x->n_lots; i++)
        for (int j = 0; j < y->n_lots; j++) {
            tnd_combo_rule *r = &d->combo_rules[d->n_combo_rules++];
            memset(r, 0, sizeof *r);
            r->ref = p->ref;
            r->kind = TND_COMBO_AT_MOST;
            r->count = 1;
            r->lots[0] = x->lots[i];
            r->lots[1] = y->lots[j];
            r->n_lots = 2;
        }
    return TND_OK;
}

static tnd_status load_assignments(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n = count_children(sec, "assignment");
    size_t np = count_children(sec, NULL) - n;
    if (!(d->assignments = alloc_array(L, n, sizeof *d->assignments)) ||
        !(d->assignment_pairs = alloc_array(L, np, sizeof *d->assignment_pairs)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, NULL); c; c = tnd_xml_next(c, NULL)) {
        if (xmlStrEqual(c->name, BAD_CAST "assignment"))
            TND_TRY(load_assignment(L, c, &d->assignments[d->n_assignments++]));
        else
            TND_TRY(load_assignment_pair(L, c, &d->assignment_pairs[d->n_assignment_pairs++]));
    }
    return TND_OK;
}

/* <placeholder> of an award: an open point the region fills in (criteria, weights). */
static tnd_status load_placeholders(loader *L, xmlNodePtr award, const tnd_award_lot *a)
{
    tnd_definition *d = L->def;
    for (xmlNodePtr c = tnd_xml_child(award, "placeholder"); c;
         c = tnd_xml_next(c, "placeholder")) {
        tnd_placeholder *ph = realloc(d->placeholders, (d->n_placeholders + 1) * sizeof *ph);
        if (!ph)
            return tnd_error_nomem(L->err, L->file);
        d->placeholders = ph;
        ph = &d->placeholders[d->n_placeholders++];
        memset(ph, 0, sizeof *ph);
        ph->lot = a->lot;
        ph->line = tnd_xml_line(c);
        TND_TRY(rule_ref(L, c, &ph->ref));
    }
    return TND_OK;
}

/* After the awards are read: a ranked lot of an assignment may not award more than the
 * assignment's maximum number of contractors. */
static tnd_status check_assignments(loader *L, xmlNodePtr root)
{
    const tnd_definition *d = L->def;
    xmlNodePtr sec = tnd_xml_child(root, "assignments");
    for (size_t i = 0; sec && i < d->n_assignments; i++) {
        const tnd_assignment *a = &d->assignments[i];
        for (int k = 0; a->max_contractors && k < a->n_lots; k++) {
            const tnd_award_lot *aw = tnd_definition_award(d, a->lots[k]);
            if (aw && aw->max_awarded > a->max_contractors)
                return fail(L, TND_ERR_DEFINITION, sec, "zet max-awarded op of onder het maximum",
                            "perceel %d gunt maximaal %d, meer dan het maximum van %d "
                            "opdrachtnemers van opdracht %s", a->lots[k], aw->max_awarded,
                            a->max_contractors, a->id);
        }
    }
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* step 1, exclusion, documents                                                                */

static tnd_status load_required(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n = count_children(sec, "item");
    if (!(d->required = alloc_array(L, n, sizeof *d->required)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, "item"); c; c = tnd_xml_next(c, "item")) {
        tnd_required_item *r = &d->required[d->n_required++];
        TND_TRY(rule_ref(L, c, &r->ref));
        TND_TRY(attr_str(L, c, "item", true, r->item, sizeof r->item));
        TND_TRY(attr_lots(L, c, "lots", false, r->lots, TND_MAX_SET, &r->n_lots));
    }
    return TND_OK;
}

static tnd_status load_exclusion(loader *L, xmlNodePtr sec)
{
    tnd_exclusion_rules *x = &L->def->exclusion;
    TND_TRY(rule_ref(L, sec, &x->ref));
    size_t n = count_children(sec, "ground");
    if (!(x->grounds = alloc_array(L, n, sizeof *x->grounds)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, "ground"); c; c = tnd_xml_next(c, "ground")) {
        tnd_ground *g = &x->grounds[x->n_grounds];
        char effect[16] = "";
        TND_TRY(attr_str(L, c, "code", true, g->code, sizeof g->code));
        TND_TRY(attr_str(L, c, "part", true, g->part, sizeof g->part));
        TND_TRY(attr_str(L, c, "source", true, g->source, sizeof g->source));
        TND_TRY(attr_str(L, c, "effect", true, effect, sizeof effect));
        TND_TRY(text_str(L, c, g->label, sizeof g->label));
        if (strcmp(effect, "exclude") == 0)
            g->effect = TND_GROUND_EXCLUDE;
        else if (strcmp(effect, "review") == 0)
            g->effect = TND_GROUND_REVIEW;
        else if (strcmp(effect, "not-applied") == 0)
            g->effect = TND_GROUND_NOT_APPLIED;
        else
            return fail(L, TND_ERR_VALUE, c, "exclude, review of not-applied",
                        "onbekend effect \"%s\"", effect);
        for (size_t i = 0; i < x->n_grounds; i++)
            if (strcmp(x->grounds[i].code, g->code) == 0)
                return fail(L, TND_ERR_DEFINITION, c, "elke uitsluitingsgrond één keer",
                            "uitsluitingsgrond '%s' staat er dubbel in", g->code);
        x->n_grounds++;
    }
    return TND_OK;
}

static tnd_status load_documents(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n = count_children(sec, "document");
    if (!(d->documents = alloc_array(L, n, sizeof *d->documents)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, "document"); c; c = tnd_xml_next(c, "document")) {
        tnd_document_rule *r = &d->documents[d->n_documents++];
        char when[16] = "";
        TND_TRY(rule_ref(L, c, &r->ref));
        TND_TRY(attr_str(L, c, "document", true, r->document, sizeof r->document));
        TND_TRY(attr_int(L, c, "max-months", true, 0, 1, 1200, &r->max_months));
        TND_TRY(attr_str(L, c, "when", true, when, sizeof when));
        if (strcmp(when, "at-submission") == 0)
            r->when = TND_DOC_AT_SUBMISSION;
        else if (strcmp(when, "on-request") == 0)
            r->when = TND_DOC_ON_REQUEST;
        else
            return fail(L, TND_ERR_VALUE, c, "at-submission of on-request",
                        "onbekend moment \"%s\"", when);
    }
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* financial                                                                                   */

static tnd_status load_fin_item(loader *L, xmlNodePtr c, tnd_financial_rules *f)
{
    tnd_fin_item *it = &f->items[f->n_items];
    TND_TRY(attr_str(L, c, "id", true, it->id, sizeof it->id));
    TND_TRY(attr_str(L, c, "label", true, it->label, sizeof it->label));
    TND_TRY(attr_years(L, c, "years", it->years, (int)(sizeof it->years / sizeof it->years[0]),
                   &it->n_years));
    TND_TRY(attr_bool(L, c, "may-be-negative", false, &it->may_be_negative));
    for (int i = 0; i < f->n_items; i++)
        if (strcmp(f->items[i].id, it->id) == 0)
            return fail(L, TND_ERR_DEFINITION, c, "elke post één keer",
                        "financiële post '%s' staat er dubbel in", it->id);
    f->n_items++;
    return TND_OK;
}

typedef struct {
    tnd_financial_rules *f;
    int *indices;
} item_ctx;

static tnd_status fin_item_token(loader *L, xmlNodePtr n, const char *name, const char *token,
                                 int index, void *ctx)
{
    item_ctx *ic = ctx;
    for (int i = 0; i < ic->f->n_items; i++)
        if (strcmp(ic->f->items[i].id, token) == 0) {
            ic->indices[index] = i;
            return TND_OK;
        }
    return fail(L, TND_ERR_DEFINITION, n, "noem alleen posten uit de <item>-regels van "
                "<financial>", "attribuut '%s': financiële post '%s' bestaat niet", name, token);
}

static bool item_has_year(const tnd_fin_item *it, int year)
{
    for (int i = 0; i < it->n_years; i++)
        if (it->years[i] == year)
            return true;
    return false;
}

/* Decimals written in a threshold ("1,50%" -> 2, "20,0%" -> 1, "1" -> 0). */
static int written_places(const char *text)
{
    const char *sep = strrchr(text, ',');
    if (!sep)
        sep = strrchr(text, '.');
    int places = 0;
    for (const char *s = sep ? sep + 1 : ""; *s >= '0' && *s <= '9'; s++)
        places++;
    return places;
}

static tnd_status load_fin_norm(loader *L, xmlNodePtr c, tnd_financial_rules *f)
{
    tnd_fin_norm *nm = &f->norms[f->n_norms];
    const int max_items = (int)(sizeof nm->num_items / sizeof nm->num_items[0]);
    TND_TRY(rule_ref(L, c, &nm->ref));
    item_ctx num = {f, nm->num_items}, den = {f, nm->den_items};
    TND_TRY(attr_list(L, c, "numerator", true, max_items, fin_item_token, &num, &nm->n_num));
    TND_TRY(attr_list(L, c, "denominator", true, max_items, fin_item_token, &den, &nm->n_den));
    TND_TRY(attr_op(L, c, "op", &nm->op));

    char *threshold;
    TND_TRY(get_attr(L, c, "threshold", true, &threshold));
    nm->percent = strchr(threshold, '%') != NULL;
    int places = written_places(threshold);
    tnd_status rc = parse_value(L, c, "attribuut 'threshold'", threshold,
                                nm->percent ? NOTE_PERCENT : NOTE_DECIMAL, &nm->threshold);
    free(threshold);
    TND_TRY(rc);
    TND_TRY(attr_int(L, c, "display-places", false, places, 0, 6, &nm->display_places));
    TND_TRY(attr_years(L, c, "years", nm->years, (int)(sizeof nm->years / sizeof nm->years[0]),
                   &nm->n_years));

    char degenerate[24] = "";
    TND_TRY(attr_str(L, c, "degenerate", true, degenerate, sizeof degenerate));
    if (strcmp(degenerate, "not-met") == 0)
        nm->degenerate = TND_DEGENERATE_NOT_MET;
    else if (strcmp(degenerate, "met-if-positive") == 0)
        nm->degenerate = TND_DEGENERATE_MET_IF_POSITIVE;
    else
        return fail(L, TND_ERR_VALUE, c, "not-met of met-if-positive",
                    "onbekende regel voor een noemer <= 0: \"%s\"", degenerate);

    /* Every year the norm counts must be a year in which each of its figures is asked for. */
    for (int y = 0; y < nm->n_years; y++) {
        const int *sets[2] = {nm->num_items, nm->den_items};
        const int counts[2] = {nm->n_num, nm->n_den};
        for (int s = 0; s < 2; s++)
            for (int i = 0; i < counts[s]; i++) {
                const tnd_fin_item *it = &f->items[sets[s][i]];
                if (!item_has_year(it, nm->years[y]))
                    return fail(L, TND_ERR_DEFINITION, c, "neem het jaar op in years van de post, "
                                "of laat het weg uit de norm",
                                "norm %s telt jaar %d, maar post '%s' wordt voor %d niet "
                                "gevraagd", nm->ref.id, nm->years[y], it->id, nm->years[y]);
            }
    }
    f->n_norms++;
    return TND_OK;
}

/* Year bands: from 0 up, contiguous, only the last one open-ended. */
static tnd_status load_year_rule(loader *L, xmlNodePtr c, tnd_financial_rules *f)
{
    const int max_bands = (int)(sizeof f->bands / sizeof f->bands[0]);
    TND_TRY(rule_ref(L, c, &f->year_rule));
    for (xmlNodePtr b = tnd_xml_child(c, "band"); b; b = tnd_xml_next(b, "band")) {
        if (f->n_bands >= max_bands)
            return fail(L, TND_ERR_RANGE, b, DOC_HINT, "meer dan %d banden", max_bands);
        tnd_year_band *yb = &f->bands[f->n_bands];
        TND_TRY(attr_int(L, b, "min-failed", true, 0, 0, 100, &yb->min_failed));
        TND_TRY(attr_int(L, b, "max-failed", false, -1, 0, 100, &yb->max_failed));
        TND_TRY(attr_verdict(L, b, "verdict", &yb->verdict));
        int expected = f->n_bands ? f->bands[f->n_bands - 1].max_failed + 1 : 0;
        if (f->n_bands && f->bands[f->n_bands - 1].max_failed < 0)
            return fail(L, TND_ERR_DEFINITION, b, "alleen de laatste band heeft geen max-failed",
                        "deze band volgt op een band zonder bovengrens");
        if (yb->min_failed != expected)
            return fail(L, TND_ERR_DEFINITION, b, "de banden sluiten op elkaar aan, te beginnen "
                        "bij 0", "band begint bij %d jaar, verwacht %d", yb->min_failed,
                        expected);
        if (yb->max_failed >= 0 && yb->max_failed < yb->min_failed)
            return fail(L, TND_ERR_DEFINITION, b, "max-failed is ten minste min-failed",
                        "band %d t/m %d is leeg", yb->min_failed, yb->max_failed);
        f->n_bands++;
    }
    if (f->n_bands && f->bands[f->n_bands - 1].max_failed >= 0)
        return fail(L, TND_ERR_DEFINITION, c, "laat max-failed weg bij de laatste band",
                    "de laatste band heeft een bovengrens: meer niet-gehaalde jaren hebben geen "
                    "oordeel");
    return TND_OK;
}

static tnd_status load_financial(loader *L, xmlNodePtr sec)
{
    tnd_financial_rules *f = &L->def->financial;
    const int max_items = (int)(sizeof f->items / sizeof f->items[0]);
    const int max_norms = (int)(sizeof f->norms / sizeof f->norms[0]);
    TND_TRY(rule_ref(L, sec, &f->ref));
    for (xmlNodePtr c = tnd_xml_child(sec, "item"); c; c = tnd_xml_next(c, "item")) {
        if (f->n_items >= max_items)
            return fail(L, TND_ERR_RANGE, c, DOC_HINT, "meer dan %d posten", max_items);
        TND_TRY(load_fin_item(L, c, f));
    }
    for (xmlNodePtr c = tnd_xml_child(sec, "norm"); c; c = tnd_xml_next(c, "norm")) {
        if (f->n_norms >= max_norms)
            return fail(L, TND_ERR_RANGE, c, DOC_HINT, "meer dan %d normen", max_norms);
        TND_TRY(load_fin_norm(L, c, f));
    }
    xmlNodePtr c;
    if ((c = tnd_xml_child(sec, "year-rule")))
        TND_TRY(load_year_rule(L, c, f));
    if ((c = tnd_xml_child(sec, "going-concern"))) {
        TND_TRY(rule_ref(L, c, &f->going_concern));
        TND_TRY(attr_int(L, c, "year", true, 0, 1900, 2999, &f->going_concern_year));
        TND_TRY(attr_verdict(L, c, "verdict", &f->going_concern_verdict));
    }
    if ((c = tnd_xml_child(sec, "startup"))) {
        TND_TRY(rule_ref(L, c, &f->startup));
        TND_TRY(attr_verdict(L, c, "verdict", &f->startup_verdict));
    }
    if ((c = tnd_xml_child(sec, "plan")))
        TND_TRY(rule_ref(L, c, &f->plan));
    if ((c = tnd_xml_child(sec, "reliance"))) /* §4.1.12 L740-744: reliance for the norms */
        TND_TRY(rule_ref(L, c, &f->reliance));
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* insurance, references, quality, AGB                                                         */

static tnd_status load_insurance(loader *L, xmlNodePtr sec)
{
    tnd_insurance_rule *r = &L->def->insurance;
    TND_TRY(rule_ref(L, sec, &r->ref));
    TND_TRY(attr_value(L, sec, "min-per-event", NOTE_MONEY, &r->min_per_event, NULL));
    TND_TRY(attr_bool(L, sec, "every-member", false, &r->every_member));
    TND_TRY(attr_bool(L, sec, "combination-total", false, &r->combination_total));
    return attr_verdict(L, sec, "declared-only", &r->declared_only);
}

/* A child rule element (only id/source/label/resolution) of sec, if present. */
static tnd_status child_rule(loader *L, xmlNodePtr sec, const char *name, tnd_rule_ref *ref,
                             xmlNodePtr *found)
{
    xmlNodePtr c = tnd_xml_child(sec, name);
    if (found)
        *found = c;
    return c ? rule_ref(L, c, ref) : TND_OK;
}

static tnd_status load_references(loader *L, xmlNodePtr sec)
{
    tnd_reference_rules *r = &L->def->references;
    const int max_kc = (int)(sizeof r->competences / sizeof r->competences[0]);
    TND_TRY(rule_ref(L, sec, &r->ref));
    TND_TRY(attr_int(L, sec, "count", true, 0, 1, 100, &r->count));
    for (xmlNodePtr c = tnd_xml_child(sec, "competence"); c; c = tnd_xml_next(c, "competence")) {
        if (r->n_competences >= max_kc)
            return fail(L, TND_ERR_RANGE, c, DOC_HINT, "meer dan %d kerncompetenties", max_kc);
        tnd_competence *k = &r->competences[r->n_competences];
        TND_TRY(attr_str(L, c, "id", true, k->id, sizeof k->id));
        TND_TRY(text_str(L, c, k->label, sizeof k->label));
        for (int i = 0; i < r->n_competences; i++)
            if (strcmp(r->competences[i].id, k->id) == 0)
                return fail(L, TND_ERR_DEFINITION, c, "elke kerncompetentie één keer",
                            "kerncompetentie '%s' staat er dubbel in", k->id);
        r->n_competences++;
    }
    xmlNodePtr c;
    TND_TRY(child_rule(L, sec, "competence-rule", &r->competence_rule, NULL));
    TND_TRY(child_rule(L, sec, "window", &r->window_rule, &c));
    if (c)
        TND_TRY(attr_int(L, c, "years", true, 0, 1, 100, &r->window_years));
    TND_TRY(child_rule(L, sec, "referent", &r->referent_rule, &c));
    if (c) {
        const int max_kinds = (int)(sizeof r->referent_kinds_allowed /
                                    sizeof r->referent_kinds_allowed[0]);
        TND_TRY(attr_codes(L, c, "allowed", true, r->referent_kinds_allowed, max_kinds,
                       &r->n_allowed));
        TND_TRY(attr_codes(L, c, "forbidden", false, r->referent_kinds_forbidden, max_kinds,
                       &r->n_forbidden));
    }
    TND_TRY(child_rule(L, sec, "dissolved", &r->dissolved_rule, NULL));
    TND_TRY(child_rule(L, sec, "forecast", &r->forecast_rule, NULL));
    TND_TRY(child_rule(L, sec, "subcontractor", &r->subcontractor_rule, NULL));
    return child_rule(L, sec, "third-party", &r->third_party_rule, NULL);
}

static tnd_status load_quality(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n_sys = count_children(sec, "system"), n_km = count_children(sec, "keurmerk");
    if (!(d->quality = alloc_array(L, n_sys, sizeof *d->quality)) ||
        !(d->keurmerken = alloc_array(L, n_km, sizeof *d->keurmerken)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, "system"); c; c = tnd_xml_next(c, "system")) {
        tnd_quality_rule *q = &d->quality[d->n_quality++];
        TND_TRY(rule_ref(L, c, &q->ref));
        TND_TRY(attr_lots(L, c, "lots", true, q->lots, TND_MAX_SET, &q->n_lots));
        TND_TRY(attr_codes(L, c, "schemes", true, q->schemes, TND_MAX_SET, &q->n_schemes));
        TND_TRY(attr_bool(L, c, "equivalent-review", false, &q->equivalent_review));
        TND_TRY(attr_codes(L, c, "review-schemes", false, q->review_schemes, TND_MAX_SET,
                       &q->n_review_schemes));
    }
    for (xmlNodePtr c = tnd_xml_child(sec, "keurmerk"); c; c = tnd_xml_next(c, "keurmerk")) {
        tnd_keurmerk_rule *k = &d->keurmerken[d->n_keurmerken++];
        TND_TRY(rule_ref(L, c, &k->ref));
        TND_TRY(attr_lot(L, c, "lot", &k->lot));
        TND_TRY(attr_str(L, c, "provider-type", true, k->provider_type, sizeof k->provider_type));
        TND_TRY(attr_str(L, c, "keurmerk", true, k->keurmerk, sizeof k->keurmerk));
        TND_TRY(attr_verdict(L, c, "in-progress", &k->in_progress));
        TND_TRY(attr_int(L, c, "within-months", true, 0, 1, 1200, &k->within_months));
    }
    return TND_OK;
}

static tnd_status load_agb(loader *L, xmlNodePtr sec)
{
    TND_TRY(rule_ref(L, sec, &L->def->agb.ref));
    return attr_int(L, sec, "count", true, 0, 1, 4, &L->def->agb.count);
}

/* ------------------------------------------------------------------------------------------ */
/* requirements, declarations                                                                  */

static tnd_status product_token(loader *L, xmlNodePtr n, const char *name, const char *token,
                                int index, void *ctx)
{
    tnd_requirement *r = ctx;
    const tnd_lot *lot = tnd_definition_lot(L->def, r->product_lot);
    if (!tnd_lot_product(lot, token))
        return fail(L, TND_ERR_DEFINITION, n, "noem alleen codes uit <product> van dat perceel",
                    "perceel %d heeft geen voorziening '%s'", r->product_lot, token);
    snprintf(r->values[index], TND_CODE_LEN, "%s", token);
    return TND_OK;
}

/*
 * The kind and year of a requirement fit the fact it names (the vocabulary, scoring/facts.c).
 * Refused at load time, naming the line: a <number> on a money fact would read the fact's
 * number, 0, and fail every bid without a word (issue 8 §5); a per-year fact without year=, or a
 * year= on a fact without years, would find no fact and call every bid's fact missing.
 */
static tnd_status check_fact(loader *L, xmlNodePtr c, const tnd_requirement *r)
{
    const char *element = (const char *)c->name;
    const tnd_fact_spec *spec = tnd_fact_spec_find(r->fact);
    if (!spec)
        return fail(L, TND_ERR_DEFINITION, c,
                    "noem een gegeven uit de lijst in docs/definition-format.md",
                    "onbekend gegeven '%s'", r->fact);
    if (!tnd_fact_kind_fits(spec->kind, r->kind)) {
        fail(L, TND_ERR_DEFINITION, c, NULL,
             "<%s> past niet bij gegeven '%s': dat is een %s (%s); de eis zou een leeg veld "
             "lezen en elke inschrijving verkeerd beoordelen",
             element, r->fact, tnd_fact_kind_dutch(spec->kind), spec->label);
        if (spec->kind == TND_FACT_KIND_FLAG)
            tnd_error_hint(L->err, "gebruik <flag fact=\"%s\"> voor dit gegeven (%s)", r->fact,
                           DOC_HINT);
        else
            tnd_error_hint(L->err, "gebruik <%s fact=\"%s\"%s> voor dit gegeven, bijvoorbeeld "
                           "%s=\"%s\" (%s)",
                           tnd_fact_kind_element(spec->kind), r->fact,
                           spec->per_year ? " year=\"...\"" : "",
                           spec->kind == TND_FACT_KIND_TEXT ? "values" : "value", spec->example,
                           DOC_HINT);
        return TND_ERR_DEFINITION;
    }
    if (spec->per_year && r->year == 0)
        return fail(L, TND_ERR_DEFINITION, c,
                    "geef met year=\"...\" het jaar waarover de eis gaat (" DOC_HINT ")",
                    "gegeven '%s' staat per jaar in een inschrijving, maar <%s> noemt geen jaar",
                    r->fact, element);
    if (!spec->per_year && r->year != 0)
        return fail(L, TND_ERR_DEFINITION, c, "laat het attribuut year weg (" DOC_HINT ")",
                    "gegeven '%s' heeft geen jaar, maar <%s> noemt year=\"%d\"", r->fact,
                    element, r->year);
    return TND_OK;
}

static tnd_status load_requirement(loader *L, xmlNodePtr c, tnd_requirement *r)
{
    TND_TRY(rule_ref(L, c, &r->ref));
    TND_TRY(attr_lot(L, c, "lot", &r->lot));
    const char *kind = (const char *)c->name;
    if (strcmp(kind, "bids-product") == 0) {
        r->kind = TND_REQ_BIDS_PRODUCT;
        TND_TRY(attr_lot(L, c, "product-lot", &r->product_lot));
        return attr_list(L, c, "values", true, TND_MAX_SET, product_token, r, &r->n_values);
    }
    TND_TRY(attr_str(L, c, "fact", true, r->fact, sizeof r->fact));
    if (strcmp(kind, "flag") == 0) {
        r->kind = TND_REQ_FLAG;
    } else if (strcmp(kind, "one-of") == 0) {
        r->kind = TND_REQ_ONE_OF;
        TND_TRY(attr_codes(L, c, "values", true, r->values, TND_MAX_SET, &r->n_values));
    } else {
        TND_TRY(attr_int(L, c, "year", false, 0, 1900, 2999, &r->year));
        TND_TRY(attr_op(L, c, "op", &r->op));
        if (strcmp(kind, "number") == 0) {
            r->kind = TND_REQ_NUMBER;
            TND_TRY(attr_value(L, c, "value", NOTE_DECIMAL, &r->number, NULL));
        } else if (strcmp(kind, "money") == 0) {
            r->kind = TND_REQ_MONEY;
            TND_TRY(attr_value(L, c, "value", NOTE_MONEY, &r->money, NULL));
        } else {
            return fail(L, TND_ERR_SCHEMA, c, DOC_HINT, "onbekende eis <%s>", kind);
        }
    }
    return check_fact(L, c, r);
}

static tnd_status load_requirements(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n = count_children(sec, NULL);
    if (!(d->requirements = alloc_array(L, n, sizeof *d->requirements)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, NULL); c; c = tnd_xml_next(c, NULL))
        TND_TRY(load_requirement(L, c, &d->requirements[d->n_requirements++]));
    return TND_OK;
}

static tnd_status load_declarations(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n = count_children(sec, "declaration");
    if (!(d->declarations = alloc_array(L, n, sizeof *d->declarations)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, "declaration"); c;
         c = tnd_xml_next(c, "declaration")) {
        tnd_declaration_rule *r = &d->declarations[d->n_declarations++];
        TND_TRY(rule_ref(L, c, &r->ref));
        TND_TRY(attr_str(L, c, "kind", true, r->kind, sizeof r->kind));
        TND_TRY(attr_verdict(L, c, "on-violation", &r->on_violation));
    }
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* intensity                                                                                   */

/*
 * A band scale. Each band runs from `from` to `to` (from < to); bands are in ascending order and
 * may share a limit (4,1 ends I and starts J) but not overlap. When `group` is not NULL every band
 * code must be a product of `lot` in that group; otherwise any product of `lot`.
 */
static tnd_status load_scale(loader *L, xmlNodePtr sec, const tnd_lot *lot, const char *group,
                             tnd_intensity_scale *scale)
{
    TND_TRY(attr_str(L, sec, "source", true, scale->source, sizeof scale->source));
    size_t n = count_children(sec, "band");
    if (!(scale->bands = alloc_array(L, n, sizeof *scale->bands)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr b = tnd_xml_child(sec, "band"); b; b = tnd_xml_next(b, "band")) {
        tnd_intensity_band *band = &scale->bands[scale->n_bands];
        TND_TRY(attr_str(L, b, "code", true, band->code, sizeof band->code));
        TND_TRY(attr_value(L, b, "from", NOTE_DECIMAL, &band->from, NULL));
        TND_TRY(attr_value(L, b, "to", NOTE_DECIMAL, &band->to, NULL));
        TND_TRY(attr_bool(L, b, "from-inclusive", true, &band->from_inclusive));
        TND_TRY(attr_bool(L, b, "to-inclusive", false, &band->to_inclusive));
        const tnd_product *p = tnd_lot_product(lot, band->code);
        if (!p || (group && strcmp(p->group, group) != 0))
            return fail(L, TND_ERR_DEFINITION, b, "de code van een band is een voorziening van "
                        "het perceel", "band '%s' is geen voorziening%s%s van perceel %d",
                        band->code, group ? " in groep " : "", group ? group : "", lot->number);
        if (band->from.units < 0 || tnd_dec_cmp(band->from, band->to) >= 0)
            return fail(L, TND_ERR_DEFINITION, b, "from is kleiner dan to en niet negatief",
                        "band '%s' is leeg of omgekeerd", band->code);
        if (scale->n_bands) {
            const tnd_intensity_band *prev = &scale->bands[scale->n_bands - 1];
            if (tnd_dec_cmp(band->from, prev->to) < 0)
                return fail(L, TND_ERR_DEFINITION, b, "zet de banden oplopend, zonder overlap "
                            "(een gedeelde grens mag)", "band '%s' begint onder het einde van "
                            "band '%s'", band->code, prev->code);
        }
        for (size_t i = 0; i < scale->n_bands; i++)
            if (strcmp(scale->bands[i].code, band->code) == 0)
                return fail(L, TND_ERR_DEFINITION, b, "elke band één keer",
                            "band '%s' staat er dubbel in", band->code);
        scale->n_bands++;
    }
    return TND_OK;
}

static tnd_status load_occupancy(loader *L, xmlNodePtr c, tnd_residential_rules *r)
{
    tnd_occupancy_rule *o = &r->occupancy[r->n_occupancy];
    TND_TRY(attr_str(L, c, "kind", true, o->kind, sizeof o->kind));
    TND_TRY(attr_str(L, c, "source", true, o->source, sizeof o->source));
    TND_TRY(attr_value(L, c, "floor", NOTE_FRACTION, &o->floor, &o->has_floor));
    if (o->has_floor) {
        if (o->floor.units <= 0 || o->floor.units > TND_DEC_SCALE)
            return fail(L, TND_ERR_RANGE, c, "een bezettingsgraad ligt tussen 0% en 100%",
                        "ondergrens bezettingsgraad buiten (0%%, 100%%]");
    }
    for (int i = 0; i < r->n_occupancy; i++)
        if (strcmp(r->occupancy[i].kind, o->kind) == 0)
            return fail(L, TND_ERR_DEFINITION, c, "elk soort groep één keer",
                        "bezettingsregel '%s' staat er dubbel in", o->kind);
    r->n_occupancy++;
    return TND_OK;
}

static tnd_status load_maxima(loader *L, xmlNodePtr sec, const tnd_lot *lot,
                              tnd_residential_rules *r)
{
    TND_TRY(rule_ref(L, sec, &r->max_rule));
    size_t n = count_children(sec, "max");
    if (!(r->maxima = alloc_array(L, n, sizeof *r->maxima)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, "max"); c; c = tnd_xml_next(c, "max")) {
        tnd_provider_max *m = &r->maxima[r->n_maxima];
        TND_TRY(attr_str(L, c, "provider-type", true, m->provider_type, sizeof m->provider_type));
        TND_TRY(attr_str(L, c, "product", false, m->max_product, sizeof m->max_product));
        TND_TRY(attr_int(L, c, "min-products", false, 0, 0, 100, &m->min_products));
        TND_TRY(attr_str(L, c, "source", true, m->source, sizeof m->source));
        const tnd_product *p = m->max_product[0] ? tnd_lot_product(lot, m->max_product) : NULL;
        if (m->max_product[0] && (!p || strcmp(p->group, r->product_group) != 0))
            return fail(L, TND_ERR_DEFINITION, c, "noem een voorziening uit de groep van "
                        "<residential product-group>", "'%s' is geen voorziening in groep %s van "
                        "perceel %d", m->max_product, r->product_group, lot->number);
        for (size_t i = 0; i < r->n_maxima; i++)
            if (strcmp(r->maxima[i].provider_type, m->provider_type) == 0)
                return fail(L, TND_ERR_DEFINITION, c, "elk type aanbieder één keer",
                            "type aanbieder '%s' staat er dubbel in", m->provider_type);
        r->n_maxima++;
    }
    return TND_OK;
}

static tnd_status load_residential(loader *L, xmlNodePtr sec)
{
    tnd_residential_rules *r = &L->def->residential;
    const int max_occ = (int)(sizeof r->occupancy / sizeof r->occupancy[0]);
    TND_TRY(rule_ref(L, sec, &r->ref));
    TND_TRY(attr_lot(L, sec, "lot", &r->lot));
    TND_TRY(attr_str(L, sec, "product-group", true, r->product_group, sizeof r->product_group));
    const tnd_lot *lot = tnd_definition_lot(L->def, r->lot);
    xmlNodePtr c = tnd_xml_child(sec, "scale");
    if (!c)
        return fail(L, TND_ERR_DEFINITION, sec, DOC_HINT, "<residential> mist <scale>");
    TND_TRY(load_scale(L, c, lot, r->product_group, &r->scale));
    for (c = tnd_xml_child(sec, "occupancy"); c; c = tnd_xml_next(c, "occupancy")) {
        if (r->n_occupancy >= max_occ)
            return fail(L, TND_ERR_RANGE, c, DOC_HINT, "meer dan %d bezettingsregels", max_occ);
        TND_TRY(load_occupancy(L, c, r));
    }
    /* §4.1.8 L567-573: a claim the computation does not support may go to a verification
     * meeting (REVIEW) instead of failing; default FAIL */
    char mismatch[24] = "";
    TND_TRY(attr_str(L, sec, "on-mismatch", false, mismatch, sizeof mismatch));
    r->on_mismatch = TND_FAIL;
    if (mismatch[0] && (!verdict_parse(mismatch, &r->on_mismatch) ||
                        (r->on_mismatch != TND_FAIL && r->on_mismatch != TND_REVIEW)))
        return fail(L, TND_ERR_VALUE, sec, "FAIL of REVIEW",
                    "attribuut 'on-mismatch': \"%s\" is geen FAIL of REVIEW", mismatch);
    TND_TRY(child_rule(L, sec, "calculation", &r->calc_rule, NULL));
    c = tnd_xml_child(sec, "maxima");
    return c ? load_maxima(L, c, lot, r) : TND_OK;
}

/* Informative staffing norms: checked (band exists, numbers readable), not stored. */
static tnd_status load_staffing(loader *L, xmlNodePtr c, tnd_group_rules *g)
{
    const tnd_intensity_scale *scale = &g->scale;
    char band[TND_CODE_LEN] = "";
    tnd_dec v;
    TND_TRY(attr_str(L, c, "band", true, band, sizeof band));
    bool known = false;
    for (size_t i = 0; i < scale->n_bands; i++)
        known = known || strcmp(scale->bands[i].code, band) == 0;
    if (!known)
        return fail(L, TND_ERR_DEFINITION, c, "noem een band uit <scale>",
                    "band '%s' bestaat niet in de schaal", band);
    static const struct {
        const char *name;
        notation_kind kind;
        int64_t max_units;
    } numbers[] = {
        {"youths-per-staff", NOTE_DECIMAL, INT64_MAX},
        {"min-hbo", NOTE_FRACTION, TND_DEC_SCALE},
        {"min-fte-gedragswetenschapper", NOTE_DECIMAL, INT64_MAX},
    };
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        TND_TRY(attr_value(L, c, numbers[i].name, numbers[i].kind, &v, NULL));
        if (v.units < 0 || v.units > numbers[i].max_units)
            return fail(L, TND_ERR_RANGE, c, DOC_HINT, "attribuut '%s' ligt buiten het bereik",
                        numbers[i].name);
        if (i == 0 && g->n_staffing < (int)(sizeof g->staffing / sizeof g->staffing[0])) {
            snprintf(g->staffing[g->n_staffing].band, TND_CODE_LEN, "%s", band);
            g->staffing[g->n_staffing].youths_per_staff = v;
        }
    }
    if (g->n_staffing >= (int)(sizeof g->staffing / sizeof g->staffing[0]))
        return TND_OK;
    char *res = g->staffing[g->n_staffing].resolution;
    TND_TRY(attr_str(L, c, "resolution", false, res, TND_ID_LEN));
    if (res[0] && !tnd_definition_resolution(L->def, res))
        return fail(L, TND_ERR_DEFINITION, c, "voeg de resolutie toe aan <resolutions>",
                    "<staffing>: onbekende resolutie \"%s\"", res);
    g->n_staffing++;
    return TND_OK;
}

static tnd_status load_group(loader *L, xmlNodePtr sec)
{
    tnd_group_rules *g = &L->def->group;
    TND_TRY(rule_ref(L, sec, &g->ref));
    TND_TRY(attr_lot(L, sec, "lot", &g->lot));
    xmlNodePtr c = tnd_xml_child(sec, "scale");
    if (!c)
        return fail(L, TND_ERR_DEFINITION, sec, DOC_HINT, "<group> mist <scale>");
    TND_TRY(load_scale(L, c, tnd_definition_lot(L->def, g->lot), NULL, &g->scale));
    for (c = tnd_xml_child(sec, "staffing"); c; c = tnd_xml_next(c, "staffing"))
        TND_TRY(load_staffing(L, c, g));
    return child_rule(L, sec, "capacity", &g->capacity_rule, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Per-product rules (format 2, issue 11)                                                      */

/* The products of a per-product rule: codes of its lot, each named once. */
static tnd_status load_rule_products(loader *L, xmlNodePtr c, tnd_product_rule *pr)
{
    TND_TRY(attr_codes(L, c, "products", true, pr->products, TND_MAX_SET, &pr->n_products));
    const tnd_lot *lot = tnd_definition_lot(L->def, pr->lot);
    for (int i = 0; i < pr->n_products; i++) {
        if (!tnd_lot_product(lot, pr->products[i]))
            return fail(L, TND_ERR_DEFINITION, c, "noem alleen codes uit <product> van dat "
                        "perceel", "regel %s: perceel %d heeft geen voorziening '%s'",
                        pr->ref.id, pr->lot, pr->products[i]);
        for (int j = 0; j < i; j++)
            if (strcmp(pr->products[i], pr->products[j]) == 0)
                return fail(L, TND_ERR_DEFINITION, c, "noem elke voorziening één keer",
                            "regel %s: voorziening '%s' staat er twee keer in", pr->ref.id,
                            pr->products[i]);
    }
    return TND_OK;
}

/* A positive amount of a cap, an exception or a staffing norm ("52", "3000", "0,5"), at most
 * PRODUCT_MAX_AMOUNT: no product sheet comes near it, and the engine's exact comparisons
 * (amount x 60, youths x norm) stay far inside 64 bits. */
#define PRODUCT_MAX_AMOUNT 1000000
static tnd_status attr_positive(loader *L, xmlNodePtr c, const char *name, tnd_dec *out,
                                bool *present)
{
    TND_TRY(attr_value(L, c, name, NOTE_DECIMAL, out, present));
    if ((!present || *present) && out->units <= 0)
        return fail(L, TND_ERR_RANGE, c, "een maximum is groter dan 0",
                    "attribuut '%s' is niet groter dan 0", name);
    if ((!present || *present) && out->units > PRODUCT_MAX_AMOUNT * TND_DEC_SCALE)
        return fail(L, TND_ERR_RANGE, c, "ten hoogste 1.000.000",
                    "attribuut '%s' is groter dan 1.000.000", name);
    return TND_OK;
}

static tnd_status attr_cap_unit(loader *L, xmlNodePtr c, const char *name, tnd_cap_unit *out)
{
    char unit[16] = "";
    TND_TRY(attr_str(L, c, name, true, unit, sizeof unit));
    if (!tnd_cap_unit_parse(unit, out)) /* not reached: the schema lists the units */
        return fail(L, TND_ERR_VALUE, c, "minuut, uur, week, maand of jaar",
                    "onbekende eenheid \"%s\"", unit);
    return TND_OK;
}

/* L6459-6489: a cap per product with its period, extensions and documented exceptions. */
static tnd_status load_product_cap(loader *L, xmlNodePtr c, tnd_product_rule *pr)
{
    TND_TRY(attr_str(L, c, "measure", true, pr->measure, sizeof pr->measure));
    TND_TRY(attr_positive(L, c, "max", &pr->max, NULL));
    TND_TRY(attr_cap_unit(L, c, "unit", &pr->unit));
    TND_TRY(attr_str(L, c, "per", true, pr->per, sizeof pr->per));
    char ext[16] = "";
    TND_TRY(attr_str(L, c, "extensions", false, ext, sizeof ext));
    pr->extensions = strcmp(ext, "onbeperkt") == 0 ? TND_CAP_UNLIMITED : atoi(ext);
    TND_TRY(attr_positive(L, c, "extension-max", &pr->extension_max, &pr->has_extension_max));
    if (pr->has_extension_max) {
        if (pr->extensions == 0)
            return fail(L, TND_ERR_DEFINITION, c, "geef extensions op, of laat extension-max weg",
                        "regel %s: extension-max zonder verlenging", pr->ref.id);
        TND_TRY(attr_cap_unit(L, c, "extension-unit", &pr->extension_unit));
    }
    for (xmlNodePtr e = tnd_xml_child(c, "exception"); e; e = tnd_xml_next(e, "exception")) {
        tnd_cap_exception *x = &pr->exceptions[pr->n_exceptions++]; /* schema: at most 6 */
        TND_TRY(attr_unique_id(L, e, x->id, sizeof x->id));
        TND_TRY(attr_str(L, e, "source", true, x->source, sizeof x->source));
        TND_TRY(text_str(L, e, x->text, sizeof x->text));
        TND_TRY(attr_positive(L, e, "max", &x->max, &x->has_max));
        if (x->has_max && tnd_dec_cmp(x->max, pr->max) <= 0)
            return fail(L, TND_ERR_DEFINITION, e, "een uitzondering met max staat meer toe dan "
                        "het maximum zelf", "uitzondering %s: max is niet hoger dan het maximum "
                        "van regel %s", x->id, pr->ref.id);
    }
    return TND_OK;
}

/* L4783-4815, L5019-5043, L5289-5307: the categories of a product by group size. */
static tnd_status load_product_staffing(loader *L, xmlNodePtr c, tnd_product_rule *pr)
{
    for (xmlNodePtr k = tnd_xml_child(c, "category"); k; k = tnd_xml_next(k, "category")) {
        tnd_staffing_category *cat = &pr->categories[pr->n_categories]; /* schema: at most 6 */
        TND_TRY(attr_str(L, k, "code", true, cat->code, sizeof cat->code));
        TND_TRY(attr_str(L, k, "source", true, cat->source, sizeof cat->source));
        TND_TRY(attr_positive(L, k, "max-youths-per-staff", &cat->max_youths_per_staff, NULL));
        for (int j = 0; j < pr->n_categories; j++)
            if (strcmp(pr->categories[j].code, cat->code) == 0)
                return fail(L, TND_ERR_DEFINITION, k, "geef elke categorie een eigen code",
                            "regel %s: categorie '%s' staat er twee keer in", pr->ref.id,
                            cat->code);
        pr->n_categories++;
    }
    return TND_OK;
}

static tnd_status load_product_rule(loader *L, xmlNodePtr c, tnd_product_rule *pr)
{
    static const struct {
        const char *element;
        tnd_product_rule_kind kind;
    } kinds[] = {
        {"quality", TND_PRULE_QUALITY},       {"cap", TND_PRULE_CAP},
        {"staffing", TND_PRULE_STAFFING},     {"parent-qualification", TND_PRULE_PARENTS},
        {"ambulant-alternative", TND_PRULE_AMBULANT},
    };
    size_t k = 0;
    while (k < sizeof kinds / sizeof kinds[0] && !xmlStrEqual(c->name, BAD_CAST kinds[k].element))
        k++;
    if (k == sizeof kinds / sizeof kinds[0]) /* not reached: the schema lists the elements */
        return fail(L, TND_ERR_SCHEMA, c, DOC_HINT, "onbekende productregel <%s>",
                    (const char *)c->name);
    pr->kind = kinds[k].kind;
    TND_TRY(rule_ref(L, c, &pr->ref));
    TND_TRY(attr_lot(L, c, "lot", &pr->lot));
    if (pr->kind == TND_PRULE_AMBULANT) {
        TND_TRY(attr_lots(L, c, "via-lots", true, pr->via_lots, TND_MAX_SET, &pr->n_via_lots));
        for (int i = 0; i < pr->n_via_lots; i++)
            if (pr->via_lots[i] == pr->lot)
                return fail(L, TND_ERR_DEFINITION, c, "noem de percelen van het ambulante "
                            "aanbod", "regel %s: via-lots noemt perceel %d zelf", pr->ref.id,
                            pr->lot);
        return TND_OK;
    }
    TND_TRY(load_rule_products(L, c, pr));
    switch (pr->kind) {
    case TND_PRULE_QUALITY:
        TND_TRY(attr_codes(L, c, "schemes", true, pr->schemes, TND_MAX_SET, &pr->n_schemes));
        TND_TRY(attr_bool(L, c, "equivalent-review", false, &pr->equivalent_review));
        return attr_str(L, c, "provider-type", false, pr->provider_type,
                        sizeof pr->provider_type);
    case TND_PRULE_CAP:
        return load_product_cap(L, c, pr);
    case TND_PRULE_STAFFING:
        return load_product_staffing(L, c, pr);
    default:
        return TND_OK;
    }
}

static tnd_status load_product_rules(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n = count_children(sec, NULL);
    if (!(d->product_rules = alloc_array(L, n, sizeof *d->product_rules)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, NULL); c; c = tnd_xml_next(c, NULL))
        TND_TRY(load_product_rule(L, c, &d->product_rules[d->n_product_rules++]));
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* award                                                                                       */

static tnd_status load_score_scale(loader *L, xmlNodePtr sec)
{
    tnd_score_scale *s = &L->def->score_scale;
    const int max = (int)(sizeof s->values / sizeof s->values[0]);
    TND_TRY(attr_str(L, sec, "source", true, s->source, sizeof s->source));
    for (xmlNodePtr c = tnd_xml_child(sec, "score"); c; c = tnd_xml_next(c, "score")) {
        if (s->n_values >= max)
            return fail(L, TND_ERR_RANGE, c, DOC_HINT, "meer dan %d scores", max);
        TND_TRY(attr_int(L, c, "value", true, 0, 0, 1000, &s->values[s->n_values]));
        TND_TRY(text_str(L, c, s->labels[s->n_values], sizeof s->labels[0]));
        if (s->n_values && s->values[s->n_values] <= s->values[s->n_values - 1])
            return fail(L, TND_ERR_DEFINITION, c, "zet de scores oplopend, elk één keer",
                        "score %d volgt op %d", s->values[s->n_values],
                        s->values[s->n_values - 1]);
        s->n_values++;
    }
    return TND_OK;
}

static bool on_score_scale(const tnd_score_scale *s, int score)
{
    for (int i = 0; i < s->n_values; i++)
        if (s->values[i] == score)
            return true;
    return false;
}

static tnd_status load_locations(loader *L, xmlNodePtr c, tnd_criterion *cr)
{
    TND_TRY(attr_value(L, c, "min-places", NOTE_COUNT, &cr->locations_min_places, NULL));
    TND_TRY(attr_value(L, c, "max-km", NOTE_DECIMAL, &cr->locations_max_km, NULL));
    if (cr->locations_max_km.units < 0)
        return fail(L, TND_ERR_RANGE, c, "een afstand is niet negatief", "max-km is negatief");
    TND_TRY(attr_int(L, c, "score", true, 0, 0, 1000, &cr->locations_score));
    const tnd_score_scale *s = &L->def->score_scale;
    if (s->n_values && !on_score_scale(s, cr->locations_score))
        return fail(L, TND_ERR_DEFINITION, c, "kies een score uit <score-scale>",
                    "score %d staat niet op de scoreschaal", cr->locations_score);
    cr->computed_locations = true;
    return TND_OK;
}

static tnd_status load_criterion(loader *L, xmlNodePtr c, tnd_criterion *cr, int parent)
{
    cr->parent = parent;
    TND_TRY(attr_str(L, c, "id", true, cr->id, sizeof cr->id));
    TND_TRY(attr_str(L, c, "label", true, cr->label, sizeof cr->label));
    TND_TRY(attr_str(L, c, "source", true, cr->source, sizeof cr->source));
    TND_TRY(attr_value(L, c, "weight", NOTE_FRACTION, &cr->weight, NULL));
    if (cr->weight.units <= 0 || cr->weight.units > TND_DEC_SCALE)
        return fail(L, TND_ERR_RANGE, c, "een weging ligt tussen 0% en 100%",
                    "criterium '%s': weging buiten (0%%, 100%%]", cr->id);
    TND_TRY(attr_value(L, c, "minimum", NOTE_DECIMAL, &cr->minimum, &cr->has_minimum));
    if (cr->has_minimum) {
        if (cr->minimum.units < 0)
            return fail(L, TND_ERR_RANGE, c, "een minimumscore is niet negatief",
                        "criterium '%s': minimum is negatief", cr->id);
    }
    TND_TRY(attr_int(L, c, "revisions", false, 0, 0, 10, &cr->revisions));
    /* how the score of a revised plan counts in a mark (IJsselland lot 4, §6.1.2 L1989-1993) */
    char revised[24] = "";
    TND_TRY(attr_str(L, c, "revised-score", false, revised, sizeof revised));
    if (revised[0] && strcmp(revised, "full") != 0 && strcmp(revised, "cap-at-minimum") != 0)
        return fail(L, TND_ERR_VALUE, c, "full of cap-at-minimum",
                    "criterium '%s': revised-score \"%s\" onbekend", cr->id, revised);
    cr->revised_capped = strcmp(revised, "cap-at-minimum") == 0;
    if (cr->revised_capped && (!cr->has_minimum || cr->minimum.units % TND_DEC_SCALE != 0))
        return fail(L, TND_ERR_DEFINITION, c, "geef een heel minimum (6,0)",
                    "criterium '%s': cap-at-minimum zonder heel minimum", cr->id);
    TND_TRY(attr_str(L, c, "resolution", false, cr->resolution, sizeof cr->resolution));
    if (cr->resolution[0] && !tnd_definition_resolution(L->def, cr->resolution))
        return fail(L, TND_ERR_DEFINITION, c, "voeg de resolutie toe aan <resolutions>",
                    "criterium '%s': onbekende resolutie \"%s\"", cr->id, cr->resolution);
    xmlNodePtr loc = tnd_xml_child(c, "locations");
    return loc ? load_locations(L, loc, cr) : TND_OK;
}

/*
 * The criteria under `node` (an <award> or a <criterion>), depth first; parent is the index of
 * node's criterion (-1 for the award). Sibling weights must sum to exactly 100%.
 */
static tnd_status load_criteria(loader *L, xmlNodePtr node, tnd_award_lot *a, int parent)
{
    tnd_dec sum = {0};
    size_t siblings = 0;
    for (xmlNodePtr c = tnd_xml_child(node, "criterion"); c; c = tnd_xml_next(c, "criterion")) {
        if (a->n_criteria >= MAX_CRITERIA)
            return fail(L, TND_ERR_RANGE, c, DOC_HINT, "perceel %d: meer dan %d criteria",
                        a->lot, MAX_CRITERIA);
        int index = a->n_criteria++;
        tnd_criterion *cr = &a->criteria[index];
        TND_TRY(load_criterion(L, c, cr, parent));
        for (int i = 0; i < index; i++)
            if (strcmp(a->criteria[i].id, cr->id) == 0)
                return fail(L, TND_ERR_DEFINITION, c, "geef elk criterium van een perceel een "
                            "eigen id", "criterium '%s' staat er dubbel in", cr->id);
        sum.units += cr->weight.units;
        siblings++;
        TND_TRY(load_criteria(L, c, a, index));
    }
    if (siblings && sum.units != TND_DEC_SCALE) {
        char pct[32];
        tnd_dec_nl((tnd_dec){sum.units * 100}, 2, pct);
        return fail(L, TND_ERR_DEFINITION, node, "pas de wegingen aan zodat zij samen precies "
                    "100% zijn", "perceel %d: de wegingen van de criteria onder %s%s tellen op "
                    "tot %s%% in plaats van 100%%", a->lot, parent < 0 ? "de gunning" :
                    "criterium ", parent < 0 ? "" : a->criteria[parent].id, pct);
    }
    return TND_OK;
}

/*
 * The price-quality formula of a lot that competes on price (scoring/price.h). Which attributes a
 * formula needs is checked here; their values (weights summing to exactly 100%, pmin < pmax,
 * log-base > 1, ...) by tnd_price_rule_valid, the same check the award applies, so the loader
 * and the engine cannot disagree on what a valid rule is.
 */
static tnd_status load_price(loader *L, xmlNodePtr c, tnd_award_lot *a)
{
    tnd_price_rule *p = &a->price;
    TND_TRY(attr_str(L, c, "kind", true, a->price_formula, sizeof a->price_formula));
    TND_TRY(attr_str(L, c, "source", true, p->source, sizeof p->source));
    if (!tnd_price_kind_parse(a->price_formula, &p->kind))
        return fail(L, TND_ERR_VALUE, c, DOC_HINT, "onbekende prijsformule \"%s\"",
                    a->price_formula);

    bool has_wq, has_wp, has_pmin, has_pmax, has_base, has_vpp;
    TND_TRY(attr_value(L, c, "quality-weight", NOTE_FRACTION, &p->quality_weight, &has_wq));
    TND_TRY(attr_value(L, c, "price-weight", NOTE_FRACTION, &p->price_weight, &has_wp));
    TND_TRY(attr_value(L, c, "pmin", NOTE_MONEY, &p->pmin, &has_pmin));
    TND_TRY(attr_value(L, c, "pmax", NOTE_MONEY, &p->pmax, &has_pmax));
    TND_TRY(attr_value(L, c, "log-base", NOTE_DECIMAL, &p->log_base, &has_base));
    TND_TRY(attr_value(L, c, "value-per-point", NOTE_MONEY, &p->value_per_point, &has_vpp));

    if (tnd_price_uses_weights(p->kind) && (!has_wq || !has_wp))
        return fail(L, TND_ERR_DEFINITION, c, "geef quality-weight en price-weight op",
                    "prijsformule %s heeft beide wegingen nodig", a->price_formula);
    if (p->kind == TND_PRICE_WEIGHTED_RANGE && (!has_pmin || !has_pmax))
        return fail(L, TND_ERR_DEFINITION, c, "geef pmin en pmax op, met pmin < pmax",
                    "prijsformule weighted-range zonder pmin of pmax");
    if (p->kind == TND_PRICE_LOGARITHMIC && !has_base)
        return fail(L, TND_ERR_DEFINITION, c, "geef log-base op, groter dan 1",
                    "prijsformule logarithmic zonder log-base");
    if (p->kind == TND_PRICE_VALUE && !has_vpp)
        return fail(L, TND_ERR_DEFINITION, c, "geef value-per-point op (bedrag per punt)",
                    "prijsformule value zonder value-per-point");
    char reason[TND_PRICE_REASON_LEN];
    if (!tnd_price_rule_valid(p, reason, sizeof reason))
        return fail(L, TND_ERR_DEFINITION, c, "pas de prijsformule aan (" DOC_HINT
                    ", Prijs en kwaliteit)", "perceel %d: %s", a->lot, reason);
    return TND_OK;
}

/* tie-rule="higher-score:<criterion id>": the criterion must be one of the lot's that takes
 * scores (no criterion is its child), or a tie could never be decided by it. */
static tnd_status check_tie_rule(loader *L, xmlNodePtr c, const tnd_award_lot *a)
{
    size_t prefix = strlen(TND_TIE_RULE_HIGHER_SCORE);
    if (!a->tie_rule[0])
        return TND_OK;
    if (strncmp(a->tie_rule, TND_TIE_RULE_HIGHER_SCORE, prefix) != 0)
        return fail(L, TND_ERR_VALUE, c, "tie-rule=\"higher-score:<criterium-id>\"",
                    "perceel %d: onbekende beslisregel \"%s\"", a->lot, a->tie_rule);
    const char *id = a->tie_rule + prefix;
    for (int i = 0; i < a->n_criteria; i++) {
        if (strcmp(a->criteria[i].id, id) != 0)
            continue;
        for (int k = 0; k < a->n_criteria; k++)
            if (a->criteria[k].parent == i)
                return fail(L, TND_ERR_DEFINITION, c,
                            "noem een criterium dat zelf scores krijgt (zonder subcriteria)",
                            "perceel %d: beslisregel \"%s\" noemt criterium \"%s\" met "
                            "subcriteria", a->lot, a->tie_rule, id);
        return TND_OK;
    }
    return fail(L, TND_ERR_DEFINITION, c, "noem een <criterion id> van dit perceel",
                "perceel %d: beslisregel \"%s\" noemt een onbekend criterium \"%s\"", a->lot,
                a->tie_rule, id);
}

static tnd_status load_award(loader *L, xmlNodePtr c, tnd_award_lot *a)
{
    char kind[16] = "";
    TND_TRY(rule_ref(L, c, &a->ref));
    TND_TRY(attr_lot(L, c, "lot", &a->lot));
    if (tnd_definition_award(L->def, a->lot) != a)
        return fail(L, TND_ERR_DEFINITION, c, "één <award> per perceel",
                    "perceel %d heeft al een gunningsregel", a->lot);
    TND_TRY(attr_str(L, c, "kind", true, kind, sizeof kind));
    if (strcmp(kind, "admit") == 0)
        a->kind = TND_AWARD_ADMIT;
    else if (strcmp(kind, "threshold") == 0)
        a->kind = TND_AWARD_THRESHOLD;
    else if (strcmp(kind, "ranked") == 0)
        a->kind = TND_AWARD_RANKED;
    else
        return fail(L, TND_ERR_VALUE, c, "admit, threshold of ranked",
                    "onbekende gunningswijze \"%s\"", kind);
    TND_TRY(attr_int(L, c, "max-awarded", false, 0, 0, 100000, &a->max_awarded));
    TND_TRY(attr_str(L, c, "tie-rule", false, a->tie_rule, sizeof a->tie_rule));
    /* §4.3 L916-918, §6.1 L1702-1704: an admit lot that follows the plan of other lots */
    TND_TRY(attr_lots(L, c, "plan-lots", false, a->plan_lots, TND_MAX_SET, &a->n_plan_lots));
    if (a->n_plan_lots && a->kind != TND_AWARD_ADMIT)
        return fail(L, TND_ERR_DEFINITION, c, "plan-lots alleen bij kind=\"admit\"",
                    "perceel %d: plan-lots bij een gunning die zelf een plan scoort", a->lot);
    for (int k = 0; k < a->n_plan_lots; k++) {
        const tnd_award_lot *plan = tnd_definition_award(L->def, a->plan_lots[k]);
        if (a->plan_lots[k] == a->lot || (plan && plan->kind == TND_AWARD_ADMIT))
            return fail(L, TND_ERR_DEFINITION, c, "noem percelen die een plan scoren",
                        "perceel %d: plan-lots noemt perceel %d, dat geen plan scoort", a->lot,
                        a->plan_lots[k]);
    }
    TND_TRY(load_placeholders(L, c, a));
    TND_TRY(load_criteria(L, c, a, -1));
    TND_TRY(check_tie_rule(L, c, a));
    xmlNodePtr price = tnd_xml_child(c, "price");
    return price ? load_price(L, price, a) : TND_OK;
}

static tnd_status load_awards(loader *L, xmlNodePtr sec)
{
    tnd_definition *d = L->def;
    size_t n = count_children(sec, "award");
    if (!(d->awards = alloc_array(L, n, sizeof *d->awards)))
        return TND_ERR_NOMEM;
    for (xmlNodePtr c = tnd_xml_child(sec, "award"); c; c = tnd_xml_next(c, "award")) {
        tnd_award_lot *a = &d->awards[d->n_awards++];
        a->lot = -1; /* not found by tnd_definition_award until its lot is read */
        TND_TRY(load_award(L, c, a));
    }
    return TND_OK;
}

/* Informative notes: only their ids take part in the uniqueness check. */
static tnd_status load_notes(loader *L, xmlNodePtr sec)
{
    for (xmlNodePtr c = tnd_xml_child(sec, "note"); c; c = tnd_xml_next(c, "note")) {
        char id[TND_ID_LEN];
        TND_TRY(attr_unique_id(L, c, id, sizeof id));
    }
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Letters (tender letters)                                                                    */

/* A text element with its source attribute, both into fixed buffers. */
static tnd_status sourced_text(loader *L, xmlNodePtr sec, const char *name, char *text,
                               size_t text_size, char *source, size_t source_size)
{
    xmlNodePtr c = tnd_xml_child(sec, name);
    if (!c)
        return fail(L, TND_ERR_DEFINITION, sec, DOC_HINT, "<letters> mist <%s>", name);
    TND_TRY(attr_str(L, c, "source", true, source, source_size));
    return text_str(L, c, text, text_size);
}

/* The objection periods: every lot is covered by at most one term, at most one term without
 * lots (the default for the other lots), and a named resolution exists. */
static tnd_status load_objection(loader *L, xmlNodePtr c, tnd_objection_term *t)
{
    tnd_letter_rules *lr = &L->def->letters;
    TND_TRY(attr_lots(L, c, "lots", false, t->lots, TND_MAX_SET, &t->n_lots));
    TND_TRY(attr_value(L, c, "until", NOTE_DATE, &t->until, NULL));
    TND_TRY(attr_str(L, c, "source", true, t->source, sizeof t->source));
    TND_TRY(attr_str(L, c, "resolution", false, t->resolution, sizeof t->resolution));
    if (t->resolution[0] && !tnd_definition_resolution(L->def, t->resolution))
        return fail(L, TND_ERR_DEFINITION, c,
                    "voeg de <resolution> toe aan <resolutions> of verwijder het attribuut",
                    "<objection> noemt resolutie '%s', die niet bestaat", t->resolution);
    for (int i = 0; i < lr->n_objections; i++) {
        const tnd_objection_term *o = &lr->objections[i];
        if (t->n_lots == 0 && o->n_lots == 0)
            return fail(L, TND_ERR_DEFINITION, c, "noem bij elke <objection> behalve één de "
                        "percelen (lots=\"...\")", "twee <objection> zonder percelen: welke "
                        "termijn geldt is dan niet eenduidig");
        for (int a = 0; a < t->n_lots; a++)
            for (int b = 0; b < o->n_lots; b++)
                if (t->lots[a] == o->lots[b])
                    return fail(L, TND_ERR_DEFINITION, c, "noem elk perceel bij één <objection>",
                                "perceel %d staat bij twee bezwaartermijnen", t->lots[a]);
    }
    return TND_OK;
}

static tnd_status load_letters(loader *L, xmlNodePtr sec)
{
    tnd_letter_rules *lr = &L->def->letters;
    TND_TRY(attr_str(L, sec, "source", true, lr->source, sizeof lr->source));
    TND_TRY(sourced_text(L, sec, "sender", lr->sender, sizeof lr->sender, lr->sender_source,
                     sizeof lr->sender_source));
    TND_TRY(sourced_text(L, sec, "contact", lr->contact, sizeof lr->contact, lr->contact_source,
                     sizeof lr->contact_source));
    for (xmlNodePtr c = tnd_xml_child(sec, "objection"); c; c = tnd_xml_next(c, "objection")) {
        if (lr->n_objections == (int)(sizeof lr->objections / sizeof lr->objections[0]))
            return fail(L, TND_ERR_TOO_LARGE, c, DOC_HINT, "meer dan %zu <objection>",
                        sizeof lr->objections / sizeof lr->objections[0]);
        tnd_objection_term t;
        memset(&t, 0, sizeof t);
        TND_TRY(load_objection(L, c, &t));
        lr->objections[lr->n_objections++] = t;
    }
    TND_TRY(sourced_text(L, sec, "standstill", lr->standstill, sizeof lr->standstill,
                     lr->standstill_source, sizeof lr->standstill_source));
    L->def->has_letters = true;
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* The document                                                                                */

/* Sections in the order of the schema's xs:sequence; each refers only to sections above it. */
static const struct {
    const char *name;
    tnd_status (*load)(loader *L, xmlNodePtr sec);
} sections[] = {
    {"meta", load_meta},
    {"resolutions", load_resolutions},
    {"procedure", load_procedure},
    {"municipalities", load_municipalities},
    {"lots", load_lots},
    {"contracts", load_contracts},
    {"combinations", load_combinations},
    {"assignments", load_assignments},
    {"cascade", load_cascade},
    {"required", load_required},
    {"exclusion", load_exclusion},
    {"documents", load_documents},
    {"financial", load_financial},
    {"insurance", load_insurance},
    {"references", load_references},
    {"quality", load_quality},
    {"agb", load_agb},
    {"requirements", load_requirements},
    {"declarations", load_declarations},
    {"residential", load_residential},
    {"group", load_group},
    {"product-rules", load_product_rules},
    {"score-scale", load_score_scale},
    {"awards", load_awards},
    {"notes", load_notes},
    {"letters", load_letters},
};

/* (issue 8 §4) The lots without re-submission exist (read before <lots> was). */
static tnd_status check_rounds(loader *L, xmlNodePtr root)
{
    xmlNodePtr proc = tnd_xml_child(root, "procedure");
    xmlNodePtr resub = proc ? tnd_xml_child(proc, "resubmission") : NULL;
    for (int i = 0; resub && i < L->def->rounds.n_resubmission_except; i++)
        TND_TRY(check_lot(L, resub, "except-lots", L->def->rounds.resubmission_except[i]));
    return TND_OK;
}

static tnd_status load_tree(loader *L, xmlNodePtr root)
{
    for (xmlNodePtr sec = tnd_xml_child(root, NULL); sec; sec = tnd_xml_next(sec, NULL)) {
        size_t i = 0;
        while (i < sizeof sections / sizeof sections[0] &&
               !xmlStrEqual(sec->name, BAD_CAST sections[i].name))
            i++;
        if (i == sizeof sections / sizeof sections[0])
            return fail(L, TND_ERR_SCHEMA, sec, DOC_HINT, "onbekend onderdeel <%s>",
                        (const char *)sec->name);
        TND_TRY(sections[i].load(L, sec));
    }
    TND_TRY(check_assignments(L, root));
    return check_rounds(L, root);
}

/* ------------------------------------------------------------------------------------------ */
/* Format versions                                                                             */

/*
 * Version 2 is version 1 plus new optional elements (<product-rules> and the sections of issue
 * 11), so every version-1 document is a version-2 document in the other namespace: renaming the
 * namespace is the whole migration (docs/definition-format.md, "Versions"). It is done in memory,
 * on every namespace declaration of the tree, before the one (version 2) schema validates it; the
 * file itself is never touched. Returns the version read, or 0 for another namespace (left to the
 * schema, which refuses it with its own message).
 */
static int migrate_namespace(xmlNodePtr node, int depth)
{
    int version = 0;
    for (xmlNsPtr ns = node->nsDef; ns; ns = ns->next)
        if (ns->href && xmlStrEqual(ns->href, BAD_CAST TND_DEFINITION_NS_1)) {
            xmlFree((xmlChar *)ns->href);
            ns->href = xmlStrdup(BAD_CAST TND_DEFINITION_NS_2);
            version = 1;
        }
    /* xmlsafe bounds the depth; the bound here only keeps the recursion finite on its own */
    for (xmlNodePtr c = node->children; c && depth < 128; c = c->next)
        if (c->type == XML_ELEMENT_NODE && migrate_namespace(c, depth + 1) == 1)
            version = 1;
    return version;
}

static int read_version(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || !root->ns || !root->ns->href)
        return 0;
    if (xmlStrEqual(root->ns->href, BAD_CAST TND_DEFINITION_NS_2))
        return 2;
    if (xmlStrEqual(root->ns->href, BAD_CAST TND_DEFINITION_NS_1))
        return migrate_namespace(root, 0) == 1 ? 1 : 0;
    return 0;
}

/* Validates doc (owned by the caller; a version-1 document is migrated in it) against the
 * definition XSD when `validate`, and turns it into a definition. `validate` is false only for the
 * embedded default definition: its bytes are compiled in and validated against the same embedded
 * XSD once, when the program is built (a POST_BUILD step and tests/unit/test_definition_embedded.c),
 * so every start need not compile the XSD again (issue 9: a third of `tender check` of one bid). A
 * --tender file, a built-in chosen by id and any other bytes are always validated. */
static tnd_status build(xmlDocPtr doc, const char *name, bool validate, tnd_definition **out,
                        tnd_error *err)
{
    int version = read_version(doc);
    tnd_status rc;
    if (validate) {
        tnd_schema *schema = tnd_schema_new((const char *)tnd_embedded_definition_xsd,
                                            tnd_embedded_definition_xsd_len, SCHEMA_NAME, err);
        if (!schema)
            return err->code != TND_OK ? err->code : TND_ERR_SCHEMA;
        rc = tnd_schema_validate(schema, doc, name, err);
        tnd_schema_free(schema);
        if (rc != TND_OK)
            return rc;
    }

    loader L;
    memset(&L, 0, sizeof L);
    L.file = name;
    L.err = err;
    L.def = calloc(1, sizeof *L.def);
    L.nt = tnd_notation_new();
    if (!L.def || !L.nt) {
        rc = tnd_error_nomem(L.err, L.file);
    } else {
        snprintf(L.def->file, sizeof L.def->file, "%s", name);
        L.def->format_version = version;
        rc = load_tree(&L, xmlDocGetRootElement(doc));
    }
    tnd_notation_free(L.nt);
    free(L.ids);
    if (rc != TND_OK) {
        tnd_definition_free(L.def);
        return rc;
    }
    tnd_error_clear(err);
    *out = L.def;
    return TND_OK;
}

/* The two as tnd_xml_load_* hands a document over (result: tnd_definition **). */
static tnd_status load_doc(xmlDocPtr doc, const char *name, void *result, tnd_error *err)
{
    return build(doc, name, true, result, err);
}

static tnd_status load_doc_unvalidated(xmlDocPtr doc, const char *name, void *result,
                                       tnd_error *err)
{
    return build(doc, name, false, result, err);
}

static tnd_status load_memory(const char *buf, size_t len, const char *name, bool validate,
                              tnd_definition **out, tnd_error *err)
{
    *out = NULL;
    return tnd_xml_load_memory(buf, len, name, validate ? load_doc : load_doc_unvalidated, out,
                               err);
}

tnd_status tnd_definition_load_memory(const char *buf, size_t len, const char *name,
                                      tnd_definition **out, tnd_error *err)
{
    return load_memory(buf, len, name, true, out, err);
}

tnd_status tnd_definition_load_file(const char *path, tnd_definition **out, tnd_error *err)
{
    *out = NULL;
    return tnd_xml_load_file(path, load_doc, out, err);
}

/* The image of the default definition (build/definition_image.c), linked into the program and
 * the tests that ask for it; where it is not linked (the image writer itself), these are NULL and
 * the default is parsed. */
extern const unsigned char tnd_definition_image[] __attribute__((weak));
extern const size_t tnd_definition_image_len __attribute__((weak));

tnd_status tnd_definition_load_default(tnd_definition **out, tnd_error *err)
{
    if (tnd_definition_image && &tnd_definition_image_len) {
        bool bad;
        tnd_definition *def =
            tnd_definition_image_read(tnd_definition_image, tnd_definition_image_len, &bad);
        if (def) {
            tnd_error_clear(err);
            *out = def;
            return TND_OK;
        }
        if (!bad) {
            *out = NULL;
            return tnd_error_nomem(err, DEFAULT_NAME);
        }
    }
    return load_memory((const char *)tnd_embedded_default_definition,
                       tnd_embedded_default_definition_len, DEFAULT_NAME, false, out, err);
}

const tnd_embedded_tender *tnd_definition_builtin(const char *id)
{
    for (size_t i = 0; id && i < tnd_embedded_tenders_count; i++)
        if (strcmp(tnd_embedded_tenders[i].id, id) == 0)
            return &tnd_embedded_tenders[i];
    return NULL;
}

const tnd_embedded_tender *tnd_definition_builtin_for(const char *arg)
{
    struct stat st;
    if (!arg || stat(arg, &st) == 0)
        return NULL;   /* a path that exists wins over a built-in id of the same name */
    return tnd_definition_builtin(arg);
}

tnd_status tnd_definition_load(const char *path, tnd_definition **out, tnd_error *err)
{
    if (!path)
        return tnd_definition_load_default(out, err);
    const tnd_embedded_tender *b = tnd_definition_builtin_for(path);
    if (b) {
        char name[TND_ID_LEN + 24];
        snprintf(name, sizeof name, "(ingebouwd) %s.xml", b->id);
        return tnd_definition_load_memory((const char *)b->bytes, b->len, name, out, err);
    }
    /* Neither a file nor a built-in id: a word without '/' and '.' was meant as an id. */
    struct stat st;
    if (stat(path, &st) != 0 && !strchr(path, '/') && !strchr(path, '.')) {
        char ids[512] = "";
        size_t used = 0;
        for (size_t i = 0; i < tnd_embedded_tenders_count && used < sizeof ids; i++)
            used += (size_t)snprintf(ids + used, sizeof ids - used, "%s%s", i ? ", " : "",
                                     tnd_embedded_tenders[i].id);
        if (out)
            *out = NULL;
        return tnd_error_set(err, TND_ERR_USAGE, path, 0,
                             "'tender tenders' toont de ingebouwde definities; geef een van hun id's "
                             "of het pad van een definitiebestand",
                             "geen bestand en geen ingebouwde aanbestedingsdefinitie met dit id "
                             "(ingebouwd: %s)", ids);
    }
    return tnd_definition_load_file(path, out, err);
}

/* ------------------------------------------------------------------------------------------ */
/* The arrays a definition owns, and its image                                                 */

/* One array a definition owns: where its pointer is, how many elements it holds (the count
 * field next to it) and their size. */
typedef struct {
    void *slot; /* the address of the pointer field */
    size_t count;
    size_t elem;
} owned_array;

#define OWNED(ptr, n) ((owned_array){ &(ptr), (size_t)(n), sizeof *(ptr) })

/* The arrays of the definition itself (lots included), then those of lot `lot` when lot is not
 * NULL: tnd_definition_free and the image walk this one list. Returns how many, at most 24. */
static size_t owned_arrays(tnd_definition *d, tnd_lot *lot, owned_array out[24])
{
    size_t n = 0;
    if (lot) {
        out[n++] = OWNED(lot->products, lot->n_products);
        out[n++] = OWNED(lot->municipalities, lot->n_municipalities);
        return n;
    }
    out[n++] = OWNED(d->lots, d->n_lots);
    out[n++] = OWNED(d->resolutions, d->n_resolutions);
    out[n++] = OWNED(d->municipalities, d->n_municipalities);
    out[n++] = OWNED(d->combo_rules, d->n_combo_rules);
    out[n++] = OWNED(d->required, d->n_required);
    out[n++] = OWNED(d->exclusion.grounds, d->exclusion.n_grounds);
    out[n++] = OWNED(d->documents, d->n_documents);
    out[n++] = OWNED(d->quality, d->n_quality);
    out[n++] = OWNED(d->keurmerken, d->n_keurmerken);
    out[n++] = OWNED(d->requirements, d->n_requirements);
    out[n++] = OWNED(d->declarations, d->n_declarations);
    out[n++] = OWNED(d->residential.scale.bands, d->residential.scale.n_bands);
    out[n++] = OWNED(d->residential.maxima, d->residential.n_maxima);
    out[n++] = OWNED(d->group.scale.bands, d->group.scale.n_bands);
    out[n++] = OWNED(d->product_rules, d->n_product_rules);
    out[n++] = OWNED(d->awards, d->n_awards);
    out[n++] = OWNED(d->assignments, d->n_assignments);
    out[n++] = OWNED(d->assignment_pairs, d->n_assignment_pairs);
    out[n++] = OWNED(d->placeholders, d->n_placeholders);
    return n;
}

static void *owned_get(const owned_array *a)
{
    void *p;
    memcpy(&p, a->slot, sizeof p);
    return p;
}

static void owned_set(const owned_array *a, void *p)
{
    memcpy(a->slot, &p, sizeof p);
}

/* Whether a is the lots array of d (whose elements own arrays of their own). */
static bool owned_is_lots(const tnd_definition *d, const owned_array *a)
{
    return a->slot == (const void *)&d->lots;
}

void tnd_definition_free(tnd_definition *def)
{
    if (!def)
        return;
    owned_array a[24];
    for (size_t i = 0; def->lots && i < def->n_lots; i++) {
        size_t n = owned_arrays(def, &def->lots[i], a);
        for (size_t k = 0; k < n; k++)
            free(owned_get(&a[k]));
    }
    size_t n = owned_arrays(def, NULL, a);
    for (size_t k = n; k-- > 0;) /* the lots last: their own arrays were freed above */
        free(owned_get(&a[k]));
    free(def);
}

/*
 * The image (issue 9): the definition struct, then every array it owns in the order of
 * owned_arrays (each behind a byte that says whether its pointer was set), the lots' own arrays
 * after the definition's. Written at build time by tender/cli/definition_image.c from the
 * parsed built-in definition, read back at start instead of parsing 56 KB of XML (a third of
 * `tender check` of one bid). It holds this build's memory layout, so a header of sizes guards
 * it: a mismatch falls back to parsing.
 */
#define IMAGE_MAGIC 0x74646931u /* "tdi1" */

typedef struct {
    uint32_t magic;
    uint32_t def_size;
    uint32_t lot_size;
    uint32_t arrays;
} image_header;

static bool image_put(tnd_buf *out, const void *data, size_t len)
{
    return tnd_buf_append(out, (const char *)data, len);
}

/* Appends `count` lots with their own pointers cleared (an image holds no address). */
static bool image_put_lots(tnd_buf *out, const tnd_lot *lots, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        tnd_lot lot = lots[i];
        lot.products = NULL;
        lot.municipalities = NULL;
        if (!image_put(out, &lot, sizeof lot))
            return false;
    }
    return true;
}

bool tnd_definition_image_write(const tnd_definition *def, tnd_buf *out)
{
    tnd_definition copy = *def;
    owned_array a[24];
    size_t n = owned_arrays(&copy, NULL, a);
    image_header h = { IMAGE_MAGIC, (uint32_t)sizeof copy, (uint32_t)sizeof(tnd_lot),
                       (uint32_t)n };
    for (size_t k = 0; k < n; k++) /* an image holds no address */
        owned_set(&a[k], NULL);
    bool ok = image_put(out, &h, sizeof h) && image_put(out, &copy, sizeof copy);
    tnd_definition *d = (tnd_definition *)def; /* owned_arrays only reads through it here */
    for (size_t lot = 0; ok && lot <= def->n_lots; lot++) {
        n = owned_arrays(d, lot ? &d->lots[lot - 1] : NULL, a);
        for (size_t k = 0; ok && k < n; k++) {
            void *p = owned_get(&a[k]);
            unsigned char set = p != NULL;
            ok = image_put(out, &set, 1);
            if (ok && set && owned_is_lots(d, &a[k]))
                ok = image_put_lots(out, def->lots, def->n_lots);
            else if (ok && set)
                ok = image_put(out, p, a[k].count * a[k].elem);
        }
    }
    return ok;
}

/* Reads len bytes at *at of the image into a new block of at least one element; NULL when the
 * image is too short or out of memory (*bad tells which). */
static void *image_take(const unsigned char *img, size_t size, size_t *at, size_t len,
                        size_t elem, bool *bad)
{
    if (len > size - *at) {
        *bad = true;
        return NULL;
    }
    void *p = calloc(len / elem ? len / elem : 1, elem);
    if (p)
        memcpy(p, img + *at, len);
    *at += len;
    return p;
}

tnd_definition *tnd_definition_image_read(const unsigned char *img, size_t size, bool *bad)
{
    image_header h;
    static const tnd_definition zero;
    tnd_definition probe = zero; /* only to count the arrays */
    owned_array a[24];
    *bad = true;
    if (size < sizeof h + sizeof probe)
        return NULL;
    memcpy(&h, img, sizeof h);
    if (h.magic != IMAGE_MAGIC || h.def_size != sizeof probe || h.lot_size != sizeof(tnd_lot) ||
        h.arrays != owned_arrays(&probe, NULL, a))
        return NULL;
    *bad = false;
    tnd_definition *def = calloc(1, sizeof *def);
    if (!def)
        return NULL;
    memcpy(def, img + sizeof h, sizeof *def);
    size_t at = sizeof h + sizeof *def;
    size_t n = owned_arrays(def, NULL, a);
    for (size_t k = 0; k < n; k++) /* written as NULL; never trust an address from an image */
        owned_set(&a[k], NULL);
    bool ok = true;
    for (size_t lot = 0; ok && lot <= def->n_lots; lot++) {
        if (lot > 0 && !def->lots) { /* lots counted but not stored: not an image of ours */
            *bad = true;
            ok = false;
            break;
        }
        if (lot > 0)
            n = owned_arrays(def, &def->lots[lot - 1], a);
        for (size_t k = 0; ok && k < n; k++) {
            if (at >= size) {
                *bad = true;
                ok = false;
                break;
            }
            unsigned char set = img[at++];
            if (!set)
                continue;
            if (a[k].count > SIZE_MAX / a[k].elem) {
                *bad = true;
                ok = false;
                break;
            }
            void *p = image_take(img, size, &at, a[k].count * a[k].elem, a[k].elem, bad);
            ok = p != NULL;
            owned_set(&a[k], p);
            for (size_t i = 0; ok && owned_is_lots(def, &a[k]) && i < def->n_lots; i++) {
                def->lots[i].products = NULL; /* each lot's own arrays follow */
                def->lots[i].municipalities = NULL;
            }
        }
    }
    if (ok && at != size) {
        *bad = true;
        ok = false;
    }
    if (!ok) {
        tnd_definition_free(def);
        return NULL;
    }
    return def;
}
