/*
 * award_xlsx.c - the award workbook (see award_xlsx.h; every sheet and column is described in
 * docs/award-workbook.md).
 *
 * How it is kept safe and reproducible:
 * - Every text goes through put_text(): worksheet_write_string, never a formula, so a bidder
 *   called "=HYPERLINK(...)" stays a name. Text from a bid is not trusted to be tidy either: a
 *   control character becomes a space and bytes that are not UTF-8 (a multi-byte character cut
 *   off by a fixed-size field) become U+FFFD, because one bad byte makes Excel "repair" the file.
 * - Every number is a number cell with a number format: amounts are cents / 100, decimals
 *   tnd_dec (exact) converted to the nearest double only here, for display. libxlsxwriter
 *   writes 16 significant digits, so EUR 594,06 appears in the XML as 594.0599999999999: that
 *   text reads back as the very same double as 594.06 and shows as € 594,06.
 * - No clock: the document date is the evaluation date at 00:00 UTC (lxw_doc_properties.created;
 *   0 would mean "now"), and libxlsxwriter 1.1.4 stamps every zip entry 1980-01-01 00:00
 *   (packager.c, lxw_packager_new), so two runs on the same inputs give the same bytes.
 * - The first libxlsxwriter error is remembered (book.error) and decides the outcome, so one
 *   failed cell is never silently missing from a workbook that is then published.
 */
#include "forms/award_xlsx.h"
#include "scoring/rules_lots.h"

#include "forms/xlsx_common.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "tender/base/buf.h"
#include "forms/json.h"

#define SHEET_SUMMARY "Samenvatting"
#define SHEET_KNOCKOUTS "Knock-outs"
#define SHEET_BIDDERS "Inschrijvers"
#define SHEET_PROCEDURE "Procedure"
#define SHEET_TARIFFS "Tarieven"
#define SHEET_ASSIGNMENTS "Opdrachten"
#define SHEET_AUDIT "Audit"

#define HEADER TND_AWARD_XLSX_HEADER_ROW
#define FIRST_DATA (HEADER + 1)
#define LINE_LEN 2048          /* an info line composed here (may quote a tie text) */
#define EARLIEST_YEAR 1980     /* zip and Excel dates start in 1980; time_t 0 would mean "now" */


/* ------------------------------------------------------------------ the book */

typedef struct {
    lxw_workbook *wb;
    lxw_error error;            /* first libxlsxwriter error; LXW_NO_ERROR while all went well */
    bool oom;
    lxw_datetime date;          /* evaluation date */
    lxw_format *title, *header, *bold, *wrap, *integer, *decimal, *factor, *euro, *date_nl,
        *date_iso, *green, *orange, *red;
    /* the row being written with wrapped text, and the lines it needs so far (put_wrapped) */
    lxw_worksheet *wrap_ws;
    lxw_row_t wrap_row;
    int wrap_lines;
    /* the sources the texts cite, from the definition: " (§6)" after "stap 1-3" (steps_source)
     * and ", §4.3.1" after "de terugval" (the § of the cascade); "" where the definition has none */
    char steps[TND_SOURCE_LEN + 4];
    char fallback[TND_SOURCE_LEN + 4];
} book;

static void note(book *b, lxw_error e)
{
    if (e != LXW_NO_ERROR && b->error == LXW_NO_ERROR)
        b->error = e;
}

/* Writes text as a string cell (never a formula); an empty or NULL text leaves the cell empty. */
static void put_text(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                     lxw_format *f)
{
    if (!s || !*s)
        return;
    char *t = tnd_xlsxw_clean_text(s);
    if (!t) {
        b->oom = true;
        return;
    }
    note(b, worksheet_write_string(ws, row, col, t, f));
    free(t);
}

static void put_textf(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_format *f,
                      const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void put_textf(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_format *f,
                      const char *fmt, ...)
{
    char line[LINE_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    put_text(b, ws, row, col, line, f);
}

static void put_number(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v,
                       lxw_format *f)
{
    note(b, worksheet_write_number(ws, row, col, v, f));
}

static void put_cents(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, tnd_cents c)
{
    /* cents / 100: the double nearest to the amount (exact to the cent below 2^53 cents) */
    put_number(b, ws, row, col, (double)c / 100.0, b->euro);
}

/* A decimal (a total, a factor, a price score): exact, shown with the given format. */
static void put_dec(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, tnd_dec d,
                    lxw_format *f)
{
    put_number(b, ws, row, col, tnd_dec_to_double(d), f);
}

/* Columns at least this wide hold running text and wrap (print: nothing runs past the table). */
#define WRAP_WIDTH 40

/* Lines a wrapped header text needs in a column `width` characters wide (code points; a bold
 * character is taken as 1.1 wide), at least 1. */
static int header_lines(const char *text, double width)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    double per_line = width > 2 ? (width - 1) / 1.1 : 1;
    int lines = (int)((double)chars / per_line) + 1;
    return lines < 1 ? 1 : lines;
}

/* Running text (a reason) in a column `width` wide, wrapped; the row is made high enough for
 * the longest such text in it, because a stored row height is kept when the file is opened: a
 * wrapped text in a one-line row prints over the rows below it. */
static void put_wrapped(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                        double width)
{
    if (!s || !*s)
        return;
    put_text(b, ws, row, col, s, b->wrap);
    int lines = (int)((header_lines(s, width) - 1) / 1.1) + 1;
    if (b->wrap_ws != ws || b->wrap_row != row) {
        b->wrap_ws = ws;
        b->wrap_row = row;
        b->wrap_lines = 1;
    }
    if (lines > b->wrap_lines) {
        b->wrap_lines = lines;
        note(b, worksheet_set_row(ws, row, 15.0 * lines, NULL));
    }
}

/* The header row high enough for its wrapped texts (LibreOffice and Excel keep a row's stored
 * height: a two-line header in a one-line row is cut off into the first data row), and repeated
 * on every printed page (print titles). */
static void header_row(book *b, lxw_worksheet *ws, int lines)
{
    note(b, worksheet_set_row(ws, HEADER, 15.0 * (lines < 1 ? 1 : lines), NULL));
    note(b, worksheet_repeat_rows(ws, HEADER, HEADER));
}

/* The header row of a table (row 6) and the widths of its columns. */
static void put_columns(book *b, lxw_worksheet *ws, const char *const *names,
                        const double *widths, size_t n)
{
    int lines = 1;
    for (size_t i = 0; i < n; i++) {
        put_text(b, ws, HEADER, (lxw_col_t)i, names[i], b->header);
        /* a wide column holds running text (a reason): wrapped, so that it stays inside the
         * printed width instead of running on to the right */
        note(b, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i],
                                     widths[i] >= WRAP_WIDTH ? b->wrap : NULL));
        int l = header_lines(names[i], widths[i]);
        lines = l > lines ? l : lines;
    }
    header_row(b, ws, lines);
}

static void set_widths(book *b, lxw_worksheet *ws, const double *widths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        note(b, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL));
}

/*
 * Closes a table whose data rows end before `next_row`: autofilter over header and data, header
 * frozen (with the columns before `freeze_col`). Returns the last row of the table (the header
 * row when there is no data).
 */
static lxw_row_t finish_table(book *b, lxw_worksheet *ws, lxw_row_t next_row, lxw_col_t n_columns,
                              lxw_col_t freeze_col)
{
    lxw_row_t last = next_row > FIRST_DATA ? next_row - 1 : HEADER;
    note(b, worksheet_autofilter(ws, HEADER, 0, last, n_columns - 1));
    /* printed: the table's columns, all rows (a chart or a list below the table included) */
    note(b, worksheet_print_area(ws, 0, 0, LXW_ROW_MAX - 1, n_columns - 1));
    worksheet_freeze_panes(ws, FIRST_DATA, freeze_col);
    return last;
}

static lxw_format *new_format(book *b)
{
    lxw_format *f = workbook_add_format(b->wb);
    if (!f)
        b->oom = true;
    return f;
}

