/*
 * fillin_rules_products.c - the formulas of the self-check that mirror scoring/rules_products.c:
 * the per-product rules of a format-2 definition (<product-rules>, issue 11), one row on
 * 'Controle' per rule and perceel, the worst over the products of the rule that the bid applies
 * for (the row's verdict is what `tender check` gives that rule on that perceel).
 *
 * The workbook checks what it holds: the quality per product (the certificates of 'Verzekering
 * en kwaliteit', judged as the lot quality rules are) and the ambulant alternative through a bid
 * on one of `via_lots`. It has no cells for what a bid declares per product (<product-offers>:
 * caps, groups with their staffing, gezinshuisouders, a subcontracted ambulant alternative): for
 * a product bid those rules show ONTBREEKT, which is what `tender check` says of the workbook
 * read back (no offers); a prefill with offers is refused (fillin_xlsx.c prefill_fits). Such a
 * bid is delivered as XML. Helpers: fillin_calc.h.
 */
#include "forms/fillin_calc.h"

/* Rule VERBLIJF-*-AMBULANT-ALTERNATIEF (rules_products.c judge_ambulant): a bid on the lot also
 * bids one of via_lots (own alternative); the subcontracted route has no cell, so without such a
 * bid the row is VOLDOET NIET, as `tender check` of the workbook read back. */
static void ambulant_row(check_sheet *k, const tnd_product_rule *pr, const char *app)
{
    calc *c = k->c;
    begin(c);
    add(c, "=IF(%s,IF(OR(FALSE", app);
    for (int v = 0; v < pr->n_via_lots && v < TND_MAX_SET; v++)
        add(c, ",%s", applied(c, pr->via_lots[v]));
    add(c, "),%d,%d),%d)", TND_PASS, TND_FAIL, TND_NOT_APPLICABLE);
    check_row(k, &pr->ref, pr->lot, TND_FORM_SHEET_LOTS);
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
        if (pr->kind == TND_PRULE_QUALITY) /* rules_products.c judge_quality */
            tnd_fillin_certificate_sev(c, pr->schemes, pr->n_schemes, pr->equivalent_review,
                                       NULL, 0);
        else /* judge_cap, judge_staffing, judge_parents: no declaration in the workbook */
            add(c, "%d", TND_MISSING);
        add(c, ",%d)", TND_NOT_APPLICABLE);
        check_row(k, &pr->ref, n, pr->kind == TND_PRULE_QUALITY ? TND_FORM_SHEET_INSURANCE : NULL);
        if (pr->kind != TND_PRULE_QUALITY)
            text(c, k->row - 1, TND_FORM_CHECK_COL_NOTE, "niet in dit formulier: lever de "
                 "inschrijving als XML met <product-offers>", c->f->w.st.note);
    }
}
