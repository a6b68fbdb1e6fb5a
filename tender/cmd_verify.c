/*
 * cmd_verify.c - `tender verify award.xlsx --bids DIR --scores FILE`: for auditors. Recomputes the
 * evaluation from the inputs with the evaluation date recorded in the workbook's Audit sheet,
 * writes it to a temporary workbook, and compares the two cell by cell; also compares the SHA-256
 * of every input with the one the Audit sheet recorded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tender/bid_run.h"
#include "tender/cli.h"
#include "tender/evaluate_run.h"
#include "tender/xlsx.h"

static const char help_text[] =
    "Gebruik: tender verify GUNNING.xlsx --bids MAP --scores SCORES.csv\n"
    "                       [--tender DEF.xml] [--prices PRIJZEN.csv] [-j N]\n"
    "\n"
    "Voor auditors: berekent de beoordeling opnieuw uit de invoer, met de beoordelingsdatum\n"
    "uit het blad Audit van de werkmap, en vergelijkt elke cel van elk blad. Meldt ook elke\n"
    "invoer waarvan de SHA-256 afwijkt van die in het blad Audit. -j N leest en toetst N\n"
    "inschrijvingen tegelijk (standaard: het aantal processorkernen).\n"
    "\n"
    "Exitcodes:\n"
    "  0  identiek: de werkmap volgt uit deze invoer\n"
    "  1  verschillen (elk verschil wordt gemeld met blad en cel)\n"
    "  2  ongeldige invoer of gebruik\n";

#define MAX_REPORTED 200

/* One input as the Audit sheet recorded it: a row with role, path and a 64-hex SHA-256. */
typedef struct {
    char role[32];
    char path[TND_TEXT_LEN];
    char sha256[65];
} audit_row;

typedef struct {
    char date[32];
    audit_row *rows;
    size_t n, cap;
} audit_record;

