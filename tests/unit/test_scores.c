/*
 * test_scores.c - reading committee scores and prices from CSV (tender/scores.c, format
 * docs/scores-format.md), against the embedded IJsselland 2023 definition.
 *
 * The valid examples are fixtures/scores/scores-example.csv (';', LF) and
 * scores-example-excel.csv (the same scores as Excel writes them: BOM, CRLF, ',', quotes, an
 * empty row of separators); both must give exactly the same rows with the same line numbers.
 * Every refusal is pinned by code, line, column (err.where) and a piece of the message.
 * Other inputs are strings loaded with tnd_scores_load_memory under the name "scores.csv";
 * line 1 is the header unless a test says otherwise.
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

#include "scoring/award.h"
#include "scoring/model.h"
#include "tender/definition.h"
#include "tender/scores.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

#define FIXTURES TND_SOURCE_DIR "/fixtures/scores/"
#define NAME "scores.csv"
#define HEADER "perceel;criterium;inschrijver;ronde;beoordelaar;score\n"
#define PRICE_HEADER "perceel;inschrijver;prijs\n"

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */

static int load_definition(void **state)
{
    tnd_definition *def = NULL;
    tnd_error err;
    if (tnd_definition_load_default(&def, &err) != TND_OK) {
        char text[1200];
        tnd_error_format(&err, text, sizeof text);
        fprintf(stderr, "%s\n", text);
        return -1;
    }
    *state = def;
    return 0;
}

static int free_definition(void **state)
{
    tnd_definition_free(*state);
    return 0;
}

static void print_unexpected(tnd_status rc, const tnd_error *err)
{
    char text[1600];
    tnd_error_format(err, text, sizeof text);
    print_error("status %s: %s (where \"%s\")\n", tnd_status_name(rc), text, err->where);
}

static void assert_contains(const char *text, const char *piece)
{
    if (!strstr(text, piece))
        print_error("\"%s\"\n  does not contain \"%s\"\n", text, piece);
    assert_non_null(strstr(text, piece));
}

/* The load must fail with code at line, column text `where` ("" = none), message with piece;
 * nothing is returned. */
static void assert_refusal(tnd_status rc, const tnd_error *err, const tnd_scores *s,
                           const char *file, tnd_status code, long line, const char *where,
                           const char *piece)
{
    if (rc != code || err->line != line || strcmp(err->where, where) != 0)
        print_unexpected(rc, err);
    assert_int_equal(rc, code);
    assert_int_equal(err->code, code);
    assert_int_equal(err->line, line);
    assert_string_equal(err->file, file);
    assert_string_equal(err->where, where);
    assert_contains(err->message, piece);
    assert_true(err->hint[0] != '\0');
    assert_null(s->items);
    assert_int_equal(s->n, 0);
}

static tnd_status load_text(const tnd_definition *def, const char *text, tnd_scores *s,
                            tnd_error *err)
{
    return tnd_scores_load_memory(text, strlen(text), NAME, def, s, err);
}

static void assert_text_refused(const tnd_definition *def, const char *text, tnd_status code,
                                long line, const char *where, const char *piece, tnd_error *err)
{
    tnd_scores s;
    tnd_status rc = load_text(def, text, &s, err);
    assert_refusal(rc, err, &s, NAME, code, line, where, piece);
}

static void assert_file_refused(const tnd_definition *def, const char *path, tnd_status code,
                                long line, const char *where, const char *piece, tnd_error *err)
{
    tnd_scores s;
    tnd_status rc = tnd_scores_load_csv(path, def, &s, err);
    assert_refusal(rc, err, &s, path, code, line, where, piece);
}

static void load_text_ok(const tnd_definition *def, const char *text, tnd_scores *s)
{
    tnd_error err;
    tnd_status rc = load_text(def, text, s, &err);
    if (rc != TND_OK)
        print_unexpected(rc, &err);
    assert_int_equal(rc, TND_OK);
}

static void assert_row(const tnd_score *row, long line, int lot, const char *criterion,
                       const char *bidder, int round, const char *member, int score)
{
    assert_int_equal(row->line, line);
    assert_int_equal(row->lot, lot);
    assert_string_equal(row->criterion, criterion);
    assert_string_equal(row->bidder, bidder);
    assert_int_equal(row->round, round);
    assert_string_equal(row->member, member);
    assert_int_equal(row->score, score);
}

/* The 16 rows of both example files, in file order. */
static void assert_example_rows(const tnd_scores *s)
{
    static const struct {
        long line;
        int lot;
        const char *criterion, *bidder;
        int round;
        const char *member;
        int score;
    } rows[] = {
        { 6, 3, "normaliseren", "30112233", 1, "lid-1", 8 },
        { 7, 3, "normaliseren", "30112233", 1, "lid-2", 6 },
        { 8, 3, "normaliseren", "30112233", 1, "consensus", 8 },
        { 11, 3, "normaliseren", "41223344", 1, "lid-1", 4 },
        { 12, 3, "normaliseren", "41223344", 1, "lid-2", 2 },
        { 13, 3, "normaliseren", "41223344", 1, "consensus", 4 },
        { 14, 3, "normaliseren", "41223344", 2, "lid-1", 6 },
        { 15, 3, "normaliseren", "41223344", 2, "lid-2", 6 },
        { 16, 3, "normaliseren", "41223344", 2, "consensus", 6 },
        { 19, 4, "normaliseren", "52334455", 1, "consensus", 8 },
        { 20, 4, "A", "52334455", 1, "consensus", 6 },
        { 22, 4, "B", "52334455", 1, "lid-1", 4 },
        { 23, 4, "B", "52334455", 1, "lid-2", 6 },
        { 24, 4, "B", "52334455", 1, "consensus", 8 },
        { 25, 4, "C", "52334455", 1, "consensus", 10 },
        { 26, 4, "D", "52334455", 1, "consensus", 4 },
    };
    size_t n = sizeof rows / sizeof rows[0];
    assert_int_equal(s->n, n);
    for (size_t i = 0; i < n; i++)
        assert_row(&s->items[i], rows[i].line, rows[i].lot, rows[i].criterion, rows[i].bidder,
                   rows[i].round, rows[i].member, rows[i].score);
}

/* ------------------------------------------------------------------------------------------ */
/* The valid examples                                                                          */

static void test_example_with_semicolons_gives_every_row_in_file_order(void **state)
{
    tnd_scores s;
    tnd_error err;
    tnd_status rc = tnd_scores_load_csv(FIXTURES "scores-example.csv", *state, &s, &err);
    if (rc != TND_OK)
        print_unexpected(rc, &err);
    assert_int_equal(rc, TND_OK);
    assert_int_equal(err.code, TND_OK);
    assert_string_equal(s.file, FIXTURES "scores-example.csv");
    assert_example_rows(&s);
    tnd_scores_free(&s);
}

static void test_excel_example_with_bom_crlf_commas_and_quotes_gives_the_same_rows(void **state)
{
    /* BOM, CRLF, ',', "Consensus", "3011 2233", " 8 " and a row ",,,,," on line 4 */
    tnd_scores s;
    tnd_error err;
    tnd_status rc = tnd_scores_load_csv(FIXTURES "scores-example-excel.csv", *state, &s, &err);
    if (rc != TND_OK)
        print_unexpected(rc, &err);
    assert_int_equal(rc, TND_OK);
    assert_example_rows(&s);
    tnd_scores_free(&s);
}