static bool make_formats(book *b)
{
    lxw_format **all[] = { &b->title, &b->header, &b->bold, &b->wrap, &b->integer, &b->decimal,
                           &b->factor, &b->euro, &b->date_nl, &b->date_iso, &b->green,
                           &b->orange, &b->red };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (!(*all[i] = new_format(b)))
            return false;
    format_set_bold(b->title);
    format_set_font_size(b->title, 14);
    format_set_bold(b->header);
    format_set_text_wrap(b->header);
    format_set_align(b->header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(b->header, 0xD9E1F2);
    format_set_bottom(b->header, LXW_BORDER_THIN);
    format_set_bold(b->bold);
    format_set_text_wrap(b->wrap);
    format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(b->integer, "0");
    format_set_num_format(b->decimal, "0.0###");     /* a total: 7.4, 7.45 */
    format_set_num_format(b->factor, "0.0#####");     /* a weight product: 0.5, 0.2 */
    format_set_num_format(b->euro, "[$\xE2\x82\xAC-413] #,##0.00"); /* € 1.234,56 in nl-NL */
    format_set_num_format(b->date_nl, "dd-mm-yyyy");
    format_set_num_format(b->date_iso, "yyyy-mm-dd");
    /* traffic lights (conditional formats: only colours) */
    format_set_bg_color(b->green, 0xC6EFCE);
    format_set_font_color(b->green, 0x006100);
    format_set_bg_color(b->orange, 0xFCD5B4);
    format_set_font_color(b->orange, 0x974706);
    format_set_bg_color(b->red, 0xFFC7CE);
    format_set_font_color(b->red, 0x9C0006);
    return true;
}

/* A new sheet with its title in A1 and, when given, a line of explanation in A2. */
static lxw_worksheet *add_sheet(book *b, const char *name, const char *title, const char *intro)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    if (!ws) {
        note(b, LXW_ERROR_PARAMETER_VALIDATION);
        return NULL;
    }
    put_text(b, ws, 0, 0, title, b->title);
    put_text(b, ws, 1, 0, intro, NULL);
    /* Officers print these for the decision file: A4 landscape, all columns on one page wide
     * (a table cut into column strips cannot be read), as many pages down as it needs, narrow
     * margins, and the sheet name and page number in the footer. */
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    note(b, worksheet_set_footer(ws, "&L&A&RPagina &P van &N"));
    return ws;
}

/* ------------------------------------------------------------------ traffic lights */

typedef enum { LIGHT_NONE, LIGHT_GREEN, LIGHT_ORANGE, LIGHT_RED } light;

/* Award statuses: green contracted, orange still open, red out (issue 3 item 4). */
static light status_light(tnd_award_status s)
{
    switch (s) {
    case TND_AWARD_GRANTED:
    case TND_AWARD_ADMITTED:
        return LIGHT_GREEN;
    case TND_AWARD_REVISION_OPEN:
    case TND_AWARD_TIE:
    case TND_AWARD_NO_SCORES:
    case TND_AWARD_PENDING:
        return LIGHT_ORANGE;
    case TND_AWARD_SET_ASIDE:
    case TND_AWARD_NOT_RANKED:
    case TND_AWARD_EXCLUDED:
        return LIGHT_RED;
    }
    return LIGHT_NONE;
}

/* Knock-out verdicts: red out, orange still open. */
static light verdict_light(tnd_verdict v)
{
    switch (v) {
    case TND_FAIL:
    case TND_MISSING:
        return LIGHT_RED;
    case TND_REVIEW:
    case TND_PLAN_REQUIRED:
        return LIGHT_ORANGE;
    default:
        return LIGHT_NONE;
    }
}

#define MAX_LIGHT_TEXTS 16

typedef struct {
    const char *text[MAX_LIGHT_TEXTS];
    light colour[MAX_LIGHT_TEXTS];
    int n;
} light_table;

static void light_add(light_table *t, const char *text, light colour)
{
    if (t->n < MAX_LIGHT_TEXTS && text && *text && colour != LIGHT_NONE) {
        t->text[t->n] = text;
        t->colour[t->n] = colour;
        t->n++;
    }
}

static light_table award_lights(void)
{
    light_table t = { .n = 0 };
    for (int s = TND_AWARD_GRANTED; s <= TND_AWARD_EXCLUDED; s++)
        light_add(&t, tnd_award_status_dutch((tnd_award_status)s),
                  status_light((tnd_award_status)s));
    return t;
}

static light_table verdict_lights(void)
{
    light_table t = { .n = 0 };
    for (int v = TND_NOT_APPLICABLE; v <= TND_FAIL; v++)
        light_add(&t, tnd_verdict_dutch((tnd_verdict)v), verdict_light((tnd_verdict)v));
    return t;
}

/*
 * Colours the cells first_col..last_col of rows first..last by the text in key_col of the same
 * row: one formula rule per colour, OR($K7="GEGUND",$K7="TOEGELATEN"). The formulas live in the
 * conditional formats only; they compare with fixed status names, never with bid text.
 */
static void traffic_lights(book *b, lxw_worksheet *ws, lxw_row_t first, lxw_row_t last,
                           lxw_col_t first_col, lxw_col_t last_col, lxw_col_t key_col,
                           const light_table *t)
{
    if (last < first)
        return;
    char cell[32];
    char col[16];
    lxw_col_to_name(col, key_col, 0);
    snprintf(cell, sizeof cell, "$%s%u", col, (unsigned)first + 1);
    const light colours[] = { LIGHT_GREEN, LIGHT_ORANGE, LIGHT_RED };
    lxw_format *formats[] = { b->green, b->orange, b->red };
    for (size_t c = 0; c < 3; c++) {
        tnd_buf formula;
        tnd_buf_init(&formula);
        tnd_buf_puts(&formula, "OR(");
        int terms = 0;
        for (int i = 0; i < t->n; i++) {
            if (t->colour[i] != colours[c])
                continue;
            tnd_buf_printf(&formula, "%s%s=\"", terms++ ? "," : "", cell);
            for (const char *p = t->text[i]; *p; p++) {
                if (*p == '"')
                    tnd_buf_append(&formula, "\"", 1); /* a quote in a formula string is doubled */
                tnd_buf_append(&formula, p, 1);
            }
            tnd_buf_puts(&formula, "\"");
        }
        tnd_buf_puts(&formula, ")");
        if (formula.oom) {
            b->oom = true;
        } else if (terms) {
            lxw_conditional_format cf;
            memset(&cf, 0, sizeof cf);
            cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
            cf.value_string = formula.data;
            cf.format = formats[c];
            note(b, worksheet_conditional_format_range(ws, first, first_col, last, last_col, &cf));
        }
        tnd_buf_free(&formula);
    }
}

/* ------------------------------------------------------------------ lookups */

static const char *lot_name(const tnd_definition *def, int number)
{
    const tnd_lot *lot = tnd_definition_lot(def, number);
    return lot ? lot->name : "";
}

static const char *bid_name(const tnd_bid *bid)
{
    return bid ? bid->bidder.name : "";
}

static const char *bid_kvk(const tnd_bid *bid)
{
    return bid ? bid->bidder.kvk : "";
}

static const char *award_kind_text(const tnd_award_lot *rule)
{
    if (!rule)
        return "geen gunningsregel in de definitie";
    switch (rule->kind) {
    case TND_AWARD_ADMIT:
        /* issue 8 (IJsselland §4.3 L916-918): lots 6-8 follow the lot 1-5 plan */
        return rule->n_plan_lots ? "toelating na stap 1 en 2, zolang het plan van aanpak van "
                                   "de inschrijving op een planperceel staat (geen aanvullend plan)"
                                 : "toelating na stap 1 en 2 (geen plan van aanpak)";
    case TND_AWARD_THRESHOLD:
        return "drempel: ieder plan dat de minimumscore haalt";
    case TND_AWARD_RANKED:
        return "rangschikking op eindcijfer";
    }
    return "?";
}

/* A criterion that carries a score itself: no other criterion has it as parent. */
static bool is_leaf(const tnd_award_lot *rule, int c)
{
    for (int i = 0; i < rule->n_criteria; i++)
        if (rule->criteria[i].parent == c)
            return false;
    return true;
}

static const tnd_criterion_score *entry_score(const tnd_award_entry *e, int criterion)
{
    for (int i = 0; i < e->n_scores; i++)
        if (e->scores[i].criterion == criterion)
            return &e->scores[i];
    return NULL;
}

