/*
 * test_outfile.c - the one writer of output files (tender/base/outfile.h): outputs checked against
 * every input and each other before a byte is written, special files never replaced, unnamed
 * temp files, all or nothing, stale temp files of our pattern cleaned (issue 7 items 1-3).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tender/base/outfile.h"

typedef struct {
    char dir[64];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/test_outfile.XXXXXX");
    if (!f || !mkdtemp(f->dir))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        return -1;
    free(f);
    return 0;
}

static void path_in(const fixture *f, const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s", f->dir, name);
}

static void put(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *fp = fopen(path, "r");
    if (!fp)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

static int entries(const fixture *f)
{
    DIR *d = opendir(f->dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* Issue 7 item 1: with 70 bids, -o bids/<70th> replaced that bid (only 64 were protected). */
static void test_the_70th_of_70_inputs_is_protected(void **state)
{
    fixture *f = *state;
    char paths[70][128];
    const char *inputs[70];
    for (int i = 0; i < 70; i++) {
        snprintf(paths[i], sizeof paths[i], "%s/bid-%02d.xml", f->dir, i + 1);
        put(paths[i], "<bid/>");
        inputs[i] = paths[i];
    }
    const char *outputs[1] = { paths[69] };
    const char *labels[1] = { "-o" };
    tnd_error err;
    assert_int_equal(tnd_outputs_check(outputs, labels, 1, inputs, 70, &err), TND_ERR_USAGE);
    assert_string_equal(err.message, "weigert een invoerbestand te overschrijven");
    assert_non_null(strstr(err.hint, "bid-70.xml"));
    assert_string_equal(slurp(paths[69]), "<bid/>");
}

/* The same file by another spelling, a hard link, a symlink; a file not there yet by folder
 * and name. */
static void test_same_file_by_spelling_link_and_folder(void **state)
{
    fixture *f = *state;
    char a[128], dot[160], hard[128], sym[128], absent[128], absent_dot[160];
    path_in(f, "a.csv", a, sizeof a);
    put(a, "x");
    snprintf(dot, sizeof dot, "%s/./a.csv", f->dir);
    path_in(f, "hard.csv", hard, sizeof hard);
    assert_int_equal(link(a, hard), 0);
    path_in(f, "sym.csv", sym, sizeof sym);
    assert_int_equal(symlink(a, sym), 0);
    path_in(f, "new.json", absent, sizeof absent);
    snprintf(absent_dot, sizeof absent_dot, "%s/../%s/new.json", f->dir, strrchr(f->dir, '/') + 1);
    const char *others[] = { NULL, "/nonexistent/x", a };
    assert_int_equal(tnd_same_file_index(dot, others, 3), 2);
    assert_int_equal(tnd_same_file_index(hard, others, 3), 2);
    assert_int_equal(tnd_same_file_index(sym, others, 3), 2);
    const char *outs[] = { absent };
    assert_int_equal(tnd_same_file_index(absent_dot, outs, 1), 0);
    path_in(f, "other.json", absent_dot, sizeof absent_dot);
    assert_int_equal(tnd_same_file_index(absent_dot, outs, 1), 1); /* none */
}

/* Issue 9: an input's id as its reader read it (tnd_read_file_bounded_id) stands for the input,
 * which is not looked at again; an input without a known id is looked at as before. */
static void test_inputs_known_by_the_id_they_were_read_as(void **state)
{
    fixture *f = *state;
    char bid[128], hard[128], other[128];
    path_in(f, "bid.xml", bid, sizeof bid);
    put(bid, "<bid/>");
    path_in(f, "hard.xlsx", hard, sizeof hard);
    assert_int_equal(link(bid, hard), 0);
    path_in(f, "other.xml", other, sizeof other);
    put(other, "<other/>");

    char *bytes = NULL;
    size_t len = 0;
    tnd_file_id ids[2];
    tnd_error err;
    assert_int_equal(tnd_read_file_bounded_id(other, 64, &bytes, &len, &ids[0], &err), TND_OK);
    free(bytes);
    assert_int_equal(tnd_read_file_bounded_id(bid, 64, &bytes, &len, &ids[1], &err), TND_OK);
    free(bytes);
    struct stat st;
    assert_int_equal(stat(bid, &st), 0);
    assert_true(ids[1].known);
    assert_true(ids[1].dev == st.st_dev && ids[1].ino == st.st_ino);

    /* a hard link to the bid read: refused, naming the bid */
    const char *inputs[2] = { other, bid };
    const char *outputs[1] = { hard };
    const char *labels[1] = { "-o" };
    assert_int_equal(tnd_outputs_check_known(outputs, labels, 1, inputs, ids, 2, &err),
                     TND_ERR_USAGE);
    assert_non_null(strstr(err.hint, "bid.xml"));
    /* the known id is what counts: a path that is gone now still stands for the file read */
    const char *gone[2] = { other, "/nonexistent/bid.xml" };
    assert_int_equal(tnd_outputs_check_known(outputs, labels, 1, gone, ids, 2, &err),
                     TND_ERR_USAGE);
    assert_non_null(strstr(err.hint, "/nonexistent/bid.xml"));
    /* not known: looked at now, as tnd_outputs_check does */
    tnd_file_id unknown[2] = { ids[0], { false, 0, 0 } };
    assert_int_equal(tnd_outputs_check_known(outputs, labels, 1, inputs, unknown, 2, &err),
                     TND_ERR_USAGE);
    assert_int_equal(tnd_outputs_check_known(outputs, labels, 1, gone, unknown, 2, &err), TND_OK);
    assert_string_equal(slurp(bid), "<bid/>");

    /* a file not read gives no id */
    tnd_file_id none = { true, 1, 1 };
    assert_int_not_equal(tnd_read_file_bounded_id(f->dir, 64, &bytes, &len, &none, &err), TND_OK);
    assert_false(none.known);
    none.known = true;
    assert_int_not_equal(tnd_read_file_bounded_id("/nonexistent/x", 64, &bytes, &len, &none, &err),
                         TND_OK);
    assert_false(none.known);
}

