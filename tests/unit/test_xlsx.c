/*
 * test_xlsx.c - reading xlsx workbooks, friendly and hostile (tender/xlsx.c).
 *
 * Friendly workbooks are written at test time with libxlsxwriter (the library we write our own
 * workbooks with) and read back exactly. Hostile archives are made at test time with libzip:
 * a zip bomb, path traversal, too many entries, truncated and non-zip files, lying headers, an
 * XXE attempt in a sheet, an oversized shared-string table. Every test works in its own mkdtemp()
 * directory, removed afterwards.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "tender/xlsx.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE NS_R "/"

#define MIB (1024u * 1024u)

typedef struct {
    char dir[64];
    char path[96]; /* the workbook most tests write: <dir>/book.xlsx */
} fixture;

static int setup_tmpdir(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/tnd_xlsx_XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    snprintf(f->path, sizeof f->path, "%s/book.xlsx", f->dir);
    *state = f;
    return 0;
}

/* Removes the files the test made (tests make no subdirectories) and the directory itself. */
static int teardown_tmpdir(void **state)
{
    fixture *f = *state;
    DIR *d = opendir(f->dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char path[PATH_MAX];
            snprintf(path, sizeof path, "%s/%s", f->dir, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    int rc = rmdir(f->dir);
    free(f);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Writing archives with libzip                                                                */

typedef struct {
    const char *name;
    const char *data; /* NULL: `size` zero bytes, produced by a callback (never held in memory) */
    uint64_t size;    /* 0 with data: strlen(data) */
    bool store;       /* ZIP_CM_STORE instead of deflate */
} part;

typedef struct {
    uint64_t total, left;
} zeros_source;

/* A libzip source of `total` zero bytes, so a 200 MiB entry costs no memory to write. */
static zip_int64_t zeros_callback(void *userdata, void *data, zip_uint64_t len,
                                  zip_source_cmd_t cmd)
{
    zeros_source *z = userdata;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        z->left = z->total;
        return 0;
    case ZIP_SOURCE_READ: {
        zip_uint64_t n = len < z->left ? len : z->left;
        memset(data, 0, n);
        z->left -= n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->size = z->total;
        st->valid |= ZIP_STAT_SIZE;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return 2 * sizeof(int);
    case ZIP_SOURCE_FREE:
        free(z);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
    default:
        return -1;
    }
}

/* Writes an archive holding `parts` (compression level 1: these tests are about reading). */
static void write_zip(const char *path, const part *parts, size_t n)
{
    int zerr = 0;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    assert_non_null(za);
    for (size_t i = 0; i < n; i++) {
        zip_source_t *src;
        if (parts[i].data) {
            size_t len = parts[i].size ? (size_t)parts[i].size : strlen(parts[i].data);
            src = zip_source_buffer(za, parts[i].data, len, 0);
        } else {
            zeros_source *z = calloc(1, sizeof *z);
            assert_non_null(z);
            z->total = parts[i].size;
            src = zip_source_function(za, zeros_callback, z);
        }
        assert_non_null(src);
        zip_int64_t index = zip_file_add(za, parts[i].name, src, ZIP_FL_ENC_UTF_8);
        assert_true(index >= 0);
        assert_int_equal(zip_set_file_compression(za, (zip_uint64_t)index,
                                                  parts[i].store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                                  1),
                         0);
    }
    assert_int_equal(zip_close(za), 0);
}

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

static const char root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" NS_PKG_RELS "\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";

static const char workbook_one_sheet[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R
    "\"><sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char rels_sheet_only[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" NS_PKG_RELS "\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "</Relationships>";

static const char rels_sheet_and_strings[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" NS_PKG_RELS "\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "</Relationships>";

#define SHEET(rows)                                                                              \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" NS_MAIN "\"><sheetData>" rows \
    "</sheetData></worksheet>"

/*
 * A hand-made workbook with one sheet "Blad1": workbook.xml as given (NULL: the one-sheet
 * default), the sheet's contents (data, size, store as in `part`), the shared strings (NULL:
 * none) and, if not NULL, one more part.
 */
static void write_book_parts(const char *path, const char *workbook, part sheet,
                             const part *shared, const part *extra)
{
    part parts[7] = {
        { "[Content_Types].xml", content_types, 0, false },
        { "_rels/.rels", root_rels, 0, false },
        { "xl/workbook.xml", workbook ? workbook : workbook_one_sheet, 0, false },
        { "xl/_rels/workbook.xml.rels", shared ? rels_sheet_and_strings : rels_sheet_only, 0,
          false },
    };
    size_t n = 4;
    sheet.name = "xl/worksheets/sheet1.xml";
    parts[n++] = sheet;
    if (shared) {
        parts[n] = *shared;
        parts[n++].name = "xl/sharedStrings.xml";
    }
    if (extra)
        parts[n++] = *extra;
    write_zip(path, parts, n);
}

/* The same with the sheet and shared strings given as XML text. */
static void write_book(const char *path, const char *workbook, const char *sheet,
                       const char *shared, const part *extra)
{
    part shared_part = { NULL, shared, 0, false };
    write_book_parts(path, workbook, (part){ NULL, sheet, 0, false },
                     shared ? &shared_part : NULL, extra);
}

static void patch_declared_size(const char *path, const char *name, uint32_t size);

/* A workbook whose sheet is `actual` zero bytes, which its headers say are `declared` bytes. */
static void write_book_with_lying_sheet(const char *path, uint64_t actual, uint32_t declared)
{
    write_book_parts(path, NULL, (part){ NULL, NULL, actual, false }, NULL, NULL);
    patch_declared_size(path, "xl/worksheets/sheet1.xml", declared);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading helpers                                                                             */

static tnd_xlsx *must_open(const char *path)
{
    tnd_error err;
    tnd_xlsx *book = tnd_xlsx_open(path, &err);
    if (!book) {
        char text[2048];
        tnd_error_format(&err, text, sizeof text);
        fail_msg("%s", text);
    }
    return book;
}

static tnd_xlsx_cells *must_cells(tnd_xlsx *book, size_t sheet)
{
    tnd_error err;
    tnd_xlsx_cells *cells = tnd_xlsx_cells_open(book, sheet, &err);
    if (!cells)
        fail_msg("%s: %s", err.where, err.message);
    return cells;
}

static const tnd_xlsx_cell *must_next(tnd_xlsx_cells *cells)
{
    tnd_error err;
    const tnd_xlsx_cell *cell = NULL;
    if (tnd_xlsx_cells_next(cells, &cell, &err) != TND_OK)
        fail_msg("%s: %s", err.where, err.message);
    assert_non_null(cell);
    return cell;
}

static void assert_cell(const tnd_xlsx_cell *cell, const char *ref, uint32_t row, uint32_t col,
                        tnd_xlsx_type type, const char *text)
{
    assert_string_equal(cell->ref, ref);
    assert_int_equal(cell->row, row);
    assert_int_equal(cell->col, col);
    assert_int_equal(cell->type, type);
    assert_string_equal(cell->text, text);
}

static void assert_no_more_cells(tnd_xlsx_cells *cells)
{
    tnd_error err;
    const tnd_xlsx_cell *cell = (const tnd_xlsx_cell *)&err; /* must be set to NULL */
    assert_int_equal(tnd_xlsx_cells_next(cells, &cell, &err), TND_OK);
    assert_null(cell);
}

/* Opening must fail with exactly this code, file, where and message. */
static void assert_open_refused(const char *path, const tnd_xlsx_limits *limits,
                                tnd_status code, const char *where, const char *message)
{
    tnd_error err;
    tnd_xlsx *book = tnd_xlsx_open_limited(path, limits, &err);
    assert_null(book);
    assert_int_equal(err.code, code);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 0);
    assert_string_equal(err.where, where);
    assert_string_equal(err.message, message);
    assert_true(err.hint[0] != '\0');
}

/* Iterating sheet 0 of a book that opens must fail at some cell with exactly this error. */
static void assert_cells_refused(const char *path, tnd_status code, const char *where,
                                 const char *message)
{
    tnd_xlsx *book = must_open(path);
    tnd_error err;
    tnd_xlsx_cells *cells = tnd_xlsx_cells_open(book, 0, &err);
    tnd_status rc = TND_OK;
    if (!cells) {
        rc = err.code;
    } else {
        const tnd_xlsx_cell *cell = NULL;
        do
            rc = tnd_xlsx_cells_next(cells, &cell, &err);
        while (rc == TND_OK && cell);
        /* after an error the iteration stays finished */
        if (rc != TND_OK) {
            tnd_error again;
            assert_int_equal(tnd_xlsx_cells_next(cells, &cell, &again), TND_OK);
            assert_null(cell);
        }
    }
    assert_int_equal(rc, code);
    assert_int_equal(err.code, code);
    assert_string_equal(err.file, path);
    assert_string_equal(err.where, where);
    assert_string_equal(err.message, message);
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);
}

static char *read_whole(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    long size = ftell(fp);
    assert_true(size >= 0);
    rewind(fp);
    char *buf = malloc((size_t)size + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)size, fp), (size_t)size);
    fclose(fp);
    *len = (size_t)size;
    return buf;
}

static void write_whole(const char *path, const char *buf, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(buf, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

static void put_le32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static unsigned get_le16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/*
 * Makes the archive lie: the uncompressed size of entry `name` becomes `size` in both its local
 * header (offset 22) and its central-directory record (offset 24), so the two still agree and
 * only the data tells the truth.
 */
static void patch_declared_size(const char *path, const char *name, uint32_t size)
{
    size_t len = 0;
    unsigned char *buf = (unsigned char *)read_whole(path, &len);
    size_t name_len = strlen(name);
    int local = 0, central = 0;
    for (size_t i = 0; i + 46 + name_len <= len; i++) {
        if (memcmp(buf + i, "PK\3\4", 4) == 0 && get_le16(buf + i + 26) == name_len &&
            memcmp(buf + i + 30, name, name_len) == 0) {
            put_le32(buf + i + 22, size);
            local++;
        } else if (memcmp(buf + i, "PK\1\2", 4) == 0 && get_le16(buf + i + 28) == name_len &&
                   memcmp(buf + i + 46, name, name_len) == 0) {
            put_le32(buf + i + 24, size);
            central++;
        }
    }
    assert_int_equal(local, 1);
    assert_int_equal(central, 1);
    write_whole(path, (char *)buf, len);
    free(buf);
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static long peak_rss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* ------------------------------------------------------------------------------------------ */
/* Hostile archives. The zip bomb runs first, so that the peak memory it measures is its own.   */

static void test_zip_bomb_is_refused_from_the_directory_without_inflating(void **state)
{
    fixture *f = *state;
    /* one entry of 200 MiB of zeros: about 1 MB compressed, over 200:1 */
    part bomb = { "xl/worksheets/sheet2.xml", NULL, 200ull * MIB, false };
    write_book(f->path, NULL, SHEET(""), NULL, &bomb);

    long rss_before = peak_rss_kib();
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    tnd_error err;
    tnd_xlsx *book = tnd_xlsx_open(f->path, &err);
    double took = seconds_since(&start);
    long rss_growth = peak_rss_kib() - rss_before;

    assert_null(book);
    assert_int_equal(err.code, TND_ERR_TOO_LARGE);
    char size_text[32], expected[1024];
    zip_t *za = zip_open(f->path, ZIP_RDONLY, NULL);
    zip_stat_t st;
    assert_int_equal(zip_stat(za, "xl/worksheets/sheet2.xml", 0, &st), 0);
    zip_discard(za);
    assert_true(st.comp_size < MIB);
    snprintf(size_text, sizeof size_text, "%llu bytes", (unsigned long long)st.comp_size);
    snprintf(expected, sizeof expected,
             "'%s' is geweigerd als zip-bom: 'xl/worksheets/sheet2.xml' pakt uit van %s tot "
             "200 MiB (meer dan 100:1)",
             f->path, size_text);
    assert_string_equal(err.message, expected);
    assert_string_equal(err.file, f->path);
    assert_true(took < 1.0);             /* refused from the directory: milliseconds */
    assert_true(rss_growth < 16 * 1024); /* nothing of the 200 MiB was inflated */
}

static void test_entry_over_32_mib_is_refused_before_reading(void **state)
{
    fixture *f = *state;
    /* stored, so the ratio is 1:1 and only the size rule applies */
    part big = { "xl/media/image1.png", NULL, 33ull * MIB, true };
    write_book(f->path, NULL, SHEET(""), NULL, &big);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s' is te groot: 'xl/media/image1.png' pakt uit tot 33 MiB; hoogstens 32 MiB per "
             "onderdeel",
             f->path);
    assert_open_refused(f->path, NULL, TND_ERR_TOO_LARGE, "", expected);
}

static void test_entries_together_over_128_mib_are_refused_before_reading(void **state)
{
    fixture *f = *state;
    /* 129 entries of exactly 1 MiB: each within every per-entry rule (the ratio rule is for
     * entries OVER 1 MiB), together over 128 MiB */
    enum { N = 129 };
    part parts[N];
    char names[N][32];
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "xl/media/fill%03d.bin", i);
        parts[i] = (part){ names[i], NULL, MIB, false };
    }
    write_zip(f->path, parts, N);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s' is te groot: de onderdelen pakken samen uit tot meer dan 128 MiB", f->path);
    assert_open_refused(f->path, NULL, TND_ERR_TOO_LARGE, "", expected);
}

static void test_archive_over_64_mib_is_refused_before_opening(void **state)
{
    fixture *f = *state;
    /* a sparse file: 64 MiB + 1 byte on paper, nothing on disk */
    int fd = open(f->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 64 * (off_t)MIB + 1), 0);
    close(fd);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s' is 67108865 bytes groot; een werkmap mag hoogstens 64 MiB (67108864 bytes) "
             "zijn",
             f->path);
    assert_open_refused(f->path, NULL, TND_ERR_TOO_LARGE, "", expected);

    /* exactly 64 MiB passes the size rule and is then refused for what it is: no zip */
    fd = open(f->path, O_WRONLY | O_TRUNC);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 64 * (off_t)MIB), 0);
    close(fd);
    snprintf(expected, sizeof expected,
             "'%s' is geen xlsx-bestand: het is geen zip-archief, of het is afgebroken", f->path);
    assert_open_refused(f->path, NULL, TND_ERR_IO, "", expected);
}

