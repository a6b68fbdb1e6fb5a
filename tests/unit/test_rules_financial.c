/*
 * test_rules_financial.c - financial suitability (§5.3.1 L1338-1393): the three norms per year,
 * the count of failed years per norm, going concern, start-ups and the plan of approach.
 *
 * The definition is built here as fixtures/tenders/ijsselland-2023.xml holds it (labels with their
 * formula included, digest §4): rentabiliteit
 * resultaat / omzet > 1,50% over 2019-2023 (forecasts included), solvabiliteit eigen vermogen /
 * activa > 20,0% and current ratio (vlottende activa + liquide middelen) / kortlopende schulden > 1
 * over 2019-2021; bands 0-1 failed years PASS, 2 REVIEW, 3+ PLAN REQUIRED. Amounts are cents.
 * The healthy bid has rentabiliteit 5%, solvabiliteit 40% and current ratio 2 in every year.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/check_internal.h"

enum { RESULTAAT, OMZET, EIGEN_VERMOGEN, ACTIVA, VLOTTENDE_ACTIVA, LIQUIDE_MIDDELEN,
       KORTLOPENDE_SCHULDEN, N_ITEMS };
enum { RENTABILITEIT, SOLVABILITEIT, CURRENT_RATIO, N_NORMS };

typedef struct {
    tnd_definition def;
    tnd_bid bid;
    tnd_figure figures[64];
    tnd_check_result r;
} fixture;

static void ref(tnd_rule_ref *r, const char *id, const char *source, const char *label)
{
    snprintf(r->id, sizeof r->id, "%s", id);
    snprintf(r->source, sizeof r->source, "%s", source);
    snprintf(r->label, sizeof r->label, "%s", label);
}

static void item(tnd_fin_item *it, const char *id, const char *label, int first, int last)
{
    snprintf(it->id, sizeof it->id, "%s", id);
    snprintf(it->label, sizeof it->label, "%s", label);
    for (int y = first; y <= last; y++)
        it->years[it->n_years++] = y;
}

static void norm(tnd_fin_norm *n, const char *id, const char *label, int num0, int num1, int den,
                 int64_t threshold_units, bool percent, int places, int first, int last,
                 tnd_degenerate_rule degenerate)
{
    ref(&n->ref, id, "§5.3.1 L1350-1362", label);
    n->num_items[n->n_num++] = num0;
    if (num1 >= 0)
        n->num_items[n->n_num++] = num1;
    n->den_items[n->n_den++] = den;
    n->op = TND_OP_GT;
    n->threshold.units = threshold_units;
    n->percent = percent;
    n->display_places = places;
    for (int y = first; y <= last; y++)
        n->years[n->n_years++] = y;
    n->degenerate = degenerate;
}

static void build_definition(tnd_definition *def)
{
    tnd_financial_rules *f = &def->financial;
    ref(&f->ref, "FIN", "§5.3.1 L1338-1393", "Financiële draagkracht");
    item(&f->items[RESULTAAT], "resultaat", "Resultaat", 2019, 2023);
    item(&f->items[OMZET], "omzet", "Omzet", 2019, 2023);
    item(&f->items[EIGEN_VERMOGEN], "eigen-vermogen", "Totaal eigen vermogen", 2019, 2021);
    item(&f->items[ACTIVA], "activa", "Totaal activa", 2019, 2021);
    item(&f->items[VLOTTENDE_ACTIVA], "vlottende-activa", "Totaal vlottende activa", 2019, 2021);
    item(&f->items[LIQUIDE_MIDDELEN], "liquide-middelen", "Liquide middelen", 2019, 2021);
    item(&f->items[KORTLOPENDE_SCHULDEN], "kortlopende-schulden",
         "Totaal overige kortlopende schulden", 2019, 2021);
    f->n_items = N_ITEMS;
    /* 0,015 = 1,50%; 0,2 = 20,0%; 1 */
    norm(&f->norms[RENTABILITEIT], "FIN-RENTABILITEIT", "Rentabiliteit (resultaat / omzet)",
         RESULTAAT, -1, OMZET, 15000, true, 2, 2019, 2023, TND_DEGENERATE_NOT_MET);
    norm(&f->norms[SOLVABILITEIT], "FIN-SOLVABILITEIT",
         "Solvabiliteit (totaal eigen vermogen / totaal activa)", EIGEN_VERMOGEN, -1, ACTIVA,
         200000, true, 1, 2019, 2021, TND_DEGENERATE_NOT_MET);
    norm(&f->norms[CURRENT_RATIO], "FIN-CURRENT-RATIO",
         "Current ratio ((totaal vlottende activa + liquide middelen) / totaal overige "
         "kortlopende schulden)",
         VLOTTENDE_ACTIVA, LIQUIDE_MIDDELEN, KORTLOPENDE_SCHULDEN, 1000000, false, 2, 2019, 2021,
         TND_DEGENERATE_MET_IF_POSITIVE);
    f->n_norms = N_NORMS;
    ref(&f->year_rule, "FIN-JAREN", "§5.3.1 L1371-1378", "Per norm, niet per kalenderjaar");
    f->bands[0] = (tnd_year_band){ 0, 1, TND_PASS };
    f->bands[1] = (tnd_year_band){ 2, 2, TND_REVIEW };
    f->bands[2] = (tnd_year_band){ 3, -1, TND_PLAN_REQUIRED };
    f->n_bands = 3;
    ref(&f->going_concern, "FIN-CONTINUITEIT", "§5.3.1 L1380-1384", "Continuïteitsverwachting");
    f->going_concern_year = 2021;
    f->going_concern_verdict = TND_PLAN_REQUIRED;
    ref(&f->startup, "FIN-STARTER", "§5.3.1 L1386-1389", "Startende organisatie");
    f->startup_verdict = TND_REVIEW;
    ref(&f->plan, "FIN-PLAN", "§5.3.1 L1391-1393", "Aanvullend plan van aanpak");
}

/* Sets (or adds) one figure of the bid. */
static void set_figure(fixture *fx, int item_index, int year, tnd_cents amount)
{
    const char *id = fx->def.financial.items[item_index].id;
    for (size_t i = 0; i < fx->bid.n_figures; i++)
        if (fx->figures[i].year == year && strcmp(fx->figures[i].item, id) == 0) {
            fx->figures[i].amount = amount;
            return;
        }
    tnd_figure *f = &fx->figures[fx->bid.n_figures++];
    memcpy(f->item, id, strlen(id) + 1); /* both TND_CODE_LEN */
    f->year = year;
    f->amount = amount;
}

