/*
 * test_xbrl.c - importing Bijlage XVI figures from SBR annual-account instances (tender/xbrl.c,
 * docs/xbrl-import.md).
 *
 * The fixtures in fixtures/xbrl/ are XBRL 2.1 instances in the layout of KvK filings (NT16,
 * jenv-bw2-data concepts) for Stichting Jeugdzorg De Vecht (KvK 41237788, the bidder of
 * fixtures/bids/example-complete-bid.xml) and for a care institution (KvK 60415227). Short
 * instances for single behaviours are built inline.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoring/check.h"
#include "tender/bid.h"
#include "tender/definition.h"
#include "tender/xbrl.h"

#define FIX TND_SOURCE_DIR "/fixtures/"
#define X_EXAMPLE FIX "xbrl/de-vecht-jaarcijfers-2019-2021.xbrl"
#define X_CONFLICT FIX "xbrl/de-vecht-2021-afwijkend-van-inschrijving.xbrl"
#define X_REFUSED FIX "xbrl/de-vecht-2021-geweigerde-feiten.xbrl"
#define X_CARE FIX "xbrl/zorginstelling-salland-2021.xbrl"
#define X_HOSTILE FIX "xbrl/hostile-doctype-entity.xbrl"
#define BID_WITHOUT_FIGURES FIX "xbrl/example-bid-without-figures.xml"
#define BID_EXAMPLE FIX "bids/example-complete-bid.xml"

/* ------------------------------------------------------------------ inline instances */

#define NT "http://www.nltaxonomie.nl/nt16/jenv/20211208/dictionary/"
#define DOC_OPEN                                                                               \
    "<xbrli:xbrl xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" "                           \
    "xmlns:link=\"http://www.xbrl.org/2003/linkbase\" "                                        \
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "                                            \
    "xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\" "                                            \
    "xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\" "                                      \
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "                                 \
    "xmlns:jenv-bw2-i=\"" NT "jenv-bw2-data\" "                                                \
    "xmlns:jenv-bw2-dim=\"" NT "jenv-bw2-axes\" "                                              \
    "xmlns:jenv-bw2-dm=\"" NT "jenv-bw2-domains\">\n"                                          \
    "<link:schemaRef xlink:type=\"simple\" xlink:href=\"http://www.nltaxonomie.nl/nt16/kvk/"   \
    "20211208/entrypoints/kvk-rpt-jaarverantwoording-2021-nlgaap-klein.xsd\"/>\n"
#define DOC(body) DOC_OPEN body "</xbrli:xbrl>\n"
#define ENTITY(kvk)                                                                            \
    "<xbrli:entity><xbrli:identifier scheme=\"http://www.kvk.nl/kvk-id\">" kvk                \
    "</xbrli:identifier></xbrli:entity>"
#define INSTANT(id, kvk, date, scenario)                                                       \
    "<xbrli:context id=\"" id "\">" ENTITY(kvk) "<xbrli:period><xbrli:instant>" date           \
    "</xbrli:instant></xbrli:period>" scenario "</xbrli:context>\n"
#define DURATION(id, kvk, start, end, scenario)                                                \
    "<xbrli:context id=\"" id "\">" ENTITY(kvk) "<xbrli:period><xbrli:startDate>" start        \
    "</xbrli:startDate><xbrli:endDate>" end "</xbrli:endDate></xbrli:period>" scenario          \
    "</xbrli:context>\n"
#define SCENARIO(members) "<xbrli:scenario>" members "</xbrli:scenario>"
#define MEMBER(dim, mem)                                                                       \
    "<xbrldi:explicitMember dimension=\"jenv-bw2-dim:" dim "\">jenv-bw2-dm:" mem               \
    "</xbrldi:explicitMember>"
#define EUR "<xbrli:unit id=\"EUR\"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>\n"
#define FACT(concept, ctx, value)                                                              \
    "<jenv-bw2-i:" concept " contextRef=\"" ctx "\" unitRef=\"EUR\" decimals=\"INF\">" value  \
    "</jenv-bw2-i:" concept ">\n"
#define KVK_A "41237788"

static tnd_status load_text(const char *text, tnd_xbrl **out, tnd_error *err)
{
    return tnd_xbrl_load_memory(text, strlen(text), "inline.xbrl", out, err);
}

static tnd_xbrl *load_ok(const char *text)
{
    tnd_error err;
    tnd_xbrl *x = NULL;
    tnd_status rc = load_text(text, &x, &err);
    if (rc != TND_OK)
        fail_msg("load failed: line %ld: %s", err.line, err.message);
    return x;
}

static tnd_xbrl *load_fixture(const char *path)
{
    tnd_error err;
    tnd_xbrl *x = NULL;
    if (tnd_xbrl_load_file(path, &x, &err) != TND_OK)
        fail_msg("%s: line %ld: %s", path, err.line, err.message);
    return x;
}

static tnd_definition *definition(void)
{
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load_default(&def, &err), TND_OK);
    return def;
}

static tnd_bid *bid_of(const char *path)
{
    tnd_error err;
    tnd_bid *bid = NULL;
    if (tnd_bid_load_file(path, &bid, &err) != TND_OK)
        fail_msg("%s: line %ld: %s", path, err.line, err.message);
    return bid;
}

static tnd_cents figure(const tnd_bid *bid, const char *item, int year)
{
    const tnd_figure *f = tnd_bid_figure(bid, item, year);
    if (!f)
        fail_msg("no figure %s %d", item, year);
    return f->amount;
}

static const tnd_xbrl_fact *fact_of(const tnd_xbrl *x, const char *item, int year,
                                    tnd_xbrl_statements s)
{
    for (size_t i = 0; i < x->n_facts; i++)
        if (strcmp(x->facts[i].item, item) == 0 && x->facts[i].year == year &&
            x->facts[i].statements == s)
            return &x->facts[i];
    fail_msg("no fact %s %d", item, year);
    return NULL;
}

/* One merge of an instance into a bid under the IJsselland definition. */
typedef struct {
    tnd_definition *def;
    tnd_xbrl *x;
    tnd_bid *bid;
    size_t figures_before;
    tnd_xbrl_report rep;
    tnd_error err;
    char text[1024];
} merging;

/* Takes x; reads the bid; returns the status of the merge. */
static tnd_status merge_into(merging *m, tnd_xbrl *x, const char *bid_path)
{
    memset(m, 0, sizeof *m);
    m->def = definition();
    m->x = x;
    m->bid = bid_of(bid_path);
    m->figures_before = m->bid->n_figures;
    tnd_xbrl_report_init(&m->rep);
    return tnd_xbrl_merge(x, m->def, m->bid, &m->rep, &m->err);
}

static const char *entry_text(merging *m, size_t i)
{
    tnd_xbrl_entry_text(&m->rep.entries[i], m->bid->file, m->text, sizeof m->text);
    return m->text;
}

static void merged_free(merging *m)
{
    tnd_xbrl_report_free(&m->rep);
    tnd_bid_free(m->bid);
    tnd_xbrl_free(m->x);
    tnd_definition_free(m->def);
}

