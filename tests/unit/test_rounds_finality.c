/*
 * test_rounds_finality.c - whether an outcome is definitief or voorlopig (scoring/rounds.c,
 * tnd_rounds_settle, issue 8 §4), for the outcomes that only a whole evaluation produces: a tie or
 * an open entry in a competitive lot, a bidder that fell back into another competitive lot, a
 * decision still needed on several rules, two herstel requests of one bidder, a set-aside plan in a
 * lot without a minimum. And the herstel term (RES-HERSTEL-WERKDAGEN) across month, leap-day and
 * year ends.
 *
 * tnd_rounds_settle reads only the evaluation's statuses and the checks' placements and findings,
 * so the evaluation is built here by hand, as tnd_evaluate would leave it; the definition holds
 * what IJsselland's holds for the rounds: one re-submission by 05-09-2022 12:00 except for lot 4
 * (§3.3 L253-255, L302; §4.1.4 L498-511), herstel within 5 working days (§4.1.4 L474-487).
 * Lots: 3 (threshold, its second criterion has the minimum), 4 (ranked, at most 2), 5 (ranked,
 * at most 1: the lower lot of a cascade that is itself competitive), 6 (admitted).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/rounds.h"

#define MAX_BIDDERS 6
#define MAX_FINDINGS 24

typedef struct {
    tnd_definition def;
    tnd_award_lot awards[4];
    tnd_requirement requirement;
    tnd_bid bids[MAX_BIDDERS];
    tnd_check_result checks[MAX_BIDDERS];
    tnd_finding findings[MAX_BIDDERS][MAX_FINDINGS];
    tnd_placement placements[MAX_BIDDERS][2];
    tnd_bidder_outcome outcomes[MAX_BIDDERS];
    tnd_award_entry entries[4][MAX_BIDDERS];
    tnd_lot_award lots[4];
    tnd_evaluation ev;
    tnd_decision decisions[6];
    tnd_decisions ds;
    tnd_decision_use uses[6];
    tnd_procedure pr;
} world;

static void award(world *w, int i, int lot, tnd_award_kind kind, int max)
{
    tnd_award_lot *a = &w->awards[i];
    snprintf(a->ref.id, sizeof a->ref.id, "GUNNING-P%d", lot);
    a->lot = lot;
    a->kind = kind;
    a->max_awarded = max;
    w->lots[i].lot = lot;
    w->lots[i].rule = a;
    w->lots[i].entries = w->entries[i];
}

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    if (!w)
        return -1;
    tnd_rounds_rules *r = &w->def.rounds;
    r->has_resubmission = true;
    snprintf(r->resubmission_id, sizeof r->resubmission_id, "RES-HERINSCHRIJVING");
    snprintf(r->resubmission_source, sizeof r->resubmission_source, "§3.3 L302");
    r->resubmission_time = (tnd_datetime){ { 2022, 9, 5 }, 12, 0, 0 };
    r->resubmission_except[0] = 4;
    r->n_resubmission_except = 1;
    r->has_herstel = true;
    snprintf(r->herstel.id, sizeof r->herstel.id, "PROC-HERSTEL");
    snprintf(r->herstel.source, sizeof r->herstel.source, "§4.1.4 L474-487");
    r->herstel_working_days = 5;

    award(w, 0, 3, TND_AWARD_THRESHOLD, 0);
    tnd_award_lot *a3 = &w->awards[0];
    /* the first criterion has no minimum: the source cited is the one of the criterion that has */
    snprintf(a3->criteria[0].id, sizeof a3->criteria[0].id, "kwaliteit");
    snprintf(a3->criteria[0].source, sizeof a3->criteria[0].source, "§6.1 L1690");
    snprintf(a3->criteria[1].id, sizeof a3->criteria[1].id, "normaliseren");
    snprintf(a3->criteria[1].source, sizeof a3->criteria[1].source, "§6.1.1 L1804-1807");
    a3->criteria[1].has_minimum = true;
    a3->criteria[1].minimum = (tnd_dec){ 6 * TND_DEC_SCALE };
    a3->criteria[1].revisions = 1;
    a3->n_criteria = 2;
    award(w, 1, 4, TND_AWARD_RANKED, 2);
    award(w, 2, 5, TND_AWARD_RANKED, 1);
    award(w, 3, 6, TND_AWARD_ADMIT, 0);
    w->def.awards = w->awards;
    w->def.n_awards = 4;
    snprintf(w->requirement.ref.id, sizeof w->requirement.ref.id, "TG-P3-WVGGZ");
    w->requirement.lot = 3;
    w->def.requirements = &w->requirement;
    w->def.n_requirements = 1;

    w->ev.lots = w->lots;
    w->ev.n_lots = 4;
    w->ev.bidders = w->outcomes;
    w->ds.items = w->decisions;
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    tnd_procedure_free(&w->pr);
    free(w);
    return 0;
}

/* A bidder with one lot applied for: steps 1-2 placed it in `placed_by_check` (0 = none), the
 * evaluation in `placed` with `status`. */
static size_t bidder(world *w, const char *kvk, int applied, int placed_by_check, int placed,
                     tnd_award_status status)
{
    size_t i = w->ev.n_bidders++;
    tnd_bid *b = &w->bids[i];
    snprintf(b->bidder.kvk, sizeof b->bidder.kvk, "%s", kvk);
    tnd_check_result *c = &w->checks[i];
    c->findings = w->findings[i];
    c->placements = w->placements[i];
    c->placements[0].applied = applied;
    c->placements[0].placed = placed_by_check;
    c->placements[0].status = placed_by_check ? TND_LOT_ELIGIBLE : TND_LOT_NOT_ELIGIBLE;
    c->n_placements = 1;
    tnd_bidder_outcome *o = &w->outcomes[i];
    o->bid = b;
    o->check = c;
    o->applied[0] = applied;
    o->placed[0] = placed;
    o->status[0] = status;
    o->n_applied = 1;
    return i;
}