static void test_consensus_outside_the_members_range_is_accepted(void **state)
{
    /* Issue 3: a consensus outside the members' range is accepted; the award flags it. */
    tnd_scores s;
    load_text_ok(*state,
                 HEADER "4;B;52334455;1;lid-1;4\n4;B;52334455;1;lid-2;6\n"
                        "4;B;52334455;1;consensus;10\n",
                 &s);
    assert_int_equal(s.n, 3);
    assert_row(&s.items[2], 4, 4, "B", "52334455", 1, "consensus", 10);
    tnd_scores_free(&s);
}

static void test_computed_criterion_c_may_have_a_committee_score(void **state)
{
    /* §6.1.2 L1943-1945: C is computed from the locations, else the committee scores it */
    tnd_scores s;
    load_text_ok(*state, HEADER "4;C;52334455;1;consensus;6\n", &s);
    assert_int_equal(s.n, 1);
    assert_row(&s.items[0], 2, 4, "C", "52334455", 1, "consensus", 6);
    tnd_scores_free(&s);
}

static void test_columns_in_any_order_and_case_are_mapped_by_name(void **state)
{
    tnd_scores s;
    load_text_ok(*state,
                 "SCORE;Beoordelaar;Ronde;Inschrijver;Criterium;PERCEEL\n"
                 "6;CONSENSUS;1;41.22.33.44;a;4\n",
                 &s);
    assert_int_equal(s.n, 1);
    /* the criterion and "consensus" as the definition spells them; KvK as 8 digits */
    assert_row(&s.items[0], 2, 4, "A", "41223344", 1, "consensus", 6);
    tnd_scores_free(&s);
}

static void test_blank_lines_comments_and_rows_of_separators_are_skipped(void **state)
{
    tnd_scores s;
    load_text_ok(*state,
                 "\n# commentaar voor de kopregel\n" HEADER "   \n;;;;;\n  # ingesprongen\n"
                 " ; ; ; ; ; \n3;normaliseren;30112233;1;consensus;8",
                 &s);
    assert_int_equal(s.n, 1);
    assert_row(&s.items[0], 8, 3, "normaliseren", "30112233", 1, "consensus", 8);
    tnd_scores_free(&s);
}

static void test_header_alone_gives_no_rows(void **state)
{
    tnd_scores s;
    load_text_ok(*state, HEADER, &s);
    assert_int_equal(s.n, 0);
    assert_null(s.items);
    assert_string_equal(s.file, NAME);
    tnd_scores_free(&s);
}

static void test_quoted_fields_keep_separators_and_doubled_quotes(void **state)
{
    tnd_error err;
    /* "6,5" is one field in a ',' file: refused as a score, not as a 7th column */
    assert_text_refused(*state,
                        "perceel,criterium,inschrijver,ronde,beoordelaar,score\n"
                        "3,normaliseren,30112233,1,consensus,\"6,5\"\n",
                        TND_ERR_VALUE, 2, "kolom 6 (score)", "score \"6,5\" is geen geheel getal",
                        &err);
    /* a doubled quote inside quotes is one quote character */
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;\"lid\"\"1\";8\n",
                        TND_ERR_VALUE, 2, "kolom 5 (beoordelaar)", "beoordelaar \"lid\"1\"",
                        &err);
}

static void test_scores_free_is_idempotent(void **state)
{
    tnd_scores s;
    load_text_ok(*state, HEADER "3;normaliseren;30112233;1;consensus;8\n", &s);
    tnd_scores_free(&s);
    assert_null(s.items);
    assert_int_equal(s.n, 0);
    tnd_scores_free(&s);
    tnd_scores_free(NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Scores: the scale                                                                           */

static void test_score_7_is_refused_with_line_column_and_the_allowed_values(void **state)
{
    /* §6.1.1 L1778-1801: only 0, 2, 4, 6, 8, 10 */
    tnd_error err;
    assert_file_refused(*state, FIXTURES "bad-score-7.csv", TND_ERR_RANGE, 4, "kolom 6 (score)",
                        "score 7 staat niet op de scoreschaal; toegestaan zijn 0, 2, 4, 6, 8 en "
                        "10 (§6.1.1 L1778-1801)",
                        &err);
    /* the hint is a correct line made of the row's own correct fields */
    assert_string_equal(err.hint,
                        "een juiste regel is bijvoorbeeld: 3;normaliseren;30112233;1;lid-2;6");
}

static void test_score_six_and_a_half_empty_and_words_are_refused(void **state)
{
    /* §6.1.1: whole scale values only */
    tnd_error err;
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;consensus;6,5\n",
                        TND_ERR_VALUE, 2, "kolom 6 (score)",
                        "score \"6,5\" is geen geheel getal; toegestaan zijn 0, 2, 4, 6, 8 en 10",
                        &err);
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;consensus;\n", TND_ERR_VALUE,
                        2, "kolom 6 (score)", "score ontbreekt; toegestaan zijn 0, 2, 4, 6, 8 en 10",
                        &err);
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;consensus;acht\n",
                        TND_ERR_VALUE, 2, "kolom 6 (score)", "score \"acht\" is geen geheel getal",
                        &err);
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;consensus;-2\n",
                        TND_ERR_RANGE, 2, "kolom 6 (score)", "score -2 staat niet op de scoreschaal",
                        &err);
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;consensus;12\n",
                        TND_ERR_RANGE, 2, "kolom 6 (score)", "score 12 staat niet op de scoreschaal",
                        &err);
}

/* Issue 10 §4: "8,0" (Dutch Excel, one decimal shown) on the integer scale (§6.1.1 L1778-1801)
 * is the score 8, as are "8.0" and "8,00"; "8,5" and "8," are not whole numbers. */
static void test_score_8_0_with_zero_decimals_is_8(void **state)
{
    tnd_scores s;
    load_text_ok(*state,
                 HEADER "3;normaliseren;30112233;1;l1;8,0\n3;normaliseren;30112233;1;l2;8.0\n"
                        "3;normaliseren;30112233;1;l3;10,00\n",
                 &s);
    assert_int_equal(s.n, 3);
    assert_row(&s.items[0], 2, 3, "normaliseren", "30112233", 1, "l1", 8);
    assert_row(&s.items[1], 3, 3, "normaliseren", "30112233", 1, "l2", 8);
    assert_row(&s.items[2], 4, 3, "normaliseren", "30112233", 1, "l3", 10);
    tnd_scores_free(&s);
    tnd_error err;
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;consensus;8,5\n",
                        TND_ERR_VALUE, 2, "kolom 6 (score)", "score \"8,5\" is geen geheel getal",
                        &err);
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;consensus;8,\n",
                        TND_ERR_VALUE, 2, "kolom 6 (score)", "score \"8,\" is geen geheel getal",
                        &err);
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;consensus;,0\n",
                        TND_ERR_VALUE, 2, "kolom 6 (score)", "score \",0\" is geen geheel getal",
                        &err);
}

