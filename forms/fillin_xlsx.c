/*
 * fillin_xlsx.c - the bidder's fill-in workbook (fillin_xlsx.h): the input cells of every sheet
 * with their labels, keys, validation and protection, the prefill from a bid, the guide and the
 * hidden lists. The live formulas of the self-check are written by fillin_check.c and
 * fillin_rules_*.c (fillin_calc.h); where every field lives is form_layout.h, shared with the
 * reader (tender/bid_xlsx.c).
 *
 * What the form asks comes from the definition: the grounds of the UEA, the items and years of
 * Bijlage XVI, the lots and their products, the schemes, the competences of a reference, the
 * facts the §5.6 requirements name, the tariff groups, the group kinds and the intensity products.
 * A prefilled value is written exactly as the reader reads it back (money in euros with cents,
 * fractions as fractions, dates as date serials, codes as text), so forms -> prefill -> read
 * gives the bid again.
 */
#include "forms/fillin_xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/fillin_internal.h"
#include "forms/xlsx_common.h"

#define MONEY_MAX 1e13          /* euro: the readers' absurd-amount bound */
#define COUNT_MAX 10000000      /* clients served, numbers of facts */
#define PLACES_MAX 100000
#define FTE_MAX 100000
#define HOURS_MAX 10000
#define WEEK_HOURS 168
#define YOUTHS_MAX 1000
#define DISTANCE_MAX 100000

const char *const tnd_fillin_sheet_names[FI_SHEETS] = {
    [FI_GUIDE] = TND_FORM_SHEET_GUIDE,
    [FI_IDENTITY] = TND_FORM_SHEET_IDENTITY,
    [FI_LOTS] = TND_FORM_SHEET_LOTS,
    [FI_FINANCIAL] = TND_FORM_SHEET_FINANCIAL,
    [FI_INSURANCE] = TND_FORM_SHEET_INSURANCE,
    [FI_REFERENCES] = TND_FORM_SHEET_REFERENCES,
    [FI_REQUIREMENTS] = TND_FORM_SHEET_REQUIREMENTS,
    [FI_FTE] = TND_FORM_SHEET_FTE,
    [FI_LOCATIONS] = TND_FORM_SHEET_LOCATIONS,
    [FI_GROUPS] = TND_FORM_SHEET_GROUPS,
    [FI_PRODUCTS] = TND_FORM_SHEET_PRODUCTS,
    [FI_CHECK] = TND_FORM_SHEET_CHECK,
    [FI_LISTS] = TND_FORM_SHEET_LISTS,
};

static const char *const evidence_kinds[] = { "certificaat", "registratie", "kwaliteitsplan" };
static const char *const languages[] = { TND_FORM_LANGUAGE_DUTCH, TND_FORM_LANGUAGE_OTHER };
#define REFERENT_OTHER "anders"

/* ------------------------------------------------------------------ references and lists */

void tnd_fillin_cell(int row, int col, bool abs, char *buf, size_t size)
{
    char name[12];
    lxw_col_to_name(name, (lxw_col_t)col, 0);
    snprintf(buf, size, abs ? "$%s$%d" : "%s%d", name, row + 1);
}

void tnd_fillin_ref(tnd_fillin_sheet sheet, int row, int col, bool abs, char *buf, size_t size)
{
    char cell[24];
    tnd_fillin_cell(row, col, abs, cell, sizeof cell);
    snprintf(buf, size, "'%s'!%s", tnd_fillin_sheet_names[sheet], cell);
}

void tnd_fillin_list_range(const tnd_fillin *f, tnd_fillin_list column, char *buf, size_t size)
{
    char from[24], to[24];
    int n = f->list_len[column] > 0 ? f->list_len[column] : 1;
    tnd_fillin_cell(1, column, true, from, sizeof from);
    tnd_fillin_cell(n, column, true, to, sizeof to);
    snprintf(buf, size, "='%s'!%s:%s", tnd_fillin_sheet_names[FI_LISTS], from, to);
}

int tnd_fillin_fact_list(const tnd_fillin *f, int fact)
{
    return fact >= 0 && fact < TND_FORM_MAX_FACTS ? f->fact_list_col[fact] : -1;
}

/* ------------------------------------------------------------------ small writers */

static lxw_worksheet *ws_of(tnd_fillin *f, tnd_fillin_sheet s)
{
    return f->ws[s];
}

static void key(tnd_fillin *f, tnd_fillin_sheet s, int row, const char *text)
{
    tnd_form_put_text(&f->w, ws_of(f, s), row, TND_FORM_COL_KEY, text, f->w.st.key);
}

static void label(tnd_fillin *f, tnd_fillin_sheet s, int row, int col, const char *text)
{
    tnd_form_put_text(&f->w, ws_of(f, s), row, col, text, NULL);
}

static void header(tnd_fillin *f, tnd_fillin_sheet s, int row, int col, const char *text)
{
    tnd_form_put_text(&f->w, ws_of(f, s), row, col, text, f->w.st.header);
}

static void section(tnd_fillin *f, tnd_fillin_sheet s, int row, const char *text)
{
    tnd_form_put_text(&f->w, ws_of(f, s), row, TND_FORM_COL_LABEL, text, f->w.st.section);
}

/* Row n (1-based) of a numbered table: key "<key>-n" in A, label "<Label> n<suffix>" in B. */
static void numbered_row(tnd_fillin *f, tnd_fillin_sheet s, int row, const char *key_prefix,
                         const char *label_prefix, int n, const char *suffix)
{
    char text[96];
    snprintf(text, sizeof text, "%s-%d", key_prefix, n);
    key(f, s, row, text);
    snprintf(text, sizeof text, "%s %d%s", label_prefix, n, suffix);
    label(f, s, row, TND_FORM_COL_LABEL, text);
}

static void note(tnd_fillin *f, tnd_fillin_sheet s, int row, int col, const char *text)
{
    tnd_form_put_text(&f->w, ws_of(f, s), row, col, text, f->w.st.note);
}

/* An empty input cell: unlocked and yellow in the given format. */
static void input(tnd_fillin *f, tnd_fillin_sheet s, int row, int col, lxw_format *fmt)
{
    if (f->w.error == LXW_NO_ERROR)
        tnd_form_note(&f->w, worksheet_write_blank(ws_of(f, s), (lxw_row_t)row, (lxw_col_t)col,
                                                   fmt));
}

/* A locked grey cell without value: a field that does not apply to this column. */
static void not_asked(tnd_fillin *f, tnd_fillin_sheet s, int row, int col)
{
    if (f->w.error == LXW_NO_ERROR)
        tnd_form_note(&f->w, worksheet_write_blank(ws_of(f, s), (lxw_row_t)row, (lxw_col_t)col,
                                                   f->w.st.na));
}

/* Prefilled values, in the input format of their cell. */
static void put_text(tnd_fillin *f, tnd_fillin_sheet s, int row, int col, const char *text)
{
    if (text && text[0])
        tnd_form_put_text(&f->w, ws_of(f, s), row, col, text, f->w.st.input);
}

static void put_yes_no(tnd_fillin *f, tnd_fillin_sheet s, int row, int col, bool yes)
{
    put_text(f, s, row, col, yes ? TND_FORM_YES : TND_FORM_NO);
}

static void put_number(tnd_fillin *f, tnd_fillin_sheet s, int row, int col, double value,
                       lxw_format *fmt)
{
    if (f->w.error == LXW_NO_ERROR)
        tnd_form_note(&f->w, worksheet_write_number(ws_of(f, s), (lxw_row_t)row, (lxw_col_t)col,
                                                    value, fmt));
}

/* Cents as euros: 199999999 -> 1999999.99, which libxlsxwriter writes with its digits. */
static void put_money(tnd_fillin *f, tnd_fillin_sheet s, int row, int col, tnd_cents cents)
{
    put_number(f, s, row, col, (double)cents / 100.0, f->w.st.input_money);
}

static void put_dec(tnd_fillin *f, tnd_fillin_sheet s, int row, int col, tnd_dec d,
                    lxw_format *fmt)
{
    put_number(f, s, row, col, tnd_dec_to_double(d), fmt);
}

static void put_date(tnd_fillin *f, tnd_fillin_sheet s, int row, int col, tnd_date d)
{
    put_number(f, s, row, col, tnd_form_date_serial(d), f->w.st.input_date);
}

/* ------------------------------------------------------------------ prefill fits */

static bool fte_code_in_form(const tnd_fillin_layout *L, const char *code)
{
    for (int i = 0; i < L->n_fte; i++)
        if (strcmp(L->fte_codes[i], code) == 0)
            return true;
    return false;
}

static bool keurmerk_kind_in_form(const tnd_fillin_layout *L, const char *kind)
{
    for (int i = 0; i < L->n_keurmerk_kinds; i++)
        if (strcmp(L->keurmerk_kinds[i], kind) == 0)
            return true;
    return false;
}

static tnd_status does_not_fit(tnd_error *err, const tnd_bid *bid, const char *what, size_t n,
                               int max)
{
    return tnd_error_set(err, TND_ERR_TOO_LARGE, bid->file, 0,
                         "vul het formulier met de hand verder in, of gebruik het XML-formaat "
                         "(docs/bid-format.md)",
                         "de inschrijving heeft %zu %s; het invulformulier houdt er %d", n, what,
                         max);
}

/* (issue 11) Every declaration of <product-offers> has its row on 'Producten': a cap whose
 * (perceel, voorziening, maat) some cap rule names, groups and gezinshuisouders of a product of
 * a staffing or parent rule (at most the rows the form has), an ambulant alternative on a
 * perceel of an ambulant rule. Anything else would be lost without a trace: refused. */
static tnd_status offer_fails(tnd_error *err, const tnd_bid *bid, long line, const char *what,
                              int lot, const char *product)
{
    return tnd_error_set(err, TND_ERR_TOO_LARGE, bid->file, line,
                         "het invulformulier vraagt alleen wat de regels per voorziening van "
                         "de aanbesteding vragen; lever de inschrijving als XML aan",
                         "%s van perceel %d voorziening '%s' past niet in het invulformulier",
                         what, lot, product);
}

static tnd_status offers_fit(const tnd_fillin_layout *L, const tnd_bid *bid, tnd_error *err)
{
    for (size_t i = 0; i < bid->n_offers; i++) {
        const tnd_product_offer *o = &bid->offers[i];
        for (int c = 0; c < o->n_caps; c++)
            if (!tnd_form_prow_find(L, TND_FORM_PROW_CAP, o->lot, o->product, o->caps[c].measure,
                                    1))
                return offer_fails(err, bid, o->caps[c].line, "maximum", o->lot, o->product);
        if (o->n_groups > TND_FORM_PRODUCT_GROUP_ROWS)
            return does_not_fit(err, bid, "groepen bij één voorziening", (size_t)o->n_groups,
                                TND_FORM_PRODUCT_GROUP_ROWS);
        if (o->n_parents > TND_FORM_PRODUCT_PARENT_ROWS)
            return does_not_fit(err, bid, "gezinshuisouders bij één voorziening",
                                (size_t)o->n_parents, TND_FORM_PRODUCT_PARENT_ROWS);
        if (o->n_groups && !tnd_form_prow_find(L, TND_FORM_PROW_GROUP, o->lot, o->product, "", 1))
            return offer_fails(err, bid, o->groups[0].line, "groep", o->lot, o->product);
        if (o->n_parents && !tnd_form_prow_find(L, TND_FORM_PROW_PARENT, o->lot, o->product, "",
                                                1))
            return offer_fails(err, bid, o->parents[0].line, "gezinshuisouder", o->lot,
                               o->product);
    }
    for (size_t i = 0; i < bid->n_ambulant; i++)
        if (!tnd_form_prow_find(L, TND_FORM_PROW_AMBULANT, bid->ambulant[i].lot, "", "", 1))
            return offer_fails(err, bid, bid->ambulant[i].line, "ambulant alternatief",
                               bid->ambulant[i].lot, "");
    return TND_OK;
}

static tnd_status prefill_fits(const tnd_definition *def, const tnd_fillin_layout *L,
                               const tnd_bid *bid, tnd_error *err)
{
    if (bid->n_members > TND_FORM_MAX_MEMBERS)
        return does_not_fit(err, bid, "combinatieleden", bid->n_members, TND_FORM_MAX_MEMBERS);
    if (bid->n_third_parties > TND_FORM_MAX_THIRD)
        return does_not_fit(err, bid, "derden", bid->n_third_parties, TND_FORM_MAX_THIRD);
    if (bid->n_agb > TND_FORM_MAX_AGB)
        return does_not_fit(err, bid, "AGB-codes", (size_t)bid->n_agb, TND_FORM_MAX_AGB);
    if (bid->n_certificates > TND_FORM_CERT_ROWS)
        return does_not_fit(err, bid, "certificaten", bid->n_certificates, TND_FORM_CERT_ROWS);
    if (bid->n_references > (size_t)L->n_ref_rows)
        return does_not_fit(err, bid, "referenties", bid->n_references, L->n_ref_rows);
    if (bid->n_locations > TND_FORM_LOCATION_ROWS)
        return does_not_fit(err, bid, "locaties", bid->n_locations, TND_FORM_LOCATION_ROWS);
    if (bid->n_residential_groups > TND_FORM_GROUP_ROWS)
        return does_not_fit(err, bid, "verblijfsgroepen", bid->n_residential_groups,
                            TND_FORM_GROUP_ROWS);
    if (bid->n_day_groups > TND_FORM_GROUP_ROWS)
        return does_not_fit(err, bid, "dagbestedingsgroepen", bid->n_day_groups,
                            TND_FORM_GROUP_ROWS);
    if (bid->has_holding && bid->holding_guarantee) /* issue 8: no cell for it yet */
        return tnd_error_set(err, TND_ERR_TOO_LARGE, bid->file, 0,
                             "het invulformulier vraagt (nog) geen holdinggarantie; lever de "
                             "inschrijving als XML aan",
                             "holdinggarantie (§5.8 L1640-1642) past niet in het invulformulier");
    tnd_status st = offers_fit(L, bid, err);
    if (st != TND_OK)
        return st;
    for (size_t i = 0; i < bid->n_fte; i++)
        if (!fte_code_in_form(L, bid->fte[i].tariff_group))
            return tnd_error_set(err, TND_ERR_TOO_LARGE, bid->file, bid->fte[i].line,
                                 "het formulier vraagt de fte per tariefgroep van de percelen "
                                 "met tariefgroepen",
                                 "fte voor tariefgroep '%s' past niet in het invulformulier",
                                 bid->fte[i].tariff_group);
    for (size_t i = 0; i < bid->n_keurmerken; i++)
        if (!keurmerk_kind_in_form(L, bid->keurmerken[i].kind))
            return tnd_error_set(err, TND_ERR_TOO_LARGE, bid->file, bid->keurmerken[i].line,
                                 "het formulier vraagt alleen de keurmerken die de aanbesteding "
                                 "noemt",
                                 "keurmerk '%s' past niet in het invulformulier",
                                 bid->keurmerken[i].kind);
    for (size_t i = 0; i < bid->n_lots; i++)
        if (!tnd_definition_lot(def, bid->lots[i].number))
            return tnd_error_set(err, TND_ERR_REFERENCE, bid->file, bid->lots[i].line,
                                 "controleer de inschrijving met tender check",
                                 "perceel %d bestaat niet in de aanbesteding",
                                 bid->lots[i].number);
    return TND_OK;
}