/* The evaluation's entry of bidder i in lot `lot`. */
static void entry(world *w, int lot, size_t i, tnd_award_status status)
{
    for (size_t k = 0; k < w->ev.n_lots; k++)
        if (w->lots[k].lot == lot) {
            tnd_award_entry *e = &w->lots[k].entries[w->lots[k].n_entries++];
            e->bid = &w->bids[i];
            e->applied = w->outcomes[i].applied[0];
            e->status = status;
            return;
        }
    fail_msg("perceel %d ontbreekt", lot);
}

static void finding(world *w, size_t i, const char *rule, int lot, tnd_verdict v)
{
    tnd_check_result *c = &w->checks[i];
    tnd_finding *f = &c->findings[c->n_findings++];
    snprintf(f->rule_id, sizeof f->rule_id, "%s", rule);
    f->lot = lot;
    f->verdict = v;
}

static void decide(world *w, const char *kvk, int round, const char *rule, tnd_decision_kind k,
                   tnd_date date)
{
    tnd_decision *d = &w->decisions[w->ds.n];
    snprintf(d->kvk, sizeof d->kvk, "%s", kvk);
    d->round = round;
    snprintf(d->rule_id, sizeof d->rule_id, "%s", rule);
    d->kind = k;
    d->date = date;
    d->line = (long)w->ds.n + 2;
    w->uses[w->ds.n] = TND_DECISION_APPLIED;
    w->ds.n++;
}

static void settle(world *w, tnd_date eval)
{
    assert_true(tnd_rounds_settle(&w->def, &w->ev, NULL, NULL, 1, eval, w->ds.n ? &w->ds : NULL,
                                  w->uses, &w->pr));
}

static const tnd_date october_3 = { 2022, 10, 3 };

/* ------------------------------------------------------------------ competitive lots */

static void test_granted_bidder_of_a_lot_with_an_undecided_tie_is_provisional(void **state)
{
    world *w = *state;
    /* lot 4, at most 2: one granted, two tied for the second place (RES-GELIJKE-STAND) */
    size_t a = bidder(w, "10000001", 4, 4, 4, TND_AWARD_GRANTED);
    size_t b = bidder(w, "10000002", 4, 4, 0, TND_AWARD_TIE);
    size_t c = bidder(w, "10000003", 4, 4, 0, TND_AWARD_TIE);
    entry(w, 4, a, TND_AWARD_GRANTED);
    entry(w, 4, b, TND_AWARD_TIE);
    entry(w, 4, c, TND_AWARD_TIE);
    settle(w, october_3);
    assert_true(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0],
                        "voorlopig: gunning perceel 4 hangt af van 2 open inschrijving(en)");
    assert_true(w->pr.bidders[b].provisional[0]);
    assert_string_equal(w->pr.bidders[b].finality[0], "voorlopig: gelijke stand onbeslist");
    assert_string_equal(w->pr.bidders[c].finality[0], "voorlopig: gelijke stand onbeslist");
    assert_int_equal(w->pr.n_provisional, 3);
    assert_int_equal(w->pr.n_final, 0);
    assert_string_equal(w->pr.summary,
                        "Ronde 1 (inschrijving): 3 uitkomst(en) voorlopig, 0 definitief");
}

static void test_not_ranked_bidder_waits_for_an_open_revision_and_a_missing_score(void **state)
{
    world *w = *state;
    /* lot 4: who is in the top 2 is open while a revision is unscored (§6.1.1) or a consensus
     * score is missing; the bidder now outside it may still come in */
    size_t a = bidder(w, "10000001", 4, 4, 0, TND_AWARD_NOT_RANKED);
    size_t b = bidder(w, "10000002", 4, 4, 0, TND_AWARD_REVISION_OPEN);
    size_t c = bidder(w, "10000003", 4, 4, 0, TND_AWARD_NO_SCORES);
    entry(w, 4, a, TND_AWARD_NOT_RANKED);
    entry(w, 4, b, TND_AWARD_REVISION_OPEN);
    entry(w, 4, c, TND_AWARD_NO_SCORES);
    settle(w, october_3);
    assert_string_equal(w->pr.bidders[a].finality[0],
                        "voorlopig: gunning perceel 4 hangt af van 2 open inschrijving(en)");
    assert_string_equal(w->pr.bidders[b].finality[0],
                        "voorlopig: herkansing Plan van Aanpak nog niet beoordeeld");
    assert_string_equal(w->pr.bidders[c].finality[0], "voorlopig: consensusscore ontbreekt");
    assert_int_equal(w->pr.n_provisional, 3);
}

static void test_fallback_into_a_competitive_lot_with_an_open_entry_is_provisional(void **state)
{
    world *w = *state;
    /* §4.3.1: lot 4 is settled (nobody open), the bidder fell back into lot 5, which ranks up to
     * 1 and still has a pending bid: the fallback's grant can still change */
    size_t a = bidder(w, "10000001", 4, 4, 5, TND_AWARD_GRANTED);
    size_t b = bidder(w, "10000002", 5, 5, 0, TND_AWARD_PENDING);
    entry(w, 4, a, TND_AWARD_NOT_RANKED);
    entry(w, 5, a, TND_AWARD_GRANTED);
    entry(w, 5, b, TND_AWARD_PENDING);
    settle(w, october_3);
    assert_true(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0],
                        "voorlopig: gunning perceel 5 hangt af van 1 open inschrijving(en)");
    /* no REVIEW finding names the open rule: the text says so */
    assert_string_equal(w->pr.bidders[b].finality[0],
                        "voorlopig: besluit aanbesteder nodig over een open eis "
                        "(RES-BESLUIT-AANBESTEDER)");
}

