/*
 * test_rounds.c - the procedure's rounds and the officer's decisions (scoring/rounds.c, issue 8
 * §4) on the real IJsselland 2023 definition and the shipped example bids:
 *   re-submission   once, not for lot 4, by 05-09-2022 12:00 (§3.3 L253-255, L302; §4.1.4
 *                   L498-511); invalid when still failing (§4.1.5 L509-511);
 *   herstel         within 5 working days of the request (§4.1.4 L474-487, RES-HERSTEL-WERKDAGEN);
 *   decisions       a REVIEW / PLAN REQUIRED settled with a motivation (RES-BESLUIT-AANBESTEDER);
 *   ties            a tie at the last place settled by the officer (RES-GELIJKE-STAND, §4.3 L913-915).
 * Each test pins the verdict or finality, the Dutch text and the § source.
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
#include "tender/bid.h"
#include "tender/definition.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif
#define BIDS TND_SOURCE_DIR "/fixtures/example/bids/"
#define ROUND2 TND_SOURCE_DIR "/fixtures/example/round2/bids/"

#define MAX_BIDS 4

typedef struct {
    tnd_definition *def;
    tnd_definition resub_def;
    tnd_bid *bids[MAX_BIDS];
    tnd_check_result checks[MAX_BIDS];
    tnd_check_result *check_ptrs[MAX_BIDS];
    size_t n;
    tnd_decision decisions[8];
    tnd_decisions ds;
    tnd_decision_use uses[8];
    tnd_evaluation ev;
    bool has_ev;
    tnd_procedure pr;
} world;

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    tnd_error err;
    if (!w || tnd_definition_load(NULL, &w->def, &err) != TND_OK)
        return -1;
    w->ds.items = w->decisions;
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    if (w->has_ev)
        tnd_evaluation_free(&w->ev);
    tnd_procedure_free(&w->pr);
    for (size_t i = 0; i < w->n; i++) {
        tnd_check_result_free(&w->checks[i]);
        tnd_bid_free(w->bids[i]);
    }
    tnd_definition_free(w->def);
    free(w);
    return 0;
}

/* Loads and checks one bid; resubmitted = judged against the re-submission deadline. */
static size_t add_bid(world *w, const char *path, bool resubmitted)
{
    tnd_error err;
    size_t i = w->n++;
    assert_int_equal(tnd_bid_load_file(path, &w->bids[i], &err), TND_OK);
    const tnd_definition *def = w->def;
    if (resubmitted) {
        assert_true(tnd_rounds_resubmission_definition(w->def, &w->resub_def));
        def = &w->resub_def;
    }
    assert_int_equal(tnd_bid_validate_against(w->bids[i], def, &err), TND_OK);
    assert_true(tnd_check(def, w->bids[i], &w->checks[i]));
    w->check_ptrs[i] = &w->checks[i];
    return i;
}

static tnd_date day(int y, int m, int d)
{
    return (tnd_date){ y, m, d };
}

static void decide(world *w, const char *kvk, int round, const char *rule, tnd_decision_kind k,
                   tnd_date date)
{
    tnd_decision *d = &w->decisions[w->ds.n];
    memset(d, 0, sizeof *d);
    snprintf(d->kvk, sizeof d->kvk, "%s", kvk);
    d->round = round;
    snprintf(d->rule_id, sizeof d->rule_id, "%s", rule);
    d->kind = k;
    snprintf(d->motivation, sizeof d->motivation, "motivering %zu", w->ds.n + 1);
    d->date = date;
    snprintf(d->officer, sizeof d->officer, "M. Jansen");
    d->line = (long)w->ds.n + 2; /* line 1 is the header */
    w->ds.n++;
}

static bool apply(world *w, int round, tnd_date eval, tnd_round_problem *p)
{
    tnd_round_view v = { .bids = (const tnd_bid *const *)w->bids,
                         .checks = w->check_ptrs,
                         .resubmitted = NULL,
                         .n = w->n,
                         .round = round,
                         .evaluation_date = eval };
    return tnd_rounds_apply_decisions(w->def, &w->ds, &v, NULL, w->uses, p);
}

/* Step 3 with no scores, then finality on `eval`. */
static void settle(world *w, const bool *resubmitted, int round, tnd_date eval)
{
    tnd_scores none = { .items = NULL, .n = 0 };
    assert_true(tnd_evaluate(w->def, (const tnd_bid *const *)w->bids,
                             (const tnd_check_result *const *)w->check_ptrs, w->n, &none, NULL, 0,
                             &w->ev));
    w->has_ev = true;
    assert_true(tnd_rounds_settle(w->def, &w->ev, NULL, resubmitted, round, eval,
                                  w->ds.n ? &w->ds : NULL, w->uses, &w->pr));
}

static const tnd_finding *finding(const tnd_check_result *c, const char *rule)
{
    for (size_t i = 0; i < c->n_findings; i++)
        if (c->findings[i].lot != TND_FINDING_DETAIL && strcmp(c->findings[i].rule_id, rule) == 0)
            return &c->findings[i];
    return NULL;
}

/* ------------------------------------------------------------------ working days */

static void test_herstel_term_of_5_working_days_from_a_friday_ends_next_friday(void **state)
{
    (void)state;
    /* §4.1.4 L483-486, RES-HERSTEL-WERKDAGEN: Mon-Fri count, the day of the request does not */
    tnd_date d = tnd_add_working_days(day(2022, 8, 12), 5); /* Friday */
    assert_int_equal(d.year, 2022);
    assert_int_equal(d.month, 8);
    assert_int_equal(d.day, 19);
}

