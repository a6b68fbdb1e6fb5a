/*
 * fillin_rules_financial.c - the formulas of the self-check that mirror scoring/rules_financial.c:
 * financial suitability (§5.3.1 L1338-1393) on the sheet 'Financieel' and its rows on 'Controle'.
 *
 * Per norm and year the exact comparison of the summed Bijlage XVI figures (num*q OP den*p in
 * cents, strict as the definition says), per norm the count of failed years and the band verdict
 * (L1371-1378), then going concern (L1380-1384), start-up (L1386-1389), the plan of approach
 * (L1390-1394) and reliance on a third party (§4.1.12). Helpers: fillin_calc.h.
 */
#include "forms/fillin_calc.h"

/* ------------------------------------------------------------------ Financieel */

/* "C7,C9": the cells of items `items` in year column col. */
static void item_cells(calc *c, const int *items, int n, int col, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && used < size; i++) {
        int row = items[i] >= 0 && items[i] < (int)TND_COUNTOF(LAY(c)->fin_item_row)
                      ? LAY(c)->fin_item_row[items[i]] : -1;
        if (row < 0)
            continue;
        int k = snprintf(buf + used, size - used, "%s%s", used ? "," : "",
                         R(c, FI_FINANCIAL, row, col));
        used += k > 0 ? (size_t)k : 0;
    }
}

static bool norm_counts_year(const tnd_fin_norm *n, int year)
{
    for (int y = 0; y < n->n_years && y < (int)TND_COUNTOF(n->years); y++)
        if (n->years[y] == year)
            return true;
    return false;
}

/* The band verdict of `failed` years (§5.3.1 L1371-1378), REVIEW when no band holds it. */
static void band_expr(calc *c, const tnd_financial_rules *fin, const char *failed)
{
    for (int i = 0; i < fin->n_bands && i < (int)TND_COUNTOF(fin->bands); i++) {
        const tnd_year_band *b = &fin->bands[i];
        if (b->max_failed < 0)
            add(c, "IF(%s>=%d,%d,", failed, b->min_failed, b->verdict);
        else
            add(c, "IF(AND(%s>=%d,%s<=%d),%d,", failed, b->min_failed, failed, b->max_failed,
                b->verdict);
    }
    add(c, "%d", TND_REVIEW);
    for (int i = 0; i < fin->n_bands && i < (int)TND_COUNTOF(fin->bands); i++)
        add(c, ")");
}

