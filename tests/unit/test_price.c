/*
 * test_price.c - the price-quality formulas (scoring/price.c, issue 3 item 3) and the shipped
 * definition that uses them (fixtures/tenders/regio-voorbeeld-2024.xml).
 *
 * IJsselland 2023 does not compete on price, so these formulas cite the issue and the (fictitious)
 * definition, not the digest. Every expected value is computed by hand in the comment above it.
 * Notation: Q = weighted quality score (0..10), P = price, Pbest = lowest price, M = 10 (top of the
 * score scale), WQ/WP = quality/price weight. Decimals are integer units (TND_DEC_SCALE = 1e6):
 * 8,8 = 8800000; money is cents. Totals are shown rounded to 6 decimals; the order is exact.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/price.h"
#include "tender/definition.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

#define EUR(x) ((tnd_cents)(x) * 100)       /* whole euros to cents */
#define DEC(u) ((tnd_dec){ (u) })            /* decimal from units: DEC(8800000) = 8,8 */
#define PTS(x) ((tnd_dec){ (int64_t)(x) * TND_DEC_SCALE })

static const tnd_dec TEN = { 10 * TND_DEC_SCALE }; /* M: top of the 0-10 scale */

static tnd_price_rule weighted(tnd_price_kind kind, int64_t wq, int64_t wp)
{
    tnd_price_rule r;
    memset(&r, 0, sizeof r);
    r.kind = kind;
    r.quality_weight = DEC(wq);
    r.price_weight = DEC(wp);
    return r;
}

/* Runs the rule and asserts it succeeded (printing the reason if not). */
static void evaluate(const tnd_price_rule *r, const tnd_dec *q, const tnd_cents *p, size_t n,
                     tnd_price_outcome *out, size_t *order)
{
    char reason[TND_PRICE_REASON_LEN] = "";
    bool ok = tnd_price_evaluate(r, TEN, q, p, n, out, order, reason, sizeof reason);
    if (!ok)
        fprintf(stderr, "reden: %s\n", reason);
    assert_true(ok);
    assert_string_equal(reason, "");
}

/* Runs the rule, asserts it was refused, and returns the reason in buf. */
static void refused(const tnd_price_rule *r, tnd_dec max, const tnd_dec *q, const tnd_cents *p,
                    size_t n, char *buf, size_t size)
{
    tnd_price_outcome out[4];
    size_t order[4];
    assert_false(tnd_price_evaluate(r, max, q, p, n, out, order, buf, size));
}

/* ------------------------------------------------------------------ relative-lowest */

static void test_relative_lowest_60_40_worked_example(void **state)
{
    /* issue 3 item 3: total = WQ*Q + WP*M*Pbest/Pi, here 0,6*Q + 0,4*10*1.000/P
     *  A: Q=8,  P=€ 1.000 (best): score 10;             0,6*8  + 0,4*10 = 4,8 + 4,0 = 8,8
     *  B: Q=9,  P=€ 1.250: score 10*1000/1250 = 8;      0,6*9  + 0,4*8  = 5,4 + 3,2 = 8,6
     *  C: Q=10, P=€ 3.000: score 10/3 = 3,333333(3);    6,0 + 1,333333(3) = 7,333333(3) */
    tnd_price_rule r = weighted(TND_PRICE_RELATIVE_LOWEST, 600000, 400000);
    tnd_dec q[] = { PTS(8), PTS(9), PTS(10) };
    tnd_cents p[] = { EUR(1000), EUR(1250), EUR(3000) };
    tnd_price_outcome out[3];
    size_t order[3];
    evaluate(&r, q, p, 3, out, order);
    assert_true(out[0].has_price_score);
    assert_int_equal(out[0].price_score.units, 10000000);
    assert_int_equal(out[0].total.units, 8800000);
    assert_int_equal(out[1].price_score.units, 8000000);
    assert_int_equal(out[1].total.units, 8600000);
    assert_int_equal(out[2].price_score.units, 3333333);
    assert_int_equal(out[2].total.units, 7333333);
    assert_int_equal(out[0].rank, 1);
    assert_int_equal(out[1].rank, 2);
    assert_int_equal(out[2].rank, 3);
    assert_int_equal(order[0], 0);
    assert_int_equal(order[1], 1);
    assert_int_equal(order[2], 2);
}

static void test_relative_lowest_price_score_rounds_half_up_at_six_decimals(void **state)
{
    /* 10 * 1.000 / 1.500 = 6,666666(6) -> 6,666667;
     * total 0,6*6 + 0,4*6,666666(6) = 3,6 + 2,666666(6) = 6,266666(6) -> 6,266667.
     * The best bid (€ 1.000, Q=5): 0,6*5 + 0,4*10 = 7,0. */
    tnd_price_rule r = weighted(TND_PRICE_RELATIVE_LOWEST, 600000, 400000);
    tnd_dec q[] = { PTS(5), PTS(6) };
    tnd_cents p[] = { EUR(1000), EUR(1500) };
    tnd_price_outcome out[2];
    evaluate(&r, q, p, 2, out, NULL);
    assert_int_equal(out[1].price_score.units, 6666667);
    assert_int_equal(out[1].total.units, 6266667);
    assert_int_equal(out[0].total.units, 7000000);
    assert_int_equal(out[0].rank, 1);
    assert_int_equal(out[1].rank, 2);
}

