/*
 * fillin_check.c - the live formulas of the bidder workbook: the self-check that runs inside Excel
 * or LibreOffice while a provider types (fillin_internal.h).
 *
 * Every formula mirrors one rule of scoring/ (check.c, rules_financial.c, rules_suitability.c)
 * with the numbers of the definition written into it, so the sheet 'Controle' shows per rule id
 * and perceel the verdict `tender check` gives (tests/unit/test_forms.c recalculates the form in
 * LibreOffice and compares). A verdict is a severity, the tnd_verdict number (0 N.V.T., 1 VOLDOET,
 * 2 ONDER VOORWAARDE, 3 BEOORDELEN, 4 PLAN VAN AANPAK, 5 ONTBREEKT, 6 VOLDOET NIET), so "the
 * worst of" is MAX and the text is CHOOSE(severity + 1, ...) of tnd_verdict_dutch.
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
 */
#include "forms/fillin_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tender/base/buf.h"
#include "scoring/check.h"

#define POOL 2048   /* pieces of formula text alive at once (references, sub-expressions) */
#define REF_LEN 1024
#define UNKNOWN_DOC_SEV TND_REVIEW /* a document the form does not ask: reviewer (check.c) */

typedef struct {
    tnd_fillin *f;
    tnd_fillin_sheet on;          /* the sheet being written: references to it are short */
    char (*pool)[REF_LEN];        /* reference texts of the formula being built */
    int next;
    long taken;                   /* pieces taken in all (a check that the pool is big enough) */
    tnd_buf b;
} calc;

/* ------------------------------------------------------------------ references */

static const char *take(calc *c)
{
    char *s = c->pool[c->next];
    c->next = (c->next + 1) % POOL;
    c->taken++;
    return s;
}

/* Absolute reference, with the sheet name when it is another sheet. */
static const char *R(calc *c, tnd_fillin_sheet s, int row, int col)
{
    char *buf = (char *)take(c);
    if (s == c->on)
        tnd_fillin_cell(row, col, true, buf, REF_LEN);
    else
        tnd_fillin_ref(s, row, col, true, buf, REF_LEN);
    return buf;
}

/* Range r0:c0 .. r1:c1 on sheet s. */
static const char *RNG(calc *c, tnd_fillin_sheet s, int r0, int c0, int r1, int c1)
{
    char *buf = (char *)take(c);
    char from[32], to[32];
    tnd_fillin_cell(r0, c0, true, from, sizeof from);
    tnd_fillin_cell(r1, c1, true, to, sizeof to);
    if (s == c->on)
        snprintf(buf, REF_LEN, "%s:%s", from, to);
    else
        snprintf(buf, REF_LEN, "'%s'!%s:%s", tnd_fillin_sheet_names[s], from, to);
    return buf;
}

/* Text of printf into the pool (short pieces: numbers, dates). */
__attribute__((format(printf, 2, 3)))
static const char *T(calc *c, const char *fmt, ...)
{
    char *buf = (char *)take(c);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, REF_LEN, fmt, ap);
    va_end(ap);
    return buf;
}

/* DATE(2022,7,18) */
static const char *DATEF(calc *c, tnd_date d)
{
    return T(c, "DATE(%d,%d,%d)", d.year, d.month, d.day);
}

/* The comparison operator of a formula: ">", ">=", "<", "<=", "=". */
static const char *OP(tnd_op op)
{
    return tnd_op_symbol(op);
}

static int64_t gcd64(int64_t a, int64_t b)
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
static void as_fraction(tnd_dec d, int64_t *p, int64_t *q)
{
    int64_t g = gcd64(d.units, TND_DEC_SCALE);
    *p = d.units / g;
    *q = TND_DEC_SCALE / g;
}

/* ------------------------------------------------------------------ writing */

static void begin(calc *c)
{
    c->b.len = 0;
    if (c->b.data)
        c->b.data[0] = '\0';
}

__attribute__((format(printf, 2, 3)))
static void add(calc *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tnd_buf_vprintf(&c->b, fmt, ap);
    va_end(ap);
}

/* Writes the formula built since begin() into a cell of sheet c->on. */
static void emit(calc *c, int row, int col, lxw_format *fmt)
{
    if (c->b.oom) {
        c->f->w.oom = true;
        return;
    }
    tnd_form_put_formula(&c->f->w, c->f->ws[c->on], row, col, c->b.data ? c->b.data : "=\"\"",
                         fmt);
}

__attribute__((format(printf, 5, 6)))
static void formula(calc *c, int row, int col, lxw_format *fmt, const char *f_fmt, ...)
{
    begin(c);
    va_list ap;
    va_start(ap, f_fmt);
    tnd_buf_vprintf(&c->b, f_fmt, ap);
    va_end(ap);
    emit(c, row, col, fmt);
}

static void text(calc *c, int row, int col, const char *s, lxw_format *fmt)
{
    tnd_form_put_text(&c->f->w, c->f->ws[c->on], row, col, s, fmt);
}

/* ="CHOOSE(sev+1,"N.V.T.",...)": the Dutch verdict of a severity cell. */
static void verdict_text(calc *c, int row, int col, const char *sev)
{
    begin(c);
    add(c, "=CHOOSE(%s+1", sev);
    for (int v = TND_NOT_APPLICABLE; v <= TND_FAIL; v++)
        add(c, ",\"%s\"", tnd_verdict_dutch((tnd_verdict)v));
    add(c, ")");
    emit(c, row, col, c->f->w.st.calc);
}

/* Verdict text in (row, text_col) of the severity in (row, sev_col), both on c->on. */
static void verdict_beside(calc *c, int row, int text_col, int sev_col)
{
    verdict_text(c, row, text_col, R(c, c->on, row, sev_col));
}

static void colour_by_sev(calc *c, int first_row, int first_col, int last_row, int last_col,
                          int sev_col)
{
    tnd_form_verdict_colours(&c->f->w, c->f->ws[c->on], first_row, first_col, last_row, last_col,
                             sev_col);
}

/* ------------------------------------------------------------------ shared expressions */

static const tnd_fillin_layout *LAY(calc *c)
{
    return &c->f->L;
}

/* 'Percelen'!$D$7="ja": the bid applies for lot `number` (FALSE for a lot not in the form). */
static const char *applied(calc *c, int number)
{
    const tnd_definition *def = c->f->def;
    for (size_t l = 0; l < def->n_lots && l < TND_FORM_MAX_LOTS; l++)
        if (def->lots[l].number == number)
            return T(c, "(%s=\"%s\")",
                     R(c, FI_LOTS, LAY(c)->lot_row[l], TND_FORM_LOT_COL_APPLY), TND_FORM_YES);
    return "FALSE";
}

/* The Percelen cell of product `code` of lot `number`, or NULL. */
static const char *product_cell(calc *c, int number, const char *code)
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

static const char *bid_cell(calc *c, tnd_form_bid_field fd)
{
    return R(c, FI_IDENTITY, LAY(c)->bid_row[fd], TND_FORM_ID_COL_BIDDER);
}

static const char *party_cell(calc *c, tnd_form_party_field fd, int p)
{
    return R(c, FI_IDENTITY, LAY(c)->party_row[fd], tnd_form_party_col(p));
}

static const char *party_calc(calc *c, tnd_form_party_calc k, int p)
{
    return R(c, FI_IDENTITY, LAY(c)->party_calc_row[k], tnd_form_party_col(p));
}

/* The submission date as a date serial without time of day. */
static const char *submit_date(calc *c)
{
    return T(c, "INT(%s)", bid_cell(c, TND_FORM_BID_SUBMIT_DATE));
}

/* The date documents and certificates are judged at: the submission, else the closing date. */
static const char *judgement_date(calc *c)
{
    const char *d = bid_cell(c, TND_FORM_BID_SUBMIT_DATE);
    return T(c, "IF(%s=\"\",%s,INT(%s))", d, DATEF(c, c->f->def->closing_time.date), d);
}

/* Is the provider type of the bid `type`? */
static const char *provider_is(calc *c, const char *type)
{
    return T(c, "(%s=\"%s\")", bid_cell(c, TND_FORM_BID_PROVIDER_TYPE), type);
}

/* Does insurance apply to party p (the inschrijver, members when every member must show it)? */
static bool party_insured(const tnd_definition *def, int p)
{
    return p == 0 || (def->insurance.every_member && tnd_form_party_is_member(p));
}

/* ------------------------------------------------------------------ Identiteit */

static void identity_calcs(calc *c)
{
    const tnd_fillin_layout *L = LAY(c);
    const tnd_definition *def = c->f->def;
    const tnd_exclusion_rules *ex = &def->exclusion;
    lxw_format *calc_f = c->f->w.st.calc;
    c->on = FI_IDENTITY;
    static const char *const labels[] = {
        [TND_FORM_PARTY_CALC_PRESENT] = "Partij telt mee (1 = ja)",
        [TND_FORM_PARTY_CALC_HAS_UEA] = "UEA ingevuld (1 = ja)",
        [TND_FORM_PARTY_CALC_UEA_COMPLETE] = "UEA volledig: elke uitsluitingsgrond beantwoord",
        [TND_FORM_PARTY_CALC_UEA_SEV] = "Oordeel uitsluitingsgronden (ernst)",
    };
    static const char *const keys[] = {
        [TND_FORM_PARTY_CALC_PRESENT] = "calc-partij",
        [TND_FORM_PARTY_CALC_HAS_UEA] = "calc-uea",
        [TND_FORM_PARTY_CALC_UEA_COMPLETE] = "calc-uea-volledig",
        [TND_FORM_PARTY_CALC_UEA_SEV] = "calc-uea-ernst",
    };
    for (int k = 0; k < TND_FORM_PARTY_CALC_DOC_SEV; k++) {
        text(c, L->party_calc_row[k], TND_FORM_COL_KEY, keys[k], c->f->w.st.key);
        text(c, L->party_calc_row[k], TND_FORM_COL_LABEL, labels[k], NULL);
    }
    /* the grounds the form asks, in one block of rows */
    int first_ground = -1, last_ground = -1, n_grounds = 0;
    for (size_t g = 0; g < ex->n_grounds && g < TND_FORM_MAX_GROUNDS; g++)
        if (L->ground_row[g] != TND_FORM_NO_ROW) {
            if (first_ground < 0)
                first_ground = L->ground_row[g];
            last_ground = L->ground_row[g];
            n_grounds++;
        }
    int first_input = L->party_first_row, last_input = L->party_last_row;
    int iv_row = L->party_row[TND_FORM_PARTY_UEA_IV];
    int uea_first = first_ground >= 0 ? first_ground : L->party_row[TND_FORM_PARTY_UEA_IIC];
    for (int p = 0; p < TND_FORM_N_PARTIES; p++) {
        int col = tnd_form_party_col(p);
        int row = L->party_calc_row[TND_FORM_PARTY_CALC_PRESENT];
        const char *own = RNG(c, FI_IDENTITY, first_input, col, last_input, col);
        const char *ins = RNG(c, FI_INSURANCE, L->ins_row0 + p, TND_FORM_INS_COL_COVER,
                              L->ins_row0 + p, TND_FORM_INS_COL_NAMED);
        if (p == 0)
            formula(c, row, col, calc_f, "=1");
        else if (tnd_form_party_is_member(p))
            formula(c, row, col, calc_f, "=IF(AND(%s=\"%s\",COUNTA(%s)+COUNTA(%s)>0),1,0)",
                    bid_cell(c, TND_FORM_BID_COMBINATION), TND_FORM_YES, own, ins);
        else
            formula(c, row, col, calc_f, "=IF(COUNTA(%s)+COUNTA(%s)>0,1,0)", own, ins);

        row = L->party_calc_row[TND_FORM_PARTY_CALC_HAS_UEA];
        formula(c, row, col, calc_f, "=IF(COUNTA(%s)>0,1,0)",
                RNG(c, FI_IDENTITY, uea_first, col, iv_row, col));
        row = L->party_calc_row[TND_FORM_PARTY_CALC_UEA_COMPLETE];
        const char *has = party_calc(c, TND_FORM_PARTY_CALC_HAS_UEA, p);
        if (n_grounds > 0)
            formula(c, row, col, calc_f, "=IF(AND(%s=1,COUNTA(%s)=%d),1,0)", has,
                    RNG(c, FI_IDENTITY, first_ground, col, last_ground, col), n_grounds);
        else
            formula(c, row, col, calc_f, "=IF(%s=1,1,0)", has);

        /* §5.2: III A / III B "ja" excludes, a III C "ja" goes to a reviewer; all "nee" and
         * complete: PASS; no UEA: nothing (step 1 reports it) */
        row = L->party_calc_row[TND_FORM_PARTY_CALC_UEA_SEV];
        begin(c);
        add(c, "=IF(OR(%s=0,%s=0),0,MAX(0", party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p), has);
        for (int effect = TND_GROUND_EXCLUDE; effect <= TND_GROUND_REVIEW; effect++) {
            bool any = false;
            for (size_t g = 0; g < ex->n_grounds && g < TND_FORM_MAX_GROUNDS; g++) {
                if (L->ground_row[g] == TND_FORM_NO_ROW || (int)ex->grounds[g].effect != effect)
                    continue;
                add(c, "%s(%s=\"%s\")", any ? "+" : ",IF(", R(c, FI_IDENTITY, L->ground_row[g],
                                                              col), TND_FORM_YES);
                any = true;
            }
            if (any)
                add(c, ">0,%d,0)", effect == TND_GROUND_EXCLUDE ? TND_FAIL : TND_REVIEW);
        }
        if (n_grounds > 0)
            add(c, ",IF(AND(COUNTIF(%s,\"%s\")=0,%s=1),%d,0)))",
                RNG(c, FI_IDENTITY, first_ground, col, last_ground, col), TND_FORM_YES,
                party_calc(c, TND_FORM_PARTY_CALC_UEA_COMPLETE, p), TND_PASS);
        else
            add(c, ",IF(%s=1,%d,0)))", party_calc(c, TND_FORM_PARTY_CALC_UEA_COMPLETE, p),
                TND_PASS);
        emit(c, row, col, calc_f);

        /* §5.2 / §5.9 document ages: the inschrijver and the members, not third parties */
        for (int d = 0; d < L->n_doc_calcs; d++) {
            const tnd_document_rule *rule = &def->documents[L->doc_calc_rule[d]];
            row = L->party_calc_row[TND_FORM_PARTY_CALC_DOC_SEV + d];
            if (p == 0) {
                char lab[TND_LABEL_LEN + 32];
                snprintf(lab, sizeof lab, "Oordeel %s (ernst)", rule->ref.label);
                text(c, row, TND_FORM_COL_KEY, rule->ref.id, c->f->w.st.key);
                text(c, row, TND_FORM_COL_LABEL, lab, NULL);
            }
            int field = -1;
            for (int fd = 0; fd < TND_FORM_PARTY_FIELDS; fd++)
                if (tnd_form_party_document((tnd_form_party_field)fd) &&
                    strcmp(tnd_form_party_document((tnd_form_party_field)fd), rule->document) ==
                        0)
                    field = fd;
            if (tnd_form_party_is_third(p)) {
                formula(c, row, col, calc_f, "=0");
                continue;
            }
            if (field < 0) {
                formula(c, row, col, calc_f, "=%d", p == 0 ? UNKNOWN_DOC_SEV : 0);
                continue;
            }
            const char *doc = party_cell(c, (tnd_form_party_field)field, p);
            const char *sub = bid_cell(c, TND_FORM_BID_SUBMIT_DATE);
            formula(c, row, col, calc_f,
                    "=IF(%s=0,0,IF(%s=\"\",%d,IF(%s=\"\",%d,IF(INT(%s)>%s,%d,"
                    "IF(INT(%s)<EDATE(%s,-%d),%d,%d)))))",
                    party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p), doc,
                    rule->when == TND_DOC_ON_REQUEST ? TND_CONDITIONAL : TND_NOT_APPLICABLE, sub,
                    TND_NOT_APPLICABLE, doc, submit_date(c), TND_FAIL, doc, submit_date(c),
                    rule->max_months, TND_FAIL, TND_PASS);
        }
    }
}

