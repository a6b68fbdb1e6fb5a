/*
 * cmd_evaluate.c - `tender evaluate`: steps 1-3 of §6 for all bids of a tender, the award per lot
 * (§6.1) and the award workbook with every decision, its reason and its source.
 */
#include <pthread.h>
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

/* The JSON goes to its temp file in pieces of this size, never held whole (issue 9: 2 KiB a bid,
 * 200 MiB at 100k bids), so it can be written while the workbook is built. */
#define JSON_CHUNK (256 * 1024)

typedef struct {
    const tnd_run_options *o;
    const tnd_run *run;
    tnd_outfile *js;   /* begun by the caller */
    tnd_error err;
    tnd_status st;
} json_job;

static bool flush_json(void *ctx, tnd_buf *b)
{
    json_job *j = ctx;
    j->st = tnd_outfile_write(j->js, b->data, b->len, &j->err);
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    return j->st == TND_OK;
}

/* The JSON into its temp file, settled. Reads the run and writes only its own file and error:
 * it may run beside the workbook (write_outputs). */
static void *write_json(void *arg)
{
    json_job *j = arg;
    const tnd_run *run = j->run;
    tnd_buf json;
    tnd_buf_init(&json);
    j->st = TND_OK;
    bool ok = tnd_award_json_stream(run->def, &run->ev, run->audit.evaluation_date,
                                     run->audit.run_id, &run->procedure, &json, flush_json, j,
                                     JSON_CHUNK);
    if (j->st == TND_OK && (!ok || json.oom))
        j->st = tnd_error_set(&j->err, TND_ERR_NOMEM, j->o->json, 0, NULL,
                              "onvoldoende geheugen voor de JSON-uitvoer");
    if (j->st == TND_OK && json.len)
        j->st = tnd_outfile_write(j->js, json.data, json.len, &j->err);
    if (j->st == TND_OK)
        j->st = tnd_outfile_settle(j->js, &j->err);
    tnd_buf_free(&json);
    return NULL;
}

/*
 * The workbook and the JSON, all or nothing (tender/base/outfile.h): every output is checked
 * against every input (however many bids) and against the other output before a byte is
 * written; both are built into unnamed temp files and fsync'ed; only then are they linked in
 * place, the workbook first. Both carry the run id, so the one window left (a kill between the
 * two links) gives a pair that `tender verify --json` refuses. With more than one job (-j) the
 * JSON is written on a thread of its own while the workbook is built (issue 9: the two were a
 * serial tail after the parallel reading); either way a failure of the workbook is the one
 * reported when both fail.
 */
static int write_outputs(const tnd_run_options *o, tnd_run *run)
{
    const char **inputs = calloc(run->n_inputs + 1, sizeof *inputs);
    tnd_file_id *ids = calloc(run->n_inputs + 1, sizeof *ids);
    if (!inputs || !ids) {
        free(inputs);
        free(ids);
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return TND_EXIT_BAD_INPUT;
    }
    size_t n_inputs = tnd_run_inputs(run, inputs, ids, run->n_inputs);
    const char *outputs[2] = { o->output, o->json };
    static const char *const labels[2] = { "-o", "--json" };
    tnd_error err;
    tnd_outfile book = { .fd = -1 }, js = { .fd = -1 };
    json_job job = { o, run, &js, { 0 }, TND_OK };
    /* the bids as read: no second look at 100,000 files (issue 9) */
    tnd_status st = tnd_outputs_check_known(outputs, labels, 2, inputs, ids, n_inputs, &err);
    /* Freed now, not after the workbook: freeing a block this large makes glibc merge every
     * small block freed before it, and after the workbook those are its million cells (issue 9:
     * 30 ms at 10k bids, with nothing else to do). */
    free(inputs);
    free(ids);
    bool json_started = false;
    pthread_t json_thread;
    if (st == TND_OK && o->json) {
        /* begun here, on this thread: tnd_outfile_begin reads the umask by setting it */
        job.st = tnd_outfile_begin(&js, o->json, &job.err);
        int jobs = o->jobs > 0 ? o->jobs : tnd_default_jobs();
        if (job.st == TND_OK && jobs > 1 &&
            pthread_create(&json_thread, NULL, write_json, &job) == 0)
            json_started = true;
        else if (job.st == TND_OK)
            write_json(&job);
    }
    if (st == TND_OK && (st = tnd_outfile_begin(&book, o->output, &err)) == TND_OK)
        st = tnd_award_workbook_write_to(&book, run->def, &run->ev, &run->audit, &err);
    if (json_started)
        pthread_join(json_thread, NULL);
    if (st == TND_OK && job.st != TND_OK) {
        st = job.st;
        err = job.err;
    }
    if (st == TND_OK)
        st = tnd_outfile_commit(&book, &err);
    if (st == TND_OK && o->json)
        st = tnd_outfile_commit(&js, &err);
    tnd_outfile_abort(&book);
    tnd_outfile_abort(&js);
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

    /* The run's memory goes back with the process, not bid by bid: freeing 100,000 bids took
     * 0.2 s at the end of every run (issue 9). Static, so that it stays reachable and a leak
     * checker (valgrind, LeakSanitizer) still tells it apart from a real leak. */
    static tnd_run run;
    if (!tnd_run_evaluation(&o, &run))
        return TND_EXIT_BAD_INPUT;
    int rc = write_outputs(&o, &run);
    if (rc == TND_EXIT_OK)
        tnd_run_print_summary(&run, stdout);
    return rc;
}
