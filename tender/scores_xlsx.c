/*
 * scores_xlsx.c - the committee workbook into tnd_scores (see scores_xlsx.h).
 *
 * This file knows where things are (forms/layout/form_layout.h) and what type a cell holds
 * (tender/form_cells.h); whether a score is acceptable is decided by tender/scores.c through
 * tender/scores_rows.h, row by row and then across the rows of one lot's sheet, exactly as for a
 * CSV file. Its refusals are moved from "line, column" to the cell of the workbook.
 */
#include "tender/scores_xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/layout/form_layout.h"
#include "tender/form_cells.h"
#include "tender/scores.h"
#include "tender/scores_rows.h"
#include "tender/xlsx.h"
#include "tender/base/textsafe.h"

#define FORM_NAME "het commissieformulier van deze aanbesteding (tender forms)"
#define LAST_ROW (TND_FORM_FIRST_ROW + TND_FORM_COMMITTEE_ROWS - 1)
#define SCORE_COLUMNS (TND_FORM_COMMITTEE_MEMBERS + 1) /* lid-1 .. lid-5, consensus */
#define VALUE_MAX 1000000 /* a round or score beyond is no number of this form; smaller ones
                             that are off the scale are judged (and named) by scores.c */

typedef struct {
    const char *path;
    const tnd_definition *def;
    tnd_error *err;
    tnd_scores *out;
} reader;

/* The member code of score column i: lid-1 .. lid-5, then consensus. */
static const char *member_of(int i)
{
    return i < TND_FORM_COMMITTEE_MEMBERS ? tnd_form_committee_member(i) : TND_FORM_COM_CONSENSUS;
}

/* The lot of a sheet named "Perceel N" (exactly as TND_FORM_COMMITTEE_SHEET_FMT writes it). */
static bool sheet_lot(const char *name, int *lot)
{
    char again[64];
    int n = 0;
    if (sscanf(name, TND_FORM_COMMITTEE_SHEET_FMT "%n", lot, &n) != 1 || name[n] != '\0')
        return false;
    snprintf(again, sizeof again, TND_FORM_COMMITTEE_SHEET_FMT, *lot);
    return strcmp(again, name) == 0;
}

static tnd_status sheet_fail(reader *r, const char *sheet, tnd_status code, const char *hint,
                             const char *message)
{
    tnd_error_set(r->err, code, r->path, 0, hint, "%s", message);
    if (r->err)
        snprintf(r->err->where, sizeof r->err->where, "blad '%.50s'", sheet);
    return code;
}

/* A lot sheet is for a lot whose award has criteria (lots 6, 7, 8 are admitted, §6.1). */
static tnd_status check_sheet_lot(reader *r, const char *sheet, int lot)
{
    const tnd_award_lot *a = tnd_definition_award(r->def, lot);
    if (a && a->n_criteria > 0)
        return TND_OK;
    char message[256];
    snprintf(message, sizeof message,
             tnd_definition_lot(r->def, lot)
                 ? "perceel %d heeft geen gunningscriteria: er worden geen scores gegeven"
                 : "perceel %d bestaat niet in de aanbesteding",
             lot);
    return sheet_fail(r, sheet, TND_ERR_REFERENCE,
                      "gebruik het commissieformulier zoals tender forms het maakt, met één blad "
                      "per perceel met gunningscriteria",
                      message);
}

/* The header of the score columns names the members: the layout of this reader. */
static tnd_status check_headers(reader *r, tnd_form_sheet *s)
{
    for (int i = 0; i < SCORE_COLUMNS; i++) {
        int col = TND_FORM_COM_COL_MEMBER + i;
        char text[64];
        TND_TRY(tnd_form_text(s, TND_FORM_HEADER_ROW, col, "kop van de scorekolom", text,
                          sizeof text, r->err));
        char q[TND_QUOTE_SIZE];
        tnd_text_quote(q, text);
        if (strcmp(text, member_of(i)) != 0)
            return tnd_form_fail(s, TND_FORM_HEADER_ROW, col, r->err, TND_ERR_SCHEMA,
                                 "gebruik het commissieformulier zoals het gemaakt is (tender "
                                 "forms): verplaats of hernoem geen kolommen",
                                 "de indeling van het formulier is gewijzigd: de kolom heeft kop "
                                 "'%s', verwacht '%s'", q, member_of(i));
    }
    return TND_OK;
}

