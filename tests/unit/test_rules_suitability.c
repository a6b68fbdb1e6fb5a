/*
 * test_rules_suitability.c - the suitability families of step 2: insurance (§5.3.2), references
 * (§5.4), AGB (§5.5.1.3), quality system and keurmerk (§5.5.1.1-2), tariff-group
 * requirements (§5.6) and the support intensity of residential and day groups (§9, §8.5.3).
 *
 * The definition is built here as the IJsselland definition holds it (digest §5-§8, §11): closing
 * date 18-07-2022, cover >= € 2.000.000,00 per event, the first 2 references, KC1-KC3, 3 years,
 * referent a municipality and not RSJ, one AGB code, the quality schemes of lots 1-7/9 and lot 8,
 * the requirements of lots 2-4 (lot 4 includes lot 3) and the intensity bands. The bid starts
 * empty apart from its bidder and submission time; each test adds what it is about.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/check_internal.h"

#define D(u) ((tnd_dec){ (u) })
#define DATE(y, m, d) ((tnd_date){ (y), (m), (d) })

typedef struct {
    tnd_definition def;
    tnd_lot lots[9];
    tnd_product products[9][24];
    tnd_quality_rule quality[2];
    tnd_keurmerk_rule keurmerken[2];
    tnd_requirement requirements[16];
    tnd_intensity_band residential_bands[9];
    tnd_intensity_band group_bands[4];
    tnd_provider_max maxima[3];

    tnd_bid bid;
    tnd_party members[2];
    tnd_party third_parties[2];
    tnd_bid_lot bid_lots[6];
    char bid_products[6][TND_MAX_BID_PRODUCTS][TND_CODE_LEN]; /* bid_lots[i].products */
    tnd_reference references[4];
    tnd_certificate certificates[4];
    tnd_keurmerk bid_keurmerken[2];
    tnd_fact facts[12];
    tnd_residential_group residential_groups[3];
    tnd_day_group day_groups[2];

    tnd_check_result r;
} fixture;

static void text(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src);
}
#define TEXT(dst, src) text((dst), sizeof(dst), (src))

static void ref(tnd_rule_ref *r, const char *id, const char *source, const char *label)
{
    TEXT(r->id, id);
    TEXT(r->source, source);
    TEXT(r->label, label);
}

/* ------------------------------------------------------------------ the definition */

static void add_product(tnd_lot *lot, const char *code, const char *group, int rank)
{
    tnd_product *p = &lot->products[lot->n_products++];
    TEXT(p->code, code);
    TEXT(p->name, code);
    TEXT(p->group, group);
    p->rank = rank;
}

static void build_lots(fixture *fx)
{
    static const char *const tg[] = { "TG1", "TG2", "TG3", "TG4", "TG5", "TG6", "TG7" };
    static const char *const groups[] = { "licht", "middel", "middelzwaar", "zwaar" };
    static const char *const intensities[] = { "A", "B", "C", "D", "E", "F",
                                               "G", "H", "I", "J", "K" };
    static const char *const ggz[] = { "GGZ-C", "GGZ-D", "GGZ-E", "GGZ-F", "GGZ-G", "GGZ-H" };
    for (int n = 1; n <= 9; n++) {
        tnd_lot *lot = &fx->lots[n - 1];
        lot->number = n;
        lot->products = fx->products[n - 1];
        if (n <= 5)
            for (int i = 0; i < 7; i++)
                add_product(lot, tg[i], "", i);
        if (n == 6)
            for (int i = 0; i < 4; i++)
                add_product(lot, groups[i], "", i);
        if (n == 8) {
            for (int i = 0; i < 11; i++)
                add_product(lot, intensities[i], "intensiteit", i);
            for (int i = 0; i < 6; i++)
                add_product(lot, ggz[i], "ggz-verblijf", i);
        }
    }
    fx->lots[3].requirements_include = 3; /* §5.6: GGZ 2 meets all of GGZ 1 */
    fx->lots[4].requirements_include = 4; /* GGZ 3 meets all of GGZ 2 */
    fx->def.lots = fx->lots;
    fx->def.n_lots = 9;
}

static void build_suitability(fixture *fx)
{
    tnd_definition *def = &fx->def;
    def->closing_time = (tnd_datetime){ DATE(2022, 7, 18), 11, 0, 0 };

    ref(&def->insurance.ref, "VERZEKERING", "§5.3.2 L1395-1411", "Bedrijfsaansprakelijkheid");
    def->insurance.min_per_event = 200000000;
    def->insurance.every_member = true;
    def->insurance.declared_only = TND_CONDITIONAL;

    tnd_reference_rules *rr = &def->references;
    ref(&rr->ref, "REF", "§5.4 L1413-1487", "Referenties");
    rr->count = 2;
    static const char *const kc[][2] = {
        { "KC1", "Verlenen van specialistische jeugdhulp" },
        { "KC2", "Hulpverlening is kwalitatief op orde" },
        { "KC3", "Samenwerken met de Toegang" },
    };
    for (int i = 0; i < 3; i++) {
        TEXT(rr->competences[i].id, kc[i][0]);
        TEXT(rr->competences[i].label, kc[i][1]);
    }
    rr->n_competences = 3;
    ref(&rr->competence_rule, "REF-KC", "§5.4 L1418-1444", "Kerncompetenties");
    rr->window_years = 3;
    ref(&rr->window_rule, "REF-PERIODE", "§5.4 L1448-1449", "Uitgevoerd binnen 3 jaar");
    TEXT(rr->referent_kinds_allowed[0], "gemeente");
    rr->n_allowed = 1;
    TEXT(rr->referent_kinds_forbidden[0], "rsj");
    TEXT(rr->referent_kinds_forbidden[1], "rsj-medewerker");
    rr->n_forbidden = 2;
    ref(&rr->referent_rule, "REF-REFERENT", "§5.4 L1456-1458", "Referent");
    ref(&rr->dissolved_rule, "REF-AFGEWEZEN", "§5.4 L1470-1472", "Afgewezen opdrachten");
    ref(&rr->forecast_rule, "REF-PROGNOSE", "§5.4 L1459-1463", "Behaalde resultaten");
    ref(&rr->subcontractor_rule, "REF-ONDERAANNEMER", "§5.4 L1465-1468", "Onderaannemer");
    ref(&rr->third_party_rule, "REF-DERDE", "§5.4 L1473-1487", "Beroep op derde");

    ref(&def->agb.ref, "AGB", "§5.5.1.3 L1531-1538", "AGB-code");
    def->agb.count = 1;

    tnd_quality_rule *q = &fx->quality[0];
    ref(&q->ref, "KWALITEIT-1-7-9", "§5.5.1.1 L1494-1499", "Kwaliteitssysteem");
    for (int n = 1; n <= 9; n++)
        if (n != 8)
            q->lots[q->n_lots++] = n;
    static const char *const general[] = { "HKZ", "PREZO", "NIAZ", "NTPN", "ZIN-REGISTER" };
    for (int i = 0; i < 5; i++)
        TEXT(q->schemes[q->n_schemes++], general[i]);
    q->equivalent_review = true;
    q = &fx->quality[1];
    ref(&q->ref, "KWALITEIT-8", "§5.5.1.1 L1501-1505", "Kwaliteitssysteem wonen/verblijf");
    q->lots[q->n_lots++] = 8;
    static const char *const residential[] = { "ISO-9001:2015", "NEN-EN-15224", "ZIN-REGISTER" };
    for (int i = 0; i < 3; i++)
        TEXT(q->schemes[q->n_schemes++], residential[i]);
    q->equivalent_review = true;
    def->quality = fx->quality;
    def->n_quality = 2;

    tnd_keurmerk_rule *k = &fx->keurmerken[0];
    ref(&k->ref, "KEURMERK-GEZINSHUIS", "§5.5.1.2 L1513-1517", "Keurmerk Gezinshuizen");
    k->lot = 8;
    TEXT(k->provider_type, "gezinshuis");
    TEXT(k->keurmerk, "keurmerk-gezinshuizen");
    k->in_progress = TND_CONDITIONAL;
    k->within_months = 12;
    k = &fx->keurmerken[1];
    ref(&k->ref, "KEURMERK-ZORGBOERDERIJ", "§5.5.1.2 L1519-1522", "Keurmerk Landbouw en Zorg");
    k->lot = 8;
    TEXT(k->provider_type, "zorgboerderij");
    TEXT(k->keurmerk, "keurmerk-landbouw-zorg");
    k->in_progress = TND_CONDITIONAL;
    k->within_months = 12;
    def->keurmerken = fx->keurmerken;
    def->n_keurmerken = 2;
}

static tnd_requirement *requirement(fixture *fx, const char *id, int lot, tnd_req_kind kind,
                                    const char *fact)
{
    tnd_requirement *q = &fx->requirements[fx->def.n_requirements++];
    ref(&q->ref, id, "§5.6 L1540-1596", id);
    q->lot = lot;
    q->kind = kind;
    TEXT(q->fact, fact);
    q->op = TND_OP_GE;
    return q;
}

static void build_requirements(fixture *fx)
{
    fx->def.requirements = fx->requirements;
    tnd_requirement *q = requirement(fx, "TG-2-CAO", 2, TND_REQ_ONE_OF, "cao");
    TEXT(q->values[q->n_values++], "jeugdzorg");
    TEXT(q->values[q->n_values++], "gehandicaptenzorg");
    q = requirement(fx, "TG-2-VERBLIJF", 2, TND_REQ_BIDS_PRODUCT, "");
    q->product_lot = 8;
    static const char *const from_h[] = { "H", "I", "J", "K" };
    for (int i = 0; i < 4; i++)
        TEXT(q->values[q->n_values++], from_h[i]);
    q = requirement(fx, "TG-2-OMZET", 2, TND_REQ_MONEY, "jeugdwet-omzet");
    q->year = 2021;
    q->money = 650000000;
    q = requirement(fx, "TG-3-CAO", 3, TND_REQ_ONE_OF, "cao");
    TEXT(q->values[q->n_values++], "ggz");
    q = requirement(fx, "TG-3-TG6-TG7", 3, TND_REQ_FLAG, "tg6-tg7-medewerkers");
    q = requirement(fx, "TG-3-OMZET", 3, TND_REQ_MONEY, "jeugdwet-omzet");
    q->year = 2021;
    q->money = 25000000; /* € 250.000,00 */
    q = requirement(fx, "TG-3-FTE", 3, TND_REQ_NUMBER, "fte-behandelaren-loondienst");
    q->number = D(5000000);
    q = requirement(fx, "TG-4-JEUGDIGEN", 4, TND_REQ_NUMBER, "ggz-verblijf-jeugdigen-regio");
    q->number = D(10000000);
}

