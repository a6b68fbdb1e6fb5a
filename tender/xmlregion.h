/*
 * xmlregion.h - a region for what libxml2 allocates while one bid is read (issue 9).
 *
 * Parsing a bid into a tree, validating it and freeing it again makes a thousand small
 * allocations of libxml2 that all die together. Through glibc malloc they cost a fifth of
 * `tender evaluate`, and more per bid the larger the heap grows (the bids' results live between
 * them): 0.45 ms per bid at 1,000 bids, 0.58 ms at 100,000. Between tnd_xml_region_begin and
 * tnd_xml_region_end, every allocation libxml2 makes on the calling thread is carved from that
 * thread's region instead (a bump pointer, freeing is a no-op), and the end gives the whole
 * region back at once. Allocations of our own code (malloc) are never in a region.
 *
 * The rule that makes it safe: nothing libxml2 allocates inside the window may be used after it.
 * The document, its parser context and its validation context are created inside it and not
 * used after it (the document is not even freed node by node: the window's end gives its memory
 * back, tnd_xml_region_active); libxml2's record of the last error is reset at the end.
 * libxml2's global state is set up before the first window (tnd_xml_region_install:
 * xmlInitParser). In a sanitizer build the region's free space is poisoned, so a use after the
 * window is reported, not silent.
 */
#ifndef TND_XMLREGION_H
#define TND_XMLREGION_H

#include <stdbool.h>

/* Routes libxml2's allocator through the regions (xmlMemSetup), once per process, before any
 * thread reads a bid. Outside a window the functions are malloc, realloc, free and strdup. */
void tnd_xml_region_install(void);

/* Opens the calling thread's window (nests: only the outermost end closes it). */
void tnd_xml_region_begin(void);

/* Closes the window: libxml2's last error is reset and the region is emptied for the next bid
 * (a region grown past TND_XML_REGION_KEEP by a large document gives the excess back). */
void tnd_xml_region_end(void);

#define TND_XML_REGION_KEEP (4L * 1024 * 1024)

/* Whether the calling thread is inside a window: then all that libxml2 allocates now goes back
 * at its end, and a tree made inside it need not be freed node by node (xmlFreeDoc). */
bool tnd_xml_region_active(void);

#endif
