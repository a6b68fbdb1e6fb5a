/*
 * test_rules_products.c - the per-product rules of a format-2 definition (scoring/rules_products.c,
 * issue 11), pinned at and around each threshold of Holland Rijnland 2021 (seeds/001; "L" = line
 * there): caps with unit, period, extensions and exceptions; staffing by group size; quality per
 * product; the gezinshuisouders; the ambulant alternative of verblijf.
 *
 * Each test builds a definition with the one rule it is about and a bid on one lot, runs tnd_check
 * and reads the findings of that rule. Decimals are integer units (TND_DEC_SCALE = 1e6).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/check.h"

#define DEC(n) ((tnd_dec){ (int64_t)(n) * TND_DEC_SCALE })

/* ------------------------------------------------------------------ fixture */

typedef struct {
    tnd_definition def;
    tnd_lot lots[4];
    tnd_product products[4][3];
    tnd_product_rule rule;
    tnd_bid bid;
    tnd_bid_lot bid_lots[2];
    char bid_products[2][TND_MAX_BID_PRODUCTS][TND_CODE_LEN]; /* bid_lots[i].products */
    tnd_product_offer offers[2];
    tnd_certificate certs[2];
    tnd_ambulant_alternative ambulant[1];
    tnd_check_result result;
} fx;

/* Lots 1-4, products A B C in each; one rule; a bid submitted 20-05-2021 on `lot` product A. */
static fx *fixture(tnd_product_rule_kind kind, int lot)
{
    fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    static const char *const codes[] = { "A", "B", "C" };
    for (int l = 0; l < 4; l++) {
        f->lots[l].number = l + 1;
        f->lots[l].products = f->products[l];
        f->lots[l].n_products = 3;
        for (int p = 0; p < 3; p++)
            strcpy(f->products[l][p].code, codes[p]);
    }
    f->def.lots = f->lots;
    f->def.n_lots = 4;
    f->def.closing_time = (tnd_datetime){ { 2021, 6, 1 }, 12, 0, 0 };
    strcpy(f->def.closing.id, "SLUIT");
    f->rule.kind = kind;
    f->rule.lot = lot;
    strcpy(f->rule.ref.id, "REGEL");
    strcpy(f->rule.ref.source, "L1");
    strcpy(f->rule.products[0], "A");
    f->rule.n_products = 1;
    f->def.product_rules = &f->rule;
    f->def.n_product_rules = 1;

    f->bid.has_submission = true;
    f->bid.submitted = (tnd_datetime){ { 2021, 5, 20 }, 10, 0, 0 };
    strcpy(f->bid.provider_type, "regulier");
    f->bid.lots = f->bid_lots;
    f->bid_lots[0].products = f->bid_products[0];
    f->bid_lots[1].products = f->bid_products[1];
    f->bid.n_lots = 1;
    f->bid_lots[0].number = lot;
    strcpy(f->bid_lots[0].products[0], "A");
    f->bid_lots[0].n_products = 1;
    f->bid.offers = f->offers;
    f->offers[0].lot = lot;
    strcpy(f->offers[0].product, "A");
    f->bid.certificates = f->certs;
    f->bid.ambulant = f->ambulant;
    return f;
}

/* The cap rule of 45A48 (L6459-6464): 52 uur per 6-maanden, verlenging onbeperkt van 6 maand. */
static fx *cap_fixture(void)
{
    fx *f = fixture(TND_PRULE_CAP, 4);
    tnd_product_rule *r = &f->rule;
    strcpy(r->measure, "inzet");
    r->max = DEC(52);
    r->unit = TND_UNIT_HOUR;
    strcpy(r->per, "6-maanden");
    r->extensions = TND_CAP_UNLIMITED;
    r->has_extension_max = true;
    r->extension_max = DEC(6);
    r->extension_unit = TND_UNIT_MONTH;
    strcpy(r->exceptions[0].id, "UITZ-VEILIGHEID");
    strcpy(r->exceptions[0].source, "L6474-6477");
    r->n_exceptions = 1;
    return f;
}

/* The bid's cap for product A: `max` in `unit` per `per`. */
static tnd_offer_cap *bid_cap(fx *f, tnd_dec max, tnd_cap_unit unit, const char *per)
{
    tnd_product_offer *o = &f->offers[0];
    tnd_offer_cap *c = &o->caps[o->n_caps++];
    strcpy(c->measure, f->rule.measure);
    c->max = max;
    c->unit = unit;
    strcpy(c->per, per);
    f->bid.n_offers = 1;
    return c;
}