/* Granted: contracted or admitted. Rejected: out of this lot. Open: anything still to decide. */
static bool is_granted(tnd_award_status s)
{
    return s == TND_AWARD_GRANTED || s == TND_AWARD_ADMITTED;
}

static bool is_rejected(tnd_award_status s)
{
    return s == TND_AWARD_SET_ASIDE || s == TND_AWARD_NOT_RANKED || s == TND_AWARD_EXCLUDED;
}

/* Reached step 3 in this lot: placed there by steps 1-2 (§6), its own lot or via the cascade. */
static bool is_admitted(tnd_award_status s)
{
    return s != TND_AWARD_EXCLUDED && s != TND_AWARD_PENDING;
}

/* ------------------------------------------------------------------ Samenvatting */

typedef struct {
    int applied, admitted, placed, granted, rejected, open;
} lot_counts;

static lot_counts count_lot(const tnd_evaluation *ev, const tnd_lot_award *la)
{
    lot_counts c = { 0, 0, 0, 0, 0, 0 };
    for (size_t i = 0; i < ev->n_bidders; i++) {
        const tnd_bidder_outcome *o = &ev->bidders[i];
        bool applied = false, placed = false;
        for (int j = 0; j < o->n_applied && j < TND_MAX_SET; j++) {
            applied = applied || o->applied[j] == la->lot;
            placed = placed || o->placed[j] == la->lot;
        }
        c.applied += applied;
        c.placed += placed;
    }
    for (size_t i = 0; i < la->n_entries; i++) {
        tnd_award_status s = la->entries[i].status;
        c.admitted += is_admitted(s);
        if (is_granted(s))
            c.granted++;
        else if (is_rejected(s))
            c.rejected++;
        else
            c.open++;
    }
    return c;
}

enum {
    SUM_LOT, SUM_NAME, SUM_KIND, SUM_APPLIED, SUM_ADMITTED, SUM_PLACED, SUM_GRANTED, SUM_REJECTED,
    SUM_OPEN, SUM_MAXIMUM, SUM_TIE, SUM_COLUMNS
};

static void write_summary(book *b, const tnd_definition *def, const tnd_evaluation *ev)
{
    lxw_worksheet *ws = add_sheet(b, SHEET_SUMMARY, NULL, NULL);
    if (!ws)
        return;
    put_textf(b, ws, 0, 0, b->title, "Gunning - %s", def->title);
    put_textf(b, ws, 1, 0, NULL, "Aanbesteding %s, %s. Stap 1-3 van de beoordeling%s.", def->id,
              def->authority, b->steps);
    put_text(b, ws, 2, 0, "Evaluatiedatum", b->bold);
    note(b, worksheet_write_datetime(ws, 2, 1, &b->date, b->date_nl));
    put_text(b, ws, 3, 0, "Inschrijvers", b->bold);
    put_number(b, ws, 3, 1, (double)ev->n_bidders, b->integer);

    static const char *const names[SUM_COLUMNS] = {
        "Perceel", "Naam", "Gunningswijze", "Ingeschreven", "Toegelaten (stap 1-2)", "Geplaatst",
        "Gegund / toegelaten", "Afgewezen", "Open", "Maximum aantal", "Gelijke stand"
    };
    /* column A also holds the labels "Evaluatiedatum" and "Inschrijvers" above the table */
    static const double widths[SUM_COLUMNS] = { 15, 38, 40, 13, 13, 11, 12, 11, 9, 10, 13 };
    put_columns(b, ws, names, widths, SUM_COLUMNS);

    lxw_row_t row = FIRST_DATA;
    for (size_t k = 0; k < ev->n_lots; k++, row++) {
        const tnd_lot_award *la = &ev->lots[k];
        lot_counts c = count_lot(ev, la);
        put_number(b, ws, row, SUM_LOT, la->lot, b->integer);
        put_text(b, ws, row, SUM_NAME, lot_name(def, la->lot), NULL);
        put_wrapped(b, ws, row, SUM_KIND, award_kind_text(la->rule), widths[SUM_KIND]);
        put_number(b, ws, row, SUM_APPLIED, c.applied, b->integer);
        put_number(b, ws, row, SUM_ADMITTED, c.admitted, b->integer);
        put_number(b, ws, row, SUM_PLACED, c.placed, b->integer);
        put_number(b, ws, row, SUM_GRANTED, c.granted, b->integer);
        put_number(b, ws, row, SUM_REJECTED, c.rejected, b->integer);
        put_number(b, ws, row, SUM_OPEN, c.open, b->integer);
        if (la->rule && la->rule->max_awarded > 0)
            put_number(b, ws, row, SUM_MAXIMUM, la->rule->max_awarded, b->integer);
        put_text(b, ws, row, SUM_TIE, la->tie ? "ja" : "nee", NULL);
    }
    lxw_row_t last = finish_table(b, ws, row, SUM_COLUMNS, 0);
    if (!ev->n_lots)
        return;

    lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
    if (!chart) {
        b->oom = true;
        return;
    }
    chart_title_set_name(chart, "Inschrijvers per perceel");
    chart_axis_set_name(chart->x_axis, "Perceel");
    chart_axis_set_name(chart->y_axis, "Aantal inschrijvers");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    const lxw_col_t series[] = { SUM_ADMITTED, SUM_PLACED, SUM_GRANTED, SUM_REJECTED };
    for (size_t s = 0; s < sizeof series / sizeof series[0]; s++) {
        lxw_chart_series *cs = chart_add_series(chart, NULL, NULL);
        if (!cs) {
            b->oom = true;
            return;
        }
        chart_series_set_categories(cs, SHEET_SUMMARY, FIRST_DATA, SUM_LOT, last, SUM_LOT);
        chart_series_set_values(cs, SHEET_SUMMARY, FIRST_DATA, series[s], last, series[s]);
        chart_series_set_name_range(cs, SHEET_SUMMARY, HEADER, series[s]);
    }
    lxw_chart_options opt = { .x_offset = 0, .y_offset = 0, .x_scale = 1.6, .y_scale = 1.2 };
    note(b, worksheet_insert_chart_opt(ws, last + 3, 1, chart, &opt));
}

/* ------------------------------------------------------------------ Perceel N */

typedef struct {
    int crit[TND_MAX_CRITERIA];   /* leaf criteria, in definition order */
    lxw_col_t score[TND_MAX_CRITERIA], round[TND_MAX_CRITERIA], factor[TND_MAX_CRITERIA];
    bool has_round[TND_MAX_CRITERIA]; /* a criterion with a minimum: the round of the score shown */
    int n;
    bool has_price;
    lxw_col_t price, price_score;
    lxw_col_t total, status, reason, signals;
    lxw_col_t n_columns;
} lot_columns;

enum { LOT_RANK, LOT_NAME, LOT_KVK, LOT_APPLIED, LOT_FIRST_CRITERION };

static lot_columns plan_columns(const tnd_award_lot *rule)
{
    lot_columns c;
    memset(&c, 0, sizeof c);
    lxw_col_t col = LOT_FIRST_CRITERION;
    if (rule) {
        for (int i = 0; i < rule->n_criteria && i < (int)TND_COUNTOF(rule->criteria); i++) {
            if (!is_leaf(rule, i))
                continue;
            c.crit[c.n] = i;
            c.score[c.n] = col++;
            c.has_round[c.n] = rule->criteria[i].has_minimum;
            if (c.has_round[c.n])
                c.round[c.n] = col++;
            c.factor[c.n] = col++;
            c.n++;
        }
        if (rule->price.kind != TND_PRICE_NONE) {
            c.has_price = true;
            c.price = col++;
            c.price_score = col++;
        }
    }
    c.total = col++;
    c.status = col++;
    c.reason = col++;
    c.signals = col++;
    c.n_columns = col;
    return c;
}

