/*
 * test_readahead.c - asking for the next inputs' bytes ahead of the readers
 * (tender/base/readahead.c, issue 9): cached files cost one probe per 32 inputs and are never
 * asked for; cold files are each asked for once, ahead of the reader, also with many readers at
 * once; files cached again stop the asking; a file system that cannot tell switches it off. The
 * logic runs against a fake probe (the page cache of a test machine is not ours to set); the
 * real probe is checked on files whose answer does not depend on the machine.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tender/base/readahead.h"

#define MAX_FILES 5000

/* The fake page cache: the paths are "0", "1", ...; fake_cold[k] says whether file k is cold. */
static bool fake_cold[MAX_FILES];
static atomic_int fake_asked[MAX_FILES];
static bool fake_unknown;
static char names[MAX_FILES][8];
static const char *paths[MAX_FILES];
static size_t first_probe = SIZE_MAX; /* the file of the first probe, when asked for */

static tnd_probe fake_probe(const char *path, bool ask, size_t max_bytes)
{
    size_t k = (size_t)atoi(path);
    if (first_probe == SIZE_MAX)
        first_probe = k;
    if (fake_unknown)
        return TND_PROBE_UNKNOWN;
    if (!fake_cold[k])
        return TND_PROBE_CACHED;
    if (ask)
        atomic_fetch_add(&fake_asked[k], 1);
    return TND_PROBE_COLD;
}

static void fake_setup(tnd_readahead *ra, size_t n, size_t distance, size_t cold_from,
                       size_t cold_to)
{
    for (size_t k = 0; k < MAX_FILES; k++) {
        snprintf(names[k], sizeof names[k], "%zu", k);
        paths[k] = names[k];
        fake_cold[k] = k >= cold_from && k <= cold_to;
        atomic_store(&fake_asked[k], 0);
    }
    fake_unknown = false;
    first_probe = SIZE_MAX;
    tnd_readahead_init(ra, paths, n, distance, 1024);
    ra->probe = fake_probe;
}

static size_t asked_total(size_t n)
{
    size_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += (size_t)atomic_load(&fake_asked[k]);
    return total;
}

static void test_cached_files_cost_one_probe_per_32_inputs_and_are_never_asked_for(void **state)
{
    tnd_readahead ra;
    fake_setup(&ra, 1000, 128, 1, 0); /* none cold */
    for (size_t i = 0; i < 1000; i++)
        tnd_readahead_taken(&ra, i);
    /* inputs 0, 32, ..., 992 probe the file 128 ahead (the last file near the end) */
    assert_int_equal(atomic_load(&ra.probes), 32);
    assert_int_equal(first_probe, 128);
    assert_int_equal(atomic_load(&ra.asked), 0);
    assert_int_equal(asked_total(1000), 0);
    assert_false(atomic_load(&ra.cold));
}

static void test_cold_files_are_each_asked_for_once_ahead_of_the_reader(void **state)
{
    tnd_readahead ra;
    fake_setup(&ra, 1000, 128, 0, 999); /* all cold */
    for (size_t i = 0; i < 1000; i++) {
        tnd_readahead_taken(&ra, i);
        /* when input i is read, every file up to 128 ahead has been asked for */
        size_t last = i + 128 < 999 ? i + 128 : 999;
        for (size_t k = i + 1; k <= last; k++)
            assert_int_equal(atomic_load(&fake_asked[k]), 1);
    }
    assert_int_equal(atomic_load(&fake_asked[0]), 0); /* the reader reads it: never asked */
    assert_int_equal(asked_total(1000), 999);
    assert_int_equal(atomic_load(&ra.asked), 999);
    /* the probe that found the files cold, then each file once */
    assert_int_equal(atomic_load(&ra.probes), 1 + 999);
}

static void test_files_cached_again_stop_the_asking(void **state)
{
    tnd_readahead ra;
    fake_setup(&ra, 1000, 128, 1, 300); /* files 1-300 cold, the rest cached */
    for (size_t i = 0; i < 1000; i++)
        tnd_readahead_taken(&ra, i);
    assert_int_equal(asked_total(1000), 300);
    for (size_t k = 301; k < 1000; k++)
        assert_int_equal(atomic_load(&fake_asked[k]), 0);
    assert_false(atomic_load(&ra.cold));
    /* 1 (cold found at input 0) + 128 (files 1-128) + 172 (files 129-300, one per input) + 64
     * (files 301-364 found cached in a row: back to probing) + 24 (inputs 256, 288, ..., 992) */
    assert_int_equal(atomic_load(&ra.probes), 389);
}

