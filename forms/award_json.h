/*
 * award_json.h - the evaluation (steps 1-3) as JSON, for `tender evaluate --json FILE`.
 * Schema "tender-evaluate/1", documented in docs/evaluate.md. Decimals are strings with exactly
 * 6 decimals ("7.400000"): the exact value, never a binary float.
 */
#ifndef TND_AWARD_JSON_H
#define TND_AWARD_JSON_H

#include <stdbool.h>

#include "tender/base/buf.h"
#include "scoring/award.h"
#include "scoring/rounds.h"

/*
 * run_id (NULL: left out) is the one of the Audit sheet: a workbook and a JSON written by
 * different runs are told apart by it (docs/design.md, "Outputs"). pr (issue 8 §4; NULL: left
 * out) adds "procedure" (round, summary, deadline, every decision with its motivation and use)
 * and per bidder its round, round-1 outcome, herstel and per lot "final" / "finality".
 */
bool tnd_award_json(const tnd_definition *def, const tnd_evaluation *ev,
                    const char *evaluation_date, const char *run_id, const tnd_procedure *pr,
                    tnd_buf *out);

/*
 * tnd_award_json for a document that need not be held whole (issue 9: 2 KiB a bid): whenever out
 * holds `chunk` bytes or more at the start of a member, flush(flush_ctx, out) writes them and
 * empties it; what is left at the end is the caller's to write. The bytes, flushed and left
 * together, are those of tnd_award_json. False when an append or a flush failed.
 */
bool tnd_award_json_stream(const tnd_definition *def, const tnd_evaluation *ev,
                           const char *evaluation_date, const char *run_id,
                           const tnd_procedure *pr, tnd_buf *out,
                           bool (*flush)(void *ctx, tnd_buf *out), void *flush_ctx, size_t chunk);

#endif
