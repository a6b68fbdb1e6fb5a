/*
 * form_layout.c - the computed layout of the bidder workbook and the names of its fields
 * (form_layout.h). Only positions and names live here; fillin_xlsx.c writes the cells.
 */
#include "forms/layout/form_layout.h"

#include <stdio.h>
#include <string.h>

#include "scoring/facts.h"

const char *const tnd_form_plan_texts[5] = {
    [TND_PLAN_NONE] = "",
    [TND_PLAN_SUBMITTED] = "ingediend",
    [TND_PLAN_ACCEPTED] = "geaccepteerd",
    [TND_PLAN_REJECTED] = "afgewezen",
    [TND_PLAN_NOT_DELIVERED] = "niet aangeleverd",
};

const char *const tnd_form_keurmerk_texts[3] = {
    [TND_KEURMERK_NONE] = "geen",
    [TND_KEURMERK_HELD] = "behaald",
    [TND_KEURMERK_IN_PROGRESS] = "in behandeling",
};

const tnd_form_field_name tnd_form_bid_field_names[TND_FORM_BID_FIELDS] = {
    [TND_FORM_BID_SUBMIT_DATE] = { "datum-indienen", "Datum van indienen" },
    [TND_FORM_BID_SUBMIT_TIME] = { "tijd-indienen", "Tijd van indienen (uu:mm)" },
    [TND_FORM_BID_PROVIDER_TYPE] = { "soort-aanbieder", "Soort aanbieder" },
    [TND_FORM_BID_AGB + 0] = { "agb-1", "AGB-code" },
    [TND_FORM_BID_AGB + 1] = { "agb-2", "Tweede AGB-code (alleen als u er meer hebt)" },
    [TND_FORM_BID_AGB + 2] = { "agb-3", "Derde AGB-code" },
    [TND_FORM_BID_AGB + 3] = { "agb-4", "Vierde AGB-code" },
    [TND_FORM_BID_COMBINATION] = { "combinatie", "Inschrijving als combinatie (penvoerder in kolom C)" },
    [TND_FORM_BID_HOLDING] = { "holding", "Onderdeel van een holding" },
    [TND_FORM_BID_HOLDING_NAME] = { "holding-naam", "Naam van de holding" },
    [TND_FORM_BID_HOLDING_DECLARATION] = { "holdingverklaring", "Holdingverklaring bijgevoegd" },
    [TND_FORM_BID_OPT_OUT] = { "afzien-indeling", "Afzien van indeling in een lager perceel (bijlage I punt 2)" },
    [TND_FORM_BID_TRUTHFULNESS] = { "verklaring-waarheid", "Verklaring naar waarheid ondertekend" },
    [TND_FORM_BID_SIGNATORY] = { "tekenbevoegd", "Ondertekenaar tekenbevoegd volgens KvK-uittreksel" },
    [TND_FORM_BID_MANDATE] = { "machtiging", "Machtiging bijgevoegd" },
    [TND_FORM_BID_MANDATE_GRANTOR] = { "machtiging-tekenbevoegd", "Machtiging gegeven door een tekenbevoegde" },
    [TND_FORM_BID_RESERVATIONS] = { "voorbehouden", "Voorwaarden of voorbehouden bij de inschrijving" },
    [TND_FORM_BID_LANGUAGE] = { "taal", "Taal van de inschrijving" },
};

const tnd_form_field_name tnd_form_party_field_names[TND_FORM_PARTY_FIELDS] = {
    [TND_FORM_PARTY_NAME] = { "naam", "Naam" },
    [TND_FORM_PARTY_KVK] = { "kvk", "KvK-nummer (8 cijfers)" },
    [TND_FORM_PARTY_LEGAL_FORM] = { "rechtsvorm", "Rechtsvorm" },
    [TND_FORM_PARTY_UEA_IIC] = { "uea-iic", "UEA deel II C: beroep op de draagkracht van een derde" },
    [TND_FORM_PARTY_UEA_IV] = { "uea-iv", "UEA deel IV: voldoet aan de geschiktheidseisen" },
    [TND_FORM_PARTY_DOC_KVK] = { "datum-kvk-uittreksel", "Datum uittreksel handelsregister (KvK)" },
    [TND_FORM_PARTY_DOC_GEDRAG] = { "datum-gedragsverklaring", "Datum Gedragsverklaring Aanbesteden" },
    [TND_FORM_PARTY_DOC_BELASTING] = { "datum-belastingverklaring", "Datum verklaring Belastingdienst" },
    [TND_FORM_PARTY_JOINT_LIABILITY] = { "hoofdelijk", "Verklaring hoofdelijke aansprakelijkheid ondertekend (combinatie)" },
    [TND_FORM_PARTY_RELIED_FOR] = { "beroep-voor", "Derde: beroep voor (bijv. referenties)" },
    [TND_FORM_PARTY_DECLARATION] = { "verklaring-derde", "Derde: Verklaring inzet Derden ondertekend" },
};