/* Moves a refusal of scores.c from "line, column" to the cell, with a hint for a workbook. */
static tnd_status refuse_at_cell(tnd_form_sheet *s, int row, int field, int score_col,
                                 tnd_error *err)
{
    static const int columns[TND_SCORE_FIELDS] = {
        [TND_SCORE_FIELD_LOT] = -1,
        [TND_SCORE_FIELD_CRITERION] = TND_FORM_COM_COL_CRITERION,
        [TND_SCORE_FIELD_BIDDER] = TND_FORM_COM_COL_KVK,
        [TND_SCORE_FIELD_ROUND] = TND_FORM_COM_COL_ROUND,
        [TND_SCORE_FIELD_MEMBER] = -1,
        [TND_SCORE_FIELD_SCORE] = -1,
    };
    static const char *const hints[TND_SCORE_FIELDS] = {
        [TND_SCORE_FIELD_CRITERION] = "kies het criterium uit de lijst",
        [TND_SCORE_FIELD_BIDDER] = "typ het KvK-nummer van de inschrijver: 8 cijfers",
        [TND_SCORE_FIELD_ROUND] = "typ 1 (eerste beoordeling) of 2 (na de herkansing)",
        [TND_SCORE_FIELD_SCORE] = "kies een score uit de lijst",
    };
    tnd_error local;
    if (!err)
        err = &local;
    int col = field >= 0 && field < TND_SCORE_FIELDS ? columns[field] : -1;
    if (field == TND_SCORE_FIELD_SCORE || field == TND_SCORE_FIELD_MEMBER)
        col = score_col;
    if (col < 0)
        col = TND_FORM_COM_COL_KVK;
    char message[sizeof err->message];
    snprintf(message, sizeof message, "%s", err->message);
    const char *hint = field >= 0 && field < TND_SCORE_FIELDS ? hints[field] : NULL;
    return tnd_form_fail(s, row, col, err, err->code, hint, "%s", message);
}

/* One row of the sheet: one score per filled score cell. */
static tnd_status read_row(reader *r, tnd_form_sheet *s, tnd_score_rows *rows, int lot, int row)
{
    char lot_text[16], kvk[64], criterion[TND_CODE_LEN + 8], round_text[24], score_text[24];
    bool present;
    long round = 0, score = 0;
    snprintf(lot_text, sizeof lot_text, "%d", lot);
    TND_TRY(tnd_form_text(s, row, TND_FORM_COM_COL_KVK, "inschrijver (KvK-nummer)", kvk, sizeof kvk,
                      r->err));
    TND_TRY(tnd_form_text(s, row, TND_FORM_COM_COL_CRITERION, "criterium", criterion,
                      sizeof criterion, r->err));
    TND_TRY(tnd_form_count(s, row, TND_FORM_COM_COL_ROUND, "ronde", -VALUE_MAX, VALUE_MAX, &present,
                       &round, r->err));
    snprintf(round_text, sizeof round_text, present ? "%ld" : "", round);
    for (int i = 0; i < SCORE_COLUMNS; i++) {
        int col = TND_FORM_COM_COL_MEMBER + i;
        char what[64];
        snprintf(what, sizeof what, "score van %s", member_of(i));
        TND_TRY(tnd_form_count(s, row, col, what, -VALUE_MAX, VALUE_MAX, &present, &score, r->err));
        if (!present)
            continue;
        snprintf(score_text, sizeof score_text, "%ld", score);
        const char *fields[TND_SCORE_FIELDS] = {
            [TND_SCORE_FIELD_LOT] = lot_text,       [TND_SCORE_FIELD_CRITERION] = criterion,
            [TND_SCORE_FIELD_BIDDER] = kvk,         [TND_SCORE_FIELD_ROUND] = round_text,
            [TND_SCORE_FIELD_MEMBER] = member_of(i), [TND_SCORE_FIELD_SCORE] = score_text,
        };
        int field;
        if (tnd_score_rows_add(rows, fields, row + 1, &field, r->err) != TND_OK)
            return refuse_at_cell(s, row, field, col, r->err);
    }
    return TND_OK;
}

/* Appends the scores of one sheet to the workbook's. */
static tnd_status append(reader *r, const tnd_scores *sheet)
{
    if (sheet->n == 0)
        return TND_OK;
    tnd_score *items = realloc(r->out->items, (r->out->n + sheet->n) * sizeof *items);
    if (!items)
        return tnd_error_nomem(r->err, r->path);
    memcpy(items + r->out->n, sheet->items, sheet->n * sizeof *items);
    r->out->items = items;
    r->out->n += sheet->n;
    return TND_OK;
}