/* Runs the check and returns the one finding of rule REGEL (fails the test if not exactly one). */
static const tnd_finding *only_finding(fx *f)
{
    assert_true(tnd_check(&f->def, &f->bid, &f->result));
    const tnd_finding *found = NULL;
    int n = 0;
    for (size_t i = 0; i < f->result.n_findings; i++)
        if (strcmp(f->result.findings[i].rule_id, "REGEL") == 0) {
            found = &f->result.findings[i];
            n++;
        }
    assert_int_equal(n, 1);
    return found;
}

static int count_findings(fx *f)
{
    assert_true(tnd_check(&f->def, &f->bid, &f->result));
    int n = 0;
    for (size_t i = 0; i < f->result.n_findings; i++)
        n += strcmp(f->result.findings[i].rule_id, "REGEL") == 0;
    return n;
}

static void done(fx *f)
{
    tnd_check_result_free(&f->result);
    free(f);
}

static tnd_verdict cap_verdict(tnd_dec max, tnd_cap_unit unit, const char *per)
{
    fx *f = cap_fixture();
    bid_cap(f, max, unit, per);
    tnd_verdict v = only_finding(f)->verdict;
    done(f);
    return v;
}

/* ------------------------------------------------------------------ caps */

static void test_cap_52_hours_per_6_months_exactly_passes(void **state)
{
    (void)state;
    /* L6459-6461: "maximaal 52 uur" is inclusive */
    fx *f = cap_fixture();
    bid_cap(f, DEC(52), TND_UNIT_HOUR, "6-maanden");
    const tnd_finding *x = only_finding(f);
    assert_int_equal(x->verdict, TND_PASS);
    assert_string_equal(x->product, "A");
    assert_int_equal(x->lot, 4);
    assert_string_equal(x->found, "52 uur per 6-maanden");
    assert_string_equal(x->norm, "ten hoogste 52 uur per 6-maanden; verlenging onbeperkt met ten "
                                 "hoogste 6 maand");
    done(f);
}

static void test_cap_3120_minutes_equals_52_hours_and_3121_fails(void **state)
{
    (void)state;
    /* L6460-6461: "52 uur (3120 minuten)": units compare exactly */
    assert_int_equal(cap_verdict(DEC(3120), TND_UNIT_MINUTE, "6-maanden"), TND_PASS);
    assert_int_equal(cap_verdict(DEC(3121), TND_UNIT_MINUTE, "6-maanden"), TND_FAIL);
    /* 52,000001 uur: one unit of a decimal above */
    assert_int_equal(cap_verdict((tnd_dec){ 52 * TND_DEC_SCALE + 1 }, TND_UNIT_HOUR, "6-maanden"),
                     TND_FAIL);
    assert_int_equal(cap_verdict(DEC(51), TND_UNIT_HOUR, "6-maanden"), TND_PASS);
}

static void test_cap_above_without_exception_fails_naming_it(void **state)
{
    (void)state;
    fx *f = cap_fixture();
    bid_cap(f, DEC(53), TND_UNIT_HOUR, "6-maanden");
    const tnd_finding *x = only_finding(f);
    assert_int_equal(x->verdict, TND_FAIL);
    assert_string_equal(x->reason, "voorziening A: boven het maximum, zonder uitzonderingsgrond");
    done(f);
}

static void test_cap_above_with_exception_without_own_max_is_review(void **state)
{
    (void)state;
    /* L6485-6489: the burden of proof is with the provider: a reviewer decides */
    fx *f = cap_fixture();
    strcpy(bid_cap(f, DEC(60), TND_UNIT_HOUR, "6-maanden")->exception, "UITZ-VEILIGHEID");
    const tnd_finding *x = only_finding(f);
    assert_int_equal(x->verdict, TND_REVIEW);
    assert_string_equal(x->reason, "voorziening A: boven het maximum met uitzondering "
                                   "UITZ-VEILIGHEID (L6474-6477): bewijslast bij de aanbieder; "
                                   "beoordelaar beslist");
    done(f);
}

