/* model.c - lookups on the definition and bid model (see model.h). */
#include "scoring/model.h"

#include <stdlib.h>
#include <string.h>

const tnd_lot *tnd_definition_lot(const tnd_definition *def, int number)
{
    for (size_t i = 0; i < def->n_lots; i++)
        if (def->lots[i].number == number)
            return &def->lots[i];
    return NULL;
}

const tnd_product *tnd_lot_product(const tnd_lot *lot, const char *code)
{
    for (size_t i = 0; lot && i < lot->n_products; i++)
        if (strcmp(lot->products[i].code, code) == 0)
            return &lot->products[i];
    return NULL;
}

const tnd_municipality *tnd_definition_municipality(const tnd_definition *def, const char *id)
{
    for (size_t i = 0; i < def->n_municipalities; i++)
        if (strcmp(def->municipalities[i].id, id) == 0)
            return &def->municipalities[i];
    return NULL;
}

const tnd_resolution *tnd_definition_resolution(const tnd_definition *def, const char *id)
{
    for (size_t i = 0; id && id[0] && i < def->n_resolutions; i++)
        if (strcmp(def->resolutions[i].id, id) == 0)
            return &def->resolutions[i];
    return NULL;
}

const tnd_award_lot *tnd_definition_award(const tnd_definition *def, int lot)
{
    for (size_t i = 0; i < def->n_awards; i++)
        if (def->awards[i].lot == lot)
            return &def->awards[i];
    return NULL;
}

int tnd_definition_fin_item(const tnd_definition *def, const char *id)
{
    for (int i = 0; i < def->financial.n_items; i++)
        if (strcmp(def->financial.items[i].id, id) == 0)
            return i;
    return -1;
}

const tnd_bid_lot *tnd_bid_lot_find(const tnd_bid *bid, int number)
{
    for (size_t i = 0; i < bid->n_lots; i++)
        if (bid->lots[i].number == number)
            return &bid->lots[i];
    return NULL;
}

bool tnd_bid_applies(const tnd_bid *bid, int number)
{
    return tnd_bid_lot_find(bid, number) != NULL;
}

bool tnd_bid_applies_product(const tnd_bid *bid, int lot, const char *product)
{
    const tnd_bid_lot *bl = tnd_bid_lot_find(bid, lot);
    for (int i = 0; bl && i < bl->n_products; i++)
        if (strcmp(bl->products[i], product) == 0)
            return true;
    return false;
}

const tnd_fact *tnd_bid_fact(const tnd_bid *bid, const char *name, int year)
{
    for (size_t i = 0; i < bid->n_facts; i++)
        if (strcmp(bid->facts[i].name, name) == 0 && bid->facts[i].year == year)
            return &bid->facts[i];
    return NULL;
}

const tnd_figure *tnd_bid_figure(const tnd_bid *bid, const char *item, int year)
{
    /* the first letter first: the items of Bijlage XVI differ in it, so the check of a bid
     * (about 60 lookups in 25 figures) calls strcmp for the match only (issue 9) */
    for (size_t i = 0; i < bid->n_figures; i++) {
        const tnd_figure *f = &bid->figures[i];
        if (f->year == year && f->item[0] == item[0] && strcmp(f->item, item) == 0)
            return f;
    }
    return NULL;
}

const tnd_product_offer *tnd_bid_offer(const tnd_bid *bid, int lot, const char *product)
{
    for (size_t i = 0; i < bid->n_offers; i++)
        if (bid->offers[i].lot == lot && strcmp(bid->offers[i].product, product) == 0)
            return &bid->offers[i];
    return NULL;
}

/* The unit names of a cap, in tnd_cap_unit order: one table for the definition, the bid and the
 * Dutch output. */
static const char *const cap_unit_names[] = { "minuut", "uur", "week", "maand", "jaar" };

const char *tnd_cap_unit_name(tnd_cap_unit u)
{
    return (unsigned)u < sizeof cap_unit_names / sizeof cap_unit_names[0] ? cap_unit_names[u] : "?";
}

bool tnd_cap_unit_parse(const char *name, tnd_cap_unit *out)
{
    for (size_t i = 0; i < sizeof cap_unit_names / sizeof cap_unit_names[0]; i++)
        if (strcmp(cap_unit_names[i], name) == 0) {
            *out = (tnd_cap_unit)i;
            return true;
        }
    return false;
}

/* Stores ref in out[*n] when there is room; counts it either way. */
static void collect(const tnd_rule_ref *ref, const char *engine, tnd_rule_entry *out, size_t max,
                    size_t *n)
{
    if (!ref->id[0])
        return;
    if (*n < max) {
        out[*n].ref = ref;
        out[*n].engine = engine;
    }
    (*n)++;
}

