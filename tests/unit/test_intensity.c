/*
 * test_intensity.c - support intensity (begeleidingsintensiteit), residential and group care.
 *
 * Scales and occupancy rules are built here as the tender definition will hold them
 * (residential bands §9 L4094-4110, group bands §8.5.3 L3523-3529, floors §9 L4136-4137 and
 * §9.7.3 L4242-4246). Decimals are written as integer units (TND_DEC_SCALE = 1e6): 4.1 = 4100000.
 * Hours in the boundary tests are chosen so that the value is exactly the limit on paper:
 * 8 youths x 0,95 x 7 days = 53,2, so 4,1 needs 4,1 x 53,2 = 218,12 hours. In doubles,
 * 218.12 / 7 / 7.6 = 4.1000000000000005 and 72.8 / 32.5 / 8 = 0.27999999999999997.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <limits.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/intensity.h"

#define D(u) ((tnd_dec){ (u) })
#define NO_BAND SIZE_MAX

enum { RES_C, RES_D, RES_E, RES_F, RES_G, RES_H, RES_I, RES_J, RES_K, RES_N };
enum { GRP_LICHT, GRP_MIDDEL, GRP_MIDDELZWAAR, GRP_ZWAAR, GRP_N };

/* §9 L4094-4110: "t/m" inclusive upper limit, "tot" exclusive; lower limits inclusive. */
static void residential_scale(tnd_intensity_band bands[RES_N], tnd_intensity_scale *scale)
{
    const tnd_intensity_band src[RES_N] = {
        { "C", D(100000), true, D(1200000), true },
        { "D", D(1200000), true, D(1800000), false },
        { "E", D(1800000), true, D(2400000), false },
        { "F", D(2400000), true, D(2900000), false },
        { "G", D(2900000), true, D(3400000), true },
        { "H", D(3400000), true, D(3800000), true },
        { "I", D(3800000), true, D(4100000), true },
        { "J", D(4100000), true, D(4600000), true },
        { "K", D(4600000), true, D(6100000), true },
    };
    memcpy(bands, src, sizeof src);
    memset(scale, 0, sizeof *scale);
    scale->bands = bands;
    scale->n_bands = RES_N;
    strcpy(scale->source, "§9 L4094-4110");
}

/* §8.5.3 L3523-3529: "0,10 - 0,19", both limits inclusive. */
static void group_scale(tnd_intensity_band bands[GRP_N], tnd_intensity_scale *scale)
{
    const tnd_intensity_band src[GRP_N] = {
        { "licht", D(100000), true, D(190000), true },
        { "middel", D(190000), true, D(280000), true },
        { "middelzwaar", D(280000), true, D(350000), true },
        { "zwaar", D(350000), true, D(600000), true },
    };
    memcpy(bands, src, sizeof src);
    memset(scale, 0, sizeof *scale);
    scale->bands = bands;
    scale->n_bands = GRP_N;
    strcpy(scale->source, "§8.5.3 L3523-3529");
}

/* §9 L4136-4137: not below 95 %; kortdurend verblijf 90 % (§9.7.3 L4244-4245); crisis actual. */
static const tnd_occupancy_rule REGULAR = { "regular", true, { 950000 }, "§9 L4136-4137" };
static const tnd_occupancy_rule KDV = { "kdv", true, { 900000 }, "§9.7.3 L4242-4246" };
static const tnd_occupancy_rule CRISIS = { "crisis", false, { 0 }, "§9 L4137" };

/* A result filled with junk, to show that a rejected input leaves *out untouched. Compared
 * field by field: padding bytes need not survive a struct copy. */
static tnd_intensity_result sentinel(void)
{
    tnd_intensity_result r;
    memset(&r, 0, sizeof r);
    r.num = -7;
    r.den = -7;
    r.rounded.units = -7;
    r.outcome = TND_INTENSITY_BOUNDARY;
    r.band[0] = 77;
    r.band[1] = 78;
    r.occupancy_used.units = -7;
    r.floor_applied = true;
    return r;
}

