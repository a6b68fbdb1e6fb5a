/*
 * test_definition_embedded.c - the embedded default definition is validated when the program is
 * built, not on every start (issue 9; tender/definition.c load_doc).
 *
 * `tnd_definition_load_default` skips the run-time XSD validation of the embedded bytes. That is
 * sound only while those bytes are valid against the embedded definition XSD and are the
 * fixture file the POST_BUILD step of CMakeLists.txt validates: these tests pin both, and that
 * the skip changes nothing in what is loaded. A definition given as a file or as memory
 * (--tender, the fuzzer) is still validated: a schema violation there is refused.
 *
 * The program does not even parse the default: it copies the image the build wrote of it
 * (tender/cli/definition_image.c, linked into this test too). The image must be exactly what
 * parsing the embedded XML gives now, and an image that does not fit is refused, not used.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "scoring/model.h"
#include "tender/base/readfile.h"
#include "tender/definition.h"
#include "tender/embedded.h"
#include "tender/xmlsafe.h"

extern const unsigned char tnd_definition_image[];
extern const size_t tnd_definition_image_len;

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

/* Through the validating loader (a version-1 namespace is migrated first, as on every load, then
 * the XSD validates): the embedded bytes pass. */
static void test_embedded_definition_is_valid_against_the_definition_xsd(void **state)
{
    (void)state;
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load_memory((const char *)tnd_embedded_default_definition,
                                                tnd_embedded_default_definition_len, "ingebouwd",
                                                &def, &err),
                     TND_OK);
    assert_non_null(def);
    tnd_definition_free(def);
}

static void test_embedded_definition_is_the_fixture_file_the_build_validates(void **state)
{
    (void)state;
    char *bytes = NULL;
    size_t len = 0;
    tnd_error err;
    assert_int_equal(tnd_read_file_bounded(TND_SOURCE_DIR "/fixtures/tenders/ijsselland-2023.xml",
                                           (size_t)16 << 20, &bytes, &len, &err),
                     TND_OK);
    assert_int_equal(len, tnd_embedded_default_definition_len);
    assert_memory_equal(bytes, tnd_embedded_default_definition, len);
    free(bytes);
}

/* The default (validation skipped) and the same bytes through the validating loader give the
 * same definition: the arrays of fixed-size records compare byte for byte. */
static void test_default_load_equals_the_validated_load_of_the_same_bytes(void **state)
{
    (void)state;
    tnd_error err;
    tnd_definition *fast = NULL, *checked = NULL;
    assert_int_equal(tnd_definition_load_default(&fast, &err), TND_OK);
    assert_int_equal(tnd_definition_load_memory((const char *)tnd_embedded_default_definition,
                                                tnd_embedded_default_definition_len,
                                                fast->file, &checked, &err),
                     TND_OK);
    assert_string_equal(fast->file, checked->file);
    assert_string_equal(fast->id, checked->id);
    assert_int_equal(fast->n_lots, checked->n_lots);
    for (size_t i = 0; i < fast->n_lots; i++) {
        assert_int_equal(fast->lots[i].number, checked->lots[i].number);
        assert_int_equal(fast->lots[i].n_products, checked->lots[i].n_products);
        assert_memory_equal(fast->lots[i].products, checked->lots[i].products,
                            fast->lots[i].n_products * sizeof *fast->lots[i].products);
    }
    assert_int_equal(fast->n_requirements, checked->n_requirements);
    assert_memory_equal(fast->requirements, checked->requirements,
                        fast->n_requirements * sizeof *fast->requirements);
    assert_int_equal(fast->n_resolutions, checked->n_resolutions);
    assert_memory_equal(fast->resolutions, checked->resolutions,
                        fast->n_resolutions * sizeof *fast->resolutions);
    assert_int_equal(fast->exclusion.n_grounds, checked->exclusion.n_grounds);
    assert_memory_equal(fast->exclusion.grounds, checked->exclusion.grounds,
                        fast->exclusion.n_grounds * sizeof *fast->exclusion.grounds);
    assert_memory_equal(&fast->financial, &checked->financial, sizeof fast->financial);
    tnd_definition_free(fast);
    tnd_definition_free(checked);
}