/* Removes one figure from the bid. */
static void drop_figure(fixture *fx, int item_index, int year)
{
    const char *id = fx->def.financial.items[item_index].id;
    for (size_t i = 0; i < fx->bid.n_figures; i++)
        if (fx->figures[i].year == year && strcmp(fx->figures[i].item, id) == 0) {
            fx->figures[i] = fx->figures[--fx->bid.n_figures];
            return;
        }
}

/* Every required figure, healthy: 5% rentabiliteit, 40% solvabiliteit, current ratio 2. */
static void healthy_figures(fixture *fx)
{
    for (int y = 2019; y <= 2023; y++) {
        set_figure(fx, RESULTAAT, y, 5000000);
        set_figure(fx, OMZET, y, 100000000);
    }
    for (int y = 2019; y <= 2021; y++) {
        set_figure(fx, EIGEN_VERMOGEN, y, 40000000);
        set_figure(fx, ACTIVA, y, 100000000);
        set_figure(fx, VLOTTENDE_ACTIVA, y, 30000000);
        set_figure(fx, LIQUIDE_MIDDELEN, y, 10000000);
        set_figure(fx, KORTLOPENDE_SCHULDEN, y, 20000000);
    }
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    build_definition(&fx->def);
    snprintf(fx->bid.bidder.name, sizeof fx->bid.bidder.name, "Jeugdzorg De Brug B.V.");
    fx->bid.figures = fx->figures;
    fx->bid.has_financials = true;
    fx->bid.has_going_concern = true;
    healthy_figures(fx);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    tnd_check_result_free(&fx->r);
    free(fx);
    return 0;
}

static void run(fixture *fx)
{
    tnd_rules_financial(&fx->def, &fx->bid, &fx->r);
    assert_false(fx->r.out_of_memory);
}

/* The finding of rule `id` about `subject` (lot -1: a year row, lot 0: a summary). */
static const tnd_finding *find(const fixture *fx, const char *id, int lot, const char *subject)
{
    for (size_t i = 0; i < fx->r.n_findings; i++) {
        const tnd_finding *f = &fx->r.findings[i];
        if (strcmp(f->rule_id, id) == 0 && f->lot == lot && strcmp(f->subject, subject) == 0)
            return f;
    }
    fail_msg("no finding %s lot %d subject %s", id, lot, subject);
    return NULL;
}

static size_t count_rule(const fixture *fx, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < fx->r.n_findings; i++)
        n += strcmp(fx->r.findings[i].rule_id, id) == 0;
    return n;
}

/* ------------------------------------------------------------------ thresholds, exact */

static void test_solvency_exactly_20_percent_fails_that_year(void **state)
{
    fixture *fx = *state;
    set_figure(fx, EIGEN_VERMOGEN, 2020, 20000000); /* € 200.000,00 / € 1.000.000,00 */
    run(fx);
    /* §5.3.1 L1357: strict > 20,0% */
    const tnd_finding *y = find(fx, "FIN-SOLVABILITEIT", -1, "2020");
    assert_int_equal(y->verdict, TND_FAIL);
    assert_int_equal(y->step, 2);
    assert_string_equal(y->found, "20,0%");
    assert_string_equal(y->norm, "> 20,0%");
    assert_string_equal(y->reason,
                        "solvabiliteit 2020 is 20,0%; norm > 20,0% (strikt): niet voldaan");
    assert_string_equal(y->source, "§5.3.1 L1350-1362");
    const tnd_finding *s = find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021");
    assert_int_equal(s->verdict, TND_PASS);
    assert_string_equal(s->found, "1 jaar niet voldaan (2020)");
}

static void test_solvency_20_0001_percent_passes_and_shows_the_decimals_that_decide(void **state)
{
    fixture *fx = *state;
    set_figure(fx, EIGEN_VERMOGEN, 2021, 200001); /* € 2.000,01 / € 10.000,00 = 20,0001% */
    set_figure(fx, ACTIVA, 2021, 1000000);
    run(fx);
    /* §5.3.1 L1357: strict > 20,0%; one cent above passes */
    const tnd_finding *y = find(fx, "FIN-SOLVABILITEIT", -1, "2021");
    assert_int_equal(y->verdict, TND_PASS);
    assert_string_equal(y->found, "20,0001%");
    assert_string_equal(y->reason,
                        "solvabiliteit 2021 is 20,0001%; norm > 20,0% (strikt): voldaan");
}

static void test_solvency_below_norm_rounds_to_one_decimal(void **state)
{
    fixture *fx = *state;
    set_figure(fx, EIGEN_VERMOGEN, 2019, 19750000); /* 19,75% shows as 19,8% */
    run(fx);
    const tnd_finding *y = find(fx, "FIN-SOLVABILITEIT", -1, "2019");
    assert_int_equal(y->verdict, TND_FAIL);
    assert_string_equal(y->found, "19,8%");
}

static void test_rentabiliteit_exactly_1_50_percent_fails(void **state)
{
    fixture *fx = *state;
    set_figure(fx, RESULTAAT, 2019, 1500000); /* € 15.000,00 / € 1.000.000,00 */
    run(fx);
    /* §5.3.1 L1354: strict > 1,50% */
    const tnd_finding *y = find(fx, "FIN-RENTABILITEIT", -1, "2019");
    assert_int_equal(y->verdict, TND_FAIL);
    assert_string_equal(y->found, "1,50%");
    assert_string_equal(y->norm, "> 1,50%");
    assert_string_equal(y->reason,
                        "rentabiliteit 2019 is 1,50%; norm > 1,50% (strikt): niet voldaan");
}

static void test_rentabiliteit_one_cent_above_1_50_percent_passes(void **state)
{
    fixture *fx = *state;
    set_figure(fx, RESULTAAT, 2019, 1500001); /* 1,500001% */
    run(fx);
    /* §5.3.1 L1354: strict > 1,50% */
    const tnd_finding *y = find(fx, "FIN-RENTABILITEIT", -1, "2019");
    assert_int_equal(y->verdict, TND_PASS);
    assert_string_equal(y->found, "1,500001%");
}

static void test_negative_result_shows_a_negative_percentage(void **state)
{
    fixture *fx = *state;
    set_figure(fx, RESULTAAT, 2020, -2345000); /* -2,345% rounds away from zero */
    run(fx);
    const tnd_finding *y = find(fx, "FIN-RENTABILITEIT", -1, "2020");
    assert_int_equal(y->verdict, TND_FAIL);
    assert_string_equal(y->found, "-2,35%");
}

