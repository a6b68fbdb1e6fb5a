/*
 * report.c - the report of `tender check` as Dutch text and as JSON (see report.h; the JSON
 * schema is docs/json-output.md).
 *
 * Text that comes from a bid is not trusted to be tidy: a control character becomes a space
 * (a newline inside a reason must not break the layout) and bytes that are not UTF-8 (a
 * multi-byte character cut off by a fixed-size field) become U+FFFD, in both outputs; a bidi
 * control (U+202E, ...) is shown as "<U+202E>" in the text and escaped in JSON
 * (tender/base/textsafe.h), never obeyed.
 */
#include "forms/report.h"

#include "forms/json.h"
#include "tender/base/textsafe.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define REPLACEMENT_CHAR "\xEF\xBF\xBD" /* U+FFFD */
#define ROW_INDENT (TND_REPORT_VERDICT_COLUMN + 1)

/* ------------------------------------------------------------------ UTF-8 */


/* Code points in n bytes of valid UTF-8: every byte that is not a continuation byte. */
static int utf8_width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            w++;
    return w;
}

/* True for C0 and C1 control characters (a C1 is the two bytes C2 80..C2 9F). */
static bool is_control(const unsigned char *s, size_t len)
{
    return (len == 1 && (s[0] < 0x20 || s[0] == 0x7F)) || (len == 2 && s[0] == 0xC2 && s[1] < 0xA0);
}

/* ------------------------------------------------------------------ shared */