static void test_herstel_term_from_a_wednesday_skips_the_weekend(void **state)
{
    (void)state;
    tnd_date d = tnd_add_working_days(day(2022, 8, 31), 5); /* Wednesday, across a month end */
    assert_int_equal(d.month, 9);
    assert_int_equal(d.day, 7);
}

/* ------------------------------------------------------------------ re-submission deadline */

static void test_resubmission_exactly_at_12_00_is_on_time(void **state)
{
    world *w = *state;
    /* §3.3 L302 "Maandag 5 september 2022 tot 12:00 uur": on the deadline is on time */
    size_t i = add_bid(w, ROUND2 "06-p1-still-without-agb-resubmitted-bid.xml", true);
    const tnd_finding *f = finding(&w->checks[i], "PROC-SLUITINGSTIJD");
    assert_non_null(f);
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->source, "§3.3 L255, L302; §4.1.4 L498-511");
    assert_string_equal(f->requirement, "Sluitingstijd herinschrijving");
    assert_string_equal(f->resolution, "RES-HERINSCHRIJVING");
    /* still without AGB code after re-submission */
    assert_int_equal(finding(&w->checks[i], "VOLL-AGB")->verdict, TND_MISSING);
}

static void test_resubmission_at_12_01_is_late(void **state)
{
    world *w = *state;
    size_t i = add_bid(w, TND_SOURCE_DIR "/fixtures/rounds/34-p3-resubmitted-12-01-late-bid.xml", true);
    const tnd_finding *f = finding(&w->checks[i], "PROC-SLUITINGSTIJD");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->source, "§3.3 L255, L302; §4.1.4 L498-511");
    assert_non_null(strstr(f->reason, "05-09-2022 12:00"));
}

static void test_failed_resubmission_is_final_and_invalid(void **state)
{
    world *w = *state;
    add_bid(w, ROUND2 "06-p1-still-without-agb-resubmitted-bid.xml", true);
    bool resub[1] = { true };
    settle(w, resub, 2, day(2022, 10, 3));
    assert_false(w->pr.bidders[0].provisional[0]);
    assert_string_equal(w->pr.bidders[0].finality[0],
                        "definitief: na herinschrijving niet "
                        "voldaan, ongeldig (§4.1.5 L509-511; RES-HERINSCHRIJVING)");
    assert_string_equal(w->pr.summary, "Ronde 2 (herinschrijving): 0 uitkomst(en) voorlopig, 1 "
                                       "definitief");
}

/* ------------------------------------------------------------------ finality around the deadline
 */

static void test_round1_failure_on_4_september_is_provisional(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "08-p1-references-only-one-bid.xml", false); /* REF-REFERENTIES FAIL */
    settle(w, NULL, 1, day(2022, 9, 4));
    assert_true(w->pr.bidders[0].provisional[0]);
    assert_string_equal(w->pr.bidders[0].finality[0],
                        "voorlopig: afgevallen voor perceel 1, "
                        "herinschrijving mogelijk tot 05-09-2022 12:00 (RES-HERINSCHRIJVING)");
}

static void test_round1_failure_on_the_deadline_day_is_still_provisional(void **state)
{
    world *w = *state;
    /* the evaluation has a date, not an hour: on 05-09 the deadline may not have passed */
    add_bid(w, BIDS "08-p1-references-only-one-bid.xml", false);
    settle(w, NULL, 1, day(2022, 9, 5));
    assert_true(w->pr.bidders[0].provisional[0]);
}

static void test_round1_failure_after_the_deadline_is_final(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "08-p1-references-only-one-bid.xml", false);
    settle(w, NULL, 1, day(2022, 9, 6));
    assert_false(w->pr.bidders[0].provisional[0]);
    assert_string_equal(w->pr.bidders[0].finality[0],
                        "definitief: afgevallen voor perceel 1, "
                        "geen herinschrijving ontvangen voor 05-09-2022 12:00 "
                        "(RES-HERINSCHRIJVING)");
    assert_string_equal(w->pr.bidders[0].round1, "perceel 1: NIET TOEGELATEN");
}

static void test_lot4_failure_is_final_without_herstel(void **state)
{
    world *w = *state;
    /* §4.1.4 L467-470: no re-submission for lot 4, even before 05-09-2022 */
    add_bid(w, BIDS "48-p4-ggz-verblijf-8-cascade-to-p3-bid.xml", false);
    settle(w, NULL, 1, day(2022, 8, 8));
    assert_false(w->pr.bidders[0].provisional[0]);
    assert_string_equal(w->pr.bidders[0].finality[0],
                        "definitief: perceel 4 kent geen "
                        "herinschrijving (§3.3 L255, L302; §4.1.4 L498-511)");
}

static void test_lot4_failure_with_an_open_herstel_request_is_provisional(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "48-p4-ggz-verblijf-8-cascade-to-p3-bid.xml", false);
    decide(w, "64896153", 1, "TG-P4-GGZ-VERBLIJF", TND_DECISION_HERSTEL_ASKED, day(2022, 8, 1));
    tnd_round_problem p;
    assert_true(apply(w, 1, day(2022, 8, 8), &p));
    settle(w, NULL, 1, day(2022, 8, 8)); /* Mon 01-08 + 5 working days = Mon 08-08: open */
    assert_true(w->pr.bidders[0].provisional[0]);
    assert_string_equal(w->pr.bidders[0].finality[0],
                        "voorlopig: herstel op verzoek loopt (§4.1.4 L474-487)");
    assert_string_equal(w->pr.bidders[0].herstel,
                        "herstel TG-P4-GGZ-VERBLIJF gevraagd op "
                        "01-08-2022, termijn tot en met 08-08-2022: open");
}

