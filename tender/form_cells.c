/*
 * form_cells.c - typed input cells of a filled-in form sheet (see form_cells.h).
 *
 * Numbers are taken from the digits the file stores ("131420.5"), not from a double: money is
 * exact to the cent. Excel sometimes stores a typed value with 17 significant digits
 * ("4.0999999999999996" for 4,1); such a text, and only such a text (more than 15 significant
 * digits: beyond what Excel keeps of a typed number), is read as the 15-digit value Excel shows.
 */
#include "tender/form_cells.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "forms/layout/form_layout.h"
#include "tender/notation.h"
#include "tender/base/textsafe.h"

/* Absurd-date bounds, the same as the XML reader's (tender/bid.c): no bid means a date
 * outside them. */
#define YEAR_MIN 1990
#define YEAR_MAX 2100
#define EXCEL_DIGITS 15          /* significant digits Excel keeps of a typed number */
#define MONEY_MAX_CENTS 1000000000000000LL /* 10^13 euro, as tnd_parse_money */
#define SECONDS_PER_DAY 86400

#define HINT_NO_FORMULA "typ de waarde zelf in; een invulcel bevat geen formule"
#define HINT_RANGE "controleer de waarde: typfout, of een ander gegeven in deze cel?"

typedef struct {
    tnd_xlsx_type type;
    char *text;       /* owned, without surrounding white space; NULL when the file does not
                         list the cell */
    double number;    /* NUMBER, BOOLEAN: for date serials and TRUE/FALSE only */
    bool formula;
} form_cell;

struct tnd_form_sheet {
    tnd_xlsx *book;
    tnd_xlsx_cells *cells;   /* kept open: refusals name cells through it */
    int rows, cols;
    form_cell *grid;         /* rows x cols */
    tnd_notation *nt;
};

bool tnd_path_is_xlsx(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

static const form_cell *at(const tnd_form_sheet *s, int row, int col)
{
    static const form_cell absent = { TND_XLSX_EMPTY, NULL, 0, false };
    if (row < 0 || col < 0 || row >= s->rows || col >= s->cols)
        return &absent;
    return &s->grid[(size_t)row * (size_t)s->cols + (size_t)col];
}

/* ------------------------------------------------------------------------------------------ */
/* Opening                                                                                     */

static bool is_space_at(const char *p, size_t *len)
{
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
        *len = 1;
        return true;
    }
    if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) { /* no-break space */
        *len = 2;
        return true;
    }
    return false;
}

/* The text without surrounding white space: start and length. Cells are stored trimmed. */
static const char *trimmed(const char *text, size_t *len)
{
    size_t step;
    while (*text && is_space_at(text, &step))
        text += step;
    size_t n = strlen(text);
    while (n > 0) {
        if (text[n - 1] == ' ' || text[n - 1] == '\t' || text[n - 1] == '\r' ||
            text[n - 1] == '\n')
            n--;
        else if (n >= 2 && (unsigned char)text[n - 2] == 0xC2 &&
                 (unsigned char)text[n - 1] == 0xA0)
            n -= 2;
        else
            break;
    }
    *len = n;
    return text;
}


