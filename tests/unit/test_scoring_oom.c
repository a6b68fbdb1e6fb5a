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
#include "tender/bid.h"
#include "tender/cli/cli.h"
#include "tender/cli/evaluate_run.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_reports_every_failed_allocation_of_every_fixture_bid),
        cmocka_unit_test(test_award_reports_every_failed_allocation_of_the_example),
    };
    return cmocka_run_group_tests(tests, read_example, free_example);
}
