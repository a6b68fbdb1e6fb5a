/*
 * test_definition_v2.c - format version 2 of the tender definition (issue 11): the version the
 * loader names, the in-memory migration of a version-1 file (renaming the namespace), and the
 * checks of <product-rules> that a schema cannot make (tender/definition.c), each refused with
 * its line. Also loads fixtures/tenders/holland-rijnland-2021.xml and pins its per-product rules
 * against the seed (seeds/001_f9ebc05a8014b0e8.txt, "L" = line there).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/model.h"
#include "tender/definition.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

/* A small definition in namespace `ns` with <product-rules> text `rules` (line 8 on). */
static const char format[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                   /* 1 */
    "<tender-definition xmlns=\"%s\">\n"                                              /* 2 */
    "  <meta><id>t</id><title>T</title><authority>A</authority>"
    "<document>D</document><timezone>Europe/Amsterdam</timezone></meta>\n"           /* 3 */
    "  <procedure><closing id=\"SLUIT\" source=\"L1\" label=\"Sluitingstijd\""
    " at=\"01-06-2021 12:00\"/></procedure>\n"                                        /* 4 */
    "  <municipalities source=\"L2\"><municipality id=\"leiden\">Leiden</municipality>"
    "</municipalities>\n"                                                             /* 5 */
    "  <lots><lot number=\"4\" name=\"Ambulant\" source=\"L3\" municipalities=\"leiden\">"
    "<product code=\"45A48\" name=\"B\"/><product code=\"53A01\" name=\"C\"/></lot>\n" /* 6 */
    "  <lot number=\"1\" name=\"Verblijf\" source=\"L3\" municipalities=\"leiden\">"
    "<product code=\"v\" name=\"V\"/></lot></lots>\n"                                 /* 7 */
    "%s"                                                                              /* 8.. */
    "</tender-definition>\n";

static tnd_status load(const char *ns, const char *rules, tnd_definition **def, tnd_error *err)
{
    char buf[4096];
    int len = snprintf(buf, sizeof buf, format, ns, rules);
    assert_true(len > 0 && (size_t)len < sizeof buf);
    *def = NULL;
    return tnd_definition_load_memory(buf, (size_t)len, "proef.xml", def, err);
}

static void test_version_1_file_loads_as_version_1_read_as_2(void **state)
{
    (void)state;
    tnd_error err;
    tnd_definition *def;
    assert_int_equal(load(TND_DEFINITION_NS_1, "", &def, &err), TND_OK);
    assert_int_equal(def->format_version, 1);
    assert_int_equal(def->n_lots, 2);
    tnd_definition_free(def);
}

static void test_version_2_file_loads_as_version_2(void **state)
{
    (void)state;
    tnd_error err;
    tnd_definition *def;
    assert_int_equal(load(TND_DEFINITION_NS_2, "", &def, &err), TND_OK);
    assert_int_equal(def->format_version, 2);
    tnd_definition_free(def);
}

static void test_version_1_file_may_use_version_2_elements_after_migration(void **state)
{
    (void)state;
    /* v2 is v1 plus optional elements: renaming the namespace is the whole migration, so a v1
     * file that adds <product-rules> loads too (and says it was written as version 1) */
    tnd_error err;
    tnd_definition *def;
    assert_int_equal(load(TND_DEFINITION_NS_1,
                          "  <product-rules><parent-qualification id=\"P\" source=\"L9\" label=\"O\""
                          " lot=\"4\" products=\"45A48\"/></product-rules>\n", &def, &err), TND_OK);
    assert_int_equal(def->format_version, 1);
    assert_int_equal(def->n_product_rules, 1);
    tnd_definition_free(def);
}

static void test_unknown_namespace_is_a_schema_error(void **state)
{
    (void)state;
    tnd_error err;
    tnd_definition *def;
    assert_int_equal(load("urn:tender:definition:3", "", &def, &err), TND_ERR_SCHEMA);
    assert_null(def);
    assert_int_equal(err.line, 2);
}

static void test_builtin_ijsselland_is_version_1(void **state)
{
    (void)state;
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load_default(&def, &err), TND_OK);
    assert_int_equal(def->format_version, 1);
    assert_int_equal(def->n_product_rules, 0);
    tnd_definition_free(def);
}

/* One bad <product-rules> text: refused with `code` at `line`, the message containing `what`. */
static void refused(const char *rules, tnd_status code, long line, const char *what)
{
    tnd_error err;
    tnd_definition *def;
    assert_int_equal(load(TND_DEFINITION_NS_2, rules, &def, &err), code);
    assert_null(def);
    assert_int_equal(err.line, line);
    if (!strstr(err.message, what))
        fail_msg("message \"%s\" lacks \"%s\"", err.message, what);
}

