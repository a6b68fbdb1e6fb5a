/*
 * test_facts.c - the fact vocabulary (scoring/facts.c) and the two schemas that repeat it.
 *
 * The drift test (issue 12 "one fact vocabulary"): the names of the table must be exactly
 *   - the <xs:enumeration> values of simpleType "Fact" in tender/schema/definition.xsd (every
 *     fact, derived ones too: a requirement can name them), and
 *   - the <xs:element> names of complexType "Facts" in tender/schema/bid.xsd (the facts a bid
 *     gives itself, origin TND_FACT_IN_BID), each with the type its kind needs: YearAmount when
 *     per year, Code for text, Typed otherwise.
 * and docs/definition-format.md lists every fact with its kind and element.
 * A failure prints what to add or remove, and where. The schemas are read as the binary embeds
 * them (tender/embedded.h), so the test checks what `tender` validates with.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "scoring/facts.h"
#include "scoring/model.h"
#include "tender/embedded.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

#define XS "http://www.w3.org/2001/XMLSchema"
#define MAX_NAMES 128

typedef struct {
    char name[64];
    char type[64];   /* bid.xsd: the element's type; definition.xsd: "" */
} schema_fact;

static bool is_xs(xmlNodePtr n, const char *local)
{
    return n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, XS) == 0 &&
           strcmp((const char *)n->name, local) == 0;
}

static void attr(xmlNodePtr n, const char *name, char *dst, size_t size)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    snprintf(dst, size, "%s", v ? (const char *)v : "");
    xmlFree(v);
}

/* The top-level <xs:kind name="name"> of the schema. */
static xmlNodePtr top_level(xmlDocPtr doc, const char *kind, const char *name)
{
    for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
        char got[64];
        if (!is_xs(n, kind))
            continue;
        attr(n, "name", got, sizeof got);
        if (strcmp(got, name) == 0)
            return n;
    }
    return NULL;
}

/* Every descendant <xs:local> of n, its attribute `key` as name (and `type`), in order. */
static void collect(xmlNodePtr n, const char *local, const char *key, schema_fact *out,
                    size_t *count)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_xs(c, local) && *count < MAX_NAMES) {
            attr(c, key, out[*count].name, sizeof out[*count].name);
            attr(c, "type", out[*count].type, sizeof out[*count].type);
            (*count)++;
        }
        collect(c, local, key, out, count);
    }
}

static xmlDocPtr parse(const unsigned char *bytes, size_t len)
{
    xmlDocPtr doc = xmlReadMemory((const char *)bytes, (int)len, "schema.xsd", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    assert_non_null(doc);
    return doc;
}

static const schema_fact *find_name(const schema_fact *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i].name, name) == 0)
            return &list[i];
    return NULL;
}

/* The XSD type a bid element needs for a fact of this kind. */
static const char *bid_type_of(const tnd_fact_spec *f)
{
    if (f->per_year)
        return "YearAmount";
    return f->kind == TND_FACT_KIND_TEXT ? "Code" : "Typed";
}

/* ------------------------------------------------------------------------------------------ */

static void test_definition_xsd_fact_enumeration_matches_the_vocabulary(void **state)
{
    xmlDocPtr doc = parse(tnd_embedded_definition_xsd, tnd_embedded_definition_xsd_len);
    xmlNodePtr type = top_level(doc, "simpleType", "Fact");
    assert_non_null(type);
    schema_fact names[MAX_NAMES];
    size_t n = 0, n_specs;
    collect(type, "enumeration", "value", names, &n);
    const tnd_fact_spec *specs = tnd_fact_specs(&n_specs);
    int drift = 0;
    for (size_t i = 0; i < n_specs; i++)
        if (!find_name(names, n, specs[i].name)) {
            print_error("fact '%s' is in scoring/facts.c but not in tender/schema/definition.xsd:"
                        " add <xs:enumeration value=\"%s\"/> to <xs:simpleType name=\"Fact\">\n",
                        specs[i].name, specs[i].name);
            drift++;
        }
    for (size_t i = 0; i < n; i++)
        if (!tnd_fact_spec_find(names[i].name)) {
            print_error("fact '%s' is in definition.xsd (simpleType Fact) but not in "
                        "scoring/facts.c: add its row there (kind, unit, range, label) or remove "
                        "the enumeration\n", names[i].name);
            drift++;
        }
    assert_int_equal(n, n_specs);
    assert_int_equal(drift, 0);
    xmlFreeDoc(doc);
}

