/*
 * sha256.h - SHA-256 fingerprints of the inputs of an evaluation (tender definition, bids,
 * scores), written to the Audit sheet of the award workbook so that an auditor can tell that
 * `tender verify` recomputes from exactly the files that were evaluated.
 *
 * Lowercase hexadecimal, 64 characters plus the terminating NUL. OpenSSL's SHA-256 (sha256.c).
 */
#ifndef TND_SHA256_H
#define TND_SHA256_H

#include <stdbool.h>
#include <stddef.h>

#include "tender/base/error.h"

#define TND_SHA256_HEX_LEN 64

/*
 * Hashes a file, streaming (any size, constant memory). On failure returns false, sets hex to ""
 * and fills err (TND_ERR_IO: cannot open or read, or a directory) naming the file.
 */
bool tnd_sha256_file(const char *path, char hex[TND_SHA256_HEX_LEN + 1], tnd_error *err);

/* Hashes len bytes of data (data may be NULL when len is 0). */
void tnd_sha256_buf(const void *data, size_t len, char hex[TND_SHA256_HEX_LEN + 1]);

#endif
