/*
 * cmd_check.c - `tender check BID... [--tender DEF] [--json]`: steps 1 and 2 of the evaluation
 * (§6) for each bid, with a verdict, reason and § source per requirement and the lot placement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tender/base/buf.h"
#include "forms/report.h"
#include "scoring/check.h"
#include "tender/bid.h"
#include "tender/cli/bid_run.h"
#include "tender/bid_xlsx.h"
#include "tender/cli/cli.h"
#include "tender/definition.h"
#include "tender/espd.h"
#include "tender/cli/evaluate_run.h"
#include "tender/xbrl.h"

static const char help_text[] =
    "Gebruik: tender check BID.xml|MAP... [--tender DEF.xml] [--json] [-j N]\n"
    "         tender check BID.xml --espd UEA.xml [--espd UEA.xml...]\n"
    "         tender check BID.xml --xbrl JAARREKENING.xbrl [--xbrl ...]\n"
    "\n"
    "Toetst inschrijvingen aan stap 1 (volledigheid en geldigheid) en stap 2\n"
    "(uitsluitingsgronden, geschiktheidseisen en voorwaarden) van de aanbesteding (§6):\n"
    "sluitingstijd, ontbrekende onderdelen, uitsluitingsgronden (UEA), financiële normen,\n"
    "verzekering, referenties, kwaliteitssysteem en keurmerk, AGB-code, leeftijd van\n"
    "documenten, combinatieregels van percelen, tariefgroepeisen, begeleidingsintensiteit,\n"
    "verklaringen. Elke eis krijgt een oordeel (VOLDOET, VOLDOET NIET, ONTBREEKT,\n"
    "BEOORDELEN, PLAN VAN AANPAK, ONDER VOORWAARDE, N.V.T.) met reden en bron (§). Het\n"
    "rapport eindigt met de plaatsing per perceel, inclusief terugval naar een lager\n"
    "perceel (§4.3.1).\n"
    "\n"
    "Argumenten:\n"
    "  BID.xml             inschrijving (docs/bid-format.md); een MAP toetst alle *.xml\n"
    "                      daarin, op naam gesorteerd; twee inschrijvingen met hetzelfde\n"
    "                      KvK-nummer geven een waarschuwing (evaluate weigert ze)\n"
    "Opties:\n"
    "  --tender DEF.xml    aanbestedingsdefinitie: bestand of ingebouwd id\n"
    "                      (tender tenders; standaard: ijsselland-2023)\n"
    "  --json              uitvoer als JSON (docs/json-output.md)\n"
    "  -j, --jobs N        lees en toets N inschrijvingen tegelijk (standaard: het aantal\n"
    "                      processorkernen); de uitvoer is dezelfde voor elke N\n"
    "  --espd UEA.xml      ingevuld UEA (ESPD Response, ESPD-EDM 2.x t/m 4.x) van een partij\n"
    "                      van de inschrijving, gekoppeld op KvK-nummer; vult ontbrekende\n"
    "                      UEA-antwoorden aan; herhaalbaar; alleen bij precies één inschrijving.\n"
    "                      Tegenstrijdigheden met de inschrijving staan op stderr; het zwaarste\n"
    "                      antwoord wordt aangehouden (docs/espd-import.md)\n"
    "  --xbrl FILE.xbrl    SBR-jaarrekening (XBRL, Nederlandse Taxonomie) van de inschrijver,\n"
    "                      gekoppeld op KvK-nummer; vult ontbrekende cijfers van bijlage XVI\n"
    "                      aan; herhaalbaar (één bestand per boekjaar); alleen bij precies één\n"
    "                      inschrijving. Welk concept welk cijfer vulde, wat niet is overgenomen\n"
    "                      en elke afwijking staan op stderr; bij een afwijking blijft het bedrag\n"
    "                      van de inschrijving staan (docs/xbrl-import.md)\n"
    "  -h, --help          deze hulp\n"
    "\n"
    "Exitcodes:\n"
    "  0  elke inschrijving is toegelaten voor elk perceel waarop zij inschrijft\n"
    "     (TOEGELATEN ONDER VOORWAARDE telt als toegelaten)\n"
    "  1  minstens één inschrijving niet, of nog niet (BEOORDELEN / PLAN VAN AANPAK open);\n"
    "     ook bij een tegenstrijdigheid tussen UEA (--espd) en inschrijving, of tussen\n"
    "     jaarrekening (--xbrl) en inschrijving\n"
    "  2  ongeldige invoer of gebruik (fout met bestand:regel en een oplossing op stderr);\n"
    "     de overige inschrijvingen worden wel getoetst\n";

/* ---------------------------------------------------------------- --espd (docs/espd-import.md) */

