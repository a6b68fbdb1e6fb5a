/*
 * test_scoring_oom.c - running out of memory in scoring/ is reported, never a smaller result.
 *
 * scoring/ decides on plain structs and allocates only for its results (findings, placements,
 * the award per lot). If an allocation fails half way, the result lacks findings or entries: an
 * award computed from it could be silently wrong. So every function that allocates returns false
 * (or sets out_of_memory) and the caller refuses. This test makes each allocation fail in turn,
 * the 1st, then the 2nd, ... until a run completes, and asserts every time that the failure is
 * reported and everything is freed (ASan/LeakSanitizer in the sanitizer build).
 *
 * The allocations are counted through the linker (-Wl,--wrap=malloc,calloc,realloc for this test
 * only, CMakeLists.txt): the code under test is the code that ships, unchanged. The inputs are
 * read first, with allocation intact: the shipped example (fixtures/example, 40 bids, all 9
 * percelen) and every bid of fixtures/bids/.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/award.h"
#include "scoring/check.h"
#include "scoring/check_internal.h"
#include "scoring/rounds.h"
#include "scoring/rules_lots.h"
#include "tender/bid.h"
#include "tender/cli/cli.h"
#include "tender/cli/evaluate_run.h"
#include "tender/decisions.h"
#include "tender/definition.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

/* ------------------------------------------------------------------ failing allocations */

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);

static bool armed;          /* counting allocations */
static long fail_at;        /* the allocation (0-based) that fails */
static long counted;        /* allocations since arming */
static bool failed;         /* the armed failure happened */

static bool fail_now(void)
{
    if (!armed)
        return false;
    if (counted++ == fail_at) {
        failed = true;
        return true;
    }
    return false;
}

void *__wrap_malloc(size_t size)
{
    return fail_now() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return fail_now() ? NULL : __real_realloc(p, size);
}

static void arm(long n)
{
    fail_at = n;
    counted = 0;
    failed = false;
    armed = true;
}

static void disarm(void)
{
    armed = false;
}

/* ------------------------------------------------------------------ the inputs */

static tnd_run example;

static int read_example(void **state)
{
    tnd_run_options o = { .bids_dir = TND_SOURCE_DIR "/fixtures/example/bids",
                          .scores = TND_SOURCE_DIR "/fixtures/example/scores.csv",
                          .date = "2022-10-03",
                          .keep_bid_details = true }; /* the tests run steps 1-2 again */
    return tnd_run_evaluation(&o, &example) ? 0 : -1;
}

static int free_example(void **state)
{
    tnd_run_free(&example);
    return 0;
}

/* Steps 1-2 of one bid with allocation n failing: false, or out_of_memory set, whenever it did. */
static long check_until_complete(const tnd_definition *def, const tnd_bid *bid, const char *name)
{
    for (long n = 0;; n++) {
        tnd_check_result r;
        memset(&r, 0, sizeof r);
        arm(n);
        bool ok = tnd_check(def, bid, &r);
        disarm();
        bool reported = !ok && r.out_of_memory;
        tnd_check_result_free(&r);
        if (!failed) {
            if (!ok)
                fail_msg("%s: tnd_check failed without an allocation failing", name);
            return n; /* n allocations, all succeeded */
        }
        if (!reported)
            fail_msg("%s: allocation %ld of tnd_check failed, but the check returned %s with "
                     "out_of_memory %s",
                     name, n + 1, ok ? "true" : "false", reported ? "set" : "not set");
    }
}