static void test_cap_53a01_new_client_exception_180_passes_181_fails(void **state)
{
    (void)state;
    /* L7089-7097: 100 min per client per year; a new client once at most 180 */
    for (int minutes = 179; minutes <= 181; minutes++) {
        fx *f = cap_fixture();
        f->rule.max = DEC(100);
        f->rule.unit = TND_UNIT_MINUTE;
        strcpy(f->rule.per, "client-jaar");
        f->rule.extensions = 0;
        f->rule.has_extension_max = false;
        f->rule.exceptions[0].has_max = true;
        f->rule.exceptions[0].max = DEC(180);
        strcpy(bid_cap(f, DEC(minutes), TND_UNIT_MINUTE, "client-jaar")->exception,
               "UITZ-VEILIGHEID");
        assert_int_equal(only_finding(f)->verdict, minutes <= 180 ? TND_PASS : TND_FAIL);
        done(f);
    }
}

static void test_cap_53a01_100_passes_101_fails_without_exception(void **state)
{
    (void)state;
    for (int minutes = 100; minutes <= 101; minutes++) {
        fx *f = cap_fixture();
        f->rule.max = DEC(100);
        f->rule.unit = TND_UNIT_MINUTE;
        strcpy(f->rule.per, "client-jaar");
        f->rule.extensions = 0;
        f->rule.has_extension_max = false;
        bid_cap(f, DEC(minutes), TND_UNIT_MINUTE, "client-jaar");
        assert_int_equal(only_finding(f)->verdict, minutes == 100 ? TND_PASS : TND_FAIL);
        done(f);
    }
}

static void test_cap_in_another_period_or_dimension_is_review_never_pass(void **state)
{
    (void)state;
    /* 10 uur per maand does not compare with 52 uur per 6 maanden by rule */
    assert_int_equal(cap_verdict(DEC(10), TND_UNIT_HOUR, "maand"), TND_REVIEW);
    /* a duration unit against an inzet unit */
    assert_int_equal(cap_verdict(DEC(1), TND_UNIT_MONTH, "6-maanden"), TND_REVIEW);
}

static void test_cap_48_weeks_passes_49_fails_weeks_against_months_is_review(void **state)
{
    (void)state;
    /* L4768-4769: dagbehandeling A at most 48 weeks a year */
    for (int weeks = 48; weeks <= 49; weeks++) {
        fx *f = cap_fixture();
        strcpy(f->rule.measure, "weken");
        f->rule.max = DEC(48);
        f->rule.unit = TND_UNIT_WEEK;
        strcpy(f->rule.per, "jaar");
        f->rule.extensions = 0;
        f->rule.has_extension_max = false;
        bid_cap(f, DEC(weeks), TND_UNIT_WEEK, "jaar");
        assert_int_equal(only_finding(f)->verdict, weeks == 48 ? TND_PASS : TND_FAIL);
        done(f);
    }
    fx *f = cap_fixture();
    strcpy(f->rule.measure, "weken");
    f->rule.max = DEC(48);
    f->rule.unit = TND_UNIT_WEEK;
    strcpy(f->rule.per, "jaar");
    bid_cap(f, DEC(11), TND_UNIT_MONTH, "jaar");
    assert_int_equal(only_finding(f)->verdict, TND_REVIEW);
    done(f);
}

/* Verblijf (L1214-1217): 12 maanden, one extension of at most 12 maanden. */
static tnd_verdict verblijf_verdict(tnd_dec max, tnd_cap_unit unit, int extensions,
                                    bool has_ext_max, tnd_dec ext_max, tnd_cap_unit ext_unit)
{
    fx *f = cap_fixture();
    strcpy(f->rule.measure, "duur");
    f->rule.max = DEC(12);
    f->rule.unit = TND_UNIT_MONTH;
    strcpy(f->rule.per, "traject");
    f->rule.extensions = 1;
    f->rule.extension_max = DEC(12);
    f->rule.extension_unit = TND_UNIT_MONTH;
    tnd_offer_cap *c = bid_cap(f, max, unit, "traject");
    c->extensions = extensions;
    c->has_extension_max = has_ext_max;
    c->extension_max = ext_max;
    c->extension_unit = ext_unit;
    tnd_verdict v = only_finding(f)->verdict;
    done(f);
    return v;
}

