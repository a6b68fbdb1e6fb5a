/*
 * price.h - price-quality formulas for a lot that competes on price (issue 3 item 3).
 *
 * IJsselland 2023 does not compete on price; other regions do, and name one formula per lot in
 * their tender definition (<price kind="..."> under <award>, tnd_award_lot.price). Inputs per
 * bid: Q, the weighted quality score on the definition's scale (0..M, M = top of the score scale,
 * 10), and P, the price in euro cents (> 0). Pbest is the lowest price among the bids given.
 *
 *   relative-lowest      price score = M * Pbest / Pi                       total = WQ*Q + WP*score
 *   weighted-range       price score = M * (Pmax - Pi) / (Pmax - Pmin),
 *                        clamped to [0, M] (Pi <= Pmin gives M, Pi >= Pmax gives 0)
 *                                                                           total = WQ*Q + WP*score
 *   logarithmic          price score = M * (1 - ln(Pi / Pbest) / ln A), clamped at 0
 *                                                                           total = WQ*Q + WP*score
 *   value                fictitious price = Pi - value_per_point * Q (value_per_point in cents per
 *                        quality point); total = that price in euros; the LOWEST total wins
 *   quality-price-ratio  total = Q / (Pi / € 1.000): quality points per € 1.000; highest wins
 *
 * Exactness: every formula is computed as an exact fraction of 128-bit integers and the order of
 * the bids is decided on those exact values; the tnd_dec results are that value rounded to 6
 * decimals (half up: a tie goes toward +infinity) for display. The ONE floating-point step is
 * ln(Pi/Pbest) / ln A of the logarithmic formula (libm log()): its price score is rounded to 6
 * decimals first and everything after it (total, order) is exact on that rounded score. The
 * result is deterministic on one platform; ties are decided by the lot's tie rule, not here.
 *
 * Pure: no I/O, no allocation, no globals.
 */
#ifndef TND_PRICE_H
#define TND_PRICE_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/model.h"
#include "scoring/types.h"

/* Largest price (and pmin, pmax, value_per_point) accepted: € 1.000.000.000.000,00. Keeps every
 * intermediate of the exact arithmetic inside 128 bits. */
#define TND_PRICE_MAX_CENTS 100000000000000LL
/* Largest top of the score scale accepted (M): keeps the intermediates inside 128 bits too. */
#define TND_PRICE_MAX_SCALE 1000
/* Room for any reason line written by this module. */
#define TND_PRICE_REASON_LEN 240

/* Outcome of one bid. */
typedef struct {
    bool has_price_score;   /* relative-lowest, weighted-range, logarithmic */
    tnd_dec price_score;    /* 0..M (0 when !has_price_score) */
    tnd_dec total;          /* the number that ranks (see the table above): points, euros
                               (value) or points per € 1.000 (quality-price-ratio) */
    int rank;               /* 1 = best; bids with exactly equal totals share a rank (1, 1, 3) */
} tnd_price_outcome;

/* "relative-lowest" -> TND_PRICE_RELATIVE_LOWEST etc.; false for an unknown name. */
bool tnd_price_kind_parse(const char *name, tnd_price_kind *out);
/* The definition's name of a formula ("relative-lowest"), "" for TND_PRICE_NONE. */
const char *tnd_price_kind_name(tnd_price_kind kind);
/* Dutch label of a formula, for reports ("Prijs ten opzichte van de laagste prijs"). */
const char *tnd_price_kind_dutch(tnd_price_kind kind);
/* true for the formula whose lowest total wins (value); false for all others. */
bool tnd_price_lower_wins(tnd_price_kind kind);
/* Whether the formula weighs quality and price (WQ + WP = 1) into a price score. */
bool tnd_price_uses_weights(tnd_price_kind kind);

/* M: the top of the definition's score scale (10 for 0 2 4 6 8 10); 0 for an empty scale. */
tnd_dec tnd_price_scale_max(const tnd_score_scale *scale);

/*
 * Checks the parameters of a rule (the definition loader applies the same check): a known
 * formula; for the weighted formulas WQ >= 0, WP >= 0 and WQ + WP exactly 1; weighted-range
 * 0 <= Pmin < Pmax <= TND_PRICE_MAX_CENTS; logarithmic A > 1; value 0 <= value_per_point <=
 * TND_PRICE_MAX_CENTS. On failure returns false and writes a Dutch one-line reason, starting with
 * the formula's name, into reason (if not NULL; always NUL-terminated; "" on success).
 */
bool tnd_price_rule_valid(const tnd_price_rule *rule, char *reason, size_t reason_size);

/*
 * Applies the rule to n bids: quality[i] (0 <= Q <= M) and price[i] (0 < P <=
 * TND_PRICE_MAX_CENTS) give out[i]. M (max_score, 0 < M <= TND_PRICE_MAX_SCALE) is the top of
 * the definition's score scale: tnd_price_scale_max(&def->score_scale). order (n entries, may be
 * NULL) receives the bid indices best first; bids with an equal total keep their input order
 * (stable). Pbest is the lowest of the n
 * prices, so pass exactly the bids that compete in the lot. n == 0 is valid (nothing to do).
 * Returns false, with a Dutch reason naming the bid (1-based: "inschrijving 2") or parameter,
 * when the rule or an input is invalid; out and order are then left unspecified.
 */
bool tnd_price_evaluate(const tnd_price_rule *rule, tnd_dec max_score, const tnd_dec *quality,
                        const tnd_cents *price, size_t n, tnd_price_outcome *out, size_t *order,
                        char *reason, size_t reason_size);

#endif
