/*
 * test_definition.c - the tender definition loader (tender/definition.c) and the embedded
 * IJsselland 2023 definition (fixtures/tenders/ijsselland-2023.xml).
 *
 * The first group pins values of the embedded definition against the tender document
 * (seeds/003_f113a4d511943131.txt; "L" = line there). The second group feeds small definitions
 * written in this file to tnd_definition_load_memory and checks that each mistake is refused
 * with the right error kind and the line of the offending element.
 * Decimals are integer units (TND_DEC_SCALE = 1e6): 20,0% = 200000; money is cents.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/model.h"
#include "tender/definition.h"

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

/* ------------------------------------------------------------------------------------------ */
/* The embedded IJsselland definition                                                          */

static int setup_default(void **state)
{
    tnd_error err;
    tnd_definition *def = NULL;
    if (tnd_definition_load_default(&def, &err) != TND_OK) {
        char buf[1200];
        tnd_error_format(&err, buf, sizeof buf);
        fprintf(stderr, "%s\n", buf);
        return -1;
    }
    *state = def;
    return 0;
}

static int teardown_default(void **state)
{
    tnd_definition_free(*state);
    return 0;
}

static const tnd_requirement *requirement(const tnd_definition *def, const char *id)
{
    for (size_t i = 0; i < def->n_requirements; i++)
        if (strcmp(def->requirements[i].ref.id, id) == 0)
            return &def->requirements[i];
    return NULL;
}

static const tnd_combo_rule *combo_rule(const tnd_definition *def, const char *id)
{
    for (size_t i = 0; i < def->n_combo_rules; i++)
        if (strcmp(def->combo_rules[i].ref.id, id) == 0)
            return &def->combo_rules[i];
    return NULL;
}

static const tnd_intensity_band *band(const tnd_intensity_scale *s, const char *code)
{
    for (size_t i = 0; i < s->n_bands; i++)
        if (strcmp(s->bands[i].code, code) == 0)
            return &s->bands[i];
    return NULL;
}

static bool lot_has_municipality(const tnd_lot *lot, const char *id)
{
    for (size_t i = 0; i < lot->n_municipalities; i++)
        if (strcmp(lot->municipalities[i], id) == 0)
            return true;
    return false;
}

static void test_default_loads_with_embedded_name_and_meta(void **state)
{
    const tnd_definition *def = *state;
    assert_string_equal(def->file, "(ingebouwd) ijsselland-2023.xml");
    assert_string_equal(def->id, "ijsselland-2023");
    assert_string_equal(def->authority, "RSJ IJsselland");
    assert_string_equal(def->timezone, "Europe/Amsterdam");
    assert_string_equal(def->document,
                        "Inkoopdocument RSJ IJsselland 2023 (tekstversie 003_f113a4d511943131.txt; "
                        "L = regel daarin)");
}

static void test_default_null_path_loads_the_embedded_definition(void **state)
{
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load(NULL, &def, &err), TND_OK);
    assert_string_equal(def->file, "(ingebouwd) ijsselland-2023.xml");
    assert_int_equal(def->n_lots, 9);
    tnd_definition_free(def);
}

static void test_fixture_file_loads_and_names_its_path(void **state)
{
    const char *path = TND_SOURCE_DIR "/fixtures/tenders/ijsselland-2023.xml";
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load(path, &def, &err), TND_OK);
    assert_string_equal(def->file, path);
    assert_int_equal(def->n_lots, 9);
    tnd_definition_free(def);
}

static void test_closing_time_is_18_july_2022_11_00_with_resolution(void **state)
{
    const tnd_definition *def = *state;
    /* §3.6 L381: "uiterlijk op maandag 18 juli 2022 om 11:00 uur" */
    assert_int_equal(def->closing_time.date.year, 2022);
    assert_int_equal(def->closing_time.date.month, 7);
    assert_int_equal(def->closing_time.date.day, 18);
    assert_int_equal(def->closing_time.hour, 11);
    assert_int_equal(def->closing_time.minute, 0);
    assert_int_equal(def->closing_time.second, 0);
    assert_string_equal(def->closing.id, "PROC-SLUITINGSTIJD");
    assert_string_equal(def->closing.source, "§3.6 L381, L393-395");
    /* §3.3 L253 says 12:00 once: the resolution names the choice */
    assert_string_equal(def->closing.resolution, "RES-SLUITINGSTIJD");
    assert_non_null(tnd_definition_resolution(def, "RES-SLUITINGSTIJD"));
}

static void test_resubmission_deadline_is_kept_as_resolution_text(void **state)
{
    const tnd_definition *def = *state;
    /* §3.3 L302: "Maandag 5 september 2022 tot 12:00 uur" (§4.1.4 L501: "4 september", a Sunday) */
    const tnd_resolution *r = tnd_definition_resolution(def, "RES-HERINSCHRIJVING");
    assert_non_null(r);
    const char *prefix = "Sluitingstijd hernieuwde inschrijving: 05-09-2022 12:00. ";
    assert_int_equal(strncmp(r->text, prefix, strlen(prefix)), 0);
    assert_string_equal(r->source, "§3.3 L255, L302; §4.1.4 L498-511");
    /* issue 8 §4: the deadline and the lots without re-submission are data for the rounds */
    assert_true(def->rounds.has_resubmission);
    assert_int_equal(def->rounds.resubmission_time.date.day, 5);
    assert_int_equal(def->rounds.resubmission_time.date.month, 9);
    assert_int_equal(def->rounds.resubmission_time.hour, 12);
    assert_int_equal(def->rounds.n_resubmission_except, 1);
    assert_int_equal(def->rounds.resubmission_except[0], 4); /* §4.1.4 L467-470 */
    assert_true(def->rounds.has_herstel);
    assert_int_equal(def->rounds.herstel_working_days, 5); /* §4.1.4 L483-486 */
    assert_string_equal(def->rounds.herstel.source, "§4.1.4 L474-487");
}

static void test_every_digest_resolution_is_present(void **state)
{
    const tnd_definition *def = *state;
    static const char *const ids[] = {
        "RES-SLUITINGSTIJD", "RES-CASCADE-FIGUUR1", "RES-UEA-IIIC", "RES-FIN-JAREN",
        "RES-REFERENTIEPERIODE", "RES-PERCEEL8-COMBINATIE", "RES-GELIJKE-STAND",
        "RES-INTENSITEIT-GRENS", "RES-INTENSITEIT-ONAFGEROND", "RES-GGZ-TARIEF-H",
        "RES-MINIMAAL", "RES-PVA-PERCELEN-678",
        /* issue 8: the open choices the audit found unnamed, and the readings it corrected */
        "RES-CURRENT-RATIO", "RES-VERZEKERING-COMBINATIE", "RES-VOORBEHOUD",
        "RES-BEROEP-FINANCIEEL", "RES-KWALITEIT-VERBLIJF", "RES-HERZIEN-PLAN-PERCEEL4",
        "RES-ONVOLLEDIG", "RES-STAFFING-1-OP-3", "RES-HERINSCHRIJVING", "RES-BEZWAARTERMIJN",
        "RES-HERSTEL-WERKDAGEN", "RES-BESLUIT-AANBESTEDER",
    };
    assert_int_equal(def->n_resolutions, sizeof ids / sizeof ids[0]);
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        assert_non_null(tnd_definition_resolution(def, ids[i]));
}

static void test_letters_objection_lot4_29_august_other_lots_23_august(void **state)
{
    const tnd_definition *def = *state;
    /* §3.3 L299: "Deadline bezwaartermijn Perceel 4 Maandag 29 augustus 2022"; §4.1.9 L606-608:
     * "tot en met Dinsdag 23 augustus 2022"; both named by RES-BEZWAARTERMIJN */
    assert_true(def->has_letters);
    const tnd_letter_rules *lr = &def->letters;
    assert_string_equal(lr->sender, "Regionaal Serviceteam Jeugd IJsselland");
    assert_string_equal(lr->sender_source, "§1 L2-3");
    assert_int_equal(lr->n_objections, 2);
    assert_int_equal(lr->objections[0].n_lots, 1);
    assert_int_equal(lr->objections[0].lots[0], 4);
    assert_int_equal(lr->objections[0].until.year, 2022);
    assert_int_equal(lr->objections[0].until.month, 8);
    assert_int_equal(lr->objections[0].until.day, 29);
    assert_string_equal(lr->objections[0].source, "§3.3 L299");
    assert_string_equal(lr->objections[0].resolution, "RES-BEZWAARTERMIJN");
    assert_int_equal(lr->objections[1].n_lots, 0);
    assert_int_equal(lr->objections[1].until.day, 23);
    assert_int_equal(lr->objections[1].until.month, 8);
    assert_string_equal(lr->objections[1].source, "§4.1.9 L606-608");
    assert_string_equal(lr->objections[1].resolution, "RES-BEZWAARTERMIJN");
    assert_non_null(tnd_definition_resolution(def, "RES-BEZWAARTERMIJN"));
}

static void test_eleven_municipalities_hardenberg_only_in_lots_7_and_8(void **state)
{
    const tnd_definition *def = *state;
    /* §2 L83-91: lots 1-6 and 9 the ten without Hardenberg, lots 7 and 8 all eleven */
    assert_int_equal(def->n_municipalities, 11);
    assert_string_equal(tnd_definition_municipality(def, "olst-wijhe")->name, "Olst-Wijhe");
    for (int n = 1; n <= 9; n++) {
        const tnd_lot *lot = tnd_definition_lot(def, n);
        assert_non_null(lot);
        bool all = n == 7 || n == 8;
        assert_int_equal(lot->n_municipalities, all ? 11 : 10);
        assert_int_equal(lot_has_municipality(lot, "hardenberg"), all);
        assert_true(lot_has_municipality(lot, "zwolle"));
    }
}

