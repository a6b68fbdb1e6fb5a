/*
 * fuzz_notation.c - libFuzzer harness: every parser of tender/notation.c (the one place where
 * text a person typed becomes a value), the cell references of tender/xlsx.c and the operator
 * names of scoring/types.c.
 *
 * The first byte chooses the parser, the rest is the text. Properties: no crash, no sanitizer
 * report; a parser that refuses writes a reason; and where the program has a formatter for the
 * value, parse -> format -> parse gives the same value (the report and the workbook write values
 * that the program reads back as the same value).
 */
#include "fuzz_common.h"

#include <stdbool.h>

#include "scoring/types.h"
#include "tender/notation.h"
#include "tender/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { P_MONEY, P_DECIMAL, P_FRACTION, P_PERCENT, P_COUNT, P_DATE, P_DATETIME, P_KVK, P_AGB,
       P_BOOL, P_XLSX_REF, P_OP, P_COUNT_OF };

/* A refusal must say why: the message is what the user reads next to file:line. */
static void refused(const char *why)
{
    if (why[0] == '\0')
        abort();
}

static void same_or_abort(bool ok, bool same)
{
    if (!ok || !same)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tnd_notation *nt;
    if (!nt && !(nt = tnd_notation_new()))
        fuzz_setup_failed("tnd_notation_new", NULL);
    if (size < 1 || size > 4096)
        return 0;
    int which = data[0] % P_COUNT_OF;
    char *text = fuzz_cstring(data + 1, size - 1);
    char why[256] = "";
    char buf[128];

    switch (which) {
    case P_MONEY: {
        tnd_cents c, back;
        if (!tnd_parse_money(nt, text, &c, why, sizeof why)) {
            refused(why);
            break;
        }
        tnd_cents_nl(c, buf); /* "€ 2.000.000,00", as the reports write it */
        same_or_abort(tnd_parse_money(nt, buf, &back, why, sizeof why), back == c);
        break;
    }
    case P_DECIMAL:
    case P_FRACTION: {
        bool (*parse)(const tnd_notation *, const char *, tnd_dec *, char *, size_t) =
            which == P_DECIMAL ? tnd_parse_decimal : tnd_parse_fraction;
        tnd_dec d, back;
        if (!parse(nt, text, &d, why, sizeof why)) {
            refused(why);
            break;
        }
        /* all six decimals: a comma is always written, so "1.234" cannot come out */
        tnd_dec_nl(d, 6, buf);
        same_or_abort(parse(nt, buf, &back, why, sizeof why), back.units == d.units);
        break;
    }
    case P_PERCENT: {
        tnd_dec d, back;
        if (!tnd_parse_percent(nt, text, &d, why, sizeof why)) {
            refused(why);
            break;
        }
        if (d.units > INT64_MAX / 100 || d.units < -(INT64_MAX / 100))
            break;
        tnd_dec pct = { d.units * 100 };
        tnd_dec_nl(pct, 4, buf); /* a fraction has 6 decimals: a percentage 4 */
        strcat(buf, "%");
        same_or_abort(tnd_parse_percent(nt, buf, &back, why, sizeof why), back.units == d.units);
        break;
    }
    case P_COUNT: {
        long v, back;
        if (!tnd_parse_count(nt, text, &v, why, sizeof why)) {
            refused(why);
            break;
        }
        if (v < 0)
            abort(); /* notation.h: non-negative */
        snprintf(buf, sizeof buf, "%ld", v);
        same_or_abort(tnd_parse_count(nt, buf, &back, why, sizeof why), back == v);
        break;
    }
    case P_DATE: {
        tnd_date d, back;
        if (!tnd_parse_date(nt, text, &d, why, sizeof why)) {
            refused(why);
            break;
        }
        if (!tnd_date_valid(d))
            abort();
        tnd_date_nl(d, buf);
        same_or_abort(tnd_parse_date(nt, buf, &back, why, sizeof why), tnd_date_cmp(back, d) == 0);
        tnd_date_iso(d, buf);
        same_or_abort(tnd_parse_date(nt, buf, &back, why, sizeof why), tnd_date_cmp(back, d) == 0);
        break;
    }
    case P_DATETIME: {
        tnd_datetime t, back;
        if (!tnd_parse_datetime(nt, text, &t, why, sizeof why)) {
            refused(why);
            break;
        }
        if (!tnd_date_valid(t.date) || t.hour < 0 || t.hour > 23 || t.minute < 0 ||
            t.minute > 59 || t.second < 0 || t.second > 59)
            abort();
        tnd_datetime_nl(t, buf);
        same_or_abort(tnd_parse_datetime(nt, buf, &back, why, sizeof why),
                      tnd_datetime_cmp(back, t) == 0);
        tnd_datetime_iso(t, buf);
        same_or_abort(tnd_parse_datetime(nt, buf, &back, why, sizeof why),
                      tnd_datetime_cmp(back, t) == 0);
        break;
    }
    case P_KVK:
    case P_AGB: {
        bool (*parse)(const tnd_notation *, const char *, char[9], char *, size_t) =
            which == P_KVK ? tnd_parse_kvk : tnd_parse_agb;
        char code[9], back[9];
        if (!parse(nt, text, code, why, sizeof why)) {
            refused(why);
            break;
        }
        if (strlen(code) != 8 || strspn(code, "0123456789") != 8)
            abort();
        same_or_abort(parse(nt, code, back, why, sizeof why), strcmp(back, code) == 0);
        break;
    }
    case P_BOOL: {
        bool b, back;
        if (!tnd_parse_bool(nt, text, &b, why, sizeof why)) {
            refused(why);
            break;
        }
        same_or_abort(tnd_parse_bool(nt, b ? "ja" : "nee", &back, why, sizeof why), back == b);
        break;
    }
    case P_XLSX_REF: {
        uint32_t row, col, row2, col2;
        if (!tnd_xlsx_ref_parse(text, &row, &col))
            break;
        if (row < 1 || row > TND_XLSX_MAX_ROWS || col < 1 || col > TND_XLSX_MAX_COLS)
            abort();
        tnd_xlsx_ref_format(row, col, buf, sizeof buf);
        same_or_abort(tnd_xlsx_ref_parse(buf, &row2, &col2), row2 == row && col2 == col);
        /* the reference is written exactly as it was read: one spelling per cell */
        if (strcmp(buf, text) != 0)
            abort();
        break;
    }
    case P_OP: {
        tnd_op op;
        if (tnd_op_parse(text, &op) && tnd_op_symbol(op)[0] == '\0')
            abort();
        break;
    }
    default:
        break;
    }
    free(text);
    return 0;
}
