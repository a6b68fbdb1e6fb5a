/*
 * fillin_check.c - the live formulas of the bidder workbook (the self-check that runs inside
 * Excel or LibreOffice while a provider types) for what scoring/check.c decides itself: the
 * closing time (§3.6), the required items of step 1, the exclusion grounds of the UEA (§5.2),
 * the document ages (§5.2, §5.9), the declarations (§4.1.3-§5.8), the lot combinations (§4.3.1) and
 * the status per lot; and the sheet 'Controle', whose rows the families write in the order of
 * the blocks below (the rules of scoring/rules_financial.c in fillin_rules_financial.c, those of
 * scoring/rules_suitability.c in fillin_rules_suitability.c; helpers: fillin_calc.h).
 *
 * Every formula mirrors one rule of scoring/ with the numbers of the definition written into it,
 * so the sheet 'Controle' shows per rule id and perceel the verdict `tender check` gives
 * (tests/unit/test_forms.c recalculates the form in LibreOffice and compares).
 */
#include "forms/fillin_calc.h"

#include <stdlib.h>

#define UNKNOWN_DOC_SEV TND_REVIEW /* a document the form does not ask: reviewer (check.c) */

/* ------------------------------------------------------------------ Identiteit */

/* The labels and keys of the calculation rows under the party grid. */
static void party_calc_labels(calc *c)
{
    const tnd_fillin_layout *L = LAY(c);
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
}

/* The exclusion grounds the form asks, one block of rows: first and last row, how many. */
typedef struct {
    int first, last, n;
} ground_rows;

static ground_rows grounds_asked(calc *c)
{
    const tnd_fillin_layout *L = LAY(c);
    const tnd_exclusion_rules *ex = &c->f->def->exclusion;
    ground_rows g = { -1, -1, 0 };
    for (size_t i = 0; i < ex->n_grounds && i < TND_FORM_MAX_GROUNDS; i++)
        if (L->ground_row[i] != TND_FORM_NO_ROW) {
            if (g.first < 0)
                g.first = L->ground_row[i];
            g.last = L->ground_row[i];
            g.n++;
        }
    return g;
}

/* Party p counts (the inschrijver always, a member of a combination, a third party with any
 * input), has a UEA, and answered every ground. */
static void party_presence(calc *c, int p, const ground_rows *g)
{
    const tnd_fillin_layout *L = LAY(c);
    lxw_format *calc_f = c->f->w.st.calc;
    int col = tnd_form_party_col(p);
    int row = L->party_calc_row[TND_FORM_PARTY_CALC_PRESENT];
    int uea_first = g->first >= 0 ? g->first : L->party_row[TND_FORM_PARTY_UEA_IIC];
    const char *own = RNG(c, FI_IDENTITY, L->party_first_row, col, L->party_last_row, col);
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
            RNG(c, FI_IDENTITY, uea_first, col, L->party_row[TND_FORM_PARTY_UEA_IV], col));
    row = L->party_calc_row[TND_FORM_PARTY_CALC_UEA_COMPLETE];
    const char *has = party_calc(c, TND_FORM_PARTY_CALC_HAS_UEA, p);
    if (g->n > 0)
        formula(c, row, col, calc_f, "=IF(AND(%s=1,COUNTA(%s)=%d),1,0)", has,
                RNG(c, FI_IDENTITY, g->first, col, g->last, col), g->n);
    else
        formula(c, row, col, calc_f, "=IF(%s=1,1,0)", has);
}

/* Rule block UITSL-UEA per party (§5.2, check.c check_exclusion): III A / III B "ja" excludes,
 * a III C "ja" goes to a reviewer; all "nee" and complete: PASS; no UEA: nothing (step 1
 * reports it). */