static void test_bid_xsd_facts_elements_match_the_vocabulary_and_kinds(void **state)
{
    xmlDocPtr doc = parse(tnd_embedded_bid_xsd, tnd_embedded_bid_xsd_len);
    xmlNodePtr type = top_level(doc, "complexType", "Facts");
    assert_non_null(type);
    schema_fact elements[MAX_NAMES];
    size_t n = 0, n_specs, in_bid = 0;
    collect(type, "element", "name", elements, &n);
    const tnd_fact_spec *specs = tnd_fact_specs(&n_specs);
    int drift = 0;
    for (size_t i = 0; i < n_specs; i++) {
        const tnd_fact_spec *f = &specs[i];
        const schema_fact *e = find_name(elements, n, f->name);
        if (f->origin == TND_FACT_DERIVED) {
            if (e) {
                print_error("fact '%s' is derived (scoring/facts.c) but bid.xsd lets a bid give "
                            "it in <facts>: remove that <xs:element>\n", f->name);
                drift++;
            }
            continue;
        }
        in_bid++;
        if (!e) {
            print_error("fact '%s' is in scoring/facts.c but not in tender/schema/bid.xsd: add "
                        "<xs:element name=\"%s\" type=\"%s\"/> to <xs:complexType "
                        "name=\"Facts\">\n", f->name, f->name, bid_type_of(f));
            drift++;
        } else if (strcmp(e->type, bid_type_of(f)) != 0) {
            print_error("fact '%s': bid.xsd gives type \"%s\", its kind in scoring/facts.c needs "
                        "\"%s\"\n", f->name, e->type, bid_type_of(f));
            drift++;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (!tnd_fact_spec_find(elements[i].name)) {
            print_error("element <%s> of <facts> in bid.xsd is not in scoring/facts.c: add its "
                        "row there or remove the element\n", elements[i].name);
            drift++;
        }
    assert_int_equal(n, in_bid);
    assert_int_equal(drift, 0);
    xmlFreeDoc(doc);
}

static void test_every_fact_has_a_dutch_label_an_example_and_one_row(void **state)
{
    size_t n;
    const tnd_fact_spec *specs = tnd_fact_specs(&n);
    assert_true(n >= 12);
    for (size_t i = 0; i < n; i++) {
        assert_true(strlen(specs[i].name) > 0 && strlen(specs[i].name) < TND_CODE_LEN);
        assert_true(strlen(specs[i].label) > 0);
        assert_true(strlen(specs[i].example) > 0);
        assert_ptr_equal(tnd_fact_spec_find(specs[i].name), &specs[i]);
        if (specs[i].kind != TND_FACT_KIND_FLAG && specs[i].kind != TND_FACT_KIND_TEXT) {
            assert_true(specs[i].min <= specs[i].max);
            assert_true(strlen(specs[i].range_text) > 0);
        }
    }
    assert_null(tnd_fact_spec_find("bestaat-niet"));
    assert_null(tnd_fact_spec_find(NULL));
}

static void test_the_facts_the_ijsselland_requirements_name_have_their_kinds(void **state)
{
    /* §5.6 L1562-1563: revenue is money per year; L1575: fte a decimal; L1581-1582: a count */
    const tnd_fact_spec *f = tnd_fact_spec_find("jeugdwet-omzet");
    assert_non_null(f);
    assert_int_equal(f->kind, TND_FACT_KIND_MONEY);
    assert_true(f->per_year);
    assert_int_equal(tnd_fact_spec_find("fte-behandelaren-loondienst")->kind,
                     TND_FACT_KIND_DECIMAL);
    assert_int_equal(tnd_fact_spec_find("ggz-verblijf-jeugdigen-regio")->kind,
                     TND_FACT_KIND_COUNT);
    assert_int_equal(tnd_fact_spec_find("cao")->kind, TND_FACT_KIND_TEXT);
    assert_int_equal(tnd_fact_spec_find("wvggz")->kind, TND_FACT_KIND_FLAG);
    /* §5.6 L1584-1585: counted from <locations>, not typed by the bidder */
    assert_int_equal(tnd_fact_spec_find("locaties-in-regio")->origin, TND_FACT_DERIVED);
}

static void test_requirement_kinds_fit_exactly_their_fact_kinds(void **state)
{
    assert_true(tnd_fact_kind_fits(TND_FACT_KIND_MONEY, TND_REQ_MONEY));
    assert_false(tnd_fact_kind_fits(TND_FACT_KIND_MONEY, TND_REQ_NUMBER));
    assert_true(tnd_fact_kind_fits(TND_FACT_KIND_COUNT, TND_REQ_NUMBER));
    assert_true(tnd_fact_kind_fits(TND_FACT_KIND_DECIMAL, TND_REQ_NUMBER));
    assert_false(tnd_fact_kind_fits(TND_FACT_KIND_DECIMAL, TND_REQ_MONEY));
    assert_true(tnd_fact_kind_fits(TND_FACT_KIND_FLAG, TND_REQ_FLAG));
    assert_false(tnd_fact_kind_fits(TND_FACT_KIND_COUNT, TND_REQ_FLAG));
    assert_true(tnd_fact_kind_fits(TND_FACT_KIND_TEXT, TND_REQ_ONE_OF));
    assert_false(tnd_fact_kind_fits(TND_FACT_KIND_FLAG, TND_REQ_ONE_OF));
    assert_false(tnd_fact_kind_fits(TND_FACT_KIND_TEXT, TND_REQ_BIDS_PRODUCT));
    assert_string_equal(tnd_fact_kind_element(TND_FACT_KIND_MONEY), "money");
    assert_string_equal(tnd_fact_kind_element(TND_FACT_KIND_COUNT), "number");
    assert_string_equal(tnd_fact_kind_element(TND_FACT_KIND_TEXT), "one-of");
    assert_int_equal(tnd_fact_kind_type(TND_FACT_KIND_DECIMAL), TND_FACT_NUMBER);
    assert_int_equal(tnd_fact_kind_type(TND_FACT_KIND_MONEY), TND_FACT_MONEY);
}

/* docs/definition-format.md lists every fact in its table: "| `name` | ... | `<element>` |". */
static void test_definition_format_doc_lists_every_fact_with_its_element(void **state)
{
    FILE *f = fopen(TND_SOURCE_DIR "/docs/definition-format.md", "r");
    assert_non_null(f);
    static char doc[256 * 1024];
    size_t len = fread(doc, 1, sizeof doc - 1, f);
    fclose(f);
    doc[len] = '\0';
    size_t n;
    const tnd_fact_spec *specs = tnd_fact_specs(&n);
    int drift = 0;
    for (size_t i = 0; i < n; i++) {
        char row[96], element[32];
        snprintf(row, sizeof row, "\n| `%s` | %s |", specs[i].name,
                 specs[i].kind == TND_FACT_KIND_FLAG ? "ja/nee"
                 : specs[i].kind == TND_FACT_KIND_TEXT ? "tekst (codes)"
                                                       : tnd_fact_kind_dutch(specs[i].kind));
        snprintf(element, sizeof element, "`<%s>`", tnd_fact_kind_element(specs[i].kind));
        const char *at = strstr(doc, row);
        const char *end = at ? strchr(at + 1, '\n') : NULL;
        const char *el = at ? strstr(at, element) : NULL;
        if (!at || !el || (end && el > end)) {
            print_error("docs/definition-format.md (<requirements>) lacks the row "
                        "\"%s ... | %s |\" for fact '%s' of scoring/facts.c\n", row + 1, element,
                        specs[i].name);
            drift++;
        }
    }
    assert_int_equal(drift, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_definition_xsd_fact_enumeration_matches_the_vocabulary),
        cmocka_unit_test(test_bid_xsd_facts_elements_match_the_vocabulary_and_kinds),
        cmocka_unit_test(test_every_fact_has_a_dutch_label_an_example_and_one_row),
        cmocka_unit_test(test_the_facts_the_ijsselland_requirements_name_have_their_kinds),
        cmocka_unit_test(test_requirement_kinds_fit_exactly_their_fact_kinds),
        cmocka_unit_test(test_definition_format_doc_lists_every_fact_with_its_element),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