static void test_fallback_into_a_threshold_lot_is_final_whatever_lot_4_has_open(void **state)
{
    world *w = *state;
    /* lot 4 settled; the fallback lot 3 has no maximum: nothing in it can take the place */
    size_t a = bidder(w, "10000001", 4, 4, 3, TND_AWARD_GRANTED);
    size_t b = bidder(w, "10000002", 3, 3, 0, TND_AWARD_REVISION_OPEN);
    entry(w, 4, a, TND_AWARD_NOT_RANKED);
    entry(w, 3, a, TND_AWARD_GRANTED);
    entry(w, 3, b, TND_AWARD_REVISION_OPEN);
    settle(w, october_3);
    assert_false(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0], "definitief");
    assert_int_equal(w->pr.n_final, 1);
    assert_int_equal(w->pr.n_provisional, 1);
}

static void test_admitted_bidder_of_a_lot_without_award_rule_is_final(void **state)
{
    world *w = *state;
    /* lot 7 has no award rule at all: admitted after steps 1-2, nothing left to wait for */
    size_t a = bidder(w, "10000001", 7, 7, 7, TND_AWARD_ADMITTED);
    settle(w, october_3);
    assert_false(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0], "definitief");
}

/* ------------------------------------------------------------------ open decisions */

static void test_pending_outcome_names_each_open_rule_once(void **state)
{
    world *w = *state;
    /* RES-BESLUIT-AANBESTEDER: two REVIEW rows of one rule (two parties), a PLAN REQUIRED of
     * lot 3, a REVIEW of another lot and a PASS are not this lot's open rules */
    size_t a = bidder(w, "10000001", 3, 3, 0, TND_AWARD_PENDING);
    finding(w, a, "VERKL-VOORBEHOUD", 0, TND_REVIEW);
    finding(w, a, "INT-VERBLIJF", 6, TND_REVIEW);
    finding(w, a, "VERKL-VOORBEHOUD", 0, TND_REVIEW);
    finding(w, a, "FIN-SOLVABILITEIT", 3, TND_PLAN_REQUIRED);
    finding(w, a, "VOLL-AGB", 0, TND_PASS);
    entry(w, 3, a, TND_AWARD_PENDING);
    settle(w, october_3);
    assert_true(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0],
                        "voorlopig: besluit aanbesteder nodig over VERKL-VOORBEHOUD, "
                        "FIN-SOLVABILITEIT (RES-BESLUIT-AANBESTEDER)");
}

static void test_admitted_fallback_with_a_held_product_of_the_lower_lot_is_provisional(void **state)
{
    world *w = *state;
    /* §4.1.8 L567-573, §3.2 L218-219: placed in lot 6 (admitted) with a product of lot 6 held
     * for the officer; the rules are those of the lot placed in, not of the lot applied for */
    size_t a = bidder(w, "10000001", 4, 4, 6, TND_AWARD_ADMITTED);
    finding(w, a, "INT-VERBLIJF", 6, TND_REVIEW);
    finding(w, a, "TG-P4-REGIO", 4, TND_REVIEW);
    entry(w, 4, a, TND_AWARD_NOT_RANKED);
    entry(w, 6, a, TND_AWARD_ADMITTED);
    settle(w, october_3);
    assert_true(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0],
                        "voorlopig: besluit aanbesteder nodig over INT-VERBLIJF voor een product "
                        "(RES-BESLUIT-AANBESTEDER)");
}

static void test_excluded_lot_without_a_placement_row_is_final(void **state)
{
    world *w = *state;
    /* the check has no placement for lot 6 (it holds lot 3's only): not a drop-out of steps
     * 1-2, not open in step 3 */
    size_t a = bidder(w, "10000001", 3, 3, 0, TND_AWARD_EXCLUDED);
    w->outcomes[a].applied[0] = 6;
    settle(w, october_3);
    assert_false(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0], "definitief");
}

/* ------------------------------------------------------------------ set aside */

static void test_set_aside_cites_the_criterion_that_has_the_minimum(void **state)
{
    world *w = *state;
    /* §6.1.1 L1804-1807: the first criterion of lot 3 has no minimum, the second has */
    size_t a = bidder(w, "10000001", 3, 3, 0, TND_AWARD_SET_ASIDE);
    entry(w, 3, a, TND_AWARD_SET_ASIDE);
    settle(w, october_3);
    assert_false(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0],
                        "definitief: na de herkansing onder de norm (§6.1.1 L1804-1807)");
}

static void test_set_aside_in_a_lot_without_award_rule_cites_no_source(void **state)
{
    world *w = *state;
    size_t a = bidder(w, "10000001", 7, 7, 0, TND_AWARD_SET_ASIDE);
    settle(w, october_3);
    assert_false(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0], "definitief: na de herkansing onder de norm");
}

/* ------------------------------------------------------------------ herstel */

