/*
 * test_award.c - step 3 of the evaluation (§6.1): the award per lot and the final placement of
 * every bidder (scoring/award.c).
 *
 * The tender definition is built here as an IJsselland-like file would hold it, with three lots:
 *   lot 3 (GGZ 1)  threshold: Plan van Aanpak Normaliseren >= 6,0, one revision (§6.1.1);
 *   lot 4 (GGZ 2)  ranked, at most 5: 50 % Normaliseren (>= 6,0, one revision) + 50 % Regionale
 *                  doelen split A 40 / B 20 / C 20 / D 20, C computed from >= 10 places within
 *                  15 km (§6.1.2); cascade 4 -> 3, awarded competitively (§4.3.1);
 *   lot 6          admitted after steps 1-2 (§6.1 L1702-1704).
 * Lots 3 and 4 each have one §5.6-style requirement (facts "wvggz" and "regio"), so a fallback
 * from lot 4 is judged on lot 3's, and a bid failing lot 4's is placed in lot 3 by tnd_check.
 * Bids are built in C and run through tnd_check, so the placements are the real ones. Scores are
 * consensus rows unless a test is about the members' spread. Marks are tnd_dec units
 * (TND_DEC_SCALE = 1e6): 7,4 = 7400000.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/award.h"

#define D(u) ((tnd_dec){ (u) })
#define MARK(x10) ((tnd_dec){ (int64_t)(x10) * (TND_DEC_SCALE / 10) }) /* MARK(74) = 7,4 */

/* ------------------------------------------------------------------ the definition */

enum { C_NORM, C_REGIO, C_A, C_B, C_C, C_D };

typedef struct {
    tnd_definition def;
    tnd_resolution resolutions[1];
    tnd_municipality municipalities[2];
    char lot_municipalities[2][TND_CODE_LEN];
    tnd_lot lots[3];
    tnd_award_lot awards[3];
    tnd_requirement requirements[2];
    tnd_declaration_rule declarations[1];
} def_fixture;

static void set_ref(tnd_rule_ref *ref, const char *id, const char *source, const char *label)
{
    strcpy(ref->id, id);
    strcpy(ref->source, source);
    strcpy(ref->label, label);
}

static void criterion(tnd_award_lot *a, const char *id, const char *label, int64_t weight,
                      int parent, const char *source)
{
    tnd_criterion *c = &a->criteria[a->n_criteria++];
    strcpy(c->id, id);
    strcpy(c->label, label);
    c->weight = D(weight);
    c->parent = parent;
    strcpy(c->source, source);
}

static void minimum_6_one_revision(tnd_criterion *c)
{
    c->has_minimum = true;
    c->minimum = D(6000000);
    c->revisions = 1;
}

static void build_definition(def_fixture *f)
{
    tnd_definition *d = &f->def;
    strcpy(d->id, "test-award");
    d->closing_time = (tnd_datetime){ {2022, 7, 18}, 11, 0, 0 };
    set_ref(&d->closing, "SLUITINGSTIJD", "§3.6 L381", "Sluitingstijd");

    strcpy(f->resolutions[0].id, "RES-GELIJKE-STAND");
    strcpy(f->resolutions[0].source, "§4.3 L913-915");
    strcpy(f->resolutions[0].text, "Geen beslisregel bij gelijke stand: melden.");
    d->resolutions = f->resolutions;
    d->n_resolutions = 1;

    strcpy(f->municipalities[0].id, "zwolle");
    strcpy(f->municipalities[0].name, "Zwolle");
    strcpy(f->municipalities[1].id, "deventer");
    strcpy(f->municipalities[1].name, "Deventer");
    d->municipalities = f->municipalities;
    d->n_municipalities = 2;
    strcpy(f->lot_municipalities[0], "zwolle");
    strcpy(f->lot_municipalities[1], "deventer");

    const int numbers[3] = { 3, 4, 6 };
    const char *names[3] = { "Ambulant individueel - GGZ 1", "Ambulant individueel - GGZ 2",
                             "Ambulant Groepsaanbod" };
    for (int i = 0; i < 3; i++) {
        f->lots[i].number = numbers[i];
        strcpy(f->lots[i].name, names[i]);
        f->lots[i].municipalities = f->lot_municipalities;
        f->lots[i].n_municipalities = 2;
    }
    d->lots = f->lots;
    d->n_lots = 3;

    /* §4.3.1 L958-969: 4 -> 3, lot 4 placed only when awarded */
    set_ref(&d->cascade.ref, "PERCEEL-INDELING", "§4.3.1 L956-969", "Indeling lager perceel");
    d->cascade.chains[0] = (tnd_cascade_chain){ .from = 4, .to = { 3 }, .n_to = 1,
                                                .awarded_competitively = true };
    d->cascade.n_chains = 1;
    d->cascade.opt_out_allowed = true;

    tnd_requirement *q = &f->requirements[0];
    set_ref(&q->ref, "TG-P3-WVGGZ", "§5.6 L1570", "Werkt binnen de Wvggz");
    q->lot = 3;
    q->kind = TND_REQ_FLAG;
    strcpy(q->fact, "wvggz");
    q = &f->requirements[1];
    set_ref(&q->ref, "TG-P4-REGIO", "§5.6 L1584-1585", "Werkzaam vanuit de regio");
    q->lot = 4;
    q->kind = TND_REQ_FLAG;
    strcpy(q->fact, "regio");
    d->requirements = f->requirements;
    d->n_requirements = 2;

    /* §4.1.5: a bid with reservations "may" be declared invalid: a reviewer decides */
    tnd_declaration_rule *v = &f->declarations[0];
    set_ref(&v->ref, "VERKL-VOORBEHOUD", "§4.1.5 L520", "Geen voorbehouden");
    strcpy(v->kind, "no-reservations");
    v->on_violation = TND_REVIEW;
    d->declarations = f->declarations;
    d->n_declarations = 1;

    const int scale[6] = { 0, 2, 4, 6, 8, 10 };
    for (int i = 0; i < 6; i++)
        d->score_scale.values[i] = scale[i];
    d->score_scale.n_values = 6;

    tnd_award_lot *a3 = &f->awards[0];
    set_ref(&a3->ref, "GUNNING-P3", "§6.1 L1690-1692", "Perceel 3: minimaal 6,0");
    a3->lot = 3;
    a3->kind = TND_AWARD_THRESHOLD;
    criterion(a3, "normaliseren", "Plan van Aanpak Normaliseren", 1000000, -1,
              "§6.1.1 L1804-1807");
    minimum_6_one_revision(&a3->criteria[0]);

    tnd_award_lot *a4 = &f->awards[1];
    set_ref(&a4->ref, "GUNNING-P4", "§6.1.2 L1835-1993", "Perceel 4: maximaal 5");
    strcpy(a4->ref.resolution, "RES-GELIJKE-STAND");
    a4->lot = 4;
    a4->kind = TND_AWARD_RANKED;
    a4->max_awarded = 5;
    criterion(a4, "normaliseren", "Plan van Aanpak Normaliseren", 500000, -1, "§6.1.2 L1840");
    minimum_6_one_revision(&a4->criteria[C_NORM]);
    criterion(a4, "regionale-doelen", "Regionale doelen", 500000, -1, "§6.1.2 L1842-1848");
    criterion(a4, "A", "Op- en afschalen", 400000, C_REGIO, "§6.1.2 L1845");
    criterion(a4, "B", "Meerdere doelgroepen", 200000, C_REGIO, "§6.1.2 L1846");
    criterion(a4, "C", "Locaties in de regio", 200000, C_REGIO, "§6.1.2 L1847");
    criterion(a4, "D", "Kleinschaligheid", 200000, C_REGIO, "§6.1.2 L1848");
    tnd_criterion *c = &a4->criteria[C_C];
    c->computed_locations = true;
    c->locations_min_places = 10;
    c->locations_max_km = D(15000000);
    c->locations_score = 10;

    tnd_award_lot *a6 = &f->awards[2];
    set_ref(&a6->ref, "GUNNING-P6", "§6.1 L1702-1704", "Perceel 6: toegelaten");
    a6->lot = 6;
    a6->kind = TND_AWARD_ADMIT;

    d->awards = f->awards;
    d->n_awards = 3;
}

/* ------------------------------------------------------------------ bids, scores, the run */

#define MAX_BIDS 12

typedef struct {
    def_fixture d;
    tnd_bid bids[MAX_BIDS];
    tnd_bid_lot lots[MAX_BIDS][2];
    tnd_location locations[MAX_BIDS][2];
    tnd_fact facts[MAX_BIDS][2];
    tnd_check_result checks[MAX_BIDS];
    const tnd_bid *bid_ptrs[MAX_BIDS];
    const tnd_check_result *check_ptrs[MAX_BIDS];
    size_t n;
    tnd_score rows[256];
    tnd_scores scores;
    tnd_evaluation ev;
    bool ran;
} world;

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    if (!w)
        return -1;
    build_definition(&w->d);
    w->scores.items = w->rows;
    strcpy(w->scores.file, "scores.csv");
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    for (size_t i = 0; i < w->n; i++)
        tnd_check_result_free(&w->checks[i]);
    if (w->ran)
        tnd_evaluation_free(&w->ev);
    free(w);
    return 0;
}

/* A complete bid on `lot`, submitted in time, meeting the requirements of lots 3 (wvggz) and 4
 * (regio); the lot-3 fact comes last, so n_facts = 1 drops it. */
static tnd_bid *bidder(world *w, const char *kvk, const char *name, int lot)
{
    size_t i = w->n++;
    tnd_bid *b = &w->bids[i];
    strcpy(b->bidder.kvk, kvk);
    strcpy(b->bidder.name, name);
    b->has_submission = true;
    b->submitted = (tnd_datetime){ {2022, 7, 18}, 10, 0, 0 };
    b->lots = w->lots[i];
    b->lots[0].number = lot;
    b->n_lots = 1;
    b->locations = w->locations[i];
    b->facts = w->facts[i];
    strcpy(b->facts[0].name, "regio");
    strcpy(b->facts[1].name, "wvggz");
    for (int k = 0; k < 2; k++) {
        b->facts[k].type = TND_FACT_FLAG;
        b->facts[k].flag = true;
    }
    b->n_facts = 2;
    return b;
}

static void also_lot(tnd_bid *b, int lot)
{
    b->lots[b->n_lots++].number = lot;
}

static void location(tnd_bid *b, const char *municipality, long places, int64_t km_units)
{
    tnd_location *l = &b->locations[b->n_locations++];
    strcpy(l->name, "locatie");
    strcpy(l->municipality, municipality);
    l->places = places;
    l->distance_km = D(km_units);
}

static void score(world *w, int lot, const char *crit, const char *kvk, int round,
                  const char *member, int value)
{
    tnd_score *s = &w->rows[w->scores.n++];
    s->lot = lot;
    strcpy(s->criterion, crit);
    strcpy(s->bidder, kvk);
    s->round = round;
    strcpy(s->member, member);
    s->score = value;
    s->line = (long)w->scores.n + 1;
}

static void consensus(world *w, int lot, const char *crit, const char *kvk, int round, int value)
{
    score(w, lot, crit, kvk, round, TND_CONSENSUS, value);
}

/* Round-1 consensus scores of a lot-4 plan: Normaliseren and the regional goals A-D. */
static void lot4(world *w, const char *kvk, int norm, int a, int b, int c, int d)
{
    consensus(w, 4, "normaliseren", kvk, 1, norm);
    consensus(w, 4, "A", kvk, 1, a);
    consensus(w, 4, "B", kvk, 1, b);
    consensus(w, 4, "C", kvk, 1, c);
    consensus(w, 4, "D", kvk, 1, d);
}