static void test_entry_larger_than_its_header_says_is_refused_while_reading(void **state)
{
    fixture *f = *state;
    /* The sheet says 1000 bytes; it inflates to 200 KiB. With a 64 KiB entry limit, reading
     * stops at 64 KiB + 1 byte: the header is never trusted. */
    write_book_with_lying_sheet(f->path, 200 * 1024, 1000);

    tnd_xlsx_limits limits = TND_XLSX_LIMITS_DEFAULT;
    limits.max_entry_bytes = 64 * 1024;
    tnd_error err;
    tnd_xlsx *book = tnd_xlsx_open_limited(f->path, &limits, &err);
    assert_non_null(book); /* the directory looks innocent */
    tnd_xlsx_cells *cells = tnd_xlsx_cells_open(book, 0, &err);
    assert_null(cells);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s' is te groot: xl/worksheets/sheet1.xml pakt uit tot meer dan 65536 bytes (de "
             "kop van het archief gaf een kleinere omvang op)",
             f->path);
    assert_int_equal(err.code, TND_ERR_TOO_LARGE);
    assert_string_equal(err.where, "xl/worksheets/sheet1.xml");
    assert_string_equal(err.message, expected);
    tnd_xlsx_close(book);
}

static void test_zip_bomb_behind_a_lying_header_is_refused_while_reading(void **state)
{
    fixture *f = *state;
    /* 5 MiB of zeros declared as 1000 bytes: the directory check cannot see the ratio, the
     * reader does once more than 1 MiB has come out of a few KiB */
    write_book_with_lying_sheet(f->path, 5 * MIB, 1000);
    zip_t *za = zip_open(f->path, ZIP_RDONLY, NULL);
    zip_stat_t st;
    assert_int_equal(zip_stat(za, "xl/worksheets/sheet1.xml", 0, &st), 0);
    zip_discard(za);

    tnd_xlsx *book = must_open(f->path);
    tnd_error err;
    assert_null(tnd_xlsx_cells_open(book, 0, &err));
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s' is geweigerd als zip-bom: xl/worksheets/sheet1.xml pakt uit van %llu bytes tot "
             "meer dan 100 keer zoveel (de kop van het archief gaf een kleinere omvang op)",
             f->path, (unsigned long long)st.comp_size);
    assert_int_equal(err.code, TND_ERR_TOO_LARGE);
    assert_string_equal(err.where, "xl/worksheets/sheet1.xml");
    assert_string_equal(err.message, expected);
    tnd_xlsx_close(book);
}

static void test_total_is_enforced_on_the_bytes_actually_read(void **state)
{
    fixture *f = *state;
    /* the sheet claims 1000 bytes and holds 300 KiB; the total limit of 200 KiB catches it */
    write_book_with_lying_sheet(f->path, 300 * 1024, 1000);
    tnd_xlsx_limits limits = TND_XLSX_LIMITS_DEFAULT;
    limits.max_total_bytes = 200 * 1024;
    tnd_error err;
    tnd_xlsx *book = tnd_xlsx_open_limited(f->path, &limits, &err);
    assert_non_null(book);
    assert_null(tnd_xlsx_cells_open(book, 0, &err));
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s' is te groot: de onderdelen pakken samen uit tot meer dan 204800 bytes",
             f->path);
    assert_int_equal(err.code, TND_ERR_TOO_LARGE);
    assert_string_equal(err.where, "xl/worksheets/sheet1.xml");
    assert_string_equal(err.message, expected);
    tnd_xlsx_close(book);
}