static void test_cap_verblijf_one_extension_of_12_months_passes_around_it_fails(void **state)
{
    (void)state;
    assert_int_equal(verblijf_verdict(DEC(12), TND_UNIT_MONTH, 1, true, DEC(12), TND_UNIT_MONTH),
                     TND_PASS);
    /* 1 jaar = 12 maanden, both for the duration and the extension */
    assert_int_equal(verblijf_verdict(DEC(1), TND_UNIT_YEAR, 1, true, DEC(1), TND_UNIT_YEAR),
                     TND_PASS);
    assert_int_equal(verblijf_verdict(DEC(13), TND_UNIT_MONTH, 1, true, DEC(12), TND_UNIT_MONTH),
                     TND_FAIL);
    assert_int_equal(verblijf_verdict(DEC(12), TND_UNIT_MONTH, 1, true, DEC(13), TND_UNIT_MONTH),
                     TND_FAIL);
    assert_int_equal(verblijf_verdict(DEC(12), TND_UNIT_MONTH, 2, true, DEC(12), TND_UNIT_MONTH),
                     TND_FAIL);
    assert_int_equal(verblijf_verdict(DEC(12), TND_UNIT_MONTH, TND_CAP_UNLIMITED, true, DEC(12),
                                      TND_UNIT_MONTH), TND_FAIL);
    /* an extension without its length against a rule that bounds it */
    assert_int_equal(verblijf_verdict(DEC(12), TND_UNIT_MONTH, 1, false, DEC(0), TND_UNIT_MONTH),
                     TND_FAIL);
    /* no extension at all */
    assert_int_equal(verblijf_verdict(DEC(12), TND_UNIT_MONTH, 0, false, DEC(0), TND_UNIT_MONTH),
                     TND_PASS);
}

static void test_cap_not_stated_is_missing_for_that_product_only(void **state)
{
    (void)state;
    fx *f = cap_fixture();
    /* product B is bid too, without a rule: the lot stays admitted for B */
    strcpy(f->bid_lots[0].products[1], "B");
    f->bid_lots[0].n_products = 2;
    const tnd_finding *x = only_finding(f);
    assert_int_equal(x->verdict, TND_MISSING);
    assert_string_equal(x->product, "A");
    assert_int_equal(f->result.n_placements, 1);
    assert_int_equal(f->result.placements[0].placed, 4);
    assert_int_equal(f->result.placements[0].status, TND_LOT_ELIGIBLE);
    assert_string_equal(f->result.placements[0].products, "product A: ONTBREEKT (REGEL)");
    assert_false(f->result.eligible_all);
    done(f);
}

static void test_cap_of_a_product_not_bid_gives_no_finding(void **state)
{
    (void)state;
    fx *f = cap_fixture();
    strcpy(f->bid_lots[0].products[0], "B");
    assert_int_equal(count_findings(f), 0);
    done(f);
}

/* ------------------------------------------------------------------ staffing */

static fx *staffing_fixture(void)
{
    fx *f = fixture(TND_PRULE_STAFFING, 3);
    static const struct {
        const char *code;
        int max;
    } cats[] = { {"1", 4}, {"2", 4}, {"3", 3} };
    for (int i = 0; i < 3; i++) {
        strcpy(f->rule.categories[i].code, cats[i].code);
        f->rule.categories[i].max_youths_per_staff = DEC(cats[i].max);
        strcpy(f->rule.categories[i].source, "L4789-4815");
    }
    f->rule.n_categories = 3;
    return f;
}

static tnd_verdict staffing_verdict(fx *f, const char *category, long youths, long staff)
{
    tnd_offer_group *g = &f->offers[0].groups[f->offers[0].n_groups++];
    strcpy(g->name, "Groep");
    strcpy(g->category, category);
    g->youths = youths;
    g->staff = staff;
    f->bid.n_offers = 1;
    tnd_verdict v = only_finding(f)->verdict;
    done(f);
    return v;
}

static void test_staffing_category_3_at_1_per_3_passes_above_fails(void **state)
{
    (void)state;
    /* L4809-4815: "1 medewerker op maximaal 3 kinderen", inclusive */
    assert_int_equal(staffing_verdict(staffing_fixture(), "3", 6, 2), TND_PASS);
    assert_int_equal(staffing_verdict(staffing_fixture(), "3", 7, 2), TND_FAIL);
    assert_int_equal(staffing_verdict(staffing_fixture(), "3", 3, 1), TND_PASS);
    assert_int_equal(staffing_verdict(staffing_fixture(), "3", 4, 1), TND_FAIL);
}

