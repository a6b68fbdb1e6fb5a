/* test_notation.c - Dutch and ISO notation into exact values (tender/notation.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tender/notation.h"

#define NBSP "\xC2\xA0" /* U+00A0 in UTF-8 */
#define WHY_MAX 200     /* every refusal must fit in this, terminator included */

/*
 * Checkers: parse text, then either compare the value exactly or check the refusal: a short
 * Dutch message and an untouched output. Called through macros so a failure names the caller's
 * line and the text.
 */
static void check_refusal(bool ok, const char *text, const char *why, bool output_untouched,
                          const char *file, int line)
{
    if (ok)
        print_error("accepted but should be refused: \"%s\"\n", text);
    _assert_true(!ok, "refused", file, line);
    _assert_true(output_untouched, "output untouched on refusal", file, line);
    _assert_true(strncmp(why, "geen ", 5) == 0, "message starts with 'geen '", file, line);
    _assert_true(strlen(why) < WHY_MAX, "message shorter than 200", file, line);
}

static void check_accepted(bool ok, const char *text, const char *why, const char *file, int line)
{
    if (!ok)
        print_error("refused but should be accepted: \"%s\": %s\n", text, why);
    _assert_true(ok, "accepted", file, line);
}

static void check_money(const tnd_notation *n, const char *text, bool accept, tnd_cents expected,
                        const char *file, int line)
{
    tnd_cents value = 777;
    char why[WHY_MAX] = "";
    bool ok = tnd_parse_money(n, text, &value, why, sizeof why);
    if (!accept) {
        check_refusal(ok, text, why, value == 777, file, line);
        return;
    }
    check_accepted(ok, text, why, file, line);
    _assert_int_equal((uintmax_t)value, (uintmax_t)expected, file, line);
}
#define MONEY_IS(text, cents) check_money(n, text, true, cents, __FILE__, __LINE__)
#define MONEY_REFUSED(text) check_money(n, text, false, 0, __FILE__, __LINE__)

typedef bool (*dec_parser)(const tnd_notation *, const char *, tnd_dec *, char *, size_t);

static void check_dec(dec_parser parse, const tnd_notation *n, const char *text, bool accept,
                      int64_t expected_units, const char *file, int line)
{
    tnd_dec value = { 777 };
    char why[WHY_MAX] = "";
    bool ok = parse(n, text, &value, why, sizeof why);
    if (!accept) {
        check_refusal(ok, text, why, value.units == 777, file, line);
        return;
    }
    check_accepted(ok, text, why, file, line);
    _assert_int_equal((uintmax_t)value.units, (uintmax_t)expected_units, file, line);
}
#define DEC_IS(parse, text, units) check_dec(parse, n, text, true, units, __FILE__, __LINE__)
#define DEC_REFUSED(parse, text) check_dec(parse, n, text, false, 0, __FILE__, __LINE__)
#define DECIMAL_IS(text, units) DEC_IS(tnd_parse_decimal, text, units)
#define DECIMAL_REFUSED(text) DEC_REFUSED(tnd_parse_decimal, text)
#define PERCENT_IS(text, units) DEC_IS(tnd_parse_percent, text, units)
#define PERCENT_REFUSED(text) DEC_REFUSED(tnd_parse_percent, text)
#define FRACTION_IS(text, units) DEC_IS(tnd_parse_fraction, text, units)
#define FRACTION_REFUSED(text) DEC_REFUSED(tnd_parse_fraction, text)

static void check_count(const tnd_notation *n, const char *text, bool accept, long expected,
                        const char *file, int line)
{
    long value = 777;
    char why[WHY_MAX] = "";
    bool ok = tnd_parse_count(n, text, &value, why, sizeof why);
    if (!accept) {
        check_refusal(ok, text, why, value == 777, file, line);
        return;
    }
    check_accepted(ok, text, why, file, line);
    _assert_int_equal((uintmax_t)value, (uintmax_t)expected, file, line);
}
#define COUNT_IS(text, v) check_count(n, text, true, v, __FILE__, __LINE__)
#define COUNT_REFUSED(text) check_count(n, text, false, 0, __FILE__, __LINE__)

static void check_date(const tnd_notation *n, const char *text, bool accept, int year, int month,
                       int day, const char *file, int line)
{
    tnd_date value = { 7, 7, 7 };
    char why[WHY_MAX] = "";
    bool ok = tnd_parse_date(n, text, &value, why, sizeof why);
    if (!accept) {
        check_refusal(ok, text, why, value.year == 7 && value.month == 7 && value.day == 7, file,
                      line);
        return;
    }
    check_accepted(ok, text, why, file, line);
    _assert_int_equal((uintmax_t)value.year, (uintmax_t)year, file, line);
    _assert_int_equal((uintmax_t)value.month, (uintmax_t)month, file, line);
    _assert_int_equal((uintmax_t)value.day, (uintmax_t)day, file, line);
}
#define DATE_IS(text, y, m, d) check_date(n, text, true, y, m, d, __FILE__, __LINE__)
#define DATE_REFUSED(text) check_date(n, text, false, 0, 0, 0, __FILE__, __LINE__)

static void check_datetime(const tnd_notation *n, const char *text, bool accept,
                           tnd_datetime expected, const char *file, int line)
{
    tnd_datetime value = { { 7, 7, 7 }, 7, 7, 7 };
    char why[WHY_MAX] = "";
    bool ok = tnd_parse_datetime(n, text, &value, why, sizeof why);
    if (!accept) {
        check_refusal(ok, text, why, value.date.year == 7 && value.hour == 7, file, line);
        return;
    }
    check_accepted(ok, text, why, file, line);
    _assert_int_equal((uintmax_t)value.date.year, (uintmax_t)expected.date.year, file, line);
    _assert_int_equal((uintmax_t)value.date.month, (uintmax_t)expected.date.month, file, line);
    _assert_int_equal((uintmax_t)value.date.day, (uintmax_t)expected.date.day, file, line);
    _assert_int_equal((uintmax_t)value.hour, (uintmax_t)expected.hour, file, line);
    _assert_int_equal((uintmax_t)value.minute, (uintmax_t)expected.minute, file, line);
    _assert_int_equal((uintmax_t)value.second, (uintmax_t)expected.second, file, line);
}
#define DATETIME_IS(text, y, mo, d, h, mi, s)                                                  \
    check_datetime(n, text, true, (tnd_datetime){ { y, mo, d }, h, mi, s }, __FILE__, __LINE__)
