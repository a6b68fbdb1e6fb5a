/*
 * intensity.c - support intensity (begeleidingsintensiteit) as an exact fraction, and its band.
 *
 * Residential (§9 L4131-4137): hours_per_week / 7 / (youths x occupancy_used); the occupancy used
 * may not be below the floor of the group kind (95 %, kortdurend verblijf 90 % §9.7.3 L4242-4246,
 * crisis groups the actual occupancy: L4136-4137). Group care (§8.5.3 L3538-3559):
 * staff_hours / opening_hours / youths.
 *
 * Why a fraction and not a double: the bands share limits (4,1 is the top of I and the bottom of J),
 * and a value that is exactly 4,1 on paper must land on that limit, not next to it (218.12 / 7 / 7.6
 * is 4.1000000000000005 in doubles, J only; 72.8 / 32.5 / 8 is 0.27999999999999997). Both tnd_dec
 * inputs carry the same scale, so it cancels: with H = hours.units and O = occupancy.units the value
 * is H / (7 * youths * O) with no further factor. Products are formed in 128 bits, reduced by
 * their gcd, and only then required to fit int64.
 *
 * Why the value is never rounded before classification: the document's own example prints
 * 220 / 7,6 / 7 as "4,1" yet calls it J (L4148-4151); 4,1 itself would be a boundary case.
 */
#include "scoring/intensity.h"

#include <stdint.h>
#include <string.h>

__extension__ typedef __int128 i128; /* GCC/Clang; types.c relies on it too */

/* "No band" marker for band[] slots the outcome does not use: an index no scale can have, so a
 * caller that reads it by mistake fails loudly instead of silently taking band 0. */
#define NO_BAND TND_INTENSITY_NO_BAND

static i128 gcd128(i128 a, i128 b)
{
    if (a < 0)
        a = -a;
    if (b < 0)
        b = -b;
    while (b != 0) {
        i128 r = a % b;
        a = b;
        b = r;
    }
    return a;
}

static bool fits_int64(i128 v)
{
    return v >= INT64_MIN && v <= INT64_MAX;
}

/* Floor division for den > 0 (C division truncates toward zero). */
static i128 floor_div(i128 num, i128 den)
{
    i128 q = num / den;
    if (num % den != 0 && num < 0)
        q -= 1;
    return q;
}

/* num/den (den > 0) rounded half-up (toward +infinity on a tie) to TND_DEC_SCALE units:
 * floor((2 * num * SCALE + den) / (2 * den)). num and den are int64, so nothing here overflows
 * 128 bits; the result may still exceed int64 and the caller decides what that means. */
static i128 rounded_units(int64_t num, int64_t den)
{
    return floor_div((i128)num * 2 * TND_DEC_SCALE + den, (i128)den * 2);
}

/* Is num/den inside band b, with the band's own inclusiveness at each end? */
static bool band_contains(const tnd_intensity_band *b, int64_t num, int64_t den)
{
    int c_from = tnd_fraction_cmp(num, den, b->from);
    int c_to = tnd_fraction_cmp(num, den, b->to);
    bool above_from = c_from > 0 || (c_from == 0 && b->from_inclusive);
    bool below_to = c_to < 0 || (c_to == 0 && b->to_inclusive);
    return above_from && below_to;
}

/* Orders bands by their lower limit, then their upper limit: "the lower band" of a boundary. */
static bool band_below(const tnd_intensity_band *a, const tnd_intensity_band *b)
{
    int c = tnd_dec_cmp(a->from, b->from);
    if (c != 0)
        return c < 0;
    return tnd_dec_cmp(a->to, b->to) < 0;
}

/*
 * Classifies num/den on the scale. One band: IN_BAND. Two bands (a limit that is inclusive on both
 * sides, e.g. 4,1 = "I 3,8 t/m 4,1" and "J 4,1 t/m 4,6"): BOUNDARY, "grensgeval" that the document
 * leaves to consultation (L4160-4163); band[0] is the lower band, band[1] the higher, whatever their
 * order in the scale. No band: OUTSIDE. A value in three or more bands is only possible with
 * overlapping bands (a definition error the definition checker reports); it is reported as BOUNDARY
 * between the lowest and the highest of them. Unused band[] slots are SIZE_MAX.
 * den <= 0 breaks the contract; it yields OUTSIDE with rounded 0 rather than a division by zero.
 */
