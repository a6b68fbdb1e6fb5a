/*
 * price.c - the price-quality formulas of price.h, as exact fractions (issue 3 item 3).
 *
 * Every value is kept as num / den with a 128-bit numerator and a positive 64-bit denominator, in
 * a unit fixed per formula (see bid_total), so two bids compare exactly: the order never depends
 * on rounding. Only the logarithmic formula takes one step through double (ln(Pi/Pbest) / ln A,
 * libm log()); its price score is rounded to 6 decimals at once and used exactly from there on.
 *
 * Units. A tnd_dec carries 1e-6, so a product of two tnd_dec (weight x score) carries 1e-12:
 *   weighted formulas  total  in 1e-12 points  (WQ.units * Q.units + WP.units * score.units)
 *                      score  in 1e-6 points   (tnd_dec units)
 *   value              total  in 1e-6 cents    (P * 1e6 - value_per_point * Q.units)
 *   ratio              total  in 1e-6 points per € 1.000 (Q.units * 100000 / P)
 * The bounds TND_PRICE_MAX_CENTS and TND_PRICE_MAX_SCALE keep every numerator below 2^100.
 */
#include "scoring/price.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h> /* snprintf only: the reason text into a fixed buffer, no I/O */
#include <string.h>

__extension__ typedef __int128 i128; /* GCC/Clang; types.c and intensity.c rely on it too */

/* An exact value num / den, den > 0, in the unit of the formula that made it. */
typedef struct {
    i128 num;
    int64_t den;
} exact;

/* What every bid of one evaluation shares. */
typedef struct {
    const tnd_price_rule *rule;
    int64_t max_units;          /* M in tnd_dec units */
    const tnd_dec *quality;
    const tnd_cents *price;
    tnd_cents best;             /* Pbest: the lowest price */
} price_ctx;

static const struct {
    tnd_price_kind kind;
    const char *name;
    const char *dutch;
} KINDS[] = {
    { TND_PRICE_RELATIVE_LOWEST, "relative-lowest", "Prijs ten opzichte van de laagste prijs" },
    { TND_PRICE_WEIGHTED_RANGE, "weighted-range", "Gewogen prijs tussen Pmin en Pmax" },
    { TND_PRICE_LOGARITHMIC, "logarithmic", "Logaritmische prijsscore" },
    { TND_PRICE_VALUE, "value", "Fictieve prijs (prijs min kwaliteitswaarde)" },
    { TND_PRICE_QUALITY_RATIO, "quality-price-ratio", "Kwaliteit per € 1.000 prijs" },
};
#define N_KINDS (sizeof KINDS / sizeof KINDS[0])

bool tnd_price_kind_parse(const char *name, tnd_price_kind *out)
{
    for (size_t i = 0; i < N_KINDS; i++)
        if (strcmp(name, KINDS[i].name) == 0) {
            *out = KINDS[i].kind;
            return true;
        }
    return false;
}

const char *tnd_price_kind_name(tnd_price_kind kind)
{
    for (size_t i = 0; i < N_KINDS; i++)
        if (KINDS[i].kind == kind)
            return KINDS[i].name;
    return "";
}

const char *tnd_price_kind_dutch(tnd_price_kind kind)
{
    for (size_t i = 0; i < N_KINDS; i++)
        if (KINDS[i].kind == kind)
            return KINDS[i].dutch;
    return "Geen prijsformule";
}

bool tnd_price_lower_wins(tnd_price_kind kind)
{
    return kind == TND_PRICE_VALUE;
}

bool tnd_price_uses_weights(tnd_price_kind kind)
{
    return kind == TND_PRICE_RELATIVE_LOWEST || kind == TND_PRICE_WEIGHTED_RANGE ||
           kind == TND_PRICE_LOGARITHMIC;
}

