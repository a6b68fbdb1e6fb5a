/*
 * bid.h - reading a bid (one XML file per bidder, tender/schema/bid.xsd) into tnd_bid.
 *
 * Bids come from outside parties: the XML goes through xmlsafe (no DTD, no entities, bounded
 * size and depth), then the XSD, then every typed value through notation.c (Dutch notation
 * accepted: "€ 2.000.000,00", "20,5%", "18-07-2022"). Absurd values (negative assets or cover,
 * impossible dates, amounts above 10^13 euro) are refused with file:line and a fix hint.
 * Cross-checks that need the definition (known lots, products, ground codes) are made by
 * tnd_bid_validate_against.
 */
#ifndef TND_BID_H
#define TND_BID_H

#include "scoring/model.h"
#include "tender/base/error.h"
#include "tender/base/readfile.h"

/*
 * What reading bids needs, prepared once per run (issue 9: building the XSD per bid was 60 % of
 * a run): the compiled bid XSD and the notation patterns with their match data. A reader serves
 * one thread at a time; tnd_bid_reader_clone gives another thread its own notation and shares the
 * compiled schema (read-only while validating), which the original owns: free clones first.
 */
typedef struct tnd_bid_reader tnd_bid_reader;

tnd_status tnd_bid_reader_new(tnd_bid_reader **out, tnd_error *err);
tnd_status tnd_bid_reader_clone(const tnd_bid_reader *from, tnd_bid_reader **out, tnd_error *err);
void tnd_bid_reader_free(tnd_bid_reader *rd);

/* tnd_bid_load_file with a prepared reader. sha256 (may be NULL) receives the SHA-256 (hex) of
 * the bytes read, so an audit trail needs no second read of the file, and id (may be NULL) which
 * file they came from, so the outputs need no second look at it (tnd_outputs_check_known). */
tnd_status tnd_bid_read_file(tnd_bid_reader *rd, const char *path, tnd_bid **out,
                             char sha256[65], tnd_file_id *id, tnd_error *err);

/* One-off reading: prepares a reader for this bid only. */
tnd_status tnd_bid_load_file(const char *path, tnd_bid **out, tnd_error *err);
tnd_status tnd_bid_load_memory(const char *buf, size_t len, const char *name, tnd_bid **out,
                               tnd_error *err);

/*
 * Checks the bid against the definition: tender id matches, every lot and product exists,
 * every UEA ground code and financial item is known, fact names known. Refusals name the
 * bid file and line (TND_ERR_REFERENCE).
 */
tnd_status tnd_bid_validate_against(const tnd_bid *bid, const tnd_definition *def, tnd_error *err);

void tnd_bid_free(tnd_bid *bid);
/* A deep copy of bid, allocated by the calling thread (tender/cli/bid_run.c: the bids a run keeps
 * live in its main thread's malloc arena). NULL when out of memory. */
tnd_bid *tnd_bid_copy(const tnd_bid *bid);

/* Appends a product code to a lot of a bid (the caller keeps to TND_MAX_BID_PRODUCTS). False
 * when out of memory (the lot is then unchanged). */
bool tnd_bid_lot_add_product(tnd_bid_lot *lot, const char *code);

/* Sets bid->file to a copy of path (any length), freeing the earlier one. False when out of
 * memory (bid->file is then unchanged). */
bool tnd_bid_set_file(tnd_bid *bid, const char *path);

/*
 * (issue 9) Frees what only steps 1-2 read: the parties' UEA answers, the third parties, figures,
 * certificates, keurmerken, references, facts, locations, FTE and groups (about 6 KiB of a typical
 * bid). Keeps the file, the bidder, the members, the lots and the flags the award, the scores
 * check and the outputs read. For a bid that has been checked and that the award does not read
 * further (tnd_award_reads_bid_details false); tnd_check refuses the bid afterwards.
 */
void tnd_bid_drop_details(tnd_bid *bid);

#endif