/* Issue 10 §4: a bid where the scores belong, and a file with CR-only line ends, are refused
 * saying what they are. */
static void test_bid_xml_and_cr_only_line_ends_are_refused_saying_so(void **state)
{
    tnd_error err;
    assert_text_refused(*state, "<?xml version=\"1.0\"?>\n<bid xmlns=\"urn:tender:bid:1\"/>\n",
                        TND_ERR_VALUE, 1, "",
                        "dit is een XML-bestand (een inschrijving), geen scorebestand", &err);
    assert_text_refused(*state, "perceel;criterium;inschrijver;ronde;beoordelaar;score\r"
                                "3;normaliseren;30112233;1;consensus;8\r",
                        TND_ERR_VALUE, 1, "",
                        "de regels eindigen alleen op CR (regeleinde van het oude Mac OS), niet "
                        "op LF of CRLF", &err);
}

static void test_every_value_of_the_scale_is_accepted(void **state)
{
    /* §6.1.1 L1778-1801: 0 Geen antwoord .. 10 Uitmuntend */
    tnd_scores s;
    load_text_ok(*state,
                 HEADER "3;normaliseren;30112233;1;l0;0\n3;normaliseren;30112233;1;l2;2\n"
                        "3;normaliseren;30112233;1;l4;4\n3;normaliseren;30112233;1;l6;6\n"
                        "3;normaliseren;30112233;1;l8;8\n3;normaliseren;30112233;1;l10;10\n",
                 &s);
    assert_int_equal(s.n, 6);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(s.items[i].score, (int)(2 * i));
    tnd_scores_free(&s);
}

/* ------------------------------------------------------------------------------------------ */
/* Scores: perceel and criterium                                                               */

static void test_lot_without_award_criteria_is_refused(void **state)
{
    /* §6.1 L1702-1704: lots 6, 7, 8 are admitted on steps 1-2, without a plan to score */
    tnd_error err;
    assert_text_refused(*state, HEADER "6;normaliseren;30112233;1;consensus;8\n",
                        TND_ERR_REFERENCE, 2, "kolom 1 (perceel)",
                        "perceel 6 heeft geen gunningscriteria; mogelijk: 1, 2, 3, 4, 5 en 9",
                        &err);
}

static void test_unknown_lot_and_a_lot_that_is_not_a_number_are_refused(void **state)
{
    tnd_error err;
    assert_text_refused(*state, HEADER "12;normaliseren;30112233;1;consensus;8\n",
                        TND_ERR_REFERENCE, 2, "kolom 1 (perceel)",
                        "perceel 12 bestaat niet in de aanbesteding", &err);
    assert_text_refused(*state, HEADER "drie;normaliseren;30112233;1;consensus;8\n",
                        TND_ERR_VALUE, 2, "kolom 1 (perceel)",
                        "perceel \"drie\" is geen perceelnummer", &err);
    assert_text_refused(*state, HEADER ";normaliseren;30112233;1;consensus;8\n", TND_ERR_VALUE,
                        2, "kolom 1 (perceel)", "perceel ontbreekt", &err);
}

static void test_unknown_criterion_is_refused_listing_the_lots_criteria(void **state)
{
    tnd_error err;
    assert_file_refused(*state, FIXTURES "bad-unknown-criterion.csv", TND_ERR_REFERENCE, 4,
                        "kolom 2 (criterium)",
                        "perceel 4 kent geen criterium \"E\"; wel: normaliseren, A, B, C en D",
                        &err);
    assert_string_equal(err.hint,
                        "een juiste regel is bijvoorbeeld: 4;normaliseren;12345678;1;consensus;6");
}

static void test_composite_criterion_regional_goals_is_refused(void **state)
{
    /* §6.1.2 L1842-1848: Regionale doelen is scored through A-D */
    tnd_error err;
    assert_text_refused(*state, HEADER "4;regionale-doelen;52334455;1;consensus;8\n",
                        TND_ERR_REFERENCE, 2, "kolom 2 (criterium)",
                        "criterium regionale-doelen van perceel 4 is opgebouwd uit de "
                        "deelcriteria A, B, C en D",
                        &err);
}

static void test_criterion_of_another_lot_is_refused(void **state)
{
    tnd_error err;
    assert_text_refused(*state, HEADER "3;A;30112233;1;consensus;8\n", TND_ERR_REFERENCE, 2,
                        "kolom 2 (criterium)",
                        "perceel 3 kent geen criterium \"A\"; wel: normaliseren", &err);
}

/* ------------------------------------------------------------------------------------------ */
/* Scores: inschrijver, ronde, beoordelaar                                                     */

static void test_bidder_that_is_not_a_kvk_number_is_refused(void **state)
{
    tnd_error err;
    assert_text_refused(*state, HEADER "3;normaliseren;1234567;1;consensus;8\n", TND_ERR_VALUE,
                        2, "kolom 3 (inschrijver)",
                        "inschrijver \"1234567\": geen geldig KvK-nummer", &err);
    assert_text_refused(*state, HEADER "3;normaliseren;;1;consensus;8\n", TND_ERR_VALUE, 2,
                        "kolom 3 (inschrijver)", "inschrijver (KvK-nummer) ontbreekt", &err);
}

static void test_round_other_than_1_or_2_is_refused(void **state)
{
    tnd_error err;
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;3;consensus;8\n", TND_ERR_RANGE,
                        2, "kolom 4 (ronde)", "ronde 3 bestaat niet", &err);
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;twee;consensus;8\n",
                        TND_ERR_VALUE, 2, "kolom 4 (ronde)", "ronde \"twee\" is geen getal", &err);
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;0;consensus;8\n", TND_ERR_RANGE,
                        2, "kolom 4 (ronde)", "ronde 0 bestaat niet", &err);
}

static void test_round_2_on_a_criterion_without_revision_is_refused(void **state)
{
    /* §6.1.2: only the plan (normaliseren) has a minimum and one revision; A-D have none */
    tnd_error err;
    assert_text_refused(*state, HEADER "4;A;52334455;2;consensus;8\n", TND_ERR_REFERENCE, 2,
                        "kolom 4 (ronde)",
                        "criterium A van perceel 4 kent geen herkansing (§6.1.2 L1845, "
                        "L1914-1917): alleen ronde 1",
                        &err);
    assert_string_equal(err.hint, "een juiste regel is bijvoorbeeld: 4;A;52334455;1;consensus;6");
}

static void test_member_ids_are_letters_digits_dash_underscore_up_to_31(void **state)
{
    tnd_error err;
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;lid 1;8\n", TND_ERR_VALUE, 2,
                        "kolom 5 (beoordelaar)", "beoordelaar \"lid 1\": een code van hoogstens 31",
                        &err);
    assert_text_refused(*state,
                        HEADER "3;normaliseren;30112233;1;abcdefghijklmnopqrstuvwxyz012345;8\n",
                        TND_ERR_VALUE, 2, "kolom 5 (beoordelaar)",
                        "beoordelaar \"abcdefghijklmnopqrstuvwxyz012345\"", &err);
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;;8\n", TND_ERR_VALUE, 2,
                        "kolom 5 (beoordelaar)", "beoordelaar ontbreekt", &err);

    tnd_scores s;
    load_text_ok(*state, HEADER "3;normaliseren;30112233;1;Lid_A-7abcdefghijklmnopqrstuvwx;8\n",
                 &s);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.items[0].member, "Lid_A-7abcdefghijklmnopqrstuvwx"); /* 31, as written */
    tnd_scores_free(&s);
}