#define DATETIME_REFUSED(text)                                                                 \
    check_datetime(n, text, false, (tnd_datetime){ { 0, 0, 0 }, 0, 0, 0 }, __FILE__, __LINE__)

typedef bool (*id_parser)(const tnd_notation *, const char *, char[9], char *, size_t);

static void check_id(id_parser parse, const tnd_notation *n, const char *text, const char *expected,
                     const char *file, int line)
{
    char value[9] = "unset";
    char why[WHY_MAX] = "";
    bool ok = parse(n, text, value, why, sizeof why);
    if (!expected) {
        check_refusal(ok, text, why, strcmp(value, "unset") == 0, file, line);
        return;
    }
    check_accepted(ok, text, why, file, line);
    _assert_string_equal(value, expected, file, line);
}
#define KVK_IS(text, digits) check_id(tnd_parse_kvk, n, text, digits, __FILE__, __LINE__)
#define KVK_REFUSED(text) check_id(tnd_parse_kvk, n, text, NULL, __FILE__, __LINE__)
#define AGB_IS(text, digits) check_id(tnd_parse_agb, n, text, digits, __FILE__, __LINE__)
#define AGB_REFUSED(text) check_id(tnd_parse_agb, n, text, NULL, __FILE__, __LINE__)

static void check_bool(const tnd_notation *n, const char *text, int expected, const char *file,
                       int line)
{
    bool value = true;
    char why[WHY_MAX] = "";
    bool ok = tnd_parse_bool(n, text, &value, why, sizeof why);
    if (expected < 0) {
        check_refusal(ok, text, why, value == true, file, line);
        return;
    }
    check_accepted(ok, text, why, file, line);
    _assert_int_equal(value, (bool)expected, file, line);
}
#define BOOL_IS(text, v) check_bool(n, text, v, __FILE__, __LINE__)
#define BOOL_REFUSED(text) check_bool(n, text, -1, __FILE__, __LINE__)

#define TEST_N const tnd_notation *n = *state

/* ---- money ---- */

static void test_money_plain_integer_is_euros(void **state)
{
    TEST_N;
    MONEY_IS("2000000", 200000000LL);
    MONEY_IS("0", 0);
}

static void test_money_point_with_two_decimals_is_decimal_point(void **state)
{
    TEST_N;
    MONEY_IS("2000000.00", 200000000LL);
    MONEY_IS("12.34", 1234);
    MONEY_IS("12.3", 1230);
}

static void test_money_dutch_grouping_without_decimals(void **state)
{
    TEST_N;
    MONEY_IS("2.000.000", 200000000LL);
}

static void test_money_dutch_grouping_with_euro_sign(void **state)
{
    TEST_N;
    MONEY_IS("€ 2.000.000,00", 200000000LL);
    MONEY_IS("€ 1.234.567,89", 123456789LL);
}

static void test_money_euro_sign_followed_by_non_breaking_space(void **state)
{
    TEST_N;
    MONEY_IS("€" NBSP "2.000.000,00", 200000000LL);
}

static void test_money_euro_sign_without_space(void **state)
{
    TEST_N;
    MONEY_IS("€2.000.000", 200000000LL);
}

static void test_money_eur_prefix_with_dash_for_no_cents(void **state)
{
    TEST_N;
    MONEY_IS("EUR 2.000.000,-", 200000000LL);
    MONEY_IS("eur 2.000.000,-", 200000000LL);
    MONEY_IS("2000000,-", 200000000LL);
}

static void test_money_english_grouping_accepted_with_both_separators(void **state)
{
    TEST_N;
    MONEY_IS("2,000,000.00", 200000000LL);
    MONEY_IS("1,234.5", 123450);
}

static void test_money_english_grouping_without_decimal_point_refused(void **state)
{
    TEST_N;
    /* notation.h: comma grouping only when unambiguous (both separators used) */
    MONEY_REFUSED("2,000,000");
}

static void test_money_one_decimal_is_tens_of_cents(void **state)
{
    TEST_N;
    MONEY_IS("1.234,5", 123450);
}

static void test_money_lone_point_with_three_digits_is_thousands(void **state)
{
    TEST_N;
    MONEY_IS("1.234", 123400);
}

static void test_money_lone_comma_is_decimal_comma(void **state)
{
    TEST_N;
    MONEY_IS("1,5", 150);
    MONEY_IS("0,05", 5);
}

static void test_money_negative_minus_before_euro_sign(void **state)
{
    TEST_N;
    MONEY_IS("-€ 1.000,00", -100000);
    MONEY_IS("-1000", -100000);
}

static void test_money_negative_minus_after_euro_sign(void **state)
{
    TEST_N;
    MONEY_IS("€ -1.000,00", -100000);
    MONEY_IS("EUR -1.000,00", -100000);
}

static void test_money_two_minus_signs_refused(void **state)
{
    TEST_N;
    MONEY_REFUSED("-€ -1.000,00");
    MONEY_REFUSED("--1000");
}

static void test_money_more_than_two_decimals_refused_not_rounded(void **state)
{
    TEST_N;
    MONEY_REFUSED("1,234");
    MONEY_REFUSED("€ 1.000,005");
    MONEY_REFUSED("2000000.000");
    MONEY_REFUSED("1.2345");
    MONEY_REFUSED("2,000,000.001");
    char why[WHY_MAX];
    tnd_cents c;
    assert_false(tnd_parse_money(n, "1,234", &c, why, sizeof why));
    assert_string_equal(why, "geen geldig bedrag (meer dan 2 decimalen): verwacht bijvoorbeeld "
                             "€ 2.000.000,00");
}

static void test_money_invalid_grouping_refused(void **state)
{
    TEST_N;
    MONEY_REFUSED("1.23.4");
    MONEY_REFUSED("12.34.567");
    MONEY_REFUSED("1234.567.890");
    MONEY_REFUSED("1.000.00");
    MONEY_REFUSED("1,000.000,00");
    MONEY_REFUSED(",50");
    MONEY_REFUSED("1.");
    MONEY_REFUSED("1 000");
}

static void test_money_empty_refused(void **state)
{
    TEST_N;
    MONEY_REFUSED("");
    MONEY_REFUSED("   ");
    MONEY_REFUSED(NBSP);
    MONEY_REFUSED("€");
    MONEY_REFUSED("-");
}

