/*
 * cmd_evaluate.c - `tender evaluate`: steps 1-3 of §6 for all bids of a tender, the award per lot
 * (§6.1) and the award workbook with every decision, its reason and its source.
 */
#include <stdio.h>

#include "forms/award_json.h"
#include "tender/bid_run.h"
#include "tender/cli.h"
#include "tender/evaluate_run.h"

static const char help_text[] =
    "Gebruik: tender evaluate --bids MAP --scores SCORES.csv -o GUNNING.xlsx\n"
    "                         [--tender DEF.xml] [--prices PRIJZEN.csv] [--json FILE]\n"
    "                         [--date JJJJ-MM-DD] [-j N]\n"
    "\n"
    "Voert de beoordeling uit (§6): stap 1 en 2 (knock-outs, plaatsing per perceel) voor\n"
    "elke inschrijving in MAP, en stap 3 (gunning per perceel, §6.1) met de scores van de\n"
    "beoordelingscommissie. Schrijft de gunningswerkmap: Samenvatting, een blad per\n"
    "perceel, Knock-outs, Inschrijvers, Tarieven en Audit (SHA-256 van elke invoer).\n"
    "\n"
    "Opties:\n"
    "  --bids MAP          map met inschrijvingen (*.xml, op naam gesorteerd)\n"
    "  --scores FILE       scores van de commissie (CSV, docs/scores-format.md)\n"
    "  -o, --output FILE   de gunningswerkmap (.xlsx); wordt atomair geschreven en\n"
    "                      overschrijft nooit een invoerbestand\n"
    "  --tender DEF.xml    aanbestedingsdefinitie (standaard: ingebouwd IJsselland 2023)\n"
    "  --prices FILE       prijzen per perceel en inschrijver (CSV), voor percelen met\n"
    "                      een prijsformule\n"
    "  --json FILE         ook de uitkomst als JSON (docs/evaluate.md)\n"
    "  --date DATUM        beoordelingsdatum in de werkmap (standaard SOURCE_DATE_EPOCH,\n"
    "                      anders vandaag); dezelfde invoer en datum geven dezelfde bytes\n"
    "  -j, --jobs N        lees en toets N inschrijvingen tegelijk (standaard: het aantal\n"
    "                      processorkernen); de uitvoer is dezelfde voor elke N\n"
    "  -h, --help          deze hulp\n"
    "\n"
    "Exitcodes:\n"
    "  0  werkmap geschreven\n"
    "  2  ongeldige invoer of gebruik; er is niets geschreven\n";

int cmd_evaluate(int argc, char **argv)
{
    tnd_run_options o = { 0 };
    bool bad = false;
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            return TND_EXIT_OK;
        }
        if (tnd_opt_value(argc, argv, &i, "--bids", &o.bids_dir, &bad) ||
            tnd_opt_value(argc, argv, &i, "--scores", &o.scores, &bad) ||
            tnd_opt_value(argc, argv, &i, "--output", &o.output, &bad) ||
            tnd_opt_value(argc, argv, &i, "-o", &o.output, &bad) ||
            tnd_opt_value(argc, argv, &i, "--tender", &o.tender, &bad) ||
            tnd_opt_value(argc, argv, &i, "--prices", &o.prices, &bad) ||
            tnd_opt_value(argc, argv, &i, "--json", &o.json, &bad) ||
            tnd_opt_value(argc, argv, &i, "--date", &o.date, &bad) ||
            tnd_opt_jobs("evaluate", argc, argv, &i, &o.jobs, &bad))
            continue;
        return tnd_usage_error("evaluate", "onbekend argument '%s'", argv[i]);
    }
    if (bad)
        return TND_EXIT_BAD_INPUT;
    if (!o.bids_dir || !o.scores || !o.output)
        return tnd_usage_error("evaluate", "--bids, --scores en -o zijn verplicht");

    tnd_run run;
    if (!tnd_run_evaluation(&o, &run))
        return TND_EXIT_BAD_INPUT;

    const char *protected[64];
    size_t n_protected = tnd_run_inputs(&run, protected, 64);
    tnd_error err;
    int rc = TND_EXIT_OK;
    if (tnd_award_workbook_write(o.output, run.def, &run.ev, &run.audit, protected, n_protected,
                                 &err) != TND_OK) {
        tnd_print_error(&err);
        rc = TND_EXIT_BAD_INPUT;
    }
    if (rc == TND_EXIT_OK && o.json) {
        tnd_buf out;
        tnd_buf_init(&out);
        if (!tnd_award_json(run.def, &run.ev, run.audit.evaluation_date, &out)) {
            fprintf(stderr, "tender: onvoldoende geheugen voor de JSON-uitvoer\n");
            rc = TND_EXIT_BAD_INPUT;
        } else if (tnd_write_atomic(o.json, out.data, out.len, protected, n_protected, &err) !=
                   TND_OK) {
            tnd_print_error(&err);
            rc = TND_EXIT_BAD_INPUT;
        }
        tnd_buf_free(&out);
    }
    if (rc == TND_EXIT_OK)
        tnd_run_print_summary(&run, stdout);
    tnd_run_free(&run);
    return rc;
}