tnd_status tnd_form_sheet_open(tnd_xlsx *book, const char *name, int rows, int cols,
                               const char *form, tnd_form_sheet **out, tnd_error *err)
{
    *out = NULL;
    size_t index;
    if (!tnd_xlsx_sheet_find(book, name, &index) || !tnd_xlsx_sheet_at(book, index)->worksheet) {
        tnd_error_set(err, TND_ERR_SCHEMA, tnd_xlsx_path(book), 0, NULL,
                      "het werkblad '%s' ontbreekt: dit is niet %s, of er is een blad hernoemd "
                      "of verwijderd", name, form);
        tnd_error_hint(err, "gebruik %s zonder bladen te hernoemen of te verwijderen", form);
        return TND_ERR_SCHEMA;
    }
    tnd_form_sheet *s = calloc(1, sizeof *s);
    if (!s)
        return tnd_error_nomem(err, tnd_xlsx_path(book));
    s->book = book;
    s->rows = rows;
    s->cols = cols;
    s->grid = calloc((size_t)rows * (size_t)cols, sizeof *s->grid);
    s->nt = tnd_notation_new();
    if (!s->grid || !s->nt) {
        tnd_form_sheet_close(s);
        return tnd_error_nomem(err, tnd_xlsx_path(book));
    }
    s->cells = tnd_xlsx_cells_open(book, index, err);
    if (!s->cells) {
        tnd_form_sheet_close(s);
        return err ? err->code : TND_ERR_IO;
    }
    for (;;) {
        const tnd_xlsx_cell *c;
        tnd_status rc = tnd_xlsx_cells_next(s->cells, &c, err);
        if (rc != TND_OK) {
            tnd_form_sheet_close(s);
            return rc;
        }
        if (!c)
            break;
        if (c->row > (uint32_t)rows || c->col > (uint32_t)cols)
            continue; /* outside the form: notes a provider made are not read */
        form_cell *fc = &s->grid[(size_t)(c->row - 1) * (size_t)cols + (c->col - 1)];
        size_t len;
        const char *text = trimmed(c->text ? c->text : "", &len);
        fc->type = c->type;
        fc->number = c->number;
        fc->formula = c->formula != NULL;
        if (!(fc->text = strndup(text, len))) {
            tnd_form_sheet_close(s);
            return tnd_error_nomem(err, tnd_xlsx_path(book));
        }
    }
    *out = s;
    return TND_OK;
}

void tnd_form_sheet_close(tnd_form_sheet *s)
{
    if (!s)
        return;
    if (s->grid)
        for (size_t i = 0; i < (size_t)s->rows * (size_t)s->cols; i++)
            free(s->grid[i].text);
    free(s->grid);
    tnd_xlsx_cells_close(s->cells);
    tnd_notation_free(s->nt);
    free(s);
}

const char *tnd_form_sheet_name(const tnd_form_sheet *s)
{
    return tnd_xlsx_cells_sheet(s->cells)->name;
}

/* ------------------------------------------------------------------------------------------ */
/* Messages                                                                                    */

void tnd_form_ref(int row, int col, char *buf, size_t size)
{
    tnd_xlsx_ref_format((uint32_t)row + 1, (uint32_t)col + 1, buf, size);
}

tnd_status tnd_form_fail(const tnd_form_sheet *s, int row, int col, tnd_error *err,
                         tnd_status code, const char *hint, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    tnd_xlsx_cell cell;
    memset(&cell, 0, sizeof cell);
    cell.row = (uint32_t)row + 1;
    cell.col = (uint32_t)col + 1;
    tnd_form_ref(row, col, cell.ref, sizeof cell.ref);
    cell.text = "";
    return tnd_xlsx_cell_fail(s->cells, &cell, err, code, hint, "%s", message);
}

/* ------------------------------------------------------------------------------------------ */
/* Cell text                                                                                   */

static bool is_string(const form_cell *c)
{
    return c->type == TND_XLSX_SHARED_STRING || c->type == TND_XLSX_INLINE_STRING ||
           c->type == TND_XLSX_FORMULA_STRING;
}

bool tnd_form_blank(const tnd_form_sheet *s, int row, int col)
{
    const form_cell *c = at(s, row, col);
    if (c->formula)
        return false;
    return c->type == TND_XLSX_EMPTY || !c->text || (is_string(c) && !c->text[0]);
}

bool tnd_form_row_filled(const tnd_form_sheet *s, int row, int from, int to)
{
    for (int col = from; col <= to; col++)
        if (!tnd_form_blank(s, row, col))
            return true;
    return false;
}

/* The cell of an input field: *out NULL when it is blank. A formula, an error value and (unless
 * allowed) a TRUE/FALSE cell are refused. */
