/*
 * intensity.h - support intensity (begeleidingsintensiteit) of residential and group care.
 *
 * Residential (§9, L4125-4175):  hours_per_week / 7 / (youths x occupancy_used)
 * Group care  (§8.5.3, L3521-3575): staff_hours / opening_hours / youths
 * The value is kept as an exact fraction of integers, so a value that is exactly 4.1 on paper
 * compares as exactly 4.1 against the band limits; it is never rounded before classification
 * (4.135 is J, as the document's example shows). The bands, the occupancy floors and what a
 * value on a shared band limit means all come from the tender definition.
 */
#ifndef TND_INTENSITY_H
#define TND_INTENSITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scoring/types.h"

/* One band, e.g. class J "4,1 t/m 4,6": from 4.1 inclusive to 4.6 inclusive. */
typedef struct {
    char code[16];          /* "J", "middel" */
    tnd_dec from;
    bool from_inclusive;
    tnd_dec to;
    bool to_inclusive;
} tnd_intensity_band;

/* The set of bands of one kind (residential or group) plus its source citation. */
typedef struct {
    tnd_intensity_band *bands;
    size_t n_bands;
    char source[96];        /* "§9 L4088-4122" */
} tnd_intensity_scale;

/* Occupancy rule of a residential group kind ("regular", "kdv", "crisis"). */
typedef struct {
    char kind[16];
    bool has_floor;         /* false: the actual occupancy is used (crisis groups) */
    tnd_dec floor;          /* 0.95 regular, 0.90 kdv (§9.7.3) */
    char source[96];
} tnd_occupancy_rule;

#define TND_INTENSITY_NO_BAND SIZE_MAX /* unused slot of tnd_intensity_result.band */

typedef enum {
    TND_INTENSITY_IN_BAND,  /* exactly one band */
    TND_INTENSITY_BOUNDARY, /* on a limit shared by two bands: "grensgeval", to be agreed */
    TND_INTENSITY_OUTSIDE   /* in no band: no intensity */
} tnd_intensity_outcome;

typedef struct {
    int64_t num, den;       /* the exact value num/den (den > 0) */
    tnd_dec rounded;        /* num/den rounded half-up to 6 decimals, for display only */
    tnd_intensity_outcome outcome;
    size_t band[2];         /* indices into the scale: band[0] (and band[1] if BOUNDARY) */
    /* residential only: */
    tnd_dec occupancy_used; /* max(floor, given) or the given value when no floor */
    bool floor_applied;     /* the given occupancy was below the floor and was raised */
} tnd_intensity_result;

/* Classifies the exact fraction num/den (den > 0) on the scale. */
void tnd_intensity_classify(const tnd_intensity_scale *scale, int64_t num, int64_t den,
                            tnd_intensity_result *out);

/*
 * Residential intensity. youths >= 1, 0 < occupancy <= 1, hours_per_week >= 0 (callers validate
 * and report input errors; this returns false on values outside those ranges).
 */
bool tnd_intensity_residential(const tnd_intensity_scale *scale, const tnd_occupancy_rule *rule,
                               long youths, tnd_dec occupancy, tnd_dec hours_per_week,
                               tnd_intensity_result *out);

/* Group-care intensity. youths >= 1, opening_hours > 0, staff_hours >= 0. */
bool tnd_intensity_group(const tnd_intensity_scale *scale, long youths, tnd_dec opening_hours,
                         tnd_dec staff_hours, tnd_intensity_result *out);

#endif