static void build_intensity(fixture *fx)
{
    /* §9 L4094-4110: "t/m" inclusive, "tot" exclusive */
    const tnd_intensity_band res[9] = {
        { "C", D(100000), true, D(1200000), true },   { "D", D(1200000), true, D(1800000), false },
        { "E", D(1800000), true, D(2400000), false }, { "F", D(2400000), true, D(2900000), false },
        { "G", D(2900000), true, D(3400000), true },  { "H", D(3400000), true, D(3800000), true },
        { "I", D(3800000), true, D(4100000), true },  { "J", D(4100000), true, D(4600000), true },
        { "K", D(4600000), true, D(6100000), true },
    };
    /* §8.5.3 L3523-3529 */
    const tnd_intensity_band grp[4] = {
        { "licht", D(100000), true, D(190000), true },
        { "middel", D(190000), true, D(280000), true },
        { "middelzwaar", D(280000), true, D(350000), true },
        { "zwaar", D(350000), true, D(600000), true },
    };
    memcpy(fx->residential_bands, res, sizeof res);
    memcpy(fx->group_bands, grp, sizeof grp);

    tnd_residential_rules *r = &fx->def.residential;
    ref(&r->ref, "INTENSITEIT-VERBLIJF", "§9 L4125-4175", "Begeleidingsintensiteit verblijf");
    r->lot = 8;
    TEXT(r->product_group, "intensiteit");
    r->scale.bands = fx->residential_bands;
    r->scale.n_bands = 9;
    r->occupancy[0] = (tnd_occupancy_rule){ "regular", true, D(950000), "§9 L4136-4137" };
    r->occupancy[1] = (tnd_occupancy_rule){ "kdv", true, D(900000), "§9.7.3 L4242-4246" };
    r->occupancy[2] = (tnd_occupancy_rule){ "crisis", false, D(0), "§9 L4137" };
    r->n_occupancy = 3;
    TEXT(fx->maxima[0].provider_type, "gezinshuis");
    TEXT(fx->maxima[0].max_product, "E");
    TEXT(fx->maxima[1].provider_type, "zorgboerderij");
    TEXT(fx->maxima[1].max_product, "E");
    TEXT(fx->maxima[2].provider_type, "fasehuis");
    fx->maxima[2].min_products = 2;
    r->maxima = fx->maxima;
    r->n_maxima = 3;
    ref(&r->max_rule, "INTENSITEIT-MAXIMUM", "§9.6 L4005-4050", "Maximale intensiteit, eis 94");

    tnd_group_rules *g = &fx->def.group;
    ref(&g->ref, "INTENSITEIT-GROEP", "§8.5.3 L3521-3575", "Begeleidingsintensiteit groep");
    g->lot = 6;
    g->scale.bands = fx->group_bands;
    g->scale.n_bands = 4;
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    build_lots(fx);
    build_suitability(fx);
    build_requirements(fx);
    build_intensity(fx);

    tnd_bid *bid = &fx->bid;
    TEXT(bid->bidder.name, "Jeugdzorg De Brug B.V.");
    TEXT(bid->provider_type, "regulier");
    bid->has_submission = true;
    bid->submitted = (tnd_datetime){ DATE(2022, 7, 18), 10, 30, 0 };
    bid->members = fx->members;
    bid->third_parties = fx->third_parties;
    bid->lots = fx->bid_lots;
    for (size_t i = 0; i < TND_COUNTOF(fx->bid_lots); i++)
        fx->bid_lots[i].products = fx->bid_products[i];
    bid->references = fx->references;
    bid->certificates = fx->certificates;
    bid->keurmerken = fx->bid_keurmerken;
    bid->facts = fx->facts;
    bid->residential_groups = fx->residential_groups;
    bid->day_groups = fx->day_groups;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    tnd_check_result_free(&fx->r);
    free(fx);
    return 0;
}

/* ------------------------------------------------------------------ the bid */

/* Applies for lot `number` with the products in `products` ("H,I"). */
static void add_lot(fixture *fx, int number, const char *products)
{
    tnd_bid_lot *l = &fx->bid_lots[fx->bid.n_lots++];
    l->number = number;
    char list[128];
    TEXT(list, products);
    for (char *save = NULL, *p = strtok_r(list, ",", &save); p; p = strtok_r(NULL, ",", &save))
        TEXT(l->products[l->n_products++], p);
}

static tnd_fact *add_fact(fixture *fx, const char *name, int year, tnd_fact_type type)
{
    tnd_fact *f = &fx->facts[fx->bid.n_facts++];
    TEXT(f->name, name);
    f->year = year;
    f->type = type;
    return f;
}

static void add_flag(fixture *fx, const char *name, bool value)
{
    add_fact(fx, name, 0, TND_FACT_FLAG)->flag = value;
}

static void add_money(fixture *fx, const char *name, int year, tnd_cents value)
{
    add_fact(fx, name, year, TND_FACT_MONEY)->money = value;
}

static void add_number(fixture *fx, const char *name, int64_t units)
{
    add_fact(fx, name, 0, TND_FACT_NUMBER)->number = D(units);
}

static void add_text(fixture *fx, const char *name, const char *value)
{
    tnd_fact *f = add_fact(fx, name, 0, TND_FACT_TEXT);
    TEXT(f->values[f->n_values++], value);
}

/* The bid meets every lot 3 requirement (§5.6 GGZ 1). */
static void meets_lot_3(fixture *fx)
{
    add_text(fx, "cao", "ggz");
    add_flag(fx, "tg6-tg7-medewerkers", true);
    add_money(fx, "jeugdwet-omzet", 2021, 30000000);
    add_number(fx, "fte-behandelaren-loondienst", 6000000);
}

/* A reference that meets every condition of §5.4: 2020-2021, KC1-KC3, a municipality. */
static tnd_reference *add_reference(fixture *fx, const char *referent)
{
    tnd_reference *r = &fx->references[fx->bid.n_references++];
    fx->bid.has_references = true;
    TEXT(r->referent, referent);
    TEXT(r->referent_kind, "gemeente");
    r->start = DATE(2020, 1, 1);
    r->has_end = true;
    r->end = DATE(2021, 12, 31);
    static const char *const all[] = { "KC1", "KC2", "KC3" };
    for (int i = 0; i < 3; i++)
        TEXT(r->competences[r->n_competences++], all[i]);
    r->has_clients_served = true;
    r->clients_served = 12;
    return r;
}

static tnd_certificate *add_certificate(fixture *fx, const char *scheme)
{
    tnd_certificate *c = &fx->certificates[fx->bid.n_certificates++];
    TEXT(c->scheme, scheme);
    TEXT(c->evidence, "certificaat");
    return c;
}

static tnd_party *add_member(fixture *fx, const char *name, tnd_cents cover)
{
    tnd_party *p = &fx->members[fx->bid.n_members++];
    fx->bid.is_combination = true;
    TEXT(p->name, name);
    p->has_insurance = true;
    p->insurance_cover = cover;
    return p;
}

static void add_residential_group(fixture *fx, const char *name, const char *kind, long youths,
                                  int64_t occupancy_units, int64_t hours_units, const char *claimed)
{
    tnd_residential_group *g = &fx->residential_groups[fx->bid.n_residential_groups++];
    TEXT(g->name, name);
    TEXT(g->kind, kind);
    g->youths = youths;
    g->occupancy = D(occupancy_units);
    g->staff_hours_week = D(hours_units);
    TEXT(g->claimed, claimed);
}

/* ------------------------------------------------------------------ looking at findings */

static const tnd_finding *find(const fixture *fx, const char *id, const char *subject)
{
    for (size_t i = 0; i < fx->r.n_findings; i++) {
        const tnd_finding *f = &fx->r.findings[i];
        if (strcmp(f->rule_id, id) == 0 && strcmp(f->subject, subject) == 0)
            return f;
    }
    fail_msg("no finding %s about %s", id, subject);
    return NULL;
}

static size_t count_rule(const fixture *fx, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < fx->r.n_findings; i++)
        n += strcmp(fx->r.findings[i].rule_id, id) == 0;
    return n;
}

/* ------------------------------------------------------------------ §5.3.2 insurance */

static void test_insurance_below_two_million_by_one_euro_fails(void **state)
{
    fixture *fx = *state;
    fx->bid.bidder.has_insurance = true;
    fx->bid.bidder.insurance_cover = 199999900;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    /* §5.3.2 L1397: minimal € 2.000.000 per gebeurtenis (>=) */
    assert_int_equal(fx->r.n_findings, 1);
    const tnd_finding *f = find(fx, "VERZEKERING", "Jeugdzorg De Brug B.V.");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_int_equal(f->step, 2);
    assert_int_equal(f->lot, 0);
    assert_string_equal(f->found, "€ 1.999.999,00");
    assert_string_equal(f->norm, ">= € 2.000.000,00 per gebeurtenis");
    assert_string_equal(f->reason, "dekking € 1.999.999,00 per gebeurtenis; norm >= "
                                   "€ 2.000.000,00: niet voldaan");
    assert_string_equal(f->source, "§5.3.2 L1395-1411");
}

static void test_insurance_of_exactly_two_million_passes(void **state)
{
    fixture *fx = *state;
    fx->bid.bidder.has_insurance = true;
    fx->bid.bidder.insurance_cover = 200000000;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    /* §5.3.2 L1397: >= € 2.000.000 */
    const tnd_finding *f = find(fx, "VERZEKERING", "Jeugdzorg De Brug B.V.");
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "dekking € 2.000.000,00 per gebeurtenis; norm >= "
                                   "€ 2.000.000,00: voldaan");
}

static void test_insurance_combination_member_below_minimum_fails_for_that_member(void **state)
{
    fixture *fx = *state;
    fx->bid.bidder.has_insurance = true;
    fx->bid.bidder.insurance_cover = 500000000;
    add_member(fx, "Partner Zorg B.V.", 150000000);
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    /* §5.3.2 L1408-1411: every member of a combination shows cover */
    assert_int_equal(fx->r.n_findings, 2);
    assert_int_equal(find(fx, "VERZEKERING", "Jeugdzorg De Brug B.V.")->verdict, TND_PASS);
    const tnd_finding *m = find(fx, "VERZEKERING", "Partner Zorg B.V.");
    assert_int_equal(m->verdict, TND_FAIL);
    assert_string_equal(m->found, "€ 1.500.000,00");
    assert_ptr_equal(m, &fx->r.findings[1]);
}

static void test_insurance_concern_policy_without_named_insured_fails(void **state)
{
    fixture *fx = *state;
    fx->bid.bidder.has_insurance = true;
    fx->bid.bidder.insurance_cover = 1000000000;
    fx->bid.bidder.concern_policy = true;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    /* §5.3.2 L1405-1406: a concern policy counts only when the bidder is named as insured */
    const tnd_finding *f = find(fx, "VERZEKERING", "Jeugdzorg De Brug B.V.");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "concernpolis zonder vermelding als verzekerde");
}

static void test_insurance_concern_policy_naming_the_bidder_passes(void **state)
{
    fixture *fx = *state;
    fx->bid.bidder.has_insurance = true;
    fx->bid.bidder.insurance_cover = 1000000000;
    fx->bid.bidder.concern_policy = true;
    fx->bid.bidder.named_insured = true;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(find(fx, "VERZEKERING", "Jeugdzorg De Brug B.V.")->verdict, TND_PASS);
}

static void test_insurance_only_uea_part_iv_yes_is_conditional(void **state)
{
    fixture *fx = *state;
    fx->bid.bidder.has_part_iv = true;
    fx->bid.bidder.part_iv_yes = true;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    /* §5.3.2 L1399-1404: UEA part IV "ja" suffices at submission; the policy is verified later */
    const tnd_finding *f = find(fx, "VERZEKERING", "Jeugdzorg De Brug B.V.");
    assert_int_equal(f->verdict, TND_CONDITIONAL);
    assert_string_equal(f->found, "UEA deel IV: ja");
    assert_string_equal(f->reason, "UEA deel IV: ja; polis wordt geverifieerd na voorgenomen "
                                   "gunning");
}

static void test_insurance_uea_part_iv_no_fails(void **state)
{
    fixture *fx = *state;
    fx->bid.bidder.has_part_iv = true;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "VERZEKERING", "Jeugdzorg De Brug B.V.");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->found, "UEA deel IV: nee");
}

static void test_insurance_nothing_stated_is_left_to_step_1(void **state)
{
    fixture *fx = *state;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(fx->r.n_findings, 0);
}

static void test_insurance_of_third_parties_is_not_checked(void **state)
{
    fixture *fx = *state;
    fx->bid.bidder.has_insurance = true;
    fx->bid.bidder.insurance_cover = 200000000;
    TEXT(fx->third_parties[0].name, "Derde B.V.");
    fx->third_parties[0].has_insurance = true;
    fx->third_parties[0].insurance_cover = 100;
    fx->bid.n_third_parties = 1;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    /* §5.3.2 L1396: no reliance on a third party for this requirement */
    assert_int_equal(fx->r.n_findings, 1);
}

/* ------------------------------------------------------------------ §5.4 references */

static void test_references_two_good_references_pass_once_each(void **state)
{
    fixture *fx = *state;
    add_reference(fx, "Gemeente Zwolle");
    add_reference(fx, "Gemeente Utrecht");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(fx->r.n_findings, 2);
    const tnd_finding *f = &fx->r.findings[0];
    assert_string_equal(f->rule_id, "REF");
    assert_string_equal(f->subject, "referentie 1: Gemeente Zwolle");
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->found, "KC1, KC2, KC3");
    assert_string_equal(f->reason, "voldoet aan alle kerncompetenties en voorwaarden "
                                   "(01-01-2020 t/m 31-12-2021)");
    assert_string_equal(fx->r.findings[1].subject, "referentie 2: Gemeente Utrecht");
}

static void test_references_one_reference_fails_the_count(void **state)
{
    fixture *fx = *state;
    add_reference(fx, "Gemeente Zwolle");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    /* §5.4 voorwaarde 1 (L1446): two references */
    const tnd_finding *f = find(fx, "REF", "referenties");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "1 referentie; vereist: 2");
    assert_string_equal(f->found, "1");
    assert_string_equal(f->norm, "2");
    assert_int_equal(find(fx, "REF", "referentie 1: Gemeente Zwolle")->verdict, TND_PASS);
}