static void run(world *w)
{
    for (size_t i = 0; i < w->n; i++) {
        assert_true(tnd_check(&w->d.def, &w->bids[i], &w->checks[i]));
        w->bid_ptrs[i] = &w->bids[i];
        w->check_ptrs[i] = &w->checks[i];
    }
    assert_true(tnd_evaluate(&w->d.def, w->bid_ptrs, w->check_ptrs, w->n, &w->scores, NULL, 0,
                             &w->ev));
    w->ran = true;
}

/* (issue 8 §4) run() with the officer's tie settlements */
static void run_settled(world *w, const tnd_tie_settlement *ties, size_t n_ties)
{
    for (size_t i = 0; i < w->n; i++) {
        assert_true(tnd_check(&w->d.def, &w->bids[i], &w->checks[i]));
        w->bid_ptrs[i] = &w->bids[i];
        w->check_ptrs[i] = &w->checks[i];
    }
    assert_true(tnd_evaluate_settled(&w->d.def, w->bid_ptrs, w->check_ptrs, w->n, &w->scores,
                                     NULL, 0, ties, n_ties, &w->ev));
    w->ran = true;
}

static const tnd_lot_award *lot_of(const world *w, int lot)
{
    for (size_t i = 0; i < w->ev.n_lots; i++)
        if (w->ev.lots[i].lot == lot)
            return &w->ev.lots[i];
    fail_msg("perceel %d ontbreekt", lot);
    return NULL;
}

/* The entry of a bidder in a lot (the one that applied for `applied`, 0 = any). */
static const tnd_award_entry *entry_of(const world *w, int lot, const char *kvk)
{
    const tnd_lot_award *la = lot_of(w, lot);
    for (size_t i = 0; i < la->n_entries; i++)
        if (strcmp(la->entries[i].bid->bidder.kvk, kvk) == 0)
            return &la->entries[i];
    fail_msg("inschrijver %s ontbreekt in perceel %d", kvk, lot);
    return NULL;
}

static const tnd_bidder_outcome *outcome_of(const world *w, const char *kvk)
{
    for (size_t i = 0; i < w->ev.n_bidders; i++)
        if (strcmp(w->ev.bidders[i].bid->bidder.kvk, kvk) == 0)
            return &w->ev.bidders[i];
    fail_msg("inschrijver %s ontbreekt", kvk);
    return NULL;
}

static const tnd_criterion_score *score_of(const tnd_award_entry *e, int criterion_index)
{
    for (int i = 0; i < e->n_scores; i++)
        if (e->scores[i].criterion == criterion_index)
            return &e->scores[i];
    fail_msg("criterium %d ontbreekt", criterion_index);
    return NULL;
}

/* Seven complete lot-4 plans with distinct final marks, best first:
 *   10000001 8,8,8,10,8 -> 0,5*8 + 0,5*(3,2+1,6+2,0+1,6) = 4 + 4,2 = 8,2
 *   10000002 8,8,8,10,4 -> 4 + 0,5*7,6 = 7,8
 *   10000003 8,6,8,10,4 -> 7,4 (the §6.1.2 example)
 *   10000004 8,6,6,10,4 -> 4 + 0,5*6,4 = 7,2
 *   10000005 8,6,6,6,4  -> 4 + 0,5*5,6 = 6,8
 *   10000006 8,4,6,6,4  -> 4 + 0,5*4,8 = 6,4
 *   10000007 6,4,6,6,4  -> 3 + 2,4 = 5,4 */
static void seven_lot4_bids(world *w)
{
    static const struct {
        const char *kvk, *name;
        int n, a, b, c, d;
    } plans[7] = {
        {"10000001", "Zorg Een", 8, 8, 8, 10, 8}, {"10000002", "Zorg Twee", 8, 8, 8, 10, 4},
        {"10000003", "Zorg Drie", 8, 6, 8, 10, 4}, {"10000004", "Zorg Vier", 8, 6, 6, 10, 4},
        {"10000005", "Zorg Vijf", 8, 6, 6, 6, 4},  {"10000006", "Zorg Zes", 8, 4, 6, 6, 4},
        {"10000007", "Zorg Zeven", 6, 4, 6, 6, 4},
    };
    for (int i = 0; i < 7; i++) {
        bidder(w, plans[i].kvk, plans[i].name, 4);
        lot4(w, plans[i].kvk, plans[i].n, plans[i].a, plans[i].b, plans[i].c, plans[i].d);
    }
}

/* ------------------------------------------------------------------ threshold lots */

static void test_threshold_round1_score_8_is_granted(void **state)
{
    world *w = *state;
    bidder(w, "20000001", "Ambulant BV", 3);
    consensus(w, 3, "normaliseren", "20000001", 1, 8);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "20000001");
    /* §6.1.1 L1804-1807: consensus >= 6,0 */
    assert_int_equal(e->status, TND_AWARD_GRANTED);
    assert_int_equal(e->total.units, 8000000);
    assert_int_equal(e->rank, 0);
    assert_string_equal(e->reason,
                        "gegund: Plan van Aanpak Normaliseren 8 >= 6,0 (§6.1.1 L1804-1807)");
    const tnd_criterion_score *s = score_of(e, 0);
    assert_true(s->has_score);
    assert_int_equal(s->consensus, 8);
    assert_int_equal(s->round, 1);
    assert_int_equal(s->first_round, 8);
    assert_int_equal(s->factor.units, 1000000);
    assert_int_equal(lot_of(w, 3)->n_granted, 1);
    const tnd_bidder_outcome *o = outcome_of(w, "20000001");
    assert_int_equal(o->n_applied, 1);
    assert_int_equal(o->applied[0], 3);
    assert_int_equal(o->placed[0], 3);
    assert_int_equal(o->status[0], TND_AWARD_GRANTED);
    assert_string_equal(o->path[0], "3: gegund");
    assert_int_equal(o->stopped_at_step, 0);
}

static void test_threshold_exactly_6_is_granted(void **state)
{
    world *w = *state;
    bidder(w, "20000002", "Precies Zes", 3);
    consensus(w, 3, "normaliseren", "20000002", 1, 6);
    run(w);
    /* §6.1.1 L1804-1807: "dient een 6,0 te zijn": >= 6,0, so exactly 6 passes */
    assert_int_equal(entry_of(w, 3, "20000002")->status, TND_AWARD_GRANTED);
}

static void test_threshold_4_then_revision_6_is_granted_after_revision(void **state)
{
    world *w = *state;
    bidder(w, "20000003", "Herzien BV", 3);
    consensus(w, 3, "normaliseren", "20000003", 1, 4);
    consensus(w, 3, "normaliseren", "20000003", 2, 6);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "20000003");
    /* §6.1.1 L1804-1807: below 6,0 once; the one revision scores 6 */
    assert_int_equal(e->status, TND_AWARD_GRANTED);
    assert_string_equal(e->reason, "gegund na herziening: Plan van Aanpak Normaliseren ronde 1: "
                                   "4 < 6,0, na herziening 6 >= 6,0 (§6.1.1 L1804-1807)");
    const tnd_criterion_score *s = score_of(e, 0);
    assert_int_equal(s->consensus, 6);
    assert_int_equal(s->round, 2);
    assert_int_equal(s->first_round, 4);
    assert_int_equal(e->total.units, 6000000);
}

static void test_threshold_4_then_4_is_set_aside(void **state)
{
    world *w = *state;
    bidder(w, "20000004", "Twee Keer Vier", 3);
    consensus(w, 3, "normaliseren", "20000004", 1, 4);
    consensus(w, 3, "normaliseren", "20000004", 2, 4);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "20000004");
    /* §6.1.1 L1804-1807: "opnieuw lager dan een 6,0, legt de regio ... terzijde" */
    assert_int_equal(e->status, TND_AWARD_SET_ASIDE);
    assert_string_equal(e->reason, "terzijde gelegd: Plan van Aanpak Normaliseren ronde 1: "
                                   "4 < 6,0, na herziening 4 < 6,0 (§6.1.1 L1804-1807)");
    const tnd_bidder_outcome *o = outcome_of(w, "20000004");
    assert_int_equal(o->placed[0], 0);
    assert_int_equal(o->status[0], TND_AWARD_SET_ASIDE);
    assert_string_equal(o->path[0], "3: terzijde gelegd");
    assert_int_equal(o->stopped_at_step, 3);
    assert_int_equal(lot_of(w, 3)->n_granted, 0);
}

static void test_threshold_4_without_round2_leaves_revision_open(void **state)
{
    world *w = *state;
    bidder(w, "20000005", "Wacht Op Herziening", 3);
    consensus(w, 3, "normaliseren", "20000005", 1, 4);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "20000005");
    /* §6.1.1 L1804-1807: one revision allowed, not scored yet */
    assert_int_equal(e->status, TND_AWARD_REVISION_OPEN);
    assert_string_equal(e->reason, "herkansing open: Plan van Aanpak Normaliseren ronde 1: "
                                   "4 < 6,0; de eenmalige herziening is nog niet beoordeeld "
                                   "(§6.1.1 L1804-1807)");
    const tnd_bidder_outcome *o = outcome_of(w, "20000005");
    assert_int_equal(o->placed[0], 3);
    assert_int_equal(o->stopped_at_step, 0);
}

static void test_threshold_members_without_consensus_has_no_scores(void **state)
{
    world *w = *state;
    bidder(w, "20000006", "Geen Consensus", 3);
    score(w, 3, "normaliseren", "20000006", 1, "lid-1", 6);
    score(w, 3, "normaliseren", "20000006", 1, "lid-2", 8);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "20000006");
    /* §6.1.1 L1775-1777: the consensus score decides; members alone do not */
    assert_int_equal(e->status, TND_AWARD_NO_SCORES);
    assert_string_equal(e->reason,
                        "score ontbreekt: Plan van Aanpak Normaliseren: geen consensusscore "
                        "(ronde 1)");
    const tnd_criterion_score *s = score_of(e, 0);
    assert_false(s->has_score);
    assert_int_equal(s->n_members, 2);
    assert_int_equal(s->member_min, 6);
    assert_int_equal(s->member_max, 8);
}

static void test_threshold_round2_after_a_passing_round1_is_ignored_and_said(void **state)
{
    world *w = *state;
    bidder(w, "20000007", "Dubbel Beoordeeld", 3);
    consensus(w, 3, "normaliseren", "20000007", 1, 6);
    consensus(w, 3, "normaliseren", "20000007", 2, 4);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "20000007");
    /* §6.1.1 L1804-1807: a revision follows only a score below 6,0 */
    assert_int_equal(e->status, TND_AWARD_GRANTED);
    assert_int_equal(score_of(e, 0)->consensus, 6);
    assert_int_equal(score_of(e, 0)->round, 1);
    assert_string_equal(e->reason, "gegund: Plan van Aanpak Normaliseren 6 >= 6,0 (§6.1.1 "
                                   "L1804-1807); ronde 2 genegeerd: ronde 1 haalde het minimum "
                                   "al");
}

/* ------------------------------------------------------------------ lot 4: the final mark */