tnd_dec tnd_price_scale_max(const tnd_score_scale *scale)
{
    int top = 0;
    for (int i = 0; i < scale->n_values; i++)
        if (scale->values[i] > top)
            top = scale->values[i];
    return tnd_dec_from_int(top);
}

/* ------------------------------------------------------------------ exact arithmetic */

/* Floor division and its remainder (0 <= rem < den) for den > 0. */
static i128 floor_divmod(i128 num, int64_t den, i128 *rem)
{
    i128 q = num / den, r = num % den;
    if (r < 0) {
        q -= 1;
        r += den;
    }
    *rem = r;
    return q;
}

/* Sign of a - b. The whole parts compare first; the remainders are below their denominators
 * (< 2^47), so the cross products of the fractional parts stay far inside 128 bits. */
static int exact_cmp(exact a, exact b)
{
    i128 ra, rb;
    i128 qa = floor_divmod(a.num, a.den, &ra), qb = floor_divmod(b.num, b.den, &rb);
    if (qa != qb)
        return qa < qb ? -1 : 1;
    i128 l = ra * b.den, r = rb * a.den;
    return (l > r) - (l < r);
}

/* a / (den * divisor) rounded half-up (a tie goes toward +infinity) into tnd_dec units; false
 * when the result does not fit. */
static bool exact_units(exact a, int64_t divisor, tnd_dec *out)
{
    i128 d = (i128)a.den * divisor;
    i128 twice = a.num * 2 + d, den2 = d * 2;
    i128 q = twice / den2;
    if (twice % den2 != 0 && twice < 0)
        q -= 1;
    if (q < INT64_MIN || q > INT64_MAX)
        return false;
    out->units = (int64_t)q;
    return true;
}

/* ------------------------------------------------------------------ the formulas */

/* The price score of bid i in tnd_dec units (1e-6 points), for the weighted formulas. */
static exact price_score(const price_ctx *c, size_t i)
{
    const tnd_price_rule *r = c->rule;
    tnd_cents p = c->price[i];
    switch (r->kind) {
    case TND_PRICE_RELATIVE_LOWEST:
        /* M * Pbest / Pi: the lowest price scores M, twice the lowest M/2 */
        return (exact){ (i128)c->max_units * c->best, p };
    case TND_PRICE_WEIGHTED_RANGE:
        /* M * (Pmax - Pi) / (Pmax - Pmin), clamped: at or below Pmin M, at or above Pmax 0 */
        if (p <= r->pmin)
            return (exact){ c->max_units, 1 };
        if (p >= r->pmax)
            return (exact){ 0, 1 };
        return (exact){ (i128)c->max_units * (r->pmax - p), r->pmax - r->pmin };
    case TND_PRICE_LOGARITHMIC: {
        /* M * (1 - ln(Pi/Pbest) / ln A), clamped at 0. The only floating-point step of this
         * file: Pi and Pbest are below 2^53, so the quotient is rounded once, and the score is
         * rounded to 6 decimals (half up; it is >= 0 here) before anything else uses it.
         * Pi = Pbest gives ln 1 = 0 exactly, so the lowest price always scores exactly M. */
        double ratio = log((double)p / (double)c->best) / log(tnd_dec_to_double(r->log_base));
        double units = (double)c->max_units * (1.0 - ratio);
        long long rounded = units <= 0.0 ? 0 : llround(units);
        return (exact){ rounded > c->max_units ? c->max_units : rounded, 1 };
    }
    default:
        return (exact){ 0, 1 };
    }
}

