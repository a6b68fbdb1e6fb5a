/*
 * scores_rows.h - the checks of tender/scores.c for score rows that do not come from a CSV file
 * (the committee workbook, tender/scores_xlsx.c).
 *
 * A row is given as six texts in the columns of the scores file (perceel, criterium,
 * inschrijver, ronde, beoordelaar, score) and is checked exactly as a CSV row is: a score off the
 * definition's scale, a lot without award criteria, an unknown or composite criterion, a round 2
 * on a criterion without revision. tnd_score_rows_finish then runs the checks across rows
 * (duplicates, a round 2 that no revision allows). One checker, two file formats: the rules of
 * docs/scores-format.md are written once, in scores.c.
 *
 * Errors name the file and the `line` the caller gave for the row (for a workbook: the row of the
 * sheet), with err->where "kolom N (naam)" and *field the column at fault, so the caller can name
 * its own cell instead.
 */
#ifndef TND_SCORES_ROWS_H
#define TND_SCORES_ROWS_H

#include "scoring/award.h"
#include "scoring/model.h"
#include "tender/base/error.h"

/* The columns of a score row, in the order of the scores file. */
typedef enum {
    TND_SCORE_FIELD_LOT,
    TND_SCORE_FIELD_CRITERION,
    TND_SCORE_FIELD_BIDDER,
    TND_SCORE_FIELD_ROUND,
    TND_SCORE_FIELD_MEMBER,
    TND_SCORE_FIELD_SCORE,
    TND_SCORE_FIELDS
} tnd_score_field;

typedef struct tnd_score_rows tnd_score_rows;

/* Starts collecting rows into *out (emptied; out->file = name). NULL when out of memory. */
tnd_score_rows *tnd_score_rows_new(const tnd_definition *def, const char *name, tnd_scores *out);

/*
 * Checks one row and appends it to out. Fields are trimmed of blanks; NULL reads as "". On
 * refusal *field (if not NULL) is the column at fault, or -1 when no single column is.
 */
tnd_status tnd_score_rows_add(tnd_score_rows *rows, const char *const fields[TND_SCORE_FIELDS],
                              long line, int *field, tnd_error *err);

/* The checks across the rows added so far: duplicates, then round 2 only after a revision. */
tnd_status tnd_score_rows_finish(tnd_score_rows *rows, tnd_error *err);

/* Frees the checker (not out: release that with tnd_scores_free). NULL is fine. */
void tnd_score_rows_free(tnd_score_rows *rows);

#endif