tnd_status tnd_fillin_prefill_fits(const tnd_definition *def, const tnd_bid *bid, tnd_error *err)
{
    tnd_fillin_layout L;
    tnd_status st = tnd_fillin_layout_init(def, &L, err);
    return st == TND_OK ? prefill_fits(def, &L, bid, err) : st;
}

/* ------------------------------------------------------------------ Lijsten (hidden) */

static void list_value(tnd_fillin *f, tnd_fillin_list column, const char *value)
{
    if (f->list_len[column] >= FI_LIST_MAX)
        return;
    f->list_values[column][f->list_len[column]] = value;
    tnd_form_put_text(&f->w, ws_of(f, FI_LISTS), 1 + f->list_len[column]++, column, value, NULL);
}

static void list_number(tnd_fillin *f, tnd_fillin_list column, double value)
{
    if (f->list_len[column] >= FI_LIST_MAX)
        return;
    put_number(f, FI_LISTS, 1 + f->list_len[column]++, column, value, NULL);
}

/* Appends value to column unless it is there already. */
static void list_unique(tnd_fillin *f, tnd_fillin_list column, const char *const *seen,
                        int n_seen, const char *value)
{
    for (int i = 0; i < n_seen; i++)
        if (strcmp(seen[i], value) == 0)
            return;
    list_value(f, column, value);
}

static void write_lists(tnd_fillin *f)
{
    const tnd_definition *def = f->def;
    const tnd_residential_rules *res = &def->residential;
    static const char *const heads[FI_LIST_FACT_VALUES] = {
        "soort aanbieder", "soort referent", "kwaliteitssysteem", "bewijs", "soort groep",
        "intensiteit verblijf", "klasse groepsaanbod", "gemeente", "plan van aanpak",
        "keurmerk", "maximum: soort", "maximum: rang", "minimum aantal", "intensiteit",
        "rang",
    };
    for (int c = 0; c < FI_LIST_FACT_VALUES; c++)
        header(f, FI_LISTS, 0, c, heads[c]);

    /* provider types: regulier and those of the §9.6 maxima */
    const char *seen[64];
    int n_seen = 0;
    list_value(f, FI_LIST_PROVIDER, TND_FORM_PROVIDER_REGULAR);
    seen[n_seen++] = TND_FORM_PROVIDER_REGULAR;
    for (size_t i = 0; i < res->n_maxima && n_seen < (int)TND_COUNTOF(seen); i++) {
        list_unique(f, FI_LIST_PROVIDER, seen, n_seen, res->maxima[i].provider_type);
        seen[n_seen++] = res->maxima[i].provider_type;
    }

    const tnd_reference_rules *rr = &def->references;
    for (int i = 0; i < rr->n_allowed && i < (int)TND_COUNTOF(rr->referent_kinds_allowed); i++)
        list_value(f, FI_LIST_REFERENT, rr->referent_kinds_allowed[i]);
    for (int i = 0; i < rr->n_forbidden && i < (int)TND_COUNTOF(rr->referent_kinds_forbidden);
         i++)
        list_value(f, FI_LIST_REFERENT, rr->referent_kinds_forbidden[i]);
    list_value(f, FI_LIST_REFERENT, REFERENT_OTHER);

    n_seen = 0;
    for (size_t q = 0; q < def->n_quality; q++)
        for (int s = 0; s < def->quality[q].n_schemes && s < TND_MAX_SET &&
                        n_seen < (int)TND_COUNTOF(seen);
             s++) {
            list_unique(f, FI_LIST_SCHEME, seen, n_seen, def->quality[q].schemes[s]);
            seen[n_seen++] = def->quality[q].schemes[s];
        }
    for (size_t q = 0; q < def->n_product_rules; q++) /* issue 11: quality per product */
        for (int s = 0; def->product_rules[q].kind == TND_PRULE_QUALITY &&
                        s < def->product_rules[q].n_schemes && s < TND_MAX_SET && n_seen < 64; s++) {
            list_unique(f, FI_LIST_SCHEME, seen, n_seen, def->product_rules[q].schemes[s]);
            seen[n_seen++] = def->product_rules[q].schemes[s];
        }
    for (size_t i = 0; i < sizeof evidence_kinds / sizeof evidence_kinds[0]; i++)
        list_value(f, FI_LIST_EVIDENCE, evidence_kinds[i]);
    for (int i = 0; i < res->n_occupancy && i < (int)TND_COUNTOF(res->occupancy); i++)
        list_value(f, FI_LIST_OCCUPANCY, res->occupancy[i].kind);
    const tnd_lot *res_lot = tnd_definition_lot(def, res->lot);
    for (size_t p = 0; res_lot && p < res_lot->n_products; p++)
        list_value(f, FI_LIST_RES_CLAIM, res_lot->products[p].code);
    const tnd_lot *day_lot = tnd_definition_lot(def, def->group.lot);
    for (size_t p = 0; day_lot && p < day_lot->n_products; p++)
        list_value(f, FI_LIST_DAY_CLAIM, day_lot->products[p].code);
    for (size_t m = 0; m < def->n_municipalities; m++)
        list_value(f, FI_LIST_MUNICIPALITY, def->municipalities[m].name);
    for (int i = 1; i < 5; i++)
        list_value(f, FI_LIST_PLAN, tnd_form_plan_texts[i]);
    for (int i = 0; i < 3; i++)
        list_value(f, FI_LIST_KEURMERK, tnd_form_keurmerk_texts[i]);

    /* §9.6 maxima: provider type, rank of its maximum product, minimum number of intensities */
    for (size_t i = 0; i < res->n_maxima; i++) {
        const tnd_provider_max *m = &res->maxima[i];
        const tnd_product *top = res_lot && m->max_product[0]
                                     ? tnd_lot_product(res_lot, m->max_product)
                                     : NULL;
        list_value(f, FI_LIST_MAX_TYPE, m->provider_type);
        list_number(f, FI_LIST_MAX_RANK,
                    top && strcmp(top->group, res->product_group) == 0 ? top->rank : FI_NO_RANK);
        list_number(f, FI_LIST_MAX_MIN, m->min_products);
    }
    for (size_t p = 0; res_lot && p < res_lot->n_products; p++) {
        const tnd_product *prod = &res_lot->products[p];
        if (strcmp(prod->group, res->product_group) != 0)
            continue;
        list_value(f, FI_LIST_RANK_CODE, prod->code);
        list_number(f, FI_LIST_RANK, prod->rank);
    }

    /* one column per one-of fact: the values its requirements accept */
    int next = FI_LIST_FACT_VALUES;
    for (int k = 0; k < f->L.n_facts; k++) {
        f->fact_list_col[k] = -1;
        if (f->L.facts[k].kind != TND_FORM_FACT_TEXT || next >= FI_LIST_COLUMNS)
            continue;
        f->fact_list_col[k] = next;
        header(f, FI_LISTS, 0, next, f->L.facts[k].name);
        n_seen = 0;
        for (size_t i = 0; i < def->n_requirements; i++) {
            const tnd_requirement *q = &def->requirements[i];
            if (q->kind != TND_REQ_ONE_OF || strcmp(q->fact, f->L.facts[k].name) != 0 ||
                q->year != f->L.facts[k].year)
                continue;
            for (int v = 0; v < q->n_values && v < TND_MAX_SET && n_seen < (int)TND_COUNTOF(seen);
                 v++) {
                list_unique(f, (tnd_fillin_list)next, seen, n_seen, q->values[v]);
                seen[n_seen++] = q->values[v];
            }
        }
        next++;
    }
    worksheet_hide(ws_of(f, FI_LISTS));
    tnd_form_protect(&f->w, ws_of(f, FI_LISTS));
}

/* A list validation with the values of a column of 'Lijsten': inline when they fit Excel's 255
 * characters (always for IJsselland), else as a reference to the hidden sheet. (libxlsxwriter
 * 1.1.4 leaks the copy of a list formula, a reason more to prefer the inline list.) */
static void valid_from_list(tnd_fillin *f, tnd_fillin_sheet s, int first_row, int first_col,
                            int last_row, int last_col, tnd_fillin_list column, bool strict,
                            const char *title, const char *message)
{
    if (f->list_len[column] == 0) { /* nothing to choose in this tender: only blank */
        tnd_form_valid_max_length(&f->w, ws_of(f, s), first_row, first_col, last_row, last_col,
                                  0, title, "Niet van toepassing in deze aanbesteding.");
        return;
    }
    size_t total = 0;
    for (int i = 0; i < f->list_len[column]; i++)
        total += strlen(f->list_values[column][i]) + 1;
    if (total <= 255) {
        tnd_form_valid_list(&f->w, ws_of(f, s), first_row, first_col, last_row, last_col,
                            f->list_values[column], (size_t)f->list_len[column], NULL, strict,
                            title, message);
        return;
    }
    char range[96];
    tnd_fillin_list_range(f, column, range, sizeof range);
    tnd_form_valid_list(&f->w, ws_of(f, s), first_row, first_col, last_row, last_col, NULL, 0,
                        range, strict, title, message);
}

/* ------------------------------------------------------------------ Toelichting */

static void write_guide(tnd_fillin *f)
{
    const tnd_definition *def = f->def;
    char title[TND_LABEL_LEN + 32], closing[24], line[512];
    snprintf(title, sizeof title, "Invulformulier %s", def->title);
    tnd_datetime_nl(def->closing_time, closing);
    snprintf(line, sizeof line, "Aanbesteding %s van %s. Sluitingstijd: %s (%s).", def->id,
             def->authority, closing, def->closing.source);
    tnd_form_intro(&f->w, ws_of(f, FI_GUIDE), title, line,
                   "Vul de gele cellen in, blad voor blad. Grijze cellen met 'n.v.t.' worden "
                   "niet gevraagd; blauwe cellen rekent het formulier zelf uit.",
                   "Het blad 'Controle' toont per eis of u voldoet. Het officiële oordeel geeft "
                   "alleen `tender check` van de opdrachtgever.");
    static const char *const lines[][2] = {
        { "Identiteit", "De inschrijving (tijdstip, AGB-code, soort aanbieder, verklaringen) en "
                        "per partij: naam, KvK, rechtsvorm, de antwoorden op het UEA en de data "
                        "van de bewijsstukken. Kolom C is de inschrijver (bij een combinatie de "
                        "penvoerder), D-F de combinatieleden, G-H derden op wier draagkracht u "
                        "een beroep doet." },
        { "Percelen", "Per perceel ja of nee, en per voorziening van dat perceel ja of nee." },
        { "Financieel", "Bijlage XVI: de cijfers per jaar in euro's. Daaronder rekent het "
                        "formulier per norm en per jaar uit of u voldoet, telt de jaren waarin "
                        "een norm niet wordt gehaald en geeft het oordeel per norm." },
        { "Verzekering en kwaliteit", "Dekking van de bedrijfsaansprakelijkheidsverzekering per "
                                      "gebeurtenis, certificaten van het kwaliteitssysteem en "
                                      "keurmerken." },
        { "Referenties", "Alleen de eerste referenties tellen mee (zie het blad); per referentie "
                         "de kerncompetenties en de voorwaarden." },
        { "Tariefgroep", "De gegevens die de eisen per perceel (tariefgroep) noemen, met per eis "
                         "het oordeel." },
        { "FTE, Locaties", "Fte per tariefgroep; locaties met gemeente, plaatsen en afstand." },
        { "Groepen", "Verblijfsgroepen en dagbestedingsgroepen: het formulier berekent de "
                     "begeleidingsintensiteit en de klasse (ook een grensgeval)." },
        { "Controle", "Per eis (regelcode in kolom A) en per perceel het oordeel, en per perceel "
                      "waarop u inschrijft of u wordt toegelaten." },
    };
    int row = TND_FORM_HEADER_ROW;
    header(f, FI_GUIDE, row, TND_FORM_COL_KEY, "blad");
    header(f, FI_GUIDE, row, TND_FORM_COL_LABEL, "wat u invult");
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        if (strcmp(lines[i][0], TND_FORM_SHEET_CHECK) == 0 && f->L.n_prows > 0) {
            row++; /* issue 11: only in a form with the sheet */
            tnd_form_put_text(&f->w, ws_of(f, FI_GUIDE), row, TND_FORM_COL_KEY,
                              TND_FORM_SHEET_PRODUCTS, f->w.st.section);
            label(f, FI_GUIDE, row, TND_FORM_COL_LABEL,
                  "Per voorziening met een eigen regel: het maximum dat u hanteert, de groepen "
                  "met categorie en bezetting, de gezinshuisouders en het ambulant alternatief. "
                  "Kolom B noemt de norm; het oordeel staat op het blad 'Controle'.");
        }
        row++;
        tnd_form_put_text(&f->w, ws_of(f, FI_GUIDE), row, TND_FORM_COL_KEY, lines[i][0],
                          f->w.st.section);
        label(f, FI_GUIDE, row, TND_FORM_COL_LABEL, lines[i][1]);
    }
    row += 2;
    header(f, FI_GUIDE, row, TND_FORM_COL_KEY, "kleur");
    header(f, FI_GUIDE, row, TND_FORM_COL_LABEL, "betekenis");
    static const struct {
        int style;
        const char *text;
    } colours[] = {
        { 0, "invulveld" },
        { 1, "uitkomst van een formule" },
        { 2, "VOLDOET / TOEGELATEN" },
        { 3, "ONDER VOORWAARDE, BEOORDELEN, PLAN VAN AANPAK / IN BEOORDELING: de opdrachtgever "
             "beoordeelt of stelt een voorwaarde" },
        { 4, "VOLDOET NIET, ONTBREEKT / NIET TOEGELATEN" },
        { 5, "N.V.T. of niet gevraagd" },
    };
    lxw_format *styles[] = { f->w.st.input, f->w.st.calc, f->w.st.green, f->w.st.orange,
                             f->w.st.red, f->w.st.na };
    for (size_t i = 0; i < sizeof colours / sizeof colours[0]; i++) {
        row++;
        tnd_form_put_text(&f->w, ws_of(f, FI_GUIDE), row, TND_FORM_COL_KEY, " ",
                          styles[colours[i].style]);
        label(f, FI_GUIDE, row, TND_FORM_COL_LABEL, colours[i].text);
    }
    row += 2;
    note(f, FI_GUIDE, row++, TND_FORM_COL_LABEL,
         "Het formulier rekent zoals `tender check`, maar het oordeel van de opdrachtgever is "
         "bepalend. Wijzig de indeling niet: de kolom 'sleutel' (A) wordt bij het inlezen "
         "gecontroleerd.");
    note(f, FI_GUIDE, row++, TND_FORM_COL_LABEL,
         "Datums typt u als dd-mm-jjjj, bedragen in euro's met centen, percentages als "
         "percentage (95%).");
    note(f, FI_GUIDE, row, TND_FORM_COL_LABEL,
         "LibreOffice rekent bij het openen niet vanzelf alles opnieuw uit: druk eenmaal "
         "Ctrl+Shift+F9, of kies Extra > Opties > LibreOffice Calc > Formule > Herberekening "
         "bij laden: Altijd. Excel rekent bij het openen zelf.");
    tnd_form_protect(&f->w, ws_of(f, FI_GUIDE));
}