static void test_money_letters_refused(void **state)
{
    TEST_N;
    MONEY_REFUSED("abc");
    MONEY_REFUSED("1O00");
    MONEY_REFUSED("2.000.000 euro");
    MONEY_REFUSED("€ 2 miljoen");
    MONEY_REFUSED("USD 100");
    MONEY_REFUSED("+100");
}

static void test_money_up_to_ten_to_the_13_euro_accepted_above_refused(void **state)
{
    TEST_N;
    MONEY_IS("10.000.000.000.000", 1000000000000000LL);
    MONEY_IS("-10.000.000.000.000,00", -1000000000000000LL);
    MONEY_REFUSED("10.000.000.000.000,01");
    MONEY_REFUSED("10000000000001");
    /* would overflow int64 cents if accumulated naively */
    MONEY_REFUSED("99999999999999999999999999");
    MONEY_REFUSED("€ 9.223.372.036.854.775.807,99");
}

static void test_money_surrounding_white_space_ignored(void **state)
{
    TEST_N;
    MONEY_IS("  € 1,00\t\r\n", 100);
    MONEY_IS(NBSP "€ 1,00" NBSP NBSP, 100);
}

/* ---- decimals ---- */

static void test_decimal_comma(void **state)
{
    TEST_N;
    DECIMAL_IS("4,1", 4100000);
}

static void test_decimal_point(void **state)
{
    TEST_N;
    DECIMAL_IS("4.1", 4100000);
    DECIMAL_IS("1234.5", 1234500000LL);
}

static void test_decimal_dutch_grouping_with_comma(void **state)
{
    TEST_N;
    DECIMAL_IS("1.234,5", 1234500000LL);
    DECIMAL_IS("1.234.567", 1234567000000LL);
    DECIMAL_IS("1.234,567", 1234567000LL);
}

static void test_decimal_signs(void **state)
{
    TEST_N;
    DECIMAL_IS("-0,5", -500000);
    DECIMAL_IS("+2", 2000000);
    DECIMAL_IS("-0", 0);
}

static void test_decimal_whole_number(void **state)
{
    TEST_N;
    DECIMAL_IS("5", 5000000);
}

static void test_decimal_six_decimals_kept_exactly(void **state)
{
    TEST_N;
    DECIMAL_IS("0,123456", 123456);
    DECIMAL_IS("0.000001", 1);
}

static void test_decimal_seven_decimals_refused_not_rounded(void **state)
{
    TEST_N;
    DECIMAL_REFUSED("0,1234567");
    DECIMAL_REFUSED("0,1000000");
}

static void test_decimal_point_and_three_digits_after_zero_is_decimal_point(void **state)
{
    TEST_N;
    /* notation.h: "0.950" is read as a decimal point */
    DECIMAL_IS("0.950", 950000);
    DECIMAL_IS("-0.950", -950000);
}

static void test_decimal_point_and_three_digits_after_nonzero_is_ambiguous(void **state)
{
    TEST_N;
    /* notation.h: "1.234" is refused, asking for "1234" or "1,234" */
    DECIMAL_REFUSED("1.234");
    DECIMAL_REFUSED("12.345");
    char why[WHY_MAX];
    tnd_dec d;
    assert_false(tnd_parse_decimal(n, "1.234", &d, why, sizeof why));
    assert_non_null(strstr(why, "dubbelzinnig"));
    assert_non_null(strstr(why, "schrijf 1234 of 1,234"));
}

static void test_decimal_comma_and_three_digits_is_decimal_comma(void **state)
{
    TEST_N;
    DECIMAL_IS("1,234", 1234000);
    DECIMAL_IS("0,950", 950000);
}

static void test_decimal_integer_part_up_to_ten_to_the_12(void **state)
{
    TEST_N;
    DECIMAL_IS("1000000000000", 1000000000000LL * TND_DEC_SCALE);
    DECIMAL_IS("1.000.000.000.000,999999", 1000000000000LL * TND_DEC_SCALE + 999999);
    DECIMAL_REFUSED("1000000000001");
    DECIMAL_REFUSED("99999999999999999999999999");
}

static void test_decimal_bad_notation_refused(void **state)
{
    TEST_N;
    DECIMAL_REFUSED("");
    DECIMAL_REFUSED("1,2,3");
    DECIMAL_REFUSED("1.23.4");
    DECIMAL_REFUSED("4,1a");
    DECIMAL_REFUSED("--1");
    DECIMAL_REFUSED("+-1");
    DECIMAL_REFUSED(".5");
    DECIMAL_REFUSED("5.");
    DECIMAL_REFUSED("1 000");
    DECIMAL_REFUSED("1,234.5");
    DECIMAL_REFUSED("4,1%");
    DECIMAL_REFUSED("vier");
}

/* ---- percentages and fractions ---- */

static void test_percent_comma_with_sign(void **state)
{
    TEST_N;
    PERCENT_IS("20,5%", 205000);
    PERCENT_IS("100%", 1000000);
    PERCENT_IS("0%", 0);
}

static void test_percent_point_with_space_before_sign(void **state)
{
    TEST_N;
    PERCENT_IS("20.5 %", 205000);
    PERCENT_IS("20,5" NBSP "%", 205000);
}

static void test_percent_without_percent_sign_refused(void **state)
{
    TEST_N;
    PERCENT_REFUSED("20,5");
    PERCENT_REFUSED("0,205");
    char why[WHY_MAX];
    tnd_dec d;
    assert_false(tnd_parse_percent(n, "20,5", &d, why, sizeof why));
    assert_non_null(strstr(why, "procentteken"));
}

static void test_percent_four_decimals_exact_five_refused(void **state)
{
    TEST_N;
    PERCENT_IS("20,1234%", 201234);
    PERCENT_REFUSED("20,12345%");
}

static void test_percent_bad_notation_refused(void **state)
{
    TEST_N;
    PERCENT_REFUSED("%");
    PERCENT_REFUSED("20,5%%");
    PERCENT_REFUSED("20,5  %");
    PERCENT_REFUSED("% 20");
    PERCENT_REFUSED("1.234%");
}

static void test_fraction_percentage_forms_are_hundredths(void **state)
{
    TEST_N;
    FRACTION_IS("95%", 950000);
    FRACTION_IS("95 %", 950000);
    FRACTION_IS("95,0%", 950000);
}

