/*
 * test_award_fallback.c - the §4.3.1 cascade after the award (scoring/award.c) along a chain of
 * more than one lot, onto a lot still under review, and ties at the last place of a ranked lot
 * that reach the end of the ranking or are settled by the officer without a resolution named.
 *
 * The definition is built here with five lots:
 *   lot 2  threshold on the Plan van Aanpak Normaliseren without a minimum; requirement
 *          "ambulant" (§5.6-style);
 *   lot 3  threshold, Normaliseren >= 6,0 with one revision (§6.1.1 L1804-1807); requirement
 *          "wvggz"; a quality system rule that sends a scheme declared equivalent to a reviewer
 *          (§5.5.1.1);
 *   lot 4  ranked, at most 2, on Normaliseren (>= 6,0, one revision); requirement "regio";
 *          cascade 4 -> 5, 3, 2, awarded competitively (§4.3.1 L958-969);
 *   lot 5  ranked, at most 1 (competitive itself: never a fallback target, RES-CASCADE-FIGUUR1);
 *          requirement "regio"; cascade 5 -> 2;
 *   lot 6  admitted after steps 1-2 while the plan on lot 3 or 4 stands (§4.3 L916-918).
 * Bids are run through tnd_check first, so the placements are the real ones.
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
#include "scoring/rounds.h"

#define D(u) ((tnd_dec){ (u) })

enum { A2, A3, A4, A5, A6, N_AWARDS };

typedef struct {
    tnd_definition def;
    tnd_lot lots[N_AWARDS];
    tnd_award_lot awards[N_AWARDS];
    tnd_requirement requirements[4];
    tnd_quality_rule quality[1];
} def_fixture;

static void set_ref(tnd_rule_ref *ref, const char *id, const char *source, const char *label)
{
    snprintf(ref->id, sizeof ref->id, "%s", id);
    snprintf(ref->source, sizeof ref->source, "%s", source);
    snprintf(ref->label, sizeof ref->label, "%s", label);
}

static void normaliseren(tnd_award_lot *a, bool minimum, const char *source)
{
    tnd_criterion *c = &a->criteria[a->n_criteria++];
    snprintf(c->id, sizeof c->id, "normaliseren");
    snprintf(c->label, sizeof c->label, "Plan van Aanpak Normaliseren");
    c->weight = D(1000000);
    c->parent = -1;
    snprintf(c->source, sizeof c->source, "%s", source);
    if (minimum) {
        c->has_minimum = true;
        c->minimum = D(6000000);
        c->revisions = 1;
    }
}

static void requirement(tnd_requirement *q, int lot, const char *id, const char *fact)
{
    set_ref(&q->ref, id, "§5.6 L1570", "Tariefgroepeis");
    q->lot = lot;
    q->kind = TND_REQ_FLAG;
    snprintf(q->fact, sizeof q->fact, "%s", fact);
}

static void build_definition(def_fixture *f)
{
    tnd_definition *d = &f->def;
    snprintf(d->id, sizeof d->id, "test-award-fallback");
    d->closing_time = (tnd_datetime){ { 2022, 7, 18 }, 11, 0, 0 };
    set_ref(&d->closing, "SLUITINGSTIJD", "§3.6 L381", "Sluitingstijd");
    const int numbers[N_AWARDS] = { 2, 3, 4, 5, 6 };
    for (int i = 0; i < N_AWARDS; i++) {
        f->lots[i].number = numbers[i];
        snprintf(f->lots[i].name, sizeof f->lots[i].name, "Perceel %d", numbers[i]);
    }
    d->lots = f->lots;
    d->n_lots = N_AWARDS;

    set_ref(&d->cascade.ref, "PERCEEL-INDELING", "§4.3.1 L956-969", "Indeling lager perceel");
    d->cascade.chains[0] = (tnd_cascade_chain){ .from = 4, .to = { 5, 3, 2 }, .n_to = 3,
                                                .awarded_competitively = true };
    d->cascade.chains[1] = (tnd_cascade_chain){ .from = 5, .to = { 2 }, .n_to = 1,
                                                .awarded_competitively = true };
    d->cascade.n_chains = 2;
    d->cascade.opt_out_allowed = true;

    requirement(&f->requirements[0], 2, "TG-P2-AMBULANT", "ambulant");
    requirement(&f->requirements[1], 3, "TG-P3-WVGGZ", "wvggz");
    requirement(&f->requirements[2], 4, "TG-P4-REGIO", "regio");
    requirement(&f->requirements[3], 5, "TG-P5-REGIO", "regio");
    d->requirements = f->requirements;
    d->n_requirements = 4;

    tnd_quality_rule *k = &f->quality[0];
    set_ref(&k->ref, "KWAL-P3", "§5.5.1.1 L1500", "Kwaliteitssysteem");
    k->lots[0] = 3;
    k->n_lots = 1;
    snprintf(k->schemes[0], sizeof k->schemes[0], "HKZ");
    k->n_schemes = 1;
    k->equivalent_review = true;
    d->quality = f->quality;
    d->n_quality = 1;

    const int scale[6] = { 0, 2, 4, 6, 8, 10 };
    for (int i = 0; i < 6; i++)
        d->score_scale.values[i] = scale[i];
    d->score_scale.n_values = 6;

    tnd_award_lot *a = &f->awards[A2];
    set_ref(&a->ref, "GUNNING-P2", "§6.1 L1690", "Perceel 2");
    a->lot = 2;
    a->kind = TND_AWARD_THRESHOLD;
    normaliseren(a, false, "§6.1 L1690");
    a = &f->awards[A3];
    set_ref(&a->ref, "GUNNING-P3", "§6.1 L1690-1692", "Perceel 3: minimaal 6,0");
    a->lot = 3;
    a->kind = TND_AWARD_THRESHOLD;
    normaliseren(a, true, "§6.1.1 L1804-1807");
    a = &f->awards[A4];
    set_ref(&a->ref, "GUNNING-P4", "§6.1.2 L1835-1993", "Perceel 4: maximaal 2");
    snprintf(a->ref.resolution, sizeof a->ref.resolution, "RES-GELIJKE-STAND");
    a->lot = 4;
    a->kind = TND_AWARD_RANKED;
    a->max_awarded = 2;
    normaliseren(a, true, "§6.1.2 L1840");
    a = &f->awards[A5];
    set_ref(&a->ref, "GUNNING-P5", "§6.1.2 L1835", "Perceel 5: maximaal 1");
    a->lot = 5;
    a->kind = TND_AWARD_RANKED;
    a->max_awarded = 1;
    normaliseren(a, true, "§6.1.2 L1840");
    a = &f->awards[A6];
    set_ref(&a->ref, "GUNNING-P6", "§4.3 L916-918; §6.1 L1702-1704", "Perceel 6: toegelaten");
    a->lot = 6;
    a->kind = TND_AWARD_ADMIT;
    a->plan_lots[0] = 3;
    a->plan_lots[1] = 4;
    a->n_plan_lots = 2;
    d->awards = f->awards;
    d->n_awards = N_AWARDS;
}

/* ------------------------------------------------------------------ bids, scores, the run */

