/*
 * test_scoring_corners.c - corners of scoring/ that no fixture reaches: the vocabularies at and
 * beyond their ends (facts, decisions, how a decision was used), dates before year 0, intensity
 * values beyond what a report can show, and an award mark with more than 6 decimals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/award.h"
#include "scoring/facts.h"
#include "scoring/intensity.h"
#include "scoring/model.h"
#include "scoring/price.h"
#include "scoring/rounds.h"
#include "scoring/rules_lots.h"

/* ------------------------------------------------------------------ vocabularies */

static void test_text_fact_kind_is_text_and_fits_no_product_requirement(void **state)
{
    (void)state;
    /* §5.6: a one-of fact holds codes (text); "bids-product" asks no fact at all */
    assert_int_equal(tnd_fact_kind_type(TND_FACT_KIND_TEXT), TND_FACT_TEXT);
    assert_int_equal(tnd_fact_kind_type(TND_FACT_KIND_COUNT), TND_FACT_NUMBER);
    assert_int_equal(tnd_fact_kind_type(TND_FACT_KIND_DECIMAL), TND_FACT_NUMBER);
    assert_int_equal(tnd_fact_kind_type(TND_FACT_KIND_MONEY), TND_FACT_MONEY);
    assert_int_equal(tnd_fact_kind_type(TND_FACT_KIND_FLAG), TND_FACT_FLAG);
    for (int k = TND_FACT_KIND_FLAG; k <= TND_FACT_KIND_TEXT; k++)
        assert_false(tnd_fact_kind_fits((tnd_fact_kind)k, TND_REQ_BIDS_PRODUCT));
}

static void test_fact_kind_beyond_the_table_is_named_question_mark(void **state)
{
    (void)state;
    assert_string_equal(tnd_fact_kind_element(TND_FACT_KIND_TEXT), "one-of");
    assert_string_equal(tnd_fact_kind_dutch(TND_FACT_KIND_COUNT), "geheel getal");
    assert_string_equal(tnd_fact_kind_element((tnd_fact_kind)(TND_FACT_KIND_TEXT + 1)), "?");
    assert_string_equal(tnd_fact_kind_dutch((tnd_fact_kind)(TND_FACT_KIND_TEXT + 1)), "?");
}

static void test_every_decision_use_has_its_dutch_words(void **state)
{
    (void)state;
    /* issue 8 §4: the Procedure sheet says how each row of the decisions file was used */
    assert_string_equal(tnd_decision_use_dutch(TND_DECISION_APPLIED), "toegepast");
    assert_string_equal(tnd_decision_use_dutch(TND_DECISION_LATE_HERSTEL),
                        "te laat hersteld: niet toegepast");
    assert_string_equal(tnd_decision_use_dutch(TND_DECISION_LATER_ROUND),
                        "latere ronde: nog niet toegepast");
    assert_string_equal(tnd_decision_use_dutch(TND_DECISION_NOT_YET),
                        "na de beoordelingsdatum: nog niet toegepast");
    assert_string_equal(tnd_decision_use_dutch(TND_DECISION_SUPERSEDED),
                        "vervallen door herinschrijving");
    assert_string_equal(tnd_decision_kind_text(TND_DECISION_KIND_COUNT), "?");
}

/* ------------------------------------------------------------------ dates */

static void test_days_of_dates_before_year_0_count_back_from_1970(void **state)
{
    (void)state;
    /* proleptic Gregorian: 1 March of year 0 is 719468 days before 1970-01-01; year -1 has 365 */
    assert_int_equal(tnd_date_days((tnd_date){ 0, 3, 1 }), -719468);
    assert_int_equal(tnd_date_days((tnd_date){ -1, 3, 1 }), -719468 - 366);
    assert_int_equal(tnd_date_days((tnd_date){ 1970, 1, 1 }), 0);
}

/* ------------------------------------------------------------------ intensity */