/* ------------------------------------------------------------------ Identiteit */

static const tnd_document_rule *document_rule(const tnd_definition *def, const char *document)
{
    for (size_t i = 0; document && i < def->n_documents; i++)
        if (strcmp(def->documents[i].document, document) == 0)
            return &def->documents[i];
    return NULL;
}

/* Does party field `fd` apply to party p? Joint liability is signed by the inschrijver and the
 * members, the reliance fields are a third party's. */
static bool party_field_applies(tnd_form_party_field fd, int p)
{
    if (fd == TND_FORM_PARTY_JOINT_LIABILITY)
        return !tnd_form_party_is_third(p);
    if (fd == TND_FORM_PARTY_RELIED_FOR || fd == TND_FORM_PARTY_DECLARATION)
        return tnd_form_party_is_third(p);
    return true;
}

static void bid_field_row(tnd_fillin *f, int fd)
{
    const tnd_definition *def = f->def;
    int row = f->L.bid_row[fd];
    if (row == TND_FORM_NO_ROW)
        return;
    int col = TND_FORM_ID_COL_BIDDER;
    lxw_worksheet *ws = ws_of(f, FI_IDENTITY);
    key(f, FI_IDENTITY, row, tnd_form_bid_field_names[fd].key);
    label(f, FI_IDENTITY, row, TND_FORM_COL_LABEL, tnd_form_bid_field_names[fd].label);
    char text[256], closing[24];
    switch (fd) {
    case TND_FORM_BID_SUBMIT_DATE:
        input(f, FI_IDENTITY, row, col, f->w.st.input_date);
        tnd_form_valid_date(&f->w, ws, row, col, row, col, "Datum van indienen", NULL);
        tnd_datetime_nl(def->closing_time, closing);
        snprintf(text, sizeof text, "sluitingstijd %s (%s)", closing, def->closing.source);
        note(f, FI_IDENTITY, row, TND_FORM_ID_COL_NOTE, text);
        break;
    case TND_FORM_BID_SUBMIT_TIME:
        input(f, FI_IDENTITY, row, col, f->w.st.input_time);
        tnd_form_valid_time(&f->w, ws, row, col, "Tijd van indienen", "Typ de tijd als uu:mm.");
        break;
    case TND_FORM_BID_PROVIDER_TYPE:
        input(f, FI_IDENTITY, row, col, f->w.st.input);
        valid_from_list(f, FI_IDENTITY, row, col, row, col, FI_LIST_PROVIDER, true,
                        "Soort aanbieder", "Kies regulier of het type aanbieder van §9.6.");
        break;
    case TND_FORM_BID_AGB + 0:
    case TND_FORM_BID_AGB + 1:
    case TND_FORM_BID_AGB + 2:
    case TND_FORM_BID_AGB + 3:
        input(f, FI_IDENTITY, row, col, f->w.st.input);
        tnd_form_valid_length(&f->w, ws, row, col, row, col, 8, "AGB-code",
                              "De AGB-code: 8 cijfers.");
        if (fd == TND_FORM_BID_AGB) {
            snprintf(text, sizeof text, "precies %d AGB-code%s (%s)", def->agb.count,
                     def->agb.count == 1 ? "" : "s", def->agb.ref.source);
            note(f, FI_IDENTITY, row, TND_FORM_ID_COL_NOTE, text);
        }
        break;
    case TND_FORM_BID_HOLDING_NAME:
        input(f, FI_IDENTITY, row, col, f->w.st.input);
        tnd_form_valid_max_length(&f->w, ws, row, col, row, col, TND_NAME_LEN - 1, "Holding",
                                  "De naam van de holding.");
        break;
    case TND_FORM_BID_LANGUAGE:
        input(f, FI_IDENTITY, row, col, f->w.st.input);
        tnd_form_valid_list(&f->w, ws, row, col, row, col, languages, 2, NULL, true, "Taal",
                            "Kies de taal van de inschrijving.");
        break;
    default: /* ja / nee */
        input(f, FI_IDENTITY, row, col, f->w.st.input);
        tnd_form_valid_yes_no(&f->w, ws, row, col, row, col, "ja / nee", NULL);
        break;
    }
}

static void party_field_row(tnd_fillin *f, int row, const char *row_key, const char *text,
                            tnd_form_party_field fd, bool ground)
{
    lxw_worksheet *ws = ws_of(f, FI_IDENTITY);
    key(f, FI_IDENTITY, row, row_key);
    label(f, FI_IDENTITY, row, TND_FORM_COL_LABEL, text);
    for (int p = 0; p < TND_FORM_N_PARTIES; p++) {
        int col = tnd_form_party_col(p);
        if (!ground && !party_field_applies(fd, p)) {
            not_asked(f, FI_IDENTITY, row, col);
            continue;
        }
        bool date = !ground && tnd_form_party_document(fd) != NULL;
        input(f, FI_IDENTITY, row, col, date ? f->w.st.input_date : f->w.st.input);
    }
    int first = tnd_form_party_col(0), last = tnd_form_party_col(TND_FORM_N_PARTIES - 1);
    if (ground) {
        tnd_form_valid_yes_no(&f->w, ws, row, first, row, last, "UEA", NULL);
        return;
    }
    switch (fd) {
    case TND_FORM_PARTY_NAME:
        tnd_form_valid_max_length(&f->w, ws, row, first, row, last, TND_NAME_LEN - 1, "Naam",
                                  "De statutaire naam.");
        break;
    case TND_FORM_PARTY_KVK:
        tnd_form_valid_length(&f->w, ws, row, first, row, last, 8, "KvK-nummer",
                              "Het KvK-nummer: 8 cijfers.");
        break;
    case TND_FORM_PARTY_LEGAL_FORM:
    case TND_FORM_PARTY_RELIED_FOR:
        tnd_form_valid_max_length(&f->w, ws, row, first, row, last, TND_CODE_LEN - 1,
                                  fd == TND_FORM_PARTY_LEGAL_FORM ? "Rechtsvorm" : "Beroep voor",
                                  fd == TND_FORM_PARTY_LEGAL_FORM
                                      ? "Bijvoorbeeld stichting, bv."
                                      : "Bijvoorbeeld references of financial.");
        break;
    case TND_FORM_PARTY_DOC_KVK:
    case TND_FORM_PARTY_DOC_GEDRAG:
    case TND_FORM_PARTY_DOC_BELASTING:
        tnd_form_valid_date(&f->w, ws, row, first, row, last, "Datum document", NULL);
        break;
    default:
        tnd_form_valid_yes_no(&f->w, ws, row, first, row, last, "ja / nee", NULL);
        break;
    }
    const tnd_document_rule *doc = document_rule(f->def, tnd_form_party_document(fd));
    if (doc) {
        char text_note[TND_LABEL_LEN + TND_SOURCE_LEN + 8];
        snprintf(text_note, sizeof text_note, "%s (%s)", doc->ref.label, doc->ref.source);
        note(f, FI_IDENTITY, row, TND_FORM_ID_COL_NOTE, text_note);
    }
}

static void write_identity(tnd_fillin *f)
{
    const tnd_fillin_layout *L = &f->L;
    const tnd_exclusion_rules *ex = &f->def->exclusion;
    tnd_form_intro(&f->w, ws_of(f, FI_IDENTITY), "Identiteit en verklaringen (bijlage I, UEA)",
                   "Vul de gele cellen in. Kolom C: de inschrijver (bij een combinatie de "
                   "penvoerder); D-F: combinatieleden; G-H: derden op wier draagkracht u steunt.",
                   "UEA: beantwoord elke uitsluitingsgrond met ja of nee. Een 'ja' bij deel IIIA "
                   "of IIIB sluit uit; bij deel IIIC beoordeelt de opdrachtgever.",
                   "KvK-nummer en AGB-code als 8 cijfers; datums als dd-mm-jjjj.");
    header(f, FI_IDENTITY, TND_FORM_HEADER_ROW, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_IDENTITY, TND_FORM_HEADER_ROW, TND_FORM_COL_LABEL, "gegeven");
    for (int p = 0; p < TND_FORM_N_PARTIES; p++)
        header(f, FI_IDENTITY, TND_FORM_HEADER_ROW, tnd_form_party_col(p),
               tnd_form_party_title(p));
    header(f, FI_IDENTITY, TND_FORM_HEADER_ROW, TND_FORM_ID_COL_NOTE, "toelichting");
    tnd_form_note(&f->w, worksheet_set_column(ws_of(f, FI_IDENTITY), tnd_form_party_col(0),
                                              tnd_form_party_col(TND_FORM_N_PARTIES - 1), 22,
                                              NULL));
    tnd_form_note(&f->w, worksheet_set_column(ws_of(f, FI_IDENTITY), TND_FORM_ID_COL_NOTE,
                                              TND_FORM_ID_COL_NOTE, 60, NULL));
    section(f, FI_IDENTITY, TND_FORM_FIRST_ROW, "Inschrijving");
    for (int fd = 0; fd < TND_FORM_BID_FIELDS; fd++)
        bid_field_row(f, fd);
    section(f, FI_IDENTITY, L->party_first_row - 1, "Partijen");
    for (int fd = 0; fd < TND_FORM_PARTY_FIELDS; fd++) {
        if (fd == TND_FORM_PARTY_UEA_IIC)
            for (size_t g = 0; g < ex->n_grounds && g < TND_FORM_MAX_GROUNDS; g++) {
                if (L->ground_row[g] == TND_FORM_NO_ROW)
                    continue;
                char text[TND_LABEL_LEN + 32];
                snprintf(text, sizeof text, "UEA deel %s: %s", ex->grounds[g].part,
                         ex->grounds[g].label);
                party_field_row(f, L->ground_row[g], ex->grounds[g].code, text, fd, true);
                note(f, FI_IDENTITY, L->ground_row[g], TND_FORM_ID_COL_NOTE,
                     ex->grounds[g].effect == TND_GROUND_EXCLUDE
                         ? "ja: uitgesloten"
                         : "ja: de opdrachtgever beoordeelt (kan uitsluiten)");
            }
        party_field_row(f, L->party_row[fd], tnd_form_party_field_names[fd].key,
                        tnd_form_party_field_names[fd].label, (tnd_form_party_field)fd, false);
    }
    section(f, FI_IDENTITY, L->party_calc_row[TND_FORM_PARTY_CALC_PRESENT] - 1,
            "Berekening (niet invullen)");
}

/* ------------------------------------------------------------------ Percelen */

static void write_lots(tnd_fillin *f)
{
    const tnd_definition *def = f->def;
    lxw_worksheet *ws = ws_of(f, FI_LOTS);
    tnd_form_intro(&f->w, ws, "Percelen en voorzieningen (bijlage I punt 2)",
                   "Zet ja bij elk perceel waarop u inschrijft en bij elke voorziening die u "
                   "daarin aanbiedt.",
                   "De combinatieregels van de percelen staan op het blad 'Controle'.",
                   NULL);
    header(f, FI_LOTS, TND_FORM_HEADER_ROW, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_LOTS, TND_FORM_HEADER_ROW, TND_FORM_COL_LABEL, "perceel / voorziening");
    header(f, FI_LOTS, TND_FORM_HEADER_ROW, TND_FORM_LOT_COL_CODE, "code");
    header(f, FI_LOTS, TND_FORM_HEADER_ROW, TND_FORM_LOT_COL_APPLY, "ja / nee");
    header(f, FI_LOTS, TND_FORM_HEADER_ROW, TND_FORM_LOT_COL_CAPACITY, "capaciteit (plaatsen)");
    header(f, FI_LOTS, TND_FORM_HEADER_ROW, TND_FORM_LOT_COL_NOTE, "bron");
    tnd_form_note(&f->w, worksheet_set_column(ws, TND_FORM_LOT_COL_CODE,
                                              TND_FORM_LOT_COL_CAPACITY, 14, NULL));
    for (size_t l = 0; l < def->n_lots && l < TND_FORM_MAX_LOTS; l++) {
        const tnd_lot *lot = &def->lots[l];
        int row = f->L.lot_row[l];
        char text[TND_LABEL_LEN + 32];
        snprintf(text, sizeof text, "perceel-%d", lot->number);
        key(f, FI_LOTS, row, text);
        snprintf(text, sizeof text, "Perceel %d: %s", lot->number, lot->name);
        tnd_form_put_text(&f->w, ws, row, TND_FORM_COL_LABEL, text, f->w.st.section);
        put_number(f, FI_LOTS, row, TND_FORM_LOT_COL_CODE, lot->number, NULL);
        input(f, FI_LOTS, row, TND_FORM_LOT_COL_APPLY, f->w.st.input);
        if (lot->number == def->group.lot) {
            input(f, FI_LOTS, row, TND_FORM_LOT_COL_CAPACITY, f->w.st.input_number);
            tnd_form_valid_whole(&f->w, ws, row, TND_FORM_LOT_COL_CAPACITY, row,
                                 TND_FORM_LOT_COL_CAPACITY, 0, PLACES_MAX, "Capaciteit",
                                 "Het aantal plaatsen van het groepsaanbod.");
        } else {
            not_asked(f, FI_LOTS, row, TND_FORM_LOT_COL_CAPACITY);
        }
        note(f, FI_LOTS, row, TND_FORM_LOT_COL_NOTE, lot->source);
        for (size_t p = 0; p < lot->n_products; p++) {
            const tnd_product *prod = &lot->products[p];
            int prow = row + 1 + (int)p;
            snprintf(text, sizeof text, "product-%d-%s", lot->number, prod->code);
            key(f, FI_LOTS, prow, text);
            snprintf(text, sizeof text, "    %s", prod->name);
            label(f, FI_LOTS, prow, TND_FORM_COL_LABEL, text);
            label(f, FI_LOTS, prow, TND_FORM_LOT_COL_CODE, prod->code);
            input(f, FI_LOTS, prow, TND_FORM_LOT_COL_APPLY, f->w.st.input);
        }
        int last = row + (int)lot->n_products;
        tnd_form_valid_yes_no(&f->w, ws, row, TND_FORM_LOT_COL_APPLY, last,
                              TND_FORM_LOT_COL_APPLY, "ja / nee", NULL);
    }
}

/* ------------------------------------------------------------------ Financieel */

static bool item_asks(const tnd_fin_item *item, int year)
{
    for (int y = 0; y < item->n_years && y < (int)TND_COUNTOF(item->years); y++)
        if (item->years[y] == year)
            return true;
    return false;
}

