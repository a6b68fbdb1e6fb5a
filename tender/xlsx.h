/*
 * xlsx.h - reading an .xlsx workbook written by a stranger, safely.
 *
 * An .xlsx file is a zip archive of XML parts. We read it for `tender verify` (the award workbook
 * we wrote ourselves, checked by an auditor) and for the filled-in forms of issue 4 (written by a
 * bidder: hostile until proven otherwise). The archive is opened read-only (libzip, ZIP_RDONLY)
 * and nothing is ever extracted to disk. Every XML part goes through tender/xmlsafe.h (no DTD, no
 * entities, bounded size and depth).
 *
 * What a reader can rely on (each refused with a Dutch message naming the file):
 *  - the archive file is at most max_archive_bytes (64 MiB), checked before zip_open;
 *  - at most max_entries (10000) entries; no entry name with a ".." segment, a leading '/', a drive
 *    letter or a backslash (path traversal: refused as a malformed archive, even though we never
 *    write to disk); no duplicate names; only stored or deflated, unencrypted entries;
 *  - from the central directory, BEFORE anything is decompressed: every entry at most
 *    max_entry_bytes (32 MiB), all entries together at most max_total_bytes (128 MiB), and an
 *    entry over ratio_min_bytes (1 MiB) at most max_ratio (100) times its compressed size (a zip
 *    bomb is refused without inflating a byte of it);
 *  - the same three limits again WHILE reading, on the bytes actually produced: the header is not
 *    trusted, so at most limit + 1 bytes of an entry are ever inflated;
 *  - every part that is parsed is XML, so also at most TND_XML_MAX_BYTES (16 MiB, xmlsafe.h): a
 *    sheet part between 16 and 32 MiB is refused by that rule (TND_ERR_TOO_LARGE);
 *  - shared strings: at most max_shared_strings (1,000,000) strings and max_shared_bytes (64 MiB)
 *    of text, counted on the strings actually present (the count attribute is ignored); a table
 *    with too many <si> is refused before its tree is built. (With the default limits the 16 MiB
 *    XML rule is met first: decoded text is never longer than its XML.)
 *  - sheets: no row above 1,048,576, no column above 16,384 (XFD), rows and cells in increasing
 *    order (a cell cannot appear twice), every value matching its type.
 *
 * Status codes used:
 *   TND_ERR_IO            cannot open or read the file; not a zip archive; a damaged archive
 *                         (truncated, CRC error, inconsistent headers, unsafe entry name,
 *                         duplicate entry, unsupported compression or encryption)
 *   TND_ERR_TOO_LARGE     one of the size and count limits above
 *   TND_ERR_XML_UNSAFE,
 *   TND_ERR_XML_MALFORMED from xmlsafe, for a part (where = part name and line)
 *   TND_ERR_SCHEMA        a part is well-formed XML but not what SpreadsheetML says: no
 *                         xl/workbook.xml ("geen Excel-werkmap"), no workbook relationships, a
 *                         bad cell reference, cells out of order, two sheets with one name (ASCII
 *                         case-insensitive) or on one part, a relationship Id used twice
 *   TND_ERR_REFERENCE     a shared-string index, relationship or sheet part that does not exist,
 *                         or a sheet outside the package (external, or "../" above its root)
 *   TND_ERR_USAGE         no path, or a sheet index past the last sheet
 *   TND_ERR_VALUE         a cell value that does not match its type (t="b" with "2", a number
 *                         "1,5", an unknown t)
 *   TND_ERR_RANGE         a date serial outside the calendar (tnd_xlsx_cell_date)
 * err->file is always the workbook path; err->where is "blad 'Naam' cel B4" for a cell, or the
 * part name ("xl/sharedStrings.xml regel 3") for a part; err->line stays 0 (a line of a part is
 * not a line of the file the user has).
 */
#ifndef TND_XLSX_H
#define TND_XLSX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scoring/types.h"
#include "tender/base/error.h"

/* The grid of SpreadsheetML (Excel 2007 and later): fixed by the format, not tunable. */
#define TND_XLSX_MAX_ROWS 1048576u
#define TND_XLSX_MAX_COLS 16384u

/* Bounds for one workbook. TND_XLSX_LIMITS_DEFAULT holds the values documented above; tests (and a
 * caller that knows its files are small) may pass tighter ones to tnd_xlsx_open_limited. */
typedef struct {
    uint64_t max_archive_bytes;  /* size of the .xlsx file itself */
    uint64_t max_entries;        /* entries in the central directory */
    uint64_t max_entry_bytes;    /* uncompressed size of one entry */
    uint64_t max_total_bytes;    /* uncompressed size of all entries together */
    uint64_t ratio_min_bytes;    /* entries larger than this are checked for their ratio */
    uint64_t max_ratio;          /* uncompressed / compressed, for those entries */
    uint64_t max_shared_strings; /* strings in the shared-string table */
    uint64_t max_shared_bytes;   /* bytes of text in the shared-string table */
} tnd_xlsx_limits;

