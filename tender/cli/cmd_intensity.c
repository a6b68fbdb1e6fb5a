/*
 * cmd_intensity.c - `tender intensity stay|group`: the support-intensity calculators of §9 and
 * §8.5.3, with the bands, occupancy floors and sources taken from the tender definition.
 */
#include <stdio.h>
#include <string.h>

#include "scoring/intensity.h"
#include "tender/cli/cli.h"
#include "tender/definition.h"
#include "tender/notation.h"

static const char help_text[] =
    "Gebruik:\n"
    "  tender intensity stay  --youths N --occupancy B --staff-hours-week U\n"
    "                         [--kind regular|kdv|crisis] [--tender DEF.xml] [--json]\n"
    "  tender intensity group --youths N --opening-hours O --staff-hours U\n"
    "                         [--tender DEF.xml] [--json]\n"
    "\n"
    "Berekent de begeleidingsintensiteit en de klasse volgens de aanbestedingsdefinitie.\n"
    "\n"
    "stay  (Wonen/verblijf, §9): netto roosteruren groepsbegeleiding per week / 7 /\n"
    "      (groepsgrootte x bezettingsgraad). De bezettingsgraad wordt niet lager gerekend\n"
    "      dan de ondergrens van de soort groep: regular 95%, kdv (kortdurend verblijf) 90%,\n"
    "      crisis: werkelijke bezetting. Klassen C t/m K.\n"
    "group (Groepsaanbod, §8.5.3): netto roosteruren begeleiders tijdens openingsuren /\n"
    "      openingsuren / groepsgrootte. Klassen licht, middel, middelzwaar, zwaar.\n"
    "\n"
    "Opties:\n"
    "  --youths N            groepsgrootte (aantal jeugdigen), geheel getal >= 1\n"
    "  --occupancy B         bezettingsgraad: 95%, 0,95 of 0.95\n"
    "  --staff-hours-week U  netto roosteruren groepsbegeleiders per week (stay)\n"
    "  --opening-hours O     openingsuren per week (group)\n"
    "  --staff-hours U       netto roosteruren begeleiders tijdens openingsuren (group)\n"
    "  --kind K              soort verblijfsgroep: regular (standaard), kdv, crisis\n"
    "  --tender DEF.xml      aanbestedingsdefinitie: bestand of ingebouwd id\n"
    "                        (tender tenders; standaard: ijsselland-2023)\n"
    "  --json                uitvoer als JSON (docs/json-output.md)\n"
    "  -h, --help            deze hulp\n"
    "\n"
    "Een waarde precies op een grens van twee klassen (bijv. 4,1: I of J) wordt niet\n"
    "automatisch ingedeeld: grensgeval, in overleg vast te stellen (§9 L4158-4162).\n"
    "\n"
    "Exitcodes: 0 klasse vastgesteld; 1 grensgeval of buiten alle klassen;\n"
    "           2 ongeldige invoer.\n";

typedef struct {
    const char *youths, *occupancy, *staff_week, *opening, *staff, *kind, *tender;
    bool json;
} intensity_args;

/* The value rounded once, from the exact fraction, to `places` decimals. */
static tnd_dec value_at(const tnd_intensity_result *res, int places)
{
    return tnd_fraction_round(res->num, res->den, places);
}

/* "4,14" and "4.14": Dutch for people, point notation for scripts that grep. */
static void print_value_line(const char *what, const tnd_intensity_result *res)
{
    char nl[32], pt[32];
    tnd_dec_nl(value_at(res, 2), 2, nl);
    tnd_dec_str(value_at(res, 2), 2, pt);
    printf("%s: %s (%s)\n", what, nl, pt);
}

static void print_band(const tnd_intensity_band *b)
{
    char from[32], to[32];
    tnd_dec_nl_compact(b->from, from);
    tnd_dec_nl_compact(b->to, to);
    printf("%s (%s%s %s %s)", b->code, b->from_inclusive ? "" : "boven ", from,
           b->to_inclusive ? "t/m" : "tot", to);
}

