/* evaluate_run.c - the pipeline shared by `tender evaluate` and `tender verify` (see .h). */
#include "tender/cli/evaluate_run.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scoring/rules_lots.h"
#include "tender/bid.h"
#include "tender/cli/bid_run.h"
#include "tender/definition.h"
#include "tender/embedded.h"
#include "tender/notation.h"
#include "tender/scores.h"
#include "tender/scores_xlsx.h"
#include "tender/base/sha256.h"
#include "tender/base/textsafe.h"

/* The evaluation date: --date, else SOURCE_DATE_EPOCH (reproducible builds convention), else
 * today. Returns false (message printed) for a date that cannot be read. */
static bool evaluation_date(const char *given, char out[11])
{
    tnd_date d;
    if (given) {
        char why[256] = "";
        tnd_notation *nt = tnd_notation_new();
        bool ok = nt && tnd_parse_date(nt, given, &d, why, sizeof why);
        tnd_notation_free(nt);
        if (!ok) {
            tnd_usage_error("evaluate", "--date '%s': %s", given, why);
            return false;
        }
        tnd_date_iso(d, out);
        return true;
    }
    time_t t = time(NULL);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        /* every way strtoll can fail is checked: no digits, trailing text, out of range
         * (ERANGE), negative, and a value time_t cannot hold */
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (end == sde || *end || errno == ERANGE || v < 0 || (long long)(time_t)v != v) {
            tnd_usage_error("evaluate", "SOURCE_DATE_EPOCH '%s' is geen geheel, niet-negatief "
                            "aantal seconden sinds 1970-01-01", sde);
            return false;
        }
        t = (time_t)v;
    }
    struct tm tm;
    /* gmtime_r fails (NULL, tm unfilled) for a year int cannot hold; a year past 9999 does not
     * fit YYYY-MM-DD: both refused, never a made-up date */
    if (!gmtime_r(&t, &tm) || tm.tm_year > 9999 - 1900) {
        tnd_usage_error("evaluate", "SOURCE_DATE_EPOCH '%s' geeft geen datum tot en met het jaar "
                        "9999", sde ? sde : "");
        return false;
    }
    d = (tnd_date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
    tnd_date_iso(d, out);
    return true;
}

static const char *file_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

/* The last component of a folder or file as given ("bids/" -> "bids"), into out. */
static void last_component(const char *path, char *out, size_t size)
{
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        len--;
    size_t start = len;
    while (start > 0 && path[start - 1] != '/')
        start--;
    snprintf(out, size, "%.*s", (int)(len - start), path + start);
}

/*
 * An input as the Audit sheet names it (issue 10 §3): relative to the folder it was found in
 * (`folder`, the --bids folder), else its file name; never the absolute or internal path of the
 * machine that ran the evaluation. The hash identifies the content.
 */
static const char *input_name(const char *path, const char *folder)
{
    size_t len = folder ? strlen(folder) : 0;
    while (len > 1 && folder[len - 1] == '/')
        len--;
    if (len && strncmp(path, folder, len) == 0 && path[len] == '/') {
        const char *rest = path + len;
        while (*rest == '/')
            rest++;
        if (*rest && rest[0] != '/')
            return rest;
    }
    return file_name(path);
}

/* Records an input of the audit trail, named relative to `folder` (input_name); sha256 is its
 * hash when already computed from the bytes read (the bids), else NULL and the file is hashed
 * here; id is which file those bytes came from (NULL: not known). role and path must live as
 * long as the run (tnd_audit_input). */
static bool add_input(tnd_run *run, const char *role, const char *path, const char *folder,
                      const char *sha256, const tnd_file_id *id)
{
    tnd_audit_input *in = &run->inputs[run->n_inputs];
    memset(in, 0, sizeof *in);
    run->input_ids[run->n_inputs] = id ? *id : (tnd_file_id){ false, 0, 0 };
    in->role = role;
    in->path = path;
    in->name = input_name(path, folder);
    tnd_error err;
    if (sha256) {
        snprintf(in->sha256, sizeof in->sha256, "%s", sha256);
    } else if (!tnd_sha256_file(path, in->sha256, &err)) {
        tnd_print_error(&err);
        return false;
    }
    run->n_inputs++;
    return true;
}