static void test_intensity_without_bands_is_outside_with_its_rounded_value(void **state)
{
    (void)state;
    /* §9: a scale without bands places nothing; the value is still shown */
    tnd_intensity_result r;
    tnd_intensity_classify(NULL, 7, 4, &r);
    assert_int_equal(r.outcome, TND_INTENSITY_OUTSIDE);
    assert_int_equal(r.rounded.units, 1750000);
    assert_true(r.band[0] == TND_INTENSITY_NO_BAND);
    tnd_intensity_scale empty = { .bands = NULL, .n_bands = 0 };
    tnd_intensity_classify(&empty, 7, 4, &r);
    assert_int_equal(r.outcome, TND_INTENSITY_OUTSIDE);
}

static void test_intensity_beyond_the_display_range_is_shown_at_its_limit(void **state)
{
    (void)state;
    /* the exact fraction decides; only the display value is clamped */
    tnd_intensity_band band = { .code = "K", .from = { 0 }, .from_inclusive = true,
                                .to = { INT64_MAX }, .to_inclusive = true };
    tnd_intensity_scale scale = { .bands = &band, .n_bands = 1 };
    tnd_intensity_result r;
    tnd_intensity_classify(&scale, INT64_MAX, 1, &r);
    assert_int_equal(r.rounded.units, INT64_MAX);
    assert_int_equal(r.outcome, TND_INTENSITY_OUTSIDE); /* above INT64_MAX / 10^6 */
    tnd_intensity_classify(&scale, INT64_MIN + 1, 1, &r);
    assert_int_equal(r.rounded.units, INT64_MIN);
    assert_int_equal(r.outcome, TND_INTENSITY_OUTSIDE);
}

/* ------------------------------------------------------------------ award marks */

static void test_mark_with_more_than_6_decimals_is_rounded_half_up_once(void **state)
{
    (void)state;
    /* weights 0,333333 under 0,333333: a leaf counts 0,111110888889 of its score; the mark is
     * exact, rounded to 6 decimals only at the end */
    tnd_award_lot rule;
    memset(&rule, 0, sizeof rule);
    rule.kind = TND_AWARD_THRESHOLD;
    tnd_criterion *c = &rule.criteria[0];
    snprintf(c->id, sizeof c->id, "kwaliteit");
    c->weight = (tnd_dec){ 333333 };
    c->parent = -1;
    c = &rule.criteria[1];
    snprintf(c->id, sizeof c->id, "A");
    c->weight = (tnd_dec){ 333333 };
    c->parent = 0;
    rule.n_criteria = 2;
    tnd_award_entry e;
    tnd_criterion_score scores[1];
    memset(&e, 0, sizeof e);
    e.scores = scores;
    e.scores[0] = (tnd_criterion_score){ .criterion = 1, .has_score = true, .consensus = 10 };
    e.n_scores = 1;
    tnd_dec mark;
    /* 10 x 0,111110888889 = 1,11110888889 -> 1,111109 (the 7th decimal is 8: up) */
    assert_true(tnd_award_mark(&rule, &e, -1, &mark));
    assert_int_equal(mark.units, 1111109);
    /* 8 x 0,111110888889 = 0,888887111112 -> 0,888887 (the 7th decimal is 1: down) */
    e.scores[0].consensus = 8;
    assert_true(tnd_award_mark(&rule, &e, -1, &mark));
    assert_int_equal(mark.units, 888887);
    /* the criterion itself, on the score scale: 0,333333 x 8 = 2,666664 */
    assert_true(tnd_award_mark(&rule, &e, 0, &mark));
    assert_int_equal(mark.units, 2666664);
}

/* ------------------------------------------------------------------ criterion C: places */

