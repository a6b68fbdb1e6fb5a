/*
 * scores_xlsx.h - reading the filled-in committee workbook (commissie-<id>.xlsx of `tender forms`,
 * layout forms/layout/form_layout.h) into the same tnd_scores the scores CSV gives
 * (tender/scores.h, docs/scores-format.md).
 *
 * One sheet per lot ("Perceel 4"); per row an inschrijver (KvK), a criterion, a round and the
 * scores of members lid-1 .. lid-5 and the consensus. Every score cell becomes one score row and
 * goes through the very checks of the CSV reader (tender/scores_rows.h): a score off the scale,
 * an unknown criterion, a round 2 without revision, a duplicate. Refusals name sheet and cell
 * (err->where "blad 'Perceel 4' cel K9"); a lot sheet for a lot without award criteria, or a
 * changed layout (keys in column A, member headers), is refused naming the sheet or cell.
 * tnd_score.line is the row of the sheet. The workbook goes through tender/xlsx.h (hostile
 * archives refused there, naming the file).
 */
#ifndef TND_SCORES_XLSX_H
#define TND_SCORES_XLSX_H

#include "scoring/award.h"
#include "scoring/model.h"
#include "tender/base/error.h"

/* Reads the workbook at path. On error out is left empty (safe for tnd_scores_free). */
tnd_status tnd_scores_xlsx_load(const char *path, const tnd_definition *def, tnd_scores *out,
                                tnd_error *err);

/* Scores as the CLI takes them (--scores): a path ending in .xlsx is the committee workbook
 * (tnd_scores_xlsx_load), anything else the CSV of tender/scores.h (tnd_scores_load_csv). */
tnd_status tnd_scores_load_input(const char *path, const tnd_definition *def, tnd_scores *out,
                                 tnd_error *err);

/* Where a score row of the workbook is, for a message: "blad 'Perceel 4' cel B9" (the KvK cell of
 * the row, or with consensus = true its consensus cell). lot and row are tnd_score.lot and .line. */
void tnd_scores_xlsx_cell(int lot, long row, bool consensus, char *buf, size_t size);

#endif