static void test_relative_lowest_orders_on_the_exact_total_beyond_six_decimals(void **state)
{
    /* C: Q=10, P=€ 3.000: 6 + 0,4*10*1000/3000 = 7,333333333... (shown 7,333333)
     * D: Q=5,555555, P=€ 1.000 (best): 0,6*5,555555 + 4 = 3,333333 + 4 = 7,333333 exactly
     * Both show 7,333333, but C is higher by 1/3 millionth: C ranks first, no tie. */
    tnd_price_rule r = weighted(TND_PRICE_RELATIVE_LOWEST, 600000, 400000);
    tnd_dec q[] = { PTS(10), DEC(5555555) };
    tnd_cents p[] = { EUR(3000), EUR(1000) };
    tnd_price_outcome out[2];
    size_t order[2];
    evaluate(&r, q, p, 2, out, order);
    assert_int_equal(out[0].total.units, 7333333);
    assert_int_equal(out[1].total.units, 7333333);
    assert_int_equal(out[0].rank, 1);
    assert_int_equal(out[1].rank, 2);
    assert_int_equal(order[0], 0);
    assert_int_equal(order[1], 1);
}

static void test_equal_totals_share_a_rank_and_keep_input_order(void **state)
{
    /* 50/50: C: Q=6, P=€ 1.000 (best): 3 + 5 = 8
     *        A: Q=10, P=€ 1.250: score 8: 5 + 4 = 9
     *        B: Q=8,  P=€ 1.000 (best):   4 + 5 = 9
     * A and B tie at 9 (rank 1, 1; the lot's tie rule decides, not the formula); C is 3rd. */
    tnd_price_rule r = weighted(TND_PRICE_RELATIVE_LOWEST, 500000, 500000);
    tnd_dec q[] = { PTS(6), PTS(10), PTS(8) };
    tnd_cents p[] = { EUR(1000), EUR(1250), EUR(1000) };
    tnd_price_outcome out[3];
    size_t order[3];
    evaluate(&r, q, p, 3, out, order);
    assert_int_equal(out[0].total.units, 8000000);
    assert_int_equal(out[1].total.units, 9000000);
    assert_int_equal(out[2].total.units, 9000000);
    assert_int_equal(out[0].rank, 3);
    assert_int_equal(out[1].rank, 1);
    assert_int_equal(out[2].rank, 1);
    assert_int_equal(order[0], 1);
    assert_int_equal(order[1], 2);
    assert_int_equal(order[2], 0);
}

/* ------------------------------------------------------------------ weighted-range */

static tnd_price_rule range_1000_3000(void)
{
    tnd_price_rule r = weighted(TND_PRICE_WEIGHTED_RANGE, 600000, 400000);
    r.pmin = EUR(1000);
    r.pmax = EUR(3000);
    return r;
}

static void test_weighted_range_price_at_pmin_scores_10_and_at_pmax_0(void **state)
{
    /* score = 10 * (Pmax - P) / (Pmax - Pmin), Pmin € 1.000, Pmax € 3.000, 60/40
     *  P = Pmin: 10 * 2000/2000 = 10; Q=5: 3,0 + 4,0 = 7,0
     *  P = Pmax: 10 * 0/2000    = 0;  Q=10: 6,0 + 0  = 6,0 */
    tnd_price_rule r = range_1000_3000();
    tnd_dec q[] = { PTS(5), PTS(10) };
    tnd_cents p[] = { EUR(1000), EUR(3000) };
    tnd_price_outcome out[2];
    evaluate(&r, q, p, 2, out, NULL);
    assert_int_equal(out[0].price_score.units, 10000000);
    assert_int_equal(out[0].total.units, 7000000);
    assert_int_equal(out[1].price_score.units, 0);
    assert_int_equal(out[1].total.units, 6000000);
    assert_int_equal(out[0].rank, 1);
    assert_int_equal(out[1].rank, 2);
}

static void test_weighted_range_clamps_outside_pmin_pmax(void **state)
{
    /* above Pmax (€ 3.500): 10 * -500/2000 = -2,5 -> clamped to 0; Q=10: 6,0
     * below Pmin (€ 500):   10 * 2500/2000 = 12,5 -> clamped to 10; Q=5: 3,0 + 4,0 = 7,0 */
    tnd_price_rule r = range_1000_3000();
    tnd_dec q[] = { PTS(10), PTS(5) };
    tnd_cents p[] = { EUR(3500), EUR(500) };
    tnd_price_outcome out[2];
    evaluate(&r, q, p, 2, out, NULL);
    assert_int_equal(out[0].price_score.units, 0);
    assert_int_equal(out[0].total.units, 6000000);
    assert_int_equal(out[1].price_score.units, 10000000);
    assert_int_equal(out[1].total.units, 7000000);
}