static void write_financial(tnd_fillin *f)
{
    const tnd_financial_rules *fin = &f->def->financial;
    const tnd_fillin_layout *L = &f->L;
    lxw_worksheet *ws = ws_of(f, FI_FINANCIAL);
    char line[256];
    snprintf(line, sizeof line, "Bedragen in euro's (met centen), per jaar; grijze cellen "
                                "('%s') worden niet gevraagd. Bron: %s.",
             TND_FORM_NOT_APPLICABLE, fin->ref.source);
    tnd_form_intro(&f->w, ws, "Financiële gegevens (bijlage XVI)", line,
                   "Daaronder: per norm de waarde per jaar, of de norm is gehaald, het aantal "
                   "jaren niet gehaald en het oordeel per norm (niet per jaar).",
                   "Een ontbrekend cijfer telt niet als nul: de inschrijving is dan onvolledig.");
    header(f, FI_FINANCIAL, TND_FORM_HEADER_ROW, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_FINANCIAL, TND_FORM_HEADER_ROW, TND_FORM_COL_LABEL, "onderdeel");
    for (int y = 0; y < L->n_years; y++) {
        char year[16];
        snprintf(year, sizeof year, "%d", L->years[y]);
        header(f, FI_FINANCIAL, TND_FORM_HEADER_ROW, TND_FORM_FIN_COL_FIRST_YEAR + y, year);
    }
    tnd_form_note(&f->w, worksheet_set_column(ws, TND_FORM_FIN_COL_FIRST_YEAR,
                                              TND_FORM_FIN_COL_FIRST_YEAR + L->n_years, 16,
                                              NULL));
    for (int i = 0; i < fin->n_items && i < (int)TND_COUNTOF(fin->items); i++) {
        const tnd_fin_item *item = &fin->items[i];
        int row = L->fin_item_row[i];
        key(f, FI_FINANCIAL, row, item->id);
        label(f, FI_FINANCIAL, row, TND_FORM_COL_LABEL, item->label);
        for (int y = 0; y < L->n_years; y++) {
            int col = TND_FORM_FIN_COL_FIRST_YEAR + y;
            if (!item_asks(item, L->years[y])) {
                tnd_form_put_text(&f->w, ws, row, col, TND_FORM_NOT_APPLICABLE, f->w.st.na);
                continue;
            }
            input(f, FI_FINANCIAL, row, col, f->w.st.input_money);
            tnd_form_valid_decimal(&f->w, ws, row, col, row, col,
                                   item->may_be_negative ? -MONEY_MAX : 0, MONEY_MAX,
                                   "Bedrag in euro's",
                                   item->may_be_negative
                                       ? "Bedrag in euro's; negatief is toegestaan."
                                       : "Bedrag in euro's, niet negatief.");
        }
    }
    for (int fd = 0; fd < TND_FORM_FIN_FIELDS; fd++) {
        int row = L->fin_row[fd];
        key(f, FI_FINANCIAL, row, tnd_form_fin_field_names[fd].key);
        label(f, FI_FINANCIAL, row, TND_FORM_COL_LABEL, tnd_form_fin_field_names[fd].label);
        input(f, FI_FINANCIAL, row, TND_FORM_FIN_COL_VALUE, f->w.st.input);
        if (fd == TND_FORM_FIN_PLAN)
            valid_from_list(f, FI_FINANCIAL, row, TND_FORM_FIN_COL_VALUE, row,
                            TND_FORM_FIN_COL_VALUE, FI_LIST_PLAN, true, "Plan van aanpak",
                            "Alleen in te vullen op verzoek van de opdrachtgever.");
        else
            tnd_form_valid_yes_no(&f->w, ws, row, TND_FORM_FIN_COL_VALUE, row,
                                  TND_FORM_FIN_COL_VALUE, "ja / nee", NULL);
    }
    char year_note[96];
    snprintf(year_note, sizeof year_note, "jaarrekening %d", fin->going_concern_year);
    note(f, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_GOING_CONCERN], TND_FORM_FIN_COL_VALUE + 1,
         year_note);
}

/* ------------------------------------------------------------------ Verzekering en kwaliteit */

static void write_insurance(tnd_fillin *f)
{
    const tnd_definition *def = f->def;
    const tnd_fillin_layout *L = &f->L;
    lxw_worksheet *ws = ws_of(f, FI_INSURANCE);
    char min[32], line[256];
    tnd_cents_nl(def->insurance.min_per_event, min);
    snprintf(line, sizeof line,
             "Bedrijfsaansprakelijkheid: dekking per gebeurtenis minimaal %s (%s)%s.", min,
             def->insurance.ref.source,
             def->insurance.every_member ? "; bij een combinatie voor elk lid" : "");
    tnd_form_intro(&f->w, ws, "Verzekering en kwaliteit", line,
                   "Certificaten: het kwaliteitssysteem, gelijkwaardig (ja/nee), geldig tot en "
                   "het bewijs. Een ander systeem dan in de lijst: typ de naam en zet "
                   "'gelijkwaardig' op ja.",
                   "Keurmerken: alleen voor de soorten aanbieders die de aanbesteding noemt.");
    header(f, FI_INSURANCE, L->ins_header_row, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_INSURANCE, L->ins_header_row, TND_FORM_COL_LABEL, "partij");
    header(f, FI_INSURANCE, L->ins_header_row, TND_FORM_INS_COL_COVER, "dekking per gebeurtenis");
    header(f, FI_INSURANCE, L->ins_header_row, TND_FORM_INS_COL_CONCERN, "concernpolis");
    header(f, FI_INSURANCE, L->ins_header_row, TND_FORM_INS_COL_NAMED, "als verzekerde vermeld");
    header(f, FI_INSURANCE, L->ins_header_row, TND_FORM_INS_COL_VERDICT, "oordeel");
    header(f, FI_INSURANCE, L->ins_header_row, TND_FORM_INS_COL_SEV, "ernst");
    tnd_form_note(&f->w, worksheet_set_column(ws, TND_FORM_INS_COL_COVER,
                                              TND_FORM_INS_COL_VERDICT, 22, NULL));
    for (int p = 0; p < TND_FORM_N_PARTIES; p++) {
        int row = L->ins_row0 + p;
        char text[64];
        snprintf(text, sizeof text, "verzekering-%s", tnd_form_party_key(p));
        key(f, FI_INSURANCE, row, text);
        label(f, FI_INSURANCE, row, TND_FORM_COL_LABEL, tnd_form_party_title(p));
        for (int col = TND_FORM_INS_COL_COVER; col <= TND_FORM_INS_COL_NAMED; col++) {
            if (tnd_form_party_is_third(p)) /* §5.3.2: no reliance on a third party */
                not_asked(f, FI_INSURANCE, row, col);
            else
                input(f, FI_INSURANCE, row, col,
                      col == TND_FORM_INS_COL_COVER ? f->w.st.input_money : f->w.st.input);
        }
    }
    int last_party = L->ins_row0 + TND_FORM_MAX_MEMBERS;
    tnd_form_valid_decimal(&f->w, ws, L->ins_row0, TND_FORM_INS_COL_COVER, last_party,
                           TND_FORM_INS_COL_COVER, 0, MONEY_MAX, "Dekking",
                           "Dekking per gebeurtenis in euro's.");
    tnd_form_valid_yes_no(&f->w, ws, L->ins_row0, TND_FORM_INS_COL_CONCERN, last_party,
                          TND_FORM_INS_COL_NAMED, "ja / nee", NULL);

    header(f, FI_INSURANCE, L->cert_header_row, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_INSURANCE, L->cert_header_row, TND_FORM_COL_LABEL, "certificaat");
    header(f, FI_INSURANCE, L->cert_header_row, TND_FORM_CERT_COL_SCHEME, "kwaliteitssysteem");
    header(f, FI_INSURANCE, L->cert_header_row, TND_FORM_CERT_COL_EQUIVALENT, "gelijkwaardig");
    header(f, FI_INSURANCE, L->cert_header_row, TND_FORM_CERT_COL_VALID_UNTIL, "geldig tot");
    header(f, FI_INSURANCE, L->cert_header_row, TND_FORM_CERT_COL_EVIDENCE, "bewijs");
    for (int k = 0; k < TND_FORM_CERT_ROWS; k++) {
        int row = L->cert_row0 + k;
        numbered_row(f, FI_INSURANCE, row, "certificaat", "Certificaat", k + 1, "");
        input(f, FI_INSURANCE, row, TND_FORM_CERT_COL_SCHEME, f->w.st.input);
        input(f, FI_INSURANCE, row, TND_FORM_CERT_COL_EQUIVALENT, f->w.st.input);
        input(f, FI_INSURANCE, row, TND_FORM_CERT_COL_VALID_UNTIL, f->w.st.input_date);
        input(f, FI_INSURANCE, row, TND_FORM_CERT_COL_EVIDENCE, f->w.st.input);
    }
    int last_cert = L->cert_row0 + TND_FORM_CERT_ROWS - 1;
    valid_from_list(f, FI_INSURANCE, L->cert_row0, TND_FORM_CERT_COL_SCHEME, last_cert,
                    TND_FORM_CERT_COL_SCHEME, FI_LIST_SCHEME, false, "Kwaliteitssysteem",
                    "Kies uit de lijst; een ander systeem: typ de naam en zet gelijkwaardig op "
                    "ja.");
    tnd_form_valid_yes_no(&f->w, ws, L->cert_row0, TND_FORM_CERT_COL_EQUIVALENT, last_cert,
                          TND_FORM_CERT_COL_EQUIVALENT, "Gelijkwaardig", NULL);
    tnd_form_valid_date(&f->w, ws, L->cert_row0, TND_FORM_CERT_COL_VALID_UNTIL, last_cert,
                        TND_FORM_CERT_COL_VALID_UNTIL, "Geldig tot",
                        "Einddatum van het certificaat; leeg = zonder einddatum.");
    valid_from_list(f, FI_INSURANCE, L->cert_row0, TND_FORM_CERT_COL_EVIDENCE, last_cert,
                    TND_FORM_CERT_COL_EVIDENCE, FI_LIST_EVIDENCE, true, "Bewijs",
                    "Certificaat, registratie of kwaliteitsplan.");

    for (size_t q = 0; q < f->def->n_quality && q < TND_FORM_MAX_QUALITY; q++) {
        const tnd_quality_rule *rule = &f->def->quality[q];
        int row = L->quality_row[q];
        key(f, FI_INSURANCE, row, rule->ref.id);
        label(f, FI_INSURANCE, row, TND_FORM_COL_LABEL, rule->ref.label);
    }
    header(f, FI_INSURANCE, L->keurmerk_header_row, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_INSURANCE, L->keurmerk_header_row, TND_FORM_COL_LABEL, "keurmerk");
    header(f, FI_INSURANCE, L->keurmerk_header_row, TND_FORM_KEURMERK_COL_STATUS, "status");
    for (int k = 0; k < L->n_keurmerk_kinds; k++) {
        int row = L->keurmerk_row[k];
        char text[TND_CODE_LEN + 16];
        snprintf(text, sizeof text, "keurmerk-%s", L->keurmerk_kinds[k]);
        key(f, FI_INSURANCE, row, text);
        label(f, FI_INSURANCE, row, TND_FORM_COL_LABEL, L->keurmerk_kinds[k]);
        input(f, FI_INSURANCE, row, TND_FORM_KEURMERK_COL_STATUS, f->w.st.input);
        valid_from_list(f, FI_INSURANCE, row, TND_FORM_KEURMERK_COL_STATUS, row,
                        TND_FORM_KEURMERK_COL_STATUS, FI_LIST_KEURMERK, true, "Keurmerk",
                        "Behaald, in behandeling of geen.");
    }
    for (size_t i = 0; i < f->def->n_keurmerken && i < TND_FORM_MAX_QUALITY; i++) {
        int row = L->keurmerk_rule_row[i];
        key(f, FI_INSURANCE, row, f->def->keurmerken[i].ref.id);
        label(f, FI_INSURANCE, row, TND_FORM_COL_LABEL, f->def->keurmerken[i].ref.label);
    }
}

/* ------------------------------------------------------------------ Referenties */

static const char *ref_field_title(const tnd_reference_rules *rr, int fd, char *buf, size_t size)
{
    static const char *const titles[TND_FORM_REF_FIELDS] = {
        [TND_FORM_REF_REFERENT] = "referent",
        [TND_FORM_REF_KIND] = "soort referent",
        [TND_FORM_REF_START] = "begindatum",
        [TND_FORM_REF_END] = "einddatum",
        [TND_FORM_REF_ONGOING] = "lopend",
        [TND_FORM_REF_DISSOLVED] = "voortijdig ontbonden",
        [TND_FORM_REF_CLIENTS] = "aantal cliënten",
        [TND_FORM_REF_FORECAST] = "resultaten zijn prognose",
        [TND_FORM_REF_SUBCONTRACTOR] = "onderaannemer",
        [TND_FORM_REF_SUBCONTRACTOR_DEPLOYED] = "onderaannemer ingezet",
        [TND_FORM_REF_THIRD_PARTY] = "derde (naam)",
    };
    if (fd >= TND_FORM_REF_COMPETENCE && fd < TND_FORM_REF_DISSOLVED) {
        snprintf(buf, size, "%s", rr->competences[fd - TND_FORM_REF_COMPETENCE].id);
        return buf;
    }
    return titles[fd];
}

