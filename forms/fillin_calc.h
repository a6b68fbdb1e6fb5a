/*
 * fillin_calc.h - what the formula writers of the self-check share (the small shared part of the
 * mirror of scoring/ in the bidder workbook; not part of the public API).
 *
 * The self-check is split like scoring/: each file writes the formulas of the rules that one
 * scoring file decides, with the same name stem, so a rule and its formula are found side by side:
 *   fillin_check.c              scoring/check.c: closing time, step 1 required items, exclusion
 *                               grounds, document ages, declarations, lot combinations, the
 *                               lot status, and the sheet 'Controle' itself
 *   fillin_rules_financial.c    scoring/rules_financial.c: norms, year bands, going concern,
 *                               start-up, plan of approach, reliance (§5.3.1)
 *   fillin_rules_suitability.c  scoring/rules_suitability.c: insurance, references, AGB, quality
 *                               and keurmerk, tariff-group requirements, intensity (§5.3.2-§9)
 *   fillin_rules_products.c     scoring/rules_products.c: the per-product rules of a format-2
 *                               definition (quality per product; caps, staffing,
 *                               gezinshuisouders and the ambulant alternative from 'Producten')
 * Every row of 'Controle' is written by check_row with the definition's tnd_rule_ref, from a
 * block that names the scoring/ function it mirrors (check_sheet.block); the rules the workbook
 * cannot check are listed with their reason in fillin_mirror.c.
 *
 * A verdict is a severity, the tnd_verdict number (0 N.V.T., 1 VOLDOET, 2 ONDER VOORWAARDE,
 * 3 BEOORDELEN, 4 PLAN VAN AANPAK, 5 ONTBREEKT, 6 VOLDOET NIET), so "the worst of" is MAX and the
 * text is CHOOSE(severity + 1, ...) of tnd_verdict_dutch.
 *
 * Exactness without doubles: a norm "> 20,0%" is compared as integers, never as a rounded ratio.
 * Money becomes cents (ROUND(x*100,0)), decimals micro-units (ROUND(x*1000000,0)), and a fraction
 * a/b against a threshold p/q (the definition's decimal reduced by its gcd) as a*q against b*p.
 * Spreadsheets count integers exactly up to 2^53, which every realistic amount stays below
 * (cents of € 45 billion times q = 200). Intensities are compared the same way: hours / 7 /
 * (youths x occupancy) against a band limit p/q as hours*q against p*7*youths*occupancy.
 *
 * Only functions that Excel and LibreOffice compute alike: IF, AND, OR, NOT, MAX, SUM, COUNT,
 * COUNTA, COUNTIF, SUMPRODUCT, ROUND, INT, EDATE, CHOOSE, INDEX, MATCH.
 *
 * The helpers are static inline: the formula code keeps its short names (R, T, add, ...) without
 * exporting such names from the library.
 */
#ifndef TND_FILLIN_CALC_H
#define TND_FILLIN_CALC_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tender/base/buf.h"
#include "forms/fillin_internal.h"
#include "scoring/check.h"

#define FI_POOL 2048   /* pieces of formula text alive at once (references, sub-expressions) */
#define FI_REF_LEN 1024

/* The formula being built and a ring of reference texts it is built from. */
typedef struct tnd_fillin_calc {
    tnd_fillin *f;
    tnd_fillin_sheet on;          /* the sheet being written: references to it are short */
    char (*pool)[FI_REF_LEN];     /* reference texts of the formula being built */
    int next;
    long taken;                   /* pieces taken in all (a check that the pool is big enough) */
    tnd_buf b;
} calc;

/* The sheet 'Controle' being written: one row per rule (and perceel). */
typedef struct {
    calc *c;
    int row;                      /* next row */
    int general_first, general_last;
    const char *block;            /* the scoring/ function the current block mirrors */
} check_sheet;

/* ------------------------------------------------------------------ the families */

/* fillin_rules_financial.c (scoring/rules_financial.c, §5.3.1) */
void tnd_fillin_financial_calcs(calc *c);
void tnd_fillin_financial_rows(check_sheet *k);
/* All Bijlage XVI cells that are asked (of only_year, 0 = every year), ","-separated into buf;
 * returns how many. */
int tnd_fillin_asked_cells(calc *c, int only_year, char *buf, size_t size);

/* fillin_rules_suitability.c (scoring/rules_suitability.c, §5.3.2-§9) */
void tnd_fillin_insurance_calcs(calc *c);
void tnd_fillin_reference_calcs(calc *c);
void tnd_fillin_requirement_calcs(calc *c);
void tnd_fillin_group_calcs(calc *c);
void tnd_fillin_insurance_rows(check_sheet *k);
void tnd_fillin_reference_rows(check_sheet *k);
void tnd_fillin_agb_rows(check_sheet *k);
void tnd_fillin_quality_rows(check_sheet *k, const tnd_lot *lot);
void tnd_fillin_keurmerk_rows(check_sheet *k, const tnd_lot *lot);
void tnd_fillin_requirement_rows(check_sheet *k, const tnd_lot *lot);
void tnd_fillin_intensity_rows(check_sheet *k, const tnd_lot *lot);
/* Appends (no "=") the severity of the best certificate on 'Verzekering en kwaliteit' against
 * `schemes`: an accepted scheme valid at the judgement date PASS; else a valid one declared
 * equivalent REVIEW (when equivalent_review); else a valid certificate of a `review` scheme
 * REVIEW; else FAIL (expired or none). Shared by the lot and the product quality rules. */