static void test_weighted_range_is_linear_between_pmin_and_pmax(void **state)
{
    /* P € 2.500: 10 * 500/2000 = 2,5;  Q=8: 4,8 + 1,0 = 5,8
     * P € 2.000: 10 * 1000/2000 = 5;   Q=4: 2,4 + 2,0 = 4,4
     * P € 1.000,01: 10 * 199999/200000 = 9,99995; Q=0: 0,4 * 9,99995 = 3,99998 */
    tnd_price_rule r = range_1000_3000();
    tnd_dec q[] = { PTS(8), PTS(4), PTS(0) };
    tnd_cents p[] = { EUR(2500), EUR(2000), EUR(1000) + 1 };
    tnd_price_outcome out[3];
    size_t order[3];
    evaluate(&r, q, p, 3, out, order);
    assert_int_equal(out[0].price_score.units, 2500000);
    assert_int_equal(out[0].total.units, 5800000);
    assert_int_equal(out[1].price_score.units, 5000000);
    assert_int_equal(out[1].total.units, 4400000);
    assert_int_equal(out[2].price_score.units, 9999950);
    assert_int_equal(out[2].total.units, 3999980);
    assert_int_equal(order[0], 0);
    assert_int_equal(order[1], 1);
    assert_int_equal(order[2], 2);
}

/* ------------------------------------------------------------------ logarithmic */

static tnd_price_rule logarithmic(int64_t base_units)
{
    tnd_price_rule r = weighted(TND_PRICE_LOGARITHMIC, 600000, 400000);
    r.log_base = DEC(base_units);
    return r;
}

static void test_logarithmic_a2_best_price_scores_10_and_double_price_0(void **state)
{
    /* score = 10 * (1 - ln(P/Pbest) / ln 2), not below 0; 60/40
     *  P = Pbest € 1.000:  ln 1 = 0 -> 10;             Q=6:  3,6 + 4,0 = 7,6
     *  P = 2*Pbest:        ln 2 / ln 2 = 1 -> 0;       Q=10: 6,0
     *  P = 4*Pbest:        1 - 2 = -1 -> clamped to 0; Q=10: 6,0 */
    tnd_price_rule r = logarithmic(2000000);
    tnd_dec q[] = { PTS(6), PTS(10), PTS(10) };
    tnd_cents p[] = { EUR(1000), EUR(2000), EUR(4000) };
    tnd_price_outcome out[3];
    size_t order[3];
    evaluate(&r, q, p, 3, out, order);
    assert_int_equal(out[0].price_score.units, 10000000);
    assert_int_equal(out[0].total.units, 7600000);
    assert_int_equal(out[1].price_score.units, 0);
    assert_int_equal(out[1].total.units, 6000000);
    assert_int_equal(out[2].price_score.units, 0);
    assert_int_equal(out[2].total.units, 6000000);
    assert_int_equal(out[0].rank, 1);
    assert_int_equal(out[1].rank, 2);
    assert_int_equal(out[2].rank, 2);
    assert_int_equal(order[0], 0);
    assert_int_equal(order[1], 1);
    assert_int_equal(order[2], 2);
}

static void test_logarithmic_a2_between_rounds_score_to_six_decimals(void **state)
{
    /* P = € 1.414,21 (Pbest * sqrt 2, to the cent): log2(1,41421) = 0,49999636588 (40 digits:
     *   0,4999963658781051...), score 10 * 0,50000363412 = 5,0000363412 -> 5,000036;
     *   Q=10: 6 + 0,4 * 5,000036 = 8,0000144 -> 8,000014
     * P = € 1.500: log2(1,5) = 0,58496250072, score 4,1503749928 -> 4,150375;
     *   Q=8: 4,8 + 0,4 * 4,150375 = 4,8 + 1,66015 = 6,46015
     * P = Pbest € 1.000: 10; Q=6: 7,6 */
    tnd_price_rule r = logarithmic(2000000);
    tnd_dec q[] = { PTS(10), PTS(8), PTS(6) };
    tnd_cents p[] = { 141421, EUR(1500), EUR(1000) };
    tnd_price_outcome out[3];
    size_t order[3];
    evaluate(&r, q, p, 3, out, order);
    assert_int_equal(out[0].price_score.units, 5000036);
    assert_int_equal(out[0].total.units, 8000014);
    assert_int_equal(out[1].price_score.units, 4150375);
    assert_int_equal(out[1].total.units, 6460150);
    assert_int_equal(out[2].total.units, 7600000);
    assert_int_equal(order[0], 0);
    assert_int_equal(order[1], 2);
    assert_int_equal(order[2], 1);
}