static void test_path_traversal_entry_names_are_refused(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *name, *reason;
    } cases[] = {
        { "../evil", "'..' (path traversal)" },
        { "xl/../../evil.xml", "'..' (path traversal)" },
        { "/etc/cron.d/evil", "een absoluut pad" },
        { "C:evil.xml", "een stationsletter" },
        { "xl\\..\\evil.xml", "een backslash" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        part evil = { cases[i].name, "x", 0, false };
        write_book(f->path, NULL, SHEET(""), NULL, &evil);
        char expected[1024];
        snprintf(expected, sizeof expected,
                 "'%s' is een ongeldig zip-archief: de bestandsnaam '%s' bevat %s", f->path,
                 cases[i].name, cases[i].reason);
        assert_open_refused(f->path, NULL, TND_ERR_IO, "", expected);
    }
    /* ".." inside a name is not a path segment and is fine */
    part harmless = { "xl/media/a..b.png", "x", 0, false };
    write_book(f->path, NULL, SHEET(""), NULL, &harmless);
    tnd_xlsx_close(must_open(f->path));
}

static void test_more_than_10000_entries_are_refused(void **state)
{
    fixture *f = *state;
    enum { N = 10001 };
    part *parts = calloc(N, sizeof *parts);
    char(*names)[32] = calloc(N, sizeof *names);
    assert_non_null(parts);
    assert_non_null(names);
    parts[0] = (part){ "[Content_Types].xml", content_types, 0, false };
    parts[1] = (part){ "_rels/.rels", root_rels, 0, false };
    parts[2] = (part){ "xl/workbook.xml", workbook_one_sheet, 0, false };
    parts[3] = (part){ "xl/_rels/workbook.xml.rels", rels_sheet_only, 0, false };
    parts[4] = (part){ "xl/worksheets/sheet1.xml", SHEET(""), 0, false };
    for (int i = 5; i < N; i++) {
        snprintf(names[i], sizeof names[i], "xl/media/f%05d.bin", i);
        parts[i] = (part){ names[i], "", 1, true };
    }
    /* 10000 entries: a valid workbook with 9995 small extras opens */
    write_zip(f->path, parts, N - 1);
    tnd_xlsx_close(must_open(f->path));
    /* 10001: refused */
    write_zip(f->path, parts, N);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s' bevat 10001 bestanden; een werkmap mag er hoogstens 10000 bevatten", f->path);
    assert_open_refused(f->path, NULL, TND_ERR_TOO_LARGE, "", expected);
    free(parts);
    free(names);
}

static void test_entries_differing_only_in_case_are_refused(void **state)
{
    fixture *f = *state;
    /* part names are case-insensitive: two workbooks in one file would be ambiguous */
    part twin = { "XL/Workbook.xml", workbook_one_sheet, 0, false };
    write_book(f->path, NULL, SHEET(""), NULL, &twin);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s' is een ongeldig zip-archief: het bestand 'XL/Workbook.xml' staat er twee keer "
             "in",
             f->path);
    assert_open_refused(f->path, NULL, TND_ERR_IO, "", expected);
}

/* Rewrites one entry of an archive with another compression method and/or encryption. */
static void rewrite_entry(const char *path, const char *name, zip_int32_t method,
                          zip_uint16_t encryption)
{
    int zerr = 0;
    zip_t *za = zip_open(path, 0, &zerr);
    assert_non_null(za);
    zip_int64_t index = zip_name_locate(za, name, 0);
    assert_true(index >= 0);
    assert_int_equal(zip_set_file_compression(za, (zip_uint64_t)index, method, 0), 0);
    if (encryption != ZIP_EM_NONE)
        assert_int_equal(
            zip_file_set_encryption(za, (zip_uint64_t)index, encryption, "geheim"), 0);
    assert_int_equal(zip_close(za), 0);
}

static void test_encrypted_or_bzip2_entries_are_refused(void **state)
{
    fixture *f = *state;
    if (!zip_compression_method_supported(ZIP_CM_BZIP2, 1) ||
        !zip_encryption_method_supported(ZIP_EM_AES_256, 1))
        skip(); /* this libzip cannot write them; reported as skipped, not passed */
    char expected[1024];
    write_book(f->path, NULL, SHEET(""), NULL, NULL);
    rewrite_entry(f->path, "xl/worksheets/sheet1.xml", ZIP_CM_BZIP2, ZIP_EM_NONE);
    snprintf(expected, sizeof expected,
             "'%s' kan niet worden gelezen: 'xl/worksheets/sheet1.xml' gebruikt een "
             "compressiemethode (12) die Excel niet gebruikt",
             f->path);
    assert_open_refused(f->path, NULL, TND_ERR_IO, "", expected);

    write_book(f->path, NULL, SHEET(""), NULL, NULL);
    rewrite_entry(f->path, "xl/worksheets/sheet1.xml", ZIP_CM_DEFLATE, ZIP_EM_AES_256);
    snprintf(expected, sizeof expected,
             "'%s' kan niet worden gelezen: 'xl/worksheets/sheet1.xml' is versleuteld", f->path);
    assert_open_refused(f->path, NULL, TND_ERR_IO, "", expected);
}

