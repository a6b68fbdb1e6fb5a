/*
 * test_rules_lots.c - (issue 11) assignments above the lots (GRJR inkoopstrategie): the number of
 * contractors per assignment at and around its minimum and maximum (§3.2 L1203-1207, "gedacht
 * wordt aan 5-7 aanbieders"), the phase a result belongs to (§3.5 L1697-1769), the A/C
 * exclusivity (§3.4 L1586-1588) as a step-2 combination, the placeholders that stop an award,
 * the loader's refusals of an inconsistent <assignments>, and the built-in definitions by id.
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
#include "scoring/rules_lots.h"
#include "tender/definition.h"
#include "tender/embedded.h"

#define GRJR TND_SOURCE_DIR "/fixtures/tenders/grjr-2021.xml"

static char *read_grjr(void)
{
    FILE *f = fopen(GRJR, "rb");
    assert_non_null(f);
    char *buf = calloc(1, 1 << 17);
    assert_non_null(buf);
    size_t n = fread(buf, 1, (1 << 17) - 1, f);
    fclose(f);
    assert_true(n > 0);
    return buf;
}

/* The GRJR definition with `from` replaced by `to` (once; `from` must occur). */
static char *grjr_with(const char *from, const char *to)
{
    char *src = read_grjr();
    char *at = strstr(src, from);
    assert_non_null(at);
    size_t len = strlen(src) - strlen(from) + strlen(to) + 1;
    char *out = malloc(len);
    assert_non_null(out);
    snprintf(out, len, "%.*s%s%s", (int)(at - src), src, to, at + strlen(from));
    free(src);
    return out;
}

static tnd_status load_text(const char *text, tnd_definition **def, tnd_error *err)
{
    return tnd_definition_load_memory(text, strlen(text), "grjr-proef.xml", def, err);
}

static tnd_definition *load_grjr(void)
{
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load_file(GRJR, &def, &err), TND_OK);
    return def;
}

/* ------------------------------------------------------------------ the count at each bound */

static tnd_assignment grjr_a(bool refuses)
{
    tnd_assignment a;
    memset(&a, 0, sizeof a);
    snprintf(a.id, sizeof a.id, "A");
    a.has_count = true;
    snprintf(a.count_rule.id, sizeof a.count_rule.id, "OPDR-A-AANTAL");
    snprintf(a.count_rule.source, sizeof a.count_rule.source, "§3.2 L1203-1207");
    snprintf(a.count_rule.resolution, sizeof a.count_rule.resolution, "RES-A-AANTAL");
    a.min_contractors = 5;
    a.max_contractors = 7;
    a.below_minimum_refuses = refuses;
    return a;
}

/* §3.2 L1203 "5-7": 4 is one below the minimum; the document leaves it to the region */
static void test_count_4_below_minimum_5_is_provisional_review(void **state)
{
    (void)state;
    tnd_assignment a = grjr_a(false);
    char reason[TND_REASON_LEN];
    assert_int_equal(tnd_assignment_count_verdict(&a, 4, reason, sizeof reason), TND_REVIEW);
    assert_string_equal(reason, "opdracht A: 4 opdrachtnemers, minder dan het beoogde minimum van "
                                "5 (OPDR-A-AANTAL §3.2 L1203-1207): voorlopig, de regio beslist "
                                "volgens RES-A-AANTAL");
}

/* §3.2 L1203: the minimum itself is within "5-7" (>= 5, not > 5) */
static void test_count_exactly_5_at_minimum_passes(void **state)
{
    (void)state;
    tnd_assignment a = grjr_a(false);
    char reason[TND_REASON_LEN];
    assert_int_equal(tnd_assignment_count_verdict(&a, 5, reason, sizeof reason), TND_PASS);
    assert_string_equal(reason, "opdracht A: 5 opdrachtnemers, binnen 5-7 (OPDR-A-AANTAL §3.2 "
                                "L1203-1207)");
}

/* §3.2 L1203: the maximum itself is within "5-7" (<= 7) */
static void test_count_exactly_7_at_maximum_passes(void **state)
{
    (void)state;
    tnd_assignment a = grjr_a(false);
    char reason[TND_REASON_LEN];
    assert_int_equal(tnd_assignment_count_verdict(&a, 7, reason, sizeof reason), TND_PASS);
}

