/*
 * test_example.c - the shipped IJsselland 2023 example (fixtures/example/) end to end, in process:
 * the 40 bids read and checked (steps 1-2), the committee's scores read, the award of
 * scoring/award.c (step 3), compared with the outcome worked out BY HAND from the rules digest in
 * fixtures/example/README.md; then the award workbook written and read back with tender/xlsx.c.
 *
 * The pipeline is the one `tender evaluate` runs (tender/cli/evaluate_run.c), with --date 2022-10-03.
 * When a line here fails, first redo the hand computation in the README: the README is the
 * expectation, the tool is what is tested.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistd.h>

#include "forms/award_json.h"
#include "forms/award_xlsx.h"
#include "scoring/award.h"
#include "tender/cli/evaluate_run.h"
#include "tender/base/readfile.h"
#include "tender/xlsx.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

#define EXAMPLE TND_SOURCE_DIR "/fixtures/example/"
#define DATE "2022-10-03"

/* ------------------------------------------------------------------ the evaluation, once */

static tnd_run run;

static int run_example(void **state)
{
    /* the lot-4 tests count a bid's places after the run: keep the details it would free */
    tnd_run_options o = { .bids_dir = EXAMPLE "bids", .scores = EXAMPLE "scores.csv",
                          .date = DATE, .keep_bid_details = true };
    return tnd_run_evaluation(&o, &run) ? 0 : -1;
}

static int free_example(void **state)
{
    tnd_run_free(&run);
    return 0;
}

static const tnd_bidder_outcome *bidder(const char *kvk)
{
    for (size_t i = 0; i < run.ev.n_bidders; i++)
        if (strcmp(run.ev.bidders[i].bid->bidder.kvk, kvk) == 0)
            return &run.ev.bidders[i];
    fail_msg("bidder %s not in the example", kvk);
    return NULL;
}

static const tnd_lot_award *lot_award(int lot)
{
    for (size_t i = 0; i < run.ev.n_lots; i++)
        if (run.ev.lots[i].lot == lot)
            return &run.ev.lots[i];
    fail_msg("perceel %d not evaluated", lot);
    return NULL;
}

static const tnd_award_entry *entry(int lot, const char *kvk, int applied)
{
    const tnd_lot_award *la = lot_award(lot);
    for (size_t i = 0; i < la->n_entries; i++)
        if (strcmp(la->entries[i].bid->bidder.kvk, kvk) == 0 && la->entries[i].applied == applied)
            return &la->entries[i];
    fail_msg("no entry of %s (applied %d) in perceel %d", kvk, applied, lot);
    return NULL;
}

static const tnd_criterion_score *score_of(const tnd_lot_award *la, const tnd_award_entry *e,
                                           const char *criterion)
{
    for (int i = 0; i < e->n_scores; i++)
        if (strcmp(la->rule->criteria[e->scores[i].criterion].id, criterion) == 0)
            return &e->scores[i];
    fail_msg("no score %s for %s", criterion, e->bid->bidder.kvk);
    return NULL;
}

/* ------------------------------------------------------------------ the hand-computed outcome */

/* One row of fixtures/example/README.md "Every bidder": a lot applied for, the lot finally
 * placed in (0 = none) and the status there. */
typedef struct {
    const char *kvk;
    int applied, placed;
    tnd_award_status status;
} expected_lot;

#define G TND_AWARD_GRANTED
#define A TND_AWARD_ADMITTED
#define OPEN TND_AWARD_REVISION_OPEN
#define ASIDE TND_AWARD_SET_ASIDE
#define TIE TND_AWARD_TIE
#define PEND TND_AWARD_PENDING
#define EXCL TND_AWARD_EXCLUDED