static void write_references(tnd_fillin *f)
{
    const tnd_reference_rules *rr = &f->def->references;
    const tnd_fillin_layout *L = &f->L;
    lxw_worksheet *ws = ws_of(f, FI_REFERENCES);
    char line1[256], line2[400];
    snprintf(line1, sizeof line1,
             "Alleen de eerste %d ingevulde referenties tellen mee (%s); minder is "
             "onvoldoende.", rr->count, rr->ref.source);
    size_t used = (size_t)snprintf(line2, sizeof line2, "Kerncompetenties (ja/nee):");
    for (int c = 0; c < rr->n_competences && c < TND_FORM_MAX_COMPETENCES && used < sizeof line2;
         c++)
        used += (size_t)snprintf(line2 + used, sizeof line2 - used, " %s = %.60s%s",
                                 rr->competences[c].id, rr->competences[c].label,
                                 c + 1 < rr->n_competences ? ";" : ".");
    char title[TND_SOURCE_LEN + 32];
    int n = tnd_source_section_len(rr->ref.source);
    snprintf(title, sizeof title, n ? "Referenties (%.*s)" : "Referenties", n, rr->ref.source);
    tnd_form_intro(&f->w, ws, title, line1, line2,
                   "Looptijd: begindatum, einddatum of 'lopend' ja. De referent is een gemeente.");
    header(f, FI_REFERENCES, TND_FORM_HEADER_ROW, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_REFERENCES, TND_FORM_HEADER_ROW, TND_FORM_COL_LABEL, "referentie");
    for (int fd = 0; fd < TND_FORM_REF_FIELDS; fd++) {
        char buf[16];
        if (L->ref_col[fd] >= 0)
            header(f, FI_REFERENCES, TND_FORM_HEADER_ROW, L->ref_col[fd],
                   ref_field_title(rr, fd, buf, sizeof buf));
    }
    tnd_form_note(&f->w, worksheet_set_column(ws, TND_FORM_COL_LABEL, TND_FORM_COL_LABEL, 26,
                                              NULL));
    tnd_form_note(&f->w, worksheet_set_column(ws, L->ref_col[TND_FORM_REF_REFERENT],
                                              L->ref_col[TND_FORM_REF_REFERENT], 26, NULL));
    int first = L->ref_row0, last = L->ref_row0 + L->n_ref_rows - 1;
    for (int r = 0; r < L->n_ref_rows; r++) {
        int row = L->ref_row0 + r;
        numbered_row(f, FI_REFERENCES, row, "referentie", "Referentie", r + 1,
                     r < rr->count ? "" : " (telt niet mee)");
        for (int fd = 0; fd < TND_FORM_REF_FIELDS; fd++) {
            if (L->ref_col[fd] < 0)
                continue;
            bool date = fd == TND_FORM_REF_START || fd == TND_FORM_REF_END;
            input(f, FI_REFERENCES, row, L->ref_col[fd],
                  date ? f->w.st.input_date
                  : fd == TND_FORM_REF_CLIENTS ? f->w.st.input_number
                                               : f->w.st.input);
        }
    }
    for (int fd = 0; fd < TND_FORM_REF_FIELDS; fd++) {
        int col = L->ref_col[fd];
        if (col < 0)
            continue;
        switch (fd) {
        case TND_FORM_REF_REFERENT:
        case TND_FORM_REF_SUBCONTRACTOR:
        case TND_FORM_REF_THIRD_PARTY:
            tnd_form_valid_max_length(&f->w, ws, first, col, last, col, TND_NAME_LEN - 1,
                                      "Naam", fd == TND_FORM_REF_THIRD_PARTY
                                                  ? "De naam van de derde zoals op het blad "
                                                    "Identiteit."
                                                  : "Naam.");
            break;
        case TND_FORM_REF_KIND:
            valid_from_list(f, FI_REFERENCES, first, col, last, col, FI_LIST_REFERENT, true,
                            "Soort referent", "Kies de soort referent.");
            break;
        case TND_FORM_REF_START:
        case TND_FORM_REF_END:
            tnd_form_valid_date(&f->w, ws, first, col, last, col, "Datum", NULL);
            break;
        case TND_FORM_REF_CLIENTS:
            tnd_form_valid_whole(&f->w, ws, first, col, last, col, 0, COUNT_MAX, "Cliënten",
                                 "Aantal ondersteunde cliënten.");
            break;
        default:
            tnd_form_valid_yes_no(&f->w, ws, first, col, last, col, "ja / nee", NULL);
            break;
        }
    }
}

/* ------------------------------------------------------------------ Tariefgroep */

/* "TG-P2-CAO, TG-P3-CAO": the requirements that use fact k. */
static void fact_rules(const tnd_definition *def, const tnd_form_fact *ff, char *buf,
                       size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < def->n_requirements && used < size; i++) {
        const tnd_requirement *q = &def->requirements[i];
        if (q->kind == TND_REQ_BIDS_PRODUCT || strcmp(q->fact, ff->name) != 0 ||
            q->year != ff->year)
            continue;
        int n = snprintf(buf + used, size - used, "%s%s (perceel %d)", used ? "; " : "",
                         q->ref.label, q->lot);
        used += n > 0 ? (size_t)n : 0;
    }
}

static void write_requirements(tnd_fillin *f)
{
    const tnd_fillin_layout *L = &f->L;
    lxw_worksheet *ws = ws_of(f, FI_REQUIREMENTS);
    /* the section of the requirements, from the first one's source (IJsselland: §5.6) */
    const char *src = f->def->n_requirements ? f->def->requirements[0].ref.source : "";
    char title[TND_SOURCE_LEN + 64];
    int n = tnd_source_section_len(src);
    snprintf(title, sizeof title, n ? "Geschiktheidseisen per perceel (tariefgroep, %.*s)"
                                    : "Geschiktheidseisen per perceel (tariefgroep)", n, src);
    tnd_form_intro(&f->w, ws, title,
                   "Vul de gegevens in die de eisen noemen; bedragen in euro's, aantallen als "
                   "getal, ja/nee waar gevraagd.",
                   "Daaronder per eis het oordeel. Een hoger perceel omvat de eisen van het "
                   "lagere (cumulatief).",
                   "Het aantal locaties in de regio volgt uit het blad 'Locaties'.");
    header(f, FI_REQUIREMENTS, TND_FORM_HEADER_ROW, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_REQUIREMENTS, TND_FORM_HEADER_ROW, TND_FORM_COL_LABEL, "gegeven");
    header(f, FI_REQUIREMENTS, TND_FORM_HEADER_ROW, TND_FORM_FACT_COL_VALUE, "waarde");
    header(f, FI_REQUIREMENTS, TND_FORM_HEADER_ROW, TND_FORM_FACT_COL_RULES, "gebruikt door");
    tnd_form_note(&f->w, worksheet_set_column(ws, TND_FORM_FACT_COL_VALUE,
                                              TND_FORM_FACT_COL_VALUE + TND_FORM_FACT_VALUES - 1,
                                              18, NULL));
    for (int k = 0; k < L->n_facts; k++) {
        const tnd_form_fact *ff = &L->facts[k];
        int row = ff->row, col = TND_FORM_FACT_COL_VALUE;
        char text[TND_CODE_LEN + 32], rules[1024];
        snprintf(text, sizeof text, ff->year ? "feit-%s-%d" : "feit-%s", ff->name, ff->year);
        key(f, FI_REQUIREMENTS, row, text);
        snprintf(text, sizeof text, ff->year ? "%s %d" : "%s", ff->name, ff->year);
        label(f, FI_REQUIREMENTS, row, TND_FORM_COL_LABEL, text);
        fact_rules(f->def, ff, rules, sizeof rules);
        note(f, FI_REQUIREMENTS, row, TND_FORM_FACT_COL_RULES, rules);
        switch (ff->kind) {
        case TND_FORM_FACT_FLAG:
            input(f, FI_REQUIREMENTS, row, col, f->w.st.input);
            tnd_form_valid_yes_no(&f->w, ws, row, col, row, col, "ja / nee", NULL);
            break;
        case TND_FORM_FACT_NUMBER:
            input(f, FI_REQUIREMENTS, row, col, f->w.st.input_number);
            tnd_form_valid_decimal(&f->w, ws, row, col, row, col, 0, COUNT_MAX, "Getal",
                                   "Een getal, 0 of meer (decimalen toegestaan).");
            break;
        case TND_FORM_FACT_MONEY:
            input(f, FI_REQUIREMENTS, row, col, f->w.st.input_money);
            tnd_form_valid_decimal(&f->w, ws, row, col, row, col, 0, MONEY_MAX, "Bedrag",
                                   "Bedrag in euro's.");
            break;
        case TND_FORM_FACT_TEXT: {
            for (int v = 0; v < TND_FORM_FACT_VALUES; v++)
                input(f, FI_REQUIREMENTS, row, col + v, f->w.st.input);
            int list = tnd_fillin_fact_list(f, k);
            if (list >= 0)
                valid_from_list(f, FI_REQUIREMENTS, row, col, row,
                                col + TND_FORM_FACT_VALUES - 1, (tnd_fillin_list)list, false,
                                "Waarde", "Kies uit de lijst; een andere waarde mag ook.");
            break;
        }
        case TND_FORM_FACT_DERIVED:
            break; /* a formula (fillin_rules_suitability.c) */
        }
    }
    header(f, FI_REQUIREMENTS, L->req_header_row, TND_FORM_COL_KEY, "regel");
    header(f, FI_REQUIREMENTS, L->req_header_row, TND_FORM_COL_LABEL, "eis");
    header(f, FI_REQUIREMENTS, L->req_header_row, TND_FORM_FACT_COL_VALUE, "perceel");
    header(f, FI_REQUIREMENTS, L->req_header_row, TND_FORM_FACT_COL_VALUE + 1, "norm");
    header(f, FI_REQUIREMENTS, L->req_header_row, TND_FORM_FACT_COL_VALUE + 2, "oordeel");
    header(f, FI_REQUIREMENTS, L->req_header_row, TND_FORM_FACT_COL_VALUE + 3, "ernst");
    header(f, FI_REQUIREMENTS, L->req_header_row, TND_FORM_FACT_COL_RULES, "bron");
    for (size_t i = 0; i < f->def->n_requirements && i < TND_FORM_MAX_REQUIREMENTS; i++) {
        const tnd_requirement *q = &f->def->requirements[i];
        int row = L->req_row[i];
        key(f, FI_REQUIREMENTS, row, q->ref.id);
        label(f, FI_REQUIREMENTS, row, TND_FORM_COL_LABEL, q->ref.label);
        put_number(f, FI_REQUIREMENTS, row, TND_FORM_FACT_COL_VALUE, q->lot, NULL);
        note(f, FI_REQUIREMENTS, row, TND_FORM_FACT_COL_RULES, q->ref.source);
    }
}

/* ------------------------------------------------------------------ FTE, Locaties */

static void write_fte(tnd_fillin *f)
{
    lxw_worksheet *ws = ws_of(f, FI_FTE);
    tnd_form_intro(&f->w, ws, "Fte per tariefgroep",
                   "Het aantal fte per tariefgroep (decimalen toegestaan).", NULL, NULL);
    header(f, FI_FTE, TND_FORM_HEADER_ROW, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_FTE, TND_FORM_HEADER_ROW, TND_FORM_COL_LABEL, "tariefgroep");
    header(f, FI_FTE, TND_FORM_HEADER_ROW, TND_FORM_FTE_COL_VALUE, "fte");
    for (int i = 0; i < f->L.n_fte; i++) {
        int row = TND_FORM_FIRST_ROW + i;
        char text[TND_CODE_LEN + 16];
        snprintf(text, sizeof text, "fte-%s", f->L.fte_codes[i]);
        key(f, FI_FTE, row, text);
        snprintf(text, sizeof text, "Tariefgroep %s", f->L.fte_codes[i]);
        label(f, FI_FTE, row, TND_FORM_COL_LABEL, text);
        input(f, FI_FTE, row, TND_FORM_FTE_COL_VALUE, f->w.st.input_number);
    }
    if (f->L.n_fte > 0)
        tnd_form_valid_decimal(&f->w, ws, TND_FORM_FIRST_ROW, TND_FORM_FTE_COL_VALUE,
                               TND_FORM_FIRST_ROW + f->L.n_fte - 1, TND_FORM_FTE_COL_VALUE, 0,
                               FTE_MAX, "Fte", "Fte, 0 of meer.");
}

static void write_locations(tnd_fillin *f)
{
    lxw_worksheet *ws = ws_of(f, FI_LOCATIONS);
    tnd_form_intro(&f->w, ws, "Locaties",
                   "Per locatie: naam, gemeente (leeg = buiten het gebied van de aanbesteding), "
                   "aantal plaatsen, afstand hemelsbreed tot de regio in km, verblijf ja/nee.",
                   "Buiten het gebied is de afstand verplicht.", NULL);
    static const char *const heads[] = { "naam", "gemeente", "plaatsen", "afstand (km)",
                                         "verblijf" };
    header(f, FI_LOCATIONS, TND_FORM_HEADER_ROW, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_LOCATIONS, TND_FORM_HEADER_ROW, TND_FORM_COL_LABEL, "locatie");
    for (int i = 0; i < 5; i++)
        header(f, FI_LOCATIONS, TND_FORM_HEADER_ROW, TND_FORM_LOC_COL_NAME + i, heads[i]);
    tnd_form_note(&f->w, worksheet_set_column(ws, TND_FORM_COL_LABEL, TND_FORM_COL_LABEL, 14,
                                              NULL));
    tnd_form_note(&f->w, worksheet_set_column(ws, TND_FORM_LOC_COL_NAME,
                                              TND_FORM_LOC_COL_MUNICIPALITY, 28, NULL));
    for (int i = 0; i < TND_FORM_LOCATION_ROWS; i++) {
        int row = TND_FORM_FIRST_ROW + i;
        numbered_row(f, FI_LOCATIONS, row, "locatie", "Locatie", i + 1, "");
        input(f, FI_LOCATIONS, row, TND_FORM_LOC_COL_NAME, f->w.st.input);
        input(f, FI_LOCATIONS, row, TND_FORM_LOC_COL_MUNICIPALITY, f->w.st.input);
        input(f, FI_LOCATIONS, row, TND_FORM_LOC_COL_PLACES, f->w.st.input_number);
        input(f, FI_LOCATIONS, row, TND_FORM_LOC_COL_DISTANCE, f->w.st.input_number);
        input(f, FI_LOCATIONS, row, TND_FORM_LOC_COL_RESIDENTIAL, f->w.st.input);
    }
    int first = TND_FORM_FIRST_ROW, last = TND_FORM_FIRST_ROW + TND_FORM_LOCATION_ROWS - 1;
    tnd_form_valid_max_length(&f->w, ws, first, TND_FORM_LOC_COL_NAME, last,
                              TND_FORM_LOC_COL_NAME, TND_NAME_LEN - 1, "Naam", "Naam.");
    valid_from_list(f, FI_LOCATIONS, first, TND_FORM_LOC_COL_MUNICIPALITY, last,
                    TND_FORM_LOC_COL_MUNICIPALITY, FI_LIST_MUNICIPALITY, true, "Gemeente",
                    "Kies de gemeente; leeg = buiten het gebied.");
    tnd_form_valid_whole(&f->w, ws, first, TND_FORM_LOC_COL_PLACES, last,
                         TND_FORM_LOC_COL_PLACES, 0, PLACES_MAX, "Plaatsen", "Aantal plaatsen.");
    tnd_form_valid_decimal(&f->w, ws, first, TND_FORM_LOC_COL_DISTANCE, last,
                           TND_FORM_LOC_COL_DISTANCE, 0, DISTANCE_MAX, "Afstand",
                           "Afstand hemelsbreed in km.");
    tnd_form_valid_yes_no(&f->w, ws, first, TND_FORM_LOC_COL_RESIDENTIAL, last,
                          TND_FORM_LOC_COL_RESIDENTIAL, "Verblijf", NULL);
}

/* ------------------------------------------------------------------ Groepen */

