/*
 * test_committee_prefill.c - the committee workbook pre-filled with the bidders per lot
 * (tender forms --bids, forms/committee_xlsx.c): one line per bidder and leaf criterion, round 1,
 * so that nobody types a KvK number; read back with the readers of tender/ (xlsx.c, form_cells.c)
 * and through the scores reader (scores_xlsx.c), which must accept lines without scores.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistd.h>

#include "forms/committee_xlsx.h"
#include "forms/layout/form_layout.h"
#include "scoring/award.h"
#include "tender/definition.h"
#include "tender/form_cells.h"
#include "tender/scores.h"
#include "tender/scores_xlsx.h"
#include "tender/xlsx.h"

static tnd_definition *def;
static char dir[64], path[128];

static int setup(void **state)
{
    (void)state;
    tnd_error err;
    snprintf(dir, sizeof dir, "/tmp/tnd-committee-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(path, sizeof path, "%s/commissie.xlsx", dir);
    return tnd_definition_load_default(&def, &err) == TND_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    rmdir(dir);
    tnd_definition_free(def);
    return 0;
}

static void assert_cell_text(tnd_form_sheet *s, int row, int col, const char *want)
{
    char got[256];
    tnd_error err;
    assert_int_equal(tnd_form_text(s, row, col, "cel", got, sizeof got, &err), TND_OK);
    assert_string_equal(got, want);
}

static void assert_cell_count(tnd_form_sheet *s, int row, int col, long want)
{
    tnd_error err;
    bool present = false;
    long got = -1;
    assert_int_equal(tnd_form_count(s, row, col, "cel", 0, 9, &present, &got, &err), TND_OK);
    assert_true(present);
    assert_int_equal(got, want);
}

static void test_prefilled_lines_per_bidder_and_leaf_criterion_round_1(void **state)
{
    (void)state;
    tnd_error err;
    /* lot 1: one criterion (normaliseren, §6.1.1); lot 4: normaliseren and A-D (§6.1.2) */
    const tnd_committee_bidder bidders[] = {
        { 1, "60112841", "Stichting Jeugdhulp De Sallandse Brug" },
        { 4, "64013597", "Stichting Jeugd-GGZ Sallandse Poort" },
        { 1, "61337926", "Stichting \"De Veste\" & <Zwolle>" },
    };
    assert_int_equal(tnd_committee_write_prefilled(path, def, bidders, 3, NULL, 0, &err), TND_OK);

    tnd_xlsx *book = tnd_xlsx_open(path, &err);
    assert_non_null(book);
    tnd_form_sheet *s;
    int rows = TND_FORM_FIRST_ROW + TND_FORM_COMMITTEE_ROWS, cols = TND_FORM_COM_COL_CONSENSUS + 1;
    assert_int_equal(tnd_form_sheet_open(book, "Perceel 1", rows, cols, "commissie", &s, &err),
                     TND_OK);
    int r = TND_FORM_FIRST_ROW;
    assert_cell_text(s, r, TND_FORM_COM_COL_KVK, "60112841");
    assert_cell_text(s, r, TND_FORM_COM_COL_NAME, "Stichting Jeugdhulp De Sallandse Brug");
    assert_cell_text(s, r, TND_FORM_COM_COL_CRITERION, "normaliseren");
    assert_cell_count(s, r, TND_FORM_COM_COL_ROUND, 1);
    assert_cell_text(s, r + 1, TND_FORM_COM_COL_KVK, "61337926");
    assert_cell_text(s, r + 1, TND_FORM_COM_COL_NAME, "Stichting \"De Veste\" & <Zwolle>");
    /* the scores are left to the committee; the next line is empty */
    assert_true(tnd_form_blank(s, r, TND_FORM_COM_COL_CONSENSUS));
    assert_true(tnd_form_blank(s, r + 2, TND_FORM_COM_COL_KVK));
    tnd_form_sheet_close(s);

    assert_int_equal(tnd_form_sheet_open(book, "Perceel 4", rows, cols, "commissie", &s, &err),
                     TND_OK);
    static const char *const leaves[] = { "normaliseren", "A", "B", "C", "D" };
    for (int i = 0; i < 5; i++) {
        assert_cell_text(s, r + i, TND_FORM_COM_COL_KVK, "64013597");
        assert_cell_text(s, r + i, TND_FORM_COM_COL_CRITERION, leaves[i]);
        assert_cell_count(s, r + i, TND_FORM_COM_COL_ROUND, 1);
    }
    assert_true(tnd_form_blank(s, r + 5, TND_FORM_COM_COL_KVK));
    tnd_form_sheet_close(s);
    tnd_xlsx_close(book);

    /* read as the committee's scores: lines without a score give no score and no error */
    tnd_scores scores;
    assert_int_equal(tnd_scores_xlsx_load(path, def, &scores, &err), TND_OK);
    assert_int_equal(scores.n, 0);
    tnd_scores_free(&scores);
}

static void test_more_lines_than_the_sheet_has_is_refused_and_nothing_written(void **state)
{
    (void)state;
    tnd_error err;
    unlink(path);
    /* lot 4 has 5 leaf criteria: 25 bidders need 125 lines, the sheet has 120 */
    tnd_committee_bidder bidders[25];
    char kvk[25][9];
    for (int i = 0; i < 25; i++) {
        snprintf(kvk[i], sizeof kvk[i], "640000%02d", i);
        bidders[i] = (tnd_committee_bidder){ 4, kvk[i], "Inschrijver" };
    }
    assert_int_equal(tnd_committee_write_prefilled(path, def, bidders, 25, NULL, 0, &err),
                     TND_ERR_TOO_LARGE);
    assert_non_null(strstr(err.message, "perceel 4 vraagt 125 scoreregels; het blad heeft er 120"));
    assert_int_equal(access(path, F_OK), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prefilled_lines_per_bidder_and_leaf_criterion_round_1),
        cmocka_unit_test(test_more_lines_than_the_sheet_has_is_refused_and_nothing_written),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