static void write_lot_header(book *b, lxw_worksheet *ws, const tnd_award_lot *rule,
                             const lot_columns *c)
{
    put_text(b, ws, HEADER, LOT_RANK, "Rang", b->header);
    put_text(b, ws, HEADER, LOT_NAME, "Inschrijver", b->header);
    put_text(b, ws, HEADER, LOT_KVK, "KvK", b->header);
    put_text(b, ws, HEADER, LOT_APPLIED, "Perceel ingeschreven", b->header);
    for (int i = 0; i < c->n; i++) {
        const tnd_criterion *cr = &rule->criteria[c->crit[i]];
        put_textf(b, ws, HEADER, c->score[i], b->header, "Score %s", cr->label);
        if (c->has_round[i])
            put_textf(b, ws, HEADER, c->round[i], b->header, "Ronde %s", cr->label);
        put_textf(b, ws, HEADER, c->factor[i], b->header, "Factor %s", cr->label);
        note(b, worksheet_set_column(ws, c->score[i], c->factor[i], 12, NULL));
    }
    if (c->has_price) {
        put_text(b, ws, HEADER, c->price, "Prijs", b->header);
        put_text(b, ws, HEADER, c->price_score, "Prijsscore", b->header);
        note(b, worksheet_set_column(ws, c->price, c->price, 14, NULL));
        note(b, worksheet_set_column(ws, c->price_score, c->price_score, 11, NULL));
    }
    put_text(b, ws, HEADER, c->total, "Totaal", b->header);
    put_text(b, ws, HEADER, c->status, "Status", b->header);
    put_text(b, ws, HEADER, c->reason, "Reden", b->header);
    put_text(b, ws, HEADER, c->signals, "Signalen", b->header);
    int lines = header_lines("Perceel ingeschreven", 11);
    for (int i = 0; i < c->n; i++) {
        char text[TND_LABEL_LEN + 16];
        snprintf(text, sizeof text, "Factor %s", rule->criteria[c->crit[i]].label);
        int l = header_lines(text, 12);
        lines = l > lines ? l : lines;
    }
    header_row(b, ws, lines);
    static const double widths[] = { 6, 34, 11, 11 };
    set_widths(b, ws, widths, sizeof widths / sizeof widths[0]);
    note(b, worksheet_set_column(ws, c->total, c->total, 9, NULL));
    note(b, worksheet_set_column(ws, c->status, c->status, 18, NULL));
    note(b, worksheet_set_column(ws, c->reason, c->reason, 60, b->wrap));
    note(b, worksheet_set_column(ws, c->signals, c->signals, WRAP_WIDTH, b->wrap));
}

/* "normaliseren: beoordelaars 4-8, consensus buiten spreiding; C: berekend uit locaties" */
static void entry_signals(const tnd_award_lot *rule, const tnd_award_entry *e, char *buf,
                          size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < e->n_scores && len < size; i++) {
        const tnd_criterion_score *s = &e->scores[i];
        const char *id = rule && s->criterion >= 0 && s->criterion < rule->n_criteria
                             ? rule->criteria[s->criterion].id
                             : "?";
        if (s->computed) {
            len += (size_t)snprintf(buf + len, size - len, "%s%s: berekend uit locaties",
                                    len ? "; " : "", id);
        } else if (s->n_members > 0) {
            len += (size_t)snprintf(buf + len, size - len, "%s%s: beoordelaars %d-%d%s",
                                    len ? "; " : "", id, s->member_min, s->member_max,
                                    s->consensus_outside_members ? ", consensus buiten spreiding"
                                                                 : "");
        }
    }
}

/* Every leaf criterion has a score: the weighted total means something. */
static bool entry_complete(const lot_columns *c, const tnd_award_entry *e)
{
    if (c->n == 0)
        return false;
    for (int i = 0; i < c->n; i++) {
        const tnd_criterion_score *s = entry_score(e, c->crit[i]);
        if (!s || !s->has_score)
            return false;
    }
    return true;
}

static void write_lot_row(book *b, lxw_worksheet *ws, lxw_row_t row, const tnd_award_lot *rule,
                          const lot_columns *c, const tnd_award_entry *e)
{
    if (e->rank > 0)
        put_number(b, ws, row, LOT_RANK, e->rank, b->integer);
    put_text(b, ws, row, LOT_NAME, bid_name(e->bid), NULL);
    put_text(b, ws, row, LOT_KVK, bid_kvk(e->bid), NULL);
    if (e->applied > 0)
        put_number(b, ws, row, LOT_APPLIED, e->applied, b->integer);
    for (int i = 0; i < c->n; i++) {
        const tnd_criterion_score *s = entry_score(e, c->crit[i]);
        if (!s)
            continue;
        if (s->has_score)
            put_number(b, ws, row, c->score[i], s->consensus, b->integer);
        if (c->has_round[i] && s->has_score && s->round > 0)
            put_number(b, ws, row, c->round[i], s->round, b->integer);
        put_dec(b, ws, row, c->factor[i], s->factor, b->factor);
    }
    if (c->has_price && e->has_price) {
        put_cents(b, ws, row, c->price, e->price);
        put_dec(b, ws, row, c->price_score, e->price_score, b->decimal);
    }
    if (entry_complete(c, e))
        put_dec(b, ws, row, c->total, e->total, b->decimal);
    put_text(b, ws, row, c->status, tnd_award_status_dutch(e->status), NULL);
    put_wrapped(b, ws, row, c->reason, e->reason, 60);
    char signals[LINE_LEN];
    entry_signals(rule, e, signals, sizeof signals);
    put_wrapped(b, ws, row, c->signals, signals, WRAP_WIDTH);
}

static void write_lot_chart(book *b, lxw_worksheet *ws, const char *sheet, const lot_columns *c,
                            lxw_row_t last, lxw_row_t at)
{
    lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_BAR);
    if (!chart) {
        b->oom = true;
        return;
    }
    chart_title_set_name(chart, "Totaal per inschrijver");
    chart_axis_set_name(chart->x_axis, "Totaal");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    /* Bars top-down in ranking order, as in the table. */
    chart_axis_set_reverse(chart->y_axis);
    lxw_chart_series *cs = chart_add_series(chart, NULL, NULL);
    if (!cs) {
        b->oom = true;
        return;
    }
    chart_series_set_categories(cs, sheet, FIRST_DATA, LOT_NAME, last, LOT_NAME);
    chart_series_set_values(cs, sheet, FIRST_DATA, c->total, last, c->total);
    chart_series_set_name_range(cs, sheet, HEADER, c->total);
    lxw_chart_options opt = { .x_offset = 0, .y_offset = 0, .x_scale = 1.6, .y_scale = 1.2 };
    note(b, worksheet_insert_chart_opt(ws, at, LOT_NAME, chart, &opt));
}