/* The number that ranks bid i, in the unit of its formula (see the top of this file). */
static exact bid_total(const price_ctx *c, size_t i)
{
    const tnd_price_rule *r = c->rule;
    i128 q = c->quality[i].units;
    switch (r->kind) {
    case TND_PRICE_VALUE:
        /* fictitious price Pi - value_per_point * Q, in 1e-6 cents; the lowest wins */
        return (exact){ (i128)c->price[i] * TND_DEC_SCALE - (i128)r->value_per_point * q, 1 };
    case TND_PRICE_QUALITY_RATIO:
        /* Q / (Pi / € 1.000) = Q * 100000 / Pi (Pi in cents), in 1e-6 points per € 1.000 */
        return (exact){ q * 100000, c->price[i] };
    default: {
        /* WQ * Q + WP * score, in 1e-12 points, over the score's own denominator */
        exact s = price_score(c, i);
        return (exact){ (i128)r->quality_weight.units * q * s.den +
                            (i128)r->price_weight.units * s.num,
                        s.den };
    }
    }
}

/* true when bid a is strictly better than bid b. */
static bool better(const price_ctx *c, size_t a, size_t b)
{
    int cmp = exact_cmp(bid_total(c, a), bid_total(c, b));
    return tnd_price_lower_wins(c->rule->kind) ? cmp < 0 : cmp > 0;
}

/* ------------------------------------------------------------------ validation */