static void test_nine_lots_with_names_and_product_counts(void **state)
{
    const tnd_definition *def = *state;
    static const size_t products[] = {7, 7, 7, 7, 7, 4, 2, 17, 2};
    assert_int_equal(def->n_lots, 9);
    for (int n = 1; n <= 9; n++)
        assert_int_equal(tnd_definition_lot(def, n)->n_products, products[n - 1]);
    assert_string_equal(tnd_definition_lot(def, 4)->name, "Ambulant individueel - GGZ 2");
    assert_string_equal(tnd_definition_lot(def, 9)->name, "Ernstige Dyslexie (ED)");
}

static void test_lot3_tg6_tariff_is_240_cents_per_minute(void **state)
{
    const tnd_definition *def = *state;
    /* §8.5.1 L3438: TG 6 P3 GGZ 1 "€ 2,40" */
    const tnd_product *p = tnd_lot_product(tnd_definition_lot(def, 3), "TG6");
    assert_non_null(p);
    assert_int_equal(p->n_tariffs, 1);
    assert_string_equal(p->tariffs[0].unit, "minuut");
    assert_int_equal(p->tariffs[0].amount, 240);
}

static void test_minute_tariffs_differ_per_lot(void **state)
{
    const tnd_definition *def = *state;
    /* §8.5.1 L3428-3440: TG1 1,08 in P1 but 1,16 in P2-P5; TG7 3,10 .. 3,60 */
    assert_int_equal(tnd_lot_product(tnd_definition_lot(def, 1), "TG1")->tariffs[0].amount, 108);
    assert_int_equal(tnd_lot_product(tnd_definition_lot(def, 2), "TG1")->tariffs[0].amount, 116);
    assert_int_equal(tnd_lot_product(tnd_definition_lot(def, 4), "TG2")->tariffs[0].amount, 157);
    assert_int_equal(tnd_lot_product(tnd_definition_lot(def, 1), "TG7")->tariffs[0].amount, 310);
    assert_int_equal(tnd_lot_product(tnd_definition_lot(def, 5), "TG7")->tariffs[0].amount, 360);
}

static void test_group_mst_and_ed_tariffs(void **state)
{
    const tnd_definition *def = *state;
    const tnd_lot *l6 = tnd_definition_lot(def, 6), *l7 = tnd_definition_lot(def, 7);
    const tnd_lot *l9 = tnd_definition_lot(def, 9);
    /* §8.5.3 L3523-3529 per uur */
    assert_int_equal(tnd_lot_product(l6, "licht")->tariffs[0].amount, 1434);
    assert_int_equal(tnd_lot_product(l6, "zwaar")->tariffs[0].amount, 3453);
    assert_string_equal(tnd_lot_product(l6, "zwaar")->tariffs[0].unit, "uur");
    /* §8.5.4 L3622-3624 per stuk */
    assert_int_equal(tnd_lot_product(l7, "MST")->tariffs[0].amount, 2157200);
    assert_int_equal(tnd_lot_product(l7, "ZIT")->tariffs[0].amount, 1178900);
    /* §10 L4459-4465: per minuut and per stuk */
    const tnd_product *diag = tnd_lot_product(l9, "diagnostiek");
    const tnd_product *beh = tnd_lot_product(l9, "behandeling");
    assert_int_equal(diag->n_tariffs, 2);
    assert_int_equal(diag->tariffs[0].amount, 168);
    assert_string_equal(diag->tariffs[1].unit, "stuk");
    assert_int_equal(diag->tariffs[1].amount, 151800);
    assert_int_equal(beh->tariffs[0].amount, 160);
    assert_int_equal(beh->tariffs[1].amount, 562000);
}

static void test_lot8_has_17_products_intensities_ranked_and_ggz_h_flagged(void **state)
{
    const tnd_definition *def = *state;
    const tnd_lot *lot = tnd_definition_lot(def, 8);
    assert_int_equal(lot->n_products, 17);
    const tnd_product *a = tnd_lot_product(lot, "A"), *k = tnd_lot_product(lot, "K");
    assert_string_equal(a->group, "intensiteit");
    assert_int_equal(a->rank, 0);
    assert_int_equal(k->rank, 10);
    assert_int_equal(a->tariffs[0].amount, 4467);
    assert_string_equal(a->tariffs[0].unit, "etmaal");
    const tnd_product *g = tnd_lot_product(lot, "GGZ-G"), *h = tnd_lot_product(lot, "GGZ-H");
    assert_string_equal(h->group, "ggz-verblijf");
    assert_int_equal(h->rank, 5);
    /* L4120-4122: H below G as printed, kept and flagged */
    assert_int_equal(g->tariffs[0].amount, 59406);
    assert_int_equal(h->tariffs[0].amount, 52957);
    assert_non_null(strstr(h->note, "RES-GGZ-TARIEF-H"));
    assert_string_equal(g->note, "");
}

static void test_requirements_include_4_includes_3_and_5_includes_4(void **state)
{
    const tnd_definition *def = *state;
    /* §5.6 L1579 "Voldoen aan de voorwaarden voor GGZ 1", L1590 "... GGZ 2" */
    assert_int_equal(tnd_definition_lot(def, 4)->requirements_include, 3);
    assert_int_equal(tnd_definition_lot(def, 5)->requirements_include, 4);
    assert_int_equal(tnd_definition_lot(def, 3)->requirements_include, 0);
    assert_int_equal(tnd_definition_lot(def, 1)->requirements_include, 0);
}

static void test_combination_rules_of_4_3_1(void **state)
{
    const tnd_definition *def = *state;
    assert_int_equal(def->n_combo_rules, 5);
    /* §4.3.1 L945: at most one of lots 1-5 */
    const tnd_combo_rule *one = combo_rule(def, "COMBI-EEN-VAN-1-5");
    assert_int_equal(one->kind, TND_COMBO_AT_MOST);
    assert_int_equal(one->count, 1);
    assert_int_equal(one->n_lots, 5);
    assert_int_equal(one->lots[4], 5);
    /* §4.3.1 L952-954: lot 8 needs one of 1-6, except gezinshuizen; §9.2.3 L3920-3921: a
     * zorgboerderij offering wonen "wordt gezien als gezinshuis" */
    const tnd_combo_rule *eight = combo_rule(def, "COMBI-P8-MET-1-6");
    assert_int_equal(eight->kind, TND_COMBO_REQUIRES_ANY);
    assert_int_equal(eight->lot, 8);
    assert_int_equal(eight->n_lots, 6);
    assert_int_equal(eight->n_except, 2);
    assert_string_equal(eight->except_provider_types[0], "gezinshuis");
    assert_string_equal(eight->except_provider_types[1], "zorgboerderij");
    assert_string_equal(eight->ref.source, "§4.3.1 L952-954; §9.2.3 L3920-3921");
    assert_string_equal(eight->ref.resolution, "RES-PERCEEL8-COMBINATIE");
    const tnd_combo_rule *six = combo_rule(def, "COMBI-P6-MET-1-5");
    assert_int_equal(six->lot, 6);
    assert_int_equal(six->n_lots, 5);
    assert_int_equal(six->n_except, 0);
    /* §4.3.1 L945-947: lot 9 both products */
    const tnd_combo_rule *nine = combo_rule(def, "COMBI-P9-BEIDE-VOORZIENINGEN");
    assert_int_equal(nine->kind, TND_COMBO_ALL_PRODUCTS);
    assert_int_equal(nine->lot, 9);
}

static void test_cascade_chain_5_falls_back_to_3_then_1(void **state)
{
    const tnd_definition *def = *state;
    const tnd_cascade *k = &def->cascade;
    assert_int_equal(k->n_chains, 4);
    assert_true(k->opt_out_allowed);
    assert_string_equal(k->ref.resolution, "RES-CASCADE-FIGUUR1");
    assert_int_equal(k->chains[0].from, 5);
    assert_int_equal(k->chains[0].n_to, 2);
    assert_int_equal(k->chains[0].to[0], 3);
    assert_int_equal(k->chains[0].to[1], 1);
    assert_false(k->chains[0].awarded_competitively);
    /* lot 4 is placed only when awarded (top 5) */
    assert_int_equal(k->chains[1].from, 4);
    assert_true(k->chains[1].awarded_competitively);
    assert_int_equal(k->chains[3].from, 2);
    assert_int_equal(k->chains[3].n_to, 1);
    assert_int_equal(k->chains[3].to[0], 1);
}

static void test_step1_required_items_use_engine_names(void **state)
{
    const tnd_definition *def = *state;
    /* the submission time is judged by the closing-time rule itself (MISSING when absent) */
    static const char *const items[] = {
        "uea", "financial-figures", "going-concern-statement", "insurance",
        "quality-evidence", "kvk-extract", "references", "agb", "truthfulness-declaration",
        "signature", "lots", "fte-per-tariff-group",
    };
    assert_int_equal(def->n_required, 12);
    for (size_t i = 0; i < def->n_required; i++) {
        assert_string_equal(def->required[i].item, items[i]);
        /* §8.3.1 L3326-3327: the fte per tariff group only for bids on lots 1-5 */
        assert_int_equal(def->required[i].n_lots, i == 11 ? 5 : 0);
    }
}

static void test_exclusion_grounds_iii_a_b_exclude_iii_c_review(void **state)
{
    const tnd_definition *def = *state;
    const tnd_exclusion_rules *x = &def->exclusion;
    int exclude = 0, review = 0;
    /* §5.2 L1292-1294: IIIA and IIIB all apply; IIIC as ticked => REVIEW (RES-UEA-IIIC) */
    assert_int_equal(x->n_grounds, 23);
    for (size_t i = 0; i < x->n_grounds; i++) {
        if (strcmp(x->grounds[i].part, "IIIC") == 0) {
            assert_int_equal(x->grounds[i].effect, TND_GROUND_REVIEW);
            review++;
        } else {
            assert_int_equal(x->grounds[i].effect, TND_GROUND_EXCLUDE);
            exclude++;
        }
    }
    assert_int_equal(exclude, 8);
    assert_int_equal(review, 15);
    assert_string_equal(x->grounds[0].code, "criminal-organisation");
    assert_string_equal(x->grounds[0].label, "Deelneming aan een criminele organisatie");
    assert_string_equal(x->grounds[7].code, "social-security-payment");
    assert_string_equal(x->ref.resolution, "RES-UEA-IIIC");
}