static void write_lot(book *b, const tnd_definition *def, const tnd_lot_award *la)
{
    char sheet[32];
    snprintf(sheet, sizeof sheet, "Perceel %d", la->lot);
    lxw_worksheet *ws = add_sheet(b, sheet, NULL, NULL);
    if (!ws)
        return;
    const tnd_award_lot *rule = la->rule;
    put_textf(b, ws, 0, 0, b->title, "Perceel %d - %s", la->lot, lot_name(def, la->lot));
    if (rule)
        put_textf(b, ws, 1, 0, NULL, "Gunningsregel %s (%s): %s", rule->ref.id, rule->ref.source,
                  rule->ref.label);
    else
        put_text(b, ws, 1, 0, "Geen gunningsregel in de definitie voor dit perceel.", NULL);
    char maximum[64];
    if (rule && rule->max_awarded > 0)
        snprintf(maximum, sizeof maximum, "maximaal %d opdrachtnemers", rule->max_awarded);
    else
        snprintf(maximum, sizeof maximum, "geen maximum aantal opdrachtnemers");
    put_textf(b, ws, 2, 0, NULL, "Gunningswijze: %s; %s.", award_kind_text(rule), maximum);
    put_textf(b, ws, 3, 0, NULL, "Gelijke stand: %s", la->tie ? la->tie_text : "geen");
    if (rule && rule->kind == TND_AWARD_RANKED) {
        if (rule->tie_rule[0])
            put_textf(b, ws, 4, 0, NULL, "Beslisregel bij gelijke stand: %s", rule->tie_rule);
        else if (rule->ref.resolution[0])
            put_textf(b, ws, 4, 0, NULL,
                      "Beslisregel bij gelijke stand: geen; een gelijke stand wordt gemeld, "
                      "niet beslist (resolutie %s).", rule->ref.resolution);
        else
            put_text(b, ws, 4, 0,
                     "Beslisregel bij gelijke stand: geen; een gelijke stand wordt gemeld, "
                     "niet beslist.", NULL);
    }

    lot_columns c = plan_columns(rule);
    write_lot_header(b, ws, rule, &c);
    lxw_row_t row = FIRST_DATA;
    bool any_total = false;
    for (size_t i = 0; i < la->n_entries; i++, row++) {
        write_lot_row(b, ws, row, rule, &c, &la->entries[i]);
        any_total = any_total || entry_complete(&c, &la->entries[i]);
    }
    lxw_row_t last = finish_table(b, ws, row, c.n_columns, LOT_KVK);
    light_table lights = award_lights();
    traffic_lights(b, ws, FIRST_DATA, last, c.total, c.status, c.status, &lights);

    lxw_row_t next = last + 2;
    if (rule && rule->kind == TND_AWARD_ADMIT) {
        /* §6.1 L1702-1704: no plan; the admitted bidders are the contract partners. */
        int n = 0;
        for (size_t i = 0; i < la->n_entries; i++)
            n += la->entries[i].status == TND_AWARD_ADMITTED;
        put_textf(b, ws, next, LOT_NAME, b->bold, "Toegelaten inschrijvers (%d)", n);
        next++;
        for (size_t i = 0; i < la->n_entries; i++) {
            if (la->entries[i].status != TND_AWARD_ADMITTED)
                continue;
            put_text(b, ws, next, LOT_NAME, bid_name(la->entries[i].bid), NULL);
            put_text(b, ws, next, LOT_KVK, bid_kvk(la->entries[i].bid), NULL);
            next++;
        }
        next++;
    }
    if (rule && rule->kind != TND_AWARD_ADMIT && any_total)
        write_lot_chart(b, ws, sheet, &c, last, next);
}

/* ------------------------------------------------------------------ Knock-outs */

enum {
    KO_NAME, KO_KVK, KO_STEP, KO_REQUIREMENT, KO_RULE, KO_LOT, KO_CASCADE, KO_SUBJECT, KO_VERDICT,
    KO_FOUND, KO_NORM, KO_REASON, KO_SOURCE, KO_RESOLUTION, KO_COLUMNS
};

static bool is_knockout(tnd_verdict v)
{
    return v == TND_FAIL || v == TND_REVIEW || v == TND_PLAN_REQUIRED || v == TND_MISSING;
}

static void write_knockouts(book *b, const tnd_evaluation *ev)
{
    char title[sizeof b->steps + 32];
    snprintf(title, sizeof title, "Knock-outs stap 1 en 2%s", b->steps);
    lxw_worksheet *ws = add_sheet(
        b, SHEET_KNOCKOUTS, title,
        "Elke eis met oordeel VOLDOET NIET, ONTBREEKT, BEOORDELEN of PLAN VAN AANPAK, per "
        "inschrijver in invoervolgorde. Perceel 'alle' = geldt voor elk perceel; 'detail' = "
        "een waarde onder de eis erboven (bijvoorbeeld een norm per jaar).");
    if (!ws)
        return;
    static const char *const names[KO_COLUMNS] = {
        "Inschrijver", "KvK", "Stap", "Eis", "Regel", "Perceel", "Terugval", "Onderwerp", "Oordeel",
        "Gevonden", "Norm", "Reden", "Bron §", "Resolutie"
    };
    static const double widths[KO_COLUMNS] = { 30, 11, 6, 36, 24, 9, 9, 20, 16, 18, 14, 60, 22,
                                                22 };
    put_columns(b, ws, names, widths, KO_COLUMNS);
    lxw_row_t row = FIRST_DATA;
    for (size_t i = 0; i < ev->n_bidders; i++) {
        const tnd_bidder_outcome *o = &ev->bidders[i];
        if (!o->check)
            continue;
        for (size_t f = 0; f < o->check->n_findings; f++) {
            const tnd_finding *fd = &o->check->findings[f];
            if (!is_knockout(fd->verdict))
                continue;
            put_text(b, ws, row, KO_NAME, bid_name(o->bid), NULL);
            put_text(b, ws, row, KO_KVK, bid_kvk(o->bid), NULL);
            put_number(b, ws, row, KO_STEP, fd->step, b->integer);
            put_text(b, ws, row, KO_REQUIREMENT, fd->requirement, NULL);
            put_text(b, ws, row, KO_RULE, fd->rule_id, NULL);
            if (fd->lot > 0)
                put_number(b, ws, row, KO_LOT, fd->lot, b->integer);
            else
                put_text(b, ws, row, KO_LOT, fd->lot == 0 ? "alle" : "detail", NULL);
            if (fd->cascade)
                put_text(b, ws, row, KO_CASCADE, "ja", NULL);
            put_text(b, ws, row, KO_SUBJECT, fd->subject, NULL);
            put_text(b, ws, row, KO_VERDICT, tnd_verdict_dutch(fd->verdict), NULL);
            put_text(b, ws, row, KO_FOUND, fd->found, NULL);
            put_text(b, ws, row, KO_NORM, fd->norm, NULL);
            put_wrapped(b, ws, row, KO_REASON, fd->reason, 60);
            put_text(b, ws, row, KO_SOURCE, fd->source, NULL);
            put_text(b, ws, row, KO_RESOLUTION, fd->resolution, NULL);
            row++;
        }
    }
    lxw_row_t last = finish_table(b, ws, row, KO_COLUMNS, KO_KVK);
    light_table lights = verdict_lights();
    traffic_lights(b, ws, FIRST_DATA, last, KO_VERDICT, KO_VERDICT, KO_VERDICT, &lights);
}

/* ------------------------------------------------------------------ Inschrijvers */

enum {
    BID_NAME, BID_KVK, BID_LOTS, BID_APPLIED, BID_PLACED, BID_STATUS, BID_PATH, BID_STOPPED,
    BID_COLUMNS
};

static void write_bidders(book *b, const tnd_evaluation *ev)
{
    char intro[2 * sizeof b->steps + 320];
    snprintf(intro, sizeof intro,
             "Eén regel per inschrijver en perceel ingeschreven: het perceel waarin de "
             "inschrijver uiteindelijk is geplaatst (ook via de terugval%s) en de "
             "eindstatus. 'Gestopt bij stap' is de stap%s waarop de hele inschrijving stopte; "
             "'geen' = alle stappen doorlopen.", b->fallback, b->steps);
    lxw_worksheet *ws = add_sheet(b, SHEET_BIDDERS, "Inschrijvers", intro);
    if (!ws)
        return;
    static const char *const names[BID_COLUMNS] = {
        "Inschrijver", "KvK", "Percelen ingeschreven", "Perceel", "Perceel geplaatst", "Eindstatus",
        "Verloop", "Gestopt bij stap"
    };
    static const double widths[BID_COLUMNS] = { 34, 11, 14, 9, 11, 18, 60, 10 };
    put_columns(b, ws, names, widths, BID_COLUMNS);
    lxw_row_t row = FIRST_DATA;
    for (size_t i = 0; i < ev->n_bidders; i++) {
        const tnd_bidder_outcome *o = &ev->bidders[i];
        int n = o->n_applied < 0 ? 0 : o->n_applied > TND_MAX_SET ? TND_MAX_SET : o->n_applied;
        char lots[TND_MAX_SET * 13 + 1]; /* ", " and up to 11 characters per lot number */
        size_t len = 0;
        lots[0] = '\0';
        for (int j = 0; j < n; j++)
            len += (size_t)snprintf(lots + len, sizeof lots - len, "%s%d", j ? ", " : "",
                                    o->applied[j]);
        for (int j = 0; j < (n ? n : 1); j++, row++) {
            put_text(b, ws, row, BID_NAME, bid_name(o->bid), NULL);
            put_text(b, ws, row, BID_KVK, bid_kvk(o->bid), NULL);
            put_text(b, ws, row, BID_LOTS, lots, NULL);
            if (n) {
                put_number(b, ws, row, BID_APPLIED, o->applied[j], b->integer);
                if (o->placed[j] > 0)
                    put_number(b, ws, row, BID_PLACED, o->placed[j], b->integer);
                else
                    put_text(b, ws, row, BID_PLACED, "geen", NULL);
                put_text(b, ws, row, BID_STATUS, tnd_award_status_dutch(o->status[j]), NULL);
                put_wrapped(b, ws, row, BID_PATH, o->path[j], 60);
            }
            if (o->stopped_at_step > 0)
                put_number(b, ws, row, BID_STOPPED, o->stopped_at_step, b->integer);
            else
                put_text(b, ws, row, BID_STOPPED, "geen", NULL);
        }
    }
    lxw_row_t last = finish_table(b, ws, row, BID_COLUMNS, BID_KVK);
    light_table lights = award_lights();
    traffic_lights(b, ws, FIRST_DATA, last, BID_STATUS, BID_STATUS, BID_STATUS, &lights);
}