static const expected_lot EXPECTED[] = {
    {"60112841", 1, 1, G},    {"60112841", 6, 6, A},     /* 01 */
    {"60225718", 1, 1, G},    {"60225718", 7, 7, A},     /* 02 na herziening */
    {"60338215", 1, 0, ASIDE},                           /* 03 */
    {"60441903", 1, 1, OPEN},                            /* 04 */
    {"60557320", 1, 0, EXCL},                            /* 05 fraud */
    {"60664437", 1, 0, EXCL},                            /* 06 step 1 */
    {"60770152", 1, 1, PEND},                            /* 07 REVIEW */
    {"60883649", 1, 0, EXCL},                            /* 08 one reference */
    {"60996184", 1, 0, EXCL},                            /* 09 certificate expired */
    {"61002871", 1, 0, EXCL},                            /* 10 two AGB codes */
    {"61118735", 1, 1, G},    {"61118735", 9, 0, EXCL},  /* 11 */
    {"61224490", 1, 0, EXCL}, {"61224490", 3, 0, EXCL},  /* 12 */
    {"61337926", 1, 1, G},    {"61337926", 8, 8, A},     /* 13 product I held (§4.1.8) */
    {"62041187", 2, 2, G},    {"62041187", 8, 8, A},     /* 20 */
    {"62154622", 2, 2, G},    {"62154622", 8, 8, A},     /* 21 */
    {"62267305", 2, 0, EXCL}, {"62267305", 8, 0, EXCL},  /* 22 insurance */
    {"63012458", 3, 3, G},    {"63012458", 7, 7, A},     /* 30 flagged */
    {"63125873", 3, 0, ASIDE},                           /* 31 */
    {"63238306", 3, 1, G},                               /* 32 cascade 3 -> 1 */
    {"63341729", 3, 3, PEND},                            /* 33 PLAN REQUIRED */
    {"63454164", 3, 3, PEND},                            /* 34 11:04: 11:00 or 12:00? */
    {"64013597", 4, 4, G},                               /* 40 */
    {"64126032", 4, 4, G},                               /* 41 */
    {"64239467", 4, 4, G},                               /* 42 */
    {"64342890", 4, 4, G},                               /* 43 worked example */
    {"64455325", 4, 4, TIE},                             /* 44 */
    {"64567850", 4, 4, TIE},                             /* 45 */
    {"64670283", 4, 3, G},                               /* 46 terugval 4 -> 3 */
    {"64783718", 4, 0, ASIDE},                           /* 47 */
    {"64896153", 4, 3, G},                               /* 48 cascade 4 -> 3 at step 2 */
    {"65017649", 5, 5, G},                               /* 50 */
    {"65120374", 5, 5, OPEN},                            /* 51 */
    {"65233809", 5, 3, G},                               /* 52 cascade 5 -> 3 */
    {"65346234", 5, 0, EXCL},                            /* 53 opt-out */
    {"66012735", 6, 0, EXCL},                            /* 60 */
    {"66125160", 8, 8, A},                               /* 61 gezinshuis */
    {"67018567", 7, 0, EXCL}, {"67018567", 9, 9, G},     /* 70 */
    {"69013482", 9, 9, G},                               /* 90 */
    {"69126917", 9, 9, G},                               /* 91 na herziening */
    {"69239342", 9, 0, ASIDE},                           /* 92 */
};

#define N_EXPECTED (sizeof EXPECTED / sizeof EXPECTED[0])

static void test_example_has_40_bidders_all_read(void **state)
{
    assert_int_equal(run.checked.n, 40);
    assert_int_equal(run.checked.n_failed, 0);
    assert_int_equal(run.ev.n_bidders, 40);
    assert_int_equal(run.ev.n_lots, 9);
    size_t applied = 0;
    for (size_t i = 0; i < run.ev.n_bidders; i++)
        applied += (size_t)run.ev.bidders[i].n_applied;
    assert_int_equal(applied, N_EXPECTED); /* the table names every lot applied for */
}

/* fixtures/example/README.md, "Every bidder and the expected outcome per lot". */
static void test_every_bidder_gets_the_hand_computed_outcome_per_lot(void **state)
{
    for (size_t i = 0; i < N_EXPECTED; i++) {
        const expected_lot *x = &EXPECTED[i];
        const tnd_bidder_outcome *o = bidder(x->kvk);
        int k = 0;
        while (k < o->n_applied && o->applied[k] != x->applied)
            k++;
        if (k == o->n_applied)
            fail_msg("%s did not apply for perceel %d", x->kvk, x->applied);
        if (o->placed[k] != x->placed || o->status[k] != x->status)
            fail_msg("%s perceel %d: placed %d %s, expected %d %s", x->kvk, x->applied,
                     o->placed[k], tnd_award_status_name(o->status[k]), x->placed,
                     tnd_award_status_name(x->status));
    }
}