static void test_current_ratio_exactly_1_fails(void **state)
{
    fixture *fx = *state;
    set_figure(fx, VLOTTENDE_ACTIVA, 2021, 15000000); /* 150.000 + 50.000 = 200.000 schulden */
    set_figure(fx, LIQUIDE_MIDDELEN, 2021, 5000000);
    run(fx);
    /* §5.3.1 L1361: (vlottende activa + liquide middelen) / schulden, strict > 1 */
    const tnd_finding *y = find(fx, "FIN-CURRENT-RATIO", -1, "2021");
    assert_int_equal(y->verdict, TND_FAIL);
    assert_string_equal(y->found, "1,00");
    assert_string_equal(y->norm, "> 1,00");
    assert_string_equal(y->reason,
                        "current ratio 2021 is 1,00; norm > 1,00 (strikt): niet voldaan");
}

static void test_current_ratio_adds_liquid_assets_as_written(void **state)
{
    fixture *fx = *state;
    set_figure(fx, VLOTTENDE_ACTIVA, 2021, 15000000); /* 150.000 + 50.001 > 200.000 */
    set_figure(fx, LIQUIDE_MIDDELEN, 2021, 5000100);
    run(fx);
    /* §5.3.1 L1361 as written: the liquid assets are added to the current assets */
    const tnd_finding *y = find(fx, "FIN-CURRENT-RATIO", -1, "2021");
    assert_int_equal(y->verdict, TND_PASS);
    assert_string_equal(y->found, "1,00001");
}

static void test_current_ratio_with_zero_debts_and_positive_assets_is_met_as_infinite(void **state)
{
    fixture *fx = *state;
    set_figure(fx, KORTLOPENDE_SCHULDEN, 2020, 0);
    run(fx);
    /* §5.3.1 resolution: schulden 0 with a positive numerator => met (infinite) */
    const tnd_finding *y = find(fx, "FIN-CURRENT-RATIO", -1, "2020");
    assert_int_equal(y->verdict, TND_PASS);
    assert_string_equal(y->found, "oneindig");
    assert_string_equal(y->reason,
                        "current ratio 2020 is oneindig (totaal overige kortlopende schulden 0, "
                        "teller positief); norm > 1,00 (strikt): voldaan");
}

static void test_current_ratio_with_zero_debts_and_zero_assets_is_not_met(void **state)
{
    fixture *fx = *state;
    set_figure(fx, KORTLOPENDE_SCHULDEN, 2020, 0);
    set_figure(fx, VLOTTENDE_ACTIVA, 2020, 0);
    set_figure(fx, LIQUIDE_MIDDELEN, 2020, 0);
    run(fx);
    /* §5.3.1 resolution: 0 / 0 cannot be computed: not met */
    const tnd_finding *y = find(fx, "FIN-CURRENT-RATIO", -1, "2020");
    assert_int_equal(y->verdict, TND_FAIL);
    assert_string_equal(y->found, "niet te berekenen");
    assert_string_equal(y->reason,
                        "current ratio 2020 niet te berekenen: totaal overige kortlopende "
                        "schulden 0 en teller <= 0; geteld als niet voldaan");
}

static void test_omzet_zero_counts_as_not_met_and_is_flagged(void **state)
{
    fixture *fx = *state;
    set_figure(fx, OMZET, 2021, 0);
    run(fx);
    /* §5.3.1 resolution: omzet <= 0 => not computable, counted as not met, flagged */
    const tnd_finding *y = find(fx, "FIN-RENTABILITEIT", -1, "2021");
    assert_int_equal(y->verdict, TND_FAIL);
    assert_string_equal(y->found, "niet te berekenen");
    assert_string_equal(y->reason, "rentabiliteit 2021 niet te berekenen: omzet <= 0; geteld als "
                                   "niet voldaan");
    const tnd_finding *s = find(fx, "FIN-RENTABILITEIT", 0, "2019-2023");
    assert_string_equal(s->found, "1 jaar niet voldaan (2021)");
}

/* ------------------------------------------------------------------ counting years per norm */

static void test_healthy_bid_passes_every_norm_without_plan_finding(void **state)
{
    fixture *fx = *state;
    fx->bid.financial_plan = TND_PLAN_ACCEPTED; /* not asked for: no plan finding */
    run(fx);
    /* 5 + 3 + 3 year rows, 3 summaries, going concern */
    assert_int_equal(fx->r.n_findings, 15);
    const tnd_finding *s = find(fx, "FIN-RENTABILITEIT", 0, "2019-2023");
    assert_int_equal(s->verdict, TND_PASS);
    assert_string_equal(s->found, "alle jaren voldaan");
    assert_string_equal(s->norm, "> 1,50%");
    assert_string_equal(s->reason, "rentabiliteit: alle jaren voldaan; norm elk jaar voldaan "
                                   "(per norm, §5.3.1 L1371-1378)");
    assert_int_equal(count_rule(fx, "FIN-PLAN"), 0);
}

static void test_one_norm_failing_in_one_year_passes(void **state)
{
    fixture *fx = *state;
    set_figure(fx, EIGEN_VERMOGEN, 2019, 10000000);
    run(fx);
    /* §5.3.1 L1373: "per norm 1 jaar niet voldoet heeft dat geen gevolgen" */
    const tnd_finding *s = find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021");
    assert_int_equal(s->verdict, TND_PASS);
    assert_int_equal(s->step, 2);
    assert_string_equal(s->reason, "solvabiliteit: 1 jaar niet voldaan (2019); 1 jaar niet "
                                   "voldoen heeft geen gevolgen (per norm, §5.3.1 L1371-1378)");
    assert_int_equal(tnd_findings_worst(&fx->r, 3, true), TND_PASS);
}

static void test_one_norm_failing_in_two_years_is_review(void **state)
{
    fixture *fx = *state;
    set_figure(fx, EIGEN_VERMOGEN, 2019, 10000000);
    set_figure(fx, EIGEN_VERMOGEN, 2021, 20000000);
    run(fx);
    /* §5.3.1 L1374-1376: 2 years => Opdrachtgever judges whether a plan is needed */
    const tnd_finding *s = find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021");
    assert_int_equal(s->verdict, TND_REVIEW);
    assert_string_equal(s->found, "2 jaren niet voldaan (2019, 2021)");
    assert_string_equal(s->reason, "solvabiliteit: 2 jaren niet voldaan (2019, 2021); "
                                   "opdrachtgever beoordeelt of een aanvullend plan van aanpak "
                                   "nodig is (per norm, §5.3.1 L1371-1378)");
}