/* ------------------------------------------------------------------ mapping table */

/* §5.3.1 L1338-1393: the seven lines of Bijlage XVI, each from one jenv-bw2-data concept. */
static void test_mapping_table_is_the_seven_bijlage_xvi_lines(void **state)
{
    (void)state;
    static const struct {
        const char *concept, *item;
        tnd_xbrl_period_type period;
    } want[] = {
        { "NetResultAfterTax", "resultaat", TND_XBRL_DURATION },
        { "NetRevenue", "omzet", TND_XBRL_DURATION },
        { "Equity", "eigen-vermogen", TND_XBRL_INSTANT },
        { "Assets", "activa", TND_XBRL_INSTANT },
        { "AssetsCurrent", "vlottende-activa", TND_XBRL_INSTANT },
        { "CashAndCashEquivalents", "liquide-middelen", TND_XBRL_INSTANT },
        { "LiabilitiesCurrent", "kortlopende-schulden", TND_XBRL_INSTANT },
    };
    size_t n;
    const tnd_xbrl_mapping *m = tnd_xbrl_mappings(&n);
    assert_int_equal(n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(m[i].concept, want[i].concept);
        assert_string_equal(m[i].item, want[i].item);
        assert_int_equal(m[i].period, want[i].period);
    }
}

/* Every financial item of the IJsselland definition has exactly one concept, and vice versa. */
static void test_mapping_covers_exactly_the_items_of_the_definition(void **state)
{
    (void)state;
    tnd_definition *def = definition();
    size_t n;
    const tnd_xbrl_mapping *m = tnd_xbrl_mappings(&n);
    assert_int_equal((size_t)def->financial.n_items, n);
    for (int k = 0; k < def->financial.n_items; k++) {
        int rows = 0;
        for (size_t i = 0; i < n; i++)
            rows += strcmp(m[i].item, def->financial.items[k].id) == 0;
        assert_int_equal(rows, 1);
    }
    for (size_t i = 0; i < n; i++)
        assert_true(tnd_definition_fin_item(def, m[i].item) >= 0);
    tnd_definition_free(def);
}

static void test_lookup_by_local_name_in_any_nt_release_of_jenv_bw2(void **state)
{
    (void)state;
    const char *nt16 = "http://www.nltaxonomie.nl/nt16/jenv/20211208/dictionary/jenv-bw2-data";
    const char *nt19 = "http://www.nltaxonomie.nl/nt19/jenv/20241211/dictionary/jenv-bw2-data";
    assert_string_equal(tnd_xbrl_lookup(nt16, "NetRevenue")->item, "omzet");
    assert_string_equal(tnd_xbrl_lookup(nt19, "LiabilitiesCurrent")->item,
                        "kortlopende-schulden");
    assert_null(tnd_xbrl_lookup(nt16, "CurrentAssets"));   /* no such concept */
    assert_null(tnd_xbrl_lookup(nt16, "ShorttermDebts"));
    assert_null(tnd_xbrl_lookup(nt16, "netrevenue"));      /* local names are case-sensitive */
    assert_null(tnd_xbrl_lookup("http://www.nltaxonomie.nl/nt16/rj/20211208/dictionary/rj-data",
                                "NetRevenue"));
    assert_null(tnd_xbrl_lookup("https://www.nltaxonomie.nl/bw2-titel9/2024-12-31/bw2-titel9-cor",
                                "NetRevenue"));
    assert_null(tnd_xbrl_lookup(NULL, "NetRevenue"));
    assert_true(tnd_xbrl_is_jenv_namespace(nt19));
    assert_false(tnd_xbrl_is_jenv_namespace("http://example.com/jenv-bw2-data"));
    assert_true(tnd_xbrl_is_common_data_namespace(
        "http://www.nltaxonomie.nl/nt19/sbr/20240301/dictionary/nl-common-data"));
    assert_false(tnd_xbrl_is_common_data_namespace("http://example.com/dictionary/nl-common-data"));
    assert_false(tnd_xbrl_is_common_data_namespace(nt19));
    assert_false(tnd_xbrl_is_common_data_namespace(NULL));
}

/* Issue 10 §4: NT19 and later name the entity in nl-common-data (nl-cd:LegalEntityName,
 * nl-cd:ChamberOfCommerceRegistrationNumber); the published Arelle instance
 * (fixtures/xbrl/published/README.md, Apache-2.0) is read with its name. */
static void test_nt19_entity_name_and_kvk_are_read_from_nl_cd(void **state)
{
    (void)state;
    tnd_xbrl *x = load_fixture(FIX "xbrl/published/nl_nt19_br_kvk_4-12-invalid.xbrl");
    assert_string_equal(x->name, "Testing Entity Name");
    assert_string_equal(x->kvk, "12345678");
    tnd_xbrl_free(x);
}

/* ------------------------------------------------------------------ values */

static void test_parse_euros_exact_to_the_cent_without_floating_point(void **state)
{
    (void)state;
    tnd_cents c;
    assert_true(tnd_xbrl_parse_euros("1234567.89", &c, NULL, 0));
    assert_int_equal(c, 123456789);
    assert_true(tnd_xbrl_parse_euros("-1500", &c, NULL, 0));
    assert_int_equal(c, -150000);
    assert_true(tnd_xbrl_parse_euros("+0.5", &c, NULL, 0));
    assert_int_equal(c, 50);
    assert_true(tnd_xbrl_parse_euros("12.300", &c, NULL, 0));
    assert_int_equal(c, 1230);
    assert_true(tnd_xbrl_parse_euros(".07", &c, NULL, 0));
    assert_int_equal(c, 7);
    assert_true(tnd_xbrl_parse_euros("5.", &c, NULL, 0));
    assert_int_equal(c, 500);
    assert_true(tnd_xbrl_parse_euros("0.10", &c, NULL, 0));
    assert_int_equal(c, 10);
    /* 0.1 + 0.2 in binary floating point is 0.30000000000000004: here it is exact */
    assert_true(tnd_xbrl_parse_euros("9007199254740.99", &c, NULL, 0));
    assert_int_equal(c, 900719925474099LL);
    assert_true(tnd_xbrl_parse_euros("10000000000000", &c, NULL, 0)); /* 10^13: the limit */
    assert_int_equal(c, 1000000000000000LL);
}

static void test_parse_euros_refuses_fractions_of_cents_notation_and_absurd_amounts(void **state)
{
    (void)state;
    tnd_cents c = 42;
    char why[160];
    assert_false(tnd_xbrl_parse_euros("1234.567", &c, why, sizeof why));
    assert_string_equal(why, "een fractie van een cent (meer dan twee decimalen die niet nul zijn)");
    assert_false(tnd_xbrl_parse_euros("10000000000000.01", &c, why, sizeof why));
    assert_false(tnd_xbrl_parse_euros("10000000000001", &c, why, sizeof why));
    assert_string_equal(why, "meer dan 10^13 euro");
    static const char *const bad[] = { "", "-", ".", "1e6", "1.234.567", "1,5", "€ 12",
                                       "12 000", "0x10", "1.2.3", "--1", "INF" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (tnd_xbrl_parse_euros(bad[i], &c, why, sizeof why))
            fail_msg("'%s' was accepted", bad[i]);
        assert_non_null(strstr(why, "geen xs:decimal"));
    }
    assert_int_equal(c, 42); /* untouched on failure */
}