/* A bidder's KvK with its input position, sorted by KvK then position: one bidder's bids are
 * neighbours, the first in input order first (O(n log n) for a folder of thousands). The KvK is
 * copied into the element (an 8-digit number; a longer text keeps its tail in `kvk`): sorting
 * 100,000 bids compared texts inside 100,000 scattered bids (issue 9). */
#define KVK_KEY 16
typedef struct {
    char key[KVK_KEY];            /* the KvK, cut to KVK_KEY - 1 bytes */
    bool cut;
    const char *kvk;
    size_t at;
} kvk_at;

/* strcmp of the whole KvK texts: the keys decide, unless one was cut and they are equal. */
static int cmp_kvk(const kvk_at *a, const kvk_at *b)
{
    int c = strcmp(a->key, b->key);
    return c == 0 && (a->cut || b->cut) ? strcmp(a->kvk, b->kvk) : c;
}

static int cmp_kvk_at(const void *pa, const void *pb)
{
    const kvk_at *a = pa, *b = pb;
    int c = cmp_kvk(a, b);
    return c ? c : (a->at > b->at) - (a->at < b->at);
}

size_t tnd_run_report_same_kvk(const tnd_bidder_ref *refs, size_t n, bool refuse)
{
    kvk_at *sorted = malloc((n ? n : 1) * sizeof *sorted);
    size_t *first = malloc((n ? n : 1) * sizeof *first); /* first[i]: earlier bid, or n */
    if (!sorted || !first) {
        free(sorted);
        free(first);
        return (size_t)-1;
    }
    for (size_t i = 0; i < n; i++) {
        size_t len = strnlen(refs[i].kvk, KVK_KEY);
        sorted[i] = (kvk_at){ { 0 }, len == KVK_KEY, refs[i].kvk, i };
        memcpy(sorted[i].key, refs[i].kvk, len < KVK_KEY ? len : KVK_KEY - 1);
        first[i] = n;
    }
    qsort(sorted, n, sizeof *sorted, cmp_kvk_at);
    for (size_t k = 1, g = 0; k < n; k++) { /* g: the start of k's group of one KvK */
        if (cmp_kvk(&sorted[k], &sorted[g]) != 0)
            g = k;
        else if (sorted[k].kvk[0]) /* a bid without KvK is step 1's to report */
            first[sorted[k].at] = sorted[g].at;
    }
    free(sorted);
    size_t found = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = first[i];
        if (j == n)
            continue;
        found++;
        const tnd_bidder_ref *a = &refs[j], *b = &refs[i];
        tnd_error err;
        tnd_error_set(&err, TND_ERR_REFERENCE, b->file, b->line,
                      refuse ? "laat één bestand per inschrijver in de map staan: een kopie "
                               "('x (1).xml', 'x - kopie.xml') of een ingevuld formulier naast de "
                               "XML telt anders twee keer"
                             : "elke inschrijving is apart getoetst; tender evaluate en tender "
                               "verify weigeren een map met twee inschrijvingen van dezelfde "
                               "inschrijver",
                      "KvK %s (%s) staat ook in %s: twee inschrijvingen van dezelfde inschrijver",
                      b->kvk, b->name, a->file);
        if (refuse) {
            tnd_print_error(&err);
            continue;
        }
        /* the same record, worded as a warning (tnd_error_format's layout) */
        if (err.line > 0)
            fprintf(stderr, "tender: %s:%ld: waarschuwing: %s\n  hint: %s\n", err.file,
                    err.line, err.message, err.hint);
        else
            fprintf(stderr, "tender: %s: waarschuwing: %s\n  hint: %s\n", err.file, err.message,
                    err.hint);
    }
    free(first);
    return found;
}

