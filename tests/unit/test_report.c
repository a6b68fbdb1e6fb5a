/*
 * test_report.c - the `tender check` report as text and JSON (forms/report.c) and the growing
 * buffer it is written into (tender/base/buf.c).
 *
 * The definition, bid and check result are built by hand, as tender/ and scoring/check.c would
 * fill them: the verdicts here are given, not computed; what is tested is how they are shown.
 */
#include <stdarg.h>
#include <stddef.h>
#include <limits.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tender/base/buf.h"
#include "forms/json.h"
#include "forms/report.h"

/* ------------------------------------------------------------------ fixture */

typedef struct {
    tnd_definition def;
    tnd_resolution resolutions[3];
    tnd_bid bid;
    tnd_bid_lot lots[2];
    tnd_check_result result;
    tnd_finding findings[12];
    tnd_placement placements[2];
} fixture;

static void copy(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src);
}

#define SET(field, text) copy((field), sizeof(field), (text))

static tnd_finding *add_finding(fixture *fx, int step, const char *rule, const char *source,
                                const char *requirement, int lot, tnd_verdict verdict,
                                const char *reason)
{
    tnd_finding *f = &fx->findings[fx->result.n_findings++];
    memset(f, 0, sizeof *f);
    f->step = step;
    SET(f->rule_id, rule);
    SET(f->source, source);
    SET(f->requirement, requirement);
    f->lot = lot;
    f->verdict = verdict;
    SET(f->reason, reason);
    return f;
}

static void base_definition(fixture *fx)
{
    tnd_definition *def = &fx->def;
    SET(def->id, "ijsselland-2023");
    SET(def->title, "Jeugdhulp RSJ IJsselland 2023");
    SET(def->file, "fixtures/tenders/ijsselland-2023.xml");
    SET(def->closing.id, "SLUITINGSTIJD");
    SET(def->closing.source, "§3.6 L381");
    SET(def->closing.label, "Sluitingstijd");
    SET(def->steps_source, "§6");
    def->closing_time = (tnd_datetime){ { 2022, 7, 18 }, 11, 0, 0 };
    def->resolutions = fx->resolutions;
}

static void base_bid(fixture *fx, const int *lots, size_t n_lots)
{
    tnd_bid *bid = &fx->bid;
    bid->file = "fixtures/bids/eentje.xml";
    SET(bid->tender_id, "ijsselland-2023");
    SET(bid->bidder.name, "Zorggroep Eëntje B.V.");
    SET(bid->bidder.kvk, "12345678");
    bid->has_submission = true;
    bid->submitted = (tnd_datetime){ { 2022, 7, 18 }, 10, 30, 0 };
    for (size_t i = 0; i < n_lots; i++)
        fx->lots[i].number = lots[i];
    bid->lots = fx->lots;
    bid->n_lots = n_lots;
}

/*
 * A bid on lots 5 and 8: on time; solvency below 20,0 % in three years (plan required, with the
 * years as detail rows); insured; fails lot 5 (no ACKJP contract) and falls back to lot 3,
 * whose requirement it meets; lot 8 misses its quality system.
 */
static void full_fixture(fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    base_definition(fx);
    tnd_definition *def = &fx->def;
    SET(def->closing.resolution, "RES-SLUITINGSTIJD");
    SET(def->cascade.ref.resolution, "RES-TERUGVAL");
    tnd_resolution *res = fx->resolutions;
    SET(res[0].id, "RES-SLUITINGSTIJD");
    SET(res[0].source, "§3.3 L246");
    SET(res[0].text, "§3.3 noemt eenmaal 12:00; de definitie houdt één sluitingstijd aan: 11:00.");
    SET(res[1].id, "RES-JAREN");
    SET(res[1].source, "§5.3.1 L1371-1378");
    SET(res[1].text, "Rentabiliteit telt over alle 5 jaren (prognoses inbegrepen), de balansnormen "
                     "over 2019-2021; omzet of totaal activa <= 0 telt als niet voldaan.");
    SET(res[2].id, "RES-TERUGVAL");
    SET(res[2].source, "§4.3.1 L958-969");
    SET(res[2].text, "Terugvalketens 5 -> 3 -> 1, 4 -> 3 -> 1, 3 -> 1 en 2 -> 1.");
    def->n_resolutions = 3;

    static const int lots[] = { 5, 8 };
    base_bid(fx, lots, 2);

    fx->result.findings = fx->findings;
    fx->result.cap_findings = sizeof fx->findings / sizeof fx->findings[0];
    tnd_finding *f = add_finding(fx, 1, "SLUITINGSTIJD", "§3.6 L381", "Tijdig ingediend", 0,
                                 TND_PASS, "Ingediend voor de sluitingstijd.");
    SET(f->found, "18-07-2022 10:30");
    SET(f->norm, "<= 18-07-2022 11:00");
    SET(f->resolution, "RES-SLUITINGSTIJD");

    f = add_finding(fx, 2, "FIN-SOLVABILITEIT", "§5.3.1 L1357", "Solvabiliteit", 0,
                    TND_PLAN_REQUIRED,
                    "De norm is in 3 of meer jaren niet gehaald: een aanvullend plan van aanpak "
                    "is vereist waarin alle drie de normen binnen 2 jaar worden gehaald.");
    SET(f->found, "3 jaren niet voldaan");
    SET(f->norm, "> 20,0%");
    SET(f->resolution, "RES-JAREN");
    static const char *const years[] = { "2019", "2020", "2021" };
    static const char *const ratios[] = { "19,8%", "20,0%", "18,1%" };
    for (int i = 0; i < 3; i++) {
        f = add_finding(fx, 2, "FIN-SOLVABILITEIT", "§5.3.1 L1357", "Solvabiliteit",
                        TND_FINDING_DETAIL, TND_FAIL, "niet meer dan 20,0%");
        SET(f->subject, years[i]);
        SET(f->found, ratios[i]);
        SET(f->norm, "> 20,0%");
    }

    f = add_finding(fx, 2, "VERZEKERING", "§5.3.2 L1395-1411", "Aansprakelijkheidsverzekering", 0,
                    TND_PASS, "Dekking per gebeurtenis voldoet.");
    SET(f->subject, "Zorggroep Eëntje B.V.");
    SET(f->found, "€ 2.500.000,00");
    SET(f->norm, ">= € 2.000.000,00");

    add_finding(fx, 2, "EIS-P5-ACKJP", "§5.6 L1590", "Landelijk LTA-contract ACKJP", 5, TND_FAIL,
                "Geen LTA-contract voor de academische functie ACKJP opgegeven.");

    f = add_finding(fx, 2, "EIS-P3-FTE", "§5.6 L1575", "Behandelaren in loondienst", 3, TND_PASS,
                    "Voldoende behandelaren in loondienst.");
    f->cascade = true;
    SET(f->found, "6,0 fte");
    SET(f->norm, ">= 5 fte");

    add_finding(fx, 2, "KWAL-SYSTEEM-P8", "§5.5.1.1 L1510", "Kwaliteitssysteem ISO 9001:2015", 8,
                TND_MISSING, "Geen certificaat of registratie geüpload.");

    fx->placements[0] = (tnd_placement){ .applied = 5, .placed = 3, .status = TND_LOT_ELIGIBLE };
    SET(fx->placements[0].path, "5 -> 3");
    fx->placements[1] = (tnd_placement){ .applied = 8, .placed = 0,
                                         .status = TND_LOT_NOT_ELIGIBLE };
    fx->result.placements = fx->placements;
    fx->result.n_placements = 2;
    fx->result.stopped_at_step = 0;
    fx->result.eligible_all = false;
}

