/*
 * committee_xlsx.h - the committee scoring workbook of `tender forms` (issue 4 item 1b):
 * commissie-<tender id>.xlsx, generated from the tender definition.
 *
 * Sheets (layout: forms/layout/form_layout.h, read back by tender/scores_xlsx.c):
 *   Toelichting   how the committee fills in the workbook: the score scale of the definition with
 *                 its labels, per lot the criteria, weights, minimum and revisions
 *   Perceel N     one per award lot of the definition that has criteria (lots 6-8 of IJsselland
 *                 are admitted without a plan and get none). One row per score line: inschrijver
 *                 (KvK, name) x criterion (leaf criteria: lot 4 normaliseren, A-D) x ronde, the
 *                 individual scores of lid-1 .. lid-5 and the consensus, all restricted by data
 *                 validation to the definition's scale (0, 2, 4, 6, 8, 10); the spread (MAX - MIN
 *                 of the members) as a formula, a signal for the consensus talk (§6.1.1).
 * An instruction block on every lot sheet names the minimum consensus score (6,0) and the number
 * of revisions (1) from the definition. Labels are locked, input cells unlocked, sheets protected
 * without a password; the document date is the tender's closing date (identical bytes per run).
 */
#ifndef TND_COMMITTEE_XLSX_H
#define TND_COMMITTEE_XLSX_H

#include <stddef.h>

#include "scoring/model.h"
#include "tender/base/error.h"
#include "tender/base/outfile.h"

/*
 * Writes the committee workbook of `def` to `path` atomically (forms/xlsx_common.h): on any
 * error the target is left as it was. Errors: TND_ERR_IO (missing directory, cannot write),
 * TND_ERR_USAGE (path is one of protected_inputs), TND_ERR_DEFINITION (a scale or a criterion
 * list that does not fit a list validation), TND_ERR_NOMEM.
 */
tnd_status tnd_committee_write(const char *path, const tnd_definition *def,
                               const char *const *protected_inputs, size_t n_protected,
                               tnd_error *err);

/* A bidder to be scored in a lot: pre-filled on that lot's sheet (tender forms --bids). */
typedef struct {
    int lot;
    const char *kvk;   /* 8 digits */
    const char *name;
} tnd_committee_bidder;

/*
 * As tnd_committee_write, with the score lines pre-filled: per bidder of a lot (in the given
 * order) one row per leaf criterion, round 1, with KvK, name and criterion, so that nobody types
 * a KvK number. More lines than a sheet has rows is TND_ERR_TOO_LARGE (nothing written).
 */
tnd_status tnd_committee_write_prefilled(const char *path, const tnd_definition *def,
                                         const tnd_committee_bidder *bidders, size_t n_bidders,
                                         const char *const *protected_inputs, size_t n_protected,
                                         tnd_error *err);

/* As tnd_committee_write_prefilled, into `out` (tender/base/outfile.h): built and settled, committed
 * or aborted by the caller together with its other outputs. */
tnd_status tnd_committee_write_to(tnd_outfile *out, const tnd_definition *def,
                                  const tnd_committee_bidder *bidders, size_t n_bidders,
                                  tnd_error *err);

#endif