static void test_staffing_category_1_at_1_per_4_passes_above_fails(void **state)
{
    (void)state;
    /* L4789-4795 */
    assert_int_equal(staffing_verdict(staffing_fixture(), "1", 8, 2), TND_PASS);
    assert_int_equal(staffing_verdict(staffing_fixture(), "1", 9, 2), TND_FAIL);
    assert_int_equal(staffing_verdict(staffing_fixture(), "2", 12, 3), TND_PASS);
    assert_int_equal(staffing_verdict(staffing_fixture(), "2", 13, 3), TND_FAIL);
}

static void test_staffing_zorg_onderwijs_1_per_8_and_1_per_6(void **state)
{
    (void)state;
    /* L5285-5307: 8 / 8 / 6 */
    fx *f = staffing_fixture();
    f->rule.categories[0].max_youths_per_staff = DEC(8);
    f->rule.categories[2].max_youths_per_staff = DEC(6);
    assert_int_equal(staffing_verdict(f, "1", 16, 2), TND_PASS);
    f = staffing_fixture();
    f->rule.categories[0].max_youths_per_staff = DEC(8);
    assert_int_equal(staffing_verdict(f, "1", 17, 2), TND_FAIL);
    f = staffing_fixture();
    f->rule.categories[2].max_youths_per_staff = DEC(6);
    assert_int_equal(staffing_verdict(f, "3", 12, 2), TND_PASS);
    f = staffing_fixture();
    f->rule.categories[2].max_youths_per_staff = DEC(6);
    assert_int_equal(staffing_verdict(f, "3", 13, 2), TND_FAIL);
}

static void test_staffing_shows_the_ratio_and_the_category_norm(void **state)
{
    (void)state;
    fx *f = staffing_fixture();
    tnd_offer_group *g = &f->offers[0].groups[f->offers[0].n_groups++];
    strcpy(g->name, "Klaproos");
    strcpy(g->category, "3");
    g->youths = 7;
    g->staff = 2;
    f->bid.n_offers = 1;
    const tnd_finding *x = only_finding(f);
    assert_string_equal(x->subject, "Klaproos");
    assert_string_equal(x->found, "7 kinderen, 2 medewerkers (3,5 per medewerker)");
    assert_string_equal(x->norm, "ten hoogste 3 kinderen per medewerker (categorie 3, L4789-4815)");
    done(f);
}

static void test_staffing_unknown_category_fails_and_no_group_is_missing(void **state)
{
    (void)state;
    assert_int_equal(staffing_verdict(staffing_fixture(), "4", 1, 1), TND_FAIL);
    fx *f = staffing_fixture();
    assert_int_equal(only_finding(f)->verdict, TND_MISSING);
    done(f);
}

/* ------------------------------------------------------------------ quality per product */

static fx *quality_fixture(const char *scheme, bool equivalent_review)
{
    fx *f = fixture(TND_PRULE_QUALITY, 2);
    strcpy(f->rule.schemes[0], scheme);
    f->rule.n_schemes = 1;
    f->rule.equivalent_review = equivalent_review;
    return f;
}

static tnd_verdict quality_verdict(fx *f, const char *scheme, bool equivalent, tnd_date until)
{
    tnd_certificate *c = &f->certs[f->bid.n_certificates++];
    strcpy(c->scheme, scheme);
    c->equivalent = equivalent;
    c->has_valid_until = true;
    c->valid_until = until;
    tnd_verdict v = only_finding(f)->verdict;
    done(f);
    return v;
}

static void test_quality_pleegzorg_only_hkz_counts(void **state)
{
    (void)state;
    /* L3273-3276: HKZ only; an equivalent is not reviewed there (RES-HR-PLEEGZORG-HKZ) */
    tnd_date d = { 2023, 12, 31 };
    assert_int_equal(quality_verdict(quality_fixture("HKZ", false), "HKZ", false, d), TND_PASS);
    assert_int_equal(quality_verdict(quality_fixture("HKZ", false), "ISO-9001", false, d),
                     TND_FAIL);
    assert_int_equal(quality_verdict(quality_fixture("HKZ", false), "PREZO", true, d), TND_FAIL);
    /* where the rule accepts equivalents (L1088-1090), the reviewer decides */
    assert_int_equal(quality_verdict(quality_fixture("HKZ", true), "PREZO", true, d), TND_REVIEW);
}

