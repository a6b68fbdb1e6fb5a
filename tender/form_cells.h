/*
 * form_cells.h - reading the typed input cells of a filled-in form sheet (the bidder and the
 * committee workbooks of `tender forms`, layout forms/layout/form_layout.h), for tender/bid_xlsx.c and
 * tender/scores_xlsx.c.
 *
 * A sheet is loaded once (its cells up to a given row and column, everything further right or
 * lower is ignored), then read by position. Every reader call names the cell when it refuses:
 * err->file is the workbook, err->where "blad 'Identiteit' cel C9", and the hint says how to fix
 * the value. The rules, the same for every field of both workbooks:
 *  - column A holds the layout's key on every row that is read; another key means the layout was
 *    changed (TND_ERR_SCHEMA);
 *  - an input cell never holds a formula (TND_ERR_VALUE): a provider types values, and a cached
 *    formula result is what some program once computed, not what was declared;
 *  - a number field takes a number cell: money in euros with at most 2 decimals (exactly: the
 *    stored digits are converted, never through a double sum), decimals with at most 6; text in a
 *    number field is refused (TND_ERR_VALUE), a value outside its range too (TND_ERR_RANGE);
 *  - a date takes a date serial (in the workbook's date system) or Dutch date text (18-07-2022,
 *    18 juli 2022: tender/notation.h); a time a time serial or "10:30";
 *  - ja/nee takes the list texts (any case) or a TRUE/FALSE cell; a list takes one of its texts.
 * Blank (no value, or only spaces) is never an error here: the caller decides what absent means.
 */
#ifndef TND_FORM_CELLS_H
#define TND_FORM_CELLS_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/types.h"
#include "tender/base/error.h"
#include "tender/xlsx.h"

/* True when path names a workbook by its extension (".xlsx", any case): the CLI reads such a
 * path as a filled-in form instead of XML / CSV. */
bool tnd_path_is_xlsx(const char *path);

typedef struct tnd_form_sheet tnd_form_sheet;

/*
 * Loads the sheet called `name` of book: the cells of rows 0..rows-1 and columns 0..cols-1
 * (0-based, as forms/layout/form_layout.h counts). A missing sheet is refused (TND_ERR_SCHEMA) with a
 * hint naming the form to use (`form` is "het invulformulier (tender forms)" or alike).
 */
tnd_status tnd_form_sheet_open(tnd_xlsx *book, const char *name, int rows, int cols,
                               const char *form, tnd_form_sheet **out, tnd_error *err);
void tnd_form_sheet_close(tnd_form_sheet *s);

/* The sheet's name as in the workbook. */
const char *tnd_form_sheet_name(const tnd_form_sheet *s);

/* Refuses the cell at (row, col) with a message and hint (printf format), naming the cell. */
tnd_status tnd_form_fail(const tnd_form_sheet *s, int row, int col, tnd_error *err,
                         tnd_status code, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* "C9" for (row 8, column 2) into buf (>= 12 bytes). */
void tnd_form_ref(int row, int col, char *buf, size_t size);

/* Checks that column A of `row` holds `key` (TND_ERR_SCHEMA naming the cell otherwise). */
tnd_status tnd_form_key(const tnd_form_sheet *s, int row, const char *key, tnd_error *err);

/* True when the cell has no value or only white space (a formula is not blank). */
bool tnd_form_blank(const tnd_form_sheet *s, int row, int col);

/* True when any of the cells of `row` in columns from..to (inclusive) is not blank. */
bool tnd_form_row_filled(const tnd_form_sheet *s, int row, int from, int to);

/* The trimmed text of a text cell (a number cell gives its digits: "41237788"); "" when blank.
 * Longer than size - 1 bytes is refused (TND_ERR_TOO_LARGE). `what` names the field. */
tnd_status tnd_form_text(const tnd_form_sheet *s, int row, int col, const char *what, char *dst,
                         size_t size, tnd_error *err);

/* ja/nee: *present false when blank (then *out is left alone). */
tnd_status tnd_form_yes_no(const tnd_form_sheet *s, int row, int col, const char *what,
                           bool *present, bool *out, tnd_error *err);

/* One of `n` list texts (compared without case); *index = -1 when blank. */
tnd_status tnd_form_choice(const tnd_form_sheet *s, int row, int col, const char *what,
                           const char *const *texts, size_t n, int *index, tnd_error *err);

/* Money in euros (at most 2 decimals) into cents; *present false when blank. Negative amounts
 * are refused unless may_be_negative. */
tnd_status tnd_form_money(const tnd_form_sheet *s, int row, int col, const char *what,
                          bool may_be_negative, bool *present, tnd_cents *out, tnd_error *err);

/* A decimal (at most 6 decimals) in [lo, hi] (lo excluded when lo_open); *present false when
 * blank. range_text says the range in Dutch for the message ("0 t/m 10.000"). */
tnd_status tnd_form_decimal(const tnd_form_sheet *s, int row, int col, const char *what,
                            tnd_dec lo, bool lo_open, tnd_dec hi, const char *range_text,
                            bool *present, tnd_dec *out, tnd_error *err);

/* A whole number in [lo, hi]; *present false when blank. */
tnd_status tnd_form_count(const tnd_form_sheet *s, int row, int col, const char *what, long lo,
                          long hi, bool *present, long *out, tnd_error *err);

/* A date (serial or Dutch date text) in the years 1990-2100; *present false when blank. A serial
 * with a time of day gives it in *seconds (0-86399; NULL to refuse a time of day). */
tnd_status tnd_form_date(const tnd_form_sheet *s, int row, int col, const char *what,
                         bool *present, tnd_date *out, int *seconds, tnd_error *err);

/* A time of day (time serial, or "10:30" / "10:30:15" / "10.30 uur") in seconds since
 * midnight; *present false when blank. */
tnd_status tnd_form_time(const tnd_form_sheet *s, int row, int col, const char *what,
                         bool *present, int *seconds, tnd_error *err);

#endif
