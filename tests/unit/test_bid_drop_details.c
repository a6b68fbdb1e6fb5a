/*
 * test_bid_drop_details.c - an evaluation keeps of a checked bid only what the award reads
 * (issue 9: 100k bids within 1 GiB), and never judges a bid whose details it dropped.
 *
 * tnd_award_reads_bid_details (scoring/award.c) names the bids the award reads further: a bid on a
 * lot awarded competitively (IJsselland lot 4, top 5: a bid not granted falls back and is checked
 * again for the lower lot, §4.3.1 L956-969) or on a lot with a criterion computed from the
 * locations (lot 4 criterion C, §6.1.2 L1943-1945). Every other bid drops its details after the
 * check (tnd_bid_drop_details, tender/bid.c); the award of the example is then the same JSON.
 * Once the procedure is settled, every bid's details and lot placements are freed before the
 * outputs are written (tnd_check_result_drop_placements): the outputs read neither.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "forms/award_json.h"
#include "scoring/award.h"
#include "scoring/check.h"
#include "tender/bid.h"
#include "tender/cli/evaluate_run.h"
#include "tender/definition.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

#define BIDS TND_SOURCE_DIR "/fixtures/example/bids/"

typedef struct {
    tnd_definition *def;
    tnd_bid *lot1_lot6;           /* 01: perceel 1 and 6 */
    tnd_bid *lot4;                /* 40: perceel 4, ranked */
} world;

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    tnd_error err;
    if (!w || tnd_definition_load_default(&w->def, &err) != TND_OK ||
        tnd_bid_load_file(BIDS "01-p1-p6-granted-day-group-middel-bid.xml", &w->lot1_lot6,
                          &err) != TND_OK ||
        tnd_bid_load_file(BIDS "40-p4-rank-1-total-9-0-bid.xml", &w->lot4, &err) != TND_OK)
        return -1;
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    tnd_bid_free(w->lot1_lot6);
    tnd_bid_free(w->lot4);
    tnd_definition_free(w->def);
    free(w);
    return 0;
}

/* §4.3.1: lots 1 and 6 are not awarded competitively and have no computed criterion */
static void test_bid_on_lots_1_and_6_is_not_read_after_the_check(void **state)
{
    world *w = *state;
    assert_int_equal(w->lot1_lot6->n_lots, 2);
    assert_false(tnd_award_reads_bid_details(w->def, w->lot1_lot6));
}

/* §4.3.1 L956-969 and §6.1.2 L1943-1945: a lot 4 bid may fall back, and criterion C counts its
 * locations */
static void test_bid_on_lot_4_is_read_by_the_award(void **state)
{
    world *w = *state;
    assert_true(tnd_award_reads_bid_details(w->def, w->lot4));
}

/* Any lot 4 in the bid is enough: the fallback checks the whole bid again. */
static void test_bid_on_lot_1_and_lot_4_is_read_by_the_award(void **state)
{
    world *w = *state;
    tnd_bid copy = *w->lot1_lot6;
    tnd_bid_lot lots[2] = { w->lot1_lot6->lots[0], w->lot1_lot6->lots[0] };
    lots[1].number = 4;
    copy.lots = lots;
    assert_true(tnd_award_reads_bid_details(w->def, &copy));
    lots[1].number = 6;
    assert_false(tnd_award_reads_bid_details(w->def, &copy));
}

/* A bid without its details is refused by steps 1-2, never judged on missing data. */
static void test_check_refuses_a_bid_whose_details_were_dropped(void **state)
{
    world *w = *state;
    tnd_check_result r;
    assert_true(tnd_check(w->def, w->lot1_lot6, &r));
    assert_true(r.n_findings > 0);
    tnd_check_result_free(&r);

    tnd_bid_drop_details(w->lot1_lot6);
    assert_true(w->lot1_lot6->details_dropped);
    assert_null(w->lot1_lot6->bidder.answers);
    assert_int_equal(w->lot1_lot6->n_figures, 0);
    assert_int_equal(w->lot1_lot6->n_references, 0);
    assert_int_equal(w->lot1_lot6->n_lots, 2); /* kept: the award reads the lots */
    assert_string_equal(w->lot1_lot6->bidder.kvk[0] ? "kvk" : "", "kvk");
    assert_false(tnd_check(w->def, w->lot1_lot6, &r));
    assert_true(r.out_of_memory);
    assert_int_equal(r.n_findings, 0);
    tnd_check_result_free(&r);
}

