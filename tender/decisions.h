/*
 * decisions.h - the officer's decisions file (issue 8 §4; format: docs/decisions-format.md):
 * one decision per line, "inschrijver;ronde;regel;besluit;motivering;datum;functionaris".
 *
 * This reader checks the file on its own: the header, seven fields per line, a KvK of 8 digits,
 * round 1 or 2, a rule id, a known decision, a motivation, a valid date, an officer, and no line
 * twice (the same KvK, round, rule and decision; or akkoord and afgewezen on one rule). Whether a
 * decision fits the bids (known KvK and rule, the rule REVIEW for that bidder) is checked by
 * scoring/rounds.c against the evaluation.
 */
#ifndef TND_DECISIONS_H
#define TND_DECISIONS_H

#include "scoring/rounds.h"
#include "tender/base/error.h"

#define TND_DECISIONS_MAX_BYTES (4L * 1024 * 1024)

/* Reads `path` into *out (free with tnd_decisions_free). Errors name file, line and fix:
 * TND_ERR_IO, TND_ERR_TOO_LARGE, TND_ERR_VALUE (a field), TND_ERR_REFERENCE (a duplicate),
 * TND_ERR_NOMEM. */
tnd_status tnd_decisions_load(const char *path, tnd_decisions *out, tnd_error *err);
void tnd_decisions_free(tnd_decisions *d);

#endif
