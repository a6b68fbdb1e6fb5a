/*
 * fillin_rules_products.c - the formulas of the self-check that mirror scoring/rules_products.c:
 * the per-product rules of a format-2 definition (<product-rules>, issue 11), one row on
 * 'Controle' per rule and perceel, the worst over the products of the rule that the bid applies
 * for (the row's verdict is what `tender check` gives that rule on that perceel).
 *
 * The quality per product is judged on the certificates of 'Verzekering en kwaliteit' (as the
 * lot quality rules are); the caps, groups with their staffing, gezinshuisouders and the ambulant
 * alternative on the sheet 'Producten' (form_layout.h), whose rows the layout derives from the
 * definition's rules. Each comparison is exact, as in scoring/: amounts become micro-units
 * (ROUND(x*1000000,0)) times the factor of their unit within its dimension (minutes; months;
 * weeks), and a staffing norm p/q children per staff member is youths*q <= staff*p. Helpers:
 * fillin_calc.h.
 */
#include "forms/fillin_calc.h"

/* A cap unit's dimension and factor, as rules_products.c unit_factor. */
static int unit_dimension(tnd_cap_unit u, int64_t *factor)
{
    switch (u) {
    case TND_UNIT_MINUTE: *factor = 1; return 0;
    case TND_UNIT_HOUR: *factor = 60; return 0;
    case TND_UNIT_MONTH: *factor = 1; return 1;
    case TND_UNIT_YEAR: *factor = 12; return 1;
    case TND_UNIT_WEEK: *factor = 1; return 2;
    }
    *factor = 1;
    return -1;
}

/* TRUE when the unit cell names a unit of `dimension` (case as Excel compares it; the reader
 * accepts the unit names without case too). */
static const char *unit_in_dimension(calc *c, const char *cell, int dimension)
{
    const char *any = "FALSE";
    for (int u = TND_UNIT_MINUTE; u <= TND_UNIT_YEAR; u++) {
        int64_t fac;
        if (unit_dimension((tnd_cap_unit)u, &fac) == dimension)
            any = T(c, "%s,%s=\"%s\"", any, cell, tnd_cap_unit_name((tnd_cap_unit)u));
    }
    return T(c, "OR(%s)", any);
}

/* The amount in `amount` (unit in `unit`) in micro-units of the dimension's base unit. */
static const char *in_base(calc *c, const char *amount, const char *unit, int dimension)
{
    const char *factor = "1";
    for (int u = TND_UNIT_MINUTE; u <= TND_UNIT_YEAR; u++) {
        int64_t fac;
        if (unit_dimension((tnd_cap_unit)u, &fac) == dimension && fac != 1)
            factor = T(c, "IF(%s=\"%s\",%lld,%s)", unit, tnd_cap_unit_name((tnd_cap_unit)u),
                       (long long)fac, factor);
    }
    return T(c, "ROUND(%s*%lld,0)*%s", amount, (long long)TND_DEC_SCALE, factor);
}

/* A definition amount in micro-units of its dimension's base unit. */
static long long rule_base(tnd_dec d, tnd_cap_unit unit)
{
    int64_t fac;
    unit_dimension(unit, &fac);
    return (long long)(d.units * fac);
}

/*
 * judge_cap on one row of 'Producten': blank ONTBREEKT; another period or a unit of another
 * dimension BEOORDELEN; more (or longer, or unbounded) extensions than the rule VOLDOET NIET;
 * within the maximum VOLDOET; above it, an exception with its own maximum decides, one without
 * goes to BEOORDELEN, none VOLDOET NIET.
 */
