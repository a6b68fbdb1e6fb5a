/*
 * test_bid.c - reading a bid (tender/bid.c, format docs/bid-format.md, schema tender/schema/bid.xsd).
 *
 * The reference example fixtures/bids/example-complete-bid.xml is read from the source tree and
 * checked field by field; every other input is a string loaded with tnd_bid_load_memory, written
 * so that line numbers can be counted: HEAD is lines 1-2, the body starts at line 3.
 * Money is asserted in cents, decimals in tnd_dec units (TND_DEC_SCALE = 1e6: 0,95 = 950000).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scoring/model.h"
#include "tender/bid.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

#define EXAMPLE TND_SOURCE_DIR "/fixtures/bids/example-complete-bid.xml"
#define HEAD                                                                                   \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                             \
    "<bid xmlns=\"urn:tender:bid:1\" tender=\"ijsselland-2023\">\n"
#define TAIL "</bid>\n"
#define NAME "test.xml"

/* Loads HEAD body TAIL from memory under the name "test.xml". */
static tnd_status load_body(const char *body, tnd_bid **bid, tnd_error *err)
{
    size_t len = strlen(HEAD) + strlen(body) + strlen(TAIL);
    char *doc = malloc(len + 1);
    assert_non_null(doc);
    snprintf(doc, len + 1, "%s%s%s", HEAD, body, TAIL);
    tnd_status rc = tnd_bid_load_memory(doc, len, NAME, bid, err);
    free(doc);
    return rc;
}

/* Loading must fail with `code` at `line`: no bid is returned. */
static void assert_refused(const char *body, tnd_status code, long line, tnd_error *err)
{
    tnd_bid *bid = (tnd_bid *)1;
    tnd_status rc = load_body(body, &bid, err);
    if (rc != code || err->line != line) {
        char text[1200];
        tnd_error_format(err, text, sizeof text);
        print_error("expected %s at line %ld, got %s: %s\n", tnd_status_name(code), line,
                    tnd_status_name(rc), text);
    }
    assert_int_equal(rc, code);
    assert_int_equal(err->code, code);
    assert_int_equal(err->line, line);
    assert_string_equal(err->file, NAME);
    assert_null(bid);
}

static void assert_date(tnd_date d, int year, int month, int day)
{
    assert_int_equal(d.year, year);
    assert_int_equal(d.month, month);
    assert_int_equal(d.day, day);
}

static tnd_bid *load_ok(const char *body)
{
    tnd_bid *bid = NULL;
    tnd_error err;
    tnd_status rc = load_body(body, &bid, &err);
    if (rc != TND_OK) {
        char text[1200];
        tnd_error_format(&err, text, sizeof text);
        print_error("%s\n", text);
    }
    assert_int_equal(rc, TND_OK);
    assert_non_null(bid);
    return bid;
}

/* ------------------------------------------------------------------------------------------ */
/* A minimal hand-built definition (the shape of ijsselland-2023, only what the checks need)   */

typedef struct {
    tnd_definition def;
    tnd_lot lots[3];
    tnd_product lot3[7], lot6[4], lot8[3];
    tnd_municipality municipalities[2];
    tnd_ground grounds[23];
} mini_definition;

static void mini_definition_init(mini_definition *m)
{
    static const char *const grounds[23] = {
        "criminal-organisation", "corruption", "fraud", "terrorism", "money-laundering",
        "child-labour", "tax-payment", "social-security-payment", "environmental-law",
        "social-law", "labour-law", "bankruptcy", "insolvency", "arrangement-with-creditors",
        "analogous-situation", "liquidator", "business-suspended", "professional-misconduct",
        "distorting-competition", "conflict-of-interest", "prior-involvement",
        "early-termination", "misrepresentation",
    };
    static const char *const lot6[4] = { "licht", "middel", "middelzwaar", "zwaar" };
    static const char *const lot8[3] = { "H", "J", "GGZ-C" };
    static const struct {
        const char *id;
        bool negative;
    } items[7] = {
        { "resultaat", true },         { "omzet", false },
        { "eigen-vermogen", true },    { "activa", false },
        { "vlottende-activa", false }, { "liquide-middelen", false },
        { "kortlopende-schulden", false },
    };
    memset(m, 0, sizeof *m);
    tnd_definition *d = &m->def;
    strcpy(d->id, "ijsselland-2023");
    strcpy(d->title, "Jeugdhulp IJsselland 2023");
    for (int i = 0; i < 7; i++)
        snprintf(m->lot3[i].code, sizeof m->lot3[i].code, "TG%d", i + 1);
    for (int i = 0; i < 4; i++)
        strcpy(m->lot6[i].code, lot6[i]);
    for (int i = 0; i < 3; i++)
        strcpy(m->lot8[i].code, lot8[i]);
    m->lots[0] = (tnd_lot){ .number = 3, .products = m->lot3, .n_products = 7 };
    m->lots[1] = (tnd_lot){ .number = 6, .products = m->lot6, .n_products = 4 };
    m->lots[2] = (tnd_lot){ .number = 8, .products = m->lot8, .n_products = 3 };
    strcpy(m->lots[0].name, "Ambulant individueel - GGZ 1");
    strcpy(m->lots[1].name, "Ambulant Groepsaanbod");
    strcpy(m->lots[2].name, "Wonen verblijf");
    d->lots = m->lots;
    d->n_lots = 3;
    strcpy(m->municipalities[0].id, "zwolle");
    strcpy(m->municipalities[1].id, "deventer");
    d->municipalities = m->municipalities;
    d->n_municipalities = 2;
    for (int i = 0; i < 23; i++)
        strcpy(m->grounds[i].code, grounds[i]);
    d->exclusion.grounds = m->grounds;
    d->exclusion.n_grounds = 23;
    for (int i = 0; i < 7; i++) {
        strcpy(d->financial.items[i].id, items[i].id);
        d->financial.items[i].may_be_negative = items[i].negative;
    }
    d->financial.n_items = 7;
    strcpy(d->financial.ref.source, "§5.3.1");
    d->residential.lot = 8;
    strcpy(d->residential.occupancy[0].kind, "regular");
    strcpy(d->residential.occupancy[1].kind, "kdv");
    strcpy(d->residential.occupancy[2].kind, "crisis");
    d->residential.n_occupancy = 3;
    d->group.lot = 6;
}

static void assert_validate_refused(const char *body, tnd_status code, long line,
                                    const char *hint)
{
    mini_definition m;
    mini_definition_init(&m);
    tnd_bid *bid = load_ok(body);
    tnd_error err;
    assert_int_equal(tnd_bid_validate_against(bid, &m.def, &err), code);
    assert_int_equal(err.line, line);
    assert_string_equal(err.file, NAME);
    if (hint)
        assert_string_equal(err.hint, hint);
    tnd_bid_free(bid);
}

/* ------------------------------------------------------------------------------------------ */
/* The reference example                                                                       */