static void test_lot4_herstel_not_received_in_time_is_final(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "48-p4-ggz-verblijf-8-cascade-to-p3-bid.xml", false);
    decide(w, "64896153", 1, "TG-P4-GGZ-VERBLIJF", TND_DECISION_HERSTEL_ASKED, day(2022, 8, 1));
    tnd_round_problem p;
    assert_true(apply(w, 1, day(2022, 8, 9), &p));
    settle(w, NULL, 1, day(2022, 8, 9)); /* one day after the term */
    assert_false(w->pr.bidders[0].provisional[0]);
    assert_non_null(strstr(w->pr.bidders[0].herstel, "niet ontvangen"));
}

static void test_plan_set_aside_after_the_one_revision_is_final(void **state)
{
    world *w = *state;
    /* §6.1.1 L1804-1807: below 6,0 again after the one revision => set aside, no later round */
    add_bid(w, BIDS "03-p1-revision-set-aside-bid.xml", false);
    tnd_score rows[2] = {
        { .lot = 1,
          .criterion = "normaliseren",
          .bidder = "60338215",
          .round = 1,
          .member = TND_CONSENSUS,
          .score = 4,
          .line = 2 },
        { .lot = 1,
          .criterion = "normaliseren",
          .bidder = "60338215",
          .round = 2,
          .member = TND_CONSENSUS,
          .score = 4,
          .line = 3 },
    };
    tnd_scores scores = { .items = rows, .n = 2 };
    assert_true(tnd_evaluate(w->def, (const tnd_bid *const *)w->bids,
                             (const tnd_check_result *const *)w->check_ptrs, w->n, &scores, NULL, 0,
                             &w->ev));
    w->has_ev = true;
    assert_true(
        tnd_rounds_settle(w->def, &w->ev, NULL, NULL, 1, day(2022, 8, 8), NULL, NULL, &w->pr));
    assert_int_equal(w->ev.bidders[0].status[0], TND_AWARD_SET_ASIDE);
    assert_false(w->pr.bidders[0].provisional[0]);
    assert_string_equal(w->pr.bidders[0].finality[0],
                        "definitief: na de herkansing onder de norm (§6.1.1 L1804-1807)");
}

static void test_open_herstel_keeps_a_lot1_failure_provisional_after_the_deadline(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "06-p1-incomplete-missing-items-bid.xml", false);
    decide(w, "60664437", 1, "VOLL-AGB", TND_DECISION_HERSTEL_ASKED, day(2022, 9, 30));
    tnd_round_problem p;
    assert_true(apply(w, 1, day(2022, 10, 3), &p));
    settle(w, NULL, 1, day(2022, 10, 3)); /* Fri 30-09 + 5 working days = Fri 07-10 */
    assert_true(w->pr.bidders[0].provisional[0]);
    assert_string_equal(w->pr.bidders[0].finality[0],
                        "voorlopig: herstel op verzoek loopt (§4.1.4 L474-487)");
    assert_string_equal(w->pr.bidders[0].herstel, "herstel VOLL-AGB gevraagd op 30-09-2022, "
                                                  "termijn tot en met 07-10-2022: open");
}

/* ------------------------------------------------------------------ decisions */

static void test_review_accepted_becomes_pass_and_the_lot_admitted(void **state)
{
    world *w = *state;
    size_t i = add_bid(w, BIDS "07-p1-financial-review-bid.xml", false);
    assert_int_equal(w->checks[i].placements[0].status, TND_LOT_PENDING);
    decide(w, "60770152", 1, "FIN-SOLVABILITEIT", TND_DECISION_ACCEPT, day(2022, 8, 12));
    tnd_round_problem p;
    assert_true(apply(w, 1, day(2022, 10, 3), &p));
    assert_int_equal(w->uses[0], TND_DECISION_APPLIED);
    const tnd_finding *f = finding(&w->checks[i], "FIN-SOLVABILITEIT");
    assert_int_equal(f->verdict, TND_PASS);
    assert_non_null(
        strstr(f->reason, " | besluit akkoord 12-08-2022 door M. Jansen: motivering 1"));
    assert_string_equal(f->source, "§5.3.1 L1360");
    assert_int_equal(w->checks[i].placements[0].placed, 1);
    assert_int_equal(w->checks[i].placements[0].status, TND_LOT_ELIGIBLE);
}

static void test_review_rejected_becomes_fail_and_the_lot_not_eligible(void **state)
{
    world *w = *state;
    size_t i = add_bid(w, BIDS "07-p1-financial-review-bid.xml", false);
    decide(w, "60770152", 1, "FIN-SOLVABILITEIT", TND_DECISION_REJECT, day(2022, 8, 12));
    tnd_round_problem p;
    assert_true(apply(w, 1, day(2022, 10, 3), &p));
    assert_int_equal(finding(&w->checks[i], "FIN-SOLVABILITEIT")->verdict, TND_FAIL);
    assert_int_equal(w->checks[i].placements[0].placed, 0);
    assert_int_equal(w->checks[i].placements[0].status, TND_LOT_NOT_ELIGIBLE);
}