/* decimals="-3" says the figure is rounded to thousands; the value is still euros as written. */
static void test_decimals_minus_3_keeps_the_value_as_written_to_the_cent(void **state)
{
    (void)state;
    tnd_xbrl *x = load_ok(DOC(INSTANT("I", KVK_A, "2021-12-31", "") EUR
        "<jenv-bw2-i:Assets contextRef=\"I\" unitRef=\"EUR\" decimals=\"-3\">1234567.89"
        "</jenv-bw2-i:Assets>\n"));
    assert_int_equal(x->n_facts, 1);
    assert_int_equal(x->facts[0].cents, 123456789);
    assert_string_equal(x->facts[0].decimals, "-3");
    assert_string_equal(x->facts[0].value, "1234567.89");
    assert_int_equal(x->n_issues, 0);
    tnd_xbrl_free(x);
}

static void test_decimals_that_is_not_inf_or_an_integer_is_refused_with_its_line(void **state)
{
    (void)state;
    tnd_error err;
    tnd_xbrl *x = NULL;
    assert_int_equal(load_text(DOC(INSTANT("I", KVK_A, "2021-12-31", "") EUR
        "<jenv-bw2-i:Assets contextRef=\"I\" unitRef=\"EUR\" decimals=\"twee\">12"
        "</jenv-bw2-i:Assets>\n"), &x, &err), TND_ERR_VALUE);
    assert_null(x);
    assert_int_equal(err.line, 5); /* 1 root, 2 schemaRef, 3 context, 4 unit, 5 fact */
    assert_string_equal(err.message, "decimals=\"twee\" is geen INF of geheel getal");
}

static void test_numeric_fact_without_decimals_or_with_both_is_refused(void **state)
{
    (void)state;
    tnd_error err;
    tnd_xbrl *x = NULL;
    assert_int_equal(load_text(DOC(INSTANT("I", KVK_A, "2021-12-31", "") EUR
        "<jenv-bw2-i:Assets contextRef=\"I\" unitRef=\"EUR\">12</jenv-bw2-i:Assets>\n"), &x, &err),
        TND_ERR_VALUE);
    assert_string_equal(err.message, "numeriek feit zonder decimals (of precision)");
    assert_int_equal(load_text(DOC(INSTANT("I", KVK_A, "2021-12-31", "") EUR
        "<jenv-bw2-i:Assets contextRef=\"I\" unitRef=\"EUR\" decimals=\"0\" precision=\"4\">12"
        "</jenv-bw2-i:Assets>\n"), &x, &err), TND_ERR_VALUE);
    assert_string_equal(err.message, "feit met zowel decimals als precision");
}

static void test_value_with_a_fraction_of_a_cent_or_grouping_is_refused(void **state)
{
    (void)state;
    tnd_error err;
    tnd_xbrl *x = NULL;
    assert_int_equal(load_text(DOC(INSTANT("I", KVK_A, "2021-12-31", "") EUR
        FACT("Assets", "I", "1234.567")), &x, &err), TND_ERR_VALUE);
    assert_int_equal(err.line, 5);
    assert_string_equal(err.message, "waarde '1234.567' van Assets: een fractie van een cent (meer "
                                     "dan twee decimalen die niet nul zijn)");
    assert_int_equal(load_text(DOC(INSTANT("I", KVK_A, "2021-12-31", "") EUR
        FACT("Assets", "I", "1.234.567")), &x, &err), TND_ERR_VALUE);
    assert_int_equal(load_text(DOC(INSTANT("I", KVK_A, "2021-12-31", "") EUR
        FACT("Assets", "I", "99999999999999")), &x, &err), TND_ERR_RANGE);
}

/* ------------------------------------------------------------------ periods */

/* Balance items: the instant 31-12-YYYY is year YYYY. Result items: 01-01..31-12 of one year. */
static void test_periods_give_the_financial_year(void **state)
{
    (void)state;
    tnd_xbrl *x = load_ok(DOC(
        INSTANT("I2021", KVK_A, "2021-12-31", "")
        INSTANT("I2020", KVK_A, "2020-12-31Z", "")
        DURATION("D2020", KVK_A, "2020-01-01", "2020-12-31", "") EUR
        FACT("Equity", "I2021", "10")
        FACT("Equity", "I2020", "20")
        FACT("NetRevenue", "D2020", "30")));
    assert_int_equal(x->n_facts, 3);
    assert_int_equal(x->facts[0].year, 2021);
    assert_int_equal(x->facts[1].year, 2020);
    assert_int_equal(x->facts[2].year, 2020);
    assert_string_equal(x->facts[2].item, "omzet");
    assert_int_equal(x->n_issues, 0);
    tnd_xbrl_free(x);
}

static void test_broken_year_wrong_period_type_and_forever_are_reported_not_taken(void **state)
{
    (void)state;
    tnd_xbrl *x = load_ok(DOC(
        INSTANT("I0630", KVK_A, "2021-06-30", "")
        DURATION("Dbroken", KVK_A, "2020-07-01", "2021-06-30", "")
        DURATION("D2021", KVK_A, "2021-01-01", "2021-12-31", "")
        INSTANT("I2021", KVK_A, "2021-12-31", "")
        "<xbrli:context id=\"F\">" ENTITY(KVK_A) "<xbrli:period><xbrli:forever/></xbrli:period>"
        "</xbrli:context>\n" EUR
        FACT("Equity", "I0630", "1")
        FACT("NetRevenue", "Dbroken", "2")
        FACT("Equity", "D2021", "3")
        FACT("NetRevenue", "I2021", "4")
        FACT("NetRevenue", "F", "5")));
    assert_int_equal(x->n_facts, 0);
    assert_int_equal(x->n_issues, 5);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(x->issues[i].kind, TND_XBRL_REFUSED_PERIOD);
    assert_string_equal(x->issues[0].detail,
                        "balansdatum 30-06-2021 is geen 31 december (gebroken boekjaar): niet "
                        "automatisch aan een jaar van bijlage XVI toegekend");
    assert_string_equal(x->issues[1].detail,
                        "periode 01-07-2020 t/m 30-06-2021 is geen boekjaar van 1 januari t/m 31 "
                        "december: niet automatisch aan een jaar van bijlage XVI toegekend");
    assert_string_equal(x->issues[2].detail,
                        "Equity met een periode (01-01-2021 t/m 31-12-2021); het concept is een "
                        "balanspost (instant)");
    assert_string_equal(x->issues[3].detail,
                        "NetRevenue met een balansdatum (31-12-2021); het concept is een post "
                        "over een periode (duration)");
    assert_string_equal(x->issues[4].detail, "periode 'forever' is geen boekjaar");
    assert_string_equal(x->issues[4].value, "5");
    tnd_xbrl_free(x);
}