/* §6: the step at which a bid stopped (1, 2), 3 when every lot was decided against it at the
 * award, 0 when it holds a place. */
static void test_stopped_at_step_names_the_step_of_each_knock_out(void **state)
{
    assert_int_equal(bidder("60664437")->stopped_at_step, 1); /* §6 step 1: missing items */
    /* §3.3 L251-253 (12:00, NvI 2) against §3.6 L381 (11:00): 11:04 is REVIEW, not late */
    assert_int_equal(bidder("63454164")->stopped_at_step, 0);
    assert_int_equal(bidder("60557320")->stopped_at_step, 2); /* §5.2: fraud */
    assert_int_equal(bidder("62267305")->stopped_at_step, 2); /* §5.3.2: insurance */
    assert_int_equal(bidder("65346234")->stopped_at_step, 2); /* §4.3.1: opted out */
    assert_int_equal(bidder("60338215")->stopped_at_step, 3); /* §6.1.1: set aside */
    assert_int_equal(bidder("64783718")->stopped_at_step, 3); /* §6.1.2: set aside */
    assert_int_equal(bidder("60770152")->stopped_at_step, 0); /* §5.3.1 REVIEW: still in */
    assert_int_equal(bidder("64455325")->stopped_at_step, 0); /* tie: still in */
}

/* The lot-4 table of the README: order, rank, exact total (6 decimals), status. */
static void test_lot4_ranking_and_totals_match_the_hand_computation(void **state)
{
    static const struct {
        const char *kvk;
        int rank;
        int64_t total; /* tnd_dec units: 9,0 = 9000000 */
        tnd_award_status status;
    } lot4[] = {
        {"64013597", 1, 9000000, G},   /* 0,5 x 10 + 0,5 x 8,0 */
        {"64126032", 2, 8200000, G},   /* 0,5 x 8 + 0,5 x 8,4 */
        {"64239467", 3, 7800000, G},   /* 0,5 x 8 (after the revision) + 0,5 x 7,6 */
        {"64342890", 4, 7400000, G},   /* 0,5 x 8 + 0,5 x 6,8: the §6.1.2 worked example */
        {"64455325", 5, 7000000, TIE}, /* 0,5 x 8 + 0,5 x 6,0 */
        {"64567850", 5, 7000000, TIE}, /* 0,5 x 6 + 0,5 x 8,0 */
        {"64670283", 7, 6600000, TND_AWARD_NOT_RANKED}, /* 0,5 x 6 + 0,5 x 7,2 */
        {"64783718", 0, 6000000, ASIDE},
        {"64896153", 0, 0, EXCL},
    };
    const tnd_lot_award *la = lot_award(4);
    assert_int_equal(la->n_entries, sizeof lot4 / sizeof lot4[0]);
    for (size_t i = 0; i < la->n_entries; i++) {
        const tnd_award_entry *e = &la->entries[i];
        assert_string_equal(e->bid->bidder.kvk, lot4[i].kvk);
        assert_int_equal(e->rank, lot4[i].rank);
        assert_int_equal(e->status, lot4[i].status);
        if (lot4[i].status != EXCL)
            assert_int_equal(e->total.units, lot4[i].total);
    }
    assert_int_equal(la->n_granted, 4); /* §4.3 L913-915: at most 5; the 5th place is tied */
}

/* §6.1.2 L1983-1987: 8 / 6 / 8 / 10 / 4 => 7,4; C from the locations (L1943-1945): Zwolle 6 +
 * Hattem 5 at exactly 15,0 km (<= 15 counts) = 11 >= 10; Apeldoorn at 22,5 km does not count. */
static void test_lot4_worked_example_is_7_4_with_c_computed_from_11_places(void **state)
{
    const tnd_lot_award *la = lot_award(4);
    const tnd_award_entry *e = entry(4, "64342890", 4);
    const tnd_criterion_score *c = score_of(la, e, "C");
    assert_true(c->computed);
    assert_int_equal(c->consensus, 10);
    assert_int_equal(c->factor.units, 100000);   /* 0,5 x 0,2 */
    assert_int_equal(c->weighted.units, 1000000);
    assert_int_equal(score_of(la, e, "normaliseren")->factor.units, 500000);
    assert_int_equal(score_of(la, e, "A")->factor.units, 200000);
    assert_int_equal(score_of(la, e, "D")->consensus, 4);
    assert_int_equal(e->total.units, 7400000);
    tnd_dec km15 = { 15 * TND_DEC_SCALE };
    assert_int_equal(tnd_award_places_within_lot(run.def, 4, e->bid, km15), 11);
    assert_non_null(strstr(e->reason, "criterium C berekend: 11 plekken"));
}