static void test_document_age_limits(void **state)
{
    const tnd_definition *def = *state;
    assert_int_equal(def->n_documents, 3);
    /* §5.2 L1298-1300: KvK extract not older than 6 months at submission */
    assert_string_equal(def->documents[0].document, "kvk-extract");
    assert_int_equal(def->documents[0].max_months, 6);
    assert_int_equal(def->documents[0].when, TND_DOC_AT_SUBMISSION);
    /* §5.2 L1309-1315: on request, 24 and 6 months */
    assert_string_equal(def->documents[1].document, "gedragsverklaring");
    assert_int_equal(def->documents[1].max_months, 24);
    assert_int_equal(def->documents[1].when, TND_DOC_ON_REQUEST);
    assert_string_equal(def->documents[2].document, "belastingverklaring");
    assert_int_equal(def->documents[2].max_months, 6);
    assert_int_equal(def->documents[2].when, TND_DOC_ON_REQUEST);
}

static void test_solvency_threshold_is_strict_20_percent_over_2019_2021(void **state)
{
    const tnd_definition *def = *state;
    const tnd_financial_rules *f = &def->financial;
    const tnd_fin_norm *n = &f->norms[1];
    /* §5.3.1 L1360: "Totaal eigen Vermogen / Totaal Activa > 20,0%" */
    assert_string_equal(n->ref.id, "FIN-SOLVABILITEIT");
    assert_int_equal(n->threshold.units, 200000);
    assert_int_equal(n->op, TND_OP_GT);
    assert_true(n->percent);
    assert_int_equal(n->display_places, 1);
    assert_int_equal(n->n_num, 1);
    assert_int_equal(n->num_items[0], tnd_definition_fin_item(def, "eigen-vermogen"));
    assert_int_equal(n->den_items[0], tnd_definition_fin_item(def, "activa"));
    assert_int_equal(n->n_years, 3);
    assert_int_equal(n->years[0], 2019);
    assert_int_equal(n->years[2], 2021);
    assert_int_equal(n->degenerate, TND_DEGENERATE_NOT_MET);
}

static void test_rentabiliteit_threshold_is_1_50_percent_over_five_years(void **state)
{
    const tnd_definition *def = *state;
    const tnd_fin_norm *n = &def->financial.norms[0];
    /* §5.3.1 L1355: "Resultaat / Omzet > 1,50%"; RES-FIN-JAREN: forecasts count */
    assert_string_equal(n->ref.id, "FIN-RENTABILITEIT");
    assert_int_equal(n->threshold.units, 15000);
    assert_int_equal(n->op, TND_OP_GT);
    assert_int_equal(n->display_places, 2);
    assert_int_equal(n->n_years, 5);
    assert_int_equal(n->years[4], 2023);
    assert_string_equal(n->ref.resolution, "RES-FIN-JAREN");
}

static void test_current_ratio_adds_liquid_assets_and_is_met_when_debt_zero(void **state)
{
    const tnd_definition *def = *state;
    const tnd_fin_norm *n = &def->financial.norms[2];
    /* §5.3.1 L1365-1368: (vlottende activa + liquide middelen) / kortlopende schulden > 1 */
    assert_int_equal(n->n_num, 2);
    assert_int_equal(n->num_items[0], tnd_definition_fin_item(def, "vlottende-activa"));
    assert_int_equal(n->num_items[1], tnd_definition_fin_item(def, "liquide-middelen"));
    assert_int_equal(n->den_items[0], tnd_definition_fin_item(def, "kortlopende-schulden"));
    assert_int_equal(n->threshold.units, 1000000);
    assert_false(n->percent);
    assert_int_equal(n->display_places, 2);
    assert_int_equal(n->degenerate, TND_DEGENERATE_MET_IF_POSITIVE);
}

static void test_financial_items_years_and_year_bands(void **state)
{
    const tnd_definition *def = *state;
    const tnd_financial_rules *f = &def->financial;
    assert_int_equal(f->n_items, 7);
    assert_string_equal(f->items[2].label, "Totaal eigen vermogen");
    assert_true(f->items[2].may_be_negative);
    assert_false(f->items[3].may_be_negative);
    assert_int_equal(f->items[0].n_years, 5);
    assert_int_equal(f->items[6].n_years, 3);
    /* §5.3.1 L1371-1378: 0-1 years PASS, 2 REVIEW, 3+ PLAN REQUIRED */
    assert_int_equal(f->n_bands, 3);
    assert_int_equal(f->bands[0].min_failed, 0);
    assert_int_equal(f->bands[0].max_failed, 1);
    assert_int_equal(f->bands[0].verdict, TND_PASS);
    assert_int_equal(f->bands[1].min_failed, 2);
    assert_int_equal(f->bands[1].max_failed, 2);
    assert_int_equal(f->bands[1].verdict, TND_REVIEW);
    assert_int_equal(f->bands[2].min_failed, 3);
    assert_int_equal(f->bands[2].max_failed, -1);
    assert_int_equal(f->bands[2].verdict, TND_PLAN_REQUIRED);
    /* L1380-1383 going concern 2021; L1385-1388 start-up */
    assert_int_equal(f->going_concern_year, 2021);
    assert_int_equal(f->going_concern_verdict, TND_PLAN_REQUIRED);
    assert_int_equal(f->startup_verdict, TND_REVIEW);
    assert_string_equal(f->plan.id, "FIN-PLAN-VAN-AANPAK");
}

static void test_insurance_minimum_is_2_million_euro_per_event(void **state)
{
    const tnd_definition *def = *state;
    /* §5.3.2 L1398-1399: "€ 2.000.000 per gebeurtenis"; every member L1409-1411 */
    assert_int_equal(def->insurance.min_per_event, 200000000);
    assert_true(def->insurance.every_member);
    assert_int_equal(def->insurance.declared_only, TND_CONDITIONAL);
}

static void test_references_count_2_within_3_years_referent_gemeente(void **state)
{
    const tnd_definition *def = *state;
    const tnd_reference_rules *r = &def->references;
    /* §5.4 L1443-1459 */
    assert_int_equal(r->count, 2);
    assert_int_equal(r->window_years, 3);
    assert_string_equal(r->window_rule.resolution, "RES-REFERENTIEPERIODE");
    assert_int_equal(r->n_competences, 3);
    assert_string_equal(r->competences[2].id, "KC3");
    assert_int_equal(r->n_allowed, 1);
    assert_string_equal(r->referent_kinds_allowed[0], "gemeente");
    assert_int_equal(r->n_forbidden, 2);
    assert_string_equal(r->referent_kinds_forbidden[0], "rsj");
    assert_string_equal(r->referent_kinds_forbidden[1], "rsj-medewerker");
    assert_string_equal(r->dissolved_rule.id, "REF-ONTBONDEN");
    assert_string_equal(r->third_party_rule.id, "REF-DERDEN");
}

static void test_quality_schemes_keurmerken_and_agb(void **state)
{
    const tnd_definition *def = *state;
    /* §5.5.1.1 L1492-1504 */
    assert_int_equal(def->n_quality, 2);
    assert_int_equal(def->quality[0].n_lots, 8);
    assert_int_equal(def->quality[0].n_schemes, 7);
    assert_string_equal(def->quality[0].schemes[0], "HKZ");
    assert_true(def->quality[0].equivalent_review);
    assert_int_equal(def->quality[1].n_lots, 1);
    assert_int_equal(def->quality[1].lots[0], 8);
    assert_int_equal(def->quality[1].n_schemes, 3);
    assert_string_equal(def->quality[1].schemes[0], "ISO-9001:2015");
    /* §5.5.1.2 L1514-1522: in progress => CONDITIONAL, within one year */
    assert_int_equal(def->n_keurmerken, 2);
    assert_string_equal(def->keurmerken[0].provider_type, "gezinshuis");
    assert_string_equal(def->keurmerken[1].keurmerk, "keurmerk-landbouw-zorg");
    assert_int_equal(def->keurmerken[1].in_progress, TND_CONDITIONAL);
    assert_int_equal(def->keurmerken[1].within_months, 12);
    /* §5.5.1.3 L1537: "1 AGB code" */
    assert_int_equal(def->agb.count, 1);
}

static void test_requirement_lot2_revenue_6_5_million_in_2021(void **state)
{
    const tnd_definition *def = *state;
    /* §5.6 L1562: "in 2021 landelijk minimaal 6,5 miljoen euro"; minimaal = >= (RES-MINIMAAL) */
    const tnd_requirement *r = requirement(def, "TG-P2-OMZET");
    assert_non_null(r);
    assert_int_equal(r->lot, 2);
    assert_int_equal(r->kind, TND_REQ_MONEY);
    assert_string_equal(r->fact, "jeugdwet-omzet");
    assert_int_equal(r->year, 2021);
    assert_int_equal(r->op, TND_OP_GE);
    assert_int_equal(r->money, 650000000);
    assert_string_equal(r->ref.resolution, "RES-MINIMAAL");
}