/* ------------------------------------------------------------------ Procedure (issue 8 §4) */

enum {
    PROC_NAME, PROC_KVK, PROC_ROUND, PROC_ROUND1, PROC_LOT, PROC_PLACED, PROC_STATUS, PROC_FINAL,
    PROC_WHY, PROC_HERSTEL, PROC_COLUMNS
};

enum {
    DEC_LINE, DEC_KVK, DEC_ROUND, DEC_RULE, DEC_KIND, DEC_MOTIVATION, DEC_DATE, DEC_OFFICER,
    DEC_USE, DEC_COLUMNS
};

/* The rounds (§3.3, §4.1.4, §4.1.5): per bidder and lot the round of the bid that counts, the
 * round-1 outcome, whether the outcome is definitief or voorlopig and why; then every decision of
 * the officer with its motivation and how it was used. */
static void write_procedure(book *b, const tnd_definition *def, const tnd_evaluation *ev,
                            const tnd_procedure *pr)
{
    char intro[LINE_LEN];
    char deadline[24] = "";
    if (pr->rules->has_resubmission)
        tnd_datetime_nl(pr->rules->resubmission_time, deadline);
    char resub[TND_SOURCE_LEN + 48] = "niet in deze aanbesteding";
    if (pr->rules->has_resubmission)
        snprintf(resub, sizeof resub, "tot %s (%s)", deadline, pr->rules->resubmission_source);
    snprintf(intro, sizeof intro, "%s. Herinschrijving: %s. VOORLOPIG = kan nog veranderen in "
             "een latere ronde of door een besluit; DEFINITIEF = staat vast.", pr->summary, resub);
    lxw_worksheet *ws = add_sheet(b, SHEET_PROCEDURE, "Procedure: rondes en besluiten", intro);
    if (!ws)
        return;
    static const char *const names[PROC_COLUMNS] = {
        "Inschrijver", "KvK", "Ronde inschrijving", "Uitkomst ronde 1", "Perceel",
        "Perceel geplaatst", "Eindstatus", "Voorlopig / definitief", "Toelichting", "Herstel"
    };
    static const double widths[PROC_COLUMNS] = { 30, 11, 10, 40, 9, 11, 18, 14, 60, 40 };
    put_columns(b, ws, names, widths, PROC_COLUMNS);
    lxw_row_t row = FIRST_DATA;
    for (size_t i = 0; i < ev->n_bidders && i < pr->n_bidders; i++) {
        const tnd_bidder_outcome *o = &ev->bidders[i];
        const tnd_procedure_bidder *pb = &pr->bidders[i];
        int n = o->n_applied < 0 ? 0 : o->n_applied > TND_MAX_SET ? TND_MAX_SET : o->n_applied;
        for (int j = 0; j < n; j++, row++) {
            put_text(b, ws, row, PROC_NAME, bid_name(o->bid), NULL);
            put_text(b, ws, row, PROC_KVK, bid_kvk(o->bid), NULL);
            put_number(b, ws, row, PROC_ROUND, pb->resubmitted ? 2 : 1, b->integer);
            put_text(b, ws, row, PROC_ROUND1, pb->round1, NULL);
            put_number(b, ws, row, PROC_LOT, o->applied[j], b->integer);
            if (o->placed[j] > 0)
                put_number(b, ws, row, PROC_PLACED, o->placed[j], b->integer);
            else
                put_text(b, ws, row, PROC_PLACED, "geen", NULL);
            put_text(b, ws, row, PROC_STATUS, tnd_award_status_dutch(o->status[j]), NULL);
            put_text(b, ws, row, PROC_FINAL, pb->provisional[j] ? "VOORLOPIG" : "DEFINITIEF",
                     NULL);
            put_text(b, ws, row, PROC_WHY, pb->finality[j], NULL);
            put_text(b, ws, row, PROC_HERSTEL, pb->herstel, NULL);
        }
    }
    lxw_row_t last = finish_table(b, ws, row, PROC_COLUMNS, PROC_KVK);
    light_table lights = { .n = 0 };
    light_add(&lights, "DEFINITIEF", LIGHT_GREEN);
    light_add(&lights, "VOORLOPIG", LIGHT_ORANGE);
    traffic_lights(b, ws, FIRST_DATA, last, PROC_FINAL, PROC_FINAL, PROC_FINAL, &lights);

    static const char *const dec_names[DEC_COLUMNS] = {
        "Regel in bestand", "KvK", "Ronde", "Regel", "Besluit", "Motivering", "Datum",
        "Functionaris", "Gebruik"
    };
    row = last + 2;
    if (!pr->decisions) {
        put_text(b, ws, row, 0, "Besluiten van de aanbesteder: geen besluitenbestand opgegeven "
                 "(--decisions).", b->bold);
        (void)def;
        return;
    }
    put_textf(b, ws, row++, 0, b->title, "Besluiten van de aanbesteder (%s)",
              pr->decisions->file);
    for (lxw_col_t c = 0; c < DEC_COLUMNS; c++)
        put_text(b, ws, row, c, dec_names[c], b->header);
    row++;
    for (size_t i = 0; i < pr->decisions->n; i++, row++) {
        const tnd_decision *d = &pr->decisions->items[i];
        char date[11];
        tnd_date_iso(d->date, date);
        put_number(b, ws, row, DEC_LINE, (double)d->line, b->integer);
        put_text(b, ws, row, DEC_KVK, d->kvk, NULL);
        put_number(b, ws, row, DEC_ROUND, d->round, b->integer);
        put_text(b, ws, row, DEC_RULE, d->rule_id, NULL);
        put_text(b, ws, row, DEC_KIND, tnd_decision_kind_text(d->kind), NULL);
        put_text(b, ws, row, DEC_MOTIVATION, d->motivation, b->wrap);
        put_text(b, ws, row, DEC_DATE, date, NULL);
        put_text(b, ws, row, DEC_OFFICER, d->officer, NULL);
        put_text(b, ws, row, DEC_USE, pr->uses ? tnd_decision_use_dutch(pr->uses[i]) : "", NULL);
    }
}

/* ------------------------------------------------------------------ Tarieven */

enum {
    TAR_LOT, TAR_LOT_NAME, TAR_CODE, TAR_NAME, TAR_GROUP, TAR_UNIT, TAR_AMOUNT, TAR_NOTE,
    TAR_SOURCE, TAR_COLUMNS
};