static void test_count_8_above_maximum_7_is_review(void **state)
{
    (void)state;
    tnd_assignment a = grjr_a(false);
    char reason[TND_REASON_LEN];
    assert_int_equal(tnd_assignment_count_verdict(&a, 8, reason, sizeof reason), TND_REVIEW);
    assert_string_equal(reason, "opdracht A: 8 opdrachtnemers, boven het maximum van 7 "
                                "(OPDR-A-AANTAL §3.2 L1203-1207): beoordelen");
}

/* below-minimum="refuse": a binding minimum is FAIL ("niet gunnen"), 5 still passes */
static void test_count_4_below_binding_minimum_fails_5_passes(void **state)
{
    (void)state;
    tnd_assignment a = grjr_a(true);
    char reason[TND_REASON_LEN];
    assert_int_equal(tnd_assignment_count_verdict(&a, 4, reason, sizeof reason), TND_FAIL);
    assert_string_equal(reason, "opdracht A: 4 opdrachtnemers, onder het minimum van 5 "
                                "(OPDR-A-AANTAL §3.2 L1203-1207): niet gunnen");
    assert_int_equal(tnd_assignment_count_verdict(&a, 5, reason, sizeof reason), TND_PASS);
    assert_int_equal(tnd_assignment_count_verdict(&a, 0, reason, sizeof reason), TND_FAIL);
}

/* A bidder granted on two lots of one assignment is one contractor; a lot outside the
 * assignment, and statuses other than GEGUND/TOEGELATEN, do not count. */
static void test_counts_distinct_bidders_over_the_lots_of_an_assignment(void **state)
{
    (void)state;
    tnd_definition def;
    memset(&def, 0, sizeof def);
    tnd_assignment b = grjr_a(false);
    snprintf(b.id, sizeof b.id, "B");
    b.lots[0] = 2, b.lots[1] = 3, b.n_lots = 2;
    b.min_contractors = 2, b.max_contractors = 0;
    def.assignments = &b;
    def.n_assignments = 1;
    tnd_bid bids[3];
    memset(bids, 0, sizeof bids);
    snprintf(bids[0].bidder.kvk, sizeof bids[0].bidder.kvk, "61000004");
    snprintf(bids[1].bidder.kvk, sizeof bids[1].bidder.kvk, "61000005");
    snprintf(bids[2].bidder.kvk, sizeof bids[2].bidder.kvk, "61000007");
    tnd_award_entry l2[2] = { { .bid = &bids[0], .status = TND_AWARD_GRANTED },
                              { .bid = &bids[1], .status = TND_AWARD_SET_ASIDE } };
    tnd_award_entry l3[1] = { { .bid = &bids[0], .status = TND_AWARD_GRANTED } };
    tnd_award_entry l7[1] = { { .bid = &bids[2], .status = TND_AWARD_ADMITTED } };
    tnd_lot_award lots[3] = { { .lot = 2, .entries = l2, .n_entries = 2 },
                              { .lot = 3, .entries = l3, .n_entries = 1 },
                              { .lot = 7, .entries = l7, .n_entries = 1 } };
    tnd_evaluation ev;
    memset(&ev, 0, sizeof ev);
    ev.lots = lots;
    ev.n_lots = 3;
    tnd_assignment_count c[2];
    assert_int_equal(tnd_assignment_counts(&def, &ev, c, 2), 1);
    assert_int_equal(c[0].n_contractors, 1);
    assert_int_equal(c[0].verdict, TND_REVIEW); /* 1 < minimum 2 */
    /* the set-aside bidder is granted after all: 2 contractors, at the minimum */
    l2[1].status = TND_AWARD_GRANTED;
    assert_int_equal(tnd_assignment_counts(&def, &ev, c, 2), 1);
    assert_int_equal(c[0].n_contractors, 2);
    assert_int_equal(c[0].verdict, TND_PASS);
    /* a definition without assignments counts nothing (IJsselland) */
    def.n_assignments = 0;
    assert_int_equal(tnd_assignment_counts(&def, &ev, c, 2), 0);
}