/* The image of a definition, written into a new buffer. */
static tnd_buf image_of(const tnd_definition *def)
{
    tnd_buf b;
    tnd_buf_init(&b);
    assert_true(tnd_definition_image_write(def, &b));
    return b;
}

/* The image compiled in is the image of the embedded XML parsed (and validated) now, byte for
 * byte; and reading it back gives a definition whose image is the same again. A field the image
 * forgot to carry, or an address left in it, would differ. */
static void test_the_compiled_image_is_the_parsed_definition(void **state)
{
    (void)state;
    tnd_error err;
    tnd_definition *parsed = NULL, *loaded = NULL;
    assert_int_equal(tnd_definition_load_memory((const char *)tnd_embedded_default_definition,
                                                tnd_embedded_default_definition_len,
                                                "(ingebouwd) ijsselland-2023.xml", &parsed, &err),
                     TND_OK);
    assert_int_equal(tnd_definition_load_default(&loaded, &err), TND_OK);
    tnd_buf a = image_of(parsed), b = image_of(loaded);
    assert_int_equal(a.len, tnd_definition_image_len);
    assert_memory_equal(a.data, tnd_definition_image, a.len);
    assert_int_equal(b.len, a.len);
    assert_memory_equal(b.data, a.data, a.len);
    /* a spot check through the model: the arrays live in the loaded definition's own memory */
    assert_int_equal(loaded->n_lots, parsed->n_lots);
    assert_ptr_not_equal(loaded->lots, parsed->lots);
    assert_string_equal(loaded->lots[7].products[16].code, parsed->lots[7].products[16].code);
    tnd_buf_free(&a);
    tnd_buf_free(&b);
    tnd_definition_free(parsed);
    tnd_definition_free(loaded);
}

/* An image cut short by one byte, one with a byte too many, or with another header is refused
 * as not fitting (the program then parses the XML), never half used. */
static void test_an_image_that_does_not_fit_is_refused(void **state)
{
    (void)state;
    size_t len = tnd_definition_image_len;
    unsigned char *img = malloc(len + 1);
    assert_non_null(img);
    memcpy(img, tnd_definition_image, len);
    bool bad = false;
    tnd_definition *def = tnd_definition_image_read(img, len, &bad);
    assert_non_null(def);
    assert_false(bad);
    tnd_definition_free(def);

    size_t cuts[] = { 0, 15, len / 2, len - 1 };
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        bad = false;
        assert_null(tnd_definition_image_read(img, cuts[i], &bad));
        assert_true(bad);
    }
    img[len] = 0;
    bad = false;
    assert_null(tnd_definition_image_read(img, len + 1, &bad));
    assert_true(bad);
    img[0] ^= 0xFF; /* another magic */
    bad = false;
    assert_null(tnd_definition_image_read(img, len, &bad));
    assert_true(bad);
    free(img);
}

/* <procedure> missing: a --tender file is validated against the XSD and refused on line 4. */
static void test_tender_file_with_a_schema_violation_is_still_refused(void **state)
{
    (void)state;
    const char *text =
        "<?xml version=\"1.0\"?>\n"
        "<tender-definition xmlns=\"urn:tender:definition:1\">\n"
        "  <meta><id>x</id><title>T</title><authority>A</authority><document>D</document>"
        "<timezone>Europe/Amsterdam</timezone></meta>\n"
        "  <municipalities source=\"§2\"><municipality id=\"a\">A</municipality>"
        "</municipalities>\n"
        "</tender-definition>\n";
    char path[] = "/tmp/tnd-definition-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    tnd_error err;
    tnd_definition *def = NULL;
    tnd_status rc = tnd_definition_load_file(path, &def, &err);
    unlink(path);
    assert_int_equal(rc, TND_ERR_SCHEMA);
    assert_null(def);
    assert_int_equal(err.line, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_embedded_definition_is_valid_against_the_definition_xsd),
        cmocka_unit_test(test_embedded_definition_is_the_fixture_file_the_build_validates),
        cmocka_unit_test(test_default_load_equals_the_validated_load_of_the_same_bytes),
        cmocka_unit_test(test_tender_file_with_a_schema_violation_is_still_refused),
        cmocka_unit_test(test_the_compiled_image_is_the_parsed_definition),
        cmocka_unit_test(test_an_image_that_does_not_fit_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
