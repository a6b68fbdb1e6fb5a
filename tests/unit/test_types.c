/* test_types.c - money, decimals, dates and their Dutch notation (scoring/types.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "scoring/types.h"

static void test_fraction_cmp_is_exact_at_20_percent(void **state)
{
    /* §5.3.1: solvency 200.000,00 / 1.000.000,00 is exactly 20,0 %: equal, so "> 20,0%" fails */
    tnd_dec t = { 200000 };
    assert_int_equal(tnd_fraction_cmp(20000000, 100000000, t), 0);
    assert_int_equal(tnd_fraction_cmp(20000001, 100000000, t), 1);
    assert_int_equal(tnd_fraction_cmp(19999999, 100000000, t), -1);
    assert_false(tnd_op_holds(TND_OP_GT, 0));
    assert_true(tnd_op_holds(TND_OP_GE, 0));
}

static void test_fraction_round_rounds_once_from_the_exact_value(void **state)
{
    /* 554999 / 3000000 = 0,18499967: 2 places is 0,18 (not 0,19 via 0,185000) */
    assert_int_equal(tnd_fraction_round(554999, 3000000, 2).units, 180000);
    assert_int_equal(tnd_fraction_round(554999, 3000000, 6).units, 185000);
    /* §9 L4150: 550/133 = 4,1353383 -> 4,14 */
    assert_int_equal(tnd_fraction_round(550, 133, 2).units, 4140000);
    /* half away from zero: 1/8 = 0,125 -> 0,13 and -0,13 */
    assert_int_equal(tnd_fraction_round(1, 8, 2).units, 130000);
    assert_int_equal(tnd_fraction_round(-1, 8, 2).units, -130000);
    assert_int_equal(tnd_fraction_round(5, 2, 0).units, 3000000);
}

static void test_dec_nl_compact_drops_trailing_zeros(void **state)
{
    char buf[32];
    tnd_dec_nl_compact((tnd_dec){ 4100000 }, buf);
    assert_string_equal(buf, "4,1");
    tnd_dec_nl_compact((tnd_dec){ 220000000 }, buf);
    assert_string_equal(buf, "220");
    tnd_dec_nl_compact((tnd_dec){ 554999 }, buf);
    assert_string_equal(buf, "0,554999");
    tnd_dec_nl_compact((tnd_dec){ -500000 }, buf);
    assert_string_equal(buf, "-0,5");
}

static void test_money_and_decimals_in_dutch_notation(void **state)
{
    char buf[40];
    tnd_cents_nl(200000000, buf);
    assert_string_equal(buf, "€ 2.000.000,00");
    tnd_cents_nl(199999900, buf);
    assert_string_equal(buf, "€ 1.999.999,00");
    tnd_cents_nl(-5, buf);
    assert_string_equal(buf, "-€ 0,05");
    tnd_dec_nl((tnd_dec){ 4135338 }, 2, buf);
    assert_string_equal(buf, "4,14");
    tnd_dec_str((tnd_dec){ 999999 }, 2, buf);
    assert_string_equal(buf, "1.00");
}

static void test_add_months_clamps_to_the_last_day(void **state)
{
    /* §5.2: "niet ouder dan 6 maanden": 31-08-2022 minus 6 months is 28-02-2022 */
    tnd_date d = tnd_date_add_months((tnd_date){ 2022, 8, 31 }, -6);
    assert_int_equal(d.year, 2022);
    assert_int_equal(d.month, 2);
    assert_int_equal(d.day, 28);
    d = tnd_date_add_months((tnd_date){ 2024, 8, 31 }, -6);
    assert_int_equal(d.day, 29);
    d = tnd_date_add_months((tnd_date){ 2022, 7, 18 }, -36);
    assert_int_equal(d.year, 2019);
    assert_int_equal(d.month, 7);
    assert_int_equal(d.day, 18);
}

static void test_dates_and_times_format_both_ways(void **state)
{
    char buf[24];
    tnd_datetime t = { { 2022, 7, 18 }, 11, 0, 0 };
    tnd_datetime_nl(t, buf);
    assert_string_equal(buf, "18-07-2022 11:00");
    t.second = 1;
    tnd_datetime_nl(t, buf);
    assert_string_equal(buf, "18-07-2022 11:00:01");
    tnd_datetime_iso(t, buf);
    assert_string_equal(buf, "2022-07-18T11:00:01");
    assert_false(tnd_date_valid((tnd_date){ 2022, 2, 29 }));
    assert_true(tnd_date_valid((tnd_date){ 2024, 2, 29 }));
    assert_int_equal(tnd_date_days((tnd_date){ 1970, 1, 1 }), 0);
    assert_int_equal(tnd_date_days((tnd_date){ 2022, 7, 18 }), 19191);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fraction_cmp_is_exact_at_20_percent),
        cmocka_unit_test(test_fraction_round_rounds_once_from_the_exact_value),
        cmocka_unit_test(test_dec_nl_compact_drops_trailing_zeros),
        cmocka_unit_test(test_money_and_decimals_in_dutch_notation),
        cmocka_unit_test(test_add_months_clamps_to_the_last_day),
        cmocka_unit_test(test_dates_and_times_format_both_ways),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
