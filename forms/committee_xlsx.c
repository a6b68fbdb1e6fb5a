/*
 * committee_xlsx.c - the committee scoring workbook (committee_xlsx.h; layout form_layout.h).
 *
 * Nothing here is a number of the tender: the scale, the criteria, their weights, the minimum
 * and the number of revisions all come from the definition's award rules (§6.1), so another
 * tender gets another workbook without code.
 */
#include "forms/committee_xlsx.h"

#include <stdio.h>
#include <string.h>

#include "forms/layout/form_layout.h"
#include "forms/form_style.h"
#include "forms/xlsx_common.h"

#define LAST_ROW (TND_FORM_FIRST_ROW + TND_FORM_COMMITTEE_ROWS - 1)
#define LEGEND_COL (TND_FORM_COM_COL_SPREAD + 2) /* N: the criteria of the lot, for reference */
#define MAX_ROUND_TEXT 16

typedef struct {
    tnd_form_writer w;
    const tnd_definition *def;
    const tnd_committee_bidder *bidders; /* pre-filled score lines (tender forms --bids) */
    size_t n_bidders;
} committee;

/* Is criterion i of the lot a leaf (no other criterion has it as parent)? Leaves are scored. */
static bool is_leaf(const tnd_award_lot *a, int i)
{
    for (int k = 0; k < a->n_criteria && k < (int)TND_COUNTOF(a->criteria); k++)
        if (a->criteria[k].parent == i)
            return false;
    return true;
}

/* "50%" for 0.5: a weight as the document writes it. */
static void weight_text(tnd_dec weight, char *buf, size_t size)
{
    char number[32];
    tnd_dec_nl_compact((tnd_dec){ weight.units * 100 }, number);
    size_t n = strlen(number);
    if (n + 2 > size)
        n = size > 2 ? size - 2 : 0;
    memcpy(buf, number, n);
    if (size >= 2) {
        buf[n] = '%';
        buf[n + 1] = '\0';
    }
}

/* "0, 2, 4, 6, 8 en 10" */
static void scale_text(const tnd_score_scale *scale, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < scale->n_values && i < (int)TND_COUNTOF(scale->values) && used < size;
         i++) {
        const char *sep = i == 0 ? "" : i == scale->n_values - 1 ? " en " : ", ";
        int n = snprintf(buf + used, size - used, "%s%d", sep, scale->values[i]);
        used += n > 0 ? (size_t)n : 0;
    }
}

/* The largest number of revisions of the lot's criteria: rounds are 1 .. 1 + revisions. */
static int max_revisions(const tnd_award_lot *a)
{
    int most = 0;
    for (int i = 0; i < a->n_criteria && i < (int)TND_COUNTOF(a->criteria); i++)
        if (a->criteria[i].revisions > most)
            most = a->criteria[i].revisions;
    return most;
}