/* ------------------------------------------------------------------------------------------ */
/* Scores: across rows                                                                         */

static void test_duplicate_row_is_refused_naming_both_lines(void **state)
{
    /* lid-1 and LID-1 are the same member */
    tnd_error err;
    assert_file_refused(*state, FIXTURES "bad-duplicate-row.csv", TND_ERR_VALUE, 5, "",
                        "dubbele score: perceel 3, criterium normaliseren, inschrijver 30112233, "
                        "ronde 1, beoordelaar LID-1 staat ook op regel 3",
                        &err);
    assert_contains(err.hint, "regels 3 en 5");
}

static void test_first_duplicate_in_file_order_is_reported(void **state)
{
    tnd_error err;
    assert_text_refused(*state,
                        HEADER "4;D;52334455;1;consensus;8\n"  /* 2 */
                               "3;normaliseren;30112233;1;consensus;8\n" /* 3 */
                               "3;normaliseren;30112233;1;consensus;6\n" /* 4: first repeat */
                               "4;D;52334455;1;consensus;6\n", /* 5 */
                        TND_ERR_VALUE, 4, "", "staat ook op regel 3", &err);
}

static void test_same_member_in_two_rounds_is_not_a_duplicate(void **state)
{
    /* §6.1.1 L1804-1807: one revision below 6,0; the revised plan is scored in round 2 */
    tnd_scores s;
    load_text_ok(*state,
                 HEADER "3;normaliseren;41223344;1;consensus;4\n"
                        "3;normaliseren;41223344;2;consensus;8\n",
                 &s);
    assert_int_equal(s.n, 2);
    assert_row(&s.items[1], 3, 3, "normaliseren", "41223344", 2, "consensus", 8);
    tnd_scores_free(&s);
}

static void test_round_2_after_a_consensus_meeting_the_minimum_is_refused(void **state)
{
    /* §6.1.1 L1804-1807: ">= 6,0": a consensus of exactly 6 needs no revision */
    tnd_error err;
    assert_file_refused(*state, FIXTURES "bad-round2-not-needed.csv", TND_ERR_REFERENCE, 4, "",
                        "ronde 2 voor inschrijver 30112233 op criterium normaliseren van perceel "
                        "3, maar de consensusscore van ronde 1 (regel 3) is 6 en haalt het "
                        "minimum 6,0 al: er was geen herkansing (§6.1.1 L1804-1807)",
                        &err);
    assert_contains(err.hint, "regel 3");
}

static void test_round_2_without_a_round_1_consensus_is_refused(void **state)
{
    /* §6.1.1 L1804-1807: the revision follows a consensus below the minimum */
    tnd_error err;
    assert_text_refused(*state,
                        HEADER "3;normaliseren;41223344;1;lid-1;4\n"
                               "3;normaliseren;41223344;2;consensus;8\n",
                        TND_ERR_REFERENCE, 3, "",
                        "ronde 2 voor inschrijver 41223344 op criterium normaliseren van perceel "
                        "3 zonder consensusscore in ronde 1",
                        &err);
    assert_string_equal(err.hint,
                        "voeg de consensusscore van ronde 1 toe, in de kolommen perceel, "
                        "criterium, inschrijver, ronde, beoordelaar, score: "
                        "3;normaliseren;41223344;1;consensus;4");
}

static void test_round_2_after_a_consensus_below_the_minimum_is_accepted_on_lot_4(void **state)
{
    /* §6.1.2 L1989-1993: lot 4's plan has the same minimum and revision */
    tnd_scores s;
    load_text_ok(*state,
                 HEADER "4;normaliseren;52334455;2;consensus;6\n"
                        "4;normaliseren;52334455;1;consensus;2\n",
                 &s);
    assert_int_equal(s.n, 2);
    assert_row(&s.items[0], 2, 4, "normaliseren", "52334455", 2, "consensus", 6);
    assert_row(&s.items[1], 3, 4, "normaliseren", "52334455", 1, "consensus", 2);
    tnd_scores_free(&s);
}

/* ------------------------------------------------------------------------------------------ */
/* Scores: header and layout                                                                   */

static void test_wrong_header_name_is_refused(void **state)
{
    tnd_error err;
    assert_file_refused(*state, FIXTURES "bad-header.csv", TND_ERR_VALUE, 1, "kolom 3",
                        "onbekende kolom \"bieder\" in de kopregel; verwacht de kolommen "
                        "perceel;criterium;inschrijver;ronde;beoordelaar;score",
                        &err);
}

static void test_header_with_wrong_column_count_or_a_repeated_name_is_refused(void **state)
{
    tnd_error err;
    assert_text_refused(*state, "perceel;criterium;inschrijver;ronde;score\n", TND_ERR_VALUE, 1,
                        "", "de kopregel heeft 5 kolommen; verwacht 6", &err);
    assert_text_refused(*state, "perceel\tcriterium\tinschrijver\tronde\tbeoordelaar\tscore\n",
                        TND_ERR_VALUE, 1, "", "de kopregel heeft 1 kolom; verwacht 6", &err);
    assert_text_refused(*state, "perceel;criterium;inschrijver;ronde;score;Score\n",
                        TND_ERR_VALUE, 1, "kolom 6",
                        "kolom \"Score\" staat twee keer in de kopregel (kolom 5 en 6)", &err);
}

static void test_empty_file_or_only_comments_has_no_header(void **state)
{
    tnd_error err;
    assert_text_refused(*state, "", TND_ERR_VALUE, 0, "", "er is geen kopregel", &err);
    assert_text_refused(*state, "# alleen commentaar\n\n", TND_ERR_VALUE, 0, "",
                        "er is geen kopregel", &err);
}

static void test_row_with_too_few_columns_is_refused(void **state)
{
    tnd_error err;
    assert_file_refused(*state, FIXTURES "bad-too-few-columns.csv", TND_ERR_VALUE, 3, "",
                        "de regel heeft 5 velden; verwacht 6", &err);
    /* the fields cannot be matched to columns: the example is the first lot with criteria */
    assert_string_equal(err.hint,
                        "een juiste regel is bijvoorbeeld: 1;normaliseren;12345678;1;consensus;6");
}

static void test_row_with_a_trailing_separator_has_too_many_columns(void **state)
{
    tnd_error err;
    assert_text_refused(*state, HEADER "3;normaliseren;30112233;1;consensus;8;\n", TND_ERR_VALUE,
                        2, "", "de regel heeft 7 velden; verwacht 6", &err);
}

static void test_hint_follows_the_files_column_order_and_separator(void **state)
{
    tnd_error err;
    assert_text_refused(*state,
                        "score,beoordelaar,ronde,inschrijver,criterium,perceel\n"
                        "7,lid-1,1,30112233,normaliseren,3\n",
                        TND_ERR_RANGE, 2, "kolom 1 (score)", "score 7", &err);
    assert_string_equal(err.hint,
                        "een juiste regel is bijvoorbeeld: 6,lid-1,1,30112233,normaliseren,3");
}