/* §6 steps 1-2: every bid of the example and of fixtures/bids, every allocation failing once. */
static void test_check_reports_every_failed_allocation_of_every_fixture_bid(void **state)
{
    long total = 0;
    for (size_t i = 0; i < example.checked.n; i++)
        total += check_until_complete(example.def, example.checked.bids[i],
                                      example.checked.bids[i]->file);

    tnd_path_list paths;
    memset(&paths, 0, sizeof paths);
    assert_true(tnd_path_list_add_input(&paths, TND_SOURCE_DIR "/fixtures/bids"));
    size_t checked = 0;
    for (size_t i = 0; i < paths.n; i++) {
        tnd_bid *bid = NULL;
        tnd_error err;
        if (tnd_bid_load_file(paths.paths[i], &bid, &err) != TND_OK)
            continue;
        if (tnd_bid_validate_against(bid, example.def, &err) == TND_OK) {
            total += check_until_complete(example.def, bid, paths.paths[i]);
            checked++;
        }
        tnd_bid_free(bid);
    }
    tnd_path_list_free(&paths);
    assert_true(checked >= 40);  /* fixtures/bids holds 44 bids for IJsselland 2023 */
    assert_true(total > 0);
}

/* §6.1 step 3 and the final placement: the example award with every allocation failing once. */
static void test_award_reports_every_failed_allocation_of_the_example(void **state)
{
    const tnd_bid *const *bids = (const tnd_bid *const *)example.checked.bids;
    const tnd_check_result *const *checks =
        (const tnd_check_result *const *)example.checked.results;
    long n;
    for (n = 0;; n++) {
        tnd_evaluation ev;
        memset(&ev, 0, sizeof ev);
        arm(n);
        bool ok = tnd_evaluate(example.def, bids, checks, example.checked.n, &example.scores,
                               example.prices, example.n_prices, &ev);
        disarm();
        bool reported = !ok && ev.out_of_memory;
        bool hit = failed;
        tnd_evaluation_free(&ev);
        if (!hit) {
            assert_true(ok);
            break;
        }
        if (!reported)
            fail_msg("allocation %ld of tnd_evaluate failed, but it returned %s with "
                     "out_of_memory %s",
                     n + 1, ok ? "true" : "false", reported ? "set" : "not set");
    }
    assert_true(n > 10); /* lots, entries, bidders, fallbacks: more than a handful */
}


/* Issue 8 §4: finality of every outcome of the example; the allocations are the table of bidders,
 * the open entries per lot and the index of herstel decisions (issue 9: counted and sorted once,
 * not scanned per outcome), and one row of finality texts per bidder (issue 9: sized by the lots
 * applied for), and each failure is reported (false, nothing handed out), never a shorter
 * table. */
static void test_finality_reports_a_failed_allocation(void **state)
{
    tnd_date eval = { 2022, 10, 3 };
    long n;
    for (n = 0;; n++) {
        tnd_procedure pr;
        arm(n);
        bool ok = tnd_rounds_settle(example.def, &example.ev, NULL, NULL, 1, eval, NULL, NULL, &pr);
        disarm();
        bool hit = failed;
        if (!hit) {
            assert_true(ok);
            assert_int_equal(pr.n_bidders, example.ev.n_bidders);
            tnd_procedure_free(&pr);
            break;
        }
        assert_false(ok);
        assert_null(pr.bidders);
        assert_int_equal(pr.n_bidders, 0);
        tnd_procedure_free(&pr);
    }
    assert_int_equal(n, 3 + (long)example.ev.n_bidders);
}

/* Score rows of a KvK no bid has (scores.h leaves that check to the award): without memory for
 * the sorted KvK list the award scans the bidders instead, and finds the same rows. */
static void test_unknown_bidder_rows_are_the_same_without_memory_for_the_sorted_list(void **state)
{
    size_t n_rows = example.scores.n + 2;
    tnd_score *items = calloc(n_rows, sizeof *items);
    assert_non_null(items);
    memcpy(items + 1, example.scores.items, example.scores.n * sizeof *items);
    items[0] = example.scores.items[0];
    memcpy(items[0].bidder, "99999991", 9);
    items[n_rows - 1] = example.scores.items[0];
    memcpy(items[n_rows - 1].bidder, "00000001", 9);
    tnd_scores scores = { .items = items, .n = n_rows };

    size_t rows[4] = { 0 };
    assert_int_equal(tnd_award_unknown_bidder_rows(&example.ev, &scores, rows, 4), 2);
    assert_int_equal(rows[0], 0);
    assert_int_equal(rows[1], n_rows - 1);

    size_t scanned[4] = { 0 };
    arm(0);
    size_t found = tnd_award_unknown_bidder_rows(&example.ev, &scores, scanned, 4);
    disarm();
    assert_true(failed);
    assert_int_equal(found, 2);
    assert_int_equal(scanned[0], 0);
    assert_int_equal(scanned[1], n_rows - 1);
    free(items);
}

