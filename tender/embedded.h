/*
 * embedded.h - files compiled into the binary by cmake/embed.cmake (see CMakeLists.txt).
 *
 * Each array holds the file's bytes followed by a NUL; NAME_len is the length without the NUL.
 * The schemas are embedded so that validation never depends on where `tender` is run from, and
 * the IJsselland 2023 definition so that it is the default when no definition file is given.
 */
#ifndef TND_EMBEDDED_H
#define TND_EMBEDDED_H

#include <stddef.h>

/* tender/schema/definition.xsd */
extern const unsigned char tnd_embedded_definition_xsd[];
extern const size_t tnd_embedded_definition_xsd_len;

/* tender/schema/bid.xsd */
extern const unsigned char tnd_embedded_bid_xsd[];
extern const size_t tnd_embedded_bid_xsd_len;

/* fixtures/tenders/ijsselland-2023.xml */
extern const unsigned char tnd_embedded_default_definition[];
extern const size_t tnd_embedded_default_definition_len;

/* Every definition of fixtures/tenders/ (the glob in CMakeLists.txt), sorted by file name; id is
 * the file name without ".xml" (its <meta><id> may differ: bids name the latter). */
typedef struct {
    const char *id;
    const unsigned char *bytes;
    size_t len;
} tnd_embedded_tender;

extern const tnd_embedded_tender tnd_embedded_tenders[];
extern const size_t tnd_embedded_tenders_count;

#endif