static void test_fraction_without_percent_sign_taken_as_written(void **state)
{
    TEST_N;
    FRACTION_IS("0,95", 950000);
    FRACTION_IS("0.95", 950000);
    FRACTION_IS("0.950", 950000);
    FRACTION_IS("1", 1000000);
}

static void test_fraction_bad_notation_refused(void **state)
{
    TEST_N;
    FRACTION_REFUSED("");
    FRACTION_REFUSED("95 procent");
    FRACTION_REFUSED("0,9500001");
    FRACTION_REFUSED("95,00001%");
    char why[WHY_MAX];
    tnd_dec d;
    assert_false(tnd_parse_fraction(n, "x", &d, why, sizeof why));
    assert_string_equal(why, "geen geldig percentage of getal: verwacht bijvoorbeeld 95% of 0,95");
}

/* ---- counts ---- */

static void test_count_whole_numbers(void **state)
{
    TEST_N;
    COUNT_IS("10", 10);
    COUNT_IS("0", 0);
    COUNT_IS("1.000", 1000);
    COUNT_IS("1.234.567", 1234567);
}

static void test_count_sign_decimals_and_bad_grouping_refused(void **state)
{
    TEST_N;
    COUNT_REFUSED("-1");
    COUNT_REFUSED("+1");
    COUNT_REFUSED("1,5");
    COUNT_REFUSED("1,0");
    COUNT_REFUSED("1.5");
    COUNT_REFUSED("10.00");
    COUNT_REFUSED("1.000,0");
    COUNT_REFUSED("tien");
    COUNT_REFUSED("");
    COUNT_REFUSED("99999999999999999999999");
}

/* ---- dates ---- */

static void test_date_day_month_year_with_dash_slash_or_point(void **state)
{
    TEST_N;
    DATE_IS("18-07-2022", 2022, 7, 18);
    DATE_IS("18/07/2022", 2022, 7, 18);
    DATE_IS("18.07.2022", 2022, 7, 18);
    DATE_IS("1-7-2022", 2022, 7, 1);
}

static void test_date_iso(void **state)
{
    TEST_N;
    DATE_IS("2022-07-18", 2022, 7, 18);
}

static void test_date_dutch_month_name_any_case(void **state)
{
    TEST_N;
    DATE_IS("18 juli 2022", 2022, 7, 18);
    DATE_IS("18 Juli 2022", 2022, 7, 18);
    DATE_IS("18 JULI 2022", 2022, 7, 18);
    DATE_IS("18 jul 2022", 2022, 7, 18);
    DATE_IS("18 jul. 2022", 2022, 7, 18);
    DATE_IS("1" NBSP "mei" NBSP "2023", 2023, 5, 1);
}

static void test_date_every_dutch_month_name_and_abbreviation(void **state)
{
    TEST_N;
    static const struct {
        const char *text;
        int month;
    } months[] = {
        { "1 januari 2023", 1 },   { "1 jan 2023", 1 },       { "1 februari 2023", 2 },
        { "1 feb 2023", 2 },       { "1 maart 2023", 3 },     { "1 mrt 2023", 3 },
        { "1 maa 2023", 3 },       { "1 april 2023", 4 },     { "1 apr 2023", 4 },
        { "1 mei 2023", 5 },       { "1 juni 2023", 6 },      { "1 jun 2023", 6 },
        { "1 juli 2023", 7 },      { "1 jul 2023", 7 },       { "1 augustus 2023", 8 },
        { "1 aug 2023", 8 },       { "1 september 2023", 9 }, { "1 sep 2023", 9 },
        { "1 sept 2023", 9 },      { "1 oktober 2023", 10 },  { "1 okt 2023", 10 },
        { "1 november 2023", 11 }, { "1 nov 2023", 11 },      { "1 december 2023", 12 },
        { "1 dec 2023", 12 },
    };
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
        DATE_IS(months[i].text, 2023, months[i].month, 1);
}

static void test_date_impossible_dates_refused(void **state)
{
    TEST_N;
    DATE_REFUSED("31-02-2022");
    DATE_REFUSED("29-02-2023");
    DATE_REFUSED("31-04-2022");
    DATE_REFUSED("00-01-2022");
    DATE_REFUSED("2022-13-01");
    DATE_REFUSED("30 februari 2024");
    char why[WHY_MAX];
    tnd_date d;
    assert_false(tnd_parse_date(n, "31-02-2022", &d, why, sizeof why));
    assert_non_null(strstr(why, "31-02-2022 bestaat niet"));
}

static void test_date_leap_day_only_in_leap_year(void **state)
{
    TEST_N;
    DATE_IS("29-02-2024", 2024, 2, 29);
    DATE_REFUSED("29-02-2023");
    DATE_IS("29-02-2000", 2000, 2, 29);
    DATE_REFUSED("29-02-2100");
}

static void test_date_other_notations_refused(void **state)
{
    TEST_N;
    DATE_REFUSED("18-07/2022"); /* separators differ */
    DATE_REFUSED("18-07-22");   /* two-digit year */
    DATE_REFUSED("2022/07/18");
    DATE_REFUSED("2022-7-18");
    DATE_REFUSED("18 julx 2022");
    DATE_REFUSED("18 july 2022");
    DATE_REFUSED("juli 2022");
    DATE_REFUSED("18-07-2022 11:00");
    DATE_REFUSED("07/18/2022"); /* American order: month 18 does not exist */
    DATE_REFUSED("18-07-1800");
    DATE_REFUSED("");
    char why[WHY_MAX];
    tnd_date d;
    assert_false(tnd_parse_date(n, "18 julx 2022", &d, why, sizeof why));
    assert_non_null(strstr(why, "onbekende maand 'julx'"));
}

/* ---- date and time ---- */

static void test_datetime_date_with_clock_time(void **state)
{
    TEST_N;
    DATETIME_IS("18-07-2022 11:00", 2022, 7, 18, 11, 0, 0);
    DATETIME_IS("18-07-2022 11:00:30", 2022, 7, 18, 11, 0, 30);
    DATETIME_IS("18-07-2022 9:05", 2022, 7, 18, 9, 5, 0);
    DATETIME_IS("18 juli 2022 11:00", 2022, 7, 18, 11, 0, 0);
    DATETIME_IS("2022-07-18 23:59:59", 2022, 7, 18, 23, 59, 59);
}