static void buf_reset(tnd_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

/* A name from a table of check.c, or "?" for a value outside the table. */
static const char *known(const char *name)
{
    return name ? name : "?";
}

static bool is_detail(const tnd_finding *f)
{
    return f->lot == TND_FINDING_DETAIL;
}

/* True when the requirement row `f` and the detail row `d` belong together (same rule, step). */
static bool detail_of(const tnd_finding *f, const tnd_finding *d)
{
    return is_detail(d) && d->step == f->step && strcmp(d->rule_id, f->rule_id) == 0;
}

/* True when a placement went down the §4.3.1 cascade, so the cascade's resolution applies. */
static bool cascade_used(const tnd_check_result *r)
{
    for (size_t i = 0; i < r->n_placements; i++)
        if (r->placements[i].placed != 0 && r->placements[i].placed != r->placements[i].applied)
            return true;
    for (size_t i = 0; i < r->n_findings; i++)
        if (r->findings[i].cascade)
            return true;
    return false;
}

/*
 * The resolutions a result relies on, as candidates k = 0 .. n_findings + 1: the closing time
 * the header shows (§3.6), every finding's resolution, and the cascade's when it was used.
 * "" when candidate k names none.
 */
static const char *resolution_candidate(const tnd_definition *def, const tnd_check_result *r,
                                        size_t k)
{
    if (k == 0)
        return def->closing.resolution;
    if (k <= r->n_findings)
        return r->findings[k - 1].resolution;
    return cascade_used(r) ? def->cascade.ref.resolution : "";
}

static size_t resolution_candidates(const tnd_check_result *r)
{
    return r->n_findings + 2;
}

/* True when candidate k names a resolution that no earlier candidate named: listed once, in
 * order of first use. */
static bool resolution_first_use(const tnd_definition *def, const tnd_check_result *r, size_t k)
{
    const char *id = resolution_candidate(def, r, k);
    if (!id[0])
        return false;
    for (size_t j = 0; j < k; j++)
        if (strcmp(resolution_candidate(def, r, j), id) == 0)
            return false;
    return true;
}

/* ------------------------------------------------------------------ text: line layout */

typedef struct {
    tnd_buf *out;
    tnd_buf compose;  /* the logical line being put together */
    tnd_buf clean;    /* the same, cleaned (see the top of this file) */
    const char *steps_source; /* where the document sets out the steps ("§6"), or "" */
} text_ctx;

/* One physical line being filled. */
typedef struct {
    tnd_buf *out;
    int col;          /* code points on the current line */
    int indent;       /* columns of indent on continuation lines */
    bool empty;       /* nothing on the line yet but its lead or indent */
} line_state;

/* Copies s into dst with control characters as spaces, invalid bytes as U+FFFD and bidi
 * controls shown as "<U+202E>" (tender/base/textsafe.h). Clean text is copied in runs, not one code
 * point at a time (issue 9). */
static void clean_into(tnd_buf *dst, const char *s)
{
    buf_reset(dst);
    const unsigned char *p = (const unsigned char *)s, *run = p;
    while (*p) {
        if (*p >= 0x20 && *p < 0x7F) { /* printable ASCII: the common case */
            p++;
            continue;
        }
        size_t n = tnd_utf8_len(p), bn;
        uint32_t bidi = n ? tnd_bidi_control(p, &bn) : 0;
        if (n != 0 && !bidi && !is_control(p, n)) {
            p += n;
            continue;
        }
        tnd_buf_append(dst, (const char *)run, (size_t)(p - run));
        if (n == 0) {
            tnd_buf_puts(dst, REPLACEMENT_CHAR);
        } else if (bidi) {
            char vis[TND_BIDI_VISIBLE_LEN + 1];
            tnd_bidi_visible(bidi, vis);
            tnd_buf_puts(dst, vis);
        } else {
            tnd_buf_append(dst, " ", 1);
        }
        p += n ? n : 1;
        run = p;
    }
    tnd_buf_append(dst, (const char *)run, (size_t)(p - run));
    if (!dst->data)
        tnd_buf_append(dst, "", 0);
}

static void put_spaces(tnd_buf *out, int n)
{
    static const char spaces[] = "                                ";
    while (n > 0) {
        int k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
        tnd_buf_append(out, spaces, (size_t)k);
        n -= k;
    }
}

/* Ends the current line (without trailing spaces). */
static void line_end(line_state *ls)
{
    while (ls->out->len && ls->out->data[ls->out->len - 1] == ' ')
        ls->out->len--;
    tnd_buf_append(ls->out, "\n", 1);
}

static void line_break(line_state *ls)
{
    line_end(ls);
    put_spaces(ls->out, ls->indent);
    ls->col = ls->indent;
    ls->empty = true;
}

/*
 * Places one unbreakable token (clean UTF-8) after separator sep on the current line, or at the
 * start of the next line when it does not fit; a token longer than a whole line is split at code
 * points, so no line ever exceeds TND_REPORT_WIDTH.
 */
static void line_token(line_state *ls, const char *tok, size_t len, const char *sep,
                       size_t sep_len)
{
    int w = utf8_width(tok, len), sw = utf8_width(sep, sep_len);
    if (!ls->empty && ls->col + sw + w <= TND_REPORT_WIDTH) {
        tnd_buf_append(ls->out, sep, sep_len);
        tnd_buf_append(ls->out, tok, len);
        ls->col += sw + w;
        return;
    }
    if (!ls->empty)
        line_break(ls);
    if (ls->col + w <= TND_REPORT_WIDTH) {
        tnd_buf_append(ls->out, tok, len);
        ls->col += w;
        ls->empty = false;
        return;
    }
    for (size_t i = 0; i < len;) {
        size_t n = tnd_utf8_len((const unsigned char *)tok + i);
        if (n == 0)
            n = 1;
        if (ls->col >= TND_REPORT_WIDTH && !ls->empty)
            line_break(ls);
        tnd_buf_append(ls->out, tok + i, n);
        ls->col++;
        ls->empty = false;
        i += n;
    }
}

static line_state line_begin(tnd_buf *out, const char *lead, int indent)
{
    line_state ls = { out, utf8_width(lead, strlen(lead)), indent, true };
    tnd_buf_puts(out, lead);
    return ls;
}

/*
 * Writes `lead` (clean, e.g. a padded verdict) and then text, wrapped at spaces so that no line
 * exceeds TND_REPORT_WIDTH; continuation lines are indented by `indent` columns. Spaces inside
 * a line are kept as written; at a line break they are dropped.
 */
static void emit(text_ctx *c, const char *lead, int indent, const char *text)
{
    clean_into(&c->clean, text);
    line_state ls = line_begin(c->out, lead, indent);
    const char *p = c->clean.data ? c->clean.data : "";
    while (*p) {
        const char *sep = p;
        while (*p == ' ')
            p++;
        const char *word = p;
        while (*p && *p != ' ')
            p++;
        if (p == word)
            break;
        line_token(&ls, word, (size_t)(p - word), sep, (size_t)(word - sep));
    }
    line_end(&ls);
}

/* emit() of a printf-formatted text (put together in c->compose: arguments must not point
 * into it). */
static void emitf(text_ctx *c, const char *lead, int indent, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void emitf(text_ctx *c, const char *lead, int indent, const char *fmt, ...)
{
    buf_reset(&c->compose);
    va_list ap;
    va_start(ap, fmt);
    tnd_buf_vprintf(&c->compose, fmt, ap);
    va_end(ap);
    emit(c, lead, indent, c->compose.data ? c->compose.data : "");
}

/* ------------------------------------------------------------------ text: sections */

static void text_header(text_ctx *c, const tnd_definition *def, const tnd_bid *bid)
{
    emitf(c, "", 2, "Inschrijving: %s (KvK %s)", bid->bidder.name,
          bid->bidder.kvk[0] ? bid->bidder.kvk : "onbekend");
    if (bid->is_combination) {
        tnd_buf *s = &c->compose;
        buf_reset(s);
        tnd_buf_puts(s, "Combinatie; leden naast de penvoerder:");
        for (size_t i = 0; i < bid->n_members; i++)
            tnd_buf_printf(s, "%s %s (KvK %s)", i ? "," : "", bid->members[i].name,
                           bid->members[i].kvk[0] ? bid->members[i].kvk : "onbekend");
        emit(c, "", 2, s->data ? s->data : "");
    }
    emitf(c, "", 2, "Bestand: %s", bid->file);
    emitf(c, "", 2, "Aanbesteding: %s [%s]; definitie: %s", def->title, def->id, def->file);

    char submitted[32] = "niet vermeld", closing[32];
    if (bid->has_submission)
        tnd_datetime_nl(bid->submitted, submitted);
    tnd_datetime_nl(def->closing_time, closing);
    if (def->closing.source[0])
        emitf(c, "", 2, "Ingediend: %s; sluitingstijd %s (%s)", submitted, closing,
              def->closing.source);
    else
        emitf(c, "", 2, "Ingediend: %s; sluitingstijd %s", submitted, closing);

    tnd_buf *s = &c->compose;
    buf_reset(s);
    tnd_buf_puts(s, "Percelen:");
    for (size_t i = 0; i < bid->n_lots; i++)
        tnd_buf_printf(s, "%s %d", i ? "," : "", bid->lots[i].number);
    if (bid->n_lots == 0)
        tnd_buf_puts(s, " geen");
    emit(c, "", 2, s->data ? s->data : "");
}

/* "[§5.3.1 L1357] Solvabiliteit, perceel 3 (terugval) - 2021" into c->compose. */
static const char *finding_label(text_ctx *c, const tnd_finding *f)
{
    tnd_buf *s = &c->compose;
    buf_reset(s);
    tnd_buf_printf(s, "[%s] %s", f->source[0] ? f->source : "bron onbekend", f->requirement);
    if (f->lot > 0)
        tnd_buf_printf(s, ", perceel %d", f->lot);
    if (f->cascade)
        tnd_buf_puts(s, " (terugval)");
    if (f->subject[0])
        tnd_buf_printf(s, " - %s", f->subject);
    return s->data ? s->data : "";
}

static bool has_details(const tnd_check_result *r, const tnd_finding *f)
{
    for (size_t i = 0; i < r->n_findings; i++)
        if (detail_of(f, &r->findings[i]))
            return true;
    return false;
}

/* The detail rows of requirement `f` as cells "2019 19,8% VOLDOET NIET | 2020 ..." under it. */
static void text_details(text_ctx *c, const tnd_check_result *r, const tnd_finding *f)
{
    if (!has_details(r, f))
        return;
    char lead[ROW_INDENT + 1];
    memset(lead, ' ', ROW_INDENT);
    lead[ROW_INDENT] = '\0';
    line_state ls = line_begin(c->out, lead, ROW_INDENT);
    for (size_t i = 0; i < r->n_findings; i++) {
        const tnd_finding *d = &r->findings[i];
        if (!detail_of(f, d))
            continue;
        tnd_buf *s = &c->compose;
        buf_reset(s);
        const char *value = d->found[0] ? d->found : d->reason;
        tnd_buf_printf(s, "%s%s%s%s%s", d->subject, d->subject[0] && value[0] ? " " : "", value,
                       d->subject[0] || value[0] ? " " : "", known(tnd_verdict_dutch(d->verdict)));
        clean_into(&c->clean, s->data ? s->data : "");
        line_token(&ls, c->clean.data ? c->clean.data : "", c->clean.len, " | ", 3);
    }
    line_end(&ls);
}

static void text_finding(text_ctx *c, const tnd_check_result *r, const tnd_finding *f,
                         bool as_detail_group)
{
    char lead[ROW_INDENT + 1], pad[ROW_INDENT + 1];
    snprintf(lead, sizeof lead, "%-*s ", TND_REPORT_VERDICT_COLUMN,
             as_detail_group ? "" : known(tnd_verdict_dutch(f->verdict)));
    memset(pad, ' ', ROW_INDENT);
    pad[ROW_INDENT] = '\0';

    if (as_detail_group) {
        /* detail rows whose requirement row is absent: a heading without a verdict */
        tnd_buf *s = &c->compose;
        buf_reset(s);
        tnd_buf_printf(s, "[%s] %s", f->source[0] ? f->source : "bron onbekend", f->requirement);
        emit(c, lead, ROW_INDENT, s->data ? s->data : "");
        text_details(c, r, f);
        return;
    }
    emit(c, lead, ROW_INDENT, finding_label(c, f));
    if (f->reason[0])
        emit(c, pad, ROW_INDENT, f->reason);
    if (f->found[0] && f->norm[0])
        emitf(c, pad, ROW_INDENT, "gevonden: %s; norm: %s", f->found, f->norm);
    else if (f->found[0])
        emitf(c, pad, ROW_INDENT, "gevonden: %s", f->found);
    else if (f->norm[0])
        emitf(c, pad, ROW_INDENT, "norm: %s", f->norm);
    if (f->resolution[0])
        emitf(c, pad, ROW_INDENT, "resolutie: %s", f->resolution);
    text_details(c, r, f);
}

/* True when detail row i has no requirement row and is the first of its rule: it then heads
 * the group of its rule's detail rows. */
static bool orphan_detail_first(const tnd_check_result *r, size_t i)
{
    const tnd_finding *d = &r->findings[i];
    for (size_t j = 0; j < r->n_findings; j++) {
        const tnd_finding *f = &r->findings[j];
        if (!is_detail(f) && detail_of(f, d))
            return false;
        if (j < i && detail_of(d, f))
            return false;
    }
    return true;
}

static bool in_section(const tnd_finding *f, int step)
{
    return step == 1 ? f->step == 1 : f->step != 1;
}

/* "Stap 1 - Volledigheid en geldigheid (§6)": the steps' source from the definition, if any */
static void text_step(text_ctx *c, const tnd_check_result *r, int step, const char *title)
{
    tnd_buf_puts(c->out, "\n");
    if (c->steps_source[0])
        emitf(c, "", 2, "%s (%s)", title, c->steps_source);
    else
        emit(c, "", 2, title);
    bool stopped_before = r->stopped_at_step > 0 && r->stopped_at_step < step;
    bool any = false;
    for (size_t i = 0; i < r->n_findings; i++) {
        const tnd_finding *f = &r->findings[i];
        if (!in_section(f, step))
            continue;
        if (!is_detail(f))
            text_finding(c, r, f, false);
        else if (orphan_detail_first(r, i))
            text_finding(c, r, f, true);
        else
            continue;
        if (!any && stopped_before) /* a bid that fails a step is not assessed further */
            emitf(c, "", 2, "(ter informatie: de inschrijving stopt bij stap %d en wordt%s%s niet "
                  "verder beoordeeld)", r->stopped_at_step, c->steps_source[0] ? " volgens " : "",
                  c->steps_source);
        any = true;
    }
    if (!any && stopped_before)
        emitf(c, "", 2, "(niet beoordeeld: de inschrijving stopt bij stap %d)",
              r->stopped_at_step);
    else if (!any)
        emit(c, "", 2, "(geen bevindingen)");
}

static void text_resolutions(text_ctx *c, const tnd_definition *def, const tnd_check_result *r)
{
    bool any = false;
    for (size_t k = 0; k < resolution_candidates(r); k++) {
        if (!resolution_first_use(def, r, k))
            continue;
        if (!any)
            tnd_buf_puts(c->out, "\nToegepaste resoluties\n");
        any = true;
        const char *id = resolution_candidate(def, r, k);
        const tnd_resolution *res = tnd_definition_resolution(def, id);
        if (!res)
            emitf(c, "- ", 2, "%s: niet gevonden in de definitie", id);
        else if (res->source[0])
            emitf(c, "- ", 2, "%s [%s]: %s", res->id, res->source, res->text);
        else
            emitf(c, "- ", 2, "%s: %s", res->id, res->text);
    }
    if (!any)
        tnd_buf_puts(c->out, "\nToegepaste resoluties: geen\n");
}

static void text_placements(text_ctx *c, const tnd_check_result *r)
{
    tnd_buf_puts(c->out, "\nPlaatsing per perceel\n");
    bool conditional = false;
    for (size_t i = 0; i < r->n_placements; i++) {
        const tnd_placement *p = &r->placements[i];
        tnd_buf *s = &c->compose;
        buf_reset(s);
        if (p->placed)
            tnd_buf_printf(s, "perceel %d -> geplaatst in perceel %d (%s)", p->applied, p->placed,
                           known(tnd_lot_status_dutch(p->status)));
        else
            tnd_buf_printf(s, "perceel %d -> niet geplaatst (%s)", p->applied,
                           known(tnd_lot_status_dutch(p->status)));
        if (p->awaiting_award)
            tnd_buf_puts(s, "; afhankelijk van de gunning");
        if (p->opted_out)
            tnd_buf_puts(s, "; terugval uitgesloten door de inschrijver");
        if (p->path[0])
            tnd_buf_printf(s, "  pad: %s", p->path);
        emit(c, "", 4, s->data ? s->data : "");
        conditional |= p->status == TND_LOT_CONDITIONAL;
    }
    if (r->n_placements == 0)
        emit(c, "", 2, "(geen percelen)");
    if (r->eligible_all && conditional)
        emit(c, "", 2, "Conclusie: toegelaten voor alle percelen waarop is ingeschreven, "
                       "onder voorwaarde");
    else if (r->eligible_all)
        emit(c, "", 2, "Conclusie: toegelaten voor alle percelen waarop is ingeschreven");
    else if (r->stopped_at_step > 0)
        emitf(c, "", 2, "Conclusie: niet (of nog niet) toegelaten voor alle percelen; stopt bij "
                        "stap %d", r->stopped_at_step);
    else
        emit(c, "", 2, "Conclusie: niet (of nog niet) toegelaten voor alle percelen waarop is "
                       "ingeschreven");
}

bool tnd_report_text(const tnd_definition *def, const tnd_bid *bid, const tnd_check_result *r,
                     tnd_buf *out)
{
    if (!def || !bid || !r || !out)
        return false;
    text_ctx c = { .out = out };
    tnd_buf_init(&c.compose);
    tnd_buf_init(&c.clean);
    text_header(&c, def, bid);
    c.steps_source = def->steps_source;
    text_step(&c, r, 1, "Stap 1 - Volledigheid en geldigheid");
    text_step(&c, r, 2, "Stap 2 - Uitsluitingsgronden, geschiktheidseisen en voorwaarden");
    text_resolutions(&c, def, r);
    text_placements(&c, r);
    if (c.compose.oom || c.clean.oom)
        out->oom = true;
    tnd_buf_free(&c.compose);
    tnd_buf_free(&c.clean);
    return !out->oom;
}

/* ------------------------------------------------------------------ JSON */

static void json_finding(tnd_json *w, const tnd_finding *f)
{
    char name[48];
    tnd_json_open(w, NULL, '{');
    tnd_json_int(w, "step", f->step);
    tnd_json_str(w, "rule", f->rule_id);
    tnd_json_str(w, "source", f->source);
    tnd_json_str(w, "requirement", f->requirement);
    tnd_json_int_or_null(w, "lot", f->lot > 0 ? f->lot : 0);
    tnd_json_bool(w, "detail", is_detail(f));
    tnd_json_bool(w, "cascade", f->cascade);
    tnd_json_str_or_null(w, "subject", f->subject);
    tnd_json_str(w, "verdict", tnd_json_machine_name(known(tnd_verdict_name(f->verdict)), name, sizeof name));
    tnd_json_str(w, "verdict_nl", known(tnd_verdict_dutch(f->verdict)));
    tnd_json_str_or_null(w, "found", f->found);
    tnd_json_str_or_null(w, "norm", f->norm);
    tnd_json_str(w, "reason", f->reason);
    tnd_json_str_or_null(w, "resolution", f->resolution);
    tnd_json_close(w, '}');
}

static void json_placement(tnd_json *w, const tnd_placement *p)
{
    char name[48];
    tnd_json_open(w, NULL, '{');
    tnd_json_int(w, "applied", p->applied);
    tnd_json_int_or_null(w, "placed", p->placed);
    tnd_json_str(w, "status", tnd_json_machine_name(known(tnd_lot_status_name(p->status)), name, sizeof name));
    tnd_json_str(w, "status_nl", known(tnd_lot_status_dutch(p->status)));
    tnd_json_bool(w, "awaiting_award", p->awaiting_award);
    tnd_json_bool(w, "opted_out", p->opted_out);
    tnd_json_str_or_null(w, "path", p->path);
    tnd_json_close(w, '}');
}

/* One "tender-check/1" object as a member or array element of w (key NULL at the top). */
static void json_bid(tnd_json *w, const tnd_definition *def, const tnd_bid *bid,
                     const tnd_check_result *r)
{
    tnd_json_open(w, NULL, '{');
    tnd_json_str(w, "format", "tender-check/1");

    tnd_json_open(w, "tender", '{');
    tnd_json_str(w, "id", def->id);
    tnd_json_str(w, "title", def->title);
    tnd_json_str(w, "definition", def->file);
    /* issue 11: the format version, named from version 2 on; a version-1 file (read as 2)
     * keeps the output it always had, byte for byte */
    if (def->format_version >= 2)
        tnd_json_int(w, "format_version", def->format_version);
    tnd_json_close(w, '}');

    tnd_json_open(w, "bid", '{');
    tnd_json_str(w, "file", bid->file);
    tnd_json_str(w, "name", bid->bidder.name);
    tnd_json_str_or_null(w, "kvk", bid->bidder.kvk);
    char iso[32] = "";
    if (bid->has_submission)
        tnd_datetime_iso(bid->submitted, iso);
    tnd_json_str_or_null(w, "submitted", iso);
    tnd_json_start(w, "lots");
    tnd_buf_append(w->out, "[", 1);
    for (size_t i = 0; i < bid->n_lots; i++)
        tnd_buf_printf(w->out, "%s%d", i ? ", " : "", bid->lots[i].number);
    tnd_buf_append(w->out, "]", 1);
    tnd_json_close(w, '}');

    tnd_json_open(w, "findings", '[');
    for (size_t i = 0; i < r->n_findings; i++)
        json_finding(w, &r->findings[i]);
    tnd_json_close(w, ']');

    tnd_json_open(w, "resolutions", '[');
    for (size_t k = 0; k < resolution_candidates(r); k++) {
        if (!resolution_first_use(def, r, k))
            continue;
        const char *id = resolution_candidate(def, r, k);
        const tnd_resolution *res = tnd_definition_resolution(def, id);
        tnd_json_open(w, NULL, '{');
        tnd_json_str(w, "id", id);
        tnd_json_str_or_null(w, "source", res ? res->source : NULL);
        tnd_json_str_or_null(w, "text", res ? res->text : NULL);
        tnd_json_close(w, '}');
    }
    tnd_json_close(w, ']');

    tnd_json_open(w, "placements", '[');
    for (size_t i = 0; i < r->n_placements; i++)
        json_placement(w, &r->placements[i]);
    tnd_json_close(w, ']');

    tnd_json_int_or_null(w, "stopped_at_step", r->stopped_at_step);
    tnd_json_bool(w, "eligible_all", r->eligible_all);
    tnd_json_close(w, '}');
}

bool tnd_report_json(const tnd_definition *def, const tnd_bid *bid, const tnd_check_result *r,
                     tnd_buf *out)
{
    if (!def || !bid || !r || !out)
        return false;
    tnd_json w = { .out = out };
    json_bid(&w, def, bid, r);
    tnd_buf_append(out, "\n", 1);
    return !out->oom;
}

bool tnd_report_json_many(const tnd_definition *def, const tnd_bid *const *bids,
                          const tnd_check_result *const *results, size_t n, tnd_buf *out)
{
    if (!def || !out || (n && (!bids || !results)))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!bids[i] || !results[i])
            return false;
    tnd_report_json_list l;
    tnd_report_json_list_begin(&l, out);
    for (size_t i = 0; i < n; i++)
        tnd_report_json_list_add(&l, def, bids[i], results[i]);
    return tnd_report_json_list_end(&l);
}

void tnd_report_json_list_begin(tnd_report_json_list *l, tnd_buf *out)
{
    memset(l, 0, sizeof *l);
    l->w.out = out;
    tnd_json_open(&l->w, NULL, '{');
    tnd_json_str(&l->w, "tool", "tender check");
    tnd_json_str(&l->w, "format", "tender-check-list/1");
    tnd_json_open(&l->w, "bids", '[');
}

bool tnd_report_json_list_add(tnd_report_json_list *l, const tnd_definition *def,
                              const tnd_bid *bid, const tnd_check_result *r)
{
    if (!def || !bid || !r)
        return false;
    json_bid(&l->w, def, bid, r);
    return !l->w.out->oom;
}

bool tnd_report_json_list_end(tnd_report_json_list *l)
{
    tnd_json_close(&l->w, ']');
    tnd_json_close(&l->w, '}');
    tnd_buf_append(l->w.out, "\n", 1);
    return !l->w.out->oom;
}