/* ------------------------------------------------------------------ dimensions */

static void test_typed_dimension_and_segment_content_are_reported_not_taken(void **state)
{
    (void)state;
    tnd_xbrl *x = load_ok(DOC(
        "<xbrli:context id=\"T\"><xbrli:entity><xbrli:identifier scheme=\"http://www.kvk.nl/"
        "kvk-id\">" KVK_A "</xbrli:identifier><xbrli:segment><xbrldi:typedMember dimension=\""
        "jenv-bw2-dim:AverageNumberEmployeesSegmentsAxis\"><x>zorg</x></xbrldi:typedMember>"
        "</xbrli:segment></xbrli:entity><xbrli:period><xbrli:instant>2021-12-31</xbrli:instant>"
        "</xbrli:period></xbrli:context>\n"
        INSTANT("S", KVK_A, "2021-12-31", SCENARIO("<jenv-bw2-i:Other>1</jenv-bw2-i:Other>")) EUR
        FACT("Assets", "T", "1")
        FACT("Assets", "S", "2")));
    assert_int_equal(x->n_facts, 0);
    assert_int_equal(x->n_issues, 2);
    assert_int_equal(x->issues[0].kind, TND_XBRL_REFUSED_DIMENSION);
    assert_string_equal(x->issues[0].detail, "context met getypeerde dimensie "
                                             "jenv-bw2-dim:AverageNumberEmployeesSegmentsAxis");
    assert_int_equal(x->issues[1].kind, TND_XBRL_REFUSED_DIMENSION);
    assert_string_equal(x->issues[1].detail, "context met scenario bevat <jenv-bw2-i:Other>");
    tnd_xbrl_free(x);
}

/* Text from the file goes into one-line messages: a newline in a name does not break a line. */
static void test_names_from_the_file_are_one_line(void **state)
{
    (void)state;
    tnd_xbrl *x = load_ok(DOC(DURATION("D", KVK_A, "2021-01-01", "2021-12-31", "")
                              "<jenv-bw2-i:LegalEntityName contextRef=\"D\">Stichting&#10;"
                              "tender: nep</jenv-bw2-i:LegalEntityName>\n"));
    assert_string_equal(x->name, "Stichting tender: nep");
    assert_int_equal(x->n_other_facts, 1);
    tnd_xbrl_free(x);
}

/* ------------------------------------------------------------------ fixtures: reading */

static void test_example_instance_reads_21_facts_identity_and_entry_point(void **state)
{
    (void)state;
    tnd_xbrl *x = load_fixture(X_EXAMPLE);
    assert_string_equal(x->kvk, "41237788");
    assert_int_equal(x->kvk_line, 27);
    assert_string_equal(x->name, "Stichting Jeugdzorg De Vecht");
    assert_string_equal(x->entry_point, "kvk-rpt-jaarverantwoording-2021-nlgaap-stichtingen.xsd");
    assert_string_equal(x->schema_ref, "http://www.nltaxonomie.nl/nt16/kvk/20211208/entrypoints/"
                                       "kvk-rpt-jaarverantwoording-2021-nlgaap-stichtingen.xsd");
    assert_false(x->care_institution);
    assert_int_equal(x->n_facts, 21);
    assert_int_equal(x->n_issues, 0);
    assert_int_equal(x->n_other_facts, 5); /* name, KvK, seat, period start and end */
    const tnd_xbrl_fact *f = &x->facts[0];
    assert_string_equal(f->concept, "jenv-bw2-i:NetRevenue");
    assert_string_equal(f->item, "omzet");
    assert_int_equal(f->year, 2021);
    assert_int_equal(f->cents, 523640000);
    assert_string_equal(f->context, "D2021");
    assert_int_equal(f->statements, TND_XBRL_SEPARATE);
    assert_int_equal(f->line, 127);
    assert_string_equal(f->decimals, "0");
    f = fact_of(x, "eigen-vermogen", 2021, TND_XBRL_SEPARATE);
    assert_int_equal(f->cents, 154017050);
    assert_string_equal(f->decimals, "2");
    assert_int_equal(fact_of(x, "kortlopende-schulden", 2019, TND_XBRL_SEPARATE)->cents,
                     115000000);
    assert_int_equal(fact_of(x, "resultaat", 2020, TND_XBRL_SEPARATE)->cents, 9875000);
    tnd_xbrl_free(x);
}

static void test_care_institution_entry_point_reads_both_statements(void **state)
{
    (void)state;
    tnd_xbrl *x = load_fixture(X_CARE);
    assert_true(x->care_institution);
    assert_string_equal(x->entry_point,
                        "kvk-rpt-jaarverantwoording-2021-nlgaap-zorginstellingen.xsd");
    assert_string_equal(x->kvk, "60415227");
    assert_string_equal(x->name, "Stichting Jeugdhulp Salland");
    assert_int_equal(x->n_facts, 28);
    assert_int_equal(fact_of(x, "omzet", 2021, TND_XBRL_CONSOLIDATED)->cents, 1120400000);
    assert_int_equal(fact_of(x, "omzet", 2021, TND_XBRL_SEPARATE)->cents, 891200000);
    assert_int_equal(fact_of(x, "resultaat", 2020, TND_XBRL_SEPARATE)->cents, -3520000);
    /* Vorderingen is no line of Bijlage XVI: listed, not taken */
    assert_int_equal(x->n_issues, 2);
    assert_int_equal(x->issues[0].kind, TND_XBRL_UNKNOWN_CONCEPT);
    assert_string_equal(x->issues[0].concept, "jenv-bw2-i:Receivables");
    assert_int_equal(x->issues[0].line, 153);
    tnd_xbrl_free(x);
}

/* Another currency, a fiscal basis, another dimension, nil and a broken year: each reported with
 * its reason and line, none taken; the unknown concepts are reported and never a zero. */