static void write_guide(committee *c)
{
    tnd_form_writer *w = &c->w;
    const tnd_definition *def = c->def;
    const tnd_score_scale *scale = &def->score_scale;
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, TND_FORM_SHEET_GUIDE);
    if (!ws) {
        tnd_form_note(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    char title[TND_LABEL_LEN + 64], scale_list[96], line[512];
    snprintf(title, sizeof title, "Commissieformulier %s", def->title);
    scale_text(scale, scale_list, sizeof scale_list);
    snprintf(line, sizeof line,
             "Elk lid scoort eerst individueel; daarna stelt de commissie de consensusscore "
             "vast. Alleen de scores %s zijn geldig (%s).", scale_list, scale->source);
    tnd_form_intro(w, ws, title,
                   "Per perceel met gunningscriteria één blad 'Perceel N'. Vul per inschrijver, "
                   "criterium en ronde één rij in.",
                   line,
                   "Gele cellen zijn invulvelden. Lees het formulier in met: tender evaluate "
                   "--scores <dit bestand>.");
    int row = TND_FORM_HEADER_ROW;
    tnd_form_put_text(w, ws, row, TND_FORM_COL_KEY, "score", w->st.header);
    tnd_form_put_text(w, ws, row, TND_FORM_COL_LABEL, "betekenis", w->st.header);
    for (int i = 0; i < scale->n_values && i < (int)TND_COUNTOF(scale->values); i++) {
        row++;
        tnd_form_note(w, worksheet_write_number(ws, (lxw_row_t)row, TND_FORM_COL_KEY,
                                                scale->values[i], NULL));
        tnd_form_put_text(w, ws, row, TND_FORM_COL_LABEL, scale->labels[i], NULL);
    }
    row += 2;
    tnd_form_put_text(w, ws, row++, TND_FORM_COL_LABEL,
                      "Ronde 1 is de eerste beoordeling; ronde 2 de beoordeling van het herziene "
                      "plan (alleen na een consensusscore onder het minimum).", w->st.note);
    tnd_form_put_text(w, ws, row++, TND_FORM_COL_LABEL,
                      "De spreiding (hoogste min laagste score van de leden) is een signaal voor "
                      "het consensusgesprek, geen oordeel.", w->st.note);
    tnd_form_protect(w, ws);
}

/* The criteria of the lot beside the table: what is scored, its weight and minimum. */
static void write_legend(committee *c, lxw_worksheet *ws, const tnd_award_lot *a)
{
    tnd_form_writer *w = &c->w;
    static const char *const heads[] = { "criterium", "omschrijving", "weging", "minimum",
                                         "herkansingen", "bron" };
    for (int i = 0; i < 6; i++)
        tnd_form_put_text(w, ws, TND_FORM_HEADER_ROW, LEGEND_COL + i, heads[i], w->st.header);
    int row = TND_FORM_FIRST_ROW;
    for (int i = 0; i < a->n_criteria && i < (int)TND_COUNTOF(a->criteria); i++) {
        const tnd_criterion *k = &a->criteria[i];
        char weight[32], minimum[32], label[TND_LABEL_LEN + 96], revisions[16];
        weight_text(k->weight, weight, sizeof weight);
        snprintf(label, sizeof label, "%s%s", k->parent >= 0 ? "  " : "", k->label);
        if (!is_leaf(a, i))
            snprintf(label + strlen(label), sizeof label - strlen(label),
                     " (niet zelf gescoord: de deelcriteria)");
        if (k->computed_locations)
            snprintf(label + strlen(label), sizeof label - strlen(label),
                     " (score %d berekend bij >= %ld plaatsen binnen de regio; anders scoort "
                     "de commissie)",
                     k->locations_score, k->locations_min_places);
        tnd_form_put_text(w, ws, row, LEGEND_COL, k->id, NULL);
        tnd_form_put_text(w, ws, row, LEGEND_COL + 1, label, NULL);
        tnd_form_put_text(w, ws, row, LEGEND_COL + 2, weight, NULL);
        if (k->has_minimum) {
            tnd_dec_nl(k->minimum, 1, minimum);
            snprintf(revisions, sizeof revisions, "%d", k->revisions);
            tnd_form_put_text(w, ws, row, LEGEND_COL + 3, minimum, NULL);
            tnd_form_put_text(w, ws, row, LEGEND_COL + 4, revisions, NULL);
        }
        tnd_form_put_text(w, ws, row, LEGEND_COL + 5, k->source, NULL);
        row++;
    }
    tnd_form_note(w, worksheet_set_column(ws, LEGEND_COL, LEGEND_COL, 16, NULL));
    tnd_form_note(w, worksheet_set_column(ws, LEGEND_COL + 1, LEGEND_COL + 1, 60, NULL));
    /* weging, minimum, herkansingen: their headers on one line; bron: "§6.1.2 L1840, L1989-1993" */
    tnd_form_note(w, worksheet_set_column(ws, LEGEND_COL + 2, LEGEND_COL + 4, 13, NULL));
    tnd_form_note(w, worksheet_set_column(ws, LEGEND_COL + 5, LEGEND_COL + 5, 26, NULL));
}

/* "Consensusscore normaliseren minimaal 6,0; daaronder 1 herkansing (ronde 2)." for every
 * criterion with a minimum, and the maximum number of contractors of a ranked lot. */
static void minimum_line(const tnd_award_lot *a, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < a->n_criteria && i < (int)TND_COUNTOF(a->criteria) && used < size; i++) {
        const tnd_criterion *k = &a->criteria[i];
        if (!k->has_minimum)
            continue;
        char minimum[32];
        tnd_dec_nl(k->minimum, 1, minimum);
        int n = snprintf(buf + used, size - used,
                         "%sConsensusscore %s minimaal %s; daaronder %d herkansing%s (ronde 2) "
                         "met een herzien plan, daarna valt de inschrijving af.",
                         used ? " " : "", k->id, minimum, k->revisions,
                         k->revisions == 1 ? "" : "en");
        used += n > 0 ? (size_t)n : 0;
    }
    if (a->max_awarded > 0 && used < size)
        snprintf(buf + used, size - used, "%sTen hoogste %d opdrachtnemers (rangschikking).",
                 used ? " " : "", a->max_awarded);
}