static void test_logarithmic_a4_double_price_scores_exactly_half(void **state)
{
    /* A = 4, P = 2*Pbest: ln 2 / ln 4 = 1/2 -> score 10 * 1/2 = 5; Q=5: 3,0 + 2,0 = 5,0 */
    tnd_price_rule r = logarithmic(4000000);
    tnd_dec q[] = { PTS(5), PTS(5) };
    tnd_cents p[] = { EUR(2000), EUR(1000) };
    tnd_price_outcome out[2];
    evaluate(&r, q, p, 2, out, NULL);
    assert_int_equal(out[0].price_score.units, 5000000);
    assert_int_equal(out[0].total.units, 5000000);
    assert_int_equal(out[1].price_score.units, 10000000);
    assert_int_equal(out[1].total.units, 7000000);
}

/* ------------------------------------------------------------------ value */

static void test_value_lowest_fictitious_price_wins(void **state)
{
    /* fictitious price = P - € 1.000 per quality point * Q; ascending
     *  A: € 50.000 - 8 * 1.000       = € 42.000      (3rd)
     *  B: € 46.000 - 6 * 1.000       = € 40.000      (1st)
     *  C: € 52.500 - 9,5 * 1.000     = € 43.000      (4th)
     *  D: € 48.000 - 7,333333 * 1.000 = € 40.666,667 (2nd; a fraction of a cent, kept exact) */
    tnd_price_rule r = weighted(TND_PRICE_VALUE, 0, 0);
    r.value_per_point = EUR(1000);
    tnd_dec q[] = { PTS(8), PTS(6), DEC(9500000), DEC(7333333) };
    tnd_cents p[] = { EUR(50000), EUR(46000), EUR(52500), EUR(48000) };
    tnd_price_outcome out[4];
    size_t order[4];
    evaluate(&r, q, p, 4, out, order);
    assert_false(out[0].has_price_score);
    assert_int_equal(out[0].price_score.units, 0);
    assert_int_equal(out[0].total.units, 42000LL * TND_DEC_SCALE);
    assert_int_equal(out[1].total.units, 40000LL * TND_DEC_SCALE);
    assert_int_equal(out[2].total.units, 43000LL * TND_DEC_SCALE);
    assert_int_equal(out[3].total.units, 40666667000LL);
    assert_int_equal(out[0].rank, 3);
    assert_int_equal(out[1].rank, 1);
    assert_int_equal(out[2].rank, 4);
    assert_int_equal(out[3].rank, 2);
    assert_int_equal(order[0], 1);
    assert_int_equal(order[1], 3);
    assert_int_equal(order[2], 0);
    assert_int_equal(order[3], 2);
}

static void test_value_fictitious_price_below_zero_still_ranks_first(void **state)
{
    /* € 5.000 - 10 * € 1.000 = -€ 5.000 (1st); € 9.000 - 2 * € 1.000 = € 7.000 (2nd) */
    tnd_price_rule r = weighted(TND_PRICE_VALUE, 0, 0);
    r.value_per_point = EUR(1000);
    tnd_dec q[] = { PTS(2), PTS(10) };
    tnd_cents p[] = { EUR(9000), EUR(5000) };
    tnd_price_outcome out[2];
    size_t order[2];
    evaluate(&r, q, p, 2, out, order);
    assert_int_equal(out[0].total.units, 7000LL * TND_DEC_SCALE);
    assert_int_equal(out[1].total.units, -5000LL * TND_DEC_SCALE);
    assert_int_equal(out[1].rank, 1);
    assert_int_equal(order[0], 1);
    assert_int_equal(order[1], 0);
}

/* ------------------------------------------------------------------ quality-price-ratio */

static void test_quality_price_ratio_highest_points_per_1000_euro_wins(void **state)
{
    /* Q / (P / € 1.000), descending
     *  A: 8  / 100   = 0,08      (3rd)
     *  B: 9  / 125   = 0,072     (4th)
     *  C: 6  / 60    = 0,1       (2nd)
     *  D: 10 / 30    = 0,333333(3) -> 0,333333 (1st) */
    tnd_price_rule r = weighted(TND_PRICE_QUALITY_RATIO, 0, 0);
    tnd_dec q[] = { PTS(8), PTS(9), PTS(6), PTS(10) };
    tnd_cents p[] = { EUR(100000), EUR(125000), EUR(60000), EUR(30000) };
    tnd_price_outcome out[4];
    size_t order[4];
    evaluate(&r, q, p, 4, out, order);
    assert_false(out[0].has_price_score);
    assert_int_equal(out[0].total.units, 80000);
    assert_int_equal(out[1].total.units, 72000);
    assert_int_equal(out[2].total.units, 100000);
    assert_int_equal(out[3].total.units, 333333);
    assert_int_equal(out[0].rank, 3);
    assert_int_equal(out[1].rank, 4);
    assert_int_equal(out[2].rank, 2);
    assert_int_equal(out[3].rank, 1);
    assert_int_equal(order[0], 3);
    assert_int_equal(order[1], 2);
    assert_int_equal(order[2], 0);
    assert_int_equal(order[3], 1);
}

/* ------------------------------------------------------------------ invalid parameters */

