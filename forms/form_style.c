/*
 * form_style.c - formats, instruction block, protection, validation and verdict colours of the
 * `tender forms` workbooks (form_style.h).
 */
#include "forms/form_style.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/layout/form_layout.h"
#include "forms/xlsx_common.h"

#define YELLOW 0xFFF2CC      /* input */
#define BLUE 0xDDEBF7        /* formula */
#define GREY 0xD9D9D9        /* header, not asked */
#define KEY_GREY 0x808080
#define EXCEL_EPOCH_DAYS 25569 /* 1970-01-01 as a 1900-system serial */
#define DATE_MIN 32874       /* 01-01-1990 */
#define DATE_MAX 73415       /* 31-12-2100 */
#define INLINE_LIST_MAX 255  /* Excel: characters of an inline list, separators included */

void tnd_form_note(tnd_form_writer *w, lxw_error e)
{
    if (e != LXW_NO_ERROR && w->error == LXW_NO_ERROR)
        w->error = e;
}

static lxw_format *fmt(lxw_workbook *wb)
{
    return workbook_add_format(wb);
}

static lxw_format *input_format(lxw_workbook *wb, const char *num_format)
{
    lxw_format *f = fmt(wb);
    format_set_unlocked(f);
    format_set_bg_color(f, YELLOW);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, 0xBFBFBF);
    if (num_format)
        format_set_num_format(f, num_format);
    return f;
}

static lxw_format *calc_format(lxw_workbook *wb, const char *num_format)
{
    lxw_format *f = fmt(wb);
    format_set_bg_color(f, BLUE);
    if (num_format)
        format_set_num_format(f, num_format);
    return f;
}

static lxw_format *colour(lxw_workbook *wb, lxw_color_t bg, lxw_color_t font)
{
    lxw_format *f = fmt(wb);
    format_set_bg_color(f, bg);
    format_set_font_color(f, font);
    return f;
}

void tnd_form_styles_init(tnd_form_writer *w)
{
    lxw_workbook *wb = w->wb;
    tnd_form_styles *s = &w->st;
    s->title = fmt(wb);
    format_set_bold(s->title);
    format_set_font_size(s->title, 14);
    s->instruction = fmt(wb);
    format_set_italic(s->instruction);
    s->header = fmt(wb);
    format_set_bold(s->header);
    format_set_text_wrap(s->header);   /* a long header wraps inside its column (row height:
                                          tnd_form_put_text) instead of being cut off */
    format_set_align(s->header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(s->header, GREY);
    format_set_bottom(s->header, LXW_BORDER_THIN);
    s->section = fmt(wb);
    format_set_bold(s->section);
    s->key = fmt(wb);
    format_set_font_color(s->key, KEY_GREY);
    format_set_font_size(s->key, 8);
    s->label = NULL;
    s->note = fmt(wb);
    format_set_font_color(s->note, 0x595959);
    format_set_italic(s->note);

    s->input = input_format(wb, "@");
    s->input_date = input_format(wb, "dd-mm-yyyy");
    s->input_time = input_format(wb, "hh:mm");
    s->input_money = input_format(wb, "#,##0.00");
    s->input_number = input_format(wb, "General");
    s->input_percent = input_format(wb, "0.0%");

    s->na = fmt(wb);
    format_set_bg_color(s->na, GREY);
    format_set_font_color(s->na, KEY_GREY);
    format_set_align(s->na, LXW_ALIGN_CENTER);

    s->calc = calc_format(wb, NULL);
    s->calc_money = calc_format(wb, "#,##0.00");
    s->calc_percent = calc_format(wb, "0.00%");
    s->calc_number = calc_format(wb, "0.00");
    s->calc_date = calc_format(wb, "dd-mm-yyyy");

    s->green = colour(wb, 0xC6EFCE, 0x006100);
    s->orange = colour(wb, 0xFFEB9C, 0x9C5700);
    s->red = colour(wb, 0xFFC7CE, 0x9C0006);
    s->grey = colour(wb, 0xEDEDED, 0x595959);
}

void tnd_form_properties(tnd_form_writer *w, const char *what, const char *tender_id,
                         tnd_date closing)
{
    lxw_doc_properties props;
    memset(&props, 0, sizeof props);
    char title[160];
    snprintf(title, sizeof title, "%s %s", what, tender_id);
    props.title = title;
    props.author = "tender forms";
    props.created = tnd_xlsxw_created(tnd_date_days(closing));
    tnd_form_note(w, workbook_set_properties(w->wb, &props));
}

/* Header texts are assumed to wrap after this many characters (see tnd_form_put_text). */
#define HEADER_CHARS_PER_LINE 12

void tnd_form_put_text(tnd_form_writer *w, lxw_worksheet *ws, int row, int col, const char *text,
                       lxw_format *f)
{
    if (w->error != LXW_NO_ERROR || w->oom || !text)
        return;
    char *clean = tnd_xlsxw_clean_text(text);
    if (!clean) {
        w->oom = true;
        return;
    }
    tnd_form_note(w, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, clean, f));
    if (f && f == w->st.header) {
        /* A stored row height is kept when the file is opened, so a header row is made high
         * enough for its longest text, wrapped at HEADER_CHARS_PER_LINE (the narrowest header
         * columns are 10-14 wide); wider columns get a row a little higher than needed. */
        size_t chars = 0;
        for (const unsigned char *p = (const unsigned char *)clean; *p; p++)
            chars += (*p & 0xC0) != 0x80;
        int lines = (int)((chars + HEADER_CHARS_PER_LINE - 1) / HEADER_CHARS_PER_LINE);
        int i = 0;
        while (i < w->n_header_rows && (w->header_rows[i].ws != ws || w->header_rows[i].row != row))
            i++;
        if (i == w->n_header_rows && i < (int)(sizeof w->header_rows / sizeof w->header_rows[0])) {
            w->header_rows[i].ws = ws;
            w->header_rows[i].row = row;
            w->header_rows[i].lines = 1;
            w->n_header_rows++;
        }
        /* a row never made lower again: its headers come from more than one writer */
        int *have = i < w->n_header_rows ? &w->header_rows[i].lines : NULL;
        if (lines > 1 && (!have || lines > *have)) {
            if (have)
                *have = lines;
            tnd_form_note(w, worksheet_set_row(ws, (lxw_row_t)row, 15.0 * lines, NULL));
        }
    }
    free(clean);
}