#define TND_XLSX_MIB (1024ull * 1024ull)
#define TND_XLSX_LIMITS_DEFAULT                                                                  \
    ((tnd_xlsx_limits){ .max_archive_bytes = 64 * TND_XLSX_MIB,                                  \
                        .max_entries = 10000,                                                    \
                        .max_entry_bytes = 32 * TND_XLSX_MIB,                                    \
                        .max_total_bytes = 128 * TND_XLSX_MIB,                                   \
                        .ratio_min_bytes = 1 * TND_XLSX_MIB,                                     \
                        .max_ratio = 100,                                                        \
                        .max_shared_strings = 1000000,                                           \
                        .max_shared_bytes = 64 * TND_XLSX_MIB })

typedef struct tnd_xlsx tnd_xlsx;             /* an open workbook */
typedef struct tnd_xlsx_cells tnd_xlsx_cells; /* an iteration over the cells of one sheet */

/* One sheet of the workbook, in workbook (tab) order. Strings are owned by the workbook. */
typedef struct {
    const char *name; /* the tab's name, UTF-8 ("Identiteit") */
    const char *part; /* its zip entry ("xl/worksheets/sheet1.xml") */
    bool hidden;      /* state="hidden" or "veryHidden": a reader should know it is there */
    bool worksheet;   /* false for a chart sheet or dialog sheet: those have no cells */
} tnd_xlsx_sheet;

/* What a cell holds, as the file stores it. */
typedef enum {
    TND_XLSX_EMPTY = 0,      /* no value: a formatted cell, or a formula without cached value */
    TND_XLSX_NUMBER,         /* a number (t="n" or no t); dates are numbers (serials) */
    TND_XLSX_SHARED_STRING,  /* t="s": text from the shared-string table */
    TND_XLSX_INLINE_STRING,  /* t="inlineStr": text inside the cell (<is>) */
    TND_XLSX_BOOLEAN,        /* t="b": text "0" or "1", number 0 or 1 */
    TND_XLSX_ERROR,          /* t="e": text "#DIV/0!", "#N/A", ... */
    TND_XLSX_FORMULA_STRING  /* t="str": the cached text result of a formula */
} tnd_xlsx_type;

/*
 * One cell. Pointers are owned by the iteration and valid until the next tnd_xlsx_cells_next or
 * tnd_xlsx_cells_close (shared strings: until tnd_xlsx_close).
 * A formula cell has formula != NULL and the type and text of its CACHED result (what the program
 * that saved the file computed): TND_XLSX_NUMBER "7.4", TND_XLSX_FORMULA_STRING "groen",
 * TND_XLSX_BOOLEAN, TND_XLSX_ERROR, or TND_XLSX_EMPTY when no result was saved.
 */
typedef struct {
    char ref[12];          /* "B4" */
    uint32_t row, col;     /* 1-based: B4 is row 4, col 2 */
    tnd_xlsx_type type;
    const char *text;      /* the value exactly as stored: "7.4", "1", "#N/A", the string; ""
                              when empty. Strings have Excel's _xHHHH_ escapes decoded. */
    double number;         /* NUMBER and BOOLEAN: the value; otherwise 0. Display only:
                              compare text (or parse it with tender/notation.h) for exactness */
    const char *formula;   /* formula text without '=' ("SUM(A1:A3)"; "" for a shared-formula
                              follower), NULL when the cell has no formula */
    size_t shared_index;   /* SHARED_STRING: index into the shared-string table */
} tnd_xlsx_cell;

/* Opens a workbook with TND_XLSX_LIMITS_DEFAULT. Reads the archive directory, xl/workbook.xml,
 * its relationships and the shared strings; sheets are read when iterated. NULL on error. */
tnd_xlsx *tnd_xlsx_open(const char *path, tnd_error *err);

/* As tnd_xlsx_open, with other limits (NULL = default). */
tnd_xlsx *tnd_xlsx_open_limited(const char *path, const tnd_xlsx_limits *limits, tnd_error *err);

/* Closes the workbook (NULL is fine). Iterations must be closed first. */
void tnd_xlsx_close(tnd_xlsx *book);

/* The path the workbook was opened with. */
const char *tnd_xlsx_path(const tnd_xlsx *book);

/* Sheets in workbook order; index 0 is the first tab. */
size_t tnd_xlsx_sheet_count(const tnd_xlsx *book);
const tnd_xlsx_sheet *tnd_xlsx_sheet_at(const tnd_xlsx *book, size_t index);