#define MAX_BIDS 8

typedef struct {
    def_fixture d;
    tnd_bid bids[MAX_BIDS];
    tnd_bid_lot lots[MAX_BIDS][3];
    tnd_fact facts[MAX_BIDS][3];
    tnd_location locations[MAX_BIDS][2];
    tnd_certificate certificates[MAX_BIDS][1];
    tnd_check_result checks[MAX_BIDS];
    const tnd_bid *bid_ptrs[MAX_BIDS];
    const tnd_check_result *check_ptrs[MAX_BIDS];
    size_t n;
    tnd_score rows[64];
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
    snprintf(w->scores.file, sizeof w->scores.file, "scores.csv");
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

/* A bid on `lot`, in time, with an HKZ certificate and the facts of every requirement met. */
static tnd_bid *bidder(world *w, const char *kvk, int lot)
{
    size_t i = w->n++;
    tnd_bid *b = &w->bids[i];
    snprintf(b->bidder.kvk, sizeof b->bidder.kvk, "%s", kvk);
    snprintf(b->bidder.name, sizeof b->bidder.name, "Zorg %s", kvk + 6);
    b->has_submission = true;
    b->submitted = (tnd_datetime){ { 2022, 7, 18 }, 10, 0, 0 };
    b->lots = w->lots[i];
    b->lots[0].number = lot;
    b->n_lots = 1;
    b->facts = w->facts[i];
    const char *names[3] = { "ambulant", "wvggz", "regio" };
    for (int k = 0; k < 3; k++) {
        snprintf(b->facts[k].name, sizeof b->facts[k].name, "%s", names[k]);
        b->facts[k].type = TND_FACT_FLAG;
        b->facts[k].flag = true;
    }
    b->n_facts = 3;
    b->certificates = w->certificates[i];
    snprintf(b->certificates[0].scheme, sizeof b->certificates[0].scheme, "HKZ");
    b->n_certificates = 1;
    return b;
}

static void also_lot(tnd_bid *b, int lot)
{
    b->lots[b->n_lots++].number = lot;
}

/* The fact is answered "nee". */
static void without(tnd_bid *b, const char *fact)
{
    for (size_t k = 0; k < b->n_facts; k++)
        if (strcmp(b->facts[k].name, fact) == 0)
            b->facts[k].flag = false;
}

static void consensus(world *w, int lot, const char *kvk, int round, int value)
{
    tnd_score *s = &w->rows[w->scores.n++];
    s->lot = lot;
    snprintf(s->criterion, sizeof s->criterion, "normaliseren");
    snprintf(s->bidder, sizeof s->bidder, "%s", kvk);
    s->round = round;
    snprintf(s->member, sizeof s->member, TND_CONSENSUS);
    s->score = value;
    s->line = (long)w->scores.n + 1;
}

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

static void run(world *w)
{
    run_settled(w, NULL, 0);
}

static const tnd_lot_award *lot_of(const world *w, int lot)
{
    for (size_t i = 0; i < w->ev.n_lots; i++)
        if (w->ev.lots[i].lot == lot)
            return &w->ev.lots[i];
    fail_msg("perceel %d ontbreekt", lot);
    return NULL;
}

static const tnd_award_entry *entry_of(const world *w, int lot, const char *kvk)
{
    const tnd_lot_award *la = lot_of(w, lot);
    for (size_t i = 0; i < la->n_entries; i++)
        if (strcmp(la->entries[i].bid->bidder.kvk, kvk) == 0)
            return &la->entries[i];
    fail_msg("inschrijver %s ontbreekt in perceel %d", kvk, lot);
    return NULL;
}

static bool in_lot(const world *w, int lot, const char *kvk)
{
    const tnd_lot_award *la = lot_of(w, lot);
    for (size_t i = 0; i < la->n_entries; i++)
        if (strcmp(la->entries[i].bid->bidder.kvk, kvk) == 0)
            return true;
    return false;
}

static const tnd_bidder_outcome *outcome_of(const world *w, const char *kvk)
{
    for (size_t i = 0; i < w->ev.n_bidders; i++)
        if (strcmp(w->ev.bidders[i].bid->bidder.kvk, kvk) == 0)
            return &w->ev.bidders[i];
    fail_msg("inschrijver %s ontbreekt", kvk);
    return NULL;
}

/* Lot 4 bids 10000001..1000000n (n <= 8) scoring `marks` on Normaliseren in round 1. */
static void lot4_bids(world *w, const int *marks, int n)
{
    for (int i = 0; i < n; i++) {
        char kvk[9] = "10000000";
        kvk[7] = (char)('1' + i);
        bidder(w, kvk, 4);
        consensus(w, 4, kvk, 1, marks[i]);
    }
}

/* ------------------------------------------------------------------ fallback chains */

static void test_fallback_skips_the_competitive_lot_and_a_failed_lot_and_lands_two_down(
    void **state)
{
    world *w = *state;
    /* §4.3.1 L958-969: rank 3 of 3 with at most 2; lot 5 is competitive (never a target), lot
     * 3's requirement fails, lot 2 takes the bid on the same plan score */
    static const int marks[3] = { 10, 8, 6 };
    lot4_bids(w, marks, 3);
    without(&w->bids[2], "wvggz");
    run(w);
    const tnd_award_entry *e4 = entry_of(w, 4, "10000003");
    assert_int_equal(e4->status, TND_AWARD_NOT_RANKED);
    assert_int_equal(e4->rank, 3);
    assert_false(in_lot(w, 5, "10000003"));
    assert_false(in_lot(w, 3, "10000003"));
    const tnd_award_entry *e2 = entry_of(w, 2, "10000003");
    assert_int_equal(e2->status, TND_AWARD_GRANTED);
    assert_int_equal(e2->applied, 4);
    assert_int_equal(e2->total.units, 6000000);
    /* lot 2's criterion has no minimum: the note says only where the score came from */
    assert_string_equal(e2->reason, "gegund: Plan van Aanpak Normaliseren: score uit perceel 4; "
                                    "terugval uit perceel 4 (§4.3.1)");
    const tnd_bidder_outcome *o = outcome_of(w, "10000003");
    assert_int_equal(o->placed[0], 2);
    assert_int_equal(o->status[0], TND_AWARD_GRANTED);
    assert_string_equal(o->path[0], "4 -> niet gegund (rang 3 van 3) -> 3: TG-P3-WVGGZ niet "
                                    "voldaan -> 2: gegund");
    assert_int_equal(o->stopped_at_step, 0);
}

static void test_fallback_with_every_chain_lot_failing_is_placed_nowhere(void **state)
{
    world *w = *state;
    static const int marks[3] = { 10, 8, 6 };
    lot4_bids(w, marks, 3);
    without(&w->bids[2], "wvggz");
    without(&w->bids[2], "ambulant");
    run(w);
    const tnd_bidder_outcome *o = outcome_of(w, "10000003");
    assert_int_equal(o->status[0], TND_AWARD_NOT_RANKED);
    assert_int_equal(o->placed[0], 0);
    assert_string_equal(o->path[0], "4 -> niet gegund (rang 3 van 3) -> 3: TG-P3-WVGGZ niet "
                                    "voldaan -> 2: TG-P2-AMBULANT niet voldaan: geen perceel");
    assert_string_equal(entry_of(w, 4, "10000003")->reason,
                        "niet gegund: rang 3 van 3, eindcijfer 6,0, maximaal 2 (§6.1.2 L1835-1993): "
                        "Plan van Aanpak Normaliseren 6 >= 6,0 (§6.1.2 L1840); geen terugval");
    /* §6: every lot decided against it in step 3 */
    assert_int_equal(o->stopped_at_step, 3);
    assert_false(in_lot(w, 2, "10000003"));
}

static void test_fallback_passes_over_a_lot_the_bidder_applied_for_itself(void **state)
{
    world *w = *state;
    /* the bidder applied for 4 and 2: lot 3 fails, lot 2 is its own bid already (a candidate
     * there on its own plan), so the fallback places it nowhere else */
    static const int marks[3] = { 10, 8, 6 };
    lot4_bids(w, marks, 3);
    without(&w->bids[2], "wvggz");
    also_lot(&w->bids[2], 2);
    consensus(w, 2, "10000003", 1, 4);
    run(w);
    const tnd_bidder_outcome *o = outcome_of(w, "10000003");
    assert_int_equal(o->n_applied, 2);
    assert_int_equal(o->applied[0], 2);
    assert_int_equal(o->status[0], TND_AWARD_GRANTED);
    assert_int_equal(o->placed[0], 2);
    assert_int_equal(o->applied[1], 4);
    assert_int_equal(o->status[1], TND_AWARD_NOT_RANKED);
    assert_int_equal(o->placed[1], 0);
    assert_string_equal(o->path[1], "4 -> niet gegund (rang 3 van 3) -> 3: TG-P3-WVGGZ niet "
                                    "voldaan: geen perceel");
    /* once in lot 2, on the lot-2 score */
    const tnd_lot_award *l2 = lot_of(w, 2);
    assert_int_equal(l2->n_entries, 1);
    assert_int_equal(l2->entries[0].applied, 2);
    assert_int_equal(l2->entries[0].total.units, 4000000);
}

static void test_fallback_onto_a_lot_with_an_open_review_waits_for_the_decision(void **state)
{
    world *w = *state;
    /* §5.5.1.1: a quality scheme declared equivalent goes to a reviewer on lot 3; the fallback
     * from lot 4 lands there pending, and the pending step is named */
    static const int marks[3] = { 10, 8, 6 };
    lot4_bids(w, marks, 3);
    tnd_certificate *c = &w->bids[2].certificates[0];
    snprintf(c->scheme, sizeof c->scheme, "KWALITEIT-X");
    c->equivalent = true;
    run(w);
    const tnd_award_entry *e3 = entry_of(w, 3, "10000003");
    assert_int_equal(e3->status, TND_AWARD_PENDING);
    assert_string_equal(e3->reason, "stap 2 nog niet afgerond (KWAL-P3): gunning na afronding");
    const tnd_bidder_outcome *o = outcome_of(w, "10000003");
    assert_int_equal(o->status[0], TND_AWARD_PENDING);
    assert_int_equal(o->placed[0], 3);
    assert_string_equal(o->path[0], "4 -> niet gegund (rang 3 van 3) -> 3: in beoordeling");
    assert_int_equal(o->stopped_at_step, 0);
    assert_false(in_lot(w, 2, "10000003"));
}

/* ------------------------------------------------------------------ ties at the last place */

static void test_tie_reaching_the_last_bid_leaves_all_tied_bidders_undecided(void **state)
{
    world *w = *state;
    /* §4.3 L913-915, RES-GELIJKE-STAND: at most 2; 10, then three 8s for one place */
    static const int marks[4] = { 10, 8, 8, 8 };
    lot4_bids(w, marks, 4);
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_true(la->tie);
    assert_false(la->tie_settled);
    assert_int_equal(la->tie_rank, 2);
    assert_int_equal(la->tie_places, 1);
    assert_int_equal(la->n_granted, 1);
    assert_int_equal(entry_of(w, 4, "10000001")->status, TND_AWARD_GRANTED);
    for (int i = 2; i <= 4; i++) {
        char kvk[9] = "10000000";
        kvk[7] = (char)('0' + i);
        const tnd_award_entry *e = entry_of(w, 4, kvk);
        assert_int_equal(e->status, TND_AWARD_TIE);
        assert_int_equal(e->rank, 2);
    }
    assert_string_equal(la->tie_text,
                        "gelijke stand om plaats 2 (eindcijfer 8,0) tussen 10000002 Zorg 02, "
                        "10000003 Zorg 03, 10000004 Zorg 04; onbeslist: de definitie noemt geen "
                        "beslisregel (resolutie RES-GELIJKE-STAND)");
}

static void test_bid_ranked_below_an_open_tie_is_not_ranked_and_falls_back_at_once(void **state)
{
    world *w = *state;
    static const int marks[4] = { 10, 8, 8, 6 };
    lot4_bids(w, marks, 4);
    run(w);
    const tnd_award_entry *e = entry_of(w, 4, "10000004");
    assert_int_equal(e->status, TND_AWARD_NOT_RANKED);
    assert_int_equal(e->rank, 4);
    assert_int_equal(entry_of(w, 4, "10000002")->status, TND_AWARD_TIE);
    assert_int_equal(entry_of(w, 4, "10000003")->status, TND_AWARD_TIE);
    /* rank 4 cannot reach a place whoever wins the tie: it falls back to lot 3 */
    assert_int_equal(entry_of(w, 3, "10000004")->status, TND_AWARD_GRANTED);
}

static void test_tie_of_three_for_two_places_settled_by_two_decisions_without_resolution(
    void **state)
{
    world *w = *state;
    /* the definition names no resolution for lot 4: the verdict cites none; the loser cites the
     * first decision that gave a place */
    w->d.awards[A4].ref.resolution[0] = '\0';
    static const int marks[3] = { 8, 8, 8 };
    lot4_bids(w, marks, 3);
    tnd_tie_settlement ties[2] = {
        { .lot = 4, .kvk = "10000003", .text = "besluit 26-09-2022 door M. Jansen: loting" },
        { .lot = 4, .kvk = "10000001", .text = "besluit 26-09-2022 door M. Jansen: loting 2" },
    };
    run_settled(w, ties, 2);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_true(la->tie_settled);
    assert_int_equal(la->n_granted, 2);
    assert_int_equal(entry_of(w, 4, "10000001")->status, TND_AWARD_GRANTED);
    assert_int_equal(entry_of(w, 4, "10000003")->status, TND_AWARD_GRANTED);
    const tnd_award_entry *lost = entry_of(w, 4, "10000002");
    assert_int_equal(lost->status, TND_AWARD_NOT_RANKED);
    assert_string_equal(la->tie_text,
                        "gelijke stand om plaats 2 (eindcijfer 8,0) tussen 10000001 Zorg 01, "
                        "10000002 Zorg 02, 10000003 Zorg 03; beslist door besluit van de "
                        "aanbesteder; plaats aan KvK 10000001; plaats aan KvK 10000003");
    assert_non_null(strstr(lost->reason, "gelijke stand op de laatste plaats, plaats niet "
                                         "toegekend: besluit 26-09-2022 door M. Jansen: loting 2"));
}

/* ------------------------------------------------------------------ lot 6 follows the plan */

static void test_lot6_follows_the_better_of_two_plan_lots(void **state)
{
    world *w = *state;
    /* §4.3 L916-918: the bidder's plan stands on lot 4 (not ranked, but >= 6,0) although it is
     * set aside on lot 3 (4, then 4 after the revision): lot 6 is admitted */
    tnd_bid *b = bidder(w, "20000001", 3);
    also_lot(b, 4);
    also_lot(b, 6);
    static const int marks[2] = { 10, 10 };
    lot4_bids(w, marks, 2);
    consensus(w, 3, "20000001", 1, 4);
    consensus(w, 3, "20000001", 2, 4);
    consensus(w, 4, "20000001", 1, 8);
    run(w);
    assert_int_equal(entry_of(w, 3, "20000001")->status, TND_AWARD_SET_ASIDE);
    assert_int_equal(entry_of(w, 4, "20000001")->status, TND_AWARD_NOT_RANKED);
    const tnd_award_entry *e6 = entry_of(w, 6, "20000001");
    assert_int_equal(e6->status, TND_AWARD_ADMITTED);
    assert_string_equal(e6->reason, "toegelaten na stap 1 en 2 en met een plan van aanpak "
                                    "normaliseren van 6,0 of hoger (§4.3 L916-918; §6.1 "
                                    "L1702-1704)");
}

static void test_lot6_waits_while_the_lot3_plan_is_under_review(void **state)
{
    world *w = *state;
    /* §4.3 L916-918: the plan on lot 3 is not decided while steps 1-2 of lot 3 are open
     * (§5.5.1.1, a scheme declared equivalent): lot 6 follows it and waits too */
    tnd_bid *b = bidder(w, "20000001", 3);
    also_lot(b, 6);
    snprintf(b->certificates[0].scheme, sizeof b->certificates[0].scheme, "KWALITEIT-X");
    b->certificates[0].equivalent = true;
    consensus(w, 3, "20000001", 1, 8);
    run(w);
    assert_int_equal(entry_of(w, 3, "20000001")->status, TND_AWARD_PENDING);
    const tnd_award_entry *e6 = entry_of(w, 6, "20000001");
    assert_int_equal(e6->status, TND_AWARD_PENDING);
    assert_string_equal(e6->reason, "plan van aanpak normaliseren van perceel 3: in beoordeling; "
                                    "perceel 6 volgt dat plan (§4.3 L916-918; §6.1 L1702-1704)");
    const tnd_bidder_outcome *o = outcome_of(w, "20000001");
    assert_int_equal(o->applied[1], 6);
    assert_int_equal(o->status[1], TND_AWARD_PENDING);
    assert_int_equal(o->placed[1], 6);
}

static void test_lot6_is_excluded_when_the_only_plan_lot_is_not_placed(void **state)
{
    world *w = *state;
    /* lot 3 fails its requirement (§5.6) and there is no lower lot for it to fall to: the plan of
     * lot 3 does not stand, so lot 6 is not admitted */
    tnd_bid *b = bidder(w, "20000002", 3);
    also_lot(b, 6);
    without(b, "wvggz");
    consensus(w, 3, "20000002", 1, 8);
    run(w);
    assert_int_equal(entry_of(w, 3, "20000002")->status, TND_AWARD_EXCLUDED);
    const tnd_award_entry *e6 = entry_of(w, 6, "20000002");
    assert_int_equal(e6->status, TND_AWARD_EXCLUDED);
    assert_string_equal(e6->reason, "plan van aanpak normaliseren van perceel 3: niet toegelaten; "
                                    "perceel 6 volgt dat plan (§4.3 L916-918; §6.1 L1702-1704)");
}

static void test_lot6_is_admitted_while_the_lot4_plan_is_in_an_undecided_tie(void **state)
{
    world *w = *state;
    /* a tie for lot 4's last place is about the ranking, not about the plan: the plan scored
     * >= 6,0 and stands */
    static const int marks[1] = { 10 };
    lot4_bids(w, marks, 1);
    tnd_bid *b = bidder(w, "20000003", 4);
    also_lot(b, 6);
    bidder(w, "20000004", 4);
    consensus(w, 4, "20000003", 1, 8);
    consensus(w, 4, "20000004", 1, 8);
    run(w);
    assert_int_equal(entry_of(w, 4, "20000003")->status, TND_AWARD_TIE);
    const tnd_award_entry *e6 = entry_of(w, 6, "20000003");
    assert_int_equal(e6->status, TND_AWARD_ADMITTED);
}

/* ------------------------------------------------------------------ how an entry came in */

static void test_fallback_names_every_failed_rule_of_a_cumulative_lot(void **state)
{
    world *w = *state;
    /* §5.6 "cumulatief": lot 3 also asks lot 2's requirement; the route lists both failed rules
     * of lot 3, then lot 2's own */
    w->d.lots[A3].requirements_include = 2;
    static const int marks[3] = { 10, 8, 6 };
    lot4_bids(w, marks, 3);
    without(&w->bids[2], "wvggz");
    without(&w->bids[2], "ambulant");
    run(w);
    assert_string_equal(outcome_of(w, "10000003")->path[0],
                        "4 -> niet gegund (rang 3 van 3) -> 3: TG-P3-WVGGZ, TG-P2-AMBULANT niet "
                        "voldaan -> 2: TG-P2-AMBULANT niet voldaan: geen perceel");
}

static void test_fallback_scored_in_the_lower_lot_says_only_where_it_came_from(void **state)
{
    world *w = *state;
    /* the committee scored the fallback's plan in lot 2 itself (no minimum there): the reason
     * says how it came in, nothing more */
    static const int marks[3] = { 10, 8, 6 };
    lot4_bids(w, marks, 3);
    without(&w->bids[2], "wvggz");
    consensus(w, 2, "10000003", 1, 4);
    run(w);
    const tnd_award_entry *e2 = entry_of(w, 2, "10000003");
    assert_int_equal(e2->status, TND_AWARD_GRANTED);
    assert_int_equal(e2->total.units, 4000000);
    assert_string_equal(e2->reason, "gegund: terugval uit perceel 4 (§4.3.1)");
}

static void test_bid_placed_lower_by_steps_1_2_says_it_was_placed_from_its_lot(void **state)
{
    world *w = *state;
    /* §4.3.1: a lot-5 bid failing lot 5's requirement is placed in lot 2 by steps 1-2 */
    tnd_bid *b = bidder(w, "30000001", 5);
    without(b, "regio");
    consensus(w, 2, "30000001", 1, 6);
    run(w);
    assert_int_equal(entry_of(w, 5, "30000001")->status, TND_AWARD_EXCLUDED);
    const tnd_award_entry *e2 = entry_of(w, 2, "30000001");
    assert_int_equal(e2->status, TND_AWARD_GRANTED);
    assert_int_equal(e2->applied, 5);
    assert_string_equal(e2->reason, "gegund: ingedeeld vanuit perceel 5 (§4.3.1)");
    const tnd_bidder_outcome *o = outcome_of(w, "30000001");
    assert_int_equal(o->placed[0], 2);
    assert_int_equal(o->status[0], TND_AWARD_GRANTED);
}

static void test_competitive_lot_with_an_empty_chain_has_no_fallback(void **state)
{
    world *w = *state;
    /* a cascade chain that names no lower lot: not awarded in lot 5 means not placed */
    w->d.def.cascade.chains[1].n_to = 0;
    bidder(w, "30000001", 5);
    bidder(w, "30000002", 5);
    consensus(w, 5, "30000001", 1, 10);
    consensus(w, 5, "30000002", 1, 8);
    run(w);
    const tnd_award_entry *e = entry_of(w, 5, "30000002");
    assert_int_equal(e->status, TND_AWARD_NOT_RANKED);
    assert_non_null(strstr(e->reason, "; geen terugval"));
    const tnd_bidder_outcome *o = outcome_of(w, "30000002");
    assert_int_equal(o->placed[0], 0);
    assert_string_equal(o->path[0], "5 -> niet gegund (rang 2 van 2); geen terugval");
    assert_int_equal(o->stopped_at_step, 3);
}

static void test_bid_failing_a_lot_whose_chain_is_empty_is_not_placed_by_the_check(void **state)
{
    world *w = *state;
    w->d.def.cascade.chains[1].n_to = 0;
    tnd_bid *b = bidder(w, "30000001", 5);
    without(b, "regio");
    run(w);
    const tnd_bidder_outcome *o = outcome_of(w, "30000001");
    assert_int_equal(o->placed[0], 0);
    assert_int_equal(o->status[0], TND_AWARD_EXCLUDED);
    assert_non_null(strstr(w->checks[0].placements[0].path, "; geen terugval"));
    assert_int_equal(o->stopped_at_step, 2);
}

/* ------------------------------------------------------------------ a decision on a fallback lot */

static void test_officer_accepting_the_review_of_a_fallback_lot_places_the_bid_there(void **state)
{
    world *w = *state;
    /* §4.3.1 with RES-BESLUIT-AANBESTEDER: a lot-4 bid failing TG-P4-REGIO goes down its chain;
     * lot 5 is awarded competitively, so never a fallback target (RES-CASCADE-FIGUUR1, as the
     * award's own fallback), lot 3 holds a quality scheme declared equivalent (REVIEW). The officer
     * accepts it: the placement is redone on the findings as they stand, and the fallback lots
     * evaluated before are not evaluated twice. */
    tnd_bid *b = bidder(w, "30000001", 4);
    without(b, "regio");
    snprintf(b->certificates[0].scheme, sizeof b->certificates[0].scheme, "KWALITEIT-X");
    b->certificates[0].equivalent = true;
    tnd_check_result *c = &w->checks[0];
    assert_true(tnd_check(&w->d.def, b, c));
    assert_int_equal(c->placements[0].placed, 3);
    assert_int_equal(c->placements[0].status, TND_LOT_PENDING);
    size_t findings = c->n_findings;

    tnd_decision d;
    memset(&d, 0, sizeof d);
    memcpy(d.kvk, "30000001", 9);
    d.round = 1;
    snprintf(d.rule_id, sizeof d.rule_id, "KWAL-P3");
    d.kind = TND_DECISION_ACCEPT;
    snprintf(d.motivation, sizeof d.motivation, "HKZ-gelijkwaardig volgens verificatie");
    d.date = (tnd_date){ 2022, 8, 1 };
    snprintf(d.officer, sizeof d.officer, "M. Jansen");
    d.line = 2;
    tnd_decisions ds = { .items = &d, .n = 1 };
    tnd_decision_use use;
    const tnd_bid *bids[1] = { b };
    tnd_check_result *checks[1] = { c };
    tnd_round_view v = { .bids = bids, .checks = checks, .n = 1, .round = 1,
                         .evaluation_date = { 2022, 10, 3 } };
    tnd_round_problem p;
    assert_true(tnd_rounds_apply_decisions(&w->d.def, &ds, &v, NULL, &use, &p));
    assert_int_equal(use, TND_DECISION_APPLIED);
    assert_int_equal(c->n_findings, findings);
    assert_int_equal(c->placements[0].placed, 3);
    assert_int_equal(c->placements[0].status, TND_LOT_ELIGIBLE);
    assert_string_equal(c->placements[0].path, "4 -> 3 (4: TG-P4-REGIO niet voldaan; 5: "
                                                "competitief gegund, geen terugval; 3: voldoet)");
    w->n = 0; /* checked here, freed here */
    tnd_check_result_free(c);
}

/* ------------------------------------------------------------------ the tie rule */

/* Lot 4 as 50 % Normaliseren (the minimum) + 50 % "regio", ties decided by the higher
 * Normaliseren score (tie rule higher-score:normaliseren). */
static void lot4_with_tie_rule(world *w)
{
    tnd_award_lot *a = &w->d.awards[A4];
    a->criteria[0].weight = D(500000);
    tnd_criterion *c = &a->criteria[a->n_criteria++];
    snprintf(c->id, sizeof c->id, "regio");
    snprintf(c->label, sizeof c->label, "Regionale doelen");
    c->weight = D(500000);
    c->parent = -1;
    snprintf(c->source, sizeof c->source, "§6.1.2 L1842");
    snprintf(a->tie_rule, sizeof a->tie_rule, "higher-score:normaliseren");
}

static void lot4_plan(world *w, const char *kvk, int norm, int regio)
{
    bidder(w, kvk, 4);
    consensus(w, 4, kvk, 1, norm);
    tnd_score *s = &w->rows[w->scores.n++];
    *s = w->rows[w->scores.n - 2];
    snprintf(s->criterion, sizeof s->criterion, "regio");
    s->score = regio;
    s->line = (long)w->scores.n + 1;
}

static void test_tie_rule_gives_the_higher_score_a_place_and_leaves_the_rest_tied(
    void **state)
{
    world *w = *state;
    /* four bids with mark 7,0 for 2 places: 8/6 wins on Normaliseren; three 6/8 remain equal
     * for the last place, to the end of the ranking: undecided */
    lot4_with_tie_rule(w);
    lot4_plan(w, "10000001", 6, 8);
    lot4_plan(w, "10000002", 6, 8);
    lot4_plan(w, "10000003", 6, 8);
    lot4_plan(w, "10000004", 8, 6);
    run(w);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_true(la->tie);
    assert_int_equal(entry_of(w, 4, "10000004")->status, TND_AWARD_GRANTED);
    assert_int_equal(entry_of(w, 4, "10000001")->status, TND_AWARD_TIE);
    assert_int_equal(entry_of(w, 4, "10000002")->status, TND_AWARD_TIE);
    assert_int_equal(entry_of(w, 4, "10000003")->status, TND_AWARD_TIE);
    assert_int_equal(la->n_granted, 1);
    assert_non_null(strstr(la->tie_text, "beslisregel higher-score:normaliseren: hogere score op "
                                         "Plan van Aanpak Normaliseren, daarna nog gelijk: "
                                         "onbeslist"));
}

static void test_tie_rule_with_every_normaliseren_equal_decides_nothing(void **state)
{
    world *w = *state;
    lot4_with_tie_rule(w);
    lot4_plan(w, "10000001", 6, 8);
    lot4_plan(w, "10000002", 6, 8);
    lot4_plan(w, "10000003", 6, 8);
    run(w);
    for (int i = 1; i <= 3; i++) {
        char kvk[9] = "10000000";
        kvk[7] = (char)('0' + i);
        assert_int_equal(entry_of(w, 4, kvk)->status, TND_AWARD_TIE);
    }
    assert_int_equal(lot_of(w, 4)->n_granted, 0);
    assert_int_equal(lot_of(w, 4)->tie_places, 2);
}

/* ------------------------------------------------------------------ score rows as given */

static void member(world *w, int lot, const char *kvk, const char *who, int value)
{
    consensus(w, lot, kvk, 1, value);
    snprintf(w->rows[w->scores.n - 1].member, sizeof w->rows[0].member, "%s", who);
}

static void test_revision_row_before_its_round_1_row_in_the_file_counts_the_same(void **state)
{
    world *w = *state;
    /* §6.1.1 L1804-1807: 4 in round 1, 6 after the one revision, whatever the file order */
    bidder(w, "20000001", 3);
    consensus(w, 3, "20000001", 2, 6);
    consensus(w, 3, "20000001", 1, 4);
    run(w);
    const tnd_award_entry *e = entry_of(w, 3, "20000001");
    assert_int_equal(e->status, TND_AWARD_GRANTED);
    assert_int_equal(e->total.units, 6000000);
    assert_non_null(strstr(e->reason, "gegund na herziening"));
}

static void test_score_row_of_round_0_is_never_used(void **state)
{
    world *w = *state;
    bidder(w, "20000001", 3);
    consensus(w, 3, "20000001", 0, 10);
    run(w);
    assert_int_equal(entry_of(w, 3, "20000001")->status, TND_AWARD_NO_SCORES);
}

static void test_evaluation_without_a_scores_file_has_no_scores_for_scored_lots(void **state)
{
    world *w = *state;
    bidder(w, "20000001", 3);
    bidder(w, "20000002", 6);
    for (size_t i = 0; i < w->n; i++) {
        assert_true(tnd_check(&w->d.def, &w->bids[i], &w->checks[i]));
        w->bid_ptrs[i] = &w->bids[i];
        w->check_ptrs[i] = &w->checks[i];
    }
    assert_true(tnd_evaluate(&w->d.def, w->bid_ptrs, w->check_ptrs, w->n, NULL, NULL, 0, &w->ev));
    w->ran = true;
    assert_int_equal(entry_of(w, 3, "20000001")->status, TND_AWARD_NO_SCORES);
    /* lot 6 follows the plan of lot 3 or 4, which this bid has none of: admitted */
    assert_int_equal(entry_of(w, 6, "20000002")->status, TND_AWARD_ADMITTED);
}

static void test_consensus_above_every_member_score_is_flagged_without_a_minimum(void **state)
{
    world *w = *state;
    /* lot 2 has no minimum: the note is only the flag */
    bidder(w, "20000001", 2);
    member(w, 2, "20000001", "lid-1", 4);
    member(w, 2, "20000001", "lid-2", 6);
    consensus(w, 2, "20000001", 1, 8);
    run(w);
    const tnd_award_entry *e = entry_of(w, 2, "20000001");
    assert_int_equal(e->status, TND_AWARD_GRANTED);
    assert_true(e->scores[0].consensus_outside_members);
    assert_string_equal(e->reason, "gegund: let op: consensus 8 van normaliseren buiten de "
                                   "scores van de leden (4-6)");
}

/* ------------------------------------------------------------------ a lot competing on price */

static void lot5_on_price(world *w, int max)
{
    tnd_award_lot *a = &w->d.awards[A5];
    a->max_awarded = max;
    a->price.kind = TND_PRICE_RELATIVE_LOWEST;
    a->price.quality_weight = D(600000);
    a->price.price_weight = D(400000);
    snprintf(a->price_formula, sizeof a->price_formula, "relative-lowest");
}

static void run_priced(world *w, const tnd_price *prices, size_t n)
{
    for (size_t i = 0; i < w->n; i++) {
        assert_true(tnd_check(&w->d.def, &w->bids[i], &w->checks[i]));
        w->bid_ptrs[i] = &w->bids[i];
        w->check_ptrs[i] = &w->checks[i];
    }
    assert_true(tnd_evaluate(&w->d.def, w->bid_ptrs, w->check_ptrs, w->n, &w->scores, prices, n,
                             &w->ev));
    w->ran = true;
}

static void test_price_lot_tie_names_the_total(void **state)
{
    world *w = *state;
    /* equal quality and equal price: equal totals tie for the one place */
    lot5_on_price(w, 1);
    bidder(w, "30000001", 5);
    bidder(w, "30000002", 5);
    consensus(w, 5, "30000001", 1, 8);
    consensus(w, 5, "30000002", 1, 8);
    const tnd_price prices[2] = { { 5, "30000001", 100000, 2 }, { 5, "30000002", 100000, 3 } };
    run_priced(w, prices, 2);
    const tnd_lot_award *la = lot_of(w, 5);
    assert_true(la->tie);
    assert_int_equal(strncmp(la->tie_text, "gelijke stand om plaats 1 (totaal ", 34), 0);
}

static void test_price_lot_without_a_maximum_names_the_total_of_every_rank(void **state)
{
    world *w = *state;
    lot5_on_price(w, 0);
    bidder(w, "30000001", 5);
    bidder(w, "30000002", 5);
    consensus(w, 5, "30000001", 1, 10);
    consensus(w, 5, "30000002", 1, 6);
    const tnd_price prices[2] = { { 5, "30000001", 200000, 2 }, { 5, "30000002", 100000, 3 } };
    run_priced(w, prices, 2);
    /* 0,6 x 10 + 0,4 x 10 x 1000 / 2000 = 8,0 and 0,6 x 6 + 0,4 x 10 = 7,6: both granted */
    const tnd_award_entry *a = entry_of(w, 5, "30000001"), *b = entry_of(w, 5, "30000002");
    assert_int_equal(a->status, TND_AWARD_GRANTED);
    assert_int_equal(b->status, TND_AWARD_GRANTED);
    assert_int_equal(strncmp(a->reason, "gegund: rang 1 van 2, totaal 8,0 (", 34), 0);
    assert_int_equal(strncmp(b->reason, "gegund: rang 2 van 2, totaal 7,6 (", 34), 0);
}

static void test_price_lot_without_any_price_ranks_no_bid(void **state)
{
    world *w = *state;
    /* a scored bid without a price and a bid without scores: nobody to put through the formula */
    lot5_on_price(w, 1);
    bidder(w, "30000001", 5);
    bidder(w, "30000002", 5);
    consensus(w, 5, "30000001", 1, 8);
    const tnd_price prices[1] = { { 3, "30000001", 100000, 2 } }; /* another lot's */
    run_priced(w, prices, 1);
    const tnd_award_entry *a = entry_of(w, 5, "30000001"), *b = entry_of(w, 5, "30000002");
    assert_int_equal(a->status, TND_AWARD_NO_SCORES);
    assert_string_equal(a->reason, "score ontbreekt: geen prijs opgegeven voor dit perceel");
    assert_int_equal(b->status, TND_AWARD_NO_SCORES);
    assert_int_equal(lot_of(w, 5)->n_granted, 0);
}

static void test_computed_criterion_names_a_distance_with_its_decimal(void **state)
{
    world *w = *state;
    /* §6.1.2 L1943-1945 style: places within 12,5 km, computed from the bid's locations */
    tnd_criterion *c = &w->d.awards[A2].criteria[0];
    c->computed_locations = true;
    c->locations_min_places = 10;
    c->locations_max_km = D(12500000);
    c->locations_score = 10;
    tnd_bid *b = bidder(w, "20000001", 2);
    b->locations = w->locations[0];
    snprintf(b->locations[0].municipality, sizeof b->locations[0].municipality, "elders");
    b->locations[0].places = 12;
    b->locations[0].distance_km = D(12500000);
    b->n_locations = 1;
    run(w);
    const tnd_award_entry *e = entry_of(w, 2, "20000001");
    assert_int_equal(e->status, TND_AWARD_GRANTED);
    assert_int_equal(e->total.units, 10000000);
    assert_string_equal(e->reason, "gegund: criterium normaliseren berekend: 12 plekken in de "
                                   "regio of binnen 12,5 km (minimaal 10): 10 (§6.1 L1690)");
}

static void test_lot_reached_from_two_chains_is_judged_once(void **state)
{
    world *w = *state;
    /* §4.3.1: lots 4 and 5 both fail TG-P*-REGIO; both chains reach lot 2, whose requirement is
     * judged once for the cascade and holds for both placements */
    tnd_bid *b = bidder(w, "40000001", 4);
    also_lot(b, 5);
    without(b, "regio");
    without(b, "wvggz");
    tnd_check_result *c = &w->checks[0];
    assert_true(tnd_check(&w->d.def, b, c));
    size_t judged = 0;
    for (size_t i = 0; i < c->n_findings; i++)
        judged += strcmp(c->findings[i].rule_id, "TG-P2-AMBULANT") == 0;
    assert_int_equal(judged, 1);
    assert_int_equal(c->n_placements, 2);
    assert_int_equal(c->placements[0].applied, 4);
    assert_int_equal(c->placements[0].placed, 2);
    assert_int_equal(c->placements[1].applied, 5);
    assert_int_equal(c->placements[1].placed, 2);
    w->n = 0;
    tnd_check_result_free(c);
}

static void test_tie_settlements_naming_one_bidder_twice_leave_the_tie_undecided(void **state)
{
    world *w = *state;
    /* RES-GELIJKE-STAND: two places, both given to the same bidder: not every place is given to
     * a tied bidder once, so nothing is settled (scoring/rounds.c refuses such a file) */
    static const int marks[3] = { 8, 8, 8 };
    lot4_bids(w, marks, 3);
    tnd_tie_settlement ties[2] = {
        { .lot = 4, .kvk = "10000002", .text = "besluit 26-09-2022 door M. Jansen: loting" },
        { .lot = 4, .kvk = "10000002", .text = "besluit 26-09-2022 door M. Jansen: loting" },
    };
    run_settled(w, ties, 2);
    const tnd_lot_award *la = lot_of(w, 4);
    assert_true(la->tie);
    assert_false(la->tie_settled);
    assert_int_equal(la->n_granted, 0);
    assert_int_equal(entry_of(w, 4, "10000002")->status, TND_AWARD_TIE);
}

static void test_competitive_lot_without_a_maximum_awaits_the_award_without_a_top(void **state)
{
    world *w = *state;
    /* §4.3.1: a lot awarded competitively is placed only once awarded; without a maximum the
     * path names no top N */
    w->d.awards[A5].max_awarded = 0;
    tnd_bid *b = bidder(w, "40000001", 5);
    tnd_check_result *c = &w->checks[0];
    assert_true(tnd_check(&w->d.def, b, c));
    assert_true(c->placements[0].awaiting_award);
    assert_string_equal(c->placements[0].path, "5 (plaatsing afhankelijk van gunning)");
    w->n = 0;
    tnd_check_result_free(c);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_fallback_skips_the_competitive_lot_and_a_failed_lot_and_lands_two_down),
        T(test_fallback_with_every_chain_lot_failing_is_placed_nowhere),
        T(test_fallback_passes_over_a_lot_the_bidder_applied_for_itself),
        T(test_fallback_onto_a_lot_with_an_open_review_waits_for_the_decision),
        T(test_tie_reaching_the_last_bid_leaves_all_tied_bidders_undecided),
        T(test_bid_ranked_below_an_open_tie_is_not_ranked_and_falls_back_at_once),
        T(test_tie_of_three_for_two_places_settled_by_two_decisions_without_resolution),
        T(test_lot6_follows_the_better_of_two_plan_lots),
        T(test_lot6_waits_while_the_lot3_plan_is_under_review),
        T(test_lot6_is_excluded_when_the_only_plan_lot_is_not_placed),
        T(test_lot6_is_admitted_while_the_lot4_plan_is_in_an_undecided_tie),
        T(test_fallback_names_every_failed_rule_of_a_cumulative_lot),
        T(test_fallback_scored_in_the_lower_lot_says_only_where_it_came_from),
        T(test_bid_placed_lower_by_steps_1_2_says_it_was_placed_from_its_lot),
        T(test_competitive_lot_with_an_empty_chain_has_no_fallback),
        T(test_bid_failing_a_lot_whose_chain_is_empty_is_not_placed_by_the_check),
        T(test_officer_accepting_the_review_of_a_fallback_lot_places_the_bid_there),
        T(test_tie_rule_gives_the_higher_score_a_place_and_leaves_the_rest_tied),
        T(test_tie_rule_with_every_normaliseren_equal_decides_nothing),
        T(test_revision_row_before_its_round_1_row_in_the_file_counts_the_same),
        T(test_score_row_of_round_0_is_never_used),
        T(test_evaluation_without_a_scores_file_has_no_scores_for_scored_lots),
        T(test_consensus_above_every_member_score_is_flagged_without_a_minimum),
        T(test_price_lot_tie_names_the_total),
        T(test_price_lot_without_a_maximum_names_the_total_of_every_rank),
        T(test_price_lot_without_any_price_ranks_no_bid),
        T(test_computed_criterion_names_a_distance_with_its_decimal),
        T(test_lot_reached_from_two_chains_is_judged_once),
        T(test_tie_settlements_naming_one_bidder_twice_leave_the_tie_undecided),
        T(test_competitive_lot_without_a_maximum_awaits_the_award_without_a_top),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
