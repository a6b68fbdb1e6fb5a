/*
 * form_style.h - how the two workbooks of `tender forms` look and are guarded: the cell formats
 * (labels locked, input cells unlocked and yellow, formulas blue, "n.v.t." grey), the title and
 * instruction block at the top of every sheet, sheet protection without a password, data
 * validation of input cells and the green / orange / red colouring of a verdict.
 *
 * Shared by the bidder's fill-in workbook (fillin_xlsx.c) and the committee workbook
 * (committee_xlsx.c), so a provider and a committee member see one style. Where things are (rows,
 * columns, keys) is not here but in form_layout.h.
 *
 * Every function records the first libxlsxwriter error in the tnd_form_writer it is given and
 * does nothing once one is recorded, so a builder can write a whole sheet and check once.
 */
#ifndef TND_FORM_STYLE_H
#define TND_FORM_STYLE_H

#include <stdbool.h>
#include <stddef.h>

#include <xlsxwriter.h>

#include "scoring/types.h"

/* Formats of the forms. Created once per workbook (tnd_form_styles_init). */
typedef struct {
    lxw_format *title, *instruction, *header, *section, *key, *label, *note;
    lxw_format *input, *input_date, *input_time, *input_money, *input_number, *input_percent;
    lxw_format *na;                                      /* locked grey: not asked ("n.v.t.") */
    lxw_format *calc, *calc_money, *calc_percent, *calc_number, *calc_date; /* formulas */
    lxw_format *green, *orange, *red, *grey;             /* conditional: verdict colours */
} tnd_form_styles;

/* A workbook being written: its formats and the first error. */
typedef struct {
    lxw_workbook *wb;
    tnd_form_styles st;
    lxw_error error;     /* first libxlsxwriter error, LXW_NO_ERROR while all goes well */
    bool oom;            /* out of memory while building text */
    /* header rows written so far and the lines their wrapped texts need (tnd_form_put_text) */
    struct {
        lxw_worksheet *ws;
        int row, lines;
    } header_rows[128];
    int n_header_rows;
} tnd_form_writer;

/* Records e as the writer's error when it is the first one. */
void tnd_form_note(tnd_form_writer *w, lxw_error e);

/* Creates the formats in w->wb. */
void tnd_form_styles_init(tnd_form_writer *w);

/* The document properties: title "<what> <tender id>", author "tender forms", and as creation
 * date the tender's closing date (never the clock: two runs give the same bytes). */
void tnd_form_properties(tnd_form_writer *w, const char *what, const char *tender_id,
                         tnd_date closing);

/*
 * The top of a sheet: the title in A1 and up to three lines of short Dutch instructions in A2:A4
 * (NULL lines are skipped), column widths for the key column A (narrow, grey) and the label
 * column B.
 */
void tnd_form_intro(tnd_form_writer *w, lxw_worksheet *ws, const char *title,
                    const char *line1, const char *line2, const char *line3);

/* Protects the sheet without a password: locked cells cannot be changed, unlocked (input) cells
 * can; selecting and resizing stay allowed. */
void tnd_form_protect(tnd_form_writer *w, lxw_worksheet *ws);

/* Text into a cell through tnd_xlsxw_clean_text (bid text is not trusted to be tidy). */
void tnd_form_put_text(tnd_form_writer *w, lxw_worksheet *ws, int row, int col, const char *text,
                       lxw_format *f);

/* A formula (with '='), its cached value left to the spreadsheet (recalculated on load). */
void tnd_form_put_formula(tnd_form_writer *w, lxw_worksheet *ws, int row, int col,
                          const char *formula, lxw_format *f);

/* A date as a date serial of the 1900 system (18-07-2022 is 44760). */
double tnd_form_date_serial(tnd_date d);

/* ---------------------------------------------------------------- data validation */

/* A list of texts. With more than the inline limit of Excel (255 characters in all) the caller
 * passes a range instead: list_range "=Lijsten!$A$2:$A$12" (then values is ignored). `strict`
 * false lets another value through after a warning (a scheme "or equivalent"). */
void tnd_form_valid_list(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                         int last_row, int last_col, const char *const *values, size_t n,
                         const char *list_range, bool strict, const char *title,
                         const char *message);

/* ja / nee (TND_FORM_YES / TND_FORM_NO). */
void tnd_form_valid_yes_no(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                           int last_row, int last_col, const char *title, const char *message);

/* A date between 01-01-1990 and 31-12-2100 (the range the readers accept). */
void tnd_form_valid_date(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                         int last_row, int last_col, const char *title, const char *message);

/* A time of day (00:00 t/m 23:59:59). */
void tnd_form_valid_time(tnd_form_writer *w, lxw_worksheet *ws, int row, int col,
                         const char *title, const char *message);

/* A decimal number in [min, max]. */
void tnd_form_valid_decimal(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                            int last_row, int last_col, double min, double max, const char *title,
                            const char *message);

/* A whole number in [min, max]. */
void tnd_form_valid_whole(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                          int last_row, int last_col, double min, double max, const char *title,
                          const char *message);

/* A text of exactly `length` characters (KvK number, AGB code). */
void tnd_form_valid_length(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                           int last_row, int last_col, int length, const char *title,
                           const char *message);

/* A text of at most `length` characters (names: the length of the bid model's fields). */
void tnd_form_valid_max_length(tnd_form_writer *w, lxw_worksheet *ws, int first_row,
                               int first_col, int last_row, int last_col, int length,
                               const char *title, const char *message);

/* ---------------------------------------------------------------- verdict colours */

/*
 * Colours the cells first_row..last_row x first_col..last_col by the severity (a tnd_verdict
 * number, 0 N.V.T. .. 6 VOLDOET NIET) in column sev_col of the same row: 1 green, 2-4 orange,
 * 5-6 red, 0 grey.
 */
void tnd_form_verdict_colours(tnd_form_writer *w, lxw_worksheet *ws, int first_row,
                              int first_col, int last_row, int last_col, int sev_col);

#endif
