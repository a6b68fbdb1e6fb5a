/*
 * test_letters.c - the award letters (forms/letters.c) on the shipped IJsselland 2023 example,
 * in process with the pipeline of `tender evaluate` (tender/cli/evaluate_run.c), letters dated
 * 2022-08-08 (the planned "publicatie voorgenomen gunningsbesluit", §3.3 L297).
 *
 * Three letters are compared byte for byte with tests/cli/expected/letters/ (gegund; niet gegund
 * in lot 4 with the awarded bidders' scores and a fallback to lot 3; niet toegelaten). To
 * regenerate them after a deliberate change: TND_UPDATE_EXPECTED=1 build/test_letters, then
 * review the diff. All 40 letters are checked for their KvK and outcome per lot.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "forms/letters.h"
#include "tender/definition.h"
#include "tender/cli/evaluate_run.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

#define EXAMPLE TND_SOURCE_DIR "/fixtures/example/"
#define EXPECTED TND_SOURCE_DIR "/tests/cli/expected/letters/"

static tnd_run run;
static const tnd_date LETTER_DATE = { 2022, 8, 8 };

static int run_example(void **state)
{
    (void)state;
    tnd_run_options o = { .bids_dir = EXAMPLE "bids", .scores = EXAMPLE "scores.csv",
                          .date = "2022-08-08" };
    return tnd_run_evaluation(&o, &run) ? 0 : -1;
}

static int free_example(void **state)
{
    (void)state;
    tnd_run_free(&run);
    return 0;
}

static size_t bidder_index(const char *kvk)
{
    for (size_t i = 0; i < run.ev.n_bidders; i++)
        if (strcmp(run.ev.bidders[i].bid->bidder.kvk, kvk) == 0)
            return i;
    fail_msg("bidder %s not in the example", kvk);
    return 0;
}

static char *letter_of(size_t i)
{
    tnd_buf b;
    tnd_buf_init(&b);
    assert_true(tnd_letter_html(run.def, &run.ev, i, LETTER_DATE, &b));
    return b.data;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    tnd_buf b;
    tnd_buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        tnd_buf_append(&b, chunk, n);
    fclose(f);
    return b.data;
}

static void assert_letter_as_expected(const char *kvk)
{
    char *html = letter_of(bidder_index(kvk));
    char path[512];
    snprintf(path, sizeof path, EXPECTED "gunningsbeslissing-%s.html", kvk);
    const char *update = getenv("TND_UPDATE_EXPECTED");
    if (update && strcmp(update, "1") == 0) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(html, f);
        fclose(f);
    }
    char *expected = read_all(path);
    assert_non_null(expected);
    assert_string_equal(html, expected);
    free(expected);
    free(html);
}

/* ------------------------------------------------------------------ three letters, exact */

static void test_letter_granted_lot1_admitted_lot6_is_exact(void **state)
{
    (void)state;
    /* bidder 01: lot 1 gegund (Plan van Aanpak 8 >= 6,0, §6.1.1), lot 6 toegelaten (§6.1) */
    assert_letter_as_expected("60112841");
}

static void test_letter_not_granted_lot4_rank7_shows_awarded_scores_and_fallback_is_exact(
    void **state)
{
    (void)state;
    /* bidder 46: lot 4 rank 7 of 7, niet gegund (max 5, §4.3 L913-915); the four awarded
     * bidders' scores and advantages; fallback to lot 3 gegund (§4.3.1) */
    assert_letter_as_expected("64670283");
}

static void test_letter_not_admitted_uea_fraud_is_exact(void **state)
{
    (void)state;
    /* bidder 05: UEA IIIA fraud answered yes -> excluded at step 2 (§5.2 L1292-1293) */
    assert_letter_as_expected("60557320");
}

/* ------------------------------------------------------------------ all 40 */

/* The word a letter uses for each status: an oracle written out here, not taken from the code. */
static const char *expected_word(tnd_award_status s)
{
    switch (s) {
    case TND_AWARD_GRANTED: return "gegund";
    case TND_AWARD_ADMITTED: return "toegelaten";
    case TND_AWARD_SET_ASIDE: return "terzijde gelegd";
    case TND_AWARD_NOT_RANKED: return "niet gegund";
    case TND_AWARD_EXCLUDED: return "niet toegelaten";
    case TND_AWARD_TIE: return "nog niet beslist (gelijke stand)";
    case TND_AWARD_REVISION_OPEN: return "nog niet beslist (herziening plan van aanpak)";
    case TND_AWARD_PENDING: return "nog niet beslist (beoordeling loopt)";
    case TND_AWARD_NO_SCORES: return "nog niet beslist (score ontbreekt)";
    }
    return "?";
}

static void test_every_example_bidder_gets_a_letter_naming_its_kvk_and_outcome_per_lot(
    void **state)
{
    (void)state;
    assert_int_equal(run.ev.n_bidders, 40);
    for (size_t i = 0; i < run.ev.n_bidders; i++) {
        const tnd_bidder_outcome *b = &run.ev.bidders[i];
        char *html = letter_of(i);
        char want[256], file[40];
        assert_true(tnd_letter_file_name(b->bid->bidder.kvk, file, sizeof file));
        snprintf(want, sizeof want, "KvK-nummer %s</p>", b->bid->bidder.kvk);
        if (!strstr(html, want))
            fail_msg("letter of %s lacks '%s'", b->bid->bidder.kvk, want);
        for (int k = 0; k < b->n_applied; k++) {
            const tnd_lot *lot = tnd_definition_lot(run.def, b->applied[k]);
            snprintf(want, sizeof want, "<tr><td>%d %s</td><td>%s", b->applied[k], lot->name,
                     expected_word(b->status[k]));
            if (!strstr(html, want))
                fail_msg("letter of %s lacks '%s'", b->bid->bidder.kvk, want);
        }
        /* every letter ends with the objection period and the standstill (§3.3, §4.1.9) */
        assert_non_null(strstr(html, "<h2>Bezwaartermijn en vervolg</h2>"));
        assert_non_null(strstr(html, "[§4.1.9 L600-606; §4.1.13 L798-811]"));
        free(html);
    }
}