static void test_requirements_of_lots_2_3_4_5_and_9(void **state)
{
    const tnd_definition *def = *state;
    assert_int_equal(def->n_requirements, 15);
    /* §5.6 L1558: wonen/verblijf from intensity H = bids lot 8 H, I, J or K */
    const tnd_requirement *h = requirement(def, "TG-P2-VERBLIJF-VANAF-H");
    assert_int_equal(h->kind, TND_REQ_BIDS_PRODUCT);
    assert_int_equal(h->product_lot, 8);
    assert_int_equal(h->n_values, 4);
    assert_string_equal(h->values[0], "H");
    assert_string_equal(h->values[3], "K");
    const tnd_requirement *cao = requirement(def, "TG-P2-CAO");
    assert_int_equal(cao->kind, TND_REQ_ONE_OF);
    assert_int_equal(cao->n_values, 2);
    assert_string_equal(cao->values[1], "gehandicaptenzorg");
    /* §5.6 L1572-1575 */
    assert_int_equal(requirement(def, "TG-P3-OMZET")->money, 25000000);
    const tnd_requirement *fte = requirement(def, "TG-P3-FTE");
    assert_int_equal(fte->kind, TND_REQ_NUMBER);
    assert_int_equal(fte->number.units, 5000000);
    assert_int_equal(fte->year, 0);
    /* §5.6 L1581-1585 */
    assert_int_equal(requirement(def, "TG-P4-GGZ-VERBLIJF")->number.units, 10000000);
    assert_string_equal(requirement(def, "TG-P4-LOCATIE")->fact, "locaties-in-regio");
    assert_int_equal(requirement(def, "TG-P5-WVGGZ")->kind, TND_REQ_FLAG);
    /* §10 eis 107 L4518 */
    assert_int_equal(requirement(def, "ED-NKD")->lot, 9);
    assert_string_equal(requirement(def, "ED-PROTOCOL")->fact, "protocol-dyslexie");
}

static void test_declarations_no_reservations_is_review_others_fail(void **state)
{
    const tnd_definition *def = *state;
    assert_int_equal(def->n_declarations, 8);
    for (size_t i = 0; i < def->n_declarations; i++) {
        /* §4.1.5 L511-515: "kan ... ongeldig verklaren" => REVIEW */
        bool may = strcmp(def->declarations[i].kind, "no-reservations") == 0;
        assert_int_equal(def->declarations[i].on_violation, may ? TND_REVIEW : TND_FAIL);
    }
    assert_string_equal(def->declarations[7].kind, "language");
}

static void test_residential_band_j_is_4_1_to_4_6_inclusive(void **state)
{
    const tnd_definition *def = *state;
    const tnd_residential_rules *r = &def->residential;
    assert_int_equal(r->lot, 8);
    assert_string_equal(r->product_group, "intensiteit");
    assert_int_equal(r->scale.n_bands, 9);
    assert_string_equal(r->scale.source, "§9 L4088-4110");
    /* L4108: "Intensiteit J 4,1 t/m 4,6" */
    const tnd_intensity_band *j = band(&r->scale, "J");
    assert_int_equal(j->from.units, 4100000);
    assert_true(j->from_inclusive);
    assert_int_equal(j->to.units, 4600000);
    assert_true(j->to_inclusive);
    /* L4096: "Intensiteit D 1,2 tot 1,8": exclusive upper limit */
    const tnd_intensity_band *d = band(&r->scale, "D");
    assert_int_equal(d->from.units, 1200000);
    assert_int_equal(d->to.units, 1800000);
    assert_false(d->to_inclusive);
    assert_int_equal(band(&r->scale, "C")->from.units, 100000);
    assert_null(band(&r->scale, "A"));
}

static void test_occupancy_floors_regular_95_kdv_90_crisis_none(void **state)
{
    const tnd_definition *def = *state;
    const tnd_residential_rules *r = &def->residential;
    assert_int_equal(r->n_occupancy, 3);
    /* §9 L4136-4137: not below 95% */
    assert_string_equal(r->occupancy[0].kind, "regular");
    assert_true(r->occupancy[0].has_floor);
    assert_int_equal(r->occupancy[0].floor.units, 950000);
    /* §9.7.3 L4245: kortdurend verblijf minimaal 90% */
    assert_string_equal(r->occupancy[1].kind, "kdv");
    assert_int_equal(r->occupancy[1].floor.units, 900000);
    assert_string_equal(r->occupancy[2].kind, "crisis");
    assert_false(r->occupancy[2].has_floor);
}

static void test_provider_maxima_per_type(void **state)
{
    const tnd_definition *def = *state;
    const tnd_residential_rules *r = &def->residential;
    /* §9.6 L4011-4049 */
    assert_int_equal(r->n_maxima, 11);
    assert_string_equal(r->maxima[0].provider_type, "pleegzorg");
    assert_string_equal(r->maxima[0].max_product, "A");
    assert_string_equal(r->maxima[5].provider_type, "gezinshuis");
    assert_string_equal(r->maxima[5].max_product, "E");
    assert_string_equal(r->maxima[8].provider_type, "kdv-intensief");
    assert_string_equal(r->maxima[8].max_product, "G");
    assert_string_equal(r->maxima[10].provider_type, "fasehuis");
    assert_string_equal(r->maxima[10].max_product, "");
    assert_int_equal(r->maxima[10].min_products, 2);
    assert_string_equal(r->max_rule.id, "INT-MAX-AANBIEDERSTYPE");
}

static void test_group_bands_are_inclusive_on_both_limits(void **state)
{
    const tnd_definition *def = *state;
    const tnd_group_rules *g = &def->group;
    /* §8.5.3 L3525: "Groepsaanbod middel 0,19 - 0,28" */
    assert_int_equal(g->lot, 6);
    assert_int_equal(g->scale.n_bands, 4);
    const tnd_intensity_band *m = band(&g->scale, "middel");
    assert_int_equal(m->from.units, 190000);
    assert_int_equal(m->to.units, 280000);
    assert_true(m->from_inclusive);
    assert_true(m->to_inclusive);
    assert_string_equal(g->ref.resolution, "RES-INTENSITEIT-GRENS");
}

static void test_score_scale_0_to_10_in_steps_of_2(void **state)
{
    const tnd_definition *def = *state;
    const tnd_score_scale *s = &def->score_scale;
    /* §6.1.1 L1780-1800 */
    assert_int_equal(s->n_values, 6);
    assert_int_equal(s->values[0], 0);
    assert_string_equal(s->labels[0], "Geen antwoord");
    assert_int_equal(s->values[3], 6);
    assert_string_equal(s->labels[3], "Voldoende");
    assert_int_equal(s->values[5], 10);
    assert_string_equal(s->labels[5], "Uitmuntend");
}

static void test_lot4_award_ranked_max_5_with_weights(void **state)
{
    const tnd_definition *def = *state;
    const tnd_award_lot *a = tnd_definition_award(def, 4);
    /* §6.1.2 L1838-1850: 50% normaliseren, 50% regionale doelen (A 40, B 20, C 20, D 20) */
    assert_int_equal(a->kind, TND_AWARD_RANKED);
    assert_int_equal(a->max_awarded, 5);
    assert_string_equal(a->tie_rule, "");
    assert_string_equal(a->ref.resolution, "RES-GELIJKE-STAND");
    assert_int_equal(a->n_criteria, 6);
    const tnd_criterion *c = a->criteria;
    assert_string_equal(c[0].id, "normaliseren");
    assert_int_equal(c[0].weight.units, 500000);
    assert_int_equal(c[0].parent, -1);
    assert_true(c[0].has_minimum);
    assert_int_equal(c[0].minimum.units, 6000000);
    assert_int_equal(c[0].revisions, 1);
    assert_string_equal(c[1].id, "regionale-doelen");
    assert_int_equal(c[1].weight.units, 500000);
    assert_false(c[1].has_minimum);
    assert_string_equal(c[2].id, "A");
    assert_int_equal(c[2].weight.units, 400000);
    assert_int_equal(c[2].parent, 1);
    assert_int_equal(c[3].weight.units, 200000);
    /* L1943-1945: >= 10 places within 15 km gives the highest score */
    assert_string_equal(c[4].id, "C");
    assert_true(c[4].computed_locations);
    assert_int_equal(c[4].locations_min_places, 10);
    assert_int_equal(c[4].locations_max_km.units, 15000000);
    assert_int_equal(c[4].locations_score, 10);
    assert_int_equal(c[5].parent, 1);
    assert_false(c[5].computed_locations);
}

static void test_awards_threshold_1_2_3_5_9_admit_6_7_8(void **state)
{
    const tnd_definition *def = *state;
    assert_int_equal(def->n_awards, 9);
    for (int lot = 1; lot <= 9; lot++) {
        const tnd_award_lot *a = tnd_definition_award(def, lot);
        assert_non_null(a);
        if (lot == 4)
            continue;
        if (lot >= 6 && lot <= 8) {
            assert_int_equal(a->kind, TND_AWARD_ADMIT);
            assert_int_equal(a->n_criteria, 0);
            assert_string_equal(a->ref.resolution, "RES-PVA-PERCELEN-678");
        } else {
            /* §6.1 L1690-1692, L1708: minimum 6,0, one revision, no maximum */
            assert_int_equal(a->kind, TND_AWARD_THRESHOLD);
            assert_int_equal(a->max_awarded, 0);
            assert_int_equal(a->n_criteria, 1);
            assert_int_equal(a->criteria[0].weight.units, 1000000);
            assert_int_equal(a->criteria[0].minimum.units, 6000000);
            assert_int_equal(a->criteria[0].revisions, 1);
        }
    }
}

static void test_every_rule_cites_a_section_and_has_a_label(void **state)
{
    const tnd_definition *def = *state;
    size_t n = tnd_definition_rules(def, NULL, 0);
    tnd_rule_entry *refs = calloc(n, sizeof *refs);
    assert_non_null(refs);
    assert_int_equal(tnd_definition_rules(def, refs, n), n);
    assert_int_equal(n, 84); /* 79 + PROC-HERSTEL (issue 8 §4) + INT-BEREKENING-PER-GROEP,
                              * INT-GROEP-CAPACITEIT, FIN-BEROEP-GROEP, VOLL-FTE-TARIEFGROEP
                              * (issue 8 §3) */
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(strncmp(refs[i].ref->source, "§", strlen("§")), 0);
        assert_true(strlen(refs[i].ref->label) > 0);
        assert_non_null(refs[i].engine);
        if (refs[i].ref->resolution[0])
            assert_non_null(tnd_definition_resolution(def, refs[i].ref->resolution));
    }
    free(refs);
}