/* ------------------------------------------------------------------ Financieel */

/* "C7,C9": the cells of items `items` in year column col. */
static void item_cells(calc *c, const int *items, int n, int col, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && used < size; i++) {
        int row = items[i] >= 0 && items[i] < 8 ? LAY(c)->fin_item_row[items[i]] : -1;
        if (row < 0)
            continue;
        int k = snprintf(buf + used, size - used, "%s%s", used ? "," : "",
                         R(c, FI_FINANCIAL, row, col));
        used += k > 0 ? (size_t)k : 0;
    }
}

static bool norm_counts_year(const tnd_fin_norm *n, int year)
{
    for (int y = 0; y < n->n_years && y < 8; y++)
        if (n->years[y] == year)
            return true;
    return false;
}

/* The band verdict of `failed` years (§5.3.1 L1371-1378), REVIEW when no band holds it. */
static void band_expr(calc *c, const tnd_financial_rules *fin, const char *failed)
{
    for (int i = 0; i < fin->n_bands && i < 4; i++) {
        const tnd_year_band *b = &fin->bands[i];
        if (b->max_failed < 0)
            add(c, "IF(%s>=%d,%d,", failed, b->min_failed, b->verdict);
        else
            add(c, "IF(AND(%s>=%d,%s<=%d),%d,", failed, b->min_failed, failed, b->max_failed,
                b->verdict);
    }
    add(c, "%d", TND_REVIEW);
    for (int i = 0; i < fin->n_bands && i < 4; i++)
        add(c, ")");
}

/* All Bijlage XVI cells that are asked (a number each when complete), and how many. */
static int asked_cells(calc *c, int only_year, char *buf, size_t size)
{
    const tnd_financial_rules *fin = &c->f->def->financial;
    const tnd_fillin_layout *L = LAY(c);
    size_t used = 0;
    int n = 0;
    buf[0] = '\0';
    for (int i = 0; i < fin->n_items && i < 8; i++)
        for (int y = 0; y < L->n_years; y++) {
            bool asked = false;
            for (int k = 0; k < fin->items[i].n_years && k < 8; k++)
                asked = asked || fin->items[i].years[k] == L->years[y];
            if (!asked || (only_year && L->years[y] != only_year))
                continue;
            int w = snprintf(buf + used, size - used, "%s%s", used ? "," : "",
                             R(c, FI_FINANCIAL, L->fin_item_row[i],
                               TND_FORM_FIN_COL_FIRST_YEAR + y));
            used += w > 0 && (size_t)w < size - used ? (size_t)w : 0;
            n++;
        }
    return n;
}

/* The severity of a financial finding after an accepted plan (§5.3.1 L1390-1393): REVIEW and
 * PLAN REQUIRED become CONDITIONAL. raw is a cell. */
static void settled(calc *c, const char *raw, const char *settle)
{
    add(c, "=IF(AND(%s=1,OR(%s=%d,%s=%d)),%d,%s)", settle, raw, TND_REVIEW, raw,
        TND_PLAN_REQUIRED, TND_CONDITIONAL, raw);
}

static void financial_calcs(calc *c)
{
    const tnd_financial_rules *fin = &c->f->def->financial;
    const tnd_fillin_layout *L = LAY(c);
    lxw_format *calc_f = c->f->w.st.calc;
    c->on = FI_FINANCIAL;
    int V = TND_FORM_FIN_COL_VALUE, S = TND_FORM_FIN_COL_SEV, RAW = TND_FORM_FIN_COL_SEV + 1;
    const char *startup = R(c, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_STARTUP], V);
    const char *gc = R(c, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_GOING_CONCERN], V);
    const char *plan = R(c, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_PLAN], V);
    const char *active = R(c, FI_FINANCIAL, L->fin_startup_active_row, V);
    const char *outcome = R(c, FI_FINANCIAL, L->fin_outcome_row, S);
    char settle[256];
    snprintf(settle, sizeof settle, "IF(AND(%s=\"%s\",OR(%s=%d,%s=%d)),1,0)", plan,
             tnd_form_plan_texts[TND_PLAN_ACCEPTED], outcome, TND_REVIEW, outcome,
             TND_PLAN_REQUIRED);
    char cells[4096];
    int n_asked = asked_cells(c, 0, cells, sizeof cells);

    for (int n = 0; n < fin->n_norms && n < TND_FORM_MAX_NORMS; n++) {
        const tnd_fin_norm *norm = &fin->norms[n];
        int64_t p, q;
        as_fraction(norm->threshold, &p, &q);
        char threshold[32], title[TND_LABEL_LEN + 160];
        if (norm->percent) {
            tnd_dec pct = { norm->threshold.units * 100 };
            tnd_dec_nl(pct, norm->display_places, threshold);
            strcat(threshold, "%");
        } else {
            tnd_dec_nl(norm->threshold, norm->display_places, threshold);
        }
        snprintf(title, sizeof title, "%s: norm %s %s (%s)", norm->ref.label, OP(norm->op),
                 threshold, norm->ref.source);
        text(c, L->norm_value_row[n] - 1, TND_FORM_COL_LABEL, title, c->f->w.st.section);
        tnd_form_put_text(&c->f->w, c->f->ws[FI_FINANCIAL], L->norm_value_row[n] - 1,
                          TND_FORM_COL_KEY, norm->ref.id, c->f->w.st.key);
        static const char *const suffixes[] = { "waarde", "voldaan", "jaren", "oordeel" };
        const int norm_rows[] = { L->norm_value_row[n], L->norm_met_row[n],
                                  L->norm_failed_row[n], L->norm_verdict_row[n] };
        for (int k = 0; k < 4; k++) {
            char row_key[TND_ID_LEN + 16];
            snprintf(row_key, sizeof row_key, "%s-%s", norm->ref.id, suffixes[k]);
            text(c, norm_rows[k], TND_FORM_COL_KEY, row_key, c->f->w.st.key);
        }
        text(c, L->norm_value_row[n], TND_FORM_COL_LABEL, "Waarde", NULL);
        text(c, L->norm_met_row[n], TND_FORM_COL_LABEL,
             "Voldaan (1 = ja, 0 = nee; leeg = cijfers ontbreken)", NULL);
        text(c, L->norm_failed_row[n], TND_FORM_COL_LABEL,
             "Aantal jaren niet voldaan (C) en jaren met cijfers (D)", NULL);
        text(c, L->norm_verdict_row[n], TND_FORM_COL_LABEL,
             "Oordeel per norm (C), ernst (D), ernst vóór plan van aanpak (E)", NULL);
        int first_col = TND_FORM_FIN_COL_FIRST_YEAR, last_col = first_col;
        for (int y = 0; y < L->n_years; y++) {
            int col = TND_FORM_FIN_COL_FIRST_YEAR + y;
            if (!norm_counts_year(norm, L->years[y])) {
                text(c, L->norm_value_row[n], col, TND_FORM_NOT_APPLICABLE, c->f->w.st.na);
                text(c, L->norm_met_row[n], col, TND_FORM_NOT_APPLICABLE, c->f->w.st.na);
                continue;
            }
            last_col = col;
            char num[512], den[512];
            item_cells(c, norm->num_items, norm->n_num, col, num, sizeof num);
            item_cells(c, norm->den_items, norm->n_den, col, den, sizeof den);
            const char *known = T(c, "COUNT(%s,%s)<%d", num, den, norm->n_num + norm->n_den);
            char num_c[600], den_c[600];
            snprintf(num_c, sizeof num_c, "ROUND(SUM(%s)*100,0)", num);
            snprintf(den_c, sizeof den_c, "ROUND(SUM(%s)*100,0)", den);
            bool met_if_positive = norm->degenerate == TND_DEGENERATE_MET_IF_POSITIVE;
            formula(c, L->norm_value_row[n], col,
                    norm->percent ? c->f->w.st.calc_percent : c->f->w.st.calc_number,
                    "=IF(%s,\"\",IF(%s<=0,IF(AND(%s,%s=0,%s>0),\"oneindig\",\"niet te "
                    "berekenen\"),SUM(%s)/SUM(%s)))",
                    known, den_c, met_if_positive ? "TRUE" : "FALSE", den_c, num_c, num, den);
            /* strict or not as the definition says; exact: num*q OP den*p in cents */
            formula(c, L->norm_met_row[n], col, calc_f,
                    "=IF(%s,\"\",IF(AND(%s,%s=0,%s>0),1,IF(%s<=0,0,IF(%s*%lld%s%s*%lld,1,0))))",
                    known, met_if_positive ? "TRUE" : "FALSE", den_c, num_c, den_c, num_c,
                    (long long)q, OP(norm->op), den_c, (long long)p);
        }
        const char *met = RNG(c, FI_FINANCIAL, L->norm_met_row[n], first_col,
                              L->norm_met_row[n], last_col);
        formula(c, L->norm_failed_row[n], V, calc_f, "=COUNTIF(%s,0)", met);
        formula(c, L->norm_failed_row[n], V + 1, calc_f, "=COUNT(%s)", met);
        const char *failed = R(c, FI_FINANCIAL, L->norm_failed_row[n], V);
        const char *known_years = R(c, FI_FINANCIAL, L->norm_failed_row[n], V + 1);
        begin(c);
        add(c, "=IF(OR(%s=1,%s=0),%d,", active, known_years, TND_NOT_APPLICABLE);
        band_expr(c, fin, failed);
        add(c, ")");
        emit(c, L->norm_verdict_row[n], RAW, calc_f);
        begin(c);
        settled(c, R(c, FI_FINANCIAL, L->norm_verdict_row[n], RAW), settle);
        emit(c, L->norm_verdict_row[n], S, calc_f);
        verdict_beside(c, L->norm_verdict_row[n], V, S);
        colour_by_sev(c, L->norm_verdict_row[n], V, L->norm_verdict_row[n], V, S);
    }

    text(c, L->fin_startup_active_row - 1, TND_FORM_COL_LABEL, "Financieel oordeel (§5.3.1)",
         c->f->w.st.section);
    text(c, L->fin_startup_active_row, TND_FORM_COL_LABEL,
         "Startende organisatie zonder volledige cijfers: normen niet beoordeeld (1 = ja)", NULL);
    text(c, L->fin_startup_active_row, TND_FORM_COL_KEY, "calc-starter", c->f->w.st.key);
    text(c, L->fin_outcome_row, TND_FORM_COL_KEY, "calc-uitkomst", c->f->w.st.key);
    formula(c, L->fin_startup_active_row, V, calc_f, "=IF(AND(%s=\"%s\",COUNT(%s)<%d),1,0)",
            startup, TND_FORM_YES, cells, n_asked);

    /* going concern (L1380-1384): negative => the definition's verdict, regardless of norms */
    int row = L->fin_going_concern_row;
    tnd_form_put_text(&c->f->w, c->f->ws[FI_FINANCIAL], row, TND_FORM_COL_KEY,
                      fin->going_concern.id, c->f->w.st.key);
    text(c, row, TND_FORM_COL_LABEL, fin->going_concern.label, NULL);
    formula(c, row, RAW, calc_f, "=IF(%s=\"\",%d,IF(%s=\"%s\",%d,%d))", gc, TND_NOT_APPLICABLE,
            gc, TND_FORM_YES, fin->going_concern_verdict, TND_PASS);
    /* start-up (L1386-1389) */
    row = L->fin_startup_row;
    tnd_form_put_text(&c->f->w, c->f->ws[FI_FINANCIAL], row, TND_FORM_COL_KEY, fin->startup.id,
                      c->f->w.st.key);
    text(c, row, TND_FORM_COL_LABEL, fin->startup.label, NULL);
    formula(c, row, RAW, calc_f, "=IF(%s=1,%d,%d)", active, fin->startup_verdict,
            TND_NOT_APPLICABLE);
    /* the worst of norms, start-up and going concern decides whether a plan is asked */
    row = L->fin_outcome_row;
    text(c, row, TND_FORM_COL_LABEL,
         "Uitkomst vóór plan van aanpak (slechtste van normen, starter, continuïteit)", NULL);
    begin(c);
    add(c, "=MAX(%s,%s", R(c, FI_FINANCIAL, L->fin_going_concern_row, RAW),
        R(c, FI_FINANCIAL, L->fin_startup_row, RAW));
    for (int n = 0; n < fin->n_norms && n < TND_FORM_MAX_NORMS; n++)
        add(c, ",%s", R(c, FI_FINANCIAL, L->norm_verdict_row[n], RAW));
    add(c, ")");
    emit(c, row, S, calc_f);
    verdict_beside(c, row, V, S);
    for (int k = 0; k < 2; k++) {
        row = k == 0 ? L->fin_going_concern_row : L->fin_startup_row;
        begin(c);
        settled(c, R(c, FI_FINANCIAL, row, RAW), settle);
        emit(c, row, S, calc_f);
        verdict_beside(c, row, V, S);
    }
    /* the plan (L1390-1394): only when the outcome asks for one */
    row = L->fin_plan_row;
    tnd_form_put_text(&c->f->w, c->f->ws[FI_FINANCIAL], row, TND_FORM_COL_KEY, fin->plan.id,
                      c->f->w.st.key);
    text(c, row, TND_FORM_COL_LABEL, fin->plan.label, NULL);
    formula(c, row, S, calc_f,
            "=IF(OR(%s=%d,%s=%d),IF(%s=\"%s\",%d,IF(OR(%s=\"%s\",%s=\"%s\"),%d,IF(%s=\"%s\",%d,"
            "%d))),%d)",
            outcome, TND_REVIEW, outcome, TND_PLAN_REQUIRED, plan,
            tnd_form_plan_texts[TND_PLAN_ACCEPTED], TND_PASS, plan,
            tnd_form_plan_texts[TND_PLAN_REJECTED], plan,
            tnd_form_plan_texts[TND_PLAN_NOT_DELIVERED], TND_FAIL, plan,
            tnd_form_plan_texts[TND_PLAN_SUBMITTED], TND_REVIEW, TND_NOT_APPLICABLE,
            TND_NOT_APPLICABLE);
    verdict_beside(c, row, V, S);
    colour_by_sev(c, L->fin_outcome_row, V, L->fin_plan_row, V, S);
}