static void test_one_norm_failing_in_three_years_requires_plan(void **state)
{
    fixture *fx = *state;
    for (int y = 2019; y <= 2021; y++)
        set_figure(fx, KORTLOPENDE_SCHULDEN, y, 50000000);
    run(fx);
    /* §5.3.1 L1377-1378: 3 years => aanvullend plan van aanpak nodig */
    const tnd_finding *s = find(fx, "FIN-CURRENT-RATIO", 0, "2019-2021");
    assert_int_equal(s->verdict, TND_PLAN_REQUIRED);
    assert_string_equal(s->found, "3 jaren niet voldaan (2019, 2020, 2021)");
    /* a financial shortfall is never FAIL by itself: the year rows are detail rows */
    assert_int_equal(tnd_findings_worst(&fx->r, 1, true), TND_PLAN_REQUIRED);
}

/* §5.3.1 L1371-1378 as a definition may write it with a gap: bands for 0-1 and 3+ years only.
 * Two failed years fall in no band: the program never guesses a verdict, a reviewer decides,
 * and the finding says that the definition has no band for it. */
static void test_failed_years_with_no_band_in_the_definition_go_to_review(void **state)
{
    fixture *fx = *state;
    fx->def.financial.bands[1] = fx->def.financial.bands[2];
    fx->def.financial.n_bands = 2;
    set_figure(fx, EIGEN_VERMOGEN, 2019, 10000000);
    set_figure(fx, EIGEN_VERMOGEN, 2021, 20000000);
    run(fx);
    const tnd_finding *s = find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021");
    assert_int_equal(s->verdict, TND_REVIEW);
    assert_string_equal(s->found, "2 jaren niet voldaan (2019, 2021)");
    assert_string_equal(s->reason, "solvabiliteit: 2 jaren niet voldaan (2019, 2021); geen "
                                   "beoordelingsband voor 2 jaren in de definitie");
    assert_string_equal(s->source, "§5.3.1 L1350-1362"); /* the norm's own section */
    /* one failed year still falls in the first band */
    assert_int_equal(find(fx, "FIN-RENTABILITEIT", 0, "2019-2023")->verdict, TND_PASS);
}

/* The definition writes a norm with any operator; "at least" (>=) includes the threshold and is
 * not called strict: solvency exactly 20,0 % meets ">= 20,0%" (the IJsselland norm is "> 20,0%"). */
static void test_norm_with_at_least_includes_the_threshold_and_is_not_strict(void **state)
{
    fixture *fx = *state;
    fx->def.financial.norms[SOLVABILITEIT].op = TND_OP_GE;
    set_figure(fx, EIGEN_VERMOGEN, 2020, 20000000);
    run(fx);
    const tnd_finding *y = find(fx, "FIN-SOLVABILITEIT", -1, "2020");
    assert_int_equal(y->verdict, TND_PASS);
    assert_string_equal(y->norm, ">= 20,0%");
    assert_string_equal(y->reason, "solvabiliteit 2020 is 20,0%; norm >= 20,0%: voldaan");
}

/* An upper bound written with "<" is strict too: exactly on the bound fails. */
static void test_norm_with_less_than_is_strict_at_the_bound(void **state)
{
    fixture *fx = *state;
    fx->def.financial.norms[SOLVABILITEIT].op = TND_OP_LT;
    fx->def.financial.norms[SOLVABILITEIT].threshold = (tnd_dec){ 400000 };
    run(fx); /* healthy: exactly 40,0 % every year */
    const tnd_finding *y = find(fx, "FIN-SOLVABILITEIT", -1, "2019");
    assert_int_equal(y->verdict, TND_FAIL);
    assert_string_equal(y->norm, "< 40,0%");
    assert_string_equal(y->reason, "solvabiliteit 2019 is 40,0%; norm < 40,0% (strikt): niet "
                                   "voldaan");
}

/* Years a definition lists out of order and with a gap are judged in calendar order and named one
 * by one ("2021, 2019" becomes "2019, 2021", never "2019-2021"). */
static void test_norm_years_out_of_order_with_a_gap_are_listed_one_by_one(void **state)
{
    fixture *fx = *state;
    tnd_fin_norm *n = &fx->def.financial.norms[SOLVABILITEIT];
    n->years[0] = 2021;
    n->years[1] = 2019;
    n->n_years = 2;
    run(fx);
    const tnd_finding *s = find(fx, "FIN-SOLVABILITEIT", 0, "2019, 2021");
    assert_int_equal(s->verdict, TND_PASS);
    assert_string_equal(s->found, "alle jaren voldaan");
    assert_true(find(fx, "FIN-SOLVABILITEIT", -1, "2019") <
                find(fx, "FIN-SOLVABILITEIT", -1, "2021"));
}