static void test_datetime_dutch_uur_notation(void **state)
{
    TEST_N;
    DATETIME_IS("18-07-2022 11.00 uur", 2022, 7, 18, 11, 0, 0);
    DATETIME_IS("18-07-2022 11:00 uur", 2022, 7, 18, 11, 0, 0);
    DATETIME_IS("18.07.2022 11.30 UUR", 2022, 7, 18, 11, 30, 0);
}

static void test_datetime_iso_with_t(void **state)
{
    TEST_N;
    DATETIME_IS("2022-07-18T11:00:00", 2022, 7, 18, 11, 0, 0);
    DATETIME_IS("2022-07-18T11:00", 2022, 7, 18, 11, 0, 0);
}

static void test_datetime_date_alone_is_midnight(void **state)
{
    TEST_N;
    DATETIME_IS("18-07-2022", 2022, 7, 18, 0, 0, 0);
    DATETIME_IS("2022-07-18", 2022, 7, 18, 0, 0, 0);
    DATETIME_IS("18 juli 2022", 2022, 7, 18, 0, 0, 0);
}

static void test_datetime_time_zone_refused(void **state)
{
    TEST_N;
    /* times are local to the tender (notation.h) */
    static const char *const zoned[] = {
        "2022-07-18T11:00:00Z",    "2022-07-18T11:00:00+02:00", "2022-07-18T11:00-0100",
        "18-07-2022 11:00 +02:00", "18 juli 2022 11.00 uur CEST",
    };
    for (size_t i = 0; i < sizeof zoned / sizeof zoned[0]; i++) {
        DATETIME_REFUSED(zoned[i]);
        char why[WHY_MAX];
        tnd_datetime t;
        assert_false(tnd_parse_datetime(n, zoned[i], &t, why, sizeof why));
        assert_non_null(strstr(why, "tijdzone niet toegestaan"));
    }
}

static void test_datetime_impossible_or_other_times_refused(void **state)
{
    TEST_N;
    DATETIME_REFUSED("18-07-2022 24:00");
    DATETIME_REFUSED("18-07-2022 11:60");
    DATETIME_REFUSED("18-07-2022 11:00:60");
    DATETIME_REFUSED("18-07-2022 11.00"); /* a point needs "uur" */
    DATETIME_REFUSED("18-07-2022 11");
    DATETIME_REFUSED("18-07-2022T11:00"); /* T only after an ISO date */
    DATETIME_REFUSED("2022-07-18T11:00:00.000");
    DATETIME_REFUSED("2022-07-18 T11:00");
    DATETIME_REFUSED("31-02-2022 11:00");
    DATETIME_REFUSED("11:00");
}

/* ---- KvK and AGB ---- */

static void test_kvk_eight_digits_with_optional_grouping(void **state)
{
    TEST_N;
    KVK_IS("12345678", "12345678");
    KVK_IS("1234 5678", "12345678");
    KVK_IS("1234.5678", "12345678");
    KVK_IS("12 34 56 78", "12345678");
    KVK_IS("1234" NBSP "5678", "12345678");
    KVK_IS("01234567", "01234567"); /* leading zero kept */
}

static void test_kvk_seven_or_nine_digits_refused(void **state)
{
    TEST_N;
    KVK_REFUSED("1234567");
    KVK_REFUSED("123456789");
    KVK_REFUSED("1234 56789");
    char why[WHY_MAX];
    char out[9];
    assert_false(tnd_parse_kvk(n, "1234567", out, why, sizeof why));
    assert_non_null(strstr(why, "7 cijfers in plaats van 8"));
}

static void test_kvk_letters_and_other_separators_refused(void **state)
{
    TEST_N;
    KVK_REFUSED("1234567a");
    KVK_REFUSED("KvK 12345678");
    KVK_REFUSED("1234-5678");
    KVK_REFUSED("1234  5678");
    KVK_REFUSED(" 1234 5678.");
    KVK_REFUSED("");
}

static void test_agb_eight_digits_like_kvk(void **state)
{
    TEST_N;
    AGB_IS("12345678", "12345678");
    AGB_IS("1234 5678", "12345678");
    AGB_REFUSED("1234567");
    AGB_REFUSED("123456789");
    AGB_REFUSED("AGB12345678");
    char why[WHY_MAX];
    char out[9];
    assert_false(tnd_parse_agb(n, "x", out, why, sizeof why));
    assert_non_null(strstr(why, "AGB-code"));
}

/* ---- booleans ---- */

static void test_bool_all_spellings_any_case(void **state)
{
    TEST_N;
    BOOL_IS("ja", 1);
    BOOL_IS("JA", 1);
    BOOL_IS("yes", 1);
    BOOL_IS("True", 1);
    BOOL_IS("1", 1);
    BOOL_IS("j", 1);
    BOOL_IS("waar", 1);
    BOOL_IS("nee", 0);
    BOOL_IS("Nee", 0);
    BOOL_IS("no", 0);
    BOOL_IS("FALSE", 0);
    BOOL_IS("0", 0);
    BOOL_IS("n", 0);
    BOOL_IS("onwaar", 0);
    BOOL_IS(" ja ", 1);
}

static void test_bool_other_words_refused(void **state)
{
    TEST_N;
    BOOL_REFUSED("y");
    BOOL_REFUSED("jaa");
    BOOL_REFUSED("misschien");
    BOOL_REFUSED("2");
    BOOL_REFUSED("ja nee");
    BOOL_REFUSED("");
}

/* ---- robustness and messages ---- */

static void test_null_text_refused_by_every_parser(void **state)
{
    TEST_N;
    char why[WHY_MAX];
    tnd_cents c;
    tnd_dec d;
    long count;
    tnd_date date;
    tnd_datetime dt;
    char id[9];
    bool b;
    assert_false(tnd_parse_money(n, NULL, &c, why, sizeof why));
    assert_string_equal(why,
                        "geen geldig bedrag (geen tekst): verwacht bijvoorbeeld € 2.000.000,00");
    assert_false(tnd_parse_decimal(n, NULL, &d, why, sizeof why));
    assert_false(tnd_parse_fraction(n, NULL, &d, why, sizeof why));
    assert_false(tnd_parse_percent(n, NULL, &d, why, sizeof why));
    assert_false(tnd_parse_count(n, NULL, &count, why, sizeof why));
    assert_false(tnd_parse_date(n, NULL, &date, why, sizeof why));
    assert_false(tnd_parse_datetime(n, NULL, &dt, why, sizeof why));
    assert_false(tnd_parse_kvk(n, NULL, id, why, sizeof why));
    assert_false(tnd_parse_agb(n, NULL, id, why, sizeof why));
    assert_false(tnd_parse_bool(n, NULL, &b, why, sizeof why));
    assert_non_null(strstr(why, "geen tekst"));
}