/* RES-GELIJKE-STAND: the settlements handed to the award; a failed allocation is reported, never
 * fewer settlements (a tie would silently stay open). */
static void test_tie_settlements_report_a_failed_allocation(void **state)
{
    const tnd_award_lot *ranked = NULL;
    for (size_t i = 0; i < example.def->n_awards && !ranked; i++)
        if (example.def->awards[i].kind == TND_AWARD_RANKED && example.def->awards[i].max_awarded > 0)
            ranked = &example.def->awards[i];
    if (!ranked) {
        fail_msg("the example definition has no ranked lot with a maximum");
        return;
    }
    tnd_decision d[2];
    memset(d, 0, sizeof d);
    for (int i = 0; i < 2; i++) {
        memcpy(d[i].kvk, i ? "12345679" : "12345678", 9);
        d[i].round = 1;
        snprintf(d[i].rule_id, sizeof d[i].rule_id, "%s", ranked->ref.id);
        d[i].kind = TND_DECISION_TIE_AWARDED;
        d[i].date = (tnd_date){ 2022, 9, 26 };
        snprintf(d[i].officer, sizeof d[i].officer, "M. Jansen");
        d[i].line = i + 2;
    }
    tnd_decisions ds = { .items = d, .n = 2 };
    tnd_decision_use uses[2] = { TND_DECISION_APPLIED, TND_DECISION_APPLIED };
    tnd_tie_settlement *t = NULL;
    size_t n_t = 9;
    arm(0);
    bool ok = tnd_rounds_tie_settlements(example.def, &ds, uses, &t, &n_t);
    disarm();
    assert_true(failed);
    assert_false(ok);
    assert_null(t);
    assert_int_equal(n_t, 0);
    assert_true(tnd_rounds_tie_settlements(example.def, &ds, uses, &t, &n_t));
    assert_int_equal(n_t, 2);
    assert_int_equal(t[1].lot, ranked->lot);
    assert_string_equal(t[1].kvk, "12345679");
    free(t);
}

/* Issue 8 §4: the officer's decisions of the example (fixtures/example/round2/decisions.csv)
 * applied to fresh checks of the round-1 bids, with every allocation failing in turn. A failure
 * is reported (false, line 0, "onvoldoende geheugen"), or, where the code can do without the
 * memory (the list of rule ids), the outcome is exactly the one with memory: never a decision
 * silently left out. */
static bool apply_example_decisions(const tnd_decisions *ds, tnd_check_result *checks,
                                    tnd_decision_use *uses, tnd_round_problem *p, long fail)
{
    size_t n = example.checked.n;
    tnd_check_result **ptrs = calloc(n, sizeof *ptrs);
    assert_non_null(ptrs);
    for (size_t i = 0; i < n; i++) {
        memset(&checks[i], 0, sizeof checks[i]);
        assert_true(tnd_check(example.def, example.checked.bids[i], &checks[i]));
        ptrs[i] = &checks[i];
    }
    tnd_round_view v = { .bids = (const tnd_bid *const *)example.checked.bids,
                         .checks = ptrs,
                         .n = n,
                         .round = 1,
                         .evaluation_date = { 2022, 10, 3 } };
    if (fail >= 0)
        arm(fail);
    bool ok = tnd_rounds_apply_decisions(example.def, ds, &v, NULL, uses, p);
    disarm();
    free(ptrs);
    return ok;
}