static void test_two_herstel_requests_one_received_one_open_keep_the_failure_provisional(
    void **state)
{
    world *w = *state;
    /* §4.1.4 L474-487: 5 working days from each request; the request of a later round and the
     * receipt of another bidder do not count for this one */
    size_t a = bidder(w, "10000001", 4, 0, 0, TND_AWARD_EXCLUDED);
    decide(w, "10000001", 1, "VOLL-AGB", TND_DECISION_HERSTEL_ASKED, (tnd_date){ 2022, 9, 26 });
    decide(w, "10000001", 1, "VOLL-AGB", TND_DECISION_HERSTELD, (tnd_date){ 2022, 9, 28 });
    decide(w, "10000001", 1, "VOLL-KVK", TND_DECISION_HERSTEL_ASKED, (tnd_date){ 2022, 9, 30 });
    decide(w, "10000002", 1, "VOLL-KVK", TND_DECISION_HERSTELD, (tnd_date){ 2022, 10, 1 });
    decide(w, "10000001", 2, "VOLL-BTW", TND_DECISION_HERSTEL_ASKED, (tnd_date){ 2022, 9, 30 });
    settle(w, october_3);
    assert_true(w->pr.bidders[a].herstel_open);
    assert_string_equal(w->pr.bidders[a].herstel,
                        "herstel VOLL-AGB gevraagd op 26-09-2022, termijn tot en met 03-10-2022: "
                        "ontvangen; herstel VOLL-KVK gevraagd op 30-09-2022, termijn tot en met "
                        "07-10-2022: open");
    /* lot 4 has no re-submission, but an open herstel cures any failure */
    assert_true(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0],
                        "voorlopig: herstel op verzoek loopt (§4.1.4 L474-487)");
}

static void test_herstel_request_dated_after_the_evaluation_is_not_yet_open(void **state)
{
    world *w = *state;
    size_t a = bidder(w, "10000001", 4, 0, 0, TND_AWARD_EXCLUDED);
    decide(w, "10000001", 1, "VOLL-AGB", TND_DECISION_HERSTEL_ASKED, (tnd_date){ 2022, 10, 4 });
    settle(w, october_3);
    assert_false(w->pr.bidders[a].herstel_open);
    assert_string_equal(w->pr.bidders[a].herstel, "");
    assert_string_equal(w->pr.bidders[a].finality[0],
                        "definitief: perceel 4 kent geen herinschrijving (§3.3 L302)");
}

static void test_round1_texts_given_are_kept_as_the_round1_outcome(void **state)
{
    world *w = *state;
    size_t a = bidder(w, "10000001", 6, 6, 6, TND_AWARD_ADMITTED);
    const char texts[1][TND_REASON_LEN] = { "perceel 6: NIET TOEGELATEN" };
    bool resubmitted[1] = { true };
    assert_true(tnd_rounds_settle(&w->def, &w->ev, texts, resubmitted, 2, october_3, NULL, NULL,
                                  &w->pr));
    assert_true(w->pr.bidders[a].resubmitted);
    assert_string_equal(w->pr.bidders[a].round1, "perceel 6: NIET TOEGELATEN");
    assert_string_equal(w->pr.bidders[a].finality[0], "definitief");
    assert_string_equal(w->pr.summary,
                        "Ronde 2 (herinschrijving): 0 uitkomst(en) voorlopig, 1 definitief");
}

static void test_fallback_stays_provisional_while_the_lot_it_fell_from_is_open(void **state)
{
    world *w = *state;
    /* §4.3.1: placed in lot 3 after not being awarded lot 4; lot 4 still has an undecided tie,
     * whose outcome decides who falls back */
    size_t a = bidder(w, "10000001", 4, 4, 3, TND_AWARD_GRANTED);
    size_t b = bidder(w, "10000002", 4, 4, 0, TND_AWARD_TIE);
    entry(w, 4, a, TND_AWARD_NOT_RANKED);
    entry(w, 4, b, TND_AWARD_TIE);
    entry(w, 3, a, TND_AWARD_GRANTED);
    settle(w, october_3);
    assert_true(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0],
                        "voorlopig: gunning perceel 4 hangt af van 1 open inschrijving(en)");
}

static void test_fallback_into_a_lot_without_award_rule_is_final(void **state)
{
    world *w = *state;
    size_t a = bidder(w, "10000001", 4, 4, 7, TND_AWARD_ADMITTED);
    entry(w, 4, a, TND_AWARD_NOT_RANKED);
    settle(w, october_3);
    assert_false(w->pr.bidders[a].provisional[0]);
    assert_string_equal(w->pr.bidders[a].finality[0], "definitief");
}

static void test_hersteld_dated_after_the_evaluation_leaves_the_request_open(void **state)
{
    world *w = *state;
    /* the item came in on 04-10, after the moment evaluated (03-10): still open then; a second
     * open request keeps it open */
    size_t a = bidder(w, "10000001", 4, 0, 0, TND_AWARD_EXCLUDED);
    decide(w, "10000001", 1, "VOLL-AGB", TND_DECISION_HERSTEL_ASKED, (tnd_date){ 2022, 9, 29 });
    decide(w, "10000001", 1, "VOLL-AGB", TND_DECISION_HERSTELD, (tnd_date){ 2022, 10, 4 });
    decide(w, "10000001", 2, "VOLL-AGB", TND_DECISION_HERSTELD, (tnd_date){ 2022, 9, 30 });
    decide(w, "10000001", 1, "VOLL-KVK", TND_DECISION_HERSTEL_ASKED, (tnd_date){ 2022, 9, 30 });
    settle(w, october_3);
    assert_true(w->pr.bidders[a].herstel_open);
    assert_string_equal(w->pr.bidders[a].herstel,
                        "herstel VOLL-AGB gevraagd op 29-09-2022, termijn tot en met 06-10-2022: "
                        "open; herstel VOLL-KVK gevraagd op 30-09-2022, termijn tot en met "
                        "07-10-2022: open");
}

/* ------------------------------------------------------------------ long texts */

/* Is s valid UTF-8 (no sequence cut short, no stray continuation byte)? */
static bool utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 0;
        if (n == 0)
            return false;
        for (size_t k = 1; k < n; k++)
            if ((p[k] & 0xC0) != 0x80)
                return false;
        p += n;
    }
    return true;
}