static void test_why_may_be_null_or_zero_sized(void **state)
{
    TEST_N;
    tnd_cents c;
    tnd_date d;
    char why[8] = "keep";
    assert_false(tnd_parse_money(n, "abc", &c, NULL, 0));
    assert_false(tnd_parse_money(n, "abc", &c, NULL, 100));
    assert_false(tnd_parse_money(n, NULL, &c, NULL, 0));
    assert_false(tnd_parse_date(n, "31-02-2022", &d, NULL, 0));
    assert_false(tnd_parse_money(n, "abc", &c, why, 0));
    assert_string_equal(why, "keep");
}

static void test_why_truncated_to_its_size(void **state)
{
    TEST_N;
    tnd_cents c;
    char why[8];
    assert_false(tnd_parse_money(n, "abc", &c, why, sizeof why));
    assert_string_equal(why, "geen ge");
}

static void test_money_refusal_message_names_example(void **state)
{
    TEST_N;
    tnd_cents c;
    char why[WHY_MAX];
    assert_false(tnd_parse_money(n, "1.23.4", &c, why, sizeof why));
    assert_string_equal(why, "geen geldig bedrag: verwacht bijvoorbeeld € 2.000.000,00");
}

static void test_very_long_input_refused(void **state)
{
    TEST_N;
    size_t len = 100000;
    char *digits = malloc(len + 1);
    assert_non_null(digits);
    memset(digits, '1', len);
    digits[len] = '\0';
    char why[WHY_MAX];
    tnd_cents c;
    tnd_dec d;
    long count;
    char id[9];
    assert_false(tnd_parse_money(n, digits, &c, why, sizeof why));
    assert_non_null(strstr(why, "langer dan"));
    assert_false(tnd_parse_decimal(n, digits, &d, why, sizeof why));
    assert_false(tnd_parse_count(n, digits, &count, why, sizeof why));
    assert_false(tnd_parse_kvk(n, digits, id, why, sizeof why));
    /* just under the length limit: refused for its value, not its length */
    digits[1000] = '\0';
    assert_false(tnd_parse_money(n, digits, &c, why, sizeof why));
    assert_non_null(strstr(why, "meer dan 10.000.000.000.000 euro"));
    assert_false(tnd_parse_kvk(n, digits, id, why, sizeof why));
    assert_non_null(strstr(why, "1000 cijfers"));
    free(digits);
}

static void test_invalid_utf8_refused(void **state)
{
    TEST_N;
    char why[WHY_MAX];
    tnd_cents c;
    tnd_date d;
    bool b;
    assert_false(tnd_parse_money(n, "\xE2\x82 1,00", &c, why, sizeof why));
    assert_non_null(strstr(why, "UTF-8"));
    assert_false(tnd_parse_money(n, "1,00\xFF", &c, why, sizeof why));
    assert_false(tnd_parse_date(n, "18 juli\xC2 2022", &d, why, sizeof why));
    assert_false(tnd_parse_bool(n, "ja\xFF", &b, why, sizeof why));
}

/* ---- the same answers once the patterns are compiled to machine code (PCRE2 JIT) ---- */

/* What every parser says of one text: accepted or not, the value, the message. */
typedef struct {
    char said[10][WHY_MAX + 64];
} answers;

static void answer_all(const tnd_notation *n, const char *text, answers *a)
{
    memset(a, 0, sizeof *a);
    char why[WHY_MAX];
    tnd_cents cents = 0;
    tnd_dec dec = { 0 };
    long count = 0;
    tnd_date date = { 0, 0, 0 };
    tnd_datetime dt = { { 0, 0, 0 }, 0, 0, 0 };
    char id[9] = "";
    bool yes = false;
#define SAY(i, ok, fmt, ...)                                                                   \
    snprintf(a->said[i], sizeof a->said[i], "%d " fmt " %s", ok, __VA_ARGS__, why)
    why[0] = '\0';
    bool ok = tnd_parse_money(n, text, &cents, why, sizeof why);
    SAY(0, ok, "%lld", (long long)cents);
    why[0] = '\0';
    ok = tnd_parse_decimal(n, text, &dec, why, sizeof why);
    SAY(1, ok, "%lld", (long long)dec.units);
    why[0] = '\0';
    ok = tnd_parse_percent(n, text, &dec, why, sizeof why);
    SAY(2, ok, "%lld", (long long)dec.units);
    why[0] = '\0';
    ok = tnd_parse_fraction(n, text, &dec, why, sizeof why);
    SAY(3, ok, "%lld", (long long)dec.units);
    why[0] = '\0';
    ok = tnd_parse_count(n, text, &count, why, sizeof why);
    SAY(4, ok, "%ld", count);
    why[0] = '\0';
    ok = tnd_parse_date(n, text, &date, why, sizeof why);
    SAY(5, ok, "%d-%d-%d", date.year, date.month, date.day);
    why[0] = '\0';
    ok = tnd_parse_datetime(n, text, &dt, why, sizeof why);
    SAY(6, ok, "%d-%d-%d %d:%d:%d", dt.date.year, dt.date.month, dt.date.day, dt.hour, dt.minute,
        dt.second);
    why[0] = '\0';
    ok = tnd_parse_kvk(n, text, id, why, sizeof why);
    SAY(7, ok, "%s", id);
    why[0] = '\0';
    ok = tnd_parse_agb(n, text, id, why, sizeof why);
    SAY(8, ok, "%s", id);
    why[0] = '\0';
    ok = tnd_parse_bool(n, text, &yes, why, sizeof why);
    SAY(9, ok, "%d", yes);
#undef SAY
}

/* Texts of every notation, accepted and refused, and texts at the 1024-byte limit that make a
 * pattern repeat a group a thousand times (the JIT's own stack; the interpreter then matches). */
static char jit_long[6][1025];
static const char *jit_texts[] = {
    "€ 2.000.000,00", "-€ 1.000,00", "2,000,000.00", "1.234", "0.950", "20,5%", "95%", "0,95",
    "1.000", "18-07-2022", "18 juli 2022", "2022-07-18T11:00:00", "18-07-2022 11.00 uur",
    "18-07-2022 11:00 CET", "1234 5678", "12.34.56.78", "ja", "Onwaar", "12 euro", "",
    jit_long[0], jit_long[1], jit_long[2], jit_long[3], jit_long[4], jit_long[5],
};