static void test_truncated_workbook_is_refused_naming_the_file(void **state)
{
    fixture *f = *state;
    lxw_workbook *wb = workbook_new(f->path);
    worksheet_write_string(workbook_add_worksheet(wb, "Identiteit"), 0, 0, "Zorg B.V.", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    size_t len = 0;
    char *buf = read_whole(f->path, &len);
    write_whole(f->path, buf, len / 2); /* an interrupted download or copy */
    free(buf);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s' is geen xlsx-bestand: het is geen zip-archief, of het is afgebroken", f->path);
    assert_open_refused(f->path, NULL, TND_ERR_IO, "", expected);
}

static void test_not_a_zip_is_refused_naming_the_file(void **state)
{
    fixture *f = *state;
    const char csv[] = "inschrijver;perceel\nZorg B.V.;4\n";
    write_whole(f->path, csv, sizeof csv - 1);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s' is geen xlsx-bestand: het is geen zip-archief, of het is afgebroken", f->path);
    assert_open_refused(f->path, NULL, TND_ERR_IO, "", expected);
    tnd_error err;
    assert_null(tnd_xlsx_open(f->path, &err));
    assert_string_equal(err.hint,
                        "een .xlsx-bestand is een zip-archief; sla het opnieuw op als "
                        "Excel-werkmap (.xlsx), niet als .xls, .csv of met een wachtwoord, en "
                        "controleer of het volledig is gekopieerd");
}

static void test_missing_file_and_directory_are_refused(void **state)
{
    fixture *f = *state;
    char expected[1024];
    snprintf(expected, sizeof expected, "kan '%s' niet openen: No such file or directory",
             f->path);
    assert_open_refused(f->path, NULL, TND_ERR_IO, "", expected);
    snprintf(expected, sizeof expected, "kan '%s' niet lezen: het is een map", f->dir);
    assert_open_refused(f->dir, NULL, TND_ERR_IO, "", expected);
}

static void test_zip_without_workbook_is_geen_excel_werkmap(void **state)
{
    fixture *f = *state;
    /* a Word document is a zip too */
    part parts[] = {
        { "[Content_Types].xml", content_types, 0, false },
        { "word/document.xml", "<document/>", 0, false },
    };
    write_zip(f->path, parts, 2);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s' is geen Excel-werkmap: xl/workbook.xml ontbreekt", f->path);
    assert_open_refused(f->path, NULL, TND_ERR_SCHEMA, "", expected);
}

static void test_sheet_with_external_entity_is_refused_as_unsafe(void **state)
{
    fixture *f = *state;
    write_book(f->path, NULL,
               "<?xml version=\"1.0\"?>\n"
               "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
               "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\"><c r=\"A1\" "
               "t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>",
               NULL, NULL);
    tnd_xlsx *book = must_open(f->path); /* the sheet is only read when iterated */
    tnd_error err;
    assert_null(tnd_xlsx_cells_open(book, 0, &err));
    assert_int_equal(err.code, TND_ERR_XML_UNSAFE);
    assert_string_equal(err.file, f->path);
    assert_string_equal(err.where, "xl/worksheets/sheet1.xml regel 2");
    assert_int_equal(err.line, 0);
    char expected[1024];
    snprintf(expected, sizeof expected, "'%s': DOCTYPE/ENTITY-declaraties zijn niet toegestaan",
             f->path);
    assert_string_equal(err.message, expected);
    tnd_xlsx_close(book);
}

static void test_shared_strings_with_doctype_are_refused_at_open(void **state)
{
    fixture *f = *state;
    write_book(f->path, NULL, SHEET(""),
               "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\">"
               "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><sst xmlns=\"" NS_MAIN
               "\"><si><t>&b;</t></si></sst>",
               NULL);
    char expected[1024];
    snprintf(expected, sizeof expected, "'%s': DOCTYPE/ENTITY-declaraties zijn niet toegestaan",
             f->path);
    assert_open_refused(f->path, NULL, TND_ERR_XML_UNSAFE, "xl/sharedStrings.xml regel 1",
                        expected);
}

static void test_sheet_part_over_the_xml_limit_is_refused(void **state)
{
    fixture *f = *state;
    /* within the 32 MiB entry limit, but every part is XML and xmlsafe reads at most 16 MiB */
    const size_t len = 17 * MIB;
    char *xml = malloc(len + 1);
    assert_non_null(xml);
    static const char head[] = "<worksheet xmlns=\"" NS_MAIN "\"><sheetData/>";
    static const char tail[] = "</worksheet>";
    memset(xml, ' ', len);
    memcpy(xml, head, sizeof head - 1);
    memcpy(xml + len - (sizeof tail - 1), tail, sizeof tail - 1);
    xml[len] = '\0';
    write_book_parts(f->path, NULL, (part){ NULL, xml, len, true }, NULL, NULL);
    free(xml);
    tnd_xlsx *book = must_open(f->path);
    tnd_error err;
    assert_null(tnd_xlsx_cells_open(book, 0, &err));
    char expected[1024];
    snprintf(expected, sizeof expected, "'%s': het document is groter dan 16 MiB (17825792 bytes)",
             f->path);
    assert_int_equal(err.code, TND_ERR_TOO_LARGE);
    assert_string_equal(err.where, "xl/worksheets/sheet1.xml");
    assert_string_equal(err.message, expected);
    assert_string_equal(err.hint, "een onderdeel (blad of tekstentabel) mag als XML hoogstens 16 "
                                  "MiB zijn; verdeel de gegevens over meer bladen of werkmappen");
    tnd_xlsx_close(book);
}

static void test_shared_string_count_attribute_is_not_trusted(void **state)
{
    fixture *f = *state;
    /* a count far over the limit with two real strings: fine, the strings are what count */
    write_book(f->path, NULL, SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>"),
               "<sst xmlns=\"" NS_MAIN "\" count=\"4294967295\" uniqueCount=\"4294967295\">"
               "<si><t>perceel</t></si><si><t>inschrijver</t></si></sst>",
               NULL);
    tnd_xlsx *book = must_open(f->path);
    assert_int_equal(tnd_xlsx_shared_count(book), 2);
    assert_string_equal(tnd_xlsx_shared_string(book, 1), "inschrijver");
    assert_null(tnd_xlsx_shared_string(book, 2));
    tnd_xlsx_close(book);
}

static void test_more_than_a_million_shared_strings_are_refused(void **state)
{
    fixture *f = *state;
    /* 1,000,001 real (empty) strings, built programmatically; stored so no ratio rule applies */
    static const char head[] = "<sst xmlns=\"" NS_MAIN "\" count=\"3\" uniqueCount=\"3\">";
    static const char item[] = "<si><t/></si>";
    static const char tail[] = "</sst>";
    const size_t n = 1000001;
    size_t len = strlen(head) + n * strlen(item) + strlen(tail);
    char *sst = malloc(len + 1);
    assert_non_null(sst);
    char *p = sst;
    p += sprintf(p, "%s", head);
    for (size_t i = 0; i < n; i++) {
        memcpy(p, item, sizeof item - 1);
        p += sizeof item - 1;
    }
    strcpy(p, tail);
    part shared = { NULL, sst, len, true };
    write_book_parts(f->path, NULL, (part){ NULL, SHEET(""), 0, false }, &shared, NULL);
    free(sst);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s': de tabel met gedeelde teksten bevat meer dan 1000000 teksten; hoogstens "
             "1000000",
             f->path);
    assert_open_refused(f->path, NULL, TND_ERR_TOO_LARGE, "xl/sharedStrings.xml", expected);
}

static void test_shared_string_limits_apply_to_strings_actually_present(void **state)
{
    fixture *f = *state;
    /* the same rules with small limits: 3 strings pass, a 4th is refused; and the text bytes */
    const char *sst = "<sst xmlns=\"" NS_MAIN "\" count=\"1\"><si><t>een</t></si><si><r><t>tw"
                      "</t></r><r><t>ee</t></r></si><si><t>drie</t></si></sst>";
    write_book(f->path, NULL, SHEET(""), sst, NULL);
    tnd_xlsx_limits limits = TND_XLSX_LIMITS_DEFAULT;
    limits.max_shared_strings = 3;
    tnd_error err;
    tnd_xlsx *book = tnd_xlsx_open_limited(f->path, &limits, &err);
    assert_non_null(book);
    assert_int_equal(tnd_xlsx_shared_count(book), 3);
    tnd_xlsx_close(book);

    limits.max_shared_strings = 2;
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s': de tabel met gedeelde teksten bevat meer dan 2 teksten; hoogstens 2",
             f->path);
    assert_open_refused(f->path, &limits, TND_ERR_TOO_LARGE, "xl/sharedStrings.xml", expected);

    /* "een\0twee\0drie\0" is 14 bytes */
    limits = TND_XLSX_LIMITS_DEFAULT;
    limits.max_shared_bytes = 14;
    book = tnd_xlsx_open_limited(f->path, &limits, &err);
    assert_non_null(book);
    tnd_xlsx_close(book);
    limits.max_shared_bytes = 13;
    snprintf(expected, sizeof expected,
             "'%s': de gedeelde teksten zijn samen groter dan 13 bytes", f->path);
    assert_open_refused(f->path, &limits, TND_ERR_TOO_LARGE, "xl/sharedStrings.xml", expected);
}

static void test_row_beyond_1048576_is_refused(void **state)
{
    fixture *f = *state;
    write_book(f->path, NULL,
               SHEET("<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>"
                     "<row r=\"1048577\"><c r=\"A1048577\"><v>2</v></c></row>"),
               NULL, NULL);
    char expected[1024];
    snprintf(expected, sizeof expected, "'%s': rijnummer buiten het werkblad ('1048577')",
             f->path);
    assert_cells_refused(f->path, TND_ERR_TOO_LARGE, "blad 'Blad1'", expected);
}

static void test_column_beyond_xfd_is_refused(void **state)
{
    fixture *f = *state;
    write_book(f->path, NULL,
               SHEET("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c r=\"XFE1\"><v>2</v></c></row>"),
               NULL, NULL);
    char expected[1024];
    snprintf(expected, sizeof expected, "'%s': cel buiten het werkblad ('XFE1')", f->path);
    assert_cells_refused(f->path, TND_ERR_TOO_LARGE, "blad 'Blad1' rij 1", expected);
}

static void test_cells_without_reference_beyond_xfd_are_refused(void **state)
{
    fixture *f = *state;
    /* no r attributes: positions follow on, and the 16,385th cell of a row is outside */
    const size_t n = 16385;
    static const char item[] = "<c><v>1</v></c>";
    static const char head[] = SHEET("<row>");
    const char *tail = "</row></sheetData></worksheet>";
    size_t head_len = strlen(head) - strlen("</sheetData></worksheet>");
    size_t len = head_len + n * strlen(item) + strlen(tail);
    char *xml = malloc(len + 1);
    assert_non_null(xml);
    memcpy(xml, head, head_len);
    char *p = xml + head_len;
    for (size_t i = 0; i < n; i++) {
        memcpy(p, item, sizeof item - 1);
        p += sizeof item - 1;
    }
    strcpy(p, tail);
    write_book(f->path, NULL, xml, NULL, NULL);
    free(xml);
    char expected[1024];
    snprintf(expected, sizeof expected, "'%s': meer dan 16.384 kolommen ('')", f->path);
    assert_cells_refused(f->path, TND_ERR_TOO_LARGE, "blad 'Blad1' rij 1", expected);
}