static int report(const char *title, const tnd_intensity_scale *scale,
                  const tnd_intensity_result *res, bool json, const char *extra_json)
{
    char pt[32], exact[32];
    tnd_dec_str(value_at(res, 2), 2, pt);
    tnd_dec_str(value_at(res, 6), 6, exact);
    if (json) {
        printf("{\n  \"format\": \"tender-intensity/1\",\n  \"kind\": \"%s\",\n", title);
        printf("  \"value\": \"%s\",\n  \"value_exact\": \"%s\",\n", pt, exact);
        printf("  \"fraction\": [%lld, %lld],\n", (long long)res->num, (long long)res->den);
        const char *outcome = res->outcome == TND_INTENSITY_IN_BAND    ? "in-band"
                              : res->outcome == TND_INTENSITY_BOUNDARY ? "boundary"
                                                                       : "outside";
        printf("  \"outcome\": \"%s\",\n", outcome);
        if (res->outcome == TND_INTENSITY_IN_BAND)
            printf("  \"class\": \"%s\",\n  \"candidates\": [\"%s\"],\n",
                   scale->bands[res->band[0]].code, scale->bands[res->band[0]].code);
        else if (res->outcome == TND_INTENSITY_BOUNDARY)
            printf("  \"class\": null,\n  \"candidates\": [\"%s\", \"%s\"],\n",
                   scale->bands[res->band[0]].code, scale->bands[res->band[1]].code);
        else
            printf("  \"class\": null,\n  \"candidates\": [],\n");
        printf("%s", extra_json);
        printf("  \"source\": \"%s\"\n}\n", scale->source);
    } else {
        print_value_line("Begeleidingsintensiteit", res);
        char six[32];
        tnd_dec_nl(value_at(res, 6), 6, six);
        printf("  exact: breuk %lld/%lld = %s (6 decimalen)\n", (long long)res->num,
               (long long)res->den, six);
        if (res->outcome == TND_INTENSITY_IN_BAND) {
            printf("Klasse: ");
            print_band(&scale->bands[res->band[0]]);
            printf("\n");
        } else if (res->outcome == TND_INTENSITY_BOUNDARY) {
            printf("Klasse: grensgeval tussen ");
            print_band(&scale->bands[res->band[0]]);
            printf(" en ");
            print_band(&scale->bands[res->band[1]]);
            printf("\n  niet automatisch ingedeeld; in overleg vast te stellen\n");
        } else {
            printf("Klasse: geen - de waarde valt buiten alle klassen\n");
        }
        printf("Bron: %s\n", scale->source);
    }
    return res->outcome == TND_INTENSITY_IN_BAND ? TND_EXIT_OK : TND_EXIT_NEGATIVE;
}

static bool parse_count_opt(const tnd_notation *nt, const char *name, const char *text,
                            long *out)
{
    char why[256];
    if (!tnd_parse_count(nt, text, out, why, sizeof why) || *out < 1 || *out > 1000) {
        tnd_usage_error("intensity", "%s '%s': %s", name, text,
                        *why ? why : "verwacht een geheel getal van 1 t/m 1000");
        return false;
    }
    return true;
}

static bool parse_dec_opt(const tnd_notation *nt, const char *name, const char *text,
                          tnd_dec *out, bool positive)
{
    char why[256] = "";
    if (!tnd_parse_decimal(nt, text, out, why, sizeof why)) {
        tnd_usage_error("intensity", "%s '%s': %s", name, text, why);
        return false;
    }
    if (out->units < 0 || (positive && out->units == 0) ||
        out->units > 10000 * TND_DEC_SCALE) {
        tnd_usage_error("intensity", "%s '%s': verwacht een aantal uren %s 0 en hoogstens 10000",
                        name, text, positive ? "groter dan" : "van ten minste");
        return false;
    }
    return true;
}