static void test_lot4_letter_names_29_august_and_other_lots_23_august(void **state)
{
    (void)state;
    /* RES-BEZWAARTERMIJN: lot 4 until 29-08-2022 (§3.3 L299), other lots 23-08-2022 (§4.1.9) */
    char *html = letter_of(bidder_index("64670283"));
    assert_non_null(strstr(html, "<li>Perceel 4: de bezwaartermijn loopt tot en met maandag 29 "
                                 "augustus 2022 (21 kalenderdagen na de datum van deze brief)"));
    assert_non_null(strstr(html, "<li>Perceel 3: de bezwaartermijn loopt tot en met dinsdag 23 "
                                 "augustus 2022 (15 kalenderdagen na de datum van deze brief)"));
    free(html);
}

static void test_undecided_lot_tie_names_no_objection_period_yet(void **state)
{
    (void)state;
    /* bidder 44: tie at place 5 of lot 4, undecided (RES-GELIJKE-STAND): no decision, so no
     * objection period runs yet; it starts with the later letter */
    char *html = letter_of(bidder_index("64455325"));
    assert_non_null(strstr(html, "<li>Perceel 4: nog niet beslist; de bezwaartermijn gaat in met "
                                 "de afzonderlijke brief over de beslissing.</li>"));
    assert_null(strstr(html, "29 augustus"));
    assert_non_null(strstr(html, "<h2>Perceel 4 Ambulant individueel - GGZ 2: nog niet beslist "
                                 "(gelijke stand)</h2>"));
    free(html);
}

static void test_letters_refused_when_dated_after_the_objection_deadline(void **state)
{
    (void)state;
    tnd_error err;
    /* §4.1.9 L606-608: "tot en met" 23 augustus: the last day itself is still inside */
    assert_int_equal(tnd_letters_check(run.def, &run.ev, (tnd_date){ 2022, 8, 23 }, &err),
                     TND_OK);
    assert_int_equal(tnd_letters_check(run.def, &run.ev, (tnd_date){ 2022, 8, 24 }, &err),
                     TND_ERR_USAGE);
    assert_non_null(strstr(err.message, "eindigt op 23-08-2022 (§4.1.9 L606-608)"));
}

static void test_definition_without_letters_is_refused_naming_the_element(void **state)
{
    (void)state;
    tnd_definition *other = NULL;
    tnd_error err;
    assert_int_equal(tnd_definition_load_file(TND_SOURCE_DIR
                                              "/fixtures/tenders/regio-voorbeeld-2024.xml",
                                              &other, &err), TND_OK);
    assert_false(other->has_letters);
    assert_int_equal(tnd_letters_check(other, &run.ev, LETTER_DATE, &err), TND_ERR_DEFINITION);
    assert_non_null(strstr(err.message, "heeft geen <letters>"));
    tnd_definition_free(other);
}

/* ------------------------------------------------------------------ hostile text */

static void test_hostile_name_is_escaped_and_bidi_controls_replaced(void **state)
{
    (void)state;
    tnd_buf b;
    tnd_buf_init(&b);
    /* <script>, &, both quotes, U+202E RIGHT-TO-LEFT OVERRIDE, U+2066, a tab, invalid byte */
    tnd_html_escape(&b, "<script>alert(1)</script> & \"Zorg\" 'BV' \xE2\x80\xAE" "evil"
                        "\xE2\x81\xA6\tx\xFF");
    assert_string_equal(b.data, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Zorg&quot; "
                                "&#39;BV&#39; \xEF\xBF\xBD" "evil\xEF\xBF\xBD x\xEF\xBF\xBD");
    tnd_buf_free(&b);
}

static void test_letter_file_name_comes_only_from_an_eight_digit_kvk(void **state)
{
    (void)state;
    char name[40];
    assert_true(tnd_letter_file_name("60112841", name, sizeof name));
    assert_string_equal(name, "gunningsbeslissing-60112841.html");
    assert_false(tnd_letter_file_name("../../x", name, sizeof name));
    assert_false(tnd_letter_file_name("6011284", name, sizeof name));
    assert_false(tnd_letter_file_name("601128411", name, sizeof name));
    assert_false(tnd_letter_file_name("6011284/", name, sizeof name));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_letter_granted_lot1_admitted_lot6_is_exact),
        cmocka_unit_test(
            test_letter_not_granted_lot4_rank7_shows_awarded_scores_and_fallback_is_exact),
        cmocka_unit_test(test_letter_not_admitted_uea_fraud_is_exact),
        cmocka_unit_test(test_every_example_bidder_gets_a_letter_naming_its_kvk_and_outcome_per_lot),
        cmocka_unit_test(test_lot4_letter_names_29_august_and_other_lots_23_august),
        cmocka_unit_test(test_undecided_lot_tie_names_no_objection_period_yet),
        cmocka_unit_test(test_letters_refused_when_dated_after_the_objection_deadline),
        cmocka_unit_test(test_definition_without_letters_is_refused_naming_the_element),
        cmocka_unit_test(test_hostile_name_is_escaped_and_bidi_controls_replaced),
        cmocka_unit_test(test_letter_file_name_comes_only_from_an_eight_digit_kvk),
    };
    return cmocka_run_group_tests(tests, run_example, free_example);
}