static void test_example_bid_loads_with_exact_identity_uea_and_documents(void **state)
{
    tnd_bid *bid = NULL;
    tnd_error err;
    assert_int_equal(tnd_bid_load_file(EXAMPLE, &bid, &err), TND_OK);
    assert_string_equal(bid->file, EXAMPLE);
    assert_string_equal(bid->tender_id, "ijsselland-2023");
    /* §3.6: submitted before the closing time 18-07-2022 11:00 */
    assert_true(bid->has_submission);
    assert_date(bid->submitted.date, 2022, 7, 18);
    assert_int_equal(bid->submitted.hour, 10);
    assert_int_equal(bid->submitted.minute, 12);
    assert_int_equal(bid->submitted.second, 0);

    const tnd_party *p = &bid->bidder;
    assert_string_equal(p->name, "Stichting Jeugdzorg De Vecht");
    assert_string_equal(p->kvk, "41237788"); /* written "4123 7788" */
    assert_string_equal(p->legal_form, "stichting");
    assert_int_equal(p->line, 11);
    assert_int_equal(bid->n_agb, 1); /* §5.5.1.3: exactly one AGB code */
    assert_string_equal(bid->agb[0], "73731234");
    assert_string_equal(bid->provider_type, "regulier");

    /* §5.2: UEA III A, III B and III C, all "nee" */
    assert_true(p->has_uea);
    assert_int_equal(p->n_answers, 23);
    assert_string_equal(p->answers[0].code, "criminal-organisation");
    assert_false(p->answers[0].yes);
    assert_int_equal(p->answers[0].line, 18);
    assert_string_equal(p->answers[22].code, "misrepresentation");
    for (size_t i = 0; i < p->n_answers; i++)
        assert_false(p->answers[i].yes);
    assert_false(p->part_iic_yes);
    assert_true(p->has_part_iv);
    assert_true(p->part_iv_yes);

    /* §5.3.2: >= € 2.000.000 per event */
    assert_true(p->has_insurance);
    assert_int_equal(p->insurance_cover, 250000000);
    assert_false(p->concern_policy);
    assert_true(p->named_insured);
    assert_int_equal(p->insurance_line, 44);

    /* §5.2: three notations of a date */
    assert_true(p->has_kvk_extract);
    assert_date(p->kvk_extract, 2022, 7, 4);
    assert_true(p->has_gedragsverklaring);
    assert_date(p->gedragsverklaring, 2022, 3, 15); /* "15 maart 2022" */
    assert_true(p->has_belastingverklaring);
    assert_date(p->belastingverklaring, 2022, 6, 1); /* "2022-06-01" */

    assert_false(bid->is_combination);
    assert_int_equal(bid->n_members, 0);
    assert_int_equal(bid->n_third_parties, 0);
    assert_false(bid->has_holding);
    tnd_bid_free(bid);
}

static void test_example_bid_loads_lots_financials_and_quality(void **state)
{
    tnd_bid *bid = NULL;
    tnd_error err;
    assert_int_equal(tnd_bid_load_file(EXAMPLE, &bid, &err), TND_OK);

    assert_int_equal(bid->n_lots, 2);
    assert_int_equal(bid->lots[0].number, 3);
    assert_int_equal(bid->lots[0].n_products, 7);
    assert_string_equal(bid->lots[0].products[0], "TG1");
    assert_string_equal(bid->lots[0].products[6], "TG7");
    assert_int_equal(bid->lots[0].line, 57);
    assert_int_equal(bid->lots[1].number, 8);
    assert_int_equal(bid->lots[1].n_products, 2);
    assert_string_equal(bid->lots[1].products[0], "H");
    assert_string_equal(bid->lots[1].products[1], "J");
    assert_int_equal(bid->lots[1].capacity, 0);
    assert_false(bid->cascade_opt_out);

    /* Bijlage XVI: 3 realised years x 7 lines + 2 forecast years x 2 lines ("n.v.t." = absent) */
    assert_true(bid->has_financials);
    assert_int_equal(bid->n_figures, 25);
    const tnd_figure *f = tnd_bid_figure(bid, "resultaat", 2021);
    assert_non_null(f);
    assert_int_equal(f->amount, 13142050); /* € 131.420,50 */
    assert_int_equal(f->line, 96);
    assert_int_equal(tnd_bid_figure(bid, "eigen-vermogen", 2021)->amount, 154017050);
    assert_int_equal(tnd_bid_figure(bid, "kortlopende-schulden", 2019)->amount, 115000000);
    assert_int_equal(tnd_bid_figure(bid, "omzet", 2023)->amount, 560000000);
    assert_null(tnd_bid_figure(bid, "activa", 2022));
    assert_null(tnd_bid_figure(bid, "activa", 2023));
    assert_false(bid->startup);
    assert_true(bid->has_going_concern);
    assert_false(bid->going_concern_negative);
    assert_int_equal(bid->financial_plan, TND_PLAN_NONE);

    /* §5.5.1.1 */
    assert_int_equal(bid->n_certificates, 2);
    assert_string_equal(bid->certificates[0].scheme, "HKZ");
    assert_string_equal(bid->certificates[1].scheme, "ISO-9001:2015");
    assert_false(bid->certificates[1].equivalent);
    assert_true(bid->certificates[1].has_valid_until);
    assert_date(bid->certificates[1].valid_until, 2025, 3, 31);
    assert_string_equal(bid->certificates[1].evidence, "certificaat");
    assert_int_equal(bid->certificates[1].line, 129);
    assert_int_equal(bid->n_keurmerken, 0);
    tnd_bid_free(bid);
}