static void test_lot4_worked_example_8_6_8_10_4_gives_regional_6_8_and_final_7_4(void **state)
{
    world *w = *state;
    bidder(w, "30000001", "Voorbeeld GGZ", 4);
    lot4(w, "30000001", 8, 6, 8, 10, 4);
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    const tnd_award_entry *e = entry_of(w, 4, "30000001");
    /* §6.1.2 L1983-1987: regional 0,4*6 + 0,2*8 + 0,2*10 + 0,2*4 = 6,8;
     * final 0,5*8 + 0,5*6,8 = 7,4 */
    tnd_dec regional, quality;
    assert_true(tnd_award_mark(la->rule, e, C_REGIO, &regional));
    assert_int_equal(regional.units, 6800000);
    assert_true(tnd_award_mark(la->rule, e, -1, &quality));
    assert_int_equal(quality.units, 7400000);
    assert_int_equal(e->total.units, 7400000);
    assert_int_equal(e->n_scores, 5); /* the leaves: normaliseren, A, B, C, D */
    assert_int_equal(score_of(e, C_NORM)->factor.units, 500000);
    assert_int_equal(score_of(e, C_A)->factor.units, 200000);
    assert_int_equal(score_of(e, C_B)->factor.units, 100000);
    assert_int_equal(score_of(e, C_C)->factor.units, 100000);
    assert_int_equal(score_of(e, C_D)->factor.units, 100000);
    assert_int_equal(score_of(e, C_NORM)->weighted.units, 4000000);
    assert_int_equal(score_of(e, C_A)->weighted.units, 1200000);
    assert_int_equal(score_of(e, C_B)->weighted.units, 800000);
    assert_int_equal(score_of(e, C_C)->weighted.units, 1000000);
    assert_int_equal(score_of(e, C_D)->weighted.units, 400000);
    assert_int_equal(e->status, TND_AWARD_GRANTED);
    assert_int_equal(e->rank, 1);
    assert_string_equal(outcome_of(w, "30000001")->path[0], "4: gegund (rang 1 van 1)");
}

static void test_lot4_top_5_of_7_granted_and_2_not_ranked(void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    /* §4.3 L913-915: at most 5 contractors, by final mark */
    static const char *order[7] = { "10000001", "10000002", "10000003", "10000004",
                                    "10000005", "10000006", "10000007" };
    static const int64_t totals[7] = { 8200000, 7800000, 7400000, 7200000,
                                       6800000, 6400000, 5400000 };
    assert_int_equal(la->n_entries, 7);
    for (int i = 0; i < 7; i++) {
        assert_string_equal(la->entries[i].bid->bidder.kvk, order[i]);
        assert_int_equal(la->entries[i].total.units, totals[i]);
        assert_int_equal(la->entries[i].rank, i + 1);
        assert_int_equal(la->entries[i].status,
                         i < 5 ? TND_AWARD_GRANTED : TND_AWARD_NOT_RANKED);
    }
    assert_int_equal(la->n_granted, 5);
    assert_false(la->tie);
    assert_string_equal(la->entries[5].reason,
                        "niet gegund: rang 6 van 7, eindcijfer 6,4, maximaal 5 (§6.1.2 "
                        "L1835-1993): Plan van Aanpak Normaliseren 8 >= 6,0 (§6.1.2 L1840); "
                        "terugval naar perceel 3 (§4.3.1)");
}

static void test_lot4_tie_at_5th_place_without_rule_is_undecided(void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    /* a second 6,8 (8,6,6,6,4): 10000005 and 10000008 tie for place 5 */
    bidder(w, "10000008", "Zorg Acht", 4);
    lot4(w, "10000008", 8, 6, 6, 6, 4);
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    /* §6.1.2: no tie-break in the document; RES-GELIJKE-STAND: report, never pick */
    assert_true(la->tie);
    assert_int_equal(la->n_granted, 4);
    assert_int_equal(entry_of(w, 4, "10000004")->status, TND_AWARD_GRANTED);
    assert_int_equal(entry_of(w, 4, "10000005")->status, TND_AWARD_TIE);
    assert_int_equal(entry_of(w, 4, "10000008")->status, TND_AWARD_TIE);
    assert_int_equal(entry_of(w, 4, "10000005")->rank, 5);
    assert_int_equal(entry_of(w, 4, "10000008")->rank, 5);
    assert_int_equal(entry_of(w, 4, "10000006")->rank, 7);
    assert_int_equal(entry_of(w, 4, "10000006")->status, TND_AWARD_NOT_RANKED);
    assert_string_equal(la->tie_text,
                        "gelijke stand om plaats 5 (eindcijfer 6,8) tussen 10000005 Zorg Vijf, "
                        "10000008 Zorg Acht; onbeslist: de definitie noemt geen beslisregel "
                        "(resolutie RES-GELIJKE-STAND)");
    /* equal totals: KvK ascending */
    assert_string_equal(la->entries[4].bid->bidder.kvk, "10000005");
    assert_string_equal(la->entries[5].bid->bidder.kvk, "10000008");
    /* an undecided tie keeps the bidder in lot 4: no fallback */
    const tnd_bidder_outcome *o = outcome_of(w, "10000008");
    assert_int_equal(o->status[0], TND_AWARD_TIE);
    assert_int_equal(o->placed[0], 4);
    assert_string_equal(o->path[0], "4: gelijke stand, onbeslist (rang 5 van 8)");
}

static void test_lot4_tie_at_5th_place_settled_by_officer_decision_res_gelijke_stand(void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    bidder(w, "10000008", "Zorg Acht", 4);
    lot4(w, "10000008", 8, 6, 6, 6, 4); /* 6,8 as 10000005: tied for place 5 */
    const tnd_tie_settlement ties[1] = { { 4, "10000008", "besluit 26-09-2022 door M. Jansen" } };
    run_settled(w, ties, 1);
    const tnd_lot_award *la = lot_of(w, 4);
    /* §4.3 L913-915 with RES-GELIJKE-STAND: the officer's decision gives the one place left */
    assert_true(la->tie);
    assert_true(la->tie_settled);
    assert_int_equal(la->tie_rank, 5);
    assert_int_equal(la->tie_places, 1);
    assert_int_equal(la->n_granted, 5);
    assert_int_equal(entry_of(w, 4, "10000008")->status, TND_AWARD_GRANTED);
    assert_int_equal(entry_of(w, 4, "10000005")->status, TND_AWARD_NOT_RANKED);
    assert_int_equal(entry_of(w, 4, "10000006")->status, TND_AWARD_NOT_RANKED);
    assert_string_equal(la->tie_text,
                        "gelijke stand om plaats 5 (eindcijfer 6,8) tussen 10000005 Zorg Vijf, "
                        "10000008 Zorg Acht; beslist door besluit van de aanbesteder (resolutie "
                        "RES-GELIJKE-STAND); plaats aan KvK 10000008");
    assert_string_equal(entry_of(w, 4, "10000008")->reason,
                        "gegund: rang 5 van 8, eindcijfer 6,8, maximaal 5 (§6.1.2 L1835-1993); "
                        "gelijke stand op de laatste plaats, plaats toegekend: besluit "
                        "26-09-2022 door M. Jansen: Plan van Aanpak Normaliseren 8 >= 6,0 "
                        "(§6.1.2 L1840)");
    /* the loser of the tie falls back along its chain (§4.3.1) */
    const tnd_bidder_outcome *o = outcome_of(w, "10000005");
    assert_int_equal(o->status[0], TND_AWARD_GRANTED);
    assert_int_equal(o->placed[0], 3);
    assert_string_equal(o->path[0], "4 -> niet gegund (rang 5 van 8) -> 3: gegund");
}

static void test_lot4_tie_of_three_for_one_place_settled_by_one_decision(void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    bidder(w, "10000008", "Zorg Acht", 4);
    lot4(w, "10000008", 8, 6, 6, 6, 4);
    bidder(w, "10000009", "Zorg Negen", 4);
    lot4(w, "10000009", 8, 6, 6, 6, 4);
    const tnd_tie_settlement ties[1] = { { 4, "10000009", "besluit" } };
    run_settled(w, ties, 1);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_true(la->tie_settled);
    assert_int_equal(la->n_granted, 5);
    assert_int_equal(entry_of(w, 4, "10000009")->status, TND_AWARD_GRANTED);
    assert_int_equal(entry_of(w, 4, "10000005")->status, TND_AWARD_NOT_RANKED);
    assert_int_equal(entry_of(w, 4, "10000008")->status, TND_AWARD_NOT_RANKED);
}

static void test_lot4_tie_decision_naming_a_bidder_outside_the_tie_leaves_it_undecided(void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    bidder(w, "10000008", "Zorg Acht", 4);
    lot4(w, "10000008", 8, 6, 6, 6, 4);
    /* 10000006 (6,4) is not in the tie at place 5: never a silent pick (RES-GELIJKE-STAND) */
    const tnd_tie_settlement ties[1] = { { 4, "10000006", "besluit" } };
    run_settled(w, ties, 1);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_true(la->tie);
    assert_false(la->tie_settled);
    assert_int_equal(la->n_granted, 4);
    assert_int_equal(entry_of(w, 4, "10000005")->status, TND_AWARD_TIE);
    assert_int_equal(entry_of(w, 4, "10000008")->status, TND_AWARD_TIE);
    assert_int_equal(entry_of(w, 4, "10000006")->status, TND_AWARD_NOT_RANKED);
}

static void test_lot4_tie_decisions_giving_one_place_twice_leave_it_undecided(void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    bidder(w, "10000008", "Zorg Acht", 4);
    lot4(w, "10000008", 8, 6, 6, 6, 4);
    const tnd_tie_settlement ties[2] = { { 4, "10000005", "besluit" }, { 4, "10000008", "besluit" } };
    run_settled(w, ties, 2);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_true(la->tie);
    assert_false(la->tie_settled);
    assert_int_equal(la->tie_places, 1);
    assert_int_equal(la->n_granted, 4);
    assert_int_equal(entry_of(w, 4, "10000005")->status, TND_AWARD_TIE);
    assert_int_equal(entry_of(w, 4, "10000008")->status, TND_AWARD_TIE);
}

static void test_lot4_tie_decision_for_another_lot_is_not_used(void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    bidder(w, "10000008", "Zorg Acht", 4);
    lot4(w, "10000008", 8, 6, 6, 6, 4);
    const tnd_tie_settlement ties[1] = { { 3, "10000008", "besluit" } };
    run_settled(w, ties, 1);
    assert_false(lot_of(w, 4)->tie_settled);
    assert_int_equal(entry_of(w, 4, "10000008")->status, TND_AWARD_TIE);
}

static void test_lot4_no_tie_ignores_a_settlement(void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    const tnd_tie_settlement ties[1] = { { 4, "10000006", "besluit" } };
    run_settled(w, ties, 1);
    const tnd_lot_award *la = lot_of(w, 4);
    /* no tie at place 5: the ranking alone decides; rounds.c refuses such a decision */
    assert_false(la->tie);
    assert_int_equal(la->tie_rank, 0);
    assert_int_equal(la->n_granted, 5);
    assert_int_equal(entry_of(w, 4, "10000006")->status, TND_AWARD_NOT_RANKED);
}

static void test_lot4_tie_decided_by_higher_normaliseren(void **state)
{
    world *w = *state;
    strcpy(w->d.awards[1].tie_rule, "higher-score:normaliseren");
    seven_lot4_bids(w);
    /* 6,8 as well, with Normaliseren 6: 0,5*6 + 0,5*(0,4*8 + 0,2*8 + 0,2*8 + 0,2*6)
     * = 3 + 0,5*7,6 = 6,8, tied with 10000005 (Normaliseren 8) for place 5 */
    bidder(w, "10000000", "Zorg Nul", 4);
    lot4(w, "10000000", 6, 8, 8, 8, 6);
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_int_equal(entry_of(w, 4, "10000000")->total.units, 6800000);
    /* tie rule named in the definition: Normaliseren 8 (10000005) beats 6 (10000000) */
    assert_true(la->tie);
    assert_int_equal(la->n_granted, 5);
    assert_int_equal(entry_of(w, 4, "10000005")->status, TND_AWARD_GRANTED);
    assert_int_equal(entry_of(w, 4, "10000000")->status, TND_AWARD_NOT_RANKED);
    assert_string_equal(la->tie_text,
                        "gelijke stand om plaats 5 (eindcijfer 6,8) tussen 10000000 Zorg Nul, "
                        "10000005 Zorg Vijf; beslisregel higher-score:normaliseren: hogere "
                        "score op "
                        "Plan van Aanpak Normaliseren: beslist");
    /* order stays total desc, KvK asc */
    assert_string_equal(la->entries[4].bid->bidder.kvk, "10000000");
    assert_string_equal(la->entries[5].bid->bidder.kvk, "10000005");
    assert_string_equal(entry_of(w, 4, "10000000")->reason,
                        "niet gegund: rang 5 van 8, eindcijfer 6,8, maximaal 5 (§6.1.2 "
                        "L1835-1993); gelijke stand beslist met higher-score:normaliseren: Plan "
                        "van Aanpak Normaliseren 6 >= 6,0 (§6.1.2 L1840); terugval naar perceel 3 "
                        "(§4.3.1)");
    /* the tie loser is not awarded, so it falls back to lot 3 on its Normaliseren 6 */
    const tnd_bidder_outcome *o = outcome_of(w, "10000000");
    assert_int_equal(o->status[0], TND_AWARD_GRANTED);
    assert_int_equal(o->placed[0], 3);
    assert_string_equal(o->path[0], "4 -> niet gegund (rang 5 van 8) -> 3: gegund");
}