/* ------------------------------------------------------------------ Verzekering en kwaliteit */

static void insurance_calcs(calc *c)
{
    const tnd_definition *def = c->f->def;
    const tnd_fillin_layout *L = LAY(c);
    lxw_format *calc_f = c->f->w.st.calc;
    c->on = FI_INSURANCE;
    /* §5.3.2 per party: a concern policy must name the party; cover >= the minimum; without a
     * cover, UEA part IV "ja" is the definition's declared_only verdict, "nee" fails */
    for (int p = 0; p < TND_FORM_N_PARTIES; p++) {
        int row = L->ins_row0 + p;
        if (!party_insured(def, p)) {
            formula(c, row, TND_FORM_INS_COL_SEV, calc_f, "=%d", TND_NOT_APPLICABLE);
        } else {
            const char *cover = R(c, FI_INSURANCE, row, TND_FORM_INS_COL_COVER);
            const char *concern = R(c, FI_INSURANCE, row, TND_FORM_INS_COL_CONCERN);
            const char *named = R(c, FI_INSURANCE, row, TND_FORM_INS_COL_NAMED);
            const char *iv = party_cell(c, TND_FORM_PARTY_UEA_IV, p);
            const char *present = party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p);
            const char *comb = bid_cell(c, TND_FORM_BID_COMBINATION);
            begin(c);
            add(c, "=IF(%s=0,%d,", present, TND_NOT_APPLICABLE);
            /* combination-total (§5.3.2 L1409-1411, rules_suitability.c
             * insurance_evidence_of_member): a member shows *an* insurance; the amount is
             * judged for the combination as a whole (combination_cover) */
            if (def->insurance.combination_total)
                add(c, "IF(%s=\"%s\",IF(AND(%s<>\"\",%s=\"%s\",%s<>\"%s\"),%d,"
                    "IF(AND(%s<>\"\",ROUND(N(%s)*100,0)>0),%d,IF(AND(%s=\"\",%s=\"%s\"),%d,"
                    "IF(AND(%d=0,%s=\"\",%s=\"\"),%d,%d)))),",
                    comb, TND_FORM_YES, cover, concern, TND_FORM_YES, named, TND_FORM_YES,
                    TND_FAIL, cover, cover, TND_PASS, cover, iv, TND_FORM_YES,
                    def->insurance.declared_only, p, cover, iv, TND_NOT_APPLICABLE, TND_FAIL);
            add(c, "IF(AND(%s<>\"\",%s=\"%s\",%s<>\"%s\"),%d,IF(%s<>\"\","
                "IF(ROUND(%s*100,0)>=%lld,%d,%d),IF(%s=\"%s\",%d,IF(%s<>\"\",%d,%d))))",
                cover, concern, TND_FORM_YES, named, TND_FORM_YES, TND_FAIL, cover, cover,
                (long long)def->insurance.min_per_event, TND_PASS, TND_FAIL, iv, TND_FORM_YES,
                def->insurance.declared_only, iv, TND_FAIL, TND_NOT_APPLICABLE);
            add(c, "%s)", def->insurance.combination_total ? ")" : "");
            emit(c, row, TND_FORM_INS_COL_SEV, calc_f);
        }
        verdict_beside(c, row, TND_FORM_INS_COL_VERDICT, TND_FORM_INS_COL_SEV);
    }
    colour_by_sev(c, L->ins_row0, TND_FORM_INS_COL_VERDICT, L->ins_row0 + TND_FORM_N_PARTIES - 1,
                  TND_FORM_INS_COL_VERDICT, TND_FORM_INS_COL_SEV);

    /* §5.5.1.1: the best certificate decides: an accepted scheme valid at the judgement date
     * PASS; else a valid one declared equivalent REVIEW (when the definition says so); else FAIL
     * (expired or none) */
    for (size_t q = 0; q < def->n_quality && q < TND_FORM_MAX_QUALITY; q++) {
        const tnd_quality_rule *rule = &def->quality[q];
        int row = L->quality_row[q];
        char lots[96] = "percelen";
        for (int i = 0; i < rule->n_lots && i < TND_MAX_SET; i++)
            snprintf(lots + strlen(lots), sizeof lots - strlen(lots), " %d", rule->lots[i]);
        text(c, row, TND_FORM_CERT_COL_SCHEME, lots, c->f->w.st.note);
        const char *jd = judgement_date(c);
        begin(c);
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 0)
                add(c, "=IF(0");
            else
                add(c, ",IF(AND(%s,0", rule->equivalent_review ? "TRUE" : "FALSE");
            for (int k = 0; k < TND_FORM_CERT_ROWS; k++) {
                int r = L->cert_row0 + k;
                const char *scheme = R(c, FI_INSURANCE, r, TND_FORM_CERT_COL_SCHEME);
                const char *until = R(c, FI_INSURANCE, r, TND_FORM_CERT_COL_VALID_UNTIL);
                add(c, "+AND(%s<>\"\",%sOR(FALSE", scheme, pass == 0 ? "" : "NOT(");
                for (int s = 0; s < rule->n_schemes && s < TND_MAX_SET; s++)
                    add(c, ",%s=\"%s\"", scheme, rule->schemes[s]);
                add(c, ")%s", pass == 0 ? "" : ")");
                if (pass == 1)
                    add(c, ",%s=\"%s\"", R(c, FI_INSURANCE, r, TND_FORM_CERT_COL_EQUIVALENT),
                        TND_FORM_YES);
                add(c, ",OR(%s=\"\",INT(%s)>=%s))", until, until, jd);
            }
            if (pass == 0)
                add(c, ">0,%d", TND_PASS);
            else
                add(c, ">0),%d,", TND_REVIEW);
        }
        /* a valid certificate of a review scheme (IJsselland: HKZ on lot 8, §5.5.1.1 L1507-1510,
         * RES-KWALITEIT-VERBLIJF): REVIEW, as rules_suitability.c judge_quality_system */
        add(c, "IF(0");
        for (int k = 0; k < TND_FORM_CERT_ROWS && rule->n_review_schemes > 0; k++) {
            int r = L->cert_row0 + k;
            const char *scheme = R(c, FI_INSURANCE, r, TND_FORM_CERT_COL_SCHEME);
            const char *until = R(c, FI_INSURANCE, r, TND_FORM_CERT_COL_VALID_UNTIL);
            add(c, "+AND(%s<>\"\",OR(FALSE", scheme);
            for (int s = 0; s < rule->n_review_schemes && s < TND_MAX_SET; s++)
                add(c, ",%s=\"%s\"", scheme, rule->review_schemes[s]);
            add(c, "),OR(%s=\"\",INT(%s)>=%s))", until, until, jd);
        }
        add(c, ">0,%d,%d)))", TND_REVIEW, TND_FAIL);
        emit(c, row, TND_FORM_INS_COL_SEV, calc_f);
        verdict_beside(c, row, TND_FORM_INS_COL_VERDICT, TND_FORM_INS_COL_SEV);
        colour_by_sev(c, row, TND_FORM_INS_COL_VERDICT, row, TND_FORM_INS_COL_VERDICT,
                      TND_FORM_INS_COL_SEV);
    }
    /* §5.5.1.2: held PASS, in progress the definition's verdict, else FAIL */
    for (size_t i = 0; i < def->n_keurmerken && i < TND_FORM_MAX_QUALITY; i++) {
        const tnd_keurmerk_rule *rule = &def->keurmerken[i];
        int row = L->keurmerk_rule_row[i], status_row = -1;
        for (int k = 0; k < L->n_keurmerk_kinds; k++)
            if (strcmp(L->keurmerk_kinds[k], rule->keurmerk) == 0)
                status_row = L->keurmerk_row[k];
        char lab[TND_CODE_LEN * 2 + 32];
        snprintf(lab, sizeof lab, "%s, perceel %d", rule->provider_type, rule->lot);
        text(c, row, TND_FORM_CERT_COL_SCHEME, lab, c->f->w.st.note);
        const char *status = R(c, FI_INSURANCE, status_row, TND_FORM_KEURMERK_COL_STATUS);
        formula(c, row, TND_FORM_INS_COL_SEV, calc_f, "=IF(%s=\"%s\",%d,IF(%s=\"%s\",%d,%d))",
                status, tnd_form_keurmerk_texts[TND_KEURMERK_HELD], TND_PASS, status,
                tnd_form_keurmerk_texts[TND_KEURMERK_IN_PROGRESS], rule->in_progress, TND_FAIL);
        verdict_beside(c, row, TND_FORM_INS_COL_VERDICT, TND_FORM_INS_COL_SEV);
        colour_by_sev(c, row, TND_FORM_INS_COL_VERDICT, row, TND_FORM_INS_COL_VERDICT,
                      TND_FORM_INS_COL_SEV);
    }
}

/* ------------------------------------------------------------------ Referenties */

static const tnd_rule_ref *ref_rule(const tnd_reference_rules *rr, int k)
{
    switch (k) {
    case TND_FORM_REF_RULE_COMPETENCE:
        return &rr->competence_rule;
    case TND_FORM_REF_RULE_WINDOW:
        return &rr->window_rule;
    case TND_FORM_REF_RULE_REFERENT:
        return &rr->referent_rule;
    case TND_FORM_REF_RULE_DISSOLVED:
        return &rr->dissolved_rule;
    case TND_FORM_REF_RULE_FORECAST:
        return &rr->forecast_rule;
    case TND_FORM_REF_RULE_SUBCONTRACTOR:
        return &rr->subcontractor_rule;
    default:
        return &rr->third_party_rule;
    }
}