/* All Bijlage XVI cells that are asked (a number each when complete), and how many. */
int tnd_fillin_asked_cells(calc *c, int only_year, char *buf, size_t size)
{
    const tnd_financial_rules *fin = &c->f->def->financial;
    const tnd_fillin_layout *L = LAY(c);
    size_t used = 0;
    int n = 0;
    buf[0] = '\0';
    for (int i = 0; i < fin->n_items && i < (int)TND_COUNTOF(fin->items); i++)
        for (int y = 0; y < L->n_years; y++) {
            bool asked = false;
            for (int k = 0; k < fin->items[i].n_years && k < (int)TND_COUNTOF(fin->items[i].years);
                 k++)
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

/* The cells of the Financieel calculation block every formula refers to. */
typedef struct {
    const char *startup, *gc, *plan, *active, *outcome;
    char settle[256];             /* 1 when an accepted plan settles the outcome */
} fin_cells;

/* Title, row keys and labels of norm n. */
static void norm_labels(calc *c, int n)
{
    const tnd_fin_norm *norm = &c->f->def->financial.norms[n];
    const tnd_fillin_layout *L = LAY(c);
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
    const int norm_rows[] = { L->norm_value_row[n], L->norm_met_row[n], L->norm_failed_row[n],
                              L->norm_verdict_row[n] };
    for (size_t k = 0; k < TND_COUNTOF(norm_rows); k++) {
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
}

/* The value and met/not met of norm n in year column col (rules_financial.c judge_year): strict
 * or not as the definition says; exact: num*q OP den*p in cents. */
static void norm_year(calc *c, int n, int col)
{
    const tnd_fin_norm *norm = &c->f->def->financial.norms[n];
    const tnd_fillin_layout *L = LAY(c);
    int64_t p, q;
    as_fraction(norm->threshold, &p, &q);
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
    formula(c, L->norm_met_row[n], col, c->f->w.st.calc,
            "=IF(%s,\"\",IF(AND(%s,%s=0,%s>0),1,IF(%s<=0,0,IF(%s*%lld%s%s*%lld,1,0))))",
            known, met_if_positive ? "TRUE" : "FALSE", den_c, num_c, den_c, num_c,
            (long long)q, OP(norm->op), den_c, (long long)p);
}

/* Failed and known years of norm n and its band verdict, before and after a plan
 * (rules_financial.c judge_norm, band_verdict; L1371-1378). */
static void norm_verdict(calc *c, int n, int first_col, int last_col, const fin_cells *fc)
{
    const tnd_fillin_layout *L = LAY(c);
    lxw_format *calc_f = c->f->w.st.calc;
    int V = TND_FORM_FIN_COL_VALUE, S = TND_FORM_FIN_COL_SEV, RAW = TND_FORM_FIN_COL_SEV + 1;
    const char *met = RNG(c, FI_FINANCIAL, L->norm_met_row[n], first_col, L->norm_met_row[n],
                          last_col);
    formula(c, L->norm_failed_row[n], V, calc_f, "=COUNTIF(%s,0)", met);
    formula(c, L->norm_failed_row[n], V + 1, calc_f, "=COUNT(%s)", met);
    const char *failed = R(c, FI_FINANCIAL, L->norm_failed_row[n], V);
    const char *known_years = R(c, FI_FINANCIAL, L->norm_failed_row[n], V + 1);
    begin(c);
    add(c, "=IF(OR(%s=1,%s=0),%d,", fc->active, known_years, TND_NOT_APPLICABLE);
    band_expr(c, &c->f->def->financial, failed);
    add(c, ")");
    emit(c, L->norm_verdict_row[n], RAW, calc_f);
    begin(c);
    settled(c, R(c, FI_FINANCIAL, L->norm_verdict_row[n], RAW), fc->settle);
    emit(c, L->norm_verdict_row[n], S, calc_f);
    verdict_beside(c, L->norm_verdict_row[n], V, S);
    colour_by_sev(c, L->norm_verdict_row[n], V, L->norm_verdict_row[n], V, S);
}

/* Rule block of each norm of the definition (IJsselland FIN-RENTABILITEIT, FIN-SOLVABILITEIT,
 * FIN-CURRENT-RATIO): the years it counts, then its verdict. */
static void norm_calcs(calc *c, int n, const fin_cells *fc)
{
    const tnd_fin_norm *norm = &c->f->def->financial.norms[n];
    const tnd_fillin_layout *L = LAY(c);
    norm_labels(c, n);
    int first_col = TND_FORM_FIN_COL_FIRST_YEAR, last_col = first_col;
    for (int y = 0; y < L->n_years; y++) {
        int col = TND_FORM_FIN_COL_FIRST_YEAR + y;
        if (!norm_counts_year(norm, L->years[y])) {
            text(c, L->norm_value_row[n], col, TND_FORM_NOT_APPLICABLE, c->f->w.st.na);
            text(c, L->norm_met_row[n], col, TND_FORM_NOT_APPLICABLE, c->f->w.st.na);
            continue;
        }
        last_col = col;
        norm_year(c, n, col);
    }
    norm_verdict(c, n, first_col, last_col, fc);
}

/* Going concern (IJsselland FIN-CONTINUITEIT, L1380-1384): negative => the definition's verdict,
 * regardless of norms; start-up (FIN-STARTER, L1386-1389): the definition's verdict when the
 * figures are incomplete (rules_financial.c judge_going_concern, judge_startup). */
static void going_concern_and_startup(calc *c, const fin_cells *fc, const char *cells, int n_asked)
{
    const tnd_financial_rules *fin = &c->f->def->financial;
    const tnd_fillin_layout *L = LAY(c);
    lxw_format *calc_f = c->f->w.st.calc;
    int V = TND_FORM_FIN_COL_VALUE, RAW = TND_FORM_FIN_COL_SEV + 1;
    formula(c, L->fin_startup_active_row, V, calc_f, "=IF(AND(%s=\"%s\",COUNT(%s)<%d),1,0)",
            fc->startup, TND_FORM_YES, cells, n_asked);
    int row = L->fin_going_concern_row;
    tnd_form_put_text(&c->f->w, c->f->ws[FI_FINANCIAL], row, TND_FORM_COL_KEY,
                      fin->going_concern.id, c->f->w.st.key);
    text(c, row, TND_FORM_COL_LABEL, fin->going_concern.label, NULL);
    formula(c, row, RAW, calc_f, "=IF(%s=\"\",%d,IF(%s=\"%s\",%d,%d))", fc->gc,
            TND_NOT_APPLICABLE, fc->gc, TND_FORM_YES, fin->going_concern_verdict, TND_PASS);
    row = L->fin_startup_row;
    tnd_form_put_text(&c->f->w, c->f->ws[FI_FINANCIAL], row, TND_FORM_COL_KEY, fin->startup.id,
                      c->f->w.st.key);
    text(c, row, TND_FORM_COL_LABEL, fin->startup.label, NULL);
    formula(c, row, RAW, calc_f, "=IF(%s=1,%d,%d)", fc->active, fin->startup_verdict,
            TND_NOT_APPLICABLE);
}

/* The worst of norms, start-up and going concern decides whether a plan is asked; an accepted
 * plan settles REVIEW and PLAN REQUIRED (rules_financial.c settle_by_accepted_plan). */
static void outcome_calcs(calc *c, const fin_cells *fc)
{
    const tnd_financial_rules *fin = &c->f->def->financial;
    const tnd_fillin_layout *L = LAY(c);
    int V = TND_FORM_FIN_COL_VALUE, S = TND_FORM_FIN_COL_SEV, RAW = TND_FORM_FIN_COL_SEV + 1;
    int row = L->fin_outcome_row;
    text(c, row, TND_FORM_COL_LABEL,
         "Uitkomst vóór plan van aanpak (slechtste van normen, starter, continuïteit)", NULL);
    begin(c);
    add(c, "=MAX(%s,%s", R(c, FI_FINANCIAL, L->fin_going_concern_row, RAW),
        R(c, FI_FINANCIAL, L->fin_startup_row, RAW));
    for (int n = 0; n < fin->n_norms && n < TND_FORM_MAX_NORMS; n++)
        add(c, ",%s", R(c, FI_FINANCIAL, L->norm_verdict_row[n], RAW));
    add(c, ")");
    emit(c, row, S, c->f->w.st.calc);
    verdict_beside(c, row, V, S);
    for (int k = 0; k < 2; k++) {
        row = k == 0 ? L->fin_going_concern_row : L->fin_startup_row;
        begin(c);
        settled(c, R(c, FI_FINANCIAL, row, RAW), fc->settle);
        emit(c, row, S, c->f->w.st.calc);
        verdict_beside(c, row, V, S);
    }
}

/* Rule plan (FIN-PLAN-VAN-AANPAK, L1390-1394, rules_financial.c judge_plan): only when the outcome
 * asks for one. */
static void plan_calcs(calc *c, const fin_cells *fc)
{
    const tnd_financial_rules *fin = &c->f->def->financial;
    const tnd_fillin_layout *L = LAY(c);
    int V = TND_FORM_FIN_COL_VALUE, S = TND_FORM_FIN_COL_SEV;
    int row = L->fin_plan_row;
    const char *outcome = fc->outcome, *plan = fc->plan;
    tnd_form_put_text(&c->f->w, c->f->ws[FI_FINANCIAL], row, TND_FORM_COL_KEY, fin->plan.id,
                      c->f->w.st.key);
    text(c, row, TND_FORM_COL_LABEL, fin->plan.label, NULL);
    formula(c, row, S, c->f->w.st.calc,
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

void tnd_fillin_financial_calcs(calc *c)
{
    const tnd_financial_rules *fin = &c->f->def->financial;
    const tnd_fillin_layout *L = LAY(c);
    c->on = FI_FINANCIAL;
    int V = TND_FORM_FIN_COL_VALUE, S = TND_FORM_FIN_COL_SEV;
    fin_cells fc = {
        .startup = R(c, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_STARTUP], V),
        .gc = R(c, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_GOING_CONCERN], V),
        .plan = R(c, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_PLAN], V),
        .active = R(c, FI_FINANCIAL, L->fin_startup_active_row, V),
        .outcome = R(c, FI_FINANCIAL, L->fin_outcome_row, S),
    };
    snprintf(fc.settle, sizeof fc.settle, "IF(AND(%s=\"%s\",OR(%s=%d,%s=%d)),1,0)", fc.plan,
             tnd_form_plan_texts[TND_PLAN_ACCEPTED], fc.outcome, TND_REVIEW, fc.outcome,
             TND_PLAN_REQUIRED);
    char cells[4096];
    int n_asked = tnd_fillin_asked_cells(c, 0, cells, sizeof cells);
    for (int n = 0; n < fin->n_norms && n < TND_FORM_MAX_NORMS; n++)
        norm_calcs(c, n, &fc);
    const char *src = c->f->def->financial.ref.source;
    char title[TND_SOURCE_LEN + 32];
    int n = tnd_source_section_len(src);
    snprintf(title, sizeof title, n ? "Financieel oordeel (%.*s)" : "Financieel oordeel", n, src);
    text(c, L->fin_startup_active_row - 1, TND_FORM_COL_LABEL, title, c->f->w.st.section);
    text(c, L->fin_startup_active_row, TND_FORM_COL_LABEL,
         "Startende organisatie zonder volledige cijfers: normen niet beoordeeld (1 = ja)", NULL);
    text(c, L->fin_startup_active_row, TND_FORM_COL_KEY, "calc-starter", c->f->w.st.key);
    text(c, L->fin_outcome_row, TND_FORM_COL_KEY, "calc-uitkomst", c->f->w.st.key);
    going_concern_and_startup(c, &fc, cells, n_asked);
    outcome_calcs(c, &fc);
    plan_calcs(c, &fc);
}

/* ------------------------------------------------------------------ Controle */

/* Rule FIN-BEROEP-GROEP, reliance on a third party for "financial" (§4.1.12 L740-744,
 * rules_financial.c judge_reliance): with a signed declaration, own figures short => REVIEW. The
 * form has no holding guarantee cell (a bid with one does not fit the form). */
static void reliance_row(check_sheet *k)
{
    calc *c = k->c;
    const tnd_financial_rules *fin = &c->f->def->financial;
    begin(c);
    add(c, "=IF(OR(FALSE");
    for (int p = 1 + TND_FORM_MAX_MEMBERS; p < TND_FORM_N_PARTIES; p++)
        add(c, ",AND(%s=1,%s=\"financial\",%s=\"%s\")",
            party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p),
            party_cell(c, TND_FORM_PARTY_RELIED_FOR, p),
            party_cell(c, TND_FORM_PARTY_DECLARATION, p), TND_FORM_YES);
    add(c, "),IF(%s>%d,%d,%d),%d)",
        R(c, FI_FINANCIAL, LAY(c)->fin_outcome_row, TND_FORM_FIN_COL_SEV), TND_CONDITIONAL,
        TND_REVIEW, TND_PASS, TND_NOT_APPLICABLE);
    check_row(k, &fin->reliance, 0, TND_FORM_SHEET_FINANCIAL);
}

/* The rows of every norm, going concern, start-up, plan and reliance: each the severity cell of
 * its block on 'Financieel'. */
void tnd_fillin_financial_rows(check_sheet *k)
{
    calc *c = k->c;
    const tnd_financial_rules *fin = &c->f->def->financial;
    const tnd_fillin_layout *L = LAY(c);
    int S = TND_FORM_FIN_COL_SEV;
    for (int n = 0; n < fin->n_norms && n < TND_FORM_MAX_NORMS; n++) {
        begin(c);
        add(c, "=%s", R(c, FI_FINANCIAL, L->norm_verdict_row[n], S));
        check_row(k, &fin->norms[n].ref, 0, TND_FORM_SHEET_FINANCIAL);
    }
    const struct {
        int row;
        const tnd_rule_ref *ref;
    } rows[] = { { L->fin_going_concern_row, &fin->going_concern },
                 { L->fin_startup_row, &fin->startup },
                 { L->fin_plan_row, &fin->plan } };
    for (size_t i = 0; i < TND_COUNTOF(rows); i++) {
        begin(c);
        add(c, "=%s", R(c, FI_FINANCIAL, rows[i].row, S));
        check_row(k, rows[i].ref, 0, TND_FORM_SHEET_FINANCIAL);
    }
    if (fin->reliance.id[0])
        reliance_row(k);
}