static void assert_untouched(const tnd_intensity_result *r)
{
    tnd_intensity_result s = sentinel();
    assert_int_equal(r->num, s.num);
    assert_int_equal(r->den, s.den);
    assert_int_equal(r->rounded.units, s.rounded.units);
    assert_int_equal(r->outcome, s.outcome);
    assert_int_equal(r->band[0], s.band[0]);
    assert_int_equal(r->band[1], s.band[1]);
    assert_int_equal(r->occupancy_used.units, s.occupancy_used.units);
    assert_int_equal(r->floor_applied, s.floor_applied);
}

static void assert_in_band(const tnd_intensity_result *r, size_t band)
{
    assert_int_equal(r->outcome, TND_INTENSITY_IN_BAND);
    assert_int_equal(r->band[0], band);
    assert_int_equal(r->band[1], NO_BAND);
}

static void assert_boundary(const tnd_intensity_result *r, size_t lower, size_t higher)
{
    assert_int_equal(r->outcome, TND_INTENSITY_BOUNDARY);
    assert_int_equal(r->band[0], lower);
    assert_int_equal(r->band[1], higher);
}

static void assert_outside(const tnd_intensity_result *r)
{
    assert_int_equal(r->outcome, TND_INTENSITY_OUTSIDE);
    assert_int_equal(r->band[0], NO_BAND);
    assert_int_equal(r->band[1], NO_BAND);
}

/* Regular residential group of 8 youths at 95 % occupancy with the given weekly hours (units). */
static tnd_intensity_result residential_8_at_95(int64_t hours_units)
{
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_result r = sentinel();
    assert_true(tnd_intensity_residential(&scale, &REGULAR, 8, D(950000), D(hours_units), &r));
    assert_int_equal(r.occupancy_used.units, 950000);
    assert_false(r.floor_applied);
    return r;
}

/* Group of 8 youths open 32,5 hours a week with the given staff hours (units). */
static tnd_intensity_result group_8_open_32_5(int64_t staff_units)
{
    tnd_intensity_band bands[GRP_N];
    tnd_intensity_scale scale;
    group_scale(bands, &scale);
    tnd_intensity_result r = sentinel();
    assert_true(tnd_intensity_group(&scale, 8, D(32500000), D(staff_units), &r));
    assert_int_equal(r.occupancy_used.units, 0);
    assert_false(r.floor_applied);
    return r;
}

static void assert_fraction(const tnd_intensity_result *r, int64_t num, int64_t den,
                            int64_t rounded_units)
{
    assert_int_equal(r->num, num);
    assert_int_equal(r->den, den);
    assert_int_equal(r->rounded.units, rounded_units);
}

/* ---- residential: the document's examples ---- */

static void test_residential_worked_example_is_J(void **state)
{
    /* §9 L4140-4151: 220 / 7,6 / 7 = 4,135 (printed "4,1") => J; unrounded, so not a boundary */
    tnd_intensity_result r = residential_8_at_95(220000000);
    assert_fraction(&r, 550, 133, 4135338);
    assert_in_band(&r, RES_J);
}

static void test_residential_occupancy_below_floor_is_raised_to_95(void **state)
{
    /* §9 L4136-4137: occupancy used may not be below 95 %: 80 % counts as 95 % => same 4,135 J */
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_result r;
    assert_true(tnd_intensity_residential(&scale, &REGULAR, 8, D(800000), D(220000000), &r));
    assert_int_equal(r.occupancy_used.units, 950000);
    assert_true(r.floor_applied);
    assert_fraction(&r, 550, 133, 4135338);
    assert_in_band(&r, RES_J);
}

static void test_residential_occupancy_above_floor_is_used_as_given(void **state)
{
    /* §9 L4136-4137: the floor only raises; 100 % stays 100 %: 220 / 8 / 7 = 3,928571 => I */
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_result r;
    assert_true(tnd_intensity_residential(&scale, &REGULAR, 8, D(1000000), D(220000000), &r));
    assert_int_equal(r.occupancy_used.units, 1000000);
    assert_false(r.floor_applied);
    assert_fraction(&r, 55, 14, 3928571);
    assert_in_band(&r, RES_I);
}