static void party_exclusion(calc *c, int p, const ground_rows *g)
{
    const tnd_fillin_layout *L = LAY(c);
    const tnd_exclusion_rules *ex = &c->f->def->exclusion;
    int col = tnd_form_party_col(p);
    begin(c);
    add(c, "=IF(OR(%s=0,%s=0),0,MAX(0", party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p),
        party_calc(c, TND_FORM_PARTY_CALC_HAS_UEA, p));
    for (int effect = TND_GROUND_EXCLUDE; effect <= TND_GROUND_REVIEW; effect++) {
        bool any = false;
        for (size_t i = 0; i < ex->n_grounds && i < TND_FORM_MAX_GROUNDS; i++) {
            if (L->ground_row[i] == TND_FORM_NO_ROW || (int)ex->grounds[i].effect != effect)
                continue;
            add(c, "%s(%s=\"%s\")", any ? "+" : ",IF(",
                R(c, FI_IDENTITY, L->ground_row[i], col), TND_FORM_YES);
            any = true;
        }
        if (any)
            add(c, ">0,%d,0)", effect == TND_GROUND_EXCLUDE ? TND_FAIL : TND_REVIEW);
    }
    if (g->n > 0)
        add(c, ",IF(AND(COUNTIF(%s,\"%s\")=0,%s=1),%d,0)))",
            RNG(c, FI_IDENTITY, g->first, col, g->last, col), TND_FORM_YES,
            party_calc(c, TND_FORM_PARTY_CALC_UEA_COMPLETE, p), TND_PASS);
    else
        add(c, ",IF(%s=1,%d,0)))", party_calc(c, TND_FORM_PARTY_CALC_UEA_COMPLETE, p), TND_PASS);
    emit(c, L->party_calc_row[TND_FORM_PARTY_CALC_UEA_SEV], col, c->f->w.st.calc);
}

/* The party field that holds the date of document `document`, or -1. */
static int document_field(const char *document)
{
    int field = -1;
    for (int fd = 0; fd < TND_FORM_PARTY_FIELDS; fd++)
        if (tnd_form_party_document((tnd_form_party_field)fd) &&
            strcmp(tnd_form_party_document((tnd_form_party_field)fd), document) == 0)
            field = fd;
    return field;
}

/* Rule block DOC-* per party (§5.2 / §5.9, check.c check_documents): the age of a document at
 * submission; the inschrijver and the members, not third parties. */
static void party_document(calc *c, int p, int d)
{
    const tnd_fillin_layout *L = LAY(c);
    const tnd_document_rule *rule = &c->f->def->documents[L->doc_calc_rule[d]];
    lxw_format *calc_f = c->f->w.st.calc;
    int col = tnd_form_party_col(p);
    int row = L->party_calc_row[TND_FORM_PARTY_CALC_DOC_SEV + d];
    if (p == 0) {
        char lab[TND_LABEL_LEN + 32];
        snprintf(lab, sizeof lab, "Oordeel %s (ernst)", rule->ref.label);
        text(c, row, TND_FORM_COL_KEY, rule->ref.id, c->f->w.st.key);
        text(c, row, TND_FORM_COL_LABEL, lab, NULL);
    }
    int field = document_field(rule->document);
    if (tnd_form_party_is_third(p)) {
        formula(c, row, col, calc_f, "=0");
        return;
    }
    if (field < 0) {
        formula(c, row, col, calc_f, "=%d", p == 0 ? UNKNOWN_DOC_SEV : 0);
        return;
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

static void identity_calcs(calc *c)
{
    c->on = FI_IDENTITY;
    party_calc_labels(c);
    ground_rows g = grounds_asked(c);
    for (int p = 0; p < TND_FORM_N_PARTIES; p++) {
        party_presence(c, p, &g);
        party_exclusion(c, p, &g);
        for (int d = 0; d < LAY(c)->n_doc_calcs; d++)
            party_document(c, p, d);
    }
}

/* ------------------------------------------------------------------ Controle: step 1 */

/* MAX over the party columns (the inschrijver and members; with_third: also third parties) of
 * a calculation row of Identiteit. */
static void party_max(calc *c, int calc_row, bool with_third)
{
    int last = with_third ? TND_FORM_N_PARTIES - 1 : TND_FORM_MAX_MEMBERS;
    add(c, "=MAX(%s)", RNG(c, FI_IDENTITY, calc_row, tnd_form_party_col(0), calc_row,
                           tnd_form_party_col(last)));
}

/* §6 step 1: is the required item present? One function per item name of check.c (its
 * item_* functions), each appending a condition. */
static void item_submission_time(calc *c)
{
    add(c, "%s<>\"\"", bid_cell(c, TND_FORM_BID_SUBMIT_DATE));
}

static void item_uea(calc *c)
{
    add(c, "AND(TRUE");
    for (int p = 0; p < TND_FORM_N_PARTIES; p++)
        add(c, ",OR(%s=0,%s=1)", party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p),
            party_calc(c, TND_FORM_PARTY_CALC_UEA_COMPLETE, p));
    add(c, ")");
}

static void item_financial_figures(calc *c)
{
    char cells[4096];
    int n = tnd_fillin_asked_cells(c, 0, cells, sizeof cells);
    add(c, "OR(%s=\"%s\",COUNT(%s)=%d)",
        R(c, FI_FINANCIAL, LAY(c)->fin_row[TND_FORM_FIN_STARTUP], TND_FORM_FIN_COL_VALUE),
        TND_FORM_YES, cells, n);
}

static void item_going_concern(calc *c)
{
    const tnd_fillin_layout *L = LAY(c);
    char cells[4096];
    int n = tnd_fillin_asked_cells(c, c->f->def->financial.going_concern_year, cells,
                                   sizeof cells);
    add(c, "OR(%s<>\"\",AND(%s=\"%s\",%s%s%s<%d))",
        R(c, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_GOING_CONCERN], TND_FORM_FIN_COL_VALUE),
        R(c, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_STARTUP], TND_FORM_FIN_COL_VALUE),
        TND_FORM_YES, n ? "COUNT(" : "0", n ? cells : "", n ? ")" : "", n);
}

