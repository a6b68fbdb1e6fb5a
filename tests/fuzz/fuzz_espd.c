/*
 * fuzz_espd.c - libFuzzer harness: an ESPD Response (UEA, tender/espd.c, §5.2 and §5.4).
 *
 * The bytes are read as `tender check --espd` reads them; an ESPD that loads is merged into the
 * example bid (fixtures/bids/example-complete-bid.xml, a fresh copy each time), as the CLI does.
 * Property: no crash, no sanitizer report, no leak; a refused ESPD is not handed out.
 */
#include "fuzz_common.h"

#include "tender/bid.h"
#include "tender/espd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char *bid_xml;
    static size_t bid_len;
    if (!bid_xml)
        bid_xml = fuzz_fixture_bytes("fixtures/bids/example-complete-bid.xml", &bid_len);

    tnd_espd *espd = NULL;
    tnd_error err = { 0 };
    if (tnd_espd_load_memory((const char *)data, size, "fuzz-uea.xml", &espd, &err) != TND_OK) {
        if (espd)
            abort();
        return 0;
    }
    tnd_bid *bid = NULL;
    if (tnd_bid_load_memory(bid_xml, bid_len, "example-complete-bid.xml", &bid, &err) != TND_OK)
        fuzz_setup_failed("example-complete-bid.xml", &err);
    tnd_espd_conflicts conflicts;
    memset(&conflicts, 0, sizeof conflicts);
    if (tnd_espd_merge(espd, bid, &conflicts, &err) == TND_OK) {
        char line[1024];
        for (size_t i = 0; i < conflicts.n; i++)
            tnd_espd_conflict_text(&conflicts.items[i], "bid.xml", "uea.xml", line, sizeof line);
        for (size_t i = 0; i < espd->n_unknown; i++)
            tnd_espd_criterion_text(&espd->unknown[i], true, "uea.xml", line, sizeof line);
        for (size_t i = 0; i < espd->n_unanswered; i++)
            tnd_espd_criterion_text(&espd->unanswered[i], false, "uea.xml", line, sizeof line);
        (void)tnd_espd_needs_review(espd, &conflicts);
        tnd_espd_conflicts_free(&conflicts);
    }
    tnd_bid_free(bid);
    tnd_espd_free(espd);
    return 0;
}
