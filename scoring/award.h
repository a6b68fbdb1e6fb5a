/*
 * award.h - step 3 of the evaluation (§6, §6.1): the award per lot from the committee's scores,
 * and the final placement of every bidder (including the §4.3.1 cascade of a lot-4 bidder that is
 * not among the awarded).
 *
 * Pure: no I/O. Scores come in as plain rows (tender/scores.c reads the CSV); the award rules
 * (criteria, weights, minimum, revisions, maximum number, tie rule, price formula) come from the
 * definition's tnd_award_lot.
 */
#ifndef TND_AWARD_H
#define TND_AWARD_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/check.h"
#include "scoring/model.h"

#define TND_CONSENSUS "consensus"

/* One committee score (one row of the scores file). */
typedef struct {
    int lot;
    char criterion[TND_CODE_LEN];  /* criterion id of the definition: "normaliseren", "A" */
    char bidder[9];                /* KvK number of the bidder */
    int round;                     /* 1 = first assessment, 2 = after the one allowed revision */
    char member[TND_CODE_LEN];     /* committee member id, or "consensus" */
    int score;                     /* a value of the definition's scale (0 2 4 6 8 10) */
    long line;                     /* line in the scores file (or row of the sheet) */
} tnd_score;

typedef struct {
    char file[TND_TEXT_LEN];
    tnd_score *items;
    size_t n;
} tnd_scores;

/* Price of a bid for a lot that competes on price (not IJsselland): from the scores file or bid. */
typedef struct {
    int lot;
    char bidder[9];
    tnd_cents price;
    long line;                     /* line in the prices file (0 if not from a file) */
} tnd_price;

typedef enum {
    TND_AWARD_GRANTED,        /* gegund / gecontracteerd */
    TND_AWARD_ADMITTED,       /* toegelaten: lot without award criteria (6, 7, 8) */
    TND_AWARD_REVISION_OPEN,  /* round 1 below the minimum; the one revision is not scored yet */
    TND_AWARD_SET_ASIDE,      /* below the minimum after the revision: terzijde gelegd */
    TND_AWARD_NOT_RANKED,     /* scored, but outside the maximum number (lot 4: top 5) */
    TND_AWARD_TIE,            /* tied for the last place(s); undecided without a tie rule */
    TND_AWARD_NO_SCORES,      /* a consensus score is missing */
    TND_AWARD_PENDING,        /* steps 1-2 not settled (REVIEW / PLAN REQUIRED open) */
    TND_AWARD_EXCLUDED        /* not placed in this lot by steps 1-2 */
} tnd_award_status;

/* The score of one bidder on one criterion. */
typedef struct {
    int criterion;                 /* index into tnd_award_lot.criteria */
    bool has_score;
    int consensus;                 /* consensus score used (the last round scored) */
    int round;                     /* round of `consensus` */
    int first_round;               /* consensus of round 1 (criteria with a minimum), -1 if none */
    bool computed;                 /* computed from the bid (criterion C: locations) */
    int n_members;                 /* individual member scores in that round */
    int member_min, member_max;    /* spread, a signal for the consensus talk */
    bool consensus_outside_members;/* flagged: consensus outside [min, max] of the members */
    tnd_dec factor;                /* product of weights down the tree (0.5 * 0.4 = 0.2) */
    tnd_dec weighted;              /* consensus * factor */
} tnd_criterion_score;

typedef struct {
    const tnd_bid *bid;
    int applied;                   /* lot applied for (differs from the lot when placed lower) */
    tnd_criterion_score *scores;   /* n_scores, one per leaf criterion scored (allocated) */
    int n_scores;
    tnd_dec total;                 /* final mark: sum of consensus x factor */
    bool has_price;
    tnd_cents price;
    tnd_dec price_score;           /* for price formulas */
    int rank;                      /* 1-based; equal totals share a rank; 0 = not ranked */
    tnd_award_status status;
    char *reason;                  /* Dutch one line, at most TND_REASON_LEN - 1 bytes; allocated at
                                      its own length (issue 9: the fixed scores and reason were
                                      1.1 KiB of every entry) */
} tnd_award_entry;

typedef struct {
    int lot;
    const tnd_award_lot *rule;
    tnd_award_entry *entries;      /* by rank, then total, then KvK: stable */
    size_t n_entries;
    int n_granted;
    bool tie;                      /* a tie at the last awarded place */
    char tie_text[TND_REASON_LEN]; /* bidders involved and the rule applied, or "onbeslist" */
    int tie_rank;                  /* (issue 8 §4) the shared rank of the tied bidders, 0 = none */
    int tie_places;                /* places left to the tied bidders */
    bool tie_settled;              /* settled by the officer's decisions (tnd_tie_settlement) */
} tnd_lot_award;

/* (issue 8 §4) The officer's decision that settles a tie at the last place of a ranked lot whose
 * definition names no tie rule (RES-GELIJKE-STAND): bidder `kvk` takes one of the tied places.
 * A tie is settled only when every place left is given to a tied bidder, each once; otherwise
 * it stays undecided (scoring/rounds.c refuses such decisions). */
