/*
 * notation.h - the one place where Dutch (and ISO) notation typed by a person becomes a value.
 *
 * Bids, definitions, command-line options and spreadsheets all come through here, so
 * "€ 2.000.000,00", "20,5%", "0,95", "18-07-2022" mean the same thing everywhere.
 * Patterns are PCRE2, compiled once per tnd_notation, which keeps its match data: use one
 * tnd_notation per thread (the parsers take it const, but matching writes its match data and,
 * after many matches, compiles a pattern to machine code: PCRE2 JIT).
 *
 * Every parser returns false and writes a short Dutch/English explanation into why
 * (if not NULL, at most why_size bytes) when the text is not in an accepted notation.
 * Leading and trailing white space (incl. non-breaking space) is ignored.
 */
#ifndef TND_NOTATION_H
#define TND_NOTATION_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/types.h"

typedef struct tnd_notation tnd_notation;

/* Compiles the patterns. Returns NULL only when out of memory. */
tnd_notation *tnd_notation_new(void);
void tnd_notation_free(tnd_notation *n);

/* The common shapes of money and ja/nee are read directly, without their pattern (faster, same
 * answers). Off: every text goes through its pattern, so that a test can compare the two. */
void tnd_notation_use_shortcuts(tnd_notation *n, bool on);

/*
 * Money into cents. Accepted: "2000000", "2000000.00", "2.000.000", "€ 2.000.000,00",
 * "EUR 2.000.000,-", "€2.000.000", "2,000,000.00" only when unambiguous (both separators used),
 * "1.234,5" (one decimal = tens of cents), "-€ 1.000,00" and "€ -1.000,00" (negative).
 * Rejected: more than 2 decimals, mixed/invalid grouping ("1.23.4"), empty, letters,
 * magnitude above 10^13 euro. A lone "1.234" is thousands-grouping (Dutch), i.e. 1234 euro;
 * a lone "1,5" is a decimal comma.
 */
bool tnd_parse_money(const tnd_notation *n, const char *text, tnd_cents *out, char *why,
                     size_t why_size);

/*
 * Decimal number into tnd_dec (6 decimals max, more is an error, never rounded).
 * Accepted: "4,1", "4.1", "1.234,5" (Dutch grouping), "1234.5", "-0,5", "+2", "5".
 * A single separator followed by exactly three digits and nothing else ("1.234") is ambiguous;
 * with a point it is read as a decimal point when the integer part is 0 ("0.950"), otherwise
 * it is refused with a message asking to write "1234" or "1,234".
 */
bool tnd_parse_decimal(const tnd_notation *n, const char *text, tnd_dec *out, char *why,
                       size_t why_size);

/*
 * A fraction that may be written as a percentage: "95%" / "95 %" / "95,0%" -> 0.95;
 * "0,95" / "0.95" -> 0.95 (no percent sign: taken as a fraction as written).
 */
bool tnd_parse_fraction(const tnd_notation *n, const char *text, tnd_dec *out, char *why,
                        size_t why_size);

/* A percentage as a fraction: "20,5%" -> 0.205, "20.5 %" -> 0.205; the % sign is required. */
bool tnd_parse_percent(const tnd_notation *n, const char *text, tnd_dec *out, char *why,
                       size_t why_size);

/* Non-negative whole number: "10", "1.000" (Dutch grouping); no decimals, no sign. */
bool tnd_parse_count(const tnd_notation *n, const char *text, long *out, char *why,
                     size_t why_size);

/*
 * Date: "18-07-2022", "18/07/2022", "18.07.2022", "2022-07-18", "18 juli 2022" (Dutch month
 * names, any case, also abbreviated "18 jul 2022"). Impossible dates (31-02-2022) are refused.
 */
bool tnd_parse_date(const tnd_notation *n, const char *text, tnd_date *out, char *why,
                    size_t why_size);

/*
 * Date and time: any date above followed by a time "11:00", "11:00:00", "11.00 uur", "11:00 uur";
 * also ISO "2022-07-18T11:00:00" / "2022-07-18T11:00". A date alone means 00:00:00.
 * A time-zone designator (Z, +02:00) is refused: times are local to the tender.
 */
bool tnd_parse_datetime(const tnd_notation *n, const char *text, tnd_datetime *out, char *why,
                        size_t why_size);

/* KvK number: exactly 8 digits (spaces/dots between digit groups allowed: "1234 5678"). */
bool tnd_parse_kvk(const tnd_notation *n, const char *text, char out[9], char *why,
                   size_t why_size);

/* AGB code: exactly 8 digits (same grouping tolerance as KvK). */
bool tnd_parse_agb(const tnd_notation *n, const char *text, char out[9], char *why,
                   size_t why_size);

/* Boolean: "ja"/"nee", "yes"/"no", "true"/"false", "1"/"0", "j"/"n", "waar"/"onwaar" (any case). */
bool tnd_parse_bool(const tnd_notation *n, const char *text, bool *out, char *why,
                    size_t why_size);

#endif