static void write_tariffs(book *b, const tnd_definition *def)
{
    char intro[TND_ID_LEN + 80];
    snprintf(intro, sizeof intro,
             "Zoals vastgelegd in de definitie %s; bedragen in euro per eenheid.", def->id);
    lxw_worksheet *ws = add_sheet(b, SHEET_TARIFFS, "Tarieven per perceel", intro);
    if (!ws)
        return;
    static const char *const names[TAR_COLUMNS] = {
        "Perceel", "Perceelnaam", "Code", "Naam", "Groep", "Eenheid", "Tarief", "Opmerking",
        "Bron §"
    };
    static const double widths[TAR_COLUMNS] = { 9, 34, 14, 40, 14, 10, 14, 50, 22 };
    put_columns(b, ws, names, widths, TAR_COLUMNS);
    lxw_row_t row = FIRST_DATA;
    for (size_t l = 0; l < def->n_lots; l++) {
        const tnd_lot *lot = &def->lots[l];
        for (size_t p = 0; p < lot->n_products; p++) {
            const tnd_product *pr = &lot->products[p];
            int n = pr->n_tariffs < 0 ? 0 : pr->n_tariffs > 2 ? 2 : pr->n_tariffs;
            for (int t = 0; t < (n ? n : 1); t++, row++) {
                put_number(b, ws, row, TAR_LOT, lot->number, b->integer);
                put_text(b, ws, row, TAR_LOT_NAME, lot->name, NULL);
                put_text(b, ws, row, TAR_CODE, pr->code, NULL);
                put_text(b, ws, row, TAR_NAME, pr->name, NULL);
                put_text(b, ws, row, TAR_GROUP, pr->group, NULL);
                if (n) {
                    put_text(b, ws, row, TAR_UNIT, pr->tariffs[t].unit, NULL);
                    put_cents(b, ws, row, TAR_AMOUNT, pr->tariffs[t].amount);
                }
                put_text(b, ws, row, TAR_NOTE, pr->note, NULL);
                put_text(b, ws, row, TAR_SOURCE, lot->source, NULL);
            }
        }
    }
    finish_table(b, ws, row, TAR_COLUMNS, 0);
}

/* ------------------------------------------------------------------ Opdrachten */

/* (issue 11) Per assignment (GRJR: A, B, C): its lots and procedure, the phase this result
 * belongs to and the phases after it, and the number of contractors against the minimum and
 * maximum, with its verdict. Only for a definition with <assignments>. */
enum {
    AS_ID, AS_NAME, AS_LOTS, AS_PROCEDURE, AS_PHASE, AS_NEXT, AS_CONTRACTORS, AS_MIN, AS_MAX,
    AS_VERDICT, AS_REASON, AS_RULE, AS_SOURCE, AS_COLUMNS
};

static const tnd_assignment_count *count_of(const tnd_assignment_count *counts, size_t n,
                                            const tnd_assignment *a)
{
    for (size_t k = 0; k < n; k++)
        if (counts[k].assignment == a)
            return &counts[k];
    return NULL;
}

static void assignment_row(book *b, lxw_worksheet *ws, lxw_row_t row, const tnd_assignment *a,
                           const tnd_assignment_count *c)
{
    char lots[4 * TND_MAX_SET + 1] = "", next[TND_MAX_PHASES * (TND_LABEL_LEN + 2)] = "";
    for (int k = 0; k < a->n_lots; k++)
        snprintf(lots + strlen(lots), sizeof lots - strlen(lots), "%s%d", k ? " " : "",
                 a->lots[k]);
    const tnd_phase *ph = tnd_assignment_result_phase(a);
    for (int k = ph ? (int)(ph - a->phases) + 1 : 0; k < a->n_phases; k++)
        snprintf(next + strlen(next), sizeof next - strlen(next), "%s%s", next[0] ? "; " : "",
                 a->phases[k].label);
    put_text(b, ws, row, AS_ID, a->id, NULL);
    put_text(b, ws, row, AS_NAME, a->name, NULL);
    put_text(b, ws, row, AS_LOTS, lots, NULL);
    put_text(b, ws, row, AS_PROCEDURE, a->procedure, NULL);
    put_text(b, ws, row, AS_PHASE, ph ? ph->label : "", NULL);
    put_text(b, ws, row, AS_NEXT, next, NULL);
    put_text(b, ws, row, AS_SOURCE, a->source, NULL);
    if (!c)
        return;
    if (c->n_contractors >= 0) /* not counted (rules_lots.h): empty, the reason says why */
        put_number(b, ws, row, AS_CONTRACTORS, c->n_contractors, b->integer);
    if (a->min_contractors)
        put_number(b, ws, row, AS_MIN, a->min_contractors, b->integer);
    if (a->max_contractors)
        put_number(b, ws, row, AS_MAX, a->max_contractors, b->integer);
    put_text(b, ws, row, AS_VERDICT, tnd_verdict_dutch(c->verdict), NULL);
    put_wrapped(b, ws, row, AS_REASON, c->reason, 60);
    put_text(b, ws, row, AS_RULE, a->count_rule.id, NULL);
}

static void write_assignments(book *b, const tnd_definition *def, const tnd_evaluation *ev)
{
    tnd_assignment_count *counts = calloc(def->n_assignments, sizeof *counts);
    if (!counts) {
        b->oom = true;
        return;
    }
    size_t n = tnd_assignment_counts(def, ev, counts, def->n_assignments);
    lxw_worksheet *ws = add_sheet(
        b, SHEET_ASSIGNMENTS, "Opdrachten: fase en aantal opdrachtnemers",
        "Per opdracht de fase waartoe deze uitslag behoort en de fasen daarna, en het aantal "
        "opdrachtnemers (gegund of toegelaten) tegen het minimum en maximum van de definitie.");
    if (ws) {
        static const char *const names[AS_COLUMNS] = {
            "Opdracht", "Naam", "Percelen", "Procedure", "Fase van deze uitslag",
            "Volgende fasen", "Opdrachtnemers", "Minimum", "Maximum", "Oordeel", "Reden",
            "Regel", "Bron §"
        };
        static const double widths[AS_COLUMNS] = { 10, 30, 14, 10, 30, 40, 14, 10, 10, 14, 60,
                                                     18, 22 };
        put_columns(b, ws, names, widths, AS_COLUMNS);
        lxw_row_t row = FIRST_DATA;
        for (size_t i = 0; i < def->n_assignments; i++, row++)
            assignment_row(b, ws, row, &def->assignments[i],
                           count_of(counts, n < def->n_assignments ? n : def->n_assignments,
                                    &def->assignments[i]));
        lxw_row_t last = finish_table(b, ws, row, AS_COLUMNS, 0);
        light_table lights = verdict_lights();
        traffic_lights(b, ws, FIRST_DATA, last, AS_VERDICT, AS_VERDICT, AS_VERDICT, &lights);
    }
    free(counts);
}

/* ------------------------------------------------------------------ Audit */

static const char *price_formula_text(const tnd_award_lot *rule)
{
    return rule->price_formula[0] ? rule->price_formula : "geen (geen prijsconcurrentie)";
}

/* A table of the Audit sheet: title on `row`, header below it. Returns the first data row. */
static lxw_row_t audit_table(book *b, lxw_worksheet *ws, lxw_row_t row, const char *title,
                             const char *const *names, lxw_col_t n)
{
    put_text(b, ws, row++, 0, title, b->title);
    for (lxw_col_t c = 0; c < n; c++)
        put_text(b, ws, row, c, names[c], b->header);
    return row + 1;
}

