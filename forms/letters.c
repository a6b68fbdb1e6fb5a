/*
 * letters.c - the award letters (gunningsbeslissing) as HTML with print CSS (see letters.h).
 *
 * The wording follows the document's own terms: Voorgenomen gunning (§4.1.9), bezwaartermijn
 * (§3.3 planning, §4.1.9 L606-608), stand-still and kort geding (§4.1.13). Every date, name and
 * address comes from the definition's <letters>; every reason comes from a finding or an award
 * entry, which carry their § source.
 */
#include "forms/letters.h"

#include <stdio.h>  /* snprintf into fixed buffers only */
#include <string.h>

#include "forms/json.h" /* tnd_utf8_len */
#include "tender/base/textsafe.h"

#define REPLACEMENT_CHAR "\xEF\xBF\xBD" /* U+FFFD */

/* Borders as attributes too: LibreOffice's HTML import (--pdf) ignores CSS cell borders. */
#define TABLE "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n"

/* ------------------------------------------------------------------ text */

void tnd_html_escape(tnd_buf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = tnd_utf8_len(p), bidi_len;
        if (n == 0) {
            tnd_buf_puts(out, REPLACEMENT_CHAR);
            p++;
            continue;
        }
        if (n == 1) {
            switch (*p) {
            case '&': tnd_buf_puts(out, "&amp;"); break;
            case '<': tnd_buf_puts(out, "&lt;"); break;
            case '>': tnd_buf_puts(out, "&gt;"); break;
            case '"': tnd_buf_puts(out, "&quot;"); break;
            case '\'': tnd_buf_puts(out, "&#39;"); break;
            default:
                if (*p < 0x20 || *p == 0x7F)
                    tnd_buf_puts(out, " ");
                else
                    tnd_buf_append(out, (const char *)p, 1);
            }
        } else if ((n == 2 && p[0] == 0xC2 && p[1] < 0xA0)) {
            tnd_buf_puts(out, " "); /* C1 control characters */
        } else if (tnd_bidi_control(p, &bidi_len)) {
            /* a bidi control could reorder the letter around the name (tender/base/textsafe.h) */
            tnd_buf_puts(out, REPLACEMENT_CHAR);
        } else {
            tnd_buf_append(out, (const char *)p, n);
        }
        p += n;
    }
}

/* A bidder's name: escaped and isolated, so that right-to-left text stays inside its box. */
static void put_name(tnd_buf *out, const char *name)
{
    tnd_buf_puts(out, "<bdi>");
    tnd_html_escape(out, name);
    tnd_buf_puts(out, "</bdi>");
}

static void put_esc(tnd_buf *out, const char *s)
{
    tnd_html_escape(out, s);
}

/* A § source, set in small print: <span class="bron">[§4.1.9 L606-608]</span>. */
static void put_source(tnd_buf *out, const char *source)
{
    tnd_buf_puts(out, "<span class=\"bron\">[");
    put_esc(out, source);
    tnd_buf_puts(out, "]</span>");
}

/* "maandag 8 augustus 2022": the long Dutch date of letters. */
static void date_long(tnd_date d, char *buf, size_t size)
{
    static const char *const days[] = { "maandag", "dinsdag", "woensdag", "donderdag",
                                        "vrijdag", "zaterdag", "zondag" };
    static const char *const months[] = { "januari", "februari", "maart", "april", "mei", "juni",
                                          "juli", "augustus", "september", "oktober",
                                          "november", "december" };
    int64_t days_since = tnd_date_days(d);
    int wd = (int)(((days_since + 3) % 7 + 7) % 7); /* 1970-01-01 was a Thursday */
    int m = d.month >= 1 && d.month <= 12 ? d.month - 1 : 0;
    snprintf(buf, size, "%s %d %s %d", days[wd], d.day, months[m], d.year);
}

/* A mark in Dutch notation, at least one decimal: "7,4", "6,0", "6,85". */
static void mark_nl(tnd_dec d, char *buf)
{
    tnd_dec_nl(d, 6, buf);
    size_t n = strlen(buf);
    while (n >= 3 && buf[n - 1] == '0' && buf[n - 2] != ',')
        buf[--n] = '\0';
}

/* "50%" from a weight of 0,5. */
static void weight_nl(tnd_dec w, char *buf)
{
    char n[32];
    tnd_dec_nl_compact((tnd_dec){ w.units * 100 }, n);
    snprintf(buf, 40, "%s%%", n);
}

/* ------------------------------------------------------------------ the evaluation */

static const tnd_lot_award *lot_award(const tnd_evaluation *ev, int lot)
{
    for (size_t i = 0; i < ev->n_lots; i++)
        if (ev->lots[i].lot == lot)
            return &ev->lots[i];
    return NULL;
}

static const tnd_award_entry *entry_of(const tnd_lot_award *la, const tnd_bid *bid)
{
    if (!la)
        return NULL;
    for (size_t i = 0; i < la->n_entries; i++)
        if (la->entries[i].bid == bid)
            return &la->entries[i];
    return NULL;
}