const tnd_form_field_name tnd_form_fin_field_names[TND_FORM_FIN_FIELDS] = {
    [TND_FORM_FIN_STARTUP] = { "starter", "Startende organisatie zonder (volledige) cijfers" },
    [TND_FORM_FIN_GOING_CONCERN] = { "continuiteit-negatief", "Jaarrekening bevat een negatieve continuïteitsverwachting" },
    [TND_FORM_FIN_PLAN] = { "plan-van-aanpak", "Status aanvullend plan van aanpak (in te vullen door de opdrachtgever)" },
};

const char *tnd_form_party_document(tnd_form_party_field f)
{
    switch (f) {
    case TND_FORM_PARTY_DOC_KVK:
        return "kvk-extract";
    case TND_FORM_PARTY_DOC_GEDRAG:
        return "gedragsverklaring";
    case TND_FORM_PARTY_DOC_BELASTING:
        return "belastingverklaring";
    default:
        return NULL;
    }
}

static const char *const party_keys[TND_FORM_N_PARTIES] = {
    "inschrijver", "lid-1", "lid-2", "lid-3", "derde-1", "derde-2"
};
static const char *const party_titles[TND_FORM_N_PARTIES] = {
    "Inschrijver (penvoerder)", "Combinatielid 1", "Combinatielid 2", "Combinatielid 3",
    "Derde 1", "Derde 2"
};

const char *tnd_form_party_key(int p)
{
    return p >= 0 && p < TND_FORM_N_PARTIES ? party_keys[p] : "";
}

const char *tnd_form_party_title(int p)
{
    return p >= 0 && p < TND_FORM_N_PARTIES ? party_titles[p] : "";
}

static const char *const committee_members[TND_FORM_COMMITTEE_MEMBERS] = {
    "lid-1", "lid-2", "lid-3", "lid-4", "lid-5"
};

const char *tnd_form_committee_member(int i)
{
    return i >= 0 && i < TND_FORM_COMMITTEE_MEMBERS ? committee_members[i] : "";
}

/* ------------------------------------------------------------------ the layout */

static tnd_status too_many(tnd_error *err, const char *what, int max)
{
    tnd_error_set(err, TND_ERR_DEFINITION, "", 0, NULL,
                  "te veel %s voor het invulformulier", what);
    tnd_error_hint(err, "het invulformulier houdt er ten hoogste %d; vergroot de grens in "
                   "forms/layout/form_layout.h", max);
    return TND_ERR_DEFINITION;
}

static void insert_year(tnd_fillin_layout *L, int year)
{
    for (int i = 0; i < L->n_years; i++)
        if (L->years[i] == year)
            return;
    if (L->n_years >= TND_FORM_MAX_YEARS)
        return;
    int i = L->n_years++;
    while (i > 0 && L->years[i - 1] > year) {
        L->years[i] = L->years[i - 1];
        i--;
    }
    L->years[i] = year;
}

/* What the form asks for a fact: from the fact vocabulary (scoring/facts.c), which the
 * definition loader has checked every requirement against. */
static tnd_form_fact_kind fact_kind(const tnd_requirement *q)
{
    const tnd_fact_spec *spec = tnd_fact_spec_find(q->fact);
    if (!spec)
        return TND_FORM_FACT_TEXT; /* not reached: the loader refuses an unknown fact */
    if (spec->origin == TND_FACT_DERIVED)
        return TND_FORM_FACT_DERIVED;
    switch (spec->kind) {
    case TND_FACT_KIND_FLAG:
        return TND_FORM_FACT_FLAG;
    case TND_FACT_KIND_MONEY:
        return TND_FORM_FACT_MONEY;
    case TND_FACT_KIND_TEXT:
        return TND_FORM_FACT_TEXT;
    case TND_FACT_KIND_COUNT:
    case TND_FACT_KIND_DECIMAL:
        break;
    }
    return TND_FORM_FACT_NUMBER;
}