static void test_refused_units_dimensions_nil_and_unknown_concepts_are_reported(void **state)
{
    (void)state;
    tnd_xbrl *x = load_fixture(X_REFUSED);
    static const struct {
        tnd_xbrl_issue_kind kind;
        const char *concept, *context;
        long line;
    } want[] = {
        { TND_XBRL_REFUSED_UNIT, "jenv-bw2-i:NetRevenue", "D2021", 93 },
        { TND_XBRL_REFUSED_DIMENSION, "jenv-bw2-i:Equity", "I2021_fiscaal", 94 },
        { TND_XBRL_REFUSED_DIMENSION, "jenv-bw2-i:Assets", "I2021_klasse", 95 },
        { TND_XBRL_UNKNOWN_CONCEPT, "jenv-bw2-i:IntangibleAssets", "I2021", 96 },
        { TND_XBRL_UNKNOWN_CONCEPT, "jenv-bw2-i:CurrentAssets", "I2021", 97 },
        { TND_XBRL_REFUSED_NIL, "jenv-bw2-i:LiabilitiesCurrent", "I2021", 98 },
        { TND_XBRL_REFUSED_PERIOD, "jenv-bw2-i:CashAndCashEquivalents", "I2021_halfjaar", 99 },
        { TND_XBRL_PRECISION_IGNORED, "jenv-bw2-i:NetResultAfterTax", "D2021", 101 },
    };
    assert_int_equal(x->n_issues, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < x->n_issues; i++) {
        assert_int_equal(x->issues[i].kind, want[i].kind);
        assert_string_equal(x->issues[i].concept, want[i].concept);
        assert_string_equal(x->issues[i].context, want[i].context);
        assert_int_equal(x->issues[i].line, want[i].line);
    }
    assert_string_equal(x->issues[0].detail, "eenheid 'iso4217:USD' is geen iso4217:EUR; de "
                                             "aanbesteding rekent in euro en er wordt niet "
                                             "omgerekend");
    assert_string_equal(x->issues[0].value, "6120000");
    assert_string_equal(x->issues[1].detail,
                        "context met fiscale grondslag (jenv-bw2-dim:BasisOfPreparationAxis = "
                        "jenv-bw2-dm:FiscalMember), niet de commerciële jaarrekening");
    assert_string_equal(x->issues[2].detail, "context met dimensie jenv-bw2-dim:ClassesOfEquityAxis"
                                             " = jenv-bw2-dm:ShareCapitalMember");
    assert_string_equal(x->issues[3].detail, "geen regel van bijlage XVI (niet in de koppeltabel); "
                                             "niet als nul gerekend");
    assert_string_equal(x->issues[5].detail, "xsi:nil=\"true\": geen waarde; niet als nul "
                                             "gerekend");
    /* taken: vlottende activa, and the result with precision instead of decimals */
    assert_int_equal(x->n_facts, 2);
    assert_string_equal(x->facts[0].item, "vlottende-activa");
    assert_int_equal(x->facts[0].cents, 153000000);
    assert_string_equal(x->facts[1].item, "resultaat");
    assert_int_equal(x->facts[1].cents, 13142050);
    assert_string_equal(x->facts[1].decimals, "");
    tnd_xbrl_free(x);
}

static void test_unknown_concept_is_reported_and_never_taken_as_zero(void **state)
{
    (void)state;
    merging m;
    assert_int_equal(merge_into(&m, load_fixture(X_REFUSED), BID_WITHOUT_FIGURES), TND_OK);
    assert_int_equal(m.bid->n_figures, m.figures_before + 2);
    assert_int_equal(figure(m.bid, "vlottende-activa", 2021), 153000000);
    assert_int_equal(figure(m.bid, "resultaat", 2021), 13142050);
    /* CurrentAssets, USD revenue, fiscal equity, nil liabilities: absent, not zero */
    assert_null(tnd_bid_figure(m.bid, "omzet", 2021));
    assert_null(tnd_bid_figure(m.bid, "eigen-vermogen", 2021));
    assert_null(tnd_bid_figure(m.bid, "activa", 2021));
    assert_null(tnd_bid_figure(m.bid, "kortlopende-schulden", 2021));
    assert_null(tnd_bid_figure(m.bid, "liquide-middelen", 2021));
    /* so step 1 still reports the figures as missing (§5.3.1 L1322-1339) */
    tnd_check_result res;
    assert_true(tnd_check(m.def, m.bid, &res));
    bool missing = false;
    for (size_t i = 0; i < res.n_findings; i++)
        if (strcmp(res.findings[i].rule_id, "VOLL-JAARCIJFERS") == 0)
            missing = res.findings[i].verdict == TND_MISSING;
    assert_true(missing);
    tnd_check_result_free(&res);
    merged_free(&m);
}

/* ------------------------------------------------------------------ refusals of the file */

static void test_hostile_doctype_with_entities_is_refused(void **state)
{
    (void)state;
    tnd_error err;
    tnd_xbrl *x = NULL;
    assert_int_equal(tnd_xbrl_load_file(X_HOSTILE, &x, &err), TND_ERR_XML_UNSAFE);
    assert_null(x);
    assert_int_equal(err.line, 7);
    assert_string_equal(err.message, "DOCTYPE/ENTITY-declaraties zijn niet toegestaan");
}

static void test_inline_xbrl_and_other_roots_are_refused(void **state)
{
    (void)state;
    tnd_error err;
    tnd_xbrl *x = NULL;
    assert_int_equal(load_text("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", &x,
                               &err), TND_ERR_VALUE);
    assert_string_equal(err.message, "dit is Inline XBRL (XHTML); dat wordt niet gelezen");
    assert_int_equal(load_text("<xbrl/>", &x, &err), TND_ERR_VALUE);
    assert_string_equal(err.message, "hoofdelement <xbrl> is geen xbrli:xbrl");
    assert_null(x);
}

static void test_fact_with_unknown_context_or_unit_is_a_reference_error(void **state)
{
    (void)state;
    tnd_error err;
    tnd_xbrl *x = NULL;
    assert_int_equal(load_text(DOC(EUR FACT("Assets", "nergens", "1")), &x, &err),
                     TND_ERR_REFERENCE);
    assert_string_equal(err.message,
                        "jenv-bw2-i:Assets verwijst naar context 'nergens', die niet bestaat");
    assert_int_equal(load_text(DOC(INSTANT("I", KVK_A, "2021-12-31", "")
        "<jenv-bw2-i:Assets contextRef=\"I\" unitRef=\"GBP\" decimals=\"0\">1</jenv-bw2-i:Assets>"),
        &x, &err), TND_ERR_REFERENCE);
    assert_string_equal(err.message,
                        "jenv-bw2-i:Assets verwijst naar eenheid 'GBP', die niet bestaat");
}

static void test_two_kvk_numbers_or_a_kvk_that_is_no_number_are_refused(void **state)
{
    (void)state;
    tnd_error err;
    tnd_xbrl *x = NULL;
    assert_int_equal(load_text(DOC(INSTANT("A", KVK_A, "2021-12-31", "")
                                   INSTANT("B", "60415227", "2020-12-31", "")), &x, &err),
                     TND_ERR_VALUE);
    assert_string_equal(err.message,
                        "twee KvK-nummers in één jaarrekening: 41237788 (regel 3) en 60415227");
    assert_int_equal(err.line, 4);
    assert_int_equal(load_text(DOC(INSTANT("A", "4123778", "2021-12-31", "")), &x, &err),
                     TND_ERR_VALUE);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "KvK-nummer '4123778' van de rechtspersoon"));
}

static void test_two_different_values_for_one_figure_are_refused(void **state)
{
    (void)state;
    tnd_error err;
    tnd_xbrl *x = NULL;
    assert_int_equal(load_text(DOC(INSTANT("A", KVK_A, "2021-12-31", "")
                                   INSTANT("B", KVK_A, "2021-12-31",
                                           SCENARIO(MEMBER("FinancialStatementsTypeAxis",
                                                           "SeparateMember"))) EUR
                                   FACT("Assets", "A", "100")
                                   FACT("Assets", "B", "200")), &x, &err), TND_ERR_VALUE);
    assert_int_equal(err.line, 7);
    assert_string_equal(err.message,
                        "jenv-bw2-i:Assets 2021 staat hier op 200 en op regel 6 op 100");
}