static bool is_leaf(const tnd_award_lot *rule, int c)
{
    for (int i = 0; i < rule->n_criteria; i++)
        if (rule->criteria[i].parent == c)
            return false;
    return true;
}

static const tnd_criterion_score *score_of(const tnd_award_entry *e, int c)
{
    for (int i = 0; i < e->n_scores; i++)
        if (e->scores[i].criterion == c)
            return &e->scores[i];
    return NULL;
}

/* Objection period for a lot: the term naming it, else the term without lots. */
static const tnd_objection_term *objection_for(const tnd_letter_rules *lr, int lot)
{
    const tnd_objection_term *dflt = NULL;
    for (int i = 0; i < lr->n_objections; i++) {
        const tnd_objection_term *t = &lr->objections[i];
        if (t->n_lots == 0)
            dflt = t;
        for (int k = 0; k < t->n_lots; k++)
            if (t->lots[k] == lot)
                return t;
    }
    return dflt;
}

/* The outcome word a bidder reads for one lot. */
static const char *outcome_word(tnd_award_status s)
{
    switch (s) {
    case TND_AWARD_GRANTED: return "gegund";
    case TND_AWARD_ADMITTED: return "toegelaten";
    case TND_AWARD_SET_ASIDE: return "terzijde gelegd";
    case TND_AWARD_NOT_RANKED: return "niet gegund";
    case TND_AWARD_EXCLUDED: return "niet toegelaten";
    case TND_AWARD_TIE: return "nog niet beslist (gelijke stand)";
    case TND_AWARD_REVISION_OPEN: return "nog niet beslist (herziening plan van aanpak)";
    case TND_AWARD_PENDING: return "nog niet beslist (beoordeling loopt)";
    case TND_AWARD_NO_SCORES: return "nog niet beslist (score ontbreekt)";
    }
    return "?";
}

static bool successful(tnd_award_status s)
{
    return s == TND_AWARD_GRANTED || s == TND_AWARD_ADMITTED;
}

/* Not decided yet (a tie, an open revision or review, a missing score): the bidder gets a
 * separate letter later, and the objection period starts with that letter. */
static bool undecided(tnd_award_status s)
{
    return s == TND_AWARD_TIE || s == TND_AWARD_REVISION_OPEN || s == TND_AWARD_PENDING ||
           s == TND_AWARD_NO_SCORES;
}

static bool decided_against(tnd_award_status s)
{
    return s == TND_AWARD_SET_ASIDE || s == TND_AWARD_NOT_RANKED || s == TND_AWARD_EXCLUDED;
}

/* `open` and the § of `source` up to its first space ("§4.3.1 L956-969" -> "§4.3.1"), then
 * `close`; nothing when the definition gives no source (another tender's document has no §6). */
static void put_cite(tnd_buf *out, const char *open, const char *source, const char *close)
{
    char part[TND_SOURCE_LEN];
    snprintf(part, sizeof part, "%.*s", tnd_source_section_len(source), source);
    if (!part[0])
        return;
    tnd_buf_puts(out, open);
    put_esc(out, part);
    tnd_buf_puts(out, close);
}

static const char *lot_name(const tnd_definition *def, int lot)
{
    const tnd_lot *l = tnd_definition_lot(def, lot);
    return l ? l->name : "";
}

/* ------------------------------------------------------------------ checks */

bool tnd_letter_file_name(const char *kvk, char *buf, size_t size)
{
    if (strlen(kvk) != 8 || size < 40)
        return false;
    for (int i = 0; i < 8; i++)
        if (kvk[i] < '0' || kvk[i] > '9')
            return false;
    snprintf(buf, size, "gunningsbeslissing-%s.html", kvk);
    return true;
}