static void test_example_bid_loads_references_facts_locations_and_groups(void **state)
{
    tnd_bid *bid = NULL;
    tnd_error err;
    assert_int_equal(tnd_bid_load_file(EXAMPLE, &bid, &err), TND_OK);

    /* §5.4: in upload order */
    assert_true(bid->has_references);
    assert_int_equal(bid->n_references, 2);
    const tnd_reference *r0 = &bid->references[0], *r1 = &bid->references[1];
    assert_string_equal(r0->referent, "Gemeente Apeldoorn");
    assert_string_equal(r0->referent_kind, "gemeente");
    assert_date(r0->start, 2020, 1, 1);
    assert_true(r0->has_end);
    assert_date(r0->end, 2021, 12, 31);
    assert_false(r0->ongoing);
    assert_int_equal(r0->n_competences, 3);
    assert_string_equal(r0->competences[2], "KC3");
    assert_false(r0->dissolved_early);
    assert_true(r0->has_clients_served);
    assert_int_equal(r0->clients_served, 46);
    assert_false(r0->forecast_results);
    assert_string_equal(r0->subcontractor, "");
    assert_string_equal(r0->third_party, "");
    assert_int_equal(r0->line, 140);
    assert_false(r1->has_end);
    assert_true(r1->ongoing);
    assert_int_equal(r1->clients_served, 28);

    /* §5.6: facts, plus locaties-in-regio derived from <locations> */
    assert_int_equal(bid->n_facts, 12);
    const tnd_fact *cao = tnd_bid_fact(bid, "cao", 0);
    assert_int_equal(cao->type, TND_FACT_TEXT);
    assert_int_equal(cao->n_values, 1);
    assert_string_equal(cao->values[0], "ggz");
    const tnd_fact *revenue = tnd_bid_fact(bid, "jeugdwet-omzet", 2021);
    assert_int_equal(revenue->type, TND_FACT_MONEY);
    assert_int_equal(revenue->money, 396000000);
    assert_null(tnd_bid_fact(bid, "jeugdwet-omzet", 0));
    const tnd_fact *fte = tnd_bid_fact(bid, "fte-behandelaren-loondienst", 0);
    assert_int_equal(fte->type, TND_FACT_NUMBER);
    assert_int_equal(fte->number.units, 12600000); /* "12,6" */
    const tnd_fact *tg67 = tnd_bid_fact(bid, "tg6-tg7-medewerkers", 0);
    assert_int_equal(tg67->type, TND_FACT_FLAG);
    assert_true(tg67->flag);
    assert_false(tnd_bid_fact(bid, "wvggz", 0)->flag);
    assert_int_equal(tnd_bid_fact(bid, "ggz-verblijf-jeugdigen-regio", 0)->number.units, 0);
    const tnd_fact *inside = tnd_bid_fact(bid, "locaties-in-regio", 0);
    assert_int_equal(inside->type, TND_FACT_NUMBER);
    assert_int_equal(inside->number.units, 2 * TND_DEC_SCALE);

    assert_int_equal(bid->n_locations, 3);
    assert_string_equal(bid->locations[0].municipality, "zwolle");
    assert_int_equal(bid->locations[0].places, 14);
    assert_true(bid->locations[0].residential);
    assert_string_equal(bid->locations[2].name, "Polikliniek Apeldoorn");
    assert_string_equal(bid->locations[2].municipality, "");
    assert_int_equal(bid->locations[2].distance_km.units, 12500000);
    assert_false(bid->locations[2].residential);

    assert_int_equal(bid->n_fte, 6);
    assert_string_equal(bid->fte[0].tariff_group, "TG2");
    assert_int_equal(bid->fte[0].fte.units, 3000000);
    assert_int_equal(bid->fte[0].line, 206);

    /* §9: the document's own example group, 8 youths, 95 %, 220 hours => J */
    assert_int_equal(bid->n_residential_groups, 2);
    const tnd_residential_group *g = &bid->residential_groups[0];
    assert_string_equal(g->name, "Groep De Vecht");
    assert_string_equal(g->kind, "regular");
    assert_string_equal(g->provider_type, "verblijfsvorm");
    assert_int_equal(g->youths, 8);
    assert_int_equal(g->occupancy.units, 950000);
    assert_int_equal(g->staff_hours_week.units, 220 * TND_DEC_SCALE);
    assert_string_equal(g->claimed, "J");
    assert_int_equal(g->line, 218);
    assert_int_equal(bid->residential_groups[1].occupancy.units, 950000); /* "0,95" */
    assert_int_equal(bid->n_day_groups, 0);

    assert_true(bid->has_truthfulness);
    assert_true(bid->truthfulness_signed);
    assert_true(bid->has_signatory);
    assert_true(bid->signatory_authorised);
    assert_false(bid->has_mandate);
    assert_false(bid->reservations);
    assert_true(bid->language_dutch);
    tnd_bid_free(bid);
}

static void test_example_bid_validates_against_the_definition(void **state)
{
    mini_definition m;
    mini_definition_init(&m);
    tnd_bid *bid = NULL;
    tnd_error err;
    assert_int_equal(tnd_bid_load_file(EXAMPLE, &bid, &err), TND_OK);
    assert_int_equal(tnd_bid_validate_against(bid, &m.def, &err), TND_OK);
    assert_int_equal(err.code, TND_OK);
    tnd_bid_free(bid);
}

/* ------------------------------------------------------------------------------------------ */
/* Notation and absence                                                                        */

static void test_dutch_money_notations_give_exact_cents(void **state)
{
    tnd_bid *bid = load_ok("  <financials>\n"
                           "    <year value=\"2019\">\n"
                           "      <resultaat>-€ 12.500,00</resultaat>\n"
                           "      <omzet>€ 1.234.567,89</omzet>\n"
                           "      <eigen-vermogen>€ -1.000,5</eigen-vermogen>\n"
                           "      <activa>EUR 2.000.000,-</activa>\n"
                           "      <vlottende-activa>1234567.89</vlottende-activa>\n"
                           "      <liquide-middelen>1.234</liquide-middelen>\n"
                           "      <kortlopende-schulden>€\xC2\xA0" "750.000</kortlopende-schulden>\n"
                           "    </year>\n"
                           "  </financials>\n");
    assert_int_equal(tnd_bid_figure(bid, "resultaat", 2019)->amount, -1250000);
    assert_int_equal(tnd_bid_figure(bid, "omzet", 2019)->amount, 123456789);
    assert_int_equal(tnd_bid_figure(bid, "eigen-vermogen", 2019)->amount, -100050);
    assert_int_equal(tnd_bid_figure(bid, "activa", 2019)->amount, 200000000);
    assert_int_equal(tnd_bid_figure(bid, "vlottende-activa", 2019)->amount, 123456789);
    assert_int_equal(tnd_bid_figure(bid, "liquide-middelen", 2019)->amount, 123400);
    assert_int_equal(tnd_bid_figure(bid, "kortlopende-schulden", 2019)->amount, 75000000);
    assert_int_equal(tnd_bid_figure(bid, "omzet", 2019)->line, 6);
    tnd_bid_free(bid);
}

/* §5.3.1 digest: a missing figure is incompleteness (step 1), not a zero. */
static void test_nvt_and_empty_figures_are_absent_but_zero_is_a_figure(void **state)
{
    tnd_bid *bid = load_ok("  <financials>\n"
                           "    <year value=\"2022\">\n"
                           "      <resultaat>0</resultaat>\n"
                           "      <omzet>€ 0,00</omzet>\n"
                           "      <eigen-vermogen>n.v.t.</eigen-vermogen>\n"
                           "      <activa>N.V.T</activa>\n"
                           "      <vlottende-activa>nvt</vlottende-activa>\n"
                           "      <liquide-middelen></liquide-middelen>\n"
                           "      <kortlopende-schulden>  </kortlopende-schulden>\n"
                           "    </year>\n"
                           "  </financials>\n");
    assert_int_equal(bid->n_figures, 2);
    assert_int_equal(tnd_bid_figure(bid, "resultaat", 2022)->amount, 0);
    assert_int_equal(tnd_bid_figure(bid, "omzet", 2022)->amount, 0);
    assert_null(tnd_bid_figure(bid, "eigen-vermogen", 2022));
    assert_null(tnd_bid_figure(bid, "activa", 2022));
    assert_null(tnd_bid_figure(bid, "liquide-middelen", 2022));
    tnd_bid_free(bid);
}

