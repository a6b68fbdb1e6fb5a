/* evaluate_run.c - the pipeline shared by `tender evaluate` and `tender verify` (see .h). */
#include "tender/evaluate_run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tender/definition.h"
#include "tender/embedded.h"
#include "tender/notation.h"
#include "tender/scores.h"
#include "tender/scores_xlsx.h"
#include "tender/sha256.h"
#include "tender/textsafe.h"

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

static bool add_input(tnd_run *run, const char *role, const char *path)
{
    tnd_audit_input *in = &run->inputs[run->n_inputs];
    memset(in, 0, sizeof *in);
    snprintf(in->role, sizeof in->role, "%s", role);
    snprintf(in->path, sizeof in->path, "%s", path);
    tnd_error err;
    if (!tnd_sha256_file(path, in->sha256, &err)) {
        tnd_print_error(&err);
        return false;
    }
    run->n_inputs++;
    return true;
}

/* "tender evaluate --bids X --scores Y [--prices P] [--tender T] --date D": what produced the
 * workbook, without the output paths (a re-run to another file is the same evaluation). */
static void record_arguments(const tnd_run_options *o, tnd_run *run)
{
    snprintf(run->arguments, sizeof run->arguments, "tender evaluate --bids %s --scores %s%s%s%s%s "
             "--date %s", o->bids_dir, o->scores, o->prices ? " --prices " : "",
             o->prices ? o->prices : "", o->tender ? " --tender " : "", o->tender ? o->tender : "",
             run->date);
}

/* The run id: SHA-256 of the tool version, the evaluation date and every input's role and
 * SHA-256 (not the paths: a re-run from another folder is the same run). Deterministic, so the
 * same inputs give the same bytes; written into the workbook and the JSON so that a pair of
 * different runs (a kill between the two renames, a copy of one file) is detectable. */
static void run_id(tnd_run *run)
{
    size_t cap = 64 + sizeof TND_VERSION + run->n_inputs * (sizeof run->inputs[0].role + 66);
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
    if (!run->inputs || !tnd_check_bids(run->def, &run->bid_paths, &run->checked)) {
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
    if (tnd_scores_load_input(o->scores, run->def, &run->scores, &err) != TND_OK ||
        (o->prices && tnd_prices_load_csv(o->prices, run->def, &run->prices, &run->n_prices,
                                          &err) != TND_OK)) {
        tnd_print_error(&err);
        tnd_run_free(run);
        return false;
    }
    /* Audit trail: the definition (embedded bytes when no file), scores, prices, bids. */
    bool ok = true;
    if (o->tender) {
        ok = add_input(run, "aanbestedingsdefinitie", o->tender);
    } else {
        tnd_audit_input *in = &run->inputs[run->n_inputs++];
        snprintf(in->role, sizeof in->role, "aanbestedingsdefinitie");
        snprintf(in->path, sizeof in->path, "%s", run->def->file);
        tnd_sha256_buf(tnd_embedded_default_definition, tnd_embedded_default_definition_len,
                       in->sha256);
    }
    ok = ok && add_input(run, "scores", o->scores);
    if (ok && o->prices)
        ok = add_input(run, "prijzen", o->prices);
    for (size_t i = 0; ok && i < run->checked.n; i++)
        ok = add_input(run, "inschrijving", run->checked.bids[i]->file);
    if (!ok) {
        tnd_run_free(run);
        return false;
    }
    if (!tnd_evaluate(run->def, (const tnd_bid *const *)run->checked.bids,
                      (const tnd_check_result *const *)run->checked.results, run->checked.n,
                      &run->scores, run->prices, run->n_prices, &run->ev)) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        tnd_run_free(run);
        return false;
    }
    run->has_ev = true;
    record_arguments(o, run);
    run_id(run);
    run->audit.tool_version = TND_VERSION;
    run->audit.evaluation_date = run->date;
    run->audit.arguments = run->arguments;
    run->audit.inputs = run->inputs;
    run->audit.n_inputs = run->n_inputs;
    run->audit.run_id = run->run_id[0] ? run->run_id : NULL;
    return true;
}

size_t tnd_run_inputs(const tnd_run *run, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < run->n_inputs && n < max; i++)
        if (strncmp(run->inputs[i].path, "(ingebouwd)", 11) != 0)
            out[n++] = run->inputs[i].path;
    return n;
}

void tnd_run_print_summary(const tnd_run *run, FILE *out)
{
    fprintf(out, "Gunning %s [%s], beoordelingsdatum %s, %zu inschrijvingen\n", run->def->title,
            run->def->id, run->date, run->checked.n);
    for (size_t i = 0; i < run->ev.n_lots; i++) {
        const tnd_lot_award *lot = &run->ev.lots[i];
        const tnd_lot *l = tnd_definition_lot(run->def, lot->lot);
        size_t counts[TND_AWARD_EXCLUDED + 1] = { 0 };
        for (size_t j = 0; j < lot->n_entries; j++)
            counts[lot->entries[j].status]++;
        fprintf(out, "perceel %d ", lot->lot);
        tnd_fputs_visible(l ? l->name : "", out);
        fprintf(out, ": %zu gegund, %zu toegelaten, %zu overig%s", counts[TND_AWARD_GRANTED],
                counts[TND_AWARD_ADMITTED],
                lot->n_entries - counts[TND_AWARD_GRANTED] - counts[TND_AWARD_ADMITTED],
                lot->tie ? "; gelijke stand: " : "");
        /* the tie names bidders: text from bids, shown and never obeyed (tender/textsafe.h) */
        if (lot->tie)
            tnd_fputs_visible(lot->tie_text, out);
        fputc('\n', out);
    }
}

void tnd_run_free(tnd_run *run)
{
    if (run->has_ev)
        tnd_evaluation_free(&run->ev);
    tnd_scores_free(&run->scores);
    free(run->prices);
    tnd_checked_bids_free(&run->checked);
    tnd_path_list_free(&run->bid_paths);
    tnd_definition_free(run->def);
    free(run->inputs);
    memset(run, 0, sizeof *run);
}
