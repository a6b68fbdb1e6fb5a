/*
 * test_textsafe.c - bidi controls in text from a bid (tender/base/textsafe.h): shown as <U+XXXX> in
 * the terminal summary and in workbook cells, never obeyed (issue 7).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "forms/xlsx_common.h"
#include "tender/base/textsafe.h"

/* Every bidi control of Unicode's list, and neighbours that are not one. */
static void test_bidi_controls_are_recognised_and_neighbours_are_not(void **state)
{
    static const struct {
        const char *bytes;
        uint32_t cp;
        size_t len;
    } cases[] = {
        { "\xD8\x9C", 0x061C, 2 },     { "\xE2\x80\x8E", 0x200E, 3 },
        { "\xE2\x80\x8F", 0x200F, 3 }, { "\xE2\x80\xAA", 0x202A, 3 },
        { "\xE2\x80\xAE", 0x202E, 3 }, { "\xE2\x81\xA6", 0x2066, 3 },
        { "\xE2\x81\xA9", 0x2069, 3 },
        { "\xE2\x80\x8D", 0, 0 }, /* U+200D zero width joiner: not bidi */
        { "\xE2\x80\x90", 0, 0 }, /* U+2010 hyphen */
        { "\xE2\x80\xAF", 0, 0 }, /* U+202F narrow no-break space */
        { "\xE2\x81\xA5", 0, 0 }, /* U+2065 unassigned */
        { "\xE2\x81\xAA", 0, 0 }, /* U+206A */
        { "\xD8\x9B", 0, 0 },     /* U+061B Arabic semicolon */
        { "\xE2\x80", 0, 0 },     /* cut off */
        { "a", 0, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = 0;
        assert_int_equal(tnd_bidi_control((const unsigned char *)cases[i].bytes, &len),
                         cases[i].cp);
        assert_int_equal(len, cases[i].len);
    }
}

/* The terminal summary of `tender evaluate` names bidders in a tie. */
static void test_terminal_text_shows_bidi_controls_and_spaces_controls(void **state)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    assert_non_null(f);
    tnd_fputs_visible("Zorg \xE2\x80\xAEVB\xE2\x80\xAC\tB.V. \xD8\x9C\xC3\xAB", f);
    fclose(f);
    assert_string_equal(text, "Zorg <U+202E>VB<U+202C> B.V. <U+061C>\xC3\xAB");
    free(text);
}

/* Workbook cells: the same, and the 2-byte U+061C (8 bytes shown) fits the buffer. */
static void test_cell_text_shows_bidi_controls(void **state)
{
    char *cell = tnd_xlsxw_clean_text("\xE2\x80\xAEZorg\xE2\x81\xA9\n\xD8\x9C\xD8\x9C\xD8\x9C");
    assert_non_null(cell);
    assert_string_equal(cell, "<U+202E>Zorg<U+2069> <U+061C><U+061C><U+061C>");
    free(cell);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bidi_controls_are_recognised_and_neighbours_are_not),
        cmocka_unit_test(test_terminal_text_shows_bidi_controls_and_spaces_controls),
        cmocka_unit_test(test_cell_text_shows_bidi_controls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
