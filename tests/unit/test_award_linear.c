/*
 * test_award_linear.c - the award (step 3, §6.1, and the §4.3.1 cascade after it) grows linearly
 * with the number of bids (issue 9). Counts the steps of the award's lookups
 * (tnd_evaluation.operations) on the shipped example copied 5 and 20 times; a lookup that scans
 * every bidder per placement again would make the count grow 16-fold, not 4-fold. Never timed.
 * The same for the scores' perceel check (tnd_scores_check_lots, issue 8 §5): it counts the
 * KvK comparisons (strcmp, wrapped by the linker for this test, CMakeLists.txt), which a scan of
 * the perceel's entries per score row would also make grow with the square of the bids.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/award.h"
#include "scoring/rounds.h"
#include "tender/bid.h"
#include "tender/definition.h"
#include "tender/base/error.h"
#include "tender/scores.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif
#define EXAMPLE TND_SOURCE_DIR "/fixtures/example/"
#define MAX_TEMPLATES 64
#define MAX_COPIES 20

typedef struct {
    tnd_definition *def;
    tnd_bid *templates[MAX_TEMPLATES];
    tnd_check_result checks[MAX_TEMPLATES];
    size_t n;
    tnd_scores scores;
} example;

/* strcmp, counted while `counting` (the linker sends every call of the code under test here). */
int __real_strcmp(const char *a, const char *b);
int __wrap_strcmp(const char *a, const char *b);
static bool counting;
static unsigned long long strcmp_calls;

int __wrap_strcmp(const char *a, const char *b)
{
    if (counting)
        strcmp_calls++;
    return __real_strcmp(a, b);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int setup(void **state)
{
    example *x = calloc(1, sizeof *x);
    tnd_error err;
    if (!x || tnd_definition_load(NULL, &x->def, &err) != TND_OK)
        return -1;
    DIR *d = opendir(EXAMPLE "bids");
    if (!d)
        return -1;
    char *names[MAX_TEMPLATES];
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL && n < MAX_TEMPLATES;) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s%s", EXAMPLE "bids/", names[i]);
        free(names[i]);
        if (tnd_bid_load_file(path, &x->templates[x->n], &err) != TND_OK ||
            !tnd_check(x->def, x->templates[x->n], &x->checks[x->n]))
            return -1;
        x->n++;
    }
    if (tnd_scores_load_csv(EXAMPLE "scores.csv", x->def, &x->scores, &err) != TND_OK)
        return -1;
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    example *x = *state;
    for (size_t i = 0; i < x->n; i++) {
        tnd_check_result_free(&x->checks[i]);
        tnd_bid_free(x->templates[i]);
    }
    tnd_scores_free(&x->scores);
    tnd_definition_free(x->def);
    free(x);
    return 0;
}

/* The KvK number of copy k of template t (distinct for every bidder of the run). */
static void copy_kvk(size_t k, size_t t, char out[9])
{
    snprintf(out, 9, "%08zu", (size_t)20000000 + k * 100 + t);
}

/* Room for MAX_COPIES copies of the example: the bids, the pointers tnd_evaluate takes and the
 * score rows. */
typedef struct {
    tnd_bid *bids;
    const tnd_bid **bid_ptrs;
    const tnd_check_result **check_ptrs;
    tnd_score *rows;
} room;

static room room_new(const example *x)
{
    size_t max = MAX_COPIES * x->n;
    room r = { calloc(max, sizeof *r.bids), calloc(max, sizeof *r.bid_ptrs),
               calloc(max, sizeof *r.check_ptrs),
               calloc(MAX_COPIES * x->scores.n + 1, sizeof *r.rows) };
    assert_non_null(r.bids);
    assert_non_null(r.bid_ptrs);
    assert_non_null(r.check_ptrs);
    assert_non_null(r.rows);
    return r;
}

static void room_free(room *r)
{
    free(r->bids);
    free(r->bid_ptrs);
    free(r->check_ptrs);
    free(r->rows);
}

/* Runs the award on `copies` copies of the example (every copy with its own KvK numbers and
 * scores) into ev. */
static void evaluate_copies(const example *x, size_t copies, tnd_evaluation *ev, room *r,
                            tnd_scores *scores_out)
{
    tnd_bid *bids = r->bids;
    const tnd_bid **bid_ptrs = r->bid_ptrs;
    const tnd_check_result **check_ptrs = r->check_ptrs;
    tnd_score *rows = r->rows;
    size_t n = 0, n_rows = 0;
    for (size_t k = 0; k < copies; k++) {
        for (size_t t = 0; t < x->n; t++, n++) {
            bids[n] = *x->templates[t]; /* shares the template's lists: read only */
            copy_kvk(k, t, bids[n].bidder.kvk);
            bid_ptrs[n] = &bids[n];
            check_ptrs[n] = &x->checks[t];
            for (size_t i = 0; i < x->scores.n; i++) {
                if (strcmp(x->scores.items[i].bidder, x->templates[t]->bidder.kvk) != 0)
                    continue;
                rows[n_rows] = x->scores.items[i];
                copy_kvk(k, t, rows[n_rows].bidder);
                n_rows++;
            }
        }
    }
    tnd_scores scores = { .items = rows, .n = n_rows };
    strcpy(scores.file, "scores.csv");
    assert_true(tnd_evaluate(x->def, bid_ptrs, check_ptrs, n, &scores, NULL, 0, ev));
    assert_int_equal(ev->n_bidders, n);
    if (scores_out)
        *scores_out = scores;
}

