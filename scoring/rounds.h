/*
 * rounds.h - the procedure's rounds and the officer's decisions (issue 8 §4), applied to the
 * outcome of steps 1-3.
 *
 *   round 1  the bids as submitted by the closing time (§3.6);
 *   round 2  the one re-submission of a bidder that dropped out, for every lot but those the
 *            definition excepts (IJsselland: all but 4), by the re-submission deadline
 *            (§3.3 L253-255, L302; §4.1.4 L498-511); a bid that still fails is invalid
 *            (§4.1.5 L509-511).
 *   herstel  on request, a missing item supplied within N working days (§4.1.4 L474-487): an
 *            officer's decision "herstel-gevraagd", then "hersteld" with the date it came in.
 *   besluit  every REVIEW / PLAN REQUIRED settled by the officer ("akkoord" or "afgewezen"),
 *            with a motivation, a date and the officer's name; a tie at the last place of a
 *            ranked lot that the definition leaves open (RES-GELIJKE-STAND) settled by
 *            "gelijke-stand-gegund" on the award id, one line per place.
 *
 * Every outcome says whether it is definitief or voorlopig (curable in a later round, or waiting
 * for a decision) and why. Pure: no I/O; tender/decisions.c reads the decisions file.
 */
#ifndef TND_ROUNDS_H
#define TND_ROUNDS_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/award.h"
#include "scoring/check.h"
#include "scoring/model.h"

typedef enum {
    TND_DECISION_ACCEPT,        /* "akkoord": the REVIEW / PLAN REQUIRED becomes PASS */
    TND_DECISION_REJECT,        /* "afgewezen": it becomes FAIL */
    TND_DECISION_HERSTEL_ASKED, /* "herstel-gevraagd": the officer asked for a missing item */
    TND_DECISION_HERSTELD,      /* "hersteld": the item came in (date = received) */
    TND_DECISION_TIE_AWARDED,   /* "gelijke-stand-gegund": on an award id (GUNNING-P4), the
                                   bidder takes a place of a tie at the last place that the
                                   definition leaves to the officer (RES-GELIJKE-STAND) */
    TND_DECISION_KIND_COUNT
} tnd_decision_kind;

/* One row of the decisions file (docs/decisions-format.md). */
typedef struct {
    char kvk[9];
    int round; /* the procedure round of the bid it concerns: 1 or 2 */
    char rule_id[TND_ID_LEN];
    tnd_decision_kind kind;
    char motivation[TND_TEXT_LEN];
    tnd_date date;
    char officer[TND_NAME_LEN];
    long line; /* line in the decisions file */
} tnd_decision;

typedef struct {
    char file[TND_TEXT_LEN];
    tnd_decision *items;
    size_t n;
} tnd_decisions;

/* "akkoord", "afgewezen", "herstel-gevraagd", "hersteld" (the file's vocabulary) */
const char *tnd_decision_kind_text(tnd_decision_kind k);
bool tnd_decision_kind_parse(const char *text, tnd_decision_kind *out);

/* `d` plus n working days (Monday-Friday; RES-HERSTEL-WERKDAGEN: no public holidays). */
tnd_date tnd_add_working_days(tnd_date d, int n);

/* The definition as it holds for a re-submitted bid: a shallow copy of `def` whose closing time
 * is the re-submission deadline (cited with the resubmission's id and source). `out` shares every
 * array with `def`: never free it. False when the definition has no re-submission. */
bool tnd_rounds_resubmission_definition(const tnd_definition *def, tnd_definition *out);

/* What went wrong validating an input against the procedure: the line (0 = none) and why. */
typedef struct {
    long line;
    char kvk[9];
    char message[TND_REASON_LEN];
    char hint[TND_REASON_LEN];
} tnd_round_problem;

/*
 * Checks the re-submitted bids of round 2 against round 1: each KvK is a round-1 bidder, once
 * only, that dropped out at steps 1-2 for a lot that allows re-submission, and neither bid applies
 * for an excepted lot (lot 4: herstel only). resub[k] is the round-2 bid of the bidder at
 * first_index[k] (filled here, index into first[]). False with `problem` filled at the first
 * violation (problem->line = k + 1, the position of the re-submitted file).
 */
bool tnd_rounds_match_resubmissions(const tnd_definition *def, const tnd_bid *const *first,
                                    const tnd_check_result *const *first_checks, size_t n_first,
                                    const tnd_bid *const *resub, size_t n_resub,
                                    size_t *first_index, tnd_round_problem *problem);

/* How one decision was used in this evaluation. */
typedef enum {
    TND_DECISION_APPLIED,      /* changed a verdict (or recorded a herstel request) */
    TND_DECISION_LATE_HERSTEL, /* "hersteld" after the herstel period: verdict unchanged */
    TND_DECISION_LATER_ROUND,  /* for round 2, evaluating round 1: not yet taken */
    TND_DECISION_NOT_YET,      /* dated after the evaluation date: not yet taken */
    TND_DECISION_SUPERSEDED    /* for a round-1 bid that was replaced by a re-submission */
} tnd_decision_use;

/* The bids and checks of one procedure round, as the decisions see them. */
typedef struct {
    const tnd_bid *const *bids; /* round 1: the bids; round 2: the current bid of each bidder */
    tnd_check_result *const *checks;
    const bool *resubmitted; /* per bidder: its current bid is a round-2 re-submission (NULL
                                in round 1) */
    size_t n;
    int round; /* 1 or 2 */
    tnd_date evaluation_date;
} tnd_round_view;