static void test_places_within_a_lot_count_its_own_municipalities_or_the_distance(void **state)
{
    (void)state;
    /* §6.1.2 L1943-1945: places in the lot's region, or within the distance */
    tnd_municipality towns[2];
    memset(towns, 0, sizeof towns);
    snprintf(towns[0].id, sizeof towns[0].id, "zwolle");
    snprintf(towns[1].id, sizeof towns[1].id, "deventer");
    char lot3_towns[1][TND_CODE_LEN] = { "zwolle" };
    tnd_lot lot3;
    memset(&lot3, 0, sizeof lot3);
    lot3.number = 3;
    lot3.municipalities = lot3_towns;
    lot3.n_municipalities = 1;
    tnd_definition def;
    memset(&def, 0, sizeof def);
    def.municipalities = towns;
    def.n_municipalities = 2;
    def.lots = &lot3;
    def.n_lots = 1;
    tnd_location loc[5];
    memset(loc, 0, sizeof loc);
    const char *where[5] = { "zwolle", "deventer", "", "kampen", "zwolle" };
    const long places[5] = { 4, 3, 5, 6, 0 };
    const int64_t km[5] = { 40, 40, 10, 20, 1 };
    for (int i = 0; i < 5; i++) {
        snprintf(loc[i].municipality, sizeof loc[i].municipality, "%s", where[i]);
        loc[i].places = places[i];
        loc[i].distance_km = tnd_dec_from_int(km[i]);
    }
    tnd_bid bid;
    memset(&bid, 0, sizeof bid);
    bid.locations = loc;
    bid.n_locations = 5;
    tnd_dec max = tnd_dec_from_int(15);
    /* lot 3: Zwolle 4 + 5 at 10 km; Deventer is not lot 3's and 40 km away; no empty location */
    assert_int_equal(tnd_award_places_within_lot(&def, 3, &bid, max), 9);
    /* a lot the definition does not have: the definition's region (Zwolle, Deventer) */
    assert_int_equal(tnd_award_places_within_lot(&def, 99, &bid, max), 12);
    assert_int_equal(tnd_award_places_within(&def, &bid, max), 12);
}

static void test_every_score_row_is_unknown_in_an_evaluation_without_bids(void **state)
{
    (void)state;
    tnd_score rows[3];
    memset(rows, 0, sizeof rows);
    tnd_scores scores = { .items = rows, .n = 3 };
    tnd_evaluation ev;
    memset(&ev, 0, sizeof ev);
    size_t idx[2];
    /* more rows than room: all counted, the first two stored */
    assert_int_equal(tnd_award_unknown_bidder_rows(&ev, &scores, idx, 2), 3);
    assert_int_equal(idx[0], 0);
    assert_int_equal(idx[1], 1);
}

static void test_kinds_and_uses_beyond_their_tables_have_safe_answers(void **state)
{
    (void)state;
    /* a value no table holds: no crash, the neutral answer */
    assert_int_equal(tnd_fact_kind_type((tnd_fact_kind)99), TND_FACT_TEXT);
    assert_false(tnd_fact_kind_fits(TND_FACT_KIND_TEXT, (tnd_req_kind)99));
    assert_string_equal(tnd_decision_use_dutch((tnd_decision_use)99), "?");
}

static void test_lookups_of_what_the_definition_lacks_find_nothing(void **state)
{
    (void)state;
    tnd_definition def;
    memset(&def, 0, sizeof def);
    tnd_resolution res;
    memset(&res, 0, sizeof res);
    snprintf(res.id, sizeof res.id, "RES-GELIJKE-STAND");
    def.resolutions = &res;
    def.n_resolutions = 1;
    snprintf(def.financial.items[0].id, sizeof def.financial.items[0].id, "omzet");
    def.financial.n_items = 1;
    assert_null(tnd_lot_product(NULL, "J"));
    assert_null(tnd_definition_resolution(&def, NULL));
    assert_null(tnd_definition_resolution(&def, ""));
    assert_null(tnd_definition_resolution(&def, "RES-ONBEKEND"));
    assert_ptr_equal(tnd_definition_resolution(&def, "RES-GELIJKE-STAND"), &res);
    assert_int_equal(tnd_definition_fin_item(&def, "omzet"), 0);
    assert_int_equal(tnd_definition_fin_item(&def, "activa"), -1);
}

