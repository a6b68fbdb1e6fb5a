/*
 * floor.c - the physical floor `tender evaluate` is measured against (bench/README.md): what any
 * program must at least do with the same inputs, and nothing more.
 *
 *   bench_floor BIDS_DIR OUT.xlsx SHAPE
 *
 * Reads every *.xml file of BIDS_DIR (sorted by name) and parses it with libxml2 (no network, no
 * entities: the options tender uses), then writes a workbook with libxlsxwriter holding the same
 * cells as tender's award workbook of the same bids: SHAPE (bench/workbook_shape.py of that
 * workbook) gives, per worksheet, how many text cells and number cells, and how many distinct
 * texts of how many bytes the shared-strings table holds. Each bid adds its share of every sheet's
 * cells after it is parsed, twelve cells to a row. No XSD, no checks, no award: a lower bound,
 * single-threaded.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <xlsxwriter.h>

#define CELLS_PER_ROW 12
#define MAX_SHEETS 64
#define MAX_TEXT 4096

typedef struct {
    size_t strings, numbers;
    lxw_worksheet *ws;
} sheet_shape;

typedef struct {
    sheet_shape sheet[MAX_SHEETS];
    size_t n_sheets;
    size_t unique, bytes; /* distinct texts and their bytes together */
} shape;

/* Text shared string number j (of s->unique): its number, then words, cut to its share of the
 * bytes, so the table holds s->unique texts of s->bytes bytes together. */
static const char *shared_text(const shape *s, size_t j, char *out)
{
    static const char words[] = " voldoet niet aan de eis van paragraaf 5.3.1 solvabiliteit, "
                                "de inschrijving wordt terzijde gelegd in ronde 1 van perceel ";
    size_t len = s->bytes / s->unique + (j < s->bytes % s->unique ? 1 : 0);
    if (len >= MAX_TEXT)
        len = MAX_TEXT - 1;
    int used = snprintf(out, MAX_TEXT, "%zu", j);
    for (size_t i = (size_t)used; i < len; i++)
        out[i] = words[(i - (size_t)used) % (sizeof words - 1)];
    out[len > (size_t)used ? len : (size_t)used] = '\0';
    return out;
}

static int read_shape(const char *path, shape *s)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char line[256];
    int ok = 1, shared = 0;
    while (ok && fgets(line, sizeof line, f)) {
        size_t a, b;
        if (sscanf(line, "sheet %zu %zu", &a, &b) == 2 && s->n_sheets < MAX_SHEETS) {
            s->sheet[s->n_sheets].strings = a;
            s->sheet[s->n_sheets].numbers = b;
            s->n_sheets++;
        } else if (sscanf(line, "shared %zu %zu", &a, &b) == 2 && a > 0) {
            s->unique = a;
            s->bytes = b;
            shared = 1;
        } else {
            ok = 0;
        }
    }
    fclose(f);
    return ok && shared && s->n_sheets > 0;
}

/* Bid i of n adds cells [first, end) of every sheet; cell k of a sheet is a text when the
 * sheet's share of texts grows at k, so each sheet gets exactly its counts. */
static void write_share(shape *s, size_t i, size_t n, size_t *next_text)
{
    char text[MAX_TEXT];
    for (size_t w = 0; w < s->n_sheets; w++) {
        sheet_shape *sh = &s->sheet[w];
        size_t cells = sh->strings + sh->numbers;
        for (size_t k = cells * i / n; k < cells * (i + 1) / n; k++) {
            lxw_row_t row = (lxw_row_t)(k / CELLS_PER_ROW + 1);
            lxw_col_t col = (lxw_col_t)(k % CELLS_PER_ROW);
            if ((k + 1) * sh->strings / cells > k * sh->strings / cells) {
                worksheet_write_string(sh->ws, row, col,
                                       shared_text(s, (*next_text)++ % s->unique, text), NULL);
            } else {
                worksheet_write_number(sh->ws, row, col, (double)(i + k), NULL);
            }
        }
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *grown = realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    static shape s;
    if (argc != 4) {
        fprintf(stderr, "usage: bench_floor BIDS_DIR OUT.xlsx SHAPE\n");
        return 2;
    }
    if (!read_shape(argv[3], &s)) {
        fprintf(stderr, "bench_floor: %s: not a shape (bench/workbook_shape.py)\n", argv[3]);
        return 2;
    }
    DIR *d = opendir(argv[1]);
    if (!d) {
        perror(argv[1]);
        return 2;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".xml") != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                return 2;
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);

    xmlInitParser();
    lxw_workbook *wb = workbook_new(argv[2]);
    if (!wb)
        return 2;
    for (size_t w = 0; w < s.n_sheets; w++) {
        char sheet_name[32];
        snprintf(sheet_name, sizeof sheet_name, "Blad%zu", w + 1);
        s.sheet[w].ws = workbook_add_worksheet(wb, sheet_name);
        if (!s.sheet[w].ws)
            return 2;
    }
    int bad = 0;
    size_t next_text = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], names[i]);
        size_t len = 0;
        char *buf = read_all(path, &len);
        xmlDocPtr doc = buf ? xmlReadMemory(buf, (int)len, NULL, NULL,
                                            XML_PARSE_NONET | XML_PARSE_NOBLANKS) : NULL;
        free(buf);
        if (!doc) {
            bad = 1;
            continue;
        }
        write_share(&s, i, n, &next_text);
        xmlFreeDoc(doc);
        free(names[i]);
    }
    free(names);
    lxw_error rc = workbook_close(wb);
    xmlCleanupParser();
    return rc == LXW_NO_ERROR && !bad ? 0 : 1;
}
