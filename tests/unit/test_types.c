/* test_types.c - money, decimals, dates and their Dutch notation (scoring/types.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "scoring/model.h"
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

/* Every comparison a tender document writes (§5.3.1 "> 20,0%", "minimaal", "t/m", "gelijk aan")
 * holds exactly as written, at the boundary too: "<" is strict, "<=" and "=" include equality. */
static void test_every_operator_holds_exactly_as_written_at_the_boundary(void **state)
{
    static const struct { tnd_op op; bool below, equal, above; } table[] = {
        { TND_OP_GT, false, false, true },
        { TND_OP_GE, false, true, true },
        { TND_OP_LT, true, false, false },
        { TND_OP_LE, true, true, false },
        { TND_OP_EQ, false, true, false },
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        assert_int_equal(tnd_op_holds(table[i].op, -1), table[i].below);
        assert_int_equal(tnd_op_holds(table[i].op, 0), table[i].equal);
        assert_int_equal(tnd_op_holds(table[i].op, 1), table[i].above);
    }
    /* an operator outside the table never holds */
    assert_false(tnd_op_holds((tnd_op)99, 0));
}

/* The operator names of the definition ("gt" ... "eq") and the symbols shown in the reports. */
static void test_operator_names_parse_and_symbols_are_shown(void **state)
{
    static const char *const names[] = { "gt", "ge", "lt", "le", "eq" };
    static const char *const symbols[] = { ">", ">=", "<", "<=", "=" };
    static const tnd_op ops[] = { TND_OP_GT, TND_OP_GE, TND_OP_LT, TND_OP_LE, TND_OP_EQ };
    for (size_t i = 0; i < 5; i++) {
        tnd_op op = (tnd_op)99;
        assert_true(tnd_op_parse(names[i], &op));
        assert_int_equal(op, ops[i]);
        assert_string_equal(tnd_op_symbol(op), symbols[i]);
    }
    tnd_op op = TND_OP_GT;
    assert_false(tnd_op_parse("ne", &op));
    assert_false(tnd_op_parse("GT", &op));
    assert_int_equal(op, TND_OP_GT); /* untouched */
    assert_string_equal(tnd_op_symbol((tnd_op)99), "?");
}

/* Dates a tender can name: 1900 up to 2999, real months and days only. */
static void test_date_valid_refuses_each_field_out_of_range(void **state)
{
    assert_true(tnd_date_valid((tnd_date){ 1900, 1, 1 }));
    assert_true(tnd_date_valid((tnd_date){ 2999, 12, 31 }));
    assert_false(tnd_date_valid((tnd_date){ 1899, 12, 31 }));
    assert_false(tnd_date_valid((tnd_date){ 3000, 1, 1 }));
    assert_false(tnd_date_valid((tnd_date){ 2022, 0, 1 }));
    assert_false(tnd_date_valid((tnd_date){ 2022, 13, 1 }));
    assert_false(tnd_date_valid((tnd_date){ 2022, 7, 0 }));
    assert_false(tnd_date_valid((tnd_date){ 2022, 7, 32 }));
    assert_false(tnd_date_valid((tnd_date){ 2022, 4, 31 }));
    assert_false(tnd_date_valid((tnd_date){ 1900, 2, 29 })); /* 1900 is no leap year */
    assert_true(tnd_date_valid((tnd_date){ 2000, 2, 29 }));
}

/* The submission time (§3.6): the same day compares on the time, to the second. */
static void test_datetime_cmp_compares_the_time_on_the_same_day(void **state)
{
    tnd_datetime a = { { 2022, 7, 18 }, 11, 0, 0 }, b = a;
    assert_int_equal(tnd_datetime_cmp(a, b), 0);
    b.second = 1;
    assert_int_equal(tnd_datetime_cmp(a, b), -1);
    assert_int_equal(tnd_datetime_cmp(b, a), 1);
    b = a;
    b.date.day = 17;
    b.hour = 23;
    assert_int_equal(tnd_datetime_cmp(a, b), 1);
    assert_int_equal(tnd_date_cmp((tnd_date){ 2022, 7, 18 }, (tnd_date){ 2022, 8, 1 }), -1);
    assert_int_equal(tnd_date_cmp((tnd_date){ 2023, 1, 1 }, (tnd_date){ 2022, 12, 31 }), 1);
}