static void test_failures_are_counted_per_norm_not_per_year(void **state)
{
    fixture *fx = *state;
    set_figure(fx, EIGEN_VERMOGEN, 2019, 10000000); /* solvabiliteit fails 2019 */
    set_figure(fx, KORTLOPENDE_SCHULDEN, 2020, 50000000); /* current ratio fails 2020 */
    set_figure(fx, RESULTAAT, 2021, 0); /* rentabiliteit fails 2021 */
    run(fx);
    /* §5.3.1 L1371: three norms each failing one year is not "3 years" */
    assert_int_equal(find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021")->verdict, TND_PASS);
    assert_int_equal(find(fx, "FIN-CURRENT-RATIO", 0, "2019-2021")->verdict, TND_PASS);
    assert_int_equal(find(fx, "FIN-RENTABILITEIT", 0, "2019-2023")->verdict, TND_PASS);
}

static void test_rentabiliteit_failing_only_in_forecast_years_is_review(void **state)
{
    fixture *fx = *state;
    set_figure(fx, RESULTAAT, 2022, -1000000);
    set_figure(fx, RESULTAAT, 2023, 1000000);
    run(fx);
    /* §5.3.1 resolution: rentabiliteit is counted over 2019-2023, forecasts 2022-2023 included */
    const tnd_finding *s = find(fx, "FIN-RENTABILITEIT", 0, "2019-2023");
    assert_int_equal(s->verdict, TND_REVIEW);
    assert_string_equal(s->found, "2 jaren niet voldaan (2022, 2023)");
    assert_string_equal(find(fx, "FIN-RENTABILITEIT", -1, "2023")->found, "1,00%");
}

static void test_missing_figure_skips_the_year_and_says_so(void **state)
{
    fixture *fx = *state;
    drop_figure(fx, ACTIVA, 2020);
    set_figure(fx, EIGEN_VERMOGEN, 2019, 10000000);
    set_figure(fx, EIGEN_VERMOGEN, 2021, 10000000);
    run(fx);
    /* a missing figure is step 1's MISSING; here the year is unknown, not a zero */
    assert_int_equal(count_rule(fx, "FIN-SOLVABILITEIT"), 3); /* 2019, 2021, summary */
    const tnd_finding *s = find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021");
    assert_int_equal(s->verdict, TND_REVIEW);
    assert_string_equal(s->found, "2 jaren niet voldaan (2019, 2021)");
    assert_string_equal(s->reason, "solvabiliteit: 2 jaren niet voldaan (2019, 2021); 2020 "
                                   "onbekend: cijfers ontbreken; opdrachtgever beoordeelt of een "
                                   "aanvullend plan van aanpak nodig is (per norm, §5.3.1 "
                                   "L1371-1378)");
}

static void test_missing_year_with_the_rest_met_says_known_years(void **state)
{
    fixture *fx = *state;
    drop_figure(fx, ACTIVA, 2020);
    run(fx);
    /* §5.3.1: only the years with figures are judged; the summary must not read as a full pass */
    const tnd_finding *s = find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021");
    assert_int_equal(s->verdict, TND_PASS);
    assert_string_equal(s->found, "alle bekende jaren voldaan");
    assert_non_null(strstr(s->reason, "2020 onbekend: cijfers ontbreken"));
}

static void test_norm_without_any_figures_is_not_judged(void **state)
{
    fixture *fx = *state;
    for (int y = 2019; y <= 2021; y++)
        drop_figure(fx, KORTLOPENDE_SCHULDEN, y);
    run(fx);
    const tnd_finding *s = find(fx, "FIN-CURRENT-RATIO", 0, "2019-2021");
    assert_int_equal(s->verdict, TND_NOT_APPLICABLE);
    assert_string_equal(s->reason, "current ratio niet te beoordelen: cijfers ontbreken voor "
                                   "alle jaren (2019, 2020, 2021)");
}

static void test_findings_are_ordered_per_norm_year_rows_then_summary(void **state)
{
    fixture *fx = *state;
    run(fx);
    static const struct { const char *id; int lot; const char *subject; } order[] = {
        { "FIN-RENTABILITEIT", -1, "2019" }, { "FIN-RENTABILITEIT", -1, "2020" },
        { "FIN-RENTABILITEIT", -1, "2021" }, { "FIN-RENTABILITEIT", -1, "2022" },
        { "FIN-RENTABILITEIT", -1, "2023" }, { "FIN-RENTABILITEIT", 0, "2019-2023" },
        { "FIN-SOLVABILITEIT", -1, "2019" }, { "FIN-SOLVABILITEIT", -1, "2020" },
        { "FIN-SOLVABILITEIT", -1, "2021" }, { "FIN-SOLVABILITEIT", 0, "2019-2021" },
        { "FIN-CURRENT-RATIO", -1, "2019" }, { "FIN-CURRENT-RATIO", -1, "2020" },
        { "FIN-CURRENT-RATIO", -1, "2021" }, { "FIN-CURRENT-RATIO", 0, "2019-2021" },
        { "FIN-CONTINUITEIT", 0, "jaarrekening 2021" },
    };
    assert_int_equal(fx->r.n_findings, sizeof order / sizeof order[0]);
    for (size_t i = 0; i < fx->r.n_findings; i++) {
        assert_string_equal(fx->r.findings[i].rule_id, order[i].id);
        assert_int_equal(fx->r.findings[i].lot, order[i].lot);
        assert_string_equal(fx->r.findings[i].subject, order[i].subject);
        assert_int_equal(fx->r.findings[i].step, 2);
    }
}

/* ------------------------------------------------------------ going concern, start-up, plan */

static void test_negative_going_concern_requires_plan_even_with_all_norms_met(void **state)
{
    fixture *fx = *state;
    fx->bid.going_concern_negative = true;
    run(fx);
    /* §5.3.1 L1380-1384: a plan is required "los van het resultaat" of the norms */
    const tnd_finding *g = find(fx, "FIN-CONTINUITEIT", 0, "jaarrekening 2021");
    assert_int_equal(g->verdict, TND_PLAN_REQUIRED);
    assert_string_equal(g->found, "negatief");
    assert_string_equal(g->reason, "negatieve continuïteitsverwachting jaarrekening 2021: "
                                   "aanvullend plan van aanpak nodig, los van de normen");
    assert_int_equal(find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021")->verdict, TND_PASS);
}

static void test_positive_going_concern_passes(void **state)
{
    fixture *fx = *state;
    run(fx);
    const tnd_finding *g = find(fx, "FIN-CONTINUITEIT", 0, "jaarrekening 2021");
    assert_int_equal(g->verdict, TND_PASS);
    assert_string_equal(g->found, "niet negatief");
}

static void test_no_going_concern_statement_adds_no_finding(void **state)
{
    fixture *fx = *state;
    fx->bid.has_going_concern = false;
    run(fx);
    /* step 1 reports the missing "going-concern-statement" */
    assert_int_equal(count_rule(fx, "FIN-CONTINUITEIT"), 0);
}

static void test_startup_without_figures_is_review_instead_of_norms(void **state)
{
    fixture *fx = *state;
    fx->bid.startup = true;
    fx->bid.n_figures = 0;
    fx->bid.has_going_concern = false;
    run(fx);
    /* §5.3.1 L1386-1389: a start-up that cannot show figures: a talk, a plan may be asked */
    assert_int_equal(fx->r.n_findings, 1);
    const tnd_finding *s = &fx->r.findings[0];
    assert_string_equal(s->rule_id, "FIN-STARTER");
    assert_int_equal(s->verdict, TND_REVIEW);
    assert_int_equal(s->lot, 0);
    assert_string_equal(s->subject, "Jeugdzorg De Brug B.V.");
    assert_string_equal(s->reason, "startende organisatie zonder volledige cijfers: "
                                   "opdrachtgever gaat in gesprek en kan om een aanvullend plan "
                                   "van aanpak vragen");
}

static void test_startup_with_complete_figures_is_judged_on_the_norms(void **state)
{
    fixture *fx = *state;
    fx->bid.startup = true;
    run(fx);
    assert_int_equal(count_rule(fx, "FIN-STARTER"), 0);
    assert_int_equal(find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021")->verdict, TND_PASS);
}

static void test_rejected_plan_with_plan_required_fails(void **state)
{
    fixture *fx = *state;
    fx->bid.going_concern_negative = true;
    fx->bid.financial_plan = TND_PLAN_REJECTED;
    run(fx);
    /* §5.3.1 L1391-1393: a required plan that is rejected: financial suitability not shown */
    const tnd_finding *p = find(fx, "FIN-PLAN", 0, "plan van aanpak");
    assert_int_equal(p->verdict, TND_FAIL);
    assert_string_equal(p->reason, "vereist plan van aanpak afgewezen: financiële geschiktheid "
                                   "niet aangetoond");
    assert_ptr_equal(p, &fx->r.findings[fx->r.n_findings - 1]);
}

static void test_plan_not_delivered_after_review_fails(void **state)
{
    fixture *fx = *state;
    set_figure(fx, RESULTAAT, 2022, 0);
    set_figure(fx, RESULTAAT, 2023, 0);
    fx->bid.financial_plan = TND_PLAN_NOT_DELIVERED;
    run(fx);
    const tnd_finding *p = find(fx, "FIN-PLAN", 0, "plan van aanpak");
    assert_int_equal(p->verdict, TND_FAIL);
    assert_string_equal(p->found, "niet aangeleverd");
    assert_string_equal(p->reason, "vereist plan van aanpak niet aangeleverd: financiële "
                                   "geschiktheid niet aangetoond");
}

static void test_accepted_plan_settles_the_norm_as_conditional(void **state)
{
    fixture *fx = *state;
    for (int y = 2019; y <= 2021; y++)
        set_figure(fx, EIGEN_VERMOGEN, y, 5000000);
    fx->bid.financial_plan = TND_PLAN_ACCEPTED;
    run(fx);
    const tnd_finding *p = find(fx, "FIN-PLAN", 0, "plan van aanpak");
    assert_int_equal(p->verdict, TND_PASS);
    assert_string_equal(p->reason, "plan van aanpak geaccepteerd");
    /* §5.3.1 L1390-1393: the accepted plan must bring the norms within 2 years: admitted under
     * that condition; the count of failed years stays visible */
    const tnd_finding *n = find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021");
    assert_int_equal(n->verdict, TND_CONDITIONAL);
    assert_non_null(strstr(n->reason, "3 jaren niet voldaan"));
    assert_non_null(strstr(n->reason, "; plan van aanpak geaccepteerd: normen binnen 2 jaar te "
                                      "halen"));
}

static void test_submitted_plan_awaits_assessment(void **state)
{
    fixture *fx = *state;
    fx->bid.going_concern_negative = true;
    fx->bid.financial_plan = TND_PLAN_SUBMITTED;
    run(fx);
    const tnd_finding *p = find(fx, "FIN-PLAN", 0, "plan van aanpak");
    assert_int_equal(p->verdict, TND_REVIEW);
    assert_string_equal(p->reason, "plan van aanpak ingediend, nog niet beoordeeld door "
                                   "opdrachtgever");
}

static void test_rejected_plan_for_startup_review_fails(void **state)
{
    fixture *fx = *state;
    fx->bid.startup = true;
    fx->bid.n_figures = 0;
    fx->bid.financial_plan = TND_PLAN_REJECTED;
    run(fx);
    assert_int_equal(find(fx, "FIN-PLAN", 0, "plan van aanpak")->verdict, TND_FAIL);
}

/* ------------------------------------------------------------------ issue 8: reliance */

/* §4.1.12 L740-744, §5.8 L1640-1642: reliance on a group company, third party or holding. */
static void with_reliance_rule(fixture *fx)
{
    snprintf(fx->def.financial.reliance.id, TND_ID_LEN, "FIN-BEROEP");
    snprintf(fx->def.financial.reliance.source, TND_SOURCE_LEN, "§4.1.12 L740-744");
    snprintf(fx->def.financial.reliance.resolution, TND_ID_LEN, "R-BEROEP");
}

static void test_own_figures_short_with_a_holding_guarantee_is_review(void **state)
{
    fixture *fx = *state;
    with_reliance_rule(fx);
    fx->bid.has_holding = fx->bid.holding_guarantee = true;
    snprintf(fx->bid.holding, sizeof fx->bid.holding, "Zorggroep Holding B.V.");
    set_figure(fx, EIGEN_VERMOGEN, 2020, 20000000); /* exactly 20,0 %: not met */
    set_figure(fx, EIGEN_VERMOGEN, 2021, 20000000);
    run(fx);
    assert_int_equal(find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021")->verdict, TND_REVIEW);
    const tnd_finding *f = find(fx, "FIN-BEROEP", 0, "Zorggroep Holding B.V.");
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_int_equal(f->step, 2);
    assert_string_equal(f->reason, "eigen cijfers voldoen niet (BEOORDELEN); beroep op Zorggroep "
                                   "Holding B.V.: beoordelaar beslist op de cijfers of garantie "
                                   "van Zorggroep Holding B.V.");
    assert_string_equal(f->resolution, "R-BEROEP");
}

static void test_own_figures_met_with_a_financial_third_party_passes(void **state)
{
    fixture *fx = *state;
    with_reliance_rule(fx);
    tnd_party third = { 0 };
    snprintf(third.name, sizeof third.name, "Moeder B.V.");
    snprintf(third.relied_for, sizeof third.relied_for, "financial");
    third.declaration_signed = true;
    fx->bid.third_parties = &third;
    fx->bid.n_third_parties = 1;
    run(fx);
    const tnd_finding *f = find(fx, "FIN-BEROEP", 0, "Moeder B.V.");
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "beroep op Moeder B.V. voor de financiële draagkracht; de eigen "
                                   "cijfers voldoen al");
    fx->bid.third_parties = NULL;
    fx->bid.n_third_parties = 0;
}

static void test_no_reliance_adds_no_finding(void **state)
{
    fixture *fx = *state;
    with_reliance_rule(fx);
    fx->bid.has_holding = true; /* a holding without a guarantee is no reliance */
    set_figure(fx, EIGEN_VERMOGEN, 2020, 20000000);
    run(fx);
    assert_int_equal(count_rule(fx, "FIN-BEROEP"), 0);
}

/* §4.1.12 L740-744: a third party counts for the financial standing only with a signed Verklaring
 * inzet Derden; without it the holding's guarantee (§5.8 L1640-1642) is the reliance, and a
 * holding without a name is called "holding". */
static void test_unsigned_financial_third_party_is_no_reliance_but_a_holding_guarantee_is(
    void **state)
{
    fixture *fx = *state;
    with_reliance_rule(fx);
    tnd_party third = { 0 };
    snprintf(third.name, sizeof third.name, "Moeder B.V.");
    snprintf(third.relied_for, sizeof third.relied_for, "financial");
    fx->bid.third_parties = &third;
    fx->bid.n_third_parties = 1;
    fx->bid.has_holding = fx->bid.holding_guarantee = true;
    set_figure(fx, EIGEN_VERMOGEN, 2020, 20000000);
    set_figure(fx, EIGEN_VERMOGEN, 2021, 20000000);
    run(fx);
    fx->bid.third_parties = NULL;
    fx->bid.n_third_parties = 0;
    assert_int_equal(count_rule(fx, "FIN-BEROEP"), 1);
    const tnd_finding *f = find(fx, "FIN-BEROEP", 0, "holding");
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "eigen cijfers voldoen niet (BEOORDELEN); beroep op holding: "
                                   "beoordelaar beslist op de cijfers of garantie van holding");
    assert_string_equal(f->source, "§4.1.12 L740-744");
}

/* §4.1.12 L740-744: a signed financial third party without a name is still named, as "derde". */
static void test_unnamed_signed_financial_third_party_is_named_derde(void **state)
{
    fixture *fx = *state;
    with_reliance_rule(fx);
    tnd_party third = { 0 };
    snprintf(third.relied_for, sizeof third.relied_for, "financial");
    third.declaration_signed = true;
    fx->bid.third_parties = &third;
    fx->bid.n_third_parties = 1;
    run(fx);
    fx->bid.third_parties = NULL;
    fx->bid.n_third_parties = 0;
    const tnd_finding *f = find(fx, "FIN-BEROEP", 0, "derde");
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "beroep op derde voor de financiële draagkracht; de eigen "
                                   "cijfers voldoen al");
}

/* ------------------------------------------------------------------ issue 7: corners */

static void test_tiny_negative_solvency_reads_0_0_percent_without_a_minus_and_fails(void **state)
{
    fixture *fx = *state;
    set_figure(fx, EIGEN_VERMOGEN, 2020, -1); /* -0,000001 %: one decimal shows 0,0 */
    run(fx);
    /* §5.3.1 L1357: strict > 20,0 %; a value that rounds to zero is never shown as "-0,0%" */
    const tnd_finding *y = find(fx, "FIN-SOLVABILITEIT", -1, "2020");
    assert_int_equal(y->verdict, TND_FAIL);
    assert_string_equal(y->found, "0,0%");
}

static void test_solvency_a_hair_above_20_percent_passes_shown_with_at_most_8_decimals(
    void **state)
{
    fixture *fx = *state;
    /* 200.000.000.001 / 1.000.000.000.000 = 20,0000000001 %: more than 20,0 %, so met (strict);
     * the found value shows decimals until it differs from the norm, at most 8 */
    set_figure(fx, EIGEN_VERMOGEN, 2021, 200000000001LL);
    set_figure(fx, ACTIVA, 2021, 1000000000000LL);
    run(fx);
    const tnd_finding *y = find(fx, "FIN-SOLVABILITEIT", -1, "2021");
    assert_int_equal(y->verdict, TND_PASS);
    assert_string_equal(y->found, "20,00000000%");
    assert_string_equal(y->norm, "> 20,0%");
}

static void test_current_ratio_with_negative_debts_cannot_be_computed_and_is_not_met(
    void **state)
{
    fixture *fx = *state;
    set_figure(fx, KORTLOPENDE_SCHULDEN, 2019, -100);
    run(fx);
    /* §5.3.1 resolution: only debts of exactly 0 with a positive numerator count as met */
    const tnd_finding *y = find(fx, "FIN-CURRENT-RATIO", -1, "2019");
    assert_int_equal(y->verdict, TND_FAIL);
    assert_string_equal(y->found, "niet te berekenen");
    assert_string_equal(y->reason, "current ratio 2019 niet te berekenen: totaal overige "
                                   "kortlopende schulden <= 0; geteld als niet voldaan");
}

static void test_norm_over_two_separate_years_names_them_apart(void **state)
{
    fixture *fx = *state;
    tnd_fin_norm *n = &fx->def.financial.norms[SOLVABILITEIT];
    n->years[0] = 2021; /* definition order is not trusted to be sorted */
    n->years[1] = 2019;
    n->n_years = 2;
    run(fx);
    const tnd_finding *s = find(fx, "FIN-SOLVABILITEIT", 0, "2019, 2021");
    assert_int_equal(s->verdict, TND_PASS);
    assert_int_equal(count_rule(fx, "FIN-SOLVABILITEIT"), 3); /* two years and the summary */
}

static void test_norm_without_decimals_is_shown_as_a_whole_number(void **state)
{
    fixture *fx = *state;
    fx->def.financial.norms[CURRENT_RATIO].display_places = 0;
    run(fx);
    /* healthy: (300.000 + 100.000) / 200.000 = 2 */
    const tnd_finding *y = find(fx, "FIN-CURRENT-RATIO", -1, "2019");
    assert_int_equal(y->verdict, TND_PASS);
    assert_string_equal(y->found, "2");
    assert_string_equal(y->norm, "> 1");
}

static void test_band_whose_verdict_is_fail_says_it_follows_the_definition(void **state)
{
    fixture *fx = *state;
    /* a definition that fails 3 years or more outright (IJsselland asks a plan instead) */
    fx->def.financial.bands[2].verdict = TND_FAIL;
    for (int y = 2019; y <= 2021; y++)
        set_figure(fx, EIGEN_VERMOGEN, y, 10000000); /* 10,0 % each year */
    run(fx);
    const tnd_finding *s = find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021");
    assert_int_equal(s->verdict, TND_FAIL);
    assert_string_equal(s->reason, "solvabiliteit: 3 jaren niet voldaan (2019, 2020, 2021); "
                                   "oordeel volgens de definitie (per norm, §5.3.1 L1371-1378)");
}

static void test_denominator_of_two_items_names_both_when_it_is_zero(void **state)
{
    fixture *fx = *state;
    /* a ratio over the sum of two items (not IJsselland's): both are named when it is 0 */
    tnd_fin_norm *n = &fx->def.financial.norms[SOLVABILITEIT];
    n->den_items[n->n_den++] = KORTLOPENDE_SCHULDEN;
    set_figure(fx, ACTIVA, 2020, 0);
    set_figure(fx, KORTLOPENDE_SCHULDEN, 2020, 0);
    run(fx);
    const tnd_finding *y = find(fx, "FIN-SOLVABILITEIT", -1, "2020");
    assert_int_equal(y->verdict, TND_FAIL);
    assert_string_equal(y->reason, "solvabiliteit 2020 niet te berekenen: totaal activa + totaal "
                                   "overige kortlopende schulden <= 0; geteld als niet voldaan");
}

static void test_label_in_lower_case_is_kept_and_a_formula_only_label_is_not_cut_away(void **state)
{
    fixture *fx = *state;
    snprintf(fx->def.financial.norms[SOLVABILITEIT].ref.label,
             sizeof fx->def.financial.norms[SOLVABILITEIT].ref.label, "solvabiliteit (ev / ta)");
    snprintf(fx->def.financial.norms[RENTABILITEIT].ref.label,
             sizeof fx->def.financial.norms[RENTABILITEIT].ref.label, " (resultaat / omzet)");
    run(fx);
    assert_string_equal(find(fx, "FIN-SOLVABILITEIT", -1, "2019")->reason,
                        "solvabiliteit 2019 is 40,0%; norm > 20,0% (strikt): voldaan");
    /* a label that is only a formula stays as it is */
    assert_string_equal(find(fx, "FIN-RENTABILITEIT", -1, "2019")->reason,
                        " (resultaat / omzet) 2019 is 5,00%; norm > 1,50% (strikt): voldaan");
}

static void test_norm_over_three_years_with_a_gap_lists_them(void **state)
{
    fixture *fx = *state;
    tnd_fin_norm *n = &fx->def.financial.norms[RENTABILITEIT];
    n->years[0] = 2019;
    n->years[1] = 2021;
    n->years[2] = 2022;
    n->n_years = 3;
    run(fx);
    assert_int_equal(find(fx, "FIN-RENTABILITEIT", 0, "2019, 2021, 2022")->verdict, TND_PASS);
}

static void test_accepted_plan_with_every_norm_met_changes_no_verdict(void **state)
{
    fixture *fx = *state;
    /* §5.3.1 L1390-1393: an accepted plan settles a shortfall; without one it settles nothing */
    fx->bid.financial_plan = TND_PLAN_ACCEPTED;
    run(fx);
    const tnd_finding *s = find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021");
    assert_int_equal(s->verdict, TND_PASS);
    assert_null(strstr(s->reason, "plan van aanpak geaccepteerd"));
}

static void test_norm_naming_an_item_the_definition_lacks_has_no_figures(void **state)
{
    fixture *fx = *state;
    /* an item index outside the definition's items is a figure that cannot be found: the norm
     * cannot be judged for any year, never a silent 0 */
    fx->def.financial.norms[RENTABILITEIT].num_items[0] = -1;
    fx->def.financial.norms[SOLVABILITEIT].num_items[0] = N_ITEMS;
    run(fx);
    const tnd_finding *s = find(fx, "FIN-RENTABILITEIT", 0, "2019-2023");
    assert_int_equal(s->verdict, TND_NOT_APPLICABLE);
    assert_string_equal(s->found, "geen cijfers");
    assert_int_equal(find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021")->verdict,
                     TND_NOT_APPLICABLE);
}

static void test_accepted_plan_settles_a_two_year_review_as_conditional(void **state)
{
    fixture *fx = *state;
    /* §5.3.1 L1371-1378, L1390-1393: 2 years short is a review; an accepted plan settles it */
    set_figure(fx, EIGEN_VERMOGEN, 2019, 5000000);
    set_figure(fx, EIGEN_VERMOGEN, 2020, 5000000);
    fx->bid.financial_plan = TND_PLAN_ACCEPTED;
    run(fx);
    const tnd_finding *n = find(fx, "FIN-SOLVABILITEIT", 0, "2019-2021");
    assert_int_equal(n->verdict, TND_CONDITIONAL);
    assert_non_null(strstr(n->reason, "2 jaren niet voldaan (2019, 2020)"));
    assert_non_null(strstr(n->reason, "; plan van aanpak geaccepteerd: normen binnen 2 jaar te "
                                      "halen"));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_unsigned_financial_third_party_is_no_reliance_but_a_holding_guarantee_is),
        T(test_unnamed_signed_financial_third_party_is_named_derde),
        T(test_own_figures_short_with_a_holding_guarantee_is_review),
        T(test_own_figures_met_with_a_financial_third_party_passes),
        T(test_no_reliance_adds_no_finding),
        T(test_solvency_exactly_20_percent_fails_that_year),
        T(test_solvency_20_0001_percent_passes_and_shows_the_decimals_that_decide),
        T(test_solvency_below_norm_rounds_to_one_decimal),
        T(test_rentabiliteit_exactly_1_50_percent_fails),
        T(test_rentabiliteit_one_cent_above_1_50_percent_passes),
        T(test_negative_result_shows_a_negative_percentage),
        T(test_current_ratio_exactly_1_fails),
        T(test_current_ratio_adds_liquid_assets_as_written),
        T(test_current_ratio_with_zero_debts_and_positive_assets_is_met_as_infinite),
        T(test_current_ratio_with_zero_debts_and_zero_assets_is_not_met),
        T(test_omzet_zero_counts_as_not_met_and_is_flagged),
        T(test_healthy_bid_passes_every_norm_without_plan_finding),
        T(test_one_norm_failing_in_one_year_passes),
        T(test_one_norm_failing_in_two_years_is_review),
        T(test_one_norm_failing_in_three_years_requires_plan),
        T(test_failed_years_with_no_band_in_the_definition_go_to_review),
        T(test_norm_with_at_least_includes_the_threshold_and_is_not_strict),
        T(test_norm_with_less_than_is_strict_at_the_bound),
        T(test_norm_years_out_of_order_with_a_gap_are_listed_one_by_one),
        T(test_failures_are_counted_per_norm_not_per_year),
        T(test_rentabiliteit_failing_only_in_forecast_years_is_review),
        T(test_missing_figure_skips_the_year_and_says_so),
        T(test_missing_year_with_the_rest_met_says_known_years),
        T(test_norm_without_any_figures_is_not_judged),
        T(test_findings_are_ordered_per_norm_year_rows_then_summary),
        T(test_negative_going_concern_requires_plan_even_with_all_norms_met),
        T(test_positive_going_concern_passes),
        T(test_no_going_concern_statement_adds_no_finding),
        T(test_startup_without_figures_is_review_instead_of_norms),
        T(test_startup_with_complete_figures_is_judged_on_the_norms),
        T(test_rejected_plan_with_plan_required_fails),
        T(test_plan_not_delivered_after_review_fails),
        T(test_accepted_plan_settles_the_norm_as_conditional),
        T(test_submitted_plan_awaits_assessment),
        T(test_rejected_plan_for_startup_review_fails),
        T(test_tiny_negative_solvency_reads_0_0_percent_without_a_minus_and_fails),
        T(test_solvency_a_hair_above_20_percent_passes_shown_with_at_most_8_decimals),
        T(test_current_ratio_with_negative_debts_cannot_be_computed_and_is_not_met),
        T(test_norm_over_two_separate_years_names_them_apart),
        T(test_norm_without_decimals_is_shown_as_a_whole_number),
        T(test_band_whose_verdict_is_fail_says_it_follows_the_definition),
        T(test_denominator_of_two_items_names_both_when_it_is_zero),
        T(test_label_in_lower_case_is_kept_and_a_formula_only_label_is_not_cut_away),
        T(test_norm_over_three_years_with_a_gap_lists_them),
        T(test_accepted_plan_with_every_norm_met_changes_no_verdict),
        T(test_norm_naming_an_item_the_definition_lacks_has_no_figures),
        T(test_accepted_plan_settles_a_two_year_review_as_conditional),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
