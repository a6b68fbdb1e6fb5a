/*
 * test_scores_xlsx.c - reading the filled-in committee workbook (tender/scores_xlsx.c, layout
 * forms/layout/form_layout.h) against the embedded IJsselland 2023 definition.
 *
 * libxlsxwriter cannot edit a workbook, so a filled workbook is written here directly in the
 * committee layout, from the form_layout.h constants (write_committee): one sheet per lot, the
 * key "score-N" in column A, the member codes in the header row, one row per inschrijver x
 * criterion x ronde. The workbook the writer makes (forms/committee_xlsx.c) is read back too, to
 * pin that reader and writer share the layout.
 *
 * The filled example holds exactly the scores of fixtures/scores/scores-example.csv and must read
 * back to the same rows as that file does through the CSV reader. Refusals are pinned by code,
 * sheet and cell (err.where) and a piece of the message. Every test works in its own mkdtemp()
 * directory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "forms/committee_xlsx.h"
#include "forms/layout/form_layout.h"
#include "scoring/award.h"
#include "tender/definition.h"
#include "tender/scores.h"
#include "tender/scores_xlsx.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

#define EXAMPLE_CSV TND_SOURCE_DIR "/fixtures/scores/scores-example.csv"
#define BLANK (-1)
#define N_SCORE_COLS (TND_FORM_COMMITTEE_MEMBERS + 1)

/* ------------------------------------------------------------------------------------------ */
/* Fixture                                                                                     */