static void cap_sev(calc *c, const tnd_product_rule *pr, int row)
{
    const char *amount = R(c, FI_PRODUCTS, row, TND_FORM_CAP_COL_MAX);
    const char *unit = R(c, FI_PRODUCTS, row, TND_FORM_CAP_COL_UNIT);
    const char *per = R(c, FI_PRODUCTS, row, TND_FORM_CAP_COL_PER);
    const char *ext = R(c, FI_PRODUCTS, row, TND_FORM_CAP_COL_EXTENSIONS);
    const char *ext_max = R(c, FI_PRODUCTS, row, TND_FORM_CAP_COL_EXT_MAX);
    const char *ext_unit = R(c, FI_PRODUCTS, row, TND_FORM_CAP_COL_EXT_UNIT);
    const char *exc = R(c, FI_PRODUCTS, row, TND_FORM_CAP_COL_EXCEPTION);
    int64_t fac;
    int dim = unit_dimension(pr->unit, &fac);
    const char *bid = in_base(c, amount, unit, dim);
    /* extension_excess: too many, too long, or without a longest duration */
    const char *nonzero = T(c, "AND(%s<>\"\",%s<>0)", ext, ext);
    const char *too_many = pr->extensions == TND_CAP_UNLIMITED
                               ? "FALSE"
                               : T(c, "IF(%s=\"%s\",TRUE,%s>%d)", ext, TND_FORM_UNLIMITED, ext,
                                   pr->extensions);
    const char *too_long = "FALSE", *unbounded = "FALSE";
    if (pr->has_extension_max) {
        int edim = unit_dimension(pr->extension_unit, &fac);
        too_long = T(c, "AND(%s,%s<>\"\",OR(NOT(%s),%s>%lld))", nonzero, ext_max,
                     unit_in_dimension(c, ext_unit, edim), in_base(c, ext_max, ext_unit, edim),
                     rule_base(pr->extension_max, pr->extension_unit));
        unbounded = T(c, "AND(%s,%s=\"\")", nonzero, ext_max);
    }
    add(c, "IF(COUNTA(%s)=0,%d,IF(OR(%s<>\"%s\",NOT(%s)),%d,IF(OR(%s,%s,%s),%d,IF(%s<=%lld,%d,",
        RNG(c, FI_PRODUCTS, row, TND_FORM_CAP_COL_MAX, row, TND_FORM_CAP_COL_EXCEPTION),
        TND_MISSING, per, pr->per, unit_in_dimension(c, unit, dim), TND_REVIEW, too_many,
        too_long, unbounded, TND_FAIL, bid, rule_base(pr->max, pr->unit), TND_PASS);
    for (int x = 0; x < pr->n_exceptions; x++) {
        const tnd_cap_exception *e = &pr->exceptions[x];
        if (e->has_max)
            add(c, "IF(%s=\"%s\",IF(%s<=%lld,%d,%d),", exc, e->id, bid,
                rule_base(e->max, pr->unit), TND_PASS, TND_FAIL);
        else
            add(c, "IF(%s=\"%s\",%d,", exc, e->id, TND_REVIEW);
    }
    add(c, "%d", TND_FAIL);
    for (int x = 0; x < pr->n_exceptions; x++)
        add(c, ")");
    add(c, "))))");
}

/* judge_staffing on the group rows of one product: none filled ONTBREEKT; else the worst group,
 * a category the rule does not have VOLDOET NIET. */
static void staffing_sev(calc *c, const tnd_product_rule *pr, const tnd_form_prow *first)
{
    int r0 = first->row, r1 = first->row + TND_FORM_PRODUCT_GROUP_ROWS - 1;
    add(c, "IF(COUNTA(%s)=0,%d,MAX(0",
        RNG(c, FI_PRODUCTS, r0, TND_FORM_PGROUP_COL_NAME, r1, TND_FORM_PGROUP_COL_STAFF),
        TND_MISSING);
    for (int row = r0; row <= r1; row++) {
        const char *cat = R(c, FI_PRODUCTS, row, TND_FORM_PGROUP_COL_CATEGORY);
        const char *youths = R(c, FI_PRODUCTS, row, TND_FORM_PGROUP_COL_YOUTHS);
        const char *staff = R(c, FI_PRODUCTS, row, TND_FORM_PGROUP_COL_STAFF);
        add(c, ",IF(COUNTA(%s)=0,0,",
            RNG(c, FI_PRODUCTS, row, TND_FORM_PGROUP_COL_NAME, row, TND_FORM_PGROUP_COL_STAFF));
        for (int k = 0; k < pr->n_categories; k++) {
            int64_t p, q;
            as_fraction(pr->categories[k].max_youths_per_staff, &p, &q);
            add(c, "IF(%s&\"\"=\"%s\",IF(%s*%lld<=%s*%lld,%d,%d),", cat, pr->categories[k].code,
                youths, (long long)q, staff, (long long)p, TND_PASS, TND_FAIL);
        }
        add(c, "%d", TND_FAIL);
        for (int k = 0; k < pr->n_categories; k++)
            add(c, ")");
        add(c, ")");
    }
    add(c, "))");
}

/* judge_parents on the parent rows of one product: none filled ONTBREEKT; VOLDOET when one is
 * pedagogically educated and every one filled is at hbo level and screened. */
static void parents_sev(calc *c, const tnd_form_prow *first)
{
    int r0 = first->row, r1 = first->row + TND_FORM_PRODUCT_PARENT_ROWS - 1;
    add(c, "IF(COUNTA(%s)=0,%d,IF(AND(COUNTIF(%s,\"%s\")>0",
        RNG(c, FI_PRODUCTS, r0, TND_FORM_PARENT_COL_NAME, r1, TND_FORM_PARENT_COL_SCREENED),
        TND_MISSING,
        RNG(c, FI_PRODUCTS, r0, TND_FORM_PARENT_COL_PEDAGOGICAL, r1,
            TND_FORM_PARENT_COL_PEDAGOGICAL),
        TND_FORM_YES);
    for (int row = r0; row <= r1; row++)
        add(c, ",OR(COUNTA(%s)=0,AND(%s=\"%s\",%s=\"%s\"))",
            RNG(c, FI_PRODUCTS, row, TND_FORM_PARENT_COL_NAME, row, TND_FORM_PARENT_COL_SCREENED),
            R(c, FI_PRODUCTS, row, TND_FORM_PARENT_COL_HBO), TND_FORM_YES,
            R(c, FI_PRODUCTS, row, TND_FORM_PARENT_COL_SCREENED), TND_FORM_YES);
    add(c, "),%d,%d))", TND_PASS, TND_FAIL);
}