static void test_occupancy_as_percent_or_fraction_is_the_same_exact_value(void **state)
{
    tnd_bid *bid = load_ok("  <residential-groups>\n"
                           "    <group><kind>kdv</kind><youths>6</youths><occupancy>90 %</occupancy>"
                           "<staff-hours-week>1.234,5</staff-hours-week></group>\n"
                           "    <group><youths>8</youths><occupancy>0.9</occupancy>"
                           "<staff-hours-week>220</staff-hours-week></group>\n"
                           "    <group><kind>crisis</kind><youths>4</youths><occupancy>100%</occupancy>"
                           "<staff-hours-week>0</staff-hours-week></group>\n"
                           "  </residential-groups>\n");
    assert_int_equal(bid->n_residential_groups, 3);
    assert_int_equal(bid->residential_groups[0].occupancy.units, 900000);
    assert_int_equal(bid->residential_groups[0].staff_hours_week.units, 1234500000);
    assert_string_equal(bid->residential_groups[0].kind, "kdv");
    assert_int_equal(bid->residential_groups[1].occupancy.units, 900000);
    /* no <kind>: a regular group, to which the 95 % floor applies (§9 L4136-4137) */
    assert_string_equal(bid->residential_groups[1].kind, "regular");
    assert_string_equal(bid->residential_groups[1].claimed, "");
    assert_int_equal(bid->residential_groups[2].occupancy.units, TND_DEC_SCALE);
    assert_int_equal(bid->residential_groups[1].line, 5);
    tnd_bid_free(bid);
}

/* (issue 9) The file name is kept at its own length: a path of 600 bytes (a deep folder of a
 * procurement share) is kept whole, where the fixed 512 bytes of before cut it. */
static void test_a_600_byte_path_is_kept_whole(void **state)
{
    char name[601];
    memset(name, 'd', 600);
    for (size_t i = 50; i < 600; i += 50)
        name[i] = '/';
    memcpy(name + 590, "/b-bid.xml", 10);
    name[600] = '\0';
    static const char doc[] = HEAD TAIL;
    tnd_bid *bid = NULL;
    tnd_error err;
    assert_int_equal(tnd_bid_load_memory(doc, strlen(doc), name, &bid, &err), TND_OK);
    assert_int_equal(strlen(bid->file), 600);
    assert_string_equal(bid->file, name);
    tnd_bid_free(bid);
}

/* "  <lots>\n    <lot number=\"3\">\n" then n products P1..Pn, one a line, then the closing. */
static char *lot_with_products(int n)
{
    size_t size = 128 + (size_t)n * 32;
    char *body = malloc(size);
    assert_non_null(body);
    size_t len = (size_t)snprintf(body, size, "  <lots>\n    <lot number=\"3\">\n");
    for (int i = 1; i <= n; i++)
        len += (size_t)snprintf(body + len, size - len, "      <product>P%d</product>\n", i);
    snprintf(body + len, size - len, "    </lot>\n  </lots>\n");
    return body;
}

/* (issue 9) A lot's products are kept at their count: the limit of 24 (TND_MAX_BID_PRODUCTS)
 * holds, every code in its order; the 25th is refused on its own line. */
static void test_a_lot_keeps_24_products_and_refuses_the_25th(void **state)
{
    char *body = lot_with_products(TND_MAX_BID_PRODUCTS);
    tnd_bid *bid = load_ok(body);
    free(body);
    assert_int_equal(bid->n_lots, 1);
    assert_int_equal(bid->lots[0].n_products, 24);
    assert_string_equal(bid->lots[0].products[0], "P1");
    assert_string_equal(bid->lots[0].products[12], "P13");
    assert_string_equal(bid->lots[0].products[23], "P24");
    tnd_bid_free(bid);

    tnd_error err;
    body = lot_with_products(TND_MAX_BID_PRODUCTS + 1);
    /* line 1 the XML declaration, 2 <bid>, 3 <lots>, 4 <lot>, 5.. the products: P25 on 29 */
    assert_refused(body, TND_ERR_TOO_LARGE, 29, &err);
    free(body);
    assert_non_null(strstr(err.message, "meer dan 24 voorzieningen (<product>) in <lot>"));
}

/* step 1 (§6) judges completeness: the reader accepts a bid that holds nothing but its tender */
static void test_empty_bid_loads_with_everything_absent(void **state)
{
    tnd_bid *bid = load_ok("");
    assert_string_equal(bid->tender_id, "ijsselland-2023");
    assert_string_equal(bid->file, NAME);
    assert_false(bid->has_submission);
    assert_string_equal(bid->bidder.name, "");
    assert_string_equal(bid->bidder.kvk, "");
    assert_false(bid->bidder.has_uea);
    assert_false(bid->bidder.has_insurance);
    assert_false(bid->bidder.has_kvk_extract);
    assert_int_equal(bid->n_agb, 0);
    assert_int_equal(bid->n_lots, 0);
    assert_false(bid->has_financials);
    assert_false(bid->has_going_concern);
    assert_false(bid->has_references);
    assert_int_equal(bid->n_facts, 0);
    assert_null(tnd_bid_fact(bid, "locaties-in-regio", 0));
    assert_false(bid->has_truthfulness);
    assert_false(bid->has_signatory);
    assert_false(bid->reservations);
    assert_true(bid->language_dutch); /* no <language>: Dutch, the normal case (§4.1.10b) */
    tnd_bid_free(bid);
}

static void test_combination_members_third_parties_and_holding_are_read(void **state)
{
    tnd_bid *bid = load_ok(
        "  <bidder><name>Penvoerder BV</name><joint-liability-signed>ja</joint-liability-signed>"
        "</bidder>\n"
        "  <combination>\n"
        "    <member>\n"
        "      <name>Lid Een</name><kvk>87654321</kvk><legal-form>bv</legal-form>\n"
        "      <uea><ground code=\"fraud\" answer=\"ja\"/><part-iv>nee</part-iv></uea>\n"
        "      <insurance><cover-per-event>1.500.000</cover-per-event>"
        "<concern-policy>ja</concern-policy><named-insured>nee</named-insured></insurance>\n"
        "      <documents><kvk-extract>1 juni 2022</kvk-extract></documents>\n"
        "      <joint-liability-signed>ja</joint-liability-signed>\n"
        "    </member>\n"
        "  </combination>\n"
        "  <holding><name>Holding NV</name><declaration>ja</declaration></holding>\n"
        "  <third-parties>\n"
        "    <third-party><name>Derde</name><kvk>11.22.33.44</kvk><relied-for>references"
        "</relied-for><declaration-signed>nee</declaration-signed>"
        "<uea><part-iic>ja</part-iic></uea></third-party>\n"
        "  </third-parties>\n"
        "  <declarations><mandate><grantor-authorised>ja</grantor-authorised></mandate>"
        "<reservations>ja</reservations><language>en</language></declarations>\n");
    assert_true(bid->bidder.joint_liability_signed);
    assert_true(bid->is_combination);
    assert_int_equal(bid->n_members, 1);
    const tnd_party *m = &bid->members[0];
    assert_string_equal(m->name, "Lid Een");
    assert_string_equal(m->kvk, "87654321");
    assert_string_equal(m->legal_form, "bv");
    assert_int_equal(m->line, 5);
    assert_int_equal(m->n_answers, 1);
    assert_true(m->answers[0].yes);
    assert_int_equal(m->answers[0].line, 7);
    assert_true(m->has_part_iv);
    assert_false(m->part_iv_yes);
    assert_int_equal(m->insurance_cover, 150000000);
    assert_true(m->concern_policy);
    assert_false(m->named_insured);
    assert_date(m->kvk_extract, 2022, 6, 1);
    assert_true(m->joint_liability_signed);
    assert_true(bid->has_holding);
    assert_string_equal(bid->holding, "Holding NV");
    assert_true(bid->holding_declaration);
    assert_int_equal(bid->n_third_parties, 1);
    const tnd_party *t = &bid->third_parties[0];
    assert_string_equal(t->kvk, "11223344");
    assert_string_equal(t->relied_for, "references");
    assert_false(t->declaration_signed);
    assert_true(t->has_uea);
    assert_true(t->part_iic_yes);
    assert_true(bid->has_mandate);
    assert_true(bid->mandate_grantor_authorised);
    assert_true(bid->reservations);
    assert_false(bid->language_dutch);
    tnd_bid_free(bid);
}

