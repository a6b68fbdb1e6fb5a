/*
 * evaluate_run.h - the shared pipeline of `tender evaluate` and `tender verify`: load the
 * definition, read and check every bid, read the scores (and prices), run the award, and
 * collect the audit trail (every input with its SHA-256, the evaluation date, the arguments).
 */
#ifndef TND_EVALUATE_RUN_H
#define TND_EVALUATE_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "forms/award_xlsx.h"
#include "scoring/award.h"
#include "tender/cli.h"

typedef struct {
    const char *bids_dir, *scores, *prices, *tender, *output, *json, *date;
    int jobs;                     /* threads reading and checking bids (-j); 0 = every core */
} tnd_run_options;

typedef struct {
    tnd_definition *def;
    tnd_path_list bid_paths;
    tnd_checked_bids checked;
    tnd_scores scores;
    tnd_price *prices;
    size_t n_prices;
    tnd_evaluation ev;
    bool has_ev;
    tnd_audit audit;
    tnd_audit_input *inputs;      /* definition, scores, prices, then the bids */
    size_t n_inputs;
    char date[11];                /* YYYY-MM-DD */
    char arguments[2048];
} tnd_run;

/*
 * Runs steps 1-3. Any refused input (a bid, the scores, the definition, the date) is reported on
 * stderr and makes it return false: an award is never computed on a partial set of bids.
 * On false the run is already freed.
 */
bool tnd_run_evaluation(const tnd_run_options *o, tnd_run *run);

/* The input paths, for refusing to overwrite them; returns how many were stored (<= max). */
size_t tnd_run_inputs(const tnd_run *run, const char **out, size_t max);

/* A short Dutch summary per lot (granted / admitted / other) for the terminal. */
void tnd_run_print_summary(const tnd_run *run, FILE *out);

void tnd_run_free(tnd_run *run);

#endif