static void write_lot(committee *c, const tnd_award_lot *a)
{
    tnd_form_writer *w = &c->w;
    const tnd_definition *def = c->def;
    char name[32];
    snprintf(name, sizeof name, TND_FORM_COMMITTEE_SHEET_FMT, a->lot);
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, name);
    if (!ws) {
        tnd_form_note(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    const tnd_lot *lot = tnd_definition_lot(def, a->lot);
    char title[TND_LABEL_LEN + 64], minimum[512], scale_list[96], line[256];
    snprintf(title, sizeof title, "Perceel %d %s: scores van de commissie", a->lot,
             lot ? lot->name : "");
    minimum_line(a, minimum, sizeof minimum);
    scale_text(&def->score_scale, scale_list, sizeof scale_list);
    snprintf(line, sizeof line,
             "Eén rij per inschrijver, criterium en ronde. Scores: %s. Kolom L: spreiding van "
             "de leden.", scale_list);
    tnd_form_intro(w, ws, title, line, minimum[0] ? minimum : NULL,
                   "Bron: " TND_FORM_SHEET_GUIDE "; gele cellen zijn invulvelden.");
    tnd_form_note(w, worksheet_set_column(ws, TND_FORM_COM_COL_KVK, TND_FORM_COM_COL_KVK, 14,
                                          NULL));
    tnd_form_note(w, worksheet_set_column(ws, TND_FORM_COM_COL_NAME, TND_FORM_COM_COL_NAME, 36,
                                          NULL));
    tnd_form_note(w, worksheet_set_column(ws, TND_FORM_COM_COL_CRITERION,
                                          TND_FORM_COM_COL_SPREAD, 11, NULL));

    /* header: the member codes are the scores file's, the reader checks them */
    tnd_form_put_text(w, ws, TND_FORM_HEADER_ROW, TND_FORM_COL_KEY, "sleutel", w->st.header);
    tnd_form_put_text(w, ws, TND_FORM_HEADER_ROW, TND_FORM_COM_COL_KVK, "KvK-nummer",
                      w->st.header);
    tnd_form_put_text(w, ws, TND_FORM_HEADER_ROW, TND_FORM_COM_COL_NAME, "inschrijver",
                      w->st.header);
    tnd_form_put_text(w, ws, TND_FORM_HEADER_ROW, TND_FORM_COM_COL_CRITERION, "criterium",
                      w->st.header);
    tnd_form_put_text(w, ws, TND_FORM_HEADER_ROW, TND_FORM_COM_COL_ROUND, "ronde", w->st.header);
    for (int m = 0; m < TND_FORM_COMMITTEE_MEMBERS; m++)
        tnd_form_put_text(w, ws, TND_FORM_HEADER_ROW, TND_FORM_COM_COL_MEMBER + m,
                          tnd_form_committee_member(m), w->st.header);
    tnd_form_put_text(w, ws, TND_FORM_HEADER_ROW, TND_FORM_COM_COL_CONSENSUS,
                      TND_FORM_COM_CONSENSUS, w->st.header);
    tnd_form_put_text(w, ws, TND_FORM_HEADER_ROW, TND_FORM_COM_COL_SPREAD, "spreiding",
                      w->st.header);
    worksheet_freeze_panes(ws, TND_FORM_FIRST_ROW, TND_FORM_COM_COL_CRITERION);

    for (int i = 0; i < TND_FORM_COMMITTEE_ROWS; i++) {
        int row = TND_FORM_FIRST_ROW + i;
        char key[32], formula[160], from[16], to[16];
        snprintf(key, sizeof key, "score-%d", i + 1);
        tnd_form_put_text(w, ws, row, TND_FORM_COL_KEY, key, w->st.key);
        tnd_form_note(w, worksheet_write_blank(ws, (lxw_row_t)row, TND_FORM_COM_COL_KVK,
                                               w->st.input));
        tnd_form_note(w, worksheet_write_blank(ws, (lxw_row_t)row, TND_FORM_COM_COL_NAME,
                                               w->st.input));
        tnd_form_note(w, worksheet_write_blank(ws, (lxw_row_t)row, TND_FORM_COM_COL_CRITERION,
                                               w->st.input));
        for (int col = TND_FORM_COM_COL_ROUND; col <= TND_FORM_COM_COL_CONSENSUS; col++)
            tnd_form_note(w, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col,
                                                   w->st.input_number));
        lxw_rowcol_to_cell(from, (lxw_row_t)row, TND_FORM_COM_COL_MEMBER);
        lxw_rowcol_to_cell(to, (lxw_row_t)row,
                           TND_FORM_COM_COL_MEMBER + TND_FORM_COMMITTEE_MEMBERS - 1);
        snprintf(formula, sizeof formula, "=IF(COUNT(%s:%s)=0,\"\",MAX(%s:%s)-MIN(%s:%s))", from,
                 to, from, to, from, to);
        tnd_form_put_formula(w, ws, row, TND_FORM_COM_COL_SPREAD, formula, w->st.calc);
    }

    /* pre-filled: per bidder of this lot one line per leaf criterion, round 1 (the committee
     * adds a round-2 line after a revision); only the scores are left to type */
    int n_lines = 0;
    for (size_t b = 0; b < c->n_bidders; b++) {
        if (c->bidders[b].lot != a->lot)
            continue;
        for (int i = 0; i < a->n_criteria && i < (int)TND_COUNTOF(a->criteria) &&
                        n_lines < TND_FORM_COMMITTEE_ROWS;
             i++) {
            if (!is_leaf(a, i))
                continue;
            int row = TND_FORM_FIRST_ROW + n_lines++;
            tnd_form_put_text(w, ws, row, TND_FORM_COM_COL_KVK, c->bidders[b].kvk,
                              w->st.input);
            tnd_form_put_text(w, ws, row, TND_FORM_COM_COL_NAME, c->bidders[b].name,
                              w->st.input);
            tnd_form_put_text(w, ws, row, TND_FORM_COM_COL_CRITERION, a->criteria[i].id,
                              w->st.input);
            tnd_form_note(w, worksheet_write_number(ws, (lxw_row_t)row, TND_FORM_COM_COL_ROUND,
                                                    1, w->st.input_number));
        }
    }

    /* validation: every input cell */
    const char *leaves[TND_MAX_CRITERIA], *scores[TND_MAX_SCALE_VALUES];
    char score_text[TND_MAX_SCALE_VALUES][MAX_ROUND_TEXT];
    size_t n_leaves = 0;
    for (int i = 0; i < a->n_criteria && i < (int)TND_COUNTOF(a->criteria); i++)
        if (is_leaf(a, i))
            leaves[n_leaves++] = a->criteria[i].id;
    int n_scores = def->score_scale.n_values < (int)TND_COUNTOF(scores)
                       ? def->score_scale.n_values : (int)TND_COUNTOF(scores);
    for (int i = 0; i < n_scores; i++) {
        snprintf(score_text[i], MAX_ROUND_TEXT, "%d", def->score_scale.values[i]);
        scores[i] = score_text[i];
    }
    char scale_msg[256];
    snprintf(scale_msg, sizeof scale_msg, "Alleen %s (%s).", scale_list, def->score_scale.source);
    tnd_form_valid_length(w, ws, TND_FORM_FIRST_ROW, TND_FORM_COM_COL_KVK, LAST_ROW,
                          TND_FORM_COM_COL_KVK, 8, "KvK-nummer",
                          "Het KvK-nummer van de inschrijver: 8 cijfers.");
    tnd_form_valid_max_length(w, ws, TND_FORM_FIRST_ROW, TND_FORM_COM_COL_NAME, LAST_ROW,
                              TND_FORM_COM_COL_NAME, TND_NAME_LEN - 1, "Inschrijver",
                              "De naam van de inschrijver.");
    tnd_form_valid_list(w, ws, TND_FORM_FIRST_ROW, TND_FORM_COM_COL_CRITERION, LAST_ROW,
                        TND_FORM_COM_COL_CRITERION, leaves, n_leaves, NULL, true, "Criterium",
                        "Kies het criterium (zie de lijst rechts).");
    tnd_form_valid_whole(w, ws, TND_FORM_FIRST_ROW, TND_FORM_COM_COL_ROUND, LAST_ROW,
                         TND_FORM_COM_COL_ROUND, 1, 1 + max_revisions(a), "Ronde",
                         "1 = eerste beoordeling, 2 = na de herkansing.");
    tnd_form_valid_list(w, ws, TND_FORM_FIRST_ROW, TND_FORM_COM_COL_MEMBER, LAST_ROW,
                        TND_FORM_COM_COL_CONSENSUS, scores,
                        (size_t)n_scores,
                        NULL, true, "Score", scale_msg);
    write_legend(c, ws, a);
    tnd_form_protect(w, ws);
}