/* Places outside 0..6 are clamped (a decimal has 6); a negative denominator keeps the sign. */
static void test_places_are_clamped_to_0_to_6_and_signs_follow_the_fraction(void **state)
{
    char buf[40];
    tnd_dec_nl((tnd_dec){ 4135338 }, -1, buf);
    assert_string_equal(buf, "4");
    tnd_dec_nl((tnd_dec){ 4135338 }, 9, buf);
    assert_string_equal(buf, "4,135338");
    tnd_dec_str((tnd_dec){ -4135338 }, 0, buf);
    assert_string_equal(buf, "-4");
    tnd_dec_str((tnd_dec){ -400000 }, 0, buf);
    assert_string_equal(buf, "0"); /* rounds to zero: no "-0" */
    assert_int_equal(tnd_fraction_round(1, 3, -2).units, 0);
    assert_int_equal(tnd_fraction_round(1, 3, 8).units, 333333);
    assert_int_equal(tnd_fraction_round(1, -8, 2).units, -130000);
    assert_int_equal(tnd_fraction_round(-1, -8, 2).units, 130000);
    assert_int_equal(tnd_fraction_round(1, 0, 2).units, 0);
    assert_int_equal(tnd_date_days((tnd_date){ 1969, 12, 31 }), -1);
    assert_int_equal(tnd_dec_cmp((tnd_dec){ 1 }, (tnd_dec){ 2 }), -1);
    assert_int_equal(tnd_dec_cmp((tnd_dec){ 2 }, (tnd_dec){ 1 }), 1);
    assert_int_equal(tnd_dec_cmp((tnd_dec){ 2 }, (tnd_dec){ 2 }), 0);
}

/* issue 12: a loop bound is the array's own size, so an array that grows is never cut off by a
 * stale literal; TND_COUNTOF counts elements, not bytes. */
static void test_countof_is_the_declared_element_count_of_each_array(void **state)
{
    (void)state;
    tnd_definition def;
    tnd_award_lot award;
    tnd_bid bid;
    assert_int_equal(TND_COUNTOF(def.cascade.chains), TND_MAX_CHAINS);
    assert_int_equal(TND_COUNTOF(def.cascade.chains[0].to), TND_MAX_CHAIN_TO);
    assert_int_equal(TND_COUNTOF(def.financial.items), TND_MAX_FIN_ITEMS);
    assert_int_equal(TND_COUNTOF(def.financial.items[0].years), TND_MAX_FIN_YEARS);
    assert_int_equal(TND_COUNTOF(def.financial.bands), TND_MAX_YEAR_BANDS);
    assert_int_equal(TND_COUNTOF(def.residential.occupancy), TND_MAX_OCCUPANCY);
    assert_int_equal(TND_COUNTOF(award.criteria), TND_MAX_CRITERIA);
    assert_int_equal(TND_COUNTOF(bid.agb), TND_MAX_AGB);
    /* elements, not bytes: 12 criteria of several hundred bytes each */
    assert_true(sizeof award.criteria > TND_MAX_CRITERIA);
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
        cmocka_unit_test(test_every_operator_holds_exactly_as_written_at_the_boundary),
        cmocka_unit_test(test_operator_names_parse_and_symbols_are_shown),
        cmocka_unit_test(test_date_valid_refuses_each_field_out_of_range),
        cmocka_unit_test(test_datetime_cmp_compares_the_time_on_the_same_day),
        cmocka_unit_test(test_places_are_clamped_to_0_to_6_and_signs_follow_the_fraction),
        cmocka_unit_test(test_countof_is_the_declared_element_count_of_each_array),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
