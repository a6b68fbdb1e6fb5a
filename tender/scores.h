/*
 * scores.h - reading the committee's scores (step 3, §6.1) and, for tenders that compete on
 * price, the bid prices, from CSV files (format: docs/scores-format.md).
 *
 * One row of the scores file is one score of one beoordelaar (committee member) or the consensus
 * score, for one perceel, criterium, inschrijver (KvK number) and ronde (1 = first assessment,
 * 2 = after the one revision a plan below the minimum may have). Everything that can be judged
 * from the file and the tender definition is refused here, naming file, line, column and a
 * correct example line: a score off the definition's scale, a lot without award criteria, an
 * unknown or composite criterion, a round 2 that no revision allows, a duplicate row.
 * What needs the bids is judged by tnd_scores_check_bids once the bids are read; whether the
 * consensus lies outside the members' range is flagged by the award (scoring/award.c).
 */
#ifndef TND_SCORES_H
#define TND_SCORES_H

#include <stddef.h>

#include "scoring/award.h"
#include "scoring/model.h"
#include "tender/base/error.h"

#define TND_SCORES_MAX_BYTES (8L * 1024 * 1024) /* 8 MiB per file */
#define TND_SCORES_MAX_ROWS 200000L            /* data rows per file */
#define TND_SCORES_MAX_LINE 4096               /* bytes per line, without the line break */
#define TND_SCORES_MEMBER_MAX 31               /* characters of a beoordelaar id */

/*
 * Reads a scores CSV file. On success out->items holds the rows in file order (criterion ids and
 * "consensus" spelled as in the definition, KvK numbers as 8 digits) and out->file the path.
 * On error out is left empty (safe to pass to tnd_scores_free) and err names file and line;
 * err->where names the column ("kolom 6 (score)") when one field is at fault.
 */
tnd_status tnd_scores_load_csv(const char *path, const tnd_definition *def, tnd_scores *out,
                               tnd_error *err);

/* As tnd_scores_load_csv, from a buffer; name is used in messages and stored in out->file. */
tnd_status tnd_scores_load_memory(const char *buf, size_t len, const char *name,
                                  const tnd_definition *def, tnd_scores *out, tnd_error *err);

/*
 * The checks that need the bids (issue 8 §5: never a silently wrong award), in this order:
 *   - no score row at all (a header-only file, an unfilled committee workbook) while a bid
 *     applies for a lot with award criteria: every such bid would show "score ontbreekt";
 *   - a row whose KvK number is no bidder of `bids`: the score would be dropped unseen and the
 *     real bidder (a typo) would show "score ontbreekt". The hint names a bidder whose KvK
 *     differs in one digit or one swap, or the combination the KvK is a member of;
 *   - scores of beoordelaars for a perceel, criterium, inschrijver and ronde without the
 *     consensus row of that ronde (the award only uses the consensus, §6.1.1).
 * Refuses the first such row in file order, naming file:line (a CSV) or the sheet and cell (the
 * committee workbook) and the KvK number.
 */
tnd_status tnd_scores_check_bids(const tnd_scores *s, const tnd_definition *def,
                                 const tnd_bid *const *bids, size_t n, tnd_error *err);

/*
 * The prices file against the bids: a price for a KvK number that is no bidder would be dropped
 * unseen and the real bidder would have no price. Refuses the first such row (file:line), with
 * the hint of tnd_scores_check_bids.
 */
tnd_status tnd_prices_check_bids(const tnd_price *prices, size_t n_prices, const char *file,
                                 const tnd_bid *const *bids, size_t n, tnd_error *err);

/*
 * After the award (tnd_evaluate): a row whose perceel is no lot the bidder is an entry of, i.e.
 * neither applied for nor reached by the cascade (§4.3.1). Such a score would be dropped unseen
 * (a perceel typed wrong). Refuses the first in file order, located as above.
 */
tnd_status tnd_scores_check_lots(const tnd_scores *s, const tnd_evaluation *ev, tnd_error *err);

/* Releases the rows and empties the record (idempotent). */
void tnd_scores_free(tnd_scores *s);

/*
 * Reads a prices CSV file (columns perceel, inschrijver, prijs; same conventions as the scores
 * file). Every lot must compete on price (its award has a price formula). On success *out is a
 * malloc'd array of *n prices in file order (NULL when the file has no rows), released with
 * free(); on error *out is NULL and *n is 0.
 */
tnd_status tnd_prices_load_csv(const char *path, const tnd_definition *def, tnd_price **out,
                               size_t *n, tnd_error *err);

/* As tnd_prices_load_csv, from a buffer; name is used in messages. */
tnd_status tnd_prices_load_memory(const char *buf, size_t len, const char *name,
                                  const tnd_definition *def, tnd_price **out, size_t *n,
                                  tnd_error *err);

#endif