tnd_status tnd_letters_check(const tnd_definition *def, const tnd_evaluation *ev, tnd_date date,
                             tnd_error *err)
{
    if (!def->has_letters)
        return tnd_error_set(err, TND_ERR_DEFINITION, def->file, 0,
                             "voeg <letters> toe (afzender, contact, bezwaartermijn en "
                             "stand-still; zie docs/definition-format.md)",
                             "de aanbestedingsdefinitie '%s' heeft geen <letters>: de brieven "
                             "kunnen geen bezwaartermijn noemen", def->id);
    for (size_t i = 0; i < ev->n_bidders; i++) {
        const tnd_bidder_outcome *b = &ev->bidders[i];
        char name[40];
        if (!tnd_letter_file_name(b->bid->bidder.kvk, name, sizeof name))
            return tnd_error_set(err, TND_ERR_VALUE, b->bid->file, 0,
                                 "vul het KvK-nummer (8 cijfers) van de inschrijver in",
                                 "inschrijving zonder geldig KvK-nummer: de brief krijgt zijn "
                                 "bestandsnaam van het KvK-nummer");
        for (size_t j = 0; j < i; j++)
            if (strcmp(ev->bidders[j].bid->bidder.kvk, b->bid->bidder.kvk) == 0)
                return tnd_error_set(err, TND_ERR_REFERENCE, b->bid->file, 0,
                                     "laat per inschrijver één inschrijving in de map staan",
                                     "KvK %s schrijft ook in met '%s': twee brieven aan "
                                     "dezelfde inschrijver", b->bid->bidder.kvk,
                                     ev->bidders[j].bid->file);
        for (int k = 0; k < b->n_applied; k++) {
            if (undecided(b->status[k]))
                continue; /* its period starts with a later letter */
            int lots[2] = { b->applied[k], b->placed[k] };
            for (int m = 0; m < 2; m++) {
                if (lots[m] == 0)
                    continue;
                const tnd_objection_term *t = objection_for(&def->letters, lots[m]);
                char when[16], today[16];
                if (!t)
                    return tnd_error_set(err, TND_ERR_DEFINITION, def->file, 0,
                                         "noem het perceel bij een <objection> of voeg een "
                                         "<objection> zonder lots toe",
                                         "geen bezwaartermijn voor perceel %d (KvK %s)", lots[m],
                                         b->bid->bidder.kvk);
                if (tnd_date_cmp(t->until, date) < 0) {
                    tnd_date_nl(t->until, when);
                    tnd_date_nl(date, today);
                    return tnd_error_set(err, TND_ERR_USAGE, def->file, 0,
                                         "geef de datum van de brieven met --date, of pas "
                                         "<objection until=\"...\"> in de definitie aan",
                                         "de bezwaartermijn voor perceel %d eindigt op %s (%s), "
                                         "vóór de briefdatum %s: de brief zou een verstreken "
                                         "termijn noemen", lots[m], when, t->source, today);
                }
            }
        }
    }
    return TND_OK;
}

/* ------------------------------------------------------------------ pieces of a letter */

static const char STYLE[] =
    "<style>\n"
    "@page { size: A4; margin: 15mm 18mm 15mm 22mm; }\n"
    "body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 10pt;\n"
    "       line-height: 1.25; color: #000; margin: 0; }\n"
    "@media screen { body { max-width: 165mm; margin: 2em auto; } }\n"
    ".afzender { font-size: 13pt; font-weight: bold; margin-bottom: 0.2em; }\n"
    ".adres { margin: 0.8em 0 0.8em 0; }\n"
    "h1 { font-size: 13pt; margin: 1.2em 0 0.6em 0; }\n"
    "h2 { font-size: 11.5pt; margin: 1.1em 0 0.4em 0; page-break-after: avoid; "
    "break-after: avoid; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.6em 0; }\n"
    "tr { page-break-inside: avoid; break-inside: avoid; }\n"
    "th, td { border: 0.5pt solid #555; padding: 1.5pt 4pt; text-align: left; "
    "vertical-align: top; font-size: 8.5pt; }\n"
    "th { background: #e8e8e8; }\n"
    "table.kop td, table.kop th { border: none; padding: 0 8pt 0 0; font-size: 10pt; "
    "background: none; }\n"
    "td.getal, th.getal { text-align: right; }\n"
    ".bron { font-size: 8.5pt; color: #333; }\n"
    "ul { margin: 0.2em 0 0.5em 0; padding-left: 1.4em; }\n"
    "li { margin-bottom: 0.15em; }\n"
    ".ondertekening { margin-top: 1.5em; page-break-inside: avoid; break-inside: avoid; }\n"
    "</style>\n";

static void head(tnd_buf *out, const char *title_prefix, const char *kvk)
{
    tnd_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"generator\" content=\"tender letters\">\n<title>");
    put_esc(out, title_prefix);
    if (kvk) {
        tnd_buf_puts(out, " KvK ");
        put_esc(out, kvk);
    }
    tnd_buf_puts(out, "</title>\n");
    tnd_buf_puts(out, STYLE);
    tnd_buf_puts(out, "</head>\n<body>\n");
}

/* A finding that explains a lot's outcome: general (lot 0), of that lot, or of a lower lot the
 * cascade tried; only with one of the verdicts in `wanted`. */
static bool finding_explains(const tnd_finding *f, int applied, int placed,
                             const tnd_verdict *wanted, int n_wanted)
{
    if (f->lot == TND_FINDING_DETAIL)
        return false;
    if (!(f->lot == 0 || f->lot == applied || (placed && f->lot == placed) || f->cascade))
        return false;
    for (int k = 0; k < n_wanted; k++)
        if (f->verdict == wanted[k])
            return true;
    return false;
}

static size_t count_findings(const tnd_check_result *r, int applied, int placed,
                             const tnd_verdict *wanted, int n_wanted)
{
    size_t n = 0;
    for (size_t i = 0; r && i < r->n_findings; i++)
        n += finding_explains(&r->findings[i], applied, placed, wanted, n_wanted);
    return n;
}