static void test_decisions_report_every_failed_allocation_or_decide_the_same(void **state)
{
    tnd_decisions ds;
    tnd_error err;
    memset(&ds, 0, sizeof ds);
    assert_int_equal(tnd_decisions_load(TND_SOURCE_DIR "/fixtures/example/round2/decisions.csv",
                                        &ds, &err),
                     TND_OK);
    assert_true(ds.n > 0);
    size_t n = example.checked.n;
    tnd_check_result *want = calloc(n, sizeof *want), *got = calloc(n, sizeof *got);
    tnd_decision_use *want_uses = calloc(ds.n, sizeof *want_uses);
    tnd_decision_use *got_uses = calloc(ds.n, sizeof *got_uses);
    assert_true(want && got && want_uses && got_uses);
    tnd_round_problem want_p, got_p;
    bool want_ok = apply_example_decisions(&ds, want, want_uses, &want_p, -1);
    size_t applied = 0;
    for (size_t i = 0; i < ds.n; i++)
        applied += want_uses[i] == TND_DECISION_APPLIED;
    assert_true(applied > 0);
    long k;
    for (k = 0;; k++) {
        bool ok = apply_example_decisions(&ds, got, got_uses, &got_p, k);
        bool hit = failed;
        bool reported = !ok && got_p.line == 0 && strcmp(got_p.message, "onvoldoende geheugen") == 0;
        bool same = ok == want_ok && memcmp(got_uses, want_uses, ds.n * sizeof *got_uses) == 0;
        for (size_t i = 0; same && i < n; i++) {
            same = got[i].n_findings == want[i].n_findings &&
                   got[i].n_placements == want[i].n_placements &&
                   got[i].stopped_at_step == want[i].stopped_at_step;
            for (size_t f = 0; same && f < got[i].n_findings; f++)
                same = got[i].findings[f].verdict == want[i].findings[f].verdict;
            for (size_t q = 0; same && q < got[i].n_placements; q++)
                same = got[i].placements[q].placed == want[i].placements[q].placed &&
                       got[i].placements[q].status == want[i].placements[q].status;
        }
        for (size_t i = 0; i < n; i++)
            tnd_check_result_free(&got[i]);
        if (!hit) {
            assert_true(same);
            break;
        }
        if (!reported && !same)
            fail_msg("allocation %ld of tnd_rounds_apply_decisions failed: neither reported nor "
                     "the same outcome", k + 1);
    }
    assert_true(k > 2); /* the bidders touched, the rule lists, the placements redone */
    for (size_t i = 0; i < n; i++)
        tnd_check_result_free(&want[i]);
    free(want);
    free(got);
    free(want_uses);
    free(got_uses);
    tnd_decisions_free(&ds);
}

/* A lot that competes on price (not IJsselland; a definition built here: lot 1, relative-lowest
 * 60/40, at most 1, one criterion) with two bids: the price formula's own allocations fail in
 * turn, and each failure is reported, never a ranking without the price. */
