/*
 * bid_xlsx.h - reading a filled-in bidder workbook (inschrijving-<id>.xlsx of `tender forms`,
 * layout forms/layout/form_layout.h) into the same tnd_bid the XML reader (tender/bid.h) gives for the
 * same content, so `tender check inschrijving.xlsx` decides exactly as on the XML.
 *
 * The workbook is a stranger's zip: it is opened through tender/xlsx.h (zip bombs, path
 * traversal, broken archives and unsafe XML refused there, errors passed through naming the
 * file). Then every row that is read has its layout key checked in column A (a changed layout is
 * refused naming sheet and cell, TND_ERR_SCHEMA), and every input cell its type (tender/
 * form_cells.h: text where a number belongs, a formula in an input, a KvK of 7 digits, a negative
 * amount, a date that is no date, a list value that is not in the list; TND_ERR_VALUE /
 * TND_ERR_RANGE naming sheet and cell with a fix). Formulas (the self-check) are never read.
 *
 * The form is generated from the tender definition, so the reader needs it: the layout is
 * computed from `def` (tnd_fillin_layout_init) and codes the form shows by name (a municipality)
 * are turned back into the definition's ids. bid->tender_id is def->id and bid->file the path;
 * `line` fields hold the 1-based row of the sheet. Docs: docs/officer-import.md.
 */
#ifndef TND_BID_XLSX_H
#define TND_BID_XLSX_H

#include "scoring/model.h"
#include "tender/base/error.h"

/* Reads the workbook at path. On success *out owns a new bid (tnd_bid_free). */
tnd_status tnd_bid_xlsx_load(const char *path, const tnd_definition *def, tnd_bid **out,
                             tnd_error *err);

/* After a bid failed to load: when the file is a committee scores file (CSV) given where a bid
 * belongs, replaces err with a message that says so (issue 10 §4) and returns true. Read only
 * on failure, so a good bid is read once. */
bool tnd_bid_refuse_scores_csv(const char *path, tnd_error *err);

/* A bid as the CLI takes it: a path ending in .xlsx is a filled-in workbook
 * (tnd_bid_xlsx_load), anything else the XML of tender/bid.h (tnd_bid_load_file). */
tnd_status tnd_bid_load_input(const char *path, const tnd_definition *def, tnd_bid **out,
                              tnd_error *err);

#endif