/* The finding of rule k on one counted reference in row `row` (0 = none), §5.4. */
static void reference_rule_expr(calc *c, int k, int row)
{
    const tnd_definition *def = c->f->def;
    const tnd_reference_rules *rr = &def->references;
    const int *col = LAY(c)->ref_col;
#define F(fd) R(c, FI_REFERENCES, row, col[fd])
    switch (k) {
    case TND_FORM_REF_RULE_COMPETENCE:
        add(c, "IF(OR(FALSE");
        for (int i = 0; i < rr->n_competences && i < TND_FORM_MAX_COMPETENCES; i++)
            add(c, ",%s<>\"%s\"", F(TND_FORM_REF_COMPETENCE + i), TND_FORM_YES);
        add(c, "),%d,0)", TND_FAIL);
        break;
    case TND_FORM_REF_RULE_WINDOW: {
        /* resolution: the period overlaps [closing - N years, closing] */
        const char *closing = DATEF(c, def->closing_time.date);
        add(c, "IF(AND(INT(%s)<=%s,OR(%s=\"%s\",AND(%s<>\"\",INT(%s)>=EDATE(%s,-%d)))),0,%d)",
            F(TND_FORM_REF_START), closing, F(TND_FORM_REF_ONGOING), TND_FORM_YES,
            F(TND_FORM_REF_END), F(TND_FORM_REF_END), closing, 12 * rr->window_years, TND_FAIL);
        break;
    }
    case TND_FORM_REF_RULE_REFERENT:
        add(c, "IF(OR(FALSE");
        for (int i = 0; i < rr->n_forbidden && i < 4; i++)
            add(c, ",%s=\"%s\"", F(TND_FORM_REF_KIND), rr->referent_kinds_forbidden[i]);
        add(c, "),%d,IF(AND(%s,NOT(OR(FALSE", TND_FAIL, rr->n_allowed > 0 ? "TRUE" : "FALSE");
        for (int i = 0; i < rr->n_allowed && i < 4; i++)
            add(c, ",%s=\"%s\"", F(TND_FORM_REF_KIND), rr->referent_kinds_allowed[i]);
        add(c, "))),%d,0))", TND_REVIEW);
        break;
    case TND_FORM_REF_RULE_DISSOLVED:
        add(c, "IF(OR(%s=\"%s\",AND(%s<>\"\",%s=0)),%d,0)", F(TND_FORM_REF_DISSOLVED),
            TND_FORM_YES, F(TND_FORM_REF_CLIENTS), F(TND_FORM_REF_CLIENTS), TND_FAIL);
        break;
    case TND_FORM_REF_RULE_FORECAST:
        add(c, "IF(%s=\"%s\",%d,0)", F(TND_FORM_REF_FORECAST), TND_FORM_YES, TND_FAIL);
        break;
    case TND_FORM_REF_RULE_SUBCONTRACTOR:
        add(c, "IF(AND(%s<>\"\",%s<>\"%s\"),%d,0)", F(TND_FORM_REF_SUBCONTRACTOR),
            F(TND_FORM_REF_SUBCONTRACTOR_DEPLOYED), TND_FORM_YES, TND_FAIL);
        break;
    default: {
        /* reliance on a third party: UEA II C "ja", the third party named on Identiteit with a
         * signed Verklaring inzet Derden (the first one of that name decides) */
        const char *tp = F(TND_FORM_REF_THIRD_PARTY);
        add(c, "IF(%s=\"\",0,IF(%s<>\"%s\",%d,", tp, party_cell(c, TND_FORM_PARTY_UEA_IIC, 0),
            TND_FORM_YES, TND_FAIL);
        for (int t = 0; t < TND_FORM_MAX_THIRD; t++) {
            int p = 1 + TND_FORM_MAX_MEMBERS + t;
            add(c, "IF(%s=%s,IF(%s=\"%s\",0,%d),", party_cell(c, TND_FORM_PARTY_NAME, p), tp,
                party_cell(c, TND_FORM_PARTY_DECLARATION, p), TND_FORM_YES, TND_FAIL);
        }
        add(c, "%d", TND_FAIL);
        for (int t = 0; t < TND_FORM_MAX_THIRD; t++)
            add(c, ")");
        add(c, "))");
        break;
    }
    }
#undef F
}

static void references_calcs(calc *c)
{
    const tnd_reference_rules *rr = &c->f->def->references;
    const tnd_fillin_layout *L = LAY(c);
    lxw_format *calc_f = c->f->w.st.calc;
    c->on = FI_REFERENCES;
    static const char *const heads[TND_FORM_REF_RULES] = {
        "kerncompetenties", "periode", "referent", "ontbonden / geen cliënt", "prognose",
        "onderaannemer", "derde"
    };
    text(c, TND_FORM_HEADER_ROW, L->ref_col_counts, "telt mee", c->f->w.st.header);
    for (int k = 0; k < TND_FORM_REF_RULES; k++)
        text(c, TND_FORM_HEADER_ROW, L->ref_col_rule_sev + k, heads[k], c->f->w.st.header);
    text(c, TND_FORM_HEADER_ROW, L->ref_col_clean, "zonder bevinding", c->f->w.st.header);
    text(c, TND_FORM_HEADER_ROW, L->ref_col_verdict, "oordeel", c->f->w.st.header);
    int first_in = L->ref_col[TND_FORM_REF_REFERENT];
    int last_in = L->ref_col[TND_FORM_REF_THIRD_PARTY];
    for (int r = 0; r < L->n_ref_rows; r++) {
        int row = L->ref_row0 + r;
        const char *inputs = RNG(c, FI_REFERENCES, row, first_in, row, last_in);
        /* §5.4: the first `count` filled references count, later ones are ignored */
        if (r == 0)
            formula(c, row, L->ref_col_counts, calc_f, "=IF(COUNTA(%s)>0,IF(0<%d,1,0),0)",
                    inputs, rr->count);
        else
            formula(c, row, L->ref_col_counts, calc_f,
                    "=IF(COUNTA(%s)>0,IF(SUM(%s)<%d,1,0),0)", inputs,
                    RNG(c, FI_REFERENCES, L->ref_row0, L->ref_col_counts, row - 1,
                        L->ref_col_counts),
                    rr->count);
        const char *counts = R(c, FI_REFERENCES, row, L->ref_col_counts);
        for (int k = 0; k < TND_FORM_REF_RULES; k++) {
            begin(c);
            add(c, "=IF(%s=1,", counts);
            reference_rule_expr(c, k, row);
            add(c, ",0)");
            emit(c, row, L->ref_col_rule_sev + k, calc_f);
        }
        const char *sevs = RNG(c, FI_REFERENCES, row, L->ref_col_rule_sev, row,
                               L->ref_col_rule_sev + TND_FORM_REF_RULES - 1);
        formula(c, row, L->ref_col_clean, calc_f, "=IF(AND(%s=1,SUM(%s)=0),1,0)", counts, sevs);
        begin(c);
        add(c, "=IF(COUNTA(%s)=0,\"\",IF(%s=0,\"telt niet mee\",CHOOSE(MAX(%s,%s)+1", inputs,
            counts, sevs, R(c, FI_REFERENCES, row, L->ref_col_clean));
        for (int v = TND_NOT_APPLICABLE; v <= TND_FAIL; v++)
            add(c, ",\"%s\"", tnd_verdict_dutch((tnd_verdict)v));
        add(c, ")))");
        emit(c, row, L->ref_col_verdict, calc_f);
    }
    /* summary: the overall rule, then one row per rule of §5.4 */
    const char *all_counts = RNG(c, FI_REFERENCES, L->ref_row0, L->ref_col_counts,
                                 L->ref_row0 + L->n_ref_rows - 1, L->ref_col_counts);
    const char *all_clean = RNG(c, FI_REFERENCES, L->ref_row0, L->ref_col_clean,
                                L->ref_row0 + L->n_ref_rows - 1, L->ref_col_clean);
    int V = TND_FORM_FIN_COL_VALUE, S = TND_FORM_FIN_COL_SEV;
    for (int k = 0; k <= TND_FORM_REF_RULES; k++) {
        int row = L->ref_summary_row + k;
        const tnd_rule_ref *ref = k == 0 ? &rr->ref : ref_rule(rr, k - 1);
        text(c, row, TND_FORM_COL_KEY, ref->id, c->f->w.st.key);
        text(c, row, TND_FORM_COL_LABEL, ref->label, NULL);
        if (k == 0)
            formula(c, row, S, calc_f,
                    "=MAX(IF(AND(SUM(%s)>0,SUM(%s)<%d),%d,0),IF(SUM(%s)>0,%d,0))", all_counts,
                    all_counts, rr->count, TND_FAIL, all_clean, TND_PASS);
        else
            formula(c, row, S, calc_f, "=MAX(%s)",
                    RNG(c, FI_REFERENCES, L->ref_row0, L->ref_col_rule_sev + k - 1,
                        L->ref_row0 + L->n_ref_rows - 1, L->ref_col_rule_sev + k - 1));
        verdict_beside(c, row, V, S);
    }
    colour_by_sev(c, L->ref_summary_row, V, L->ref_summary_row + TND_FORM_REF_RULES, V, S);
}

/* ------------------------------------------------------------------ Tariefgroep */

static int fact_index(const tnd_fillin_layout *L, const tnd_requirement *q)
{
    for (int k = 0; k < L->n_facts; k++)
        if (strcmp(L->facts[k].name, q->fact) == 0 && L->facts[k].year == q->year)
            return k;
    return -1;
}

static void requirement_calcs(calc *c)
{
    const tnd_definition *def = c->f->def;
    const tnd_fillin_layout *L = LAY(c);
    lxw_format *calc_f = c->f->w.st.calc;
    /* the columns of a requirement row: perceel C, norm D, verdict E, severity F */
    int NORM = TND_FORM_FACT_COL_VALUE + 1, V = NORM + 1, S = NORM + 2;
    c->on = FI_REQUIREMENTS;
    /* derived: locaties-in-regio = locations inside the area; no locations: no fact */
    for (int k = 0; k < L->n_facts; k++)
        if (L->facts[k].kind == TND_FORM_FACT_DERIVED) {
            int first = TND_FORM_FIRST_ROW, last = first + TND_FORM_LOCATION_ROWS - 1;
            formula(c, L->facts[k].row, TND_FORM_FACT_COL_VALUE, calc_f,
                    "=IF(COUNTA(%s)=0,\"\",COUNTA(%s))",
                    RNG(c, FI_LOCATIONS, first, TND_FORM_LOC_COL_NAME, last,
                        TND_FORM_LOC_COL_RESIDENTIAL),
                    RNG(c, FI_LOCATIONS, first, TND_FORM_LOC_COL_MUNICIPALITY, last,
                        TND_FORM_LOC_COL_MUNICIPALITY));
        }
    for (size_t i = 0; i < def->n_requirements && i < TND_FORM_MAX_REQUIREMENTS; i++) {
        const tnd_requirement *q = &def->requirements[i];
        int row = L->req_row[i];
        char norm[TND_VALUE_LEN + 64] = "", limit[40];
        int k = fact_index(L, q);
        const char *cell = k >= 0 ? R(c, FI_REQUIREMENTS, L->facts[k].row, TND_FORM_FACT_COL_VALUE)
                                  : NULL;
        begin(c);
        switch (q->kind) {
        case TND_REQ_BIDS_PRODUCT:
            snprintf(norm, sizeof norm, "perceel %d: een van", q->product_lot);
            add(c, "=IF(OR(FALSE");
            for (int v = 0; v < q->n_values && v < TND_MAX_SET; v++) {
                const char *prod = product_cell(c, q->product_lot, q->values[v]);
                snprintf(norm + strlen(norm), sizeof norm - strlen(norm), " %s", q->values[v]);
                if (prod)
                    add(c, ",AND(%s,%s=\"%s\")", applied(c, q->product_lot), prod, TND_FORM_YES);
            }
            add(c, "),%d,%d)", TND_PASS, TND_FAIL);
            break;
        case TND_REQ_FLAG:
            snprintf(norm, sizeof norm, "%s", TND_FORM_YES);
            add(c, "=IF(%s=\"\",%d,IF(%s=\"%s\",%d,%d))", cell, TND_MISSING, cell, TND_FORM_YES,
                TND_PASS, TND_FAIL);
            break;
        case TND_REQ_NUMBER:
            tnd_dec_nl_compact(q->number, limit);
            snprintf(norm, sizeof norm, "%s %s", OP(q->op), limit);
            add(c, "=IF(%s=\"\",%d,IF(ROUND(%s*%lld,0)%s%lld,%d,%d))", cell, TND_MISSING, cell,
                (long long)TND_DEC_SCALE, OP(q->op), (long long)q->number.units, TND_PASS,
                TND_FAIL);
            break;
        case TND_REQ_MONEY:
            tnd_cents_nl(q->money, limit);
            snprintf(norm, sizeof norm, "%s %s", OP(q->op), limit);
            add(c, "=IF(%s=\"\",%d,IF(ROUND(%s*100,0)%s%lld,%d,%d))", cell, TND_MISSING, cell,
                OP(q->op), (long long)q->money, TND_PASS, TND_FAIL);
            break;
        case TND_REQ_ONE_OF: {
            int row_f = L->facts[k].row;
            const char *values = RNG(c, FI_REQUIREMENTS, row_f, TND_FORM_FACT_COL_VALUE, row_f,
                                     TND_FORM_FACT_COL_VALUE + TND_FORM_FACT_VALUES - 1);
            snprintf(norm, sizeof norm, "een van");
            add(c, "=IF(COUNTA(%s)=0,%d,IF(0", values, TND_MISSING);
            for (int v = 0; v < q->n_values && v < TND_MAX_SET; v++) {
                snprintf(norm + strlen(norm), sizeof norm - strlen(norm), " %s", q->values[v]);
                add(c, "+COUNTIF(%s,\"%s\")", values, q->values[v]);
            }
            add(c, ">0,%d,%d))", TND_PASS, TND_FAIL);
            break;
        }
        }
        emit(c, row, S, calc_f);
        text(c, row, NORM, norm, NULL);
        verdict_beside(c, row, V, S);
    }
    if (def->n_requirements > 0)
        colour_by_sev(c, L->req_row[0], V, L->req_row[def->n_requirements - 1], V, S);
}

/* ------------------------------------------------------------------ Groepen */

/* A Lijsten column's values as a range for a formula (no leading '='). */
static const char *LIST(calc *c, tnd_fillin_list column)
{
    int n = c->f->list_len[column] > 0 ? c->f->list_len[column] : 1;
    return RNG(c, FI_LISTS, 1, column, n, column);
}