static void test_weights_not_summing_to_100_percent_are_refused(void **state)
{
    /* WQ + WP must be exactly 1: 60% + 30% is refused, as is a negative weight */
    tnd_price_rule r = weighted(TND_PRICE_RELATIVE_LOWEST, 600000, 300000);
    tnd_dec q[] = { PTS(8) };
    tnd_cents p[] = { EUR(1000) };
    char reason[TND_PRICE_REASON_LEN];
    refused(&r, TEN, q, p, 1, reason, sizeof reason);
    assert_string_equal(reason, "relative-lowest: weging kwaliteit 60,00% + prijs 30,00% is niet "
                                "precies 100%");
    r = weighted(TND_PRICE_LOGARITHMIC, 1200000, -200000);
    r.log_base = PTS(2);
    refused(&r, TEN, q, p, 1, reason, sizeof reason);
    assert_string_equal(reason, "logarithmic: negatieve weging (kwaliteit 120,00%, prijs -20,00%)");
}

static void test_weighted_range_needs_pmin_below_pmax(void **state)
{
    tnd_price_rule r = range_1000_3000();
    r.pmin = EUR(3000);
    tnd_dec q[] = { PTS(8) };
    tnd_cents p[] = { EUR(1000) };
    char reason[TND_PRICE_REASON_LEN];
    refused(&r, TEN, q, p, 1, reason, sizeof reason);
    assert_string_equal(reason,
                        "weighted-range: Pmin € 3.000,00 moet lager zijn dan Pmax € 3.000,00");
    r.pmin = EUR(4000);
    assert_false(tnd_price_rule_valid(&r, reason, sizeof reason));
    assert_string_equal(reason,
                        "weighted-range: Pmin € 4.000,00 moet lager zijn dan Pmax € 3.000,00");
}

static void test_logarithmic_needs_a_greater_than_1(void **state)
{
    tnd_price_rule r = logarithmic(1000000);
    char reason[TND_PRICE_REASON_LEN];
    assert_false(tnd_price_rule_valid(&r, reason, sizeof reason));
    assert_string_equal(reason, "logarithmic: coëfficiënt A = 1,00 moet groter zijn dan 1");
    r.log_base = DEC(500000);
    assert_false(tnd_price_rule_valid(&r, reason, sizeof reason));
    assert_string_equal(reason, "logarithmic: coëfficiënt A = 0,50 moet groter zijn dan 1");
    r.log_base = DEC(1000001); /* just above 1 is allowed */
    assert_true(tnd_price_rule_valid(&r, reason, sizeof reason));
    assert_string_equal(reason, "");
}

static void test_price_of_zero_or_less_is_refused_naming_the_bid(void **state)
{
    tnd_price_rule r = weighted(TND_PRICE_RELATIVE_LOWEST, 600000, 400000);
    tnd_dec q[] = { PTS(8), PTS(9) };
    tnd_cents zero[] = { EUR(1000), 0 };
    tnd_cents negative[] = { -1, EUR(1000) };
    tnd_cents huge[] = { EUR(1000), TND_PRICE_MAX_CENTS + 1 };
    char reason[TND_PRICE_REASON_LEN];
    refused(&r, TEN, q, zero, 2, reason, sizeof reason);
    assert_string_equal(reason, "inschrijving 2: prijs € 0,00 is niet groter dan € 0,00");
    refused(&r, TEN, q, negative, 2, reason, sizeof reason);
    assert_string_equal(reason, "inschrijving 1: prijs -€ 0,01 is niet groter dan € 0,00");
    refused(&r, TEN, q, huge, 2, reason, sizeof reason);
    assert_string_equal(reason, "inschrijving 2: prijs € 1.000.000.000.000,01 ligt boven het "
                                "maximum € 1.000.000.000.000,00");
}

static void test_quality_outside_the_scale_is_refused(void **state)
{
    tnd_price_rule r = weighted(TND_PRICE_QUALITY_RATIO, 0, 0);
    tnd_dec q[] = { DEC(10500000) };
    tnd_cents p[] = { EUR(1000) };
    char reason[TND_PRICE_REASON_LEN];
    refused(&r, TEN, q, p, 1, reason, sizeof reason);
    assert_string_equal(reason,
                        "inschrijving 1: kwaliteitsscore 10,500000 ligt niet tussen 0 en 10");
    q[0] = DEC(-1);
    refused(&r, TEN, q, p, 1, reason, sizeof reason);
    assert_string_equal(reason,
                        "inschrijving 1: kwaliteitsscore -0,000001 ligt niet tussen 0 en 10");
}