static void test_price_lot_reports_every_failed_allocation(void **state)
{
    static tnd_definition def;
    static tnd_lot lot;
    static tnd_award_lot award;
    memset(&def, 0, sizeof def);
    memset(&lot, 0, sizeof lot);
    memset(&award, 0, sizeof award);
    snprintf(def.id, sizeof def.id, "oom-prijs");
    def.closing_time = (tnd_datetime){ { 2022, 7, 18 }, 11, 0, 0 };
    const int scale[6] = { 0, 2, 4, 6, 8, 10 };
    for (int i = 0; i < 6; i++)
        def.score_scale.values[i] = scale[i];
    def.score_scale.n_values = 6;
    lot.number = 1;
    def.lots = &lot;
    def.n_lots = 1;
    snprintf(award.ref.id, sizeof award.ref.id, "GUNNING-P1");
    award.lot = 1;
    award.kind = TND_AWARD_RANKED;
    award.max_awarded = 1;
    snprintf(award.criteria[0].id, sizeof award.criteria[0].id, "kwaliteit");
    award.criteria[0].weight = (tnd_dec){ TND_DEC_SCALE };
    award.criteria[0].parent = -1;
    award.n_criteria = 1;
    award.price.kind = TND_PRICE_RELATIVE_LOWEST;
    award.price.quality_weight = (tnd_dec){ 600000 };
    award.price.price_weight = (tnd_dec){ 400000 };
    snprintf(award.price_formula, sizeof award.price_formula, "relative-lowest");
    def.awards = &award;
    def.n_awards = 1;

    tnd_bid bids[2];
    tnd_bid_lot lots[2];
    tnd_check_result checks[2];
    tnd_score rows[2];
    const tnd_bid *bid_ptrs[2];
    const tnd_check_result *check_ptrs[2];
    memset(bids, 0, sizeof bids);
    memset(lots, 0, sizeof lots);
    memset(rows, 0, sizeof rows);
    const char *kvks[2] = { "90000001", "90000002" };
    for (int i = 0; i < 2; i++) {
        memcpy(bids[i].bidder.kvk, kvks[i], 9);
        bids[i].has_submission = true;
        bids[i].submitted = (tnd_datetime){ { 2022, 7, 18 }, 10, 0, 0 };
        lots[i].number = 1;
        bids[i].lots = &lots[i];
        bids[i].n_lots = 1;
        memset(&checks[i], 0, sizeof checks[i]);
        assert_true(tnd_check(&def, &bids[i], &checks[i]));
        bid_ptrs[i] = &bids[i];
        check_ptrs[i] = &checks[i];
        rows[i].lot = 1;
        snprintf(rows[i].criterion, sizeof rows[i].criterion, "kwaliteit");
        memcpy(rows[i].bidder, kvks[i], 9);
        rows[i].round = 1;
        snprintf(rows[i].member, sizeof rows[i].member, TND_CONSENSUS);
        rows[i].score = i ? 6 : 10;
        rows[i].line = i + 2;
    }
    tnd_scores scores = { .items = rows, .n = 2 };
    const tnd_price prices[2] = { { 1, "90000001", 200000, 2 }, { 1, "90000002", 100000, 3 } };
    long n;
    for (n = 0;; n++) {
        tnd_evaluation ev;
        memset(&ev, 0, sizeof ev);
        arm(n);
        bool ok = tnd_evaluate(&def, bid_ptrs, check_ptrs, 2, &scores, prices, 2, &ev);
        disarm();
        bool hit = failed;
        if (!hit) {
            assert_true(ok);
            /* 0,6 x 10 + 0,4 x 10 x 1000 / 2000 = 8,0 wins over 0,6 x 6 + 0,4 x 10 = 7,6 */
            assert_int_equal(ev.lots[0].entries[0].total.units, 8000000);
            assert_int_equal(ev.lots[0].entries[0].status, TND_AWARD_GRANTED);
            tnd_evaluation_free(&ev);
            break;
        }
        if (ok || !ev.out_of_memory)
            fail_msg("allocation %ld of a price lot's award failed, but it returned %s with "
                     "out_of_memory %s",
                     n + 1, ok ? "true" : "false", ev.out_of_memory ? "set" : "not set");
        tnd_evaluation_free(&ev);
    }
    assert_true(n >= 4); /* the quality marks, prices, outcomes and their order at least */
    for (int i = 0; i < 2; i++)
        tnd_check_result_free(&checks[i]);
}

/* An assignment's contractors without memory to sort their KvK numbers (rules_lots.c) are not
 * counted, and say so: REVIEW, no number (-1: an empty cell, null in the JSON), never a count
 * of 0 that would read as "below the minimum". With memory the same evaluation counts 2. */