static void test_residential_kdv_floor_90_raises_85_percent(void **state)
{
    /* §9.7.3 L4244-4245: kortdurend verblijf at least 90 %: 85 % counts as 90 %:
     * 220 / 7 / 7,2 = 4,365079 => J */
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_result r;
    assert_true(tnd_intensity_residential(&scale, &KDV, 8, D(850000), D(220000000), &r));
    assert_int_equal(r.occupancy_used.units, 900000);
    assert_true(r.floor_applied);
    assert_fraction(&r, 275, 63, 4365079);
    assert_in_band(&r, RES_J);
}

static void test_residential_crisis_uses_actual_occupancy(void **state)
{
    /* §9 L4137: crisis groups are exempt from the floor: 112 / 7 / (8 x 0,5) = 4,0 => I */
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_result r;
    assert_true(tnd_intensity_residential(&scale, &CRISIS, 8, D(500000), D(112000000), &r));
    assert_int_equal(r.occupancy_used.units, 500000);
    assert_false(r.floor_applied);
    assert_fraction(&r, 4, 1, 4000000);
    assert_in_band(&r, RES_I);
}

/* ---- residential: limits shared by two bands (L4160-4163: "grensgeval", to be agreed) ---- */

static void test_residential_exactly_4_1_is_boundary_I_J(void **state)
{
    /* L4100-4108: I "3,8 t/m 4,1", J "4,1 t/m 4,6": 218,12 / 7 / 7,6 = 4,1 exactly */
    tnd_intensity_result r = residential_8_at_95(218120000);
    assert_fraction(&r, 41, 10, 4100000);
    assert_boundary(&r, RES_I, RES_J);
}

static void test_residential_exactly_1_2_is_boundary_C_D(void **state)
{
    /* L4094-4096: C "0,1 t/m 1,2", D "1,2 tot 1,8": 63,84 / 7 / 7,6 = 1,2 */
    tnd_intensity_result r = residential_8_at_95(63840000);
    assert_fraction(&r, 6, 5, 1200000);
    assert_boundary(&r, RES_C, RES_D);
}

static void test_residential_exactly_3_4_is_boundary_G_H(void **state)
{
    /* L4102-4104: G "2,9 t/m 3,4", H "3,4 t/m 3,8": 180,88 / 7 / 7,6 = 3,4 */
    tnd_intensity_result r = residential_8_at_95(180880000);
    assert_fraction(&r, 17, 5, 3400000);
    assert_boundary(&r, RES_G, RES_H);
}

static void test_residential_exactly_3_8_is_boundary_H_I(void **state)
{
    /* L4104-4106: H "3,4 t/m 3,8", I "3,8 t/m 4,1": 202,16 / 7 / 7,6 = 3,8 */
    tnd_intensity_result r = residential_8_at_95(202160000);
    assert_fraction(&r, 19, 5, 3800000);
    assert_boundary(&r, RES_H, RES_I);
}

static void test_residential_exactly_4_6_is_boundary_J_K(void **state)
{
    /* L4108-4110: J "4,1 t/m 4,6", K "4,6 t/m 6,1": 244,72 / 7 / 7,6 = 4,6 */
    tnd_intensity_result r = residential_8_at_95(244720000);
    assert_fraction(&r, 23, 5, 4600000);
    assert_boundary(&r, RES_J, RES_K);
}

static void test_residential_one_millionth_hour_either_side_of_4_1_is_one_band(void **state)
{
    /* L4100-4108: only the exact limit is shared; a hair below is I, a hair above is J, even
     * though both display as 4,100000 once rounded */
    tnd_intensity_result below = residential_8_at_95(218119999);
    assert_fraction(&below, 218119999, 53200000, 4100000);
    assert_in_band(&below, RES_I);
    tnd_intensity_result above = residential_8_at_95(218120001);
    assert_fraction(&above, 218120001, 53200000, 4100000);
    assert_in_band(&above, RES_J);
}