/* The findings as a list: requirement, verdict, reason, found and norm, [source; rule id]. */
static size_t put_findings(tnd_buf *out, const tnd_check_result *r, int applied, int placed,
                           const tnd_verdict *wanted, int n_wanted)
{
    size_t n = 0;
    for (size_t i = 0; r && i < r->n_findings; i++) {
        const tnd_finding *f = &r->findings[i];
        if (!finding_explains(f, applied, placed, wanted, n_wanted))
            continue;
        if (n == 0)
            tnd_buf_puts(out, "<ul>\n");
        tnd_buf_puts(out, "<li>");
        put_esc(out, f->requirement);
        if (f->subject[0]) {
            tnd_buf_puts(out, " (");
            put_esc(out, f->subject);
            tnd_buf_puts(out, ")");
        }
        tnd_buf_puts(out, ": ");
        put_esc(out, tnd_verdict_dutch(f->verdict));
        if (f->reason[0]) {
            tnd_buf_puts(out, " &ndash; ");
            put_esc(out, f->reason);
        }
        if (f->found[0] || f->norm[0]) {
            tnd_buf_puts(out, " (aangetroffen: ");
            put_esc(out, f->found[0] ? f->found : "-");
            tnd_buf_puts(out, "; eis: ");
            put_esc(out, f->norm[0] ? f->norm : "-");
            tnd_buf_puts(out, ")");
        }
        tnd_buf_puts(out, " <span class=\"bron\">[");
        put_esc(out, f->source);
        tnd_buf_puts(out, "; ");
        put_esc(out, f->rule_id);
        if (f->resolution[0]) {
            tnd_buf_puts(out, "; lezing ");
            put_esc(out, f->resolution);
        }
        tnd_buf_puts(out, "]</span></li>\n");
        n++;
    }
    if (n)
        tnd_buf_puts(out, "</ul>\n");
    return n;
}

/* The score of one criterion as text: "8 (ronde 2)", "10 (berekend)", "-" when absent. */
static void score_text(const tnd_award_lot *rule, const tnd_award_entry *e, int c, char *buf,
                       size_t size)
{
    if (!is_leaf(rule, c)) {
        tnd_dec m;
        char t[32];
        if (tnd_award_mark(rule, e, c, &m)) {
            mark_nl(m, t);
            snprintf(buf, size, "%s", t);
        } else {
            snprintf(buf, size, "-");
        }
        return;
    }
    const tnd_criterion_score *s = score_of(e, c);
    if (!s || !s->has_score)
        snprintf(buf, size, "-");
    else if (s->computed)
        snprintf(buf, size, "%d (berekend)", s->consensus);
    else if (s->round > 1)
        snprintf(buf, size, "%d (na herziening)", s->consensus);
    else
        snprintf(buf, size, "%d", s->consensus);
}

/* The final mark as text, "-" when a score below it is missing. */
static void total_text(const tnd_award_lot *rule, const tnd_award_entry *e, char *buf)
{
    tnd_dec m;
    if (e && tnd_award_mark(rule, e, -1, &m))
        mark_nl(m, buf);
    else
        snprintf(buf, 32, "-");
}

/* The bidder's own scores per criterion against the minimum. */
static void put_own_scores(tnd_buf *out, const tnd_lot_award *la, const tnd_award_entry *e)
{
    const tnd_award_lot *rule = la->rule;
    tnd_buf_puts(out, TABLE "<tr><th>Criterium</th><th class=\"getal\">Weging</th>"
                      "<th class=\"getal\">Uw score</th><th class=\"getal\">Minimum</th>"
                      "<th>Bron</th></tr>\n");
    for (int c = 0; c < rule->n_criteria; c++) {
        const tnd_criterion *cr = &rule->criteria[c];
        char w[40], s[64], min[32] = "-";
        weight_nl(cr->weight, w);
        score_text(rule, e, c, s, sizeof s);
        if (cr->has_minimum)
            mark_nl(cr->minimum, min);
        tnd_buf_puts(out, "<tr><td>");
        if (cr->parent >= 0)
            tnd_buf_puts(out, "&nbsp;&nbsp;&nbsp;");
        put_esc(out, cr->label);
        tnd_buf_printf(out, "</td><td class=\"getal\">%s</td><td class=\"getal\">", w);
        put_esc(out, s);
        tnd_buf_printf(out, "</td><td class=\"getal\">%s</td><td class=\"bron\">", min);
        put_esc(out, cr->source);
        tnd_buf_puts(out, "</td></tr>\n");
    }
    char t[32];
    total_text(rule, e, t);
    tnd_buf_printf(out, "<tr><th>Eindcijfer</th><th></th><th class=\"getal\">%s</th><th></th>"
                        "<th class=\"bron\">", t);
    put_esc(out, rule->ref.source);
    tnd_buf_puts(out, "</th></tr>\n</table>\n");
    if (rule->max_awarded > 0 && e->rank > 0)
        tnd_buf_printf(out, "<p>Uw plaats in de rangschikking: %d; ten hoogste %d inschrijvers "
                            "worden gegund.</p>\n", e->rank, rule->max_awarded);
}

