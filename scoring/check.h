/*
 * check.h - steps 1 and 2 of the evaluation (§6): every requirement of the definition applied to
 * one bid, each with a verdict, a one-line Dutch reason and its § source; then the lot placement
 * (§4.3.1 cascade) for every lot applied for.
 *
 * Pure: no I/O. The result owns its arrays (tnd_check_result_free).
 */
#ifndef TND_CHECK_H
#define TND_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/model.h"

#define TND_REASON_LEN 400

/* tnd_finding.lot of a detail row: a value behind a requirement (a norm's figure for one year),
 * shown under the requirement with the same rule id; it never decides a lot's status. */
#define TND_FINDING_DETAIL (-1)
#define TND_VALUE_LEN 96

typedef struct {
    int step;                     /* 1 = volledigheid en geldigheid, 2 = uitsluitingsgronden,
                                     geschiktheidseisen en voorwaarden (§6) */
    char rule_id[TND_ID_LEN];     /* definition rule id */
    char source[TND_SOURCE_LEN];  /* "§5.3.1 L1371-1378" */
    char requirement[TND_LABEL_LEN]; /* Dutch label of the requirement */
    char resolution[TND_ID_LEN];  /* resolution id applied, "" if none */
    int lot;                      /* 0 = applies to every lot; TND_FINDING_DETAIL = detail row;
                                     else the perceel it concerns */
    bool cascade;                 /* evaluated only for a lower lot of the placement cascade */
    char subject[TND_NAME_LEN];   /* what it is about: party name, "2021", "referentie 1", group */
    tnd_verdict verdict;
    char found[TND_VALUE_LEN];    /* value found in the bid ("19,8%", "€ 1.999.999,00") */
    char norm[TND_VALUE_LEN];     /* the norm ("> 20,0%") */
    char reason[TND_REASON_LEN];  /* one line, Dutch */
    char product[TND_CODE_LEN];   /* the one product of `lot` this finding decides ("J"), ""
                                     for the whole lot: the products of a lot are bid and
                                     admitted separately (IJsselland §3.2 L218-219) */
} tnd_finding;

typedef enum {
    TND_LOT_ELIGIBLE,             /* all requirements met */
    TND_LOT_CONDITIONAL,          /* met, with conditions (CONDITIONAL verdicts) */
    TND_LOT_PENDING,              /* a REVIEW or PLAN REQUIRED is open */
    TND_LOT_NOT_ELIGIBLE          /* a FAIL or MISSING */
} tnd_lot_status;

/* Outcome for one lot applied for. */
typedef struct {
    int applied;                  /* perceel applied for */
    int placed;                   /* perceel placed in (may be lower via the cascade), 0 = none */
    tnd_lot_status status;        /* status of the lot placed in (or of `applied` when none) */
    bool awaiting_award;          /* placement depends on the award (lot 4: top 5) */
    bool opted_out;               /* the bid opted out of the cascade */
    char path[TND_REASON_LEN];    /* "5 -> 3 -> 1" with the reason of each step down */
    char products[TND_REASON_LEN];/* products of the placed lot held or refused on their own
                                     ("product J: BEOORDELEN (INT-VERBLIJF)"), "" = none */
} tnd_placement;

typedef struct {
    tnd_finding *findings;
    size_t n_findings;
    size_t cap_findings;
    tnd_placement *placements;    /* one per lot applied for, in the bid's lot order by number */
    size_t n_placements;
    int stopped_at_step;          /* 0 = passed steps 1-2 for at least one lot; 1 or 2 = the step
                                     at which the whole bid stopped (§6) */
    bool eligible_all;            /* every lot applied for: placed in that lot, ELIGIBLE or
                                     CONDITIONAL, no product held or refused (=> exit code 0) */
    bool placements_dropped;      /* tnd_check_result_drop_placements: tnd_evaluate refuses it */
    bool knockout_texts_only;     /* while tnd_check_knockouts runs: a finding it will drop gets
                                     no reason text */
    bool out_of_memory;
} tnd_check_result;

/* Runs steps 1-2 of `def` on `bid`. Returns false only when out of memory. */
bool tnd_check(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *out);
void tnd_check_result_free(tnd_check_result *r);
/* A copy of `from` in `to` with arrays of its own, allocated by the calling thread (tender/cli/
 * bid_run.c). False (to left empty) when out of memory. */
bool tnd_check_result_copy(const tnd_check_result *from, tnd_check_result *to);
/* (issue 8 §4) Redoes the lot placement of `r` after findings changed verdict (scoring/rounds.c:
 * an officer's decision or a herstel). Returns false only when out of memory. */
bool tnd_check_replace(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r);

/*
 * Keeps only the findings with a knock-out verdict (FAIL, MISSING, REVIEW, PLAN REQUIRED), in
 * their order, and gives back the room of the others: what the award (tnd_evaluate) and its
 * workbook read, for an evaluation that holds every bid at once (issue 9: PASS texts were 90 % of
 * its memory). The placements are kept.
 */
void tnd_check_result_keep_knockouts(tnd_check_result *r);

/*
 * tnd_check followed by tnd_check_result_keep_knockouts, without writing the reason of a finding
 * that is then dropped (issue 9: formatting the reasons of the PASS findings was a tenth of
 * `evaluate`). The result is the same, byte for byte: a verdict that tnd_check changes after a
 * finding is made only goes from one knock-out verdict to another, or from a knock-out verdict
 * to a dropped one (which keeps its text), never from a dropped verdict to a kept one.
 */
bool tnd_check_knockouts(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *out);

/*
 * Frees the lot placements once the award (tnd_evaluate) and the procedure (tnd_rounds_settle)
 * have copied what they need of them into the bidder outcomes: the workbook, the JSON and the
 * letters read the outcomes and the findings, never the placements (issue 9: 0.8 KiB a lot
 * applied for, held while the workbook's cells were built). Sets placements_dropped.
 */
void tnd_check_result_drop_placements(tnd_check_result *r);

/* The more severe of two verdicts (order of tnd_verdict). */
tnd_verdict tnd_verdict_worse(tnd_verdict a, tnd_verdict b);
/* "PASS", "FAIL", "REVIEW", "PLAN REQUIRED", "CONDITIONAL", "NOT APPLICABLE", "MISSING" */
const char *tnd_verdict_name(tnd_verdict v);
/* Dutch: "VOLDOET", "VOLDOET NIET", "BEOORDELEN", "PLAN VAN AANPAK", "ONDER VOORWAARDE",
 * "N.V.T.", "ONTBREEKT" */
const char *tnd_verdict_dutch(tnd_verdict v);
/* "ELIGIBLE", "CONDITIONAL", "PENDING", "NOT ELIGIBLE" and Dutch "TOEGELATEN",
 * "TOEGELATEN ONDER VOORWAARDE", "IN BEOORDELING", "NIET TOEGELATEN" */
const char *tnd_lot_status_name(tnd_lot_status s);
const char *tnd_lot_status_dutch(tnd_lot_status s);
/* Parses the verdict names above (as used in definition files: "PASS", "PLAN_REQUIRED", ...). */
bool tnd_verdict_parse(const char *name, tnd_verdict *out);

#endif