static void test_day_groups_lot_capacity_and_keurmerk_are_read(void **state)
{
    tnd_bid *bid = load_ok(
        "  <lots><lot number=\"6\" capacity=\"1.200\"><product>middel</product></lot>"
        "<cascade-opt-out>ja</cascade-opt-out></lots>\n"
        "  <financials><startup>ja</startup><going-concern-negative>ja</going-concern-negative>"
        "<financial-plan>not-delivered</financial-plan></financials>\n"
        "  <quality><keurmerk><kind>keurmerk-gezinshuizen</kind><status>in-progress</status>"
        "</keurmerk></quality>\n"
        "  <references><reference><subcontractor deployed=\"ja\">Onder BV</subcontractor>"
        "<third-party>Derde BV</third-party></reference></references>\n"
        "  <day-groups>\n"
        "    <group><name>Groep Zon</name><youths>8</youths>"
        "<opening-hours-week>32,5</opening-hours-week><staff-hours-week>68,33</staff-hours-week>"
        "<claimed>middel</claimed></group>\n"
        "  </day-groups>\n");
    assert_int_equal(bid->lots[0].capacity, 1200);
    assert_true(bid->cascade_opt_out);
    assert_true(bid->has_financials);
    assert_int_equal(bid->n_figures, 0);
    assert_true(bid->startup);
    assert_true(bid->going_concern_negative);
    assert_int_equal(bid->financial_plan, TND_PLAN_NOT_DELIVERED);
    assert_int_equal(bid->keurmerken[0].status, TND_KEURMERK_IN_PROGRESS);
    assert_string_equal(bid->keurmerken[0].kind, "keurmerk-gezinshuizen");
    const tnd_reference *r = &bid->references[0];
    assert_int_equal(r->start.year, 0); /* absent: tnd_date_valid(start) is false */
    assert_false(r->has_clients_served);
    assert_string_equal(r->subcontractor, "Onder BV");
    assert_true(r->subcontractor_deployed);
    assert_string_equal(r->third_party, "Derde BV");
    /* §8.5.3 worked example: 8 youths, 32,5 opening hours */
    const tnd_day_group *g = &bid->day_groups[0];
    assert_int_equal(bid->n_day_groups, 1);
    assert_string_equal(g->name, "Groep Zon");
    assert_int_equal(g->youths, 8);
    assert_int_equal(g->opening_hours_week.units, 32500000);
    assert_int_equal(g->staff_hours_week.units, 68330000);
    assert_string_equal(g->claimed, "middel");
    assert_int_equal(g->line, 8);
    tnd_bid_free(bid);
}

/* model.h: locaties-in-regio counts locations with a municipality id (inside the area). */
static void test_locations_in_region_fact_counts_locations_with_a_municipality(void **state)
{
    tnd_bid *bid = load_ok("  <facts><wvggz>ja</wvggz><cao>jeugdzorg</cao><cao>ggz</cao></facts>\n"
                           "  <locations>\n"
                           "    <location><municipality>kampen</municipality></location>\n"
                           "    <location><municipality/><distance-km>40</distance-km></location>\n"
                           "  </locations>\n");
    assert_int_equal(bid->n_facts, 3);
    const tnd_fact *cao = tnd_bid_fact(bid, "cao", 0);
    assert_int_equal(cao->n_values, 2);
    assert_string_equal(cao->values[1], "ggz");
    const tnd_fact *f = tnd_bid_fact(bid, "locaties-in-regio", 0);
    assert_int_equal(f->number.units, 1 * TND_DEC_SCALE);
    assert_int_equal(f->line, 4);
    assert_int_equal(bid->locations[0].distance_km.units, 0);
    tnd_bid_free(bid);
}

/* ------------------------------------------------------------------------------------------ */
/* Refusals while loading                                                                      */

static void test_kvk_with_a_letter_is_a_value_error_with_line_and_example(void **state)
{
    tnd_error err;
    assert_refused("  <bidder>\n"
                   "    <name>X</name>\n"
                   "    <kvk>1234567A</kvk>\n"
                   "  </bidder>\n",
                   TND_ERR_VALUE, 5, &err);
    assert_non_null(strstr(err.message, "<kvk>: '1234567A' is geen geldig KvK-nummer"));
    assert_string_equal(err.hint, "schrijf bijvoorbeeld <kvk>12345678</kvk>");
}

/* §5.5.1.3: an AGB code has 8 digits */
static void test_seven_digit_agb_is_a_value_error_with_line(void **state)
{
    tnd_error err;
    assert_refused("  <bidder>\n"
                   "    <agb>12345678</agb>\n"
                   "    <agb>1234567</agb>\n"
                   "  </bidder>\n",
                   TND_ERR_VALUE, 5, &err);
    assert_non_null(strstr(err.message, "<agb>: '1234567' is geen geldige AGB-code"));
    assert_non_null(strstr(err.message, "7 cijfers in plaats van 8"));
    assert_string_equal(err.hint, "schrijf bijvoorbeeld <agb>12345678</agb>");
}

static void test_negative_activa_is_a_range_error_but_negative_resultaat_is_not(void **state)
{
    tnd_error err;
    assert_refused("  <financials>\n"
                   "    <year value=\"2021\">\n"
                   "      <resultaat>-€ 12.500,00</resultaat>\n"
                   "      <activa>-€ 1.000,00</activa>\n"
                   "    </year>\n"
                   "  </financials>\n",
                   TND_ERR_RANGE, 6, &err);
    assert_non_null(strstr(err.message, "<activa>: '-€ 1.000,00' is negatief"));
    assert_string_equal(err.hint, "schrijf bijvoorbeeld <activa>€ 1.250.000,00</activa>");
}

static void test_impossible_date_31_02_2021_is_a_range_error(void **state)
{
    tnd_error err;
    assert_refused("  <bidder>\n"
                   "    <documents>\n"
                   "      <kvk-extract>31-02-2021</kvk-extract>\n"
                   "    </documents>\n"
                   "  </bidder>\n",
                   TND_ERR_RANGE, 5, &err);
    assert_non_null(strstr(err.message, "31-02-2021 bestaat niet"));
    assert_string_equal(err.hint, "schrijf bijvoorbeeld <kvk-extract>18-07-2022</kvk-extract>");
}

static void test_date_in_a_wrong_notation_is_a_value_error(void **state)
{
    tnd_error err;
    assert_refused("  <submitted>gisteren</submitted>\n", TND_ERR_VALUE, 3, &err);
    assert_string_equal(err.hint, "schrijf bijvoorbeeld <submitted>18-07-2022 10:30</submitted>");
}