static void test_lot4_tie_with_equal_normaliseren_stays_undecided_under_the_rule(void **state)
{
    world *w = *state;
    strcpy(w->d.awards[1].tie_rule, "higher-score:normaliseren");
    seven_lot4_bids(w);
    bidder(w, "10000008", "Zorg Acht", 4);
    lot4(w, "10000008", 8, 6, 6, 6, 4); /* 6,8 and Normaliseren 8, as 10000005 */
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_true(la->tie);
    assert_int_equal(la->n_granted, 4);
    assert_int_equal(entry_of(w, 4, "10000005")->status, TND_AWARD_TIE);
    assert_int_equal(entry_of(w, 4, "10000008")->status, TND_AWARD_TIE);
    assert_string_equal(la->tie_text,
                        "gelijke stand om plaats 5 (eindcijfer 6,8) tussen 10000005 Zorg Vijf, "
                        "10000008 Zorg Acht; beslisregel higher-score:normaliseren: hogere "
                        "score op "
                        "Plan van Aanpak Normaliseren, daarna nog gelijk: onbeslist");
}

static void test_lot4_tie_with_an_unknown_tie_rule_is_undecided_and_named(void **state)
{
    world *w = *state;
    strcpy(w->d.awards[1].tie_rule, "loting");
    seven_lot4_bids(w);
    bidder(w, "10000008", "Zorg Acht", 4);
    lot4(w, "10000008", 8, 6, 6, 6, 4);
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    /* RES-GELIJKE-STAND: never pick silently; a rule the tool does not know decides nothing */
    assert_int_equal(la->n_granted, 4);
    assert_int_equal(entry_of(w, 4, "10000005")->status, TND_AWARD_TIE);
    assert_string_equal(la->tie_text,
                        "gelijke stand om plaats 5 (eindcijfer 6,8) tussen 10000005 Zorg Vijf, "
                        "10000008 Zorg Acht; onbeslist: beslisregel 'loting' wordt niet "
                        "ondersteund");
}

static void test_lot4_normaliseren_4_after_revision_is_set_aside_despite_high_total(void **state)
{
    world *w = *state;
    bidder(w, "30000002", "Hoog Maar Zwak Plan", 4);
    lot4(w, "30000002", 4, 10, 10, 10, 10);
    consensus(w, 4, "normaliseren", "30000002", 2, 4);
    run(w);
    const tnd_award_entry *e = entry_of(w, 4, "30000002");
    /* §6.1.2 L1989-1993: the minimum is on Normaliseren, not on the total (0,5*4 + 0,5*10 = 7) */
    assert_int_equal(e->total.units, 7000000);
    assert_int_equal(e->status, TND_AWARD_SET_ASIDE);
    assert_int_equal(e->rank, 0);
    assert_int_equal(lot_of(w, 4)->n_granted, 0);
    /* a plan set aside does not fall back: the same plan would be judged in lot 3 */
    const tnd_bidder_outcome *o = outcome_of(w, "30000002");
    assert_int_equal(o->status[0], TND_AWARD_SET_ASIDE);
    assert_int_equal(o->placed[0], 0);
    assert_int_equal(o->stopped_at_step, 3);
    assert_int_equal(lot_of(w, 3)->n_entries, 0);
}

static void test_lot4_revised_normaliseren_counts_in_the_total(void **state)
{
    world *w = *state;
    bidder(w, "30000003", "Herzien GGZ", 4);
    lot4(w, "30000003", 4, 6, 8, 10, 4);
    consensus(w, 4, "normaliseren", "30000003", 2, 8);
    run(w);
    const tnd_award_entry *e = entry_of(w, 4, "30000003");
    /* §6.1.2 L1989-1993: the revised plan's score is the one used: 0,5*8 + 0,5*6,8 = 7,4 */
    assert_int_equal(e->status, TND_AWARD_GRANTED);
    assert_int_equal(e->total.units, 7400000);
    assert_int_equal(score_of(e, C_NORM)->round, 2);
    assert_int_equal(score_of(e, C_NORM)->first_round, 4);
}

static void test_lot4_not_in_top_5_falls_back_to_lot_3_and_is_granted_with_normaliseren_8(
    void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    run(w);
    /* §4.3.1 L958-969: not awarded lot 4 -> next lower lot whose requirements it meets (3);
     * it competes there on its Normaliseren 8 from lot 4 (no lot-3 rows) */
    const tnd_award_entry *in4 = entry_of(w, 4, "10000006");
    assert_int_equal(in4->status, TND_AWARD_NOT_RANKED);
    const tnd_award_entry *in3 = entry_of(w, 3, "10000006");
    assert_int_equal(in3->applied, 4);
    assert_int_equal(in3->status, TND_AWARD_GRANTED);
    assert_int_equal(score_of(in3, 0)->consensus, 8);
    assert_int_equal(in3->total.units, 8000000);
    assert_string_equal(in3->reason, "gegund: Plan van Aanpak Normaliseren 8 >= 6,0 (§6.1.1 "
                                     "L1804-1807), score uit perceel 4; terugval uit perceel 4 "
                                     "(§4.3.1)");
    const tnd_bidder_outcome *o = outcome_of(w, "10000006");
    assert_int_equal(o->n_applied, 1);
    assert_int_equal(o->applied[0], 4);
    assert_int_equal(o->placed[0], 3);
    assert_int_equal(o->status[0], TND_AWARD_GRANTED);
    assert_string_equal(o->path[0], "4 -> niet gegund (rang 6 van 7) -> 3: gegund");
    assert_int_equal(o->stopped_at_step, 0);
    /* 10000007 falls back too, with Normaliseren 6 */
    assert_string_equal(outcome_of(w, "10000007")->path[0],
                        "4 -> niet gegund (rang 7 van 7) -> 3: gegund");
    assert_int_equal(lot_of(w, 3)->n_granted, 2);
}

static void test_lot4_fallback_uses_lot_3_rows_when_present(void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    consensus(w, 3, "normaliseren", "10000006", 1, 4); /* lot 3 scored its own plan: 4 */
    run(w);
    const tnd_award_entry *in3 = entry_of(w, 3, "10000006");
    assert_int_equal(score_of(in3, 0)->consensus, 4);
    assert_int_equal(in3->status, TND_AWARD_REVISION_OPEN);
}

static void test_lot4_fallback_to_a_lot_whose_requirement_fails_places_nowhere(void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    w->bids[5].n_facts = 1; /* 10000006 lacks the lot-3 requirement (wvggz) */
    run(w);
    const tnd_bidder_outcome *o = outcome_of(w, "10000006");
    /* §4.3.1: only a lower lot whose requirements it meets */
    assert_int_equal(o->status[0], TND_AWARD_NOT_RANKED);
    assert_int_equal(o->placed[0], 0);
    assert_string_equal(o->path[0],
                        "4 -> niet gegund (rang 6 van 7) -> 3: TG-P3-WVGGZ niet voldaan: "
                        "geen perceel");
    assert_int_equal(o->stopped_at_step, 3);
    assert_int_equal(lot_of(w, 3)->n_entries, 1); /* only 10000007 */
}

static void test_lot4_fallback_opted_out_stays_not_awarded(void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    w->bids[5].cascade_opt_out = true;
    run(w);
    const tnd_bidder_outcome *o = outcome_of(w, "10000006");
    /* §4.3.1, Bijlage I item 2: the bidder opted out of placement in a lower lot */
    assert_int_equal(o->status[0], TND_AWARD_NOT_RANKED);
    assert_int_equal(o->placed[0], 0);
    assert_string_equal(o->path[0], "4 -> niet gegund (rang 6 van 7); geen terugval: "
                                    "inschrijver heeft afgezien (Bijlage I punt 2)");
}

static void test_lot4_bid_failing_lot4_requirement_is_placed_in_lot3_by_the_check(void **state)
{
    world *w = *state;
    tnd_bid *b = bidder(w, "10000009", "Geen Regio", 4);
    b->facts[0] = b->facts[1]; /* keeps wvggz, drops regio */
    b->n_facts = 1;
    lot4(w, "10000009", 8, 6, 8, 10, 4);
    run(w);
    /* §4.3.1 L958-969: a bid not meeting lot 4's requirements goes down the chain (steps 1-2) */
    const tnd_award_entry *in4 = entry_of(w, 4, "10000009");
    assert_int_equal(in4->status, TND_AWARD_EXCLUDED);
    /* the first failure as tnd_check words it, then where the check placed the bid */
    static const char head[] = "stap 2: TG-P4-REGIO (§5.6 L1584-1585): ";
    static const char tail[] = "; geplaatst: 4 -> 3 (4: TG-P4-REGIO niet voldaan; 3: voldoet)";
    assert_int_equal(strncmp(in4->reason, head, strlen(head)), 0);
    assert_string_equal(in4->reason + strlen(in4->reason) - strlen(tail), tail);
    const tnd_award_entry *in3 = entry_of(w, 3, "10000009");
    assert_int_equal(in3->applied, 4);
    assert_int_equal(in3->status, TND_AWARD_GRANTED);
    assert_int_equal(score_of(in3, 0)->consensus, 8);
    assert_string_equal(in3->reason, "gegund: Plan van Aanpak Normaliseren 8 >= 6,0 (§6.1.1 "
                                     "L1804-1807), score uit perceel 4; ingedeeld vanuit perceel "
                                     "4 (§4.3.1)");
    const tnd_bidder_outcome *o = outcome_of(w, "10000009");
    assert_int_equal(o->placed[0], 3);
    assert_int_equal(o->status[0], TND_AWARD_GRANTED);
    assert_string_equal(o->path[0], "4 -> 3 (4: TG-P4-REGIO niet voldaan; 3: voldoet); 3: gegund");
}

/* ------------------------------------------------------------------ criterion C */

static void test_criterion_c_10_places_within_15_km_scores_10(void **state)
{
    world *w = *state;
    tnd_bid *b = bidder(w, "40000001", "Dichtbij", 4);
    location(b, "zwolle", 4, 0);      /* in the region */
    location(b, "", 6, 15000000);     /* outside, exactly 15 km: within */
    lot4(w, "40000001", 8, 6, 8, 2, 4); /* the committee's 2 for C is not used */
    run(w);
    const tnd_award_entry *e = entry_of(w, 4, "40000001");
    /* §6.1.2 L1943-1945: >= 10 places within 15 km gets the highest score */
    assert_int_equal(tnd_award_places_within_lot(&w->d.def, 4, b, D(15000000)), 10);
    const tnd_criterion_score *c = score_of(e, C_C);
    assert_true(c->computed);
    assert_int_equal(c->consensus, 10);
    assert_int_equal(e->total.units, 7400000);
}