/* L3273-3276: a bid without any certificate fails the product's quality rule and says so */
static void test_quality_without_any_certificate_fails_naming_none(void **state)
{
    (void)state;
    fx *f = quality_fixture("HKZ", false);
    const tnd_finding *x = only_finding(f);
    assert_int_equal(x->verdict, TND_FAIL);
    assert_string_equal(x->found, "geen");
    assert_non_null(strstr(x->reason, "geen geaccepteerd certificaat (geen certificaat); "
                                      "geaccepteerd: HKZ"));
    done(f);
}

static void test_quality_certificate_valid_until_the_day_of_submission_passes(void **state)
{
    (void)state;
    /* submitted 20-05-2021: valid through that day passes, through the day before fails */
    assert_int_equal(quality_verdict(quality_fixture("HKZ", false), "HKZ", false,
                                     (tnd_date){ 2021, 5, 20 }), TND_PASS);
    assert_int_equal(quality_verdict(quality_fixture("HKZ", false), "HKZ", false,
                                     (tnd_date){ 2021, 5, 19 }), TND_FAIL);
}

static void test_quality_for_zorgboerderij_applies_to_that_provider_type_only(void **state)
{
    (void)state;
    /* L3577-3581: "Kwaliteit laat je zien! (voor zorgboerderijen)" */
    fx *f = quality_fixture("KWALITEIT-LAAT-JE-ZIEN", true);
    strcpy(f->rule.provider_type, "zorgboerderij");
    assert_int_equal(count_findings(f), 0);
    tnd_check_result_free(&f->result);
    memset(&f->result, 0, sizeof f->result);
    strcpy(f->bid.provider_type, "zorgboerderij");
    assert_int_equal(quality_verdict(f, "KWALITEIT-LAAT-JE-ZIEN", false, (tnd_date){ 2022, 1, 1 }),
                     TND_PASS);
}

/* ------------------------------------------------------------------ gezinshuisouders */

static tnd_verdict parents_verdict(int n, const bool pedagogical[], const bool hbo[],
                                   const bool screened[])
{
    fx *f = fixture(TND_PRULE_PARENTS, 2);
    for (int i = 0; i < n; i++) {
        tnd_offer_parent *p = &f->offers[0].parents[f->offers[0].n_parents++];
        snprintf(p->name, sizeof p->name, "Ouder %d", i + 1);
        p->pedagogical = pedagogical[i];
        p->hbo_level = hbo[i];
        p->screened = screened[i];
    }
    f->bid.n_offers = n ? 1 : 0;
    tnd_verdict v = only_finding(f)->verdict;
    done(f);
    return v;
}

static void test_gezinshuis_one_pedagogical_parent_both_hbo_and_screened_passes(void **state)
{
    (void)state;
    /* L2875-2885 */
    const bool yes_no[] = { true, false }, yes[] = { true, true }, no[] = { false, false },
               one_not[] = { true, false };
    assert_int_equal(parents_verdict(2, yes_no, yes, yes), TND_PASS);
    assert_int_equal(parents_verdict(2, no, yes, yes), TND_FAIL);
    assert_int_equal(parents_verdict(2, yes_no, one_not, yes), TND_FAIL);
    assert_int_equal(parents_verdict(2, yes_no, yes, one_not), TND_FAIL);
    assert_int_equal(parents_verdict(1, yes, yes, yes), TND_PASS);
    assert_int_equal(parents_verdict(0, yes, yes, yes), TND_MISSING);
}

/* ------------------------------------------------------------------ ambulant alternative */

static fx *ambulant_fixture(void)
{
    fx *f = fixture(TND_PRULE_AMBULANT, 1);
    f->rule.n_products = 0;
    f->rule.via_lots[0] = 4;
    f->rule.n_via_lots = 1;
    return f;
}