static void test_open_review_keeps_the_outcome_provisional_and_says_so(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "07-p1-financial-review-bid.xml", false);
    settle(w, NULL, 1, day(2022, 10, 3));
    assert_true(w->pr.bidders[0].provisional[0]);
    assert_string_equal(w->pr.bidders[0].finality[0],
                        "voorlopig: besluit aanbesteder nodig "
                        "over FIN-SOLVABILITEIT (RES-BESLUIT-AANBESTEDER)");
}

static void test_decision_dated_after_the_evaluation_is_not_yet_applied(void **state)
{
    world *w = *state;
    size_t i = add_bid(w, BIDS "07-p1-financial-review-bid.xml", false);
    decide(w, "60770152", 1, "FIN-SOLVABILITEIT", TND_DECISION_ACCEPT, day(2022, 8, 12));
    tnd_round_problem p;
    assert_true(apply(w, 1, day(2022, 8, 11), &p));
    assert_int_equal(w->uses[0], TND_DECISION_NOT_YET);
    assert_int_equal(finding(&w->checks[i], "FIN-SOLVABILITEIT")->verdict, TND_REVIEW);
    assert_string_equal(tnd_decision_use_dutch(w->uses[0]),
                        "na de beoordelingsdatum: nog niet toegepast");
}

static void test_decision_of_round_2_is_not_applied_in_round_1(void **state)
{
    world *w = *state;
    size_t i = add_bid(w, BIDS "07-p1-financial-review-bid.xml", false);
    decide(w, "60770152", 2, "FIN-SOLVABILITEIT", TND_DECISION_ACCEPT, day(2022, 8, 12));
    tnd_round_problem p;
    assert_true(apply(w, 1, day(2022, 10, 3), &p));
    assert_int_equal(w->uses[0], TND_DECISION_LATER_ROUND);
    assert_int_equal(finding(&w->checks[i], "FIN-SOLVABILITEIT")->verdict, TND_REVIEW);
}

static void test_decision_for_a_rule_that_passes_is_refused_naming_the_line(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "01-p1-p6-granted-day-group-middel-bid.xml", false);
    decide(w, "60112841", 1, "FIN-SOLVABILITEIT", TND_DECISION_ACCEPT, day(2022, 8, 12));
    tnd_round_problem p;
    assert_false(apply(w, 1, day(2022, 10, 3), &p));
    assert_int_equal(p.line, 2);
    assert_string_equal(p.message, "regel FIN-SOLVABILITEIT is voor KvK 60112841 in ronde 1 niet "
                                   "BEOORDELEN of PLAN VAN AANPAK");
}

static void test_decision_for_an_unknown_kvk_is_refused(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "07-p1-financial-review-bid.xml", false);
    decide(w, "60770152", 1, "FIN-SOLVABILITEIT", TND_DECISION_ACCEPT, day(2022, 8, 12));
    decide(w, "99999999", 1, "FIN-SOLVABILITEIT", TND_DECISION_ACCEPT, day(2022, 8, 12));
    tnd_round_problem p;
    assert_false(apply(w, 1, day(2022, 10, 3), &p));
    assert_int_equal(p.line, 3);
    assert_string_equal(p.message, "KvK 99999999 is geen inschrijver van deze beoordeling");
    /* nothing applied when one row is wrong */
    assert_int_equal(finding(&w->checks[0], "FIN-SOLVABILITEIT")->verdict, TND_REVIEW);
}

static void test_decision_for_an_unknown_rule_is_refused(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "07-p1-financial-review-bid.xml", false);
    decide(w, "60770152", 1, "FIN-SOLVENTIE", TND_DECISION_ACCEPT, day(2022, 8, 12));
    tnd_round_problem p;
    assert_false(apply(w, 1, day(2022, 10, 3), &p));
    assert_string_equal(p.message, "onbekende regel 'FIN-SOLVENTIE'");
}

/* ------------------------------------------------------------------ herstel */

static void test_herstel_on_the_last_working_day_cures_the_missing_items(void **state)
{
    world *w = *state;
    /* bid 06 misses AGB code, references and the truthfulness declaration (step 1) */
    size_t i = add_bid(w, BIDS "06-p1-incomplete-missing-items-bid.xml", false);
    static const char *const items[] = { "VOLL-AGB", "VOLL-REFERENTIES", "VOLL-WAARHEID" };
    for (int k = 0; k < 3; k++)
        decide(w, "60664437", 1, items[k], TND_DECISION_HERSTEL_ASKED, day(2022, 8, 1));
    for (int k = 0; k < 3; k++)
        decide(w, "60664437", 1, items[k], TND_DECISION_HERSTELD, day(2022, 8, 8));
    tnd_round_problem p;
    assert_true(apply(w, 1, day(2022, 8, 10), &p));
    const tnd_finding *f = finding(&w->checks[i], "VOLL-AGB");
    assert_int_equal(f->verdict, TND_PASS);
    assert_non_null(strstr(f->reason, " | hersteld 08-08-2022 door M. Jansen"));
    assert_int_equal(w->checks[i].stopped_at_step, 0);
}

