/*
 * test_same_bidder.c - one bidder in two inputs (issue 8 §5), found by sorting the KvK numbers
 * (tender/cli/evaluate_run.h: tnd_run_report_same_kvk): each later bid of a KvK is reported with
 * the first one in input order; a bid without KvK is not (step 1 reports it). The KvK is sorted
 * as a copy of at most 15 bytes (issue 9); a longer text is still compared whole.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tender/cli/evaluate_run.h"

/* What tnd_run_report_same_kvk printed on stderr for refs (refusing). */
static size_t report(const tnd_bidder_ref *refs, size_t n, char *out, size_t size)
{
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    assert_true(dup2(fileno(tmp), STDERR_FILENO) >= 0);
    size_t found = tnd_run_report_same_kvk(refs, n, true);
    fflush(stderr);
    assert_true(dup2(saved, STDERR_FILENO) >= 0);
    close(saved);
    rewind(tmp);
    size_t got = fread(out, 1, size - 1, tmp);
    out[got] = '\0';
    fclose(tmp);
    return found;
}

/* refs give `found` reports; each of `said` is on stderr, none of `unsaid` (NULL-terminated). */
static void expect_reports(const tnd_bidder_ref *refs, size_t n, size_t found,
                           const char *const *said, const char *const *unsaid)
{
    char out[4096];
    assert_int_equal(report(refs, n, out, sizeof out), found);
    for (; *said; said++)
        assert_non_null(strstr(out, *said));
    for (; *unsaid; unsaid++)
        assert_null(strstr(out, *unsaid));
}

static void test_later_bids_of_a_kvk_name_the_first(void **state)
{
    (void)state;
    const tnd_bidder_ref refs[] = {
        { "20000002", "B", "b.xml", 3 }, { "10000001", "A", "a.xml", 4 },
        { "20000002", "B", "b (1).xml", 5 }, { "", "zonder", "leeg1.xml", 6 },
        { "", "zonder", "leeg2.xml", 7 }, { "20000002", "B", "b - kopie.xml", 8 },
        { "30000003", "C", "c.xml", 9 },
    };
    const char *said[] = { "b (1).xml:5: error: KvK 20000002 (B) staat ook in b.xml",
                           "b - kopie.xml:8: error: KvK 20000002 (B) staat ook in b.xml", NULL };
    const char *unsaid[] = { "leeg", "a.xml", "c.xml", NULL };
    expect_reports(refs, 7, 2, said, unsaid);
}

/* Texts longer than the sorted copy: equal in their first 15 bytes, told apart after them. */
static void test_long_kvk_texts_are_compared_whole(void **state)
{
    (void)state;
    const tnd_bidder_ref refs[] = {
        { "123456789012345-A", "A", "a.xml", 1 }, { "123456789012345-B", "B", "b.xml", 2 },
        { "123456789012345", "C", "c.xml", 3 }, { "123456789012345-A", "A2", "a2.xml", 4 },
        { "123456789012345", "C2", "c2.xml", 5 },
    };
    const char *said[] = { "a2.xml:4: error: KvK 123456789012345-A (A2) staat ook in a.xml",
                           "c2.xml:5: error: KvK 123456789012345 (C2) staat ook in c.xml", NULL };
    const char *unsaid[] = { "b.xml", NULL };
    expect_reports(refs, 5, 2, said, unsaid);
}

static void test_no_bids_and_no_twice(void **state)
{
    (void)state;
    char out[256];
    assert_int_equal(report(NULL, 0, out, sizeof out), 0);
    const tnd_bidder_ref one[] = { { "10000001", "A", "a.xml", 1 },
                                   { "10000002", "B", "b.xml", 1 } };
    assert_int_equal(report(one, 2, out, sizeof out), 0);
    assert_string_equal(out, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_later_bids_of_a_kvk_name_the_first),
        cmocka_unit_test(test_long_kvk_texts_are_compared_whole),
        cmocka_unit_test(test_no_bids_and_no_twice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
