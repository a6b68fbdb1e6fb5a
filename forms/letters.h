/*
 * letters.h - the award letters (gunningsbeslissing): one HTML letter per bidder and an index,
 * written into a tnd_buf (no I/O; tender/cli/cmd_letters.c writes the folder).
 *
 * A letter states per lot applied for the outcome (gegund, toegelaten, niet gegund, niet
 * toegelaten, terzijde gelegd, or not yet decided), the reasons with their § sources, the
 * bidder's own scores against the minimum; an unsuccessful bidder also reads the scores of the
 * awarded bidders and where they scored higher (kenmerken en relatieve voordelen). It ends with
 * the objection period per lot and the standstill from the definition's <letters>.
 *
 * Text from a bid (names) is escaped for HTML, control characters become spaces, invalid UTF-8
 * and Unicode bidirectional controls become U+FFFD, and every name is isolated in <bdi>: a name
 * can never become markup or reorder the letter. Same inputs, same bytes: no clock, no locale.
 */
#ifndef TND_LETTERS_H
#define TND_LETTERS_H

#include <stdbool.h>
#include <stddef.h>

#include "tender/base/buf.h"
#include "scoring/award.h"
#include "tender/base/error.h"

/* The file name of a bidder's letter, "gunningsbeslissing-<KvK>.html", derived only from the
 * KvK number (8 digits; anything else is refused: returns false). buf >= 40 bytes. */
bool tnd_letter_file_name(const char *kvk, char *buf, size_t size);

/*
 * Whether letters dated `date` can be written for this evaluation: the definition has
 * <letters>, every lot of every bidder falls under an objection period that has not ended before
 * the letter date, and no two bidders share a KvK number (their letters would share a file).
 * Fills err (TND_ERR_DEFINITION, TND_ERR_USAGE, TND_ERR_REFERENCE) and returns its code.
 */
tnd_status tnd_letters_check(const tnd_definition *def, const tnd_evaluation *ev, tnd_date date,
                             tnd_error *err);

/* The letter to ev->bidders[bidder], dated `date`. Returns false when out of memory. */
bool tnd_letter_html(const tnd_definition *def, const tnd_evaluation *ev, size_t bidder,
                     tnd_date date, tnd_buf *out);

/* index.html: every letter with its bidder, KvK and outcome per lot. */
bool tnd_letters_index_html(const tnd_definition *def, const tnd_evaluation *ev, tnd_date date,
                            tnd_buf *out);

/* Appends s to out escaped for HTML text and attribute values (& < > " '), with control
 * characters as spaces and invalid UTF-8 and bidirectional controls as U+FFFD. */
void tnd_html_escape(tnd_buf *out, const char *s);

#endif