static bool refuse(char *reason, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool refuse(char *reason, size_t size, const char *fmt, ...)
{
    if (reason && size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(reason, size, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* A weight as a Dutch percentage: 0.6 -> "60,00%" (a weight too large for that as a decimal). */
static void percent_nl(tnd_dec w, char *buf)
{
    if (w.units > INT64_MAX / 100 || w.units < INT64_MIN / 100) {
        tnd_dec_nl(w, 6, buf);
        return;
    }
    tnd_dec_nl((tnd_dec){ w.units * 100 }, 2, buf);
    strcat(buf, "%");
}

bool tnd_price_rule_valid(const tnd_price_rule *rule, char *reason, size_t reason_size)
{
    char a[40], b[40];
    if (reason && reason_size)
        reason[0] = '\0';
    if (!rule || tnd_price_kind_name(rule->kind)[0] == '\0')
        return refuse(reason, reason_size, "geen bekende prijsformule");
    const char *name = tnd_price_kind_name(rule->kind);
    if (tnd_price_uses_weights(rule->kind)) {
        int64_t wq = rule->quality_weight.units, wp = rule->price_weight.units;
        percent_nl(rule->quality_weight, a);
        percent_nl(rule->price_weight, b);
        if (wq < 0 || wp < 0)
            return refuse(reason, reason_size, "%s: negatieve weging (kwaliteit %s, prijs %s)",
                          name, a, b);
        if (wq > TND_DEC_SCALE || wp > TND_DEC_SCALE || wq + wp != TND_DEC_SCALE)
            return refuse(reason, reason_size, "%s: weging kwaliteit %s + prijs %s is niet "
                          "precies 100%%", name, a, b);
    }
    tnd_cents limit = TND_PRICE_MAX_CENTS;
    switch (rule->kind) {
    case TND_PRICE_WEIGHTED_RANGE:
        tnd_cents_nl(rule->pmin, a);
        tnd_cents_nl(rule->pmax, b);
        if (rule->pmin < 0 || rule->pmax > limit)
            return refuse(reason, reason_size, "%s: Pmin %s of Pmax %s buiten het toegestane "
                          "bereik", name, a, b);
        if (rule->pmin >= rule->pmax)
            return refuse(reason, reason_size, "%s: Pmin %s moet lager zijn dan Pmax %s", name,
                          a, b);
        break;
    case TND_PRICE_LOGARITHMIC:
        if (tnd_dec_cmp(rule->log_base, tnd_dec_from_int(1)) <= 0) {
            tnd_dec_nl(rule->log_base, 2, a);
            return refuse(reason, reason_size, "%s: coëfficiënt A = %s moet groter zijn dan 1",
                          name, a);
        }
        break;
    case TND_PRICE_VALUE:
        if (rule->value_per_point < 0 || rule->value_per_point > limit) {
            tnd_cents_nl(rule->value_per_point, a);
            return refuse(reason, reason_size, "%s: waarde per kwaliteitspunt %s buiten het "
                          "toegestane bereik", name, a);
        }
        break;
    default:
        break;
    }
    return true;
}

/* Checks the scale and the inputs of every bid, and finds Pbest. */
static bool bids_valid(price_ctx *c, size_t n, char *reason, size_t reason_size)
{
    char a[40], b[40];
    if (c->max_units <= 0 || c->max_units > TND_PRICE_MAX_SCALE * TND_DEC_SCALE) {
        tnd_dec_nl((tnd_dec){ c->max_units }, 2, a);
        return refuse(reason, reason_size, "hoogste score van de schaal %s ligt niet tussen 0 "
                      "en %d", a, TND_PRICE_MAX_SCALE);
    }
    for (size_t i = 0; i < n; i++) {
        tnd_cents_nl(c->price[i], a);
        if (c->price[i] <= 0)
            return refuse(reason, reason_size, "inschrijving %zu: prijs %s is niet groter dan "
                          "€ 0,00", i + 1, a);
        if (c->price[i] > TND_PRICE_MAX_CENTS) {
            tnd_cents_nl(TND_PRICE_MAX_CENTS, b);
            return refuse(reason, reason_size, "inschrijving %zu: prijs %s ligt boven het "
                          "maximum %s", i + 1, a, b);
        }
        if (c->quality[i].units < 0 || c->quality[i].units > c->max_units) {
            tnd_dec_nl(c->quality[i], 6, a);
            tnd_dec_nl((tnd_dec){ c->max_units }, 0, b);
            return refuse(reason, reason_size, "inschrijving %zu: kwaliteitsscore %s ligt niet "
                          "tussen 0 en %s", i + 1, a, b);
        }
        if (i == 0 || c->price[i] < c->best)
            c->best = c->price[i];
    }
    return true;
}

/* ------------------------------------------------------------------ evaluation */

bool tnd_price_evaluate(const tnd_price_rule *rule, tnd_dec max_score, const tnd_dec *quality,
                        const tnd_cents *price, size_t n, tnd_price_outcome *out, size_t *order,
                        char *reason, size_t reason_size)
{
    if (!tnd_price_rule_valid(rule, reason, reason_size))
        return false;
    price_ctx c = { rule, max_score.units, quality, price, 0 };
    if (!bids_valid(&c, n, reason, reason_size))
        return false;

    /* weighted totals carry 1e-12 points, the value formula 1e-6 cents: to tnd_dec units
     * (1e-6 points, 1e-6 euros) divide by 1e6 resp. 100; the ratio is in tnd_dec units already */
    int64_t divisor = tnd_price_uses_weights(rule->kind) ? TND_DEC_SCALE
                      : rule->kind == TND_PRICE_VALUE  ? 100
                                                       : 1;
    for (size_t i = 0; i < n; i++) {
        tnd_price_outcome *o = &out[i];
        memset(o, 0, sizeof *o);
        o->has_price_score = tnd_price_uses_weights(rule->kind);
        if (o->has_price_score && !exact_units(price_score(&c, i), 1, &o->price_score))
            return refuse(reason, reason_size, "inschrijving %zu: prijsscore buiten bereik", i + 1);
        if (!exact_units(bid_total(&c, i), divisor, &o->total))
            return refuse(reason, reason_size, "inschrijving %zu: uitkomst buiten bereik", i + 1);
    }

    /* Competition ranking: 1 + the number of bids strictly better (1, 1, 3). */
    for (size_t i = 0; i < n; i++) {
        out[i].rank = 1;
        for (size_t j = 0; j < n; j++)
            if (better(&c, j, i))
                out[i].rank++;
    }
    /* Best first, equal ranks in input order: an insertion sort is stable and needs no memory;
     * a lot has tens of bids, not thousands. */
    for (size_t i = 0; order && i < n; i++) {
        size_t k = i;
        while (k > 0 && out[i].rank < out[order[k - 1]].rank) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = i;
    }
    return true;
}
