/*
 * fuzz_xlsx_raw.c - libFuzzer harness: an .xlsx file as raw bytes (tender/xlsx.c and the two
 * form readers on top of it). This is where damaged archives, zip bombs, traversal names and
 * inconsistent headers are met. Property: no crash, no sanitizer report, no leak, no hang.
 */
#include "fuzz_xlsx_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_xlsx_read_all(fuzz_temp_write(data, size));
    return 0;
}