static void test_dates_before_1990_or_after_2100_are_range_errors(void **state)
{
    tnd_error err;
    assert_refused("  <references>\n"
                   "    <reference><start>31-12-1989</start></reference>\n"
                   "  </references>\n",
                   TND_ERR_RANGE, 4, &err);
    assert_refused("  <submitted>01-01-2101 10:00</submitted>\n", TND_ERR_RANGE, 3, &err);
    assert_refused("  <financials>\n    <year value=\"1989\"/>\n  </financials>\n",
                   TND_ERR_RANGE, 4, &err);
    assert_string_equal(err.hint, "schrijf bijvoorbeeld value=\"2021\"");
}

static void test_reference_ending_before_it_starts_is_a_range_error(void **state)
{
    tnd_error err;
    assert_refused("  <references>\n"
                   "    <reference>\n"
                   "      <start>01-06-2021</start>\n"
                   "      <end>01-05-2021</end>\n"
                   "    </reference>\n"
                   "  </references>\n",
                   TND_ERR_RANGE, 6, &err);
}

static void test_occupancy_of_120_percent_is_a_range_error(void **state)
{
    tnd_error err;
    assert_refused("  <residential-groups>\n"
                   "    <group>\n"
                   "      <youths>8</youths>\n"
                   "      <occupancy>120%</occupancy>\n"
                   "      <staff-hours-week>220</staff-hours-week>\n"
                   "    </group>\n"
                   "  </residential-groups>\n",
                   TND_ERR_RANGE, 6, &err);
    assert_non_null(strstr(err.message, "<occupancy>: '120%' ligt buiten het toegestane bereik"));
    assert_string_equal(err.hint, "schrijf bijvoorbeeld <occupancy>95%</occupancy>");
    assert_refused("  <residential-groups>\n"
                   "    <group><youths>8</youths><occupancy>0%</occupancy>"
                   "<staff-hours-week>1</staff-hours-week></group>\n"
                   "  </residential-groups>\n",
                   TND_ERR_RANGE, 4, &err);
}

static void test_absurd_group_and_staff_numbers_are_range_errors(void **state)
{
    tnd_error err;
    assert_refused("  <residential-groups>\n"
                   "    <group><youths>0</youths><occupancy>95%</occupancy>"
                   "<staff-hours-week>1</staff-hours-week></group>\n"
                   "  </residential-groups>\n",
                   TND_ERR_RANGE, 4, &err);
    assert_refused("  <day-groups>\n"
                   "    <group><youths>1001</youths><opening-hours-week>10</opening-hours-week>"
                   "<staff-hours-week>1</staff-hours-week></group>\n"
                   "  </day-groups>\n",
                   TND_ERR_RANGE, 4, &err);
    assert_refused("  <residential-groups>\n"
                   "    <group><youths>8</youths><occupancy>95%</occupancy>"
                   "<staff-hours-week>10.000,5</staff-hours-week></group>\n"
                   "  </residential-groups>\n",
                   TND_ERR_RANGE, 4, &err);
    assert_refused("  <day-groups>\n"
                   "    <group><youths>8</youths><opening-hours-week>0</opening-hours-week>"
                   "<staff-hours-week>1</staff-hours-week></group>\n"
                   "  </day-groups>\n",
                   TND_ERR_RANGE, 4, &err);
    assert_refused("  <fte>\n    <tariefgroep code=\"TG1\">-1</tariefgroep>\n  </fte>\n",
                   TND_ERR_RANGE, 4, &err);
    assert_refused("  <fte>\n    <tariefgroep code=\"TG1\">100.000,01</tariefgroep>\n  </fte>\n",
                   TND_ERR_RANGE, 4, &err);
    assert_refused("  <locations>\n    <location><municipality>zwolle</municipality>"
                   "<distance-km>-2</distance-km></location>\n  </locations>\n",
                   TND_ERR_RANGE, 4, &err);
}

/* §5.3.2: a cover is never negative */
static void test_negative_insurance_cover_is_a_range_error(void **state)
{
    tnd_error err;
    assert_refused("  <bidder>\n"
                   "    <insurance><cover-per-event>-€ 2.000.000</cover-per-event></insurance>\n"
                   "  </bidder>\n",
                   TND_ERR_RANGE, 4, &err);
}

static void test_location_outside_the_area_without_distance_is_refused(void **state)
{
    tnd_error err;
    assert_refused("  <locations>\n"
                   "    <location><name>Buiten</name><places>12</places></location>\n"
                   "  </locations>\n",
                   TND_ERR_VALUE, 4, &err);
}

static void test_same_lot_or_fact_twice_is_a_value_error(void **state)
{
    tnd_error err;
    assert_refused("  <lots>\n"
                   "    <lot number=\"3\"/>\n"
                   "    <lot number=\"3\"/>\n"
                   "  </lots>\n",
                   TND_ERR_VALUE, 5, &err);
    assert_refused("  <facts>\n"
                   "    <jeugdwet-omzet year=\"2021\">€ 300.000</jeugdwet-omzet>\n"
                   "    <jeugdwet-omzet year=\"2021\">€ 310.000</jeugdwet-omzet>\n"
                   "  </facts>\n",
                   TND_ERR_VALUE, 5, &err);
    assert_refused("  <bidder><uea>\n"
                   "    <ground code=\"fraud\" answer=\"nee\"/>\n"
                   "    <ground code=\"fraud\" answer=\"ja\"/>\n"
                   "  </uea></bidder>\n",
                   TND_ERR_VALUE, 5, &err);
}

/* §5.6 count facts (ggz-verblijf-jeugdigen-regio, ...): a count that read_count refuses is never
 * used. 99999999999999 youths overflowed int64 when turned into millionths (UBSan abort); a
 * text that is not a number left the count uninitialised. Both are a refusal with the line. */
static void test_count_fact_out_of_range_or_not_a_number_is_refused_with_its_line(void **state)
{
    tnd_error err;
    assert_refused("  <facts>\n"
                   "    <ggz-verblijf-jeugdigen-regio>99999999999999</ggz-verblijf-jeugdigen-regio>\n"
                   "  </facts>\n",
                   TND_ERR_RANGE, 4, &err);
    assert_non_null(strstr(err.message, "'99999999999999' ligt buiten het toegestane bereik"));
    assert_refused("  <facts>\n"
                   "    <ggz-verblijf-jeugdigen-regio>veel</ggz-verblijf-jeugdigen-regio>\n"
                   "  </facts>\n",
                   TND_ERR_VALUE, 4, &err);
}

static void test_ground_answer_that_is_not_ja_or_nee_names_the_attribute(void **state)
{
    tnd_error err;
    assert_refused("  <bidder><uea>\n"
                   "    <ground code=\"fraud\" answer=\"misschien\"/>\n"
                   "  </uea></bidder>\n",
                   TND_ERR_VALUE, 4, &err);
    assert_non_null(strstr(err.message, "attribuut answer van <ground>: 'misschien'"));
    assert_string_equal(err.hint, "schrijf bijvoorbeeld answer=\"ja\"");
}