#define MAX_ESPD_FILES 16

/* Loads one ESPD Response and merges it into bid; prints what was taken over, every conflict and
 * every criterion not taken over on stderr. Sets *review when a person must look. */
static tnd_status merge_espd(tnd_bid *bid, const char *path, bool *review, tnd_error *err)
{
    tnd_espd *espd = NULL;
    tnd_espd_conflicts conflicts;
    tnd_status rc = tnd_espd_load_file(path, &espd, err);
    if (rc == TND_OK)
        rc = tnd_espd_merge(espd, bid, &conflicts, err);
    if (rc != TND_OK) {
        tnd_espd_free(espd);
        return rc;
    }
    char text[1536];
    fprintf(stderr, "tender: UEA %s (ESPD-EDM %s) samengevoegd met %s: %zu antwoord(en) "
            "overgenomen, %zu tegenstrijdig\n", path, espd->version, conflicts.party,
            conflicts.n_filled, conflicts.n);
    if (conflicts.name_checked)
        fprintf(stderr, "tender: UEA %s: geen KvK-nummer in het UEA (wel: %s); gekoppeld op de "
                "naam '%s'\n", path, espd->other_ids[0] ? espd->other_ids : "geen ander nummer",
                espd->name);
    else if (!conflicts.kvk_checked)
        fprintf(stderr, "tender: UEA %s: geen KvK-nummer in UEA of inschrijving; niet "
                "gecontroleerd of het UEA bij deze partij hoort\n", path);
    for (size_t i = 0; i < conflicts.n; i++) {
        tnd_espd_conflict_text(&conflicts.items[i], bid->file, path, text, sizeof text);
        fprintf(stderr, "tender: %s\n", text);
    }
    for (size_t i = 0; i < espd->n_unknown; i++) {
        tnd_espd_criterion_text(&espd->unknown[i], true, path, text, sizeof text);
        fprintf(stderr, "tender: %s\n", text);
    }
    for (size_t i = 0; i < espd->n_unanswered; i++) {
        tnd_espd_criterion_text(&espd->unanswered[i], false, path, text, sizeof text);
        fprintf(stderr, "tender: %s\n", text);
    }
    if (tnd_espd_needs_review(espd, &conflicts))
        *review = true;
    tnd_espd_conflicts_free(&conflicts);
    tnd_espd_free(espd);
    return TND_OK;
}

/* ---------------------------------------------------------------- --xbrl (docs/xbrl-import.md) */

#define MAX_XBRL_FILES 16

/* Loads one SBR annual-account instance and merges its figures into bid (rep accumulates over the
 * files); prints which concept fed which figure, every conflict and every fact not taken over on
 * stderr. Sets *review when a person must look (a conflict). */
static tnd_status merge_xbrl(const tnd_definition *def, tnd_bid *bid, const char *path,
                             tnd_xbrl_report *rep, bool *review, tnd_error *err)
{
    tnd_xbrl *x = NULL;
    size_t from = rep->n, filled = rep->n_filled, same = rep->n_same;
    size_t conflicts = rep->n_conflicts;
    tnd_status rc = tnd_xbrl_load_file(path, &x, err);
    if (rc == TND_OK)
        rc = tnd_xbrl_merge(x, def, bid, rep, err);
    if (rc != TND_OK) {
        tnd_xbrl_free(x);
        return rc;
    }
    char text[2048];
    fprintf(stderr, "tender: XBRL %s (KvK %s, %s, ingangspunt %s) samengevoegd met %s: "
            "%zu cijfer(s) overgenomen, %zu gelijk, %zu tegenstrijdig\n", path,
            x->kvk[0] ? x->kvk : "onbekend", x->name[0] ? x->name : "naam onbekend",
            x->entry_point[0] ? x->entry_point : "onbekend", bid->file,
            rep->n_filled - filled, rep->n_same - same, rep->n_conflicts - conflicts);
    if (!rep->kvk_checked)
        fprintf(stderr, "tender: XBRL %s: geen KvK-nummer in jaarrekening of inschrijving; niet "
                "gecontroleerd of de cijfers van deze inschrijver zijn\n", path);
    for (size_t i = from; i < rep->n; i++) {
        tnd_xbrl_entry_text(&rep->entries[i], bid->file, text, sizeof text);
        fprintf(stderr, "tender: %s\n", text);
    }
    for (size_t i = 0; i < x->n_issues; i++) {
        tnd_xbrl_issue_text(&x->issues[i], path, text, sizeof text);
        fprintf(stderr, "tender: %s\n", text);
    }
    if (rep->n_conflicts > conflicts)
        *review = true;
    tnd_xbrl_free(x);
    return TND_OK;
}

