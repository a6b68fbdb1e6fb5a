/*
 * test_bid_copy.c - the deep copies a parallel run keeps (tender/cli/bid_run.c, issue 9): each
 * worker reads and checks in a malloc arena of its own, and the sink copies what it keeps into
 * its own arena (tnd_bid_copy, tnd_check_result_copy). A copy equals its original in every
 * field and every array, shares no array with it, and outlives it: freed first, the original
 * leaves a copy that checks to the same result (under ASan, a shared array is a use after free).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoring/check.h"
#include "tender/bid.h"
#include "tender/definition.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

/* n items of `size` bytes: equal, and in arrays of their own (or both absent). */
static void same_items(const void *a, const void *b, size_t n, size_t size)
{
    if (!a) {
        assert_null(b);
        return;
    }
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    if (n)
        assert_memory_equal(a, b, n * size);
}

static void same_party(const tnd_party *a, const tnd_party *b)
{
    tnd_party x = *a, y = *b;
    x.answers = y.answers = NULL;
    assert_memory_equal(&x, &y, sizeof x);
    same_items(a->answers, b->answers, a->n_answers, sizeof *a->answers);
}

static void same_bid(const tnd_bid *a, const tnd_bid *b)
{
    assert_ptr_not_equal(a, b);
    assert_string_equal(a->file, b->file);
    assert_ptr_not_equal(a->file, b->file);
    same_party(&a->bidder, &b->bidder);
    same_items(a->members, b->members, 0, sizeof *a->members);
    for (size_t i = 0; a->members && i < a->n_members; i++)
        same_party(&a->members[i], &b->members[i]);
    same_items(a->third_parties, b->third_parties, 0, sizeof *a->third_parties);
    for (size_t i = 0; a->third_parties && i < a->n_third_parties; i++)
        same_party(&a->third_parties[i], &b->third_parties[i]);
    same_items(a->lots, b->lots, 0, sizeof *a->lots);
    for (size_t i = 0; a->lots && i < a->n_lots; i++) {
        tnd_bid_lot x = a->lots[i], y = b->lots[i];
        x.products = y.products = NULL;
        assert_memory_equal(&x, &y, sizeof x);
        same_items(a->lots[i].products, b->lots[i].products, (size_t)a->lots[i].n_products,
                   sizeof *a->lots[i].products);
    }
#define SAME(array, count) same_items(a->array, b->array, a->count, sizeof *a->array);
    TND_BID_FLAT_ARRAYS(SAME)
#undef SAME
    /* every other field: the structs with their arrays taken out */
    tnd_bid x = *a, y = *b;
    tnd_bid *both[2] = { &x, &y };
    for (int k = 0; k < 2; k++) {
        tnd_bid *p = both[k];
        p->file = NULL;
        p->bidder.answers = NULL;
        p->members = p->third_parties = NULL;
        p->lots = NULL;
#define STRIP(array, count) p->array = NULL;
        TND_BID_FLAT_ARRAYS(STRIP)
#undef STRIP
    }
    assert_memory_equal(&x, &y, sizeof x);
}

static void same_result(const tnd_check_result *a, const tnd_check_result *b)
{
    assert_int_equal(a->n_findings, b->n_findings);
    assert_int_equal(a->n_placements, b->n_placements);
    assert_int_equal(a->stopped_at_step, b->stopped_at_step);
    assert_int_equal(a->eligible_all, b->eligible_all);
    same_items(a->findings, b->findings, a->n_findings, sizeof *a->findings);
    same_items(a->placements, b->placements, a->n_placements, sizeof *a->placements);
}

/* Every bid of a folder that reads: copied, compared, and checked again after its original is
 * gone. Returns how many were copied. */
static int copy_folder(const tnd_definition *def, const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int copied = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        tnd_bid *bid = NULL;
        tnd_error err;
        if (tnd_bid_load_file(path, &bid, &err) != TND_OK)
            continue; /* the fixtures of refusals */
        tnd_check_result before, copy_of_before;
        assert_true(tnd_check_knockouts(def, bid, &before));
        assert_true(tnd_check_result_copy(&before, &copy_of_before));
        same_result(&before, &copy_of_before);
        assert_int_equal(copy_of_before.cap_findings, before.n_findings);

        tnd_bid *copy = tnd_bid_copy(bid);
        assert_non_null(copy);
        same_bid(bid, copy);
        tnd_bid_free(bid); /* the copy must not need it */
        tnd_check_result again;
        assert_true(tnd_check_knockouts(def, copy, &again));
        same_result(&before, &again);
        tnd_check_result_free(&before);
        tnd_check_result_free(&again);
        tnd_check_result_free(&copy_of_before);
        tnd_bid_free(copy);
        copied++;
    }
    closedir(d);
    return copied;
}

static void test_every_fixture_bid_copies_whole(void **state)
{
    (void)state;
    tnd_definition *def = NULL;
    tnd_error err;
    assert_int_equal(tnd_definition_load_default(&def, &err), TND_OK);
    assert_int_equal(copy_folder(def, TND_SOURCE_DIR "/fixtures/example/bids"), 40);
    assert_true(copy_folder(def, TND_SOURCE_DIR "/fixtures/bids") > 20);
    tnd_definition_free(def);
}

/* A bid without details (tnd_bid_drop_details) copies without them. */
static void test_a_bid_without_details_copies_without_them(void **state)
{
    (void)state;
    tnd_bid *bid = NULL;
    tnd_error err;
    assert_int_equal(tnd_bid_load_file(TND_SOURCE_DIR "/fixtures/example/bids/"
                                       "01-p1-p6-granted-day-group-middel-bid.xml",
                                       &bid, &err),
                     TND_OK);
    tnd_bid_drop_details(bid);
    tnd_bid *copy = tnd_bid_copy(bid);
    assert_non_null(copy);
    assert_true(copy->details_dropped);
    assert_null(copy->figures);
    assert_null(copy->third_parties);
    same_bid(bid, copy);
    tnd_bid_free(bid);
    tnd_bid_free(copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_fixture_bid_copies_whole),
        cmocka_unit_test(test_a_bid_without_details_copies_without_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