/* ---- residential: "tot" limits belong to the upper band only ---- */

static void test_residential_exactly_1_8_is_E_only(void **state)
{
    /* L4096-4098: D "1,2 tot 1,8" excludes 1,8; E "1,8 tot 2,4" includes it: 95,76 h */
    tnd_intensity_result r = residential_8_at_95(95760000);
    assert_fraction(&r, 9, 5, 1800000);
    assert_in_band(&r, RES_E);
}

static void test_residential_exactly_2_4_is_F_only(void **state)
{
    /* L4098-4100: E "1,8 tot 2,4" excludes 2,4; F "2,4 tot 2,9" includes it: 127,68 h */
    tnd_intensity_result r = residential_8_at_95(127680000);
    assert_fraction(&r, 12, 5, 2400000);
    assert_in_band(&r, RES_F);
}

static void test_residential_exactly_2_9_is_G_only(void **state)
{
    /* L4100-4102: F "2,4 tot 2,9" excludes 2,9; G "2,9 t/m 3,4" includes it: 154,28 h */
    tnd_intensity_result r = residential_8_at_95(154280000);
    assert_fraction(&r, 29, 10, 2900000);
    assert_in_band(&r, RES_G);
}

/* ---- residential: the ends of the scale ---- */

static void test_residential_exactly_0_1_is_C(void **state)
{
    /* L4094: C "0,1 t/m 1,2" includes its lower limit: 5,32 h */
    tnd_intensity_result r = residential_8_at_95(5320000);
    assert_fraction(&r, 1, 10, 100000);
    assert_in_band(&r, RES_C);
}

static void test_residential_exactly_6_1_is_K(void **state)
{
    /* L4110: K "4,6 t/m 6,1" includes its upper limit: 324,52 h */
    tnd_intensity_result r = residential_8_at_95(324520000);
    assert_fraction(&r, 61, 10, 6100000);
    assert_in_band(&r, RES_K);
}

static void test_residential_0_05_is_outside(void **state)
{
    /* L4094: nothing below C's 0,1 (A and B are foster care, no band): 2,66 h => 0,05 */
    tnd_intensity_result r = residential_8_at_95(2660000);
    assert_fraction(&r, 1, 20, 50000);
    assert_outside(&r);
}

static void test_residential_6_2_is_outside(void **state)
{
    /* L4110: nothing above K's 6,1: 329,84 h => 6,2 */
    tnd_intensity_result r = residential_8_at_95(329840000);
    assert_fraction(&r, 31, 5, 6200000);
    assert_outside(&r);
}

static void test_residential_zero_hours_is_outside(void **state)
{
    /* L4094: 0 hours => intensity 0, below every band */
    tnd_intensity_result r = residential_8_at_95(0);
    assert_fraction(&r, 0, 1, 0);
    assert_outside(&r);
}

/* ---- residential: invalid input is refused, *out untouched ---- */

static void test_residential_rejects_zero_or_negative_youths(void **state)
{
    /* §9 L4135: effective group size = youths x occupancy; at least one youth */
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_result r = sentinel();
    assert_false(tnd_intensity_residential(&scale, &REGULAR, 0, D(950000), D(220000000), &r));
    assert_false(tnd_intensity_residential(&scale, &REGULAR, -8, D(950000), D(220000000), &r));
    assert_untouched(&r);
}

static void test_residential_rejects_zero_occupancy_even_with_floor(void **state)
{
    /* intensity.h: 0 < occupancy <= 1; the floor does not rescue an invalid given value */
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_result r = sentinel();
    assert_false(tnd_intensity_residential(&scale, &REGULAR, 8, D(0), D(220000000), &r));
    assert_false(tnd_intensity_residential(&scale, &CRISIS, 8, D(0), D(220000000), &r));
    assert_false(tnd_intensity_residential(&scale, &CRISIS, 8, D(-500000), D(220000000), &r));
    assert_untouched(&r);
}