/* Rule VERBLIJF-*-AMBULANT-ALTERNATIEF (rules_products.c judge_ambulant): a bid on one of
 * via_lots is the own alternative (VOLDOET); else one in onderaanneming (VOLDOET), one declared
 * own without such a bid (BEOORDELEN), none (VOLDOET NIET). */
static void ambulant_row(check_sheet *k, const tnd_product_rule *pr, const char *app)
{
    calc *c = k->c;
    const tnd_form_prow *p = tnd_form_prow_find(LAY(c), TND_FORM_PROW_AMBULANT, pr->lot, "", "", 1);
    begin(c);
    add(c, "=IF(%s,IF(OR(FALSE", app);
    for (int v = 0; v < pr->n_via_lots && v < TND_MAX_SET; v++)
        add(c, ",%s", applied(c, pr->via_lots[v]));
    add(c, "),%d,", TND_PASS);
    if (p) {
        const char *kind = R(c, FI_PRODUCTS, p->row, TND_FORM_AMB_COL_KIND);
        add(c, "IF(%s=\"%s\",%d,IF(%s=\"%s\",%d,%d))", kind, TND_FORM_AMB_SUBCONTRACTED, TND_PASS,
            kind, TND_FORM_AMB_OWN, TND_REVIEW, TND_FAIL);
    } else {
        add(c, "%d", TND_FAIL);
    }
    add(c, "),%d)", TND_NOT_APPLICABLE);
    check_row(k, &pr->ref, pr->lot, TND_FORM_SHEET_PRODUCTS);
}

/* The severity of rule `pr` on one product (cap, staffing, parents), appended. */
static void product_sev(calc *c, const tnd_product_rule *pr, const char *product)
{
    const tnd_fillin_layout *L = LAY(c);
    const tnd_form_prow *p = NULL;
    switch (pr->kind) {
    case TND_PRULE_CAP:
        p = tnd_form_prow_find(L, TND_FORM_PROW_CAP, pr->lot, product, pr->measure, 1);
        if (p)
            cap_sev(c, pr, p->row);
        break;
    case TND_PRULE_STAFFING:
        p = tnd_form_prow_find(L, TND_FORM_PROW_GROUP, pr->lot, product, "", 1);
        if (p)
            staffing_sev(c, pr, p);
        break;
    case TND_PRULE_PARENTS:
        p = tnd_form_prow_find(L, TND_FORM_PROW_PARENT, pr->lot, product, "", 1);
        if (p)
            parents_sev(c, p);
        break;
    case TND_PRULE_QUALITY:
    case TND_PRULE_AMBULANT:
        break;
    }
    if (!p) /* not reached: the layout has a row for every product of these rules */
        add(c, "%d", TND_MISSING);
}

void tnd_fillin_product_rows(check_sheet *k, const tnd_lot *lot)
{
    calc *c = k->c;
    const tnd_definition *def = c->f->def;
    int n = lot->number;
    const char *app = applied(c, n);
    for (size_t i = 0; i < def->n_product_rules; i++) {
        const tnd_product_rule *pr = &def->product_rules[i];
        if (pr->lot != n)
            continue;
        if (pr->kind == TND_PRULE_AMBULANT) {
            ambulant_row(k, pr, app);
            continue;
        }
        /* applies when a product of the rule is bid (and, for a quality rule with a provider
         * type, the bid is of that type: rules_products.c judge_quality) */
        begin(c);
        add(c, "=IF(AND(%s,%s,OR(FALSE", app,
            pr->kind == TND_PRULE_QUALITY && pr->provider_type[0]
                ? provider_is(c, pr->provider_type) : "TRUE");
        for (int p = 0; p < pr->n_products && p < TND_MAX_SET; p++) {
            const char *cell = product_cell(c, n, pr->products[p]);
            if (cell)
                add(c, ",%s=\"%s\"", cell, TND_FORM_YES);
        }
        add(c, ")),");
        if (pr->kind == TND_PRULE_QUALITY) { /* rules_products.c judge_quality */
            tnd_fillin_certificate_sev(c, pr->schemes, pr->n_schemes, pr->equivalent_review,
                                       NULL, 0);
        } else { /* judge_cap, judge_staffing, judge_parents: the worst product bid */
            add(c, "MAX(0");
            for (int p = 0; p < pr->n_products && p < TND_MAX_SET; p++) {
                const char *cell = product_cell(c, n, pr->products[p]);
                if (!cell)
                    continue;
                add(c, ",IF(%s=\"%s\",", cell, TND_FORM_YES);
                product_sev(c, pr, pr->products[p]);
                add(c, ",0)");
            }
            add(c, ")");
        }
        add(c, ",%d)", TND_NOT_APPLICABLE);
        check_row(k, &pr->ref, n,
                  pr->kind == TND_PRULE_QUALITY ? TND_FORM_SHEET_INSURANCE
                                                : TND_FORM_SHEET_PRODUCTS);
    }
}