static void test_contractors_without_memory_are_not_counted_and_say_so(void **state)
{
    (void)state;
    /* GRJR's assignment A (lot 1, OPDR-A-AANTAL: 5-7, below the minimum provisional) */
    tnd_definition *def = NULL;
    tnd_error err;
    assert_int_equal(tnd_definition_load_file(TND_SOURCE_DIR "/fixtures/tenders/grjr-2021.xml",
                                              &def, &err),
                     TND_OK);
    tnd_bid bids[2];
    memset(bids, 0, sizeof bids);
    snprintf(bids[0].bidder.kvk, sizeof bids[0].bidder.kvk, "90000001");
    snprintf(bids[1].bidder.kvk, sizeof bids[1].bidder.kvk, "90000002");
    tnd_award_entry entries[2] = { { .bid = &bids[0], .status = TND_AWARD_GRANTED },
                                   { .bid = &bids[1], .status = TND_AWARD_ADMITTED } };
    tnd_lot_award lot = { .lot = 1, .entries = entries, .n_entries = 2 };
    tnd_evaluation ev;
    memset(&ev, 0, sizeof ev);
    ev.lots = &lot;
    ev.n_lots = 1;
    tnd_assignment_count c;
    arm(0);
    size_t n = tnd_assignment_counts(def, &ev, &c, 1);
    disarm();
    assert_true(failed);
    assert_int_equal(n, 1);
    assert_int_equal(c.n_contractors, -1);
    assert_int_equal(c.verdict, TND_REVIEW);
    assert_string_equal(c.reason, "opdracht A: niet geteld (onvoldoende geheugen) (OPDR-A-AANTAL "
                                  "§3.2 L1203-1207): beoordelen");
    assert_int_equal(tnd_assignment_counts(def, &ev, &c, 1), 1);
    assert_int_equal(c.n_contractors, 2);
    assert_int_equal(c.verdict, TND_REVIEW); /* 2 below the minimum of 5 */
    tnd_definition_free(def);
}

/* Issue 9: keeping only the knock-out findings gives back memory; when the smaller block cannot
 * be had, the larger one is kept, with every knock-out in it, and nothing is lost. */
static void test_keeping_the_knockouts_survives_a_failed_shrink(void **state)
{
    tnd_rule_ref ref;
    memset(&ref, 0, sizeof ref);
    snprintf(ref.id, sizeof ref.id, "FIN-SOLVABILITEIT");
    tnd_check_result r;
    memset(&r, 0, sizeof r);
    for (int i = 0; i < 40; i++)
        assert_non_null(tnd_add_finding(&r, 2, &ref, 0, i % 2 ? TND_FAIL : TND_PASS, "rij %d", i));
    size_t cap = r.cap_findings;
    arm(0);
    tnd_check_result_keep_knockouts(&r);
    disarm();
    assert_true(failed);
    assert_int_equal(r.n_findings, 20);
    assert_int_equal(r.cap_findings, cap); /* the larger block */
    for (size_t i = 0; i < r.n_findings; i++) {
        char want[16];
        snprintf(want, sizeof want, "rij %zu", 2 * i + 1);
        assert_int_equal(r.findings[i].verdict, TND_FAIL);
        assert_string_equal(r.findings[i].reason, want);
    }
    tnd_check_result_free(&r);

    /* every finding a knock-out, the first block exactly full (64 findings): nothing to give
     * back */
    int added = 0;
    do
        assert_non_null(tnd_add_finding(&r, 2, &ref, 0, TND_MISSING, "rij %d", added++));
    while (r.n_findings < r.cap_findings);
    assert_int_equal(r.cap_findings, 64);
    arm(0);
    tnd_check_result_keep_knockouts(&r);
    disarm();
    assert_false(failed); /* no allocation was tried */
    assert_int_equal(r.n_findings, 64);
    tnd_check_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_reports_every_failed_allocation_of_every_fixture_bid),
        cmocka_unit_test(test_award_reports_every_failed_allocation_of_the_example),
        cmocka_unit_test(test_finality_reports_a_failed_allocation),
        cmocka_unit_test(test_unknown_bidder_rows_are_the_same_without_memory_for_the_sorted_list),
        cmocka_unit_test(test_tie_settlements_report_a_failed_allocation),
        cmocka_unit_test(test_decisions_report_every_failed_allocation_or_decide_the_same),
        cmocka_unit_test(test_price_lot_reports_every_failed_allocation),
        cmocka_unit_test(test_keeping_the_knockouts_survives_a_failed_shrink),
        cmocka_unit_test(test_contractors_without_memory_are_not_counted_and_say_so),
    };
    return cmocka_run_group_tests(tests, read_example, free_example);
}