/* §6.1.2 L1943-1945: 9 places within 15 km is one short => the committee's C score is used. */
static void test_lot4_nine_places_leave_c_to_the_committee(void **state)
{
    const tnd_lot_award *la = lot_award(4);
    const tnd_criterion_score *c = score_of(la, entry(4, "64455325", 4), "C");
    assert_false(c->computed);
    assert_int_equal(c->consensus, 6);
    tnd_dec km15 = { 15 * TND_DEC_SCALE };
    assert_int_equal(tnd_award_places_within_lot(run.def, 4, entry(4, "64455325", 4)->bid, km15),
                     9);
    assert_true(score_of(la, entry(4, "64126032", 4), "C")->computed); /* 12 places */
}

/* RES-GELIJKE-STAND: no tie rule in the definition => both tied bidders reported, not granted. */
static void test_lot4_tie_at_fifth_place_is_reported_and_not_decided(void **state)
{
    const tnd_lot_award *la = lot_award(4);
    assert_true(la->tie);
    assert_string_equal(la->tie_text,
                        "gelijke stand om plaats 5 (eindcijfer 7,0) tussen 64455325 Stichting "
                        "Jeugd-GGZ Vechtdal, 64567850 Stichting Jeugdhulp en GGZ "
                        "Kampen-IJsselmuiden; onbeslist: de definitie noemt geen beslisregel "
                        "(resolutie RES-GELIJKE-STAND)");
    assert_int_equal(entry(4, "64455325", 4)->status, TIE);
    assert_int_equal(entry(4, "64567850", 4)->status, TIE);
}

/* §6.1.2 L1989-1993: Normaliseren 4, revised 8 => the revised score counts in the mark. */
static void test_lot4_revision_counts_the_round_2_score(void **state)
{
    const tnd_lot_award *la = lot_award(4);
    const tnd_criterion_score *n = score_of(la, entry(4, "64239467", 4), "normaliseren");
    assert_int_equal(n->first_round, 4);
    assert_int_equal(n->consensus, 8);
    assert_int_equal(n->round, 2);
    const tnd_criterion_score *set_aside = score_of(la, entry(4, "64783718", 4), "normaliseren");
    assert_int_equal(set_aside->first_round, 4);
    assert_int_equal(set_aside->consensus, 4);
    assert_int_equal(entry(4, "64783718", 4)->rank, 0);
}

/* §4.3.1: not granted perceel 4 => placed in perceel 3 and granted there on the same plan (6). */
static void test_lot4_rank_7_falls_back_to_lot3_and_is_granted_there(void **state)
{
    const tnd_award_entry *e = entry(3, "64670283", 4);
    assert_int_equal(e->status, G);
    assert_int_equal(e->total.units, 6000000);
    assert_non_null(strstr(e->reason, "terugval uit perceel 4 (§4.3.1)"));
    assert_string_equal(bidder("64670283")->path[0],
                        "4 -> niet gegund (rang 7 van 7) -> 3: gegund");
}

/* Cascades at step 2 (§4.3.1): 5 -> 3 scored on its perceel-5 rows, 3 -> 1 on perceel-1 rows,
 * 4 -> 3 on perceel-3 rows; opted out => no placement. */
static void test_step2_cascades_are_scored_in_the_lot_placed(void **state)
{
    assert_int_equal(entry(3, "65233809", 5)->status, G);
    assert_non_null(strstr(entry(3, "65233809", 5)->reason, "score uit perceel 5"));
    assert_int_equal(entry(5, "65233809", 5)->status, EXCL);
    assert_int_equal(entry(1, "63238306", 3)->status, G);
    assert_int_equal(entry(3, "63238306", 3)->status, EXCL);
    assert_int_equal(entry(3, "64896153", 4)->status, G);
    assert_int_equal(entry(4, "64896153", 4)->status, EXCL);
    assert_int_equal(bidder("65346234")->placed[0], 0);
}