static void test_criterion_c_9_places_uses_the_committee_score(void **state)
{
    world *w = *state;
    tnd_bid *b = bidder(w, "40000002", "Net Te Weinig", 4);
    location(b, "deventer", 5, 0);
    location(b, "", 4, 12500000);
    location(b, "", 20, 15000001); /* 15,000001 km: outside */
    (void)b;
    lot4(w, "40000002", 8, 6, 8, 6, 4);
    run(w);
    const tnd_award_entry *e = entry_of(w, 4, "40000002");
    assert_int_equal(tnd_award_places_within_lot(&w->d.def, 4, &w->bids[0], D(15000000)), 9);
    const tnd_criterion_score *c = score_of(e, C_C);
    /* §6.1.2 L1943-1945: fewer than 10: the committee scores C */
    assert_false(c->computed);
    assert_int_equal(c->consensus, 6);
    /* 4 + 0,5*(2,4 + 1,6 + 1,2 + 0,8) = 7,0 */
    assert_int_equal(e->total.units, 7000000);
}

static void test_criterion_c_9_places_without_committee_score_has_no_scores(void **state)
{
    world *w = *state;
    tnd_bid *b = bidder(w, "40000003", "Geen C", 4);
    location(b, "zwolle", 9, 0);
    consensus(w, 4, "normaliseren", "40000003", 1, 8);
    consensus(w, 4, "A", "40000003", 1, 6);
    consensus(w, 4, "B", "40000003", 1, 8);
    consensus(w, 4, "D", "40000003", 1, 4);
    run(w);
    const tnd_award_entry *e = entry_of(w, 4, "40000003");
    assert_int_equal(e->status, TND_AWARD_NO_SCORES);
    assert_false(score_of(e, C_C)->has_score);
    assert_string_equal(e->reason,
                        "score ontbreekt: Plan van Aanpak Normaliseren 8 >= 6,0 (§6.1.2 L1840); "
                        "criterium C: 9 plekken in de regio of binnen 15 km (minder dan 10): "
                        "score van de commissie; Locaties in de regio: geen consensusscore "
                        "(ronde 1)");
}

static void test_places_within_counts_region_municipalities_and_distance(void **state)
{
    world *w = *state;
    tnd_bid *b = bidder(w, "40000004", "Locaties", 4);
    location(b, "zwolle", 3, 0);
    location(b, "", 2, 40000000); /* 40 km outside: not counted */
    /* §6.1.2 L1943: within the region, or within 15 km of it */
    assert_int_equal(tnd_award_places_within(&w->d.def, b, D(15000000)), 3);
    assert_int_equal(tnd_award_places_within(&w->d.def, b, D(40000000)), 5);
    assert_int_equal(tnd_award_places_within_lot(&w->d.def, 4, b, D(15000000)), 3);
}

/* ------------------------------------------------------------------ spreads and order */

static void test_consensus_outside_the_member_range_is_flagged(void **state)
{
    world *w = *state;
    bidder(w, "50000001", "Afwijkende Consensus", 3);
    score(w, 3, "normaliseren", "50000001", 1, "lid-1", 4);
    score(w, 3, "normaliseren", "50000001", 1, "lid-2", 6);
    score(w, 3, "normaliseren", "50000001", 1, "lid-3", 6);
    consensus(w, 3, "normaliseren", "50000001", 1, 8);
    bidder(w, "50000002", "Gewone Consensus", 3);
    score(w, 3, "normaliseren", "50000002", 1, "lid-1", 4);
    score(w, 3, "normaliseren", "50000002", 1, "lid-2", 8);
    consensus(w, 3, "normaliseren", "50000002", 1, 6);
    run(w);
    /* §9 digest: report the spread of the members' scores; a consensus outside it is flagged */
    const tnd_criterion_score *s = score_of(entry_of(w, 3, "50000001"), 0);
    assert_int_equal(s->n_members, 3);
    assert_int_equal(s->member_min, 4);
    assert_int_equal(s->member_max, 6);
    assert_true(s->consensus_outside_members);
    assert_string_equal(entry_of(w, 3, "50000001")->reason,
                        "gegund: Plan van Aanpak Normaliseren 8 >= 6,0 (§6.1.1 L1804-1807); let "
                        "op: consensus 8 van normaliseren buiten de scores van de leden (4-6)");
    const tnd_criterion_score *t = score_of(entry_of(w, 3, "50000002"), 0);
    assert_int_equal(t->n_members, 2);
    assert_false(t->consensus_outside_members);
}

static void test_spread_is_of_the_round_used(void **state)
{
    world *w = *state;
    bidder(w, "50000003", "Spreiding Ronde 2", 3);
    score(w, 3, "normaliseren", "50000003", 1, "lid-1", 2);
    consensus(w, 3, "normaliseren", "50000003", 1, 4);
    score(w, 3, "normaliseren", "50000003", 2, "lid-1", 8);
    score(w, 3, "normaliseren", "50000003", 2, "lid-2", 10);
    consensus(w, 3, "normaliseren", "50000003", 2, 8);
    run(w);
    const tnd_criterion_score *s = score_of(entry_of(w, 3, "50000003"), 0);
    assert_int_equal(s->round, 2);
    assert_int_equal(s->n_members, 2);
    assert_int_equal(s->member_min, 8);
    assert_int_equal(s->member_max, 10);
    assert_false(s->consensus_outside_members);
}

static void test_equal_totals_are_ordered_by_kvk(void **state)
{
    world *w = *state;
    bidder(w, "60000003", "Derde", 4);
    lot4(w, "60000003", 8, 6, 8, 10, 4);
    bidder(w, "60000001", "Eerste", 4);
    lot4(w, "60000001", 8, 6, 8, 10, 4);
    bidder(w, "60000002", "Tweede", 4);
    lot4(w, "60000002", 8, 8, 6, 10, 4); /* 4 + 0,5*(3,2+1,2+2+0,8) = 7,6 */
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_string_equal(la->entries[0].bid->bidder.kvk, "60000002");
    assert_string_equal(la->entries[1].bid->bidder.kvk, "60000001");
    assert_string_equal(la->entries[2].bid->bidder.kvk, "60000003");
    assert_int_equal(la->entries[1].rank, 2);
    assert_int_equal(la->entries[2].rank, 2);
    assert_int_equal(la->entries[0].total.units, 7600000);
    /* the same bids in the reverse order give the same lot, entry for entry */
    const tnd_bid *bids[3] = { w->bid_ptrs[2], w->bid_ptrs[1], w->bid_ptrs[0] };
    const tnd_check_result *checks[3] = { w->check_ptrs[2], w->check_ptrs[1], w->check_ptrs[0] };
    tnd_evaluation again;
    assert_true(tnd_evaluate(&w->d.def, bids, checks, 3, &w->scores, NULL, 0, &again));
    const tnd_lot_award *lb = NULL;
    for (size_t i = 0; i < again.n_lots; i++)
        if (again.lots[i].lot == 4)
            lb = &again.lots[i];
    assert_non_null(lb);
    assert_int_equal(lb->n_entries, la->n_entries);
    for (size_t i = 0; i < la->n_entries; i++) {
        assert_ptr_equal(lb->entries[i].bid, la->entries[i].bid);
        assert_int_equal(lb->entries[i].rank, la->entries[i].rank);
        assert_int_equal(lb->entries[i].status, la->entries[i].status);
        assert_string_equal(lb->entries[i].reason, la->entries[i].reason);
    }
    tnd_evaluation_free(&again);
}

/* ------------------------------------------------------------------ steps 1-2 and lot 6 */

static void test_lot6_admitted_after_steps_1_and_2(void **state)
{
    world *w = *state;
    tnd_bid *b = bidder(w, "70000001", "Groepsaanbod", 3);
    also_lot(b, 6);
    consensus(w, 3, "normaliseren", "70000001", 1, 6);
    run(w);
    const tnd_award_entry *e = entry_of(w, 6, "70000001");
    /* §6.1 L1702-1704: no plan for lot 6 */
    assert_int_equal(e->status, TND_AWARD_ADMITTED);
    assert_string_equal(e->reason, "toegelaten na stap 1 en 2 (§6.1 L1702-1704)");
    assert_int_equal(e->n_scores, 0);
    assert_int_equal(lot_of(w, 6)->n_granted, 1);
    const tnd_bidder_outcome *o = outcome_of(w, "70000001");
    assert_int_equal(o->n_applied, 2);
    assert_int_equal(o->applied[1], 6);
    assert_int_equal(o->placed[1], 6);
    assert_string_equal(o->path[1], "6: toegelaten");
}

static void test_bid_after_closing_time_is_excluded_in_every_lot_at_step_1(void **state)
{
    world *w = *state;
    tnd_bid *b = bidder(w, "80000001", "Te Laat", 4);
    also_lot(b, 6);
    b->submitted = (tnd_datetime){ {2022, 7, 18}, 11, 0, 1 };
    lot4(w, "80000001", 10, 10, 10, 10, 10);
    run(w);
    /* §6 L1650-1685: a bid that fails step 1 is not assessed further */
    const tnd_award_entry *e4 = entry_of(w, 4, "80000001");
    assert_int_equal(e4->status, TND_AWARD_EXCLUDED);
    assert_int_equal(e4->n_scores, 0);
    assert_string_equal(e4->reason, "stap 1: SLUITINGSTIJD (§3.6 L381): ingediend op "
                                    "18-07-2022 11:00:01, na de sluitingstijd 18-07-2022 11:00: "
                                    "ongeldig");
    assert_int_equal(entry_of(w, 6, "80000001")->status, TND_AWARD_EXCLUDED);
    const tnd_bidder_outcome *o = outcome_of(w, "80000001");
    assert_int_equal(o->stopped_at_step, 1);
    assert_int_equal(o->status[0], TND_AWARD_EXCLUDED);
    assert_int_equal(o->placed[0], 0);
    assert_string_equal(o->path[0], e4->reason);
    assert_int_equal(lot_of(w, 4)->n_granted, 0);
}

static void test_lot3_bid_failing_its_requirement_is_excluded_there(void **state)
{
    world *w = *state;
    tnd_bid *b = bidder(w, "80000002", "Zonder Wvggz", 3);
    b->n_facts = 1;
    consensus(w, 3, "normaliseren", "80000002", 1, 8);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "80000002");
    assert_int_equal(e->status, TND_AWARD_EXCLUDED);
    const tnd_bidder_outcome *o = outcome_of(w, "80000002");
    assert_int_equal(o->stopped_at_step, 2);
    assert_int_equal(o->placed[0], 0);
}

static void test_bid_with_an_open_review_is_pending_in_every_lot(void **state)
{
    world *w = *state;
    tnd_bid *b = bidder(w, "80000003", "Met Voorbehoud", 4);
    also_lot(b, 6);
    b->reservations = true;
    lot4(w, "80000003", 8, 6, 8, 10, 4);
    bidder(w, "80000004", "Zonder Voorbehoud", 4);
    lot4(w, "80000004", 6, 6, 6, 6, 6);
    run(w);
    /* §6: step 3 follows steps 1-2; a REVIEW still open keeps the bid out of the ranking */
    const tnd_award_entry *e = entry_of(w, 4, "80000003");
    assert_int_equal(e->status, TND_AWARD_PENDING);
    assert_int_equal(e->rank, 0);
    assert_int_equal(e->total.units, 7400000); /* scored, shown, not ranked */
    assert_string_equal(e->reason, "stap 2 nog niet afgerond (VERKL-VOORBEHOUD): gunning na "
                                   "afronding");
    assert_int_equal(entry_of(w, 6, "80000003")->status, TND_AWARD_PENDING);
    assert_int_equal(entry_of(w, 4, "80000004")->rank, 1);
    assert_int_equal(entry_of(w, 4, "80000004")->status, TND_AWARD_GRANTED);
    /* ranked entries first, then the others */
    assert_string_equal(lot_of(w, 4)->entries[0].bid->bidder.kvk, "80000004");
    const tnd_bidder_outcome *o = outcome_of(w, "80000003");
    assert_int_equal(o->placed[0], 4);
    assert_string_equal(o->path[0], "4: in beoordeling");
    assert_int_equal(o->stopped_at_step, 0);
}