static void test_repeated_cell_is_refused(void **state)
{
    fixture *f = *state;
    /* B4 twice: which value would count? */
    write_book(f->path, NULL,
               SHEET("<row r=\"4\"><c r=\"B4\"><v>6</v></c><c r=\"B4\"><v>10</v></c></row>"),
               NULL, NULL);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s': cellen staan niet op volgorde of een cel staat er twee keer ('B4')", f->path);
    assert_cells_refused(f->path, TND_ERR_SCHEMA, "blad 'Blad1' rij 4", expected);

    write_book(f->path, NULL,
               SHEET("<row r=\"4\"><c r=\"B4\"><v>6</v></c></row>"
                     "<row r=\"4\"><c r=\"C4\"><v>10</v></c></row>"),
               NULL, NULL);
    snprintf(expected, sizeof expected,
             "'%s': rijen staan niet op volgorde of een rij staat er twee keer ('4')", f->path);
    assert_cells_refused(f->path, TND_ERR_SCHEMA, "blad 'Blad1'", expected);

    write_book(f->path, NULL, SHEET("<row r=\"4\"><c r=\"B5\"><v>6</v></c></row>"), NULL, NULL);
    snprintf(expected, sizeof expected, "'%s': cel staat in de verkeerde rij ('B5')", f->path);
    assert_cells_refused(f->path, TND_ERR_SCHEMA, "blad 'Blad1' rij 4", expected);
}

static void test_sheet_outside_the_package_is_refused(void **state)
{
    fixture *f = *state;
    const char *rels = "<Relationships xmlns=\"" NS_PKG_RELS "\"><Relationship Id=\"rId1\" "
                       "Type=\"" REL_TYPE "worksheet\" Target=\"../../../etc/passwd\"/>"
                       "</Relationships>";
    part parts[] = {
        { "[Content_Types].xml", content_types, 0, false },
        { "xl/workbook.xml", workbook_one_sheet, 0, false },
        { "xl/_rels/workbook.xml.rels", rels, 0, false },
    };
    write_zip(f->path, parts, 3);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s': blad 'Blad1' staat buiten de werkmap (extern of buiten het archief)",
             f->path);
    assert_open_refused(f->path, NULL, TND_ERR_REFERENCE, "xl/workbook.xml regel 1", expected);
}

static void test_reading_never_writes(void **state)
{
    fixture *f = *state;
    write_book(f->path, NULL, SHEET("<row r=\"1\"><c r=\"A1\"><v>7.4</v></c></row>"), NULL,
               NULL);
    size_t before_len = 0, after_len = 0;
    char *before = read_whole(f->path, &before_len);
    struct stat st_before, st_after;
    assert_int_equal(stat(f->path, &st_before), 0);
    assert_int_equal(chmod(f->path, 0400), 0); /* read-only: a write attempt would fail */

    tnd_xlsx *book = must_open(f->path);
    tnd_xlsx_cells *cells = must_cells(book, 0);
    assert_cell(must_next(cells), "A1", 1, 1, TND_XLSX_NUMBER, "7.4");
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);

    char *after = read_whole(f->path, &after_len);
    assert_int_equal(stat(f->path, &st_after), 0);
    assert_int_equal(after_len, before_len);
    assert_memory_equal(after, before, before_len);
    assert_int_equal(st_after.st_mtime, st_before.st_mtime);
    int entries = 0;
    DIR *d = opendir(f->dir);
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        entries += e->d_name[0] != '.';
    closedir(d);
    assert_int_equal(entries, 1); /* no temporary files beside it */
    free(before);
    free(after);
}

/* ------------------------------------------------------------------------------------------ */
/* Workbooks written by libxlsxwriter, read back exactly                                       */

static void test_sheets_are_listed_in_workbook_order(void **state)
{
    fixture *f = *state;
    lxw_workbook *wb = workbook_new(f->path);
    workbook_add_worksheet(wb, "Identiteit");
    lxw_worksheet *fin = workbook_add_worksheet(wb, "Financiële gegevens");
    lxw_worksheet *hidden = workbook_add_worksheet(wb, "Berekening");
    worksheet_hide(hidden);
    lxw_chartsheet *chart_sheet = workbook_add_chartsheet(wb, "Grafiek");
    lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
    worksheet_write_number(fin, 0, 0, 1, NULL);
    chart_add_series(chart, NULL, "='Financiële gegevens'!$A$1:$A$1");
    chartsheet_set_chart(chart_sheet, chart);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    tnd_xlsx *book = must_open(f->path);
    assert_string_equal(tnd_xlsx_path(book), f->path);
    assert_int_equal(tnd_xlsx_sheet_count(book), 4);
    const tnd_xlsx_sheet *s = tnd_xlsx_sheet_at(book, 0);
    assert_string_equal(s->name, "Identiteit");
    assert_string_equal(s->part, "xl/worksheets/sheet1.xml");
    assert_false(s->hidden);
    assert_true(s->worksheet);
    s = tnd_xlsx_sheet_at(book, 1);
    assert_string_equal(s->name, "Financiële gegevens");
    assert_string_equal(s->part, "xl/worksheets/sheet2.xml");
    s = tnd_xlsx_sheet_at(book, 2);
    assert_string_equal(s->name, "Berekening");
    assert_true(s->hidden);
    s = tnd_xlsx_sheet_at(book, 3);
    assert_string_equal(s->name, "Grafiek");
    assert_string_equal(s->part, "xl/chartsheets/sheet1.xml");
    assert_false(s->worksheet);
    assert_null(tnd_xlsx_sheet_at(book, 4));

    size_t index = 99;
    assert_true(tnd_xlsx_sheet_find(book, "Financiële gegevens", &index));
    assert_int_equal(index, 1);
    assert_false(tnd_xlsx_sheet_find(book, "financiële gegevens", &index)); /* exact names */
    assert_false(tnd_xlsx_date1904(book));

    tnd_error err;
    assert_null(tnd_xlsx_cells_open(book, 3, &err));
    assert_int_equal(err.code, TND_ERR_SCHEMA);
    assert_string_equal(err.where, "blad 'Grafiek'");
    assert_null(tnd_xlsx_cells_open(book, 4, &err));
    assert_int_equal(err.code, TND_ERR_USAGE);
    tnd_xlsx_close(book);
}

static void test_strings_numbers_and_booleans_read_back_exactly(void **state)
{
    fixture *f = *state;
    lxw_workbook *wb = workbook_new(f->path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Identiteit");
    worksheet_write_string(ws, 0, 0, "Zorgaanbieder Één B.V.", NULL);  /* A1 */
    worksheet_write_string(ws, 0, 1, "=HYPERLINK(\"x\")", NULL);       /* B1: text, not a formula */
    worksheet_write_string(ws, 0, 3, "  spaties  ", NULL);             /* D1 */
    worksheet_write_number(ws, 3, 1, 7.4, NULL);                       /* B4 */
    worksheet_write_number(ws, 3, 2, 2000000.5, NULL);                 /* C4 */
    worksheet_write_number(ws, 3, 3, -0.25, NULL);                     /* D4 */
    worksheet_write_number(ws, 3, 4, 12, NULL);                        /* E4 */
    worksheet_write_boolean(ws, 4, 0, 1, NULL);                        /* A5 */
    worksheet_write_boolean(ws, 4, 1, 0, NULL);                        /* B5 */
    worksheet_write_string(ws, 9, 27, "Zorgaanbieder Één B.V.", NULL); /* AB10: same string */
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    tnd_xlsx *book = must_open(f->path);
    tnd_xlsx_cells *cells = must_cells(book, 0);
    const tnd_xlsx_cell *c = must_next(cells);
    assert_cell(c, "A1", 1, 1, TND_XLSX_SHARED_STRING, "Zorgaanbieder Één B.V.");
    assert_null(c->formula);
    assert_true(tnd_xlsx_cell_is_text(c));
    size_t shared_a1 = c->shared_index;
    c = must_next(cells);
    assert_cell(c, "B1", 1, 2, TND_XLSX_SHARED_STRING, "=HYPERLINK(\"x\")");
    assert_null(c->formula);
    assert_cell(must_next(cells), "D1", 1, 4, TND_XLSX_SHARED_STRING, "  spaties  ");
    c = must_next(cells);
    assert_cell(c, "B4", 4, 2, TND_XLSX_NUMBER, "7.4"); /* the stored text, exactly */
    assert_true(c->number == 7.4);
    assert_false(tnd_xlsx_cell_is_text(c));
    c = must_next(cells);
    assert_cell(c, "C4", 4, 3, TND_XLSX_NUMBER, "2000000.5");
    assert_true(c->number == 2000000.5);
    c = must_next(cells);
    assert_cell(c, "D4", 4, 4, TND_XLSX_NUMBER, "-0.25");
    assert_true(c->number == -0.25);
    assert_cell(must_next(cells), "E4", 4, 5, TND_XLSX_NUMBER, "12");
    c = must_next(cells);
    assert_cell(c, "A5", 5, 1, TND_XLSX_BOOLEAN, "1");
    assert_true(c->number == 1.0);
    c = must_next(cells);
    assert_cell(c, "B5", 5, 2, TND_XLSX_BOOLEAN, "0");
    assert_true(c->number == 0.0);
    c = must_next(cells);
    assert_cell(c, "AB10", 10, 28, TND_XLSX_SHARED_STRING, "Zorgaanbieder Één B.V.");
    assert_int_equal(c->shared_index, shared_a1); /* one string, stored once */
    assert_no_more_cells(cells);
    assert_no_more_cells(cells); /* and stays at the end */
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);
}