/* §6.1.1 L1775-1777: exactly one consensus outside the members' range in the example, flagged. */
static void test_only_the_consensus_outside_the_members_range_is_flagged(void **state)
{
    int flagged = 0;
    for (size_t l = 0; l < run.ev.n_lots; l++)
        for (size_t i = 0; i < run.ev.lots[l].n_entries; i++) {
            const tnd_award_entry *e = &run.ev.lots[l].entries[i];
            for (int s = 0; s < e->n_scores; s++)
                flagged += e->scores[s].consensus_outside_members;
        }
    assert_int_equal(flagged, 1);
    const tnd_criterion_score *n =
        score_of(lot_award(3), entry(3, "63012458", 3), "normaliseren");
    assert_true(n->consensus_outside_members);
    assert_int_equal(n->consensus, 10);
    assert_int_equal(n->member_min, 6);
    assert_int_equal(n->member_max, 8);
    assert_int_equal(entry(3, "63012458", 3)->status, G);
}

/* §6.1.1 L1804-1807: exactly 6 is enough; the revised score decides; twice below => set aside. */
static void test_threshold_lots_apply_the_minimum_and_the_one_revision(void **state)
{
    assert_int_equal(entry(1, "61118735", 1)->total.units, 6000000);
    assert_int_equal(entry(1, "61118735", 1)->status, G);
    assert_non_null(strstr(entry(1, "60225718", 1)->reason, "gegund na herziening"));
    assert_non_null(strstr(entry(9, "69126917", 9)->reason, "gegund na herziening"));
    assert_int_equal(entry(2, "62154622", 2)->total.units, 8000000);
    assert_int_equal(entry(9, "69239342", 9)->status, ASIDE);
    assert_int_equal(entry(5, "65120374", 5)->status, OPEN);
    assert_int_equal(entry(1, "60770152", 1)->status, PEND); /* §5.3.1 REVIEW open */
    assert_int_equal(entry(3, "63341729", 3)->status, PEND); /* §5.3.1 PLAN REQUIRED open */
}

/* Counts per perceel, README "Expected per perceel" (granted or admitted / entries). */
static void test_counts_per_lot_match_the_readme(void **state)
{
    static const int granted[9] = {5, 2, 4, 4, 1, 1, 2, 4, 3};
    static const size_t entries[9] = {14, 3, 9, 9, 4, 2, 3, 5, 5};
    for (int lot = 1; lot <= 9; lot++) {
        const tnd_lot_award *la = lot_award(lot);
        if (la->n_granted != granted[lot - 1] || la->n_entries != entries[lot - 1])
            fail_msg("perceel %d: %d of %zu, expected %d of %zu", lot, la->n_granted,
                     la->n_entries, granted[lot - 1], entries[lot - 1]);
        assert_int_equal(la->tie, lot == 4);
    }
}

/* ------------------------------------------------------------------ the workbook, read back */

typedef struct {
    char dir[64];
    char path[96];
} tmp_book;

static void write_book(tmp_book *t, const char *name)
{
    tnd_error err;
    const char *protected[64];
    size_t n = tnd_run_inputs(&run, protected, NULL, 64);
    snprintf(t->path, sizeof t->path, "%s/%s", t->dir, name);
    if (tnd_award_workbook_write(t->path, run.def, &run.ev, &run.audit, protected, n, &err) !=
        TND_OK)
        fail_msg("workbook not written: %s", err.message);
}

/* A written workbook, whole (tender/base/readfile.c); far below 8 MiB. */
static char *slurp(const char *path, size_t *len)
{
    char *buf = NULL;
    tnd_error err;
    if (tnd_read_file_bounded(path, 8u << 20, &buf, len, &err) != TND_OK)
        fail_msg("%s: %s", path, err.message);
    return buf;
}

/* The cells of one row of a sheet, by column (1-based), copied. */
typedef struct {
    char text[32][256];
    tnd_xlsx_type type[32];
    bool found;
} sheet_row;