static void test_product_rule_naming_a_product_not_in_its_lot_is_refused(void **state)
{
    (void)state;
    refused("  <product-rules>\n"
            "    <cap id=\"C\" source=\"L9\" label=\"M\" lot=\"4\" products=\"45A48 41A00\""
            " measure=\"inzet\" max=\"52\" unit=\"uur\" per=\"6-maanden\"/>\n"
            "  </product-rules>\n", TND_ERR_DEFINITION, 9,
            "regel C: perceel 4 heeft geen voorziening '41A00'");
}

static void test_cap_exception_with_max_not_above_the_cap_is_refused(void **state)
{
    (void)state;
    /* an exception with its own maximum allows more than the cap (53A01: 180 > 100, L7090-7097) */
    refused("  <product-rules>\n"
            "    <cap id=\"C\" source=\"L9\" label=\"M\" lot=\"4\" products=\"53A01\""
            " measure=\"inzet\" max=\"100\" unit=\"minuut\" per=\"client-jaar\">\n"
            "      <exception id=\"U\" source=\"L10\" max=\"100\">nieuw</exception>\n"
            "    </cap>\n"
            "  </product-rules>\n", TND_ERR_DEFINITION, 10,
            "uitzondering U: max is niet hoger dan het maximum van regel C");
}

static void test_cap_of_zero_is_refused(void **state)
{
    (void)state;
    refused("  <product-rules>\n"
            "    <cap id=\"C\" source=\"L9\" label=\"M\" lot=\"4\" products=\"45A48\""
            " measure=\"inzet\" max=\"0\" unit=\"uur\" per=\"6-maanden\"/>\n"
            "  </product-rules>\n", TND_ERR_RANGE, 9, "attribuut 'max' is niet groter dan 0");
}

static void test_cap_above_a_million_is_refused(void **state)
{
    (void)state;
    /* no product sheet comes near it; the exact comparisons stay inside 64 bits */
    refused("  <product-rules>\n"
            "    <cap id=\"C\" source=\"L9\" label=\"M\" lot=\"4\" products=\"45A48\""
            " measure=\"inzet\" max=\"1000001\" unit=\"uur\" per=\"6-maanden\"/>\n"
            "  </product-rules>\n", TND_ERR_RANGE, 9, "attribuut 'max' is groter dan 1.000.000");
}

static void test_extension_max_without_extensions_is_refused(void **state)
{
    (void)state;
    refused("  <product-rules>\n"
            "    <cap id=\"C\" source=\"L9\" label=\"M\" lot=\"4\" products=\"45A48\""
            " measure=\"inzet\" max=\"52\" unit=\"uur\" per=\"6-maanden\" extension-max=\"6\""
            " extension-unit=\"maand\"/>\n"
            "  </product-rules>\n", TND_ERR_DEFINITION, 9, "extension-max zonder verlenging");
}

static void test_staffing_category_twice_is_refused(void **state)
{
    (void)state;
    refused("  <product-rules>\n"
            "    <staffing id=\"S\" source=\"L9\" label=\"B\" lot=\"4\" products=\"45A48\">\n"
            "      <category code=\"1\" max-youths-per-staff=\"4\" source=\"L10\"/>\n"
            "      <category code=\"1\" max-youths-per-staff=\"3\" source=\"L11\"/>\n"
            "    </staffing>\n"
            "  </product-rules>\n", TND_ERR_DEFINITION, 11, "categorie '1' staat er twee keer in");
}

static void test_ambulant_alternative_via_its_own_lot_is_refused(void **state)
{
    (void)state;
    refused("  <product-rules>\n"
            "    <ambulant-alternative id=\"A\" source=\"L9\" label=\"L\" lot=\"1\" via-lots=\"1 4\"/>\n"
            "  </product-rules>\n", TND_ERR_DEFINITION, 9, "via-lots noemt perceel 1 zelf");
}

static void test_exception_id_shares_the_id_space_of_rules(void **state)
{
    (void)state;
    refused("  <product-rules>\n"
            "    <cap id=\"C\" source=\"L9\" label=\"M\" lot=\"4\" products=\"53A01\""
            " measure=\"inzet\" max=\"100\" unit=\"minuut\" per=\"client-jaar\">\n"
            "      <exception id=\"C\" source=\"L10\" max=\"180\">nieuw</exception>\n"
            "    </cap>\n"
            "  </product-rules>\n", TND_ERR_DEFINITION, 10, "id 'C' komt dubbel voor");
}

/* ------------------------------------------------------------------ Holland Rijnland 2021 */

static const tnd_product_rule *rule(const tnd_definition *def, const char *id)
{
    for (size_t i = 0; i < def->n_product_rules; i++)
        if (strcmp(def->product_rules[i].ref.id, id) == 0)
            return &def->product_rules[i];
    fail_msg("no rule %s", id);
    return NULL;
}

