/*
 * cmd_verify.c - `tender verify award.xlsx --bids DIR --scores FILE`: for auditors. Recomputes the
 * evaluation from the inputs with the evaluation date recorded in the workbook's Audit sheet,
 * writes it to a temporary workbook, and compares the two cell by cell; also compares the SHA-256
 * of every input with the one the Audit sheet recorded.
 */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "forms/award_json.h"
#include "tender/cli/bid_run.h"
#include "tender/cli/cli.h"
#include "tender/cli/evaluate_run.h"
#include "tender/base/outfile.h"
#include "tender/base/readfile.h"
#include "tender/xlsx.h"

#define TND_JSON_MAX_BYTES (256u << 20) /* far above the JSON of any tender */

static const char help_text[] =
    "Gebruik: tender verify GUNNING.xlsx --bids MAP --scores SCORES.csv\n"
    "                       [--tender DEF.xml] [--prices PRIJZEN.csv] [--json FILE] [-j N]\n"
    "                       [--resubmissions MAP] [--decisions BESLUITEN.csv]\n"
    "\n"
    "Voor auditors: berekent de beoordeling opnieuw uit de invoer, met de beoordelingsdatum\n"
    "uit het blad Audit van de werkmap, en vergelijkt elke cel van elk blad. Meldt eerst elke\n"
    "invoer waarvan de SHA-256 afwijkt van die in het blad Audit, dan per inschrijver en\n"
    "perceel (gekoppeld op KvK) welke uitkomst veranderde (status, rang, totaal), dan de\n"
    "cellen. Getallen gelden op 15 significante cijfers (zoals Excel en LibreOffice opslaan).\n"
    "\n"
    "Opties:\n"
    "  --json FILE         ook de JSON van tender evaluate: moet dezelfde run-id hebben als\n"
    "                      het blad Audit (anders hoort hij niet bij deze werkmap: exit 2) en\n"
    "                      byte voor byte gelijk zijn aan de herberekening\n"
    "  -j, --jobs N        lees en toets N inschrijvingen tegelijk (standaard: het aantal\n"
    "                      processorkernen); de uitkomst is dezelfde voor elke N\n"
    "\n"
    "Exitcodes:\n"
    "  0  identiek: de werkmap volgt uit deze invoer\n"
    "  1  verschillen (elk verschil wordt gemeld met blad en cel)\n"
    "  2  ongeldige invoer of gebruik; een JSON van een andere run dan de werkmap\n";

#define MAX_REPORTED 200

/* One input as the Audit sheet recorded it: a row with role, path and a 64-hex SHA-256. */
typedef struct {
    char role[32];
    char path[TND_TEXT_LEN];
    char sha256[65];
} audit_row;