/* ------------------------------------------------------------------------------------------ */
/* Small definitions, good and bad                                                             */

/* A minimal definition: two lots; `tariff` is the text of lot 1's tariff, `lot2` extra
 * attributes of lot 2, `tail` the sections after <lots>. */
static const char minimal_format[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                   /* 1 */
    "<tender-definition xmlns=\"urn:tender:definition:1\">\n"                        /* 2 */
    "  <meta><id>test</id><title>T</title><authority>A</authority>"
    "<document>D</document><timezone>Europe/Amsterdam</timezone></meta>\n"           /* 3 */
    "  <resolutions><resolution id=\"RES-A\" source=\"§1\">Lezing A</resolution>"
    "</resolutions>\n"                                                                /* 4 */
    "  <procedure><closing id=\"SLUIT\" source=\"§3.6\" label=\"Sluitingstijd\""
    " at=\"18-07-2022 11:00\"/></procedure>\n"                                        /* 5 */
    "  <municipalities source=\"§2\"><municipality id=\"zwolle\">Zwolle</municipality>"
    "</municipalities>\n"                                                             /* 6 */
    "  <lots>\n"                                                                      /* 7 */
    "    <lot number=\"1\" name=\"Een\" source=\"§3.2\" municipalities=\"zwolle\">\n"  /* 8 */
    "      <product code=\"TG1\" name=\"TG1\"><tariff unit=\"minuut\">%s</tariff></product>\n"
    "    </lot>\n"                                                                    /* 10 */
    "    <lot number=\"2\" name=\"Twee\" source=\"§3.2\" municipalities=\"zwolle\"%s>\n"
    "      <product code=\"X\" name=\"X\"/><product code=\"Y\" name=\"Y\"/>\n"         /* 12 */
    "    </lot>\n"                                                                    /* 13 */
    "  </lots>\n"                                                                     /* 14 */
    "%s"                                                                              /* 15.. */
    "</tender-definition>\n";

static char *minimal(const char *tariff, const char *lot2, const char *tail)
{
    int len = snprintf(NULL, 0, minimal_format, tariff, lot2, tail);
    char *buf = malloc((size_t)len + 1);
    assert_non_null(buf);
    snprintf(buf, (size_t)len + 1, minimal_format, tariff, lot2, tail);
    return buf;
}

/* 1-based line of the n-th (1-based) occurrence of needle in buf. */
static long line_of(const char *buf, const char *needle, int n)
{
    const char *at = buf;
    for (int i = 0; i < n; i++) {
        at = strstr(i ? at + 1 : at, needle);
        assert_non_null(at);
    }
    long line = 1;
    for (const char *s = buf; s < at; s++)
        line += *s == '\n';
    return line;
}

/* Loads buf and returns the status; on success *out owns the definition. */
static tnd_status load(const char *buf, tnd_definition **out, tnd_error *err)
{
    return tnd_definition_load_memory(buf, strlen(buf), "proef.xml", out, err);
}

static void test_minimal_definition_loads_with_optional_sections_empty(void **state)
{
    char *buf = minimal("€ 1,08", "", "");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_OK);
    assert_string_equal(def->file, "proef.xml");
    assert_int_equal(def->n_lots, 2);
    assert_int_equal(def->lots[0].products[0].tariffs[0].amount, 108);
    assert_int_equal(def->lots[1].products[0].n_tariffs, 0);
    assert_int_equal(def->n_combo_rules, 0);
    assert_int_equal(def->financial.n_norms, 0);
    assert_int_equal(def->n_awards, 0);
    assert_int_equal(tnd_definition_rules(def, NULL, 0), 1); /* only the closing time */
    tnd_definition_free(def);
    free(buf);
}