static void test_unknown_element_is_a_schema_error_with_its_line(void **state)
{
    tnd_error err;
    assert_refused("  <bidder>\n"
                   "    <name>X</name>\n"
                   "    <colour>blauw</colour>\n"
                   "  </bidder>\n",
                   TND_ERR_SCHEMA, 5, &err);
    assert_non_null(strstr(err.message, "colour"));
}

static void test_missing_tender_attribute_and_bad_lot_number_are_schema_errors(void **state)
{
    const char doc[] = "<?xml version=\"1.0\"?>\n<bid xmlns=\"urn:tender:bid:1\">\n</bid>\n";
    tnd_bid *bid = NULL;
    tnd_error err;
    assert_int_equal(tnd_bid_load_memory(doc, strlen(doc), NAME, &bid, &err), TND_ERR_SCHEMA);
    assert_int_equal(err.line, 2);
    assert_null(bid);
    assert_refused("  <lots>\n    <lot number=\"drie\"/>\n  </lots>\n", TND_ERR_SCHEMA, 4, &err);
}

static void test_doctype_with_external_entity_is_unsafe_and_never_resolved(void **state)
{
    char secret[] = "/tmp/tnd_bid_secret_XXXXXX";
    int fd = mkstemp(secret);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "TND-BID-SECRET-91", 17), 17);
    close(fd);
    char doc[512];
    int len = snprintf(doc, sizeof doc,
                       "<?xml version=\"1.0\"?>\n"
                       "<!DOCTYPE bid [ <!ENTITY x SYSTEM \"file://%s\"> ]>\n"
                       "<bid xmlns=\"urn:tender:bid:1\" tender=\"ijsselland-2023\">\n"
                       "  <bidder><name>&x;</name></bidder>\n"
                       "</bid>\n",
                       secret);
    tnd_bid *bid = (tnd_bid *)1;
    tnd_error err;
    assert_int_equal(tnd_bid_load_memory(doc, (size_t)len, NAME, &bid, &err), TND_ERR_XML_UNSAFE);
    assert_int_equal(err.line, 2);
    assert_null(bid);
    assert_null(strstr(err.message, "TND-BID-SECRET"));
    assert_null(strstr(err.hint, "TND-BID-SECRET"));
    unlink(secret);
}

static void test_more_than_64_references_is_too_large_at_the_65th(void **state)
{
    size_t size = 64 * 1024;
    char *body = malloc(size);
    assert_non_null(body);
    size_t n = (size_t)snprintf(body, size, "  <references>\n");
    for (int i = 0; i < 65; i++)
        n += (size_t)snprintf(body + n, size - n, "    <reference/>\n");
    snprintf(body + n, size - n, "  </references>\n");
    tnd_error err;
    assert_refused(body, TND_ERR_TOO_LARGE, 4 + 64, &err);
    free(body);
}

static void test_more_than_64_parties_together_is_too_large(void **state)
{
    size_t size = 64 * 1024;
    char *body = malloc(size);
    assert_non_null(body);
    /* bidder + 40 members + 24 third parties = 65: the 24th third party is one too many */
    size_t n = (size_t)snprintf(body, size, "  <combination>\n");
    for (int i = 0; i < 40; i++)
        n += (size_t)snprintf(body + n, size - n, "    <member/>\n");
    n += (size_t)snprintf(body + n, size - n, "  </combination>\n  <third-parties>\n");
    for (int i = 0; i < 24; i++)
        n += (size_t)snprintf(body + n, size - n, "    <third-party/>\n");
    snprintf(body + n, size - n, "  </third-parties>\n");
    tnd_error err;
    assert_refused(body, TND_ERR_TOO_LARGE, 3 + 1 + 40 + 1 + 1 + 23, &err);
    free(body);
}

static void test_more_than_256_groups_is_too_large(void **state)
{
    size_t size = 128 * 1024;
    char *body = malloc(size);
    assert_non_null(body);
    size_t n = (size_t)snprintf(body, size, "  <residential-groups>\n");
    for (int i = 0; i < 257; i++)
        n += (size_t)snprintf(body + n, size - n,
                              "    <group><youths>1</youths><occupancy>1</occupancy>"
                              "<staff-hours-week>0</staff-hours-week></group>\n");
    snprintf(body + n, size - n, "  </residential-groups>\n");
    tnd_error err;
    assert_refused(body, TND_ERR_TOO_LARGE, 4 + 256, &err);
    free(body);
}

static void test_name_longer_than_the_model_holds_is_refused_not_cut(void **state)
{
    char body[1024];
    char name[200];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    snprintf(body, sizeof body, "  <bidder>\n    <name>%s</name>\n  </bidder>\n", name);
    tnd_error err;
    assert_refused(body, TND_ERR_TOO_LARGE, 4, &err);
}