static void test_references_third_reference_does_not_count(void **state)
{
    fixture *fx = *state;
    add_reference(fx, "Gemeente Zwolle");
    add_reference(fx, "Gemeente Utrecht");
    tnd_reference *third = add_reference(fx, "RSJ IJsselland");
    TEXT(third->referent_kind, "rsj"); /* would fail, but is not looked at */
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    /* §5.4 voorwaarde 4 (L1452-1453): only the first two uploaded are assessed */
    assert_int_equal(fx->r.n_findings, 3);
    const tnd_finding *f = find(fx, "REF", "referentie 3: RSJ IJsselland");
    assert_int_equal(f->verdict, TND_NOT_APPLICABLE);
    assert_string_equal(f->reason, "telt niet mee: alleen de eerste 2");
    assert_int_equal(count_rule(fx, "REF-REFERENT"), 0);
}

static void test_reference_missing_kc2_fails_naming_it(void **state)
{
    fixture *fx = *state;
    tnd_reference *r = add_reference(fx, "Gemeente Zwolle");
    TEXT(r->competences[1], "KC3");
    r->n_competences = 2;
    add_reference(fx, "Gemeente Utrecht");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    /* §5.4 voorwaarde 1: each reference covers every core competence */
    const tnd_finding *f = find(fx, "REF-KC", "referentie 1: Gemeente Zwolle");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "kerncompetentie KC2 (Hulpverlening is kwalitatief op orde) "
                                   "niet aangetoond");
    assert_string_equal(f->found, "KC1, KC3");
    assert_string_equal(f->norm, "KC1, KC2, KC3");
    assert_int_equal(count_rule(fx, "REF"), 1); /* no PASS for reference 1 */
}

static void test_reference_ended_exactly_3_years_before_closing_passes(void **state)
{
    fixture *fx = *state;
    tnd_reference *r = add_reference(fx, "Gemeente Zwolle");
    r->start = DATE(2018, 1, 1);
    r->end = DATE(2019, 7, 18);
    add_reference(fx, "Gemeente Utrecht");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    /* §5.4 voorwaarde 2: within 3 years before 18-07-2022, boundary day included */
    assert_int_equal(find(fx, "REF", "referentie 1: Gemeente Zwolle")->verdict, TND_PASS);
    assert_int_equal(count_rule(fx, "REF-PERIODE"), 0);
}

static void test_reference_ended_one_day_earlier_fails(void **state)
{
    fixture *fx = *state;
    tnd_reference *r = add_reference(fx, "Gemeente Zwolle");
    r->start = DATE(2018, 1, 1);
    r->end = DATE(2019, 7, 17);
    add_reference(fx, "Gemeente Utrecht");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    /* §5.4 voorwaarde 2: one day outside the 3 years */
    const tnd_finding *f = find(fx, "REF-PERIODE", "referentie 1: Gemeente Zwolle");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "buiten de periode van 3 jaar vóór sluitingsdatum");
    assert_string_equal(f->found, "01-01-2018 t/m 17-07-2019");
    assert_string_equal(f->norm, "overlap met 18-07-2019 t/m 18-07-2022");
}

static void test_reference_ongoing_since_long_ago_counts(void **state)
{
    fixture *fx = *state;
    tnd_reference *r = add_reference(fx, "Gemeente Zwolle");
    r->start = DATE(2015, 3, 1);
    r->has_end = false;
    r->ongoing = true;
    add_reference(fx, "Gemeente Utrecht");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(find(fx, "REF", "referentie 1: Gemeente Zwolle")->verdict, TND_PASS);
}

static void test_reference_starting_after_the_closing_date_fails(void **state)
{
    fixture *fx = *state;
    tnd_reference *r = add_reference(fx, "Gemeente Zwolle");
    r->start = DATE(2022, 7, 19);
    r->has_end = false;
    r->ongoing = true;
    add_reference(fx, "Gemeente Utrecht");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(find(fx, "REF-PERIODE", "referentie 1: Gemeente Zwolle")->verdict, TND_FAIL);
}

/* §5.4 voorwaarde 2: a reference must have started by the closing date; one that starts on the
 * closing day itself (18-07-2022) has, and counts. */
static void test_reference_starting_on_the_closing_day_passes(void **state)
{
    fixture *fx = *state;
    tnd_reference *r = add_reference(fx, "Gemeente Zwolle");
    r->start = DATE(2022, 7, 18);
    r->has_end = false;
    r->ongoing = true;
    add_reference(fx, "Gemeente Utrecht");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(find(fx, "REF", "referentie 1: Gemeente Zwolle")->verdict, TND_PASS);
    assert_int_equal(count_rule(fx, "REF-PERIODE"), 0);
}

/* §5.4 voorwaarde 2: without an end date and not ongoing, the period cannot be shown to overlap
 * the 3 years before the closing date. */
static void test_reference_without_end_date_and_not_ongoing_fails_the_period(void **state)
{
    fixture *fx = *state;
    tnd_reference *r = add_reference(fx, "Gemeente Zwolle");
    r->has_end = false;
    r->ongoing = false;
    add_reference(fx, "Gemeente Utrecht");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "REF-PERIODE", "referentie 1: Gemeente Zwolle");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "geen einddatum en niet lopend: niet aantoonbaar binnen de "
                                   "periode van 3 jaar vóór sluitingsdatum");
    assert_string_equal(f->found, "01-01-2020 t/m (geen einddatum)");
    assert_string_equal(f->norm, "overlap met 18-07-2019 t/m 18-07-2022");
}

static void test_reference_with_rsj_referent_fails(void **state)
{
    fixture *fx = *state;
    add_reference(fx, "Gemeente Zwolle");
    tnd_reference *r = add_reference(fx, "RSJ IJsselland");
    TEXT(r->referent_kind, "rsj");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    /* §5.4 voorwaarde 6 (L1458): RSJ or its staff cannot be referent */
    const tnd_finding *f = find(fx, "REF-REFERENT", "referentie 2: RSJ IJsselland");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "referent van soort rsj kan geen referent zijn");
    assert_string_equal(f->found, "rsj");
    assert_string_equal(f->norm, "gemeente");
}

static void test_reference_with_non_municipal_referent_is_review(void **state)
{
    fixture *fx = *state;
    add_reference(fx, "Gemeente Zwolle");
    tnd_reference *r = add_reference(fx, "Zorgverzekeraar Zwolle");
    TEXT(r->referent_kind, "zorgverzekeraar");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "REF-REFERENT", "referentie 2: Zorgverzekeraar Zwolle");
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "referent is geen gemeente; beoordelaar beslist");
    assert_int_equal(count_rule(fx, "REF"), 1); /* reference 2 gets no PASS */
}

static void test_reference_dissolved_early_fails(void **state)
{
    fixture *fx = *state;
    add_reference(fx, "Gemeente Zwolle")->dissolved_early = true;
    add_reference(fx, "Gemeente Utrecht");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    /* §5.4 voorwaarde 9 (L1470-1472) */
    const tnd_finding *f = find(fx, "REF-AFGEWEZEN", "referentie 1: Gemeente Zwolle");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "contract tussentijds ontbonden wegens onvoldoende presteren");
}

static void test_reference_without_any_client_fails(void **state)
{
    fixture *fx = *state;
    add_reference(fx, "Gemeente Zwolle")->clients_served = 0;
    add_reference(fx, "Gemeente Utrecht");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    /* §5.4 voorwaarde 9: "nooit een cliënt heeft ondersteund" */
    const tnd_finding *f = find(fx, "REF-AFGEWEZEN", "referentie 1: Gemeente Zwolle");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "nooit een cliënt ondersteund");
}

static void test_reference_with_forecast_results_fails(void **state)
{
    fixture *fx = *state;
    tnd_reference *r = add_reference(fx, "Gemeente Zwolle");
    r->ongoing = true;
    r->forecast_results = true;
    add_reference(fx, "Gemeente Utrecht");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    /* §5.4 voorwaarde 7: only results achieved so far */
    assert_int_equal(find(fx, "REF-PROGNOSE", "referentie 1: Gemeente Zwolle")->verdict, TND_FAIL);
}

static void test_reference_of_subcontractor_not_deployed_fails(void **state)
{
    fixture *fx = *state;
    add_reference(fx, "Gemeente Zwolle");
    TEXT(add_reference(fx, "Gemeente Utrecht")->subcontractor, "Onder B.V.");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    /* §5.4 voorwaarde 8 */
    const tnd_finding *f = find(fx, "REF-ONDERAANNEMER", "referentie 2: Gemeente Utrecht");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "ervaring van onderaannemer Onder B.V., die niet bij de "
                                   "uitvoering wordt ingezet");
}

static void test_reference_of_third_party_needs_uea_iic_and_signed_declaration(void **state)
{
    fixture *fx = *state;
    add_reference(fx, "Gemeente Zwolle");
    TEXT(add_reference(fx, "Gemeente Utrecht")->third_party, "Derde B.V.");
    TEXT(fx->third_parties[0].name, "Derde B.V.");
    fx->bid.n_third_parties = 1;
    fx->bid.bidder.part_iic_yes = true;
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    /* §5.4 L1478-1487: UEA II C "ja" and a signed Verklaring inzet Derden */
    const tnd_finding *f = find(fx, "REF-DERDE", "referentie 2: Gemeente Utrecht");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "ervaring van derde Derde B.V. zonder ondertekende "
                                   "Verklaring inzet Derden");

    tnd_check_result_free(&fx->r);
    fx->third_parties[0].declaration_signed = true;
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(find(fx, "REF", "referentie 2: Gemeente Utrecht")->verdict, TND_PASS);

    tnd_check_result_free(&fx->r);
    fx->bid.bidder.part_iic_yes = false;
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    assert_string_equal(find(fx, "REF-DERDE", "referentie 2: Gemeente Utrecht")->reason,
                        "ervaring van derde Derde B.V. zonder \"ja\" bij UEA deel II C");
}

/* §5.4 L1473-1487: experience of a third party counts only when that party is declared in the
 * bid (with UEA II C "ja" and a signed Verklaring inzet Derden); a reference leaning on a third
 * party the bid does not name fails, naming the party. */
static void test_reference_leaning_on_an_undeclared_third_party_fails(void **state)
{
    fixture *fx = *state;
    add_reference(fx, "Gemeente Zwolle");
    TEXT(add_reference(fx, "Gemeente Utrecht")->third_party, "Onbekende Derde B.V.");
    fx->bid.bidder.part_iic_yes = true;
    fx->bid.n_third_parties = 0;
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "REF-DERDE", "referentie 2: Gemeente Utrecht");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "ervaring van derde Onbekende Derde B.V., maar die derde is "
                                   "niet opgegeven");
    assert_string_equal(f->source, "§5.4 L1473-1487");
    assert_string_equal(f->found, "Onbekende Derde B.V.");
    assert_string_equal(f->norm, "UEA deel II C: ja en Verklaring inzet Derden");
    assert_int_equal(count_rule(fx, "REF"), 1); /* only reference 1 passes */
}

static void test_no_references_is_left_to_step_1(void **state)
{
    fixture *fx = *state;
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(fx->r.n_findings, 0);
}

/* ------------------------------------------------------------------ §5.5.1.3 AGB */

static void test_agb_two_codes_fail(void **state)
{
    fixture *fx = *state;
    TEXT(fx->bid.agb[0], "12345678");
    TEXT(fx->bid.agb[1], "87654321");
    fx->bid.n_agb = 2;
    tnd_rules_agb(&fx->def, &fx->bid, &fx->r);
    /* §5.5.1.3 L1537: "U dient 1 AGB code op te geven" */
    assert_int_equal(fx->r.n_findings, 1);
    const tnd_finding *f = find(fx, "AGB", "Jeugdzorg De Brug B.V.");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "meer dan één AGB-code opgegeven (12345678, 87654321)");
    assert_string_equal(f->found, "12345678, 87654321");
    assert_string_equal(f->norm, "precies 1");
}

static void test_agb_one_code_passes(void **state)
{
    fixture *fx = *state;
    TEXT(fx->bid.agb[0], "12345678");
    fx->bid.n_agb = 1;
    tnd_rules_agb(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "AGB", "Jeugdzorg De Brug B.V.");
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "AGB-code 12345678 opgegeven");
}

/* A definition asking for two AGB codes (§5.5.1.3 asks for one): one code is too few and the
 * finding gives the count asked, not "more than one". */