/* -o X --json X, and outputs that are a FIFO, a directory, a device or in a missing folder. */
static void test_outputs_named_twice_or_not_regular_are_refused(void **state)
{
    fixture *f = *state;
    char x[128], x2[160], fifo[128], missing[128];
    path_in(f, "g.xlsx", x, sizeof x);
    snprintf(x2, sizeof x2, "%s/./g.xlsx", f->dir);
    path_in(f, "fifo", fifo, sizeof fifo);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    path_in(f, "nope/g.json", missing, sizeof missing);
    const char *labels[2] = { "-o", "--json" };
    tnd_error err;
    const char *twice[2] = { x, x2 };
    assert_int_equal(tnd_outputs_check(twice, labels, 2, NULL, 0, &err), TND_ERR_USAGE);
    assert_non_null(strstr(err.message, "-o en --json noemen hetzelfde bestand"));
    const char *to_fifo[2] = { x, fifo };
    assert_int_equal(tnd_outputs_check(to_fifo, labels, 2, NULL, 0, &err), TND_ERR_IO);
    assert_string_equal(err.message, "--json is een FIFO (named pipe), geen gewoon bestand");
    const char *to_dir[2] = { f->dir, NULL };
    assert_int_equal(tnd_outputs_check(to_dir, labels, 2, NULL, 0, &err), TND_ERR_IO);
    assert_string_equal(err.message, "-o is een map, geen gewoon bestand");
    const char *to_dev[2] = { "/dev/full", NULL };
    assert_int_equal(tnd_outputs_check(to_dev, labels, 2, NULL, 0, &err), TND_ERR_IO);
    assert_string_equal(err.message, "-o is een apparaat (character device), geen gewoon bestand");
    const char *to_missing[2] = { x, missing };
    assert_int_equal(tnd_outputs_check(to_missing, labels, 2, NULL, 0, &err), TND_ERR_IO);
    assert_non_null(strstr(err.message, "van --json bestaat niet"));
    const char *fine[2] = { x, NULL };
    assert_int_equal(tnd_outputs_check(fine, labels, 2, NULL, 0, &err), TND_OK);
    assert_int_equal(entries(f), 1); /* the FIFO only: checking wrote nothing */
}

/* Begun, written, settled: nothing visible until the commit; the commit replaces an existing
 * file keeping its permissions; an abort leaves the old file and no temp file. */
static void test_nothing_is_visible_before_the_commit_and_abort_leaves_the_old_file(void **state)
{
    fixture *f = *state;
    char target[128];
    path_in(f, "out.json", target, sizeof target);
    put(target, "old");
    assert_int_equal(chmod(target, 0640), 0);
    tnd_error err;
    tnd_outfile o;
    assert_int_equal(tnd_outfile_begin(&o, target, &err), TND_OK);
    assert_int_equal(tnd_outfile_write(&o, "new", 3, &err), TND_OK);
    assert_int_equal(tnd_outfile_settle(&o, &err), TND_OK);
    assert_int_equal(entries(f), 1);
    assert_string_equal(slurp(target), "old");
    tnd_outfile_abort(&o);
    assert_string_equal(slurp(target), "old");
    assert_int_equal(entries(f), 1);

    assert_int_equal(tnd_outfile_begin(&o, target, &err), TND_OK);
    assert_int_equal(tnd_outfile_write(&o, "new", 3, &err), TND_OK);
    assert_int_equal(tnd_outfile_settle(&o, &err), TND_OK);
    assert_int_equal(tnd_outfile_commit(&o, &err), TND_OK);
    assert_string_equal(slurp(target), "new");
    struct stat st;
    assert_int_equal(stat(target, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_int_equal(entries(f), 1);
    tnd_outfile_abort(&o); /* harmless after a commit */
}

/* A named temp file of our pattern whose writer died (no lock) is removed by the next write to
 * that target; one whose writer is alive (locked), or of another target, is left. */
static void test_stale_temp_files_of_our_pattern_are_removed_live_ones_kept(void **state)
{
    fixture *f = *state;
    char target[128], stale[160], live[160], other[160];
    path_in(f, "g.xlsx", target, sizeof target);
    snprintf(stale, sizeof stale, "%s.tnd-tmp-Ab12Cd", target);
    snprintf(live, sizeof live, "%s.tnd-tmp-Zz99Yy", target);
    path_in(f, "h.xlsx.tnd-tmp-Ab12Cd", other, sizeof other);
    put(stale, "half");
    put(live, "busy");
    put(other, "another target");
    int fd = open(live, O_RDONLY);
    assert_true(fd >= 0);
    assert_int_equal(flock(fd, LOCK_EX), 0);
    tnd_error err;
    assert_int_equal(tnd_outfile_write_all(target, "ok", 2, &err), TND_OK);
    close(fd);
    assert_null(slurp(stale));
    assert_string_equal(slurp(live), "busy");
    assert_string_equal(slurp(other), "another target");
    assert_string_equal(slurp(target), "ok");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_70th_of_70_inputs_is_protected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_file_by_spelling_link_and_folder, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_inputs_known_by_the_id_they_were_read_as, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_outputs_named_twice_or_not_regular_are_refused,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_nothing_is_visible_before_the_commit_and_abort_leaves_the_old_file, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            test_stale_temp_files_of_our_pattern_are_removed_live_ones_kept, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