static void test_weights_too_large_for_a_percentage_are_refused_and_shown_as_decimals(
    void **state)
{
    (void)state;
    /* a weight beyond what a percentage can show (x 100 would overflow): the refusal still
     * names it, as a plain decimal */
    tnd_price_rule r;
    memset(&r, 0, sizeof r);
    r.kind = TND_PRICE_RELATIVE_LOWEST;
    r.quality_weight = (tnd_dec){ INT64_MAX / 10 };
    r.price_weight = (tnd_dec){ INT64_MIN / 10 };
    char reason[256];
    assert_false(tnd_price_rule_valid(&r, reason, sizeof reason));
    assert_string_equal(reason, "relative-lowest: negatieve weging (kwaliteit 922337203685,477580, "
                                "prijs -922337203685,477580)");
}

static void test_negative_fictitious_price_with_a_remainder_rounds_half_up(void **state)
{
    (void)state;
    /* value formula: € 1,00 - 8,333333 x € 1,50 = -€ 11,4999995 exactly, which rounds half up
     * (toward +infinity) to -11,499999; with quality 8,333332 it is -€ 11,499998 exactly */
    tnd_price_rule r;
    memset(&r, 0, sizeof r);
    r.kind = TND_PRICE_VALUE;
    r.value_per_point = 150;
    tnd_dec q[2] = { { 8333333 }, { 8333332 } };
    tnd_cents p[2] = { 100, 100 };
    tnd_price_outcome out[2];
    size_t order[2];
    char reason[256];
    assert_true(tnd_price_evaluate(&r, tnd_dec_from_int(10), q, p, 2, out, order, reason,
                                   sizeof reason));
    assert_int_equal(out[0].total.units, -11499999);
    assert_int_equal(out[1].total.units, -11499998);
    /* the lower fictitious price ranks first, on the exact value */
    assert_int_equal(out[0].rank, 1);
    assert_int_equal(out[1].rank, 2);
}

static void test_group_figures_beyond_64_bits_are_refused_never_banded(void **state)
{
    (void)state;
    /* §8.5.3: S / (O x youths); a denominator or a display value beyond int64 is refused (the
     * caller sends the group to a reviewer), never classified from a wrapped number */
    tnd_intensity_band band = { .code = "licht", .from = { 0 }, .from_inclusive = true,
                                .to = { 1000000 }, .to_inclusive = true };
    tnd_intensity_scale scale = { .bands = &band, .n_bands = 1 };
    tnd_intensity_result r;
    memset(&r, 0, sizeof r);
    r.outcome = TND_INTENSITY_IN_BAND;
    assert_false(tnd_intensity_group(&scale, 1000000, (tnd_dec){ INT64_MAX }, (tnd_dec){ 1 }, &r));
    assert_false(tnd_intensity_group(&scale, 1, (tnd_dec){ 1 }, (tnd_dec){ INT64_MAX }, &r));
    assert_int_equal(r.outcome, TND_INTENSITY_IN_BAND); /* left untouched */
    /* in range: 10 staff hours for 40 opening hours and 4 youths = 0,0625 */
    assert_true(tnd_intensity_group(&scale, 4, tnd_dec_from_int(40), tnd_dec_from_int(10), &r));
    assert_int_equal(r.outcome, TND_INTENSITY_IN_BAND);
    assert_int_equal(r.rounded.units, 62500);
}

/* ------------------------------------------------------------------ assignments (issue 11) */

static void test_result_phase_is_the_first_admission_or_selection(void **state)
{
    (void)state;
    tnd_assignment a;
    memset(&a, 0, sizeof a);
    a.phases[0].kind = TND_PHASE_DIALOGUE;
    a.phases[1].kind = TND_PHASE_CONTRACTING;
    a.n_phases = 2;
    /* dialogue and contracting only: no phase an evaluation decides */
    assert_null(tnd_assignment_result_phase(&a));
    assert_null(tnd_assignment_result_phase(NULL));
    a.phases[2].kind = TND_PHASE_SELECTION;
    a.phases[3].kind = TND_PHASE_ADMISSION;
    a.n_phases = 4;
    assert_ptr_equal(tnd_assignment_result_phase(&a), &a.phases[2]);
    assert_string_equal(tnd_phase_kind_dutch(TND_PHASE_SELECTION), "selectie");
    assert_string_equal(tnd_phase_kind_name((tnd_phase_kind)99), "");
    assert_string_equal(tnd_phase_kind_dutch((tnd_phase_kind)99), "");
}