static void test_agb_count_other_than_one_names_the_count(void **state)
{
    fixture *fx = *state;
    fx->def.agb.count = 2;
    TEXT(fx->bid.agb[0], "12345678");
    fx->bid.n_agb = 1;
    tnd_rules_agb(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "AGB", "Jeugdzorg De Brug B.V.");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "1 AGB-codes opgegeven; vereist: 2");
    assert_string_equal(f->norm, "precies 2");
}

static void test_agb_none_is_left_to_step_1(void **state)
{
    fixture *fx = *state;
    tnd_rules_agb(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(fx->r.n_findings, 0);
}

/* ------------------------------------------------------------------ §5.5.1.1-2 quality */

static void test_quality_hkz_on_lot_8_fails_listing_the_accepted_schemes(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H");
    add_certificate(fx, "HKZ");
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    /* §5.5.1.1 L1501-1505: lot 8 needs ISO 9001:2015, NEN-EN 15224 or the ZIN register */
    assert_int_equal(fx->r.n_findings, 1);
    const tnd_finding *f = &fx->r.findings[0];
    assert_string_equal(f->rule_id, "KWALITEIT-8");
    assert_int_equal(f->lot, 8);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_false(f->cascade);
    assert_string_equal(f->reason, "geen geaccepteerd kwaliteitssysteem (HKZ); geaccepteerd: "
                                   "ISO-9001:2015, NEN-EN-15224, ZIN-REGISTER");
}

static void test_quality_iso_9001_on_lot_8_passes(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H");
    add_certificate(fx, "HKZ");
    add_certificate(fx, "ISO-9001:2015");
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    const tnd_finding *f = find(fx, "KWALITEIT-8", "ISO-9001:2015");
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "ISO-9001:2015 (certificaat)");
}

static void test_quality_hkz_on_lot_3_passes(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 3, "TG1");
    add_certificate(fx, "HKZ");
    tnd_rules_quality(&fx->def, &fx->bid, 3, false, &fx->r);
    /* §5.5.1.1 L1494-1499 */
    assert_int_equal(find(fx, "KWALITEIT-1-7-9", "HKZ")->verdict, TND_PASS);
}

static void test_quality_certificate_expired_before_submission_fails(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H");
    tnd_certificate *c = add_certificate(fx, "ISO-9001:2015");
    c->has_valid_until = true;
    c->valid_until = DATE(2022, 7, 17);
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    const tnd_finding *f = find(fx, "KWALITEIT-8", "ISO-9001:2015");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "certificaat ISO-9001:2015 verlopen op 17-07-2022");
    assert_string_equal(f->found, "17-07-2022");
}

static void test_quality_certificate_valid_until_the_submission_day_passes(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H");
    tnd_certificate *c = add_certificate(fx, "ISO-9001:2015");
    c->has_valid_until = true;
    c->valid_until = DATE(2022, 7, 18);
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    assert_int_equal(find(fx, "KWALITEIT-8", "ISO-9001:2015")->verdict, TND_PASS);
}

static void test_quality_equivalent_scheme_goes_to_review(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H");
    add_certificate(fx, "KIWA-ZORG")->equivalent = true;
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    /* §5.5.1.1 L1509: "of daaraan gelijkwaardig": a reviewer decides */
    const tnd_finding *f = find(fx, "KWALITEIT-8", "KIWA-ZORG");
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "KIWA-ZORG opgegeven als gelijkwaardig aan ISO-9001:2015, "
                                   "NEN-EN-15224, ZIN-REGISTER; beoordelaar beslist");
}

/* §5.5.1.1: an accepted scheme wins over an equivalent one and over an expired one, whatever
 * the order in the bid; without evidence text the finding says "certificaat". */
static void test_quality_valid_listed_certificate_wins_over_equivalent_and_expired(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H");
    add_certificate(fx, "KIWA-ZORG")->equivalent = true;
    tnd_certificate *old = add_certificate(fx, "NEN-EN-15224");
    old->has_valid_until = true;
    old->valid_until = DATE(2020, 1, 1);
    TEXT(add_certificate(fx, "ISO-9001:2015")->evidence, "");
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    assert_int_equal(count_rule(fx, "KWALITEIT-8"), 1);
    const tnd_finding *f = find(fx, "KWALITEIT-8", "ISO-9001:2015");
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "ISO-9001:2015 (certificaat)");
}

static void test_quality_lot_not_applied_for_adds_nothing_unless_cascade(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 5, "TG1");
    add_certificate(fx, "HKZ");
    tnd_rules_quality(&fx->def, &fx->bid, 3, false, &fx->r);
    assert_int_equal(fx->r.n_findings, 0);
    tnd_rules_quality(&fx->def, &fx->bid, 3, true, &fx->r);
    /* §4.3.1: a fallback lot is evaluated and marked as such */
    assert_int_equal(fx->r.n_findings, 1);
    assert_int_equal(fx->r.findings[0].lot, 3);
    assert_true(fx->r.findings[0].cascade);
}

static void test_keurmerk_in_progress_is_conditional(void **state)
{
    fixture *fx = *state;
    TEXT(fx->bid.provider_type, "gezinshuis");
    add_lot(fx, 8, "E");
    add_certificate(fx, "ISO-9001:2015");
    TEXT(fx->bid_keurmerken[0].kind, "keurmerk-gezinshuizen");
    fx->bid_keurmerken[0].status = TND_KEURMERK_IN_PROGRESS;
    fx->bid.n_keurmerken = 1;
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    /* §5.5.1.2 L1513-1517: in the process, to be obtained within one year */
    assert_int_equal(fx->r.n_findings, 2);
    const tnd_finding *f = &fx->r.findings[1];
    assert_string_equal(f->rule_id, "KEURMERK-GEZINSHUIS");
    assert_int_equal(f->lot, 8);
    assert_int_equal(f->verdict, TND_CONDITIONAL);
    assert_string_equal(f->reason, "keurmerk-gezinshuizen in behandeling: binnen 12 maanden te "
                                   "behalen");
}

static void test_keurmerk_held_passes_and_absent_fails(void **state)
{
    fixture *fx = *state;
    TEXT(fx->bid.provider_type, "zorgboerderij");
    add_lot(fx, 8, "E");
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    const tnd_finding *f = find(fx, "KEURMERK-ZORGBOERDERIJ", "zorgboerderij");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "geen keurmerk-landbouw-zorg en niet aantoonbaar in "
                                   "behandeling");

    tnd_check_result_free(&fx->r);
    TEXT(fx->bid_keurmerken[0].kind, "keurmerk-landbouw-zorg");
    fx->bid_keurmerken[0].status = TND_KEURMERK_HELD;
    fx->bid.n_keurmerken = 1;
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    assert_int_equal(find(fx, "KEURMERK-ZORGBOERDERIJ", "zorgboerderij")->verdict, TND_PASS);
}

static void test_keurmerk_does_not_apply_to_a_regular_provider(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H");
    add_certificate(fx, "ISO-9001:2015");
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    assert_int_equal(fx->r.n_findings, 1);
}

/* ------------------------------------------------------------------ §5.6 requirements */

static void test_requirement_revenue_exactly_250000_passes_lot_3(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 3, "TG1");
    meets_lot_3(fx);
    fx->facts[2].money = 25000000;
    tnd_rules_requirements(&fx->def, &fx->bid, 3, false, &fx->r);
    /* §5.6 GGZ 1: Jeugdwet-omzet 2021 minimaal € 250.000 (>=) */
    const tnd_finding *f = find(fx, "TG-3-OMZET", "jeugdwet-omzet 2021");
    assert_int_equal(f->verdict, TND_PASS);
    assert_int_equal(f->lot, 3);
    assert_string_equal(f->found, "€ 250.000,00");
    assert_string_equal(f->norm, ">= € 250.000,00");
    assert_string_equal(f->reason, "jeugdwet-omzet 2021 is € 250.000,00; norm >= € 250.000,00: "
                                   "voldaan");
    assert_int_equal(fx->r.n_findings, 4);
}

static void test_requirement_revenue_one_cent_short_fails_lot_3(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 3, "TG1");
    meets_lot_3(fx);
    fx->facts[2].money = 24999999;
    tnd_rules_requirements(&fx->def, &fx->bid, 3, false, &fx->r);
    /* §5.6 GGZ 1: € 249.999,99 is below € 250.000 */
    const tnd_finding *f = find(fx, "TG-3-OMZET", "jeugdwet-omzet 2021");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "jeugdwet-omzet 2021 is € 249.999,99; norm >= € 250.000,00: "
                                   "niet voldaan");
}

static void test_requirement_fte_5_passes_and_4_99_fails(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 3, "TG1");
    meets_lot_3(fx);
    fx->facts[3].number = D(5000000);
    tnd_rules_requirements(&fx->def, &fx->bid, 3, false, &fx->r);
    /* §5.6 GGZ 1: minimaal 5 FTE behandelaren in loondienst (>=) */
    const tnd_finding *f = find(fx, "TG-3-FTE", "fte-behandelaren-loondienst");
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->found, "5");
    assert_string_equal(f->norm, ">= 5");

    tnd_check_result_free(&fx->r);
    fx->facts[3].number = D(4990000);
    tnd_rules_requirements(&fx->def, &fx->bid, 3, false, &fx->r);
    f = find(fx, "TG-3-FTE", "fte-behandelaren-loondienst");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "fte-behandelaren-loondienst is 4,99; norm >= 5: niet voldaan");
}

static void test_requirement_flag_false_fails_and_absent_is_missing(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 3, "TG1");
    add_flag(fx, "tg6-tg7-medewerkers", false);
    tnd_rules_requirements(&fx->def, &fx->bid, 3, false, &fx->r);
    const tnd_finding *f = find(fx, "TG-3-TG6-TG7", "tg6-tg7-medewerkers");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "tg6-tg7-medewerkers: nee; vereist: ja");
    f = find(fx, "TG-3-FTE", "fte-behandelaren-loondienst");
    assert_int_equal(f->verdict, TND_MISSING);
    assert_int_equal(f->step, 2);
    assert_string_equal(f->reason, "fte-behandelaren-loondienst: gegeven ontbreekt");
}

static void test_requirement_cao_one_of(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 3, "TG1");
    add_text(fx, "cao", "jeugdzorg");
    tnd_rules_requirements(&fx->def, &fx->bid, 3, false, &fx->r);
    /* §5.6 GGZ 1: CAO ggz */
    const tnd_finding *f = find(fx, "TG-3-CAO", "cao");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "cao: jeugdzorg; norm een van ggz: niet voldaan");
}

static void test_lot_4_includes_the_lot_3_requirements(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 4, "TG1");
    meets_lot_3(fx);
    fx->facts[1].flag = false; /* no TG6/TG7 staff */
    add_number(fx, "ggz-verblijf-jeugdigen-regio", 10000000);
    tnd_rules_requirements(&fx->def, &fx->bid, 4, false, &fx->r);
    /* §5.6 GGZ 2: "voldoet aan alle voorwaarden van GGZ 1"; reported on lot 4 */
    assert_int_equal(fx->r.n_findings, 5);
    assert_string_equal(fx->r.findings[0].rule_id, "TG-4-JEUGDIGEN");
    assert_int_equal(fx->r.findings[0].verdict, TND_PASS);
    const tnd_finding *f = find(fx, "TG-3-TG6-TG7", "tg6-tg7-medewerkers");
    assert_int_equal(f->lot, 4);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_int_equal(tnd_findings_worst(&fx->r, 4, false), TND_FAIL);
}

static void test_lot_2_needs_a_lot_8_product_from_intensity_h(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 2, "TG1");
    add_lot(fx, 8, "F,G");
    tnd_rules_requirements(&fx->def, &fx->bid, 2, false, &fx->r);
    /* §5.6 Systeemaanbieder: wonen/verblijf from intensity H */
    const tnd_finding *f = find(fx, "TG-2-VERBLIJF", "perceel 8");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->found, "F, G");
    assert_string_equal(f->norm, "een van H, I, J, K");
    assert_string_equal(f->reason, "perceel 8: F, G; norm een van H, I, J, K: niet voldaan");

    tnd_check_result_free(&fx->r);
    TEXT(fx->bid_lots[1].products[1], "H");
    tnd_rules_requirements(&fx->def, &fx->bid, 2, false, &fx->r);
    assert_int_equal(find(fx, "TG-2-VERBLIJF", "perceel 8")->verdict, TND_PASS);
}