/* Finds the row of sheet `name` whose column C (KvK) holds `kvk` and copies its cells. */
static void find_row(tnd_xlsx *book, const char *name, const char *kvk, sheet_row *out)
{
    size_t index;
    tnd_error err;
    memset(out, 0, sizeof *out);
    assert_true(tnd_xlsx_sheet_find(book, name, &index));
    tnd_xlsx_cells *cells = tnd_xlsx_cells_open(book, index, &err);
    assert_non_null(cells);
    const tnd_xlsx_cell *c;
    uint32_t current = 0;
    while (tnd_xlsx_cells_next(cells, &c, &err) == TND_OK && c) {
        if (c->row != current) {
            if (out->found)
                break; /* the row sought is complete */
            memset(out, 0, sizeof *out);
            current = c->row;
        }
        if (c->col < 32) {
            snprintf(out->text[c->col], sizeof out->text[c->col], "%s", c->text);
            out->type[c->col] = c->type;
        }
        if (c->col == 3 && strcmp(c->text, kvk) == 0)
            out->found = true;
    }
    tnd_xlsx_cells_close(cells);
    assert_true(out->found);
}

static void test_workbook_sheets_and_the_worked_example_row(void **state)
{
    tmp_book t;
    snprintf(t.dir, sizeof t.dir, "/tmp/tnd-example-XXXXXX");
    assert_non_null(mkdtemp(t.dir));
    write_book(&t, "award.xlsx");

    tnd_error err;
    tnd_xlsx *book = tnd_xlsx_open(t.path, &err);
    assert_non_null(book);
    static const char *const sheets[] = {"Samenvatting", "Perceel 1", "Perceel 2", "Perceel 3",
                                         "Perceel 4", "Perceel 5", "Perceel 6", "Perceel 7",
                                         "Perceel 8", "Perceel 9", "Knock-outs", "Inschrijvers",
                                         "Procedure", "Tarieven", "Audit"};
    assert_int_equal(tnd_xlsx_sheet_count(book), 15);
    for (size_t i = 0; i < 15; i++)
        assert_string_equal(tnd_xlsx_sheet_at(book, i)->name, sheets[i]);

    /* 'Perceel 4' (docs/award-workbook.md): A rank, E/F/G normaliseren score/round/factor, H A,
     * J B, L C, N D, P Totaal, Q Status. */
    sheet_row r;
    find_row(book, "Perceel 4", "64342890", &r);
    assert_string_equal(r.text[1], "4");
    assert_string_equal(r.text[2], "Stichting Jeugd-GGZ De Overlaat");
    assert_string_equal(r.text[5], "8");
    assert_string_equal(r.text[8], "6");
    assert_string_equal(r.text[10], "8");
    assert_string_equal(r.text[12], "10");
    assert_string_equal(r.text[14], "4");
    assert_string_equal(r.text[16], "7.4");
    assert_int_equal(r.type[16], TND_XLSX_NUMBER); /* a number, not text */
    assert_string_equal(r.text[17], "GEGUND");
    assert_non_null(strstr(r.text[19], "C: berekend uit locaties"));

    find_row(book, "Perceel 4", "64455325", &r);
    assert_string_equal(r.text[16], "7");
    assert_string_equal(r.text[17], "GELIJKE STAND");

    /* 'Samenvatting' row 10, perceel 4 (README "Samenvatting"): D ingeschreven 9 (40-48),
     * E toegelaten na stap 1-2 8, F geplaatst 6 (4 gegund + 2 gelijke stand), G gegund 4,
     * H afgewezen 3 (46, 47, 48), I open 2 (the tie), J maximum 5, K gelijke stand ja. */
    static const char *const summary[] = {"4", "Ambulant individueel - GGZ 2",
                                          "rangschikking op eindcijfer", "9", "8", "6", "4",
                                          "3", "2", "5", "ja"};
    size_t index;
    assert_true(tnd_xlsx_sheet_find(book, "Samenvatting", &index));
    tnd_xlsx_cells *cells = tnd_xlsx_cells_open(book, index, &err);
    assert_non_null(cells);
    const tnd_xlsx_cell *c;
    int seen = 0;
    while (tnd_xlsx_cells_next(cells, &c, &err) == TND_OK && c)
        if (c->row == 10 && c->col >= 1 && c->col <= 11) {
            assert_string_equal(c->text, summary[c->col - 1]);
            seen++;
        }
    tnd_xlsx_cells_close(cells);
    assert_int_equal(seen, 11);

    tnd_xlsx_close(book);
    unlink(t.path);
    rmdir(t.dir);
}

/* The JSON written in pieces (as `evaluate` writes it, flushing to its file) is the JSON built
 * whole, whatever the size of the pieces; a flush that fails stops the document. */