/* The files given with --espd and --xbrl, merged into the one bid in that order. */
typedef struct {
    const char *const *espd;
    size_t n_espd;
    const char *const *xbrl;
    size_t n_xbrl;
    bool espd_review, xbrl_review;
} imports;

/* tnd_check_bids for the one bid given with --espd / --xbrl: read, merge every ESPD and XBRL
 * instance, validate, check. Returns false only when out of memory. */
static bool check_with_imports(const tnd_definition *def, const char *bid_path, imports *im,
                               tnd_checked_bids *out)
{
    memset(out, 0, sizeof *out);
    out->bids = calloc(1, sizeof *out->bids);
    out->results = calloc(1, sizeof *out->results);
    if (!out->bids || !out->results)
        return false;
    tnd_error err;
    tnd_bid *bid = NULL;
    tnd_status rc = tnd_bid_load_input(bid_path, def, &bid, &err);
    for (size_t i = 0; rc == TND_OK && i < im->n_espd; i++)
        rc = merge_espd(bid, im->espd[i], &im->espd_review, &err);
    tnd_xbrl_report rep;
    tnd_xbrl_report_init(&rep);
    for (size_t i = 0; rc == TND_OK && i < im->n_xbrl; i++)
        rc = merge_xbrl(def, bid, im->xbrl[i], &rep, &im->xbrl_review, &err);
    tnd_xbrl_report_free(&rep);
    if (rc == TND_OK)
        rc = tnd_bid_validate_against(bid, def, &err);
    if (rc != TND_OK) {
        tnd_print_error(&err);
        tnd_bid_free(bid);
        out->n_failed = 1;
        return true;
    }
    tnd_check_result *res = calloc(1, sizeof *res);
    if (!res || !tnd_check(def, bid, res)) {
        if (res)
            tnd_check_result_free(res);
        free(res);
        tnd_bid_free(bid);
        return false;
    }
    out->bids[0] = bid;
    out->results[0] = res;
    out->n = 1;
    return true;
}

/* Display width of UTF-8 text: its code points (the names are Latin script). */
static size_t text_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void pad(tnd_buf *out, const char *text, size_t width)
{
    tnd_buf_puts(out, text);
    for (size_t w = text_width(text); w < width; w++)
        tnd_buf_puts(out, " ");
}

static const char *file_part(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

/* What the overview keeps of a bid once its report is written (check streams, issue 9): a few
 * hundred bytes, not the bid. */
typedef struct {
    char *file, *kvk, *name, *lots;
    long line;
} check_row;

static void rows_free(check_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].file);
        free(rows[i].kvk);
        free(rows[i].name);
        free(rows[i].lots);
    }
    free(rows);
}

/* The lots of a checked bid and their status: "1: TOEGELATEN; 5 -> 3: ..."; "5 -> 3" is a
 * placement lower in the cascade (§4.3.1). */