static void test_residential_rejects_occupancy_above_100_percent(void **state)
{
    /* intensity.h: occupancy <= 1 (a bezettingsgraad is a share of the places) */
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_result r = sentinel();
    assert_false(tnd_intensity_residential(&scale, &REGULAR, 8, D(1000001), D(220000000), &r));
    assert_untouched(&r);
}

static void test_residential_rejects_negative_hours(void **state)
{
    /* intensity.h: hours_per_week >= 0 */
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_result r = sentinel();
    assert_false(tnd_intensity_residential(&scale, &REGULAR, 8, D(950000), D(-1), &r));
    assert_untouched(&r);
}

static void test_residential_rejects_floor_outside_0_to_1(void **state)
{
    /* §9 L4136-4137: a floor is an occupancy share; a definition with 0 or > 100 % is refused */
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    const tnd_occupancy_rule zero = { "bad", true, { 0 }, "test" };
    const tnd_occupancy_rule above = { "bad", true, { 1100000 }, "test" };
    tnd_intensity_result r = sentinel();
    assert_false(tnd_intensity_residential(&scale, &zero, 8, D(950000), D(220000000), &r));
    assert_false(tnd_intensity_residential(&scale, &above, 8, D(950000), D(220000000), &r));
    assert_false(tnd_intensity_residential(&scale, NULL, 8, D(950000), D(220000000), &r));
    assert_untouched(&r);
}

static void test_residential_rejects_group_size_that_overflows(void **state)
{
    /* intensity.h: num/den must fit int64 after reduction; 7 x LONG_MAX x 0,95 does not */
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_result r = sentinel();
    assert_false(tnd_intensity_residential(&scale, &REGULAR, LONG_MAX, D(950000), D(220000000),
                                           &r));
    assert_untouched(&r);
}

/* ---- group care ---- */

static void test_group_worked_example_68_33_hours_is_middel(void **state)
{
    /* §8.5.3 L3550-3561: 2 x 32,5 + 5 x 2/3 = 68,33 h (the printed sum slips to 67,33):
     * 68,33 / 32,5 / 8 = 0,262808 => middel */
    tnd_intensity_result r = group_8_open_32_5(68330000);
    assert_fraction(&r, 6833, 26000, 262808);
    assert_in_band(&r, GRP_MIDDEL);
}

static void test_group_printed_example_67_33_hours_is_middel(void **state)
{
    /* §8.5.3 L3556-3561: as printed, 67,33 / 32,5 / 8 = 0,258962 => middel */
    tnd_intensity_result r = group_8_open_32_5(67330000);
    assert_fraction(&r, 6733, 26000, 258962);
    assert_in_band(&r, GRP_MIDDEL);
}

static void test_group_two_staff_on_eight_youths_is_0_25_middel(void **state)
{
    /* §8.5.3 L3542-3544: two staff always present on eight youths = 2/8 = 0,25 */
    tnd_intensity_result r = group_8_open_32_5(65000000);
    assert_fraction(&r, 1, 4, 250000);
    assert_in_band(&r, GRP_MIDDEL);
}

static void test_group_exactly_0_19_is_boundary_licht_middel(void **state)
{
    /* L3523-3525: "0,10 - 0,19" and "0,19 - 0,28" both include 0,19: 49,4 / 32,5 / 8 */
    tnd_intensity_result r = group_8_open_32_5(49400000);
    assert_fraction(&r, 19, 100, 190000);
    assert_boundary(&r, GRP_LICHT, GRP_MIDDEL);
}

static void test_group_exactly_0_28_is_boundary_middel_middelzwaar(void **state)
{
    /* L3525-3527: 72,8 / 32,5 / 8 = 0,28 exactly (0.27999999999999997 in doubles) */
    tnd_intensity_result r = group_8_open_32_5(72800000);
    assert_fraction(&r, 7, 25, 280000);
    assert_boundary(&r, GRP_MIDDEL, GRP_MIDDELZWAAR);
}

static void test_group_exactly_0_35_is_boundary_middelzwaar_zwaar(void **state)
{
    /* L3527-3529: 91 / 32,5 / 8 = 0,35 */
    tnd_intensity_result r = group_8_open_32_5(91000000);
    assert_fraction(&r, 7, 20, 350000);
    assert_boundary(&r, GRP_MIDDELZWAAR, GRP_ZWAAR);
}