static void item_insurance(calc *c)
{
    add(c, "OR(%s<>\"\",%s<>\"\")", R(c, FI_INSURANCE, LAY(c)->ins_row0, TND_FORM_INS_COL_COVER),
        party_cell(c, TND_FORM_PARTY_UEA_IV, 0));
}

static void item_quality_evidence(calc *c)
{
    const tnd_fillin_layout *L = LAY(c);
    add(c, "COUNTA(%s)>0",
        RNG(c, FI_INSURANCE, L->cert_row0, TND_FORM_CERT_COL_SCHEME,
            L->cert_row0 + TND_FORM_CERT_ROWS - 1, TND_FORM_CERT_COL_EVIDENCE));
}

static void item_kvk_extract(calc *c)
{
    add(c, "AND(TRUE");
    for (int p = 0; p <= TND_FORM_MAX_MEMBERS; p++)
        add(c, ",OR(%s=0,%s<>\"\")", party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p),
            party_cell(c, TND_FORM_PARTY_DOC_KVK, p));
    add(c, ")");
}

static void item_references(calc *c)
{
    const tnd_fillin_layout *L = LAY(c);
    add(c, "COUNTA(%s)>0",
        RNG(c, FI_REFERENCES, L->ref_row0, L->ref_col[TND_FORM_REF_REFERENT],
            L->ref_row0 + L->n_ref_rows - 1, L->ref_col[TND_FORM_REF_THIRD_PARTY]));
}

static void item_agb(calc *c)
{
    const tnd_fillin_layout *L = LAY(c);
    add(c, "COUNTA(%s)>0",
        RNG(c, FI_IDENTITY, L->bid_row[TND_FORM_BID_AGB], TND_FORM_ID_COL_BIDDER,
            L->bid_row[TND_FORM_BID_AGB + TND_FORM_MAX_AGB - 1], TND_FORM_ID_COL_BIDDER));
}

static void item_truthfulness(calc *c)
{
    add(c, "%s<>\"\"", bid_cell(c, TND_FORM_BID_TRUTHFULNESS));
}

static void item_signature(calc *c)
{
    add(c, "%s<>\"\"", bid_cell(c, TND_FORM_BID_SIGNATORY));
}

/* check.c item_fte: at least one tariff group with its fte */
static void item_fte(calc *c)
{
    int n_fte = LAY(c)->n_fte;
    if (n_fte > 0)
        add(c, "COUNT(%s)>0", RNG(c, FI_FTE, TND_FORM_FIRST_ROW, TND_FORM_FTE_COL_VALUE,
                                  TND_FORM_FIRST_ROW + n_fte - 1, TND_FORM_FTE_COL_VALUE));
    else
        add(c, "FALSE");
}

static void item_lots(calc *c)
{
    add(c, "OR(FALSE");
    for (size_t l = 0; l < c->f->def->n_lots && l < TND_FORM_MAX_LOTS; l++)
        add(c, ",%s", applied(c, c->f->def->lots[l].number));
    add(c, ")");
}