static void test_a_file_system_that_cannot_tell_switches_it_off(void **state)
{
    tnd_readahead ra;
    fake_setup(&ra, 1000, 128, 0, 999);
    fake_unknown = true;
    for (size_t i = 0; i < 1000; i++)
        tnd_readahead_taken(&ra, i);
    assert_true(atomic_load(&ra.off));
    assert_int_equal(atomic_load(&ra.probes), 1);
    assert_int_equal(asked_total(1000), 0);
}

static void test_no_inputs_ahead_and_no_distance_probe_nothing(void **state)
{
    tnd_readahead ra;
    fake_setup(&ra, 1, 128, 0, 999);
    tnd_readahead_taken(&ra, 0); /* a single input: nothing after it */
    assert_int_equal(atomic_load(&ra.probes), 0);
    fake_setup(&ra, 1000, 0, 0, 999);
    for (size_t i = 0; i < 1000; i++)
        tnd_readahead_taken(&ra, i);
    assert_int_equal(atomic_load(&ra.probes), 0);
    assert_int_equal(asked_total(1000), 0);
}

typedef struct {
    tnd_readahead *ra;
    atomic_size_t *next;
    size_t n;
} reader;

static void *read_inputs(void *arg)
{
    reader *r = arg;
    for (size_t i; (i = atomic_fetch_add(r->next, 1)) < r->n;)
        tnd_readahead_taken(r->ra, i);
    return NULL;
}

static void test_many_readers_at_once_ask_for_each_cold_file_once(void **state)
{
    tnd_readahead ra;
    fake_setup(&ra, MAX_FILES, 128, 0, MAX_FILES - 1);
    atomic_size_t next;
    atomic_init(&next, 0);
    reader r = { &ra, &next, MAX_FILES };
    pthread_t threads[8];
    for (int t = 0; t < 8; t++)
        assert_int_equal(pthread_create(&threads[t], NULL, read_inputs, &r), 0);
    for (int t = 0; t < 8; t++)
        pthread_join(threads[t], NULL);
    for (size_t k = 1; k < MAX_FILES; k++)
        assert_int_equal(atomic_load(&fake_asked[k]), 1);
    assert_int_equal(asked_total(MAX_FILES), MAX_FILES - 1);
}

/* The real probe: what does not depend on the machine's page cache. */
static void test_real_probe_finds_a_file_just_written_cached_and_skips_what_it_must_not_ask_for(
    void **state)
{
    char dir[] = "/tmp/test_readahead_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char file[64], fifo[64], empty[64], missing[64];
    snprintf(file, sizeof file, "%s/bid.xml", dir);
    snprintf(fifo, sizeof fifo, "%s/fifo.xml", dir);
    snprintf(empty, sizeof empty, "%s/empty.xml", dir);
    snprintf(missing, sizeof missing, "%s/missing.xml", dir);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("<bid/>\n", f);
    fclose(f);
    f = fopen(empty, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(mkfifo(fifo, 0600), 0);

    /* just written: its page is in the cache (ext4 and tmpfs both answer RWF_NOWAIT) */
    assert_int_equal(tnd_readahead_probe(file, true, 7), TND_PROBE_CACHED);
    assert_int_equal(tnd_readahead_probe(empty, true, 7), TND_PROBE_CACHED);
    /* one byte over the readers' limit: left alone, cached or not */
    assert_int_equal(tnd_readahead_probe(file, true, 6), TND_PROBE_SKIP);
    /* a FIFO without a writer: not waited for, not read (O_NONBLOCK, fstat) */
    assert_int_equal(tnd_readahead_probe(fifo, true, 7), TND_PROBE_SKIP);
    assert_int_equal(tnd_readahead_probe(dir, true, 7), TND_PROBE_SKIP);
    assert_int_equal(tnd_readahead_probe(missing, true, 7), TND_PROBE_SKIP);

    unlink(file);
    unlink(empty);
    unlink(fifo);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cached_files_cost_one_probe_per_32_inputs_and_are_never_asked_for),
        cmocka_unit_test(test_cold_files_are_each_asked_for_once_ahead_of_the_reader),
        cmocka_unit_test(test_files_cached_again_stop_the_asking),
        cmocka_unit_test(test_a_file_system_that_cannot_tell_switches_it_off),
        cmocka_unit_test(test_no_inputs_ahead_and_no_distance_probe_nothing),
        cmocka_unit_test(test_many_readers_at_once_ask_for_each_cold_file_once),
        cmocka_unit_test(
            test_real_probe_finds_a_file_just_written_cached_and_skips_what_it_must_not_ask_for),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