static void test_herstel_one_day_after_the_term_stays_invalid(void **state)
{
    world *w = *state;
    size_t i = add_bid(w, BIDS "06-p1-incomplete-missing-items-bid.xml", false);
    decide(w, "60664437", 1, "VOLL-AGB", TND_DECISION_HERSTEL_ASKED, day(2022, 8, 1));
    decide(w, "60664437", 1, "VOLL-AGB", TND_DECISION_HERSTELD, day(2022, 8, 9));
    tnd_round_problem p;
    assert_true(apply(w, 1, day(2022, 8, 10), &p));
    assert_int_equal(w->uses[1], TND_DECISION_LATE_HERSTEL);
    const tnd_finding *f = finding(&w->checks[i], "VOLL-AGB");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_non_null(strstr(f->reason, " | herstel te laat (termijn tot en met 08-08-2022, "
                                      "§4.1.4 L474-487) op 09-08-2022"));
}

static void test_hersteld_without_a_request_is_refused(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "06-p1-incomplete-missing-items-bid.xml", false);
    decide(w, "60664437", 1, "VOLL-AGB", TND_DECISION_HERSTELD, day(2022, 8, 8));
    tnd_round_problem p;
    assert_false(apply(w, 1, day(2022, 8, 10), &p));
    assert_string_equal(p.message, "'hersteld' voor VOLL-AGB zonder verzoek tot herstel");
}

/* ------------------------------------------------------------------ matching re-submissions */

static void match(world *w, size_t n_first, bool expect, const char *message)
{
    size_t index[MAX_BIDS];
    tnd_round_problem p;
    bool ok = tnd_rounds_match_resubmissions(
        w->def, (const tnd_bid *const *)w->bids, (const tnd_check_result *const *)w->check_ptrs,
        n_first, (const tnd_bid *const *)w->bids + n_first, w->n - n_first, index, &p);
    assert_int_equal(ok, expect);
    if (message)
        assert_string_equal(p.message, message);
    else
        assert_int_equal(index[0], 0);
}

static void test_resubmission_of_a_dropped_bidder_is_matched(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "08-p1-references-only-one-bid.xml", false);
    add_bid(w, ROUND2 "08-p1-references-resubmitted-bid.xml", true);
    match(w, 1, true, NULL);
    /* the re-submission meets REF-REFERENTIES */
    assert_int_equal(finding(&w->checks[1], "REF-REFERENTIES")->verdict, TND_PASS);
}

static void test_resubmission_of_an_admitted_bidder_is_refused(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "01-p1-p6-granted-day-group-middel-bid.xml", false);
    add_bid(w, BIDS "01-p1-p6-granted-day-group-middel-bid.xml", true);
    match(w, 1, false,
          "KvK 60112841 is in ronde 1 niet afgevallen bij stap 1 of 2 (§3.3 L255, "
          "L302; §4.1.4 L498-511)");
}

static void test_resubmission_with_lot_4_is_refused(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "48-p4-ggz-verblijf-8-cascade-to-p3-bid.xml", false);
    add_bid(w, BIDS "48-p4-ggz-verblijf-8-cascade-to-p3-bid.xml", true);
    match(w, 1, false,
          "KvK 64896153: een inschrijving met perceel 4 kan niet opnieuw inschrijven "
          "(§3.3 L255, L302; §4.1.4 L498-511)");
}

static void test_second_resubmission_of_one_bidder_is_refused(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "08-p1-references-only-one-bid.xml", false);
    add_bid(w, ROUND2 "08-p1-references-resubmitted-bid.xml", true);
    add_bid(w, ROUND2 "08-p1-references-resubmitted-bid.xml", true);
    match(w, 1, false,
          "KvK 60883649 schrijft twee keer opnieuw in; herinschrijving mag eenmalig "
          "(§3.3 L255, L302; §4.1.4 L498-511)");
}

static void test_resubmission_of_a_kvk_without_round_1_bid_is_refused(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "07-p1-financial-review-bid.xml", false);
    add_bid(w, ROUND2 "08-p1-references-resubmitted-bid.xml", true);
    match(w, 1, false, "KvK 60883649 heeft in ronde 1 niet ingeschreven");
}

/* ------------------------------------------------------------------ ties (RES-GELIJKE-STAND) */

/* A hand-made perceel-4 ranking: three bidders 10000001..3 at rank 4, `places` places left. */
typedef struct {
    tnd_bid bids[3];
    tnd_award_entry entries[3];
    tnd_lot_award lot;
    tnd_evaluation ev;
} tie_world;

static tie_world *tie_ranking(bool tie, int places, bool settled)
{
    tie_world *t = calloc(1, sizeof *t);
    assert_non_null(t);
    for (int i = 0; i < 3; i++) {
        snprintf(t->bids[i].bidder.kvk, sizeof t->bids[i].bidder.kvk, "1000000%d", i + 1);
        t->entries[i].bid = &t->bids[i];
        t->entries[i].rank = tie ? 4 : 4 + i;
    }
    t->lot.lot = 4;
    t->lot.entries = t->entries;
    t->lot.n_entries = 3;
    t->lot.tie = tie;
    t->lot.tie_rank = tie ? 4 : 0;
    t->lot.tie_places = tie ? places : 0;
    t->lot.tie_settled = settled;
    t->ev.lots = &t->lot;
    t->ev.n_lots = 1;
    return t;
}

static void tie_decision(world *w, const char *kvk, long line)
{
    tnd_decision *d = &w->decisions[w->ds.n];
    memset(d, 0, sizeof *d);
    snprintf(d->kvk, sizeof d->kvk, "%s", kvk);
    d->round = 1;
    snprintf(d->rule_id, sizeof d->rule_id, "GUNNING-P4");
    d->kind = TND_DECISION_TIE_AWARDED;
    snprintf(d->motivation, sizeof d->motivation, "Loting");
    d->date = (tnd_date){ 2022, 9, 26 };
    snprintf(d->officer, sizeof d->officer, "M. Jansen");
    d->line = line;
    w->uses[w->ds.n] = TND_DECISION_APPLIED;
    w->ds.n++;
}