/* A bid on lot 3 received after the closing time: stops at step 1 (§6). */
static void late_fixture(fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    base_definition(fx);
    static const int lots[] = { 3 };
    base_bid(fx, lots, 1);
    fx->bid.submitted = (tnd_datetime){ { 2022, 7, 18 }, 11, 0, 1 };
    fx->result.findings = fx->findings;
    tnd_finding *f = add_finding(fx, 1, "SLUITINGSTIJD", "§3.6 L381", "Tijdig ingediend", 0,
                                 TND_FAIL, "Ontvangen na de sluitingstijd: ongeldig.");
    SET(f->found, "18-07-2022 11:00:01");
    SET(f->norm, "<= 18-07-2022 11:00");
    fx->placements[0] = (tnd_placement){ .applied = 3, .placed = 0,
                                         .status = TND_LOT_NOT_ELIGIBLE };
    fx->result.placements = fx->placements;
    fx->result.n_placements = 1;
    fx->result.stopped_at_step = 1;
}

static char *text_report(const fixture *fx, tnd_buf *out)
{
    tnd_buf_init(out);
    assert_true(tnd_report_text(&fx->def, &fx->bid, &fx->result, out));
    assert_false(out->oom);
    return out->data;
}

static char *json_report(const fixture *fx, tnd_buf *out)
{
    tnd_buf_init(out);
    assert_true(tnd_report_json(&fx->def, &fx->bid, &fx->result, out));
    assert_false(out->oom);
    return out->data;
}

/* Longest line in code points (UTF-8 continuation bytes not counted). */
static int widest_line(const char *s)
{
    int widest = 0, col = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\n') {
            col = 0;
            continue;
        }
        if ((*p & 0xC0) != 0x80 && ++col > widest)
            widest = col;
    }
    return widest;
}

static bool has_trailing_space(const char *s)
{
    for (const char *p = s; *p; p++)
        if (*p == ' ' && (p[1] == '\n' || p[1] == '\0'))
            return true;
    return false;
}

/* ------------------------------------------------------------------ text report */