/* Is lot `number` the source or a target of a cascade chain (a "tariefgroep" lot, §4.3.1)? */
static bool in_cascade(const tnd_definition *def, int number)
{
    for (int c = 0; c < def->cascade.n_chains && c < (int)TND_COUNTOF(def->cascade.chains); c++) {
        const tnd_cascade_chain *ch = &def->cascade.chains[c];
        if (ch->from == number)
            return true;
        for (int t = 0; t < ch->n_to && t < (int)TND_COUNTOF(ch->to); t++)
            if (ch->to[t] == number)
                return true;
    }
    return false;
}

/* FTE per tariefgroep: the products of the lots of the cascade (the tariefgroep lots, §5.6), in
 * definition order, each code once. */
static tnd_status fte_codes(const tnd_definition *def, tnd_fillin_layout *L, tnd_error *err)
{
    for (size_t l = 0; l < def->n_lots; l++) {
        if (!in_cascade(def, def->lots[l].number))
            continue;
        for (size_t p = 0; p < def->lots[l].n_products; p++) {
            const char *code = def->lots[l].products[p].code;
            bool seen = false;
            for (int i = 0; i < L->n_fte && !seen; i++)
                seen = strcmp(L->fte_codes[i], code) == 0;
            if (seen)
                continue;
            if (L->n_fte >= TND_FORM_MAX_FTE)
                return too_many(err, "tariefgroepen (FTE)", TND_FORM_MAX_FTE);
            snprintf(L->fte_codes[L->n_fte++], TND_CODE_LEN, "%s", code);
        }
    }
    return TND_OK;
}

static tnd_status facts_of(const tnd_definition *def, tnd_fillin_layout *L, tnd_error *err)
{
    for (size_t i = 0; i < def->n_requirements; i++) {
        const tnd_requirement *q = &def->requirements[i];
        if (q->kind == TND_REQ_BIDS_PRODUCT)
            continue;
        bool seen = false;
        for (int f = 0; f < L->n_facts && !seen; f++)
            seen = strcmp(L->facts[f].name, q->fact) == 0 && L->facts[f].year == q->year;
        if (seen)
            continue;
        if (L->n_facts >= TND_FORM_MAX_FACTS)
            return too_many(err, "gegevens (feiten) in de eisen", TND_FORM_MAX_FACTS);
        tnd_form_fact *f = &L->facts[L->n_facts++];
        snprintf(f->name, sizeof f->name, "%s", q->fact);
        f->year = q->year;
        f->kind = fact_kind(q);
    }
    return TND_OK;
}

static tnd_status keurmerk_kinds(const tnd_definition *def, tnd_fillin_layout *L, tnd_error *err)
{
    if (def->n_keurmerken > TND_FORM_MAX_QUALITY)
        return too_many(err, "keurmerkregels", TND_FORM_MAX_QUALITY);
    for (size_t i = 0; i < def->n_keurmerken; i++) {
        const char *kind = def->keurmerken[i].keurmerk;
        bool seen = false;
        for (int k = 0; k < L->n_keurmerk_kinds && !seen; k++)
            seen = strcmp(L->keurmerk_kinds[k], kind) == 0;
        if (seen)
            continue;
        if (L->n_keurmerk_kinds >= TND_FORM_MAX_KEURMERK_KINDS)
            return too_many(err, "soorten keurmerk", TND_FORM_MAX_KEURMERK_KINDS);
        snprintf(L->keurmerk_kinds[L->n_keurmerk_kinds++], TND_CODE_LEN, "%s", kind);
    }
    return TND_OK;
}