typedef struct {
    int lot;
    char kvk[9];
    char text[TND_REASON_LEN];     /* "besluit 26-09-2022 door <officer>: <motivation>" */
} tnd_tie_settlement;

/* Final outcome of one bidder after steps 1-3. */
typedef struct {
    const tnd_bid *bid;
    const tnd_check_result *check;
    int applied[TND_MAX_SET];      /* lots applied for */
    int n_applied;
    int placed[TND_MAX_SET];       /* lot finally placed/awarded for each applied lot, 0 = none */
    tnd_award_status status[TND_MAX_SET];
    char **path;                   /* n_applied rows, then NULL; each allocated at its own
                                      length (issue 9: fixed rows were 6 KiB, then 0.4 KiB
                                      a lot applied for, per bidder) */
    int stopped_at_step;           /* 0 = reached the end; 1/2/3 = step where it stopped (§6) */
} tnd_bidder_outcome;

typedef struct {
    tnd_lot_award *lots;           /* one per lot of the definition, by lot number */
    size_t n_lots;
    tnd_bidder_outcome *bidders;   /* in input order */
    size_t n_bidders;
    bool out_of_memory;
    unsigned long long operations; /* steps of the award's lookups, which grow linearly with
                                      the number of bids (read by a test, never timed) */
} tnd_evaluation;

/*
 * Runs step 3 for every lot and settles the placement of every bidder: checks[i] is the
 * tnd_check result of bids[i]. A lot-4 bidder that is scored but not awarded falls back along
 * its cascade chain (§4.3.1) and competes there on the same plan score (criterion of the same id).
 * Returns false only when out of memory.
 */
bool tnd_evaluate(const tnd_definition *def, const tnd_bid *const *bids,
                  const tnd_check_result *const *checks, size_t n, const tnd_scores *scores,
                  const tnd_price *prices, size_t n_prices, tnd_evaluation *out);
/* (issue 8 §4) tnd_evaluate with the officer's tie settlements (`ties`, may be NULL). */
bool tnd_evaluate_settled(const tnd_definition *def, const tnd_bid *const *bids,
                          const tnd_check_result *const *checks, size_t n,
                          const tnd_scores *scores, const tnd_price *prices, size_t n_prices,
                          const tnd_tie_settlement *ties, size_t n_ties, tnd_evaluation *out);
void tnd_evaluation_free(tnd_evaluation *e);

/* Criterion C (§6.1.2): places within the region or within max_km, summed over the locations. */
long tnd_award_places_within(const tnd_definition *def, const tnd_bid *bid, tnd_dec max_km);

/* (added for the award, issue 3) As tnd_award_places_within, with "the region" being the
 * municipalities of lot `lot` (what tnd_evaluate uses); the definition's for an unknown lot. */
long tnd_award_places_within_lot(const tnd_definition *def, int lot, const tnd_bid *bid,
                                 tnd_dec max_km);

/*
 * (issue 9) Whether the award reads more of `bid` than its bidder, members, lots, file and cascade
 * opt-out: the fallback from a lot awarded competitively runs steps 1-2 again on the whole bid
 * (§4.3.1), and a criterion computed from the locations counts them (IJsselland §6.1.2). When
 * false, an evaluation may drop the bid's details after tnd_check (tnd_bid_drop_details) and the
 * award is the same.
 */
bool tnd_award_reads_bid_details(const tnd_definition *def, const tnd_bid *bid);

/*
 * (added for the award, issue 3) The mark of one criterion of an entry on the score scale: a
 * leaf's consensus score, or for a criterion with sub-criteria the weighted sum below it
 * (Regionale doelen = 0,4 A + 0,2 B + 0,2 C + 0,2 D = 6,8 in the §6.1.2 example); criterion -1
 * gives the weighted quality mark of the whole award (the final mark when there is no price).
 * Exact; rounded to 6 decimals only at the end. Returns false (and the sum of the scored leaves)
 * when a score below it is missing, or for a criterion index out of range (out = 0).
 */
bool tnd_award_mark(const tnd_award_lot *rule, const tnd_award_entry *e, int criterion,
                    tnd_dec *out);

/*
 * (added for the award, issue 3) Rows of the scores file that no evaluated bidder can use: the
 * KvK number is not among the bids of the evaluation (scores.h leaves this check to the award).
 * Stores at most `max` indices into scores->items (file order) in rows; returns how many exist.
 */
size_t tnd_award_unknown_bidder_rows(const tnd_evaluation *ev, const tnd_scores *scores,
                                     size_t *rows, size_t max);

const char *tnd_award_status_name(tnd_award_status s);   /* "GRANTED", ... */
const char *tnd_award_status_dutch(tnd_award_status s);  /* "GEGUND", "TOEGELATEN", ... */

#endif