/* ------------------------------------------------------------------ merging */

/* §5.3.1: the bid without its real figures plus the annual account gives exactly the findings and
 * placements of the complete example bid. */
static void test_merge_fills_the_missing_figures_and_reproduces_the_example_verdicts(void **state)
{
    (void)state;
    merging m;
    assert_int_equal(merge_into(&m, load_fixture(X_EXAMPLE), BID_WITHOUT_FIGURES), TND_OK);
    assert_int_equal(m.figures_before, 4); /* the forecasts 2022-2023 */
    assert_true(m.rep.kvk_checked);
    assert_int_equal(m.rep.n, 21);
    assert_int_equal(m.rep.n_filled, 21);
    assert_int_equal(m.rep.n_same, 0);
    assert_int_equal(m.rep.n_conflicts, 0);
    assert_false(tnd_xbrl_needs_review(&m.rep));
    assert_int_equal(m.bid->n_figures, 25);
    tnd_bid *example = bid_of(BID_EXAMPLE);
    for (size_t i = 0; i < example->n_figures; i++) {
        const tnd_figure *e = &example->figures[i];
        assert_int_equal(figure(m.bid, e->item, e->year), e->amount);
    }
    assert_int_equal(tnd_bid_figure(m.bid, "omzet", 2021)->line, 127); /* line in the instance */
    assert_string_equal(entry_text(&m, 0),
                        "XBRL " X_EXAMPLE ": jenv-bw2-i:NetRevenue (context D2021, enkelvoudig, "
                        "regel 127) -> omzet 2021: € 5.236.400,00 overgenomen");
    assert_int_equal(tnd_bid_validate_against(m.bid, m.def, &m.err), TND_OK);

    tnd_check_result got, want;
    assert_true(tnd_check(m.def, m.bid, &got));
    assert_true(tnd_check(m.def, example, &want));
    assert_int_equal(got.n_findings, want.n_findings);
    for (size_t i = 0; i < want.n_findings; i++) {
        assert_string_equal(got.findings[i].rule_id, want.findings[i].rule_id);
        assert_int_equal(got.findings[i].verdict, want.findings[i].verdict);
        assert_string_equal(got.findings[i].subject, want.findings[i].subject);
        assert_string_equal(got.findings[i].found, want.findings[i].found);
        assert_string_equal(got.findings[i].reason, want.findings[i].reason);
    }
    assert_int_equal(got.n_placements, 2);
    assert_int_equal(want.n_placements, 2);
    for (size_t i = 0; i < want.n_placements; i++) {
        assert_int_equal(got.placements[i].applied, want.placements[i].applied);
        assert_int_equal(got.placements[i].placed, want.placements[i].placed);
        assert_int_equal(got.placements[i].status, TND_LOT_ELIGIBLE);
        assert_int_equal(want.placements[i].status, TND_LOT_ELIGIBLE);
    }
    assert_true(got.eligible_all);
    tnd_check_result_free(&got);
    tnd_check_result_free(&want);
    tnd_bid_free(example);
    merged_free(&m);
}

/* Never resolved silently: a different amount keeps the bid's and is reported with both places. */
static void test_merge_conflict_keeps_the_bid_amount_and_is_reported(void **state)
{
    (void)state;
    merging m;
    assert_int_equal(merge_into(&m, load_fixture(X_CONFLICT), BID_EXAMPLE), TND_OK);
    assert_int_equal(m.rep.n_conflicts, 2);
    assert_int_equal(m.rep.n_same, 12);
    assert_int_equal(m.rep.n_filled, 0);
    assert_true(tnd_xbrl_needs_review(&m.rep));
    assert_int_equal(m.bid->n_figures, m.figures_before);
    assert_int_equal(figure(m.bid, "omzet", 2021), 523640000); /* kept: the bid's */
    assert_int_equal(figure(m.bid, "eigen-vermogen", 2020), 140875000);
    const tnd_xbrl_entry *c = &m.rep.entries[0];
    assert_int_equal(c->outcome, TND_XBRL_CONFLICT);
    assert_string_equal(c->item, "omzet");
    assert_int_equal(c->year, 2021);
    assert_int_equal(c->amount, 530000000);
    assert_int_equal(c->kept, 523640000);
    assert_string_equal(c->kept_file, BID_EXAMPLE);
    assert_int_equal(c->kept_line, 97);
    assert_int_equal(c->line, 75);
    assert_string_equal(entry_text(&m, 0),
                        "tegenstrijdig: omzet 2021: inschrijving " BID_EXAMPLE ":97 "
                        "'€ 5.236.400,00', XBRL " X_CONFLICT ":75 (jenv-bw2-i:NetRevenue, context "
                        "D2021) '€ 5.300.000,00'; aangehouden: '€ 5.236.400,00' (de inschrijving),"
                        " de Opdrachtgever beoordeelt");
    assert_int_equal(m.rep.entries[1].outcome, TND_XBRL_SAME);
    assert_string_equal(entry_text(&m, 1),
                        "XBRL " X_CONFLICT ": jenv-bw2-i:NetResultAfterTax (context D2021, "
                        "enkelvoudig, regel 76) -> resultaat 2021: € 131.420,50, gelijk aan de "
                        "inschrijving");
    assert_int_equal(m.rep.entries[12].outcome, TND_XBRL_CONFLICT);
    assert_string_equal(m.rep.entries[12].item, "eigen-vermogen");
    assert_int_equal(m.rep.entries[12].year, 2020);
    merged_free(&m);
}

/* One instance per financial year: the second may restate a figure the first filled. */
static void test_merge_second_instance_conflict_names_the_first_instance(void **state)
{
    (void)state;
    const char *a = DOC(DURATION("D", KVK_A, "2020-01-01", "2020-12-31", "") EUR
                        FACT("NetRevenue", "D", "5010000"));
    const char *b = DOC(DURATION("D", KVK_A, "2020-01-01", "2020-12-31", "") EUR "\n"
                        FACT("NetRevenue", "D", "5000000"));
    tnd_xbrl *first = NULL, *second = NULL;
    tnd_error err;
    assert_int_equal(tnd_xbrl_load_memory(a, strlen(a), "jaarrekening-2020.xbrl", &first, &err),
                     TND_OK);
    assert_int_equal(tnd_xbrl_load_memory(b, strlen(b), "jaarrekening-2021.xbrl", &second, &err),
                     TND_OK);
    merging m;
    assert_int_equal(merge_into(&m, first, BID_WITHOUT_FIGURES), TND_OK);
    assert_int_equal(tnd_xbrl_merge(second, m.def, m.bid, &m.rep, &m.err), TND_OK);
    assert_int_equal(m.rep.n, 2);
    assert_int_equal(m.rep.n_filled, 1);
    assert_int_equal(m.rep.n_conflicts, 1);
    assert_int_equal(figure(m.bid, "omzet", 2020), 501000000);
    const tnd_xbrl_entry *c = &m.rep.entries[1];
    assert_int_equal(c->outcome, TND_XBRL_CONFLICT);
    assert_string_equal(c->kept_file, "jaarrekening-2020.xbrl");
    assert_int_equal(c->kept_line, 5);
    assert_int_equal(c->line, 6);
    assert_string_equal(entry_text(&m, 1),
                        "tegenstrijdig: omzet 2020: eerder ingelezen XBRL jaarrekening-2020.xbrl:5 "
                        "'€ 5.010.000,00', XBRL jaarrekening-2021.xbrl:6 (jenv-bw2-i:NetRevenue, "
                        "context D) '€ 5.000.000,00'; aangehouden: '€ 5.010.000,00' (het eerst "
                        "ingelezen bestand), de Opdrachtgever beoordeelt");
    tnd_xbrl_free(second);
    merged_free(&m);
}