static size_t granted_in(const tnd_evaluation *ev, int lot)
{
    size_t n = 0;
    for (size_t i = 0; i < ev->n_lots; i++)
        for (size_t j = 0; ev->lots[i].lot == lot && j < ev->lots[i].n_entries; j++)
            n += ev->lots[i].entries[j].status == TND_AWARD_GRANTED;
    return n;
}

/* §6.1 and §4.3.1 over 200 and 800 bids: 4 times the bids, at most 5 times the lookup steps
 * (binary searches add a little); a per-placement scan would give 16 times. */
static void test_award_lookups_grow_linearly_with_the_number_of_bids(void **state)
{
    example *x = *state;
    room r = room_new(x);

    tnd_evaluation one, small, big;
    evaluate_copies(x, 1, &one, &r, NULL);
    size_t granted_lot1 = granted_in(&one, 1), granted_lot9 = granted_in(&one, 9);
    tnd_evaluation_free(&one);

    evaluate_copies(x, 5, &small, &r, NULL);
    unsigned long long ops_small = small.operations;
    /* lots 1 and 9 have a threshold and no maximum (§6.1): every copy is granted alike */
    assert_int_equal(granted_in(&small, 1), 5 * granted_lot1);
    assert_int_equal(granted_in(&small, 9), 5 * granted_lot9);
    tnd_evaluation_free(&small);

    evaluate_copies(x, 20, &big, &r, NULL);
    unsigned long long ops_big = big.operations;
    assert_int_equal(granted_in(&big, 1), 20 * granted_lot1);
    tnd_evaluation_free(&big);

    assert_true(granted_lot1 > 0);
    assert_true(ops_small > 0);
    if (ops_big > 5 * ops_small)
        fail_msg("award lookups: %llu steps for 200 bids, %llu for 800 (more than 5x: not "
                 "linear)", ops_small, ops_big);
    room_free(&r);
}

/* Counts something of a run on `copies` copies of the example. */
typedef unsigned long long (*copies_count)(const example *x, size_t copies, room *r);

/* Counts on 5 and 20 copies (200 and 800 bids) and fails, naming `what`, when the second is more
 * than `limit` times the first. */
static void assert_grows_at_most(const example *x, copies_count count, unsigned limit,
                                 const char *what)
{
    room r = room_new(x);
    unsigned long long small = count(x, 5, &r);
    unsigned long long big = count(x, 20, &r);
    assert_true(small > 0);
    if (big > limit * small)
        fail_msg("%s: %llu for 200 bids, %llu for 800 (more than %ux: not linear)", what, small,
                 big, limit);
    room_free(&r);
}

/* The steps of settling the procedure (tnd_rounds_settle) of `copies` copies of the example,
 * with one herstel request per copy (so the decisions grow with the bids too): the open entries
 * of a competitive lot and a bidder's herstel decisions are looked up, not scanned per outcome. */
static unsigned long long settle_steps(const example *x, size_t copies, room *r)
{
    tnd_evaluation ev;
    evaluate_copies(x, copies, &ev, r, NULL);
    tnd_decision items[MAX_COPIES];
    memset(items, 0, sizeof items);
    for (size_t k = 0; k < copies; k++) {
        copy_kvk(k, 0, items[k].kvk);
        items[k].round = 1;
        items[k].kind = TND_DECISION_HERSTEL_ASKED;
        snprintf(items[k].rule_id, sizeof items[k].rule_id, "%s", "UEA-IIIA");
        items[k].date = (tnd_date){ 2022, 8, 1 };
    }
    tnd_decisions ds = { .items = items, .n = copies };
    tnd_procedure p;
    assert_true(tnd_rounds_settle(x->def, &ev, NULL, NULL, 1, (tnd_date){ 2022, 8, 8 }, &ds,
                                  NULL, &p));
    assert_int_equal(p.n_bidders, copies * x->n);
    assert_true(p.bidders[0].herstel_open); /* the requests were found */
    unsigned long long steps = p.operations;
    tnd_procedure_free(&p);
    tnd_evaluation_free(&ev);
    return steps;
}

/* 200 and 800 bids with 5 and 20 herstel requests: at most 5 times the steps; counting the
 * open entries of a lot for every outcome, or scanning every decision for every bidder, grows
 * with the square (16 times). */
static void test_settling_the_procedure_grows_linearly_with_the_number_of_bids(void **state)
{
    assert_grows_at_most(*state, settle_steps, 5, "settling: steps");
}

/* The KvK comparisons of tnd_scores_check_lots on `copies` copies of the example (every score
 * row has its entry, so the check passes). */
static unsigned long long check_lots_comparisons(const example *x, size_t copies, room *r)
{
    tnd_evaluation ev;
    tnd_scores scores;
    evaluate_copies(x, copies, &ev, r, &scores);
    assert_true(scores.n >= copies * x->scores.n);
    tnd_error err;
    strcmp_calls = 0;
    counting = true;
    tnd_status rc = tnd_scores_check_lots(&scores, &ev, &err);
    counting = false;
    assert_int_equal(rc, TND_OK);
    tnd_evaluation_free(&ev);
    return strcmp_calls;
}

/* 200 and 800 bids, each with its score rows: 4 times the rows and entries, at most 8 times the
 * comparisons (a sort and a binary search per row grow as n log n: 7,336 and 41,323, 5.6 times);
 * a scan of the perceel's entries per row gives 16 times (30,708 and 480,055, measured). */
static void test_scores_perceel_check_grows_linearly_with_the_number_of_bids(void **state)
{
    assert_grows_at_most(*state, check_lots_comparisons, 8,
                         "scores perceel check: KvK comparisons");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_award_lookups_grow_linearly_with_the_number_of_bids,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_scores_perceel_check_grows_linearly_with_the_number_of_bids, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_settling_the_procedure_grows_linearly_with_the_number_of_bids, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
