/*
 * award_xlsx.h - the award workbook of `tender evaluate` (issue 3 item 4): the outcome of steps
 * 1-3 (§6) as an xlsx file for procurement officers, auditors and bidders. Layout, in sheet order
 * (every table but those on Audit has its header on row 6, Excel numbering; every column is in
 * docs/award-workbook.md):
 *
 *   Samenvatting   per perceel: ingeschreven, toegelaten, geplaatst, gegund, afgewezen, open;
 *                  a column chart
 *   Opdrachten     (issue 11; only with <assignments>) per opdracht: the phase of this result,
 *                  the number of contractors against its minimum and maximum
 *   Perceel N      one per lot of the evaluation: the ranking table (rang, inschrijver, KvK,
 *                  perceel ingeschreven, per criterion score / ronde / factor, totaal, status,
 *                  reden), autofilter, frozen header, traffic lights, a bar chart of the totals;
 *                  for a lot admitted on steps 1-2 (§6.1 L1702-1704) the list of admitted bidders
 *   Knock-outs     every FAIL / REVIEW / PLAN REQUIRED / MISSING finding of steps 1-2, per bidder
 *   Inschrijvers   every bidder and every lot applied for: placed, final status, stopped at step
 *   Tarieven       every product and tariff of every lot (euro number format)
 *   Audit          tool version, tender definition, input files with SHA-256, resolutions,
 *                  award rules, evaluation date, arguments
 *
 * Numbers are number cells with a number format, never text. Text that comes from a bid is
 * always written as a string cell (a name starting with '=' stays text); the workbook holds no
 * cell formula at all. Identical inputs give a byte-identical file: the document date is the
 * evaluation date (00:00 UTC) and libxlsxwriter stamps every zip entry 1980-01-01, so nothing
 * depends on the clock.
 */
#ifndef TND_AWARD_XLSX_H
#define TND_AWARD_XLSX_H

#include <stddef.h>

#include "scoring/award.h"
#include "scoring/model.h"
#include "scoring/rounds.h"
#include "forms/audit.h"
#include "tender/base/error.h"
#include "tender/base/outfile.h"

#define TND_AWARD_XLSX_HEADER_ROW 5  /* 0-based row of every table header (row 6 in Excel) */

/*
 * Writes the award workbook of evaluation `ev` (of definition `def`) to `path`.
 *
 * The file is written to a temp file beside `path` and renamed over it only when complete: on
 * any error the temp file is removed and `path` is left as it was. A path that is the same file
 * as one of `protected_inputs` (compared by device and inode, so another spelling or a hard link
 * counts) is refused with TND_ERR_USAGE before anything is written.
 *
 * Errors: TND_ERR_USAGE (NULL argument, missing audit date, protected input), TND_ERR_VALUE
 * (evaluation date not YYYY-MM-DD), TND_ERR_RANGE (date before 1980), TND_ERR_TOO_LARGE (a text
 * longer than a cell holds), TND_ERR_IO (cannot create, write or rename), TND_ERR_NOMEM.
 */
tnd_status tnd_award_workbook_write(const char *path, const tnd_definition *def,
                                    const tnd_evaluation *ev, const tnd_audit *audit,
                                    const char *const *protected_inputs, size_t n_protected,
                                    tnd_error *err);

/* As tnd_award_workbook_write, into `out` (tender/base/outfile.h) begun by the caller after it
 * checked every output: built and settled, not yet committed (the caller commits it together
 * with the JSON, or aborts it). */
tnd_status tnd_award_workbook_write_to(tnd_outfile *out, const tnd_definition *def,
                                       const tnd_evaluation *ev, const tnd_audit *audit,
                                       tnd_error *err);

#endif