static tnd_status input_cell(const tnd_form_sheet *s, int row, int col, const char *what,
                             bool boolean_allowed, const form_cell **out, tnd_error *err)
{
    const form_cell *c = at(s, row, col);
    *out = NULL;
    if (tnd_form_blank(s, row, col))
        return TND_OK;
    char q[TND_QUOTE_SIZE];
    tnd_text_quote(q, c->text ? c->text : "");
    if (c->formula)
        return tnd_form_fail(s, row, col, err, TND_ERR_VALUE, HINT_NO_FORMULA,
                             "%s: de cel bevat een formule; een invulcel bevat alleen een "
                             "ingetypte waarde", what);
    if (c->type == TND_XLSX_ERROR)
        return tnd_form_fail(s, row, col, err, TND_ERR_VALUE, "typ de waarde opnieuw in",
                             "%s: de cel bevat de foutwaarde %s", what, q);
    if (c->type == TND_XLSX_BOOLEAN && !boolean_allowed)
        return tnd_form_fail(s, row, col, err, TND_ERR_VALUE, "typ de waarde opnieuw in",
                             "%s: de cel bevat een waarheidswaarde (WAAR/ONWAAR)", what);
    *out = c;
    return TND_OK;
}

tnd_status tnd_form_key(const tnd_form_sheet *s, int row, const char *key, tnd_error *err)
{
    const form_cell *c = at(s, row, 0);
    const char *text = c->text ? c->text : "";
    if (!c->formula && is_string(c) && strcmp(text, key) == 0)
        return TND_OK;
    char q[TND_QUOTE_SIZE], found[64];
    tnd_text_quote(q, text);
    if (!text[0])
        snprintf(found, sizeof found, "is leeg");
    else
        snprintf(found, sizeof found, "bevat '%s'", q);
    return tnd_form_fail(s, row, 0, err, TND_ERR_SCHEMA,
                         "gebruik het formulier zoals het gemaakt is (tender forms): voeg geen "
                         "rijen toe, verwijder of verplaats er geen en wijzig kolom A niet",
                         "de indeling van het formulier is gewijzigd: de sleutel in kolom A %s, "
                         "verwacht '%s'", found, key);
}

tnd_status tnd_form_text(const tnd_form_sheet *s, int row, int col, const char *what, char *dst,
                         size_t size, tnd_error *err)
{
    dst[0] = '\0';
    const form_cell *c;
    tnd_status rc = input_cell(s, row, col, what, false, &c, err);
    if (rc != TND_OK || !c)
        return rc;
    size_t len = strlen(c->text);
    if (len >= size)
        return tnd_form_fail(s, row, col, err, TND_ERR_TOO_LARGE, "kort de tekst in",
                             "%s: tekst van %zu bytes is te lang (hoogstens %zu)", what, len,
                             size - 1);
    memcpy(dst, c->text, len + 1);
    return TND_OK;
}

tnd_status tnd_form_yes_no(const tnd_form_sheet *s, int row, int col, const char *what,
                           bool *present, bool *out, tnd_error *err)
{
    static const char *const texts[] = { TND_FORM_YES, TND_FORM_NO };
    *present = false;
    const form_cell *c;
    tnd_status rc = input_cell(s, row, col, what, true, &c, err);
    if (rc != TND_OK || !c)
        return rc;
    if (c->type == TND_XLSX_BOOLEAN) {
        *present = true;
        *out = c->number != 0;
        return TND_OK;
    }
    int index;
    rc = tnd_form_choice(s, row, col, what, texts, 2, &index, err);
    if (rc == TND_OK) {
        *present = true;
        *out = index == 0;
    }
    return rc;
}

tnd_status tnd_form_choice(const tnd_form_sheet *s, int row, int col, const char *what,
                           const char *const *texts, size_t n, int *index, tnd_error *err)
{
    *index = -1;
    const form_cell *c;
    tnd_status rc = input_cell(s, row, col, what, false, &c, err);
    if (rc != TND_OK || !c)
        return rc;
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(c->text, texts[i]) == 0) {
            *index = (int)i;
            return TND_OK;
        }
    char list[400] = "", q[48];
    size_t used = 0;
    for (size_t i = 0; i < n && used + 1 < sizeof list; i++)
        if (texts[i][0])
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "",
                                     texts[i]);
    tnd_text_quote(q, c->text);
    return tnd_form_fail(s, row, col, err, TND_ERR_VALUE,
                         "kies een waarde uit de keuzelijst van de cel",
                         "%s: '%s' staat niet in de lijst; kies uit: %s", what, q, list);
}

/* ------------------------------------------------------------------------------------------ */
/* Numbers                                                                                     */

typedef enum { EXACT_OK, EXACT_TOO_PRECISE, EXACT_INVALID, EXACT_TOO_LARGE } exact_result;