static void write_groups(tnd_fillin *f)
{
    const tnd_fillin_layout *L = &f->L;
    const tnd_definition *def = f->def;
    lxw_worksheet *ws = ws_of(f, FI_GROUPS);
    char line1[256], line2[256];
    snprintf(line1, sizeof line1,
             "Verblijf (perceel %d, %s): intensiteit = uren groepsleiding per week / 7 / "
             "(jeugdigen x bezetting); bezetting niet lager dan de ondergrens van de soort groep.",
             def->residential.lot, def->residential.ref.source);
    snprintf(line2, sizeof line2,
             "Groepsaanbod (perceel %d, %s): intensiteit = uren begeleiding / openingsuren / "
             "jeugdigen. Op een gedeelde grens: grensgeval, in overleg.",
             def->group.lot, def->group.ref.source);
    tnd_form_intro(&f->w, ws, "Groepen: begeleidingsintensiteit", line1, line2,
                   "Bezetting als percentage (95%). Soort aanbieder leeg = die van de "
                   "inschrijving.");
    static const char *const res_heads[] = { "naam", "soort groep", "soort aanbieder",
                                             "jeugdigen", "bezetting", "uren per week",
                                             "geclaimde intensiteit" };
    static const char *const day_heads[] = { "naam", "jeugdigen", "openingsuren per week",
                                             "uren begeleiding per week",
                                             "geclaimde klasse" };
    header(f, FI_GROUPS, L->res_header_row, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_GROUPS, L->res_header_row, TND_FORM_COL_LABEL, "verblijfsgroep");
    for (int i = 0; i < 7; i++)
        header(f, FI_GROUPS, L->res_header_row, TND_FORM_RES_COL_NAME + i, res_heads[i]);
    header(f, FI_GROUPS, L->day_header_row, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_GROUPS, L->day_header_row, TND_FORM_COL_LABEL, "dagbestedingsgroep");
    for (int i = 0; i < 5; i++)
        header(f, FI_GROUPS, L->day_header_row, TND_FORM_DAY_COL_NAME + i, day_heads[i]);
    /* wide enough for the labels of the summary rows ("Begeleidingsintensiteit wonen ...") */
    tnd_form_note(&f->w, worksheet_set_column(ws, TND_FORM_COL_LABEL, TND_FORM_COL_LABEL, 40,
                                              NULL));
    /* up to the verdict: the helper columns after it are hidden (build(), hide_columns) and
     * one column may be set only once */
    tnd_form_note(&f->w, worksheet_set_column(ws, TND_FORM_RES_COL_NAME,
                                              TND_FORM_GROUP_COL_VERDICT, 14, NULL));
    for (int i = 0; i < TND_FORM_GROUP_ROWS; i++) {
        int row = L->res_row0 + i;
        numbered_row(f, FI_GROUPS, row, "verblijfsgroep", "Verblijfsgroep", i + 1, "");
        input(f, FI_GROUPS, row, TND_FORM_RES_COL_NAME, f->w.st.input);
        input(f, FI_GROUPS, row, TND_FORM_RES_COL_KIND, f->w.st.input);
        input(f, FI_GROUPS, row, TND_FORM_RES_COL_PROVIDER, f->w.st.input);
        input(f, FI_GROUPS, row, TND_FORM_RES_COL_YOUTHS, f->w.st.input_number);
        input(f, FI_GROUPS, row, TND_FORM_RES_COL_OCCUPANCY, f->w.st.input_percent);
        input(f, FI_GROUPS, row, TND_FORM_RES_COL_HOURS, f->w.st.input_number);
        input(f, FI_GROUPS, row, TND_FORM_RES_COL_CLAIMED, f->w.st.input);
        row = L->day_row0 + i;
        numbered_row(f, FI_GROUPS, row, "dagbestedingsgroep", "Dagbestedingsgroep", i + 1, "");
        input(f, FI_GROUPS, row, TND_FORM_DAY_COL_NAME, f->w.st.input);
        input(f, FI_GROUPS, row, TND_FORM_DAY_COL_YOUTHS, f->w.st.input_number);
        input(f, FI_GROUPS, row, TND_FORM_DAY_COL_OPENING, f->w.st.input_number);
        input(f, FI_GROUPS, row, TND_FORM_DAY_COL_HOURS, f->w.st.input_number);
        input(f, FI_GROUPS, row, TND_FORM_DAY_COL_CLAIMED, f->w.st.input);
    }
    int r0 = L->res_row0, r1 = L->res_row0 + TND_FORM_GROUP_ROWS - 1;
    int d0 = L->day_row0, d1 = L->day_row0 + TND_FORM_GROUP_ROWS - 1;
    tnd_form_valid_max_length(&f->w, ws, r0, TND_FORM_RES_COL_NAME, r1, TND_FORM_RES_COL_NAME,
                              TND_NAME_LEN - 1, "Naam", "Naam van de groep.");
    valid_from_list(f, FI_GROUPS, r0, TND_FORM_RES_COL_KIND, r1, TND_FORM_RES_COL_KIND,
                    FI_LIST_OCCUPANCY, true, "Soort groep",
                    "Leeg = regulier; kdv (kortdurend verblijf) of crisis.");
    valid_from_list(f, FI_GROUPS, r0, TND_FORM_RES_COL_PROVIDER, r1, TND_FORM_RES_COL_PROVIDER,
                    FI_LIST_PROVIDER, true, "Soort aanbieder",
                    "Leeg = de soort aanbieder van de inschrijving.");
    tnd_form_valid_whole(&f->w, ws, r0, TND_FORM_RES_COL_YOUTHS, r1, TND_FORM_RES_COL_YOUTHS, 1,
                         YOUTHS_MAX, "Jeugdigen", "Aantal jeugdigen in de groep.");
    tnd_form_valid_decimal(&f->w, ws, r0, TND_FORM_RES_COL_OCCUPANCY, r1,
                           TND_FORM_RES_COL_OCCUPANCY, 0.000001, 1, "Bezetting",
                           "Bezettingsgraad als percentage, meer dan 0% en ten hoogste 100%.");
    tnd_form_valid_decimal(&f->w, ws, r0, TND_FORM_RES_COL_HOURS, r1, TND_FORM_RES_COL_HOURS, 0,
                           HOURS_MAX, "Uren", "Netto uren groepsleiding per week.");
    valid_from_list(f, FI_GROUPS, r0, TND_FORM_RES_COL_CLAIMED, r1, TND_FORM_RES_COL_CLAIMED,
                    FI_LIST_RES_CLAIM, true, "Intensiteit", "De intensiteit die u claimt.");
    tnd_form_valid_max_length(&f->w, ws, d0, TND_FORM_DAY_COL_NAME, d1, TND_FORM_DAY_COL_NAME,
                              TND_NAME_LEN - 1, "Naam", "Naam van de groep.");
    tnd_form_valid_whole(&f->w, ws, d0, TND_FORM_DAY_COL_YOUTHS, d1, TND_FORM_DAY_COL_YOUTHS, 1,
                         YOUTHS_MAX, "Jeugdigen", "Aantal jeugdigen in de groep.");
    tnd_form_valid_decimal(&f->w, ws, d0, TND_FORM_DAY_COL_OPENING, d1, TND_FORM_DAY_COL_OPENING,
                           0.000001, WEEK_HOURS, "Openingsuren",
                           "Openingsuren per week (meer dan 0, ten hoogste 168).");
    tnd_form_valid_decimal(&f->w, ws, d0, TND_FORM_DAY_COL_HOURS, d1, TND_FORM_DAY_COL_HOURS, 0,
                           HOURS_MAX, "Uren", "Netto uren begeleiding per week.");
    valid_from_list(f, FI_GROUPS, d0, TND_FORM_DAY_COL_CLAIMED, d1, TND_FORM_DAY_COL_CLAIMED,
                    FI_LIST_DAY_CLAIM, true, "Klasse", "De klasse die u claimt.");
}

/* ------------------------------------------------------------------ Producten (issue 11) */

static const char *const cap_units[] = { "minuut", "uur", "week", "maand", "jaar" };
static const char *const ambulant_kinds[] = { TND_FORM_AMB_OWN, TND_FORM_AMB_SUBCONTRACTED };

/* The header row of one table of 'Producten'. */
static void product_header(tnd_fillin *f, int row, const char *title, const char *const *heads,
                           int n)
{
    header(f, FI_PRODUCTS, row, TND_FORM_COL_KEY, "sleutel");
    header(f, FI_PRODUCTS, row, TND_FORM_COL_LABEL, title);
    for (int i = 0; i < n; i++)
        header(f, FI_PRODUCTS, row, TND_FORM_CAP_COL_MAX + i, heads[i]);
}

/* One cap row: label "<product>: <measure>, ten hoogste <max> <unit> per <per>" from the rule. */
static void product_cap_row(tnd_fillin *f, const tnd_form_prow *p)
{
    const tnd_product_rule *pr = &f->def->product_rules[p->rule];
    lxw_worksheet *ws = ws_of(f, FI_PRODUCTS);
    char text[TND_CODE_LEN * 3 + 96], n[32];
    tnd_dec_nl_compact(pr->max, n);
    snprintf(text, sizeof text, "%s: %s, norm ten hoogste %s %s per %s", p->product, pr->measure,
             n, tnd_cap_unit_name(pr->unit), pr->per);
    label(f, FI_PRODUCTS, p->row, TND_FORM_COL_LABEL, text);
    input(f, FI_PRODUCTS, p->row, TND_FORM_CAP_COL_MAX, f->w.st.input_number);
    for (int c = TND_FORM_CAP_COL_UNIT; c <= TND_FORM_CAP_COL_EXCEPTION; c++)
        input(f, FI_PRODUCTS, p->row, c,
              c == TND_FORM_CAP_COL_EXT_MAX ? f->w.st.input_number : f->w.st.input);
    tnd_form_valid_decimal(&f->w, ws, p->row, TND_FORM_CAP_COL_MAX, p->row, TND_FORM_CAP_COL_MAX,
                           0, 1000000, "Maximum", "Het maximum dat u hanteert.");
    tnd_form_valid_list(&f->w, ws, p->row, TND_FORM_CAP_COL_UNIT, p->row, TND_FORM_CAP_COL_UNIT,
                        cap_units, TND_COUNTOF(cap_units), NULL, true, "Eenheid", NULL);
    tnd_form_valid_list(&f->w, ws, p->row, TND_FORM_CAP_COL_EXT_UNIT, p->row,
                        TND_FORM_CAP_COL_EXT_UNIT, cap_units, TND_COUNTOF(cap_units), NULL, true,
                        "Eenheid verlenging", NULL);
    const char *periods[] = { pr->per };
    tnd_form_valid_list(&f->w, ws, p->row, TND_FORM_CAP_COL_PER, p->row, TND_FORM_CAP_COL_PER,
                        periods, 1, NULL, false, "Periode",
                        "De periode van de norm; een andere periode gaat naar de beoordelaar.");
    if (pr->n_exceptions > 0) {
        const char *ids[TND_COUNTOF(pr->exceptions)];
        for (int x = 0; x < pr->n_exceptions; x++)
            ids[x] = pr->exceptions[x].id;
        tnd_form_valid_list(&f->w, ws, p->row, TND_FORM_CAP_COL_EXCEPTION, p->row,
                            TND_FORM_CAP_COL_EXCEPTION, ids, (size_t)pr->n_exceptions, NULL, true,
                            "Uitzondering", "Een uitzondering van de aanbesteding, of leeg.");
    } else {
        tnd_form_valid_max_length(&f->w, ws, p->row, TND_FORM_CAP_COL_EXCEPTION, p->row,
                                  TND_FORM_CAP_COL_EXCEPTION, 0, "Uitzondering",
                                  "Deze norm kent geen uitzonderingen.");
    }
}

static void product_group_row(tnd_fillin *f, const tnd_form_prow *p)
{
    const tnd_product_rule *pr = &f->def->product_rules[p->rule];
    lxw_worksheet *ws = ws_of(f, FI_PRODUCTS);
    char text[TND_CODE_LEN + 32];
    snprintf(text, sizeof text, "%s groep %d", p->product, p->n);
    label(f, FI_PRODUCTS, p->row, TND_FORM_COL_LABEL, text);
    for (int c = TND_FORM_PGROUP_COL_NAME; c <= TND_FORM_PGROUP_COL_STAFF; c++)
        input(f, FI_PRODUCTS, p->row, c,
              c >= TND_FORM_PGROUP_COL_YOUTHS ? f->w.st.input_number : f->w.st.input);
    const char *codes[TND_COUNTOF(pr->categories)];
    for (int k = 0; k < pr->n_categories; k++)
        codes[k] = pr->categories[k].code;
    tnd_form_valid_list(&f->w, ws, p->row, TND_FORM_PGROUP_COL_CATEGORY, p->row,
                        TND_FORM_PGROUP_COL_CATEGORY, codes, (size_t)pr->n_categories, NULL, true,
                        "Categorie", "De categorie van de groep volgens de productbeschrijving.");
    tnd_form_valid_whole(&f->w, ws, p->row, TND_FORM_PGROUP_COL_YOUTHS, p->row,
                         TND_FORM_PGROUP_COL_STAFF, 1, YOUTHS_MAX, "Aantal",
                         "Kinderen in de groep ten hoogste, medewerkers aanwezig.");
}

static void product_parent_row(tnd_fillin *f, const tnd_form_prow *p)
{
    lxw_worksheet *ws = ws_of(f, FI_PRODUCTS);
    char text[TND_CODE_LEN + 40];
    snprintf(text, sizeof text, "%s gezinshuisouder %d", p->product, p->n);
    label(f, FI_PRODUCTS, p->row, TND_FORM_COL_LABEL, text);
    for (int c = TND_FORM_PARENT_COL_NAME; c <= TND_FORM_PARENT_COL_SCREENED; c++)
        input(f, FI_PRODUCTS, p->row, c, f->w.st.input);
    tnd_form_valid_yes_no(&f->w, ws, p->row, TND_FORM_PARENT_COL_PEDAGOGICAL, p->row,
                          TND_FORM_PARENT_COL_SCREENED, "Gezinshuisouder", NULL);
}

static void product_ambulant_row(tnd_fillin *f, const tnd_form_prow *p)
{
    lxw_worksheet *ws = ws_of(f, FI_PRODUCTS);
    char text[64];
    snprintf(text, sizeof text, "Perceel %d: ambulant alternatief", p->lot);
    label(f, FI_PRODUCTS, p->row, TND_FORM_COL_LABEL, text);
    input(f, FI_PRODUCTS, p->row, TND_FORM_AMB_COL_KIND, f->w.st.input);
    input(f, FI_PRODUCTS, p->row, TND_FORM_AMB_COL_SUBCONTRACTOR, f->w.st.input);
    tnd_form_valid_list(&f->w, ws, p->row, TND_FORM_AMB_COL_KIND, p->row, TND_FORM_AMB_COL_KIND,
                        ambulant_kinds, TND_COUNTOF(ambulant_kinds), NULL, true,
                        "Ambulant alternatief", "eigen of onderaanneming");
    tnd_form_valid_max_length(&f->w, ws, p->row, TND_FORM_AMB_COL_SUBCONTRACTOR, p->row,
                              TND_FORM_AMB_COL_SUBCONTRACTOR, TND_NAME_LEN - 1, "Onderaannemer",
                              "Naam van de onderaannemer.");
}

