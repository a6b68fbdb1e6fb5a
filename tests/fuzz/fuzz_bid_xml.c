/*
 * fuzz_bid_xml.c - libFuzzer harness: a bid XML (tender/bid.c) from hostile bytes.
 *
 * The bytes go through the whole path a bid takes in `tender check`: xmlsafe, the XSD, every
 * value through notation.c, the cross-check against the definition, and, when all of that
 * accepts the bid, steps 1 and 2 of §6 (scoring/check.c). Property: no crash, no sanitizer
 * report, no leak; an accepted bid can be checked.
 */
#include "fuzz_common.h"

#include "scoring/check.h"
#include "tender/bid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const tnd_definition *def = fuzz_default_definition();
    tnd_bid *bid = NULL;
    tnd_error err = { 0 };
    if (tnd_bid_load_memory((const char *)data, size, "fuzz-bid.xml", &bid, &err) != TND_OK) {
        if (bid)
            abort(); /* a refused bid must not be handed out */
        return 0;
    }
    if (tnd_bid_validate_against(bid, def, &err) == TND_OK) {
        tnd_check_result result;
        memset(&result, 0, sizeof result);
        tnd_check(def, bid, &result);
        tnd_check_result_free(&result);
    }
    tnd_bid_free(bid);
    return 0;
}