/*
 * The number text of a cell ("131420.5", "-3", "1.5E-2") as an integer count of 10^-places,
 * exactly; *digits gets the number of significant digits written.
 */
static exact_result exact_number(const char *text, int places, int64_t *out, int *digits)
{
    const char *p = text;
    bool negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    char sig[40];
    int n_sig = 0, frac = 0;
    bool any = false, point = false;
    for (; (*p >= '0' && *p <= '9') || (*p == '.' && !point); p++) {
        if (*p == '.') {
            point = true;
            continue;
        }
        any = true;
        if (point)
            frac++;
        if (n_sig == 0 && *p == '0')
            continue; /* leading zero */
        if (n_sig == (int)sizeof sig)
            return EXACT_TOO_LARGE;
        sig[n_sig++] = *p;
    }
    if (!any)
        return EXACT_INVALID;
    long exponent = 0;
    if (*p == 'e' || *p == 'E') {
        char *end;
        exponent = strtol(p + 1, &end, 10);
        if (end == p + 1 || exponent > 400 || exponent < -400)
            return EXACT_INVALID;
        p = end;
    }
    if (*p)
        return EXACT_INVALID;
    *digits = n_sig;
    /* value = sig x 10^(exponent - frac); wanted: value x 10^places */
    long shift = exponent - frac + places;
    while (shift < 0 && n_sig > 0 && sig[n_sig - 1] == '0') {
        n_sig--; /* trailing zeros of the digits carry no precision */
        shift++;
    }
    if (n_sig == 0) {
        *out = 0;
        return EXACT_OK;
    }
    if (shift < 0)
        return EXACT_TOO_PRECISE;
    if (n_sig + shift > 18)
        return EXACT_TOO_LARGE;
    int64_t v = 0;
    for (int i = 0; i < n_sig; i++)
        v = v * 10 + (sig[i] - '0');
    for (long i = 0; i < shift; i++)
        v *= 10;
    *out = negative ? -v : v;
    return EXACT_OK;
}

/* exact_number, reading a 16- or 17-digit text as the 15-digit value Excel shows. */
static exact_result cell_number(const char *text, int places, int64_t *out)
{
    int digits = 0;
    exact_result r = exact_number(text, places, out, &digits);
    if (r != EXACT_TOO_PRECISE || digits <= EXCEL_DIGITS)
        return r;
    char *end;
    double d = strtod(text, &end);
    if (*end || !isfinite(d))
        return EXACT_INVALID;
    char shorter[40];
    snprintf(shorter, sizeof shorter, "%.*g", EXCEL_DIGITS, d);
    return exact_number(shorter, places, out, &digits);
}

/* The checks shared by every number field: not blank, a plain number cell. */
static tnd_status number_cell(const tnd_form_sheet *s, int row, int col, const char *what,
                              const char *example, bool *present, const char **text,
                              tnd_error *err)
{
    static const char hint_number[] =
        "typ alleen het getal, zonder eenheid of tekst, in een cel die niet als tekst is "
        "opgemaakt";
    *present = false;
    const form_cell *c;
    tnd_status rc = input_cell(s, row, col, what, false, &c, err);
    if (rc != TND_OK || !c)
        return rc;
    if (c->type != TND_XLSX_NUMBER) {
        char q[TND_QUOTE_SIZE];
        tnd_text_quote(q, c->text);
        return tnd_form_fail(s, row, col, err, TND_ERR_VALUE, hint_number,
                             "%s: '%s' is tekst; hier hoort een getal (bijvoorbeeld %s)", what,
                             q, example);
    }
    *present = true;
    *text = c->text;
    return TND_OK;
}