static void test_broken_quotes_are_refused_with_their_column(void **state)
{
    tnd_error err;
    assert_text_refused(*state, HEADER "3;\"normaliseren;30112233;1;consensus;8\n",
                        TND_ERR_VALUE, 2, "kolom 2",
                        "het aanhalingsteken aan het begin van het veld wordt niet gesloten",
                        &err);
    assert_text_refused(*state, HEADER "3;\"normaliseren\"x;30112233;1;consensus;8\n",
                        TND_ERR_VALUE, 2, "kolom 2",
                        "tekst na het sluitende aanhalingsteken", &err);
    assert_text_refused(*state, HEADER "3;normaliseren;3011\"2233;1;consensus;8\n",
                        TND_ERR_VALUE, 2, "kolom 3",
                        "een aanhalingsteken midden in een veld zonder aanhalingstekens", &err);
}

/* ------------------------------------------------------------------------------------------ */
/* Scores: encoding and limits                                                                 */

static void test_utf16_nul_bytes_and_invalid_utf8_are_refused(void **state)
{
    tnd_error err;
    tnd_scores s;
    static const char utf16[] = "\xFF\xFEp\0e\0";
    tnd_status rc = tnd_scores_load_memory(utf16, sizeof utf16 - 1, NAME, *state, &s, &err);
    assert_refusal(rc, &err, &s, NAME, TND_ERR_VALUE, 1, "",
                   "het bestand is UTF-16; verwacht UTF-8");

    static const char nul[] = HEADER "3;normaliseren;30112233;1;consensus;8\0\n";
    rc = tnd_scores_load_memory(nul, sizeof nul - 1, NAME, *state, &s, &err);
    assert_refusal(rc, &err, &s, NAME, TND_ERR_VALUE, 2, "", "NUL-byte");

    /* "é" in Windows-1252, as Excel writes "CSV (puntkomma-gescheiden)" */
    assert_text_refused(*state, HEADER "# beoordeeld door Andr\xE9\n", TND_ERR_VALUE, 2, "",
                        "geen geldige UTF-8-tekst (byte 23 van de regel)", &err);
}

static void test_line_of_4096_bytes_is_read_and_4097_is_too_long(void **state)
{
    const char *row = "3;normaliseren;30112233;1;consensus;8";
    size_t head = strlen(HEADER);
    char *text = malloc(head + 4097 + 2);
    assert_non_null(text);
    /* the score field padded with spaces (trimmed) up to exactly 4096 bytes */
    memcpy(text, HEADER, head);
    memcpy(text + head, row, strlen(row));
    memset(text + head + strlen(row), ' ', 4096 - strlen(row));
    text[head + 4096] = '\n';
    text[head + 4097] = '\0';
    tnd_scores s;
    load_text_ok(*state, text, &s);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.items[0].score, 8);
    tnd_scores_free(&s);

    tnd_error err;
    memset(text + head + strlen(row), ' ', 4097 - strlen(row));
    text[head + 4097] = '\n';
    text[head + 4098] = '\0';
    assert_text_refused(*state, text, TND_ERR_TOO_LARGE, 2, "",
                        "de regel is langer dan 4096 bytes (4097)", &err);
    free(text);
}

/* Header and `rows` distinct valid rows (one consensus per bidder). */
static char *many_rows(size_t rows, size_t *len)
{
    const size_t row_len = sizeof "3;normaliseren;10000000;1;consensus;8\n" - 1;
    size_t cap = strlen(HEADER) + rows * row_len + 1;
    char *text = malloc(cap);
    assert_non_null(text);
    size_t at = (size_t)snprintf(text, cap, "%s", HEADER);
    for (size_t i = 0; i < rows; i++)
        at += (size_t)snprintf(text + at, cap - at, "3;normaliseren;%08zu;1;consensus;8\n",
                               10000000 + i);
    *len = at;
    return text;
}

static void test_200000_rows_are_read_and_one_more_is_too_many(void **state)
{
    size_t len;
    char *text = many_rows(200000, &len);
    assert_true(len <= (size_t)TND_SCORES_MAX_BYTES);
    tnd_scores s;
    tnd_error err;
    tnd_status rc = tnd_scores_load_memory(text, len, NAME, *state, &s, &err);
    assert_int_equal(rc, TND_OK);
    assert_int_equal(s.n, 200000);
    assert_row(&s.items[199999], 200001, 3, "normaliseren", "10199999", 1, "consensus", 8);
    tnd_scores_free(&s);
    free(text);

    text = many_rows(200001, &len);
    assert_true(len <= (size_t)TND_SCORES_MAX_BYTES);
    rc = tnd_scores_load_memory(text, len, NAME, *state, &s, &err);
    assert_refusal(rc, &err, &s, NAME, TND_ERR_TOO_LARGE, 200002, "",
                   "meer dan 200000 regels met gegevens");
    free(text);
}

static void test_file_larger_than_8_mib_is_refused_before_reading(void **state)
{
    char path[] = "/tmp/test_scores_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, TND_SCORES_MAX_BYTES + 1), 0); /* sparse: nothing written */
    close(fd);
    tnd_error err;
    assert_file_refused(*state, path, TND_ERR_TOO_LARGE, 0, "",
                        "het bestand is groter dan 8 MiB (8388609 bytes)", &err);
    unlink(path);

    tnd_scores s;
    tnd_status rc = tnd_scores_load_memory("", (size_t)TND_SCORES_MAX_BYTES + 1, NAME, *state,
                                           &s, &err);
    assert_refusal(rc, &err, &s, NAME, TND_ERR_TOO_LARGE, 0, "", "groter dan 8 MiB");
}

static void test_missing_file_and_directory_are_io_errors(void **state)
{
    tnd_error err;
    tnd_scores s;
    const char *missing = FIXTURES "does-not-exist.csv";
    tnd_status rc = tnd_scores_load_csv(missing, *state, &s, &err);
    assert_int_equal(rc, TND_ERR_IO);
    assert_string_equal(err.file, missing);
    assert_int_equal(err.line, 0);
    assert_contains(err.message, "No such file or directory");
    assert_null(s.items);

    rc = tnd_scores_load_csv(FIXTURES, *state, &s, &err);
    assert_int_equal(rc, TND_ERR_IO);
    assert_string_equal(err.hint, "geef een bestand op, geen map");
}

/* ------------------------------------------------------------------------------------------ */
/* The checks that need the bids (tnd_scores_check_bids, issue 8 §5)                           */

/* A bid as the scores check sees it: a bidder's KvK, the lots applied for, combination members. */
typedef struct {
    tnd_bid bid;
    tnd_bid_lot lots[2];
    tnd_party members[1];
    char file[64];
} bid_stub;