/*
 * Validates every decision (unknown KvK or rule id, a rule that is not REVIEW / PLAN REQUIRED
 * (akkoord, afgewezen) or not MISSING / FAIL (herstel) for that bidder's bid of that round,
 * "hersteld" without "herstel-gevraagd" or before it, a herstel when the definition has none)
 * and applies them: verdicts change, the reason says who decided what and when, and the
 * placement is redone (tnd_check_replace). A decision for a later round than the one evaluated,
 * or dated after the evaluation date, is not yet taken: listed, not applied. So one decisions
 * file serves every moment of the procedure (--date picks the moment). `round1_checks` (round 2
 * only, else NULL) are the checks of the round-1 bids, to validate round-1 decisions of a bidder
 * that re-submitted. uses[i] tells how decisions->items[i] was used. False with `problem` filled at
 * the first invalid row; also false (problem->line 0) when out of memory.
 */
bool tnd_rounds_apply_decisions(const tnd_definition *def, const tnd_decisions *decisions,
                                const tnd_round_view *view, tnd_check_result *const *round1_checks,
                                tnd_decision_use *uses, tnd_round_problem *problem);

/*
 * (issue 8 §4) The tie settlements of the decisions applied now (uses[i] TND_DECISION_APPLIED,
 * kind TND_DECISION_TIE_AWARDED), for tnd_evaluate_settled. *out is allocated (free it; NULL
 * when there are none). False only when out of memory.
 */
bool tnd_rounds_tie_settlements(const tnd_definition *def, const tnd_decisions *decisions,
                                const tnd_decision_use *uses, tnd_tie_settlement **out,
                                size_t *n_out);

/*
 * (issue 8 §4) After the award: every applied tie decision must name a bidder of a tie at the
 * last place of its lot, and together they must give every place left exactly once. False with
 * `problem` filled (the decision's line; a conflict names both lines) when not.
 */
bool tnd_rounds_check_ties(const tnd_definition *def, const tnd_decisions *decisions,
                           const tnd_decision_use *uses, const tnd_evaluation *ev,
                           tnd_round_problem *problem);

/* Per bidder of the evaluation: its round history and whether each outcome is final. */
typedef struct {
    bool resubmitted;
    /* The texts are allocated at their own length (issue 9: fixed TND_REASON_LEN buffers were
     * 1.3 KiB per bidder, held while the workbook is written); tnd_procedure_free frees them. */
    char *round1;                               /* round-1 outcome per lot, Dutch, one line */
    bool provisional[TND_MAX_SET];              /* per applied lot (tnd_bidder_outcome order) */
    char **finality;              /* per applied lot: "definitief: ..." / "voorlopig: ...";
                                     then NULL */
    bool herstel_open;
    char *herstel;                /* the herstel request and its term, or "" */
} tnd_procedure_bidder;

typedef struct {
    int round; /* evaluated round: 1 or 2 */
    tnd_date evaluation_date;
    const tnd_rounds_rules *rules;
    tnd_procedure_bidder *bidders; /* parallel to tnd_evaluation.bidders */
    size_t n_bidders;
    const tnd_decisions *decisions; /* may be NULL (no decisions file) */
    const tnd_decision_use *uses;   /* parallel to decisions->items */
    size_t n_provisional, n_final;  /* outcomes (bidder x lot applied) */
    char summary[TND_REASON_LEN];   /* "Ronde 2 (herinschrijving): 3 voorlopig, 60 definitief" */
    unsigned long long operations;  /* award entries and decisions looked at while settling,
                                       which grows linearly with the bids (test_award_linear) */
} tnd_procedure;

/*
 * Settles finality for every outcome of `ev`: a steps 1-2 failure on a lot that allows
 * re-submission is voorlopig while the evaluation date is on or before the deadline's date and
 * the bidder has not re-submitted yet; definitief after that, or after a failed re-submission. A
 * failure on an excepted lot is definitief unless a herstel request is open. An open REVIEW
 * (PENDING), an open revision, a missing score or an undecided tie is voorlopig, and so is every
 * outcome of a competitive lot (a maximum number) while one of its entries is open.
 * `round1_texts` are the round-1 outcomes per bidder as tnd_rounds_round1_text made them before
 * any decision (NULL: taken from the current checks); `resubmitted` per bidder (or NULL).
 * Returns false only when out of memory.
 */
bool tnd_rounds_settle(const tnd_definition *def, const tnd_evaluation *ev,
                       const char (*round1_texts)[TND_REASON_LEN], const bool *resubmitted,
                       int round, tnd_date evaluation_date, const tnd_decisions *decisions,
                       const tnd_decision_use *uses, tnd_procedure *out);
void tnd_procedure_free(tnd_procedure *p);

/* The outcome of steps 1-2 per lot of a check, one Dutch line: "perceel 1: NIET TOEGELATEN;
 * perceel 3: teruggevallen naar 1". */
void tnd_rounds_round1_text(const tnd_check_result *c, char *out, size_t size);

const char *tnd_decision_use_dutch(tnd_decision_use u); /* "toegepast", ... */

#endif
