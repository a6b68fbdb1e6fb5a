/*
 * rounds_run.c - the procedure's rounds in the evaluate/verify pipeline (issue 8 §4): reads the
 * re-submitted bids of round 2 and the officer's decisions file, checks them against round 1
 * (scoring/rounds.c) and hashes them into the audit trail. See evaluate_run.h.
 */
#include "tender/cli/evaluate_run.h"

#include <stdlib.h>
#include <string.h>

/* Room in run->inputs for `more` inputs. */
static bool grow_inputs(tnd_run *run, size_t more)
{
    tnd_audit_input *grown = realloc(run->inputs, (run->n_inputs + more) * sizeof *grown);
    if (!grown)
        return false;
    run->inputs = grown;
    tnd_file_id *ids = realloc(run->input_ids, (run->n_inputs + more) * sizeof *ids);
    if (!ids)
        return false;
    run->input_ids = ids;
    return true;
}

static void print_problem(const char *file, const tnd_round_problem *p)
{
    tnd_error err;
    tnd_error_set(&err, TND_ERR_REFERENCE, file, p->line, p->hint[0] ? p->hint : NULL, "%s",
                  p->message);
    tnd_print_error(&err);
}

/* Round 2: read and check the re-submissions against the re-submission deadline, and match
 * each with its round-1 bidder. */
static bool read_resubmissions(const tnd_run_options *o, tnd_run *run)
{
    if (!tnd_rounds_resubmission_definition(run->def, &run->resub_def)) {
        tnd_usage_error("evaluate", "--resubmissions: de aanbestedingsdefinitie kent geen "
                                    "herinschrijving (<resubmission>)");
        return false;
    }
    if (!tnd_path_list_add_input(&run->resub_paths, o->resubmissions)) {
        tnd_usage_error("evaluate", "kan map '%s' niet lezen", o->resubmissions);
        return false;
    }
    if (!tnd_check_bids(&run->resub_def, &run->resub_paths, &run->resub)) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return false;
    }
    if (run->resub.n_failed) {
        fprintf(stderr,
                "tender: %zu herinschrijving(en) geweigerd; er wordt niet gegund op een "
                "onvolledige set inschrijvingen\n",
                run->resub.n_failed);
        return false;
    }
    size_t *index = calloc(run->resub.n ? run->resub.n : 1, sizeof *index);
    if (!index) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return false;
    }
    tnd_round_problem p;
    bool ok = tnd_rounds_match_resubmissions(
        run->def, (const tnd_bid *const *)run->checked.bids,
        (const tnd_check_result *const *)run->checked.results, run->checked.n,
        (const tnd_bid *const *)run->resub.bids, run->resub.n, index, &p);
    if (!ok) {
        const char *file = run->resub.bids[p.line - 1]->file;
        p.line = 0; /* the position of the file, not a line in it */
        print_problem(file, &p);
    } else {
        for (size_t k = 0; k < run->resub.n; k++) {
            run->current_bids[index[k]] = run->resub.bids[k];
            run->current_checks[index[k]] = run->resub.results[k];
            run->resubmitted[index[k]] = true;
        }
    }
    free(index);
    return ok;
}