static void test_requirements_for_a_fallback_lot_are_marked_cascade(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 5, "TG1");
    meets_lot_3(fx);
    tnd_rules_requirements(&fx->def, &fx->bid, 3, false, &fx->r);
    assert_int_equal(fx->r.n_findings, 0);
    tnd_rules_requirements(&fx->def, &fx->bid, 3, true, &fx->r);
    assert_int_equal(fx->r.n_findings, 4);
    for (size_t i = 0; i < fx->r.n_findings; i++) {
        assert_true(fx->r.findings[i].cascade);
        assert_int_equal(fx->r.findings[i].lot, 3);
    }
}

/* ------------------------------------------------------------------ §9, §8.5.3 intensity */

static void test_intensity_document_example_claimed_j_passes(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "J");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 220000000, "J");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    /* §9 L4148-4151: 220 / 7 / (8 x 95%) = 4,135 => J (unrounded) */
    assert_int_equal(fx->r.n_findings, 1);
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep De Linde");
    assert_int_equal(f->verdict, TND_PASS);
    assert_int_equal(f->lot, 8);
    assert_string_equal(f->reason, "4,14 => J");
    assert_string_equal(f->found, "4,14 => J");
    assert_string_equal(f->norm, "J: 4,1 t/m 4,6");
}

static void test_intensity_claimed_i_when_computed_j_fails(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "I,J");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 220000000, "I");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep De Linde");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "4,14 => berekend J, opgegeven I");
    assert_string_equal(f->norm, "I: 3,8 t/m 4,1");
}

static void test_intensity_exactly_4_1_claimed_j_is_boundary_review(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "J");
    /* 4,1 x 7 x 8 x 0,95 = 218,12 hours */
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 218120000, "J");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    /* §9 L4158-4162: a value on a shared limit is not converted automatically */
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep De Linde");
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "grensgeval 4,10: I of J, in overleg");
    assert_string_equal(f->found, "4,10 => I of J");
}

static void test_intensity_boundary_claimed_neither_band_fails(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 218120000, "H");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep De Linde");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "grensgeval 4,10: I of J; opgegeven H");
}

static void test_intensity_occupancy_below_floor_is_raised_and_said(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "J");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 800000, 220000000, "J");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    /* §9 L4136: the occupancy used may not be below 95% */
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep De Linde");
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "4,14 => J; bezettingsgraad 80% verhoogd naar ondergrens 95%");
}

static void test_intensity_outside_every_band_fails(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "C");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 2000000, "C");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep De Linde");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "0,04: buiten alle banden: geen intensiteit");
}

static void test_intensity_gezinshuis_claiming_f_exceeds_its_maximum_e(void **state)
{
    fixture *fx = *state;
    TEXT(fx->bid.provider_type, "gezinshuis");
    add_lot(fx, 8, "F");
    /* 2,5 x 7 x 8 x 0,95 = 133 hours => F */
    add_residential_group(fx, "Gezinshuis Het Anker", "regular", 8, 950000, 133000000, "F");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    /* §9.6 L4005-4050: gezinshuis at most intensity E */
    assert_int_equal(fx->r.n_findings, 3);
    const tnd_finding *offered = &fx->r.findings[0];
    assert_string_equal(offered->rule_id, "INTENSITEIT-MAXIMUM");
    assert_string_equal(offered->subject, "perceel 8: F");
    assert_int_equal(offered->verdict, TND_FAIL);
    assert_string_equal(offered->reason, "intensiteit F aangeboden; maximale intensiteit voor "
                                         "gezinshuis is E");
    assert_int_equal(find(fx, "INTENSITEIT-VERBLIJF", "Gezinshuis Het Anker")->verdict, TND_PASS);
    const tnd_finding *f = find(fx, "INTENSITEIT-MAXIMUM", "Gezinshuis Het Anker");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "maximale intensiteit voor gezinshuis is E; opgegeven F");
    assert_string_equal(f->norm, "<= E");
}

static void test_intensity_group_provider_type_overrides_the_bid(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "E,F");
    add_residential_group(fx, "Gezinshuis Het Anker", "regular", 8, 950000, 133000000, "F");
    TEXT(fx->residential_groups[0].provider_type, "gezinshuis");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(fx->r.n_findings, 2);
    assert_int_equal(find(fx, "INTENSITEIT-MAXIMUM", "Gezinshuis Het Anker")->verdict, TND_FAIL);
}

static void test_intensity_claimed_product_not_bid_fails_eis_94(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H,I");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 220000000, "J");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    /* eis 94: a provider delivers only intensities it bid on */
    const tnd_finding *f = find(fx, "INTENSITEIT-MAXIMUM", "Groep De Linde");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "opgegeven intensiteit J niet aangeboden op perceel 8 (eis 94)");
    assert_string_equal(f->found, "H, I");
    assert_int_equal(find(fx, "INTENSITEIT-VERBLIJF", "Groep De Linde")->verdict, TND_PASS);
}

static void test_intensity_fasehuis_with_one_intensity_fails(void **state)
{
    fixture *fx = *state;
    TEXT(fx->bid.provider_type, "fasehuis");
    add_lot(fx, 8, "H,GGZ-C");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    /* §9.6: a fasehuis bids at least two intensities (GGZ classes do not count) */
    assert_int_equal(fx->r.n_findings, 1);
    const tnd_finding *f = find(fx, "INTENSITEIT-MAXIMUM", "fasehuis");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "fasehuis biedt 1 intensiteit aan; vereist: minimaal 2");

    tnd_check_result_free(&fx->r);
    TEXT(fx->bid_lots[0].products[1], "I");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(fx->r.n_findings, 0);
}

static void test_intensity_day_group_document_example_is_middel(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 6, "middel");
    tnd_day_group *g = &fx->day_groups[fx->bid.n_day_groups++];
    TEXT(g->name, "Dagbesteding De Vlonder");
    g->youths = 8;
    g->opening_hours_week = D(32500000);
    g->staff_hours_week = D(68330000);
    TEXT(g->claimed, "middel");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    /* §8.5.3 L3538-3559: 68,33 / 32,5 / 8 = 0,263 => middel */
    assert_int_equal(fx->r.n_findings, 1);
    const tnd_finding *f = find(fx, "INTENSITEIT-GROEP", "Dagbesteding De Vlonder");
    assert_int_equal(f->verdict, TND_PASS);
    assert_int_equal(f->lot, 6);
    assert_string_equal(f->reason, "0,26 => middel");
    assert_string_equal(f->norm, "middel: 0,19 t/m 0,28");
}

/* §9: a group of a kind the definition has no occupancy rule for cannot be classified; a person
 * looks (REVIEW), naming the kind. */
static void test_intensity_group_of_unknown_kind_goes_to_review(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "J");
    add_residential_group(fx, "Groep De Es", "logeerhuis", 8, 950000, 220000000, "J");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep De Es");
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "onbekende groepssoort logeerhuis: geen bezettingsregel in de "
                                   "definitie");
    assert_string_equal(f->found, "logeerhuis");
}

/* §9 and §8.5.3: group figures the formula cannot take (no youths, no opening hours) are not
 * classified by guess: REVIEW, saying the figures are invalid. */
static void test_intensity_groups_with_invalid_figures_go_to_review(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "J");
    add_lot(fx, 6, "middel");
    add_residential_group(fx, "Groep Leeg", "regular", 0, 950000, 220000000, "J");
    tnd_day_group *g = &fx->day_groups[fx->bid.n_day_groups++];
    TEXT(g->name, "Dagbesteding Dicht");
    g->youths = 8;
    g->opening_hours_week = D(0);
    g->staff_hours_week = D(68330000);
    TEXT(g->claimed, "middel");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep Leeg");
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "niet te berekenen: ongeldige groepsgegevens (jeugdigen, "
                                   "bezettingsgraad of uren)");
    f = find(fx, "INTENSITEIT-GROEP", "Dagbesteding Dicht");
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "niet te berekenen: ongeldige groepsgegevens (jeugdigen, "
                                   "openingsuren of uren)");
    assert_string_equal(f->norm, "jeugdigen >= 1, openingsuren > 0");
}

static void test_intensity_day_groups_come_before_residential_groups(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 6, "middel");
    add_lot(fx, 8, "J");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 220000000, "J");
    tnd_day_group *g = &fx->day_groups[fx->bid.n_day_groups++];
    TEXT(g->name, "Dagbesteding De Vlonder");
    g->youths = 8;
    g->opening_hours_week = D(32500000);
    g->staff_hours_week = D(68330000);
    TEXT(g->claimed, "licht");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    /* document order: §8.5.3 (lot 6) before §9 (lot 8) */
    assert_int_equal(fx->r.n_findings, 3);
    assert_string_equal(fx->r.findings[0].subject, "Dagbesteding De Vlonder");
    assert_int_equal(fx->r.findings[0].verdict, TND_FAIL);
    assert_string_equal(fx->r.findings[0].reason, "0,26 => berekend middel, opgegeven licht");
    assert_string_equal(fx->r.findings[1].subject, "Dagbesteding De Vlonder");
    assert_string_equal(fx->r.findings[1].reason, "opgegeven intensiteit licht niet aangeboden "
                                                  "op perceel 6");
    assert_string_equal(fx->r.findings[2].subject, "Groep De Linde");
}

static void test_intensity_groups_of_a_lot_not_applied_for_are_ignored(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 3, "TG1");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 220000000, "J");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(fx->r.n_findings, 0);
}

/* ------------------------------------------------------------------ through tnd_check */

static void test_families_inside_tnd_check_keep_document_order(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 3, "TG1");
    meets_lot_3(fx);
    fx->bid.bidder.has_insurance = true;
    fx->bid.bidder.insurance_cover = 200000000;
    add_reference(fx, "Gemeente Zwolle");
    add_reference(fx, "Gemeente Utrecht");
    add_certificate(fx, "HKZ");
    TEXT(fx->bid.agb[0], "12345678");
    fx->bid.n_agb = 1;
    tnd_check_result r;
    assert_true(tnd_check(&fx->def, &fx->bid, &r));
    static const char *const order[] = { "VERZEKERING", "REF", "REF", "KWALITEIT-1-7-9", "AGB",
                                         "TG-3-CAO", "TG-3-TG6-TG7", "TG-3-OMZET", "TG-3-FTE" };
    size_t k = 0;
    for (size_t i = 0; i < r.n_findings && k < 9; i++)
        if (strcmp(r.findings[i].rule_id, order[k]) == 0)
            k++;
    assert_int_equal(k, 9);
    assert_int_equal(r.n_placements, 1);
    assert_int_equal(r.placements[0].placed, 3);
    assert_int_equal(r.placements[0].status, TND_LOT_ELIGIBLE);
    tnd_check_result_free(&r);
}

/* ------------------------------------------------------------------ issue 8: combination cover */

/* §5.3.2 L1409-1411: every member shows *an* insurance; the combination's cover is judged. */
static void combination_total(fixture *fx, tnd_cents bidder_cover)
{
    fx->def.insurance.combination_total = true;
    strcpy(fx->def.insurance.ref.resolution, "R-VERZEKERING");
    fx->bid.bidder.has_insurance = true;
    fx->bid.bidder.insurance_cover = bidder_cover;
}

static void test_combination_one_policy_of_2_5_million_covers_a_member_of_1_million(void **state)
{
    fixture *fx = *state;
    combination_total(fx, 250000000);
    add_member(fx, "Partner Zorg B.V.", 100000000);
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(fx->r.n_findings, 3);
    const tnd_finding *m = find(fx, "VERZEKERING", "Partner Zorg B.V.");
    assert_int_equal(m->verdict, TND_PASS); /* an insurance is shown */
    assert_string_equal(m->reason, "bewijs van verzekering: dekking € 1.000.000,00 per gebeurtenis "
                                   "(telt mee voor de dekking van de combinatie)");
    const tnd_finding *c = find(fx, "VERZEKERING", "combinatie");
    assert_int_equal(c->verdict, TND_PASS);
    assert_string_equal(c->found, "€ 2.500.000,00");
    assert_string_equal(c->norm, "combinatie >= € 2.000.000,00 per gebeurtenis");
    assert_string_equal(c->resolution, "R-VERZEKERING");
    assert_ptr_equal(c, &fx->r.findings[2]);
}