size_t tnd_run_report_same_bidder(const tnd_bid *const *bids, size_t n, bool refuse)
{
    tnd_bidder_ref *refs = malloc((n ? n : 1) * sizeof *refs);
    if (!refs)
        return (size_t)-1;
    for (size_t i = 0; i < n; i++)
        refs[i] = (tnd_bidder_ref){ bids[i]->bidder.kvk, bids[i]->bidder.name, bids[i]->file,
                                    bids[i]->bidder.line };
    size_t found = tnd_run_report_same_kvk(refs, n, refuse);
    free(refs);
    return found;
}

bool tnd_run_add_input(tnd_run *run, const char *role, const char *path,
                       const char *folder)
{
    return add_input(run, role, path, folder, NULL, NULL);
}

/* "tender evaluate --bids X --scores Y [--prices P] [--tender T] --date D": what produced the
 * workbook, without the output paths (a re-run to another file is the same evaluation). Each
 * path by its last component only: an absolute path says nothing to an auditor on another
 * machine (issue 10 §3); the inputs table below names every file with its hash. */
static void record_arguments(const tnd_run_options *o, tnd_run *run)
{
    char bids[256], scores[256], prices[256] = "", tender[256] = "", resub[256] = "",
         decisions[256] = "";
    last_component(o->bids_dir, bids, sizeof bids);
    last_component(o->scores, scores, sizeof scores);
    if (o->prices)
        last_component(o->prices, prices, sizeof prices);
    if (o->tender)
        last_component(o->tender, tender, sizeof tender);
    if (o->resubmissions)
        last_component(o->resubmissions, resub, sizeof resub);
    if (o->decisions)
        last_component(o->decisions, decisions, sizeof decisions);
    snprintf(run->arguments, sizeof run->arguments, "tender evaluate --bids %s --scores %s%s%s%s%s"
             "%s%s%s%s --date %s", bids, scores, o->prices ? " --prices " : "", prices,
             o->tender ? " --tender " : "", tender, o->resubmissions ? " --resubmissions " : "",
             resub, o->decisions ? " --decisions " : "", decisions, run->date);
}

/* The run id: SHA-256 of the tool version, the evaluation date and every input's role and
 * SHA-256 (not the paths: a re-run from another folder is the same run). Deterministic, so the
 * same inputs give the same bytes; written into the workbook and the JSON so that a pair of
 * different runs (a kill between the two renames, a copy of one file) is detectable. */
static void run_id(tnd_run *run)
{
    size_t cap = 64 + sizeof TND_VERSION + sizeof run->date;
    for (size_t i = 0; i < run->n_inputs; i++)
        cap += strlen(run->inputs[i].role) + sizeof run->inputs[i].sha256 + 1;
    char *text = malloc(cap);
    if (!text)
        return; /* no run id: the workbook and JSON leave it out */
    size_t n = (size_t)snprintf(text, cap, "tender-run/1\n%s\n%s\n", TND_VERSION, run->date);
    for (size_t i = 0; i < run->n_inputs && n < cap; i++)
        n += (size_t)snprintf(text + n, cap - n, "%s\t%s\n", run->inputs[i].role,
                              run->inputs[i].sha256);
    tnd_sha256_buf(text, n < cap ? n : cap - 1, run->run_id);
    free(text);
}

bool tnd_run_option(const char *cmd, int argc, char **argv, int *i, tnd_run_options *o,
                    bool *bad)
{
    return tnd_opt_value(argc, argv, i, "--bids", &o->bids_dir, bad) ||
           tnd_opt_value(argc, argv, i, "--scores", &o->scores, bad) ||
           tnd_opt_value(argc, argv, i, "--tender", &o->tender, bad) ||
           tnd_opt_value(argc, argv, i, "--prices", &o->prices, bad) ||
           tnd_opt_value(argc, argv, i, "--resubmissions", &o->resubmissions, bad) ||
           tnd_opt_value(argc, argv, i, "--decisions", &o->decisions, bad) ||
           tnd_opt_jobs(cmd, argc, argv, i, &o->jobs, bad);
}

/*
 * What no output reads once the award and the procedure are settled (issue 9): the lot placements
 * of every bid (copied into the bidder outcomes) and the details of the bids the award still read
 * (the §4.3.1 fallback and the §6.1.2 locations of lot 4). Freed before the workbook is built,
 * whose cells are the largest part of the memory of a run.
 */