static char *lots_text(const tnd_check_result *r)
{
    tnd_buf b;
    tnd_buf_init(&b);
    for (size_t j = 0; j < r->n_placements; j++) {
        const tnd_placement *p = &r->placements[j];
        if (j)
            tnd_buf_puts(&b, "; ");
        if (p->placed && p->placed != p->applied)
            tnd_buf_printf(&b, "%d -> %d: ", p->applied, p->placed);
        else
            tnd_buf_printf(&b, "%d: ", p->applied);
        const char *st = tnd_lot_status_dutch(p->status);
        tnd_buf_puts(&b, st ? st : "?");
        if (p->awaiting_award)
            tnd_buf_puts(&b, " (afhankelijk van de gunning)");
    }
    if (r->n_placements == 0)
        tnd_buf_puts(&b, "geen perceel");
    if (b.oom) {
        tnd_buf_free(&b);
        return NULL;
    }
    return b.data; /* owned by the caller */
}

/* ---------------------------------------------------------------- streaming (issue 9) */

/* The report as it is written: one bid at a time, in input order, then freed. */
typedef struct {
    const tnd_definition *def;
    bool json;
    tnd_buf out;
    tnd_report_json_list list;
    size_t n_reported, n_failed;
    check_row *rows;              /* per bid: the overview and the same-KvK warning */
    size_t n_rows, cap_rows;
    bool all_eligible;
    bool failed;                  /* out of memory or stdout not writable: reported, stop */
} stream;

/* Writes what is in s->out to stdout and empties it. */
static bool stream_flush(stream *s)
{
    if (s->out.oom) {
        fprintf(stderr, "tender: onvoldoende geheugen voor het rapport\n");
        return false;
    }
    if (s->out.len && fwrite(s->out.data, 1, s->out.len, stdout) != s->out.len) {
        fprintf(stderr, "tender: schrijven naar stdout mislukt\n");
        return false;
    }
    s->out.len = 0;
    return true;
}

/*
 * After the reports of several bids (a folder of 40 prints thousands of lines): one table, a
 * row per bid with its lots and their status (issue 10 §5). Refused bids are counted, not named:
 * their messages are on stderr. Written out as it grows (64 KiB at a time): 100,000 bids make
 * 25 MiB of table text, which the memory of `check` need not hold at once (issue 9).
 */
static bool summary_table(stream *s)
{
    const check_row *rows = s->rows;
    size_t n = s->n_rows;
    tnd_buf *out = &s->out;
    size_t wf = strlen("bestand"), wn = strlen("inschrijver");
    for (size_t i = 0; i < n; i++) {
        size_t f = text_width(file_part(rows[i].file));
        size_t w = text_width(rows[i].name);
        wf = f > wf ? f : wf;
        wn = w > wn ? w : wn;
    }
    wn = wn > 48 ? 48 : wn;
    tnd_buf_printf(out, "\nOverzicht: %zu inschrijving(en) beoordeeld", n);
    if (s->n_failed)
        tnd_buf_printf(out, ", %zu geweigerd (zie de meldingen op stderr)", s->n_failed);
    tnd_buf_puts(out, "\n");
    pad(out, "bestand", wf + 2);
    pad(out, "KvK", 10);
    pad(out, "inschrijver", wn + 2);
    tnd_buf_puts(out, "perceel: status\n");
    for (size_t i = 0; i < n; i++) {
        pad(out, file_part(rows[i].file), wf + 2);
        pad(out, rows[i].kvk, 10);
        pad(out, rows[i].name, wn + 2);
        tnd_buf_puts(out, rows[i].lots);
        tnd_buf_puts(out, "\n");
        if (out->len >= 64 * 1024 && !stream_flush(s))
            return false;
    }
    return stream_flush(s);
}

static bool stream_bid(void *ctx, tnd_bid_item *it)
{
    stream *s = ctx;
    if (!it->bid) {
        tnd_print_error(&it->err);
        s->n_failed++;
        return true;
    }
    if (!it->result->eligible_all)
        s->all_eligible = false;
    if (s->n_rows == s->cap_rows) {
        size_t cap = s->cap_rows ? 2 * s->cap_rows : 64;
        check_row *grown = realloc(s->rows, cap * sizeof *grown);
        if (!grown) {
            s->out.oom = true;
            s->failed = true;
            stream_flush(s);
            return false;
        }
        s->rows = grown;
        s->cap_rows = cap;
    }
    check_row *row = &s->rows[s->n_rows++];
    *row = (check_row){ strdup(it->bid->file), strdup(it->bid->bidder.kvk),
                        strdup(it->bid->bidder.name), lots_text(it->result), it->bid->bidder.line };
    if (!row->file || !row->kvk || !row->name || !row->lots) {
        s->out.oom = true;
        s->failed = true;
        stream_flush(s);
        return false;
    }
    bool written;
    if (s->json) {
        written = tnd_report_json_list_add(&s->list, s->def, it->bid, it->result);
    } else {
        if (s->n_reported)
            tnd_buf_append(&s->out, "\n", 1);
        written = tnd_report_text(s->def, it->bid, it->result, &s->out);
    }
    s->n_reported++;
    if (!written)
        s->out.oom = true;
    if (!stream_flush(s)) {
        s->failed = true;
        return false;
    }
    return true;
}