static void test_tie_settlement_carries_lot_kvk_and_decision_res_gelijke_stand(void **state)
{
    world *w = *state;
    tie_decision(w, "10000002", 5);
    tnd_tie_settlement *t = NULL;
    size_t n = 0;
    assert_true(tnd_rounds_tie_settlements(w->def, &w->ds, w->uses, &t, &n));
    assert_int_equal(n, 1);
    assert_int_equal(t[0].lot, 4);
    assert_string_equal(t[0].kvk, "10000002");
    assert_string_equal(t[0].text, "besluit 26-09-2022 door M. Jansen (besluitenbestand regel 5, "
                                   "motivering: blad Procedure)");
    free(t);
}

static void test_tie_decision_not_yet_taken_gives_no_settlement(void **state)
{
    world *w = *state;
    tie_decision(w, "10000002", 5);
    w->uses[0] = TND_DECISION_NOT_YET;
    tnd_tie_settlement *t = NULL;
    size_t n = 7;
    assert_true(tnd_rounds_tie_settlements(w->def, &w->ds, w->uses, &t, &n));
    assert_int_equal(n, 0);
    assert_null(t);
}

static void test_tie_decision_for_a_tied_bidder_that_settles_the_tie_passes(void **state)
{
    world *w = *state;
    tie_world *t = tie_ranking(true, 1, true);
    tie_decision(w, "10000003", 2);
    tnd_round_problem p;
    assert_true(tnd_rounds_check_ties(w->def, &w->ds, w->uses, &t->ev, &p));
    free(t);
}

static void test_tie_decision_on_a_lot_without_a_tie_is_refused(void **state)
{
    world *w = *state;
    tie_world *t = tie_ranking(false, 0, false);
    tie_decision(w, "10000001", 2);
    tnd_round_problem p;
    assert_false(tnd_rounds_check_ties(w->def, &w->ds, w->uses, &t->ev, &p));
    assert_int_equal(p.line, 2);
    assert_string_equal(p.message, "perceel 4 heeft geen gelijke stand op de laatste plaats");
    free(t);
}

static void test_tie_decision_for_a_bidder_outside_the_tie_is_refused(void **state)
{
    world *w = *state;
    tie_world *t = tie_ranking(true, 1, false);
    t->entries[2].rank = 7; /* 10000003 ranks below the tie */
    tie_decision(w, "10000003", 3);
    tnd_round_problem p;
    assert_false(tnd_rounds_check_ties(w->def, &w->ds, w->uses, &t->ev, &p));
    assert_int_equal(p.line, 3);
    assert_string_equal(p.message, "KvK 10000003 staat niet in de gelijke stand van perceel 4");
    free(t);
}

static void test_tie_decisions_two_winners_for_one_place_name_both_lines(void **state)
{
    world *w = *state;
    tie_world *t = tie_ranking(true, 1, false);
    tie_decision(w, "10000001", 2);
    tie_decision(w, "10000002", 3);
    tnd_round_problem p;
    assert_false(tnd_rounds_check_ties(w->def, &w->ds, w->uses, &t->ev, &p));
    assert_int_equal(p.line, 3);
    assert_string_equal(p.message, "perceel 4 heeft 1 plaats(en) voor de gelijke stand; regel 2 "
                                   "gaf die al aan KvK 10000001");
    free(t);
}

static void test_tie_decisions_two_winners_for_two_places_pass(void **state)
{
    world *w = *state;
    tie_world *t = tie_ranking(true, 2, true);
    tie_decision(w, "10000001", 2);
    tie_decision(w, "10000002", 3);
    tnd_round_problem p;
    assert_true(tnd_rounds_check_ties(w->def, &w->ds, w->uses, &t->ev, &p));
    free(t);
}

static void test_tie_decision_for_one_of_two_places_is_refused(void **state)
{
    world *w = *state;
    tie_world *t = tie_ranking(true, 2, false); /* one line for two places: still undecided */
    tie_decision(w, "10000001", 2);
    tnd_round_problem p;
    assert_false(tnd_rounds_check_ties(w->def, &w->ds, w->uses, &t->ev, &p));
    assert_int_equal(p.line, 2);
    assert_string_equal(p.message,
                        "perceel 4 heeft 2 plaats(en) voor de gelijke stand; de besluiten geven er 1");
    free(t);
}

static void test_tie_decision_for_the_same_bidder_twice_is_refused(void **state)
{
    world *w = *state;
    tie_world *t = tie_ranking(true, 2, false);
    tie_decision(w, "10000001", 2);
    tie_decision(w, "10000001", 4);
    w->decisions[1].round = 2; /* not a duplicate row for the file reader */
    tnd_round_problem p;
    assert_false(tnd_rounds_check_ties(w->def, &w->ds, w->uses, &t->ev, &p));
    assert_int_equal(p.line, 4);
    assert_string_equal(p.message, "KvK 10000001 krijgt de plaats in perceel 4 al op regel 2");
    free(t);
}

/* ------------------------------------------------------------------ issue 7: refused decisions */

/* §3.3 L253-255: the procedure has a round 1 (inschrijving) and a round 2 (herinschrijving); a
 * decision for any other round is refused, naming the line, before anything is applied. */