static void test_formulas_give_their_cached_results(void **state)
{
    fixture *f = *state;
    lxw_workbook *wb = workbook_new(f->path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Beoordeling");
    /* the worked example: 8 / 6 / 8 / 10 / 4 -> 7.4 */
    worksheet_write_formula_num(ws, 0, 0, "=0.4*8+0.2*6+0.2*8+0.2*10", NULL, 7.4);
    worksheet_write_formula_str(ws, 0, 1, "=IF(A1>=6,\"groen\",\"rood\")", NULL, "groen");
    worksheet_write_formula(ws, 0, 2, "=SUM(A1:A1)", NULL); /* libxlsxwriter saves 0 */
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    tnd_xlsx *book = must_open(f->path);
    tnd_xlsx_cells *cells = must_cells(book, 0);
    const tnd_xlsx_cell *c = must_next(cells);
    assert_cell(c, "A1", 1, 1, TND_XLSX_NUMBER, "7.4");
    assert_string_equal(c->formula, "0.4*8+0.2*6+0.2*8+0.2*10");
    assert_true(c->number == 7.4);
    c = must_next(cells);
    assert_cell(c, "B1", 1, 2, TND_XLSX_FORMULA_STRING, "groen");
    assert_string_equal(c->formula, "IF(A1>=6,\"groen\",\"rood\")");
    assert_true(tnd_xlsx_cell_is_text(c));
    c = must_next(cells);
    assert_cell(c, "C1", 1, 3, TND_XLSX_NUMBER, "0");
    assert_string_equal(c->formula, "SUM(A1:A1)");
    assert_no_more_cells(cells);
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);
}

static void test_inline_strings_are_read(void **state)
{
    fixture *f = *state;
    /* constant_memory mode writes strings inline (<is>) instead of in the shared table */
    lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = f->dir };
    lxw_workbook *wb = workbook_new_opt(f->path, &options);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Inschrijvers");
    worksheet_write_string(ws, 0, 0, "tariefgroep", NULL);
    worksheet_write_string(ws, 0, 1, "=A1", NULL);
    worksheet_write_number(ws, 0, 2, 0.1, NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    tnd_xlsx *book = must_open(f->path);
    assert_int_equal(tnd_xlsx_shared_count(book), 0);
    tnd_xlsx_cells *cells = must_cells(book, 0);
    assert_cell(must_next(cells), "A1", 1, 1, TND_XLSX_INLINE_STRING, "tariefgroep");
    const tnd_xlsx_cell *c = must_next(cells);
    assert_cell(c, "B1", 1, 2, TND_XLSX_INLINE_STRING, "=A1");
    assert_null(c->formula);
    c = must_next(cells);
    assert_cell(c, "C1", 1, 3, TND_XLSX_NUMBER, "0.1");
    assert_no_more_cells(cells);
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);
}

static void test_rich_text_runs_are_joined(void **state)
{
    fixture *f = *state;
    lxw_workbook *wb = workbook_new(f->path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Plan");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_rich_string_tuple a = { NULL, "plan van " }, b = { bold, "aanpak" }, c = { NULL, " (§6)" };
    lxw_rich_string_tuple *runs[] = { &a, &b, &c, NULL };
    assert_int_equal(worksheet_write_rich_string(ws, 1, 0, runs, NULL), LXW_NO_ERROR);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    tnd_xlsx *book = must_open(f->path);
    assert_string_equal(tnd_xlsx_shared_string(book, 0), "plan van aanpak (§6)");
    tnd_xlsx_cells *cells = must_cells(book, 0);
    assert_cell(must_next(cells), "A2", 2, 1, TND_XLSX_SHARED_STRING, "plan van aanpak (§6)");
    assert_no_more_cells(cells);
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);
}

static void test_excel_escapes_in_strings_are_decoded(void **state)
{
    fixture *f = *state;
    /* Excel stores a control character as _xHHHH_, and a literal "_x0041_" as "_x005F_x0041_";
     * phonetic runs (<rPh>) are not part of the value */
    write_book(f->path, NULL,
               SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                     "<c r=\"B1\" t=\"inlineStr\"><is><t>a_x0009_b</t></is></c>"
                     "<c r=\"C1\" t=\"str\"><f>\"x\"</f><v>_x005F_x0041_</v></c>"
                     "<c r=\"D1\" t=\"s\"><v>1</v></c></row>"),
               "<sst xmlns=\"" NS_MAIN "\"><si><t>regel 1_x000D__x000A_regel 2</t></si>"
               "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si></sst>",
               NULL);
    tnd_xlsx *book = must_open(f->path);
    tnd_xlsx_cells *cells = must_cells(book, 0);
    assert_cell(must_next(cells), "A1", 1, 1, TND_XLSX_SHARED_STRING, "regel 1\r\nregel 2");
    assert_cell(must_next(cells), "B1", 1, 2, TND_XLSX_INLINE_STRING, "a\tb");
    assert_cell(must_next(cells), "C1", 1, 3, TND_XLSX_FORMULA_STRING, "_x0041_");
    assert_cell(must_next(cells), "D1", 1, 4, TND_XLSX_SHARED_STRING, "東京");
    assert_no_more_cells(cells);
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);
}

static void test_empty_cells_and_missing_references_follow_on(void **state)
{
    fixture *f = *state;
    /* r is optional in SpreadsheetML: a row or cell without it comes right after the previous */
    write_book(f->path, NULL,
               SHEET("<row r=\"2\"><c r=\"B2\" s=\"1\"/><c><v>3</v></c></row>"
                     "<row><c r=\"A3\" t=\"e\"><v>#DIV/0!</v></c><c t=\"n\"><f>1/0</f></c></row>"),
               NULL, NULL);
    tnd_xlsx *book = must_open(f->path);
    tnd_xlsx_cells *cells = must_cells(book, 0);
    const tnd_xlsx_cell *c = must_next(cells);
    assert_cell(c, "B2", 2, 2, TND_XLSX_EMPTY, "");
    assert_null(c->formula);
    assert_cell(must_next(cells), "C2", 2, 3, TND_XLSX_NUMBER, "3");
    assert_cell(must_next(cells), "A3", 3, 1, TND_XLSX_ERROR, "#DIV/0!");
    c = must_next(cells);
    assert_cell(c, "B3", 3, 2, TND_XLSX_EMPTY, ""); /* a formula without saved result */
    assert_string_equal(c->formula, "1/0");
    assert_no_more_cells(cells);
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);
}

/* Issue 10 §4: openpyxl (and any writer that never calculates) saves a formula cell as
 * <f>..</f><v/>, with no t and an EMPTY value: no cached result, so an empty cell that keeps its
 * formula; never "'' is geen getal". A plain number cell with an empty value stays refused. */
static void test_formula_with_empty_value_as_openpyxl_writes_it_is_empty(void **state)
{
    fixture *f = *state;
    write_book(f->path, NULL,
               SHEET("<row r=\"1\"><c r=\"A1\"><f>SUM(B1:B2)</f><v/></c>"
                     "<c r=\"B1\" t=\"n\"><f>1+1</f><v></v></c>"
                     "<c r=\"C1\" t=\"inlineStr\"><is><t>groen</t></is></c></row>"),
               NULL, NULL);
    tnd_xlsx *book = must_open(f->path);
    tnd_xlsx_cells *cells = must_cells(book, 0);
    const tnd_xlsx_cell *c = must_next(cells);
    assert_cell(c, "A1", 1, 1, TND_XLSX_EMPTY, "");
    assert_string_equal(c->formula, "SUM(B1:B2)");
    c = must_next(cells);
    assert_cell(c, "B1", 1, 2, TND_XLSX_EMPTY, "");
    assert_string_equal(c->formula, "1+1");
    assert_cell(must_next(cells), "C1", 1, 3, TND_XLSX_INLINE_STRING, "groen");
    assert_no_more_cells(cells);
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);

    write_book(f->path, NULL, SHEET("<row r=\"1\"><c r=\"A1\"><v/></c></row>"), NULL, NULL);
    char expected[600];
    snprintf(expected, sizeof expected, "'%s': '' is geen getal", f->path);
    assert_cells_refused(f->path, TND_ERR_VALUE, "blad 'Blad1' cel A1", expected);
}