/* 20 open rules whose ids are made of the character `ch` (2, 3 or 4 bytes): the list of open
 * rules is longer than a reason holds, so it is cut; a cut never leaves half a character, and
 * what is shown is the start of the list as it would read in full. */
static void open_rules_cut_on_a_character(world *w, const char *ch)
{
    size_t a = bidder(w, "10000001", 3, 3, 0, TND_AWARD_PENDING);
    char all[2048] = "";
    for (int i = 0; i < 20; i++) {
        char id[TND_ID_LEN] = "";
        size_t len = 0, step = strlen(ch);
        /* distinct ids: a letter, then the multi-byte character as often as fits */
        id[len++] = (char)('A' + i);
        while (len + step < sizeof id && len + step <= 22) {
            memcpy(id + len, ch, step);
            len += step;
        }
        id[len] = '\0';
        finding(w, a, id, 3, TND_REVIEW);
        snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", i ? ", " : "", id);
    }
    settle(w, october_3);
    const char *text = w->pr.bidders[a].finality[0];
    static const char head[] = "voorlopig: besluit aanbesteder nodig over ";
    assert_true(w->pr.bidders[a].provisional[0]);
    assert_true(utf8_valid(text));
    assert_int_equal(strncmp(text, head, strlen(head)), 0);
    size_t shown = strlen(text) - strlen(head);
    assert_true(shown > 300);
    assert_true(shown < strlen(all));
    assert_int_equal(strncmp(text + strlen(head), all, shown), 0);
}

static void test_open_rules_beyond_the_reason_length_are_cut_between_2_byte_characters(
    void **state)
{
    open_rules_cut_on_a_character(*state, "\xc3\x89"); /* É */
}

static void test_open_rules_beyond_the_reason_length_are_cut_between_3_byte_characters(
    void **state)
{
    open_rules_cut_on_a_character(*state, "\xe2\x82\xac"); /* € */
}

static void test_open_rules_beyond_the_reason_length_are_cut_between_4_byte_characters(
    void **state)
{
    open_rules_cut_on_a_character(*state, "\xf0\x9f\x98\x80"); /* U+1F600 */
}

/* ------------------------------------------------------------------ the officer's tie decisions */

/* RES-GELIJKE-STAND: a tie at the last place, as tnd_evaluate leaves it. */
static void tie(world *w, int lot, int rank, int places, bool settled)
{
    for (size_t k = 0; k < w->ev.n_lots; k++)
        if (w->lots[k].lot == lot) {
            w->lots[k].tie = true;
            w->lots[k].tie_rank = rank;
            w->lots[k].tie_places = places;
            w->lots[k].tie_settled = settled;
        }
}

static void ranked_entry(world *w, int lot, size_t i, tnd_award_status status, int rank)
{
    entry(w, lot, i, status);
    for (size_t k = 0; k < w->ev.n_lots; k++)
        if (w->lots[k].lot == lot)
            w->lots[k].entries[w->lots[k].n_entries - 1].rank = rank;
}

static bool apply_round1(world *w, tnd_round_problem *p)
{
    const tnd_bid *bids[MAX_BIDDERS];
    tnd_check_result *checks[MAX_BIDDERS];
    for (size_t i = 0; i < w->ev.n_bidders; i++) {
        bids[i] = &w->bids[i];
        checks[i] = &w->checks[i];
    }
    tnd_round_view v = { .bids = bids, .checks = checks, .n = w->ev.n_bidders, .round = 1,
                         .evaluation_date = october_3 };
    return tnd_rounds_apply_decisions(&w->def, &w->ds, &v, NULL, w->uses, p);
}

static void test_tie_decision_on_a_lot_that_decides_ties_itself_is_refused(void **state)
{
    world *w = *state;
    /* RES-GELIJKE-STAND: the officer settles only what the document leaves open */
    snprintf(w->awards[1].tie_rule, sizeof w->awards[1].tie_rule, "higher-score:normaliseren");
    bidder(w, "10000001", 4, 4, 0, TND_AWARD_TIE);
    decide(w, "10000001", 1, "GUNNING-P4", TND_DECISION_TIE_AWARDED, (tnd_date){ 2022, 9, 26 });
    tnd_round_problem p;
    assert_false(apply_round1(w, &p));
    assert_int_equal(p.line, 2);
    assert_string_equal(p.kvk, "10000001");
    assert_string_equal(p.message,
                        "perceel 4 beslist een gelijke stand zelf met beslisregel "
                        "higher-score:normaliseren");
    assert_string_equal(p.hint, "laat de regel weg");
}

static void test_tie_decision_on_a_threshold_lot_is_refused(void **state)
{
    world *w = *state;
    bidder(w, "10000001", 3, 3, 3, TND_AWARD_GRANTED);
    decide(w, "10000001", 1, "GUNNING-P3", TND_DECISION_TIE_AWARDED, (tnd_date){ 2022, 9, 26 });
    tnd_round_problem p;
    assert_false(apply_round1(w, &p));
    assert_int_equal(p.line, 2);
    assert_string_equal(p.message, "'gelijke-stand-gegund' op GUNNING-P3: dat is geen "
                                   "rangschikking met een maximum aantal opdrachtnemers");
}

static void test_tie_decision_applied_in_round_1_is_taken_and_changes_no_verdict(void **state)
{
    world *w = *state;
    size_t a = bidder(w, "10000001", 4, 4, 0, TND_AWARD_TIE);
    finding(w, a, "TG-P4-REGIO", 4, TND_PASS);
    decide(w, "10000001", 1, "GUNNING-P4", TND_DECISION_TIE_AWARDED, (tnd_date){ 2022, 9, 26 });
    tnd_round_problem p;
    assert_true(apply_round1(w, &p));
    assert_int_equal(w->uses[0], TND_DECISION_APPLIED);
    assert_int_equal(w->checks[a].findings[0].verdict, TND_PASS);
}