static void test_verblijf_with_own_ambulant_bid_or_subcontractor_passes(void **state)
{
    (void)state;
    /* L619-632: "zelf of onderaannemerschap" */
    fx *f = ambulant_fixture();
    f->bid_lots[1].number = 4;
    strcpy(f->bid_lots[1].products[0], "A");
    f->bid_lots[1].n_products = 1;
    f->bid.n_lots = 2;
    const tnd_finding *x = only_finding(f);
    assert_int_equal(x->verdict, TND_PASS);
    assert_string_equal(x->found, "eigen: inschrijving op perceel 4");
    assert_string_equal(x->product, "");
    done(f);

    f = ambulant_fixture();
    f->ambulant[0] = (tnd_ambulant_alternative){ .lot = 1, .subcontracted = true };
    strcpy(f->ambulant[0].subcontractor, "Stichting Ambulant");
    f->bid.n_ambulant = 1;
    assert_int_equal(only_finding(f)->verdict, TND_PASS);
    done(f);
}

static void test_verblijf_without_ambulant_alternative_fails_the_lot(void **state)
{
    (void)state;
    fx *f = ambulant_fixture();
    const tnd_finding *x = only_finding(f);
    assert_int_equal(x->verdict, TND_FAIL);
    assert_int_equal(f->result.placements[0].status, TND_LOT_NOT_ELIGIBLE);
    done(f);
    /* own, but no bid on the ambulant lot: not visible in the bid */
    f = ambulant_fixture();
    f->ambulant[0] = (tnd_ambulant_alternative){ .lot = 1, .subcontracted = false };
    f->bid.n_ambulant = 1;
    assert_int_equal(only_finding(f)->verdict, TND_REVIEW);
    done(f);
    /* L619-632: an alternative declared for another verblijf lot does not count for this one */
    f = ambulant_fixture();
    f->ambulant[0] = (tnd_ambulant_alternative){ .lot = 2, .subcontracted = true };
    strcpy(f->ambulant[0].subcontractor, "Stichting Ambulant");
    f->bid.n_ambulant = 1;
    assert_int_equal(only_finding(f)->verdict, TND_FAIL);
    done(f);
    /* a bid not on the verblijf lot gets no finding */
    f = ambulant_fixture();
    f->bid_lots[0].number = 2;
    assert_int_equal(count_findings(f), 0);
    done(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cap_52_hours_per_6_months_exactly_passes),
        cmocka_unit_test(test_cap_3120_minutes_equals_52_hours_and_3121_fails),
        cmocka_unit_test(test_cap_above_without_exception_fails_naming_it),
        cmocka_unit_test(test_cap_above_with_exception_without_own_max_is_review),
        cmocka_unit_test(test_cap_53a01_new_client_exception_180_passes_181_fails),
        cmocka_unit_test(test_cap_53a01_100_passes_101_fails_without_exception),
        cmocka_unit_test(test_cap_in_another_period_or_dimension_is_review_never_pass),
        cmocka_unit_test(test_cap_48_weeks_passes_49_fails_weeks_against_months_is_review),
        cmocka_unit_test(test_cap_verblijf_one_extension_of_12_months_passes_around_it_fails),
        cmocka_unit_test(test_cap_not_stated_is_missing_for_that_product_only),
        cmocka_unit_test(test_cap_of_a_product_not_bid_gives_no_finding),
        cmocka_unit_test(test_staffing_category_3_at_1_per_3_passes_above_fails),
        cmocka_unit_test(test_staffing_category_1_at_1_per_4_passes_above_fails),
        cmocka_unit_test(test_staffing_zorg_onderwijs_1_per_8_and_1_per_6),
        cmocka_unit_test(test_staffing_shows_the_ratio_and_the_category_norm),
        cmocka_unit_test(test_staffing_unknown_category_fails_and_no_group_is_missing),
        cmocka_unit_test(test_quality_pleegzorg_only_hkz_counts),
        cmocka_unit_test(test_quality_without_any_certificate_fails_naming_none),
        cmocka_unit_test(test_quality_certificate_valid_until_the_day_of_submission_passes),
        cmocka_unit_test(test_quality_for_zorgboerderij_applies_to_that_provider_type_only),
        cmocka_unit_test(test_gezinshuis_one_pedagogical_parent_both_hbo_and_screened_passes),
        cmocka_unit_test(test_verblijf_with_own_ambulant_bid_or_subcontractor_passes),
        cmocka_unit_test(test_verblijf_without_ambulant_alternative_fails_the_lot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