static void test_holland_rijnland_caps_match_the_seed(void **state)
{
    (void)state;
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load_file(TND_SOURCE_DIR
                                              "/fixtures/tenders/holland-rijnland-2021.xml", &def,
                                              &err), TND_OK);
    assert_int_equal(def->format_version, 2);
    assert_int_equal(def->n_lots, 7);
    /* L6459-6464: 52 uur per 6 maanden, verlenging steeds 6 maanden */
    const tnd_product_rule *r = rule(def, "CAP-HR-BEGELEIDING-IND");
    assert_int_equal(r->max.units, 52 * TND_DEC_SCALE);
    assert_int_equal(r->unit, TND_UNIT_HOUR);
    assert_string_equal(r->per, "6-maanden");
    assert_int_equal(r->extensions, TND_CAP_UNLIMITED);
    assert_int_equal(r->extension_max.units, 6 * TND_DEC_SCALE);
    assert_int_equal(r->n_exceptions, 4);
    /* L6972-6973, L7020-7021 */
    assert_int_equal(rule(def, "CAP-HR-EED-DIAGNOSTIEK")->max.units, 720 * TND_DEC_SCALE);
    assert_int_equal(rule(def, "CAP-HR-EED-BEHANDELING")->max.units, 3000 * TND_DEC_SCALE);
    /* L7089-7097: 100 min, a new client once 180 */
    r = rule(def, "CAP-HR-53A01");
    assert_int_equal(r->max.units, 100 * TND_DEC_SCALE);
    assert_true(r->exceptions[0].has_max);
    assert_int_equal(r->exceptions[0].max.units, 180 * TND_DEC_SCALE);
    /* L1214-1217: 12 maanden + eenmalig 12 */
    r = rule(def, "CAP-HR-VERBLIJF-DUUR");
    assert_int_equal(r->n_products, 5);
    assert_int_equal(r->extensions, 1);
    assert_int_equal(r->extension_max.units, 12 * TND_DEC_SCALE);
    /* L4759-4769: 2 jaar + half jaar, 48 weken */
    assert_int_equal(rule(def, "CAP-HR-DAGBEH-A-DUUR")->unit, TND_UNIT_YEAR);
    assert_int_equal(rule(def, "CAP-HR-DAGBEH-A-WEKEN")->max.units, 48 * TND_DEC_SCALE);
    /* L4789-4815: 4 / 4 / 3; L5285-5307: 8 / 8 / 6 */
    r = rule(def, "PERS-HR-DAGBEH-A");
    assert_int_equal(r->n_categories, 3);
    assert_int_equal(r->categories[2].max_youths_per_staff.units, 3 * TND_DEC_SCALE);
    r = rule(def, "PERS-HR-ZORG-ONDERWIJS");
    assert_int_equal(r->categories[0].max_youths_per_staff.units, 8 * TND_DEC_SCALE);
    assert_int_equal(r->categories[2].max_youths_per_staff.units, 6 * TND_DEC_SCALE);
    /* L3273-3276: pleegzorg HKZ only, no equivalents */
    r = rule(def, "KWAL-HR-PLEEGZORG");
    assert_int_equal(r->n_schemes, 1);
    assert_string_equal(r->schemes[0], "HKZ");
    assert_false(r->equivalent_review);
    assert_string_equal(rule(def, "KWAL-HR-ZORGBOERDERIJ")->provider_type, "zorgboerderij");
    /* L619-632 */
    r = rule(def, "VERBLIJF-HR-AMBULANT-ALTERNATIEF");
    assert_int_equal(r->lot, 1);
    assert_int_equal(r->via_lots[0], 4);
    tnd_definition_free(def);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_1_file_loads_as_version_1_read_as_2),
        cmocka_unit_test(test_version_2_file_loads_as_version_2),
        cmocka_unit_test(test_version_1_file_may_use_version_2_elements_after_migration),
        cmocka_unit_test(test_unknown_namespace_is_a_schema_error),
        cmocka_unit_test(test_builtin_ijsselland_is_version_1),
        cmocka_unit_test(test_product_rule_naming_a_product_not_in_its_lot_is_refused),
        cmocka_unit_test(test_cap_exception_with_max_not_above_the_cap_is_refused),
        cmocka_unit_test(test_cap_of_zero_is_refused),
        cmocka_unit_test(test_cap_above_a_million_is_refused),
        cmocka_unit_test(test_extension_max_without_extensions_is_refused),
        cmocka_unit_test(test_staffing_category_twice_is_refused),
        cmocka_unit_test(test_ambulant_alternative_via_its_own_lot_is_refused),
        cmocka_unit_test(test_exception_id_shares_the_id_space_of_rules),
        cmocka_unit_test(test_holland_rijnland_caps_match_the_seed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