static const struct {
    const char *item;
    void (*present)(calc *c);
} items[] = {
    { "submission-time", item_submission_time },
    { "uea", item_uea },
    { "financial-figures", item_financial_figures },
    { "going-concern-statement", item_going_concern },
    { "insurance", item_insurance },
    { "quality-evidence", item_quality_evidence },
    { "kvk-extract", item_kvk_extract },
    { "references", item_references },
    { "agb", item_agb },
    { "truthfulness-declaration", item_truthfulness },
    { "signature", item_signature },
    { "fte-per-tariff-group", item_fte },
    { "lots", item_lots },
};

/* Appends the presence condition of `item`; false for an item the form cannot see. */
static bool item_present(calc *c, const char *item)
{
    for (size_t i = 0; i < TND_COUNTOF(items); i++)
        if (strcmp(items[i].item, item) == 0) {
            items[i].present(c);
            return true;
        }
    return false;
}

/* Rule PROC-SLUITINGSTIJD (§3.6, check.c check_closing_time): on or before the closing time,
 * compared in whole seconds, with its REVIEW window up to the later hour the document also
 * names (review-until). */
static void closing_rows(check_sheet *k)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    const char *sub = bid_cell(c, TND_FORM_BID_SUBMIT_DATE);
    const char *time = bid_cell(c, TND_FORM_BID_SUBMIT_TIME);
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
}

/* Rules VOLL-* (§6 step 1, check.c check_required_items): present PASS, absent MISSING, an item
 * the form cannot see REVIEW; N.V.T. when the item's lots are not applied for. */
static void required_rows(check_sheet *k)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
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
}

/* Rule UITSL-UEA (check.c check_exclusion): the worst party, third parties included. */
static void exclusion_rows(check_sheet *k)
{
    calc *c = k->c;
    begin(c);
    party_max(c, LAY(c)->party_calc_row[TND_FORM_PARTY_CALC_UEA_SEV], true);
    check_row(k, &c->f->def->exclusion.ref, 0, TND_FORM_SHEET_IDENTITY);
}

/* Rules DOC-* (check.c check_documents): the worst of the inschrijver and the members. */
static void document_rows(check_sheet *k)
{
    calc *c = k->c;
    const tnd_fillin_layout *L = LAY(c);
    for (int d = 0; d < L->n_doc_calcs; d++) {
        begin(c);
        party_max(c, L->party_calc_row[TND_FORM_PARTY_CALC_DOC_SEV + d], false);
        check_row(k, &c->f->def->documents[L->doc_calc_rule[d]].ref, 0,
                  TND_FORM_SHEET_IDENTITY);
    }
}

/* ------------------------------------------------------------------ Controle: declarations */

/* Rules VERKL-* (§4.1.3, §4.1.5, §4.1.10, §5.8; check.c check_declarations): one formula per
 * declaration kind; `viol` is the definition's verdict on a violation. */
static void decl_truthfulness(calc *c, int viol)
{
    const char *cell = bid_cell(c, TND_FORM_BID_TRUTHFULNESS);
    add(c, "=IF(%s=\"\",%d,IF(%s=\"%s\",%d,%d))", cell, TND_NOT_APPLICABLE, cell, TND_FORM_YES,
        TND_PASS, viol);
}

static void decl_signatory(calc *c, int viol)
{
    const char *cell = bid_cell(c, TND_FORM_BID_SIGNATORY);
    add(c, "=IF(%s=\"\",%d,IF(%s=\"%s\",%d,IF(AND(%s=\"%s\",%s=\"%s\"),%d,%d)))", cell,
        TND_NOT_APPLICABLE, cell, TND_FORM_YES, TND_PASS, bid_cell(c, TND_FORM_BID_MANDATE),
        TND_FORM_YES, bid_cell(c, TND_FORM_BID_MANDATE_GRANTOR), TND_FORM_YES, TND_PASS, viol);
}

static void decl_joint_liability(calc *c, int viol)
{
    add(c, "=IF(%s<>\"%s\",%d,IF(OR(FALSE", bid_cell(c, TND_FORM_BID_COMBINATION), TND_FORM_YES,
        TND_NOT_APPLICABLE);
    for (int p = 0; p <= TND_FORM_MAX_MEMBERS; p++)
        add(c, ",AND(%s=1,%s<>\"%s\")", party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p),
            party_cell(c, TND_FORM_PARTY_JOINT_LIABILITY, p), TND_FORM_YES);
    add(c, "),%d,%d))", viol, TND_PASS);
}