/* The rank of the §9.6 maximum of provider type `type` (a cell or text), 99 when none. */
static const char *max_rank(calc *c, const char *type)
{
    return T(c, "IF(COUNTIF(%s,%s)=0,%d,SUMPRODUCT((%s=%s)*%s))", LIST(c, FI_LIST_MAX_TYPE), type,
             FI_NO_RANK, LIST(c, FI_LIST_MAX_TYPE), type, LIST(c, FI_LIST_MAX_RANK));
}

static const char *min_products(calc *c, const char *type)
{
    return T(c, "SUMPRODUCT((%s=%s)*%s)", LIST(c, FI_LIST_MAX_TYPE), type,
             LIST(c, FI_LIST_MAX_MIN));
}

/* Bands sorted by lower then upper limit: "the lower band" of a boundary is the left one. */
static void sorted_bands(const tnd_intensity_scale *scale, size_t *order, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < scale->n_bands && *n < 16; i++) {
        size_t k = (*n)++;
        order[k] = i;
        while (k > 0) {
            const tnd_intensity_band *a = &scale->bands[order[k - 1]], *b = &scale->bands[i];
            int cf = tnd_dec_cmp(a->from, b->from);
            if (cf < 0 || (cf == 0 && tnd_dec_cmp(a->to, b->to) <= 0))
                break;
            order[k] = order[k - 1];
            order[--k] = i;
        }
    }
}

typedef struct {
    bool residential;
    int header_row, row0, lot;
    const tnd_intensity_scale *scale;
    size_t order[16], n_bands;
    int col_floor, col_valid, col_num, col_den;
} group_table;

/* The band columns and the class of one row: 1/0 per band with the exact comparison num*q
 * against p*den, the class text and the severity of the claim (§9 L4148-4163, §8.5.3). */
/* The verdict of a residential claim the computation does not support, or above the provider
 * maximum (the definition's on-mismatch; FAIL when it names none). */
static tnd_verdict mismatch_of(const tnd_definition *def)
{
    return def->residential.on_mismatch > TND_PASS ? def->residential.on_mismatch : TND_FAIL;
}

static void classify_row(calc *c, const group_table *t, int row, const char *present,
                         const char *claimed)
{
    lxw_format *calc_f = c->f->w.st.calc;
    const char *num = R(c, FI_GROUPS, row, t->col_num), *den = R(c, FI_GROUPS, row, t->col_den);
    const char *valid = R(c, FI_GROUPS, row, t->col_valid);
    for (size_t b = 0; b < t->n_bands; b++) {
        const tnd_intensity_band *band = &t->scale->bands[t->order[b]];
        int64_t p1, q1, p2, q2;
        as_fraction(band->from, &p1, &q1);
        as_fraction(band->to, &p2, &q2);
        formula(c, row, TND_FORM_GROUP_COL_BANDS + (int)b, calc_f,
                "=IF(%s=1,IF(AND(%s*%lld%s%lld*%s,%s*%lld%s%lld*%s),1,0),0)", valid, num,
                (long long)q1, band->from_inclusive ? ">=" : ">", (long long)p1, den, num,
                (long long)q2, band->to_inclusive ? "<=" : "<", (long long)p2, den);
    }
    int last = TND_FORM_GROUP_COL_BANDS + (int)(t->n_bands ? t->n_bands - 1 : 0);
    const char *bands = RNG(c, FI_GROUPS, row, TND_FORM_GROUP_COL_BANDS, row, last);
    const char *hdr = RNG(c, FI_GROUPS, t->header_row, TND_FORM_GROUP_COL_BANDS, t->header_row,
                          last);
    formula(c, row, TND_FORM_GROUP_COL_VALUE, c->f->w.st.calc_number,
            "=IF(%s=1,%s/%s,\"\")", valid, num, den);
    formula(c, row, TND_FORM_GROUP_COL_CLASS, calc_f,
            "=IF(%s=0,\"\",IF(%s=0,\"niet te berekenen\",IF(SUM(%s)=0,\"buiten de banden\","
            "IF(SUM(%s)=1,INDEX(%s,1,MATCH(1,%s,0)),\"grensgeval \"&INDEX(%s,1,MATCH(1,%s,0))&"
            "\"/\"&INDEX(%s,1,MATCH(1,%s,0)+1)))))",
            present, valid, bands, bands, hdr, bands, hdr, bands, hdr, bands);
    /* in one band and claimed PASS, another `mismatch`; a boundary with a candidate claimed
     * REVIEW, else `mismatch`; outside every band `mismatch`; not computable REVIEW. `mismatch`
     * is the residential on-mismatch verdict (§4.1.8 verification meeting), FAIL for day groups,
     * as rules_suitability.c judge_claim */
    tnd_verdict mismatch = t->residential ? mismatch_of(c->f->def) : TND_FAIL;
    const char *claimed_band = T(c, "SUMPRODUCT((%s=%s)*%s)", hdr, claimed, bands);
    formula(c, row, TND_FORM_GROUP_COL_SEV, calc_f,
            "=IF(OR(%s=0,NOT(%s)),0,IF(%s=0,%d,IF(SUM(%s)=0,%d,IF(SUM(%s)=1,IF(%s>0,%d,%d),"
            "IF(%s>0,%d,%d)))))",
            present, applied(c, t->lot), valid, TND_REVIEW, bands, mismatch, bands, claimed_band,
            TND_PASS, mismatch, claimed_band, TND_REVIEW, mismatch);
}

/* Eis 94: a claimed product must be one the bid offers on the lot. */
static const char *not_offered(calc *c, int lot_number, const char *claimed)
{
    const tnd_definition *def = c->f->def;
    const tnd_lot *lot = tnd_definition_lot(def, lot_number);
    for (size_t l = 0; lot && l < def->n_lots; l++) {
        if (def->lots[l].number != lot_number || lot->n_products == 0)
            continue;
        int row = LAY(c)->lot_row[l];
        return T(c, "AND(%s<>\"\",SUMPRODUCT((%s=%s)*(%s=\"%s\"))=0)", claimed,
                 RNG(c, FI_LOTS, row + 1, TND_FORM_LOT_COL_CODE, row + (int)lot->n_products,
                     TND_FORM_LOT_COL_CODE),
                 claimed,
                 RNG(c, FI_LOTS, row + 1, TND_FORM_LOT_COL_APPLY, row + (int)lot->n_products,
                     TND_FORM_LOT_COL_APPLY),
                 TND_FORM_YES);
    }
    return T(c, "(%s<>\"\")", claimed);
}

static void group_table_calcs(calc *c, group_table *t)
{
    const tnd_definition *def = c->f->def;
    const tnd_residential_rules *res = &def->residential;
    lxw_format *calc_f = c->f->w.st.calc;
    static const char *const heads[] = { "bezetting gebruikt", "intensiteit", "klasse",
                                         "oordeel", "ernst klasse", "ernst maximum / eis 94",
                                         "ingevuld" };
    for (int i = 0; i < 7; i++)
        if (t->residential || i != 0)
            text(c, t->header_row, TND_FORM_GROUP_COL_USED + i, heads[i], c->f->w.st.header);
    for (size_t b = 0; b < t->n_bands; b++)
        text(c, t->header_row, TND_FORM_GROUP_COL_BANDS + (int)b,
             t->scale->bands[t->order[b]].code, c->f->w.st.header);
    text(c, t->header_row, t->col_floor, t->residential ? "ondergrens" : "", c->f->w.st.header);
    text(c, t->header_row, t->col_valid, "te berekenen", c->f->w.st.header);
    text(c, t->header_row, t->col_num, "teller", c->f->w.st.header);
    text(c, t->header_row, t->col_den, "noemer", c->f->w.st.header);
    for (int i = 0; i < TND_FORM_GROUP_ROWS; i++) {
        int row = t->row0 + i;
        int first_in = TND_FORM_RES_COL_NAME;
        int last_in = t->residential ? TND_FORM_RES_COL_CLAIMED : TND_FORM_DAY_COL_CLAIMED;
        formula(c, row, TND_FORM_GROUP_COL_PRESENT, calc_f, "=IF(COUNTA(%s)>0,1,0)",
                RNG(c, FI_GROUPS, row, first_in, row, last_in));
        const char *present = R(c, FI_GROUPS, row, TND_FORM_GROUP_COL_PRESENT);
        const char *valid = R(c, FI_GROUPS, row, t->col_valid);
        if (t->residential) {
            /* the floor of the group kind in millionths: -1 no floor (crisis: the actual
             * occupancy), -2 a kind the definition does not know (REVIEW, check.c) */
            const char *kind = R(c, FI_GROUPS, row, TND_FORM_RES_COL_KIND);
            begin(c);
            add(c, "=");
            int regular = -2;
            for (int k = 0; k < res->n_occupancy && k < 4; k++) {
                const tnd_occupancy_rule *o = &res->occupancy[k];
                long long v = o->has_floor ? (long long)o->floor.units : -1;
                if (strcmp(o->kind, "regular") == 0)
                    regular = (int)v;
                add(c, "IF(%s=\"%s\",%lld,", kind, o->kind, v);
            }
            add(c, "IF(%s=\"\",%d,-2)", kind, regular);
            for (int k = 0; k < res->n_occupancy && k < 4; k++)
                add(c, ")");
            emit(c, row, t->col_floor, calc_f);
            const char *floor = R(c, FI_GROUPS, row, t->col_floor);
            const char *youths = R(c, FI_GROUPS, row, TND_FORM_RES_COL_YOUTHS);
            const char *occ = R(c, FI_GROUPS, row, TND_FORM_RES_COL_OCCUPANCY);
            const char *hours = R(c, FI_GROUPS, row, TND_FORM_RES_COL_HOURS);
            const char *used = R(c, FI_GROUPS, row, TND_FORM_GROUP_COL_USED);
            formula(c, row, TND_FORM_GROUP_COL_USED, c->f->w.st.calc_percent,
                    "=IF(OR(%s=0,%s=-2),\"\",IF(%s=-1,%s,MAX(%s/%lld,%s)))", present, floor, floor,
                    occ, floor, (long long)TND_DEC_SCALE, occ);
            formula(c, row, t->col_valid, calc_f,
                    "=IF(AND(%s=1,%s<>-2,%s>=1,%s>0,%s<=1,%s>=0),1,0)", present, floor, youths,
                    occ, occ, hours);
            formula(c, row, t->col_num, calc_f, "=IF(%s=1,ROUND(%s*%lld,0),0)", valid, hours,
                    (long long)TND_DEC_SCALE);
            formula(c, row, t->col_den, calc_f, "=IF(%s=1,7*%s*ROUND(%s*%lld,0),0)", valid,
                    youths, used, (long long)TND_DEC_SCALE);
            classify_row(c, t, row, present, R(c, FI_GROUPS, row, TND_FORM_RES_COL_CLAIMED));
            /* §9.6 maximum of the group's provider type (the bid's when blank), eis 94 */
            const char *claimed = R(c, FI_GROUPS, row, TND_FORM_RES_COL_CLAIMED);
            const char *ptype = R(c, FI_GROUPS, row, TND_FORM_RES_COL_PROVIDER);
            const char *type = T(c, "IF(%s=\"\",%s,%s)", ptype,
                                 bid_cell(c, TND_FORM_BID_PROVIDER_TYPE), ptype);
            const char *claimed_rank = T(c, "IF(COUNTIF(%s,%s)=0,-1,SUMPRODUCT((%s=%s)*%s))",
                                         LIST(c, FI_LIST_RANK_CODE), claimed,
                                         LIST(c, FI_LIST_RANK_CODE), claimed,
                                         LIST(c, FI_LIST_RANK));
            begin(c);
            add(c, "=IF(OR(%s=0,NOT(%s)),0,MAX(IF(AND(%s>=0,%s>", present, applied(c, t->lot),
                claimed_rank, claimed_rank);
            add(c, "%s),%d,0),", max_rank(c, type), mismatch_of(c->f->def));
            add(c, "IF(%s,%d,0)))", not_offered(c, t->lot, claimed), TND_FAIL);
            emit(c, row, TND_FORM_GROUP_COL_SEV_MAX, calc_f);
        } else {
            const char *youths = R(c, FI_GROUPS, row, TND_FORM_DAY_COL_YOUTHS);
            const char *opening = R(c, FI_GROUPS, row, TND_FORM_DAY_COL_OPENING);
            const char *hours = R(c, FI_GROUPS, row, TND_FORM_DAY_COL_HOURS);
            const char *claimed = R(c, FI_GROUPS, row, TND_FORM_DAY_COL_CLAIMED);
            formula(c, row, t->col_valid, calc_f, "=IF(AND(%s=1,%s>=1,%s>0,%s>=0),1,0)", present,
                    youths, opening, hours);
            formula(c, row, t->col_num, calc_f, "=IF(%s=1,ROUND(%s*%lld,0),0)", valid, hours,
                    (long long)TND_DEC_SCALE);
            formula(c, row, t->col_den, calc_f, "=IF(%s=1,%s*ROUND(%s*%lld,0),0)", valid, youths,
                    opening, (long long)TND_DEC_SCALE);
            classify_row(c, t, row, present, claimed);
            formula(c, row, TND_FORM_GROUP_COL_SEV_MAX, calc_f,
                    "=IF(OR(%s=0,NOT(%s)),0,IF(%s,%d,0))", present, applied(c, t->lot),
                    not_offered(c, t->lot, claimed), TND_FAIL);
        }
        begin(c);
        add(c, "=IF(%s=0,\"\",CHOOSE(MAX(%s,%s)+1", present,
            R(c, FI_GROUPS, row, TND_FORM_GROUP_COL_SEV),
            R(c, FI_GROUPS, row, TND_FORM_GROUP_COL_SEV_MAX));
        for (int v = TND_NOT_APPLICABLE; v <= TND_FAIL; v++)
            add(c, ",\"%s\"", tnd_verdict_dutch((tnd_verdict)v));
        add(c, "))");
        emit(c, row, TND_FORM_GROUP_COL_VERDICT, calc_f);
    }
}