static void test_combination_policies_reaching_2_million_only_together_are_review(void **state)
{
    fixture *fx = *state;
    combination_total(fx, 100000000);
    add_member(fx, "Partner Zorg B.V.", 100000000);
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *c = find(fx, "VERZEKERING", "combinatie");
    assert_int_equal(c->verdict, TND_REVIEW);
    assert_string_equal(c->reason, "geen polis van € 2.000.000,00; de polissen samen "
                                   "€ 2.000.000,00 per gebeurtenis: beoordelen of zij samen de "
                                   "combinatie per gebeurtenis dekken");
}

static void test_combination_policies_one_cent_below_together_fail(void **state)
{
    fixture *fx = *state;
    combination_total(fx, 100000000);
    add_member(fx, "Partner Zorg B.V.", 99999999);
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *c = find(fx, "VERZEKERING", "combinatie");
    assert_int_equal(c->verdict, TND_FAIL);
    assert_string_equal(c->found, "€ 1.999.999,99");
    assert_string_equal(c->reason, "dekking van de combinatie € 1.999.999,99 per gebeurtenis "
                                   "(polissen samen); norm >= € 2.000.000,00: niet voldaan");
}

static void test_combination_policy_of_exactly_2_million_passes(void **state)
{
    fixture *fx = *state;
    combination_total(fx, 200000000);
    add_member(fx, "Partner Zorg B.V.", 1);
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(find(fx, "VERZEKERING", "combinatie")->verdict, TND_PASS); /* >= */
}

static void test_combination_member_without_any_insurance_fails(void **state)
{
    fixture *fx = *state;
    combination_total(fx, 500000000);
    tnd_party *m = add_member(fx, "Partner Zorg B.V.", 0);
    m->has_insurance = false;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    /* L1409-1410: "alle leden ... bewijs van verzekering" */
    const tnd_finding *f = find(fx, "VERZEKERING", "Partner Zorg B.V.");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "geen bewijs van verzekering bedrijfsaansprakelijkheid: elk lid "
                                   "van de combinatie toont een verzekering; voeg de polis of "
                                   "verklaring toe");
    assert_int_equal(find(fx, "VERZEKERING", "combinatie")->verdict, TND_PASS);
}

static void test_combination_member_declared_only_short_total_is_conditional(void **state)
{
    fixture *fx = *state;
    combination_total(fx, 100000000);
    tnd_party *m = add_member(fx, "Partner Zorg B.V.", 0);
    m->has_insurance = false;
    m->has_part_iv = m->part_iv_yes = true;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(find(fx, "VERZEKERING", "Partner Zorg B.V.")->verdict, TND_CONDITIONAL);
    assert_int_equal(find(fx, "VERZEKERING", "combinatie")->verdict, TND_CONDITIONAL);
}

static void test_single_bidder_keeps_the_per_party_norm_without_the_resolution(void **state)
{
    fixture *fx = *state;
    combination_total(fx, 199999999);
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(fx->r.n_findings, 1);
    const tnd_finding *f = find(fx, "VERZEKERING", "Jeugdzorg De Brug B.V.");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->resolution, ""); /* the combination reading does not apply */
}

/* ------------------------------------------------------------------ issue 8: HKZ on lot 8 */

static void test_quality_hkz_on_lot_8_is_review_when_named_as_an_example(void **state)
{
    fixture *fx = *state;
    strcpy(fx->quality[1].review_schemes[0], "HKZ");
    fx->quality[1].n_review_schemes = 1;
    add_lot(fx, 8, "H");
    add_certificate(fx, "HKZ");
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    /* §5.5.1.1 L1507-1510: HKZ is an example "voor elke Inschrijver" */
    assert_int_equal(fx->r.n_findings, 1);
    const tnd_finding *f = &fx->r.findings[0];
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "HKZ: niet genoemd voor dit perceel (ISO-9001:2015, "
                                   "NEN-EN-15224, ZIN-REGISTER), wel als voorbeeld voor elke "
                                   "inschrijver; beoordelaar beslist of het voldoet");
}

/* ------------------------------------------------------------------ issue 7: decisions no test ran */

/* §5.3.2 L1409-1411: a member showing only UEA deel IV "ja" (no policy) is declared only, while the
 * bidder itself shows nothing at all: step 1 reports the bidder, so step 2 says nothing about it. */
static void test_combination_bidder_without_any_insurance_is_left_to_step_1(void **state)
{
    fixture *fx = *state;
    combination_total(fx, 0);
    fx->bid.bidder.has_insurance = false;
    add_member(fx, "Partner Zorg B.V.", 300000000);
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(fx->r.n_findings, 2);
    assert_int_equal(count_rule(fx, "VERZEKERING"), 2);
    assert_int_equal(find(fx, "VERZEKERING", "Partner Zorg B.V.")->verdict, TND_PASS);
    const tnd_finding *c = find(fx, "VERZEKERING", "combinatie");
    assert_int_equal(c->verdict, TND_PASS);
    assert_string_equal(c->found, "€ 3.000.000,00");
    assert_string_equal(c->source, "§5.3.2 L1395-1411");
}

/* §5.3.2 L1399-1404 with L1409-1411: the bidder of a combination showing only UEA deel IV "ja" is
 * judged (declared only), not skipped as if it showed nothing. */
static void test_combination_bidder_with_only_uea_part_iv_yes_is_conditional(void **state)
{
    fixture *fx = *state;
    combination_total(fx, 0);
    fx->bid.bidder.has_insurance = false;
    fx->bid.bidder.has_part_iv = fx->bid.bidder.part_iv_yes = true;
    add_member(fx, "Partner Zorg B.V.", 100000000);
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(fx->r.n_findings, 3);
    const tnd_finding *b = find(fx, "VERZEKERING", "Jeugdzorg De Brug B.V.");
    assert_int_equal(b->verdict, TND_CONDITIONAL);
    assert_string_equal(b->found, "UEA deel IV: ja");
    assert_string_equal(b->reason, "UEA deel IV: ja; polis wordt geverifieerd na voorgenomen "
                                   "gunning");
    const tnd_finding *c = find(fx, "VERZEKERING", "combinatie");
    assert_int_equal(c->verdict, TND_CONDITIONAL);
    assert_string_equal(c->reason, "opgegeven dekking samen € 1.000.000,00 per gebeurtenis; polis "
                                   "van een lid wordt geverifieerd na voorgenomen gunning");
}

/* §5.3.2 L1405-1406 in a combination: a member's concern policy that does not name it neither
 * shows its insurance nor counts towards the combination's cover. */
static void test_combination_member_concern_policy_not_naming_it_fails_and_does_not_count(
    void **state)
{
    fixture *fx = *state;
    combination_total(fx, 100000000);
    tnd_party *m = add_member(fx, "Partner Zorg B.V.", 500000000);
    m->concern_policy = true;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "VERZEKERING", "Partner Zorg B.V.");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "concernpolis zonder vermelding als verzekerde");
    assert_string_equal(f->found, "concernpolis, niet als verzekerde vermeld");
    const tnd_finding *c = find(fx, "VERZEKERING", "combinatie");
    assert_int_equal(c->verdict, TND_FAIL);
    assert_string_equal(c->found, "€ 1.000.000,00");
    assert_string_equal(c->reason, "dekking van de combinatie € 1.000.000,00 per gebeurtenis "
                                   "(polissen samen); norm >= € 2.000.000,00: niet voldaan");
}

/* A member without a name and without any evidence is still named in the finding. */
static void test_combination_unnamed_member_without_insurance_fails_as_combinatielid(void **state)
{
    fixture *fx = *state;
    combination_total(fx, 300000000);
    tnd_party *m = add_member(fx, "", 0);
    m->has_insurance = false;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "VERZEKERING", "combinatielid");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->found, "geen");
    assert_string_equal(f->norm, "bewijs van verzekering");
    assert_int_equal(find(fx, "VERZEKERING", "combinatie")->verdict, TND_PASS);
}

/* §5.4 L1413-1416: fewer references than asked fails, counted in the plural. */
static void test_two_references_where_three_are_asked_fail_in_the_plural(void **state)
{
    fixture *fx = *state;
    fx->def.references.count = 3;
    add_reference(fx, "Gemeente Zwolle");
    add_reference(fx, "Gemeente Deventer");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "REF", "referenties");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "2 referenties; vereist: 3");
    assert_string_equal(f->found, "2");
    assert_string_equal(f->norm, "3");
    assert_string_equal(f->source, "§5.4 L1413-1487");
}

/* §5.4 L1465-1468: a subcontractor's experience counts when that subcontractor is deployed; a
 * reference without a count of clients served is not "never served a client" (L1470-1472). */
static void test_reference_of_a_deployed_subcontractor_without_client_count_passes(void **state)
{
    fixture *fx = *state;
    tnd_reference *r = add_reference(fx, "Gemeente Zwolle");
    TEXT(r->subcontractor, "Onderaannemer B.V.");
    r->subcontractor_deployed = true;
    r->has_clients_served = false;
    r->clients_served = 0;
    add_reference(fx, "Gemeente Deventer");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(count_rule(fx, "REF-ONDERAANNEMER"), 0);
    assert_int_equal(count_rule(fx, "REF-AFGEWEZEN"), 0);
    const tnd_finding *f = find(fx, "REF", "referentie 1: Gemeente Zwolle");
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->source, "§5.4 L1413-1487");
}

/* §5.4 L1478-1487: the declaration looked at is that of the third party the reference names, not
 * the first one declared. */
static void test_reference_of_the_second_declared_third_party_uses_its_declaration(void **state)
{
    fixture *fx = *state;
    add_reference(fx, "Gemeente Zwolle");
    TEXT(add_reference(fx, "Gemeente Utrecht")->third_party, "Tweede Derde B.V.");
    TEXT(fx->third_parties[0].name, "Eerste Derde B.V.");
    TEXT(fx->third_parties[1].name, "Tweede Derde B.V.");
    fx->third_parties[1].declaration_signed = true;
    fx->bid.n_third_parties = 2;
    fx->bid.bidder.part_iic_yes = true;
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(count_rule(fx, "REF-DERDE"), 0);
    assert_int_equal(find(fx, "REF", "referentie 2: Gemeente Utrecht")->verdict, TND_PASS);

    tnd_check_result_free(&fx->r);
    fx->third_parties[0].declaration_signed = true;
    fx->third_parties[1].declaration_signed = false;
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "REF-DERDE", "referentie 2: Gemeente Utrecht");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "ervaring van derde Tweede Derde B.V. zonder ondertekende "
                                   "Verklaring inzet Derden");
}

/* §5.4 L1456-1458: a definition that lists no allowed kind of referent leaves every kind that is
 * not forbidden to pass; a forbidden kind still fails. */
static void test_referent_kind_with_no_allowed_list_passes_unless_forbidden(void **state)
{
    fixture *fx = *state;
    fx->def.references.n_allowed = 0;
    TEXT(add_reference(fx, "Zorgkantoor Oost")->referent_kind, "zorgkantoor");
    TEXT(add_reference(fx, "RSJ")->referent_kind, "rsj");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(count_rule(fx, "REF-REFERENT"), 1);
    const tnd_finding *f = find(fx, "REF-REFERENT", "referentie 2: RSJ");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "referent van soort rsj kan geen referent zijn");
    assert_string_equal(f->source, "§5.4 L1456-1458");
    assert_int_equal(find(fx, "REF", "referentie 1: Zorgkantoor Oost")->verdict, TND_PASS);
}

/* §5.5.1.1 L1501-1509: under a definition that accepts no equivalent schemes, a scheme declared
 * equivalent is not sent to a reviewer: the lot fails, listing what is accepted. */
static void test_quality_equivalent_scheme_without_equivalent_review_fails(void **state)
{
    fixture *fx = *state;
    fx->quality[1].equivalent_review = false;
    add_lot(fx, 8, "H");
    add_certificate(fx, "KIWA-ZORG")->equivalent = true;
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    assert_int_equal(fx->r.n_findings, 1);
    const tnd_finding *f = find(fx, "KWALITEIT-8", "kwaliteitssysteem");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "geen geaccepteerd kwaliteitssysteem (KIWA-ZORG); "
                                   "geaccepteerd: ISO-9001:2015, NEN-EN-15224, ZIN-REGISTER");
    assert_string_equal(f->found, "KIWA-ZORG");
    assert_string_equal(f->source, "§5.5.1.1 L1501-1505");
}

/* §5.5.1.1: an equivalent scheme whose certificate had expired before the submission is no
 * candidate for review either. */