/* Operations of counting assignment A (lots 2, 3, 7) when each of n bidders is GEGUND on all
 * three lots and n more are NIET GEGUND on lot 2: the contractors must be n. */
static unsigned long long count_ops(size_t n)
{
    tnd_definition def;
    memset(&def, 0, sizeof def);
    tnd_assignment a = grjr_a(false);
    a.lots[0] = 2, a.lots[1] = 3, a.lots[2] = 7, a.n_lots = 3;
    a.min_contractors = 1, a.max_contractors = 0;
    def.assignments = &a;
    def.n_assignments = 1;
    tnd_bid *bids = calloc(2 * n, sizeof *bids);
    tnd_award_entry *entries = calloc(5 * n, sizeof *entries);
    assert_non_null(bids);
    assert_non_null(entries);
    tnd_lot_award lots[3];
    memset(lots, 0, sizeof lots);
    for (int l = 0; l < 3; l++) {
        lots[l].lot = a.lots[l];
        lots[l].entries = entries + (size_t)l * 2 * n;
    }
    /* lot 3 lists the bidders from the last to the first: the count does not rely on order */
    for (size_t b = 0; b < 2 * n; b++) {
        snprintf(bids[b].bidder.kvk, sizeof bids[b].bidder.kvk, "%08zu", 10000000 + b);
        lots[0].entries[lots[0].n_entries++] =
            (tnd_award_entry){ .bid = &bids[b],
                               .status = b < n ? TND_AWARD_GRANTED : TND_AWARD_NOT_RANKED };
    }
    for (size_t b = n; b-- > 0;)
        lots[1].entries[lots[1].n_entries++] =
            (tnd_award_entry){ .bid = &bids[b], .status = TND_AWARD_GRANTED };
    for (size_t b = 0; b < n; b++)
        lots[2].entries[lots[2].n_entries++] =
            (tnd_award_entry){ .bid = &bids[b], .status = TND_AWARD_ADMITTED };
    tnd_evaluation ev;
    memset(&ev, 0, sizeof ev);
    ev.lots = lots;
    ev.n_lots = 3;
    tnd_assignment_count c;
    assert_int_equal(tnd_assignment_counts(&def, &ev, &c, 1), 1);
    assert_int_equal(c.n_contractors, (int)n);
    assert_int_equal(c.verdict, TND_PASS);
    free(entries);
    free(bids);
    return c.operations;
}

/* issue 9: the contractors of an assignment are counted in linear steps, each of the 4n entries
 * looked at once and each of the 3n placed bidders' KvK numbers compared once after sorting.
 * The scan this replaced compared every placed entry with every one before it: 1.5 million
 * steps at n = 1,000. */
static void test_count_of_contractors_grows_linearly(void **state)
{
    (void)state;
    assert_int_equal(count_ops(1000), 4 * 1000 + 3 * 1000);
    assert_int_equal(count_ops(8000), 4 * 8000 + 3 * 8000);
}

/* ------------------------------------------------------------------ the GRJR definition */

static void test_grjr_assignments_lots_phases_and_count(void **state)
{
    (void)state;
    tnd_definition *def = load_grjr();
    assert_int_equal(def->n_lots, 7);
    assert_int_equal(def->n_assignments, 3);
    const tnd_assignment *a = tnd_definition_assignment_of(def, 1);
    assert_non_null(a);
    assert_string_equal(a->id, "A");
    assert_string_equal(a->procedure, "SAS-3");
    assert_int_equal(a->min_contractors, 5);
    assert_int_equal(a->max_contractors, 7);
    assert_false(a->below_minimum_refuses);
    assert_string_equal(a->count_rule.id, "OPDR-A-AANTAL");
    assert_string_equal(a->count_rule.source, "§3.2 L1203-1207");
    /* SAS 3: the result of an evaluation is the selection, the dialogue follows (§3.5 L1723) */
    assert_int_equal(a->n_phases, 2);
    assert_string_equal(tnd_assignment_result_phase(a)->id, "selectie");
    assert_int_equal(a->phases[1].kind, TND_PHASE_DIALOGUE);
    for (int lot = 2; lot <= 6; lot++)
        assert_string_equal(tnd_definition_assignment_of(def, lot)->id, "B");
    const tnd_assignment *c = tnd_definition_assignment_of(def, 7);
    assert_string_equal(c->id, "C");
    assert_int_equal(tnd_assignment_result_phase(c)->kind, TND_PHASE_ADMISSION);
    assert_string_equal(tnd_phase_kind_dutch(TND_PHASE_ADMISSION), "toelating");
    assert_null(tnd_definition_assignment_of(def, 8));
    /* a ranked lot A awards at most the assignment's maximum */
    assert_int_equal(tnd_definition_award(def, 1)->max_awarded, 7);
    tnd_definition_free(def);
}

