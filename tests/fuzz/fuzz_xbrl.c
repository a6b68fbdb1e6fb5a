/*
 * fuzz_xbrl.c - libFuzzer harness: an SBR/XBRL instance of annual accounts (tender/xbrl.c,
 * §5.3.1 figures). An instance that loads is merged into a bid without figures
 * (fixtures/xbrl/example-bid-without-figures.xml, a fresh copy each time), as `tender check
 * --xbrl` does. Also the amount parser tnd_xbrl_parse_euros on the raw bytes.
 * Property: no crash, no sanitizer report, no leak.
 */
#include "fuzz_common.h"

#include "tender/bid.h"
#include "tender/xbrl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char *bid_xml;
    static size_t bid_len;
    if (!bid_xml)
        bid_xml = fuzz_fixture_bytes("fixtures/xbrl/example-bid-without-figures.xml", &bid_len);
    const tnd_definition *def = fuzz_default_definition();

    if (size < 256) {
        char *text = fuzz_cstring(data, size);
        tnd_cents cents;
        char why[256];
        if (tnd_xbrl_parse_euros(text, &cents, why, sizeof why)) {
            /* round trip: the value written as xs:decimal reads back as the same cents */
            char again[64];
            tnd_cents back = 0;
            unsigned long long mag =
                cents < 0 ? 0ULL - (unsigned long long)cents : (unsigned long long)cents;
            snprintf(again, sizeof again, "%s%llu.%02llu", cents < 0 ? "-" : "", mag / 100,
                     mag % 100);
            if (!tnd_xbrl_parse_euros(again, &back, why, sizeof why) || back != cents)
                abort();
        }
        free(text);
    }

    tnd_xbrl *x = NULL;
    tnd_error err = { 0 };
    if (tnd_xbrl_load_memory((const char *)data, size, "fuzz.xbrl", &x, &err) != TND_OK) {
        if (x)
            abort();
        return 0;
    }
    char line[1024];
    for (size_t i = 0; i < x->n_issues; i++)
        tnd_xbrl_issue_text(&x->issues[i], "fuzz.xbrl", line, sizeof line);
    tnd_bid *bid = NULL;
    if (tnd_bid_load_memory(bid_xml, bid_len, "example-bid-without-figures.xml", &bid, &err) !=
        TND_OK)
        fuzz_setup_failed("example-bid-without-figures.xml", &err);
    tnd_xbrl_report rep;
    tnd_xbrl_report_init(&rep);
    if (tnd_xbrl_merge(x, def, bid, &rep, &err) == TND_OK) {
        for (size_t i = 0; i < rep.n; i++)
            tnd_xbrl_entry_text(&rep.entries[i], "bid.xml", line, sizeof line);
        (void)tnd_xbrl_needs_review(&rep);
    }
    tnd_xbrl_report_free(&rep);
    tnd_bid_free(bid);
    tnd_xbrl_free(x);
    return 0;
}