static void fill_long_texts(void)
{
    for (int i = 0; i < 1024; i++) {
        jit_long[0][i] = (char)('0' + i % 10);           /* 1024 digits */
        jit_long[1][i] = i % 2 ? ' ' : '1';             /* "1 1 1 ...": digit groups */
        jit_long[2][i] = i % 4 == 1 ? '.' : '1';        /* "1.111.111...": grouped */
        jit_long[3][i] = i % 4 == 1 ? ',' : '2';        /* "2,222,222...": English grouping */
        jit_long[4][i] = i < 1022 ? '9' : (i == 1022 ? ',' : '5'); /* a long amount, "...9,5" */
        jit_long[5][i] = i % 2 ? '.' : '7';             /* "7.7.7...": bad grouping */
    }
    for (int k = 0; k < 6; k++)
        jit_long[k][1024] = '\0';
}

static void test_patterns_answer_the_same_after_jit(void **state)
{
    (void)state;
    fill_long_texts();
    size_t n_texts = sizeof jit_texts / sizeof jit_texts[0];
    answers *before = calloc(n_texts, sizeof *before), now;
    assert_non_null(before);
    tnd_notation *n = tnd_notation_new();
    assert_non_null(n);
    for (size_t t = 0; t < n_texts; t++)
        answer_all(n, jit_texts[t], &before[t]); /* a new notation: the interpreter */
    for (int round = 0; round < 200; round++)     /* well past the JIT threshold of each */
        for (size_t t = 0; t < 20; t++)
            answer_all(n, jit_texts[t], &now);
    for (size_t t = 0; t < n_texts; t++) {
        answer_all(n, jit_texts[t], &now);
        for (int i = 0; i < 10; i++) {
            if (strcmp(before[t].said[i], now.said[i]) != 0)
                print_error("text %zu, parser %d: \"%.60s\" before, \"%.60s\" after\n", t, i,
                            before[t].said[i], now.said[i]);
            assert_string_equal(before[t].said[i], now.said[i]);
        }
    }
    /* and they are what they should be */
    answer_all(n, "€ 2.000.000,00", &now);
    assert_string_equal(now.said[0], "1 200000000 ");
    answer_all(n, jit_long[0], &now);
    assert_true(strncmp(now.said[7], "0  geen geldig KvK-nummer", 25) == 0);
    tnd_notation_free(n);
    free(before);
}

/* ---- the shortcuts (money, ja/nee) answer as the patterns do ---- */

/* Compares money and ja/nee, with and without the shortcuts; fails naming the text. */
static void same_with_and_without_shortcuts(tnd_notation *fast, tnd_notation *slow,
                                            const char *text, size_t *accepted)
{
    char why_fast[WHY_MAX] = "", why_slow[WHY_MAX] = "";
    tnd_cents c_fast = -1, c_slow = -1;
    bool ok_fast = tnd_parse_money(fast, text, &c_fast, why_fast, sizeof why_fast);
    bool ok_slow = tnd_parse_money(slow, text, &c_slow, why_slow, sizeof why_slow);
    if (ok_fast != ok_slow || (ok_fast && c_fast != c_slow) || strcmp(why_fast, why_slow) != 0)
        print_error("money \"%s\": %d %lld \"%s\" with, %d %lld \"%s\" without shortcut\n", text,
                    ok_fast, (long long)c_fast, why_fast, ok_slow, (long long)c_slow, why_slow);
    assert_int_equal(ok_fast, ok_slow);
    assert_int_equal(c_fast, c_slow);
    assert_string_equal(why_fast, why_slow);
    *accepted += ok_fast;
    bool b_fast = false, b_slow = false;
    why_fast[0] = why_slow[0] = '\0';
    ok_fast = tnd_parse_bool(fast, text, &b_fast, why_fast, sizeof why_fast);
    ok_slow = tnd_parse_bool(slow, text, &b_slow, why_slow, sizeof why_slow);
    if (ok_fast != ok_slow || b_fast != b_slow || strcmp(why_fast, why_slow) != 0)
        print_error("ja/nee \"%s\" differs with and without the shortcut\n", text);
    assert_int_equal(ok_fast, ok_slow);
    assert_int_equal(b_fast, b_slow);
    assert_string_equal(why_fast, why_slow);
}

/* Every text of up to five symbols from the alphabet of amounts; then 20,000 pseudo-random
 * amounts (a fixed seed) of typical shape with one or two symbols changed, inserted or taken
 * out, which lands on the edges of the shapes the shortcut takes. */
static void test_shortcuts_answer_as_the_patterns(void **state)
{
    (void)state;
    static const char *const symbols[] = { "0", "1", "9", ".", ",", "-", "€", " ",
                                           "\xC2\xA0", "E", "j", "a" };
    enum { N_SYMBOLS = sizeof symbols / sizeof symbols[0], MAX_LEN = 5 };
    tnd_notation *fast = tnd_notation_new(), *slow = tnd_notation_new();
    assert_non_null(fast);
    assert_non_null(slow);
    tnd_notation_use_shortcuts(slow, false);
    size_t accepted = 0, texts = 0;
    char text[64];
    for (int len = 0; len <= MAX_LEN; len++) {
        size_t total = 1;
        for (int i = 0; i < len; i++)
            total *= N_SYMBOLS;
        for (size_t code = 0; code < total; code++) {
            text[0] = '\0';
            for (size_t c = code, i = 0; i < (size_t)len; i++, c /= N_SYMBOLS)
                strcat(text, symbols[c % N_SYMBOLS]);
            same_with_and_without_shortcuts(fast, slow, text, &accepted);
            texts++;
        }
    }
    static const char *const shapes[] = { "€ 3.146.000,00", "-€ 66.100,00", "€ -1.000,00",
                                          "2.000.000,-", "1250", "1.234,5", "0,95",
                                          "€  12.345.678,90", "999.999.999.999,99", "€1,00",
                                          "12.34", "EUR 1.000", "nee", "ja" };
    static const char mutations[] = "0123456789.,-+ \xE2";
    uint32_t seed = 20261207;
    for (int k = 0; k < 20000; k++) {
        const char *shape = shapes[k % (sizeof shapes / sizeof shapes[0])];
        size_t len = strlen(shape);
        memcpy(text, shape, len + 1);
        for (int m = 0; m < 1 + k % 2; m++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % (len + 1);
            char c = mutations[(seed >> 20) % (sizeof mutations - 1)];
            int how = (int)((seed >> 28) % 3);
            if (how == 0 && at < len) {
                text[at] = c;                                   /* change */
            } else if (how == 1 && len + 1 < sizeof text) {
                memmove(text + at + 1, text + at, len - at + 1); /* insert */
                text[at] = c;
                len++;
            } else if (at < len) {
                memmove(text + at, text + at + 1, len - at);     /* take out */
                len--;
            }
        }
        same_with_and_without_shortcuts(fast, slow, text, &accepted);
        texts++;
    }
    assert_int_equal(texts, 271453 + 20000);
    assert_int_equal(accepted, 11748); /* amounts accepted, the rest refused */
    tnd_notation_free(fast);
    tnd_notation_free(slow);
}

