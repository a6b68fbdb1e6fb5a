/* evaluate_run.c - the pipeline shared by `tender evaluate` and `tender verify` (see .h). */
#include "tender/evaluate_run.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tender/bid_run.h"
#include "tender/definition.h"
#include "tender/embedded.h"
#include "tender/notation.h"
#include "tender/scores.h"
#include "tender/scores_xlsx.h"
#include "tender/sha256.h"

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
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (*end || v < 0) {
            tnd_usage_error("evaluate", "SOURCE_DATE_EPOCH '%s' is geen geheel aantal seconden",
                            sde);
            return false;
        }
        t = (time_t)v;
    }
    struct tm tm;
    gmtime_r(&t, &tm);
    d = (tnd_date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
    tnd_date_iso(d, out);
    return true;
}

/* Records an input of the audit trail; sha256 is its hash when already computed from the bytes
 * read (the bids), else NULL and the file is hashed here. */
static bool add_input(tnd_run *run, const char *role, const char *path, const char *sha256)
{
    tnd_audit_input *in = &run->inputs[run->n_inputs];
    memset(in, 0, sizeof *in);
    snprintf(in->role, sizeof in->role, "%s", role);
    snprintf(in->path, sizeof in->path, "%s", path);
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

/* "tender evaluate --bids X --scores Y [--prices P] [--tender T] --date D": what produced the
 * workbook, without the output paths (a re-run to another file is the same evaluation). */
static void record_arguments(const tnd_run_options *o, tnd_run *run)
{
    snprintf(run->arguments, sizeof run->arguments, "tender evaluate --bids %s --scores %s%s%s%s%s "
             "--date %s", o->bids_dir, o->scores, o->prices ? " --prices " : "",
             o->prices ? o->prices : "", o->tender ? " --tender " : "", o->tender ? o->tender : "",
             run->date);
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
    /* In parallel, hashed while read, and only the knock-out findings kept: the award needs no
     * PASS text, and 100k bids must fit in memory (issue 9). */
    tnd_bid_run_options ro = { o->jobs > 0 ? o->jobs : tnd_default_jobs(), true, true, true };
    if (!run->inputs || !tnd_check_bids_with(run->def, &run->bid_paths, &ro, &run->checked)) {
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
        ok = add_input(run, "aanbestedingsdefinitie", o->tender, NULL);
    } else {
        tnd_audit_input *in = &run->inputs[run->n_inputs++];
        snprintf(in->role, sizeof in->role, "aanbestedingsdefinitie");
        snprintf(in->path, sizeof in->path, "%s", run->def->file);
        tnd_sha256_buf(tnd_embedded_default_definition, tnd_embedded_default_definition_len,
                       in->sha256);
    }
    ok = ok && add_input(run, "scores", o->scores, NULL);
    if (ok && o->prices)
        ok = add_input(run, "prijzen", o->prices, NULL);
    for (size_t i = 0; ok && i < run->checked.n; i++)
        ok = add_input(run, "inschrijving", run->checked.bids[i]->file, run->checked.sha256[i]);
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
    run->audit.tool_version = TND_VERSION;
    run->audit.evaluation_date = run->date;
    run->audit.arguments = run->arguments;
    run->audit.inputs = run->inputs;
    run->audit.n_inputs = run->n_inputs;
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
        fprintf(out, "perceel %d %s: %zu gegund, %zu toegelaten, %zu overig%s%s\n", lot->lot,
                l ? l->name : "", counts[TND_AWARD_GRANTED], counts[TND_AWARD_ADMITTED],
                lot->n_entries - counts[TND_AWARD_GRANTED] - counts[TND_AWARD_ADMITTED],
                lot->tie ? "; gelijke stand: " : "", lot->tie ? lot->tie_text : "");
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
