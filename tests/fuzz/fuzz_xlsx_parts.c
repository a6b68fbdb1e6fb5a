/*
 * fuzz_xlsx_parts.c - libFuzzer harness: a valid zip archive whose parts are fuzzed.
 *
 * Raw bytes rarely get past the zip layer, so this harness builds a sound archive with libzip
 * and fuzzes what is inside: the input is split at each "\n--part--\n" into the parts below,
 * in this order (a missing part is left out of the archive, an empty one is written empty).
 * So the XML of the workbook, its relationships, the shared strings and the sheets are reached
 * with every mutation. The seed corpus (collect-corpus.sh) holds real workbooks of `tender
 * forms` and `tender evaluate` split this way (split-xlsx.py).
 * Property: no crash, no sanitizer report, no leak, no hang.
 */
#include "fuzz_xlsx_common.h"

#include <zip.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const part_names[] = {
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet3.xml",
    "xl/styles.xml",
};
#define N_PARTS (sizeof part_names / sizeof part_names[0])
static const char separator[] = "\n--part--\n";

static const uint8_t *find_separator(const uint8_t *at, const uint8_t *end)
{
    size_t n = sizeof separator - 1;
    for (; (size_t)(end - at) >= n; at++) {
        if (memcmp(at, separator, n) == 0)
            return at;
    }
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4 * 1024 * 1024)
        return 0;
    const char *path = fuzz_temp_write("", 0);
    int zerr = 0;
    zip_t *zip = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    if (!zip)
        fuzz_setup_failed("zip_open", NULL);

    const uint8_t *at = data, *end = data + size;
    for (size_t i = 0; i < N_PARTS && at; i++) {
        const uint8_t *sep = find_separator(at, end);
        const uint8_t *part_end = sep ? sep : end;
        /* zip_source_buffer does not copy; the bytes stay valid until zip_close below */
        zip_source_t *src = zip_source_buffer(zip, at, (zip_uint64_t)(part_end - at), 0);
        if (!src || zip_file_add(zip, part_names[i], src, ZIP_FL_OVERWRITE) < 0) {
            zip_source_free(src);
            fuzz_setup_failed("zip_file_add", NULL);
        }
        at = sep ? sep + sizeof separator - 1 : NULL;
    }
    if (zip_close(zip) != 0) {
        zip_discard(zip);
        fuzz_setup_failed("zip_close", NULL);
    }
    fuzz_xlsx_read_all(path);
    return 0;
}