static void test_contractor_count_with_only_a_minimum_or_only_a_maximum(void **state)
{
    (void)state;
    tnd_assignment a;
    memset(&a, 0, sizeof a);
    snprintf(a.id, sizeof a.id, "A");
    snprintf(a.count_rule.id, sizeof a.count_rule.id, "OPDR-A-AANTAL");
    snprintf(a.count_rule.source, sizeof a.count_rule.source, "§3.5 L1700");
    a.has_count = true;
    char reason[TND_REASON_LEN];
    a.min_contractors = 3;
    assert_int_equal(tnd_assignment_count_verdict(&a, 4, reason, sizeof reason), TND_PASS);
    assert_string_equal(reason, "opdracht A: 4 opdrachtnemers, minimaal 3 (OPDR-A-AANTAL "
                                "§3.5 L1700)");
    /* below a provisional minimum without a resolution named */
    assert_int_equal(tnd_assignment_count_verdict(&a, 1, reason, sizeof reason), TND_REVIEW);
    assert_string_equal(reason, "opdracht A: 1 opdrachtnemer, minder dan het beoogde minimum van "
                                "3 (OPDR-A-AANTAL §3.5 L1700): voorlopig, de regio beslist");
    a.min_contractors = 0;
    a.max_contractors = 3;
    assert_int_equal(tnd_assignment_count_verdict(&a, 2, reason, sizeof reason), TND_PASS);
    assert_string_equal(reason, "opdracht A: 2 opdrachtnemers, maximaal 3 (OPDR-A-AANTAL "
                                "§3.5 L1700)");

    /* the counts of a definition with more assignments than room: counted, none written */
    tnd_definition def;
    memset(&def, 0, sizeof def);
    def.assignments = &a;
    def.n_assignments = 1;
    tnd_evaluation ev;
    memset(&ev, 0, sizeof ev);
    tnd_assignment_count out[1];
    assert_int_equal(tnd_assignment_counts(&def, &ev, out, 0), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_fact_kind_is_text_and_fits_no_product_requirement),
        cmocka_unit_test(test_fact_kind_beyond_the_table_is_named_question_mark),
        cmocka_unit_test(test_every_decision_use_has_its_dutch_words),
        cmocka_unit_test(test_days_of_dates_before_year_0_count_back_from_1970),
        cmocka_unit_test(test_intensity_without_bands_is_outside_with_its_rounded_value),
        cmocka_unit_test(test_intensity_beyond_the_display_range_is_shown_at_its_limit),
        cmocka_unit_test(test_mark_with_more_than_6_decimals_is_rounded_half_up_once),
        cmocka_unit_test(test_places_within_a_lot_count_its_own_municipalities_or_the_distance),
        cmocka_unit_test(test_every_score_row_is_unknown_in_an_evaluation_without_bids),
        cmocka_unit_test(test_kinds_and_uses_beyond_their_tables_have_safe_answers),
        cmocka_unit_test(test_lookups_of_what_the_definition_lacks_find_nothing),
        cmocka_unit_test(test_weights_too_large_for_a_percentage_are_refused_and_shown_as_decimals),
        cmocka_unit_test(test_negative_fictitious_price_with_a_remainder_rounds_half_up),
        cmocka_unit_test(test_group_figures_beyond_64_bits_are_refused_never_banded),
        cmocka_unit_test(test_result_phase_is_the_first_admission_or_selection),
        cmocka_unit_test(test_contractor_count_with_only_a_minimum_or_only_a_maximum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