static void test_merge_kvk_mismatch_is_a_reference_error_and_the_bid_is_unchanged(void **state)
{
    (void)state;
    merging m;
    assert_int_equal(merge_into(&m, load_fixture(X_CARE), BID_WITHOUT_FIGURES), TND_ERR_REFERENCE);
    assert_string_equal(m.err.file, X_CARE);
    assert_int_equal(m.err.line, 23);
    assert_string_equal(m.err.message, "de jaarrekening is van KvK 60415227 (Stichting Jeugdhulp "
                                       "Salland), maar de inschrijving " BID_WITHOUT_FIGURES
                                       " is van KvK 41237788");
    assert_int_equal(m.bid->n_figures, m.figures_before);
    assert_int_equal(m.rep.n, 0);
    merged_free(&m);
}

/* The fact without dimension or enkelvoudig is the bidder's own; geconsolideerd is the group's. */
static void test_merge_takes_enkelvoudig_before_geconsolideerd(void **state)
{
    (void)state;
    tnd_xbrl *x = load_fixture(X_CARE);
    x->kvk[0] = '\0'; /* the example bid stands in for the institution's own bid */
    merging m;
    assert_int_equal(merge_into(&m, x, BID_WITHOUT_FIGURES), TND_OK);
    assert_int_equal(m.rep.n, 28);
    assert_int_equal(m.rep.n_filled, 14);
    assert_int_equal(figure(m.bid, "omzet", 2021), 891200000);
    assert_int_equal(figure(m.bid, "resultaat", 2020), -3520000); /* a loss may be negative */
    assert_int_equal(figure(m.bid, "eigen-vermogen", 2020), 158455000);
    const tnd_xbrl_entry *e = &m.rep.entries[0]; /* NetRevenue 2021, geconsolideerd */
    assert_int_equal(e->outcome, TND_XBRL_NOT_USED);
    assert_int_equal(e->statements, TND_XBRL_CONSOLIDATED);
    assert_int_equal(e->amount, 1120400000);
    assert_int_equal(e->kept, 891200000);
    assert_int_equal(e->kept_line, 146);
    assert_string_equal(entry_text(&m, 0),
                        "XBRL " X_CARE ": jenv-bw2-i:NetRevenue (context D2021_cons, "
                        "geconsolideerd, regel 137) -> omzet 2021: € 11.204.000,00 niet "
                        "gebruikt; het cijfer komt uit regel 146 (€ 8.912.000,00)");
    assert_int_equal(m.rep.entries[7].outcome, TND_XBRL_FILLED);
    assert_string_equal(entry_text(&m, 7),
                        "XBRL " X_CARE ": jenv-bw2-i:NetRevenue (context D2021_enk, "
                        "enkelvoudig, regel 146) -> omzet 2021: € 8.912.000,00 overgenomen");
    merged_free(&m);
}

static void test_merge_uses_geconsolideerd_when_it_is_the_only_figure(void **state)
{
    (void)state;
    merging m;
    assert_int_equal(merge_into(&m, load_ok(DOC(INSTANT("C", KVK_A, "2021-12-31",
                                                        SCENARIO(MEMBER(
                                                            "FinancialStatementsTypeAxis",
                                                            "ConsolidatedMember"))) EUR
                                                FACT("Assets", "C", "3322000"))),
                                BID_WITHOUT_FIGURES), TND_OK);
    assert_int_equal(m.rep.entries[0].outcome, TND_XBRL_FILLED);
    assert_int_equal(m.rep.entries[0].statements, TND_XBRL_CONSOLIDATED);
    assert_int_equal(figure(m.bid, "activa", 2021), 332200000);
    merged_free(&m);
}

/* §5.3.1 table: balance items are asked for 2019-2021 only, the result and revenue for 2019-2023. */
static void test_merge_lists_years_the_definition_does_not_ask(void **state)
{
    (void)state;
    merging m;
    assert_int_equal(merge_into(&m, load_ok(DOC(DURATION("D2018", KVK_A, "2018-01-01",
                                                         "2018-12-31", "")
                                                INSTANT("I2022", KVK_A, "2022-12-31", "") EUR
                                                FACT("NetRevenue", "D2018", "4700000")
                                                FACT("Equity", "I2022", "1700000"))),
                                BID_WITHOUT_FIGURES), TND_OK);
    assert_int_equal(m.rep.n, 2);
    assert_int_equal(m.rep.entries[0].outcome, TND_XBRL_NOT_ASKED);
    assert_int_equal(m.rep.entries[1].outcome, TND_XBRL_NOT_ASKED);
    assert_int_equal(m.rep.n_filled, 0);
    assert_int_equal(m.bid->n_figures, m.figures_before);
    assert_string_equal(entry_text(&m, 1),
                        "XBRL inline.xbrl: jenv-bw2-i:Equity (context I2022, regel 7) -> "
                        "eigen-vermogen 2022: niet overgenomen, de aanbesteding vraagt "
                        "eigen-vermogen niet over 2022");
    merged_free(&m);
}

/* §5.3.1 (definition: may-be-negative only for resultaat and eigen-vermogen). */
static void test_merge_negative_assets_are_refused_and_the_bid_is_unchanged(void **state)
{
    (void)state;
    merging m;
    assert_int_equal(merge_into(&m, load_ok(DOC(INSTANT("I", KVK_A, "2021-12-31", "") EUR
                                                FACT("Equity", "I", "-50000")
                                                FACT("Assets", "I", "-1"))),
                                BID_WITHOUT_FIGURES), TND_ERR_RANGE);
    assert_int_equal(m.err.line, 6);
    assert_string_equal(m.err.message, "jenv-bw2-i:Assets 2021: -€ 1,00 is negatief; Totaal activa "
                                       "kan volgens de aanbesteding niet negatief zijn (§5.3.1 "
                                       "L1321-1394)");
    assert_int_equal(m.bid->n_figures, m.figures_before);
    assert_null(tnd_bid_figure(m.bid, "eigen-vermogen", 2021));
    assert_int_equal(m.rep.n, 0);
    merged_free(&m);
}