static void stub(bid_stub *b, const char *kvk, const char *name, int lot, const char *member_kvk)
{
    memset(b, 0, sizeof *b);
    snprintf(b->file, sizeof b->file, "bids/%s.xml", kvk);
    b->bid.file = b->file;
    snprintf(b->bid.bidder.kvk, sizeof b->bid.bidder.kvk, "%s", kvk);
    snprintf(b->bid.bidder.name, sizeof b->bid.bidder.name, "%s", name);
    b->lots[0].number = lot;
    b->bid.lots = b->lots;
    b->bid.n_lots = 1;
    if (member_kvk) {
        b->bid.is_combination = true;
        snprintf(b->members[0].kvk, sizeof b->members[0].kvk, "%s", member_kvk);
        b->bid.members = b->members;
        b->bid.n_members = 1;
    }
}

/* The three bidders of scores-example.csv (lots 3, 3 and 4). */
static void example_bids(bid_stub stubs[3], const tnd_bid *bids[3])
{
    stub(&stubs[0], "30112233", "Ambulant Drie BV", 3, NULL);
    stub(&stubs[1], "41223344", "Herkansing GGZ", 3, "77665544");
    stub(&stubs[2], "52334455", "Rekenvoorbeeld GGZ", 4, NULL);
    for (int i = 0; i < 3; i++)
        bids[i] = &stubs[i].bid;
}

/* Loads text (must read) and runs the check against the example bidders. */
static tnd_status check_text_against_example(const tnd_definition *def, const char *text,
                                             tnd_error *err)
{
    tnd_scores s;
    load_text_ok(def, text, &s);
    bid_stub stubs[3];
    const tnd_bid *bids[3];
    example_bids(stubs, bids);
    tnd_status rc = tnd_scores_check_bids(&s, def, bids, 3, err);
    tnd_scores_free(&s);
    return rc;
}

static void assert_check_refused(tnd_status rc, const tnd_error *err, tnd_status code,
                                 long line, const char *message, const char *hint)
{
    if (rc != code || err->line != line)
        print_unexpected(rc, err);
    assert_int_equal(rc, code);
    assert_string_equal(err->file, NAME);
    assert_int_equal(err->line, line);
    assert_string_equal(err->where, "");
    assert_string_equal(err->message, message);
    assert_string_equal(err->hint, hint);
}

static void test_example_scores_pass_the_check_against_their_bidders(void **state)
{
    tnd_error err;
    tnd_scores s;
    assert_int_equal(tnd_scores_load_csv(FIXTURES "scores-example.csv", *state, &s, &err), TND_OK);
    bid_stub stubs[3];
    const tnd_bid *bids[3];
    example_bids(stubs, bids);
    tnd_status rc = tnd_scores_check_bids(&s, *state, bids, 3, &err);
    if (rc != TND_OK)
        print_unexpected(rc, &err);
    assert_int_equal(rc, TND_OK);
    tnd_scores_free(&s);
}

static void test_header_only_scores_file_is_refused_when_a_bid_needs_a_score(void **state)
{
    /* issue 8 §5: an award of 0 gegund everywhere with exit 0 is never the right award */
    tnd_error err;
    tnd_status rc = check_text_against_example(*state, HEADER, &err);
    assert_check_refused(rc, &err, TND_ERR_VALUE, 0,
                         "geen enkele score (alleen de kopregel), terwijl er inschrijvingen zijn "
                         "op perceel 3, 4: zonder consensusscore wordt op die percelen niemand "
                         "gegund (§6.1)",
                         "zet onder de kopregel één regel per score: perceel, criterium, "
                         "inschrijver, ronde, beoordelaar, score (docs/scores-format.md)");
}

static void test_header_only_scores_file_is_accepted_when_only_admission_lots_are_bid(void **state)
{
    /* §6.1 L1702-1704: lots 6, 7, 8 are admitted without a plan; nothing to score */
    tnd_scores s;
    load_text_ok(*state, HEADER, &s);
    bid_stub b;
    stub(&b, "60000008", "Gezinshuis De Linde", 8, NULL);
    const tnd_bid *bids[1] = { &b.bid };
    tnd_error err;
    assert_int_equal(tnd_scores_check_bids(&s, *state, bids, 1, &err), TND_OK);
    tnd_scores_free(&s);
}

static void test_score_row_of_a_kvk_one_digit_off_is_refused_naming_line_and_bidder(void **state)
{
    /* issue 8 §5: a typo in a consensus row; the real bidder would show "score ontbreekt" */
    tnd_error err;
    tnd_status rc = check_text_against_example(*state,
                                               HEADER "3;normaliseren;30112233;1;lid-1;8\n"
                                                      "3;normaliseren;30112283;1;consensus;8\n",
                                               &err);
    assert_check_refused(rc, &err, TND_ERR_REFERENCE, 3,
                         "inschrijver 30112283 staat niet onder de inschrijvingen (perceel 3, "
                         "criterium normaliseren, ronde 1, consensus): deze score zou ongemerkt "
                         "vervallen",
                         "bedoelt u KvK 30112233 (Ambulant Drie BV, bids/30112233.xml)? Corrigeer "
                         "het KvK-nummer");
}

static void test_score_row_with_two_digits_swapped_names_the_bidder_in_the_hint(void **state)
{
    tnd_error err;
    tnd_status rc = check_text_against_example(*state,
                                               HEADER "4;normaliseren;52334545;1;consensus;8\n",
                                               &err);
    assert_int_equal(rc, TND_ERR_REFERENCE);
    assert_int_equal(err.line, 2);
    assert_string_equal(err.hint, "bedoelt u KvK 52334455 (Rekenvoorbeeld GGZ, "
                                  "bids/52334455.xml)? Corrigeer het KvK-nummer");
}

static void test_score_row_of_a_combination_member_points_to_the_penvoerder(void **state)
{
    tnd_error err;
    tnd_status rc = check_text_against_example(*state,
                                               HEADER "3;normaliseren;77665544;1;consensus;6\n",
                                               &err);
    assert_int_equal(rc, TND_ERR_REFERENCE);
    assert_int_equal(err.line, 2);
    assert_string_equal(err.hint, "KvK 77665544 is lid van de combinatie van Herkansing GGZ; "
                                  "scores staan op het KvK-nummer van de penvoerder: 41223344");
}

static void test_score_row_of_an_unrelated_kvk_says_where_bidders_come_from(void **state)
{
    tnd_error err;
    tnd_status rc = check_text_against_example(*state,
                                               HEADER "3;normaliseren;30112233;1;consensus;8\n"
                                                      "3;normaliseren;99999999;1;consensus;6\n",
                                               &err);
    assert_int_equal(rc, TND_ERR_REFERENCE);
    assert_int_equal(err.line, 3);
    assert_string_equal(err.hint, "corrigeer het KvK-nummer, of zet de inschrijving van deze "
                                  "inschrijver in de map met inschrijvingen (--bids)");
}