typedef struct {
    tnd_buf collected;
    int flushes, fail_at;
} json_sink;

static bool collect(void *ctx, tnd_buf *b)
{
    json_sink *s = ctx;
    if (++s->flushes == s->fail_at)
        return false;
    tnd_buf_append(&s->collected, b->data, b->len);
    b->len = 0;
    b->data[0] = '\0';
    return true;
}

static void test_json_in_pieces_is_the_json_whole(void **state)
{
    (void)state;
    tnd_buf whole;
    tnd_buf_init(&whole);
    assert_true(tnd_award_json(run.def, &run.ev, run.date, run.run_id, &run.procedure, &whole));
    assert_true(whole.len > 60000);
    static const size_t chunks[] = { 1, 100, 4096, 65536 };
    for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        json_sink s = { .fail_at = 0 };
        tnd_buf_init(&s.collected);
        tnd_buf rest;
        tnd_buf_init(&rest);
        assert_true(tnd_award_json_stream(run.def, &run.ev, run.date, run.run_id,
                                          &run.procedure, &rest, collect, &s, chunks[c]));
        assert_true(s.flushes >= 1);
        assert_true(rest.len < chunks[c] + 4096); /* never more than a piece and a member */
        tnd_buf_append(&s.collected, rest.data ? rest.data : "", rest.len);
        assert_int_equal(s.collected.len, whole.len);
        assert_memory_equal(s.collected.data, whole.data, whole.len);
        tnd_buf_free(&s.collected);
        tnd_buf_free(&rest);
    }
    json_sink failing = { .fail_at = 3 };
    tnd_buf_init(&failing.collected);
    tnd_buf rest;
    tnd_buf_init(&rest);
    assert_false(tnd_award_json_stream(run.def, &run.ev, run.date, run.run_id, &run.procedure,
                                       &rest, collect, &failing, 4096));
    assert_int_equal(failing.flushes, 3); /* and not one more after the failure */
    tnd_buf_free(&failing.collected);
    tnd_buf_free(&rest);
    tnd_buf_free(&whole);
}

/* docs/evaluate.md: identical inputs and date give a byte-identical workbook. */
static void test_two_workbooks_of_the_example_are_byte_identical(void **state)
{
    tmp_book t;
    snprintf(t.dir, sizeof t.dir, "/tmp/tnd-example-XXXXXX");
    assert_non_null(mkdtemp(t.dir));
    write_book(&t, "a.xlsx");
    char first[96];
    snprintf(first, sizeof first, "%s", t.path);
    write_book(&t, "b.xlsx");
    size_t la, lb;
    char *a = slurp(first, &la), *b = slurp(t.path, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
    free(a);
    free(b);
    unlink(first);
    unlink(t.path);
    rmdir(t.dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example_has_40_bidders_all_read),
        cmocka_unit_test(test_every_bidder_gets_the_hand_computed_outcome_per_lot),
        cmocka_unit_test(test_stopped_at_step_names_the_step_of_each_knock_out),
        cmocka_unit_test(test_lot4_ranking_and_totals_match_the_hand_computation),
        cmocka_unit_test(test_lot4_worked_example_is_7_4_with_c_computed_from_11_places),
        cmocka_unit_test(test_lot4_nine_places_leave_c_to_the_committee),
        cmocka_unit_test(test_lot4_tie_at_fifth_place_is_reported_and_not_decided),
        cmocka_unit_test(test_lot4_revision_counts_the_round_2_score),
        cmocka_unit_test(test_lot4_rank_7_falls_back_to_lot3_and_is_granted_there),
        cmocka_unit_test(test_step2_cascades_are_scored_in_the_lot_placed),
        cmocka_unit_test(test_only_the_consensus_outside_the_members_range_is_flagged),
        cmocka_unit_test(test_threshold_lots_apply_the_minimum_and_the_one_revision),
        cmocka_unit_test(test_counts_per_lot_match_the_readme),
        cmocka_unit_test(test_workbook_sheets_and_the_worked_example_row),
        cmocka_unit_test(test_two_workbooks_of_the_example_are_byte_identical),
        cmocka_unit_test(test_json_in_pieces_is_the_json_whole),
    };
    return cmocka_run_group_tests(tests, run_example, free_example);
}