static void test_tie_decisions_on_two_lots_are_each_checked_against_their_own_lot(void **state)
{
    world *w = *state;
    /* lot 5 first in the file, lot 4 second: each decision is counted for its own lot only */
    size_t a = bidder(w, "10000001", 4, 4, 0, TND_AWARD_GRANTED);
    size_t b = bidder(w, "10000002", 4, 4, 0, TND_AWARD_NOT_RANKED);
    size_t c = bidder(w, "10000003", 5, 5, 0, TND_AWARD_GRANTED);
    size_t d = bidder(w, "10000004", 5, 5, 0, TND_AWARD_NOT_RANKED);
    ranked_entry(w, 4, a, TND_AWARD_GRANTED, 1);
    ranked_entry(w, 4, b, TND_AWARD_NOT_RANKED, 1);
    ranked_entry(w, 5, c, TND_AWARD_GRANTED, 1);
    ranked_entry(w, 5, d, TND_AWARD_NOT_RANKED, 1);
    tie(w, 4, 1, 1, true);
    tie(w, 5, 1, 1, true);
    decide(w, "10000003", 1, "GUNNING-P5", TND_DECISION_TIE_AWARDED, (tnd_date){ 2022, 9, 26 });
    decide(w, "10000001", 1, "GUNNING-P4", TND_DECISION_TIE_AWARDED, (tnd_date){ 2022, 9, 26 });
    tnd_round_problem p;
    assert_true(tnd_rounds_check_ties(&w->def, &w->ds, w->uses, &w->ev, &p));
    assert_int_equal(p.line, 0);

    tnd_tie_settlement *t = NULL;
    size_t n = 0;
    assert_true(tnd_rounds_tie_settlements(&w->def, &w->ds, w->uses, &t, &n));
    assert_int_equal(n, 2);
    assert_int_equal(t[0].lot, 5);
    assert_string_equal(t[0].kvk, "10000003");
    assert_int_equal(t[1].lot, 4);
    assert_string_equal(t[1].kvk, "10000001");
    free(t);
}

static void test_tie_places_left_open_are_named_per_lot(void **state)
{
    world *w = *state;
    /* lot 4 has 2 places for a tie of three, one decision gives one: not settled */
    size_t a = bidder(w, "10000001", 4, 4, 0, TND_AWARD_TIE);
    size_t b = bidder(w, "10000002", 4, 4, 0, TND_AWARD_TIE);
    size_t c = bidder(w, "10000003", 4, 4, 0, TND_AWARD_TIE);
    size_t d = bidder(w, "10000004", 5, 5, 0, TND_AWARD_GRANTED);
    size_t e = bidder(w, "10000005", 5, 5, 0, TND_AWARD_NOT_RANKED);
    ranked_entry(w, 4, a, TND_AWARD_TIE, 1);
    ranked_entry(w, 4, b, TND_AWARD_TIE, 1);
    ranked_entry(w, 4, c, TND_AWARD_TIE, 1);
    ranked_entry(w, 5, d, TND_AWARD_GRANTED, 1);
    ranked_entry(w, 5, e, TND_AWARD_NOT_RANKED, 1);
    tie(w, 4, 1, 2, false);
    tie(w, 5, 1, 1, true);
    decide(w, "10000004", 1, "GUNNING-P5", TND_DECISION_TIE_AWARDED, (tnd_date){ 2022, 9, 26 });
    decide(w, "10000002", 1, "GUNNING-P4", TND_DECISION_TIE_AWARDED, (tnd_date){ 2022, 9, 26 });
    /* a herstel row of another bidder is no tie decision and is not counted */
    decide(w, "10000004", 1, "TG-P3-WVGGZ", TND_DECISION_HERSTEL_ASKED, (tnd_date){ 2022, 9, 26 });
    tnd_round_problem p;
    assert_false(tnd_rounds_check_ties(&w->def, &w->ds, w->uses, &w->ev, &p));
    assert_int_equal(p.line, 3);
    assert_string_equal(p.kvk, "10000002");
    assert_string_equal(p.message, "perceel 4 heeft 2 plaats(en) voor de gelijke stand; de "
                                   "besluiten geven er 1");
}

static void test_tie_decision_for_a_lot_missing_from_the_evaluation_is_refused(void **state)
{
    world *w = *state;
    bidder(w, "10000001", 5, 5, 0, TND_AWARD_TIE);
    w->ev.n_lots = 2; /* lots 3 and 4 only */
    decide(w, "10000001", 1, "GUNNING-P5", TND_DECISION_TIE_AWARDED, (tnd_date){ 2022, 9, 26 });
    tnd_round_problem p;
    assert_false(tnd_rounds_check_ties(&w->def, &w->ds, w->uses, &w->ev, &p));
    assert_int_equal(p.line, 2);
    assert_string_equal(p.message, "perceel 5 heeft geen gelijke stand op de laatste plaats");
}