static void test_values_not_matching_their_type_are_refused_naming_the_cell(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *sheet;
        tnd_status code;
        const char *where, *message;
    } cases[] = {
        { SHEET("<row r=\"4\"><c r=\"B4\"><v>1,5</v></c></row>"), TND_ERR_VALUE,
          "blad 'Blad1' cel B4", "'%s': '1,5' is geen getal" },
        { SHEET("<row r=\"4\"><c r=\"B4\"><v>inf</v></c></row>"), TND_ERR_VALUE,
          "blad 'Blad1' cel B4", "'%s': 'inf' is geen getal" },
        { SHEET("<row r=\"4\"><c r=\"B4\"><v>1e999</v></c></row>"), TND_ERR_VALUE,
          "blad 'Blad1' cel B4", "'%s': '1e999' is geen getal" },
        { SHEET("<row r=\"4\"><c r=\"C4\" t=\"b\"><v>2</v></c></row>"), TND_ERR_VALUE,
          "blad 'Blad1' cel C4", "'%s': '2' is geen waarheidswaarde (0 of 1)" },
        { SHEET("<row r=\"4\"><c r=\"D4\" t=\"s\"><v>7</v></c></row>"), TND_ERR_REFERENCE,
          "blad 'Blad1' cel D4",
          "'%s': gedeelde tekst nummer '7' bestaat niet; de tabel telt 1 tekst(en)" },
        { SHEET("<row r=\"4\"><c r=\"D4\" t=\"s\"><v>-1</v></c></row>"), TND_ERR_REFERENCE,
          "blad 'Blad1' cel D4",
          "'%s': gedeelde tekst nummer '-1' bestaat niet; de tabel telt 1 tekst(en)" },
        { SHEET("<row r=\"4\"><c r=\"E4\" t=\"d\"><v>2023-07-18</v></c></row>"), TND_ERR_VALUE,
          "blad 'Blad1' cel E4",
          "'%s': onbekend celtype t=\"d\" (ISO-datum; sla op als gewone Excel-werkmap)" },
        { SHEET("<row r=\"4\"><c r=\"$B$4\"><v>1</v></c></row>"), TND_ERR_SCHEMA,
          "blad 'Blad1' rij 4", "'%s': ongeldige celverwijzing ('$B$4')" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_book(f->path, NULL, cases[i].sheet,
                   "<sst xmlns=\"" NS_MAIN "\"><si><t>x</t></si></sst>", NULL);
        char expected[1024];
        snprintf(expected, sizeof expected, cases[i].message, f->path);
        assert_cells_refused(f->path, cases[i].code, cases[i].where, expected);
    }
}

static void test_cell_fail_names_sheet_and_cell(void **state)
{
    fixture *f = *state;
    lxw_workbook *wb = workbook_new(f->path);
    worksheet_write_string(workbook_add_worksheet(wb, "Identiteit"), 3, 1, "geen KvK", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    tnd_xlsx *book = must_open(f->path);
    tnd_xlsx_cells *cells = must_cells(book, 0);
    const tnd_xlsx_cell *c = must_next(cells);
    tnd_error err;
    assert_int_equal(tnd_xlsx_cell_fail(cells, c, &err, TND_ERR_VALUE, "vul 8 cijfers in",
                                        "'%s' is geen KvK-nummer", c->text),
                     TND_ERR_VALUE);
    assert_string_equal(err.file, f->path);
    assert_string_equal(err.where, "blad 'Identiteit' cel B4");
    assert_string_equal(err.message, "'geen KvK' is geen KvK-nummer");
    assert_string_equal(err.hint, "vul 8 cijfers in");
    char text[1024], expected[1200];
    tnd_error_format(&err, text, sizeof text);
    snprintf(expected, sizeof expected,
             "%s: blad 'Identiteit' cel B4: error: 'geen KvK' is geen KvK-nummer\n"
             "  hint: vul 8 cijfers in",
             f->path);
    assert_string_equal(text, expected);

    /* a long sheet name is cut, the cell never is */
    tnd_xlsx_sheet long_sheet = { "Financiële gegevens en verzekeringen van de inschrijver", "",
                                  false, true };
    tnd_xlsx_cell far = { .ref = "XFD1048576" };
    char where[64];
    tnd_xlsx_cell_where(&long_sheet, &far, where, sizeof where);
    assert_string_equal(where, "blad 'Financiële gegevens en verzekeringen va' cel XFD1048576");
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);
}

/* ------------------------------------------------------------------------------------------ */
/* References and dates                                                                        */

static void test_cell_references_parse_and_format(void **state)
{
    (void)state;
    uint32_t row = 0, col = 0;
    assert_true(tnd_xlsx_ref_parse("B4", &row, &col));
    assert_int_equal(row, 4);
    assert_int_equal(col, 2);
    assert_true(tnd_xlsx_ref_parse("AA1", &row, &col));
    assert_int_equal(col, 27);
    assert_true(tnd_xlsx_ref_parse("XFD1048576", &row, &col));
    assert_int_equal(row, 1048576);
    assert_int_equal(col, 16384);
    static const char *const refused[] = { "XFE1", "A1048577", "A0", "A01", "b4", "$B$4",
                                           "B",    "4",        "",   "AAAA1", "B4 ", "B99999999999999999999" };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        assert_false(tnd_xlsx_ref_parse(refused[i], &row, &col));

    char buf[12];
    tnd_xlsx_ref_format(4, 2, buf, sizeof buf);
    assert_string_equal(buf, "B4");
    tnd_xlsx_ref_format(1, 26, buf, sizeof buf);
    assert_string_equal(buf, "Z1");
    tnd_xlsx_ref_format(1, 27, buf, sizeof buf);
    assert_string_equal(buf, "AA1");
    tnd_xlsx_ref_format(1048576, 16384, buf, sizeof buf);
    assert_string_equal(buf, "XFD1048576");
}

static void assert_serial(double serial, int year, int month, int day)
{
    tnd_date d = { 0, 0, 0 };
    assert_true(tnd_xlsx_serial_to_date(serial, &d));
    assert_int_equal(d.year, year);
    assert_int_equal(d.month, month);
    assert_int_equal(d.day, day);
}

static void test_serials_follow_excel_1900_system_with_its_leap_year_bug(void **state)
{
    (void)state;
    tnd_date d;
    assert_serial(1, 1900, 1, 1);
    assert_serial(59, 1900, 2, 28);
    assert_false(tnd_xlsx_serial_to_date(60, &d)); /* 29-02-1900 never existed */
    assert_serial(61, 1900, 3, 1);
    assert_serial(45125, 2023, 7, 18);
    assert_serial(45125.99999, 2023, 7, 18); /* the time of day is dropped */
    assert_serial(2958465, 9999, 12, 31);
    assert_false(tnd_xlsx_serial_to_date(2958466, &d));
    assert_false(tnd_xlsx_serial_to_date(0, &d));
    assert_false(tnd_xlsx_serial_to_date(0.5, &d));
    assert_false(tnd_xlsx_serial_to_date(-1, &d));
    assert_false(tnd_xlsx_serial_to_date(NAN, &d));
    assert_false(tnd_xlsx_serial_to_date(INFINITY, &d));
}

static void test_serials_in_1904_system(void **state)
{
    (void)state;
    tnd_date d = { 0, 0, 0 };
    assert_true(tnd_xlsx_serial1904_to_date(0, &d));
    assert_int_equal(d.year, 1904);
    assert_int_equal(d.month, 1);
    assert_int_equal(d.day, 1);
    assert_true(tnd_xlsx_serial1904_to_date(45125 - 1462, &d)); /* 1462 days between the two */
    assert_int_equal(d.year, 2023);
    assert_int_equal(d.month, 7);
    assert_int_equal(d.day, 18);
    assert_true(tnd_xlsx_serial1904_to_date(2957003, &d));
    assert_int_equal(d.year, 9999);
    assert_false(tnd_xlsx_serial1904_to_date(2957004, &d));
    assert_false(tnd_xlsx_serial1904_to_date(-1, &d));
}