static void write_audit(book *b, const tnd_definition *def, const tnd_audit *audit)
{
    lxw_worksheet *ws = add_sheet(
        b, SHEET_AUDIT, "Audit",
        "Waarmee deze gunning is berekend. 'tender verify' rekent opnieuw vanuit dezelfde "
        "invoer en meldt een bestand waarvan de SHA-256 afwijkt.");
    if (!ws)
        return;
    static const double widths[] = { 24, 60, 70, 50, 40, 30 };
    set_widths(b, ws, widths, sizeof widths / sizeof widths[0]);
    lxw_row_t row = 3;
    struct {
        const char *key, *value;
    } facts[] = {
        { "Programma", "tender" },
        { "Versie", audit->tool_version },
        { "Evaluatiedatum", NULL }, /* a date cell */
        { "Argumenten", audit->arguments },
        { "Aanbesteding", def->id },
        { "Titel", def->title },
        { "Aanbestedende dienst", def->authority },
        { "Document", def->document },
        { "Definitiebestand", strrchr(def->file, '/') ? strrchr(def->file, '/') + 1 : def->file },
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++, row++) {
        put_text(b, ws, row, 0, facts[i].key, b->bold);
        if (facts[i].value)
            put_text(b, ws, row, 1, facts[i].value, NULL);
        else
            note(b, worksheet_write_datetime(ws, row, 1, &b->date, b->date_iso));
    }

    static const char *const in_names[] = { "Rol", "Bestand", "SHA-256" };
    row = audit_table(b, ws, row + 1, "Invoerbestanden", in_names, 3);
    for (size_t i = 0; i < audit->n_inputs; i++, row++) {
        const tnd_audit_input *in = &audit->inputs[i];
        put_text(b, ws, row, 0, in->role, NULL);
        put_text(b, ws, row, 1, in->name && in->name[0] ? in->name : in->path, NULL);
        put_text(b, ws, row, 2, audit->inputs[i].sha256, NULL);
    }

    static const char *const res_names[] = { "Id", "Bron", "Tekst" };
    row = audit_table(b, ws, row + 1, "Resoluties van de definitie", res_names, 3);
    for (size_t i = 0; i < def->n_resolutions; i++, row++) {
        put_text(b, ws, row, 0, def->resolutions[i].id, NULL);
        put_text(b, ws, row, 1, def->resolutions[i].source, NULL);
        put_text(b, ws, row, 2, def->resolutions[i].text, b->wrap);
    }

    static const char *const award_names[] = { "Perceel", "Regel", "Bron", "Omschrijving",
                                               "Beslisregel gelijke stand", "Prijsformule" };
    row = audit_table(b, ws, row + 1, "Gunningsregels", award_names, 6);
    for (size_t i = 0; i < def->n_awards; i++, row++) {
        const tnd_award_lot *a = &def->awards[i];
        put_number(b, ws, row, 0, a->lot, b->integer);
        put_text(b, ws, row, 1, a->ref.id, NULL);
        put_text(b, ws, row, 2, a->ref.source, NULL);
        put_text(b, ws, row, 3, a->ref.label, NULL);
        put_text(b, ws, row, 4, a->tie_rule[0] ? a->tie_rule : "geen", NULL);
        put_text(b, ws, row, 5, price_formula_text(a), NULL);
    }
    /* last, so the rows above keep their place; `tender verify --json` compares it */
    if (audit->run_id) {
        put_text(b, ws, row + 1, 0, "Run-id", b->bold);
        put_text(b, ws, row + 1, 1, audit->run_id, NULL);
    }
}

/* ------------------------------------------------------------------ properties */

/* "YYYY-MM-DD" (exactly) into a valid date. */
static tnd_status parse_date(const char *s, tnd_date *d, tnd_error *err)
{
    bool shape = s && strlen(s) == 10 && s[4] == '-' && s[7] == '-';
    for (int i = 0; shape && i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            shape = false;
    if (!shape || sscanf(s, "%4d-%2d-%2d", &d->year, &d->month, &d->day) != 3 ||
        !tnd_date_valid(*d))
        return tnd_error_set(err, TND_ERR_VALUE, "", 0,
                             "geef de datum als JJJJ-MM-DD, bijvoorbeeld 2022-10-03",
                             "ongeldige evaluatiedatum '%s'", s ? s : "");
    if (d->year < EARLIEST_YEAR)
        return tnd_error_set(err, TND_ERR_RANGE, "", 0, "geef een datum vanaf 1980-01-01",
                             "evaluatiedatum %s ligt voor 1980", s);
    return TND_OK;
}

/* The document properties; created = the evaluation date 00:00 UTC, never the clock. */
static void set_properties(book *b, const tnd_definition *def, const tnd_audit *audit,
                           tnd_date date)
{
    char title[TND_LABEL_LEN + 16], author[64], comments[TND_ID_LEN + 64];
    char iso[11];
    tnd_date_iso(date, iso);
    snprintf(title, sizeof title, "Gunning %s", def->title);
    snprintf(author, sizeof author, "tender %s", audit->tool_version ? audit->tool_version : "");
    snprintf(comments, sizeof comments, "Aanbesteding %s; evaluatiedatum %s", def->id, iso);
    char *t = tnd_xlsxw_clean_text(title), *c = tnd_xlsxw_clean_text(def->authority), *k = tnd_xlsxw_clean_text(def->id);
    if (!t || !c || !k) {
        b->oom = true;
    } else {
        lxw_doc_properties props;
        memset(&props, 0, sizeof props);
        props.title = t;
        char subject[sizeof b->steps + 32];
        snprintf(subject, sizeof subject, "Gunning per perceel (stap 1-3%s%s)",
                 def->steps_source[0] ? ", " : "", def->steps_source);
        props.subject = subject;
        props.author = author;
        props.company = c;
        props.keywords = k;
        props.comments = comments;
        props.created = (time_t)(tnd_date_days(date) * 86400);
        note(b, workbook_set_properties(b->wb, &props));
    }
    free(t);
    free(c);
    free(k);
}

/* ------------------------------------------------------------------ writing the file */

/* Builds every sheet into b->wb; the outcome is in b->error and b->oom. */
static void build(book *b, const tnd_definition *def, const tnd_evaluation *ev,
                  const tnd_audit *audit, tnd_date date)
{
    if (!make_formats(b))
        return;
    if (def->steps_source[0])
        snprintf(b->steps, sizeof b->steps, " (%s)", def->steps_source);
    /* "§4.3.1 L956-969; ..." -> ", §4.3.1" */
    if (def->cascade.n_chains > 0 && def->cascade.ref.source[0])
        snprintf(b->fallback, sizeof b->fallback, ", %.*s",
                 tnd_source_section_len(def->cascade.ref.source), def->cascade.ref.source);
    set_properties(b, def, audit, date);
    write_summary(b, def, ev);
    if (def->n_assignments)
        write_assignments(b, def, ev);
    for (size_t k = 0; k < ev->n_lots; k++)
        write_lot(b, def, &ev->lots[k]);
    write_knockouts(b, ev);
    write_bidders(b, ev);
    if (audit->procedure)
        write_procedure(b, def, ev, audit->procedure);
    write_tariffs(b, def);
    write_audit(b, def, audit);
}

/* What the shared writer hands to build_workbook (forms/xlsx_common.h). */
typedef struct {
    const tnd_definition *def;
    const tnd_evaluation *ev;
    const tnd_audit *audit;
    tnd_date date;
} award_ctx;

static void build_workbook(lxw_workbook *wb, void *ctx, lxw_error *error, bool *oom)
{
    const award_ctx *a = ctx;
    book b;
    memset(&b, 0, sizeof b);
    b.wb = wb;
    b.date = (lxw_datetime){ a->date.year, a->date.month, a->date.day, 0, 0, 0 };
    build(&b, a->def, a->ev, a->audit, a->date);
    *error = b.error;
    *oom = b.oom;
}

static tnd_status award_prepare(const char *path, const tnd_definition *def,
                                const tnd_evaluation *ev, const tnd_audit *audit, award_ctx *ctx,
                                tnd_error *err)
{
    if (!path || !*path || !def || !ev || !audit || !audit->evaluation_date)
        return tnd_error_set(err, TND_ERR_USAGE, path ? path : "", 0, NULL,
                             "gunningswerkmap: pad, definitie, evaluatie, auditgegevens of "
                             "evaluatiedatum ontbreken");
    *ctx = (award_ctx){ def, ev, audit, { 0, 0, 0 } };
    return parse_date(audit->evaluation_date, &ctx->date, err);
}

tnd_status tnd_award_workbook_write(const char *path, const tnd_definition *def,
                                    const tnd_evaluation *ev, const tnd_audit *audit,
                                    const char *const *protected_inputs, size_t n_protected,
                                    tnd_error *err)
{
    award_ctx ctx;
    tnd_status st = award_prepare(path, def, ev, audit, &ctx, err);
    if (st != TND_OK)
        return st;
    return tnd_xlsxw_write_file(path, "gunningswerkmap", build_workbook, &ctx, protected_inputs,
                                n_protected, err);
}

tnd_status tnd_award_workbook_write_to(tnd_outfile *out, const tnd_definition *def,
                                       const tnd_evaluation *ev, const tnd_audit *audit,
                                       tnd_error *err)
{
    award_ctx ctx;
    tnd_status st = award_prepare(out ? out->path : NULL, def, ev, audit, &ctx, err);
    if (st != TND_OK)
        return st;
    return tnd_xlsxw_write_outfile(out, "gunningswerkmap", build_workbook, &ctx, err);
}