/* Checks every input and writes each report as soon as its bid is checked (input order);
 * returns the exit code. */
static int check_streaming(const tnd_definition *def, const tnd_path_list *inputs, bool json,
                           int jobs)
{
    stream s = { .def = def, .json = json, .all_eligible = true };
    tnd_buf_init(&s.out);
    if (json)
        tnd_report_json_list_begin(&s.list, &s.out);
    tnd_bid_run_options o = { jobs > 0 ? jobs : tnd_default_jobs(), false, false, true,
                              false };
    bool ok = tnd_bid_run(def, inputs, &o, stream_bid, &s);
    if (!ok && !s.failed)
        fprintf(stderr, "tender: onvoldoende geheugen\n");
    if (ok && json) {
        tnd_report_json_list_end(&s.list);
        ok = stream_flush(&s);
    }
    if (ok && !json && s.n_rows + s.n_failed > 1)
        ok = summary_table(&s);
    /* Two bids of one bidder (issue 8 §5): a warning here, not a refusal. Each verdict of check
     * stands on its own bid, and a provider may check drafts of its own bid side by side; the
     * award commands (evaluate, verify), where a second copy would take a second place, refuse. */
    tnd_bidder_ref *refs = ok ? malloc((s.n_rows ? s.n_rows : 1) * sizeof *refs) : NULL;
    if (refs) {
        for (size_t i = 0; i < s.n_rows; i++)
            refs[i] = (tnd_bidder_ref){ s.rows[i].kvk, s.rows[i].name, s.rows[i].file,
                                        s.rows[i].line };
        tnd_run_report_same_kvk(refs, s.n_rows, false);
        free(refs);
    }
    rows_free(s.rows, s.n_rows);
    tnd_buf_free(&s.out);
    if (!ok || s.n_failed)
        return TND_EXIT_BAD_INPUT;
    return s.all_eligible ? TND_EXIT_OK : TND_EXIT_NEGATIVE;
}