static void test_member_scores_without_their_consensus_row_are_refused(void **state)
{
    /* §6.1.1 L1775-1777: the committee fixes the consensus score; the award uses only that */
    tnd_error err;
    tnd_status rc = check_text_against_example(*state,
                                               HEADER "3;normaliseren;30112233;1;consensus;8\n"
                                                      "3;normaliseren;41223344;1;lid-1;4\n"
                                                      "3;normaliseren;41223344;1;lid-2;2\n",
                                               &err);
    assert_check_refused(rc, &err, TND_ERR_VALUE, 3,
                         "inschrijver 41223344 heeft op perceel 3, criterium normaliseren, "
                         "ronde 1 scores van 2 beoordelaar(s) maar geen consensusscore; de "
                         "gunning telt alleen de consensus (§6.1.1 L1775-1777)",
                         "voeg de consensusscore toe, in de kolommen perceel, criterium, "
                         "inschrijver, ronde, beoordelaar, score: "
                         "3;normaliseren;41223344;1;consensus;<score>");
}

static void test_round_2_members_without_consensus_are_refused_at_their_first_line(void **state)
{
    /* the round-1 consensus (4) exists; round 2 has members only: the revision is unscored */
    tnd_error err;
    tnd_status rc = check_text_against_example(*state,
                                               HEADER "3;normaliseren;41223344;1;consensus;4\n"
                                                      "3;normaliseren;41223344;2;lid-2;6\n"
                                                      "3;normaliseren;41223344;2;lid-1;6\n",
                                               &err);
    assert_int_equal(rc, TND_ERR_VALUE);
    assert_int_equal(err.line, 3);
    assert_contains(err.message, "ronde 2 scores van 2 beoordelaar(s) maar geen consensusscore");
}

static void test_consensus_alone_without_member_rows_is_accepted(void **state)
{
    tnd_error err;
    assert_int_equal(check_text_against_example(*state,
                                                HEADER "4;normaliseren;52334455;1;consensus;8\n",
                                                &err),
                     TND_OK);
}

/* ------------------------------------------------------------------------------------------ */
/* Prices                                                                                      */

/* Gives lot `lot` a price formula for the duration of a test; returns the old kind. */
static tnd_price_kind set_price_kind(tnd_definition *def, int lot, tnd_price_kind kind)
{
    tnd_award_lot *a = (tnd_award_lot *)tnd_definition_award(def, lot);
    assert_non_null(a);
    tnd_price_kind old = a->price.kind;
    a->price.kind = kind;
    return old;
}

static void assert_price(const tnd_price *p, int lot, const char *bidder, tnd_cents price)
{
    assert_int_equal(p->lot, lot);
    assert_string_equal(p->bidder, bidder);
    assert_int_equal(p->price, price);
}

static void assert_prices_refused(tnd_definition *def, const char *text, tnd_status code,
                                  long line, const char *where, const char *piece)
{
    tnd_price *p = (tnd_price *)1;
    size_t n = 99;
    tnd_error err;
    tnd_status rc = tnd_prices_load_memory(text, strlen(text), "prijzen.csv", def, &p, &n, &err);
    if (rc != code || err.line != line || strcmp(err.where, where) != 0)
        print_unexpected(rc, &err);
    assert_int_equal(rc, code);
    assert_int_equal(err.line, line);
    assert_string_equal(err.file, "prijzen.csv");
    assert_string_equal(err.where, where);
    assert_contains(err.message, piece);
    assert_null(p);
    assert_int_equal(n, 0);
}

static void test_price_of_a_kvk_that_is_no_bidder_is_refused_naming_line_and_bidder(void **state)
{
    /* issue 8 §5: the price would be dropped and the real bidder (a typo) have none */
    tnd_definition *def = *state;
    tnd_price_kind old = set_price_kind(def, 3, TND_PRICE_RELATIVE_LOWEST);
    tnd_price *p = NULL;
    size_t n = 0;
    tnd_error err;
    assert_int_equal(tnd_prices_load_csv(FIXTURES "prices-example.csv", def, &p, &n, &err),
                     TND_OK);
    assert_int_equal(p[1].line, 4);
    bid_stub stubs[3];
    const tnd_bid *bids[3];
    example_bids(stubs, bids);
    assert_int_equal(tnd_prices_check_bids(p, n, "prices.csv", bids, 3, &err), TND_OK);
    snprintf(stubs[1].bid.bidder.kvk, sizeof stubs[1].bid.bidder.kvk, "41223345");
    assert_int_equal(tnd_prices_check_bids(p, n, "prices.csv", bids, 3, &err),
                     TND_ERR_REFERENCE);
    assert_string_equal(err.file, "prices.csv");
    assert_int_equal(err.line, 4);
    assert_string_equal(err.message, "inschrijver 41223344 staat niet onder de inschrijvingen "
                                     "(prijs voor perceel 3): deze prijs zou ongemerkt vervallen");
    assert_string_equal(err.hint, "bedoelt u KvK 41223345 (Herkansing GGZ, bids/41223344.xml)? "
                                  "Corrigeer het KvK-nummer");
    free(p);
    set_price_kind(def, 3, old);
}

static void test_prices_example_gives_cents_in_file_order(void **state)
{
    tnd_definition *def = *state;
    tnd_price_kind old = set_price_kind(def, 3, TND_PRICE_RELATIVE_LOWEST);
    tnd_price *p = NULL;
    size_t n = 0;
    tnd_error err;
    tnd_status rc = tnd_prices_load_csv(FIXTURES "prices-example.csv", def, &p, &n, &err);
    if (rc != TND_OK)
        print_unexpected(rc, &err);
    assert_int_equal(rc, TND_OK);
    assert_int_equal(n, 3);
    assert_price(&p[0], 3, "30112233", 123456789);  /* € 1.234.567,89 */
    assert_price(&p[1], 3, "41223344", 125000000);  /* 1250000 */
    assert_price(&p[2], 3, "52334455", 99999900);   /* EUR 999.999,- */
    free(p);
    set_price_kind(def, 3, old);
}

static void test_prices_with_commas_need_quotes_around_dutch_amounts(void **state)
{
    tnd_definition *def = *state;
    tnd_price_kind old = set_price_kind(def, 3, TND_PRICE_LOGARITHMIC);
    static const char text[] = "\xEF\xBB\xBFPrijs,Perceel,Inschrijver\r\n"
                               "\"€ 2.000,50\",3,30112233\r\n";
    tnd_price *p = NULL;
    size_t n = 0;
    tnd_error err;
    assert_int_equal(tnd_prices_load_memory(text, strlen(text), "prijzen.csv", def, &p, &n, &err),
                     TND_OK);
    assert_int_equal(n, 1);
    assert_price(&p[0], 3, "30112233", 200050);
    free(p);
    /* unquoted, "€ 2.000,50" splits into two fields */
    assert_prices_refused(def, "prijs,perceel,inschrijver\n€ 2.000,50,3,30112233\n",
                          TND_ERR_VALUE, 2, "", "de regel heeft 4 velden; verwacht 3");
    set_price_kind(def, 3, old);
}

static void test_price_for_a_lot_without_price_formula_is_refused(void **state)
{
    /* IJsselland 2023 does not compete on price (§6.1) */
    assert_prices_refused(*state, PRICE_HEADER "3;30112233;€ 1.000,00\n", TND_ERR_REFERENCE, 2,
                          "kolom 1 (perceel)",
                          "perceel 3 concurreert niet op prijs (de gunning heeft geen "
                          "prijsformule); mogelijk: geen");
}