/* §3.4 L1586-1588: <exclusive assignments="A C"> is the step-2 combination "at most one of
 * lots 1 and 7", with the rule's own id and source; A with B is allowed, not a combination. */
static void test_grjr_a_c_exclusive_is_at_most_one_of_lots_1_and_7(void **state)
{
    (void)state;
    tnd_definition *def = load_grjr();
    const tnd_combo_rule *x = NULL;
    for (size_t i = 0; i < def->n_combo_rules; i++)
        if (strcmp(def->combo_rules[i].ref.id, "OPDR-NIET-A-EN-C") == 0) {
            assert_null(x);
            x = &def->combo_rules[i];
        }
    assert_non_null(x);
    assert_int_equal(x->kind, TND_COMBO_AT_MOST);
    assert_int_equal(x->count, 1);
    assert_int_equal(x->n_lots, 2);
    assert_int_equal(x->lots[0], 1);
    assert_int_equal(x->lots[1], 7);
    assert_string_equal(x->ref.source, "§3.4 L1586-1588");
    assert_int_equal(def->n_assignment_pairs, 2);
    assert_false(def->assignment_pairs[1].exclusive);
    assert_string_equal(def->assignment_pairs[1].ref.id, "OPDR-A-OOK-B");
    tnd_definition_free(def);
}

/* Open criteria and weights: one placeholder per scored lot, each with its definition line. */
static void test_grjr_placeholders_name_lot_and_line(void **state)
{
    (void)state;
    tnd_definition *def = load_grjr();
    assert_int_equal(def->n_placeholders, 6);
    assert_string_equal(def->placeholders[0].ref.id, "OPEN-A-CRITERIA");
    assert_int_equal(def->placeholders[0].lot, 1);
    assert_int_equal(def->placeholders[0].line, 120);
    assert_string_equal(def->placeholders[5].ref.id, "OPEN-B5-CRITERIA");
    assert_int_equal(def->placeholders[5].lot, 6);
    tnd_definition_free(def);
}

/* ------------------------------------------------------------------ the loader refuses */

static void expect_refused(const char *from, const char *to, tnd_status code, const char *msg)
{
    char *text = grjr_with(from, to);
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load_text(text, &def, &err), code);
    assert_null(def);
    if (!strstr(err.message, msg))
        fail_msg("message \"%s\" lacks \"%s\"", err.message, msg);
    assert_true(err.line > 0);
    free(text);
}

static void test_refuses_a_lot_in_two_assignments(void **state)
{
    (void)state;
    expect_refused("lots=\"7\" source=\"§3.2 L1182-1184", "lots=\"6 7\" source=\"§3.2 L1182-1184",
                   TND_ERR_DEFINITION, "perceel 6 staat al in opdracht B");
}

static void test_refuses_exclusive_naming_an_unknown_assignment(void **state)
{
    (void)state;
    expect_refused("assignments=\"A C\"", "assignments=\"A D\"", TND_ERR_DEFINITION,
                   "assignments moet twee bestaande, verschillende opdrachten noemen");
}

static void test_refuses_the_same_pair_exclusive_and_combinable(void **state)
{
    (void)state;
    expect_refused("assignments=\"A B\"", "assignments=\"C A\"", TND_ERR_DEFINITION,
                   "uitgesloten en toegestaan tegelijk");
}

static void test_refuses_minimum_above_maximum(void **state)
{
    (void)state;
    expect_refused("min=\"5\" max=\"7\"", "min=\"8\" max=\"7\"", TND_ERR_DEFINITION,
                   "minimum 8 opdrachtnemers is groter dan het maximum 7");
}