static void decl_penvoerder(calc *c, int viol)
{
    add(c, "=IF(%s<>\"%s\",%d,IF(%s<>\"\",%d,%d))", bid_cell(c, TND_FORM_BID_COMBINATION),
        TND_FORM_YES, TND_NOT_APPLICABLE, party_cell(c, TND_FORM_PARTY_NAME, 0), TND_PASS, viol);
}

static void decl_third_party(calc *c, int viol)
{
    add(c, "=MAX(0");
    for (int t = 0; t < TND_FORM_MAX_THIRD; t++) {
        int p = 1 + TND_FORM_MAX_MEMBERS + t;
        add(c, ",IF(%s=0,%d,IF(OR(%s<>\"%s\",%s<>\"%s\"),%d,%d))",
            party_calc(c, TND_FORM_PARTY_CALC_PRESENT, p), TND_NOT_APPLICABLE,
            party_cell(c, TND_FORM_PARTY_DECLARATION, p), TND_FORM_YES,
            party_cell(c, TND_FORM_PARTY_UEA_IIC, 0), TND_FORM_YES, viol, TND_PASS);
    }
    add(c, ")");
}

static void decl_holding(calc *c, int viol)
{
    add(c, "=IF(%s<>\"%s\",%d,IF(%s=\"%s\",%d,%d))", bid_cell(c, TND_FORM_BID_HOLDING),
        TND_FORM_YES, TND_NOT_APPLICABLE, bid_cell(c, TND_FORM_BID_HOLDING_DECLARATION),
        TND_FORM_YES, TND_PASS, viol);
}

static void decl_no_reservations(calc *c, int viol)
{
    add(c, "=IF(%s=\"%s\",%d,%d)", bid_cell(c, TND_FORM_BID_RESERVATIONS), TND_FORM_YES, viol,
        TND_PASS);
}

static void decl_language(calc *c, int viol)
{
    add(c, "=IF(%s=\"%s\",%d,%d)", bid_cell(c, TND_FORM_BID_LANGUAGE), TND_FORM_LANGUAGE_OTHER,
        viol, TND_PASS);
}

static const struct {
    const char *kind;
    void (*formula)(calc *c, int viol);
} declaration_kinds[] = {
    { "truthfulness", decl_truthfulness },
    { "signatory", decl_signatory },
    { "joint-liability", decl_joint_liability },
    { "penvoerder", decl_penvoerder },
    { "third-party-declaration", decl_third_party },
    { "holding-declaration", decl_holding },
    { "no-reservations", decl_no_reservations },
    { "language", decl_language },
};

static void declaration_rows(check_sheet *k)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    for (size_t i = 0; i < def->n_declarations; i++) {
        const tnd_declaration_rule *d = &def->declarations[i];
        int viol = d->on_violation > TND_PASS ? (int)d->on_violation : TND_FAIL;
        bool known = false;
        begin(c);
        for (size_t j = 0; j < TND_COUNTOF(declaration_kinds) && !known; j++)
            if (strcmp(d->kind, declaration_kinds[j].kind) == 0) {
                declaration_kinds[j].formula(c, viol);
                known = true;
            }
        if (!known)
            add(c, "=%d", TND_REVIEW); /* unknown declaration: a reviewer (check.c) */
        check_row(k, &d->ref, 0, TND_FORM_SHEET_IDENTITY);
    }
}

/* ------------------------------------------------------------------ Controle: lot rows */

/* Rules COMBI-* (§4.3.1 lot combinations, check.c check_lot_combinations): combo_at_most,
 * combo_requires_any, combo_all_products. */