static void group_calcs(calc *c)
{
    const tnd_definition *def = c->f->def;
    const tnd_residential_rules *res = &def->residential;
    const tnd_fillin_layout *L = LAY(c);
    lxw_format *calc_f = c->f->w.st.calc;
    c->on = FI_GROUPS;
    group_table res_t = { .residential = true, .header_row = L->res_header_row,
                          .row0 = L->res_row0, .lot = res->lot, .scale = &res->scale };
    group_table day_t = { .residential = false, .header_row = L->day_header_row,
                          .row0 = L->day_row0, .lot = def->group.lot, .scale = &def->group.scale };
    sorted_bands(res_t.scale, res_t.order, &res_t.n_bands);
    sorted_bands(day_t.scale, day_t.order, &day_t.n_bands);
    size_t widest = res_t.n_bands > day_t.n_bands ? res_t.n_bands : day_t.n_bands;
    int helpers = TND_FORM_GROUP_COL_BANDS + (int)widest;
    for (group_table *t = &res_t; t; t = t == &res_t ? &day_t : NULL) {
        t->col_floor = helpers;
        t->col_valid = helpers + 1;
        t->col_num = helpers + 2;
        t->col_den = helpers + 3;
        group_table_calcs(c, t);
    }
    /* colour the verdict column by the worst of the two severities */
    for (int k = 0; k < 2; k++) {
        int first = k == 0 ? L->res_row0 : L->day_row0;
        int last = first + TND_FORM_GROUP_ROWS - 1;
        char sev[8], sev_max[8], rule[160];
        lxw_col_to_name(sev, TND_FORM_GROUP_COL_SEV, 0);
        lxw_col_to_name(sev_max, TND_FORM_GROUP_COL_SEV_MAX, 0);
        static const struct {
            int lo, hi;
        } ranges[] = { { TND_PASS, TND_PASS }, { TND_CONDITIONAL, TND_PLAN_REQUIRED },
                       { TND_MISSING, TND_FAIL } };
        lxw_format *fmts[] = { c->f->w.st.green, c->f->w.st.orange, c->f->w.st.red };
        for (int r = 0; r < 3; r++) {
            snprintf(rule, sizeof rule,
                     "=AND(ISNUMBER($%s%d),MAX($%s%d,$%s%d)>=%d,MAX($%s%d,$%s%d)<=%d)", sev,
                     first + 1, sev, first + 1, sev_max, first + 1, ranges[r].lo, sev, first + 1,
                     sev_max, first + 1, ranges[r].hi);
            lxw_conditional_format cf;
            memset(&cf, 0, sizeof cf);
            cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
            cf.value_string = rule;
            cf.format = fmts[r];
            if (c->f->w.error == LXW_NO_ERROR)
                tnd_form_note(&c->f->w, worksheet_conditional_format_range(
                                            c->f->ws[FI_GROUPS], (lxw_row_t)first,
                                            TND_FORM_GROUP_COL_VERDICT, (lxw_row_t)last,
                                            TND_FORM_GROUP_COL_VERDICT, &cf));
        }
    }

    /* summary: residential classification, maximum / eis 94, day groups */
    int V = TND_FORM_FIN_COL_VALUE, S = TND_FORM_FIN_COL_SEV, row = L->group_summary_row;
    const tnd_lot *res_lot = tnd_definition_lot(def, res->lot);
    text(c, row, TND_FORM_COL_KEY, res->ref.id, c->f->w.st.key);
    text(c, row, TND_FORM_COL_LABEL, res->ref.label, NULL);
    formula(c, row, S, calc_f, "=MAX(%s)",
            RNG(c, FI_GROUPS, L->res_row0, TND_FORM_GROUP_COL_SEV,
                L->res_row0 + TND_FORM_GROUP_ROWS - 1, TND_FORM_GROUP_COL_SEV));
    verdict_beside(c, row, V, S);
    row++;
    text(c, row, TND_FORM_COL_KEY, res->max_rule.id, c->f->w.st.key);
    text(c, row, TND_FORM_COL_LABEL, res->max_rule.label, NULL);
    const char *bid_type = bid_cell(c, TND_FORM_BID_PROVIDER_TYPE);
    begin(c);
    /* §9.6: the products offered on the residential lot within the bid type's maximum; a type
     * with a minimum number of intensities (fasehuis) offers at least that many */
    add(c, "=IF(NOT(%s),0,MAX(%s", applied(c, res->lot),
        RNG(c, FI_GROUPS, L->res_row0, TND_FORM_GROUP_COL_SEV_MAX,
            L->res_row0 + TND_FORM_GROUP_ROWS - 1, TND_FORM_GROUP_COL_SEV_MAX));
    char offered[2048] = "0";
    add(c, ",IF(OR(FALSE");
    for (size_t p = 0; res_lot && p < res_lot->n_products; p++) {
        const tnd_product *prod = &res_lot->products[p];
        if (strcmp(prod->group, res->product_group) != 0)
            continue;
        const char *cell = product_cell(c, res->lot, prod->code);
        add(c, ",AND(%s=\"%s\",%d>%s)", cell, TND_FORM_YES, prod->rank, max_rank(c, bid_type));
        snprintf(offered + strlen(offered), sizeof offered - strlen(offered), "+(%s=\"%s\")",
                 cell, TND_FORM_YES);
    }
    add(c, "),%d,0)", mismatch_of(def));
    add(c, ",IF(AND(%s>0,%s<%s),%d,0)", min_products(c, bid_type), offered,
        min_products(c, bid_type), TND_FAIL);
    for (int i = 0; i < TND_FORM_GROUP_ROWS; i++) {
        int r = L->res_row0 + i;
        const char *ptype = R(c, FI_GROUPS, r, TND_FORM_RES_COL_PROVIDER);
        add(c, ",IF(AND(%s=1,%s<>\"\",%s>0,%s<%s),%d,0)",
            R(c, FI_GROUPS, r, TND_FORM_GROUP_COL_PRESENT), ptype, min_products(c, ptype),
            offered, min_products(c, ptype), TND_FAIL);
    }
    add(c, "))");
    emit(c, row, S, calc_f);
    verdict_beside(c, row, V, S);
    row++;
    text(c, row, TND_FORM_COL_KEY, def->group.ref.id, c->f->w.st.key);
    text(c, row, TND_FORM_COL_LABEL, def->group.ref.label, NULL);
    formula(c, row, S, calc_f, "=MAX(%s)",
            RNG(c, FI_GROUPS, L->day_row0, TND_FORM_GROUP_COL_SEV,
                L->day_row0 + TND_FORM_GROUP_ROWS - 1, TND_FORM_GROUP_COL_SEV_MAX));
    verdict_beside(c, row, V, S);
    colour_by_sev(c, L->group_summary_row, V, row, V, S);
}

/* ------------------------------------------------------------------ Controle */

typedef struct {
    calc *c;
    int row;                      /* next row */
    int general_first, general_last;
} check_sheet;

/* One row of 'Controle': rule id, label, source, perceel (0 = the whole bid), the severity
 * formula built since begin() (written to F) and its verdict text (E). */
static void check_row(check_sheet *k, const tnd_rule_ref *ref, int lot, const char *sheet)
{
    calc *c = k->c;
    int row = k->row++;
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

/* MAX over the party columns (the inschrijver and members; with_third: also third parties) of
 * a calculation row of Identiteit. */
static void party_max(calc *c, int calc_row, bool with_third)
{
    int last = with_third ? TND_FORM_N_PARTIES - 1 : TND_FORM_MAX_MEMBERS;
    add(c, "=MAX(%s)", RNG(c, FI_IDENTITY, calc_row, tnd_form_party_col(0), calc_row,
                           tnd_form_party_col(last)));
}

/* §6 step 1: is the required item present? The item names of check.c. */
static bool item_present(calc *c, const char *item)
{
    const tnd_fillin_layout *L = LAY(c);
    const tnd_financial_rules *fin = &c->f->def->financial;
    char cells[4096];
    if (strcmp(item, "submission-time") == 0) {
        add(c, "%s<>\"\"", bid_cell(c, TND_FORM_BID_SUBMIT_DATE));
    } else if (strcmp(item, "uea") == 0) {
        add(c, "AND(TRUE");
        for (int p = 0; p < TND_FORM_N_PARTIES; p++)
            add(c, ",OR(%s=0,%s=1)", party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p),
                party_calc(c, TND_FORM_PARTY_CALC_UEA_COMPLETE, p));
        add(c, ")");
    } else if (strcmp(item, "financial-figures") == 0) {
        int n = asked_cells(c, 0, cells, sizeof cells);
        add(c, "OR(%s=\"%s\",COUNT(%s)=%d)",
            R(c, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_STARTUP], TND_FORM_FIN_COL_VALUE),
            TND_FORM_YES, cells, n);
    } else if (strcmp(item, "going-concern-statement") == 0) {
        int n = asked_cells(c, fin->going_concern_year, cells, sizeof cells);
        add(c, "OR(%s<>\"\",AND(%s=\"%s\",%s%s%s<%d))",
            R(c, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_GOING_CONCERN], TND_FORM_FIN_COL_VALUE),
            R(c, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_STARTUP], TND_FORM_FIN_COL_VALUE),
            TND_FORM_YES, n ? "COUNT(" : "0", n ? cells : "", n ? ")" : "", n);
    } else if (strcmp(item, "insurance") == 0) {
        add(c, "OR(%s<>\"\",%s<>\"\")", R(c, FI_INSURANCE, L->ins_row0, TND_FORM_INS_COL_COVER),
            party_cell(c, TND_FORM_PARTY_UEA_IV, 0));
    } else if (strcmp(item, "quality-evidence") == 0) {
        add(c, "COUNTA(%s)>0",
            RNG(c, FI_INSURANCE, L->cert_row0, TND_FORM_CERT_COL_SCHEME,
                L->cert_row0 + TND_FORM_CERT_ROWS - 1, TND_FORM_CERT_COL_EVIDENCE));
    } else if (strcmp(item, "kvk-extract") == 0) {
        add(c, "AND(TRUE");
        for (int p = 0; p <= TND_FORM_MAX_MEMBERS; p++)
            add(c, ",OR(%s=0,%s<>\"\")", party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p),
                party_cell(c, TND_FORM_PARTY_DOC_KVK, p));
        add(c, ")");
    } else if (strcmp(item, "references") == 0) {
        add(c, "COUNTA(%s)>0",
            RNG(c, FI_REFERENCES, L->ref_row0, L->ref_col[TND_FORM_REF_REFERENT],
                L->ref_row0 + L->n_ref_rows - 1, L->ref_col[TND_FORM_REF_THIRD_PARTY]));
    } else if (strcmp(item, "agb") == 0) {
        add(c, "COUNTA(%s)>0",
            RNG(c, FI_IDENTITY, L->bid_row[TND_FORM_BID_AGB], TND_FORM_ID_COL_BIDDER,
                L->bid_row[TND_FORM_BID_AGB + TND_FORM_MAX_AGB - 1], TND_FORM_ID_COL_BIDDER));
    } else if (strcmp(item, "truthfulness-declaration") == 0) {
        add(c, "%s<>\"\"", bid_cell(c, TND_FORM_BID_TRUTHFULNESS));
    } else if (strcmp(item, "signature") == 0) {
        add(c, "%s<>\"\"", bid_cell(c, TND_FORM_BID_SIGNATORY));
    } else if (strcmp(item, "fte-per-tariff-group") == 0) {
        /* check.c item_fte: at least one tariff group with its fte */
        if (L->n_fte > 0)
            add(c, "COUNT(%s)>0", RNG(c, FI_FTE, TND_FORM_FIRST_ROW, TND_FORM_FTE_COL_VALUE,
                                      TND_FORM_FIRST_ROW + L->n_fte - 1, TND_FORM_FTE_COL_VALUE));
        else
            add(c, "FALSE");
    } else if (strcmp(item, "lots") == 0) {
        add(c, "OR(FALSE");
        for (size_t l = 0; l < c->f->def->n_lots && l < TND_FORM_MAX_LOTS; l++)
            add(c, ",%s", applied(c, c->f->def->lots[l].number));
        add(c, ")");
    } else {
        return false;
    }
    return true;
}

/* ",<verdict>" of the combination's cover (§5.3.2 L1411; rules_suitability.c
 * insurance_of_combination), appended to the MAX of the party rows: one policy at the amount
 * PASS; only the policies together REVIEW; below even together FAIL, or the declared-only verdict
 * when a member's policy is still to be verified. Not a combination: NOT APPLICABLE. */