/* Finds a sheet by its exact name; true and *index set when found. */
bool tnd_xlsx_sheet_find(const tnd_xlsx *book, const char *name, size_t *index);

/* The shared-string table: count and the i-th string (NULL when i is out of range). */
size_t tnd_xlsx_shared_count(const tnd_xlsx *book);
const char *tnd_xlsx_shared_string(const tnd_xlsx *book, size_t i);

/* True when the workbook uses the 1904 date system (workbookPr date1904, old Mac Excel). */
bool tnd_xlsx_date1904(const tnd_xlsx *book);

/*
 * Starts iterating the cells of sheet `index`: reads and parses its part. NULL on error (err
 * filled: TND_ERR_SCHEMA for a chart sheet, ...). Close with tnd_xlsx_cells_close.
 */
tnd_xlsx_cells *tnd_xlsx_cells_open(tnd_xlsx *book, size_t index, tnd_error *err);

/*
 * The next cell, in row order and within a row in column order; empty cells the file lists are
 * returned (type TND_XLSX_EMPTY), cells it does not list are not. *cell is NULL after the last
 * one. A cell that breaks a rule (see the top of this file) stops the iteration with an error
 * naming it ("blad 'X' cel B4").
 */
tnd_status tnd_xlsx_cells_next(tnd_xlsx_cells *cells, const tnd_xlsx_cell **cell,
                               tnd_error *err);

void tnd_xlsx_cells_close(tnd_xlsx_cells *cells);

/* The sheet being iterated. */
const tnd_xlsx_sheet *tnd_xlsx_cells_sheet(const tnd_xlsx_cells *cells);

/* "blad 'Identiteit' cel B4" into buf (cut at a UTF-8 character boundary to fit). */
void tnd_xlsx_cell_where(const tnd_xlsx_sheet *sheet, const tnd_xlsx_cell *cell, char *buf,
                         size_t size);

/*
 * Fills err for a problem with one cell: file = the workbook, where = "blad 'X' cel B4", the
 * message and hint as in tnd_error_set. For callers (forms import) refusing a value. Returns code.
 */
tnd_status tnd_xlsx_cell_fail(const tnd_xlsx_cells *cells, const tnd_xlsx_cell *cell,
                              tnd_error *err, tnd_status code, const char *hint,
                              const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* True for the three kinds of text cell (shared, inline, formula string). */
bool tnd_xlsx_cell_is_text(const tnd_xlsx_cell *cell);

/*
 * A cell reference "B4" into 1-based row and column; false unless it is uppercase letters then
 * a row number without leading zero, inside the grid (A1 .. XFD1048576). "$B$4" is refused.
 */
bool tnd_xlsx_ref_parse(const char *ref, uint32_t *row, uint32_t *col);

/* Row and column (1-based, inside the grid) into "B4"; buf holds at least 12 bytes. */
void tnd_xlsx_ref_format(uint32_t row, uint32_t col, char *buf, size_t size);

/*
 * An Excel date serial in the 1900 date system into a date. The fraction (time of day) is
 * dropped. Serial 1 is 1900-01-01; serial 60 is 29 February 1900, a day that never existed
 * (Lotus 1-2-3 took 1900 for a leap year and Excel copied it), so 60 is refused and serials from
 * 61 (1900-03-01) on are one day later than a plain count from 1900-01-01 would give.
 * False for 60, for anything below 1, above 2958465 (9999-12-31), NaN or infinite.
 */
bool tnd_xlsx_serial_to_date(double serial, tnd_date *out);

/* The same for the 1904 date system: serial 0 is 1904-01-01; false below 0 or after 9999-12-31. */
bool tnd_xlsx_serial1904_to_date(double serial, tnd_date *out);

/*
 * The date in a NUMBER cell, in the workbook's own date system (1900 or 1904). Fills err with
 * the cell (TND_ERR_VALUE when the cell is not a number, TND_ERR_RANGE when the serial is not a
 * calendar date) and returns its code.
 */
tnd_status tnd_xlsx_cell_date(const tnd_xlsx_cells *cells, const tnd_xlsx_cell *cell,
                              tnd_date *out, tnd_error *err);

/* Significant digits Excel and LibreOffice keep when they save a number. */
#define TND_XLSX_NUMBER_DIGITS 15

/*
 * The number text of a cell ("8.199999999999999", "8.2", "1.5E-3") rounded to
 * TND_XLSX_NUMBER_DIGITS significant digits, as a canonical text ("0.82e1") for comparison:
 * two texts denote the same number at a workbook's precision when their canonical texts are
 * equal. Decimal arithmetic on the digits, no binary float. False when the text is not a number
 * or out is smaller than 32 bytes.
 */
bool tnd_xlsx_number_canonical(const char *text, char *out, size_t size);

#endif