void tnd_form_put_formula(tnd_form_writer *w, lxw_worksheet *ws, int row, int col,
                          const char *formula, lxw_format *f)
{
    if (w->error != LXW_NO_ERROR || w->oom || !formula)
        return;
    tnd_form_note(w, worksheet_write_formula(ws, (lxw_row_t)row, (lxw_col_t)col, formula, f));
}

double tnd_form_date_serial(tnd_date d)
{
    return (double)(tnd_date_days(d) + EXCEL_EPOCH_DAYS);
}

void tnd_form_intro(tnd_form_writer *w, lxw_worksheet *ws, const char *title,
                    const char *line1, const char *line2, const char *line3)
{
    const char *lines[3] = { line1, line2, line3 };
    /* Printed as a committee or a bidder would hand it in: A4 landscape, every column on one
     * page wide, the table's header row on every page, sheet name and page in the footer. */
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    tnd_form_note(w, worksheet_set_footer(ws, "&L&A&RPagina &P van &N"));
    tnd_form_note(w, worksheet_repeat_rows(ws, TND_FORM_HEADER_ROW, TND_FORM_HEADER_ROW));
    tnd_form_note(w, worksheet_set_column(ws, TND_FORM_COL_KEY, TND_FORM_COL_KEY, 14, w->st.key));
    tnd_form_note(w, worksheet_set_column(ws, TND_FORM_COL_LABEL, TND_FORM_COL_LABEL, 58, NULL));
    tnd_form_put_text(w, ws, TND_FORM_TITLE_ROW, 0, title, w->st.title);
    for (int i = 0; i < 3; i++)
        if (lines[i])
            tnd_form_put_text(w, ws, TND_FORM_TITLE_ROW + 1 + i, 0, lines[i], w->st.instruction);
}

void tnd_form_protect(tnd_form_writer *w, lxw_worksheet *ws)
{
    lxw_protection options;
    memset(&options, 0, sizeof options);
    options.format_columns = 1; /* allowed: a user may widen a column to read it */
    options.format_rows = 1;
    worksheet_protect(ws, NULL, &options);
}

/* ---------------------------------------------------------------- data validation */

static void validate(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                     int last_row, int last_col, const lxw_data_validation *given,
                     const char *title, const char *message)
{
    if (w->error != LXW_NO_ERROR || w->oom)
        return;
    /* libxlsxwriter copies the texts; the Excel limits are 32 characters of title and 255 of
     * message, so longer texts are cut here rather than refused there. The cut texts live on
     * this stack frame: they go into a local copy of the validation, never into the caller's. */
    char t[33], m[256];
    lxw_data_validation v = *given;
    if (title) {
        snprintf(t, sizeof t, "%s", title);
        v.input_title = t;
        v.error_title = t;
    }
    if (message) {
        snprintf(m, sizeof m, "%s", message);
        v.input_message = m;
        v.error_message = m;
    }
    tnd_form_note(w, worksheet_data_validation_range(ws, (lxw_row_t)first_row,
                                                     (lxw_col_t)first_col, (lxw_row_t)last_row,
                                                     (lxw_col_t)last_col, &v));
}

void tnd_form_valid_list(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                         int last_row, int last_col, const char *const *values, size_t n,
                         const char *list_range, bool strict, const char *title,
                         const char *message)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
    if (list_range) {
        v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        v.value_formula = (char *)list_range;
        validate(w, ws, first_row, first_col, last_row, last_col, &v, title, message);
        return;
    }
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += strlen(values[i]) + 1;
    if (total > INLINE_LIST_MAX) {
        tnd_form_note(w, LXW_ERROR_255_STRING_LENGTH_EXCEEDED);
        return;
    }
    char **list = calloc(n + 1, sizeof *list);
    if (!list) {
        w->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++)
        list[i] = (char *)values[i];
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = list;
    validate(w, ws, first_row, first_col, last_row, last_col, &v, title, message);
    free(list);
}

