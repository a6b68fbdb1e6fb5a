/*
 * types.h - the value types every rule works with: money, exact decimals, dates.
 *
 * Money is integer euro cents. Ratios and thresholds are exact decimals (fixed point, 6 decimals),
 * so that a value that is exactly 4.1 or 20.0 % on paper compares as exactly that: a threshold
 * rule never depends on binary floating point. double is used only for display.
 */
#ifndef TND_TYPES_H
#define TND_TYPES_H

#include <stdbool.h>
#include <stdint.h>

typedef int64_t tnd_cents;           /* euro cents */

/* The number of elements of an array (not a pointer): loop bounds follow the array's declared
 * size, so an array that grows is never cut off by a stale literal. */
#define TND_COUNTOF(a) (sizeof(a) / sizeof((a)[0]))

#define TND_DEC_SCALE 1000000LL      /* tnd_dec units per 1 */
typedef struct {
    int64_t units;                   /* value * TND_DEC_SCALE, exact */
} tnd_dec;

static inline tnd_dec tnd_dec_from_int(int64_t v) { return (tnd_dec){ v * TND_DEC_SCALE }; }
static inline double tnd_dec_to_double(tnd_dec d) { return (double)d.units / (double)TND_DEC_SCALE; }

/* Compare two decimals: -1, 0, 1. */
int tnd_dec_cmp(tnd_dec a, tnd_dec b);

/* Comparison operators as written in a tender document ("> 20,0%", ">= 10", "t/m"). */
typedef enum { TND_OP_GT, TND_OP_GE, TND_OP_LT, TND_OP_LE, TND_OP_EQ } tnd_op;

/* "gt" -> TND_OP_GT etc.; returns false for an unknown name. */
bool tnd_op_parse(const char *name, tnd_op *out);
/* ">", ">=", "<", "<=", "=" */
const char *tnd_op_symbol(tnd_op op);
/* Applies op to a comparison result cmp (-1/0/1): e.g. GT holds when cmp > 0. */
bool tnd_op_holds(tnd_op op, int cmp);

/*
 * Exact comparison of the fraction num/den against a decimal threshold t, for den > 0:
 * returns the sign of (num/den - t). num and den are in the same unit (e.g. both cents).
 * Uses 128-bit intermediates; no rounding anywhere.
 */
int tnd_fraction_cmp(int64_t num, int64_t den, tnd_dec t);

/* Calendar date (proleptic Gregorian). */
typedef struct {
    int year, month, day;
} tnd_date;

/* Local wall-clock time in the tender's time zone (no offsets: the tender names one zone). */
typedef struct {
    tnd_date date;
    int hour, minute, second;
} tnd_datetime;

bool tnd_date_valid(tnd_date d);
int tnd_date_cmp(tnd_date a, tnd_date b);
int tnd_datetime_cmp(tnd_datetime a, tnd_datetime b);
/* Adds (or, negative, subtracts) calendar months; the day is clamped to the month's last day
 * (31 Aug - 6 months = 28/29 Feb). */
tnd_date tnd_date_add_months(tnd_date d, int months);
/* Days since 1970-01-01 (negative before). */
int64_t tnd_date_days(tnd_date d);
/* "2022-07-18" into buf (>= 11 bytes). */
void tnd_date_iso(tnd_date d, char *buf);
/* "18-07-2022" into buf (>= 11 bytes): the Dutch notation used in reports. */
void tnd_date_nl(tnd_date d, char *buf);
/* "18-07-2022 11:00" (seconds shown only when not zero) into buf (>= 20 bytes). */
void tnd_datetime_nl(tnd_datetime t, char *buf);
/* "2022-07-18T11:00:00" into buf (>= 20 bytes). */
void tnd_datetime_iso(tnd_datetime t, char *buf);

/* num/den (den > 0) rounded half away from zero to `places` decimals (0..6), from the exact
 * fraction: one rounding only (0,18499967 with 2 places is 0,18, never 0,19 via 0,185000). */
tnd_dec tnd_fraction_round(int64_t num, int64_t den, int places);

/* Formats a decimal with a Dutch comma and no trailing zeros ("4,1", "220", "0,95") into buf
 * (>= 32 bytes): the value exactly as it was given. */
void tnd_dec_nl_compact(tnd_dec d, char *buf);

/* Formats cents as Dutch money "€ 2.000.000,00" into buf (>= 32 bytes). */
void tnd_cents_nl(tnd_cents c, char *buf);
/* Formats a decimal with exactly `places` decimals and a Dutch comma ("20,50") into buf (>= 32). */
void tnd_dec_nl(tnd_dec d, int places, char *buf);
/* Formats a decimal with exactly `places` decimals and a point ("20.50") into buf (>= 32). */
void tnd_dec_str(tnd_dec d, int places, char *buf);

#endif