static const char full_text[] =
    "Inschrijving: Zorggroep Eëntje B.V. (KvK 12345678)\n"
    "Bestand: fixtures/bids/eentje.xml\n"
    "Aanbesteding: Jeugdhulp RSJ IJsselland 2023 [ijsselland-2023]; definitie:\n"
    "  fixtures/tenders/ijsselland-2023.xml\n"
    "Ingediend: 18-07-2022 10:30; sluitingstijd 18-07-2022 11:00 (§3.6 L381)\n"
    "Percelen: 5, 8\n"
    "\n"
    "Stap 1 - Volledigheid en geldigheid (§6)\n"
    "VOLDOET          [§3.6 L381] Tijdig ingediend\n"
    "                 Ingediend voor de sluitingstijd.\n"
    "                 gevonden: 18-07-2022 10:30; norm: <= 18-07-2022 11:00\n"
    "                 resolutie: RES-SLUITINGSTIJD\n"
    "\n"
    "Stap 2 - Uitsluitingsgronden, geschiktheidseisen en voorwaarden (§6)\n"
    "PLAN VAN AANPAK  [§5.3.1 L1357] Solvabiliteit\n"
    "                 De norm is in 3 of meer jaren niet gehaald: een aanvullend plan van aanpak "
    "is\n"
    "                 vereist waarin alle drie de normen binnen 2 jaar worden gehaald.\n"
    "                 gevonden: 3 jaren niet voldaan; norm: > 20,0%\n"
    "                 resolutie: RES-JAREN\n"
    "                 2019 19,8% VOLDOET NIET | 2020 20,0% VOLDOET NIET | 2021 18,1% VOLDOET NIET\n"
    "VOLDOET          [§5.3.2 L1395-1411] Aansprakelijkheidsverzekering - Zorggroep Eëntje B.V.\n"
    "                 Dekking per gebeurtenis voldoet.\n"
    "                 gevonden: € 2.500.000,00; norm: >= € 2.000.000,00\n"
    "VOLDOET NIET     [§5.6 L1590] Landelijk LTA-contract ACKJP, perceel 5\n"
    "                 Geen LTA-contract voor de academische functie ACKJP opgegeven.\n"
    "VOLDOET          [§5.6 L1575] Behandelaren in loondienst, perceel 3 (terugval)\n"
    "                 Voldoende behandelaren in loondienst.\n"
    "                 gevonden: 6,0 fte; norm: >= 5 fte\n"
    "ONTBREEKT        [§5.5.1.1 L1510] Kwaliteitssysteem ISO 9001:2015, perceel 8\n"
    "                 Geen certificaat of registratie geüpload.\n"
    "\n"
    "Toegepaste resoluties\n"
    "- RES-SLUITINGSTIJD [§3.3 L246]: §3.3 noemt eenmaal 12:00; de definitie houdt één "
    "sluitingstijd aan:\n"
    "  11:00.\n"
    "- RES-JAREN [§5.3.1 L1371-1378]: Rentabiliteit telt over alle 5 jaren (prognoses inbegrepen), "
    "de\n"
    "  balansnormen over 2019-2021; omzet of totaal activa <= 0 telt als niet voldaan.\n"
    "- RES-TERUGVAL [§4.3.1 L958-969]: Terugvalketens 5 -> 3 -> 1, 4 -> 3 -> 1, 3 -> 1 en 2 -> 1.\n"
    "\n"
    "Plaatsing per perceel\n"
    "perceel 5 -> geplaatst in perceel 3 (TOEGELATEN)  pad: 5 -> 3\n"
    "perceel 8 -> niet geplaatst (NIET TOEGELATEN)\n"
    "Conclusie: niet (of nog niet) toegelaten voor alle percelen waarop is ingeschreven\n";

static void test_text_report_of_bid_with_fallback_is_exact(void **state)
{
    fixture fx;
    full_fixture(&fx);
    tnd_buf out;
    assert_string_equal(text_report(&fx, &out), full_text);
    assert_int_equal(out.len, strlen(full_text));
    tnd_buf_free(&out);
}

static void test_text_report_lines_stay_within_100_code_points(void **state)
{
    fixture fx;
    full_fixture(&fx);
    tnd_buf out;
    const char *text = text_report(&fx, &out);
    assert_true(widest_line(text) <= TND_REPORT_WIDTH);
    assert_false(has_trailing_space(text));
    tnd_buf_free(&out);
}

/* §6: a bid that fails step 1 is not assessed in step 2; the report says where it stopped. */
static void test_text_report_of_late_bid_stops_at_step_1(void **state)
{
    fixture fx;
    late_fixture(&fx);
    tnd_buf out;
    assert_string_equal(
        text_report(&fx, &out),
        "Inschrijving: Zorggroep Eëntje B.V. (KvK 12345678)\n"
        "Bestand: fixtures/bids/eentje.xml\n"
        "Aanbesteding: Jeugdhulp RSJ IJsselland 2023 [ijsselland-2023]; definitie:\n"
        "  fixtures/tenders/ijsselland-2023.xml\n"
        "Ingediend: 18-07-2022 11:00:01; sluitingstijd 18-07-2022 11:00 (§3.6 L381)\n"
        "Percelen: 3\n"
        "\n"
        "Stap 1 - Volledigheid en geldigheid (§6)\n"
        "VOLDOET NIET     [§3.6 L381] Tijdig ingediend\n"
        "                 Ontvangen na de sluitingstijd: ongeldig.\n"
        "                 gevonden: 18-07-2022 11:00:01; norm: <= 18-07-2022 11:00\n"
        "\n"
        "Stap 2 - Uitsluitingsgronden, geschiktheidseisen en voorwaarden (§6)\n"
        "(niet beoordeeld: de inschrijving stopt bij stap 1)\n"
        "\n"
        "Toegepaste resoluties: geen\n"
        "\n"
        "Plaatsing per perceel\n"
        "perceel 3 -> niet geplaatst (NIET TOEGELATEN)\n"
        "Conclusie: niet (of nog niet) toegelaten voor alle percelen; stopt bij stap 1\n");
    tnd_buf_free(&out);
}

/* Another tender's document has no §6: a definition without steps-source names the steps bare,
 * never with IJsselland's section. */
static void test_text_steps_without_steps_source_cite_nothing(void **state)
{
    (void)state;
    fixture fx;
    late_fixture(&fx);
    fx.def.steps_source[0] = '\0';
    tnd_buf out;
    const char *text = text_report(&fx, &out);
    assert_non_null(strstr(text, "\nStap 1 - Volledigheid en geldigheid\nVOLDOET NIET"));
    assert_non_null(strstr(text, "\nStap 2 - Uitsluitingsgronden, geschiktheidseisen en "
                                 "voorwaarden\n(niet beoordeeld"));
    assert_null(strstr(text, "§6"));
    tnd_buf_free(&out);
}

static void test_text_conclusion_when_eligible_for_every_lot(void **state)
{
    fixture fx;
    late_fixture(&fx);
    fx.findings[0].verdict = TND_PASS;
    fx.placements[0] = (tnd_placement){ .applied = 3, .placed = 3, .status = TND_LOT_ELIGIBLE };
    fx.result.stopped_at_step = 0;
    fx.result.eligible_all = true;
    tnd_buf out;
    const char *text = text_report(&fx, &out);
    assert_non_null(strstr(text, "\n(geen bevindingen)\n"));
    assert_non_null(strstr(text, "\nperceel 3 -> geplaatst in perceel 3 (TOEGELATEN)\n"
                                 "Conclusie: toegelaten voor alle percelen waarop is "
                                 "ingeschreven\n"));
    tnd_buf_free(&out);
}