void tnd_form_valid_yes_no(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                           int last_row, int last_col, const char *title, const char *message)
{
    static const char *const yes_no[] = { TND_FORM_YES, TND_FORM_NO };
    tnd_form_valid_list(w, ws, first_row, first_col, last_row, last_col, yes_no, 2, NULL, true,
                        title, message ? message : "Kies ja of nee.");
}

void tnd_form_valid_date(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                         int last_row, int last_col, const char *title, const char *message)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_DATE_NUMBER;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = DATE_MIN;
    v.maximum_number = DATE_MAX;
    validate(w, ws, first_row, first_col, last_row, last_col, &v, title,
             message ? message : "Typ een datum (dd-mm-jjjj).");
}

void tnd_form_valid_time(tnd_form_writer *w, lxw_worksheet *ws, int row, int col,
                         const char *title, const char *message)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_TIME_NUMBER;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = 0;
    v.maximum_number = 86399.0 / 86400.0;
    validate(w, ws, row, col, row, col, &v, title, message);
}

static void number_range(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                         int last_row, int last_col, uint8_t type, double min, double max,
                         const char *title, const char *message)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = type;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = min;
    v.maximum_number = max;
    validate(w, ws, first_row, first_col, last_row, last_col, &v, title, message);
}

void tnd_form_valid_decimal(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                            int last_row, int last_col, double min, double max, const char *title,
                            const char *message)
{
    number_range(w, ws, first_row, first_col, last_row, last_col, LXW_VALIDATION_TYPE_DECIMAL,
                 min, max, title, message);
}

void tnd_form_valid_whole(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                          int last_row, int last_col, double min, double max, const char *title,
                          const char *message)
{
    number_range(w, ws, first_row, first_col, last_row, last_col, LXW_VALIDATION_TYPE_INTEGER,
                 min, max, title, message);
}

void tnd_form_valid_length(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                           int last_row, int last_col, int length, const char *title,
                           const char *message)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_LENGTH;
    v.criteria = LXW_VALIDATION_CRITERIA_EQUAL_TO;
    v.value_number = length;
    validate(w, ws, first_row, first_col, last_row, last_col, &v, title, message);
}

void tnd_form_valid_max_length(tnd_form_writer *w, lxw_worksheet *ws, int first_row,
                               int first_col, int last_row, int last_col, int length,
                               const char *title, const char *message)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_LENGTH;
    v.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
    v.value_number = length;
    validate(w, ws, first_row, first_col, last_row, last_col, &v, title, message);
}

/* ---------------------------------------------------------------- verdict colours */

static void colour_when(tnd_form_writer *w, lxw_worksheet *ws, int first_row, int first_col,
                        int last_row, int last_col, const char *rule, lxw_format *f)
{
    if (w->error != LXW_NO_ERROR)
        return;
    lxw_conditional_format cf;
    memset(&cf, 0, sizeof cf);
    cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
    cf.value_string = (char *)rule;
    cf.format = f;
    tnd_form_note(w, worksheet_conditional_format_range(ws, (lxw_row_t)first_row,
                                                        (lxw_col_t)first_col, (lxw_row_t)last_row,
                                                        (lxw_col_t)last_col, &cf));
}

void tnd_form_verdict_colours(tnd_form_writer *w, lxw_worksheet *ws, int first_row,
                              int first_col, int last_row, int last_col, int sev_col)
{
    /* The rule is written for the top-left cell; Excel shifts the relative row for the others,
     * while $col keeps every cell of a row looking at its severity column. */
    char col[8], rule[160];
    lxw_col_to_name(col, (lxw_col_t)sev_col, 0);
    int r = first_row + 1;
    snprintf(rule, sizeof rule, "=AND(ISNUMBER($%s%d),$%s%d=%d)", col, r, col, r, TND_PASS);
    colour_when(w, ws, first_row, first_col, last_row, last_col, rule, w->st.green);
    snprintf(rule, sizeof rule, "=AND(ISNUMBER($%s%d),$%s%d>=%d,$%s%d<=%d)", col, r, col, r,
             TND_CONDITIONAL, col, r, TND_PLAN_REQUIRED);
    colour_when(w, ws, first_row, first_col, last_row, last_col, rule, w->st.orange);
    snprintf(rule, sizeof rule, "=AND(ISNUMBER($%s%d),$%s%d>=%d)", col, r, col, r, TND_MISSING);
    colour_when(w, ws, first_row, first_col, last_row, last_col, rule, w->st.red);
    snprintf(rule, sizeof rule, "=AND(ISNUMBER($%s%d),$%s%d=%d)", col, r, col, r,
             TND_NOT_APPLICABLE);
    colour_when(w, ws, first_row, first_col, last_row, last_col, rule, w->st.grey);
}