void tnd_intensity_classify(const tnd_intensity_scale *scale, int64_t num, int64_t den,
                            tnd_intensity_result *out)
{
    memset(out, 0, sizeof *out);
    out->num = num;
    out->den = den;
    out->outcome = TND_INTENSITY_OUTSIDE;
    out->band[0] = NO_BAND;
    out->band[1] = NO_BAND;
    if (den <= 0)
        return;

    i128 r = rounded_units(num, den);
    out->rounded.units = r > INT64_MAX ? INT64_MAX : r < INT64_MIN ? INT64_MIN : (int64_t)r;

    if (scale == NULL || scale->bands == NULL)
        return;
    size_t matches = 0, lowest = NO_BAND, highest = NO_BAND;
    for (size_t i = 0; i < scale->n_bands; i++) {
        const tnd_intensity_band *b = &scale->bands[i];
        if (!band_contains(b, num, den))
            continue;
        matches++;
        if (lowest == NO_BAND || band_below(b, &scale->bands[lowest]))
            lowest = i;
        if (highest == NO_BAND || band_below(&scale->bands[highest], b))
            highest = i;
    }
    if (matches == 1) {
        out->outcome = TND_INTENSITY_IN_BAND;
        out->band[0] = lowest;
    } else if (matches >= 2) {
        out->outcome = TND_INTENSITY_BOUNDARY;
        out->band[0] = lowest;
        out->band[1] = highest;
    }
}

/* Reduces num/den (den > 0) by their gcd and classifies it; false when the reduced fraction or
 * its rounded display value does not fit int64 (no real group comes anywhere near). */
static bool classify_exact(const tnd_intensity_scale *scale, i128 num, i128 den,
                           tnd_intensity_result *out)
{
    i128 g = gcd128(num, den);
    if (g > 1) {
        num /= g;
        den /= g;
    }
    if (!fits_int64(num) || !fits_int64(den))
        return false;
    if (!fits_int64(rounded_units((int64_t)num, (int64_t)den)))
        return false;
    tnd_intensity_classify(scale, (int64_t)num, (int64_t)den, out);
    return true;
}

/*
 * Residential: hours_per_week / 7 / (youths x occupancy_used), §9 L4131-4137. occupancy_used is
 * max(given, floor) when the group kind has a floor (floor_applied only when given < floor), else
 * the given occupancy (crisis groups). Returns false, leaving *out untouched, on youths < 1,
 * occupancy outside (0, 1], negative hours, a floor outside (0, 1], or an overflow.
 */
bool tnd_intensity_residential(const tnd_intensity_scale *scale, const tnd_occupancy_rule *rule,
                               long youths, tnd_dec occupancy, tnd_dec hours_per_week,
                               tnd_intensity_result *out)
{
    if (scale == NULL || rule == NULL || out == NULL)
        return false;
    if (youths < 1 || occupancy.units <= 0 || occupancy.units > TND_DEC_SCALE ||
        hours_per_week.units < 0)
        return false;
    if (rule->has_floor && (rule->floor.units <= 0 || rule->floor.units > TND_DEC_SCALE))
        return false;

    tnd_dec used = occupancy;
    bool floor_applied = false;
    if (rule->has_floor && tnd_dec_cmp(occupancy, rule->floor) < 0) {
        used = rule->floor;
        floor_applied = true;
    }

    /* (H / SCALE) / (7 * youths * O / SCALE) = H / (7 * youths * O) */
    i128 num = hours_per_week.units;
    i128 den = (i128)7 * youths * used.units;

    tnd_intensity_result r;
    if (!classify_exact(scale, num, den, &r))
        return false;
    r.occupancy_used = used;
    r.floor_applied = floor_applied;
    *out = r;
    return true;
}

/*
 * Group care: staff_hours / opening_hours / youths, §8.5.3 L3538-3559. Returns false, leaving
 * *out untouched, on youths < 1, opening_hours <= 0, negative staff_hours, or an overflow.
 * occupancy_used and floor_applied are zero: group care has no occupancy.
 */
bool tnd_intensity_group(const tnd_intensity_scale *scale, long youths, tnd_dec opening_hours,
                         tnd_dec staff_hours, tnd_intensity_result *out)
{
    if (scale == NULL || out == NULL)
        return false;
    if (youths < 1 || opening_hours.units <= 0 || staff_hours.units < 0)
        return false;

    /* (S / SCALE) / (O / SCALE) / youths = S / (O * youths) */
    i128 num = staff_hours.units;
    i128 den = (i128)opening_hours.units * youths;

    tnd_intensity_result r;
    if (!classify_exact(scale, num, den, &r))
        return false;
    *out = r;
    return true;
}