static void test_quality_expired_equivalent_scheme_fails(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H");
    tnd_certificate *c = add_certificate(fx, "KIWA-ZORG");
    c->equivalent = true;
    c->has_valid_until = true;
    c->valid_until = DATE(2022, 7, 17);
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    const tnd_finding *f = find(fx, "KWALITEIT-8", "kwaliteitssysteem");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "geen geaccepteerd kwaliteitssysteem (KIWA-ZORG); "
                                   "geaccepteerd: ISO-9001:2015, NEN-EN-15224, ZIN-REGISTER");
}

/* §5.5.1.1: a lot without any certificate fails saying so. */
static void test_quality_no_certificate_fails_saying_none_was_given(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 3, "TG1");
    tnd_rules_quality(&fx->def, &fx->bid, 3, false, &fx->r);
    const tnd_finding *f = find(fx, "KWALITEIT-1-7-9", "kwaliteitssysteem");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "geen geaccepteerd kwaliteitssysteem (geen certificaat); "
                                   "geaccepteerd: HKZ, PREZO, NIAZ, NTPN, ZIN-REGISTER");
    assert_string_equal(f->found, "geen");
    assert_int_equal(f->lot, 3);
}

/* §5.6 Systeemaanbieder: a lot-2 bid that does not apply for lot 8 at all fails the requirement
 * saying there is no application. */
static void test_lot_2_without_any_lot_8_application_fails_saying_so(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 2, "TG1");
    tnd_rules_requirements(&fx->def, &fx->bid, 2, false, &fx->r);
    const tnd_finding *f = find(fx, "TG-2-VERBLIJF", "perceel 8");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->found, "geen inschrijving");
    assert_string_equal(f->reason, "perceel 8: geen inschrijving; norm een van H, I, J, K: niet "
                                   "voldaan");
    assert_string_equal(f->source, "§5.6 L1540-1596");
}

/* §5.6 Systeemaanbieder: a CAO requirement "one of" is met by any one listed CAO among several
 * given, and a CAO fact without any value fails saying "geen". */
static void test_cao_one_of_met_by_the_first_of_two_and_failed_by_none(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 2, "TG1");
    tnd_fact *cao = add_fact(fx, "cao", 0, TND_FACT_TEXT);
    TEXT(cao->values[cao->n_values++], "jeugdzorg");
    TEXT(cao->values[cao->n_values++], "horeca");
    tnd_rules_requirements(&fx->def, &fx->bid, 2, false, &fx->r);
    const tnd_finding *f = find(fx, "TG-2-CAO", "cao");
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->found, "jeugdzorg, horeca");
    assert_string_equal(f->reason, "cao: jeugdzorg, horeca; norm een van jeugdzorg, "
                                   "gehandicaptenzorg: voldaan");

    tnd_check_result_free(&fx->r);
    cao->n_values = 0;
    tnd_rules_requirements(&fx->def, &fx->bid, 2, false, &fx->r);
    f = find(fx, "TG-2-CAO", "cao");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "cao: geen; norm een van jeugdzorg, gehandicaptenzorg: niet "
                                   "voldaan");
}

/* ------------------------------------------------------------------ issue 7: corners */

static void test_intensity_fasehuis_with_only_ggz_classes_offers_0_intensities(void **state)
{
    fixture *fx = *state;
    TEXT(fx->bid.provider_type, "fasehuis");
    add_lot(fx, 8, "GGZ-C,GGZ-D");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    /* §9.6: GGZ classes are no intensities: none offered, said in the plural */
    const tnd_finding *f = find(fx, "INTENSITEIT-MAXIMUM", "fasehuis");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "fasehuis biedt 0 intensiteiten aan; vereist: minimaal 2");
    assert_string_equal(f->found, "0");
}

static void test_cyclic_requirement_includes_end_and_judge_both_lots(void **state)
{
    fixture *fx = *state;
    /* a definition where lot 3 includes lot 4 and lot 4 includes lot 3: the walk is bounded by
     * the number of lots, and both lots' requirements are judged */
    fx->lots[2].requirements_include = 4;
    add_lot(fx, 4, "TG1");
    tnd_rules_requirements(&fx->def, &fx->bid, 4, false, &fx->r);
    assert_true(count_rule(fx, "TG-4-JEUGDIGEN") >= 1);
    assert_true(count_rule(fx, "TG-3-FTE") >= 1);
    assert_true(fx->r.n_findings <= 10 * fx->def.n_requirements);
}

static void test_quality_list_of_many_certificates_is_cut_whole(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H");
    /* four names of 31 characters: the list of what was given is longer than it can hold */
    for (int i = 0; i < 4; i++) {
        char name[TND_CODE_LEN];
        snprintf(name, sizeof name, "ZORGKEURMERK-MET-LANGE-NAAM-%03d", i);
        add_certificate(fx, name);
    }
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    const tnd_finding *f = &fx->r.findings[0];
    assert_int_equal(f->verdict, TND_FAIL);
    static const char head[] = "geen geaccepteerd kwaliteitssysteem (ZORGKEURMERK-MET-LANGE-"
                               "NAAM-000, ZORGKEURMERK-MET-LANGE-NAAM-001, ";
    assert_int_equal(strncmp(f->reason, head, strlen(head)), 0);
    assert_null(strstr(f->reason, "NAAM-003"));
}

static void test_gezinshuis_maximum_applies_to_intensity_products_only(void **state)
{
    fixture *fx = *state;
    /* §9.6 L4005-4050: the maximum E is on the intensity scale; a jeugd-ggz product of lot 8
     * (another product group, whatever its rank) is not above it */
    TEXT(fx->bid.provider_type, "gezinshuis");
    add_lot(fx, 8, "GGZ-H");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(count_rule(fx, "INTENSITEIT-MAXIMUM"), 0);
}

static void test_maximum_naming_no_product_of_the_lot_limits_nothing(void **state)
{
    fixture *fx = *state;
    /* a definition whose maximum names a product the lot does not have cannot rank against it */
    TEXT(fx->maxima[0].max_product, "Z");
    TEXT(fx->bid.provider_type, "gezinshuis");
    add_lot(fx, 8, "F");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    for (size_t i = 0; i < fx->r.n_findings; i++)
        assert_false(strcmp(fx->r.findings[i].subject, "perceel 8: F") == 0);
}

static void test_keurmerk_of_another_kind_listed_first_does_not_hide_the_right_one(
    void **state)
{
    fixture *fx = *state;
    /* §5.5.1.2: the keurmerk of the provider's own kind counts, wherever it is listed */
    TEXT(fx->bid.provider_type, "zorgboerderij");
    add_lot(fx, 8, "E");
    TEXT(fx->bid_keurmerken[0].kind, "keurmerk-gezinshuizen");
    fx->bid_keurmerken[0].status = TND_KEURMERK_HELD;
    TEXT(fx->bid_keurmerken[1].kind, "keurmerk-landbouw-zorg");
    fx->bid_keurmerken[1].status = TND_KEURMERK_HELD;
    fx->bid.n_keurmerken = 2;
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    assert_int_equal(find(fx, "KEURMERK-ZORGBOERDERIJ", "zorgboerderij")->verdict, TND_PASS);
}

static void test_combination_member_with_a_policy_of_no_cover_and_part_iv_yes_fails(
    void **state)
{
    fixture *fx = *state;
    /* §5.3.2 L1409-1411: a policy is given but without any cover: the UEA "ja" does not stand in
     * for a policy that shows nothing */
    combination_total(fx, 300000000);
    tnd_party *m = add_member(fx, "Partner Zorg B.V.", 0);
    m->has_part_iv = m->part_iv_yes = true;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(find(fx, "VERZEKERING", "Partner Zorg B.V.")->verdict, TND_FAIL);
}

static void test_quality_first_of_several_equivalent_or_expired_certificates_is_named(
    void **state)
{
    fixture *fx = *state;
    /* §5.5.1.1: the first equivalent scheme goes to the reviewer, whatever follows it */
    add_lot(fx, 8, "H");
    add_certificate(fx, "KIWA-ZORG")->equivalent = true;
    add_certificate(fx, "DNV-ZORG")->equivalent = true;
    tnd_certificate *c = add_certificate(fx, "ISO-9001:2015");
    c->has_valid_until = true;
    c->valid_until = DATE(2021, 1, 1);
    c = add_certificate(fx, "NEN-EN-15224");
    c->has_valid_until = true;
    c->valid_until = DATE(2022, 1, 1);
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    assert_int_equal(fx->r.n_findings, 1);
    assert_int_equal(find(fx, "KWALITEIT-8", "KIWA-ZORG")->verdict, TND_REVIEW);
}

static void test_quality_first_of_two_expired_accepted_certificates_is_named(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "H");
    tnd_certificate *c = add_certificate(fx, "ISO-9001:2015");
    c->has_valid_until = true;
    c->valid_until = DATE(2021, 1, 1);
    c = add_certificate(fx, "NEN-EN-15224");
    c->has_valid_until = true;
    c->valid_until = DATE(2022, 1, 1);
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    const tnd_finding *f = &fx->r.findings[0];
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "certificaat ISO-9001:2015 verlopen op 01-01-2021");
}

static void test_quality_first_of_two_example_schemes_is_named(void **state)
{
    fixture *fx = *state;
    strcpy(fx->quality[1].review_schemes[0], "HKZ");
    strcpy(fx->quality[1].review_schemes[1], "PREZO");
    fx->quality[1].n_review_schemes = 2;
    add_lot(fx, 8, "H");
    add_certificate(fx, "PREZO");
    add_certificate(fx, "HKZ");
    tnd_rules_quality(&fx->def, &fx->bid, 8, false, &fx->r);
    assert_int_equal(fx->r.n_findings, 1);
    assert_int_equal(strncmp(fx->r.findings[0].reason, "PREZO: niet genoemd voor dit perceel", 36),
                     0);
}

static void test_flag_requirement_answered_with_a_number_is_not_met(void **state)
{
    fixture *fx = *state;
    /* §5.6: a flag requirement is met only by "ja"; a number in its place is no "ja" */
    add_lot(fx, 3, "TG1");
    tnd_fact *f = add_fact(fx, "tg6-tg7-medewerkers", 0, TND_FACT_NUMBER);
    f->number = D(1000000);
    tnd_rules_requirements(&fx->def, &fx->bid, 3, false, &fx->r);
    const tnd_finding *t = find(fx, "TG-3-TG6-TG7", "tg6-tg7-medewerkers");
    assert_int_equal(t->verdict, TND_FAIL);
    assert_string_equal(t->reason, "tg6-tg7-medewerkers: nee; vereist: ja");
}

static void test_requirements_including_a_lot_unknown_to_the_definition_stop_there(void **state)
{
    fixture *fx = *state;
    /* §5.6 "cumulatief" towards a lot the definition does not have: only lot 4's own */
    fx->lots[3].requirements_include = 99;
    add_lot(fx, 4, "TG1");
    tnd_rules_requirements(&fx->def, &fx->bid, 4, false, &fx->r);
    assert_int_equal(fx->r.n_findings, 1);
    assert_string_equal(fx->r.findings[0].rule_id, "TG-4-JEUGDIGEN");
    assert_int_equal(fx->r.findings[0].verdict, TND_MISSING);
}

static void test_band_with_an_exclusive_lower_limit_is_shown_with_more_than(void **state)
{
    fixture *fx = *state;
    fx->residential_bands[6].from_inclusive = false; /* I: > 3,8 t/m 4,1 */
    add_lot(fx, 8, "I,J");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 220000000, "I");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep De Linde");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->norm, "I: > 3,8 t/m 4,1");
}

static void test_intensity_claimed_on_a_lot_bid_without_products_fails_eis_94_saying_geen(
    void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 220000000, "J");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "INTENSITEIT-MAXIMUM", "Groep De Linde");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->found, "geen");
}

static void test_agb_three_codes_where_two_are_asked_names_the_count(void **state)
{
    fixture *fx = *state;
    /* too many against a count other than one: the count, not "meer dan één" */
    fx->def.agb.count = 2;
    TEXT(fx->bid.agb[0], "12345678");
    TEXT(fx->bid.agb[1], "23456789");
    TEXT(fx->bid.agb[2], "34567890");
    fx->bid.n_agb = 3;
    tnd_rules_agb(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "AGB", "Jeugdzorg De Brug B.V.");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "3 AGB-codes opgegeven; vereist: 2");
}