size_t tnd_definition_rules(const tnd_definition *def, tnd_rule_entry *out, size_t max)
{
    static const char check[] = "scoring/check.c", fin[] = "scoring/rules_financial.c",
                      suit[] = "scoring/rules_suitability.c", award[] = "scoring/award.c";
    size_t n = 0;
    collect(&def->closing, check, out, max, &n);
    if (def->rounds.has_herstel) /* (issue 8 §4) */
        collect(&def->rounds.herstel, "scoring/rounds.c", out, max, &n);
    for (size_t i = 0; i < def->n_combo_rules; i++)
        collect(&def->combo_rules[i].ref, check, out, max, &n);
    collect(&def->cascade.ref, check, out, max, &n);
    for (size_t i = 0; i < def->n_required; i++)
        collect(&def->required[i].ref, check, out, max, &n);
    collect(&def->exclusion.ref, check, out, max, &n);
    for (size_t i = 0; i < def->n_documents; i++)
        collect(&def->documents[i].ref, check, out, max, &n);
    const tnd_financial_rules *f = &def->financial;
    collect(&f->ref, fin, out, max, &n);
    for (int i = 0; i < f->n_norms; i++)
        collect(&f->norms[i].ref, fin, out, max, &n);
    collect(&f->year_rule, fin, out, max, &n);
    collect(&f->going_concern, fin, out, max, &n);
    collect(&f->startup, fin, out, max, &n);
    collect(&f->plan, fin, out, max, &n);
    collect(&f->reliance, fin, out, max, &n);
    collect(&def->insurance.ref, suit, out, max, &n);
    const tnd_reference_rules *r = &def->references;
    const tnd_rule_ref *refs[] = { &r->ref, &r->competence_rule, &r->window_rule,
                                   &r->referent_rule, &r->dissolved_rule, &r->forecast_rule,
                                   &r->subcontractor_rule, &r->third_party_rule };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        collect(refs[i], suit, out, max, &n);
    for (size_t i = 0; i < def->n_quality; i++)
        collect(&def->quality[i].ref, suit, out, max, &n);
    for (size_t i = 0; i < def->n_keurmerken; i++)
        collect(&def->keurmerken[i].ref, suit, out, max, &n);
    collect(&def->agb.ref, suit, out, max, &n);
    for (size_t i = 0; i < def->n_requirements; i++)
        collect(&def->requirements[i].ref, suit, out, max, &n);
    for (size_t i = 0; i < def->n_declarations; i++)
        collect(&def->declarations[i].ref, check, out, max, &n);
    collect(&def->residential.ref, suit, out, max, &n);
    collect(&def->residential.max_rule, suit, out, max, &n);
    collect(&def->residential.calc_rule, suit, out, max, &n);
    collect(&def->group.ref, suit, out, max, &n);
    collect(&def->group.capacity_rule, suit, out, max, &n);
    for (size_t i = 0; i < def->n_product_rules; i++) /* (issue 11) <product-rules> */
        collect(&def->product_rules[i].ref, "scoring/rules_products.c", out, max, &n);
    for (size_t i = 0; i < def->n_awards; i++)
        collect(&def->awards[i].ref, award, out, max, &n);
    /* (issue 11) assignments: the conditions between them (checked as lot combinations), the
     * number of contractors, and the open points that stop an award */
    for (size_t i = 0; i < def->n_assignment_pairs; i++)
        if (!def->assignment_pairs[i].exclusive) /* an exclusive one is in combo_rules above */
            collect(&def->assignment_pairs[i].ref, "tender/definition.c", out, max, &n);
    for (size_t i = 0; i < def->n_assignments; i++)
        if (def->assignments[i].has_count)
            collect(&def->assignments[i].count_rule, "scoring/rules_lots.c", out, max, &n);
    for (size_t i = 0; i < def->n_placeholders; i++)
        collect(&def->placeholders[i].ref, "tender/evaluate_run.c", out, max, &n);
    return n;
}

int tnd_source_section_len(const char *source)
{
    return (int)strcspn(source, " ;,");
}

int tnd_cmp_text_ptrs(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void *tnd_items_copy(const void *p, size_t n, size_t size, bool *ok)
{
    if (!p)
        return NULL;
    void *q = malloc(n ? n * size : 1);
    if (!q)
        *ok = false;
    else if (n)
        memcpy(q, p, n * size);
    return q;
}
