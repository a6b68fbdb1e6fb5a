/* types.c - exact decimal comparison, calendar arithmetic and Dutch display notation. */
#include "scoring/types.h"

#include <string.h>

int tnd_dec_cmp(tnd_dec a, tnd_dec b)
{
    return (a.units > b.units) - (a.units < b.units);
}

bool tnd_op_parse(const char *name, tnd_op *out)
{
    static const struct { const char *name; tnd_op op; } ops[] = {
        { "gt", TND_OP_GT }, { "ge", TND_OP_GE }, { "lt", TND_OP_LT },
        { "le", TND_OP_LE }, { "eq", TND_OP_EQ },
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(name, ops[i].name) == 0) {
            *out = ops[i].op;
            return true;
        }
    return false;
}

const char *tnd_op_symbol(tnd_op op)
{
    switch (op) {
    case TND_OP_GT: return ">";
    case TND_OP_GE: return ">=";
    case TND_OP_LT: return "<";
    case TND_OP_LE: return "<=";
    case TND_OP_EQ: return "=";
    }
    return "?";
}

bool tnd_op_holds(tnd_op op, int cmp)
{
    switch (op) {
    case TND_OP_GT: return cmp > 0;
    case TND_OP_GE: return cmp >= 0;
    case TND_OP_LT: return cmp < 0;
    case TND_OP_LE: return cmp <= 0;
    case TND_OP_EQ: return cmp == 0;
    }
    return false;
}

int tnd_fraction_cmp(int64_t num, int64_t den, tnd_dec t)
{
    /* num/den ? t.units/SCALE  <=>  num*SCALE ? t.units*den   (den > 0) */
    __int128 lhs = (__int128)num * TND_DEC_SCALE;
    __int128 rhs = (__int128)t.units * den;
    return (lhs > rhs) - (lhs < rhs);
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool tnd_date_valid(tnd_date d)
{
    return d.year >= 1900 && d.year <= 2999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

int tnd_date_cmp(tnd_date a, tnd_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

int tnd_datetime_cmp(tnd_datetime a, tnd_datetime b)
{
    int c = tnd_date_cmp(a.date, b.date);
    if (c)
        return c;
    long sa = a.hour * 3600L + a.minute * 60L + a.second;
    long sb = b.hour * 3600L + b.minute * 60L + b.second;
    return (sa > sb) - (sa < sb);
}

tnd_date tnd_date_add_months(tnd_date d, int months)
{
    long total = (long)d.year * 12 + (d.month - 1) + months;
    tnd_date r;
    r.year = (int)(total / 12);
    r.month = (int)(total % 12) + 1;
    int last = days_in_month(r.year, r.month);
    r.day = d.day > last ? last : d.day;
    return r;
}

int64_t tnd_date_days(tnd_date d)
{
    /* Howard Hinnant's days_from_civil. */
    int64_t y = d.year - (d.month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = (d.month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Writes v as exactly `width` decimal digits (zero-padded) at out; returns out + width. */
static char *put_digits(char *out, long long v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + (int)(v % 10));
        v /= 10;
    }
    return out + width;
}

/* Writes v in decimal without padding; returns the end. */
static char *put_number(char *out, unsigned long long v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    while (n)
        *out++ = tmp[--n];
    return out;
}

void tnd_date_iso(tnd_date d, char *buf)
{
    char *p = put_digits(buf, d.year, 4);
    *p++ = '-';
    p = put_digits(p, d.month, 2);
    *p++ = '-';
    p = put_digits(p, d.day, 2);
    *p = '\0';
}

void tnd_date_nl(tnd_date d, char *buf)
{
    char *p = put_digits(buf, d.day, 2);
    *p++ = '-';
    p = put_digits(p, d.month, 2);
    *p++ = '-';
    p = put_digits(p, d.year, 4);
    *p = '\0';
}

static char *put_time(char *p, tnd_datetime t, bool seconds)
{
    p = put_digits(p, t.hour, 2);
    *p++ = ':';
    p = put_digits(p, t.minute, 2);
    if (seconds) {
        *p++ = ':';
        p = put_digits(p, t.second, 2);
    }
    *p = '\0';
    return p;
}

void tnd_datetime_nl(tnd_datetime t, char *buf)
{
    tnd_date_nl(t.date, buf);
    buf[10] = ' ';
    put_time(buf + 11, t, t.second != 0);
}

void tnd_datetime_iso(tnd_datetime t, char *buf)
{
    tnd_date_iso(t.date, buf);
    buf[10] = 'T';
    put_time(buf + 11, t, true);
}

/* Writes v with `sep` between groups of three digits; returns the end. */
static char *put_grouped(char *out, unsigned long long v, char sep)
{
    char digits[24];
    int n = (int)(put_number(digits, v) - digits);
    for (int i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            *out++ = sep;
        *out++ = digits[i];
    }
    return out;
}

void tnd_cents_nl(tnd_cents c, char *buf)
{
    unsigned long long a = c < 0 ? (unsigned long long)(-(c + 1)) + 1 : (unsigned long long)c;
    char *p = buf;
    if (c < 0)
        *p++ = '-';
    memcpy(p, "\xe2\x82\xac ", 4); /* "€ " */
    p = put_grouped(p + 4, a / 100, '.');
    *p++ = ',';
    p = put_digits(p, (long long)(a % 100), 2);
    *p = '\0';
}

static void dec_format(tnd_dec d, int places, char point, char *buf)
{
    if (places < 0)
        places = 0;
    if (places > 6)
        places = 6;
    int64_t div = 1;
    for (int i = 0; i < 6 - places; i++)
        div *= 10;
    unsigned long long v = d.units < 0 ? (unsigned long long)(-(d.units + 1)) + 1
                                       : (unsigned long long)d.units;
    unsigned long long q = v / (unsigned long long)div, r = v % (unsigned long long)div;
    if (r * 2 >= (unsigned long long)div) /* round half away from zero */
        q++;
    unsigned long long scale = (unsigned long long)(TND_DEC_SCALE / div);
    char *p = buf;
    if (d.units < 0 && q)
        *p++ = '-';
    p = put_number(p, q / scale);
    if (places) {
        *p++ = point;
        p = put_digits(p, (long long)(q % scale), places);
    }
    *p = '\0';
}

void tnd_dec_nl(tnd_dec d, int places, char *buf)
{
    dec_format(d, places, ',', buf);
}

void tnd_dec_str(tnd_dec d, int places, char *buf)
{
    dec_format(d, places, '.', buf);
}

tnd_dec tnd_fraction_round(int64_t num, int64_t den, int places)
{
    if (places < 0)
        places = 0;
    if (places > 6)
        places = 6;
    __int128 step = 1; /* units of 10^-places */
    for (int i = 0; i < places; i++)
        step *= 10;
    __int128 n = (__int128)num * step, d = den;
    bool negative = (n < 0) != (d < 0);
    if (n < 0)
        n = -n;
    if (d < 0)
        d = -d;
    __int128 q = d ? (2 * n + d) / (2 * d) : 0; /* half away from zero */
    __int128 units = q * (TND_DEC_SCALE / step);
    return (tnd_dec){ (int64_t)(negative ? -units : units) };
}

void tnd_dec_nl_compact(tnd_dec d, char *buf)
{
    tnd_dec_nl(d, 6, buf);
    char *comma = strchr(buf, ',');
    if (!comma)
        return;
    char *end = buf + strlen(buf);
    while (end > comma + 1 && end[-1] == '0')
        *--end = '\0';
    if (end == comma + 1)
        *comma = '\0';
}