static void test_refuses_max_awarded_above_the_assignment_maximum(void **state)
{
    (void)state;
    expect_refused("max-awarded=\"7\"", "max-awarded=\"8\"", TND_ERR_DEFINITION,
                   "perceel 1 gunt maximaal 8, meer dan het maximum van 7 opdrachtnemers");
}

static void test_refuses_unknown_procedure_resolution(void **state)
{
    (void)state;
    expect_refused("procedure-resolution=\"RES-C-SAS\"", "procedure-resolution=\"RES-X\"",
                   TND_ERR_DEFINITION, "opdracht C noemt resolutie 'RES-X', die niet bestaat");
}

/* ------------------------------------------------------------------ built in by id */

static void test_every_built_in_definition_loads_by_its_own_id(void **state)
{
    (void)state;
    assert_true(tnd_embedded_tenders_count >= 3);
    for (size_t i = 0; i < tnd_embedded_tenders_count; i++) {
        tnd_error err;
        tnd_definition *def = NULL;
        char name[128];
        assert_int_equal(tnd_definition_load(tnd_embedded_tenders[i].id, &def, &err), TND_OK);
        snprintf(name, sizeof name, "(ingebouwd) %s.xml", tnd_embedded_tenders[i].id);
        assert_string_equal(def->file, name);
        /* the id a user types is the id bids name: file name = <meta><id> */
        assert_string_equal(def->id, tnd_embedded_tenders[i].id);
        assert_true(tnd_definition_rules(def, NULL, 0) > 0);
        tnd_definition_free(def);
        if (i)   /* sorted by id: the order of `tender tenders` */
            assert_true(strcmp(tnd_embedded_tenders[i - 1].id, tnd_embedded_tenders[i].id) < 0);
    }
    assert_non_null(tnd_definition_builtin("grjr-2021"));
    assert_null(tnd_definition_builtin("grjr"));
}

static void test_unknown_id_is_refused_listing_the_built_in_ids(void **state)
{
    (void)state;
    tnd_error err;
    tnd_definition *def = (tnd_definition *)1;
    assert_int_equal(tnd_definition_load("grjr-2042", &def, &err), TND_ERR_USAGE);
    assert_null(def);
    assert_non_null(strstr(err.message, "(ingebouwd: grjr-2021, "));
    assert_non_null(strstr(err.message, ", ijsselland-2023"));
    assert_non_null(strstr(err.message, ", regio-voorbeeld-2024)"));
    /* a path (with '/' or '.') that does not exist stays an I/O error of that file */
    assert_int_equal(tnd_definition_load("/nonexistent/grjr-2021", &def, &err), TND_ERR_IO);
    assert_int_equal(tnd_definition_load("grjr-2021.xml", &def, &err), TND_ERR_IO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_4_below_minimum_5_is_provisional_review),
        cmocka_unit_test(test_count_exactly_5_at_minimum_passes),
        cmocka_unit_test(test_count_exactly_7_at_maximum_passes),
        cmocka_unit_test(test_count_8_above_maximum_7_is_review),
        cmocka_unit_test(test_count_4_below_binding_minimum_fails_5_passes),
        cmocka_unit_test(test_counts_distinct_bidders_over_the_lots_of_an_assignment),
        cmocka_unit_test(test_count_of_contractors_grows_linearly),
        cmocka_unit_test(test_grjr_assignments_lots_phases_and_count),
        cmocka_unit_test(test_grjr_a_c_exclusive_is_at_most_one_of_lots_1_and_7),
        cmocka_unit_test(test_grjr_placeholders_name_lot_and_line),
        cmocka_unit_test(test_refuses_a_lot_in_two_assignments),
        cmocka_unit_test(test_refuses_exclusive_naming_an_unknown_assignment),
        cmocka_unit_test(test_refuses_the_same_pair_exclusive_and_combinable),
        cmocka_unit_test(test_refuses_minimum_above_maximum),
        cmocka_unit_test(test_refuses_max_awarded_above_the_assignment_maximum),
        cmocka_unit_test(test_refuses_unknown_procedure_resolution),
        cmocka_unit_test(test_every_built_in_definition_loads_by_its_own_id),
        cmocka_unit_test(test_unknown_id_is_refused_listing_the_built_in_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
