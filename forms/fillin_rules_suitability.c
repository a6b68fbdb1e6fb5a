/*
 * fillin_rules_suitability.c - the formulas of the self-check that mirror
 * scoring/rules_suitability.c: insurance (§5.3.2), quality system and keurmerk (§5.5.1.1-2) on
 * 'Verzekering en kwaliteit', references (§5.4) on 'Referenties', the AGB code (§5.5.1.3), the
 * tariff-group requirements (§5.6) on 'Tariefgroep', the support intensity of residential (§9,
 * lot 8) and day groups (§8.5.3, lot 6) on 'Groepen', and their rows on 'Controle'.
 * Every number comes from the definition; amounts are compared in cents and decimals in
 * millionths, exactly as scoring/ does. Helpers: fillin_calc.h.
 */
#include "forms/fillin_calc.h"

/* ------------------------------------------------------------------ Verzekering en kwaliteit */

/* Does insurance apply to party p (the inschrijver, members when every member must show it)? */
static bool party_insured(const tnd_definition *def, int p)
{
    return p == 0 || (def->insurance.every_member && tnd_form_party_is_member(p));
}

/* Rule VERZ-BEDRIJFSAANSPRAKELIJKHEID per party (§5.3.2, rules_suitability.c insurance_of_party): a
 * concern policy must name the party; cover >= the minimum; without a cover, UEA part IV "ja" is
 * the definition's declared_only verdict, "nee" fails. */
static void party_insurance(calc *c, int p)
{
    const tnd_definition *def = c->f->def;
    int row = LAY(c)->ins_row0 + p;
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
    emit(c, row, TND_FORM_INS_COL_SEV, c->f->w.st.calc);
}

/* One pass over the certificate rows: pass 0 an accepted scheme, pass 1 (when equivalent_review)
 * another scheme declared equivalent; each valid at the judgement date jd. */