static void test_text_conclusion_names_conditions(void **state)
{
    fixture fx;
    late_fixture(&fx);
    fx.placements[0] = (tnd_placement){ .applied = 3, .placed = 3,
                                        .status = TND_LOT_CONDITIONAL };
    fx.result.stopped_at_step = 0;
    fx.result.eligible_all = true;
    tnd_buf out;
    const char *text = text_report(&fx, &out);
    assert_non_null(strstr(text, "\nperceel 3 -> geplaatst in perceel 3 (TOEGELATEN ONDER "
                                 "VOORWAARDE)\nConclusie: toegelaten voor alle percelen waarop "
                                 "is ingeschreven, onder voorwaarde\n"));
    tnd_buf_free(&out);
}

/* §4.3.1: lot 4 is awarded competitively; an opted-out bid is not placed lower. */
static void test_text_placement_shows_award_and_opt_out(void **state)
{
    fixture fx;
    late_fixture(&fx);
    fx.placements[0] = (tnd_placement){ .applied = 4, .placed = 4, .status = TND_LOT_PENDING,
                                        .awaiting_award = true, .opted_out = true };
    SET(fx.placements[0].path, "4");
    tnd_buf out;
    assert_non_null(strstr(text_report(&fx, &out),
                           "\nperceel 4 -> geplaatst in perceel 4 (IN BEOORDELING); afhankelijk "
                           "van de gunning; terugval\n"
                           "    uitgesloten door de inschrijver  pad: 4\n"));
    tnd_buf_free(&out);
}

/* 83 x 'ë' is 166 bytes but 83 columns: with the 17-column indent exactly 100, so one line. */
static void test_text_width_counts_code_points_not_bytes(void **state)
{
    fixture fx;
    late_fixture(&fx);
    char reason[TND_REASON_LEN] = "";
    for (int i = 0; i < 83; i++)
        strcat(reason, "ë");
    SET(fx.findings[0].reason, reason);
    tnd_buf out;
    char expected[512];
    snprintf(expected, sizeof expected, "\n                 %s\n                 gevonden:",
             reason);
    const char *text = text_report(&fx, &out);
    assert_non_null(strstr(text, expected));
    assert_int_equal(widest_line(text), 100);
    tnd_buf_free(&out);
}

/* A word longer than a line (a path, a number run) is split so that no line exceeds 100. */
static void test_text_splits_a_word_longer_than_a_line(void **state)
{
    fixture fx;
    late_fixture(&fx);
    char word[128];
    memset(word, 'x', 120);
    word[120] = '\0';
    snprintf(fx.findings[0].reason, sizeof fx.findings[0].reason, "kort %s", word);
    tnd_buf out;
    const char *text = text_report(&fx, &out);
    char expected[400];
    snprintf(expected, sizeof expected, "\n                 kort\n                 %.83s\n"
                                        "                 %.37s\n",
             word, word);
    assert_non_null(strstr(text, expected));
    assert_int_equal(widest_line(text), 100);
    tnd_buf_free(&out);
}

/* A newline or tab inside bid text must not break the layout; a cut-off UTF-8 sequence (a
 * fixed-size field full) shows as U+FFFD. */
static void test_text_replaces_control_characters_and_broken_utf8(void **state)
{
    fixture fx;
    late_fixture(&fx);
    SET(fx.findings[0].reason, "eerste\nregel\tdaarna \xC3");
    tnd_buf out;
    assert_non_null(strstr(text_report(&fx, &out),
                           "\n                 eerste regel daarna \xEF\xBF\xBD\n"));
    tnd_buf_free(&out);
}

/* A bidder name with U+202E (right-to-left override) would make the terminal show the rest of
 * the line reversed ("Zorg VB" looking like another name): every bidi control is shown as
 * <U+XXXX>, never passed on (issue 7; tender/base/textsafe.h). */
static void test_text_shows_bidi_controls_instead_of_obeying_them(void **state)
{
    fixture fx;
    late_fixture(&fx);
    SET(fx.findings[0].reason, "Zorg \xE2\x80\xAEVB\xE2\x80\xAC \xE2\x81\xA6x\xE2\x81\xA9 "
                               "\xE2\x80\x8F\xD8\x9C");
    tnd_buf out;
    const char *text = text_report(&fx, &out);
    assert_non_null(strstr(text, "\n                 Zorg <U+202E>VB<U+202C> <U+2066>x<U+2069> "
                                 "<U+200F><U+061C>\n"));
    assert_null(strstr(text, "\xE2\x80\xAE"));
    tnd_buf_free(&out);
}

/* Detail rows wrap by whole cells and stay under their requirement: three cells of 35, 30 and
 * 35 columns with two separators would need 123 columns, the indent of 17 included. */
static void test_text_detail_table_wraps_by_cell(void **state)
{
    fixture fx;
    full_fixture(&fx);
    fx.result.n_findings = 2; /* closing time, solvency */
    for (int i = 0; i < 6; i++) {
        tnd_finding *f = add_finding(&fx, 2, "FIN-SOLVABILITEIT", "§5.3.1 L1357",
                                     "Solvabiliteit", TND_FINDING_DETAIL,
                                     i % 2 ? TND_PASS : TND_FAIL, "");
        snprintf(f->subject, sizeof f->subject, "%d", 2019 + i);
        SET(f->found, "niet te berekenen");
    }
    tnd_buf out;
    assert_non_null(strstr(text_report(&fx, &out),
                           "                 resolutie: RES-JAREN\n"
                           "                 2019 niet te berekenen VOLDOET NIET | 2020 niet te "
                           "berekenen VOLDOET\n"
                           "                 2021 niet te berekenen VOLDOET NIET | 2022 niet te "
                           "berekenen VOLDOET\n"
                           "                 2023 niet te berekenen VOLDOET NIET | 2024 niet te "
                           "berekenen VOLDOET\n"
                           "\nToegepaste resoluties\n"));
    tnd_buf_free(&out);
}