static void test_decision_for_round_3_is_refused_naming_the_line(void **state)
{
    world *w = *state;
    size_t i = add_bid(w, BIDS "07-p1-financial-review-bid.xml", false);
    decide(w, "60770152", 1, "FIN-SOLVABILITEIT", TND_DECISION_ACCEPT, day(2022, 8, 12));
    decide(w, "60770152", 3, "FIN-SOLVABILITEIT", TND_DECISION_ACCEPT, day(2022, 8, 12));
    tnd_round_problem p;
    assert_false(apply(w, 1, day(2022, 10, 3), &p));
    assert_int_equal(p.line, 3);
    assert_string_equal(p.message, "onbekende ronde 3");
    assert_int_equal(finding(&w->checks[i], "FIN-SOLVABILITEIT")->verdict, TND_REVIEW);
}

/* §4.1.4 L474-487: herstel is asked only for an item that is missing or not met; asked for an item
 * that passes, the row is refused with the verdicts herstel applies to. */
static void test_herstel_for_a_rule_that_passes_is_refused_naming_the_verdicts(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "01-p1-p6-granted-day-group-middel-bid.xml", false);
    decide(w, "60112841", 1, "VOLL-AGB", TND_DECISION_HERSTEL_ASKED, day(2022, 8, 1));
    tnd_round_problem p;
    assert_false(apply(w, 1, day(2022, 8, 10), &p));
    assert_int_equal(p.line, 2);
    assert_string_equal(p.message, "regel VOLL-AGB is voor KvK 60112841 in ronde 1 niet "
                                   "ONTBREEKT of VOLDOET NIET");
    assert_string_equal(p.hint, "herstel alleen voor een eis met oordeel ONTBREEKT of VOLDOET "
                                "NIET");
}

/* §4.1.4 L474-487: the herstel period runs from the request; an item restored before it was asked
 * for is a wrong date, refused, not applied. */
static void test_hersteld_dated_before_its_request_is_refused(void **state)
{
    world *w = *state;
    size_t i = add_bid(w, BIDS "06-p1-incomplete-missing-items-bid.xml", false);
    decide(w, "60664437", 1, "VOLL-AGB", TND_DECISION_HERSTEL_ASKED, day(2022, 8, 1));
    decide(w, "60664437", 1, "VOLL-AGB", TND_DECISION_HERSTELD, day(2022, 7, 29));
    tnd_round_problem p;
    assert_false(apply(w, 1, day(2022, 8, 10), &p));
    assert_int_equal(p.line, 3);
    assert_string_equal(p.message, "'hersteld' op 29-07-2022 ligt voor het verzoek (regel 2)");
    assert_string_equal(p.hint, "controleer de datums");
    assert_int_equal(finding(&w->checks[i], "VOLL-AGB")->verdict, TND_MISSING);
}

/* A definition without RES-HERSTEL-WERKDAGEN allows no herstel: such a row is refused. */
static void test_herstel_under_a_definition_without_herstel_is_refused(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "06-p1-incomplete-missing-items-bid.xml", false);
    w->def->rounds.has_herstel = false;
    decide(w, "60664437", 1, "VOLL-AGB", TND_DECISION_HERSTEL_ASKED, day(2022, 8, 1));
    tnd_round_problem p;
    assert_false(apply(w, 1, day(2022, 8, 10), &p));
    assert_string_equal(p.message, "de aanbestedingsdefinitie kent geen herstel");
    assert_string_equal(p.hint, "laat de regel weg");
}

/* A definition without RES-HERINSCHRIJVING: a failure in round 1 is final at once, on any lot,
 * and the text cites no re-submission source. */
static void test_round1_failure_under_a_definition_without_resubmission_is_final(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "08-p1-references-only-one-bid.xml", false);
    w->def->rounds.has_resubmission = false;
    settle(w, NULL, 1, day(2022, 8, 8));
    assert_false(w->pr.bidders[0].provisional[0]);
    assert_string_equal(w->pr.bidders[0].finality[0],
                        "definitief: perceel 1 kent geen herinschrijving");
}

/* §4.1.4 L474-487: a herstel request dated after the evaluation date does not yet exist for that
 * evaluation, so it keeps nothing open. */
static void test_herstel_asked_after_the_evaluation_date_keeps_nothing_open(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "08-p1-references-only-one-bid.xml", false);
    decide(w, "60883649", 1, "REF-REFERENTIES", TND_DECISION_HERSTEL_ASKED, day(2022, 9, 7));
    settle(w, NULL, 1, day(2022, 9, 6));
    assert_false(w->pr.bidders[0].provisional[0]);
    assert_string_equal(w->pr.bidders[0].finality[0],
                        "definitief: afgevallen voor perceel 1, "
                        "geen herinschrijving ontvangen voor 05-09-2022 12:00 "
                        "(RES-HERINSCHRIJVING)");
}

/* §4.1.4 L498-511: a round-1 decision about a bidder whose bid was replaced by a re-submission is
 * checked against that round-1 bid (a wrong row is still refused, naming its line) but changes
 * nothing in round 2: it is superseded. */