static int run_stay(const tnd_definition *def, const tnd_notation *nt, const intensity_args *a)
{
    if (!a->youths || !a->occupancy || !a->staff_week)
        return tnd_usage_error("intensity", "stay vereist --youths, --occupancy en "
                                            "--staff-hours-week");
    long youths;
    tnd_dec occ, hours;
    char why[256] = "";
    if (!parse_count_opt(nt, "--youths", a->youths, &youths))
        return TND_EXIT_BAD_INPUT;
    if (!tnd_parse_fraction(nt, a->occupancy, &occ, why, sizeof why))
        return tnd_usage_error("intensity", "--occupancy '%s': %s", a->occupancy, why);
    if (occ.units <= 0 || occ.units > TND_DEC_SCALE)
        return tnd_usage_error("intensity", "--occupancy '%s': een bezettingsgraad ligt tussen "
                               "0 en 100%% (bijvoorbeeld 95%% of 0,95)", a->occupancy);
    if (!parse_dec_opt(nt, "--staff-hours-week", a->staff_week, &hours, false))
        return TND_EXIT_BAD_INPUT;
    const char *kind = a->kind ? a->kind : "regular";
    const tnd_occupancy_rule *rule = NULL;
    for (int i = 0; i < def->residential.n_occupancy; i++)
        if (strcmp(def->residential.occupancy[i].kind, kind) == 0)
            rule = &def->residential.occupancy[i];
    if (!rule) {
        char kinds[128] = "";
        for (int i = 0; i < def->residential.n_occupancy; i++) {
            strncat(kinds, i ? ", " : "", sizeof kinds - strlen(kinds) - 1);
            strncat(kinds, def->residential.occupancy[i].kind, sizeof kinds - strlen(kinds) - 1);
        }
        return tnd_usage_error("intensity", "--kind '%s' is onbekend; kies uit: %s", kind,
                               kinds);
    }
    tnd_intensity_result res;
    if (!tnd_intensity_residential(&def->residential.scale, rule, youths, occ, hours, &res))
        return tnd_usage_error("intensity", "deze waarden zijn niet te berekenen");

    char occ_given[32], occ_used[32], floor[32], hours_nl[32], extra[512];
    tnd_dec_nl_compact((tnd_dec){ occ.units * 100 }, occ_given);
    tnd_dec_nl_compact((tnd_dec){ res.occupancy_used.units * 100 }, occ_used);
    tnd_dec_nl_compact((tnd_dec){ rule->floor.units * 100 }, floor);
    tnd_dec_nl_compact(hours, hours_nl);
    if (a->json) {
        char used_pt[32], given_pt[32], hours_pt[32];
        tnd_dec_str(res.occupancy_used, 6, used_pt);
        tnd_dec_str(occ, 6, given_pt);
        tnd_dec_str(hours, 6, hours_pt);
        snprintf(extra, sizeof extra,
                 "  \"youths\": %ld,\n  \"occupancy_given\": \"%s\",\n"
                 "  \"occupancy_used\": \"%s\",\n  \"floor_applied\": %s,\n"
                 "  \"group_kind\": \"%s\",\n  \"staff_hours_week\": \"%s\",\n",
                 youths, given_pt, used_pt, res.floor_applied ? "true" : "false", kind, hours_pt);
        return report("stay", &def->residential.scale, &res, true, extra);
    }
    printf("Wonen/verblijf, soort groep: %s\n", kind);
    printf("  groepsgrootte %ld, bezettingsgraad %s%%, netto roosteruren %s per week\n", youths,
           occ_given, hours_nl);
    if (!rule->has_floor)
        printf("  bezettingsgraad: werkelijke bezetting gebruikt (geen ondergrens; %s)\n",
               rule->source);
    else if (res.floor_applied)
        printf("  bezettingsgraad %s%% verhoogd naar de ondergrens %s%% (%s)\n", occ_given, floor,
               rule->source);
    else
        printf("  bezettingsgraad %s%% (ondergrens %s%%, %s)\n", occ_used, floor, rule->source);
    printf("  berekening: %s / 7 / (%ld x %s%%)\n", hours_nl, youths, occ_used);
    return report("stay", &def->residential.scale, &res, false, "");
}

