/*
 * cmd_evaluate.c - `tender evaluate`: steps 1-3 of §6 for all bids of a tender, the award per lot
 * (§6.1) and the award workbook with every decision, its reason and its source.
 */
#include <stdio.h>
#include <stdlib.h>

#include "forms/award_json.h"
#include "tender/cli/bid_run.h"
#include "tender/cli/cli.h"
#include "tender/cli/evaluate_run.h"
#include "tender/base/outfile.h"

static const char help_text[] =
    "Gebruik: tender evaluate --bids MAP --scores SCORES.csv -o GUNNING.xlsx\n"
    "                         [--tender DEF.xml] [--prices PRIJZEN.csv] [--json FILE]\n"
    "                         [--date JJJJ-MM-DD] [--resubmissions MAP]\n"
    "                         [--decisions BESLUITEN.csv] [-j N]\n"
    "\n"
    "Voert de beoordeling uit (§6): stap 1 en 2 (knock-outs, plaatsing per perceel) voor\n"
    "elke inschrijving in MAP, en stap 3 (gunning per perceel, §6.1) met de scores van de\n"
    "beoordelingscommissie. Schrijft de gunningswerkmap: Samenvatting, een blad per\n"
    "perceel, Knock-outs, Inschrijvers, Procedure (ronde, voorlopig of definitief,\n"
    "besluiten), Tarieven en Audit (SHA-256 van elke invoer).\n"
    "\n"
    "Opties:\n"
    "  --bids MAP          map met inschrijvingen (*.xml, op naam gesorteerd)\n"
    "  --scores FILE       scores van de commissie (CSV, docs/scores-format.md)\n"
    "  -o, --output FILE   de gunningswerkmap (.xlsx); wordt atomair geschreven en\n"
    "                      overschrijft nooit een invoerbestand\n"
    "  --tender DEF.xml    aanbestedingsdefinitie: bestand of ingebouwd id\n"
    "                      (tender tenders; standaard: ijsselland-2023)\n"
    "  --prices FILE       prijzen per perceel en inschrijver (CSV), voor percelen met\n"
    "                      een prijsformule\n"
    "  --json FILE         ook de uitkomst als JSON (docs/evaluate.md)\n"
    "  --date DATUM        beoordelingsdatum in de werkmap (standaard SOURCE_DATE_EPOCH,\n"
    "                      anders vandaag); dezelfde invoer en datum geven dezelfde bytes\n"
    "  --resubmissions MAP ronde 2: de herinschrijvingen van afgevallen inschrijvers\n"
    "                      (eenmalig, niet voor perceel 4; docs/evaluate.md)\n"
    "  --decisions FILE    besluiten van de aanbesteder over BEOORDELEN, PLAN VAN AANPAK\n"
    "                      en herstel (CSV, docs/decisions-format.md)\n"
    "  -j, --jobs N        lees en toets N inschrijvingen tegelijk (standaard: het aantal\n"
    "                      processorkernen); de uitvoer is dezelfde voor elke N\n"
    "  -h, --help          deze hulp\n"
    "\n"
    "Exitcodes:\n"
    "  0  werkmap geschreven\n"
    "  2  ongeldige invoer of gebruik; er is niets geschreven (ook: een definitie met\n"
    "     een open plek, <placeholder>, die de regio nog moet invullen)\n";

/* The JSON into its temp file, settled; its text is freed before the workbook is built (issue 9:
 * held beside the workbook's cells it was 2.7 KiB a bid at the peak, 270 MiB at 100k bids). */
static tnd_status write_json(const tnd_run_options *o, const tnd_run *run, tnd_outfile *js,
                             tnd_error *err)
{
    tnd_buf json;
    tnd_buf_init(&json);
    tnd_status st = TND_OK;
    if (!tnd_award_json(run->def, &run->ev, run->audit.evaluation_date, run->audit.run_id,
                        &run->procedure, &json))
        st = tnd_error_set(err, TND_ERR_NOMEM, o->json, 0, NULL,
                           "onvoldoende geheugen voor de JSON-uitvoer");
    if (st == TND_OK && (st = tnd_outfile_begin(js, o->json, err)) == TND_OK &&
        (st = tnd_outfile_write(js, json.data, json.len, err)) == TND_OK)
        st = tnd_outfile_settle(js, err);
    tnd_buf_free(&json);
    return st;
}

/*
 * The workbook and the JSON, all or nothing (tender/base/outfile.h): every output is checked against
 * every input (however many bids) and against the other output before a byte is written; both
 * are built into unnamed temp files and fsync'ed; only then are they linked in place, the
 * workbook first. Both carry the run id, so the one window left (a kill between the two links)
 * gives a pair that `tender verify --json` refuses. The JSON is built first (write_json), but a
 * failure of the workbook is the one reported when both fail, as when the workbook came first.
 */
static int write_outputs(const tnd_run_options *o, tnd_run *run)
{
    const char **inputs = calloc(run->n_inputs + 1, sizeof *inputs);
    if (!inputs) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return TND_EXIT_BAD_INPUT;
    }
    size_t n_inputs = tnd_run_inputs(run, inputs, run->n_inputs);
    const char *outputs[2] = { o->output, o->json };
    static const char *const labels[2] = { "-o", "--json" };
    tnd_error err, json_err;
    tnd_outfile book = { .fd = -1 }, js = { .fd = -1 };
    tnd_status st = tnd_outputs_check(outputs, labels, 2, inputs, n_inputs, &err);
    tnd_status json_st = TND_OK;
    if (st == TND_OK && o->json)
        json_st = write_json(o, run, &js, &json_err);
    if (st == TND_OK && (st = tnd_outfile_begin(&book, o->output, &err)) == TND_OK)
        st = tnd_award_workbook_write_to(&book, run->def, &run->ev, &run->audit, &err);
    if (st == TND_OK && json_st != TND_OK) {
        st = json_st;
        err = json_err;
    }
    if (st == TND_OK)
        st = tnd_outfile_commit(&book, &err);
    if (st == TND_OK && o->json)
        st = tnd_outfile_commit(&js, &err);
    tnd_outfile_abort(&book);
    tnd_outfile_abort(&js);
    free(inputs);
    if (st != TND_OK) {
        tnd_print_error(&err);
        return TND_EXIT_BAD_INPUT;
    }
    return TND_EXIT_OK;
}

int cmd_evaluate(int argc, char **argv)
{
    tnd_run_options o = { 0 };
    bool bad = false;
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            return TND_EXIT_OK;
        }
        if (tnd_run_option("evaluate", argc, argv, &i, &o, &bad) ||
            tnd_opt_value(argc, argv, &i, "--output", &o.output, &bad) ||
            tnd_opt_value(argc, argv, &i, "-o", &o.output, &bad) ||
            tnd_opt_value(argc, argv, &i, "--json", &o.json, &bad) ||
            tnd_opt_value(argc, argv, &i, "--date", &o.date, &bad))
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
    int rc = write_outputs(&o, &run);
    if (rc == TND_EXIT_OK)
        tnd_run_print_summary(&run, stdout);
    tnd_run_free(&run);
    return rc;
}