static void test_price_zero_negative_or_not_money_is_refused(void **state)
{
    tnd_definition *def = *state;
    tnd_price_kind old = set_price_kind(def, 3, TND_PRICE_VALUE);
    assert_prices_refused(def, PRICE_HEADER "3;30112233;0\n", TND_ERR_RANGE, 2,
                          "kolom 3 (prijs)", "prijs \"0\" is niet groter dan nul");
    assert_prices_refused(def, PRICE_HEADER "3;30112233;-€ 5,00\n", TND_ERR_RANGE, 2,
                          "kolom 3 (prijs)", "prijs \"-€ 5,00\" is niet groter dan nul");
    assert_prices_refused(def, PRICE_HEADER "3;30112233;duizend\n", TND_ERR_VALUE, 2,
                          "kolom 3 (prijs)", "prijs \"duizend\": geen geldig bedrag");
    assert_prices_refused(def, PRICE_HEADER "3;30112233;\n", TND_ERR_VALUE, 2, "kolom 3 (prijs)",
                          "prijs ontbreekt");
    assert_prices_refused(def, PRICE_HEADER "3;3011223;100\n", TND_ERR_VALUE, 2,
                          "kolom 2 (inschrijver)", "geen geldig KvK-nummer");
    set_price_kind(def, 3, old);
}

static void test_duplicate_price_and_wrong_price_header_are_refused(void **state)
{
    tnd_definition *def = *state;
    tnd_price_kind old = set_price_kind(def, 3, TND_PRICE_QUALITY_RATIO);
    assert_prices_refused(def,
                          PRICE_HEADER "3;30112233;100\n3;41223344;200\n3;3011 2233;300\n",
                          TND_ERR_VALUE, 4, "",
                          "dubbele prijs: perceel 3, inschrijver 30112233 staat ook op regel 2");
    assert_prices_refused(def, "perceel;inschrijver;bedrag\n3;30112233;100\n", TND_ERR_VALUE, 1,
                          "kolom 3", "onbekende kolom \"bedrag\"");
    set_price_kind(def, 3, old);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example_with_semicolons_gives_every_row_in_file_order),
        cmocka_unit_test(test_excel_example_with_bom_crlf_commas_and_quotes_gives_the_same_rows),
        cmocka_unit_test(test_consensus_outside_the_members_range_is_accepted),
        cmocka_unit_test(test_computed_criterion_c_may_have_a_committee_score),
        cmocka_unit_test(test_columns_in_any_order_and_case_are_mapped_by_name),
        cmocka_unit_test(test_blank_lines_comments_and_rows_of_separators_are_skipped),
        cmocka_unit_test(test_header_alone_gives_no_rows),
        cmocka_unit_test(test_quoted_fields_keep_separators_and_doubled_quotes),
        cmocka_unit_test(test_scores_free_is_idempotent),
        cmocka_unit_test(test_score_7_is_refused_with_line_column_and_the_allowed_values),
        cmocka_unit_test(test_score_six_and_a_half_empty_and_words_are_refused),
        cmocka_unit_test(test_score_8_0_with_zero_decimals_is_8),
        cmocka_unit_test(test_bid_xml_and_cr_only_line_ends_are_refused_saying_so),
        cmocka_unit_test(test_every_value_of_the_scale_is_accepted),
        cmocka_unit_test(test_lot_without_award_criteria_is_refused),
        cmocka_unit_test(test_unknown_lot_and_a_lot_that_is_not_a_number_are_refused),
        cmocka_unit_test(test_unknown_criterion_is_refused_listing_the_lots_criteria),
        cmocka_unit_test(test_composite_criterion_regional_goals_is_refused),
        cmocka_unit_test(test_criterion_of_another_lot_is_refused),
        cmocka_unit_test(test_bidder_that_is_not_a_kvk_number_is_refused),
        cmocka_unit_test(test_round_other_than_1_or_2_is_refused),
        cmocka_unit_test(test_round_2_on_a_criterion_without_revision_is_refused),
        cmocka_unit_test(test_member_ids_are_letters_digits_dash_underscore_up_to_31),
        cmocka_unit_test(test_duplicate_row_is_refused_naming_both_lines),
        cmocka_unit_test(test_first_duplicate_in_file_order_is_reported),
        cmocka_unit_test(test_same_member_in_two_rounds_is_not_a_duplicate),
        cmocka_unit_test(test_round_2_after_a_consensus_meeting_the_minimum_is_refused),
        cmocka_unit_test(test_round_2_without_a_round_1_consensus_is_refused),
        cmocka_unit_test(test_round_2_after_a_consensus_below_the_minimum_is_accepted_on_lot_4),
        cmocka_unit_test(test_wrong_header_name_is_refused),
        cmocka_unit_test(test_header_with_wrong_column_count_or_a_repeated_name_is_refused),
        cmocka_unit_test(test_empty_file_or_only_comments_has_no_header),
        cmocka_unit_test(test_row_with_too_few_columns_is_refused),
        cmocka_unit_test(test_row_with_a_trailing_separator_has_too_many_columns),
        cmocka_unit_test(test_hint_follows_the_files_column_order_and_separator),
        cmocka_unit_test(test_broken_quotes_are_refused_with_their_column),
        cmocka_unit_test(test_utf16_nul_bytes_and_invalid_utf8_are_refused),
        cmocka_unit_test(test_line_of_4096_bytes_is_read_and_4097_is_too_long),
        cmocka_unit_test(test_200000_rows_are_read_and_one_more_is_too_many),
        cmocka_unit_test(test_file_larger_than_8_mib_is_refused_before_reading),
        cmocka_unit_test(test_missing_file_and_directory_are_io_errors),
        cmocka_unit_test(test_example_scores_pass_the_check_against_their_bidders),
        cmocka_unit_test(test_header_only_scores_file_is_refused_when_a_bid_needs_a_score),
        cmocka_unit_test(test_header_only_scores_file_is_accepted_when_only_admission_lots_are_bid),
        cmocka_unit_test(test_score_row_of_a_kvk_one_digit_off_is_refused_naming_line_and_bidder),
        cmocka_unit_test(test_score_row_with_two_digits_swapped_names_the_bidder_in_the_hint),
        cmocka_unit_test(test_score_row_of_a_combination_member_points_to_the_penvoerder),
        cmocka_unit_test(test_score_row_of_an_unrelated_kvk_says_where_bidders_come_from),
        cmocka_unit_test(test_member_scores_without_their_consensus_row_are_refused),
        cmocka_unit_test(test_round_2_members_without_consensus_are_refused_at_their_first_line),
        cmocka_unit_test(test_consensus_alone_without_member_rows_is_accepted),
        cmocka_unit_test(test_prices_example_gives_cents_in_file_order),
        cmocka_unit_test(test_price_of_a_kvk_that_is_no_bidder_is_refused_naming_line_and_bidder),
        cmocka_unit_test(test_prices_with_commas_need_quotes_around_dutch_amounts),
        cmocka_unit_test(test_price_for_a_lot_without_price_formula_is_refused),
        cmocka_unit_test(test_price_zero_negative_or_not_money_is_refused),
        cmocka_unit_test(test_duplicate_price_and_wrong_price_header_are_refused),
    };
    return cmocka_run_group_tests(tests, load_definition, free_definition);
}