static void test_reference_without_any_competence_fails_each_saying_geen(void **state)
{
    fixture *fx = *state;
    /* §5.4 voorwaarde 1: every core competence; a reference showing none names none */
    add_reference(fx, "Gemeente Zwolle");
    tnd_reference *r = add_reference(fx, "Gemeente Deventer");
    r->n_competences = 0;
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    size_t failed = 0;
    for (size_t i = 0; i < fx->r.n_findings; i++) {
        const tnd_finding *f = &fx->r.findings[i];
        if (strcmp(f->subject, "referentie 2: Gemeente Deventer") != 0 ||
            f->verdict != TND_FAIL)
            continue;
        assert_string_equal(f->found, "geen");
        failed++;
    }
    assert_int_equal(failed, 3); /* KC1, KC2, KC3 */
}

static void test_referent_of_a_kind_outside_two_allowed_names_both(void **state)
{
    fixture *fx = *state;
    /* §5.4 voorwaarde 5 with two allowed kinds: the norm names both */
    tnd_reference_rules *rr = &fx->def.references;
    TEXT(rr->referent_kinds_allowed[1], "provincie");
    rr->n_allowed = 2;
    add_reference(fx, "Gemeente Zwolle");
    tnd_reference *r = add_reference(fx, "Zorgverzekeraar Zwolle");
    TEXT(r->referent_kind, "zorgverzekeraar");
    tnd_rules_references(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "REF-REFERENT", "referentie 2: Zorgverzekeraar Zwolle");
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->norm, "gemeente of provincie");
}

static void test_intensity_boundary_claimed_lower_band_is_review_too(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "I");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 218120000, "I");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    /* §9 L4158-4162: either band of a shared limit is a candidate for the consultation */
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep De Linde");
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "grensgeval 4,10: I of J, in overleg");
}

static void test_intensity_claimed_nothing_fails_saying_niets(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "J");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 220000000, "");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    /* §9: the group must name its intensity; the computed one does not stand in for it */
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep De Linde");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "4,14 => berekend J, opgegeven niets");
    assert_string_equal(f->norm, "niets opgegeven: geen band");
    assert_string_equal(f->product, "");
    assert_int_equal(count_rule(fx, "INTENSITEIT-VERBLIJF"), 1);
}

static void test_intensity_claimed_code_outside_the_scale_fails_naming_it(void **state)
{
    fixture *fx = *state;
    add_lot(fx, 8, "J");
    add_residential_group(fx, "Groep De Linde", "regular", 8, 950000, 220000000, "Z");
    tnd_rules_intensity(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "INTENSITEIT-VERBLIJF", "Groep De Linde");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "4,14 => berekend J, opgegeven Z");
    assert_string_equal(f->norm, "Z: geen band");
    assert_string_equal(f->product, ""); /* Z is no product of lot 8: the lot is decided */
}


static void test_combination_member_concern_policy_naming_it_counts_for_the_combination(
    void **state)
{
    fixture *fx = *state;
    /* §5.3.2 L1409-1411: a concern policy that names the member as insured is its insurance */
    combination_total(fx, 100000000);
    tnd_party *m = add_member(fx, "Partner Zorg B.V.", 250000000);
    m->concern_policy = true;
    m->named_insured = true;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(find(fx, "VERZEKERING", "Partner Zorg B.V.")->verdict, TND_PASS);
    const tnd_finding *c = find(fx, "VERZEKERING", "combinatie");
    assert_int_equal(c->verdict, TND_PASS);
    assert_string_equal(c->found, "€ 2.500.000,00");
}

static void test_combination_member_with_a_policy_of_no_cover_and_part_iv_no_fails(void **state)
{
    fixture *fx = *state;
    /* a policy without an amount is no evidence, and UEA deel IV "nee" declares none */
    combination_total(fx, 300000000);
    tnd_party *m = add_member(fx, "Partner Zorg B.V.", 0);
    m->has_part_iv = true;
    m->part_iv_yes = false;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    const tnd_finding *f = find(fx, "VERZEKERING", "Partner Zorg B.V.");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->found, "geen");
    /* the bidder's own policy covers the combination */
    assert_int_equal(find(fx, "VERZEKERING", "combinatie")->verdict, TND_PASS);
}

static void test_combination_member_without_policy_and_part_iv_no_does_not_hold_the_total(
    void **state)
{
    fixture *fx = *state;
    combination_total(fx, 150000000);
    tnd_party *m = add_member(fx, "Partner Zorg B.V.", 0);
    m->has_insurance = false;
    m->has_part_iv = true;
    m->part_iv_yes = false;
    tnd_rules_insurance(&fx->def, &fx->bid, &fx->r);
    assert_int_equal(find(fx, "VERZEKERING", "Partner Zorg B.V.")->verdict, TND_FAIL);
    /* nothing left to verify after the award: below the amount is a plain FAIL */
    const tnd_finding *c = find(fx, "VERZEKERING", "combinatie");
    assert_int_equal(c->verdict, TND_FAIL);
    assert_string_equal(c->found, "€ 1.500.000,00");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_combination_one_policy_of_2_5_million_covers_a_member_of_1_million),
        T(test_combination_bidder_without_any_insurance_is_left_to_step_1),
        T(test_combination_bidder_with_only_uea_part_iv_yes_is_conditional),
        T(test_combination_member_concern_policy_not_naming_it_fails_and_does_not_count),
        T(test_combination_unnamed_member_without_insurance_fails_as_combinatielid),
        T(test_combination_member_concern_policy_naming_it_counts_for_the_combination),
        T(test_combination_member_with_a_policy_of_no_cover_and_part_iv_no_fails),
        T(test_combination_member_without_policy_and_part_iv_no_does_not_hold_the_total),
        T(test_intensity_boundary_claimed_lower_band_is_review_too),
        T(test_intensity_claimed_nothing_fails_saying_niets),
        T(test_intensity_claimed_code_outside_the_scale_fails_naming_it),
        T(test_agb_three_codes_where_two_are_asked_names_the_count),
        T(test_reference_without_any_competence_fails_each_saying_geen),
        T(test_referent_of_a_kind_outside_two_allowed_names_both),
        T(test_flag_requirement_answered_with_a_number_is_not_met),
        T(test_requirements_including_a_lot_unknown_to_the_definition_stop_there),
        T(test_band_with_an_exclusive_lower_limit_is_shown_with_more_than),
        T(test_intensity_claimed_on_a_lot_bid_without_products_fails_eis_94_saying_geen),
        T(test_quality_first_of_several_equivalent_or_expired_certificates_is_named),
        T(test_quality_first_of_two_expired_accepted_certificates_is_named),
        T(test_quality_first_of_two_example_schemes_is_named),
        T(test_keurmerk_of_another_kind_listed_first_does_not_hide_the_right_one),
        T(test_combination_member_with_a_policy_of_no_cover_and_part_iv_yes_fails),
        T(test_gezinshuis_maximum_applies_to_intensity_products_only),
        T(test_maximum_naming_no_product_of_the_lot_limits_nothing),
        T(test_cyclic_requirement_includes_end_and_judge_both_lots),
        T(test_quality_list_of_many_certificates_is_cut_whole),
        T(test_intensity_fasehuis_with_only_ggz_classes_offers_0_intensities),
        T(test_two_references_where_three_are_asked_fail_in_the_plural),
        T(test_reference_of_a_deployed_subcontractor_without_client_count_passes),
        T(test_reference_of_the_second_declared_third_party_uses_its_declaration),
        T(test_referent_kind_with_no_allowed_list_passes_unless_forbidden),
        T(test_combination_policies_reaching_2_million_only_together_are_review),
        T(test_combination_policies_one_cent_below_together_fail),
        T(test_combination_policy_of_exactly_2_million_passes),
        T(test_combination_member_without_any_insurance_fails),
        T(test_combination_member_declared_only_short_total_is_conditional),
        T(test_single_bidder_keeps_the_per_party_norm_without_the_resolution),
        T(test_quality_hkz_on_lot_8_is_review_when_named_as_an_example),
        T(test_insurance_below_two_million_by_one_euro_fails),
        T(test_insurance_of_exactly_two_million_passes),
        T(test_insurance_combination_member_below_minimum_fails_for_that_member),
        T(test_insurance_concern_policy_without_named_insured_fails),
        T(test_insurance_concern_policy_naming_the_bidder_passes),
        T(test_insurance_only_uea_part_iv_yes_is_conditional),
        T(test_insurance_uea_part_iv_no_fails),
        T(test_insurance_nothing_stated_is_left_to_step_1),
        T(test_insurance_of_third_parties_is_not_checked),
        T(test_references_two_good_references_pass_once_each),
        T(test_references_one_reference_fails_the_count),
        T(test_references_third_reference_does_not_count),
        T(test_reference_missing_kc2_fails_naming_it),
        T(test_reference_ended_exactly_3_years_before_closing_passes),
        T(test_reference_ended_one_day_earlier_fails),
        T(test_reference_ongoing_since_long_ago_counts),
        T(test_reference_starting_after_the_closing_date_fails),
        T(test_reference_starting_on_the_closing_day_passes),
        T(test_reference_without_end_date_and_not_ongoing_fails_the_period),
        T(test_reference_with_rsj_referent_fails),
        T(test_reference_with_non_municipal_referent_is_review),
        T(test_reference_dissolved_early_fails),
        T(test_reference_without_any_client_fails),
        T(test_reference_with_forecast_results_fails),
        T(test_reference_of_subcontractor_not_deployed_fails),
        T(test_reference_of_third_party_needs_uea_iic_and_signed_declaration),
        T(test_reference_leaning_on_an_undeclared_third_party_fails),
        T(test_no_references_is_left_to_step_1),
        T(test_agb_two_codes_fail),
        T(test_agb_one_code_passes),
        T(test_agb_none_is_left_to_step_1),
        T(test_agb_count_other_than_one_names_the_count),
        T(test_quality_hkz_on_lot_8_fails_listing_the_accepted_schemes),
        T(test_quality_iso_9001_on_lot_8_passes),
        T(test_quality_hkz_on_lot_3_passes),
        T(test_quality_certificate_expired_before_submission_fails),
        T(test_quality_certificate_valid_until_the_submission_day_passes),
        T(test_quality_equivalent_scheme_goes_to_review),
        T(test_quality_equivalent_scheme_without_equivalent_review_fails),
        T(test_quality_expired_equivalent_scheme_fails),
        T(test_quality_no_certificate_fails_saying_none_was_given),
        T(test_quality_valid_listed_certificate_wins_over_equivalent_and_expired),
        T(test_quality_lot_not_applied_for_adds_nothing_unless_cascade),
        T(test_keurmerk_in_progress_is_conditional),
        T(test_keurmerk_held_passes_and_absent_fails),
        T(test_keurmerk_does_not_apply_to_a_regular_provider),
        T(test_requirement_revenue_exactly_250000_passes_lot_3),
        T(test_requirement_revenue_one_cent_short_fails_lot_3),
        T(test_requirement_fte_5_passes_and_4_99_fails),
        T(test_requirement_flag_false_fails_and_absent_is_missing),
        T(test_requirement_cao_one_of),
        T(test_lot_4_includes_the_lot_3_requirements),
        T(test_lot_2_needs_a_lot_8_product_from_intensity_h),
        T(test_lot_2_without_any_lot_8_application_fails_saying_so),
        T(test_cao_one_of_met_by_the_first_of_two_and_failed_by_none),
        T(test_requirements_for_a_fallback_lot_are_marked_cascade),
        T(test_intensity_document_example_claimed_j_passes),
        T(test_intensity_claimed_i_when_computed_j_fails),
        T(test_intensity_exactly_4_1_claimed_j_is_boundary_review),
        T(test_intensity_boundary_claimed_neither_band_fails),
        T(test_intensity_occupancy_below_floor_is_raised_and_said),
        T(test_intensity_outside_every_band_fails),
        T(test_intensity_gezinshuis_claiming_f_exceeds_its_maximum_e),
        T(test_intensity_group_provider_type_overrides_the_bid),
        T(test_intensity_claimed_product_not_bid_fails_eis_94),
        T(test_intensity_fasehuis_with_one_intensity_fails),
        T(test_intensity_day_group_document_example_is_middel),
        T(test_intensity_day_groups_come_before_residential_groups),
        T(test_intensity_group_of_unknown_kind_goes_to_review),
        T(test_intensity_groups_with_invalid_figures_go_to_review),
        T(test_intensity_groups_of_a_lot_not_applied_for_are_ignored),
        T(test_families_inside_tnd_check_keep_document_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