static int create_notation(void **state)
{
    *state = tnd_notation_new();
    return *state ? 0 : -1;
}

static int free_notation(void **state)
{
    tnd_notation_free(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_money_plain_integer_is_euros),
        cmocka_unit_test(test_money_point_with_two_decimals_is_decimal_point),
        cmocka_unit_test(test_money_dutch_grouping_without_decimals),
        cmocka_unit_test(test_money_dutch_grouping_with_euro_sign),
        cmocka_unit_test(test_money_euro_sign_followed_by_non_breaking_space),
        cmocka_unit_test(test_money_euro_sign_without_space),
        cmocka_unit_test(test_money_eur_prefix_with_dash_for_no_cents),
        cmocka_unit_test(test_money_english_grouping_accepted_with_both_separators),
        cmocka_unit_test(test_money_english_grouping_without_decimal_point_refused),
        cmocka_unit_test(test_money_one_decimal_is_tens_of_cents),
        cmocka_unit_test(test_money_lone_point_with_three_digits_is_thousands),
        cmocka_unit_test(test_money_lone_comma_is_decimal_comma),
        cmocka_unit_test(test_money_negative_minus_before_euro_sign),
        cmocka_unit_test(test_money_negative_minus_after_euro_sign),
        cmocka_unit_test(test_money_two_minus_signs_refused),
        cmocka_unit_test(test_money_more_than_two_decimals_refused_not_rounded),
        cmocka_unit_test(test_money_invalid_grouping_refused),
        cmocka_unit_test(test_money_empty_refused),
        cmocka_unit_test(test_money_letters_refused),
        cmocka_unit_test(test_money_up_to_ten_to_the_13_euro_accepted_above_refused),
        cmocka_unit_test(test_money_surrounding_white_space_ignored),
        cmocka_unit_test(test_decimal_comma),
        cmocka_unit_test(test_decimal_point),
        cmocka_unit_test(test_decimal_dutch_grouping_with_comma),
        cmocka_unit_test(test_decimal_signs),
        cmocka_unit_test(test_decimal_whole_number),
        cmocka_unit_test(test_decimal_six_decimals_kept_exactly),
        cmocka_unit_test(test_decimal_seven_decimals_refused_not_rounded),
        cmocka_unit_test(test_decimal_point_and_three_digits_after_zero_is_decimal_point),
        cmocka_unit_test(test_decimal_point_and_three_digits_after_nonzero_is_ambiguous),
        cmocka_unit_test(test_decimal_comma_and_three_digits_is_decimal_comma),
        cmocka_unit_test(test_decimal_integer_part_up_to_ten_to_the_12),
        cmocka_unit_test(test_decimal_bad_notation_refused),
        cmocka_unit_test(test_percent_comma_with_sign),
        cmocka_unit_test(test_percent_point_with_space_before_sign),
        cmocka_unit_test(test_percent_without_percent_sign_refused),
        cmocka_unit_test(test_percent_four_decimals_exact_five_refused),
        cmocka_unit_test(test_percent_bad_notation_refused),
        cmocka_unit_test(test_fraction_percentage_forms_are_hundredths),
        cmocka_unit_test(test_fraction_without_percent_sign_taken_as_written),
        cmocka_unit_test(test_fraction_bad_notation_refused),
        cmocka_unit_test(test_count_whole_numbers),
        cmocka_unit_test(test_count_sign_decimals_and_bad_grouping_refused),
        cmocka_unit_test(test_date_day_month_year_with_dash_slash_or_point),
        cmocka_unit_test(test_date_iso),
        cmocka_unit_test(test_date_dutch_month_name_any_case),
        cmocka_unit_test(test_date_every_dutch_month_name_and_abbreviation),
        cmocka_unit_test(test_date_impossible_dates_refused),
        cmocka_unit_test(test_date_leap_day_only_in_leap_year),
        cmocka_unit_test(test_date_other_notations_refused),
        cmocka_unit_test(test_datetime_date_with_clock_time),
        cmocka_unit_test(test_datetime_dutch_uur_notation),
        cmocka_unit_test(test_datetime_iso_with_t),
        cmocka_unit_test(test_datetime_date_alone_is_midnight),
        cmocka_unit_test(test_datetime_time_zone_refused),
        cmocka_unit_test(test_datetime_impossible_or_other_times_refused),
        cmocka_unit_test(test_kvk_eight_digits_with_optional_grouping),
        cmocka_unit_test(test_kvk_seven_or_nine_digits_refused),
        cmocka_unit_test(test_kvk_letters_and_other_separators_refused),
        cmocka_unit_test(test_agb_eight_digits_like_kvk),
        cmocka_unit_test(test_bool_all_spellings_any_case),
        cmocka_unit_test(test_bool_other_words_refused),
        cmocka_unit_test(test_null_text_refused_by_every_parser),
        cmocka_unit_test(test_why_may_be_null_or_zero_sized),
        cmocka_unit_test(test_why_truncated_to_its_size),
        cmocka_unit_test(test_money_refusal_message_names_example),
        cmocka_unit_test(test_very_long_input_refused),
        cmocka_unit_test(test_invalid_utf8_refused),
        cmocka_unit_test(test_patterns_answer_the_same_after_jit),
        cmocka_unit_test(test_shortcuts_answer_as_the_patterns),
    };
    return cmocka_run_group_tests(tests, create_notation, free_notation);
}