static void layout_identity(const tnd_definition *def, tnd_fillin_layout *L)
{
    int row = TND_FORM_FIRST_ROW + 1; /* first row: section title "Inschrijving" */
    for (int f = 0; f < TND_FORM_BID_FIELDS; f++) {
        if (f == TND_FORM_BID_OPT_OUT && !def->cascade.opt_out_allowed) {
            L->bid_row[f] = TND_FORM_NO_ROW;
            continue;
        }
        L->bid_row[f] = row++;
    }
    row += 2; /* blank row, section title "Partijen" */
    L->party_first_row = row;
    for (int f = 0; f < TND_FORM_PARTY_FIELDS; f++) {
        if (f == TND_FORM_PARTY_UEA_IIC)
            for (size_t g = 0; g < def->exclusion.n_grounds && g < TND_FORM_MAX_GROUNDS; g++)
                L->ground_row[g] = def->exclusion.grounds[g].effect == TND_GROUND_NOT_APPLIED
                                       ? TND_FORM_NO_ROW
                                       : row++;
        L->party_row[f] = row++;
    }
    L->party_last_row = row - 1;
    row += 2; /* blank row, section title "Berekening" */
    for (int c = 0; c < TND_FORM_PARTY_CALCS; c++)
        L->party_calc_row[c] = TND_FORM_NO_ROW;
    L->party_calc_row[TND_FORM_PARTY_CALC_PRESENT] = row++;
    L->party_calc_row[TND_FORM_PARTY_CALC_HAS_UEA] = row++;
    L->party_calc_row[TND_FORM_PARTY_CALC_UEA_COMPLETE] = row++;
    L->party_calc_row[TND_FORM_PARTY_CALC_UEA_SEV] = row++;
    for (size_t d = 0; d < def->n_documents && L->n_doc_calcs < TND_FORM_MAX_DOC_CALCS; d++) {
        L->doc_calc_rule[L->n_doc_calcs] = (int)d;
        L->party_calc_row[TND_FORM_PARTY_CALC_DOC_SEV + L->n_doc_calcs++] = row++;
    }
}

static void layout_financial(const tnd_definition *def, tnd_fillin_layout *L)
{
    const tnd_financial_rules *fin = &def->financial;
    for (int i = 0; i < fin->n_items && i < (int)TND_COUNTOF(fin->items); i++)
        for (int y = 0; y < fin->items[i].n_years && y < (int)TND_COUNTOF(fin->items[i].years); y++)
            insert_year(L, fin->items[i].years[y]);
    for (int n = 0; n < fin->n_norms && n < TND_FORM_MAX_NORMS; n++)
        for (int y = 0; y < fin->norms[n].n_years && y < (int)TND_COUNTOF(fin->norms[n].years); y++)
            insert_year(L, fin->norms[n].years[y]);
    int row = TND_FORM_FIRST_ROW;
    for (int i = 0; i < (int)TND_COUNTOF(L->fin_item_row); i++)
        L->fin_item_row[i] = i < fin->n_items ? row++ : TND_FORM_NO_ROW;
    row++;
    for (int f = 0; f < TND_FORM_FIN_FIELDS; f++)
        L->fin_row[f] = row++;
    for (int n = 0; n < TND_FORM_MAX_NORMS; n++) {
        if (n >= fin->n_norms) {
            L->norm_value_row[n] = L->norm_met_row[n] = TND_FORM_NO_ROW;
            L->norm_failed_row[n] = L->norm_verdict_row[n] = TND_FORM_NO_ROW;
            continue;
        }
        row += 2; /* blank row, the norm's title */
        L->norm_value_row[n] = row++;
        L->norm_met_row[n] = row++;
        L->norm_failed_row[n] = row++;
        L->norm_verdict_row[n] = row++;
    }
    row += 2; /* blank row, section title "Financieel oordeel" */
    L->fin_startup_active_row = row++;
    L->fin_outcome_row = row++;
    L->fin_going_concern_row = row++;
    L->fin_startup_row = row++;
    L->fin_plan_row = row++;
}

static void layout_insurance(const tnd_definition *def, tnd_fillin_layout *L)
{
    L->ins_header_row = TND_FORM_HEADER_ROW;
    L->ins_row0 = TND_FORM_FIRST_ROW;
    L->cert_header_row = L->ins_row0 + TND_FORM_N_PARTIES + 1;
    L->cert_row0 = L->cert_header_row + 1;
    int row = L->cert_row0 + TND_FORM_CERT_ROWS + 1; /* a blank row, then the verdicts */
    for (int q = 0; q < TND_FORM_MAX_QUALITY; q++)
        L->quality_row[q] = (size_t)q < def->n_quality ? row++ : TND_FORM_NO_ROW;
    row++;
    L->keurmerk_header_row = row++;
    for (int k = 0; k < TND_FORM_MAX_KEURMERK_KINDS; k++)
        L->keurmerk_row[k] = k < L->n_keurmerk_kinds ? row++ : TND_FORM_NO_ROW;
    for (int q = 0; q < TND_FORM_MAX_QUALITY; q++)
        L->keurmerk_rule_row[q] = (size_t)q < def->n_keurmerken ? row++ : TND_FORM_NO_ROW;
}