int cmd_check(int argc, char **argv)
{
    const char *tender = NULL;
    bool json = false, bad = false, espd_review = false;
    const char *espd[MAX_ESPD_FILES];
    size_t n_espd = 0;
    const char *xbrl[MAX_XBRL_FILES];
    size_t n_xbrl = 0;
    int n_args = 0, jobs = 0;
    tnd_path_list inputs = { 0 };
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            tnd_path_list_free(&inputs);
            return TND_EXIT_OK;
        }
        if (tnd_opt_flag(argv, &i, "--json"))
            json = true;
        else if (tnd_opt_value(argc, argv, &i, "--tender", &tender, &bad) ||
                 tnd_opt_jobs("check", argc, argv, &i, &jobs, &bad))
            continue;
        else if (tnd_opt_value(argc, argv, &i, "--espd", &espd[n_espd], &bad)) {
            if (!bad && ++n_espd == MAX_ESPD_FILES) {
                tnd_path_list_free(&inputs);
                return tnd_usage_error("check", "ten hoogste %d keer --espd", MAX_ESPD_FILES - 1);
            }
        } else if (tnd_opt_value(argc, argv, &i, "--xbrl", &xbrl[n_xbrl], &bad)) {
            if (!bad && ++n_xbrl == MAX_XBRL_FILES) {
                tnd_path_list_free(&inputs);
                return tnd_usage_error("check", "ten hoogste %d keer --xbrl", MAX_XBRL_FILES - 1);
            }
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            tnd_path_list_free(&inputs);
            return tnd_usage_error("check", "onbekende optie '%s'", argv[i]);
        } else if (n_args++, !tnd_path_list_add_input(&inputs, argv[i])) {
            tnd_path_list_free(&inputs);
            return tnd_usage_error("check", "kan map '%s' niet lezen", argv[i]);
        }
    }
    if (bad || inputs.n == 0) {
        tnd_path_list_free(&inputs);
        if (bad)
            return TND_EXIT_BAD_INPUT;
        return n_args ? tnd_usage_error("check", "geen inschrijvingen (*.xml) in de opgegeven map")
                      : tnd_usage_error("check", "geef ten minste één inschrijving (BID.xml) op");
    }
    if ((n_espd || n_xbrl) && inputs.n != 1) {
        size_t n_bids = inputs.n;
        tnd_path_list_free(&inputs);
        return tnd_usage_error("check", "%s hoort bij één inschrijving; geef precies één "
                               "BID.xml op (nu %zu)", n_espd ? "--espd" : "--xbrl", n_bids);
    }

    tnd_definition *def = tnd_cli_definition(tender);
    if (!def) {
        tnd_path_list_free(&inputs);
        return TND_EXIT_BAD_INPUT;
    }
    if (!n_espd && !n_xbrl) {
        int rc = check_streaming(def, &inputs, json, jobs);
        tnd_definition_free(def);
        tnd_path_list_free(&inputs);
        return rc;
    }
    tnd_checked_bids checked;
    int rc = TND_EXIT_OK;
    imports im = { espd, n_espd, xbrl, n_xbrl, false, false };
    if (!check_with_imports(def, inputs.paths[0], &im, &checked)) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        rc = TND_EXIT_BAD_INPUT;
    }
    /* Two bids of one bidder (issue 8 §5): a warning here, not a refusal. Each verdict of check
     * stands on its own bid, and a provider may check drafts of its own bid side by side; the
     * award commands (evaluate, verify), where a second copy would take a second place, refuse. */
    if (rc == TND_EXIT_OK)
        tnd_run_report_same_bidder((const tnd_bid *const *)checked.bids, checked.n, false);
    for (size_t i = 0; rc == TND_EXIT_OK && i < checked.n; i++)
        if (!checked.results[i]->eligible_all)
            rc = TND_EXIT_NEGATIVE;
    espd_review = im.espd_review;
    if (rc == TND_EXIT_OK && espd_review) {
        rc = TND_EXIT_NEGATIVE; /* a conflict with the ESPD is never resolved silently */
        fprintf(stderr, "tender: exitcode 1: het UEA (--espd) vraagt beoordeling door de "
                "Opdrachtgever (zie hierboven)\n");
    }
    if (rc == TND_EXIT_OK && im.xbrl_review) {
        rc = TND_EXIT_NEGATIVE; /* a figure that differs from the annual account: a person looks */
        fprintf(stderr, "tender: exitcode 1: de jaarrekening (--xbrl) wijkt af van de "
                "inschrijving; de Opdrachtgever beoordeelt (zie hierboven)\n");
    }

    tnd_buf out;
    tnd_buf_init(&out);
    bool written = true;
    if (json) {
        written = tnd_report_json_many(def, (const tnd_bid *const *)checked.bids,
                                       (const tnd_check_result *const *)checked.results,
                                       checked.n, &out);
    } else {
        for (size_t i = 0; written && i < checked.n; i++) {
            if (i)
                tnd_buf_append(&out, "\n", 1);
            written = tnd_report_text(def, checked.bids[i], checked.results[i], &out);
        }
    }
    if (!written || out.oom) {
        fprintf(stderr, "tender: onvoldoende geheugen voor het rapport\n");
        rc = TND_EXIT_BAD_INPUT;
    } else if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len) {
        fprintf(stderr, "tender: schrijven naar stdout mislukt\n");
        rc = TND_EXIT_BAD_INPUT;
    }
    if (checked.n_failed)
        rc = TND_EXIT_BAD_INPUT;
    tnd_buf_free(&out);
    tnd_checked_bids_free(&checked);
    tnd_definition_free(def);
    tnd_path_list_free(&inputs);
    return rc;
}