static void test_merge_without_a_kvk_number_is_not_checked(void **state)
{
    (void)state;
    tnd_xbrl *x = load_ok(DOC("<xbrli:context id=\"I\"><xbrli:entity><xbrli:identifier "
                              "scheme=\"http://www.example.com/rsin\">800000000</xbrli:identifier>"
                              "</xbrli:entity><xbrli:period><xbrli:instant>2021-12-31"
                              "</xbrli:instant></xbrli:period></xbrli:context>\n" EUR
                              FACT("Assets", "I", "3322000")));
    assert_string_equal(x->kvk, "");
    merging m;
    assert_int_equal(merge_into(&m, x, BID_WITHOUT_FIGURES), TND_OK);
    assert_false(m.rep.kvk_checked);
    assert_int_equal(figure(m.bid, "activa", 2021), 332200000);
    merged_free(&m);
}

static void test_issue_text_names_file_line_concept_context_and_reason(void **state)
{
    (void)state;
    tnd_xbrl *x = load_fixture(X_REFUSED);
    char text[1024];
    tnd_xbrl_issue_text(&x->issues[3], "r.xbrl", text, sizeof text);
    assert_string_equal(text, "XBRL r.xbrl:96: niet overgenomen: jenv-bw2-i:IntangibleAssets "
                              "(context I2021) = 45000: geen regel van bijlage XVI (niet in de "
                              "koppeltabel); niet als nul gerekend");
    tnd_xbrl_issue_text(&x->issues[5], "r.xbrl", text, sizeof text);
    assert_string_equal(text, "XBRL r.xbrl:98: niet overgenomen: jenv-bw2-i:LiabilitiesCurrent "
                              "(context I2021): xsi:nil=\"true\": geen waarde; niet als nul "
                              "gerekend");
    tnd_xbrl_issue_text(&x->issues[7], "r.xbrl", text, sizeof text);
    assert_string_equal(text, "XBRL r.xbrl:101: jenv-bw2-i:NetResultAfterTax (context D2021): "
                              "precision=\"8\" in plaats van decimals: genegeerd, de waarde is "
                              "overgenomen zoals geschreven");
    tnd_xbrl_free(x);
}

/* ------------------------------------------------------------------ docs/xbrl-import.md */

/* One source of truth: the table in the docs is the table in xbrl.c, row for row. */
static void test_docs_mapping_table_matches_the_code(void **state)
{
    (void)state;
    FILE *f = fopen(TND_SOURCE_DIR "/docs/xbrl-import.md", "r");
    assert_non_null(f);
    static char doc[65536];
    size_t len = fread(doc, 1, sizeof doc - 1, f);
    fclose(f);
    doc[len] = '\0';
    const char *table = strstr(doc, "## Mapping table");
    assert_non_null(table);
    const char *end = strstr(table, "Notes on the table");
    assert_non_null(end);
    size_t n_rows = 0;
    for (const char *p = table; p && p < end; p = strchr(p + 1, '\n'))
        if (strncmp(p, "\n| `", 4) == 0)
            n_rows++;
    size_t n;
    const tnd_xbrl_mapping *m = tnd_xbrl_mappings(&n);
    assert_int_equal(n_rows, n);
    for (size_t i = 0; i < n; i++) {
        char row[256];
        snprintf(row, sizeof row, "\n| `%s` | `jenv-bw2-i:%s` | %s | %s |", m[i].item,
                 m[i].concept, m[i].period == TND_XBRL_INSTANT ? "instant" : "duration",
                 m[i].label_nl);
        const char *at = strstr(table, row);
        if (!at || at > end)
            fail_msg("row missing in docs/xbrl-import.md: %s", row + 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mapping_table_is_the_seven_bijlage_xvi_lines),
        cmocka_unit_test(test_mapping_covers_exactly_the_items_of_the_definition),
        cmocka_unit_test(test_lookup_by_local_name_in_any_nt_release_of_jenv_bw2),
        cmocka_unit_test(test_nt19_entity_name_and_kvk_are_read_from_nl_cd),
        cmocka_unit_test(test_parse_euros_exact_to_the_cent_without_floating_point),
        cmocka_unit_test(test_parse_euros_refuses_fractions_of_cents_notation_and_absurd_amounts),
        cmocka_unit_test(test_decimals_minus_3_keeps_the_value_as_written_to_the_cent),
        cmocka_unit_test(test_decimals_that_is_not_inf_or_an_integer_is_refused_with_its_line),
        cmocka_unit_test(test_numeric_fact_without_decimals_or_with_both_is_refused),
        cmocka_unit_test(test_value_with_a_fraction_of_a_cent_or_grouping_is_refused),
        cmocka_unit_test(test_periods_give_the_financial_year),
        cmocka_unit_test(test_broken_year_wrong_period_type_and_forever_are_reported_not_taken),
        cmocka_unit_test(test_typed_dimension_and_segment_content_are_reported_not_taken),
        cmocka_unit_test(test_names_from_the_file_are_one_line),
        cmocka_unit_test(test_example_instance_reads_21_facts_identity_and_entry_point),
        cmocka_unit_test(test_care_institution_entry_point_reads_both_statements),
        cmocka_unit_test(test_refused_units_dimensions_nil_and_unknown_concepts_are_reported),
        cmocka_unit_test(test_unknown_concept_is_reported_and_never_taken_as_zero),
        cmocka_unit_test(test_hostile_doctype_with_entities_is_refused),
        cmocka_unit_test(test_inline_xbrl_and_other_roots_are_refused),
        cmocka_unit_test(test_fact_with_unknown_context_or_unit_is_a_reference_error),
        cmocka_unit_test(test_two_kvk_numbers_or_a_kvk_that_is_no_number_are_refused),
        cmocka_unit_test(test_two_different_values_for_one_figure_are_refused),
        cmocka_unit_test(test_merge_fills_the_missing_figures_and_reproduces_the_example_verdicts),
        cmocka_unit_test(test_merge_conflict_keeps_the_bid_amount_and_is_reported),
        cmocka_unit_test(test_merge_second_instance_conflict_names_the_first_instance),
        cmocka_unit_test(test_merge_kvk_mismatch_is_a_reference_error_and_the_bid_is_unchanged),
        cmocka_unit_test(test_merge_takes_enkelvoudig_before_geconsolideerd),
        cmocka_unit_test(test_merge_uses_geconsolideerd_when_it_is_the_only_figure),
        cmocka_unit_test(test_merge_lists_years_the_definition_does_not_ask),
        cmocka_unit_test(test_merge_negative_assets_are_refused_and_the_bid_is_unchanged),
        cmocka_unit_test(test_merge_without_a_kvk_number_is_not_checked),
        cmocka_unit_test(test_issue_text_names_file_line_concept_context_and_reason),
        cmocka_unit_test(test_docs_mapping_table_matches_the_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