tnd_status tnd_form_money(const tnd_form_sheet *s, int row, int col, const char *what,
                          bool may_be_negative, bool *present, tnd_cents *out, tnd_error *err)
{
    const char *text = NULL; /* set when *present (gcc -O3 cannot see that) */
    tnd_status rc = number_cell(s, row, col, what, "1250000,00", present, &text, err);
    if (rc != TND_OK || !*present)
        return rc;
    int64_t cents;
    char q[TND_QUOTE_SIZE];
    tnd_text_quote(q, text);
    switch (cell_number(text, 2, &cents)) {
    case EXACT_OK:
        break;
    case EXACT_TOO_PRECISE:
        return tnd_form_fail(s, row, col, err, TND_ERR_VALUE,
                             "rond het bedrag af op hele centen",
                             "%s: %s heeft meer dan 2 decimalen; een bedrag is in euro's en "
                             "centen", what, q);
    case EXACT_INVALID:
        return tnd_form_fail(s, row, col, err, TND_ERR_VALUE, "typ het getal opnieuw in",
                             "%s: '%s' is geen getal",
                             what, q);
    case EXACT_TOO_LARGE:
        cents = MONEY_MAX_CENTS + 1;
        break;
    }
    if (cents > MONEY_MAX_CENTS || cents < -MONEY_MAX_CENTS)
        return tnd_form_fail(s, row, col, err, TND_ERR_RANGE,
                             "vul het bedrag in euro's in, zoals in de jaarrekening",
                             "%s: %s is groter dan 10.000.000.000.000 euro", what, q);
    if (cents < 0 && !may_be_negative) {
        char amount[32];
        tnd_cents_nl(cents, amount);
        return tnd_form_fail(s, row, col, err, TND_ERR_RANGE,
                             "controleer het teken; vul het bedrag in zoals in de jaarrekening",
                             "%s: %s is negatief; dit bedrag kan niet kleiner dan nul zijn",
                             what, amount);
    }
    *out = cents;
    return TND_OK;
}

tnd_status tnd_form_decimal(const tnd_form_sheet *s, int row, int col, const char *what,
                            tnd_dec lo, bool lo_open, tnd_dec hi, const char *range_text,
                            bool *present, tnd_dec *out, tnd_error *err)
{
    const char *text = NULL; /* set when *present (gcc -O3 cannot see that) */
    tnd_status rc = number_cell(s, row, col, what, "12,5", present, &text, err);
    if (rc != TND_OK || !*present)
        return rc;
    int64_t units;
    char q[TND_QUOTE_SIZE];
    tnd_text_quote(q, text);
    exact_result r = cell_number(text, 6, &units);
    if (r == EXACT_TOO_PRECISE)
        return tnd_form_fail(s, row, col, err, TND_ERR_VALUE, "rond af op 6 decimalen",
                             "%s: %s heeft meer dan 6 decimalen", what, q);
    if (r == EXACT_INVALID)
        return tnd_form_fail(s, row, col, err, TND_ERR_VALUE, "typ het getal opnieuw in",
                             "%s: '%s' is geen getal",
                             what, q);
    tnd_dec v = { units };
    int cmp_lo = tnd_dec_cmp(v, lo);
    if (r == EXACT_TOO_LARGE || (lo_open ? cmp_lo <= 0 : cmp_lo < 0) || tnd_dec_cmp(v, hi) > 0)
        return tnd_form_fail(s, row, col, err, TND_ERR_RANGE, HINT_RANGE,
                             "%s: %s ligt buiten het toegestane bereik (%s)", what, q,
                             range_text);
    *out = v;
    return TND_OK;
}