static void test_group_scale_ends_are_inclusive(void **state)
{
    /* L3523, L3529: licht from 0,10 and zwaar to 0,60, both inclusive: 26 h and 156 h */
    tnd_intensity_result low = group_8_open_32_5(26000000);
    assert_fraction(&low, 1, 10, 100000);
    assert_in_band(&low, GRP_LICHT);
    tnd_intensity_result high = group_8_open_32_5(156000000);
    assert_fraction(&high, 3, 5, 600000);
    assert_in_band(&high, GRP_ZWAAR);
}

static void test_group_below_0_10_or_above_0_60_is_outside(void **state)
{
    /* L3523-3529: no band below 0,10 or above 0,60: 23,4 h => 0,09; 158,6 h => 0,61; 0 h => 0 */
    tnd_intensity_result low = group_8_open_32_5(23400000);
    assert_fraction(&low, 9, 100, 90000);
    assert_outside(&low);
    tnd_intensity_result high = group_8_open_32_5(158600000);
    assert_fraction(&high, 61, 100, 610000);
    assert_outside(&high);
    tnd_intensity_result zero = group_8_open_32_5(0);
    assert_fraction(&zero, 0, 1, 0);
    assert_outside(&zero);
}

static void test_group_rejects_invalid_input(void **state)
{
    /* intensity.h: youths >= 1, opening_hours > 0, staff_hours >= 0 */
    tnd_intensity_band bands[GRP_N];
    tnd_intensity_scale scale;
    group_scale(bands, &scale);
    tnd_intensity_result r = sentinel();
    assert_false(tnd_intensity_group(&scale, 0, D(32500000), D(68330000), &r));
    assert_false(tnd_intensity_group(&scale, -1, D(32500000), D(68330000), &r));
    assert_false(tnd_intensity_group(&scale, 8, D(0), D(68330000), &r));
    assert_false(tnd_intensity_group(&scale, 8, D(-32500000), D(68330000), &r));
    assert_false(tnd_intensity_group(&scale, 8, D(32500000), D(-1), &r));
    /* no scale or no result record: nothing to classify into */
    assert_false(tnd_intensity_group(NULL, 8, D(32500000), D(68330000), &r));
    assert_false(tnd_intensity_group(&scale, 8, D(32500000), D(68330000), NULL));
    assert_false(tnd_intensity_residential(NULL, &REGULAR, 8, D(950000), D(220000000), &r));
    assert_false(tnd_intensity_residential(&scale, &REGULAR, 8, D(950000), D(220000000), NULL));
    assert_untouched(&r);
}

static void test_group_rejects_value_too_large_to_round(void **state)
{
    /* intensity.h: rounded is a tnd_dec; INT64_MAX units of staff per 0,000001 h cannot be one */
    tnd_intensity_band bands[GRP_N];
    tnd_intensity_scale scale;
    group_scale(bands, &scale);
    tnd_intensity_result r = sentinel();
    assert_false(tnd_intensity_group(&scale, 1, D(1), D(INT64_MAX), &r));
    assert_untouched(&r);
}

/* ---- classification on its own ---- */