static int run_group(const tnd_definition *def, const tnd_notation *nt, const intensity_args *a)
{
    if (!a->youths || !a->opening || !a->staff)
        return tnd_usage_error("intensity", "group vereist --youths, --opening-hours en "
                                            "--staff-hours");
    long youths;
    tnd_dec opening, staff;
    if (!parse_count_opt(nt, "--youths", a->youths, &youths) ||
        !parse_dec_opt(nt, "--opening-hours", a->opening, &opening, true) ||
        !parse_dec_opt(nt, "--staff-hours", a->staff, &staff, false))
        return TND_EXIT_BAD_INPUT;
    tnd_intensity_result res;
    if (!tnd_intensity_group(&def->group.scale, youths, opening, staff, &res))
        return tnd_usage_error("intensity", "deze waarden zijn niet te berekenen");
    char o_nl[32], s_nl[32], extra[256];
    tnd_dec_nl_compact(opening, o_nl);
    tnd_dec_nl_compact(staff, s_nl);
    if (a->json) {
        char o_pt[32], s_pt[32];
        tnd_dec_str(opening, 6, o_pt);
        tnd_dec_str(staff, 6, s_pt);
        snprintf(extra, sizeof extra,
                 "  \"youths\": %ld,\n  \"opening_hours\": \"%s\",\n  \"staff_hours\": \"%s\",\n",
                 youths, o_pt, s_pt);
        return report("group", &def->group.scale, &res, true, extra);
    }
    printf("Groepsaanbod\n");
    printf("  groepsgrootte %ld, openingsuren %s, netto roosteruren begeleiders %s\n", youths,
           o_nl, s_nl);
    printf("  berekening: %s / %s / %ld\n", s_nl, o_nl, youths);
    return report("group", &def->group.scale, &res, false, "");
}

int cmd_intensity(int argc, char **argv)
{
    intensity_args a = { 0 };
    const char *mode = NULL;
    bool bad = false;
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            return TND_EXIT_OK;
        }
        if (tnd_opt_flag(argv, &i, "--json"))
            a.json = true;
        else if (tnd_opt_value(argc, argv, &i, "--youths", &a.youths, &bad) ||
                 tnd_opt_value(argc, argv, &i, "--occupancy", &a.occupancy, &bad) ||
                 tnd_opt_value(argc, argv, &i, "--staff-hours-week", &a.staff_week, &bad) ||
                 tnd_opt_value(argc, argv, &i, "--opening-hours", &a.opening, &bad) ||
                 tnd_opt_value(argc, argv, &i, "--staff-hours", &a.staff, &bad) ||
                 tnd_opt_value(argc, argv, &i, "--kind", &a.kind, &bad) ||
                 tnd_opt_value(argc, argv, &i, "--tender", &a.tender, &bad))
            continue;
        else if (argv[i][0] == '-')
            return tnd_usage_error("intensity", "onbekende optie '%s'", argv[i]);
        else if (!mode)
            mode = argv[i];
        else
            return tnd_usage_error("intensity", "onverwacht argument '%s'", argv[i]);
    }
    if (bad)
        return TND_EXIT_BAD_INPUT;
    if (!mode || (strcmp(mode, "stay") != 0 && strcmp(mode, "group") != 0))
        return tnd_usage_error("intensity", "kies 'stay' (verblijf) of 'group' (groepsaanbod)");
    if (strcmp(mode, "group") == 0 && (a.occupancy || a.kind || a.staff_week))
        return tnd_usage_error("intensity", "group kent geen --occupancy, --kind of "
                                            "--staff-hours-week");
    if (strcmp(mode, "stay") == 0 && (a.opening || a.staff))
        return tnd_usage_error("intensity", "stay kent geen --opening-hours of --staff-hours");

    tnd_definition *def = tnd_cli_definition(a.tender);
    if (!def)
        return TND_EXIT_BAD_INPUT;
    tnd_notation *nt = tnd_notation_new();
    int rc;
    if (!nt) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        rc = TND_EXIT_BAD_INPUT;
    } else if (strcmp(mode, "stay") == 0) {
        rc = run_stay(def, nt, &a);
    } else {
        rc = run_group(def, nt, &a);
    }
    tnd_notation_free(nt);
    tnd_definition_free(def);
    return rc;
}