static void test_date_written_by_libxlsxwriter_reads_back(void **state)
{
    fixture *f = *state;
    lxw_workbook *wb = workbook_new(f->path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Identiteit");
    lxw_format *date_format = workbook_add_format(wb);
    format_set_num_format(date_format, "dd-mm-yyyy");
    lxw_datetime deadline = { 2023, 7, 18, 0, 0, 0 };
    worksheet_write_datetime(ws, 0, 0, &deadline, date_format);
    worksheet_write_string(ws, 0, 1, "18-07-2023", NULL); /* a date typed as text */
    worksheet_write_number(ws, 0, 2, 60, date_format);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    tnd_xlsx *book = must_open(f->path);
    tnd_xlsx_cells *cells = must_cells(book, 0);
    const tnd_xlsx_cell *c = must_next(cells);
    assert_cell(c, "A1", 1, 1, TND_XLSX_NUMBER, "45125");
    tnd_date d = { 0, 0, 0 };
    tnd_error err;
    assert_int_equal(tnd_xlsx_cell_date(cells, c, &d, &err), TND_OK);
    assert_int_equal(d.year, 2023);
    assert_int_equal(d.month, 7);
    assert_int_equal(d.day, 18);
    c = must_next(cells);
    assert_int_equal(tnd_xlsx_cell_date(cells, c, &d, &err), TND_ERR_VALUE);
    assert_string_equal(err.where, "blad 'Identiteit' cel B1");
    c = must_next(cells);
    assert_int_equal(tnd_xlsx_cell_date(cells, c, &d, &err), TND_ERR_RANGE);
    assert_string_equal(err.where, "blad 'Identiteit' cel C1");
    char expected[1024];
    snprintf(expected, sizeof expected,
             "'%s': 60 is geen bestaande datum (Excel-datumnummer, 1900-systeem)", f->path);
    assert_string_equal(err.message, expected);
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);
}

static void test_date1904_workbook_converts_its_serials(void **state)
{
    fixture *f = *state;
    write_book(f->path,
               "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><workbookPr date1904=\"1\"/>"
               "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
               SHEET("<row r=\"1\"><c r=\"A1\"><v>43663</v></c></row>"), NULL, NULL);
    tnd_xlsx *book = must_open(f->path);
    assert_true(tnd_xlsx_date1904(book));
    tnd_xlsx_cells *cells = must_cells(book, 0);
    const tnd_xlsx_cell *c = must_next(cells);
    tnd_date d = { 0, 0, 0 };
    tnd_error err;
    assert_int_equal(tnd_xlsx_cell_date(cells, c, &d, &err), TND_OK);
    assert_int_equal(d.year, 2023);
    assert_int_equal(d.month, 7);
    assert_int_equal(d.day, 18);
    tnd_xlsx_cells_close(cells);
    tnd_xlsx_close(book);
}

static void test_duplicate_sheet_names_are_refused(void **state)
{
    fixture *f = *state;
    const char *workbook =
        "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><sheets>"
        "<sheet name=\"Scores\" sheetId=\"1\" r:id=\"rId1\"/>"
        "<sheet name=\"SCORES\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
    const char *rels =
        "<Relationships xmlns=\"" NS_PKG_RELS "\">"
        "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
        "</Relationships>";
    part parts[] = {
        { "xl/workbook.xml", workbook, 0, false },
        { "xl/_rels/workbook.xml.rels", rels, 0, false },
        { "xl/worksheets/sheet1.xml", SHEET(""), 0, false },
        { "xl/worksheets/sheet2.xml", SHEET(""), 0, false },
    };
    write_zip(f->path, parts, 4);
    char expected[1024];
    snprintf(expected, sizeof expected, "'%s': twee bladen heten 'SCORES'", f->path);
    assert_open_refused(f->path, NULL, TND_ERR_SCHEMA, "xl/workbook.xml", expected);

    /* a name carrying a terminal control sequence (U+009B is CSI) is shown defused */
    const char *workbook_csi =
        "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><sheets>"
        "<sheet name=\"A&#x9B;31m&#x9;\" sheetId=\"1\" r:id=\"rId1\"/>"
        "<sheet name=\"a&#x9B;31m&#x9;\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
    parts[0].data = workbook_csi;
    write_zip(f->path, parts, 4);
    snprintf(expected, sizeof expected, "'%s': twee bladen heten 'a?31m?'", f->path);
    assert_open_refused(f->path, NULL, TND_ERR_SCHEMA, "xl/workbook.xml", expected);
}

/* Issue 10 §3: a workbook re-saved by LibreOffice or Excel keeps 15 significant digits, so
 * 8.199999999999999 (what we wrote) comes back as 8.2; both denote the same number there. */
static void test_numbers_compare_at_15_significant_digits(void **state)
{
    (void)state;
    char a[32], b[32];
    assert_true(tnd_xlsx_number_canonical("8.199999999999999", a, sizeof a));
    assert_true(tnd_xlsx_number_canonical("8.2", b, sizeof b));
    assert_string_equal(a, "0.82e1");
    assert_string_equal(b, "0.82e1");
    assert_true(tnd_xlsx_number_canonical("594.0599999999999", a, sizeof a));
    assert_string_equal(a, "0.59406e3");
    assert_true(tnd_xlsx_number_canonical("529.5700000000001", a, sizeof a));
    assert_string_equal(a, "0.52957e3");
    /* a real difference in the 15th digit stays a difference */
    assert_true(tnd_xlsx_number_canonical("8.20000000000001", a, sizeof a));
    assert_string_equal(a, "0.820000000000001e1");
    assert_true(tnd_xlsx_number_canonical("9.9999999999999999", a, sizeof a));
    assert_string_equal(a, "0.1e2");
    assert_true(tnd_xlsx_number_canonical("-0.00125", a, sizeof a));
    assert_true(tnd_xlsx_number_canonical("-1.25E-3", b, sizeof b));
    assert_string_equal(a, "-0.125e-2");
    assert_string_equal(b, "-0.125e-2");
    assert_true(tnd_xlsx_number_canonical("0", a, sizeof a));
    assert_string_equal(a, "0");
    assert_true(tnd_xlsx_number_canonical("7", a, sizeof a));
    assert_true(tnd_xlsx_number_canonical("7.000", b, sizeof b));
    assert_string_equal(a, b);
    assert_false(tnd_xlsx_number_canonical("8,2", a, sizeof a));
    assert_false(tnd_xlsx_number_canonical("ja", a, sizeof a));
    assert_false(tnd_xlsx_number_canonical("1e999999999999", a, sizeof a));
    assert_false(tnd_xlsx_number_canonical("8.2", a, 8));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup_tmpdir, teardown_tmpdir)
        T(test_zip_bomb_is_refused_from_the_directory_without_inflating),
        T(test_entry_over_32_mib_is_refused_before_reading),
        T(test_entries_together_over_128_mib_are_refused_before_reading),
        T(test_archive_over_64_mib_is_refused_before_opening),
        T(test_entry_larger_than_its_header_says_is_refused_while_reading),
        T(test_zip_bomb_behind_a_lying_header_is_refused_while_reading),
        T(test_total_is_enforced_on_the_bytes_actually_read),
        T(test_path_traversal_entry_names_are_refused),
        T(test_more_than_10000_entries_are_refused),
        T(test_entries_differing_only_in_case_are_refused),
        T(test_encrypted_or_bzip2_entries_are_refused),
        T(test_truncated_workbook_is_refused_naming_the_file),
        T(test_not_a_zip_is_refused_naming_the_file),
        T(test_missing_file_and_directory_are_refused),
        T(test_zip_without_workbook_is_geen_excel_werkmap),
        T(test_sheet_with_external_entity_is_refused_as_unsafe),
        T(test_shared_strings_with_doctype_are_refused_at_open),
        T(test_sheet_part_over_the_xml_limit_is_refused),
        T(test_shared_string_count_attribute_is_not_trusted),
        T(test_more_than_a_million_shared_strings_are_refused),
        T(test_shared_string_limits_apply_to_strings_actually_present),
        T(test_row_beyond_1048576_is_refused),
        T(test_column_beyond_xfd_is_refused),
        T(test_cells_without_reference_beyond_xfd_are_refused),
        T(test_repeated_cell_is_refused),
        T(test_sheet_outside_the_package_is_refused),
        T(test_duplicate_sheet_names_are_refused),
        T(test_reading_never_writes),
        T(test_sheets_are_listed_in_workbook_order),
        T(test_strings_numbers_and_booleans_read_back_exactly),
        T(test_formulas_give_their_cached_results),
        T(test_inline_strings_are_read),
        T(test_rich_text_runs_are_joined),
        T(test_excel_escapes_in_strings_are_decoded),
        T(test_empty_cells_and_missing_references_follow_on),
        T(test_formula_with_empty_value_as_openpyxl_writes_it_is_empty),
        T(test_values_not_matching_their_type_are_refused_naming_the_cell),
        T(test_cell_fail_names_sheet_and_cell),
        T(test_date_written_by_libxlsxwriter_reads_back),
        T(test_date1904_workbook_converts_its_serials),
        cmocka_unit_test(test_cell_references_parse_and_format),
        cmocka_unit_test(test_serials_follow_excel_1900_system_with_its_leap_year_bug),
        cmocka_unit_test(test_serials_in_1904_system),
        cmocka_unit_test(test_numbers_compare_at_15_significant_digits),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