/* §6.1.1 L1804-1807 with the revision taken away: a criterion whose minimum allows no revision
 * (revisions = 0) sets a plan below the minimum aside at once; it never waits for a round 2. */
static void test_threshold_4_without_a_revision_allowed_is_set_aside_at_once(void **state)
{
    world *w = *state;
    w->d.awards[0].criteria[0].revisions = 0;
    bidder(w, "20000011", "Geen Herkansing", 3);
    consensus(w, 3, "normaliseren", "20000011", 1, 4);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "20000011");
    assert_int_equal(e->status, TND_AWARD_SET_ASIDE);
    assert_string_equal(e->reason, "terzijde gelegd: Plan van Aanpak Normaliseren 4 < 6,0 zonder "
                                   "herkansing (§6.1.1 L1804-1807)");
    const tnd_criterion_score *s = score_of(e, 0);
    assert_int_equal(s->consensus, 4);
    assert_int_equal(s->first_round, 4);
    assert_int_equal(s->round, 1);
    const tnd_bidder_outcome *o = outcome_of(w, "20000011");
    assert_int_equal(o->status[0], TND_AWARD_SET_ASIDE);
    assert_int_equal(o->placed[0], 0);
    assert_int_equal(o->stopped_at_step, 3);
}

/* §6.1.1 L1775-1777 and L1804-1807: round 1 below the minimum, round 2 scored by the members but
 * without a consensus score: the revision is not decided, so there is no score (never the
 * members' scores, never round 1 again). */
static void test_threshold_4_then_round2_without_consensus_has_no_scores(void **state)
{
    world *w = *state;
    bidder(w, "20000012", "Ronde Twee Zonder Consensus", 3);
    consensus(w, 3, "normaliseren", "20000012", 1, 4);
    score(w, 3, "normaliseren", "20000012", 2, "lid-1", 8);
    score(w, 3, "normaliseren", "20000012", 2, "lid-2", 6);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "20000012");
    assert_int_equal(e->status, TND_AWARD_NO_SCORES);
    assert_string_equal(e->reason, "score ontbreekt: Plan van Aanpak Normaliseren ronde 1: 4 < "
                                   "6,0; ronde 2 zonder consensusscore");
    assert_int_equal(lot_of(w, 3)->n_granted, 0);
    assert_int_equal(outcome_of(w, "20000012")->status[0], TND_AWARD_NO_SCORES);
}

/* A lot the definition gives no award rule cannot be decided: its bids get no score, and the
 * reason names the lot (never an award by default). */
static void test_lot_without_an_award_rule_in_the_definition_is_not_decided(void **state)
{
    world *w = *state;
    w->d.def.n_awards = 2; /* drops GUNNING-P6 */
    bidder(w, "50000001", "Groep Zonder Regel", 6);
    run(w);
    const tnd_award_entry *e = entry_of(w, 6, "50000001");
    assert_int_equal(e->status, TND_AWARD_NO_SCORES);
    assert_string_equal(e->reason, "de definitie heeft geen gunningsregel voor perceel 6");
    assert_null(lot_of(w, 6)->rule);
    assert_int_equal(lot_of(w, 6)->n_granted, 0);
}

/* Weights multiply down the criterion tree with exact decimals up to 4 levels (§6.1.2 has 2); a
 * deeper tree is refused for every bid of the lot instead of being rounded. */
static void test_criteria_nested_deeper_than_4_levels_are_not_computed(void **state)
{
    world *w = *state;
    tnd_award_lot *a3 = &w->d.awards[0];
    for (int i = 1; i <= 4; i++) {
        char id[16];
        snprintf(id, sizeof id, "sub-%d", i);
        criterion(a3, id, "Onderdeel", 1000000, i - 1, "§6.1.1");
    }
    bidder(w, "50000002", "Diep Genest", 3);
    consensus(w, 3, "normaliseren", "50000002", 1, 8);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "50000002");
    assert_int_equal(e->status, TND_AWARD_NO_SCORES);
    assert_string_equal(e->reason,
                        "criteria dieper genest dan 4 niveaus: niet exact te berekenen");
    assert_int_equal(lot_of(w, 3)->n_granted, 0);
}

/* RES-GELIJKE-STAND names a resolution only when the definition gives one: without it the tie is
 * still reported and undecided, without a resolution to cite. */
static void test_lot4_tie_without_a_resolution_is_undecided_without_citing_one(void **state)
{
    world *w = *state;
    w->d.awards[1].ref.resolution[0] = '\0';
    seven_lot4_bids(w);
    bidder(w, "10000008", "Zorg Acht", 4);
    lot4(w, "10000008", 8, 6, 6, 6, 4);
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_int_equal(la->n_granted, 4);
    assert_string_equal(la->tie_text,
                        "gelijke stand om plaats 5 (eindcijfer 6,8) tussen 10000005 Zorg Vijf, "
                        "10000008 Zorg Acht; onbeslist: de definitie noemt geen beslisregel");
}

/* The tie rule names its criterion (issue 12): "higher-score:A" decides on criterion A, not on
 * the criterion with a minimum; the engine knows no criterion by name. */
static void test_lot4_tie_rule_higher_score_on_criterion_a_decides_on_a(void **state)
{
    world *w = *state;
    strcpy(w->d.awards[1].tie_rule, "higher-score:A");
    seven_lot4_bids(w);
    bidder(w, "10000000", "Zorg Nul", 4);
    lot4(w, "10000000", 6, 8, 8, 8, 6); /* 6,8 as 10000005, A 8 against its 6 */
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_true(la->tie);
    assert_int_equal(la->n_granted, 5);
    assert_int_equal(entry_of(w, 4, "10000000")->status, TND_AWARD_GRANTED);
    assert_int_equal(entry_of(w, 4, "10000005")->status, TND_AWARD_NOT_RANKED);
    assert_string_equal(la->tie_text,
                        "gelijke stand om plaats 5 (eindcijfer 6,8) tussen 10000000 Zorg Nul, "
                        "10000005 Zorg Vijf; beslisregel higher-score:A: hogere score op Op- en "
                        "afschalen: beslist");
}

/* A tie rule on a criterion that takes no scores of its own (a parent) or that the lot does not
 * have cannot be applied (the loader refuses both); the tie is reported, never picked. */
static void test_lot4_tie_rule_on_a_criterion_without_scores_is_not_applied(void **state)
{
    static const char *const rules[] = { "higher-score:regionale-doelen",
                                         "higher-score:onbekend" };
    for (size_t r = 0; r < 2; r++) {
        world *w = *state;
        strcpy(w->d.awards[1].tie_rule, rules[r]);
        seven_lot4_bids(w);
        bidder(w, "10000008", "Zorg Acht", 4);
        lot4(w, "10000008", 8, 6, 6, 6, 4);
        run(w);
        const tnd_lot_award *la = lot_of(w, 4);
        assert_int_equal(la->n_granted, 4);
        assert_int_equal(entry_of(w, 4, "10000008")->status, TND_AWARD_TIE);
        char expected[256];
        snprintf(expected, sizeof expected,
                 "gelijke stand om plaats 5 (eindcijfer 6,8) tussen 10000005 Zorg Vijf, "
                 "10000008 Zorg Acht; onbeslist: beslisregel '%s' wordt niet ondersteund",
                 rules[r]);
        assert_string_equal(la->tie_text, expected);
        if (r == 0) { /* a fresh world for the second rule */
            assert_int_equal(teardown(state), 0);
            assert_int_equal(setup(state), 0);
        }
    }
}

/* A ranked lot without a maximum grants every ranked bid. */
static void test_ranked_lot_without_a_maximum_grants_every_ranked_bid(void **state)
{
    world *w = *state;
    w->d.awards[1].max_awarded = 0;
    seven_lot4_bids(w);
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_int_equal(la->n_granted, 7);
    assert_false(la->tie);
    for (size_t i = 0; i < la->n_entries; i++)
        assert_int_equal(la->entries[i].status, TND_AWARD_GRANTED);
}

/* ------------------------------------------------------------------ price lots */

static void test_price_lot_ranks_on_the_price_formula(void **state)
{
    world *w = *state;
    /* lot 3 as a lot competing on price: relative-lowest, WQ 60 %, WP 40 %, at most 1 */
    tnd_award_lot *a3 = &w->d.awards[0];
    a3->max_awarded = 1;
    a3->price.kind = TND_PRICE_RELATIVE_LOWEST;
    a3->price.quality_weight = D(600000);
    a3->price.price_weight = D(400000);
    strcpy(a3->price_formula, "relative-lowest");
    bidder(w, "90000001", "Duur Goed", 3);
    consensus(w, 3, "normaliseren", "90000001", 1, 10);
    bidder(w, "90000002", "Goedkoop Voldoende", 3);
    consensus(w, 3, "normaliseren", "90000002", 1, 6);
    const tnd_price prices[2] = { { 3, "90000001", 200000, 0 }, { 3, "90000002", 100000, 0 } };
    for (size_t i = 0; i < w->n; i++) {
        assert_true(tnd_check(&w->d.def, &w->bids[i], &w->checks[i]));
        w->bid_ptrs[i] = &w->bids[i];
        w->check_ptrs[i] = &w->checks[i];
    }
    assert_true(tnd_evaluate(&w->d.def, w->bid_ptrs, w->check_ptrs, w->n, &w->scores, prices, 2,
                             &w->ev));
    w->ran = true;
    /* 90000001: 0,6*10 + 0,4*10*1000/2000 = 6 + 2 = 8,0; 90000002: 0,6*6 + 0,4*10 = 7,6 */
    const tnd_award_entry *a = entry_of(w, 3, "90000001"), *b = entry_of(w, 3, "90000002");
    assert_int_equal(a->total.units, 8000000);
    assert_int_equal(a->price_score.units, 5000000);
    assert_true(a->has_price);
    assert_int_equal(a->price, 200000);
    assert_int_equal(b->total.units, 7600000);
    assert_int_equal(a->status, TND_AWARD_GRANTED);
    assert_int_equal(b->status, TND_AWARD_NOT_RANKED);
    assert_int_equal(a->rank, 1);
    assert_int_equal(b->rank, 2);
}

/* Lot 3 as a lot that competes on price (relative-lowest, 60/40, at most 1), for the tests below. */
static void price_lot_3(world *w)
{
    tnd_award_lot *a3 = &w->d.awards[0];
    a3->max_awarded = 1;
    a3->price.kind = TND_PRICE_RELATIVE_LOWEST;
    a3->price.quality_weight = D(600000);
    a3->price.price_weight = D(400000);
    strcpy(a3->price_formula, "relative-lowest");
}

static void run_with_prices(world *w, const tnd_price *prices, size_t n_prices)
{
    for (size_t i = 0; i < w->n; i++) {
        assert_true(tnd_check(&w->d.def, &w->bids[i], &w->checks[i]));
        w->bid_ptrs[i] = &w->bids[i];
        w->check_ptrs[i] = &w->checks[i];
    }
    assert_true(tnd_evaluate(&w->d.def, w->bid_ptrs, w->check_ptrs, w->n, &w->scores, prices,
                             n_prices, &w->ev));
    w->ran = true;
}

/* A lot that competes on price cannot rank a bid without a price for that lot: no score, not
 * ranked, said so; the bid with a price is ranked alone (a price of another lot does not count). */