void tnd_fillin_certificate_sev(calc *c, const char (*schemes)[TND_CODE_LEN], int n_schemes,
                                bool equivalent_review, const char (*review)[TND_CODE_LEN],
                                int n_review);

/* fillin_rules_products.c (scoring/rules_products.c, format 2: <product-rules>) */
void tnd_fillin_product_rows(check_sheet *k, const tnd_lot *lot);

/* ------------------------------------------------------------------ references */

static inline const char *take(calc *c)
{
    char *s = c->pool[c->next];
    c->next = (c->next + 1) % FI_POOL;
    c->taken++;
    return s;
}

/* Absolute reference, with the sheet name when it is another sheet. */
static inline const char *R(calc *c, tnd_fillin_sheet s, int row, int col)
{
    char *buf = (char *)take(c);
    if (s == c->on)
        tnd_fillin_cell(row, col, true, buf, FI_REF_LEN);
    else
        tnd_fillin_ref(s, row, col, true, buf, FI_REF_LEN);
    return buf;
}

/* Range r0:c0 .. r1:c1 on sheet s. */
static inline const char *RNG(calc *c, tnd_fillin_sheet s, int r0, int c0, int r1, int c1)
{
    char *buf = (char *)take(c);
    char from[32], to[32];
    tnd_fillin_cell(r0, c0, true, from, sizeof from);
    tnd_fillin_cell(r1, c1, true, to, sizeof to);
    if (s == c->on)
        snprintf(buf, FI_REF_LEN, "%s:%s", from, to);
    else
        snprintf(buf, FI_REF_LEN, "'%s'!%s:%s", tnd_fillin_sheet_names[s], from, to);
    return buf;
}

/* Text of printf into the pool (short pieces: numbers, dates). */
__attribute__((format(printf, 2, 3)))
static inline const char *T(calc *c, const char *fmt, ...)
{
    char *buf = (char *)take(c);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, FI_REF_LEN, fmt, ap);
    va_end(ap);
    return buf;
}

/* DATE(2022,7,18) */
static inline const char *DATEF(calc *c, tnd_date d)
{
    return T(c, "DATE(%d,%d,%d)", d.year, d.month, d.day);
}

/* The comparison operator of a formula: ">", ">=", "<", "<=", "=". */
static inline const char *OP(tnd_op op)
{
    return tnd_op_symbol(op);
}

static inline int64_t gcd64(int64_t a, int64_t b)
{
    if (a < 0)
        a = -a;
    if (b < 0)
        b = -b;
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a ? a : 1;
}

/* A decimal threshold as the reduced fraction p/q. */
static inline void as_fraction(tnd_dec d, int64_t *p, int64_t *q)
{
    int64_t g = gcd64(d.units, TND_DEC_SCALE);
    *p = d.units / g;
    *q = TND_DEC_SCALE / g;
}

/* ------------------------------------------------------------------ writing */

static inline void begin(calc *c)
{
    c->b.len = 0;
    if (c->b.data)
        c->b.data[0] = '\0';
}

__attribute__((format(printf, 2, 3)))
static inline void add(calc *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tnd_buf_vprintf(&c->b, fmt, ap);
    va_end(ap);
}

/* Writes the formula built since begin() into a cell of sheet c->on. */
static inline void emit(calc *c, int row, int col, lxw_format *fmt)
{
    if (c->b.oom) {
        c->f->w.oom = true;
        return;
    }
    tnd_form_put_formula(&c->f->w, c->f->ws[c->on], row, col, c->b.data ? c->b.data : "=\"\"",
                         fmt);
}

__attribute__((format(printf, 5, 6)))
static inline void formula(calc *c, int row, int col, lxw_format *fmt, const char *f_fmt, ...)
{
    begin(c);
    va_list ap;
    va_start(ap, f_fmt);
    tnd_buf_vprintf(&c->b, f_fmt, ap);
    va_end(ap);
    emit(c, row, col, fmt);
}

static inline void text(calc *c, int row, int col, const char *s, lxw_format *fmt)
{
    tnd_form_put_text(&c->f->w, c->f->ws[c->on], row, col, s, fmt);
}

/* ="CHOOSE(sev+1,"N.V.T.",...)": the Dutch verdict of a severity cell. */
static inline void verdict_text(calc *c, int row, int col, const char *sev)
{
    begin(c);
    add(c, "=CHOOSE(%s+1", sev);
    for (int v = TND_NOT_APPLICABLE; v <= TND_FAIL; v++)
        add(c, ",\"%s\"", tnd_verdict_dutch((tnd_verdict)v));
    add(c, ")");
    emit(c, row, col, c->f->w.st.calc);
}