tnd_status tnd_form_count(const tnd_form_sheet *s, int row, int col, const char *what, long lo,
                          long hi, bool *present, long *out, tnd_error *err)
{
    const char *text = NULL; /* set when *present (gcc -O3 cannot see that) */
    tnd_status rc = number_cell(s, row, col, what, "12", present, &text, err);
    if (rc != TND_OK || !*present)
        return rc;
    int64_t v;
    char q[TND_QUOTE_SIZE];
    tnd_text_quote(q, text);
    exact_result r = cell_number(text, 0, &v);
    if (r == EXACT_TOO_PRECISE || r == EXACT_INVALID)
        return tnd_form_fail(s, row, col, err, TND_ERR_VALUE, "typ een geheel getal",
                             "%s: %s is geen geheel getal", what, q);
    if (r == EXACT_TOO_LARGE || v < lo || v > hi)
        return tnd_form_fail(s, row, col, err, TND_ERR_RANGE, HINT_RANGE,
                             "%s: %s ligt buiten het toegestane bereik %ld t/m %ld", what, q,
                             lo, hi);
    *out = (long)v;
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Dates and times                                                                             */

/* The time of day of a serial, rounded to the second. */
static int serial_seconds(double serial)
{
    double day = floor(serial);
    long seconds = lround((serial - day) * SECONDS_PER_DAY);
    return seconds >= SECONDS_PER_DAY ? SECONDS_PER_DAY - 1 : (int)seconds;
}

tnd_status tnd_form_date(const tnd_form_sheet *s, int row, int col, const char *what,
                         bool *present, tnd_date *out, int *seconds, tnd_error *err)
{
    static const char hint[] = "kies een datum of typ hem als 18-07-2022";
    *present = false;
    if (seconds)
        *seconds = 0;
    const form_cell *c;
    tnd_status rc = input_cell(s, row, col, what, false, &c, err);
    if (rc != TND_OK || !c)
        return rc;
    char q[TND_QUOTE_SIZE];
    tnd_text_quote(q, c->text);
    tnd_date d;
    tnd_datetime t;
    char why[256] = "";
    if (c->type == TND_XLSX_NUMBER) {
        tnd_xlsx_cell cell;
        memset(&cell, 0, sizeof cell);
        cell.type = TND_XLSX_NUMBER;
        cell.row = (uint32_t)row + 1;
        cell.col = (uint32_t)col + 1;
        tnd_form_ref(row, col, cell.ref, sizeof cell.ref);
        cell.text = c->text;
        cell.number = c->number;
        TND_TRY(tnd_xlsx_cell_date(s->cells, &cell, &d, err));
        if (seconds)
            *seconds = serial_seconds(c->number);
    } else if (seconds && tnd_parse_datetime(s->nt, c->text, &t, NULL, 0)) {
        d = t.date; /* "18-07-2022 10:30" typed as text */
        *seconds = t.hour * 3600 + t.minute * 60 + t.second;
    } else if (!tnd_parse_date(s->nt, c->text, &d, why, sizeof why)) {
        return tnd_form_fail(s, row, col, err,
                             strstr(why, "bestaat niet") ? TND_ERR_RANGE : TND_ERR_VALUE, hint,
                             "%s: '%s' is geen datum (%s)", what, q, why);
    }
    if (d.year < YEAR_MIN || d.year > YEAR_MAX) {
        char nl[16];
        tnd_date_nl(d, nl);
        return tnd_form_fail(s, row, col, err, TND_ERR_RANGE, hint,
                             "%s: %s ligt buiten de jaren %d t/m %d", what, nl, YEAR_MIN,
                             YEAR_MAX);
    }
    *present = true;
    *out = d;
    return TND_OK;
}

tnd_status tnd_form_time(const tnd_form_sheet *s, int row, int col, const char *what,
                         bool *present, int *seconds, tnd_error *err)
{
    static const char hint[] = "typ de tijd als 10:30 (uren en minuten)";
    *present = false;
    const form_cell *c;
    tnd_status rc = input_cell(s, row, col, what, false, &c, err);
    if (rc != TND_OK || !c)
        return rc;
    char q[TND_QUOTE_SIZE];
    tnd_text_quote(q, c->text);
    if (c->type == TND_XLSX_NUMBER) {
        if (!(c->number >= 0 && c->number < 1))
            return tnd_form_fail(s, row, col, err, TND_ERR_RANGE, hint,
                                 "%s: %s is geen tijd van de dag (een tijd ligt tussen 00:00 en "
                                 "23:59:59; de datum staat in de cel erboven)", what, q);
        *seconds = serial_seconds(c->number);
        *present = true;
        return TND_OK;
    }
    /* a time alone: read through the one parser of Dutch notation, on a dummy date */
    char with_date[64];
    tnd_datetime t;
    bool ok = strlen(c->text) <= 40;
    if (ok) {
        snprintf(with_date, sizeof with_date, "01-01-2000 %s", c->text);
        ok = tnd_parse_datetime(s->nt, with_date, &t, NULL, 0);
    }
    if (!ok)
        return tnd_form_fail(s, row, col, err, TND_ERR_VALUE, hint, "%s: '%s' is geen tijd",
                             what, q);
    *seconds = t.hour * 3600 + t.minute * 60 + t.second;
    *present = true;
    return TND_OK;
}