static void test_missing_formula_scale_or_negative_value_per_point_is_refused(void **state)
{
    tnd_price_rule none = weighted(TND_PRICE_NONE, 600000, 400000);
    tnd_price_rule value = weighted(TND_PRICE_VALUE, 0, 0);
    value.value_per_point = -1;
    char reason[TND_PRICE_REASON_LEN];
    assert_false(tnd_price_rule_valid(&none, reason, sizeof reason));
    assert_string_equal(reason, "geen bekende prijsformule");
    assert_false(tnd_price_rule_valid(NULL, reason, sizeof reason));
    assert_string_equal(reason, "geen bekende prijsformule");
    assert_false(tnd_price_rule_valid(&value, reason, sizeof reason));
    assert_string_equal(reason, "value: waarde per kwaliteitspunt -€ 0,01 buiten het toegestane "
                                "bereik");
    /* a value of 0 per point is allowed (it ranks on price alone); the scale must have a top */
    value.value_per_point = 0;
    assert_true(tnd_price_rule_valid(&value, reason, sizeof reason));
    assert_string_equal(reason, "");
    tnd_dec q[] = { PTS(8) };
    tnd_cents p[] = { EUR(1000) };
    refused(&value, PTS(0), q, p, 1, reason, sizeof reason);
    assert_string_equal(reason, "hoogste score van de schaal 0,00 ligt niet tussen 0 en 1000");
    /* NULL reason is allowed */
    assert_false(tnd_price_rule_valid(&none, NULL, 0));
}

/* Each bound of a formula's parameters is checked on its own: a weight above 100 %, a Pmin below
 * zero or a Pmax above the largest price, a value per point above it, a scale above 1000 points. */
static void test_each_parameter_bound_of_a_formula_is_refused_on_its_own(void **state)
{
    char reason[TND_PRICE_REASON_LEN];
    tnd_price_rule r = weighted(TND_PRICE_RELATIVE_LOWEST, 1200000, 0);
    assert_false(tnd_price_rule_valid(&r, reason, sizeof reason));
    assert_string_equal(reason, "relative-lowest: weging kwaliteit 120,00% + prijs 0,00% is niet "
                                "precies 100%");
    r = weighted(TND_PRICE_RELATIVE_LOWEST, 0, 1000001);
    assert_false(tnd_price_rule_valid(&r, reason, sizeof reason));
    assert_string_equal(reason, "relative-lowest: weging kwaliteit 0,00% + prijs 100,00% is niet "
                                "precies 100%"); /* 100,0001 % shown with 2 decimals */
    r = weighted(TND_PRICE_RELATIVE_LOWEST, -100000, 1100000);
    assert_false(tnd_price_rule_valid(&r, reason, sizeof reason));
    assert_string_equal(reason, "relative-lowest: negatieve weging (kwaliteit -10,00%, prijs "
                                "110,00%)");
    r = range_1000_3000();
    r.pmin = -1;
    assert_false(tnd_price_rule_valid(&r, reason, sizeof reason));
    assert_string_equal(reason, "weighted-range: Pmin -€ 0,01 of Pmax € 3.000,00 buiten het "
                                "toegestane bereik");
    r = range_1000_3000();
    r.pmax = TND_PRICE_MAX_CENTS + 1;
    assert_false(tnd_price_rule_valid(&r, reason, sizeof reason));
    assert_string_equal(reason, "weighted-range: Pmin € 1.000,00 of Pmax € 1.000.000.000.000,01 "
                                "buiten het toegestane bereik");
    r = weighted(TND_PRICE_VALUE, 0, 0);
    r.value_per_point = TND_PRICE_MAX_CENTS + 1;
    assert_false(tnd_price_rule_valid(&r, reason, sizeof reason));
    assert_string_equal(reason, "value: waarde per kwaliteitspunt € 1.000.000.000.000,01 buiten "
                                "het toegestane bereik");
    r.value_per_point = 0;
    tnd_dec q[] = { PTS(8) };
    tnd_cents p[] = { EUR(1000) };
    refused(&r, PTS(TND_PRICE_MAX_SCALE + 1), q, p, 1, reason, sizeof reason);
    assert_string_equal(reason, "hoogste score van de schaal 1001,00 ligt niet tussen 0 en 1000");
    /* no room for a reason: still refused */
    r = weighted(TND_PRICE_RELATIVE_LOWEST, 600000, 300000);
    assert_false(tnd_price_rule_valid(&r, reason, 0));
}

static void test_no_bids_is_valid_and_writes_nothing(void **state)
{
    tnd_price_rule r = weighted(TND_PRICE_RELATIVE_LOWEST, 600000, 400000);
    char reason[TND_PRICE_REASON_LEN] = "x";
    assert_true(tnd_price_evaluate(&r, TEN, NULL, NULL, 0, NULL, NULL, reason, sizeof reason));
    assert_string_equal(reason, "");
}

/* ------------------------------------------------------------------ names and scale */

static void test_formula_names_round_trip_and_value_is_the_only_lower_wins(void **state)
{
    static const char *names[] = { "relative-lowest", "weighted-range", "logarithmic", "value",
                                   "quality-price-ratio" };
    static const tnd_price_kind kinds[] = { TND_PRICE_RELATIVE_LOWEST, TND_PRICE_WEIGHTED_RANGE,
                                            TND_PRICE_LOGARITHMIC, TND_PRICE_VALUE,
                                            TND_PRICE_QUALITY_RATIO };
    for (size_t i = 0; i < 5; i++) {
        tnd_price_kind k = TND_PRICE_NONE;
        assert_true(tnd_price_kind_parse(names[i], &k));
        assert_int_equal(k, kinds[i]);
        assert_string_equal(tnd_price_kind_name(kinds[i]), names[i]);
        assert_int_equal(tnd_price_lower_wins(kinds[i]), kinds[i] == TND_PRICE_VALUE);
        assert_int_equal(tnd_price_uses_weights(kinds[i]), i < 3);
    }
    tnd_price_kind k = TND_PRICE_VALUE;
    assert_false(tnd_price_kind_parse("lowest-price", &k));
    assert_int_equal(k, TND_PRICE_VALUE);
    assert_string_equal(tnd_price_kind_name(TND_PRICE_NONE), "");
    assert_string_equal(tnd_price_kind_dutch(TND_PRICE_NONE), "Geen prijsformule");
    assert_string_equal(tnd_price_kind_dutch(TND_PRICE_QUALITY_RATIO),
                        "Kwaliteit per € 1.000 prijs");
}