/* The awarded bidders' scores and where they scored higher than this bidder (kenmerken en
 * relatieve voordelen). `own` is NULL when this bidder was not scored in the lot. */
static void put_relative_advantages(tnd_buf *out, const tnd_lot_award *la,
                                    const tnd_award_entry *own)
{
    const tnd_award_lot *rule = la->rule;
    tnd_buf_puts(out, "<p><strong>Kenmerken en relatieve voordelen van de gegunde "
                      "inschrijvingen</strong></p>\n");
    if (la->n_granted == 0) {
        tnd_buf_puts(out, "<p>Voor dit perceel is (nog) geen inschrijving gegund.</p>\n");
        return;
    }
    tnd_buf_puts(out, TABLE "<tr><th>Inschrijver</th>");
    for (int c = 0; c < rule->n_criteria; c++) {
        tnd_buf_puts(out, "<th class=\"getal\">");
        put_esc(out, rule->criteria[c].id);
        tnd_buf_puts(out, "</th>");
    }
    tnd_buf_puts(out, "<th class=\"getal\">Eindcijfer</th></tr>\n");
    for (size_t i = 0; i < la->n_entries; i++) {
        const tnd_award_entry *e = &la->entries[i];
        if (e->status != TND_AWARD_GRANTED)
            continue;
        tnd_buf_puts(out, "<tr><td>");
        put_name(out, e->bid->bidder.name);
        tnd_buf_puts(out, "</td>");
        for (int c = 0; c < rule->n_criteria; c++) {
            char s[64];
            score_text(rule, e, c, s, sizeof s);
            tnd_buf_puts(out, "<td class=\"getal\">");
            put_esc(out, s);
            tnd_buf_puts(out, "</td>");
        }
        char t[32];
        total_text(rule, e, t);
        tnd_buf_printf(out, "<td class=\"getal\">%s</td></tr>\n", t);
    }
    tnd_buf_puts(out, "</table>\n<ul>\n");
    /* Where each awarded bid scored higher, criterion by criterion (leaves: the committee's
     * scores; a parent's mark follows from its leaves). */
    for (size_t i = 0; i < la->n_entries; i++) {
        const tnd_award_entry *e = &la->entries[i];
        if (e->status != TND_AWARD_GRANTED)
            continue;
        tnd_buf_puts(out, "<li>");
        put_name(out, e->bid->bidder.name);
        tnd_buf_puts(out, ": ");
        bool any = false;
        for (int c = 0; own && c < rule->n_criteria; c++) {
            if (!is_leaf(rule, c))
                continue;
            const tnd_criterion_score *a = score_of(e, c), *b = score_of(own, c);
            if (!a || !a->has_score || !b || !b->has_score || a->consensus <= b->consensus)
                continue;
            tnd_buf_puts(out, any ? "; " : "hoger beoordeeld op ");
            put_esc(out, rule->criteria[c].label);
            tnd_buf_printf(out, " (%d tegen uw %d)", a->consensus, b->consensus);
            any = true;
        }
        if (!own)
            tnd_buf_puts(out, "voldoet aan de eisen van stap 1 en 2 en haalt het minimum van "
                              "de gunningscriteria");
        else if (!any)
            tnd_buf_puts(out, "op geen criterium hoger beoordeeld dan u; zie de reden bij uw "
                              "uitkomst");
        tnd_buf_puts(out, ".</li>\n");
    }
    tnd_buf_puts(out, "</ul>\n");
}