static void test_price_lot_bid_without_a_price_for_the_lot_has_no_scores(void **state)
{
    world *w = *state;
    price_lot_3(w);
    bidder(w, "90000003", "Prijs Vergeten", 3);
    consensus(w, 3, "normaliseren", "90000003", 1, 10);
    bidder(w, "90000004", "Met Prijs", 3);
    consensus(w, 3, "normaliseren", "90000004", 1, 6);
    const tnd_price prices[2] = { { 4, "90000003", 100000, 0 }, { 3, "90000004", 150000, 0 } };
    run_with_prices(w, prices, 2);
    const tnd_award_entry *a = entry_of(w, 3, "90000003"), *b = entry_of(w, 3, "90000004");
    assert_int_equal(a->status, TND_AWARD_NO_SCORES);
    assert_false(a->has_price);
    assert_string_equal(a->reason, "score ontbreekt: geen prijs opgegeven voor dit perceel");
    assert_int_equal(a->rank, 0);
    /* alone: 0,6*6 + 0,4*10 = 7,6 */
    assert_int_equal(b->status, TND_AWARD_GRANTED);
    assert_int_equal(b->total.units, 7600000);
    assert_int_equal(b->rank, 1);
}

/* Each bid of a price lot gets its own price however the prices file is ordered: here the
 * last bidder's price comes first, a price for lot 4 sits between, and every KvK differs from the
 * next in its last digit only (issue 9: the prices are looked up in a sorted index, not
 * scanned per entry). 0,6*8 + 0,4*10*min/price: 90000011 at 1.000,00 is 8,8; 90000012 at 1.250,00
 * is 8,0; 90000013 at 2.000,00 is 6,8. The price of lot 4 is never lot 3's. */
static void test_price_lot_finds_each_bids_price_in_any_order(void **state)
{
    world *w = *state;
    price_lot_3(w);
    w->d.awards[0].max_awarded = 3;
    const char *kvk[3] = { "90000011", "90000012", "90000013" };
    for (int i = 0; i < 3; i++) {
        bidder(w, kvk[i], "Prijs", 3);
        consensus(w, 3, "normaliseren", kvk[i], 1, 8);
    }
    const tnd_price prices[4] = { { 3, "90000013", 200000, 0 }, { 4, "90000011", 50000, 0 },
                                  { 3, "90000012", 125000, 0 }, { 3, "90000011", 100000, 0 } };
    run_with_prices(w, prices, 4);
    const tnd_award_entry *a = entry_of(w, 3, "90000011"), *b = entry_of(w, 3, "90000012"),
                          *c = entry_of(w, 3, "90000013");
    assert_int_equal(a->price, 100000);
    assert_int_equal(b->price, 125000);
    assert_int_equal(c->price, 200000);
    assert_int_equal(a->total.units, 8800000);
    assert_int_equal(b->total.units, 8000000);
    assert_int_equal(c->total.units, 6800000);
    assert_int_equal(a->rank, 1);
    assert_int_equal(b->rank, 2);
    assert_int_equal(c->rank, 3);
}

/* A price formula the definition gets wrong (weights 60 % + 50 %) is not applied to any bid: no
 * bid of the lot is ranked and each names the reason (never a total from a broken formula). */
static void test_price_formula_not_applicable_ranks_no_bid_and_says_why(void **state)
{
    world *w = *state;
    price_lot_3(w);
    w->d.awards[0].price.price_weight = D(500000);
    bidder(w, "90000005", "Een", 3);
    consensus(w, 3, "normaliseren", "90000005", 1, 8);
    bidder(w, "90000006", "Twee", 3);
    consensus(w, 3, "normaliseren", "90000006", 1, 6);
    const tnd_price prices[2] = { { 3, "90000005", 100000, 0 }, { 3, "90000006", 150000, 0 } };
    run_with_prices(w, prices, 2);
    for (size_t i = 0; i < 2; i++) {
        const tnd_award_entry *e = entry_of(w, 3, i ? "90000006" : "90000005");
        assert_int_equal(e->status, TND_AWARD_NO_SCORES);
        assert_string_equal(e->reason, "prijsformule niet toe te passen: relative-lowest: weging "
                                       "kwaliteit 60,00% + prijs 50,00% is niet precies 100%");
        assert_int_equal(e->rank, 0);
    }
    assert_int_equal(lot_of(w, 3)->n_granted, 0);
}

static void test_score_rows_of_an_unknown_bidder_are_listed(void **state)
{
    world *w = *state;
    bidder(w, "20000001", "Ambulant BV", 3);
    consensus(w, 3, "normaliseren", "20000001", 1, 8);
    consensus(w, 3, "normaliseren", "99999999", 1, 6); /* no bid with this KvK */
    run(w);
    size_t rows[4];
    assert_int_equal(tnd_award_unknown_bidder_rows(&w->ev, &w->scores, rows, 4), 1);
    assert_int_equal(rows[0], 1);
    assert_int_equal(lot_of(w, 3)->n_entries, 1);
}

/* Rows of unknown bidders are counted even beyond the room given, and without room at all. */
static void test_unknown_bidder_rows_are_counted_beyond_the_room_given(void **state)
{
    world *w = *state;
    bidder(w, "20000001", "Ambulant BV", 3);
    consensus(w, 3, "normaliseren", "20000001", 1, 8);
    consensus(w, 3, "normaliseren", "99999991", 1, 6);
    consensus(w, 3, "normaliseren", "99999992", 1, 6);
    run(w);
    size_t rows[1] = { 77 };
    assert_int_equal(tnd_award_unknown_bidder_rows(&w->ev, &w->scores, rows, 1), 2);
    assert_int_equal(rows[0], 1);
    assert_int_equal(tnd_award_unknown_bidder_rows(&w->ev, &w->scores, NULL, 0), 2);
    assert_int_equal(tnd_award_unknown_bidder_rows(&w->ev, NULL, NULL, 0), 0);
}

/* §6.1.1: a round exists only as 1 or 2; a row of another round (the reader refuses it, this is
 * the rule's own guard) never counts, so the plan stays without a score. */
static void test_score_row_of_round_3_is_never_used(void **state)
{
    world *w = *state;
    bidder(w, "20000021", "Ronde Drie", 3);
    consensus(w, 3, "normaliseren", "20000021", 3, 8);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "20000021");
    assert_int_equal(e->status, TND_AWARD_NO_SCORES);
    assert_string_equal(e->reason, "score ontbreekt: Plan van Aanpak Normaliseren: geen "
                                   "consensusscore (ronde 1)");
}

/* §6.1.2: only a criterion with a minimum has a revision; a round 2 of another criterion is not
 * used and the reason says so (the round-1 score counts). */
static void test_round2_of_a_criterion_without_minimum_is_ignored_and_said(void **state)
{
    world *w = *state;
    bidder(w, "30000002", "Herkansing Zonder Minimum", 4);
    lot4(w, "30000002", 8, 6, 8, 10, 4);
    consensus(w, 4, "A", "30000002", 2, 10);
    run(w);
    const tnd_award_entry *e = entry_of(w, 4, "30000002");
    assert_int_equal(e->total.units, 7400000); /* as with A = 6 */
    assert_int_equal(score_of(e, C_A)->consensus, 6);
    assert_int_equal(score_of(e, C_A)->round, 1);
    assert_non_null(strstr(e->reason, "Op- en afschalen: ronde 2 genegeerd (geen herkansing)"));
}

/* An evaluation without any bid gives every lot of the definition, each empty. */
static void test_evaluation_without_bids_lists_every_lot_empty(void **state)
{
    world *w = *state;
    run(w);
    assert_int_equal(w->ev.n_bidders, 0);
    assert_int_equal(w->ev.n_lots, 3);
    for (size_t i = 0; i < w->ev.n_lots; i++) {
        assert_int_equal(w->ev.lots[i].n_entries, 0);
        assert_int_equal(w->ev.lots[i].n_granted, 0);
    }
}

/* ------------------------------------------------------------------ names */

static void test_status_names_in_english_and_dutch(void **state)
{
    (void)state;
    assert_string_equal(tnd_award_status_name(TND_AWARD_GRANTED), "GRANTED");
    assert_string_equal(tnd_award_status_dutch(TND_AWARD_GRANTED), "GEGUND");
    assert_string_equal(tnd_award_status_name(TND_AWARD_SET_ASIDE), "SET_ASIDE");
    assert_string_equal(tnd_award_status_dutch(TND_AWARD_SET_ASIDE), "TERZIJDE GELEGD");
    assert_string_equal(tnd_award_status_name(TND_AWARD_TIE), "TIE");
    assert_string_equal(tnd_award_status_dutch(TND_AWARD_TIE), "GELIJKE STAND");
    assert_string_equal(tnd_award_status_dutch(TND_AWARD_ADMITTED), "TOEGELATEN");
    assert_string_equal(tnd_award_status_dutch(TND_AWARD_REVISION_OPEN), "HERKANSING OPEN");
    assert_string_equal(tnd_award_status_dutch(TND_AWARD_NOT_RANKED), "NIET GEGUND");
    assert_string_equal(tnd_award_status_dutch(TND_AWARD_EXCLUDED), "NIET TOEGELATEN");
    assert_string_equal(tnd_award_status_name((tnd_award_status)99), "?");
    assert_string_equal(tnd_award_status_dutch((tnd_award_status)99), "?");
}

/* tnd_award_mark gives a mark only for a criterion of the rule (or -1, the whole mark): no rule,
 * an index outside the criteria, or a tree deeper than 4 levels gives false and 0, never a
 * neighbour's mark. */
static void test_award_mark_refuses_what_it_cannot_compute_exactly(void **state)
{
    world *w = *state;
    bidder(w, "30000001", "Voorbeeld GGZ", 4);
    lot4(w, "30000001", 8, 6, 8, 10, 4);
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    const tnd_award_entry *e = entry_of(w, 4, "30000001");
    tnd_dec mark = { 123 };
    assert_false(tnd_award_mark(NULL, e, -1, &mark));
    assert_int_equal(mark.units, 0);
    assert_false(tnd_award_mark(la->rule, e, -2, &mark));
    assert_false(tnd_award_mark(la->rule, e, la->rule->n_criteria, &mark));
    assert_int_equal(mark.units, 0);
    assert_true(tnd_award_mark(la->rule, e, -1, &mark));
    assert_int_equal(mark.units, 7400000); /* §6.1.2 L1983-1987 */
    tnd_award_lot deep = *la->rule;
    for (int i = 0; i < 4; i++) {
        char id[16];
        snprintf(id, sizeof id, "sub-%d", i);
        criterion(&deep, id, "Onderdeel", 1000000, i == 0 ? C_NORM : deep.n_criteria - 1,
                  "§6.1.2");
    }
    assert_false(tnd_award_mark(&deep, e, -1, &mark));
    assert_int_equal(mark.units, 0);
}

/* §4.3.1 L958-969: the fallback goes to a lower lot the bidder did not apply for itself; a bidder
 * that applied for lot 3 as well keeps its own lot-3 application there and is not placed twice. */