static void release_settled(tnd_checked_bids *checked)
{
    for (size_t i = 0; i < checked->n; i++) {
        tnd_check_result_drop_placements(checked->results[i]);
        tnd_bid_drop_details(checked->bids[i]);
    }
}

bool tnd_run_evaluation(const tnd_run_options *o, tnd_run *run)
{
    memset(run, 0, sizeof *run);
    tnd_error err;
    if (!evaluation_date(o->date, run->date))
        return false;
    if (tnd_definition_load(o->tender, &run->def, &err) != TND_OK) {
        tnd_print_error(&err);
        tnd_run_free(run);
        return false;
    }
    if (run->def->n_placeholders) {
        /* (issue 11) criteria or weights still open: nothing can be awarded on this definition
         * (check and rules work on it; the knock-outs do not depend on the award) */
        const tnd_placeholder *ph = &run->def->placeholders[0];
        tnd_error_set(&err, TND_ERR_DEFINITION, run->def->file, ph->line,
                      "vul in een kopie van de definitie de criteria en wegingen in op de plaats "
                      "van <placeholder> (docs/new-tender.md, Open plekken) en geef die kopie "
                      "met --tender",
                      "perceel %d: open plek %s (%s, %s) is nog niet ingevuld; er kan niet "
                      "worden gegund%s", ph->lot, ph->ref.id, ph->ref.label, ph->ref.source,
                      run->def->n_placeholders > 1 ? " (en nog andere open plekken)" : "");
        snprintf(err.where, sizeof err.where, "<placeholder>");
        tnd_print_error(&err);
        tnd_run_free(run);
        return false;
    }
    if (!tnd_path_list_add_input(&run->bid_paths, o->bids_dir)) {
        tnd_usage_error("evaluate", "kan map '%s' niet lezen", o->bids_dir);
        tnd_run_free(run);
        return false;
    }
    if (run->bid_paths.n == 0) {
        tnd_usage_error("evaluate", "geen inschrijvingen (*.xml, *.xlsx) in '%s'", o->bids_dir);
        tnd_run_free(run);
        return false;
    }
    run->inputs = calloc(run->bid_paths.n + 3, sizeof *run->inputs);
    run->input_ids = calloc(run->bid_paths.n + 3, sizeof *run->input_ids);
    /* In parallel, hashed while read, and only the knock-out findings kept: the award needs no
     * PASS text, and 100k bids must fit in memory (issue 9). The details of a bid go too when
     * the award reads no further; not with decisions or re-submissions, which place a round-1
     * bid again (tnd_check_replace). */
    tnd_bid_run_options ro = { o->jobs > 0 ? o->jobs : tnd_default_jobs(), true, true, true,
                               !o->keep_bid_details && !o->decisions && !o->resubmissions };
    if (!run->inputs || !run->input_ids || !tnd_check_bids_with(run->def, &run->bid_paths, &ro, &run->checked)) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        tnd_run_free(run);
        return false;
    }
    if (run->checked.n_failed) {
        fprintf(stderr, "tender: %zu inschrijving(en) geweigerd; er wordt niet gegund op een "
                        "onvolledige set inschrijvingen\n", run->checked.n_failed);
        tnd_run_free(run);
        return false;
    }
    /* issue 8 §5: one bidder in two inputs is never awarded as two bidders */
    size_t twice = tnd_run_report_same_bidder((const tnd_bid *const *)run->checked.bids,
                                              run->checked.n, true);
    if (twice == (size_t)-1) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        tnd_run_free(run);
        return false;
    }
    if (twice) {
        fprintf(stderr, "tender: %zu inschrijving(en) van een inschrijver die al in een ander "
                        "bestand staat; er wordt niet gegund\n", twice);
        tnd_run_free(run);
        return false;
    }
    if (tnd_scores_load_input(o->scores, run->def, &run->scores, &err) != TND_OK ||
        (o->prices && tnd_prices_load_csv(o->prices, run->def, &run->prices, &run->n_prices,
                                          &err) != TND_OK)) {
        tnd_print_error(&err);
        tnd_run_free(run);
        return false;
    }
    /* issue 8 §5: a score or price row of no bidder, a missing consensus, no score at all */
    if (tnd_scores_check_bids(&run->scores, run->def, (const tnd_bid *const *)run->checked.bids,
                              run->checked.n, &err) != TND_OK ||
        (o->prices && tnd_prices_check_bids(run->prices, run->n_prices, o->prices,
                                            (const tnd_bid *const *)run->checked.bids,
                                            run->checked.n, &err) != TND_OK)) {
        tnd_print_error(&err);
        tnd_run_free(run);
        return false;
    }
    /* Audit trail: the definition (embedded bytes when no file), scores, prices, bids. */
    bool ok = true;
    const tnd_embedded_tender *builtin = tnd_definition_builtin_for(o->tender);
    if (o->tender && !builtin) {
        ok = add_input(run, "aanbestedingsdefinitie", o->tender, NULL, NULL, NULL);
    } else {
        run->input_ids[run->n_inputs] = (tnd_file_id){ false, 0, 0 };
        tnd_audit_input *in = &run->inputs[run->n_inputs++];
        memset(in, 0, sizeof *in);
        in->role = "aanbestedingsdefinitie";
        in->path = in->name = run->def->file;
        if (builtin) /* --tender ID: the bytes built in under that id */
            tnd_sha256_buf(builtin->bytes, builtin->len, in->sha256);
        else
            tnd_sha256_buf(tnd_embedded_default_definition, tnd_embedded_default_definition_len,
                           in->sha256);
    }
    ok = ok && add_input(run, "scores", o->scores, NULL, NULL, NULL);
    if (ok && o->prices)
        ok = add_input(run, "prijzen", o->prices, NULL, NULL, NULL);
    for (size_t i = 0; ok && i < run->checked.n; i++)
        ok = add_input(run, "inschrijving", run->checked.bids[i]->file, o->bids_dir,
                       run->checked.sha256[i], &run->checked.ids[i]);
    /* copied into the inputs: not held twice (9 MB at 100,000 bids) */
    free(run->checked.sha256);
    free(run->checked.ids);
    run->checked.sha256 = NULL;
    run->checked.ids = NULL;
    /* (issue 8 §4) round 2 and the officer's decisions: which bid and check count now */
    if (!ok || !tnd_run_rounds(o, run)) {
        tnd_run_free(run);
        return false;
    }
    if (!tnd_run_award(run)) {
        tnd_run_free(run);
        return false;
    }
    /* issue 8 §5: a score on a perceel where its bidder has no entry would be dropped unseen */
    if (tnd_scores_check_lots(&run->scores, &run->ev, &err) != TND_OK) {
        tnd_print_error(&err);
        tnd_run_free(run);
        return false;
    }
    if (!tnd_run_settle(run)) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        tnd_run_free(run);
        return false;
    }
    if (!o->keep_bid_details) {
        release_settled(&run->checked);
        release_settled(&run->resub);
    }
    record_arguments(o, run);
    run_id(run);
    run->audit.tool_version = TND_VERSION;
    run->audit.evaluation_date = run->date;
    run->audit.arguments = run->arguments;
    run->audit.inputs = run->inputs;
    run->audit.n_inputs = run->n_inputs;
    run->audit.procedure = &run->procedure;
    run->audit.run_id = run->run_id[0] ? run->run_id : NULL;
    return true;
}