static void test_scale_max_is_the_top_of_the_score_scale(void **state)
{
    /* §6.1.1 L1778-1801: 0 2 4 6 8 10 -> M = 10 */
    tnd_score_scale s;
    memset(&s, 0, sizeof s);
    int v[] = { 0, 2, 4, 6, 10, 8 };
    for (int i = 0; i < 6; i++)
        s.values[s.n_values++] = v[i];
    assert_int_equal(tnd_price_scale_max(&s).units, 10000000);
    s.n_values = 0;
    assert_int_equal(tnd_price_scale_max(&s).units, 0);
}

/* ------------------------------------------------------------------ the shipped definition */

static void test_voorbeeld_definition_loads_with_its_price_rules(void **state)
{
    /* fixtures/tenders/regio-voorbeeld-2024.xml (fictitious): lot 1 relative-lowest 60/40
     * (§6.2.3), lot 2 logarithmic 70/30 with A = 2 (§6.2.4), scale 0-10 (§6.3) */
    tnd_error err;
    tnd_definition *def = NULL;
    tnd_status st = tnd_definition_load_file(
        TND_SOURCE_DIR "/fixtures/tenders/regio-voorbeeld-2024.xml", &def, &err);
    if (st != TND_OK) {
        char buf[1200];
        tnd_error_format(&err, buf, sizeof buf);
        fprintf(stderr, "%s\n", buf);
    }
    assert_int_equal(st, TND_OK);
    assert_string_equal(def->id, "regio-voorbeeld-2024");
    assert_int_equal(def->n_lots, 2);
    assert_int_equal(def->n_awards, 2);
    tnd_dec m = tnd_price_scale_max(&def->score_scale);
    assert_int_equal(m.units, 10000000);

    const tnd_award_lot *a1 = tnd_definition_award(def, 1);
    assert_non_null(a1);
    assert_string_equal(a1->price_formula, "relative-lowest");
    assert_int_equal(a1->price.kind, TND_PRICE_RELATIVE_LOWEST);
    assert_int_equal(a1->price.quality_weight.units, 600000);
    assert_int_equal(a1->price.price_weight.units, 400000);
    assert_string_equal(a1->price.source, "§6.2.3; bijlage 3 Prijsblad");
    assert_true(tnd_price_rule_valid(&a1->price, NULL, 0));

    const tnd_award_lot *a2 = tnd_definition_award(def, 2);
    assert_non_null(a2);
    assert_string_equal(a2->price_formula, "logarithmic");
    assert_int_equal(a2->price.kind, TND_PRICE_LOGARITHMIC);
    assert_int_equal(a2->price.quality_weight.units, 700000);
    assert_int_equal(a2->price.price_weight.units, 300000);
    assert_int_equal(a2->price.log_base.units, 2000000);
    assert_string_equal(a2->price.source, "§6.2.4; bijlage 3 Prijsblad");

    /* lot 2 with the loaded rule: 0,7*Q + 0,3*score
     *  Q=8, P=€ 100.000 (best): 5,6 + 3,0 = 8,6 (1st)
     *  Q=9, P=€ 200.000 = 2*best: score 0; 6,3 (2nd) */
    tnd_dec q[] = { PTS(8), PTS(9) };
    tnd_cents p[] = { EUR(100000), EUR(200000) };
    tnd_price_outcome out[2];
    char reason[TND_PRICE_REASON_LEN];
    assert_true(tnd_price_evaluate(&a2->price, m, q, p, 2, out, NULL, reason, sizeof reason));
    assert_int_equal(out[0].total.units, 8600000);
    assert_int_equal(out[1].total.units, 6300000);
    assert_int_equal(out[0].rank, 1);
    assert_int_equal(out[1].rank, 2);
    tnd_definition_free(def);
}

/* The fixture's text with its first occurrence of `from` replaced by `to` (caller frees). */
static char *fixture_with(const char *from, const char *to)
{
    FILE *f = fopen(TND_SOURCE_DIR "/fixtures/tenders/regio-voorbeeld-2024.xml", "rb");
    assert_non_null(f);
    char *text = calloc(1, 64 * 1024);
    assert_non_null(text);
    size_t len = fread(text, 1, 64 * 1024 - 1, f);
    fclose(f);
    assert_true(len > 0 && len < 64 * 1024 - 1);
    char *at = strstr(text, from);
    assert_non_null(at);
    char *out = malloc(len + strlen(to) + 1);
    assert_non_null(out);
    size_t head = (size_t)(at - text);
    memcpy(out, text, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    free(text);
    return out;
}

/* 1-based line of the first occurrence of needle in text. */
static long line_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    assert_non_null(at);
    long line = 1;
    for (const char *c = text; c < at; c++)
        line += *c == '\n';
    return line;
}

