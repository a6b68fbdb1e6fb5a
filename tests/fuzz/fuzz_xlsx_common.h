/*
 * fuzz_xlsx_common.h - reading a whole workbook the way every xlsx reader of tender/ does, for
 * the two xlsx harnesses: open, list the sheets and shared strings, iterate every cell of every
 * sheet (dates too), then hand the same file to the two form readers (the filled-in bid form,
 * tender/bid_xlsx.c, and the committee workbook, tender/scores_xlsx.c).
 */
#ifndef TND_FUZZ_XLSX_COMMON_H
#define TND_FUZZ_XLSX_COMMON_H

#include "fuzz_common.h"

#include "tender/bid.h"
#include "tender/bid_xlsx.h"
#include "tender/scores.h"
#include "tender/scores_xlsx.h"
#include "tender/xlsx.h"

/* Small limits, so that a fuzzed archive cannot make one run take seconds; the limit checks
 * themselves are the same code whatever the values. */
static inline tnd_xlsx_limits fuzz_xlsx_limits(void)
{
    tnd_xlsx_limits l = TND_XLSX_LIMITS_DEFAULT;
    l.max_entry_bytes = 4 * TND_XLSX_MIB;
    l.max_total_bytes = 8 * TND_XLSX_MIB;
    l.ratio_min_bytes = 64 * 1024;
    return l;
}

static inline void fuzz_xlsx_read_all(const char *path)
{
    tnd_error err = { 0 };
    tnd_xlsx_limits limits = fuzz_xlsx_limits();
    tnd_xlsx *book = tnd_xlsx_open_limited(path, &limits, &err);
    if (book) {
        size_t n_shared = tnd_xlsx_shared_count(book);
        for (size_t i = 0; i < n_shared; i++) {
            if (!tnd_xlsx_shared_string(book, i))
                abort(); /* xlsx.h: NULL only out of range */
        }
        for (size_t s = 0; s < tnd_xlsx_sheet_count(book); s++) {
            tnd_xlsx_cells *cells = tnd_xlsx_cells_open(book, s, &err);
            if (!cells)
                continue;
            const tnd_xlsx_cell *cell = NULL;
            while (tnd_xlsx_cells_next(cells, &cell, &err) == TND_OK && cell) {
                uint32_t row = 0, col = 0;
                /* every cell handed out has a reference inside the grid that names it */
                if (!tnd_xlsx_ref_parse(cell->ref, &row, &col) || row != cell->row ||
                    col != cell->col)
                    abort();
                char where[128];
                tnd_xlsx_cell_where(tnd_xlsx_cells_sheet(cells), cell, where, sizeof where);
                if (cell->type == TND_XLSX_NUMBER) {
                    tnd_date d;
                    tnd_error date_err = { 0 };
                    /* a calendar date of the 1900 or 1904 system (xlsx.h: up to 9999-12-31;
                       the readers above it narrow the years, e.g. form_cells.c) */
                    if (tnd_xlsx_cell_date(cells, cell, &d, &date_err) == TND_OK &&
                        (d.year < 1900 || d.year > 9999 || d.month < 1 || d.month > 12 ||
                         d.day < 1 || d.day > 31))
                        abort();
                }
            }
            tnd_xlsx_cells_close(cells);
        }
        tnd_xlsx_close(book);
    }

    const tnd_definition *def = fuzz_default_definition();
    tnd_bid *bid = NULL;
    memset(&err, 0, sizeof err);
    if (tnd_bid_xlsx_load(path, def, &bid, &err) == TND_OK)
        tnd_bid_free(bid);
    else if (bid)
        abort();

    tnd_scores scores;
    memset(&scores, 0, sizeof scores);
    memset(&err, 0, sizeof err);
    tnd_scores_xlsx_load(path, def, &scores, &err);
    tnd_scores_free(&scores);
}

#endif