/* One lot applied for: its outcome, reasons and scores. */
static void put_lot(tnd_buf *out, const tnd_definition *def, const tnd_evaluation *ev,
                    const tnd_bidder_outcome *b, int k)
{
    int applied = b->applied[k], placed = b->placed[k];
    tnd_award_status st = b->status[k];
    const tnd_lot_award *la_applied = lot_award(ev, applied);
    const tnd_lot_award *la = placed ? lot_award(ev, placed) : la_applied;
    const tnd_award_entry *e = entry_of(la, b->bid);
    const tnd_award_entry *e_applied = la != la_applied ? entry_of(la_applied, b->bid) : NULL;

    tnd_buf_printf(out, "<h2>Perceel %d ", applied);
    put_esc(out, lot_name(def, applied));
    tnd_buf_puts(out, ": ");
    if (e_applied && placed && placed != applied) {
        put_esc(out, outcome_word(e_applied->status));
        tnd_buf_printf(out, "; in perceel %d: ", placed);
    }
    put_esc(out, outcome_word(st));
    tnd_buf_puts(out, "</h2>\n");

    /* A lot-4 bid not awarded there, or a bid placed lower: the applied lot first. */
    if (e_applied) {
        tnd_buf_printf(out, "<p>In perceel %d: ", applied);
        put_esc(out, e_applied->reason);
        tnd_buf_puts(out, ".</p>\n");
        if (la_applied->rule && la_applied->rule->kind != TND_AWARD_ADMIT) {
            put_own_scores(out, la_applied, e_applied);
            if (decided_against(e_applied->status))
                put_relative_advantages(out, la_applied, e_applied);
        }
    }
    if (placed && placed != applied) {
        tnd_buf_printf(out, "<p>Uw inschrijving is ingedeeld in perceel %d ", placed);
        put_esc(out, lot_name(def, placed));
        tnd_buf_puts(out, " (indeling in een lager perceel");
        put_cite(out, ", ", def->cascade.ref.source, "");
        tnd_buf_puts(out, "): ");
        put_esc(out, b->path[k]);
        tnd_buf_puts(out, ".</p>\n");
    }

    switch (st) {
    case TND_AWARD_GRANTED:
        tnd_buf_printf(out, "<p>Wij zijn voornemens de opdracht voor perceel %d aan u te "
                            "gunnen. ", placed ? placed : applied);
        break;
    case TND_AWARD_ADMITTED:
        tnd_buf_printf(out, "<p>Wij zijn voornemens u voor perceel %d toe te laten: u voldoet "
                            "aan de eisen van stap 1 en 2", placed ? placed : applied);
        put_cite(out, " (", def->steps_source, ")");
        tnd_buf_puts(out, " en aan de combinatieregels; voor dit perceel geldt geen "
                          "rangschikking. ");
        break;
    case TND_AWARD_EXCLUDED:
        tnd_buf_puts(out, "<p>Uw inschrijving wordt voor dit perceel niet toegelaten tot de "
                          "gunning: zij voldoet niet aan de volgende eisen. ");
        break;
    case TND_AWARD_SET_ASIDE:
        tnd_buf_puts(out, "<p>Uw inschrijving wordt voor dit perceel terzijde gelegd: het plan "
                          "van aanpak haalt ook na de herziening het minimum niet. ");
        break;
    case TND_AWARD_NOT_RANKED:
        tnd_buf_puts(out, "<p>Wij zijn niet voornemens de opdracht voor dit perceel aan u te "
                          "gunnen. ");
        break;
    default:
        tnd_buf_puts(out, "<p>Over dit perceel is nog geen beslissing genomen; u ontvangt "
                          "daarover een afzonderlijke brief. ");
        break;
    }
    static const tnd_verdict not_met[] = { TND_FAIL, TND_MISSING };
    static const tnd_verdict open[] = { TND_REVIEW, TND_PLAN_REQUIRED };
    static const tnd_verdict conditional[] = { TND_CONDITIONAL };
    size_t n_not_met = count_findings(b->check, applied, placed, not_met, 2);
    if (e && e->reason[0] && !(st == TND_AWARD_EXCLUDED && n_not_met > 0)) {
        tnd_buf_puts(out, "Reden: ");
        put_esc(out, e->reason);
        tnd_buf_puts(out, ".");
    } else if (st == TND_AWARD_EXCLUDED && n_not_met == 0 && b->path[k][0]) {
        tnd_buf_puts(out, "Indeling: ");
        put_esc(out, b->path[k]);
        tnd_buf_puts(out, ".");
    }
    tnd_buf_puts(out, "</p>\n");
    if (st == TND_AWARD_TIE && la && la->tie_text[0]) {
        tnd_buf_puts(out, "<p>");
        put_esc(out, la->tie_text);
        tnd_buf_puts(out, "</p>\n");
    }

    /* The reasons from steps 1-2 (§6) with their sources. */
    if (st == TND_AWARD_EXCLUDED) {
        put_findings(out, b->check, applied, placed, not_met, 2);
    } else if (st == TND_AWARD_PENDING) {
        tnd_buf_puts(out, "<p>Nog te beoordelen:</p>\n");
        put_findings(out, b->check, applied, placed, open, 2);
    } else if (successful(st) &&
               count_findings(b->check, applied, placed, conditional, 1) > 0) {
        tnd_buf_puts(out, "<p>Voorwaarden bij deze gunning:</p>\n");
        put_findings(out, b->check, applied, placed, conditional, 1);
    }

    /* Own scores, then the awarded bidders' scores for a bidder who did not get the lot. */
    bool scored = false; /* a bid not admitted to step 3 has an entry without scores */
    for (int i = 0; e && i < e->n_scores; i++)
        scored = scored || e->scores[i].has_score;
    if (la && la->rule && la->rule->kind != TND_AWARD_ADMIT && scored)
        put_own_scores(out, la, e);
    if (decided_against(st) && la && la->rule) {
        if (la->rule->kind == TND_AWARD_ADMIT)
            tnd_buf_puts(out, "<p>Voor dit perceel geldt geen rangschikking: elke inschrijver "
                              "die aan de eisen van stap 1 en 2 en de combinatieregels voldoet, "
                              "wordt toegelaten.</p>\n");
        else
            put_relative_advantages(out, la, scored ? e : NULL);
    }
}