/* The rows of one lot's sheet, then the checks across them (duplicates, revisions). */
static tnd_status read_sheet(reader *r, tnd_xlsx *book, const char *name, int lot)
{
    TND_TRY(check_sheet_lot(r, name, lot));
    tnd_form_sheet *s;
    TND_TRY(tnd_form_sheet_open(book, name, LAST_ROW + 1, TND_FORM_COM_COL_CONSENSUS + 1, FORM_NAME,
                            &s, r->err));
    tnd_scores scores; /* emptied by tnd_score_rows_new, also when it fails */
    tnd_score_rows *rows = tnd_score_rows_new(r->def, r->path, &scores);
    tnd_status rc = rows ? check_headers(r, s)
                         : tnd_error_nomem(r->err, r->path);
    for (int i = 0; rc == TND_OK && i < TND_FORM_COMMITTEE_ROWS; i++) {
        int row = TND_FORM_FIRST_ROW + i;
        char key[32];
        snprintf(key, sizeof key, "score-%d", i + 1);
        rc = tnd_form_key(s, row, key, r->err);
        if (rc == TND_OK &&
            tnd_form_row_filled(s, row, TND_FORM_COM_COL_KVK, TND_FORM_COM_COL_CONSENSUS))
            rc = read_row(r, s, rows, lot, row);
    }
    if (rc == TND_OK && (rc = tnd_score_rows_finish(rows, r->err)) != TND_OK && r->err) {
        /* across rows: the line is the sheet's row */
        snprintf(r->err->where, sizeof r->err->where, "blad '%.40s' rij %ld", name,
                 r->err->line);
        r->err->line = 0;
    }
    if (rc == TND_OK)
        rc = append(r, &scores);
    tnd_scores_free(&scores);
    tnd_score_rows_free(rows);
    tnd_form_sheet_close(s);
    return rc;
}

tnd_status tnd_scores_xlsx_load(const char *path, const tnd_definition *def, tnd_scores *out,
                                tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    memset(out, 0, sizeof *out);
    snprintf(out->file, sizeof out->file, "%s", path);
    reader r = { path, def, err, out };
    tnd_xlsx *book = tnd_xlsx_open(path, err);
    if (!book)
        return err->code;
    tnd_status rc = TND_OK;
    size_t lot_sheets = 0;
    for (size_t i = 0; rc == TND_OK && i < tnd_xlsx_sheet_count(book); i++) {
        const tnd_xlsx_sheet *sheet = tnd_xlsx_sheet_at(book, i);
        int lot;
        if (!sheet_lot(sheet->name, &lot))
            continue; /* instructions; a sheet of the committee's own */
        lot_sheets++;
        rc = read_sheet(&r, book, sheet->name, lot);
    }
    if (rc == TND_OK && lot_sheets == 0)
        rc = tnd_error_set(err, TND_ERR_SCHEMA, path, 0,
                           "gebruik het commissieformulier dat tender forms maakt "
                           "(commissie-<aanbesteding>.xlsx)",
                           "de werkmap heeft geen blad '" TND_FORM_COMMITTEE_SHEET_FMT
                           "': dit is geen commissieformulier",
                           def->n_awards ? def->awards[0].lot : 1);
    tnd_xlsx_close(book);
    if (rc != TND_OK) {
        tnd_scores_free(out);
        return rc;
    }
    tnd_error_clear(err);
    return TND_OK;
}

void tnd_scores_xlsx_cell(int lot, long row, bool consensus, char *buf, size_t size)
{
    char sheet[32], ref[16];
    snprintf(sheet, sizeof sheet, TND_FORM_COMMITTEE_SHEET_FMT, lot);
    tnd_form_ref(row > 0 && row <= LAST_ROW + 1 ? (int)row - 1 : 0,
                 consensus ? TND_FORM_COM_COL_CONSENSUS : TND_FORM_COM_COL_KVK, ref, sizeof ref);
    snprintf(buf, size, "blad '%s' cel %s", sheet, ref);
}

tnd_status tnd_scores_load_input(const char *path, const tnd_definition *def, tnd_scores *out,
                                 tnd_error *err)
{
    return tnd_path_is_xlsx(path) ? tnd_scores_xlsx_load(path, def, out, err)
                                  : tnd_scores_load_csv(path, def, out, err);
}