typedef struct {
    tnd_definition *def;
    char dir[64];
    char path[96];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    tnd_error err;
    if (!f || tnd_definition_load_default(&f->def, &err) != TND_OK)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/tnd_scores_xlsx_XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/commissie.xlsx", f->dir);
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
    tnd_definition_free(f->def);
    free(f);
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Writing a filled committee workbook in the layout                                           */

/* One row: inschrijver x criterion x ronde, the scores of lid-1 .. lid-5 and the consensus. */
typedef struct {
    const char *kvk;
    const char *criterion;
    int round;
    int scores[N_SCORE_COLS]; /* BLANK = empty cell */
} score_row;

typedef struct {
    const char *name;         /* "Perceel 3" */
    const score_row *rows;
    size_t n_rows;
} score_sheet;

/* A change made to a sheet after it is written: a hostile or careless committee. */
typedef void (*sheet_tweak)(lxw_worksheet *ws, const char *sheet);

static void write_committee(const char *path, const score_sheet *sheets, size_t n,
                            sheet_tweak tweak)
{
    lxw_workbook *wb = workbook_new(path);
    assert_non_null(wb);
    for (size_t s = 0; s < n; s++) {
        lxw_worksheet *ws = workbook_add_worksheet(wb, sheets[s].name);
        assert_non_null(ws);
        worksheet_write_string(ws, TND_FORM_TITLE_ROW, 0, "Commissiescores", NULL);
        worksheet_write_string(ws, TND_FORM_HEADER_ROW, 0, "sleutel", NULL);
        worksheet_write_string(ws, TND_FORM_HEADER_ROW, TND_FORM_COM_COL_KVK, "KvK", NULL);
        for (int m = 0; m < TND_FORM_COMMITTEE_MEMBERS; m++)
            worksheet_write_string(ws, TND_FORM_HEADER_ROW, TND_FORM_COM_COL_MEMBER + m,
                                   tnd_form_committee_member(m), NULL);
        worksheet_write_string(ws, TND_FORM_HEADER_ROW, TND_FORM_COM_COL_CONSENSUS,
                               TND_FORM_COM_CONSENSUS, NULL);
        for (int i = 0; i < TND_FORM_COMMITTEE_ROWS; i++) {
            char key[16];
            snprintf(key, sizeof key, "score-%d", i + 1);
            worksheet_write_string(ws, TND_FORM_FIRST_ROW + i, 0, key, NULL);
        }
        for (size_t i = 0; i < sheets[s].n_rows; i++) {
            const score_row *r = &sheets[s].rows[i];
            lxw_row_t row = (lxw_row_t)(TND_FORM_FIRST_ROW + i);
            worksheet_write_string(ws, row, TND_FORM_COM_COL_KVK, r->kvk, NULL);
            worksheet_write_string(ws, row, TND_FORM_COM_COL_NAME, "Inschrijver", NULL);
            worksheet_write_string(ws, row, TND_FORM_COM_COL_CRITERION, r->criterion, NULL);
            worksheet_write_number(ws, row, TND_FORM_COM_COL_ROUND, r->round, NULL);
            for (int c = 0; c < N_SCORE_COLS; c++)
                if (r->scores[c] != BLANK)
                    worksheet_write_number(ws, row, (lxw_col_t)(TND_FORM_COM_COL_MEMBER + c),
                                           r->scores[c], NULL);
            worksheet_write_formula(ws, row, TND_FORM_COM_COL_SPREAD, "=0", NULL);
        }
        if (tweak)
            tweak(ws, sheets[s].name);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

/* The scores of fixtures/scores/scores-example.csv, row by row. */
#define B BLANK
static const score_row lot3_rows[] = {
    { "30112233", "normaliseren", 1, { 8, 6, B, B, B, 8 } },
    { "41223344", "normaliseren", 1, { 4, 2, B, B, B, 4 } },
    { "41223344", "normaliseren", 2, { 6, 6, B, B, B, 6 } },
};
static const score_row lot4_rows[] = {
    { "52334455", "normaliseren", 1, { B, B, B, B, B, 8 } },
    { "52334455", "A", 1, { B, B, B, B, B, 6 } },
    { "52334455", "B", 1, { 4, 6, B, B, B, 8 } },
    { "52334455", "C", 1, { B, B, B, B, B, 10 } },
    { "52334455", "D", 1, { B, B, B, B, B, 4 } },
};
#undef B

static const score_sheet example_sheets[] = {
    { "Perceel 3", lot3_rows, sizeof lot3_rows / sizeof lot3_rows[0] },
    { "Perceel 4", lot4_rows, sizeof lot4_rows / sizeof lot4_rows[0] },
};

static void write_example(const char *path, sheet_tweak tweak)
{
    write_committee(path, example_sheets, 2, tweak);
}

/* Loads and expects a refusal: code, file, where and a piece of the message. */
static void assert_refused(fixture *f, tnd_status code, const char *where, const char *message)
{
    tnd_scores s;
    tnd_error err;
    tnd_status rc = tnd_scores_xlsx_load(f->path, f->def, &s, &err);
    if (rc != code || strcmp(err.where, where) != 0 || !strstr(err.message, message)) {
        char text[1600];
        tnd_error_format(&err, text, sizeof text);
        fprintf(stderr, "got %d: %s\n", rc, text);
    }
    assert_int_equal(rc, code);
    assert_string_equal(err.file, f->path);
    assert_string_equal(err.where, where);
    assert_non_null(strstr(err.message, message));
    assert_int_equal(s.n, 0);
    assert_null(s.items);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading back                                                                                */

static void test_generated_committee_workbook_reads_back_without_scores(void **state)
{
    fixture *f = *state;
    tnd_error err;
    char path[128];
    snprintf(path, sizeof path, "%s/commissie-leeg.xlsx", f->dir);
    assert_int_equal(tnd_committee_write(path, f->def, NULL, 0, &err), TND_OK);
    tnd_scores s;
    tnd_status rc = tnd_scores_xlsx_load(path, f->def, &s, &err);
    if (rc != TND_OK) {
        char text[1600];
        tnd_error_format(&err, text, sizeof text);
        fprintf(stderr, "%s\n", text);
    }
    assert_int_equal(rc, TND_OK);
    assert_int_equal(s.n, 0);
    assert_string_equal(s.file, path);
    tnd_scores_free(&s);
}

static void test_filled_workbook_gives_the_rows_of_the_example_csv(void **state)
{
    fixture *f = *state;
    tnd_error err;
    write_example(f->path, NULL);
    tnd_scores xlsx, csv;
    assert_int_equal(tnd_scores_xlsx_load(f->path, f->def, &xlsx, &err), TND_OK);
    assert_int_equal(tnd_scores_load_csv(EXAMPLE_CSV, f->def, &csv, &err), TND_OK);
    assert_int_equal(xlsx.n, 16);
    assert_int_equal(xlsx.n, csv.n);
    for (size_t i = 0; i < csv.n; i++) {
        const tnd_score *a = &xlsx.items[i], *b = &csv.items[i];
        assert_int_equal(a->lot, b->lot);
        assert_string_equal(a->criterion, b->criterion);
        assert_string_equal(a->bidder, b->bidder);
        assert_int_equal(a->round, b->round);
        assert_string_equal(a->member, b->member);
        assert_int_equal(a->score, b->score);
    }
    assert_string_equal(xlsx.file, f->path);
    /* the line of a score is its row of the sheet: lot 4 criterion B, consensus, is row 9 */
    assert_int_equal(xlsx.items[13].lot, 4);
    assert_string_equal(xlsx.items[13].criterion, "B");
    assert_string_equal(xlsx.items[13].member, TND_CONSENSUS);
    assert_int_equal(xlsx.items[13].line, TND_FORM_FIRST_ROW + 2 + 1);
    tnd_scores_free(&xlsx);
    tnd_scores_free(&csv);
}

/* ------------------------------------------------------------------------------------------ */
/* Refusals                                                                                    */

static void test_score_7_is_refused_naming_sheet_and_cell(void **state)
{
    /* §6.1.1 L1778-1801: the scale is 0 2 4 6 8 10; lid-2 of the first row (column G) gave 7 */
    fixture *f = *state;
    static const score_row rows[] = { { "30112233", "normaliseren", 1, { 8, 7, BLANK, BLANK,
                                                                          BLANK, 8 } } };
    const score_sheet sheet = { "Perceel 3", rows, 1 };
    write_committee(f->path, &sheet, 1, NULL);
    assert_refused(f, TND_ERR_RANGE, "blad 'Perceel 3' cel G7",
                   "score 7 staat niet op de scoreschaal; toegestaan zijn 0, 2, 4, 6, 8 en 10");
}

static void test_sheet_of_an_unknown_lot_is_refused_naming_the_sheet(void **state)
{
    fixture *f = *state;
    const score_sheet sheet = { "Perceel 12", lot3_rows, 1 };
    write_committee(f->path, &sheet, 1, NULL);
    assert_refused(f, TND_ERR_REFERENCE, "blad 'Perceel 12'",
                   "perceel 12 bestaat niet in de aanbesteding");
}

static void test_sheet_of_a_lot_without_award_criteria_is_refused(void **state)
{
    /* §6.1 L1702-1704: lots 6, 7 and 8 are admitted on steps 1-2, without scores */
    fixture *f = *state;
    const score_sheet sheet = { "Perceel 6", lot3_rows, 1 };
    write_committee(f->path, &sheet, 1, NULL);
    assert_refused(f, TND_ERR_REFERENCE, "blad 'Perceel 6'",
                   "perceel 6 heeft geen gunningscriteria");
}

static void test_duplicate_row_is_refused_naming_both_rows(void **state)
{
    fixture *f = *state;
    static const score_row rows[] = {
        { "30112233", "normaliseren", 1, { 8, BLANK, BLANK, BLANK, BLANK, 8 } },
        { "3011 2233", "normaliseren", 1, { 6, BLANK, BLANK, BLANK, BLANK, BLANK } },
    };
    const score_sheet sheet = { "Perceel 3", rows, 2 };
    write_committee(f->path, &sheet, 1, NULL);
    assert_refused(f, TND_ERR_VALUE, "blad 'Perceel 3' rij 8",
                   "dubbele score: perceel 3, criterium normaliseren, inschrijver 30112233, "
                   "ronde 1, beoordelaar lid-1 staat ook op regel 7");
}

static void test_round_2_after_a_passing_consensus_is_refused(void **state)
{
    /* §6.1.1 L1804-1807: a revision only after a consensus below 6,0 */
    fixture *f = *state;
    static const score_row rows[] = {
        { "30112233", "normaliseren", 1, { BLANK, BLANK, BLANK, BLANK, BLANK, 6 } },
        { "30112233", "normaliseren", 2, { BLANK, BLANK, BLANK, BLANK, BLANK, 8 } },
    };
    const score_sheet sheet = { "Perceel 3", rows, 2 };
    write_committee(f->path, &sheet, 1, NULL);
    assert_refused(f, TND_ERR_REFERENCE, "blad 'Perceel 3' rij 8",
                   "de consensusscore van ronde 1 (regel 7) is 6 en haalt het minimum 6,0 al");
}

static void test_unknown_criterion_is_refused_naming_the_cell(void **state)
{
    fixture *f = *state;
    static const score_row rows[] = { { "52334455", "E", 1, { BLANK, BLANK, BLANK, BLANK, BLANK,
                                                               6 } } };
    const score_sheet sheet = { "Perceel 4", rows, 1 };
    write_committee(f->path, &sheet, 1, NULL);
    assert_refused(f, TND_ERR_REFERENCE, "blad 'Perceel 4' cel D7",
                   "perceel 4 kent geen criterium \"E\"");
}

static void test_kvk_of_7_digits_is_refused_naming_the_cell(void **state)
{
    fixture *f = *state;
    static const score_row rows[] = { { "3011223", "normaliseren", 1, { BLANK, BLANK, BLANK,
                                                                         BLANK, BLANK, 6 } } };
    const score_sheet sheet = { "Perceel 3", rows, 1 };
    write_committee(f->path, &sheet, 1, NULL);
    assert_refused(f, TND_ERR_VALUE, "blad 'Perceel 3' cel B7", "inschrijver \"3011223\"");
}

static void text_score_in_k8(lxw_worksheet *ws, const char *sheet)
{
    worksheet_write_string(ws, TND_FORM_FIRST_ROW + 1, TND_FORM_COM_COL_CONSENSUS, "acht", NULL);
}

static void test_text_in_a_score_cell_is_refused_naming_the_cell(void **state)
{
    fixture *f = *state;
    write_example(f->path, text_score_in_k8);
    assert_refused(f, TND_ERR_VALUE, "blad 'Perceel 3' cel K8",
                   "score van consensus: 'acht' is tekst; hier hoort een getal");
}

static void formula_score_in_f7(lxw_worksheet *ws, const char *sheet)
{
    if (strcmp(sheet, "Perceel 4") == 0)
        worksheet_write_formula_num(ws, TND_FORM_FIRST_ROW, TND_FORM_COM_COL_CONSENSUS, "=4+4",
                                    NULL, 8);
}

static void test_formula_in_a_score_cell_is_refused(void **state)
{
    fixture *f = *state;
    write_example(f->path, formula_score_in_f7);
    assert_refused(f, TND_ERR_VALUE, "blad 'Perceel 4' cel K7",
                   "score van consensus: de cel bevat een formule");
}

static void changed_key_in_a9(lxw_worksheet *ws, const char *sheet)
{
    worksheet_write_string(ws, TND_FORM_FIRST_ROW + 2, 0, "extra", NULL);
}

static void test_changed_key_in_column_a_is_refused_naming_the_cell(void **state)
{
    fixture *f = *state;
    write_example(f->path, changed_key_in_a9);
    assert_refused(f, TND_ERR_SCHEMA, "blad 'Perceel 3' cel A9",
                   "de sleutel in kolom A bevat 'extra', verwacht 'score-3'");
}

static void renamed_member_in_g6(lxw_worksheet *ws, const char *sheet)
{
    worksheet_write_string(ws, TND_FORM_HEADER_ROW, TND_FORM_COM_COL_MEMBER + 1, "Jansen", NULL);
}

static void test_renamed_member_column_is_refused_naming_the_cell(void **state)
{
    fixture *f = *state;
    write_example(f->path, renamed_member_in_g6);
    assert_refused(f, TND_ERR_SCHEMA, "blad 'Perceel 3' cel G6",
                   "de kolom heeft kop 'Jansen', verwacht 'lid-2'");
}

static void test_workbook_without_lot_sheets_is_refused(void **state)
{
    fixture *f = *state;
    const score_sheet sheet = { "Blad1", NULL, 0 };
    write_committee(f->path, &sheet, 1, NULL);
    assert_refused(f, TND_ERR_SCHEMA, "", "geen blad 'Perceel 1'");
}

static void test_corrupt_workbook_is_refused_naming_the_file(void **state)
{
    fixture *f = *state;
    FILE *fp = fopen(f->path, "w");
    assert_non_null(fp);
    fputs("geen werkmap\n", fp);
    fclose(fp);
    tnd_scores s;
    tnd_error err;
    assert_int_equal(tnd_scores_xlsx_load(f->path, f->def, &s, &err), TND_ERR_IO);
    assert_string_equal(err.file, f->path);
    assert_int_equal(s.n, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Against the bids (tnd_scores_check_bids, issue 8 §5): the cell is named                     */

/* Reads the workbook (must read) and checks it against bidders 30112233 (lot 3), 41223344
 * (lot 3) and 52334455 (lot 4), the bidders of the example. */
static tnd_status check_against_example_bidders(fixture *f, tnd_error *err)
{
    static const char *const kvks[3] = { "30112233", "41223344", "52334455" };
    static const int lots[3] = { 3, 3, 4 };
    tnd_bid bid[3];
    tnd_bid_lot lot[3];
    char file[3][32];
    const tnd_bid *bids[3];
    memset(bid, 0, sizeof bid);
    memset(lot, 0, sizeof lot);
    for (int i = 0; i < 3; i++) {
        snprintf(bid[i].bidder.kvk, sizeof bid[i].bidder.kvk, "%s", kvks[i]);
        snprintf(bid[i].bidder.name, sizeof bid[i].bidder.name, "Inschrijver %d", i + 1);
        snprintf(file[i], sizeof file[i], "bids/%s.xml", kvks[i]);
        bid[i].file = file[i];
        lot[i].number = lots[i];
        bid[i].lots = &lot[i];
        bid[i].n_lots = 1;
        bids[i] = &bid[i];
    }
    tnd_scores s;
    tnd_status rc = tnd_scores_xlsx_load(f->path, f->def, &s, err);
    if (rc != TND_OK) {
        char text[1600];
        tnd_error_format(err, text, sizeof text);
        fprintf(stderr, "%s\n", text);
    }
    assert_int_equal(rc, TND_OK);
    rc = tnd_scores_check_bids(&s, f->def, bids, 3, err);
    tnd_scores_free(&s);
    return rc;
}

static void test_unfilled_committee_workbook_is_refused_against_bids_to_score(void **state)
{
    /* issue 8 §5: the workbook as tender forms makes it reads as no score at all */
    fixture *f = *state;
    tnd_error err;
    assert_int_equal(tnd_committee_write(f->path, f->def, NULL, 0, &err), TND_OK);
    assert_int_equal(check_against_example_bidders(f, &err), TND_ERR_VALUE);
    assert_string_equal(err.file, f->path);
    assert_int_equal(err.line, 0);
    assert_string_equal(err.message, "geen enkele score (het commissieformulier is niet "
                                     "ingevuld), terwijl er inschrijvingen zijn op perceel 3, 4: "
                                     "zonder consensusscore wordt op die percelen niemand gegund "
                                     "(§6.1)");
}

static void test_filled_example_workbook_passes_the_check_against_its_bidders(void **state)
{
    fixture *f = *state;
    tnd_error err;
    write_example(f->path, NULL);
    assert_int_equal(check_against_example_bidders(f, &err), TND_OK);
}

static void test_kvk_of_no_bidder_is_refused_naming_its_cell(void **state)
{
    /* the second row of 'Perceel 3' (Excel row 8) has 41223343 for 41223344 */
    fixture *f = *state;
    static const score_row rows[] = {
        { "30112233", "normaliseren", 1, { 8, 6, BLANK, BLANK, BLANK, 8 } },
        { "41223343", "normaliseren", 1, { 6, 6, BLANK, BLANK, BLANK, 6 } },
    };
    const score_sheet sheet = { "Perceel 3", rows, 2 };
    write_committee(f->path, &sheet, 1, NULL);
    tnd_error err;
    assert_int_equal(check_against_example_bidders(f, &err), TND_ERR_REFERENCE);
    assert_int_equal(err.line, 0);
    assert_string_equal(err.where, "blad 'Perceel 3' cel B8");
    assert_string_equal(err.message, "inschrijver 41223343 staat niet onder de inschrijvingen "
                                     "(perceel 3, criterium normaliseren, ronde 1, lid-1): deze "
                                     "score zou ongemerkt vervallen");
    assert_string_equal(err.hint, "bedoelt u KvK 41223344 (Inschrijver 2, bids/41223344.xml)? "
                                  "Corrigeer het KvK-nummer");
}

static void test_member_scores_without_consensus_are_refused_naming_the_consensus_cell(void **state)
{
    /* §6.1.1 L1775-1777: row 7 of 'Perceel 4' has lid-1 and lid-2 but an empty consensus (K) */
    fixture *f = *state;
    static const score_row rows[] = {
        { "52334455", "normaliseren", 1, { 8, 6, BLANK, BLANK, BLANK, BLANK } },
    };
    const score_sheet sheet = { "Perceel 4", rows, 1 };
    write_committee(f->path, &sheet, 1, NULL);
    tnd_error err;
    assert_int_equal(check_against_example_bidders(f, &err), TND_ERR_VALUE);
    assert_string_equal(err.where, "blad 'Perceel 4' cel K7");
    assert_non_null(strstr(err.message, "inschrijver 52334455 heeft op perceel 4, criterium "
                                        "normaliseren, ronde 1 scores van 2 beoordelaar(s) maar "
                                        "geen consensusscore"));
    assert_string_equal(err.hint, "vul de consensusscore in de kolom consensus in");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_generated_committee_workbook_reads_back_without_scores),
        T(test_filled_workbook_gives_the_rows_of_the_example_csv),
        T(test_score_7_is_refused_naming_sheet_and_cell),
        T(test_sheet_of_an_unknown_lot_is_refused_naming_the_sheet),
        T(test_sheet_of_a_lot_without_award_criteria_is_refused),
        T(test_duplicate_row_is_refused_naming_both_rows),
        T(test_round_2_after_a_passing_consensus_is_refused),
        T(test_unknown_criterion_is_refused_naming_the_cell),
        T(test_kvk_of_7_digits_is_refused_naming_the_cell),
        T(test_text_in_a_score_cell_is_refused_naming_the_cell),
        T(test_formula_in_a_score_cell_is_refused),
        T(test_changed_key_in_column_a_is_refused_naming_the_cell),
        T(test_renamed_member_column_is_refused_naming_the_cell),
        T(test_workbook_without_lot_sheets_is_refused),
        T(test_corrupt_workbook_is_refused_naming_the_file),
        T(test_unfilled_committee_workbook_is_refused_against_bids_to_score),
        T(test_filled_example_workbook_passes_the_check_against_its_bidders),
        T(test_kvk_of_no_bidder_is_refused_naming_its_cell),
        T(test_member_scores_without_consensus_are_refused_naming_the_consensus_cell),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