static void test_hersteld_is_matched_to_the_request_of_its_own_bidder(void **state)
{
    world *w = *state;
    /* §4.1.4 L474-487: two bidders were asked for the same item; only the one that supplied it
     * in time is cured */
    size_t a = bidder(w, "10000001", 3, 0, 0, TND_AWARD_EXCLUDED);
    size_t b = bidder(w, "10000002", 3, 0, 0, TND_AWARD_EXCLUDED);
    finding(w, a, "TG-P3-WVGGZ", 3, TND_MISSING);
    finding(w, b, "TG-P3-WVGGZ", 3, TND_MISSING);
    decide(w, "10000001", 1, "TG-P3-WVGGZ", TND_DECISION_HERSTEL_ASKED, (tnd_date){ 2022, 9, 26 });
    decide(w, "10000002", 1, "TG-P3-WVGGZ", TND_DECISION_HERSTEL_ASKED, (tnd_date){ 2022, 9, 26 });
    decide(w, "10000002", 1, "TG-P3-WVGGZ", TND_DECISION_HERSTELD, (tnd_date){ 2022, 9, 28 });
    /* the placement is redone (tnd_check_replace frees and allocates it): give it one to free */
    for (size_t i = 0; i < 2; i++) {
        w->checks[i].placements = calloc(1, sizeof *w->checks[i].placements);
        assert_non_null(w->checks[i].placements);
    }
    tnd_round_problem p;
    bool ok = apply_round1(w, &p);
    for (size_t i = 0; i < 2; i++) {
        free(w->checks[i].placements);
        w->checks[i].placements = NULL;
        w->checks[i].n_placements = 0;
    }
    assert_true(ok);
    assert_int_equal(w->uses[2], TND_DECISION_APPLIED);
    assert_int_equal(w->checks[a].findings[0].verdict, TND_MISSING);
    assert_int_equal(w->checks[b].findings[0].verdict, TND_PASS);
    assert_non_null(strstr(w->checks[b].findings[0].reason, "hersteld 28-09-2022"));
}

static void test_tie_decision_dated_after_the_evaluation_is_not_yet_taken(void **state)
{
    world *w = *state;
    bidder(w, "10000001", 4, 4, 0, TND_AWARD_TIE);
    decide(w, "10000001", 1, "GUNNING-P4", TND_DECISION_TIE_AWARDED, (tnd_date){ 2022, 10, 4 });
    tnd_round_problem p;
    assert_true(apply_round1(w, &p));
    assert_int_equal(w->uses[0], TND_DECISION_NOT_YET);
}

static void test_no_decisions_file_applies_nothing(void **state)
{
    world *w = *state;
    bidder(w, "10000001", 4, 4, 0, TND_AWARD_TIE);
    const tnd_bid *bids[1] = { &w->bids[0] };
    tnd_check_result *checks[1] = { &w->checks[0] };
    tnd_round_view v = { .bids = bids, .checks = checks, .n = 1, .round = 1,
                         .evaluation_date = october_3 };
    tnd_round_problem p;
    assert_true(tnd_rounds_apply_decisions(&w->def, NULL, &v, NULL, NULL, &p));
    assert_int_equal(p.line, 0);
}

static void test_tie_settlement_of_a_rule_that_ranks_nothing_is_left_out_and_refused(
    void **state)
{
    world *w = *state;
    /* a tie decision on a rule that is no ranked award gives no settlement, and checking the
     * ties refuses it naming its line */
    bidder(w, "10000001", 3, 3, 3, TND_AWARD_GRANTED);
    decide(w, "10000001", 1, "TG-P3-WVGGZ", TND_DECISION_TIE_AWARDED, (tnd_date){ 2022, 9, 26 });
    tnd_tie_settlement *t = NULL;
    size_t n = 9;
    assert_true(tnd_rounds_tie_settlements(&w->def, &w->ds, w->uses, &t, &n));
    assert_int_equal(n, 0);
    free(t);
    tnd_round_problem p;
    assert_false(tnd_rounds_check_ties(&w->def, &w->ds, w->uses, &w->ev, &p));
    assert_int_equal(p.line, 2);
    assert_string_equal(p.kvk, "10000001");
}

static void test_tie_decision_of_round_2_is_not_taken_in_round_1(void **state)
{
    world *w = *state;
    bidder(w, "10000001", 4, 4, 0, TND_AWARD_TIE);
    decide(w, "10000001", 2, "GUNNING-P4", TND_DECISION_TIE_AWARDED, (tnd_date){ 2022, 9, 26 });
    tnd_round_problem p;
    assert_true(apply_round1(w, &p));
    assert_int_equal(w->uses[0], TND_DECISION_LATER_ROUND);
}

static void test_decision_on_a_rule_that_is_met_is_refused_before_any_later_row(void **state)
{
    world *w = *state;
    /* RES-BESLUIT-AANBESTEDER: "akkoord" needs an open REVIEW; the first wrong row stops the
     * file, nothing is applied */
    size_t a = bidder(w, "10000001", 3, 3, 3, TND_AWARD_GRANTED);
    finding(w, a, "TG-P3-WVGGZ", 3, TND_PASS);
    decide(w, "10000001", 1, "TG-P3-WVGGZ", TND_DECISION_ACCEPT, (tnd_date){ 2022, 9, 26 });
    decide(w, "10000001", 1, "TG-P3-WVGGZ", TND_DECISION_REJECT, (tnd_date){ 2022, 9, 27 });
    tnd_round_problem p;
    assert_false(apply_round1(w, &p));
    assert_int_equal(p.line, 2);
    assert_int_equal(w->checks[a].findings[0].verdict, TND_PASS);
}

static void test_without_a_decisions_file_there_is_nothing_to_settle_or_check(void **state)
{
    world *w = *state;
    tnd_tie_settlement *t = (tnd_tie_settlement *)w; /* must be reset */
    size_t n = 7;
    assert_true(tnd_rounds_tie_settlements(&w->def, NULL, NULL, &t, &n));
    assert_null(t);
    assert_int_equal(n, 0);
    tnd_round_problem p;
    assert_true(tnd_rounds_check_ties(&w->def, NULL, NULL, &w->ev, &p));
    assert_int_equal(p.line, 0);
}

