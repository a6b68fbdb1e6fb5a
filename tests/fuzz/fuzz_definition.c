/*
 * fuzz_definition.c - libFuzzer harness: a tender definition XML (tender/definition.c).
 *
 * A definition is written by the procurement office, not by a bidder, but `--tender` takes any
 * file: the loader must refuse what it cannot use with exit 2, never crash. Property: no crash,
 * no sanitizer report, no leak; a refused definition is not handed out.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tnd_definition *def = NULL;
    tnd_error err = { 0 };
    if (tnd_definition_load_memory((const char *)data, size, "fuzz-definitie.xml", &def, &err) !=
        TND_OK) {
        if (def)
            abort();
        return 0;
    }
    tnd_definition_free(def);
    return 0;
}