/* ------------------------------------------------------------------ the letter */

bool tnd_letter_html(const tnd_definition *def, const tnd_evaluation *ev, size_t bidder,
                     tnd_date date, tnd_buf *out)
{
    const tnd_letter_rules *lr = &def->letters;
    const tnd_bidder_outcome *b = &ev->bidders[bidder];
    const tnd_party *p = &b->bid->bidder;
    char today[64], closing[24];
    date_long(date, today, sizeof today);
    tnd_datetime_nl(def->closing_time, closing);

    head(out, "Voorgenomen gunningsbeslissing", p->kvk);
    tnd_buf_puts(out, "<div class=\"afzender\">");
    put_esc(out, lr->sender);
    tnd_buf_puts(out, "</div>\n<div class=\"bron\">");
    put_esc(out, def->title);
    tnd_buf_puts(out, "</div>\n");

    tnd_buf_puts(out, "<p class=\"adres\">Aan: ");
    put_name(out, p->name);
    tnd_buf_puts(out, "<br>\nKvK-nummer ");
    put_esc(out, p->kvk);
    tnd_buf_puts(out, "</p>\n");

    tnd_buf_puts(out, "<table class=\"kop\">\n<tr><th>Datum</th><td>");
    put_esc(out, today);
    tnd_buf_puts(out, "</td></tr>\n<tr><th>Betreft</th><td>Voorgenomen gunning ");
    put_esc(out, def->title);
    tnd_buf_puts(out, "</td></tr>\n<tr><th>Kenmerk</th><td>");
    put_esc(out, def->id);
    tnd_buf_puts(out, "/");
    put_esc(out, p->kvk);
    tnd_buf_puts(out, "</td></tr>\n</table>\n");

    tnd_buf_puts(out, "<h1>Voorgenomen gunningsbeslissing</h1>\n<p>Geachte heer, mevrouw,</p>\n");
    tnd_buf_puts(out, "<p>U heeft vóór de sluitingstijd van ");
    put_esc(out, closing);
    tnd_buf_puts(out, " uur ");
    put_source(out, def->closing.source);
    tnd_buf_puts(out, " ingeschreven op de aanbesteding ");
    put_esc(out, def->title);
    tnd_buf_puts(out, ". Uw inschrijving is beoordeeld volgens hoofdstuk 6 van het "
                      "inkoopdocument: volledigheid en geldigheid (stap 1), uitsluitingsgronden, "
                      "geschiktheidseisen en voorwaarden (stap 2) en de gunningscriteria "
                      "(stap 3). Met deze brief delen wij u per perceel de uitkomst en ons "
                      "voornemen tot gunning mee, met de redenen en de vindplaats ervan in het "
                      "inkoopdocument (§ en regel).</p>\n");

    /* Overview. */
    tnd_buf_puts(out, TABLE "<tr><th>Perceel</th><th>Uitkomst</th></tr>\n");
    for (int k = 0; k < b->n_applied; k++) {
        tnd_buf_printf(out, "<tr><td>%d ", b->applied[k]);
        put_esc(out, lot_name(def, b->applied[k]));
        tnd_buf_puts(out, "</td><td>");
        put_esc(out, outcome_word(b->status[k]));
        if (b->placed[k] && b->placed[k] != b->applied[k])
            tnd_buf_printf(out, " (in perceel %d)", b->placed[k]);
        tnd_buf_puts(out, "</td></tr>\n");
    }
    tnd_buf_puts(out, "</table>\n");
    if (b->stopped_at_step > 0) {
        tnd_buf_printf(out, "<p>De beoordeling van uw inschrijving is geëindigd bij stap %d",
                       b->stopped_at_step);
        put_cite(out, " (", def->steps_source, ")");
        tnd_buf_puts(out, ".</p>\n");
    }

    for (int k = 0; k < b->n_applied; k++)
        put_lot(out, def, ev, b, k);

    /* Objection period and standstill (§3.3 planning, §4.1.9, §4.1.13). */
    tnd_buf_puts(out, "<h2>Bezwaartermijn en vervolg</h2>\n<ul>\n");
    int mine[2 * TND_MAX_SET], n_mine = 0; /* lots decided: applied for or placed in, once */
    bool any_undecided = false;
    for (int k = 0; k < b->n_applied; k++) {
        if (undecided(b->status[k])) {
            any_undecided = true;
            continue;
        }
        int cand[2] = { b->applied[k], b->placed[k] };
        for (int m = 0; m < 2; m++) {
            bool seen = cand[m] == 0;
            for (int j = 0; j < n_mine && !seen; j++)
                seen = mine[j] == cand[m];
            if (!seen)
                mine[n_mine++] = cand[m];
        }
    }
    for (int t = 0; t < lr->n_objections; t++) {
        const tnd_objection_term *term = &lr->objections[t];
        char lots[128] = "";
        size_t used = 0;
        int n = 0;
        for (int j = 0; j < n_mine; j++) {
            if (objection_for(lr, mine[j]) != term || used + 8 >= sizeof lots)
                continue;
            used += (size_t)snprintf(lots + used, sizeof lots - used, "%s%d", n ? ", " : "",
                                     mine[j]);
            n++;
        }
        if (n == 0)
            continue;
        char until[64];
        date_long(term->until, until, sizeof until);
        int64_t days = tnd_date_days(term->until) - tnd_date_days(date);
        tnd_buf_printf(out, "<li>%s %s: de bezwaartermijn loopt tot en met %s (%lld "
                            "kalenderdagen na de datum van deze brief) <span class=\"bron\">[",
                       n > 1 ? "Percelen" : "Perceel", lots, until, (long long)days);
        put_esc(out, term->source);
        if (term->resolution[0]) {
            tnd_buf_puts(out, "; lezing ");
            put_esc(out, term->resolution);
        }
        tnd_buf_puts(out, "]</span></li>\n");
    }
    if (any_undecided) {
        char lots[128] = "";
        size_t used = 0;
        int n = 0;
        for (int k = 0; k < b->n_applied; k++)
            if (undecided(b->status[k]) && used + 8 < sizeof lots) {
                used += (size_t)snprintf(lots + used, sizeof lots - used, "%s%d",
                                         n ? ", " : "", b->applied[k]);
                n++;
            }
        tnd_buf_printf(out, "<li>%s %s: nog niet beslist; de bezwaartermijn gaat in met de "
                            "afzonderlijke brief over de beslissing.</li>\n",
                       n > 1 ? "Percelen" : "Perceel", lots);
    }
    tnd_buf_puts(out, "</ul>\n<p>");
    put_esc(out, lr->standstill);
    tnd_buf_puts(out, " ");
    put_source(out, lr->standstill_source);
    tnd_buf_puts(out, "</p>\n<p>Vragen over deze brief stelt u ");
    put_esc(out, lr->contact);
    tnd_buf_puts(out, " ");
    put_source(out, lr->contact_source);
    tnd_buf_puts(out, ".</p>\n");

    tnd_buf_puts(out, "<div class=\"ondertekening\"><p>Met vriendelijke groet,</p>\n<p>");
    put_esc(out, lr->sender);
    tnd_buf_puts(out, "</p></div>\n<p class=\"bron\">Opgesteld met tender letters uit de "
                      "aanbestedingsdefinitie ");
    put_esc(out, def->id);
    tnd_buf_puts(out, " (");
    put_esc(out, def->file);
    tnd_buf_puts(out, "); § en L verwijzen naar paragraaf en regel van ");
    put_esc(out, def->document);
    tnd_buf_puts(out, ".</p>\n</body>\n</html>\n");
    return !out->oom;
}