static void write_products(tnd_fillin *f)
{
    const tnd_fillin_layout *L = &f->L;
    lxw_worksheet *ws = ws_of(f, FI_PRODUCTS);
    tnd_form_intro(&f->w, ws, "Producten: wat u per voorziening aanbiedt",
                   "Per voorziening met een eigen regel: het maximum dat u hanteert (eenheid, "
                   "periode, verlengingen, uitzondering), de groepen met categorie en bezetting, "
                   "de gezinshuisouders.",
                   "Verlengingen: een aantal of 'onbeperkt'; leeg = geen. De norm staat in "
                   "kolom B; het oordeel op het blad 'Controle'.", NULL);
    static const char *const cap_heads[] = { "maximum", "eenheid", "periode", "verlengingen",
                                             "verlenging ten hoogste", "eenheid verlenging",
                                             "uitzondering" };
    static const char *const group_heads[] = { "naam groep", "categorie", "kinderen",
                                               "medewerkers" };
    static const char *const parent_heads[] = { "naam", "pedagogisch opgeleid", "hbo-niveau",
                                                "gescreend" };
    static const char *const amb_heads[] = { "eigen of onderaanneming", "onderaannemer" };
    if (L->prow_header_row[TND_FORM_PROW_CAP] != TND_FORM_NO_ROW)
        product_header(f, L->prow_header_row[TND_FORM_PROW_CAP], "maximum per voorziening",
                       cap_heads, (int)TND_COUNTOF(cap_heads));
    if (L->prow_header_row[TND_FORM_PROW_GROUP] != TND_FORM_NO_ROW)
        product_header(f, L->prow_header_row[TND_FORM_PROW_GROUP], "groepen en bezetting",
                       group_heads, (int)TND_COUNTOF(group_heads));
    if (L->prow_header_row[TND_FORM_PROW_PARENT] != TND_FORM_NO_ROW)
        product_header(f, L->prow_header_row[TND_FORM_PROW_PARENT], "gezinshuisouders",
                       parent_heads, (int)TND_COUNTOF(parent_heads));
    if (L->prow_header_row[TND_FORM_PROW_AMBULANT] != TND_FORM_NO_ROW)
        product_header(f, L->prow_header_row[TND_FORM_PROW_AMBULANT], "ambulant alternatief",
                       amb_heads, (int)TND_COUNTOF(amb_heads));
    tnd_form_note(&f->w, worksheet_set_column(ws, TND_FORM_COL_LABEL, TND_FORM_COL_LABEL, 52,
                                              NULL));
    tnd_form_note(&f->w, worksheet_set_column(ws, TND_FORM_CAP_COL_MAX,
                                              TND_FORM_CAP_COL_EXCEPTION, 16, NULL));
    for (int i = 0; i < L->n_prows; i++) {
        const tnd_form_prow *p = &L->prows[i];
        char k[TND_CODE_LEN * 2 + 32];
        tnd_form_prow_key(p, k, sizeof k);
        key(f, FI_PRODUCTS, p->row, k);
        switch (p->kind) {
        case TND_FORM_PROW_CAP: product_cap_row(f, p); break;
        case TND_FORM_PROW_GROUP: product_group_row(f, p); break;
        case TND_FORM_PROW_PARENT: product_parent_row(f, p); break;
        case TND_FORM_PROW_AMBULANT: product_ambulant_row(f, p); break;
        }
    }
}

/* ------------------------------------------------------------------ prefill */

static int member_party(size_t i)
{
    return 1 + (int)i;
}

static int third_party(size_t i)
{
    return 1 + TND_FORM_MAX_MEMBERS + (int)i;
}

static void prefill_party(tnd_fillin *f, const tnd_bid *bid, int p, const tnd_party *party)
{
    const tnd_fillin_layout *L = &f->L;
    const tnd_exclusion_rules *ex = &f->def->exclusion;
    int col = tnd_form_party_col(p);
    put_text(f, FI_IDENTITY, L->party_row[TND_FORM_PARTY_NAME], col, party->name);
    put_text(f, FI_IDENTITY, L->party_row[TND_FORM_PARTY_KVK], col, party->kvk);
    put_text(f, FI_IDENTITY, L->party_row[TND_FORM_PARTY_LEGAL_FORM], col, party->legal_form);
    for (size_t g = 0; g < ex->n_grounds && g < TND_FORM_MAX_GROUNDS; g++) {
        if (L->ground_row[g] == TND_FORM_NO_ROW)
            continue;
        for (size_t a = 0; a < party->n_answers; a++)
            if (strcmp(party->answers[a].code, ex->grounds[g].code) == 0) {
                put_yes_no(f, FI_IDENTITY, L->ground_row[g], col, party->answers[a].yes);
                break;
            }
    }
    /* II C has no "absent" in the model: it is written when the party has a UEA at all */
    if (party->has_uea || party->part_iic_yes)
        put_yes_no(f, FI_IDENTITY, L->party_row[TND_FORM_PARTY_UEA_IIC], col,
                   party->part_iic_yes);
    if (party->has_part_iv)
        put_yes_no(f, FI_IDENTITY, L->party_row[TND_FORM_PARTY_UEA_IV], col, party->part_iv_yes);
    if (party->has_kvk_extract)
        put_date(f, FI_IDENTITY, L->party_row[TND_FORM_PARTY_DOC_KVK], col, party->kvk_extract);
    if (party->has_gedragsverklaring)
        put_date(f, FI_IDENTITY, L->party_row[TND_FORM_PARTY_DOC_GEDRAG], col,
                 party->gedragsverklaring);
    if (party->has_belastingverklaring)
        put_date(f, FI_IDENTITY, L->party_row[TND_FORM_PARTY_DOC_BELASTING], col,
                 party->belastingverklaring);
    if (party_field_applies(TND_FORM_PARTY_JOINT_LIABILITY, p) &&
        (bid->is_combination || party->joint_liability_signed))
        put_yes_no(f, FI_IDENTITY, L->party_row[TND_FORM_PARTY_JOINT_LIABILITY], col,
                   party->joint_liability_signed);
    if (tnd_form_party_is_third(p)) {
        put_text(f, FI_IDENTITY, L->party_row[TND_FORM_PARTY_RELIED_FOR], col,
                 party->relied_for);
        put_yes_no(f, FI_IDENTITY, L->party_row[TND_FORM_PARTY_DECLARATION], col,
                   party->declaration_signed);
        return;
    }
    int row = L->ins_row0 + p;
    if (party->has_insurance) {
        put_money(f, FI_INSURANCE, row, TND_FORM_INS_COL_COVER, party->insurance_cover);
        put_yes_no(f, FI_INSURANCE, row, TND_FORM_INS_COL_CONCERN, party->concern_policy);
        if (party->concern_policy || party->named_insured)
            put_yes_no(f, FI_INSURANCE, row, TND_FORM_INS_COL_NAMED, party->named_insured);
    }
}

static void prefill_identity(tnd_fillin *f, const tnd_bid *bid)
{
    const int *row = f->L.bid_row;
    int col = TND_FORM_ID_COL_BIDDER;
    if (bid->has_submission) {
        const tnd_datetime *t = &bid->submitted;
        put_date(f, FI_IDENTITY, row[TND_FORM_BID_SUBMIT_DATE], col, t->date);
        put_number(f, FI_IDENTITY, row[TND_FORM_BID_SUBMIT_TIME], col,
                   (t->hour * 3600 + t->minute * 60 + t->second) / 86400.0, f->w.st.input_time);
    }
    put_text(f, FI_IDENTITY, row[TND_FORM_BID_PROVIDER_TYPE], col, bid->provider_type);
    for (int i = 0; i < bid->n_agb && i < TND_FORM_MAX_AGB; i++)
        put_text(f, FI_IDENTITY, row[TND_FORM_BID_AGB + i], col, bid->agb[i]);
    put_yes_no(f, FI_IDENTITY, row[TND_FORM_BID_COMBINATION], col, bid->is_combination);
    put_yes_no(f, FI_IDENTITY, row[TND_FORM_BID_HOLDING], col, bid->has_holding);
    if (bid->has_holding) {
        put_text(f, FI_IDENTITY, row[TND_FORM_BID_HOLDING_NAME], col, bid->holding);
        put_yes_no(f, FI_IDENTITY, row[TND_FORM_BID_HOLDING_DECLARATION], col,
                   bid->holding_declaration);
    }
    if (row[TND_FORM_BID_OPT_OUT] != TND_FORM_NO_ROW)
        put_yes_no(f, FI_IDENTITY, row[TND_FORM_BID_OPT_OUT], col, bid->cascade_opt_out);
    if (bid->has_truthfulness)
        put_yes_no(f, FI_IDENTITY, row[TND_FORM_BID_TRUTHFULNESS], col, bid->truthfulness_signed);
    if (bid->has_signatory)
        put_yes_no(f, FI_IDENTITY, row[TND_FORM_BID_SIGNATORY], col, bid->signatory_authorised);
    put_yes_no(f, FI_IDENTITY, row[TND_FORM_BID_MANDATE], col, bid->has_mandate);
    if (bid->has_mandate)
        put_yes_no(f, FI_IDENTITY, row[TND_FORM_BID_MANDATE_GRANTOR], col,
                   bid->mandate_grantor_authorised);
    put_yes_no(f, FI_IDENTITY, row[TND_FORM_BID_RESERVATIONS], col, bid->reservations);
    put_text(f, FI_IDENTITY, row[TND_FORM_BID_LANGUAGE], col,
             bid->language_dutch ? TND_FORM_LANGUAGE_DUTCH : TND_FORM_LANGUAGE_OTHER);

    prefill_party(f, bid, 0, &bid->bidder);
    for (size_t i = 0; i < bid->n_members && i < TND_FORM_MAX_MEMBERS; i++)
        prefill_party(f, bid, member_party(i), &bid->members[i]);
    for (size_t i = 0; i < bid->n_third_parties && i < TND_FORM_MAX_THIRD; i++)
        prefill_party(f, bid, third_party(i), &bid->third_parties[i]);
}

static void prefill_lots(tnd_fillin *f, const tnd_bid *bid)
{
    const tnd_definition *def = f->def;
    for (size_t l = 0; l < def->n_lots && l < TND_FORM_MAX_LOTS; l++) {
        const tnd_lot *lot = &def->lots[l];
        const tnd_bid_lot *bl = tnd_bid_lot_find(bid, lot->number);
        if (!bl)
            continue;
        int row = f->L.lot_row[l];
        put_yes_no(f, FI_LOTS, row, TND_FORM_LOT_COL_APPLY, true);
        if (bl->capacity > 0 && lot->number == def->group.lot)
            put_number(f, FI_LOTS, row, TND_FORM_LOT_COL_CAPACITY, (double)bl->capacity,
                       f->w.st.input_number);
        for (size_t p = 0; p < lot->n_products; p++) {
            bool offered = false;
            for (int k = 0; k < bl->n_products && !offered; k++)
                offered = strcmp(bl->products[k], lot->products[p].code) == 0;
            put_yes_no(f, FI_LOTS, row + 1 + (int)p, TND_FORM_LOT_COL_APPLY, offered);
        }
    }
}

static void prefill_financial(tnd_fillin *f, const tnd_bid *bid)
{
    const tnd_financial_rules *fin = &f->def->financial;
    const tnd_fillin_layout *L = &f->L;
    for (int i = 0; i < fin->n_items && i < (int)TND_COUNTOF(fin->items); i++)
        for (int y = 0; y < L->n_years; y++) {
            if (!item_asks(&fin->items[i], L->years[y]))
                continue;
            const tnd_figure *fig = tnd_bid_figure(bid, fin->items[i].id, L->years[y]);
            if (fig)
                put_money(f, FI_FINANCIAL, L->fin_item_row[i], TND_FORM_FIN_COL_FIRST_YEAR + y,
                          fig->amount);
        }
    int col = TND_FORM_FIN_COL_VALUE;
    if (bid->startup)
        put_yes_no(f, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_STARTUP], col, true);
    if (bid->has_going_concern)
        put_yes_no(f, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_GOING_CONCERN], col,
                   bid->going_concern_negative);
    if (bid->financial_plan > TND_PLAN_NONE && bid->financial_plan <= TND_PLAN_NOT_DELIVERED)
        put_text(f, FI_FINANCIAL, L->fin_row[TND_FORM_FIN_PLAN], col,
                 tnd_form_plan_texts[bid->financial_plan]);
}

static void prefill_quality(tnd_fillin *f, const tnd_bid *bid)
{
    const tnd_fillin_layout *L = &f->L;
    for (size_t i = 0; i < bid->n_certificates && i < TND_FORM_CERT_ROWS; i++) {
        const tnd_certificate *c = &bid->certificates[i];
        int row = L->cert_row0 + (int)i;
        put_text(f, FI_INSURANCE, row, TND_FORM_CERT_COL_SCHEME, c->scheme);
        put_yes_no(f, FI_INSURANCE, row, TND_FORM_CERT_COL_EQUIVALENT, c->equivalent);
        if (c->has_valid_until)
            put_date(f, FI_INSURANCE, row, TND_FORM_CERT_COL_VALID_UNTIL, c->valid_until);
        put_text(f, FI_INSURANCE, row, TND_FORM_CERT_COL_EVIDENCE, c->evidence);
    }
    for (size_t i = 0; i < bid->n_keurmerken; i++)
        for (int k = 0; k < L->n_keurmerk_kinds; k++)
            if (strcmp(L->keurmerk_kinds[k], bid->keurmerken[i].kind) == 0 &&
                bid->keurmerken[i].status <= TND_KEURMERK_IN_PROGRESS)
                put_text(f, FI_INSURANCE, L->keurmerk_row[k], TND_FORM_KEURMERK_COL_STATUS,
                         tnd_form_keurmerk_texts[bid->keurmerken[i].status]);
}

static void prefill_references(tnd_fillin *f, const tnd_bid *bid)
{
    const tnd_fillin_layout *L = &f->L;
    const tnd_reference_rules *rr = &f->def->references;
    const int *col = L->ref_col;
    for (size_t i = 0; i < bid->n_references && i < (size_t)L->n_ref_rows; i++) {
        const tnd_reference *ref = &bid->references[i];
        int row = L->ref_row0 + (int)i;
        put_text(f, FI_REFERENCES, row, col[TND_FORM_REF_REFERENT], ref->referent);
        put_text(f, FI_REFERENCES, row, col[TND_FORM_REF_KIND], ref->referent_kind);
        if (tnd_date_valid(ref->start))
            put_date(f, FI_REFERENCES, row, col[TND_FORM_REF_START], ref->start);
        if (ref->has_end)
            put_date(f, FI_REFERENCES, row, col[TND_FORM_REF_END], ref->end);
        put_yes_no(f, FI_REFERENCES, row, col[TND_FORM_REF_ONGOING], ref->ongoing);
        for (int c = 0; c < rr->n_competences && c < TND_FORM_MAX_COMPETENCES; c++) {
            bool covered = false;
            for (int k = 0; k < ref->n_competences && !covered; k++)
                covered = strcmp(ref->competences[k], rr->competences[c].id) == 0;
            put_yes_no(f, FI_REFERENCES, row, col[TND_FORM_REF_COMPETENCE + c], covered);
        }
        put_yes_no(f, FI_REFERENCES, row, col[TND_FORM_REF_DISSOLVED], ref->dissolved_early);
        if (ref->has_clients_served)
            put_number(f, FI_REFERENCES, row, col[TND_FORM_REF_CLIENTS],
                       (double)ref->clients_served, f->w.st.input_number);
        put_yes_no(f, FI_REFERENCES, row, col[TND_FORM_REF_FORECAST], ref->forecast_results);
        put_text(f, FI_REFERENCES, row, col[TND_FORM_REF_SUBCONTRACTOR], ref->subcontractor);
        if (ref->subcontractor[0])
            put_yes_no(f, FI_REFERENCES, row, col[TND_FORM_REF_SUBCONTRACTOR_DEPLOYED],
                       ref->subcontractor_deployed);
        put_text(f, FI_REFERENCES, row, col[TND_FORM_REF_THIRD_PARTY], ref->third_party);
    }
}