/* Detail rows without their requirement row still show, under a heading without a verdict. */
static void test_text_detail_rows_without_requirement_get_a_heading(void **state)
{
    fixture fx;
    full_fixture(&fx);
    fx.findings[1].lot = TND_FINDING_DETAIL; /* first of the solvency rows becomes a detail */
    fx.findings[1].verdict = TND_FAIL;
    SET(fx.findings[1].subject, "2018");
    SET(fx.findings[1].found, "12,0%");
    tnd_buf out;
    assert_non_null(strstr(text_report(&fx, &out),
                           "(§6)\n"
                           "                 [§5.3.1 L1357] Solvabiliteit\n"
                           "                 2018 12,0% VOLDOET NIET | 2019 19,8% VOLDOET NIET | "
                           "2020 20,0% VOLDOET NIET\n"
                           "                 2021 18,1% VOLDOET NIET\n"
                           "VOLDOET          [§5.3.2"));
    tnd_buf_free(&out);
}

static void test_text_header_of_combination_and_missing_submission(void **state)
{
    fixture fx;
    late_fixture(&fx);
    tnd_party members[2];
    memset(members, 0, sizeof members);
    SET(members[0].name, "Stichting Één");
    SET(members[0].kvk, "87654321");
    SET(members[1].name, "Jeugdzorg Twee");
    fx.bid.is_combination = true;
    fx.bid.members = members;
    fx.bid.n_members = 2;
    fx.bid.has_submission = false;
    fx.bid.n_lots = 0;
    tnd_buf out;
    assert_non_null(strstr(text_report(&fx, &out),
                           "Inschrijving: Zorggroep Eëntje B.V. (KvK 12345678)\n"
                           "Combinatie; leden naast de penvoerder: Stichting Één (KvK 87654321), "
                           "Jeugdzorg Twee (KvK onbekend)\n"
                           "Bestand: fixtures/bids/eentje.xml\n"
                           "Aanbesteding: Jeugdhulp RSJ IJsselland 2023 [ijsselland-2023]; "
                           "definitie:\n"
                           "  fixtures/tenders/ijsselland-2023.xml\n"
                           "Ingediend: niet vermeld; sluitingstijd 18-07-2022 11:00 (§3.6 L381)\n"
                           "Percelen: geen\n"));
    tnd_buf_free(&out);
}

/* Every Dutch verdict (tnd_verdict_dutch, the words of the workbooks; issue 10 §5) fits the
 * verdict column; the longest, ONDER VOORWAARDE, fills it exactly. */
static void test_text_verdict_column_is_16_wide_and_dutch(void **state)
{
    fixture fx;
    late_fixture(&fx);
    fx.findings[0].verdict = TND_NOT_APPLICABLE;
    tnd_buf out;
    assert_non_null(strstr(text_report(&fx, &out), "\nN.V.T.           [§3.6 L381] Tijdig "));
    tnd_buf_free(&out);
    fx.findings[0].verdict = TND_CONDITIONAL;
    assert_non_null(strstr(text_report(&fx, &out), "\nONDER VOORWAARDE [§3.6 L381] Tijdig "));
    tnd_buf_free(&out);
    fx.findings[0].verdict = TND_REVIEW;
    assert_non_null(strstr(text_report(&fx, &out), "\nBEOORDELEN       [§3.6 L381] Tijdig "));
    tnd_buf_free(&out);
    for (int v = TND_NOT_APPLICABLE; v <= TND_FAIL; v++)
        assert_true(strlen(tnd_verdict_dutch((tnd_verdict)v)) <= TND_REPORT_VERDICT_COLUMN);
}

/* Issue 10 §5: a reader sees the workbooks' Dutch verdicts, never the English names that only
 * the --json keys and values use. */
static void test_text_report_shows_no_english_verdict(void **state)
{
    fixture fx;
    full_fixture(&fx);
    tnd_buf out;
    const char *text = text_report(&fx, &out);
    static const char *const english[] = { "PASS", "FAIL", "MISSING", "PLAN REQUIRED", "REVIEW",
                                           "CONDITIONAL", "NOT APPLICABLE", "ELIGIBLE" };
    for (size_t i = 0; i < sizeof english / sizeof english[0]; i++)
        assert_null(strstr(text, english[i]));
    assert_non_null(strstr(text, "\nVOLDOET NIET     [§5.6 L1590] "));
    assert_non_null(strstr(text, "\nONTBREEKT        [§5.5.1.1 L1510] "));
    tnd_buf_free(&out);
}

static void test_text_report_appends_after_existing_content(void **state)
{
    fixture fx;
    late_fixture(&fx);
    tnd_buf out;
    tnd_buf_init(&out);
    tnd_buf_puts(&out, "eerder\n");
    assert_true(tnd_report_text(&fx.def, &fx.bid, &fx.result, &out));
    assert_memory_equal(out.data, "eerder\nInschrijving: ", 21);
    tnd_buf_free(&out);
}

static void test_report_refuses_null_arguments(void **state)
{
    fixture fx;
    late_fixture(&fx);
    tnd_buf out;
    tnd_buf_init(&out);
    assert_false(tnd_report_text(NULL, &fx.bid, &fx.result, &out));
    assert_false(tnd_report_json(&fx.def, NULL, &fx.result, &out));
    assert_false(tnd_report_json_many(&fx.def, NULL, NULL, 1, &out));
    assert_int_equal(out.len, 0);
    tnd_buf_free(&out);
}