/* Verdict text in (row, text_col) of the severity in (row, sev_col), both on c->on. */
static inline void verdict_beside(calc *c, int row, int text_col, int sev_col)
{
    verdict_text(c, row, text_col, R(c, c->on, row, sev_col));
}

static inline void colour_by_sev(calc *c, int first_row, int first_col, int last_row,
                                 int last_col, int sev_col)
{
    tnd_form_verdict_colours(&c->f->w, c->f->ws[c->on], first_row, first_col, last_row, last_col,
                             sev_col);
}

/* ------------------------------------------------------------------ shared expressions */

static inline const tnd_fillin_layout *LAY(calc *c)
{
    return &c->f->L;
}

/* 'Percelen'!$D$7="ja": the bid applies for lot `number` (FALSE for a lot not in the form). */
static inline const char *applied(calc *c, int number)
{
    const tnd_definition *def = c->f->def;
    for (size_t l = 0; l < def->n_lots && l < TND_FORM_MAX_LOTS; l++)
        if (def->lots[l].number == number)
            return T(c, "(%s=\"%s\")",
                     R(c, FI_LOTS, LAY(c)->lot_row[l], TND_FORM_LOT_COL_APPLY), TND_FORM_YES);
    return "FALSE";
}

/* The Percelen cell of product `code` of lot `number`, or NULL. */
static inline const char *product_cell(calc *c, int number, const char *code)
{
    const tnd_definition *def = c->f->def;
    for (size_t l = 0; l < def->n_lots && l < TND_FORM_MAX_LOTS; l++) {
        if (def->lots[l].number != number)
            continue;
        for (size_t p = 0; p < def->lots[l].n_products; p++)
            if (strcmp(def->lots[l].products[p].code, code) == 0)
                return R(c, FI_LOTS, LAY(c)->lot_row[l] + 1 + (int)p, TND_FORM_LOT_COL_APPLY);
    }
    return NULL;
}

static inline const char *bid_cell(calc *c, tnd_form_bid_field fd)
{
    return R(c, FI_IDENTITY, LAY(c)->bid_row[fd], TND_FORM_ID_COL_BIDDER);
}

static inline const char *party_cell(calc *c, tnd_form_party_field fd, int p)
{
    return R(c, FI_IDENTITY, LAY(c)->party_row[fd], tnd_form_party_col(p));
}

static inline const char *party_calc(calc *c, tnd_form_party_calc k, int p)
{
    return R(c, FI_IDENTITY, LAY(c)->party_calc_row[k], tnd_form_party_col(p));
}

/* The submission date as a date serial without time of day. */
static inline const char *submit_date(calc *c)
{
    return T(c, "INT(%s)", bid_cell(c, TND_FORM_BID_SUBMIT_DATE));
}

/* The date documents and certificates are judged at: the submission, else the closing date. */
static inline const char *judgement_date(calc *c)
{
    const char *d = bid_cell(c, TND_FORM_BID_SUBMIT_DATE);
    return T(c, "IF(%s=\"\",%s,INT(%s))", d, DATEF(c, c->f->def->closing_time.date), d);
}

/* Is the provider type of the bid `type`? */
static inline const char *provider_is(calc *c, const char *type)
{
    return T(c, "(%s=\"%s\")", bid_cell(c, TND_FORM_BID_PROVIDER_TYPE), type);
}


/* A Lijsten column's values as a range for a formula (no leading '='). */
static inline const char *LIST(calc *c, tnd_fillin_list column)
{
    int n = c->f->list_len[column] > 0 ? c->f->list_len[column] : 1;
    return RNG(c, FI_LISTS, 1, column, n, column);
}


/* One row of 'Controle': rule id, label, source, perceel (0 = the whole bid), the severity
 * formula built since begin() (written to F) and its verdict text (E). */
static inline void check_row(check_sheet *k, const tnd_rule_ref *ref, int lot, const char *sheet)
{
    calc *c = k->c;
    if (!ref->id[0]) /* a section the definition does not have (GRJR: no <insurance>): no rule,
                        no row, as tender check (issue 11) */
        return;
    int row = k->row++;
    tnd_fillin_log_mirror(c->f, ref->id, k->block, lot);
    emit(c, row, TND_FORM_CHECK_COL_SEV, c->f->w.st.calc);
    text(c, row, TND_FORM_CHECK_COL_RULE, ref->id, NULL);
    text(c, row, TND_FORM_CHECK_COL_LABEL, ref->label, NULL);
    text(c, row, TND_FORM_CHECK_COL_SOURCE, ref->source, NULL);
    if (lot > 0 && c->f->w.error == LXW_NO_ERROR)
        tnd_form_note(&c->f->w, worksheet_write_number(c->f->ws[FI_CHECK], (lxw_row_t)row,
                                                       TND_FORM_CHECK_COL_LOT, lot, NULL));
    verdict_beside(c, row, TND_FORM_CHECK_COL_VERDICT, TND_FORM_CHECK_COL_SEV);
    if (sheet) {
        char note_text[64];
        snprintf(note_text, sizeof note_text, "zie blad '%s'", sheet);
        text(c, row, TND_FORM_CHECK_COL_NOTE, note_text, c->f->w.st.note);
    }
}


#endif