static void certificate_pass(calc *c, const char (*schemes)[TND_CODE_LEN], int n_schemes,
                             bool equivalent_review, int pass, const char *jd)
{
    const tnd_fillin_layout *L = LAY(c);
    if (pass == 0)
        add(c, "IF(0");
    else
        add(c, ",IF(AND(%s,0", equivalent_review ? "TRUE" : "FALSE");
    for (int k = 0; k < TND_FORM_CERT_ROWS; k++) {
        int r = L->cert_row0 + k;
        const char *scheme = R(c, FI_INSURANCE, r, TND_FORM_CERT_COL_SCHEME);
        const char *until = R(c, FI_INSURANCE, r, TND_FORM_CERT_COL_VALID_UNTIL);
        add(c, "+AND(%s<>\"\",%sOR(FALSE", scheme, pass == 0 ? "" : "NOT(");
        for (int s = 0; s < n_schemes && s < TND_MAX_SET; s++)
            add(c, ",%s=\"%s\"", scheme, schemes[s]);
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

void tnd_fillin_certificate_sev(calc *c, const char (*schemes)[TND_CODE_LEN], int n_schemes,
                                bool equivalent_review, const char (*review)[TND_CODE_LEN],
                                int n_review)
{
    const tnd_fillin_layout *L = LAY(c);
    const char *jd = judgement_date(c);
    for (int pass = 0; pass < 2; pass++)
        certificate_pass(c, schemes, n_schemes, equivalent_review, pass, jd);
    /* a valid certificate of a review scheme (IJsselland: HKZ on lot 8, §5.5.1.1 L1507-1510,
     * RES-KWALITEIT-VERBLIJF): REVIEW, as rules_suitability.c judge_quality_system */
    add(c, "IF(0");
    for (int k = 0; k < TND_FORM_CERT_ROWS && n_review > 0; k++) {
        int r = L->cert_row0 + k;
        const char *scheme = R(c, FI_INSURANCE, r, TND_FORM_CERT_COL_SCHEME);
        const char *until = R(c, FI_INSURANCE, r, TND_FORM_CERT_COL_VALID_UNTIL);
        add(c, "+AND(%s<>\"\",OR(FALSE", scheme);
        for (int s = 0; s < n_review && s < TND_MAX_SET; s++)
            add(c, ",%s=\"%s\"", scheme, review[s]);
        add(c, "),OR(%s=\"\",INT(%s)>=%s))", until, until, jd);
    }
    add(c, ">0,%d,%d)))", TND_REVIEW, TND_FAIL);
}

/* Rule block of each quality rule (§5.5.1.1, rules_suitability.c judge_quality_system; IJsselland
 * KWAL-SYSTEEM-AMBULANT-ED, KWAL-SYSTEEM-VERBLIJF): the best certificate decides: an accepted
 * scheme valid at the judgement date PASS; else a valid one declared equivalent REVIEW (when the
 * definition says so); else FAIL (expired or none). */
static void quality_calcs(calc *c, size_t q)
{
    const tnd_quality_rule *rule = &c->f->def->quality[q];
    const tnd_fillin_layout *L = LAY(c);
    int row = L->quality_row[q];
    char lots[96] = "percelen";
    for (int i = 0; i < rule->n_lots && i < TND_MAX_SET; i++)
        snprintf(lots + strlen(lots), sizeof lots - strlen(lots), " %d", rule->lots[i]);
    text(c, row, TND_FORM_CERT_COL_SCHEME, lots, c->f->w.st.note);
    begin(c);
    add(c, "=");
    tnd_fillin_certificate_sev(c, rule->schemes, rule->n_schemes, rule->equivalent_review,
                               rule->review_schemes, rule->n_review_schemes);
    emit(c, row, TND_FORM_INS_COL_SEV, c->f->w.st.calc);
    verdict_beside(c, row, TND_FORM_INS_COL_VERDICT, TND_FORM_INS_COL_SEV);
    colour_by_sev(c, row, TND_FORM_INS_COL_VERDICT, row, TND_FORM_INS_COL_VERDICT,
                  TND_FORM_INS_COL_SEV);
}

/* Rule block of each keurmerk rule (§5.5.1.2, rules_suitability.c judge_keurmerk): held PASS,
 * in progress the definition's verdict, else FAIL. */
static void keurmerk_calcs(calc *c, size_t i)
{
    const tnd_keurmerk_rule *rule = &c->f->def->keurmerken[i];
    const tnd_fillin_layout *L = LAY(c);
    int row = L->keurmerk_rule_row[i], status_row = -1;
    for (int k = 0; k < L->n_keurmerk_kinds; k++)
        if (strcmp(L->keurmerk_kinds[k], rule->keurmerk) == 0)
            status_row = L->keurmerk_row[k];
    char lab[TND_CODE_LEN * 2 + 32];
    snprintf(lab, sizeof lab, "%s, perceel %d", rule->provider_type, rule->lot);
    text(c, row, TND_FORM_CERT_COL_SCHEME, lab, c->f->w.st.note);
    const char *status = R(c, FI_INSURANCE, status_row, TND_FORM_KEURMERK_COL_STATUS);
    formula(c, row, TND_FORM_INS_COL_SEV, c->f->w.st.calc,
            "=IF(%s=\"%s\",%d,IF(%s=\"%s\",%d,%d))", status,
            tnd_form_keurmerk_texts[TND_KEURMERK_HELD], TND_PASS, status,
            tnd_form_keurmerk_texts[TND_KEURMERK_IN_PROGRESS], rule->in_progress, TND_FAIL);
    verdict_beside(c, row, TND_FORM_INS_COL_VERDICT, TND_FORM_INS_COL_SEV);
    colour_by_sev(c, row, TND_FORM_INS_COL_VERDICT, row, TND_FORM_INS_COL_VERDICT,
                  TND_FORM_INS_COL_SEV);
}

void tnd_fillin_insurance_calcs(calc *c)
{
    const tnd_definition *def = c->f->def;
    const tnd_fillin_layout *L = LAY(c);
    c->on = FI_INSURANCE;
    for (int p = 0; p < TND_FORM_N_PARTIES; p++) {
        int row = L->ins_row0 + p;
        if (!party_insured(def, p))
            formula(c, row, TND_FORM_INS_COL_SEV, c->f->w.st.calc, "=%d", TND_NOT_APPLICABLE);
        else
            party_insurance(c, p);
        verdict_beside(c, row, TND_FORM_INS_COL_VERDICT, TND_FORM_INS_COL_SEV);
    }
    colour_by_sev(c, L->ins_row0, TND_FORM_INS_COL_VERDICT, L->ins_row0 + TND_FORM_N_PARTIES - 1,
                  TND_FORM_INS_COL_VERDICT, TND_FORM_INS_COL_SEV);
    for (size_t q = 0; q < def->n_quality && q < TND_FORM_MAX_QUALITY; q++)
        quality_calcs(c, q);
    for (size_t i = 0; i < def->n_keurmerken && i < TND_FORM_MAX_QUALITY; i++)
        keurmerk_calcs(c, i);
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

/* Rule REF-REFERENT (§5.4): a forbidden referent kind FAIL; a kind the definition does not allow
 * REVIEW (rules_suitability.c check_referent). */
static void referent_expr(calc *c, const char *kind)
{
    const tnd_reference_rules *rr = &c->f->def->references;
    add(c, "IF(OR(FALSE");
    for (int i = 0; i < rr->n_forbidden && i < (int)TND_COUNTOF(rr->referent_kinds_forbidden); i++)
        add(c, ",%s=\"%s\"", kind, rr->referent_kinds_forbidden[i]);
    add(c, "),%d,IF(AND(%s,NOT(OR(FALSE", TND_FAIL, rr->n_allowed > 0 ? "TRUE" : "FALSE");
    for (int i = 0; i < rr->n_allowed && i < (int)TND_COUNTOF(rr->referent_kinds_allowed); i++)
        add(c, ",%s=\"%s\"", kind, rr->referent_kinds_allowed[i]);
    add(c, "))),%d,0))", TND_REVIEW);
}

/* Rule REF-DERDEN (reliance on a third party): UEA II C "ja", the third party named on Identiteit
 * with a signed Verklaring inzet Derden (the first one of that name decides; rules_suitability.c
 * check_conduct). */
static void third_party_expr(calc *c, const char *tp)
{
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
}

/* The finding of rule k on one counted reference in row `row` (0 = none), §5.4: the checks of
 * rules_suitability.c judge_reference, one per rule id of the definition's references. */
static void reference_rule_expr(calc *c, int k, int row)
{
    const tnd_definition *def = c->f->def;
    const tnd_reference_rules *rr = &def->references;
    const int *col = LAY(c)->ref_col;
#define F(fd) R(c, FI_REFERENCES, row, col[fd])
    switch (k) {
    case TND_FORM_REF_RULE_COMPETENCE: /* check_competences */
        add(c, "IF(OR(FALSE");
        for (int i = 0; i < rr->n_competences && i < TND_FORM_MAX_COMPETENCES; i++)
            add(c, ",%s<>\"%s\"", F(TND_FORM_REF_COMPETENCE + i), TND_FORM_YES);
        add(c, "),%d,0)", TND_FAIL);
        break;
    case TND_FORM_REF_RULE_WINDOW: { /* check_period */
        /* resolution: the period overlaps [closing - N years, closing] */
        const char *closing = DATEF(c, def->closing_time.date);
        add(c, "IF(AND(INT(%s)<=%s,OR(%s=\"%s\",AND(%s<>\"\",INT(%s)>=EDATE(%s,-%d)))),0,%d)",
            F(TND_FORM_REF_START), closing, F(TND_FORM_REF_ONGOING), TND_FORM_YES,
            F(TND_FORM_REF_END), F(TND_FORM_REF_END), closing, 12 * rr->window_years, TND_FAIL);
        break;
    }
    case TND_FORM_REF_RULE_REFERENT:
        referent_expr(c, F(TND_FORM_REF_KIND));
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
    default:
        third_party_expr(c, F(TND_FORM_REF_THIRD_PARTY));
        break;
    }
#undef F
}

/* One reference row: does it count (§5.4: the first `count` filled references count, later ones
 * are ignored), the finding of each rule, clean, and its verdict. */
static void reference_row_calcs(calc *c, int r)
{
    const tnd_reference_rules *rr = &c->f->def->references;
    const tnd_fillin_layout *L = LAY(c);
    lxw_format *calc_f = c->f->w.st.calc;
    int row = L->ref_row0 + r;
    const char *inputs = RNG(c, FI_REFERENCES, row, L->ref_col[TND_FORM_REF_REFERENT], row,
                             L->ref_col[TND_FORM_REF_THIRD_PARTY]);
    if (r == 0)
        formula(c, row, L->ref_col_counts, calc_f, "=IF(COUNTA(%s)>0,IF(0<%d,1,0),0)", inputs,
                rr->count);
    else
        formula(c, row, L->ref_col_counts, calc_f, "=IF(COUNTA(%s)>0,IF(SUM(%s)<%d,1,0),0)",
                inputs,
                RNG(c, FI_REFERENCES, L->ref_row0, L->ref_col_counts, row - 1, L->ref_col_counts),
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

/* Summary: the overall rule (too few counted references FAIL, rules_suitability.c
 * tnd_rules_references), then one row per rule of §5.4 (the worst of its column). */
static void reference_summary(calc *c)
{
    const tnd_reference_rules *rr = &c->f->def->references;
    const tnd_fillin_layout *L = LAY(c);
    int last = L->ref_row0 + L->n_ref_rows - 1;
    const char *all_counts = RNG(c, FI_REFERENCES, L->ref_row0, L->ref_col_counts, last,
                                 L->ref_col_counts);
    const char *all_clean = RNG(c, FI_REFERENCES, L->ref_row0, L->ref_col_clean, last,
                                L->ref_col_clean);
    int V = TND_FORM_FIN_COL_VALUE, S = TND_FORM_FIN_COL_SEV;
    for (int k = 0; k <= TND_FORM_REF_RULES; k++) {
        int row = L->ref_summary_row + k;
        const tnd_rule_ref *ref = k == 0 ? &rr->ref : ref_rule(rr, k - 1);
        text(c, row, TND_FORM_COL_KEY, ref->id, c->f->w.st.key);
        text(c, row, TND_FORM_COL_LABEL, ref->label, NULL);
        if (k == 0)
            formula(c, row, S, c->f->w.st.calc,
                    "=MAX(IF(AND(SUM(%s)>0,SUM(%s)<%d),%d,0),IF(SUM(%s)>0,%d,0))", all_counts,
                    all_counts, rr->count, TND_FAIL, all_clean, TND_PASS);
        else
            formula(c, row, S, c->f->w.st.calc, "=MAX(%s)",
                    RNG(c, FI_REFERENCES, L->ref_row0, L->ref_col_rule_sev + k - 1, last,
                        L->ref_col_rule_sev + k - 1));
        verdict_beside(c, row, V, S);
    }
    colour_by_sev(c, L->ref_summary_row, V, L->ref_summary_row + TND_FORM_REF_RULES, V, S);
}

void tnd_fillin_reference_calcs(calc *c)
{
    const tnd_fillin_layout *L = LAY(c);
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
    for (int r = 0; r < L->n_ref_rows; r++)
        reference_row_calcs(c, r);
    reference_summary(c);
}

/* ------------------------------------------------------------------ Tariefgroep */

static int fact_index(const tnd_fillin_layout *L, const tnd_requirement *q)
{
    for (int k = 0; k < L->n_facts; k++)
        if (strcmp(L->facts[k].name, q->fact) == 0 && L->facts[k].year == q->year)
            return k;
    return -1;
}

/* Derived: locaties-in-regio = locations inside the area; no locations: no fact (bid.c). */
static void derived_fact_calcs(calc *c)
{
    const tnd_fillin_layout *L = LAY(c);
    for (int k = 0; k < L->n_facts; k++)
        if (L->facts[k].kind == TND_FORM_FACT_DERIVED) {
            int first = TND_FORM_FIRST_ROW, last = first + TND_FORM_LOCATION_ROWS - 1;
            formula(c, L->facts[k].row, TND_FORM_FACT_COL_VALUE, c->f->w.st.calc,
                    "=IF(COUNTA(%s)=0,\"\",COUNTA(%s))",
                    RNG(c, FI_LOCATIONS, first, TND_FORM_LOC_COL_NAME, last,
                        TND_FORM_LOC_COL_RESIDENTIAL),
                    RNG(c, FI_LOCATIONS, first, TND_FORM_LOC_COL_MUNICIPALITY, last,
                        TND_FORM_LOC_COL_MUNICIPALITY));
        }
}

/* Kind bids-product: the bid applies for one of the products on the named lot. */
static void bids_product_expr(calc *c, const tnd_requirement *q, char *norm, size_t size)
{
    snprintf(norm, size, "perceel %d: een van", q->product_lot);
    add(c, "=IF(OR(FALSE");
    for (int v = 0; v < q->n_values && v < TND_MAX_SET; v++) {
        const char *prod = product_cell(c, q->product_lot, q->values[v]);
        snprintf(norm + strlen(norm), size - strlen(norm), " %s", q->values[v]);
        if (prod)
            add(c, ",AND(%s,%s=\"%s\")", applied(c, q->product_lot), prod, TND_FORM_YES);
    }
    add(c, "),%d,%d)", TND_PASS, TND_FAIL);
}

/* Kind one-of: one of the fact's values is among the definition's. */
static void one_of_expr(calc *c, const tnd_requirement *q, int fact_row, char *norm, size_t size)
{
    const char *values = RNG(c, FI_REQUIREMENTS, fact_row, TND_FORM_FACT_COL_VALUE, fact_row,
                             TND_FORM_FACT_COL_VALUE + TND_FORM_FACT_VALUES - 1);
    snprintf(norm, size, "een van");
    add(c, "=IF(COUNTA(%s)=0,%d,IF(0", values, TND_MISSING);
    for (int v = 0; v < q->n_values && v < TND_MAX_SET; v++) {
        snprintf(norm + strlen(norm), size - strlen(norm), " %s", q->values[v]);
        add(c, "+COUNTIF(%s,\"%s\")", values, q->values[v]);
    }
    add(c, ">0,%d,%d))", TND_PASS, TND_FAIL);
}

/* Rule block of requirement i (§5.6, rules_suitability.c judge_requirement; IJsselland
 * TG-* and ED-*): its severity (F), norm text (D) and verdict (E). */
static void requirement_calc(calc *c, size_t i)
{
    const tnd_requirement *q = &c->f->def->requirements[i];
    const tnd_fillin_layout *L = LAY(c);
    int NORM = TND_FORM_FACT_COL_VALUE + 1, V = NORM + 1, S = NORM + 2;
    int row = L->req_row[i];
    char norm[TND_VALUE_LEN + 64] = "", limit[40];
    int k = fact_index(L, q);
    const char *cell = k >= 0 ? R(c, FI_REQUIREMENTS, L->facts[k].row, TND_FORM_FACT_COL_VALUE)
                              : NULL;
    begin(c);
    switch (q->kind) {
    case TND_REQ_BIDS_PRODUCT:
        bids_product_expr(c, q, norm, sizeof norm);
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
            (long long)TND_DEC_SCALE, OP(q->op), (long long)q->number.units, TND_PASS, TND_FAIL);
        break;
    case TND_REQ_MONEY:
        tnd_cents_nl(q->money, limit);
        snprintf(norm, sizeof norm, "%s %s", OP(q->op), limit);
        add(c, "=IF(%s=\"\",%d,IF(ROUND(%s*100,0)%s%lld,%d,%d))", cell, TND_MISSING, cell,
            OP(q->op), (long long)q->money, TND_PASS, TND_FAIL);
        break;
    case TND_REQ_ONE_OF:
        one_of_expr(c, q, L->facts[k].row, norm, sizeof norm);
        break;
    }
    emit(c, row, S, c->f->w.st.calc);
    text(c, row, NORM, norm, NULL);
    verdict_beside(c, row, V, S);
}

void tnd_fillin_requirement_calcs(calc *c)
{
    const tnd_definition *def = c->f->def;
    const tnd_fillin_layout *L = LAY(c);
    /* the columns of a requirement row: perceel C, norm D, verdict E, severity F */
    int V = TND_FORM_FACT_COL_VALUE + 2, S = TND_FORM_FACT_COL_VALUE + 3;
    c->on = FI_REQUIREMENTS;
    derived_fact_calcs(c);
    for (size_t i = 0; i < def->n_requirements && i < TND_FORM_MAX_REQUIREMENTS; i++)
        requirement_calc(c, i);
    if (def->n_requirements > 0)
        colour_by_sev(c, L->req_row[0], V, L->req_row[def->n_requirements - 1], V, S);
}

/* ------------------------------------------------------------------ Groepen */

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

#define FI_MAX_BANDS 16 /* band columns of a group table on 'Groepen' */

/* Bands sorted by lower then upper limit: "the lower band" of a boundary is the left one. */
static void sorted_bands(const tnd_intensity_scale *scale, size_t order[FI_MAX_BANDS], size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < scale->n_bands && *n < FI_MAX_BANDS; i++) {
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
    size_t order[FI_MAX_BANDS], n_bands;
    int col_floor, col_valid, col_num, col_den;
} group_table;

/* The verdict of a residential claim the computation does not support, or above the provider
 * maximum (the definition's on-mismatch; FAIL when it names none). */
static tnd_verdict mismatch_of(const tnd_definition *def)
{
    return def->residential.on_mismatch > TND_PASS ? def->residential.on_mismatch : TND_FAIL;
}

/* Rule block of the classification (residential INT-VERBLIJF §9 L4148-4163, day groups
 * INT-GROEPSAANBOD §8.5.3; rules_suitability.c judge_claim): the band columns and the class of
 * one row, 1/0 per band with the exact comparison num*q against p*den, the class text and the
 * severity of the claim. */
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


/* The header row of a group table: calculation columns, one column per band, the helpers. */
static void group_headers(calc *c, const group_table *t)
{
    static const char *const heads[] = { "bezetting gebruikt", "intensiteit", "klasse",
                                         "oordeel", "ernst klasse", "ernst maximum / eis 94",
                                         "ingevuld" };
    for (int i = 0; i < (int)TND_COUNTOF(heads); i++)
        if (t->residential || i != 0)
            text(c, t->header_row, TND_FORM_GROUP_COL_USED + i, heads[i], c->f->w.st.header);
    for (size_t b = 0; b < t->n_bands; b++)
        text(c, t->header_row, TND_FORM_GROUP_COL_BANDS + (int)b,
             t->scale->bands[t->order[b]].code, c->f->w.st.header);
    text(c, t->header_row, t->col_floor, t->residential ? "ondergrens" : "", c->f->w.st.header);
    text(c, t->header_row, t->col_valid, "te berekenen", c->f->w.st.header);
    text(c, t->header_row, t->col_num, "teller", c->f->w.st.header);
    text(c, t->header_row, t->col_den, "noemer", c->f->w.st.header);
}

/* The occupancy floor of the group kind in millionths: -1 no floor (crisis: the actual
 * occupancy), -2 a kind the definition does not know (REVIEW, check.c). */
static void occupancy_floor(calc *c, const group_table *t, int row)
{
    const tnd_residential_rules *res = &c->f->def->residential;
    const char *kind = R(c, FI_GROUPS, row, TND_FORM_RES_COL_KIND);
    int n_occ = res->n_occupancy;
    if (n_occ > (int)TND_COUNTOF(res->occupancy))
        n_occ = (int)TND_COUNTOF(res->occupancy);
    begin(c);
    add(c, "=");
    int regular = -2;
    for (int k = 0; k < n_occ; k++) {
        const tnd_occupancy_rule *o = &res->occupancy[k];
        long long v = o->has_floor ? (long long)o->floor.units : -1;
        if (strcmp(o->kind, "regular") == 0)
            regular = (int)v;
        add(c, "IF(%s=\"%s\",%lld,", kind, o->kind, v);
    }
    add(c, "IF(%s=\"\",%d,-2)", kind, regular);
    for (int k = 0; k < n_occ; k++)
        add(c, ")");
    emit(c, row, t->col_floor, c->f->w.st.calc);
}

/* Rule block of the §9.6 maximum of the group's provider type (the bid's when blank) and eis 94
 * (INT-MAX-AANBIEDERSTYPE; rules_suitability.c judge_claim_offered, above_maximum). */
static void residential_max(calc *c, const group_table *t, int row, const char *present)
{
    const char *claimed = R(c, FI_GROUPS, row, TND_FORM_RES_COL_CLAIMED);
    const char *ptype = R(c, FI_GROUPS, row, TND_FORM_RES_COL_PROVIDER);
    const char *type = T(c, "IF(%s=\"\",%s,%s)", ptype, bid_cell(c, TND_FORM_BID_PROVIDER_TYPE),
                         ptype);
    const char *claimed_rank = T(c, "IF(COUNTIF(%s,%s)=0,-1,SUMPRODUCT((%s=%s)*%s))",
                                 LIST(c, FI_LIST_RANK_CODE), claimed, LIST(c, FI_LIST_RANK_CODE),
                                 claimed, LIST(c, FI_LIST_RANK));
    begin(c);
    add(c, "=IF(OR(%s=0,NOT(%s)),0,MAX(IF(AND(%s>=0,%s>", present, applied(c, t->lot),
        claimed_rank, claimed_rank);
    add(c, "%s),%d,0),", max_rank(c, type), mismatch_of(c->f->def));
    add(c, "IF(%s,%d,0)))", not_offered(c, t->lot, claimed), TND_FAIL);
    emit(c, row, TND_FORM_GROUP_COL_SEV_MAX, c->f->w.st.calc);
}

/* A residential group row (§9 L4141-4151): hours / 7 / (youths x occupancy used), the
 * occupancy used being the kind's floor when the actual one is lower. */
static void residential_row(calc *c, const group_table *t, int row, const char *present)
{
    lxw_format *calc_f = c->f->w.st.calc;
    const char *valid = R(c, FI_GROUPS, row, t->col_valid);
    occupancy_floor(c, t, row);
    const char *floor = R(c, FI_GROUPS, row, t->col_floor);
    const char *youths = R(c, FI_GROUPS, row, TND_FORM_RES_COL_YOUTHS);
    const char *occ = R(c, FI_GROUPS, row, TND_FORM_RES_COL_OCCUPANCY);
    const char *hours = R(c, FI_GROUPS, row, TND_FORM_RES_COL_HOURS);
    const char *used = R(c, FI_GROUPS, row, TND_FORM_GROUP_COL_USED);
    formula(c, row, TND_FORM_GROUP_COL_USED, c->f->w.st.calc_percent,
            "=IF(OR(%s=0,%s=-2),\"\",IF(%s=-1,%s,MAX(%s/%lld,%s)))", present, floor, floor, occ,
            floor, (long long)TND_DEC_SCALE, occ);
    formula(c, row, t->col_valid, calc_f, "=IF(AND(%s=1,%s<>-2,%s>=1,%s>0,%s<=1,%s>=0),1,0)",
            present, floor, youths, occ, occ, hours);
    formula(c, row, t->col_num, calc_f, "=IF(%s=1,ROUND(%s*%lld,0),0)", valid, hours,
            (long long)TND_DEC_SCALE);
    formula(c, row, t->col_den, calc_f, "=IF(%s=1,7*%s*ROUND(%s*%lld,0),0)", valid, youths,
            used, (long long)TND_DEC_SCALE);
    classify_row(c, t, row, present, R(c, FI_GROUPS, row, TND_FORM_RES_COL_CLAIMED));
    residential_max(c, t, row, present);
}

/* A day group row (§8.5.3): hours / (youths x opening hours); a claimed product must be one the
 * bid offers on the lot. */
static void day_row(calc *c, const group_table *t, int row, const char *present)
{
    lxw_format *calc_f = c->f->w.st.calc;
    const char *valid = R(c, FI_GROUPS, row, t->col_valid);
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
    formula(c, row, TND_FORM_GROUP_COL_SEV_MAX, calc_f, "=IF(OR(%s=0,NOT(%s)),0,IF(%s,%d,0))",
            present, applied(c, t->lot), not_offered(c, t->lot, claimed), TND_FAIL);
}

static void group_table_calcs(calc *c, group_table *t)
{
    group_headers(c, t);
    for (int i = 0; i < TND_FORM_GROUP_ROWS; i++) {
        int row = t->row0 + i;
        int first_in = TND_FORM_RES_COL_NAME;
        int last_in = t->residential ? TND_FORM_RES_COL_CLAIMED : TND_FORM_DAY_COL_CLAIMED;
        formula(c, row, TND_FORM_GROUP_COL_PRESENT, c->f->w.st.calc, "=IF(COUNTA(%s)>0,1,0)",
                RNG(c, FI_GROUPS, row, first_in, row, last_in));
        const char *present = R(c, FI_GROUPS, row, TND_FORM_GROUP_COL_PRESENT);
        if (t->residential)
            residential_row(c, t, row, present);
        else
            day_row(c, t, row, present);
        begin(c);
        add(c, "=IF(%s=0,\"\",CHOOSE(MAX(%s,%s)+1", present,
            R(c, FI_GROUPS, row, TND_FORM_GROUP_COL_SEV),
            R(c, FI_GROUPS, row, TND_FORM_GROUP_COL_SEV_MAX));
        for (int v = TND_NOT_APPLICABLE; v <= TND_FAIL; v++)
            add(c, ",\"%s\"", tnd_verdict_dutch((tnd_verdict)v));
        add(c, "))");
        emit(c, row, TND_FORM_GROUP_COL_VERDICT, c->f->w.st.calc);
    }
}

/* Colours the verdict column of a group table (rows first..first + rows) by the worst of its two
 * severities. */
static void group_colours(calc *c, int first)
{
    int last = first + TND_FORM_GROUP_ROWS - 1;
    char sev[8], sev_max[8], rule[160];
    lxw_col_to_name(sev, TND_FORM_GROUP_COL_SEV, 0);
    lxw_col_to_name(sev_max, TND_FORM_GROUP_COL_SEV_MAX, 0);
    static const struct {
        int lo, hi;
    } ranges[] = { { TND_PASS, TND_PASS }, { TND_CONDITIONAL, TND_PLAN_REQUIRED },
                   { TND_MISSING, TND_FAIL } };
    lxw_format *fmts[] = { c->f->w.st.green, c->f->w.st.orange, c->f->w.st.red };
    for (size_t r = 0; r < TND_COUNTOF(ranges); r++) {
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

/* Rule INT-MAX-AANBIEDERSTYPE summary (§9.6, rules_suitability.c judge_offered_maximum,
 * judge_min_products): the products offered on the residential lot within the bid type's
 * maximum; a type with a minimum number of intensities (fasehuis) offers at least that many. */
static void max_rule_summary(calc *c, int row)
{
    const tnd_definition *def = c->f->def;
    const tnd_residential_rules *res = &def->residential;
    const tnd_fillin_layout *L = LAY(c);
    const tnd_lot *res_lot = tnd_definition_lot(def, res->lot);
    const char *bid_type = bid_cell(c, TND_FORM_BID_PROVIDER_TYPE);
    begin(c);
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
    emit(c, row, TND_FORM_FIN_COL_SEV, c->f->w.st.calc);
}

/* Summary: residential classification (INT-VERBLIJF), maximum / eis 94
 * (INT-MAX-AANBIEDERSTYPE), day groups (INT-GROEPSAANBOD). */
static void group_summary(calc *c)
{
    const tnd_definition *def = c->f->def;
    const tnd_residential_rules *res = &def->residential;
    const tnd_fillin_layout *L = LAY(c);
    lxw_format *calc_f = c->f->w.st.calc;
    int V = TND_FORM_FIN_COL_VALUE, S = TND_FORM_FIN_COL_SEV, row = L->group_summary_row;
    text(c, row, TND_FORM_COL_KEY, res->ref.id, c->f->w.st.key);
    text(c, row, TND_FORM_COL_LABEL, res->ref.label, NULL);
    formula(c, row, S, calc_f, "=MAX(%s)",
            RNG(c, FI_GROUPS, L->res_row0, TND_FORM_GROUP_COL_SEV,
                L->res_row0 + TND_FORM_GROUP_ROWS - 1, TND_FORM_GROUP_COL_SEV));
    verdict_beside(c, row, V, S);
    row++;
    text(c, row, TND_FORM_COL_KEY, res->max_rule.id, c->f->w.st.key);
    text(c, row, TND_FORM_COL_LABEL, res->max_rule.label, NULL);
    max_rule_summary(c, row);
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

void tnd_fillin_group_calcs(calc *c)
{
    const tnd_definition *def = c->f->def;
    const tnd_residential_rules *res = &def->residential;
    const tnd_fillin_layout *L = LAY(c);
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
    group_colours(c, L->res_row0);
    group_colours(c, L->day_row0);
    group_summary(c);
}

/* ------------------------------------------------------------------ Controle */

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

/* Rule VERZ-BEDRIJFSAANSPRAKELIJKHEID (tnd_rules_insurance): the worst party, and the
 * combination's cover when the definition judges it as a whole. */
void tnd_fillin_insurance_rows(check_sheet *k)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    const tnd_fillin_layout *L = LAY(c);
    begin(c);
    add(c, "=MAX(%s", RNG(c, FI_INSURANCE, L->ins_row0, TND_FORM_INS_COL_SEV,
                          L->ins_row0 + TND_FORM_N_PARTIES - 1, TND_FORM_INS_COL_SEV));
    if (def->insurance.combination_total)
        combination_cover(c);
    add(c, ")");
    check_row(k, &def->insurance.ref, 0, TND_FORM_SHEET_INSURANCE);
}

/* Rules REF-* (tnd_rules_references): the overall rule and one per check of §5.4, each the
 * summary cell on 'Referenties'. */
void tnd_fillin_reference_rows(check_sheet *k)
{
    calc *c = k->c;
    const tnd_reference_rules *rr = &c->f->def->references;
    for (int r = 0; r <= TND_FORM_REF_RULES; r++) {
        begin(c);
        add(c, "=%s", R(c, FI_REFERENCES, LAY(c)->ref_summary_row + r, TND_FORM_FIN_COL_SEV));
        check_row(k, r == 0 ? &rr->ref : ref_rule(rr, r - 1), 0, TND_FORM_SHEET_REFERENCES);
    }
}

/* Rule KWAL-AGB-CODE (§5.5.1.3, tnd_rules_agb): exactly `count` AGB codes; none is step 1's. */
void tnd_fillin_agb_rows(check_sheet *k)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    const tnd_fillin_layout *L = LAY(c);
    const char *agb = RNG(c, FI_IDENTITY, L->bid_row[TND_FORM_BID_AGB], TND_FORM_ID_COL_BIDDER,
                          L->bid_row[TND_FORM_BID_AGB + TND_FORM_MAX_AGB - 1],
                          TND_FORM_ID_COL_BIDDER);
    begin(c);
    add(c, "=IF(COUNTA(%s)=0,%d,IF(COUNTA(%s)=%d,%d,%d))", agb, TND_NOT_APPLICABLE, agb,
        def->agb.count, TND_PASS, TND_FAIL);
    check_row(k, &def->agb.ref, 0, TND_FORM_SHEET_IDENTITY);
}

/* Rules KWAL-SYSTEEM-* (tnd_rules_quality): the first quality rule that names the lot applies
 * (rules_suitability.c quality_rule_for). Every lot row is N.V.T. without an application. */
void tnd_fillin_quality_rows(check_sheet *k, const tnd_lot *lot)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    int n = lot->number;
    for (size_t q = 0; q < def->n_quality && q < TND_FORM_MAX_QUALITY; q++) {
        const tnd_quality_rule *rule = &def->quality[q];
        bool covers = false;
        for (int i = 0; i < rule->n_lots && i < TND_MAX_SET; i++)
            covers = covers || rule->lots[i] == n;
        if (!covers)
            continue;
        begin(c);
        add(c, "=IF(%s,%s,%d)", applied(c, n),
            R(c, FI_INSURANCE, LAY(c)->quality_row[q], TND_FORM_INS_COL_SEV), TND_NOT_APPLICABLE);
        check_row(k, &rule->ref, n, TND_FORM_SHEET_INSURANCE);
        break;
    }
}

/* Rules KWAL-KEURMERK-* (rules_suitability.c judge_keurmerk): for the provider type named. */
void tnd_fillin_keurmerk_rows(check_sheet *k, const tnd_lot *lot)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    int n = lot->number;
    for (size_t i = 0; i < def->n_keurmerken && i < TND_FORM_MAX_QUALITY; i++) {
        const tnd_keurmerk_rule *rule = &def->keurmerken[i];
        if (rule->lot != n)
            continue;
        begin(c);
        add(c, "=IF(AND(%s,%s),%s,%d)", applied(c, n), provider_is(c, rule->provider_type),
            R(c, FI_INSURANCE, LAY(c)->keurmerk_rule_row[i], TND_FORM_INS_COL_SEV),
            TND_NOT_APPLICABLE);
        check_row(k, &rule->ref, n, TND_FORM_SHEET_INSURANCE);
    }
}

/* Rules TG-* / ED-* (§5.6 cumulative, tnd_rules_requirements): the lot's own requirements, then
 * those of the lot it includes. */
void tnd_fillin_requirement_rows(check_sheet *k, const tnd_lot *lot)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    int n = lot->number, current = n;
    for (size_t depth = 0; current != 0 && depth <= def->n_lots; depth++) {
        for (size_t i = 0; i < def->n_requirements && i < TND_FORM_MAX_REQUIREMENTS; i++) {
            const tnd_requirement *q = &def->requirements[i];
            if (q->lot != current)
                continue;
            begin(c);
            add(c, "=IF(%s,%s,%d)", applied(c, n),
                R(c, FI_REQUIREMENTS, LAY(c)->req_row[i], TND_FORM_FACT_COL_VALUE + 3),
                TND_NOT_APPLICABLE);
            check_row(k, &q->ref, n, TND_FORM_SHEET_REQUIREMENTS);
        }
        const tnd_lot *l = tnd_definition_lot(def, current);
        current = l ? l->requirements_include : 0;
    }
}

/* Rule INT-GROEP-CAPACITEIT (§8.3.2, rules_suitability.c judge_group_capacity): products and a
 * capacity > 0. */
static void capacity_row(check_sheet *k, const tnd_lot *lot)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    int n = lot->number, li = -1;
    const tnd_lot *gl = NULL;
    for (size_t l = 0; l < def->n_lots && l < TND_FORM_MAX_LOTS; l++)
        if (def->lots[l].number == n) {
            gl = &def->lots[l];
            li = (int)l;
        }
    begin(c);
    add(c, "=IF(%s,IF(AND(N(%s)>0,OR(FALSE", applied(c, n),
        li >= 0 ? R(c, FI_LOTS, LAY(c)->lot_row[li], TND_FORM_LOT_COL_CAPACITY) : "0");
    for (size_t p = 0; gl && p < gl->n_products; p++)
        add(c, ",%s=\"%s\"", product_cell(c, n, gl->products[p].code), TND_FORM_YES);
    add(c, ")),%d,%d),%d)", TND_PASS, TND_MISSING, TND_NOT_APPLICABLE);
    check_row(k, &def->group.capacity_rule, n, TND_FORM_SHEET_LOTS);
}

/* Rule INT-BEREKENING-PER-GROEP (§9 L4156-4158, rules_suitability.c judge_calculations): a
 * group claims every banded intensity product bid. */
static void calculation_row(check_sheet *k, const tnd_lot *lot)
{
    calc *c = k->c;
    const tnd_residential_rules *res = &c->f->def->residential;
    const tnd_fillin_layout *L = LAY(c);
    int n = lot->number;
    const tnd_lot *rl = tnd_definition_lot(c->f->def, n);
    const char *claims = RNG(c, FI_GROUPS, L->res_row0, TND_FORM_RES_COL_CLAIMED,
                             L->res_row0 + TND_FORM_GROUP_ROWS - 1, TND_FORM_RES_COL_CLAIMED);
    char claims_ref[FI_REF_LEN];
    snprintf(claims_ref, sizeof claims_ref, "%s", claims);
    begin(c);
    add(c, "=IF(%s,IF(OR(FALSE", applied(c, n));
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

/* Rules INT-* (tnd_rules_intensity): group care and its capacity on the group lot, the
 * calculations, classification and maximum on the residential lot. */
void tnd_fillin_intensity_rows(check_sheet *k, const tnd_lot *lot)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    int n = lot->number, S = TND_FORM_FIN_COL_SEV;
    int summary = LAY(c)->group_summary_row;
    if (def->group.lot == n) {
        begin(c);
        add(c, "=%s", R(c, FI_GROUPS, summary + 2, S));
        check_row(k, &def->group.ref, n, TND_FORM_SHEET_GROUPS);
    }
    if (def->group.lot == n && def->group.capacity_rule.id[0])
        capacity_row(k, lot);
    if (def->residential.lot == n && def->residential.calc_rule.id[0])
        calculation_row(k, lot);
    if (def->residential.lot == n) {
        begin(c);
        add(c, "=%s", R(c, FI_GROUPS, summary, S));
        check_row(k, &def->residential.ref, n, TND_FORM_SHEET_GROUPS);
        begin(c);
        add(c, "=%s", R(c, FI_GROUPS, summary + 1, S));
        check_row(k, &def->residential.max_rule, n, TND_FORM_SHEET_GROUPS);
    }
}