size_t tnd_run_inputs(const tnd_run *run, const char **out, tnd_file_id *ids, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < run->n_inputs && n < max; i++)
        if (strncmp(run->inputs[i].path, "(ingebouwd)", 11) != 0) {
            if (ids)
                ids[n] = run->input_ids[i];
            out[n++] = run->inputs[i].path;
        }
    return n;
}

/* (issue 11) Per assignment: the phase its result belongs to, the phases after it, and the
 * number of contractors against the minimum and maximum (GRJR §3.2 L1203-1207, §3.5
 * L1697-1769). Nothing for a definition without <assignments>. */
static void print_assignments(const tnd_run *run, FILE *out)
{
    const tnd_definition *def = run->def;
    tnd_assignment_count counts[16];
    size_t n_counts = tnd_assignment_counts(def, &run->ev, counts, 16);
    for (size_t i = 0; i < def->n_assignments; i++) {
        const tnd_assignment *a = &def->assignments[i];
        const tnd_phase *ph = tnd_assignment_result_phase(a);
        fprintf(out, "opdracht %s %s", a->id, a->name);
        if (a->procedure[0])
            fprintf(out, " (%s)", a->procedure);
        if (ph)
            fprintf(out, ": uitslag van fase %s, %s (%s)", ph->id, ph->label, ph->source);
        else
            fputs(": geen fase van toelating of selectie genoemd", out);
        for (int k = ph ? (int)(ph - a->phases) + 1 : 0; k < a->n_phases; k++)
            fprintf(out, "%s%s", k == (ph ? (int)(ph - a->phases) + 1 : 0) ? "; daarna: " : ", ",
                    a->phases[k].id);
        for (size_t k = 0; k < n_counts && k < 16; k++)
            if (counts[k].assignment == a)
                fprintf(out, "; %s: %s", tnd_verdict_dutch(counts[k].verdict), counts[k].reason);
        fputc('\n', out);
    }
}