bool tnd_letters_index_html(const tnd_definition *def, const tnd_evaluation *ev, tnd_date date,
                            tnd_buf *out)
{
    char today[64];
    date_long(date, today, sizeof today);
    head(out, "Gunningsbeslissingen", NULL);
    tnd_buf_puts(out, "<h1>Voorgenomen gunningsbeslissingen</h1>\n<p>");
    put_esc(out, def->title);
    tnd_buf_puts(out, " &ndash; brieven van ");
    put_esc(out, today);
    tnd_buf_printf(out, ", %zu inschrijvers.</p>\n", ev->n_bidders);
    tnd_buf_puts(out, TABLE "<tr><th>KvK</th><th>Inschrijver</th><th>Uitkomst per "
                      "perceel</th><th>Brief</th></tr>\n");
    for (size_t i = 0; i < ev->n_bidders; i++) {
        const tnd_bidder_outcome *b = &ev->bidders[i];
        char file[40];
        if (!tnd_letter_file_name(b->bid->bidder.kvk, file, sizeof file))
            continue; /* refused earlier by tnd_letters_check */
        tnd_buf_puts(out, "<tr><td>");
        put_esc(out, b->bid->bidder.kvk);
        tnd_buf_puts(out, "</td><td>");
        put_name(out, b->bid->bidder.name);
        tnd_buf_puts(out, "</td><td>");
        for (int k = 0; k < b->n_applied; k++) {
            tnd_buf_printf(out, "%sperceel %d: ", k ? "<br>" : "", b->applied[k]);
            put_esc(out, outcome_word(b->status[k]));
            if (b->placed[k] && b->placed[k] != b->applied[k])
                tnd_buf_printf(out, " (in perceel %d)", b->placed[k]);
        }
        tnd_buf_printf(out, "</td><td><a href=\"%s\">%s</a></td></tr>\n", file, file);
    }
    tnd_buf_puts(out, "</table>\n</body>\n</html>\n");
    return !out->oom;
}