static void test_round1_decision_of_a_resubmitted_bidder_is_validated_but_superseded(void **state)
{
    world *w = *state;
    add_bid(w, BIDS "08-p1-references-only-one-bid.xml", false);
    size_t i = add_bid(w, ROUND2 "08-p1-references-resubmitted-bid.xml", true);
    const tnd_bid *bids[1] = { w->bids[i] };
    tnd_check_result *checks[1] = { &w->checks[i] };
    tnd_check_result *r1[1] = { &w->checks[0] };
    const bool resubmitted[1] = { true };
    tnd_round_view v = { .bids = bids,
                         .checks = checks,
                         .resubmitted = resubmitted,
                         .n = 1,
                         .round = 2,
                         .evaluation_date = day(2022, 9, 20) };
    tnd_round_problem p;
    /* REF-REFERENTIES failed in round 1: "akkoord" is for a BEOORDELEN only */
    decide(w, "60883649", 1, "REF-REFERENTIES", TND_DECISION_ACCEPT, day(2022, 8, 12));
    assert_false(tnd_rounds_apply_decisions(w->def, &w->ds, &v, r1, w->uses, &p));
    assert_int_equal(p.line, 2);
    assert_string_equal(p.message, "regel REF-REFERENTIES is voor KvK 60883649 in ronde 1 niet "
                                   "BEOORDELEN of PLAN VAN AANPAK");

    w->decisions[0].kind = TND_DECISION_HERSTEL_ASKED;
    assert_true(tnd_rounds_apply_decisions(w->def, &w->ds, &v, r1, w->uses, &p));
    assert_int_equal(w->uses[0], TND_DECISION_SUPERSEDED);
    assert_string_equal(tnd_decision_use_dutch(w->uses[0]), "vervallen door herinschrijving");
    assert_int_equal(finding(&w->checks[i], "REF-REFERENTIES")->verdict, TND_PASS);
    assert_int_equal(finding(&w->checks[0], "REF-REFERENTIES")->verdict, TND_FAIL);

    /* without the round-1 checks there is nothing to validate against: still superseded */
    w->decisions[0].kind = TND_DECISION_ACCEPT;
    assert_true(tnd_rounds_apply_decisions(w->def, &w->ds, &v, NULL, w->uses, &p));
    assert_int_equal(w->uses[0], TND_DECISION_SUPERSEDED);
    assert_int_equal(finding(&w->checks[i], "REF-REFERENTIES")->verdict, TND_PASS);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_round1_decision_of_a_resubmitted_bidder_is_validated_but_superseded),
        T(test_round1_failure_under_a_definition_without_resubmission_is_final),
        T(test_herstel_asked_after_the_evaluation_date_keeps_nothing_open),
        T(test_decision_for_round_3_is_refused_naming_the_line),
        T(test_herstel_for_a_rule_that_passes_is_refused_naming_the_verdicts),
        T(test_hersteld_dated_before_its_request_is_refused),
        T(test_herstel_under_a_definition_without_herstel_is_refused),
        T(test_herstel_term_of_5_working_days_from_a_friday_ends_next_friday),
        T(test_herstel_term_from_a_wednesday_skips_the_weekend),
        T(test_resubmission_exactly_at_12_00_is_on_time),
        T(test_resubmission_at_12_01_is_late),
        T(test_failed_resubmission_is_final_and_invalid),
        T(test_round1_failure_on_4_september_is_provisional),
        T(test_round1_failure_on_the_deadline_day_is_still_provisional),
        T(test_round1_failure_after_the_deadline_is_final),
        T(test_lot4_failure_is_final_without_herstel),
        T(test_lot4_failure_with_an_open_herstel_request_is_provisional),
        T(test_lot4_herstel_not_received_in_time_is_final),
        T(test_plan_set_aside_after_the_one_revision_is_final),
        T(test_open_herstel_keeps_a_lot1_failure_provisional_after_the_deadline),
        T(test_review_accepted_becomes_pass_and_the_lot_admitted),
        T(test_review_rejected_becomes_fail_and_the_lot_not_eligible),
        T(test_open_review_keeps_the_outcome_provisional_and_says_so),
        T(test_decision_dated_after_the_evaluation_is_not_yet_applied),
        T(test_decision_of_round_2_is_not_applied_in_round_1),
        T(test_decision_for_a_rule_that_passes_is_refused_naming_the_line),
        T(test_decision_for_an_unknown_kvk_is_refused),
        T(test_decision_for_an_unknown_rule_is_refused),
        T(test_herstel_on_the_last_working_day_cures_the_missing_items),
        T(test_herstel_one_day_after_the_term_stays_invalid),
        T(test_hersteld_without_a_request_is_refused),
        T(test_resubmission_of_a_dropped_bidder_is_matched),
        T(test_resubmission_of_an_admitted_bidder_is_refused),
        T(test_resubmission_with_lot_4_is_refused),
        T(test_second_resubmission_of_one_bidder_is_refused),
        T(test_resubmission_of_a_kvk_without_round_1_bid_is_refused),
        T(test_tie_settlement_carries_lot_kvk_and_decision_res_gelijke_stand),
        T(test_tie_decision_not_yet_taken_gives_no_settlement),
        T(test_tie_decision_for_a_tied_bidder_that_settles_the_tie_passes),
        T(test_tie_decision_on_a_lot_without_a_tie_is_refused),
        T(test_tie_decision_for_a_bidder_outside_the_tie_is_refused),
        T(test_tie_decisions_two_winners_for_one_place_name_both_lines),
        T(test_tie_decisions_two_winners_for_two_places_pass),
        T(test_tie_decision_for_one_of_two_places_is_refused),
        T(test_tie_decision_for_the_same_bidder_twice_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