/* The award JSON of the example (every lot, every award status) with its details dropped where
 * the award does not read them, against the same run keeping every bid whole: the same bytes. */
static void test_example_award_is_the_same_with_details_dropped(void **state)
{
    (void)state;
    char *json[2] = { NULL, NULL };
    size_t dropped[2] = { 0, 0 }, placements_dropped[2] = { 0, 0 }, n[2] = { 0, 0 };
    for (int keep = 0; keep < 2; keep++) {
        tnd_run_options o = { .bids_dir = TND_SOURCE_DIR "/fixtures/example/bids",
                              .scores = TND_SOURCE_DIR "/fixtures/example/scores.csv",
                              .date = "2022-10-03", .jobs = 1, .keep_bid_details = keep };
        tnd_run run;
        assert_true(tnd_run_evaluation(&o, &run));
        n[keep] = run.checked.n;
        for (size_t i = 0; i < run.checked.n; i++) {
            dropped[keep] += run.checked.bids[i]->details_dropped;
            placements_dropped[keep] += run.checked.results[i]->placements_dropped &&
                                        run.checked.results[i]->n_placements == 0;
        }
        tnd_buf out = { 0 };
        assert_true(tnd_award_json(run.def, &run.ev, run.date, run.run_id, &run.procedure, &out));
        json[keep] = out.data;
        tnd_run_free(&run);
    }
    /* the default run freed every bid's details and placements once settled; kept: none */
    assert_int_equal(n[0], 40);
    assert_int_equal(dropped[0], 40);
    assert_int_equal(placements_dropped[0], 40);
    assert_int_equal(n[1], 40);
    assert_int_equal(dropped[1], 0);
    assert_int_equal(placements_dropped[1], 0);
    assert_non_null(json[0]);
    assert_non_null(json[1]);
    assert_string_equal(json[0], json[1]);
    free(json[0]);
    free(json[1]);
}

/* A caller that freed the placements before the award gets a refusal, not an award without them. */
static void test_award_refuses_a_check_whose_placements_were_dropped(void **state)
{
    world *w = *state;
    tnd_bid *bid = NULL;
    tnd_error err;
    assert_int_equal(tnd_bid_load_file(BIDS "40-p4-rank-1-total-9-0-bid.xml", &bid, &err), TND_OK);
    tnd_check_result r;
    assert_true(tnd_check(w->def, bid, &r));
    assert_int_equal(r.n_placements, 1);
    const tnd_bid *bids[1] = { bid };
    const tnd_check_result *checks[1] = { &r };
    tnd_scores none = { .n = 0 };
    tnd_evaluation ev;
    assert_true(tnd_evaluate(w->def, bids, checks, 1, &none, NULL, 0, &ev));
    tnd_evaluation_free(&ev);
    tnd_check_result_drop_placements(&r);
    assert_true(r.placements_dropped);
    assert_null(r.placements);
    assert_false(tnd_evaluate(w->def, bids, checks, 1, &none, NULL, 0, &ev));
    tnd_check_result_free(&r);
    tnd_bid_free(bid);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bid_on_lots_1_and_6_is_not_read_after_the_check),
        cmocka_unit_test(test_bid_on_lot_4_is_read_by_the_award),
        cmocka_unit_test(test_bid_on_lot_1_and_lot_4_is_read_by_the_award),
        cmocka_unit_test(test_check_refuses_a_bid_whose_details_were_dropped),
        cmocka_unit_test(test_example_award_is_the_same_with_details_dropped),
        cmocka_unit_test(test_award_refuses_a_check_whose_placements_were_dropped),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