void tnd_run_print_summary(const tnd_run *run, FILE *out)
{
    fprintf(out, "Gunning %s [%s], beoordelingsdatum %s, %zu inschrijvingen\n", run->def->title,
            run->def->id, run->date, run->checked.n);
    fprintf(out, "%s\n", run->procedure.summary);
    for (size_t i = 0; i < run->ev.n_lots; i++) {
        const tnd_lot_award *lot = &run->ev.lots[i];
        const tnd_lot *l = tnd_definition_lot(run->def, lot->lot);
        size_t counts[TND_AWARD_EXCLUDED + 1] = { 0 };
        for (size_t j = 0; j < lot->n_entries; j++)
            counts[lot->entries[j].status]++;
        /* "overig" spelled out per status (issue 10 §5), in the order of the status table */
        char other[512] = "";
        size_t len = 0;
        for (int s = 0; s <= TND_AWARD_EXCLUDED; s++) {
            if (s == TND_AWARD_GRANTED || s == TND_AWARD_ADMITTED || !counts[s])
                continue;
            char word[64];
            snprintf(word, sizeof word, "%s", tnd_award_status_dutch((tnd_award_status)s));
            for (char *p = word; *p; p++)
                *p = (char)tolower((unsigned char)*p);
            int n = snprintf(other + len, sizeof other - len, "%s%zu %s", len ? ", " : " (",
                             counts[s], word);
            if (n > 0 && (size_t)n < sizeof other - len)
                len += (size_t)n;
        }
        if (len && len + 1 < sizeof other)
            other[len++] = ')', other[len] = '\0';
        fprintf(out, "perceel %d ", lot->lot);
        tnd_fputs_visible(l ? l->name : "", out);
        fprintf(out, ": %zu gegund, %zu toegelaten, %zu overig%s%s", counts[TND_AWARD_GRANTED],
                counts[TND_AWARD_ADMITTED],
                lot->n_entries - counts[TND_AWARD_GRANTED] - counts[TND_AWARD_ADMITTED], other,
                lot->tie ? "; gelijke stand: " : "");
        /* the tie names bidders: text from bids, shown and never obeyed (tender/base/textsafe.h) */
        if (lot->tie)
            tnd_fputs_visible(lot->tie_text, out);
        fputc('\n', out);
    }
    print_assignments(run, out);
}

void tnd_run_free(tnd_run *run)
{
    if (run->has_ev)
        tnd_evaluation_free(&run->ev);
    tnd_run_rounds_free(run);
    tnd_scores_free(&run->scores);
    free(run->prices);
    tnd_checked_bids_free(&run->checked);
    tnd_path_list_free(&run->bid_paths);
    tnd_definition_free(run->def);
    free(run->inputs);
    free(run->input_ids);
    memset(run, 0, sizeof *run);
}