/* ------------------------------------------------------------------ JSON */

static void test_json_report_of_late_bid_is_exact(void **state)
{
    fixture fx;
    late_fixture(&fx);
    tnd_buf out;
    assert_string_equal(json_report(&fx, &out),
                        "{\n"
                        "  \"format\": \"tender-check/1\",\n"
                        "  \"tender\": {\n"
                        "    \"id\": \"ijsselland-2023\",\n"
                        "    \"title\": \"Jeugdhulp RSJ IJsselland 2023\",\n"
                        "    \"definition\": \"fixtures/tenders/ijsselland-2023.xml\"\n"
                        "  },\n"
                        "  \"bid\": {\n"
                        "    \"file\": \"fixtures/bids/eentje.xml\",\n"
                        "    \"name\": \"Zorggroep Eëntje B.V.\",\n"
                        "    \"kvk\": \"12345678\",\n"
                        "    \"submitted\": \"2022-07-18T11:00:01\",\n"
                        "    \"lots\": [3]\n"
                        "  },\n"
                        "  \"findings\": [\n"
                        "    {\n"
                        "      \"step\": 1,\n"
                        "      \"rule\": \"SLUITINGSTIJD\",\n"
                        "      \"source\": \"§3.6 L381\",\n"
                        "      \"requirement\": \"Tijdig ingediend\",\n"
                        "      \"lot\": null,\n"
                        "      \"detail\": false,\n"
                        "      \"cascade\": false,\n"
                        "      \"subject\": null,\n"
                        "      \"verdict\": \"FAIL\",\n"
                        "      \"verdict_nl\": \"VOLDOET NIET\",\n"
                        "      \"found\": \"18-07-2022 11:00:01\",\n"
                        "      \"norm\": \"<= 18-07-2022 11:00\",\n"
                        "      \"reason\": \"Ontvangen na de sluitingstijd: ongeldig.\",\n"
                        "      \"resolution\": null\n"
                        "    }\n"
                        "  ],\n"
                        "  \"resolutions\": [],\n"
                        "  \"placements\": [\n"
                        "    {\n"
                        "      \"applied\": 3,\n"
                        "      \"placed\": null,\n"
                        "      \"status\": \"NOT_ELIGIBLE\",\n"
                        "      \"status_nl\": \"NIET TOEGELATEN\",\n"
                        "      \"awaiting_award\": false,\n"
                        "      \"opted_out\": false,\n"
                        "      \"path\": null\n"
                        "    }\n"
                        "  ],\n"
                        "  \"stopped_at_step\": 1,\n"
                        "  \"eligible_all\": false\n"
                        "}\n");
    tnd_buf_free(&out);
}

/* RFC 8259: quote, backslash and control characters escaped; UTF-8 (ë, €) kept as is. */
static void test_json_escapes_quotes_newlines_and_control_characters(void **state)
{
    fixture fx;
    late_fixture(&fx);
    SET(fx.findings[0].reason, "zegt \"nee\"\nC:\\map\ttab\x01\x1f ë €");
    tnd_buf out;
    assert_non_null(strstr(json_report(&fx, &out),
                           "\"reason\": \"zegt \\\"nee\\\"\\nC:\\\\map\\ttab\\u0001\\u001f ë €\","));
    tnd_buf_free(&out);
}

/* In JSON a bidi control keeps its value but is escaped, so a terminal showing the file does not
 * obey it; the neighbouring U+2010 (a hyphen, E2 80 90) stays as it is. */
/* The JSON writer's integers are written as "%lld" writes them, the extremes included, and its
 * indentation is two spaces a level however deep (the writer no longer formats either). */
static void test_json_integers_and_deep_indentation(void **state)
{
    (void)state;
    static const long long values[] = { 0, 1, -1, 9, 10, -10, 1234567890123LL, LLONG_MAX,
                                        LLONG_MIN, LLONG_MIN + 1 };
    tnd_buf out, expected;
    tnd_buf_init(&out);
    tnd_buf_init(&expected);
    tnd_json w = { .out = &out };
    tnd_json_open(&w, NULL, '[');
    tnd_buf_puts(&expected, "[");
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        tnd_json_int(&w, NULL, values[i]);
        tnd_buf_printf(&expected, "%s\n  %lld", i ? "," : "", values[i]);
    }
    tnd_json_int_or_null(&w, NULL, 0);
    tnd_json_int_or_null(&w, NULL, -42);
    tnd_buf_puts(&expected, ",\n  null,\n  -42");
    for (int depth = 2; depth <= 14; depth++)
        tnd_json_open(&w, "k", '{');
    tnd_json_int(&w, "deep", 7);
    for (int depth = 14; depth >= 2; depth--)
        tnd_json_close(&w, '}');
    tnd_json_close(&w, ']');
    for (int depth = 2; depth <= 14; depth++)
        tnd_buf_printf(&expected, "%s\n%*s\"k\": {", depth == 2 ? "," : "", 2 * (depth - 1),
                       "");
    tnd_buf_printf(&expected, "\n%*s\"deep\": 7", 28, "");
    for (int depth = 14; depth >= 2; depth--)
        tnd_buf_printf(&expected, "\n%*s}", 2 * (depth - 1), "");
    tnd_buf_puts(&expected, "\n]");
    assert_string_equal(out.data, expected.data);
    tnd_buf_free(&out);
    tnd_buf_free(&expected);
}