static void build(lxw_workbook *wb, void *ctx, lxw_error *error, bool *oom)
{
    committee *c = ctx;
    c->w.wb = wb;
    tnd_form_styles_init(&c->w);
    tnd_form_properties(&c->w, "Commissieformulier", c->def->id, c->def->closing_time.date);
    write_guide(c);
    for (size_t i = 0; i < c->def->n_awards; i++)
        if (c->def->awards[i].n_criteria > 0)
            write_lot(c, &c->def->awards[i]);
    *error = c->w.error;
    *oom = c->w.oom;
}

tnd_status tnd_committee_write(const char *path, const tnd_definition *def,
                               const char *const *protected_inputs, size_t n_protected,
                               tnd_error *err)
{
    return tnd_committee_write_prefilled(path, def, NULL, 0, protected_inputs, n_protected, err);
}

/* Score lines a lot's bidders need: leaf criteria x bidders. */
static int lines_needed(const tnd_award_lot *a, const tnd_committee_bidder *bidders, size_t n)
{
    int leaves = 0, lines = 0;
    for (int i = 0; i < a->n_criteria && i < (int)TND_COUNTOF(a->criteria); i++)
        leaves += is_leaf(a, i);
    for (size_t b = 0; b < n; b++)
        lines += bidders[b].lot == a->lot ? leaves : 0;
    return lines;
}