static void layout_references(const tnd_definition *def, tnd_fillin_layout *L)
{
    int n_comp = def->references.n_competences;
    int col = TND_FORM_COL_LABEL + 1;
    for (int f = 0; f < TND_FORM_REF_FIELDS; f++) {
        if (f >= TND_FORM_REF_COMPETENCE && f < TND_FORM_REF_DISSOLVED &&
            f - TND_FORM_REF_COMPETENCE >= n_comp) {
            L->ref_col[f] = -1;
            continue;
        }
        L->ref_col[f] = col++;
    }
    L->ref_col_counts = col++;
    L->ref_col_rule_sev = col;
    col += TND_FORM_REF_RULES;
    L->ref_col_clean = col++;
    L->ref_col_verdict = col++;
    L->ref_row0 = TND_FORM_FIRST_ROW;
    L->n_ref_rows = def->references.count + TND_FORM_EXTRA_REFERENCES;
    L->ref_summary_row = L->ref_row0 + L->n_ref_rows + 1;
}

static const char *const prow_prefix[4] = { "maximum", "groep", "ouder", "ambulant" };

void tnd_form_prow_key(const tnd_form_prow *p, char *buf, size_t size)
{
    switch (p->kind) {
    case TND_FORM_PROW_CAP:
        snprintf(buf, size, "%s-%d-%s-%s", prow_prefix[p->kind], p->lot, p->product, p->measure);
        break;
    case TND_FORM_PROW_GROUP:
    case TND_FORM_PROW_PARENT:
        snprintf(buf, size, "%s-%d-%s-%d", prow_prefix[p->kind], p->lot, p->product, p->n);
        break;
    case TND_FORM_PROW_AMBULANT:
        snprintf(buf, size, "%s-%d", prow_prefix[p->kind], p->lot);
        break;
    }
}

const tnd_form_prow *tnd_form_prow_find(const tnd_fillin_layout *L, tnd_form_prow_kind kind,
                                        int lot, const char *product, const char *measure, int n)
{
    for (int i = 0; i < L->n_prows; i++) {
        const tnd_form_prow *p = &L->prows[i];
        if (p->kind != kind || p->lot != lot)
            continue;
        if (kind != TND_FORM_PROW_AMBULANT && strcmp(p->product, product) != 0)
            continue;
        if (kind == TND_FORM_PROW_CAP && strcmp(p->measure, measure) != 0)
            continue;
        if ((kind == TND_FORM_PROW_GROUP || kind == TND_FORM_PROW_PARENT) && p->n != n)
            continue;
        return p;
    }
    return NULL;
}

static tnd_form_prow_kind prow_kind_of(tnd_product_rule_kind k, bool *asks)
{
    *asks = true;
    switch (k) {
    case TND_PRULE_CAP: return TND_FORM_PROW_CAP;
    case TND_PRULE_STAFFING: return TND_FORM_PROW_GROUP;
    case TND_PRULE_PARENTS: return TND_FORM_PROW_PARENT;
    case TND_PRULE_AMBULANT: return TND_FORM_PROW_AMBULANT;
    case TND_PRULE_QUALITY: break; /* the certificates of 'Verzekering en kwaliteit' */
    }
    *asks = false;
    return TND_FORM_PROW_CAP;
}

/* The rows of 'Producten': per kind (the order of tnd_form_prow_kind), the rows its rules ask,
 * in definition order, one per (lot, product, measure) however many rules name it. */