static bool is_sha256(const char *s)
{
    if (strlen(s) != 64)
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return false;
    return true;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/*
 * Reads the Audit sheet: the evaluation date (the date cell right of "Evaluatiedatum") and every
 * row holding a SHA-256 (the cell before it is the path).
 */
static tnd_status read_audit(tnd_xlsx *book, audit_record *a, tnd_error *err)
{
    size_t index;
    if (!tnd_xlsx_sheet_find(book, "Audit", &index))
        return tnd_error_set(err, TND_ERR_SCHEMA, tnd_xlsx_path(book), 0,
                             "geef de gunningswerkmap die tender evaluate schreef",
                             "geen blad 'Audit' in de werkmap");
    tnd_xlsx_cells *cells = tnd_xlsx_cells_open(book, index, err);
    if (!cells)
        return err->code;
    const tnd_xlsx_cell *c;
    tnd_status st;
    uint32_t date_row = 0;
    char prev[TND_TEXT_LEN] = "", first[32] = "";
    uint32_t prev_row = 0;
    while ((st = tnd_xlsx_cells_next(cells, &c, err)) == TND_OK && c) {
        if (c->row != prev_row) {
            prev[0] = '\0';
            snprintf(first, sizeof first, "%s", tnd_xlsx_cell_is_text(c) ? c->text : "");
        }
        if (tnd_xlsx_cell_is_text(c) && strcmp(c->text, "Evaluatiedatum") == 0) {
            date_row = c->row;
        } else if (c->row == date_row && c->col == 2) {
            tnd_date d;
            if (c->type == TND_XLSX_NUMBER && tnd_xlsx_cell_date(cells, c, &d, err) == TND_OK)
                tnd_date_iso(d, a->date);
            else if (tnd_xlsx_cell_is_text(c))
                snprintf(a->date, sizeof a->date, "%s", c->text);
        }
        if (tnd_xlsx_cell_is_text(c) && is_sha256(c->text) && prev[0]) {
            if (a->n == a->cap) {
                size_t cap = a->cap ? a->cap * 2 : 32;
                audit_row *nr = realloc(a->rows, cap * sizeof *nr);
                if (!nr) {
                    tnd_xlsx_cells_close(cells);
                    return tnd_error_set(err, TND_ERR_NOMEM, NULL, 0, NULL, "onvoldoende geheugen");
                }
                a->rows = nr;
                a->cap = cap;
            }
            snprintf(a->rows[a->n].role, sizeof a->rows[a->n].role, "%s", first);
            snprintf(a->rows[a->n].path, sizeof a->rows[a->n].path, "%s", prev);
            snprintf(a->rows[a->n].sha256, sizeof a->rows[a->n].sha256, "%s", c->text);
            a->n++;
        }
        if (tnd_xlsx_cell_is_text(c))
            snprintf(prev, sizeof prev, "%s", c->text);
        prev_row = c->row;
    }
    tnd_xlsx_cells_close(cells);
    if (st != TND_OK)
        return st;
    if (!a->date[0])
        return tnd_error_set(err, TND_ERR_SCHEMA, tnd_xlsx_path(book), 0,
                             "geef de gunningswerkmap die tender evaluate schreef",
                             "het blad Audit noemt geen beoordelingsdatum");
    return TND_OK;
}

/* How many recorded inputs have this role. */
static size_t role_count(const audit_record *a, const char *role)
{
    size_t n = 0;
    for (size_t j = 0; j < a->n; j++)
        n += strcmp(a->rows[j].role, role) == 0;
    return n;
}

/* The recorded row of an input: by role when the role occurs once (definition, scores, prices:
 * the auditor may have renamed the file), else by role and file name (the bids). */
static const audit_row *recorded(const audit_record *a, const tnd_audit_input *in)
{
    bool unique = role_count(a, in->role) == 1;
    for (size_t j = 0; j < a->n; j++)
        if (strcmp(a->rows[j].role, in->role) == 0 &&
            (unique || strcmp(base_name(a->rows[j].path), base_name(in->path)) == 0))
            return &a->rows[j];
    return NULL;
}

/* Compares the recorded hashes with the inputs now; returns the number of differences. */
static size_t compare_hashes(const audit_record *a, const tnd_run *run)
{
    size_t diffs = 0;
    for (size_t i = 0; i < run->n_inputs; i++) {
        const tnd_audit_input *in = &run->inputs[i];
        const audit_row *found = recorded(a, in);
        if (!found) {
            printf("invoer %s (%s): staat niet in het blad Audit\n", in->path, in->role);
            diffs++;
        } else if (strcmp(found->sha256, in->sha256) != 0) {
            printf("invoer %s (%s): SHA-256 wijkt af\n  in werkmap: %s\n  nu:         %s\n",
                   in->path, in->role, found->sha256, in->sha256);
            diffs++;
        }
    }
    for (size_t j = 0; j < a->n; j++) {
        bool present = false;
        for (size_t i = 0; i < run->n_inputs && !present; i++)
            present = recorded(a, &run->inputs[i]) == &a->rows[j];
        if (!present) {
            printf("invoer %s: in het blad Audit, maar niet in deze herberekening\n",
                   a->rows[j].path);
            diffs++;
        }
    }
    return diffs;
}

/* Reads the next cell of both iterations; a missing side is reported as NULL. */
typedef struct {
    tnd_xlsx_cells *cells;
    const tnd_xlsx_cell *cell;
} cursor;

static tnd_status advance(cursor *c, tnd_error *err)
{
    return tnd_xlsx_cells_next(c->cells, &c->cell, err);
}

/* Compares one sheet cell by cell (value type and stored text). Audit is compared by hashes. */
static tnd_status compare_sheet(tnd_xlsx *given, size_t gi, tnd_xlsx *fresh, size_t fi,
                                size_t *diffs, tnd_error *err)
{
    const char *name = tnd_xlsx_sheet_at(given, gi)->name;
    cursor a = { tnd_xlsx_cells_open(given, gi, err), NULL };
    if (!a.cells)
        return err->code;
    cursor b = { tnd_xlsx_cells_open(fresh, fi, err), NULL };
    if (!b.cells) {
        tnd_xlsx_cells_close(a.cells);
        return err->code;
    }
    tnd_status st = advance(&a, err);
    if (st == TND_OK)
        st = advance(&b, err);
    while (st == TND_OK && (a.cell || b.cell)) {
        int order = !a.cell ? 1 : !b.cell ? -1
                  : a.cell->row != b.cell->row ? (a.cell->row < b.cell->row ? -1 : 1)
                  : a.cell->col != b.cell->col ? (a.cell->col < b.cell->col ? -1 : 1) : 0;
        const tnd_xlsx_cell *left = order <= 0 ? a.cell : NULL;
        const tnd_xlsx_cell *right = order >= 0 ? b.cell : NULL;
        const char *lt = left ? left->text : "", *rt = right ? right->text : "";
        bool same_kind = left && right && tnd_xlsx_cell_is_text(left) == tnd_xlsx_cell_is_text(right);
        if (strcmp(lt, rt) != 0 || (left && right && !same_kind)) {
            if (++*diffs <= MAX_REPORTED)
                printf("blad '%s' cel %s: werkmap '%s', herberekend '%s'\n", name,
                       left ? left->ref : right->ref, lt, rt);
        }
        if (order <= 0)
            st = advance(&a, err);
        if (st == TND_OK && order >= 0)
            st = advance(&b, err);
    }
    tnd_xlsx_cells_close(a.cells);
    tnd_xlsx_cells_close(b.cells);
    return st;
}

static tnd_status compare_books(tnd_xlsx *given, tnd_xlsx *fresh, size_t *diffs, tnd_error *err)
{
    size_t ng = tnd_xlsx_sheet_count(given), nf = tnd_xlsx_sheet_count(fresh);
    for (size_t i = 0; i < nf; i++) {
        const char *name = tnd_xlsx_sheet_at(fresh, i)->name;
        size_t gi;
        if (!tnd_xlsx_sheet_find(given, name, &gi)) {
            printf("blad '%s': ontbreekt in de werkmap\n", name);
            (*diffs)++;
            continue;
        }
        if (strcmp(name, "Audit") == 0 || !tnd_xlsx_sheet_at(fresh, i)->worksheet)
            continue;
        tnd_status st = compare_sheet(given, gi, fresh, i, diffs, err);
        if (st != TND_OK)
            return st;
    }
    for (size_t i = 0; i < ng; i++) {
        size_t fi;
        if (!tnd_xlsx_sheet_find(fresh, tnd_xlsx_sheet_at(given, i)->name, &fi)) {
            printf("blad '%s': staat in de werkmap, maar volgt niet uit de invoer\n",
                   tnd_xlsx_sheet_at(given, i)->name);
            (*diffs)++;
        }
    }
    return TND_OK;
}

int cmd_verify(int argc, char **argv)
{
    tnd_run_options o = { 0 };
    const char *workbook = NULL;
    bool bad = false;
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            return TND_EXIT_OK;
        }
        if (tnd_opt_value(argc, argv, &i, "--bids", &o.bids_dir, &bad) ||
            tnd_opt_value(argc, argv, &i, "--scores", &o.scores, &bad) ||
            tnd_opt_value(argc, argv, &i, "--tender", &o.tender, &bad) ||
            tnd_opt_value(argc, argv, &i, "--prices", &o.prices, &bad) ||
            tnd_opt_jobs("verify", argc, argv, &i, &o.jobs, &bad))
            continue;
        if (argv[i][0] == '-' || workbook)
            return tnd_usage_error("verify", "onbekend argument '%s'", argv[i]);
        workbook = argv[i];
    }
    if (bad)
        return TND_EXIT_BAD_INPUT;
    if (!workbook || !o.bids_dir || !o.scores)
        return tnd_usage_error("verify", "geef de werkmap, --bids en --scores");

    tnd_error err;
    tnd_xlsx *given = tnd_xlsx_open(workbook, &err);
    if (!given) {
        tnd_print_error(&err);
        return TND_EXIT_BAD_INPUT;
    }
    audit_record audit = { 0 };
    if (read_audit(given, &audit, &err) != TND_OK) {
        tnd_print_error(&err);
        free(audit.rows);
        tnd_xlsx_close(given);
        return TND_EXIT_BAD_INPUT;
    }
    o.date = audit.date;
    tnd_run run;
    if (!tnd_run_evaluation(&o, &run)) {
        free(audit.rows);
        tnd_xlsx_close(given);
        return TND_EXIT_BAD_INPUT;
    }
    int rc = TND_EXIT_BAD_INPUT;
    char dir[] = "/tmp/tender-verify-XXXXXX", path[64] = "";
    if (!mkdtemp(dir)) {
        fprintf(stderr, "tender: kan geen tijdelijke map maken\n");
    } else {
        snprintf(path, sizeof path, "%s/herberekend.xlsx", dir);
        const char *protected[64];
        size_t n_protected = tnd_run_inputs(&run, protected, 64);
        tnd_xlsx *fresh = NULL;
        if (tnd_award_workbook_write(path, run.def, &run.ev, &run.audit, protected, n_protected,
                                     &err) != TND_OK ||
            !(fresh = tnd_xlsx_open(path, &err))) {
            tnd_print_error(&err);
        } else {
            size_t diffs = compare_hashes(&audit, &run);
            if (compare_books(given, fresh, &diffs, &err) != TND_OK) {
                tnd_print_error(&err);
            } else {
                if (diffs > MAX_REPORTED)
                    printf("... en nog %zu verschillen\n", diffs - MAX_REPORTED);
                if (diffs == 0)
                    printf("identiek: %s volgt uit deze invoer (beoordelingsdatum %s)\n",
                           workbook, audit.date);
                else
                    printf("%zu verschil(len) tussen %s en de herberekening\n", diffs, workbook);
                rc = diffs == 0 ? TND_EXIT_OK : TND_EXIT_NEGATIVE;
            }
        }
        tnd_xlsx_close(fresh);
        unlink(path);
        rmdir(dir);
    }
    tnd_run_free(&run);
    free(audit.rows);
    tnd_xlsx_close(given);
    return rc;
}
