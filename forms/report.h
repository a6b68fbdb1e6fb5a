/*
 * report.h - the report of `tender check`: steps 1 and 2 of the evaluation (§6) for a bid, as
 * Dutch text for people and as JSON for programs (docs/json-output.md).
 *
 * Both are written into a tnd_buf, so the caller decides where they go (stdout, or a file
 * written atomically); these functions do no file I/O. Output is deterministic: it depends only
 * on the definition, the bid and the check result (no date of today, no paths but those the
 * caller put in def->file and bid->file).
 *
 * Text layout (every line at most TND_REPORT_WIDTH code points; longer text wraps with an
 * indent, a word longer than a line is split):
 *   Inschrijving: <name> (KvK <kvk>)          header: bid file, tender, submission, lots
 *   Stap 1 - Volledigheid en geldigheid (§6)
 *   VOLDOET NIET     [§source] requirement, perceel N (terugval) - subject
 *                    reason
 *                    gevonden: X; norm: Y
 *                    2019 19,8% VOLDOET NIET | 2020 ... (detail rows, lot -1, under their
 *                    requirement)
 *   Stap 2 - Uitsluitingsgronden, geschiktheidseisen en voorwaarden (§6)
 *   Toegepaste resoluties                      every resolution the result relies on
 *   Plaatsing per perceel                      one line per placement, then "Conclusie: ..."
 */
#ifndef TND_REPORT_H
#define TND_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "tender/base/buf.h"
#include "forms/json.h"
#include "scoring/check.h"

#define TND_REPORT_WIDTH 100   /* columns (code points) per line of the text report */
/* Width of the verdict column: the longest Dutch verdict of tnd_verdict_dutch, "ONDER VOORWAARDE"
 * (issue 10 §5: the words a reader sees are the workbooks' Dutch ones). */
#define TND_REPORT_VERDICT_COLUMN 16

/*
 * Appends the Dutch report of one checked bid to out. Several bids: call once per bid with a
 * blank line between. Returns false when out ran out of memory (out->oom) or an argument is NULL.
 */
bool tnd_report_text(const tnd_definition *def, const tnd_bid *bid, const tnd_check_result *r,
                     tnd_buf *out);

/*
 * Appends the JSON object "tender-check/1" of one checked bid to out (2-space indentation,
 * fixed key order, integers only, a final newline). Returns false as tnd_report_text.
 */
bool tnd_report_json(const tnd_definition *def, const tnd_bid *bid, const tnd_check_result *r,
                     tnd_buf *out);

/*
 * Appends one JSON object for n checked bids: {"tool": "tender check", "format":
 * "tender-check-list/1", "bids": [<tender-check/1 object>, ...]} in the given order.
 * bids[i] belongs with results[i]; n may be 0.
 */
bool tnd_report_json_many(const tnd_definition *def, const tnd_bid *const *bids,
                          const tnd_check_result *const *results, size_t n, tnd_buf *out);

/*
 * tnd_report_json_many one bid at a time, for a caller that writes `out` away and empties it
 * (out->len = 0) between the calls: `tender check` streams, so its memory does not grow with the
 * number of bids (issue 9). The bytes are those of tnd_report_json_many.
 */
typedef struct {
    tnd_json w;
} tnd_report_json_list;

void tnd_report_json_list_begin(tnd_report_json_list *l, tnd_buf *out);
bool tnd_report_json_list_add(tnd_report_json_list *l, const tnd_definition *def,
                              const tnd_bid *bid, const tnd_check_result *r);
bool tnd_report_json_list_end(tnd_report_json_list *l);

#endif