static void combination_cover(calc *c)
{
    const tnd_definition *def = c->f->def;
    const tnd_fillin_layout *L = LAY(c);
    long long min = (long long)def->insurance.min_per_event;
    char counted[TND_FORM_MAX_MEMBERS + 1][400];
    for (int p = 0; p <= TND_FORM_MAX_MEMBERS && p < TND_FORM_N_PARTIES; p++) {
        int row = L->ins_row0 + p;
        const char *cover = R(c, FI_INSURANCE, row, TND_FORM_INS_COL_COVER);
        const char *concern = R(c, FI_INSURANCE, row, TND_FORM_INS_COL_CONCERN);
        const char *named = R(c, FI_INSURANCE, row, TND_FORM_INS_COL_NAMED);
        const char *present = party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p);
        snprintf(counted[p], sizeof counted[p],
                 "IF(AND(%s=1,%s<>\"\",NOT(AND(%s=\"%s\",%s<>\"%s\"))),ROUND(N(%s)*100,0),0)",
                 present, cover, concern, TND_FORM_YES, named, TND_FORM_YES, cover);
    }
    add(c, ",IF(%s<>\"%s\",%d,IF(MAX(0", bid_cell(c, TND_FORM_BID_COMBINATION), TND_FORM_YES,
        TND_NOT_APPLICABLE);
    for (int p = 0; p <= TND_FORM_MAX_MEMBERS && p < TND_FORM_N_PARTIES; p++)
        add(c, ",%s", counted[p]);
    add(c, ")>=%lld,%d,IF(0", min, TND_PASS);
    for (int p = 0; p <= TND_FORM_MAX_MEMBERS && p < TND_FORM_N_PARTIES; p++)
        add(c, "+%s", counted[p]);
    add(c, ">=%lld,%d,IF(OR(FALSE", min, TND_REVIEW);
    for (int p = 0; p <= TND_FORM_MAX_MEMBERS && p < TND_FORM_N_PARTIES; p++) {
        int row = L->ins_row0 + p;
        add(c, ",AND(%s=1,%s=\"\",%s=\"%s\")", party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p),
            R(c, FI_INSURANCE, row, TND_FORM_INS_COL_COVER),
            party_cell(c, TND_FORM_PARTY_UEA_IV, p), TND_FORM_YES);
    }
    add(c, "),%d,%d))))", def->insurance.declared_only, TND_FAIL);
}

static void general_rows(check_sheet *k)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    const tnd_fillin_layout *L = LAY(c);
    const char *sub = bid_cell(c, TND_FORM_BID_SUBMIT_DATE);
    const char *time = bid_cell(c, TND_FORM_BID_SUBMIT_TIME);

    /* §3.6: on or before the closing time, compared in whole seconds; mirrors
     * check.c:check_closing_time, with its REVIEW window up to the later hour the document also
     * names (review-until) */
    const tnd_datetime *ct = &def->closing_time, *until = &def->closing_review_until;
    bool window = def->has_closing_review && tnd_datetime_cmp(*until, *ct) > 0;
    const char *at = T(c, "ROUND(IF(%s=\"\",%s,INT(%s)+%s)*86400,0)", time, sub, sub, time);
    begin(c);
    add(c, "=IF(%s=\"\",%d,IF(%s<=%s*86400+%d,%d,", sub, TND_MISSING, at, DATEF(c, ct->date),
        ct->hour * 3600 + ct->minute * 60 + ct->second, TND_PASS);
    if (window)
        add(c, "IF(%s<=%s*86400+%d,%d,%d)))", at, DATEF(c, until->date),
            until->hour * 3600 + until->minute * 60 + until->second, TND_REVIEW, TND_FAIL);
    else
        add(c, "%d))", TND_FAIL);
    check_row(k, &def->closing, 0, TND_FORM_SHEET_IDENTITY);

    for (size_t i = 0; i < def->n_required; i++) {
        const tnd_required_item *item = &def->required[i];
        begin(c);
        add(c, "=IF(OR(%s", item->n_lots ? "FALSE" : "TRUE");
        for (int l = 0; l < item->n_lots && l < TND_MAX_SET; l++)
            add(c, ",%s", applied(c, item->lots[l]));
        add(c, "),IF(");
        if (item_present(c, item->item))
            add(c, ",%d,%d),%d)", TND_PASS, TND_MISSING, TND_NOT_APPLICABLE);
        else
            add(c, "TRUE,%d,%d),%d)", TND_REVIEW, TND_REVIEW, TND_NOT_APPLICABLE);
        check_row(k, &item->ref, 0, NULL);
    }

    begin(c);
    party_max(c, L->party_calc_row[TND_FORM_PARTY_CALC_UEA_SEV], true);
    check_row(k, &def->exclusion.ref, 0, TND_FORM_SHEET_IDENTITY);
    for (int d = 0; d < L->n_doc_calcs; d++) {
        begin(c);
        party_max(c, L->party_calc_row[TND_FORM_PARTY_CALC_DOC_SEV + d], false);
        check_row(k, &def->documents[L->doc_calc_rule[d]].ref, 0, TND_FORM_SHEET_IDENTITY);
    }

    const tnd_financial_rules *fin = &def->financial;
    for (int n = 0; n < fin->n_norms && n < TND_FORM_MAX_NORMS; n++) {
        begin(c);
        add(c, "=%s", R(c, FI_FINANCIAL, L->norm_verdict_row[n], TND_FORM_FIN_COL_SEV));
        check_row(k, &fin->norms[n].ref, 0, TND_FORM_SHEET_FINANCIAL);
    }
    begin(c);
    add(c, "=%s", R(c, FI_FINANCIAL, L->fin_going_concern_row, TND_FORM_FIN_COL_SEV));
    check_row(k, &fin->going_concern, 0, TND_FORM_SHEET_FINANCIAL);
    begin(c);
    add(c, "=%s", R(c, FI_FINANCIAL, L->fin_startup_row, TND_FORM_FIN_COL_SEV));
    check_row(k, &fin->startup, 0, TND_FORM_SHEET_FINANCIAL);
    begin(c);
    add(c, "=%s", R(c, FI_FINANCIAL, L->fin_plan_row, TND_FORM_FIN_COL_SEV));
    check_row(k, &fin->plan, 0, TND_FORM_SHEET_FINANCIAL);
    if (fin->reliance.id[0]) {
        /* §4.1.12 L740-744 (rules_financial.c judge_reliance): a third party relied on for
         * "financial" with a signed declaration; own figures short => REVIEW. The form has no
         * holding guarantee cell (a bid with one does not fit the form). */
        begin(c);
        add(c, "=IF(OR(FALSE");
        for (int p = 1 + TND_FORM_MAX_MEMBERS; p < TND_FORM_N_PARTIES; p++)
            add(c, ",AND(%s=1,%s=\"financial\",%s=\"%s\")",
                party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p),
                party_cell(c, TND_FORM_PARTY_RELIED_FOR, p),
                party_cell(c, TND_FORM_PARTY_DECLARATION, p), TND_FORM_YES);
        add(c, "),IF(%s>%d,%d,%d),%d)",
            R(c, FI_FINANCIAL, L->fin_outcome_row, TND_FORM_FIN_COL_SEV), TND_CONDITIONAL,
            TND_REVIEW, TND_PASS, TND_NOT_APPLICABLE);
        check_row(k, &fin->reliance, 0, TND_FORM_SHEET_FINANCIAL);
    }

    begin(c);
    add(c, "=MAX(%s", RNG(c, FI_INSURANCE, L->ins_row0, TND_FORM_INS_COL_SEV,
                          L->ins_row0 + TND_FORM_N_PARTIES - 1, TND_FORM_INS_COL_SEV));
    if (def->insurance.combination_total)
        combination_cover(c);
    add(c, ")");
    check_row(k, &def->insurance.ref, 0, TND_FORM_SHEET_INSURANCE);

    const tnd_reference_rules *rr = &def->references;
    for (int r = 0; r <= TND_FORM_REF_RULES; r++) {
        begin(c);
        add(c, "=%s", R(c, FI_REFERENCES, L->ref_summary_row + r, TND_FORM_FIN_COL_SEV));
        check_row(k, r == 0 ? &rr->ref : ref_rule(rr, r - 1), 0, TND_FORM_SHEET_REFERENCES);
    }

    /* §5.5.1.3: exactly `count` AGB codes; none is step 1's */
    const char *agb = RNG(c, FI_IDENTITY, L->bid_row[TND_FORM_BID_AGB], TND_FORM_ID_COL_BIDDER,
                          L->bid_row[TND_FORM_BID_AGB + TND_FORM_MAX_AGB - 1],
                          TND_FORM_ID_COL_BIDDER);
    begin(c);
    add(c, "=IF(COUNTA(%s)=0,%d,IF(COUNTA(%s)=%d,%d,%d))", agb, TND_NOT_APPLICABLE, agb,
        def->agb.count, TND_PASS, TND_FAIL);
    check_row(k, &def->agb.ref, 0, TND_FORM_SHEET_IDENTITY);

    /* §4.1.3, §4.1.5, §4.1.10, §5.8 */
    const char *comb = bid_cell(c, TND_FORM_BID_COMBINATION);
    for (size_t i = 0; i < def->n_declarations; i++) {
        const tnd_declaration_rule *d = &def->declarations[i];
        int viol = d->on_violation > TND_PASS ? (int)d->on_violation : TND_FAIL;
        begin(c);
        if (strcmp(d->kind, "truthfulness") == 0) {
            const char *cell = bid_cell(c, TND_FORM_BID_TRUTHFULNESS);
            add(c, "=IF(%s=\"\",%d,IF(%s=\"%s\",%d,%d))", cell, TND_NOT_APPLICABLE, cell,
                TND_FORM_YES, TND_PASS, viol);
        } else if (strcmp(d->kind, "signatory") == 0) {
            const char *cell = bid_cell(c, TND_FORM_BID_SIGNATORY);
            add(c, "=IF(%s=\"\",%d,IF(%s=\"%s\",%d,IF(AND(%s=\"%s\",%s=\"%s\"),%d,%d)))", cell,
                TND_NOT_APPLICABLE, cell, TND_FORM_YES, TND_PASS,
                bid_cell(c, TND_FORM_BID_MANDATE), TND_FORM_YES,
                bid_cell(c, TND_FORM_BID_MANDATE_GRANTOR), TND_FORM_YES, TND_PASS, viol);
        } else if (strcmp(d->kind, "joint-liability") == 0) {
            add(c, "=IF(%s<>\"%s\",%d,IF(OR(FALSE", comb, TND_FORM_YES, TND_NOT_APPLICABLE);
            for (int p = 0; p <= TND_FORM_MAX_MEMBERS; p++)
                add(c, ",AND(%s=1,%s<>\"%s\")", party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p),
                    party_cell(c, TND_FORM_PARTY_JOINT_LIABILITY, p), TND_FORM_YES);
            add(c, "),%d,%d))", viol, TND_PASS);
        } else if (strcmp(d->kind, "penvoerder") == 0) {
            add(c, "=IF(%s<>\"%s\",%d,IF(%s<>\"\",%d,%d))", comb, TND_FORM_YES,
                TND_NOT_APPLICABLE, party_cell(c, TND_FORM_PARTY_NAME, 0), TND_PASS, viol);
        } else if (strcmp(d->kind, "third-party-declaration") == 0) {
            add(c, "=MAX(0");
            for (int t = 0; t < TND_FORM_MAX_THIRD; t++) {
                int p = 1 + TND_FORM_MAX_MEMBERS + t;
                add(c, ",IF(%s=0,%d,IF(OR(%s<>\"%s\",%s<>\"%s\"),%d,%d))",
                    party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p), TND_NOT_APPLICABLE,
                    party_cell(c, TND_FORM_PARTY_DECLARATION, p), TND_FORM_YES,
                    party_cell(c, TND_FORM_PARTY_UEA_IIC, 0), TND_FORM_YES, viol, TND_PASS);
            }
            add(c, ")");
        } else if (strcmp(d->kind, "holding-declaration") == 0) {
            add(c, "=IF(%s<>\"%s\",%d,IF(%s=\"%s\",%d,%d))", bid_cell(c, TND_FORM_BID_HOLDING),
                TND_FORM_YES, TND_NOT_APPLICABLE, bid_cell(c, TND_FORM_BID_HOLDING_DECLARATION),
                TND_FORM_YES, TND_PASS, viol);
        } else if (strcmp(d->kind, "no-reservations") == 0) {
            add(c, "=IF(%s=\"%s\",%d,%d)", bid_cell(c, TND_FORM_BID_RESERVATIONS), TND_FORM_YES,
                viol, TND_PASS);
        } else if (strcmp(d->kind, "language") == 0) {
            add(c, "=IF(%s=\"%s\",%d,%d)", bid_cell(c, TND_FORM_BID_LANGUAGE),
                TND_FORM_LANGUAGE_OTHER, viol, TND_PASS);
        } else {
            add(c, "=%d", TND_REVIEW); /* unknown declaration: a reviewer (check.c) */
        }
        check_row(k, &d->ref, 0, TND_FORM_SHEET_IDENTITY);
    }
}

/* The rows of one lot: quality and keurmerk, requirements (cumulative), intensity, the lot
 * combination rules. Every row is N.V.T. when the bid does not apply for the lot. */