bool tnd_run_rounds(const tnd_run_options *o, tnd_run *run)
{
    size_t n = run->checked.n;
    run->round = o->resubmissions ? 2 : 1;
    run->current_bids = calloc(n ? n : 1, sizeof *run->current_bids);
    run->current_checks = calloc(n ? n : 1, sizeof *run->current_checks);
    run->resubmitted = calloc(n ? n : 1, sizeof *run->resubmitted);
    if (!run->current_bids || !run->current_checks || !run->resubmitted) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return false;
    }
    /* The round-1 outcomes as they stand before any decision or re-submission changes a
     * check. Without either, the checks stay as they are and settling reads them itself: no
     * copy of 400 bytes a bidder (40 MB at 100,000 bids, issue 9). */
    bool changes = o->resubmissions || o->decisions;
    run->round1_texts = changes ? calloc(n ? n : 1, sizeof *run->round1_texts) : NULL;
    if (changes && !run->round1_texts) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        run->current_bids[i] = run->checked.bids[i];
        run->current_checks[i] = run->checked.results[i];
        if (changes)
            tnd_rounds_round1_text(run->checked.results[i], run->round1_texts[i],
                                   sizeof run->round1_texts[i]);
    }
    if (o->resubmissions && !read_resubmissions(o, run))
        return false;
    if (o->decisions) {
        tnd_error err;
        if (tnd_decisions_load(o->decisions, &run->decisions, &err) != TND_OK) {
            tnd_print_error(&err);
            return false;
        }
        run->has_decisions = true;
        run->decision_uses =
            calloc(run->decisions.n ? run->decisions.n : 1, sizeof *run->decision_uses);
        if (!run->decision_uses) {
            fprintf(stderr, "tender: onvoldoende geheugen\n");
            return false;
        }
        tnd_date eval;
        sscanf(run->date, "%4d-%2d-%2d", &eval.year, &eval.month, &eval.day);
        tnd_round_view view = { .bids = run->current_bids,
                                .checks = run->current_checks,
                                .resubmitted = run->round == 2 ? run->resubmitted : NULL,
                                .n = n,
                                .round = run->round,
                                .evaluation_date = eval };
        tnd_round_problem p;
        if (!tnd_rounds_apply_decisions(run->def, &run->decisions, &view,
                                        run->round == 2 ? run->checked.results : NULL,
                                        run->decision_uses, &p)) {
            print_problem(o->decisions, &p);
            return false;
        }
    }
    /* the audit trail: every re-submitted bid and the decisions file, hashed */
    if (!grow_inputs(run, run->resub.n + 1)) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return false;
    }
    for (size_t k = 0; k < run->resub.n; k++)
        if (!tnd_run_add_input(run, "herinschrijving", run->resub.bids[k]->file,
                               o->resubmissions))
            return false;
    return !o->decisions || tnd_run_add_input(run, "besluiten", o->decisions, NULL);
}

bool tnd_run_award(tnd_run *run)
{
    tnd_tie_settlement *ties = NULL;
    size_t n_ties = 0;
    if (run->has_decisions && !tnd_rounds_tie_settlements(run->def, &run->decisions,
                                                          run->decision_uses, &ties, &n_ties)) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return false;
    }
    bool ok = tnd_evaluate_settled(run->def, run->current_bids,
                                   (const tnd_check_result *const *)run->current_checks,
                                   run->checked.n, &run->scores, run->prices, run->n_prices, ties,
                                   n_ties, &run->ev);
    free(ties);
    run->has_ev = true; /* tnd_evaluation_free copes with a partial evaluation */
    if (!ok) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return false;
    }
    tnd_round_problem p;
    if (run->has_decisions &&
        !tnd_rounds_check_ties(run->def, &run->decisions, run->decision_uses, &run->ev, &p)) {
        print_problem(run->decisions.file, &p);
        return false;
    }
    return true;
}

bool tnd_run_settle(tnd_run *run)
{
    tnd_date eval;
    sscanf(run->date, "%4d-%2d-%2d", &eval.year, &eval.month, &eval.day);
    bool ok = tnd_rounds_settle(run->def, &run->ev,
                                (const char(*)[TND_REASON_LEN])run->round1_texts,
                                run->round == 2 ? run->resubmitted : NULL, run->round, eval,
                                run->has_decisions ? &run->decisions : NULL,
                                run->decision_uses, &run->procedure);
    /* copied into run->procedure: not held while the workbook is written (issue 9) */
    free(run->round1_texts);
    run->round1_texts = NULL;
    return ok;
}

void tnd_run_rounds_free(tnd_run *run)
{
    tnd_procedure_free(&run->procedure);
    free(run->decision_uses);
    run->decision_uses = NULL;
    if (run->has_decisions)
        tnd_decisions_free(&run->decisions);
    free(run->current_bids);
    free(run->current_checks);
    free(run->resubmitted);
    free(run->round1_texts);
    run->round1_texts = NULL;
    run->current_bids = NULL;
    run->current_checks = NULL;
    run->resubmitted = NULL;
    tnd_checked_bids_free(&run->resub);
    tnd_path_list_free(&run->resub_paths);
}