static void test_definition_with_log_base_1_is_refused_at_the_price_line(void **state)
{
    /* the loader applies tnd_price_rule_valid: A = 1 makes ln A = 0, no formula */
    char *text = fixture_with("log-base=\"2\"", "log-base=\"1\"");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load_memory(text, strlen(text), "prijs.xml", &def, &err),
                     TND_ERR_DEFINITION);
    assert_null(def);
    assert_int_equal(err.line, line_of(text, "<price kind=\"logarithmic\""));
    assert_string_equal(err.where, "<price>");
    assert_string_equal(err.message, "perceel 2: logarithmic: coëfficiënt A = 1,00 moet groter "
                                     "zijn dan 1");
    free(text);
}

static void test_definition_without_log_base_is_refused(void **state)
{
    char *text = fixture_with(" log-base=\"2\"", "");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load_memory(text, strlen(text), "prijs.xml", &def, &err),
                     TND_ERR_DEFINITION);
    assert_int_equal(err.line, line_of(text, "<price kind=\"logarithmic\""));
    assert_string_equal(err.message, "prijsformule logarithmic zonder log-base");
    free(text);
}

static void test_definition_with_weights_70_40_is_refused(void **state)
{
    /* 70% + 40% = 110%: not exactly 100% */
    char *text = fixture_with("quality-weight=\"60%\"", "quality-weight=\"70%\"");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load_memory(text, strlen(text), "prijs.xml", &def, &err),
                     TND_ERR_DEFINITION);
    assert_int_equal(err.line, line_of(text, "<price kind=\"relative-lowest\""));
    assert_string_equal(err.message, "perceel 1: relative-lowest: weging kwaliteit 70,00% + "
                                     "prijs 40,00% is niet precies 100%");
    free(text);
}

int main(void)
{
    const struct CMUnitTest formula_tests[] = {
        cmocka_unit_test(test_relative_lowest_60_40_worked_example),
        cmocka_unit_test(test_relative_lowest_price_score_rounds_half_up_at_six_decimals),
        cmocka_unit_test(test_relative_lowest_orders_on_the_exact_total_beyond_six_decimals),
        cmocka_unit_test(test_equal_totals_share_a_rank_and_keep_input_order),
        cmocka_unit_test(test_weighted_range_price_at_pmin_scores_10_and_at_pmax_0),
        cmocka_unit_test(test_weighted_range_clamps_outside_pmin_pmax),
        cmocka_unit_test(test_weighted_range_is_linear_between_pmin_and_pmax),
        cmocka_unit_test(test_logarithmic_a2_best_price_scores_10_and_double_price_0),
        cmocka_unit_test(test_logarithmic_a2_between_rounds_score_to_six_decimals),
        cmocka_unit_test(test_logarithmic_a4_double_price_scores_exactly_half),
        cmocka_unit_test(test_value_lowest_fictitious_price_wins),
        cmocka_unit_test(test_value_fictitious_price_below_zero_still_ranks_first),
        cmocka_unit_test(test_quality_price_ratio_highest_points_per_1000_euro_wins),
    };
    const struct CMUnitTest validation_tests[] = {
        cmocka_unit_test(test_weights_not_summing_to_100_percent_are_refused),
        cmocka_unit_test(test_weighted_range_needs_pmin_below_pmax),
        cmocka_unit_test(test_logarithmic_needs_a_greater_than_1),
        cmocka_unit_test(test_price_of_zero_or_less_is_refused_naming_the_bid),
        cmocka_unit_test(test_quality_outside_the_scale_is_refused),
        cmocka_unit_test(test_missing_formula_scale_or_negative_value_per_point_is_refused),
        cmocka_unit_test(test_each_parameter_bound_of_a_formula_is_refused_on_its_own),
        cmocka_unit_test(test_no_bids_is_valid_and_writes_nothing),
        cmocka_unit_test(test_formula_names_round_trip_and_value_is_the_only_lower_wins),
        cmocka_unit_test(test_scale_max_is_the_top_of_the_score_scale),
    };
    const struct CMUnitTest definition_tests[] = {
        cmocka_unit_test(test_voorbeeld_definition_loads_with_its_price_rules),
        cmocka_unit_test(test_definition_with_log_base_1_is_refused_at_the_price_line),
        cmocka_unit_test(test_definition_without_log_base_is_refused),
        cmocka_unit_test(test_definition_with_weights_70_40_is_refused),
    };
    int failed = cmocka_run_group_tests_name("formulas", formula_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("validation", validation_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("definition", definition_tests, NULL, NULL);
    return failed;
}
