/*
 * cmd_check.c - `tender check BID... [--tender DEF] [--json]`: steps 1 and 2 of the evaluation
 * (§6) for each bid, with a verdict, reason and § source per requirement and the lot placement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/buf.h"
#include "forms/report.h"
#include "scoring/check.h"
#include "tender/bid.h"
#include "tender/cli.h"
#include "tender/definition.h"

static const char help_text[] =
    "Gebruik: tender check BID.xml|MAP... [--tender DEF.xml] [--json]\n"
    "\n"
    "Toetst inschrijvingen aan stap 1 (volledigheid en geldigheid) en stap 2\n"
    "(uitsluitingsgronden, geschiktheidseisen en voorwaarden) van de aanbesteding (§6):\n"
    "sluitingstijd, ontbrekende onderdelen, uitsluitingsgronden (UEA), financiële normen,\n"
    "verzekering, referenties, kwaliteitssysteem en keurmerk, AGB-code, leeftijd van\n"
    "documenten, combinatieregels van percelen, tariefgroepeisen, begeleidingsintensiteit,\n"
    "verklaringen. Elke eis krijgt een oordeel (PASS, FAIL, REVIEW, PLAN REQUIRED,\n"
    "CONDITIONAL, NOT APPLICABLE, MISSING) met reden en bron (§). Het rapport eindigt met\n"
    "de plaatsing per perceel, inclusief terugval naar een lager perceel (§4.3.1).\n"
    "\n"
    "Argumenten:\n"
    "  BID.xml             inschrijving (docs/bid-format.md); een MAP toetst alle *.xml\n"
    "                      daarin, op naam gesorteerd\n"
    "Opties:\n"
    "  --tender DEF.xml    aanbestedingsdefinitie (standaard: ingebouwd IJsselland 2023)\n"
    "  --json              uitvoer als JSON (docs/json-output.md)\n"
    "  -h, --help          deze hulp\n"
    "\n"
    "Exitcodes:\n"
    "  0  elke inschrijving is toegelaten voor elk perceel waarop zij inschrijft\n"
    "     (CONDITIONAL telt als toegelaten)\n"
    "  1  minstens één inschrijving niet, of nog niet (REVIEW / PLAN REQUIRED open)\n"
    "  2  ongeldige invoer of gebruik (fout met bestand:regel en een oplossing op stderr);\n"
    "     de overige inschrijvingen worden wel getoetst\n";

int cmd_check(int argc, char **argv)
{
    const char *tender = NULL;
    bool json = false, bad = false;
    int n_args = 0;
    tnd_path_list inputs = { 0 };
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            tnd_path_list_free(&inputs);
            return TND_EXIT_OK;
        }
        if (tnd_opt_flag(argv, &i, "--json"))
            json = true;
        else if (tnd_opt_value(argc, argv, &i, "--tender", &tender, &bad))
            continue;
        else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            tnd_path_list_free(&inputs);
            return tnd_usage_error("check", "onbekende optie '%s'", argv[i]);
        } else if (n_args++, !tnd_path_list_add_input(&inputs, argv[i])) {
            tnd_path_list_free(&inputs);
            return tnd_usage_error("check", "kan map '%s' niet lezen", argv[i]);
        }
    }
    if (bad || inputs.n == 0) {
        tnd_path_list_free(&inputs);
        if (bad)
            return TND_EXIT_BAD_INPUT;
        return n_args ? tnd_usage_error("check", "geen inschrijvingen (*.xml) in de opgegeven map")
                      : tnd_usage_error("check", "geef ten minste één inschrijving (BID.xml) op");
    }

    tnd_error err;
    tnd_definition *def = NULL;
    if (tnd_definition_load(tender, &def, &err) != TND_OK) {
        tnd_print_error(&err);
        tnd_path_list_free(&inputs);
        return TND_EXIT_BAD_INPUT;
    }
    tnd_checked_bids checked;
    int rc = TND_EXIT_OK;
    if (!tnd_check_bids(def, &inputs, &checked)) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        rc = TND_EXIT_BAD_INPUT;
    }
    for (size_t i = 0; rc == TND_EXIT_OK && i < checked.n; i++)
        if (!checked.results[i]->eligible_all)
            rc = TND_EXIT_NEGATIVE;

    tnd_buf out;
    tnd_buf_init(&out);
    bool written = true;
    if (json) {
        written = tnd_report_json_many(def, (const tnd_bid *const *)checked.bids,
                                       (const tnd_check_result *const *)checked.results,
                                       checked.n, &out);
    } else {
        for (size_t i = 0; written && i < checked.n; i++) {
            if (i)
                tnd_buf_append(&out, "\n", 1);
            written = tnd_report_text(def, checked.bids[i], checked.results[i], &out);
        }
    }
    if (!written || out.oom) {
        fprintf(stderr, "tender: onvoldoende geheugen voor het rapport\n");
        rc = TND_EXIT_BAD_INPUT;
    } else if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len) {
        fprintf(stderr, "tender: schrijven naar stdout mislukt\n");
        rc = TND_EXIT_BAD_INPUT;
    }
    if (checked.n_failed)
        rc = TND_EXIT_BAD_INPUT;
    tnd_buf_free(&out);
    tnd_checked_bids_free(&checked);
    tnd_definition_free(def);
    tnd_path_list_free(&inputs);
    return rc;
}