static void lot_rows(check_sheet *k, const tnd_lot *lot)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    const tnd_fillin_layout *L = LAY(c);
    int n = lot->number;
    const char *app = applied(c, n);
    for (size_t q = 0; q < def->n_quality && q < TND_FORM_MAX_QUALITY; q++) {
        const tnd_quality_rule *rule = &def->quality[q];
        bool covers = false;
        for (int i = 0; i < rule->n_lots && i < TND_MAX_SET; i++)
            covers = covers || rule->lots[i] == n;
        if (!covers)
            continue;
        begin(c);
        add(c, "=IF(%s,%s,%d)", app, R(c, FI_INSURANCE, L->quality_row[q], TND_FORM_INS_COL_SEV),
            TND_NOT_APPLICABLE);
        check_row(k, &rule->ref, n, TND_FORM_SHEET_INSURANCE);
        break; /* the first rule that names the lot applies (rules_suitability.c) */
    }
    for (size_t i = 0; i < def->n_keurmerken && i < TND_FORM_MAX_QUALITY; i++) {
        const tnd_keurmerk_rule *rule = &def->keurmerken[i];
        if (rule->lot != n)
            continue;
        begin(c);
        add(c, "=IF(AND(%s,%s),%s,%d)", app, provider_is(c, rule->provider_type),
            R(c, FI_INSURANCE, L->keurmerk_rule_row[i], TND_FORM_INS_COL_SEV),
            TND_NOT_APPLICABLE);
        check_row(k, &rule->ref, n, TND_FORM_SHEET_INSURANCE);
    }
    /* §5.6 cumulative: the lot's own requirements, then those of the lot it includes */
    int current = n;
    for (size_t depth = 0; current != 0 && depth <= def->n_lots; depth++) {
        for (size_t i = 0; i < def->n_requirements && i < TND_FORM_MAX_REQUIREMENTS; i++) {
            const tnd_requirement *q = &def->requirements[i];
            if (q->lot != current)
                continue;
            begin(c);
            add(c, "=IF(%s,%s,%d)", app,
                R(c, FI_REQUIREMENTS, L->req_row[i], TND_FORM_FACT_COL_VALUE + 3),
                TND_NOT_APPLICABLE);
            check_row(k, &q->ref, n, TND_FORM_SHEET_REQUIREMENTS);
        }
        const tnd_lot *l = tnd_definition_lot(def, current);
        current = l ? l->requirements_include : 0;
    }
    int S = TND_FORM_FIN_COL_SEV;
    if (def->group.lot == n) {
        begin(c);
        add(c, "=%s", R(c, FI_GROUPS, L->group_summary_row + 2, S));
        check_row(k, &def->group.ref, n, TND_FORM_SHEET_GROUPS);
    }
    if (def->group.lot == n && def->group.capacity_rule.id[0]) {
        /* §8.3.2 (rules_suitability.c judge_group_capacity): products and a capacity > 0 */
        const tnd_lot *gl = NULL;
        int li = -1;
        for (size_t l = 0; l < def->n_lots && l < TND_FORM_MAX_LOTS; l++)
            if (def->lots[l].number == n) {
                gl = &def->lots[l];
                li = (int)l;
            }
        begin(c);
        add(c, "=IF(%s,IF(AND(N(%s)>0,OR(FALSE", app,
            li >= 0 ? R(c, FI_LOTS, L->lot_row[li], TND_FORM_LOT_COL_CAPACITY) : "0");
        for (size_t p = 0; gl && p < gl->n_products; p++)
            add(c, ",%s=\"%s\"", product_cell(c, n, gl->products[p].code), TND_FORM_YES);
        add(c, ")),%d,%d),%d)", TND_PASS, TND_MISSING, TND_NOT_APPLICABLE);
        check_row(k, &def->group.capacity_rule, n, TND_FORM_SHEET_LOTS);
    }
    if (def->residential.lot == n && def->residential.calc_rule.id[0]) {
        /* §9 L4156-4158 (rules_suitability.c judge_calculations): a group claims every banded
         * intensity product bid */
        const tnd_residential_rules *res = &def->residential;
        const tnd_lot *rl = tnd_definition_lot(def, n);
        const char *claims = RNG(c, FI_GROUPS, L->res_row0, TND_FORM_RES_COL_CLAIMED,
                                 L->res_row0 + TND_FORM_GROUP_ROWS - 1, TND_FORM_RES_COL_CLAIMED);
        char claims_ref[REF_LEN];
        snprintf(claims_ref, sizeof claims_ref, "%s", claims);
        begin(c);
        add(c, "=IF(%s,IF(OR(FALSE", app);
        for (size_t p = 0; rl && p < rl->n_products; p++) {
            const tnd_product *prod = &rl->products[p];
            bool banded = false;
            for (size_t b = 0; b < res->scale.n_bands; b++)
                banded = banded || strcmp(res->scale.bands[b].code, prod->code) == 0;
            if (!banded || strcmp(prod->group, res->product_group) != 0)
                continue;
            add(c, ",AND(%s=\"%s\",COUNTIF(%s,\"%s\")=0)", product_cell(c, n, prod->code),
                TND_FORM_YES, claims_ref, prod->code);
        }
        add(c, "),%d,%d),%d)", TND_MISSING, TND_PASS, TND_NOT_APPLICABLE);
        check_row(k, &res->calc_rule, n, TND_FORM_SHEET_GROUPS);
    }
    if (def->residential.lot == n) {
        begin(c);
        add(c, "=%s", R(c, FI_GROUPS, L->group_summary_row, S));
        check_row(k, &def->residential.ref, n, TND_FORM_SHEET_GROUPS);
        begin(c);
        add(c, "=%s", R(c, FI_GROUPS, L->group_summary_row + 1, S));
        check_row(k, &def->residential.max_rule, n, TND_FORM_SHEET_GROUPS);
    }
    /* §4.3.1 lot combinations */
    for (size_t i = 0; i < def->n_combo_rules; i++) {
        const tnd_combo_rule *cr = &def->combo_rules[i];
        bool in_set = false;
        for (int s = 0; s < cr->n_lots && s < TND_MAX_SET; s++)
            in_set = in_set || cr->lots[s] == n;
        begin(c);
        if (cr->kind == TND_COMBO_AT_MOST && in_set) {
            add(c, "=IF(%s,IF(0", app);
            for (int s = 0; s < cr->n_lots && s < TND_MAX_SET; s++)
                add(c, "+%s", applied(c, cr->lots[s]));
            add(c, ">%d,%d,%d),%d)", cr->count, TND_FAIL, TND_PASS, TND_NOT_APPLICABLE);
        } else if (cr->kind == TND_COMBO_REQUIRES_ANY && cr->lot == n) {
            add(c, "=IF(%s,IF(OR(FALSE", app);
            for (int s = 0; s < cr->n_lots && s < TND_MAX_SET; s++)
                add(c, ",%s", applied(c, cr->lots[s]));
            for (int e = 0; e < cr->n_except && e < 4; e++)
                add(c, ",%s", provider_is(c, cr->except_provider_types[e]));
            add(c, "),%d,%d),%d)", TND_PASS, TND_FAIL, TND_NOT_APPLICABLE);
        } else if (cr->kind == TND_COMBO_ALL_PRODUCTS && cr->lot == n) {
            add(c, "=IF(%s,IF(AND(TRUE", app);
            for (size_t p = 0; p < lot->n_products; p++)
                add(c, ",%s=\"%s\"", product_cell(c, n, lot->products[p].code), TND_FORM_YES);
            add(c, "),%d,%d),%d)", TND_PASS, TND_FAIL, TND_NOT_APPLICABLE);
        } else {
            continue;
        }
        check_row(k, &cr->ref, n, TND_FORM_SHEET_LOTS);
    }
}

static void check_calcs(calc *c)
{
    const tnd_definition *def = c->f->def;
    lxw_worksheet *ws = c->f->ws[FI_CHECK];
    c->on = FI_CHECK;
    tnd_form_intro(&c->f->w, ws, "Controle: voldoet de inschrijving? (zelfcontrole)",
                   "Per eis (regelcode in kolom A, zoals `tender check` die noemt) en per perceel "
                   "het oordeel; het rekent mee terwijl u de andere bladen invult.",
                   "Groen: voldoet. Oranje: onder voorwaarde, beoordelen of plan van aanpak. "
                   "Rood: voldoet niet of ontbreekt. Grijs: n.v.t. (LibreOffice: eenmaal "
                   "Ctrl+Shift+F9.)",
                   "Een hulpmiddel: het officiële oordeel geeft `tender check` van de "
                   "opdrachtgever.");
    static const char *const heads[] = { "regel", "eis", "bron", "perceel", "oordeel", "ernst",
                                         "toelichting" };
    for (int i = 0; i < 7; i++)
        text(c, TND_FORM_HEADER_ROW, i, heads[i], c->f->w.st.header);
    tnd_form_note(&c->f->w, worksheet_set_column(ws, TND_FORM_CHECK_COL_RULE,
                                                 TND_FORM_CHECK_COL_RULE, 30, NULL));
    tnd_form_note(&c->f->w, worksheet_set_column(ws, TND_FORM_CHECK_COL_LABEL,
                                                 TND_FORM_CHECK_COL_LABEL, 60, NULL));
    tnd_form_note(&c->f->w, worksheet_set_column(ws, TND_FORM_CHECK_COL_SOURCE,
                                                 TND_FORM_CHECK_COL_SOURCE, 24, NULL));
    tnd_form_note(&c->f->w, worksheet_set_column(ws, TND_FORM_CHECK_COL_VERDICT,
                                                 TND_FORM_CHECK_COL_VERDICT, 28, NULL));
    worksheet_freeze_panes(ws, TND_FORM_FIRST_ROW, 0);
    check_sheet k = { .c = c, .row = TND_FORM_FIRST_ROW };
    k.general_first = k.row;
    general_rows(&k);
    k.general_last = k.row - 1;
    int lot_first[TND_FORM_MAX_LOTS], lot_last[TND_FORM_MAX_LOTS];
    for (size_t l = 0; l < def->n_lots && l < TND_FORM_MAX_LOTS; l++) {
        lot_first[l] = k.row;
        lot_rows(&k, &def->lots[l]);
        lot_last[l] = k.row - 1;
    }
    int rules_last = k.row - 1;
    k.row++;
    text(c, k.row++, TND_FORM_CHECK_COL_LABEL, "Per perceel (alle algemene eisen en de eisen "
                                              "van het perceel)", c->f->w.st.section);
    int lots_first = k.row;
    /* the lot's status: the worst of the general rows and its own (check.c status_of) */
    const char *n_a = TND_FORM_LOT_NOT_APPLIED;
    for (size_t l = 0; l < def->n_lots && l < TND_FORM_MAX_LOTS; l++) {
        const tnd_lot *lot = &def->lots[l];
        int row = k.row++;
        char key_text[32], lab[TND_LABEL_LEN + 32];
        snprintf(key_text, sizeof key_text, "perceel-%d", lot->number);
        snprintf(lab, sizeof lab, "Perceel %d: %s", lot->number, lot->name);
        text(c, row, TND_FORM_CHECK_COL_RULE, key_text, NULL);
        text(c, row, TND_FORM_CHECK_COL_LABEL, lab, NULL);
        text(c, row, TND_FORM_CHECK_COL_SOURCE, lot->source, NULL);
        tnd_form_note(&c->f->w, worksheet_write_number(ws, (lxw_row_t)row, TND_FORM_CHECK_COL_LOT,
                                                       lot->number, NULL));
        begin(c);
        add(c, "=IF(%s,MAX(%s", applied(c, lot->number),
            RNG(c, FI_CHECK, k.general_first, TND_FORM_CHECK_COL_SEV, k.general_last,
                TND_FORM_CHECK_COL_SEV));
        if (lot_last[l] >= lot_first[l])
            add(c, ",%s", RNG(c, FI_CHECK, lot_first[l], TND_FORM_CHECK_COL_SEV, lot_last[l],
                              TND_FORM_CHECK_COL_SEV));
        add(c, "),\"\")");
        emit(c, row, TND_FORM_CHECK_COL_SEV, c->f->w.st.calc);
        const char *sev = R(c, FI_CHECK, row, TND_FORM_CHECK_COL_SEV);
        const char *ok = tnd_lot_status_dutch(TND_LOT_ELIGIBLE);
        const char *cond = tnd_lot_status_dutch(TND_LOT_CONDITIONAL);
        const char *pending = tnd_lot_status_dutch(TND_LOT_PENDING);
        const char *not_ok = tnd_lot_status_dutch(TND_LOT_NOT_ELIGIBLE);
        formula(c, row, TND_FORM_CHECK_COL_VERDICT, c->f->w.st.calc,
                "=IF(%s=\"\",\"%s\",CHOOSE(%s+1,\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"%s\","
                "\"%s\"))",
                sev, n_a, sev, ok, ok, cond, pending, pending, not_ok, not_ok);
    }
    colour_by_sev(c, TND_FORM_FIRST_ROW, TND_FORM_CHECK_COL_VERDICT, rules_last,
                  TND_FORM_CHECK_COL_VERDICT, TND_FORM_CHECK_COL_SEV);
    colour_by_sev(c, lots_first, TND_FORM_CHECK_COL_VERDICT, k.row - 1,
                  TND_FORM_CHECK_COL_VERDICT, TND_FORM_CHECK_COL_SEV);
}

void tnd_fillin_formulas(tnd_fillin *f)
{
    calc c;
    memset(&c, 0, sizeof c);
    c.f = f;
    c.pool = calloc(POOL, sizeof *c.pool);
    if (!c.pool) {
        f->w.oom = true;
        return;
    }
    tnd_buf_init(&c.b);
    void (*const sections[])(calc *) = { identity_calcs,   financial_calcs,   insurance_calcs,
                                         references_calcs, requirement_calcs, group_calcs,
                                         check_calcs };
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        long before = c.taken;
        sections[i](&c);
        /* a piece of text held across a section must not be reused: the pool is sized for the
         * largest section (IJsselland: 740 of 2048); a bigger definition fails loudly */
        if (c.taken - before > POOL)
            tnd_form_note(&f->w, LXW_ERROR_PARAMETER_VALIDATION);
    }
    if (c.b.oom)
        f->w.oom = true;
    tnd_buf_free(&c.b);
    free(c.pool);
}