static void test_classify_boundary_names_lower_band_first_whatever_the_order(void **state)
{
    /* L4160-4163: both candidates are reported; band[0] is the lower band even when the
     * definition lists the bands from K down to C */
    tnd_intensity_band bands[RES_N], reversed[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    for (size_t i = 0; i < RES_N; i++)
        reversed[i] = bands[RES_N - 1 - i];
    scale.bands = reversed;
    tnd_intensity_result r;
    tnd_intensity_classify(&scale, 41, 10, &r);
    assert_boundary(&r, RES_N - 1 - RES_I, RES_N - 1 - RES_J);
    assert_string_equal(reversed[r.band[0]].code, "I");
    assert_string_equal(reversed[r.band[1]].code, "J");
}

static void test_classify_keeps_fraction_and_rounds_half_up_to_6_decimals(void **state)
{
    /* intensity.h: rounded is for display only, half-up at the 6th decimal */
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_result r;
    tnd_intensity_classify(&scale, 1, 2000000, &r); /* 0,0000005 */
    assert_fraction(&r, 1, 2000000, 1);
    tnd_intensity_classify(&scale, 5, 2000000, &r); /* 0,0000025 */
    assert_int_equal(r.rounded.units, 3);
    tnd_intensity_classify(&scale, 1, 3000000, &r); /* 0,000000333 */
    assert_int_equal(r.rounded.units, 0);
    tnd_intensity_classify(&scale, 1, 3, &r);
    assert_int_equal(r.rounded.units, 333333);
    tnd_intensity_classify(&scale, 2, 3, &r);
    assert_int_equal(r.rounded.units, 666667);
    assert_in_band(&r, RES_C);
}

static void test_classify_limit_exclusive_on_both_sides_is_in_no_band(void **state)
{
    /* intensity.h: each limit's inclusiveness is taken from the definition, also on "from" */
    tnd_intensity_band bands[2] = {
        { "low", D(0), true, D(1000000), false },
        { "high", D(1000000), false, D(2000000), true },
    };
    tnd_intensity_scale scale = { bands, 2, "test" };
    tnd_intensity_result r;
    tnd_intensity_classify(&scale, 1, 1, &r);
    assert_outside(&r);
    assert_int_equal(r.rounded.units, 1000000);
    tnd_intensity_classify(&scale, 999999, 1000000, &r);
    assert_in_band(&r, 0);
    tnd_intensity_classify(&scale, 1000001, 1000000, &r);
    assert_in_band(&r, 1);
}

static void test_classify_three_overlapping_bands_report_lowest_and_highest(void **state)
{
    /* intensity.c: overlapping bands are a definition error; the span of candidates is kept */
    tnd_intensity_band bands[3] = {
        { "mid", D(500000), true, D(1500000), true },
        { "high", D(1000000), true, D(2000000), true },
        { "low", D(0), true, D(1000000), true },
    };
    tnd_intensity_scale scale = { bands, 3, "test" };
    tnd_intensity_result r;
    tnd_intensity_classify(&scale, 1, 1, &r);
    assert_boundary(&r, 2, 1);
}

static void test_classify_empty_scale_or_zero_den_is_outside(void **state)
{
    /* intensity.h: den > 0 is the caller's duty; breaking it must not divide by zero */
    tnd_intensity_scale empty = { NULL, 0, "empty" };
    tnd_intensity_result r;
    tnd_intensity_classify(&empty, 41, 10, &r);
    assert_outside(&r);
    assert_fraction(&r, 41, 10, 4100000);
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    residential_scale(bands, &scale);
    tnd_intensity_classify(&scale, 41, 0, &r);
    assert_outside(&r);
    assert_int_equal(r.rounded.units, 0);
}

/* intensity.c: of two overlapping bands with the same lower limit, the one that ends first is the
 * lower; the span of candidates is reported from it (a definition error, never a silent pick). */
static void test_classify_overlapping_bands_with_equal_lower_limit_order_by_upper_limit(
    void **state)
{
    (void)state;
    tnd_intensity_band bands[2] = {
        { "wide", D(1000000), true, D(3000000), true },
        { "narrow", D(1000000), true, D(2000000), true },
    };
    tnd_intensity_scale scale = { bands, 2, "test" };
    tnd_intensity_result r;
    tnd_intensity_classify(&scale, 3, 2, &r); /* 1,5 lies in both */
    assert_boundary(&r, 1, 0);
    assert_string_equal(bands[r.band[0]].code, "narrow");
    assert_int_equal(r.rounded.units, 1500000);
}

/* intensity.h: a negative ratio (a broken caller) is in no band of a scale starting at 0,1, and
 * its display value is rounded half-up like any other: -1/3 is -0,333333. */
static void test_classify_negative_fraction_is_outside_and_rounded_half_up(void **state)
{
    tnd_intensity_band bands[RES_N];
    tnd_intensity_scale scale;
    (void)state;
    residential_scale(bands, &scale);
    tnd_intensity_result r;
    tnd_intensity_classify(&scale, -1, 3, &r);
    assert_outside(&r);
    assert_int_equal(r.rounded.units, -333333);
    tnd_intensity_classify(&scale, -1, 2000000, &r); /* -0,0000005: half-up toward 0 */
    assert_int_equal(r.rounded.units, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_residential_worked_example_is_J),
        cmocka_unit_test(test_residential_occupancy_below_floor_is_raised_to_95),
        cmocka_unit_test(test_residential_occupancy_above_floor_is_used_as_given),
        cmocka_unit_test(test_residential_kdv_floor_90_raises_85_percent),
        cmocka_unit_test(test_residential_crisis_uses_actual_occupancy),
        cmocka_unit_test(test_residential_exactly_4_1_is_boundary_I_J),
        cmocka_unit_test(test_residential_exactly_1_2_is_boundary_C_D),
        cmocka_unit_test(test_residential_exactly_3_4_is_boundary_G_H),
        cmocka_unit_test(test_residential_exactly_3_8_is_boundary_H_I),
        cmocka_unit_test(test_residential_exactly_4_6_is_boundary_J_K),
        cmocka_unit_test(test_residential_one_millionth_hour_either_side_of_4_1_is_one_band),
        cmocka_unit_test(test_residential_exactly_1_8_is_E_only),
        cmocka_unit_test(test_residential_exactly_2_4_is_F_only),
        cmocka_unit_test(test_residential_exactly_2_9_is_G_only),
        cmocka_unit_test(test_residential_exactly_0_1_is_C),
        cmocka_unit_test(test_residential_exactly_6_1_is_K),
        cmocka_unit_test(test_residential_0_05_is_outside),
        cmocka_unit_test(test_residential_6_2_is_outside),
        cmocka_unit_test(test_residential_zero_hours_is_outside),
        cmocka_unit_test(test_residential_rejects_zero_or_negative_youths),
        cmocka_unit_test(test_residential_rejects_zero_occupancy_even_with_floor),
        cmocka_unit_test(test_residential_rejects_occupancy_above_100_percent),
        cmocka_unit_test(test_residential_rejects_negative_hours),
        cmocka_unit_test(test_residential_rejects_floor_outside_0_to_1),
        cmocka_unit_test(test_residential_rejects_group_size_that_overflows),
        cmocka_unit_test(test_group_worked_example_68_33_hours_is_middel),
        cmocka_unit_test(test_group_printed_example_67_33_hours_is_middel),
        cmocka_unit_test(test_group_two_staff_on_eight_youths_is_0_25_middel),
        cmocka_unit_test(test_group_exactly_0_19_is_boundary_licht_middel),
        cmocka_unit_test(test_group_exactly_0_28_is_boundary_middel_middelzwaar),
        cmocka_unit_test(test_group_exactly_0_35_is_boundary_middelzwaar_zwaar),
        cmocka_unit_test(test_group_scale_ends_are_inclusive),
        cmocka_unit_test(test_group_below_0_10_or_above_0_60_is_outside),
        cmocka_unit_test(test_group_rejects_invalid_input),
        cmocka_unit_test(test_group_rejects_value_too_large_to_round),
        cmocka_unit_test(test_classify_boundary_names_lower_band_first_whatever_the_order),
        cmocka_unit_test(test_classify_keeps_fraction_and_rounds_half_up_to_6_decimals),
        cmocka_unit_test(test_classify_limit_exclusive_on_both_sides_is_in_no_band),
        cmocka_unit_test(test_classify_three_overlapping_bands_report_lowest_and_highest),
        cmocka_unit_test(test_classify_overlapping_bands_with_equal_lower_limit_order_by_upper_limit),
        cmocka_unit_test(test_classify_negative_fraction_is_outside_and_rounded_half_up),
        cmocka_unit_test(test_classify_empty_scale_or_zero_den_is_outside),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