typedef struct {
    char date[32];
    char run_id[65];              /* the "Run-id" row; "" in a workbook written before it */
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
        if (tnd_xlsx_cell_is_text(c) && is_sha256(c->text) && strcmp(first, "Run-id") == 0) {
            snprintf(a->run_id, sizeof a->run_id, "%s", c->text);
        } else if (tnd_xlsx_cell_is_text(c) && is_sha256(c->text) && prev[0]) {
            if (a->n == a->cap) {
                size_t cap = a->cap ? a->cap * 2 : 32;
                audit_row *nr = realloc(a->rows, cap * sizeof *nr);
                if (!nr) {
                    tnd_xlsx_cells_close(cells);
                    return tnd_error_nomem(err, NULL);
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

static void input_heading(size_t diffs)
{
    if (diffs == 0)
        printf("Gewijzigde invoer (SHA-256 van nu tegen die in het blad Audit):\n");
}

/* Compares the recorded hashes with the inputs now; returns the number of differences. */
static size_t compare_hashes(const audit_record *a, const tnd_run *run)
{
    size_t diffs = 0;
    for (size_t i = 0; i < run->n_inputs; i++) {
        const tnd_audit_input *in = &run->inputs[i];
        const audit_row *found = recorded(a, in);
        if (!found) {
            input_heading(diffs++);
            printf("  invoer %s (%s): staat niet in het blad Audit\n", in->name, in->role);
        } else if (strcmp(found->sha256, in->sha256) != 0) {
            input_heading(diffs++);
            printf("  invoer %s (%s): SHA-256 wijkt af\n    in werkmap: %s\n    nu:         %s\n",
                   in->name, in->role, found->sha256, in->sha256);
        }
    }
    for (size_t j = 0; j < a->n; j++) {
        bool present = false;
        for (size_t i = 0; i < run->n_inputs && !present; i++)
            present = recorded(a, &run->inputs[i]) == &a->rows[j];
        if (!present) {
            input_heading(diffs++);
            printf("  invoer %s: in het blad Audit, maar niet in deze herberekening\n",
                   a->rows[j].path);
        }
    }
    return diffs;
}

/*
 * Two cells hold the same value: equal text, or two numbers equal at the workbook's precision
 * (Excel and LibreOffice save 15 significant digits: our 8.199999999999999 comes back as 8.2).
 */
static bool same_value(const tnd_xlsx_cell *a, const tnd_xlsx_cell *b)
{
    const char *at = a ? a->text : "", *bt = b ? b->text : "";
    if (strcmp(at, bt) == 0)
        return true;
    char ca[32], cb[32];
    return a && b && a->type == TND_XLSX_NUMBER && b->type == TND_XLSX_NUMBER &&
           tnd_xlsx_number_canonical(at, ca, sizeof ca) &&
           tnd_xlsx_number_canonical(bt, cb, sizeof cb) && strcmp(ca, cb) == 0;
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
        if (!same_value(left, right) || (left && right && !same_kind)) {
            if (++*diffs == 1)
                printf("Verschillen per cel:\n");
            if (*diffs <= MAX_REPORTED)
                printf("  blad '%s' cel %s: werkmap '%s', herberekend '%s'\n", name,
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

/* ------------------------------------------------------------ outcome per bidder and lot */

/*
 * The outcome of a bidder in a lot, read from the sheets that list bidders (the lot sheets and
 * Inschrijvers), matched by KvK rather than by row: a changed score re-sorts a lot sheet, and a
 * row-by-row comparison then reads as a changed name on every row below.
 */
enum { OUT_VALUES = 3 };

/* Far above any tender (40 bidders, 9 lots); keeps the matching by KvK (quadratic) bounded. */
#define MAX_OUTCOME_ROWS 5000

typedef struct {
    char sheet[32];           /* "Perceel 4", "Inschrijvers" */
    char kvk[96];
    char lot[96];             /* Inschrijvers: the lot applied for; "" on a lot sheet */
    char name[160];
    char value[OUT_VALUES][96];
    size_t occurrence;        /* 0 for the first row of this KvK (and lot) in the sheet */
} outcome_row;

typedef struct {
    outcome_row *rows;
    size_t n, cap;
} outcome_set;

/* The columns compared per kind of sheet, by their header text. */
typedef struct {
    const char *prefix;             /* sheet name or its start */
    const char *lot_column;         /* key column besides KvK, or NULL */
    const char *columns[OUT_VALUES];
    const char *labels[OUT_VALUES];
} outcome_table;

static const outcome_table outcome_tables[] = {
    { "Perceel ", NULL, { "Status", "Rang", "Totaal" }, { "status", "rang", "totaal" } },
    { "Inschrijvers", "Perceel", { "Perceel geplaatst", "Eindstatus", NULL },
      { "geplaatst in perceel", "eindstatus", NULL } },
};

/* A number cell shown in Dutch notation at 15 significant digits ("8,2"); text as it is. */
static void shown_value(const tnd_xlsx_cell *c, char *out, size_t size)
{
    char canon[32];
    if (c->type != TND_XLSX_NUMBER || !tnd_xlsx_number_canonical(c->text, canon, sizeof canon)) {
        snprintf(out, size, "%s", c->text);
        return;
    }
    if (strcmp(canon, "0") == 0) {
        snprintf(out, size, "0");
        return;
    }
    /* canon is [-]0.DIGITSeEXP: EXP digits before the comma */
    bool negative = canon[0] == '-';
    const char *digits = canon + (negative ? 3 : 2);
    const char *e = strchr(digits, 'e');
    long exp10 = strtol(e + 1, NULL, 10);
    long n = (long)(e - digits);
    if (exp10 < -6 || exp10 > 21) { /* never in an award workbook: keep the stored text */
        snprintf(out, size, "%s", c->text);
        return;
    }
    char buf[64];
    size_t len = 0;
    if (negative)
        buf[len++] = '-';
    if (exp10 <= 0) {
        buf[len++] = '0';
        buf[len++] = ',';
        for (long i = 0; i < -exp10; i++)
            buf[len++] = '0';
        for (long i = 0; i < n; i++)
            buf[len++] = digits[i];
    } else {
        for (long i = 0; i < exp10; i++)
            buf[len++] = i < n ? digits[i] : '0';
        if (n > exp10) {
            buf[len++] = ',';
            for (long i = exp10; i < n; i++)
                buf[len++] = digits[i];
        }
    }
    buf[len] = '\0';
    snprintf(out, size, "%s", buf);
}

static const outcome_table *outcome_table_of(const char *sheet)
{
    for (size_t t = 0; t < sizeof outcome_tables / sizeof outcome_tables[0]; t++) {
        const char *prefix = outcome_tables[t].prefix;
        size_t len = strlen(prefix);
        if (prefix[len - 1] == ' ' ? strncmp(sheet, prefix, len) == 0 : strcmp(sheet, prefix) == 0)
            return &outcome_tables[t];
    }
    return NULL;
}

static outcome_row *outcome_add(outcome_set *set, tnd_error *err)
{
    if (set->n == MAX_OUTCOME_ROWS) {
        tnd_error_set(err, TND_ERR_TOO_LARGE, NULL, 0,
                      "geef de gunningswerkmap die tender evaluate schreef",
                      "meer dan %d regels met een KvK in de bladen per perceel", MAX_OUTCOME_ROWS);
        return NULL;
    }
    if (set->n == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 64;
        outcome_row *nr = realloc(set->rows, cap * sizeof *nr);
        if (!nr) {
            tnd_error_nomem(err, NULL);
            return NULL;
        }
        set->rows = nr;
        set->cap = cap;
    }
    outcome_row *r = &set->rows[set->n++];
    memset(r, 0, sizeof *r);
    return r;
}

/* A KvK listed twice in one table (not written by tender, but possible in an edited copy) is
 * matched by its occurrence: the second row with the second, never both with the first. */
static void number_repeat(const outcome_set *set, outcome_row *r)
{
    for (const outcome_row *o = set->rows; o < r; o++)
        r->occurrence += strcmp(o->sheet, r->sheet) == 0 && strcmp(o->kvk, r->kvk) == 0 &&
                         strcmp(o->lot, r->lot) == 0;
}

/*
 * Reads the bidder rows of one sheet: the header row is the first row with a cell "KvK"; every
 * later row with a KvK is a bidder. Columns are found by their header text, so a column added
 * or moved does not shift what is compared.
 */
static tnd_status read_outcomes(tnd_xlsx *book, size_t index, const outcome_table *t,
                                outcome_set *set, tnd_error *err)
{
    tnd_xlsx_cells *cells = tnd_xlsx_cells_open(book, index, err);
    if (!cells)
        return err->code;
    const char *sheet = tnd_xlsx_sheet_at(book, index)->name;
    uint32_t header = 0, col_kvk = 0, col_name = 0, col_lot = 0, col[OUT_VALUES] = { 0 };
    uint32_t row = 0;
    outcome_row *cur = NULL;
    const tnd_xlsx_cell *c;
    tnd_status st;
    while ((st = tnd_xlsx_cells_next(cells, &c, err)) == TND_OK && c) {
        if (!header || c->row == header) {
            if (tnd_xlsx_cell_is_text(c)) {
                if (strcmp(c->text, "KvK") == 0)
                    col_kvk = c->col, header = c->row;
                else if (strcmp(c->text, "Inschrijver") == 0)
                    col_name = c->col;
                else if (t->lot_column && strcmp(c->text, t->lot_column) == 0)
                    col_lot = c->col;
                for (int k = 0; k < OUT_VALUES; k++)
                    if (t->columns[k] && strcmp(c->text, t->columns[k]) == 0)
                        col[k] = c->col;
            }
            continue;
        }
        if (c->row != row) {
            /* the table ends at an empty row or a row without KvK (a list under it) */
            if ((row && c->row != row + 1) || (cur && !cur->kvk[0]) ||
                (row == 0 && c->row != header + 1))
                break;
            if (cur)
                number_repeat(set, cur);
            row = c->row;
            cur = outcome_add(set, err);
            if (!cur) {
                st = err->code;
                break;
            }
            snprintf(cur->sheet, sizeof cur->sheet, "%s", sheet);
        }
        char shown[96];
        shown_value(c, shown, sizeof shown);
        if (c->col == col_kvk)
            snprintf(cur->kvk, sizeof cur->kvk, "%s", shown);
        else if (c->col == col_name)
            snprintf(cur->name, sizeof cur->name, "%s", shown);
        else if (col_lot && c->col == col_lot)
            snprintf(cur->lot, sizeof cur->lot, "%s", shown);
        for (int k = 0; k < OUT_VALUES; k++)
            if (col[k] && c->col == col[k])
                snprintf(cur->value[k], sizeof cur->value[k], "%s", shown);
    }
    tnd_xlsx_cells_close(cells);
    if (cur && !cur->kvk[0])
        set->n--;
    else if (cur)
        number_repeat(set, cur);
    return st;
}

static tnd_status read_all_outcomes(tnd_xlsx *book, outcome_set *set, tnd_error *err)
{
    for (size_t i = 0; i < tnd_xlsx_sheet_count(book); i++) {
        const tnd_xlsx_sheet *sh = tnd_xlsx_sheet_at(book, i);
        const outcome_table *t = outcome_table_of(sh->name);
        if (t && sh->worksheet) {
            tnd_status st = read_outcomes(book, i, t, set, err);
            if (st != TND_OK)
                return st;
        }
    }
    return TND_OK;
}

static const outcome_row *outcome_find(const outcome_set *set, const outcome_row *key)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->rows[i].sheet, key->sheet) == 0 && strcmp(set->rows[i].kvk, key->kvk) == 0 &&
            strcmp(set->rows[i].lot, key->lot) == 0 && set->rows[i].occurrence == key->occurrence)
            return &set->rows[i];
    return NULL;
}

static void outcome_subject(const outcome_row *r)
{
    if (r->lot[0])
        printf("  %s %s, ingeschreven voor perceel %s:", r->kvk, r->name, r->lot);
    else
        printf("  %s, %s %s:", r->sheet, r->kvk, r->name);
}

static void outcome_values(const outcome_row *r, const outcome_table *t)
{
    const char *sep = " ";
    for (int k = 0; k < OUT_VALUES; k++)
        if (t->labels[k] && r->value[k][0]) {
            printf("%s%s %s", sep, t->labels[k], r->value[k]);
            sep = ", ";
        }
}

/* Prints what changed per bidder and lot; returns how many bidder rows changed. */
static size_t report_outcomes(const outcome_set *given, const outcome_set *fresh)
{
    size_t changed = 0;
    for (size_t i = 0; i < fresh->n; i++) {
        const outcome_row *now = &fresh->rows[i];
        const outcome_row *was = outcome_find(given, now);
        const outcome_table *t = outcome_table_of(now->sheet);
        bool differs = !was;
        for (int k = 0; was && k < OUT_VALUES; k++)
            differs = differs || strcmp(was->value[k], now->value[k]) != 0;
        if (!differs)
            continue;
        if (changed++ == 0)
            printf("Uitkomst per inschrijver en perceel (gekoppeld op KvK), werkmap -> herberekend:\n");
        outcome_subject(now);
        if (!was) {
            printf(" staat niet in de werkmap; herberekend:");
            outcome_values(now, t);
        } else {
            const char *sep = " ";
            for (int k = 0; k < OUT_VALUES; k++)
                if (t->labels[k] && strcmp(was->value[k], now->value[k]) != 0) {
                    printf("%s%s %s -> %s", sep, t->labels[k], was->value[k][0] ? was->value[k] : "(leeg)",
                           now->value[k][0] ? now->value[k] : "(leeg)");
                    sep = ", ";
                }
        }
        printf("\n");
    }
    for (size_t i = 0; i < given->n; i++) {
        const outcome_row *was = &given->rows[i];
        if (outcome_find(fresh, was))
            continue;
        if (changed++ == 0)
            printf("Uitkomst per inschrijver en perceel (gekoppeld op KvK), werkmap -> herberekend:\n");
        outcome_subject(was);
        printf(" in de werkmap");
        outcome_values(was, outcome_table_of(was->sheet));
        printf(", volgt niet uit de herberekening\n");
    }
    return changed;
}

static tnd_status compare_outcomes(tnd_xlsx *given, tnd_xlsx *fresh, size_t *changed,
                                   tnd_error *err)
{
    outcome_set a = { 0 }, b = { 0 };
    tnd_status st = read_all_outcomes(given, &a, err);
    if (st == TND_OK)
        st = read_all_outcomes(fresh, &b, err);
    if (st == TND_OK)
        *changed = report_outcomes(&a, &b);
    free(a.rows);
    free(b.rows);
    return st;
}

static tnd_status compare_books(tnd_xlsx *given, tnd_xlsx *fresh, size_t *diffs, tnd_error *err)
{
    size_t ng = tnd_xlsx_sheet_count(given), nf = tnd_xlsx_sheet_count(fresh);
    for (size_t i = 0; i < nf; i++) {
        const char *name = tnd_xlsx_sheet_at(fresh, i)->name;
        size_t gi;
        if (!tnd_xlsx_sheet_find(given, name, &gi)) {
            if (++*diffs == 1)
                printf("Verschillen per cel:\n");
            printf("  blad '%s': ontbreekt in de werkmap\n", name);
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
            if (++*diffs == 1)
                printf("Verschillen per cel:\n");
            printf("  blad '%s': staat in de werkmap, maar volgt niet uit de invoer\n",
                   tnd_xlsx_sheet_at(given, i)->name);
        }
    }
    return TND_OK;
}

/* The "run_id" of a JSON written by tender evaluate (forms/award_json.c): "" when absent. */
static void json_run_id(const char *json, size_t len, char out[65])
{
    static const char key[] = "\"run_id\": \"";
    out[0] = '\0';
    const char *p = memmem(json, len, key, sizeof key - 1);
    if (!p)
        return;
    p += sizeof key - 1;
    if ((size_t)(json + len - p) < 65 || p[64] != '"')
        return;
    char id[65];
    memcpy(id, p, 64);
    id[64] = '\0';
    if (is_sha256(id))
        memcpy(out, id, 65);
}

/*
 * --json: the JSON must belong to this workbook (the same run id as the Audit sheet: else it
 * is refused, a mixed pair) and equal the recomputation byte for byte (else one difference).
 */
static tnd_status compare_json(const char *path, const audit_record *audit, const tnd_run *run,
                               size_t *diffs, tnd_error *err)
{
    char *given;
    size_t len;
    tnd_status st = tnd_read_file_bounded(path, TND_JSON_MAX_BYTES, &given, &len, err);
    if (st != TND_OK)
        return st;
    char id[65];
    json_run_id(given, len, id);
    if (!id[0] || !audit->run_id[0] || strcmp(id, audit->run_id) != 0) {
        st = tnd_error_set(err, TND_ERR_REFERENCE, path, 0,
                           "geef de JSON en de werkmap die samen door een tender evaluate zijn "
                           "geschreven; schrijf ze anders opnieuw",
                           "de JSON hoort niet bij de werkmap: run-id %s, in het blad Audit %s",
                           id[0] ? id : "(geen)", audit->run_id[0] ? audit->run_id : "(geen)");
        free(given);
        return st;
    }
    tnd_buf fresh;
    tnd_buf_init(&fresh);
    if (!tnd_award_json(run->def, &run->ev, run->audit.evaluation_date, run->audit.run_id,
                        &run->procedure, &fresh)) {
        st = tnd_error_nomem(err, path);
    } else if (fresh.len != len || memcmp(fresh.data, given, len) != 0) {
        printf("JSON %s: wijkt af van de herberekening\n", path);
        (*diffs)++;
    }
    tnd_buf_free(&fresh);
    free(given);
    return st;
}

int cmd_verify(int argc, char **argv)
{
    tnd_run_options o = { 0 };
    const char *workbook = NULL, *json_path = NULL;
    bool bad = false;
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            return TND_EXIT_OK;
        }
        if (tnd_run_option("verify", argc, argv, &i, &o, &bad) ||
            tnd_opt_value(argc, argv, &i, "--json", &json_path, &bad))
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
    /* The recomputed workbook is an unnamed temp file (tender/base/outfile.h) that is never linked
     * in: a kill leaves nothing in the temp folder. */
    const char *tmpdir = getenv("TMPDIR");
    char target[4096];
    snprintf(target, sizeof target, "%s/tender-verify.xlsx", tmpdir && *tmpdir ? tmpdir : "/tmp");
    tnd_outfile scratch = { .fd = -1 };
    tnd_xlsx *fresh = NULL;
    size_t diffs = 0;
    if (tnd_outfile_begin(&scratch, target, &err) != TND_OK ||
        tnd_award_workbook_write_to(&scratch, run.def, &run.ev, &run.audit, &err) != TND_OK ||
        !(fresh = tnd_xlsx_open(tnd_outfile_name(&scratch), &err)) ||
        (json_path && compare_json(json_path, &audit, &run, &diffs, &err) != TND_OK)) {
        tnd_print_error(&err);
    } else {
        /* First what changed (inputs, then outcomes per bidder), then the cell detail. */
        size_t changed = 0, cells = 0;
        diffs += compare_hashes(&audit, &run);
        if (compare_outcomes(given, fresh, &changed, &err) != TND_OK ||
            compare_books(given, fresh, &cells, &err) != TND_OK) {
            tnd_print_error(&err);
        } else {
            if (cells > MAX_REPORTED)
                printf("  ... en nog %zu verschillen\n", cells - MAX_REPORTED);
            diffs += cells;
            if (diffs == 0)
                printf("identiek: %s volgt uit deze invoer (beoordelingsdatum %s)\n",
                       workbook, audit.date);
            else
                printf("%zu verschil(len) tussen %s en de herberekening; uitkomst gewijzigd "
                       "in %zu regel(s) per inschrijver en perceel\n", diffs, workbook, changed);
            rc = diffs == 0 ? TND_EXIT_OK : TND_EXIT_NEGATIVE;
        }
    }
    tnd_xlsx_close(fresh);
    tnd_outfile_abort(&scratch);
    tnd_run_free(&run);
    free(audit.rows);
    tnd_xlsx_close(given);
    return rc;
}