/* The lines must fit a lot's sheet (TND_FORM_COMMITTEE_ROWS) before anything is built. */
static tnd_status check_lines(const char *path, const tnd_definition *def,
                              const tnd_committee_bidder *bidders, size_t n_bidders, tnd_error *err)
{
    for (size_t i = 0; i < def->n_awards; i++) {
        int lines = lines_needed(&def->awards[i], bidders, n_bidders);
        if (def->awards[i].n_criteria > 0 && lines > TND_FORM_COMMITTEE_ROWS)
            return tnd_error_set(err, TND_ERR_TOO_LARGE, path, 0,
                                 "verdeel de inschrijvingen over meer werkmappen of laat --bids "
                                 "weg en vul de regels zelf in",
                                 "perceel %d vraagt %d scoreregels; het blad heeft er %d",
                                 def->awards[i].lot, lines, TND_FORM_COMMITTEE_ROWS);
    }
    return TND_OK;
}

tnd_status tnd_committee_write_prefilled(const char *path, const tnd_definition *def,
                                         const tnd_committee_bidder *bidders, size_t n_bidders,
                                         const char *const *protected_inputs, size_t n_protected,
                                         tnd_error *err)
{
    tnd_status st = check_lines(path, def, bidders, n_bidders, err);
    if (st != TND_OK)
        return st;
    committee c = { .def = def, .bidders = bidders, .n_bidders = n_bidders };
    return tnd_xlsxw_write_file(path, "commissiewerkmap", build, &c, protected_inputs,
                                n_protected, err);
}

tnd_status tnd_committee_write_to(tnd_outfile *out, const tnd_definition *def,
                                  const tnd_committee_bidder *bidders, size_t n_bidders,
                                  tnd_error *err)
{
    tnd_status st = check_lines(tnd_outfile_name(out), def, bidders, n_bidders, err);
    if (st != TND_OK)
        return st;
    committee c = { .def = def, .bidders = bidders, .n_bidders = n_bidders };
    return tnd_xlsxw_write_outfile(out, "commissiewerkmap", build, &c, err);
}
