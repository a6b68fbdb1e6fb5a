/*
 * fuzz_prices_csv.c - libFuzzer harness: the prices CSV (tender/scores.c), read against the
 * example price-quality definition (fixtures/tenders/regio-voorbeeld-2024.xml: the
 * IJsselland tender does not compete on price). Property: no crash, no sanitizer report, no
 * leak; on refusal *out is NULL and *n is 0 (scores.h); an accepted price is not negative.
 */
#include "fuzz_common.h"

#include "tender/scores.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tnd_definition *def;
    if (!def)
        def = fuzz_fixture_definition("fixtures/tenders/regio-voorbeeld-2024.xml");
    tnd_price *prices = NULL;
    size_t n = 0;
    tnd_error err = { 0 };
    tnd_status rc = tnd_prices_load_memory((const char *)data, size, "fuzz-prijzen.csv", def,
                                           &prices, &n, &err);
    if (rc != TND_OK && (prices || n))
        abort();
    for (size_t i = 0; i < n; i++) {
        if (prices[i].price < 0 || strlen(prices[i].bidder) != 8)
            abort();
    }
    free(prices);
    return 0;
}