static void test_json_escapes_bidi_controls(void **state)
{
    fixture fx;
    late_fixture(&fx);
    SET(fx.findings[0].reason, "Zorg \xE2\x80\xAEVB\xE2\x80\xAC\xE2\x80\x90\xD8\x9C");
    tnd_buf out;
    assert_non_null(strstr(json_report(&fx, &out),
                           "\"reason\": \"Zorg \\u202eVB\\u202c\xE2\x80\x90\\u061c\","));
    tnd_buf_free(&out);
}

static void test_json_replaces_broken_utf8(void **state)
{
    fixture fx;
    late_fixture(&fx);
    SET(fx.findings[0].subject, "af\xE2\x82");
    tnd_buf out;
    assert_non_null(strstr(json_report(&fx, &out), "\"subject\": \"af\xEF\xBF\xBD\xEF\xBF\xBD\","));
    tnd_buf_free(&out);
}

static void test_json_marks_detail_rows_and_fallback_findings(void **state)
{
    fixture fx;
    full_fixture(&fx);
    tnd_buf out;
    const char *json = json_report(&fx, &out);
    assert_non_null(strstr(json, "      \"lot\": null,\n"
                                 "      \"detail\": true,\n"
                                 "      \"cascade\": false,\n"
                                 "      \"subject\": \"2019\",\n"
                                 "      \"verdict\": \"FAIL\",\n"));
    assert_non_null(strstr(json, "      \"lot\": 3,\n"
                                 "      \"detail\": false,\n"
                                 "      \"cascade\": true,\n"));
    assert_non_null(strstr(json, "      \"verdict\": \"PLAN_REQUIRED\",\n"
                                 "      \"verdict_nl\": \"PLAN VAN AANPAK\",\n"));
    assert_non_null(strstr(json, "      \"resolution\": \"RES-JAREN\"\n"));
    assert_non_null(strstr(json, "    \"submitted\": \"2022-07-18T10:30:00\",\n"
                                 "    \"lots\": [5, 8]\n"));
    assert_non_null(strstr(json, "  \"resolutions\": [\n"
                                 "    {\n"
                                 "      \"id\": \"RES-SLUITINGSTIJD\",\n"
                                 "      \"source\": \"§3.3 L246\",\n"));
    assert_non_null(strstr(json, "      \"id\": \"RES-TERUGVAL\",\n"
                                 "      \"source\": \"§4.3.1 L958-969\",\n"
                                 "      \"text\": \"Terugvalketens 5 -> 3 -> 1, 4 -> 3 -> 1, "
                                 "3 -> 1 en 2 -> 1.\"\n"
                                 "    }\n"
                                 "  ],\n"));
    assert_non_null(strstr(json, "      \"applied\": 5,\n"
                                 "      \"placed\": 3,\n"
                                 "      \"status\": \"ELIGIBLE\",\n"
                                 "      \"status_nl\": \"TOEGELATEN\",\n"
                                 "      \"awaiting_award\": false,\n"
                                 "      \"opted_out\": false,\n"
                                 "      \"path\": \"5 -> 3\"\n"));
    assert_non_null(strstr(json, "  \"stopped_at_step\": null,\n"
                                 "  \"eligible_all\": false\n"
                                 "}\n"));
    assert_null(strchr(json, '\t'));
    tnd_buf_free(&out);
}

static void test_json_many_without_bids_is_an_empty_list(void **state)
{
    fixture fx;
    late_fixture(&fx);
    tnd_buf out;
    tnd_buf_init(&out);
    assert_true(tnd_report_json_many(&fx.def, NULL, NULL, 0, &out));
    assert_string_equal(out.data, "{\n"
                                  "  \"tool\": \"tender check\",\n"
                                  "  \"format\": \"tender-check-list/1\",\n"
                                  "  \"bids\": []\n"
                                  "}\n");
    tnd_buf_free(&out);
}

/* Each element of "bids" is the single-bid object, indented two levels deeper. */
static void test_json_many_nests_each_bid_object(void **state)
{
    fixture a, b;
    late_fixture(&a);
    full_fixture(&b);
    const tnd_bid *bids[] = { &a.bid, &b.bid };
    const tnd_check_result *results[] = { &a.result, &b.result };
    tnd_buf out;
    tnd_buf_init(&out);
    assert_true(tnd_report_json_many(&a.def, bids, results, 2, &out));
    const char *json = out.data;
    assert_memory_equal(json,
                        "{\n"
                        "  \"tool\": \"tender check\",\n"
                        "  \"format\": \"tender-check-list/1\",\n"
                        "  \"bids\": [\n"
                        "    {\n"
                        "      \"format\": \"tender-check/1\",\n"
                        "      \"tender\": {\n"
                        "        \"id\": \"ijsselland-2023\",\n",
                        150);
    assert_non_null(strstr(json, "      \"eligible_all\": false\n"
                                 "    },\n"
                                 "    {\n"
                                 "      \"format\": \"tender-check/1\",\n"));
    assert_non_null(strstr(json, "        \"lots\": [5, 8]\n"));
    const char *end = "      \"eligible_all\": false\n    }\n  ]\n}\n";
    assert_string_equal(json + out.len - strlen(end), end);
    tnd_buf_free(&out);
}

/* ------------------------------------------------------------------ docs */

#ifndef TND_SOURCE_DIR
#define TND_SOURCE_DIR "."
#endif

/* The fenced block that follows `after` and opens with "```<lang>\n", with its final newline;
 * NULL when absent. The caller frees. */
static char *doc_block(const char *doc, const char *after, const char *lang)
{
    const char *p = strstr(doc, after);
    char fence[16];
    snprintf(fence, sizeof fence, "```%s\n", lang);
    p = p ? strstr(p, fence) : NULL;
    if (!p)
        return NULL;
    p += strlen(fence);
    const char *end = strstr(p, "\n```");
    if (!end)
        return NULL;
    size_t n = (size_t)(end - p) + 1;
    char *block = malloc(n + 1);
    assert_non_null(block);
    memcpy(block, p, n);
    block[n] = '\0';
    return block;
}