static void test_duplicate_rule_id_is_refused_at_second_use(void **state)
{
    char *buf = minimal("€ 1,08", "",
                        "  <required>\n"
                        "    <item id=\"DUBBEL\" item=\"uea\" source=\"§5.1\" label=\"UEA\"/>\n"
                        "    <item id=\"DUBBEL\" item=\"agb\" source=\"§5.5\" label=\"AGB\"/>\n"
                        "  </required>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_null(def);
    assert_string_equal(err.file, "proef.xml");
    assert_int_equal(err.line, 17);
    assert_int_equal(err.line, line_of(buf, "id=\"DUBBEL\"", 2));
    assert_string_equal(err.where, "<item>");
    assert_non_null(strstr(err.message, "'DUBBEL'"));
    assert_non_null(strstr(err.message, "regel 16"));
    assert_true(strlen(err.hint) > 0);
    free(buf);
}

static void test_duplicate_id_between_resolution_and_rule_is_refused(void **state)
{
    char *buf = minimal("€ 1,08", "",
                        "  <agb id=\"RES-A\" source=\"§5.5.1.3\" label=\"AGB\" count=\"1\"/>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 15);
    assert_non_null(strstr(err.message, "regel 4"));
    free(buf);
}

static void test_unknown_lot_in_combination_rule_is_refused(void **state)
{
    char *buf = minimal("€ 1,08", "",
                        "  <combinations>\n"
                        "    <at-most id=\"C1\" source=\"§4.3.1\" label=\"Eén\" count=\"1\""
                        " lots=\"1 2\"/>\n"
                        "    <requires-any id=\"C2\" source=\"§4.3.1\" label=\"Zes\" lot=\"2\""
                        " lots=\"1 6\"/>\n"
                        "  </combinations>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 17);
    assert_int_equal(err.line, line_of(buf, "<requires-any", 1));
    assert_non_null(strstr(err.message, "perceel 6 bestaat niet"));
    assert_non_null(strstr(err.hint, "(1 2)"));
    free(buf);
}

static void test_criteria_weights_not_summing_to_100_percent_are_refused(void **state)
{
    char *buf = minimal("€ 1,08", "",
                        "  <awards>\n"
                        "    <award id=\"G1\" lot=\"1\" kind=\"ranked\" source=\"§6.1\""
                        " label=\"Gunning\">\n"
                        "      <criterion id=\"a\" label=\"A\" weight=\"50%\" source=\"§6\"/>\n"
                        "      <criterion id=\"b\" label=\"B\" weight=\"40%\" source=\"§6\"/>\n"
                        "    </award>\n"
                        "  </awards>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 16);
    assert_string_equal(err.where, "<award>");
    assert_non_null(strstr(err.message, "90,00%"));
    free(buf);
}

static void test_sub_criteria_weights_are_checked_per_level(void **state)
{
    /* 50% + 50% at the top is right; 40% + 20% + 20% + 10% under "regio" is 90% */
    char *buf = minimal("€ 1,08", "",
                        "  <awards>\n"
                        "    <award id=\"G1\" lot=\"1\" kind=\"ranked\" source=\"§6.1\""
                        " label=\"Gunning\">\n"
                        "      <criterion id=\"norm\" label=\"N\" weight=\"50%\" source=\"§6\"/>\n"
                        "      <criterion id=\"regio\" label=\"R\" weight=\"0,5\" source=\"§6\">\n"
                        "        <criterion id=\"A\" label=\"A\" weight=\"40%\" source=\"§6\"/>\n"
                        "        <criterion id=\"B\" label=\"B\" weight=\"20%\" source=\"§6\"/>\n"
                        "        <criterion id=\"C\" label=\"C\" weight=\"20%\" source=\"§6\"/>\n"
                        "        <criterion id=\"D\" label=\"D\" weight=\"10%\" source=\"§6\"/>\n"
                        "      </criterion>\n"
                        "    </award>\n"
                        "  </awards>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 18);
    assert_string_equal(err.where, "<criterion>");
    assert_non_null(strstr(err.message, "criterium regio"));
    free(buf);
}

static void test_price_formula_of_another_region_loads(void **state)
{
    /* not IJsselland: a lot that competes on price, 60% quality and 40% price */
    char *buf = minimal("€ 1,08", "",
                        "  <awards>\n"
                        "    <award id=\"G2\" lot=\"2\" kind=\"ranked\" max-awarded=\"3\""
                        " source=\"§6\" label=\"Gunning\">\n"
                        "      <criterion id=\"plan\" label=\"Plan\" weight=\"100%\" source=\"§6\"/>\n"
                        "      <price kind=\"weighted-range\" quality-weight=\"60%\""
                        " price-weight=\"40%\" pmin=\"€ 1.000,00\" pmax=\"€ 2.500,00\""
                        " source=\"§6.2\"/>\n"
                        "    </award>\n"
                        "  </awards>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_OK);
    const tnd_award_lot *a = tnd_definition_award(def, 2);
    assert_string_equal(a->price_formula, "weighted-range");
    assert_int_equal(a->price.kind, TND_PRICE_WEIGHTED_RANGE);
    assert_int_equal(a->price.quality_weight.units, 600000);
    assert_int_equal(a->price.price_weight.units, 400000);
    assert_int_equal(a->price.pmin, 100000);
    assert_int_equal(a->price.pmax, 250000);
    assert_string_equal(a->price.source, "§6.2");
    /* IJsselland itself has no price competition */
    tnd_definition *ijs = NULL;
    assert_int_equal(tnd_definition_load_default(&ijs, &err), TND_OK);
    assert_string_equal(tnd_definition_award(ijs, 4)->price_formula, "");
    assert_int_equal(tnd_definition_award(ijs, 4)->price.kind, TND_PRICE_NONE);
    tnd_definition_free(ijs);
    tnd_definition_free(def);
    free(buf);
}

static void test_price_weights_not_summing_to_100_percent_are_refused(void **state)
{
    char *buf = minimal("€ 1,08", "",
                        "  <awards>\n"
                        "    <award id=\"G2\" lot=\"2\" kind=\"ranked\" source=\"§6\""
                        " label=\"Gunning\">\n"
                        "      <price kind=\"relative-lowest\" quality-weight=\"60%\""
                        " price-weight=\"30%\" source=\"§6.2\"/>\n"
                        "    </award>\n"
                        "  </awards>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 17);
    assert_string_equal(err.where, "<price>");
    free(buf);
}

static void test_malformed_money_is_refused_as_value_error_with_line(void **state)
{
    char *buf = minimal("€ 1,0x", "", "");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_VALUE);
    assert_null(def);
    assert_int_equal(err.line, 9);
    assert_string_equal(err.where, "<tariff>");
    assert_non_null(strstr(err.message, "\"€ 1,0x\""));
    assert_non_null(strstr(err.hint, "€ 2.000.000,00"));
    free(buf);
}

static void test_negative_tariff_is_refused_as_range_error(void **state)
{
    char *buf = minimal("-€ 1,08", "", "");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_RANGE);
    assert_int_equal(err.line, 9);
    free(buf);
}

static void test_unknown_resolution_reference_is_refused(void **state)
{
    char *buf = minimal("€ 1,08", "",
                        "  <agb id=\"AGB\" source=\"§5.5.1.3\" label=\"AGB\" count=\"1\""
                        " resolution=\"RES-ONBEKEND\"/>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 15);
    assert_non_null(strstr(err.message, "RES-ONBEKEND"));
    free(buf);
}

static void test_requirements_include_of_unknown_lot_is_refused(void **state)
{
    char *buf = minimal("€ 1,08", " requirements-include=\"3\"", "");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 11);
    assert_non_null(strstr(err.message, "perceel 3 bestaat niet"));
    free(buf);
}

static void test_requirements_include_of_itself_is_refused(void **state)
{
    char *buf = minimal("€ 1,08", " requirements-include=\"2\"", "");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 11);
    assert_non_null(strstr(err.message, "kring"));
    free(buf);
}

static void test_overlapping_intensity_bands_are_refused(void **state)
{
    /* "1,2 tot 1,8" may be followed by a band from 1,8, not from 1,7 */
    char *buf = minimal("€ 1,08", "",
                        "  <group id=\"GR\" source=\"§8.5.3\" label=\"Groep\" lot=\"2\">\n"
                        "    <scale source=\"§8.5.3\">\n"
                        "      <band code=\"X\" from=\"1,2\" to=\"1,8\" to-inclusive=\"false\"/>\n"
                        "      <band code=\"Y\" from=\"1,7\" to=\"2,4\" to-inclusive=\"false\"/>\n"
                        "    </scale>\n"
                        "  </group>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 18);
    assert_non_null(strstr(err.message, "begint onder het einde"));
    free(buf);
}

static void test_unknown_financial_item_in_norm_is_refused(void **state)
{
    char *buf = minimal("€ 1,08", "",
                        "  <financial id=\"FIN\" source=\"§5.3.1\" label=\"Financieel\">\n"
                        "    <item id=\"omzet\" label=\"Omzet\" years=\"2021\"/>\n"
                        "    <norm id=\"N\" source=\"§5.3.1\" label=\"N\" numerator=\"winst\""
                        " denominator=\"omzet\" op=\"gt\" threshold=\"1,50%\" years=\"2021\""
                        " degenerate=\"not-met\"/>\n"
                        "    <year-rule id=\"J\" source=\"§5.3.1\" label=\"J\">"
                        "<band min-failed=\"0\" verdict=\"PASS\"/></year-rule>\n"
                        "    <going-concern id=\"GC\" source=\"§5.3.1\" label=\"GC\" year=\"2021\""
                        " verdict=\"PLAN_REQUIRED\"/>\n"
                        "    <startup id=\"ST\" source=\"§5.3.1\" label=\"ST\" verdict=\"REVIEW\"/>\n"
                        "    <plan id=\"PL\" source=\"§5.3.1\" label=\"PL\"/>\n"
                        "  </financial>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 17);
    assert_non_null(strstr(err.message, "'winst'"));
    free(buf);
}

static void test_year_bands_with_a_gap_are_refused(void **state)
{
    char *buf = minimal("€ 1,08", "",
                        "  <financial id=\"FIN\" source=\"§5.3.1\" label=\"Financieel\">\n"
                        "    <item id=\"omzet\" label=\"Omzet\" years=\"2021\"/>\n"
                        "    <norm id=\"N\" source=\"§5.3.1\" label=\"N\" numerator=\"omzet\""
                        " denominator=\"omzet\" op=\"gt\" threshold=\"1\" years=\"2021\""
                        " degenerate=\"not-met\"/>\n"
                        "    <year-rule id=\"J\" source=\"§5.3.1\" label=\"J\">\n"
                        "      <band min-failed=\"0\" max-failed=\"1\" verdict=\"PASS\"/>\n"
                        "      <band min-failed=\"3\" verdict=\"PLAN_REQUIRED\"/>\n"
                        "    </year-rule>\n"
                        "    <going-concern id=\"GC\" source=\"§5.3.1\" label=\"GC\" year=\"2021\""
                        " verdict=\"PLAN_REQUIRED\"/>\n"
                        "    <startup id=\"ST\" source=\"§5.3.1\" label=\"ST\" verdict=\"REVIEW\"/>\n"
                        "    <plan id=\"PL\" source=\"§5.3.1\" label=\"PL\"/>\n"
                        "  </financial>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 20);
    assert_non_null(strstr(err.message, "verwacht 2"));
    free(buf);
}

static void test_schema_violation_is_a_schema_error(void **state)
{
    /* <procedure> missing: the XSD refuses before any value is read */
    const char *buf =
        "<?xml version=\"1.0\"?>\n"
        "<tender-definition xmlns=\"urn:tender:definition:1\">\n"
        "  <meta><id>x</id><title>T</title><authority>A</authority><document>D</document>"
        "<timezone>Europe/Amsterdam</timezone></meta>\n"
        "  <municipalities source=\"§2\"><municipality id=\"a\">A</municipality>"
        "</municipalities>\n"
        "</tender-definition>\n";
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_SCHEMA);
    assert_null(def);
    assert_int_equal(err.line, 4);
}

static void test_missing_file_is_an_io_error(void **state)
{
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(tnd_definition_load_file("/nonexistent/tender.xml", &def, &err), TND_ERR_IO);
    assert_null(def);
    assert_string_equal(err.file, "/nonexistent/tender.xml");
}

/* ------------------------------------------------------------------------------------------ */
/* Requirements against the fact vocabulary (scoring/facts.c; issue 8 §5, issue 12)           */

/* A definition whose <requirements> holds the one element `requirement` (line 16). */
static char *with_requirement(const char *requirement)
{
    char tail[1024];
    snprintf(tail, sizeof tail, "  <requirements>\n    %s\n  </requirements>\n", requirement);
    return minimal("€ 1,08", "", tail);
}

static void assert_requirement_refused(const char *requirement, const char *message,
                                       const char *hint)
{
    char *buf = with_requirement(requirement);
    tnd_error err;
    tnd_definition *def = NULL;
    tnd_status rc = load(buf, &def, &err);
    if (rc != TND_ERR_DEFINITION || strcmp(err.message, message) != 0) {
        char text[1600];
        tnd_error_format(&err, text, sizeof text);
        fprintf(stderr, "%s\n", text);
    }
    assert_int_equal(rc, TND_ERR_DEFINITION);
    assert_null(def);
    assert_string_equal(err.file, "proef.xml");
    assert_int_equal(err.line, 16);
    assert_int_equal(err.line, line_of(buf, "id=\"EIS\"", 1));
    assert_string_equal(err.message, message);
    assert_string_equal(err.hint, hint);
    free(buf);
}

static void test_number_requirement_on_the_money_fact_revenue_is_refused_naming_line(void **state)
{
    /* §5.6 L1572-1573 asks revenue in euro; <number> would read the fact's number (0) and fail
     * every lot-3 bid with "jeugdwet-omzet 2021 is 0" */
    assert_requirement_refused(
        "<number id=\"EIS\" lot=\"1\" source=\"§5.6\" label=\"Omzet\" fact=\"jeugdwet-omzet\" "
        "year=\"2021\" op=\"ge\" value=\"250000\"/>",
        "<number> past niet bij gegeven 'jeugdwet-omzet': dat is een bedrag (omzet Jeugdwet in "
        "een jaar); de eis zou een leeg veld lezen en elke inschrijving verkeerd beoordelen",
        "gebruik <money fact=\"jeugdwet-omzet\" year=\"...\"> voor dit gegeven, bijvoorbeeld "
        "value=\"€ 1.250.000,00\" (zie docs/definition-format.md)");
}

static void test_money_requirement_on_the_revenue_fact_with_its_year_loads(void **state)
{
    char *buf = with_requirement("<money id=\"EIS\" lot=\"1\" source=\"§5.6\" label=\"Omzet\" "
                                 "fact=\"jeugdwet-omzet\" year=\"2021\" op=\"ge\" "
                                 "value=\"€ 250.000,00\"/>");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_OK);
    assert_int_equal(def->n_requirements, 1);
    assert_int_equal(def->requirements[0].kind, TND_REQ_MONEY);
    assert_int_equal(def->requirements[0].money, 25000000);
    assert_int_equal(def->requirements[0].year, 2021);
    tnd_definition_free(def);
    free(buf);
}

static void test_number_requirement_on_count_and_decimal_facts_loads(void **state)
{
    static const char *const facts[] = { "fte-behandelaren-loondienst",
                                         "ggz-verblijf-jeugdigen-regio", "locaties-in-regio" };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++) {
        char requirement[512];
        snprintf(requirement, sizeof requirement,
                 "<number id=\"EIS\" lot=\"1\" source=\"§5.6\" label=\"Aantal\" fact=\"%s\" "
                 "op=\"ge\" value=\"5\"/>", facts[i]);
        char *buf = with_requirement(requirement);
        tnd_error err;
        tnd_definition *def = NULL;
        assert_int_equal(load(buf, &def, &err), TND_OK);
        tnd_definition_free(def);
        free(buf);
    }
}

static void test_money_requirement_on_the_decimal_fact_fte_is_refused(void **state)
{
    assert_requirement_refused(
        "<money id=\"EIS\" lot=\"1\" source=\"§5.6\" label=\"Fte\" "
        "fact=\"fte-behandelaren-loondienst\" op=\"ge\" value=\"€ 5,00\"/>",
        "<money> past niet bij gegeven 'fte-behandelaren-loondienst': dat is een getal (fte "
        "behandelaren in loondienst); de eis zou een leeg veld lezen en elke inschrijving "
        "verkeerd beoordelen",
        "gebruik <number fact=\"fte-behandelaren-loondienst\"> voor dit gegeven, bijvoorbeeld "
        "value=\"7,5\" (zie docs/definition-format.md)");
}

static void test_flag_requirement_on_a_count_fact_is_refused(void **state)
{
    assert_requirement_refused(
        "<flag id=\"EIS\" lot=\"1\" source=\"§5.6\" label=\"Verblijf\" "
        "fact=\"ggz-verblijf-jeugdigen-regio\"/>",
        "<flag> past niet bij gegeven 'ggz-verblijf-jeugdigen-regio': dat is een geheel getal "
        "(jeugdigen uit de regio aan wie Jeugd-ggz verblijf wordt geleverd); de eis zou een leeg "
        "veld lezen en elke inschrijving verkeerd beoordelen",
        "gebruik <number fact=\"ggz-verblijf-jeugdigen-regio\"> voor dit gegeven, bijvoorbeeld "
        "value=\"12\" (zie docs/definition-format.md)");
}

static void test_one_of_requirement_on_a_flag_fact_is_refused(void **state)
{
    assert_requirement_refused(
        "<one-of id=\"EIS\" lot=\"1\" source=\"§5.6\" label=\"Wvggz\" fact=\"wvggz\" "
        "values=\"ja\"/>",
        "<one-of> past niet bij gegeven 'wvggz': dat is een ja/nee-gegeven (brengt de Wvggz in "
        "uitvoering); de eis zou een leeg veld lezen en elke inschrijving verkeerd beoordelen",
        "gebruik <flag fact=\"wvggz\"> voor dit gegeven (zie docs/definition-format.md)");
}

static void test_per_year_fact_without_year_is_refused(void **state)
{
    /* the bid gives revenue per year: without year= the requirement finds no fact (MISSING) */
    assert_requirement_refused(
        "<money id=\"EIS\" lot=\"1\" source=\"§5.6\" label=\"Omzet\" fact=\"jeugdwet-omzet\" "
        "op=\"ge\" value=\"€ 250.000,00\"/>",
        "gegeven 'jeugdwet-omzet' staat per jaar in een inschrijving, maar <money> noemt geen "
        "jaar",
        "geef met year=\"...\" het jaar waarover de eis gaat (zie docs/definition-format.md)");
}

static void test_year_on_a_fact_without_years_is_refused(void **state)
{
    assert_requirement_refused(
        "<number id=\"EIS\" lot=\"1\" source=\"§5.6\" label=\"Fte\" "
        "fact=\"fte-behandelaren-loondienst\" year=\"2021\" op=\"ge\" value=\"5\"/>",
        "gegeven 'fte-behandelaren-loondienst' heeft geen jaar, maar <number> noemt "
        "year=\"2021\"",
        "laat het attribuut year weg (zie docs/definition-format.md)");
}

/* ------------------------------------------------------------------------------------------ */
/* Issue 8: the readings the audit corrected, as data of the definition                        */

static void test_closing_time_12_00_of_nvi_2_is_a_review_window(void **state)
{
    const tnd_definition *def = *state;
    /* §3.3 L251-253: Nota van inlichtingen 2 moved the hour to 12:00; L361-362: NvIs prevail */
    assert_true(def->has_closing_review);
    assert_int_equal(def->closing_review_until.hour, 12);
    assert_int_equal(def->closing_review_until.minute, 0);
    assert_int_equal(def->closing_review_until.date.day, 18);
    assert_string_equal(def->closing_review_source,
                        "§3.3 L251-253, Nota van inlichtingen 2, gaat voor volgens L361-362");
}

static void test_lots_6_7_8_follow_the_plan_of_lots_1_to_5(void **state)
{
    const tnd_definition *def = *state;
    /* §4.3 L916-918, §6.1 L1702-1704: no additional plan; the lot 1-5 plan applies */
    for (int lot = 6; lot <= 8; lot++) {
        const tnd_award_lot *a = tnd_definition_award(def, lot);
        assert_non_null(a);
        assert_int_equal(a->kind, TND_AWARD_ADMIT);
        assert_int_equal(a->n_plan_lots, 5);
        assert_int_equal(a->plan_lots[0], 1);
        assert_int_equal(a->plan_lots[4], 5);
        assert_string_equal(a->ref.source, "§4.3 L916-918; §6.1 L1702-1704");
        assert_string_equal(a->ref.resolution, "RES-PVA-PERCELEN-678");
    }
    assert_int_equal(tnd_definition_award(def, 9)->n_plan_lots, 0);
}

static void test_combination_insurance_counts_the_combinations_cover(void **state)
{
    const tnd_definition *def = *state;
    /* §5.3.2 L1409-1411: every member insured; the combination's cover >= EUR 2.000.000 */
    assert_true(def->insurance.combination_total);
    assert_int_equal(def->insurance.min_per_event, 200000000);
    assert_string_equal(def->insurance.ref.resolution, "RES-VERZEKERING-COMBINATIE");
}

static void test_residential_mismatch_goes_to_the_verification_meeting(void **state)
{
    const tnd_definition *def = *state;
    /* §4.1.8 L567-573: "aangehouden voorgenomen gunning", intensities may be adjusted */
    assert_int_equal(def->residential.on_mismatch, TND_REVIEW);
    assert_string_equal(def->residential.ref.source, "§9 L4131-4163; §4.1.8 L567-573");
}

static void test_hkz_on_lot_8_is_a_review_scheme(void **state)
{
    const tnd_definition *def = *state;
    /* §5.5.1.1 L1507-1510: HKZ, PREZO, NIAZ, NTPN as examples for every bidder */
    const tnd_quality_rule *q = NULL;
    for (size_t i = 0; i < def->n_quality; i++)
        if (strcmp(def->quality[i].ref.id, "KWAL-SYSTEEM-VERBLIJF") == 0)
            q = &def->quality[i];
    assert_non_null(q);
    assert_int_equal(q->n_review_schemes, 4);
    assert_string_equal(q->review_schemes[0], "HKZ");
    assert_string_equal(q->ref.resolution, "RES-KWALITEIT-VERBLIJF");
}

static void test_lot_4_revised_plan_counts_in_full_naming_the_resolution(void **state)
{
    const tnd_definition *def = *state;
    /* §6.1.2 L1989-1993: the document is silent on the ranking score after a revision */
    const tnd_award_lot *a = tnd_definition_award(def, 4);
    assert_false(a->criteria[0].revised_capped);
    assert_string_equal(a->criteria[0].resolution, "RES-HERZIEN-PLAN-PERCEEL4");
}

static void test_lot_9_includes_the_lot_1_conditions_of_eis_105(void **state)
{
    const tnd_definition *def = *state;
    /* §10 eis 105 L4507-4509 */
    assert_int_equal(tnd_definition_lot(def, 9)->requirements_include, 1);
}

static void test_review_window_ending_before_the_closing_time_is_refused(void **state)
{
    char *buf = minimal("€ 1,08", "", "");
    char *at = strstr(buf, " at=\"18-07-2022 11:00\"/>");
    assert_non_null(at);
    size_t len = strlen(buf) + 80;
    char *edited = malloc(len);
    assert_non_null(edited);
    snprintf(edited, len, "%.*s at=\"18-07-2022 11:00\" review-until=\"18-07-2022 10:00\""
             " review-source=\"§3.3\"/>%s", (int)(at - buf), buf,
             at + strlen(" at=\"18-07-2022 11:00\"/>"));
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(edited, &def, &err), TND_ERR_DEFINITION);
    assert_null(def);
    assert_int_equal(err.line, 5);
    assert_non_null(strstr(err.message, "review-until ligt niet na de sluitingstijd"));
    free(edited);
    free(buf);
}

static void test_plan_lots_on_a_threshold_award_are_refused(void **state)
{
    char *buf = minimal("€ 1,08", "",
                        "  <awards>\n"
                        "    <award id=\"G1\" lot=\"1\" kind=\"threshold\" source=\"§6.1\""
                        " label=\"Gunning\" plan-lots=\"2\">\n"
                        "      <criterion id=\"a\" label=\"A\" weight=\"100%\" source=\"§6\"/>\n"
                        "    </award>\n"
                        "  </awards>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 16);
    assert_non_null(strstr(err.message, "perceel 1: plan-lots bij een gunning die zelf een plan "
                                        "scoort"));
    free(buf);
}

/* A definition with a tie rule on lot 1: criterion "plan" (scored) and "doelen" with its
 * subcriterion "a". */
static char *with_tie_rule(const char *tie_rule)
{
    char tail[1024];
    snprintf(tail, sizeof tail,
             "  <awards>\n"
             "    <award id=\"G1\" lot=\"1\" kind=\"ranked\" source=\"§6.1\" label=\"Gunning\""
             " max-awarded=\"2\" tie-rule=\"%s\">\n"
             "      <criterion id=\"plan\" label=\"Plan\" weight=\"50%%\" source=\"§6\"/>\n"
             "      <criterion id=\"doelen\" label=\"Doelen\" weight=\"50%%\" source=\"§6\">\n"
             "        <criterion id=\"a\" label=\"A\" weight=\"100%%\" source=\"§6\"/>\n"
             "      </criterion>\n"
             "    </award>\n"
             "  </awards>\n",
             tie_rule);
    return minimal("€ 1,08", "", tail);
}

/* issue 12: the tie rule names its criterion in the definition, the engine knows none */
static void test_tie_rule_higher_score_on_a_scored_criterion_loads(void **state)
{
    char *buf = with_tie_rule("higher-score:plan");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_OK);
    assert_string_equal(tnd_definition_award(def, 1)->tie_rule, "higher-score:plan");
    tnd_definition_free(def);
    free(buf);
}

static void test_tie_rule_naming_an_unknown_criterion_is_refused_with_its_line(void **state)
{
    char *buf = with_tie_rule("higher-score:normaliseren");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_null(def);
    assert_int_equal(err.line, 16);
    assert_string_equal(err.file, "proef.xml");
    assert_non_null(strstr(err.message, "perceel 1: beslisregel \"higher-score:normaliseren\" "
                                        "noemt een onbekend criterium \"normaliseren\""));
    free(buf);
}

static void test_tie_rule_naming_a_criterion_with_subcriteria_is_refused(void **state)
{
    char *buf = with_tie_rule("higher-score:doelen");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 16);
    assert_non_null(strstr(err.message, "noemt criterium \"doelen\" met subcriteria"));
    free(buf);
}

/* The old IJsselland-specific name is no longer a rule: the schema refuses it. */
static void test_tie_rule_higher_normaliseren_is_refused_by_the_schema(void **state)
{
    char *buf = with_tie_rule("higher-normaliseren");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_SCHEMA);
    assert_null(def);
    free(buf);
}

static void test_admit_lot_following_another_admit_lot_is_refused(void **state)
{
    char *buf = minimal("€ 1,08", "",
                        "  <awards>\n"
                        "    <award id=\"G1\" lot=\"1\" kind=\"admit\" source=\"§6.1\""
                        " label=\"Een\"/>\n"
                        "    <award id=\"G2\" lot=\"2\" kind=\"admit\" source=\"§6.1\""
                        " label=\"Twee\" plan-lots=\"1\"/>\n"
                        "  </awards>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 17);
    assert_non_null(strstr(err.message, "perceel 2: plan-lots noemt perceel 1, dat geen plan "
                                        "scoort"));
    free(buf);
}

static void test_unknown_revised_score_reading_is_refused(void **state)
{
    char *buf = minimal("€ 1,08", "",
                        "  <awards>\n"
                        "    <award id=\"G1\" lot=\"1\" kind=\"threshold\" source=\"§6.1\""
                        " label=\"Gunning\">\n"
                        "      <criterion id=\"a\" label=\"A\" weight=\"100%\" source=\"§6\""
                        " minimum=\"6,0\" revisions=\"1\" revised-score=\"cap-at-minimum\""
                        " resolution=\"RES-ONBEKEND\"/>\n"
                        "    </award>\n"
                        "  </awards>\n");
    tnd_error err;
    tnd_definition *def = NULL;
    assert_int_equal(load(buf, &def, &err), TND_ERR_DEFINITION);
    assert_int_equal(err.line, 17);
    assert_non_null(strstr(err.message, "criterium 'a': onbekende resolutie \"RES-ONBEKEND\""));
    free(buf);
}

int main(void)
{
    const struct CMUnitTest default_tests[] = {
        cmocka_unit_test(test_default_loads_with_embedded_name_and_meta),
        cmocka_unit_test(test_closing_time_is_18_july_2022_11_00_with_resolution),
        cmocka_unit_test(test_resubmission_deadline_is_kept_as_resolution_text),
        cmocka_unit_test(test_every_digest_resolution_is_present),
        cmocka_unit_test(test_letters_objection_lot4_29_august_other_lots_23_august),
        cmocka_unit_test(test_eleven_municipalities_hardenberg_only_in_lots_7_and_8),
        cmocka_unit_test(test_nine_lots_with_names_and_product_counts),
        cmocka_unit_test(test_lot3_tg6_tariff_is_240_cents_per_minute),
        cmocka_unit_test(test_minute_tariffs_differ_per_lot),
        cmocka_unit_test(test_group_mst_and_ed_tariffs),
        cmocka_unit_test(test_lot8_has_17_products_intensities_ranked_and_ggz_h_flagged),
        cmocka_unit_test(test_requirements_include_4_includes_3_and_5_includes_4),
        cmocka_unit_test(test_combination_rules_of_4_3_1),
        cmocka_unit_test(test_cascade_chain_5_falls_back_to_3_then_1),
        cmocka_unit_test(test_step1_required_items_use_engine_names),
        cmocka_unit_test(test_exclusion_grounds_iii_a_b_exclude_iii_c_review),
        cmocka_unit_test(test_document_age_limits),
        cmocka_unit_test(test_solvency_threshold_is_strict_20_percent_over_2019_2021),
        cmocka_unit_test(test_rentabiliteit_threshold_is_1_50_percent_over_five_years),
        cmocka_unit_test(test_current_ratio_adds_liquid_assets_and_is_met_when_debt_zero),
        cmocka_unit_test(test_financial_items_years_and_year_bands),
        cmocka_unit_test(test_insurance_minimum_is_2_million_euro_per_event),
        cmocka_unit_test(test_references_count_2_within_3_years_referent_gemeente),
        cmocka_unit_test(test_quality_schemes_keurmerken_and_agb),
        cmocka_unit_test(test_requirement_lot2_revenue_6_5_million_in_2021),
        cmocka_unit_test(test_requirements_of_lots_2_3_4_5_and_9),
        cmocka_unit_test(test_declarations_no_reservations_is_review_others_fail),
        cmocka_unit_test(test_residential_band_j_is_4_1_to_4_6_inclusive),
        cmocka_unit_test(test_occupancy_floors_regular_95_kdv_90_crisis_none),
        cmocka_unit_test(test_provider_maxima_per_type),
        cmocka_unit_test(test_group_bands_are_inclusive_on_both_limits),
        cmocka_unit_test(test_score_scale_0_to_10_in_steps_of_2),
        cmocka_unit_test(test_lot4_award_ranked_max_5_with_weights),
        cmocka_unit_test(test_awards_threshold_1_2_3_5_9_admit_6_7_8),
        cmocka_unit_test(test_every_rule_cites_a_section_and_has_a_label),
        cmocka_unit_test(test_closing_time_12_00_of_nvi_2_is_a_review_window),
        cmocka_unit_test(test_lots_6_7_8_follow_the_plan_of_lots_1_to_5),
        cmocka_unit_test(test_combination_insurance_counts_the_combinations_cover),
        cmocka_unit_test(test_residential_mismatch_goes_to_the_verification_meeting),
        cmocka_unit_test(test_hkz_on_lot_8_is_a_review_scheme),
        cmocka_unit_test(test_lot_4_revised_plan_counts_in_full_naming_the_resolution),
        cmocka_unit_test(test_lot_9_includes_the_lot_1_conditions_of_eis_105),
    };
    const struct CMUnitTest loader_tests[] = {
        cmocka_unit_test(test_default_null_path_loads_the_embedded_definition),
        cmocka_unit_test(test_fixture_file_loads_and_names_its_path),
        cmocka_unit_test(test_minimal_definition_loads_with_optional_sections_empty),
        cmocka_unit_test(test_number_requirement_on_the_money_fact_revenue_is_refused_naming_line),
        cmocka_unit_test(test_money_requirement_on_the_revenue_fact_with_its_year_loads),
        cmocka_unit_test(test_number_requirement_on_count_and_decimal_facts_loads),
        cmocka_unit_test(test_money_requirement_on_the_decimal_fact_fte_is_refused),
        cmocka_unit_test(test_flag_requirement_on_a_count_fact_is_refused),
        cmocka_unit_test(test_one_of_requirement_on_a_flag_fact_is_refused),
        cmocka_unit_test(test_per_year_fact_without_year_is_refused),
        cmocka_unit_test(test_year_on_a_fact_without_years_is_refused),
        cmocka_unit_test(test_review_window_ending_before_the_closing_time_is_refused),
        cmocka_unit_test(test_plan_lots_on_a_threshold_award_are_refused),
        cmocka_unit_test(test_admit_lot_following_another_admit_lot_is_refused),
        cmocka_unit_test(test_unknown_revised_score_reading_is_refused),
        cmocka_unit_test(test_duplicate_rule_id_is_refused_at_second_use),
        cmocka_unit_test(test_duplicate_id_between_resolution_and_rule_is_refused),
        cmocka_unit_test(test_unknown_lot_in_combination_rule_is_refused),
        cmocka_unit_test(test_criteria_weights_not_summing_to_100_percent_are_refused),
        cmocka_unit_test(test_sub_criteria_weights_are_checked_per_level),
        cmocka_unit_test(test_price_formula_of_another_region_loads),
        cmocka_unit_test(test_price_weights_not_summing_to_100_percent_are_refused),
        cmocka_unit_test(test_malformed_money_is_refused_as_value_error_with_line),
        cmocka_unit_test(test_negative_tariff_is_refused_as_range_error),
        cmocka_unit_test(test_unknown_resolution_reference_is_refused),
        cmocka_unit_test(test_requirements_include_of_unknown_lot_is_refused),
        cmocka_unit_test(test_requirements_include_of_itself_is_refused),
        cmocka_unit_test(test_overlapping_intensity_bands_are_refused),
        cmocka_unit_test(test_unknown_financial_item_in_norm_is_refused),
        cmocka_unit_test(test_year_bands_with_a_gap_are_refused),
        cmocka_unit_test(test_schema_violation_is_a_schema_error),
        cmocka_unit_test(test_tie_rule_higher_score_on_a_scored_criterion_loads),
        cmocka_unit_test(test_tie_rule_naming_an_unknown_criterion_is_refused_with_its_line),
        cmocka_unit_test(test_tie_rule_naming_a_criterion_with_subcriteria_is_refused),
        cmocka_unit_test(test_tie_rule_higher_normaliseren_is_refused_by_the_schema),
        cmocka_unit_test(test_missing_file_is_an_io_error),
    };
    int failed = cmocka_run_group_tests_name("ijsselland-2023", default_tests, setup_default,
                                             teardown_default);
    failed += cmocka_run_group_tests_name("loader", loader_tests, NULL, NULL);
    return failed;
}