static void combination_rows(check_sheet *k, const tnd_lot *lot)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    int n = lot->number;
    const char *app = applied(c, n);
    for (size_t i = 0; i < def->n_combo_rules; i++) {
        const tnd_combo_rule *cr = &def->combo_rules[i];
        int n_set = cr->n_lots < TND_MAX_SET ? cr->n_lots : TND_MAX_SET;
        bool in_set = false;
        for (int s = 0; s < n_set; s++)
            in_set = in_set || cr->lots[s] == n;
        begin(c);
        if (cr->kind == TND_COMBO_AT_MOST && in_set) {
            add(c, "=IF(%s,IF(0", app);
            for (int s = 0; s < n_set; s++)
                add(c, "+%s", applied(c, cr->lots[s]));
            add(c, ">%d,%d,%d),%d)", cr->count, TND_FAIL, TND_PASS, TND_NOT_APPLICABLE);
        } else if (cr->kind == TND_COMBO_REQUIRES_ANY && cr->lot == n) {
            add(c, "=IF(%s,IF(OR(FALSE", app);
            for (int s = 0; s < n_set; s++)
                add(c, ",%s", applied(c, cr->lots[s]));
            for (int e = 0; e < cr->n_except && e < (int)TND_COUNTOF(cr->except_provider_types);
                 e++)
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

/* ------------------------------------------------------------------ Controle: the blocks */

/* The rows of 'Controle' that hold for the whole bid, in order: each block names the scoring/
 * function it mirrors, and check_row logs that name with every rule id it writes. */
static const struct {
    const char *mirrors;
    void (*rows)(check_sheet *k);
} general_blocks[] = {
    { "check.c check_closing_time", closing_rows },
    { "check.c check_required_items", required_rows },
    { "check.c check_exclusion", exclusion_rows },
    { "check.c check_documents", document_rows },
    { "rules_financial.c tnd_rules_financial", tnd_fillin_financial_rows },
    { "rules_suitability.c tnd_rules_insurance", tnd_fillin_insurance_rows },
    { "rules_suitability.c tnd_rules_references", tnd_fillin_reference_rows },
    { "rules_suitability.c tnd_rules_agb", tnd_fillin_agb_rows },
    { "check.c check_declarations", declaration_rows },
};

/* The rows of one lot, in order; every row is N.V.T. when the bid does not apply for the lot. */
static const struct {
    const char *mirrors;
    void (*rows)(check_sheet *k, const tnd_lot *lot);
} lot_blocks[] = {
    { "rules_suitability.c judge_quality_system", tnd_fillin_quality_rows },
    { "rules_suitability.c judge_keurmerk", tnd_fillin_keurmerk_rows },
    { "rules_suitability.c tnd_rules_requirements", tnd_fillin_requirement_rows },
    { "rules_suitability.c tnd_rules_intensity", tnd_fillin_intensity_rows },
    { "rules_products.c tnd_rules_products", tnd_fillin_product_rows },
    { "check.c check_lot_combinations", combination_rows },
};

/* The sheet's intro, headers and column widths. */
static void check_sheet_head(calc *c)
{
    lxw_worksheet *ws = c->f->ws[FI_CHECK];
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
    for (size_t i = 0; i < TND_COUNTOF(heads); i++)
        text(c, TND_FORM_HEADER_ROW, (int)i, heads[i], c->f->w.st.header);
    static const struct {
        int col;
        double width;
    } widths[] = { { TND_FORM_CHECK_COL_RULE, 30 }, { TND_FORM_CHECK_COL_LABEL, 60 },
                   { TND_FORM_CHECK_COL_SOURCE, 24 }, { TND_FORM_CHECK_COL_VERDICT, 28 } };
    for (size_t i = 0; i < TND_COUNTOF(widths); i++)
        tnd_form_note(&c->f->w, worksheet_set_column(ws, (lxw_col_t)widths[i].col,
                                                     (lxw_col_t)widths[i].col, widths[i].width,
                                                     NULL));
    worksheet_freeze_panes(ws, TND_FORM_FIRST_ROW, 0);
}

/* The status row of one lot: the worst of the general rows and its own (check.c status_of),
 * "niet ingeschreven" without an application. */
static void lot_status_row(check_sheet *k, const tnd_lot *lot, int first, int last)
{
    calc *c = k->c;
    int row = k->row++;
    char key_text[32], lab[TND_LABEL_LEN + 32];
    snprintf(key_text, sizeof key_text, "perceel-%d", lot->number);
    snprintf(lab, sizeof lab, "Perceel %d: %s", lot->number, lot->name);
    text(c, row, TND_FORM_CHECK_COL_RULE, key_text, NULL);
    text(c, row, TND_FORM_CHECK_COL_LABEL, lab, NULL);
    text(c, row, TND_FORM_CHECK_COL_SOURCE, lot->source, NULL);
    tnd_form_note(&c->f->w, worksheet_write_number(c->f->ws[FI_CHECK], (lxw_row_t)row,
                                                   TND_FORM_CHECK_COL_LOT, lot->number, NULL));
    begin(c);
    add(c, "=IF(%s,MAX(%s", applied(c, lot->number),
        RNG(c, FI_CHECK, k->general_first, TND_FORM_CHECK_COL_SEV, k->general_last,
            TND_FORM_CHECK_COL_SEV));
    if (last >= first)
        add(c, ",%s", RNG(c, FI_CHECK, first, TND_FORM_CHECK_COL_SEV, last,
                          TND_FORM_CHECK_COL_SEV));
    add(c, "),\"\")");
    emit(c, row, TND_FORM_CHECK_COL_SEV, c->f->w.st.calc);
    const char *sev = R(c, FI_CHECK, row, TND_FORM_CHECK_COL_SEV);
    const char *ok = tnd_lot_status_dutch(TND_LOT_ELIGIBLE);
    const char *cond = tnd_lot_status_dutch(TND_LOT_CONDITIONAL);
    const char *pending = tnd_lot_status_dutch(TND_LOT_PENDING);
    const char *not_ok = tnd_lot_status_dutch(TND_LOT_NOT_ELIGIBLE);
    formula(c, row, TND_FORM_CHECK_COL_VERDICT, c->f->w.st.calc,
            "=IF(%s=\"\",\"%s\",CHOOSE(%s+1,\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"%s\"))",
            sev, TND_FORM_LOT_NOT_APPLIED, sev, ok, ok, cond, pending, pending, not_ok, not_ok);
}

static void check_calcs(calc *c)
{
    const tnd_definition *def = c->f->def;
    c->on = FI_CHECK;
    check_sheet_head(c);
    check_sheet k = { .c = c, .row = TND_FORM_FIRST_ROW };
    k.general_first = k.row;
    for (size_t b = 0; b < TND_COUNTOF(general_blocks); b++) {
        k.block = general_blocks[b].mirrors;
        general_blocks[b].rows(&k);
    }
    k.general_last = k.row - 1;
    int lot_first[TND_FORM_MAX_LOTS], lot_last[TND_FORM_MAX_LOTS];
    for (size_t l = 0; l < def->n_lots && l < TND_FORM_MAX_LOTS; l++) {
        lot_first[l] = k.row;
        for (size_t b = 0; b < TND_COUNTOF(lot_blocks); b++) {
            k.block = lot_blocks[b].mirrors;
            lot_blocks[b].rows(&k, &def->lots[l]);
        }
        lot_last[l] = k.row - 1;
    }
    int rules_last = k.row - 1;
    k.row++;
    text(c, k.row++, TND_FORM_CHECK_COL_LABEL, "Per perceel (alle algemene eisen en de eisen "
                                              "van het perceel)", c->f->w.st.section);
    int lots_first = k.row;
    for (size_t l = 0; l < def->n_lots && l < TND_FORM_MAX_LOTS; l++)
        lot_status_row(&k, &def->lots[l], lot_first[l], lot_last[l]);
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
    c.pool = calloc(FI_POOL, sizeof *c.pool);
    if (!c.pool) {
        f->w.oom = true;
        return;
    }
    tnd_buf_init(&c.b);
    void (*const sections[])(calc *) = {
        identity_calcs,          tnd_fillin_financial_calcs,   tnd_fillin_insurance_calcs,
        tnd_fillin_reference_calcs, tnd_fillin_requirement_calcs, tnd_fillin_group_calcs,
        check_calcs
    };
    for (size_t i = 0; i < TND_COUNTOF(sections); i++) {
        long before = c.taken;
        sections[i](&c);
        /* a piece of text held across a section must not be reused: the pool is sized for the
         * largest section (IJsselland: 740 of 2048); a bigger definition fails loudly */
        if (c.taken - before > FI_POOL)
            tnd_form_note(&f->w, LXW_ERROR_PARAMETER_VALIDATION);
    }
    if (c.b.oom)
        f->w.oom = true;
    tnd_buf_free(&c.b);
    free(c.pool);
}