/* docs/json-output.md shows the output for the full fixture: it must be the real output. */
static void test_docs_full_example_is_the_real_output(void **state)
{
    FILE *fp = fopen(TND_SOURCE_DIR "/docs/json-output.md", "rb");
    assert_non_null(fp);
    static char doc[64 * 1024];
    size_t n = fread(doc, 1, sizeof doc - 1, fp);
    fclose(fp);
    doc[n] = '\0';

    fixture fx;
    full_fixture(&fx);
    tnd_buf out;
    char *json = doc_block(doc, "### Full example", "json");
    assert_non_null(json);
    assert_string_equal(json, json_report(&fx, &out));
    tnd_buf_free(&out);
    char *text = doc_block(doc, "The text report of the same bid", "");
    assert_non_null(text);
    assert_string_equal(text, text_report(&fx, &out));
    tnd_buf_free(&out);
    free(json);
    free(text);
}

/* ------------------------------------------------------------------ buffer */

static void test_buf_starts_empty_without_allocating(void **state)
{
    tnd_buf b;
    tnd_buf_init(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    assert_false(b.oom);
    tnd_buf_free(&b);
    assert_null(b.data);
}

static void test_buf_grows_and_keeps_every_byte(void **state)
{
    tnd_buf b;
    tnd_buf_init(&b);
    for (int i = 0; i < 5000; i++)
        assert_true(tnd_buf_append(&b, i % 2 ? "b" : "ab", i % 2 ? 1 : 2));
    assert_int_equal(b.len, 7500);
    assert_true(b.cap >= b.len + 1);
    assert_int_equal(b.data[b.len], '\0');
    assert_memory_equal(b.data, "abbabb", 6);
    assert_memory_equal(b.data + 7494, "abbabb", 6);
    assert_false(b.oom);
    tnd_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
}

static void test_buf_printf_formats_and_appends(void **state)
{
    tnd_buf b;
    tnd_buf_init(&b);
    assert_true(tnd_buf_puts(&b, "perceel"));
    assert_true(tnd_buf_printf(&b, " %d -> %s", 5, "3"));
    assert_true(tnd_buf_append(&b, "", 0));
    assert_string_equal(b.data, "perceel 5 -> 3");
    assert_int_equal(b.len, 14);
    char big[1000];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_true(tnd_buf_printf(&b, "[%s]", big));
    assert_int_equal(b.len, 14 + 1001);
    assert_int_equal(b.data[14 + 1000], ']');
    assert_false(b.oom);
    tnd_buf_free(&b);
}

static void test_buf_impossible_size_sets_oom_and_stops_appending(void **state)
{
    tnd_buf b;
    tnd_buf_init(&b);
    assert_true(tnd_buf_puts(&b, "ok"));
    assert_false(tnd_buf_append(&b, "x", SIZE_MAX));
    assert_true(b.oom);
    assert_false(tnd_buf_puts(&b, "meer"));
    assert_false(tnd_buf_printf(&b, "%d", 1));
    assert_string_equal(b.data, "ok");
    assert_int_equal(b.len, 2);
    tnd_buf_free(&b);
    assert_false(b.oom);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_report_of_bid_with_fallback_is_exact),
        cmocka_unit_test(test_text_report_lines_stay_within_100_code_points),
        cmocka_unit_test(test_text_report_of_late_bid_stops_at_step_1),
        cmocka_unit_test(test_text_steps_without_steps_source_cite_nothing),
        cmocka_unit_test(test_text_conclusion_when_eligible_for_every_lot),
        cmocka_unit_test(test_text_conclusion_names_conditions),
        cmocka_unit_test(test_text_placement_shows_award_and_opt_out),
        cmocka_unit_test(test_text_width_counts_code_points_not_bytes),
        cmocka_unit_test(test_text_splits_a_word_longer_than_a_line),
        cmocka_unit_test(test_text_replaces_control_characters_and_broken_utf8),
        cmocka_unit_test(test_text_shows_bidi_controls_instead_of_obeying_them),
        cmocka_unit_test(test_text_detail_table_wraps_by_cell),
        cmocka_unit_test(test_text_detail_rows_without_requirement_get_a_heading),
        cmocka_unit_test(test_text_header_of_combination_and_missing_submission),
        cmocka_unit_test(test_text_verdict_column_is_16_wide_and_dutch),
        cmocka_unit_test(test_text_report_shows_no_english_verdict),
        cmocka_unit_test(test_text_report_appends_after_existing_content),
        cmocka_unit_test(test_report_refuses_null_arguments),
        cmocka_unit_test(test_json_report_of_late_bid_is_exact),
        cmocka_unit_test(test_json_escapes_quotes_newlines_and_control_characters),
        cmocka_unit_test(test_json_integers_and_deep_indentation),
        cmocka_unit_test(test_json_escapes_bidi_controls),
        cmocka_unit_test(test_json_replaces_broken_utf8),
        cmocka_unit_test(test_json_marks_detail_rows_and_fallback_findings),
        cmocka_unit_test(test_json_many_without_bids_is_an_empty_list),
        cmocka_unit_test(test_json_many_nests_each_bid_object),
        cmocka_unit_test(test_docs_full_example_is_the_real_output),
        cmocka_unit_test(test_buf_starts_empty_without_allocating),
        cmocka_unit_test(test_buf_grows_and_keeps_every_byte),
        cmocka_unit_test(test_buf_printf_formats_and_appends),
        cmocka_unit_test(test_buf_impossible_size_sets_oom_and_stops_appending),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