static tnd_status layout_products(const tnd_definition *def, tnd_fillin_layout *L, tnd_error *err)
{
    int row = TND_FORM_HEADER_ROW;
    for (int kind = 0; kind < 4; kind++) {
        L->prow_header_row[kind] = TND_FORM_NO_ROW;
        for (size_t i = 0; i < def->n_product_rules; i++) {
            const tnd_product_rule *pr = &def->product_rules[i];
            bool asks;
            if ((int)prow_kind_of(pr->kind, &asks) != kind || !asks)
                continue;
            int n_products = kind == TND_FORM_PROW_AMBULANT ? 1 : pr->n_products;
            int per = kind == TND_FORM_PROW_GROUP    ? TND_FORM_PRODUCT_GROUP_ROWS
                      : kind == TND_FORM_PROW_PARENT ? TND_FORM_PRODUCT_PARENT_ROWS : 1;
            for (int k = 0; k < n_products; k++) {
                const char *product = kind == TND_FORM_PROW_AMBULANT ? "" : pr->products[k];
                if (tnd_form_prow_find(L, (tnd_form_prow_kind)kind, pr->lot, product,
                                       pr->measure, 1))
                    continue;
                if (L->prow_header_row[kind] == TND_FORM_NO_ROW) {
                    L->prow_header_row[kind] = row;
                    row++;
                }
                for (int n = 1; n <= per; n++) {
                    if (L->n_prows == TND_FORM_MAX_PRODUCT_ROWS)
                        return too_many(err, "regels per voorziening", TND_FORM_MAX_PRODUCT_ROWS);
                    tnd_form_prow *p = &L->prows[L->n_prows++];
                    p->kind = (tnd_form_prow_kind)kind;
                    p->lot = pr->lot;
                    snprintf(p->product, sizeof p->product, "%s", product);
                    if (kind == TND_FORM_PROW_CAP)
                        snprintf(p->measure, sizeof p->measure, "%s", pr->measure);
                    p->n = n;
                    p->rule = (int)i;
                    p->row = row++;
                }
            }
        }
        if (L->prow_header_row[kind] != TND_FORM_NO_ROW)
            row++; /* a blank row between the tables */
    }
    return TND_OK;
}

tnd_status tnd_fillin_layout_init(const tnd_definition *def, tnd_fillin_layout *L,
                                  tnd_error *err)
{
    memset(L, 0, sizeof *L);
    if (def->n_lots > TND_FORM_MAX_LOTS)
        return too_many(err, "percelen", TND_FORM_MAX_LOTS);
    if (def->exclusion.n_grounds > TND_FORM_MAX_GROUNDS)
        return too_many(err, "uitsluitingsgronden", TND_FORM_MAX_GROUNDS);
    if (def->financial.n_norms > TND_FORM_MAX_NORMS)
        return too_many(err, "financiële normen", TND_FORM_MAX_NORMS);
    if (def->n_quality > TND_FORM_MAX_QUALITY)
        return too_many(err, "kwaliteitsregels", TND_FORM_MAX_QUALITY);
    if (def->n_requirements > TND_FORM_MAX_REQUIREMENTS)
        return too_many(err, "eisen (§5.6)", TND_FORM_MAX_REQUIREMENTS);
    if (def->references.count < 0 ||
        def->references.count + TND_FORM_EXTRA_REFERENCES > TND_FORM_MAX_REFERENCES)
        return too_many(err, "referenties", TND_FORM_MAX_REFERENCES - TND_FORM_EXTRA_REFERENCES);
    if (def->references.n_competences > TND_FORM_MAX_COMPETENCES)
        return too_many(err, "kerncompetenties", TND_FORM_MAX_COMPETENCES);
    tnd_status st = facts_of(def, L, err);
    if (st == TND_OK)
        st = keurmerk_kinds(def, L, err);
    if (st == TND_OK)
        st = fte_codes(def, L, err);
    if (st != TND_OK)
        return st;

    for (int g = 0; g < TND_FORM_MAX_GROUNDS; g++)
        L->ground_row[g] = TND_FORM_NO_ROW;
    layout_identity(def, L);

    int row = TND_FORM_FIRST_ROW;
    for (size_t l = 0; l < TND_FORM_MAX_LOTS; l++) {
        if (l >= def->n_lots) {
            L->lot_row[l] = TND_FORM_NO_ROW;
            continue;
        }
        L->lot_row[l] = row;
        row += 1 + (int)def->lots[l].n_products;
    }

    layout_financial(def, L);
    layout_insurance(def, L);
    layout_references(def, L);

    row = TND_FORM_FIRST_ROW;
    for (int f = 0; f < L->n_facts; f++)
        L->facts[f].row = row++;
    L->req_header_row = row + 1;
    row = L->req_header_row + 1;
    for (int q = 0; q < TND_FORM_MAX_REQUIREMENTS; q++)
        L->req_row[q] = (size_t)q < def->n_requirements ? row++ : TND_FORM_NO_ROW;

    L->res_header_row = TND_FORM_HEADER_ROW;
    L->res_row0 = TND_FORM_FIRST_ROW;
    L->day_header_row = L->res_row0 + TND_FORM_GROUP_ROWS + 1;
    L->day_row0 = L->day_header_row + 1;
    L->group_summary_row = L->day_row0 + TND_FORM_GROUP_ROWS + 1;
    return layout_products(def, L, err);
}
