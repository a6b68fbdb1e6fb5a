/*
 * test_check_knockouts.c - tnd_check_knockouts (scoring/check.h) gives the very result of tnd_check
 * followed by tnd_check_result_keep_knockouts, byte for byte, for every bid of the fixtures: the
 * 40 of the shipped example, its round-2 resubmissions, the rule fixtures (fixtures/bids) and the
 * rounds fixture. It skips writing the reasons of the findings it drops; if a rule ever changed a
 * dropped verdict into a kept one after making the finding, that finding would lose its reason
 * and this test would name the bid and the rule.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <dirent.h>

#include "scoring/check.h"
#include "tender/bid.h"
#include "tender/definition.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

static const char *const folders[] = {
    TND_SOURCE_DIR "/fixtures/example/bids",
    TND_SOURCE_DIR "/fixtures/example/round2/bids",
    TND_SOURCE_DIR "/fixtures/bids",
    TND_SOURCE_DIR "/fixtures/rounds",
};

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Compares both ways of checking one bid; returns the number of knock-out findings. */
static size_t compare_one(const tnd_definition *def, const tnd_bid *bid, const char *path)
{
    tnd_check_result full, lean;
    assert_true(tnd_check(def, bid, &full));
    tnd_check_result_keep_knockouts(&full);
    assert_true(tnd_check_knockouts(def, bid, &lean));
    if (full.n_findings != lean.n_findings)
        fail_msg("%s: %zu findings kept against %zu", path, full.n_findings, lean.n_findings);
    for (size_t i = 0; i < full.n_findings; i++)
        if (memcmp(&full.findings[i], &lean.findings[i], sizeof full.findings[i]) != 0)
            fail_msg("%s: finding %zu (%s) differs: \"%s\" against \"%s\"", path, i,
                     full.findings[i].rule_id, full.findings[i].reason, lean.findings[i].reason);
    assert_int_equal(full.n_placements, lean.n_placements);
    for (size_t i = 0; i < full.n_placements; i++)
        assert_memory_equal(&full.placements[i], &lean.placements[i], sizeof full.placements[i]);
    assert_int_equal(full.stopped_at_step, lean.stopped_at_step);
    assert_int_equal(full.eligible_all, lean.eligible_all);
    assert_false(lean.knockout_texts_only); /* what comes after writes every text again */
    size_t kept = full.n_findings;
    tnd_check_result_free(&full);
    tnd_check_result_free(&lean);
    return kept;
}

static void test_knockout_check_is_the_full_check_without_the_dropped_findings(void **state)
{
    (void)state;
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load_default(&def, &err), TND_OK);
    tnd_bid_reader *rd = NULL;
    assert_int_equal(tnd_bid_reader_new(&rd, &err), TND_OK);
    size_t bids = 0, knockouts = 0;
    for (size_t f = 0; f < sizeof folders / sizeof folders[0]; f++) {
        DIR *d = opendir(folders[f]);
        assert_non_null(d);
        char *names[256];
        size_t n = 0;
        for (struct dirent *e; (e = readdir(d)) && n < 256;) {
            size_t len = strlen(e->d_name);
            if (len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0)
                names[n++] = strdup(e->d_name);
        }
        closedir(d);
        qsort(names, n, sizeof names[0], by_name);
        for (size_t i = 0; i < n; i++) {
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", folders[f], names[i]);
            tnd_bid *bid = NULL;
            /* a fixture the reader or the definition refuses is a test of that refusal */
            if (tnd_bid_read_file(rd, path, &bid, NULL, NULL, &err) == TND_OK &&
                tnd_bid_validate_against(bid, def, &err) == TND_OK) {
                knockouts += compare_one(def, bid, path);
                bids++;
            }
            tnd_bid_free(bid);
            free(names[i]);
        }
    }
    /* every folder was read (40 + 4 + 49 + 1 bids, all accepted by the definition), and the
     * bids have knock-outs to keep; a new fixture changes these counts */
    assert_int_equal(bids, 94);
    assert_int_equal(knockouts, 98);
    tnd_bid_reader_free(rd);
    tnd_definition_free(def);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_knockout_check_is_the_full_check_without_the_dropped_findings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