static void test_missing_file_is_an_io_error(void **state)
{
    tnd_bid *bid = (tnd_bid *)1;
    tnd_error err;
    assert_int_equal(tnd_bid_load_file("/nonexistent/bid.xml", &bid, &err), TND_ERR_IO);
    assert_null(bid);
    tnd_bid_free(NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Against the definition                                                                      */

static void test_unknown_lot_is_a_reference_error_listing_the_lots(void **state)
{
    assert_validate_refused("  <lots>\n"
                            "    <lot number=\"3\"><product>TG1</product></lot>\n"
                            "    <lot number=\"12\"/>\n"
                            "  </lots>\n",
                            TND_ERR_REFERENCE, 5, "kies uit: 3, 6, 8");
}

static void test_unknown_product_in_a_lot_is_a_reference_error(void **state)
{
    assert_validate_refused("  <lots>\n"
                            "    <lot number=\"6\"><product>licht</product>"
                            "<product>extra-zwaar</product></lot>\n"
                            "  </lots>\n",
                            TND_ERR_REFERENCE, 4, "kies uit: licht, middel, middelzwaar, zwaar");
}

static void test_unknown_ground_code_is_a_reference_error_at_the_answer(void **state)
{
    assert_validate_refused("  <combination>\n"
                            "    <member><uea>\n"
                            "      <ground code=\"fraud\" answer=\"nee\"/>\n"
                            "      <ground code=\"bribery\" answer=\"nee\"/>\n"
                            "    </uea></member>\n"
                            "  </combination>\n",
                            TND_ERR_REFERENCE, 6, NULL);
}

/* The answers in another order than the definition's grounds: each known one is still known,
 * and the unknown one after them is still refused at its line. */
static void test_ground_codes_in_any_order_are_known_and_an_unknown_one_refused(void **state)
{
    static const char answers[] = "  <combination>\n"
                                  "    <member><uea>\n"
                                  "      <ground code=\"tax-payment\" answer=\"nee\"/>\n"
                                  "      <ground code=\"fraud\" answer=\"nee\"/>\n"
                                  "      <ground code=\"corruption\" answer=\"nee\"/>\n";
    char body[1024];
    snprintf(body, sizeof body, "%s%s", answers, "    </uea></member>\n  </combination>\n");
    mini_definition m;
    mini_definition_init(&m);
    tnd_bid *bid = load_ok(body);
    tnd_error err;
    assert_int_equal(tnd_bid_validate_against(bid, &m.def, &err), TND_OK);
    tnd_bid_free(bid);
    snprintf(body, sizeof body, "%s%s", answers,
             "      <ground code=\"bribery\" answer=\"nee\"/>\n"
             "    </uea></member>\n  </combination>\n");
    assert_validate_refused(body, TND_ERR_REFERENCE, 8, NULL);
}

static void test_unknown_municipality_and_claims_are_reference_errors(void **state)
{
    assert_validate_refused("  <locations>\n"
                            "    <location><municipality>utrecht</municipality></location>\n"
                            "  </locations>\n",
                            TND_ERR_REFERENCE, 4,
                            "kies uit: zwolle, deventer, of leeg (buiten het gebied)");
    assert_validate_refused("  <residential-groups>\n"
                            "    <group><youths>8</youths><occupancy>95%</occupancy>"
                            "<staff-hours-week>220</staff-hours-week><claimed>Z</claimed></group>\n"
                            "  </residential-groups>\n",
                            TND_ERR_REFERENCE, 4, "kies uit: H, J, GGZ-C");
    assert_validate_refused("  <residential-groups>\n"
                            "    <group><kind>weekend</kind><youths>8</youths>"
                            "<occupancy>95%</occupancy><staff-hours-week>220</staff-hours-week>"
                            "</group>\n"
                            "  </residential-groups>\n",
                            TND_ERR_REFERENCE, 4, "kies uit: regular, kdv, crisis");
    assert_validate_refused("  <day-groups>\n"
                            "    <group><youths>8</youths><opening-hours-week>32,5"
                            "</opening-hours-week><staff-hours-week>68</staff-hours-week>"
                            "<claimed>J</claimed></group>\n"
                            "  </day-groups>\n",
                            TND_ERR_REFERENCE, 4, "kies uit: licht, middel, middelzwaar, zwaar");
    assert_validate_refused("  <fte>\n    <tariefgroep code=\"TG9\">1</tariefgroep>\n  </fte>\n",
                            TND_ERR_REFERENCE, 4, NULL);
}

/* The definition has the last word on signs: here it says resultaat cannot be negative. */
static void test_negative_figure_the_definition_forbids_is_a_range_error(void **state)
{
    mini_definition m;
    mini_definition_init(&m);
    m.def.financial.items[0].may_be_negative = false;
    strcpy(m.def.financial.items[0].label, "Resultaat");
    tnd_bid *bid = load_ok("  <financials>\n"
                           "    <year value=\"2020\">\n"
                           "      <resultaat>-1</resultaat>\n"
                           "    </year>\n"
                           "  </financials>\n");
    tnd_error err;
    assert_int_equal(tnd_bid_validate_against(bid, &m.def, &err), TND_ERR_RANGE);
    assert_int_equal(err.line, 5);
    tnd_bid_free(bid);
}

static void test_bid_for_another_tender_is_a_reference_error(void **state)
{
    mini_definition m;
    mini_definition_init(&m);
    strcpy(m.def.id, "holland-rijnland-2024");
    tnd_bid *bid = load_ok("");
    tnd_error err;
    assert_int_equal(tnd_bid_validate_against(bid, &m.def, &err), TND_ERR_REFERENCE);
    assert_string_equal(err.file, NAME);
    assert_string_equal(err.hint, "kies de juiste aanbesteding met --tender, of zet "
                                  "<bid tender=\"holland-rijnland-2024\">");
    tnd_bid_free(bid);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example_bid_loads_with_exact_identity_uea_and_documents),
        cmocka_unit_test(test_a_600_byte_path_is_kept_whole),
        cmocka_unit_test(test_a_lot_keeps_24_products_and_refuses_the_25th),
        cmocka_unit_test(test_example_bid_loads_lots_financials_and_quality),
        cmocka_unit_test(test_example_bid_loads_references_facts_locations_and_groups),
        cmocka_unit_test(test_example_bid_validates_against_the_definition),
        cmocka_unit_test(test_dutch_money_notations_give_exact_cents),
        cmocka_unit_test(test_nvt_and_empty_figures_are_absent_but_zero_is_a_figure),
        cmocka_unit_test(test_occupancy_as_percent_or_fraction_is_the_same_exact_value),
        cmocka_unit_test(test_empty_bid_loads_with_everything_absent),
        cmocka_unit_test(test_combination_members_third_parties_and_holding_are_read),
        cmocka_unit_test(test_day_groups_lot_capacity_and_keurmerk_are_read),
        cmocka_unit_test(test_locations_in_region_fact_counts_locations_with_a_municipality),
        cmocka_unit_test(test_kvk_with_a_letter_is_a_value_error_with_line_and_example),
        cmocka_unit_test(test_seven_digit_agb_is_a_value_error_with_line),
        cmocka_unit_test(test_negative_activa_is_a_range_error_but_negative_resultaat_is_not),
        cmocka_unit_test(test_impossible_date_31_02_2021_is_a_range_error),
        cmocka_unit_test(test_date_in_a_wrong_notation_is_a_value_error),
        cmocka_unit_test(test_dates_before_1990_or_after_2100_are_range_errors),
        cmocka_unit_test(test_reference_ending_before_it_starts_is_a_range_error),
        cmocka_unit_test(test_occupancy_of_120_percent_is_a_range_error),
        cmocka_unit_test(test_absurd_group_and_staff_numbers_are_range_errors),
        cmocka_unit_test(test_negative_insurance_cover_is_a_range_error),
        cmocka_unit_test(test_location_outside_the_area_without_distance_is_refused),
        cmocka_unit_test(test_same_lot_or_fact_twice_is_a_value_error),
        cmocka_unit_test(test_count_fact_out_of_range_or_not_a_number_is_refused_with_its_line),
        cmocka_unit_test(test_ground_answer_that_is_not_ja_or_nee_names_the_attribute),
        cmocka_unit_test(test_unknown_element_is_a_schema_error_with_its_line),
        cmocka_unit_test(test_missing_tender_attribute_and_bad_lot_number_are_schema_errors),
        cmocka_unit_test(test_doctype_with_external_entity_is_unsafe_and_never_resolved),
        cmocka_unit_test(test_more_than_64_references_is_too_large_at_the_65th),
        cmocka_unit_test(test_more_than_64_parties_together_is_too_large),
        cmocka_unit_test(test_more_than_256_groups_is_too_large),
        cmocka_unit_test(test_name_longer_than_the_model_holds_is_refused_not_cut),
        cmocka_unit_test(test_missing_file_is_an_io_error),
        cmocka_unit_test(test_unknown_lot_is_a_reference_error_listing_the_lots),
        cmocka_unit_test(test_unknown_product_in_a_lot_is_a_reference_error),
        cmocka_unit_test(test_unknown_ground_code_is_a_reference_error_at_the_answer),
        cmocka_unit_test(test_ground_codes_in_any_order_are_known_and_an_unknown_one_refused),
        cmocka_unit_test(test_unknown_municipality_and_claims_are_reference_errors),
        cmocka_unit_test(test_negative_figure_the_definition_forbids_is_a_range_error),
        cmocka_unit_test(test_bid_for_another_tender_is_a_reference_error),
    };
    return cmocka_run_group_tests_name("bid", tests, NULL, NULL);
}
