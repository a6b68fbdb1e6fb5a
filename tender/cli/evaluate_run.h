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
#include "scoring/rounds.h"
#include "tender/cli/cli.h"
#include "tender/decisions.h"

typedef struct {
    const char *bids_dir, *scores, *prices, *tender, *output, *json, *date;
    const char *resubmissions;    /* (issue 8 §4) round 2: folder of re-submitted bids */
    const char *decisions;        /* (issue 8 §4) the officer's decisions file (CSV) */
    int jobs;                     /* threads reading and checking bids (-j); 0 = every core */
    bool keep_bid_details;        /* keep every bid whole and its lot placements, for a caller
                                     that runs steps 1-2 on them again; else what the award does
                                     not read is dropped after the check, and the rest once the
                                     procedure is settled (issue 9, tnd_bid_drop_details) */
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
    tnd_file_id *input_ids;       /* per input, which file was read (known for the XML bids) */
    size_t n_inputs;
    /* (issue 8 §4, tender/cli/rounds_run.c) the procedure round evaluated: 1, or 2 with the
     * re-submissions; the current bid and check of every bidder (round 2: the re-submission
     * where there is one); the decisions and how each was used; finality per outcome */
    int round;
    tnd_path_list resub_paths;
    tnd_checked_bids resub;
    tnd_definition resub_def;     /* shallow copy of *def (never freed) */
    const tnd_bid **current_bids;
    tnd_check_result **current_checks;
    bool *resubmitted;
    char (*round1_texts)[TND_REASON_LEN]; /* round-1 outcome per bidder, before any decision;
                                             NULL without decisions and re-submissions (the
                                             checks are then unchanged) */
    tnd_decisions decisions;
    bool has_decisions;
    tnd_decision_use *decision_uses;
    tnd_procedure procedure;
    char date[11];                /* YYYY-MM-DD */
    char run_id[65];              /* tnd_run_id: the same in the workbook and the JSON */
    char arguments[2048];
} tnd_run;

/*
 * Runs steps 1-3. Any refused input (a bid, the scores, the definition, the date) is reported on
 * stderr and makes it return false: an award is never computed on a partial set of bids.
 * On false the run is already freed.
 */
bool tnd_run_evaluation(const tnd_run_options *o, tnd_run *run);

/*
 * The inputs of an evaluation, the same options in every command that runs one (evaluate,
 * verify, letters): --bids, --scores, --tender, --prices, --resubmissions, --decisions and -j.
 * True when argv[*i] was one of them (*i moved past its value; *bad set when the value is
 * missing or wrong, the message printed with `cmd`).
 */
bool tnd_run_option(const char *cmd, int argc, char **argv, int *i, tnd_run_options *o,
                    bool *bad);

/*
 * Two inputs of the same bidder (issue 8 §5). A copy of a bid file ("x (1).xml", "x - kopie.xml")
 * or a bid next to its filled-in form would count one bidder twice: two places in a ranked lot,
 * other bidders pushed out. Prints one line per bid whose bidder's KvK number is also in an
 * earlier bid (input order), naming the KvK, the bidder and both files, on stderr. `refuse`
 * words it as an error (evaluate, verify: nothing is awarded) or as a warning (check: each bid
 * is still checked on its own). Returns how many, or (size_t)-1 when out of memory.
 */
size_t tnd_run_report_same_bidder(const tnd_bid *const *bids, size_t n, bool refuse);

/* A bidder as the check above needs it, for callers that keep no whole bids (check streams). */
typedef struct {
    const char *kvk, *name, *file;
    long line;
} tnd_bidder_ref;

/* As tnd_run_report_same_bidder, on bidder references. */
size_t tnd_run_report_same_kvk(const tnd_bidder_ref *refs, size_t n, bool refuse);

/* The input paths, for refusing to overwrite them, and (if ids is not NULL) which file each was
 * as read (tnd_outputs_check_known); returns how many were stored (<= max). run->n_inputs entries
 * always suffice. */
size_t tnd_run_inputs(const tnd_run *run, const char **out, tnd_file_id *ids, size_t max);

/* A short Dutch summary per lot (granted / admitted / other) for the terminal. */
void tnd_run_print_summary(const tnd_run *run, FILE *out);

/* Hashes `path` into the next free slot of run->inputs (the caller made room) under `role`;
 * false (error printed) when it cannot be read. */
bool tnd_run_add_input(tnd_run *run, const char *role, const char *path, const char *folder);

/* (issue 8 §4, tender/cli/rounds_run.c) Reads the re-submissions and the decisions, checks them
 * against round 1 and applies them; fills round, current_bids/current_checks and the audit
 * inputs. Errors are printed; false means exit 2. */
bool tnd_run_rounds(const tnd_run_options *o, tnd_run *run);
/* (issue 8 §4) Step 3 with the officer's tie decisions (tnd_evaluate_settled into run->ev,
 * run->has_ev set), then checks every applied tie decision against the ranking. Errors are
 * printed; false means exit 2. */
bool tnd_run_award(tnd_run *run);
/* Settles finality after tnd_evaluate (run->procedure). False when out of memory. */
bool tnd_run_settle(tnd_run *run);
/* Frees what tnd_run_rounds allocated. */
void tnd_run_rounds_free(tnd_run *run);

void tnd_run_free(tnd_run *run);

#endif