static void test_resubmission_rules_need_a_resubmission_in_the_definition(void **state)
{
    world *w = *state;
    /* a tender with one round: no re-submission deadline to judge by, and none accepted */
    w->def.rounds.has_resubmission = false;
    tnd_definition out;
    assert_false(tnd_rounds_resubmission_definition(&w->def, &out));
    bidder(w, "10000001", 3, 0, 0, TND_AWARD_EXCLUDED);
    const tnd_bid *first[1] = { &w->bids[0] };
    const tnd_check_result *checks[1] = { &w->checks[0] };
    size_t index[1];
    tnd_round_problem p;
    assert_false(tnd_rounds_match_resubmissions(&w->def, first, checks, 1, first, 1, index, &p));
    assert_int_equal(p.line, 1);
    assert_string_equal(p.kvk, "10000001");
    assert_string_equal(p.message, "de aanbestedingsdefinitie kent geen herinschrijving");
    assert_string_equal(p.hint, "laat --resubmissions weg");
}

/* ------------------------------------------------------------------ the herstel term */

static void assert_date(tnd_date d, int y, int m, int day)
{
    assert_int_equal(d.year, y);
    assert_int_equal(d.month, m);
    assert_int_equal(d.day, day);
}

static void test_herstel_term_across_the_year_end_ends_in_january(void **state)
{
    (void)state;
    /* RES-HERSTEL-WERKDAGEN: Mon-Fri; Thursday 29-12-2022 + 5 = Thursday 05-01-2023 */
    assert_date(tnd_add_working_days((tnd_date){ 2022, 12, 29 }, 5), 2023, 1, 5);
}

static void test_herstel_term_counts_29_february_of_a_leap_year(void **state)
{
    (void)state;
    /* Monday 26-02-2024 + 5: 27, 28, 29 Feb, 1 Mar, Mon 4 Mar */
    assert_date(tnd_add_working_days((tnd_date){ 2024, 2, 26 }, 5), 2024, 3, 4);
    /* 2000 is a leap year (divisible by 400): Monday 28-02-2000 + 1 = Tuesday 29-02-2000 */
    assert_date(tnd_add_working_days((tnd_date){ 2000, 2, 28 }, 1), 2000, 2, 29);
}

static void test_herstel_term_skips_no_29_february_in_a_century_year(void **state)
{
    (void)state;
    /* 2100 is no leap year (divisible by 100, not by 400): Friday 26-02-2100 + 1 = Monday 1 Mar;
     * and 2023 is none either: Tuesday 28-02-2023 + 1 = Wednesday 1 Mar */
    assert_date(tnd_add_working_days((tnd_date){ 2100, 2, 26 }, 1), 2100, 3, 1);
    assert_date(tnd_add_working_days((tnd_date){ 2023, 2, 28 }, 1), 2023, 3, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(test_granted_bidder_of_a_lot_with_an_undecided_tie_is_provisional),
        T(test_not_ranked_bidder_waits_for_an_open_revision_and_a_missing_score),
        T(test_fallback_into_a_competitive_lot_with_an_open_entry_is_provisional),
        T(test_fallback_into_a_threshold_lot_is_final_whatever_lot_4_has_open),
        T(test_admitted_bidder_of_a_lot_without_award_rule_is_final),
        T(test_pending_outcome_names_each_open_rule_once),
        T(test_admitted_fallback_with_a_held_product_of_the_lower_lot_is_provisional),
        T(test_excluded_lot_without_a_placement_row_is_final),
        T(test_set_aside_cites_the_criterion_that_has_the_minimum),
        T(test_set_aside_in_a_lot_without_award_rule_cites_no_source),
        T(test_two_herstel_requests_one_received_one_open_keep_the_failure_provisional),
        T(test_herstel_request_dated_after_the_evaluation_is_not_yet_open),
        T(test_round1_texts_given_are_kept_as_the_round1_outcome),
        T(test_fallback_stays_provisional_while_the_lot_it_fell_from_is_open),
        T(test_fallback_into_a_lot_without_award_rule_is_final),
        T(test_hersteld_dated_after_the_evaluation_leaves_the_request_open),
        T(test_open_rules_beyond_the_reason_length_are_cut_between_2_byte_characters),
        T(test_open_rules_beyond_the_reason_length_are_cut_between_3_byte_characters),
        T(test_open_rules_beyond_the_reason_length_are_cut_between_4_byte_characters),
        T(test_tie_decision_on_a_lot_that_decides_ties_itself_is_refused),
        T(test_tie_decision_on_a_threshold_lot_is_refused),
        T(test_tie_decision_applied_in_round_1_is_taken_and_changes_no_verdict),
        T(test_tie_decisions_on_two_lots_are_each_checked_against_their_own_lot),
        T(test_tie_places_left_open_are_named_per_lot),
        T(test_tie_decision_for_a_lot_missing_from_the_evaluation_is_refused),
        T(test_without_a_decisions_file_there_is_nothing_to_settle_or_check),
        T(test_hersteld_is_matched_to_the_request_of_its_own_bidder),
        T(test_tie_decision_dated_after_the_evaluation_is_not_yet_taken),
        T(test_no_decisions_file_applies_nothing),
        T(test_tie_settlement_of_a_rule_that_ranks_nothing_is_left_out_and_refused),
        T(test_tie_decision_of_round_2_is_not_taken_in_round_1),
        T(test_decision_on_a_rule_that_is_met_is_refused_before_any_later_row),
        T(test_resubmission_rules_need_a_resubmission_in_the_definition),
        T(test_herstel_term_across_the_year_end_ends_in_january),
        T(test_herstel_term_counts_29_february_of_a_leap_year),
        T(test_herstel_term_skips_no_29_february_in_a_century_year),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