static void prefill_facts(tnd_fillin *f, const tnd_bid *bid)
{
    const tnd_fillin_layout *L = &f->L;
    for (int k = 0; k < L->n_facts; k++) {
        const tnd_form_fact *ff = &L->facts[k];
        const tnd_fact *fact = tnd_bid_fact(bid, ff->name, ff->year);
        if (!fact)
            continue;
        int row = ff->row, col = TND_FORM_FACT_COL_VALUE;
        switch (ff->kind) {
        case TND_FORM_FACT_FLAG:
            if (fact->type == TND_FACT_FLAG)
                put_yes_no(f, FI_REQUIREMENTS, row, col, fact->flag);
            break;
        case TND_FORM_FACT_NUMBER:
            if (fact->type == TND_FACT_NUMBER)
                put_dec(f, FI_REQUIREMENTS, row, col, fact->number, f->w.st.input_number);
            break;
        case TND_FORM_FACT_MONEY:
            if (fact->type == TND_FACT_MONEY)
                put_money(f, FI_REQUIREMENTS, row, col, fact->money);
            break;
        case TND_FORM_FACT_TEXT:
            for (int v = 0; v < fact->n_values && v < TND_FORM_FACT_VALUES; v++)
                put_text(f, FI_REQUIREMENTS, row, col + v, fact->values[v]);
            break;
        case TND_FORM_FACT_DERIVED:
            break;
        }
    }
    for (size_t i = 0; i < bid->n_fte; i++)
        for (int k = 0; k < L->n_fte; k++)
            if (strcmp(L->fte_codes[k], bid->fte[i].tariff_group) == 0)
                put_dec(f, FI_FTE, TND_FORM_FIRST_ROW + k, TND_FORM_FTE_COL_VALUE,
                        bid->fte[i].fte, f->w.st.input_number);
}

static void prefill_locations(tnd_fillin *f, const tnd_bid *bid)
{
    for (size_t i = 0; i < bid->n_locations && i < TND_FORM_LOCATION_ROWS; i++) {
        const tnd_location *loc = &bid->locations[i];
        int row = TND_FORM_FIRST_ROW + (int)i;
        const tnd_municipality *m = loc->municipality[0]
                                        ? tnd_definition_municipality(f->def, loc->municipality)
                                        : NULL;
        put_text(f, FI_LOCATIONS, row, TND_FORM_LOC_COL_NAME, loc->name);
        if (m)
            put_text(f, FI_LOCATIONS, row, TND_FORM_LOC_COL_MUNICIPALITY, m->name);
        put_number(f, FI_LOCATIONS, row, TND_FORM_LOC_COL_PLACES, (double)loc->places,
                   f->w.st.input_number);
        if (loc->distance_km.units != 0 || !m)
            put_dec(f, FI_LOCATIONS, row, TND_FORM_LOC_COL_DISTANCE, loc->distance_km,
                    f->w.st.input_number);
        put_yes_no(f, FI_LOCATIONS, row, TND_FORM_LOC_COL_RESIDENTIAL, loc->residential);
    }
}

static void prefill_groups(tnd_fillin *f, const tnd_bid *bid)
{
    const tnd_fillin_layout *L = &f->L;
    for (size_t i = 0; i < bid->n_residential_groups && i < TND_FORM_GROUP_ROWS; i++) {
        const tnd_residential_group *g = &bid->residential_groups[i];
        int row = L->res_row0 + (int)i;
        put_text(f, FI_GROUPS, row, TND_FORM_RES_COL_NAME, g->name);
        put_text(f, FI_GROUPS, row, TND_FORM_RES_COL_KIND, g->kind);
        put_text(f, FI_GROUPS, row, TND_FORM_RES_COL_PROVIDER, g->provider_type);
        put_number(f, FI_GROUPS, row, TND_FORM_RES_COL_YOUTHS, (double)g->youths,
                   f->w.st.input_number);
        put_dec(f, FI_GROUPS, row, TND_FORM_RES_COL_OCCUPANCY, g->occupancy,
                f->w.st.input_percent);
        put_dec(f, FI_GROUPS, row, TND_FORM_RES_COL_HOURS, g->staff_hours_week,
                f->w.st.input_number);
        put_text(f, FI_GROUPS, row, TND_FORM_RES_COL_CLAIMED, g->claimed);
    }
    for (size_t i = 0; i < bid->n_day_groups && i < TND_FORM_GROUP_ROWS; i++) {
        const tnd_day_group *g = &bid->day_groups[i];
        int row = L->day_row0 + (int)i;
        put_text(f, FI_GROUPS, row, TND_FORM_DAY_COL_NAME, g->name);
        put_number(f, FI_GROUPS, row, TND_FORM_DAY_COL_YOUTHS, (double)g->youths,
                   f->w.st.input_number);
        put_dec(f, FI_GROUPS, row, TND_FORM_DAY_COL_OPENING, g->opening_hours_week,
                f->w.st.input_number);
        put_dec(f, FI_GROUPS, row, TND_FORM_DAY_COL_HOURS, g->staff_hours_week,
                f->w.st.input_number);
        put_text(f, FI_GROUPS, row, TND_FORM_DAY_COL_CLAIMED, g->claimed);
    }
}

/* "onbeperkt" or the count; blank for none. */
static void put_extensions(tnd_fillin *f, int row, int extensions)
{
    if (extensions == TND_CAP_UNLIMITED)
        put_text(f, FI_PRODUCTS, row, TND_FORM_CAP_COL_EXTENSIONS, TND_FORM_UNLIMITED);
    else if (extensions > 0)
        put_number(f, FI_PRODUCTS, row, TND_FORM_CAP_COL_EXTENSIONS, extensions,
                   f->w.st.input_number);
}

static void prefill_products(tnd_fillin *f, const tnd_bid *bid)
{
    const tnd_fillin_layout *L = &f->L;
    for (size_t i = 0; i < bid->n_offers; i++) { /* all fit: prefill_fits */
        const tnd_product_offer *o = &bid->offers[i];
        for (int c = 0; c < o->n_caps; c++) {
            const tnd_offer_cap *cap = &o->caps[c];
            const tnd_form_prow *p = tnd_form_prow_find(L, TND_FORM_PROW_CAP, o->lot, o->product,
                                                        cap->measure, 1);
            if (!p)
                continue;
            put_dec(f, FI_PRODUCTS, p->row, TND_FORM_CAP_COL_MAX, cap->max, f->w.st.input_number);
            put_text(f, FI_PRODUCTS, p->row, TND_FORM_CAP_COL_UNIT, tnd_cap_unit_name(cap->unit));
            put_text(f, FI_PRODUCTS, p->row, TND_FORM_CAP_COL_PER, cap->per);
            put_extensions(f, p->row, cap->extensions);
            if (cap->has_extension_max) {
                put_dec(f, FI_PRODUCTS, p->row, TND_FORM_CAP_COL_EXT_MAX, cap->extension_max,
                        f->w.st.input_number);
                put_text(f, FI_PRODUCTS, p->row, TND_FORM_CAP_COL_EXT_UNIT,
                         tnd_cap_unit_name(cap->extension_unit));
            }
            put_text(f, FI_PRODUCTS, p->row, TND_FORM_CAP_COL_EXCEPTION, cap->exception);
        }
        for (int g = 0; g < o->n_groups; g++) {
            const tnd_offer_group *grp = &o->groups[g];
            const tnd_form_prow *p = tnd_form_prow_find(L, TND_FORM_PROW_GROUP, o->lot,
                                                        o->product, "", g + 1);
            if (!p)
                continue;
            put_text(f, FI_PRODUCTS, p->row, TND_FORM_PGROUP_COL_NAME, grp->name);
            put_text(f, FI_PRODUCTS, p->row, TND_FORM_PGROUP_COL_CATEGORY, grp->category);
            put_number(f, FI_PRODUCTS, p->row, TND_FORM_PGROUP_COL_YOUTHS, (double)grp->youths,
                       f->w.st.input_number);
            put_number(f, FI_PRODUCTS, p->row, TND_FORM_PGROUP_COL_STAFF, (double)grp->staff,
                       f->w.st.input_number);
        }
        for (int k = 0; k < o->n_parents; k++) {
            const tnd_offer_parent *par = &o->parents[k];
            const tnd_form_prow *p = tnd_form_prow_find(L, TND_FORM_PROW_PARENT, o->lot,
                                                        o->product, "", k + 1);
            if (!p)
                continue;
            put_text(f, FI_PRODUCTS, p->row, TND_FORM_PARENT_COL_NAME, par->name);
            put_yes_no(f, FI_PRODUCTS, p->row, TND_FORM_PARENT_COL_PEDAGOGICAL, par->pedagogical);
            put_yes_no(f, FI_PRODUCTS, p->row, TND_FORM_PARENT_COL_HBO, par->hbo_level);
            put_yes_no(f, FI_PRODUCTS, p->row, TND_FORM_PARENT_COL_SCREENED, par->screened);
        }
    }
    for (size_t i = 0; i < bid->n_ambulant; i++) {
        const tnd_ambulant_alternative *a = &bid->ambulant[i];
        const tnd_form_prow *p = tnd_form_prow_find(L, TND_FORM_PROW_AMBULANT, a->lot, "", "", 1);
        if (!p)
            continue;
        put_text(f, FI_PRODUCTS, p->row, TND_FORM_AMB_COL_KIND,
                 a->subcontracted ? TND_FORM_AMB_SUBCONTRACTED : TND_FORM_AMB_OWN);
        put_text(f, FI_PRODUCTS, p->row, TND_FORM_AMB_COL_SUBCONTRACTOR, a->subcontractor);
    }
}

static void prefill(tnd_fillin *f, const tnd_bid *bid)
{
    prefill_identity(f, bid);
    prefill_lots(f, bid);
    prefill_financial(f, bid);
    prefill_quality(f, bid);
    prefill_references(f, bid);
    prefill_facts(f, bid);
    prefill_locations(f, bid);
    prefill_groups(f, bid);
    if (f->L.n_prows > 0)
        prefill_products(f, bid);
}

/* ------------------------------------------------------------------ the workbook */

/* Columns first..last of a sheet hidden: internal helper columns of the self-check (severity
 * numbers, one flag per band, the exact teller / noemer) that a bidder neither fills in nor
 * needs to read; they still compute, and a user may show them again (protection allows it). */
static void hide_columns(tnd_fillin *f, int sheet, int first, int last)
{
    lxw_row_col_options hidden = { .hidden = 1 };
    tnd_form_note(&f->w, worksheet_set_column_opt(ws_of(f, sheet), (lxw_col_t)first,
                                                  (lxw_col_t)last, 10, NULL, &hidden));
}

static void build(lxw_workbook *wb, void *ctx, lxw_error *error, bool *oom)
{
    tnd_fillin *f = ctx;
    f->w.wb = wb;
    tnd_form_styles_init(&f->w);
    tnd_form_properties(&f->w, "Invulformulier", f->def->id, f->def->closing_time.date);
    for (int s = 0; s < FI_SHEETS; s++) {
        if (s == FI_PRODUCTS && f->L.n_prows == 0)
            continue; /* no product rule asks a declaration: no sheet (issue 11) */
        f->ws[s] = workbook_add_worksheet(wb, tnd_fillin_sheet_names[s]);
        if (!f->ws[s]) {
            tnd_form_note(&f->w, LXW_ERROR_MEMORY_MALLOC_FAILED);
            *error = f->w.error;
            return;
        }
    }
    write_lists(f);
    write_guide(f);
    write_identity(f);
    write_lots(f);
    write_financial(f);
    write_insurance(f);
    write_references(f);
    write_requirements(f);
    write_fte(f);
    write_locations(f);
    write_groups(f);
    if (f->L.n_prows > 0)
        write_products(f);
    tnd_fillin_formulas(f);
    /* Groepen: severity, row-filled flag, the band flags and, after the widest scale, the four
     * helpers of fillin_rules_suitability.c (tnd_fillin_group_calcs); Controle: the severity
     * behind each verdict */
    size_t widest = f->def->residential.scale.n_bands > f->def->group.scale.n_bands
                        ? f->def->residential.scale.n_bands : f->def->group.scale.n_bands;
    hide_columns(f, FI_GROUPS, TND_FORM_GROUP_COL_SEV,
                 TND_FORM_GROUP_COL_BANDS + (int)widest + 3);
    hide_columns(f, FI_CHECK, TND_FORM_CHECK_COL_SEV, TND_FORM_CHECK_COL_SEV);
    if (f->bid)
        prefill(f, f->bid);
    for (int s = FI_IDENTITY; s < FI_LISTS; s++)
        if (ws_of(f, s))
            tnd_form_protect(&f->w, ws_of(f, s));
    worksheet_activate(ws_of(f, FI_GUIDE));
    *error = f->w.error;
    *oom = f->w.oom;
}

/* Into `out` when given (settled, not committed), else to `path`. */
static tnd_status fillin_write(const char *path, tnd_outfile *out, const tnd_definition *def,
                               const tnd_bid *prefill_bid, const char *const *protected_inputs,
                               size_t n_protected, tnd_fillin *log_to, tnd_error *err)
{
    tnd_fillin *f = calloc(1, sizeof *f);
    if (!f)
        return tnd_error_nomem(err, path ? path : "");
    f->def = def;
    f->bid = prefill_bid;
    if (log_to) {
        f->log = log_to->log;
        f->log_max = log_to->log_max;
    }
    tnd_status st = tnd_fillin_layout_init(def, &f->L, err);
    if (st == TND_OK && prefill_bid)
        st = prefill_fits(def, &f->L, prefill_bid, err);
    if (st == TND_OK && out)
        st = tnd_xlsxw_write_outfile(out, "invulwerkmap", build, f, err);
    else if (st == TND_OK)
        st = tnd_xlsxw_write_file(path, "invulwerkmap", build, f, protected_inputs, n_protected,
                                  err);
    if (log_to)
        log_to->n_log = f->n_log;
    free(f);
    return st;
}

tnd_status tnd_fillin_write(const char *path, const tnd_definition *def, const tnd_bid *prefill_bid,
                            const char *const *protected_inputs, size_t n_protected,
                            tnd_error *err)
{
    return fillin_write(path, NULL, def, prefill_bid, protected_inputs, n_protected, NULL, err);
}

tnd_status tnd_fillin_write_to(tnd_outfile *out, const tnd_definition *def,
                               const tnd_bid *prefill_bid, tnd_error *err)
{
    return fillin_write(out->path, out, def, prefill_bid, NULL, 0, NULL, err);
}

tnd_status tnd_fillin_write_mirrored(const char *path, const tnd_definition *def,
                                     tnd_fillin_mirror *log, size_t max, size_t *n,
                                     tnd_error *err)
{
    tnd_fillin log_to = { .log = log, .log_max = max };
    tnd_status st = fillin_write(path, NULL, def, NULL, NULL, 0, &log_to, err);
    *n = log_to.n_log;
    return st;
}