static void test_lot4_not_ranked_bidder_that_also_applied_for_lot_3_is_not_placed_twice(
    void **state)
{
    world *w = *state;
    seven_lot4_bids(w);
    also_lot(&w->bids[5], 3);
    consensus(w, 3, "normaliseren", "10000006", 1, 7);
    run(w);
    const tnd_bidder_outcome *o = outcome_of(w, "10000006");
    assert_int_equal(o->n_applied, 2);
    assert_int_equal(o->applied[0], 3);
    assert_int_equal(o->status[0], TND_AWARD_GRANTED);
    assert_int_equal(o->placed[0], 3);
    assert_string_equal(o->path[0], "3: gegund");
    assert_int_equal(o->applied[1], 4);
    assert_int_equal(o->status[1], TND_AWARD_NOT_RANKED);
    assert_int_equal(o->placed[1], 0);
    assert_string_equal(o->path[1], "4 -> niet gegund (rang 6 van 7): geen perceel");
    const tnd_award_entry *in3 = entry_of(w, 3, "10000006");
    assert_int_equal(in3->applied, 3);
    assert_string_equal(in3->reason, "gegund: Plan van Aanpak Normaliseren 7 >= 6,0 (§6.1.1 "
                                     "L1804-1807)");
    size_t in_lot_3 = 0;
    for (size_t i = 0; i < lot_of(w, 3)->n_entries; i++)
        in_lot_3 += strcmp(lot_of(w, 3)->entries[i].bid->bidder.kvk, "10000006") == 0;
    assert_int_equal(in_lot_3, 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

/* ------------------------------------------------------------------ issue 8: lot 6 follows the plan */

/* §4.3 L916-918, §6.1 L1702-1704: lot 6 follows the plan of the bidder's lot 3 or 4 bid. */
static void lot6_follows_plan(world *w)
{
    tnd_award_lot *a6 = &w->d.awards[2];
    a6->plan_lots[0] = 3;
    a6->plan_lots[1] = 4;
    a6->n_plan_lots = 2;
    strcpy(a6->ref.source, "§4.3 L916-918; §6.1 L1702-1704");
}

static void test_lot6_admitted_while_the_lot3_plan_scores_exactly_6(void **state)
{
    world *w = *state;
    lot6_follows_plan(w);
    tnd_bid *b = bidder(w, "70000011", "Groepsaanbod", 3);
    also_lot(b, 6);
    consensus(w, 3, "normaliseren", "70000011", 1, 6);
    run(w);
    const tnd_award_entry *e = entry_of(w, 6, "70000011");
    assert_int_equal(e->status, TND_AWARD_ADMITTED);
    assert_string_equal(e->reason, "toegelaten na stap 1 en 2 en met een plan van aanpak "
                                   "normaliseren van 6,0 of hoger (§4.3 L916-918; §6.1 "
                                   "L1702-1704)");
    assert_int_equal(lot_of(w, 6)->n_granted, 1);
}

static void test_lot6_set_aside_with_the_lot3_plan_after_4_then_4(void **state)
{
    world *w = *state;
    lot6_follows_plan(w);
    tnd_bid *b = bidder(w, "70000012", "Groepsaanbod", 3);
    also_lot(b, 6);
    consensus(w, 3, "normaliseren", "70000012", 1, 4);
    consensus(w, 3, "normaliseren", "70000012", 2, 4);
    run(w);
    /* §6.1.1 L1804-1807: the second score below 6,0 sets aside "het verzoek tot deelname" */
    assert_int_equal(entry_of(w, 3, "70000012")->status, TND_AWARD_SET_ASIDE);
    const tnd_award_entry *e = entry_of(w, 6, "70000012");
    assert_int_equal(e->status, TND_AWARD_SET_ASIDE);
    assert_string_equal(e->reason, "plan van aanpak normaliseren van perceel 3: terzijde gelegd; "
                                   "perceel 6 volgt dat plan (§4.3 L916-918; §6.1 L1702-1704)");
    assert_int_equal(lot_of(w, 6)->n_granted, 0);
    const tnd_bidder_outcome *o = outcome_of(w, "70000012");
    assert_int_equal(o->placed[1], 0);
    assert_int_equal(o->stopped_at_step, 3);
}

static void test_lot6_waits_while_the_lot3_revision_is_open(void **state)
{
    world *w = *state;
    lot6_follows_plan(w);
    tnd_bid *b = bidder(w, "70000013", "Groepsaanbod", 3);
    also_lot(b, 6);
    consensus(w, 3, "normaliseren", "70000013", 1, 4);
    run(w);
    const tnd_award_entry *e = entry_of(w, 6, "70000013");
    assert_int_equal(e->status, TND_AWARD_REVISION_OPEN);
    assert_string_equal(e->reason, "plan van aanpak normaliseren van perceel 3: herkansing open; "
                                   "perceel 6 volgt dat plan (§4.3 L916-918; §6.1 L1702-1704)");
}

static void test_lot6_without_a_lot3_score_has_no_scores(void **state)
{
    world *w = *state;
    lot6_follows_plan(w);
    tnd_bid *b = bidder(w, "70000014", "Groepsaanbod", 3);
    also_lot(b, 6);
    run(w);
    assert_int_equal(entry_of(w, 6, "70000014")->status, TND_AWARD_NO_SCORES);
}

static void test_lot6_admitted_after_the_lot3_revision_reaches_6(void **state)
{
    world *w = *state;
    lot6_follows_plan(w);
    tnd_bid *b = bidder(w, "70000015", "Groepsaanbod", 3);
    also_lot(b, 6);
    consensus(w, 3, "normaliseren", "70000015", 1, 4);
    consensus(w, 3, "normaliseren", "70000015", 2, 6);
    run(w);
    /* "na ten hoogste één herziening" */
    assert_int_equal(entry_of(w, 6, "70000015")->status, TND_AWARD_ADMITTED);
}

static void test_lot6_without_any_plan_lot_needs_no_plan(void **state)
{
    world *w = *state;
    lot6_follows_plan(w);
    bidder(w, "70000016", "Gezinshuis", 6);
    run(w);
    /* L1702-1704 "wanneer zij inschrijven op percelen 1 t/m 5": no such bid, no plan */
    const tnd_award_entry *e = entry_of(w, 6, "70000016");
    assert_int_equal(e->status, TND_AWARD_ADMITTED);
    assert_string_equal(e->reason, "toegelaten na stap 1 en 2; geen inschrijving op een perceel "
                                   "met plan van aanpak: geen plan vereist (§4.3 L916-918; §6.1 "
                                   "L1702-1704)");
}

static void test_lot4_revised_score_capped_at_the_minimum_counts_6(void **state)
{
    world *w = *state;
    w->d.awards[1].criteria[C_NORM].revised_capped = true;
    strcpy(w->d.awards[1].criteria[C_NORM].resolution, "R-HERZIEN");
    bidder(w, "30000013", "Herzien GGZ", 4);
    lot4(w, "30000013", 4, 6, 8, 10, 4);
    consensus(w, 4, "normaliseren", "30000013", 2, 8);
    run(w);
    const tnd_award_entry *e = entry_of(w, 4, "30000013");
    /* the revision decides the threshold only: 0,5 x 6 + 0,5 x 6,8 = 6,4, not 7,4 */
    assert_int_equal(e->status, TND_AWARD_GRANTED);
    assert_int_equal(e->total.units, 6400000);
    assert_int_equal(score_of(e, C_NORM)->consensus, 6);
    assert_non_null(strstr(e->reason, "na herziening 8 >= 6,0 (§6.1.2 L1840); in het eindcijfer "
                                      "telt 6 (resolutie R-HERZIEN)"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_threshold_round1_score_8_is_granted),
        T(test_threshold_exactly_6_is_granted),
        T(test_threshold_4_then_revision_6_is_granted_after_revision),
        T(test_threshold_4_then_4_is_set_aside),
        T(test_threshold_4_without_round2_leaves_revision_open),
        T(test_threshold_4_without_a_revision_allowed_is_set_aside_at_once),
        T(test_threshold_4_then_round2_without_consensus_has_no_scores),
        T(test_threshold_members_without_consensus_has_no_scores),
        T(test_threshold_round2_after_a_passing_round1_is_ignored_and_said),
        T(test_lot4_worked_example_8_6_8_10_4_gives_regional_6_8_and_final_7_4),
        T(test_lot4_top_5_of_7_granted_and_2_not_ranked),
        T(test_lot4_tie_at_5th_place_without_rule_is_undecided),
        T(test_lot4_tie_at_5th_place_settled_by_officer_decision_res_gelijke_stand),
        T(test_lot4_tie_of_three_for_one_place_settled_by_one_decision),
        T(test_lot4_tie_decision_naming_a_bidder_outside_the_tie_leaves_it_undecided),
        T(test_lot4_tie_decisions_giving_one_place_twice_leave_it_undecided),
        T(test_lot4_tie_decision_for_another_lot_is_not_used),
        T(test_lot4_no_tie_ignores_a_settlement),
        T(test_lot4_tie_decided_by_higher_normaliseren),
        T(test_lot4_tie_with_equal_normaliseren_stays_undecided_under_the_rule),
        T(test_lot4_tie_with_an_unknown_tie_rule_is_undecided_and_named),
        T(test_lot4_normaliseren_4_after_revision_is_set_aside_despite_high_total),
        T(test_lot4_revised_normaliseren_counts_in_the_total),
        T(test_lot4_not_in_top_5_falls_back_to_lot_3_and_is_granted_with_normaliseren_8),
        T(test_lot4_fallback_uses_lot_3_rows_when_present),
        T(test_lot4_fallback_to_a_lot_whose_requirement_fails_places_nowhere),
        T(test_lot4_fallback_opted_out_stays_not_awarded),
        T(test_lot4_not_ranked_bidder_that_also_applied_for_lot_3_is_not_placed_twice),
        T(test_lot4_bid_failing_lot4_requirement_is_placed_in_lot3_by_the_check),
        T(test_criterion_c_10_places_within_15_km_scores_10),
        T(test_criterion_c_9_places_uses_the_committee_score),
        T(test_criterion_c_9_places_without_committee_score_has_no_scores),
        T(test_places_within_counts_region_municipalities_and_distance),
        T(test_consensus_outside_the_member_range_is_flagged),
        T(test_spread_is_of_the_round_used),
        T(test_equal_totals_are_ordered_by_kvk),
        T(test_lot6_admitted_after_steps_1_and_2),
        T(test_lot6_admitted_while_the_lot3_plan_scores_exactly_6),
        T(test_lot6_set_aside_with_the_lot3_plan_after_4_then_4),
        T(test_lot6_waits_while_the_lot3_revision_is_open),
        T(test_lot6_without_a_lot3_score_has_no_scores),
        T(test_lot6_admitted_after_the_lot3_revision_reaches_6),
        T(test_lot6_without_any_plan_lot_needs_no_plan),
        T(test_lot4_revised_score_capped_at_the_minimum_counts_6),
        T(test_bid_after_closing_time_is_excluded_in_every_lot_at_step_1),
        T(test_lot3_bid_failing_its_requirement_is_excluded_there),
        T(test_bid_with_an_open_review_is_pending_in_every_lot),
        T(test_lot_without_an_award_rule_in_the_definition_is_not_decided),
        T(test_criteria_nested_deeper_than_4_levels_are_not_computed),
        T(test_lot4_tie_without_a_resolution_is_undecided_without_citing_one),
        T(test_lot4_tie_rule_higher_score_on_criterion_a_decides_on_a),
        T(test_lot4_tie_rule_on_a_criterion_without_scores_is_not_applied),
        T(test_ranked_lot_without_a_maximum_grants_every_ranked_bid),
        T(test_price_lot_ranks_on_the_price_formula),
        T(test_price_lot_bid_without_a_price_for_the_lot_has_no_scores),
        T(test_price_lot_finds_each_bids_price_in_any_order),
        T(test_price_formula_not_applicable_ranks_no_bid_and_says_why),
        T(test_score_rows_of_an_unknown_bidder_are_listed),
        T(test_unknown_bidder_rows_are_counted_beyond_the_room_given),
        T(test_score_row_of_round_3_is_never_used),
        T(test_round2_of_a_criterion_without_minimum_is_ignored_and_said),
        T(test_evaluation_without_bids_lists_every_lot_empty),
        cmocka_unit_test(test_status_names_in_english_and_dutch),
        T(test_award_mark_refuses_what_it_cannot_compute_exactly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
