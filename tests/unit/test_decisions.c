/*
 * test_decisions.c - reading the officer's decisions file (tender/decisions.c, issue 8 §4;
 * docs/decisions-format.md): every refusal names the line and how to fix it.
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

#include "tender/decisions.h"

#define HEADER "inschrijver;ronde;regel;besluit;motivering;datum;functionaris\n"

typedef struct {
    char path[64];
    tnd_decisions d;
    tnd_error err;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->path, sizeof f->path, "/tmp/tnd-decisions-XXXXXX");
    int fd = mkstemp(f->path);
    if (fd < 0)
        return -1;
    close(fd);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tnd_decisions_free(&f->d);
    unlink(f->path);
    free(f);
    return 0;
}

static tnd_status load(fixture *f, const char *text)
{
    FILE *fp = fopen(f->path, "wb");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    return tnd_decisions_load(f->path, &f->d, &f->err);
}

static void test_a_decision_with_a_quoted_motivation_is_read(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f,
                          "\xEF\xBB\xBF# besluiten\r\n" HEADER
                          "60770152;1;FIN-SOLVABILITEIT;akkoord;\"plan goed; \"\"overtuigend\"\"\";"
                          "12-08-2022;M. Jansen\r\n"),
                     TND_OK);
    assert_int_equal(f->d.n, 1);
    const tnd_decision *d = &f->d.items[0];
    assert_string_equal(d->kvk, "60770152");
    assert_int_equal(d->round, 1);
    assert_string_equal(d->rule_id, "FIN-SOLVABILITEIT");
    assert_int_equal(d->kind, TND_DECISION_ACCEPT);
    assert_string_equal(d->motivation, "plan goed; \"overtuigend\"");
    assert_int_equal(d->date.year, 2022);
    assert_int_equal(d->date.month, 8);
    assert_int_equal(d->date.day, 12);
    assert_string_equal(d->officer, "M. Jansen");
    assert_int_equal(d->line, 3);
}

static void test_the_four_decisions_are_the_vocabulary(void **state)
{
    (void)state;
    tnd_decision_kind k;
    static const char *const names[] = { "akkoord", "afgewezen", "herstel-gevraagd", "hersteld" };
    for (int i = 0; i < 4; i++) {
        assert_true(tnd_decision_kind_parse(names[i], &k));
        assert_int_equal(k, i);
        assert_string_equal(tnd_decision_kind_text(k), names[i]);
    }
    assert_false(tnd_decision_kind_parse("goedgekeurd", &k));
}

static void test_a_wrong_header_is_refused(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, "kvk;regel;besluit\n"), TND_ERR_VALUE);
    assert_int_equal(f->err.line, 1);
    assert_string_equal(f->err.message, "de kopregel klopt niet");
}

static void test_a_row_with_six_fields_is_refused_naming_the_line(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, HEADER "60770152;1;FIN-SOLVABILITEIT;akkoord;ok;2022-08-12\n"),
                     TND_ERR_VALUE);
    assert_int_equal(f->err.line, 2);
    assert_string_equal(f->err.message, "6 velden in plaats van 7");
}

static void test_a_kvk_of_seven_digits_is_refused(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, HEADER "6077015;1;FIN-SOLVABILITEIT;akkoord;ok;2022-08-12;MJ\n"),
                     TND_ERR_VALUE);
    assert_string_equal(f->err.message, "inschrijver '6077015' is geen KvK-nummer van 8 cijfers");
}

static void test_round_3_is_refused(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, HEADER "60770152;3;FIN-SOLVABILITEIT;akkoord;ok;2022-08-12;MJ\n"),
                     TND_ERR_VALUE);
    assert_string_equal(f->err.message, "ronde '3' is geen 1 of 2");
}

static void test_an_impossible_date_is_refused(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, HEADER "60770152;1;FIN-SOLVABILITEIT;akkoord;ok;31-02-2022;MJ\n"),
                     TND_ERR_VALUE);
    assert_int_equal(f->err.line, 2);
    assert_non_null(strstr(f->err.message, "datum '31-02-2022'"));
}

static void test_the_same_decision_twice_is_refused_naming_both_lines(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f,
                          HEADER "60770152;1;FIN-SOLVABILITEIT;akkoord;ok;2022-08-12;MJ\n"
                                 "60770152;1;FIN-SOLVABILITEIT;akkoord;nogmaals;2022-08-13;MJ\n"),
                     TND_ERR_REFERENCE);
    assert_int_equal(f->err.line, 3);
    assert_string_equal(f->err.message, "KvK 60770152, ronde 1, regel FIN-SOLVABILITEIT heeft al "
                                        "een besluit op regel 2 (akkoord)");
}

static void test_herstel_request_and_receipt_on_one_rule_are_two_decisions(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, HEADER "64896153;1;VOLL-AGB;herstel-gevraagd;gevraagd;2022-08-01;MJ\n"
                                    "64896153;1;VOLL-AGB;hersteld;ontvangen;2022-08-05;MJ\n"),
                     TND_OK);
    assert_int_equal(f->d.n, 2);
    assert_int_equal(f->d.items[1].kind, TND_DECISION_HERSTELD);
}

static void test_the_same_rule_in_two_rounds_is_not_a_duplicate(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, HEADER "60770152;1;FIN-SOLVABILITEIT;akkoord;ok;2022-08-12;MJ\n"
                                    "60770152;2;FIN-SOLVABILITEIT;afgewezen;nee;2022-09-12;MJ\n"),
                     TND_OK);
}

static void test_an_empty_file_is_refused(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, ""), TND_ERR_VALUE);
    assert_string_equal(f->err.message, "het bestand is leeg (geen kopregel)");
}

static void test_a_nul_byte_is_refused(void **state)
{
    fixture *f = *state;
    FILE *fp = fopen(f->path, "wb");
    assert_non_null(fp);
    fwrite(HEADER "6\0"
                  "0770152",
           1, sizeof HEADER + 8, fp);
    fclose(fp);
    assert_int_equal(tnd_decisions_load(f->path, &f->d, &f->err), TND_ERR_VALUE);
    assert_string_equal(f->err.message, "het bestand bevat een NUL-byte; het is geen "
                                        "tekstbestand");
}

static void test_a_latin1_motivation_is_refused(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, HEADER "60770152;1;FIN-SOLVABILITEIT;akkoord;co\xF6rdinatie;"
                                    "2022-08-12;MJ\n"),
                     TND_ERR_VALUE);
    assert_int_equal(f->err.line, 2);
    assert_string_equal(f->err.message, "veld 'motivering' bevat een stuurteken of is geen UTF-8");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_a_decision_with_a_quoted_motivation_is_read),
        T(test_the_four_decisions_are_the_vocabulary),
        T(test_a_wrong_header_is_refused),
        T(test_a_row_with_six_fields_is_refused_naming_the_line),
        T(test_a_kvk_of_seven_digits_is_refused),
        T(test_round_3_is_refused),
        T(test_an_impossible_date_is_refused),
        T(test_the_same_decision_twice_is_refused_naming_both_lines),
        T(test_herstel_request_and_receipt_on_one_rule_are_two_decisions),
        T(test_the_same_rule_in_two_rounds_is_not_a_duplicate),
        T(test_an_empty_file_is_refused),
        T(test_a_nul_byte_is_refused),
        T(test_a_latin1_motivation_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
