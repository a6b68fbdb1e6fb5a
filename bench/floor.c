/*
 * floor.c - the physical floor `tender evaluate` is measured against (bench/README.md): what any
 * program must at least do with the same inputs, and nothing more.
 *
 *   bench_floor BIDS_DIR OUT.xlsx
 *
 * Reads every *.xml file of BIDS_DIR (sorted by name) and parses it with libxml2 (no network, no
 * entities: the options tender uses), then writes a workbook with libxlsxwriter with as many cells
 * per bid as tender's award workbook holds (about 36: 3 rows of 12 cells, text and numbers, in
 * shared strings like tender's). No XSD, no checks, no award: a lower bound, single-threaded.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <xlsxwriter.h>

#define CELLS_PER_ROW 12
#define ROWS_PER_BID 3

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

/* The text of the first element called `name` (depth first), or "". */
static const char *first_text(xmlNodePtr n, const char *name, char *out, size_t size)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(n->name, BAD_CAST name) && n->children && n->children->content) {
            snprintf(out, size, "%s", (const char *)n->children->content);
            return out;
        }
        const char *in = first_text(n->children, name, out, size);
        if (*in)
            return in;
    }
    out[0] = '\0';
    return out;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_floor BIDS_DIR OUT.xlsx\n");
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
    lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, "Inschrijvers") : NULL;
    if (!ws)
        return 2;
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096], name[256], kvk[16];
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
        xmlNodePtr root = xmlDocGetRootElement(doc);
        first_text(root, "name", name, sizeof name);
        first_text(root, "kvk", kvk, sizeof kvk);
        for (int r = 0; r < ROWS_PER_BID; r++) {
            lxw_row_t row = (lxw_row_t)(i * ROWS_PER_BID + (size_t)r + 1);
            for (int c = 0; c < CELLS_PER_ROW; c++) {
                char text[160];
                switch (c % 4) {
                case 0: worksheet_write_string(ws, row, (lxw_col_t)c, name, NULL); break;
                case 1: worksheet_write_string(ws, row, (lxw_col_t)c, kvk, NULL); break;
                case 2:
                    snprintf(text, sizeof text, "perceel %d: %s, rij %d, kolom %d", r + 1,
                             names[i], r, c);
                    worksheet_write_string(ws, row, (lxw_col_t)c, text, NULL);
                    break;
                default: worksheet_write_number(ws, row, (lxw_col_t)c, (double)(i + (size_t)c), NULL);
                }
            }
        }
        xmlFreeDoc(doc);
        free(names[i]);
    }
    free(names);
    lxw_error rc = workbook_close(wb);
    xmlCleanupParser();
    return rc == LXW_NO_ERROR && !bad ? 0 : 1;
}
