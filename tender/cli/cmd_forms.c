/*
 * cmd_forms.c - `tender forms -o MAP [--tender DEF] [--prefill BID] [--bids MAP]`: writes the two
 * workbooks of a tender, generated from its definition: the bidder's fill-in workbook with the
 * live self-check
 * (inschrijving-<id>.xlsx, forms/fillin_xlsx.h) and the committee scoring workbook
 * (commissie-<id>.xlsx, forms/committee_xlsx.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "forms/committee_xlsx.h"
#include "forms/fillin_xlsx.h"
#include "tender/bid.h"
#include "tender/bid_xlsx.h"
#include "tender/cli/cli.h"
#include "tender/definition.h"
#include "tender/form_cells.h"
#include "tender/base/outfile.h"

static const char help_text[] =
    "Gebruik: tender forms -o MAP [--tender DEF.xml] [--prefill INSCHRIJVING.xml|.xlsx]\n"
    "                     [--bids MAP]\n"
    "\n"
    "Schrijft de formulieren van een aanbesteding, gemaakt uit de aanbestedingsdefinitie:\n"
    "  MAP/inschrijving-<id>.xlsx  het invulformulier voor inschrijvers: identiteit en UEA,\n"
    "                              percelen, financiële gegevens (bijlage XVI), verzekering\n"
    "                              en kwaliteit, referenties, tariefgroep, fte, locaties en\n"
    "                              groepen, met een zelfcontrole die meerekent (blad\n"
    "                              'Controle'); docs/provider-guide.md\n"
    "  MAP/commissie-<id>.xlsx     het scoreformulier van de beoordelingscommissie: per\n"
    "                              perceel met gunningscriteria de scores van lid-1 t/m\n"
    "                              lid-5 en de consensus, ronde 1 en 2\n"
    "De zelfcontrole is een hulpmiddel: het oordeel van `tender check` is bepalend.\n"
    "\n"
    "Opties:\n"
    "  -o, --output MAP    map waarin de werkmappen worden geschreven; een map die nog\n"
    "                      niet bestaat wordt gemaakt (atomair; een invoerbestand wordt\n"
    "                      nooit overschreven)\n"
    "  --tender DEF.xml    aanbestedingsdefinitie: bestand of ingebouwd id\n"
    "                      (tender tenders; standaard: ijsselland-2023)\n"
    "  --prefill FILE      vult het invulformulier vooraf met een inschrijving (XML of een\n"
    "                      eerder ingevuld formulier)\n"
    "  --bids MAP          vult het commissieformulier vooraf: per perceel de inschrijvers\n"
    "                      die na stap 1 en 2 in dat perceel zijn geplaatst (KvK, naam,\n"
    "                      criterium, ronde 1); een geweigerde inschrijving stopt alles\n"
    "  -h, --help          deze hulp\n"
    "\n"
    "Exitcodes:\n"
    "  0  beide werkmappen geschreven\n"
    "  2  ongeldige invoer of gebruik (bijvoorbeeld een map die niet gemaakt kan worden)\n";

/* The tender id as part of a file name: letters, digits, '-', '_' and '.'; others become '_'. */
static void file_id(const char *id, char *buf, size_t size)
{
    size_t n = 0;
    for (const char *p = id; *p && n + 1 < size; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || (c == '.' && n > 0);
        buf[n++] = ok ? c : '_';
    }
    buf[n] = '\0';
    if (n == 0)
        snprintf(buf, size, "aanbesteding");
}

static tnd_status load_prefill(const char *path, const tnd_definition *def, tnd_bid **bid,
                               tnd_error *err)
{
    if (tnd_path_is_xlsx(path))
        return tnd_bid_xlsx_load(path, def, bid, err);
    tnd_status st = tnd_bid_load_file(path, bid, err);
    if (st == TND_OK && (st = tnd_bid_validate_against(*bid, def, err)) != TND_OK) {
        tnd_bid_free(*bid);
        *bid = NULL;
    }
    return st;
}

/* The score lines of the committee workbook: every bidder placed in a lot by steps 1-2 (§6),
 * in the lot it was placed in (a cascaded bid is scored there), once per lot, in input order. */
static tnd_committee_bidder *committee_bidders(const tnd_checked_bids *c, size_t *n)
{
    size_t cap = 0;
    for (size_t i = 0; i < c->n; i++)
        cap += c->results[i]->n_placements;
    tnd_committee_bidder *out = calloc(cap ? cap : 1, sizeof *out);
    *n = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < c->n; i++) {
        const tnd_check_result *r = c->results[i];
        for (size_t k = 0; k < r->n_placements; k++) {
            int lot = r->placements[k].placed;
            bool seen = lot == 0;
            for (size_t j = 0; j < *n && !seen; j++)
                seen = out[j].lot == lot && strcmp(out[j].kvk, c->bids[i]->bidder.kvk) == 0;
            if (!seen)
                out[(*n)++] = (tnd_committee_bidder){ lot, c->bids[i]->bidder.kvk,
                                                      c->bids[i]->bidder.name };
        }
    }
    return out;
}

int cmd_forms(int argc, char **argv)
{
    const char *output = NULL, *tender = NULL, *prefill_path = NULL, *bids_dir = NULL;
    bool bad = false;
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            return TND_EXIT_OK;
        }
        if (tnd_opt_value(argc, argv, &i, "--output", &output, &bad) ||
            tnd_opt_value(argc, argv, &i, "-o", &output, &bad) ||
            tnd_opt_value(argc, argv, &i, "--tender", &tender, &bad) ||
            tnd_opt_value(argc, argv, &i, "--prefill", &prefill_path, &bad) ||
            tnd_opt_value(argc, argv, &i, "--bids", &bids_dir, &bad))
            continue;
        return tnd_usage_error("forms", "onbekend argument '%s'", argv[i]);
    }
    if (bad)
        return TND_EXIT_BAD_INPUT;
    if (!output)
        return tnd_usage_error("forms", "-o MAP is verplicht");
    struct stat st;
    bool exists = stat(output, &st) == 0;
    if (exists && !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "tender: %s: error: geen map\n  hint: kies een map voor -o; de "
                        "werkmappen krijgen er hun eigen naam in\n", output);
        return TND_EXIT_BAD_INPUT;
    }

    tnd_error err;
    tnd_definition *def = tnd_cli_definition(tender);
    if (!def)
        return TND_EXIT_BAD_INPUT;
    tnd_bid *bid = NULL;
    if (prefill_path && load_prefill(prefill_path, def, &bid, &err) != TND_OK) {
        tnd_print_error(&err);
        tnd_definition_free(def);
        return TND_EXIT_BAD_INPUT;
    }

    /* --bids: steps 1-2 for every bid; a refused bid stops the command (the list of bidders
     * to score would be silently incomplete) */
    tnd_path_list paths = { 0 };
    tnd_checked_bids checked = { 0 };
    tnd_committee_bidder *bidders = NULL;
    size_t n_bidders = 0;
    if (bids_dir) {
        bool ok = tnd_path_list_add_input(&paths, bids_dir) &&
                  tnd_check_bids(def, &paths, &checked);
        if (ok && checked.n_failed > 0) {
            fprintf(stderr, "tender forms: %zu inschrijving(en) geweigerd (zie boven); de "
                            "commissiewerkmap wordt niet geschreven\n  hint: herstel of "
                            "verwijder de geweigerde inschrijving en probeer opnieuw\n",
                    checked.n_failed);
            ok = false;
        } else if (ok && paths.n == 0) {
            fprintf(stderr, "tender forms: %s: geen inschrijvingen (*.xml, *.xlsx) gevonden\n",
                    bids_dir);
            ok = false;
        } else if (ok && !(bidders = committee_bidders(&checked, &n_bidders))) {
            fprintf(stderr, "tender: onvoldoende geheugen\n");
            ok = false;
        }
        if (!ok) {
            tnd_checked_bids_free(&checked);
            tnd_path_list_free(&paths);
            tnd_bid_free(bid);
            tnd_definition_free(def);
            return TND_EXIT_BAD_INPUT;
        }
    }

    const char **protected = calloc(paths.n + 2, sizeof *protected);
    if (!protected) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        free(bidders);
        tnd_checked_bids_free(&checked);
        tnd_path_list_free(&paths);
        tnd_bid_free(bid);
        tnd_definition_free(def);
        return TND_EXIT_BAD_INPUT;
    }
    size_t n_protected = 0;
    if (tender)
        protected[n_protected++] = tender;
    if (prefill_path)
        protected[n_protected++] = prefill_path;
    for (size_t i = 0; i < paths.n; i++)
        protected[n_protected++] = paths.paths[i];
    char id[TND_ID_LEN], fillin[4096], committee[4096];
    file_id(def->id, id, sizeof id);
    size_t len = strlen(output);
    const char *sep = len && output[len - 1] == '/' ? "" : "/";
    snprintf(fillin, sizeof fillin, "%s%sinschrijving-%s.xlsx", output, sep, id);
    snprintf(committee, sizeof committee, "%s%scommissie-%s.xlsx", output, sep, id);

    /* The README's `tender forms -o formulieren/` creates the folder (issue 10 §5): only the
     * last component, as mkdir does, so a mistyped parent path is reported, not created. The
     * inputs were read first: a refused input leaves no new folder behind. */
    int rc = TND_EXIT_OK;
    bool made = false;
    if (!exists) {
        if (mkdir(output, 0777) == 0) {
            made = true;
        } else {
            fprintf(stderr, "tender: %s: error: kan de uitvoermap niet maken: %s\n  hint: "
                            "controleer of de map erboven bestaat en schrijfbaar is\n", output,
                    strerror(errno));
            rc = TND_EXIT_BAD_INPUT;
        }
    }
    /* Both workbooks or neither (tender/base/outfile.h): checked against the inputs and each other,
     * built into unnamed temp files, and linked in only when both are complete. */
    const char *outputs[2] = { fillin, committee };
    static const char *const labels[2] = { "invulwerkmap", "commissiewerkmap" };
    tnd_outfile fo = { .fd = -1 }, co = { .fd = -1 };
    tnd_status s = rc == TND_EXIT_OK ? tnd_outputs_check(outputs, labels, 2, protected,
                                                         n_protected, &err)
                                     : TND_ERR_IO;
    if (s == TND_OK && (s = tnd_outfile_begin(&fo, fillin, &err)) == TND_OK)
        s = tnd_fillin_write_to(&fo, def, bid, &err);
    if (s == TND_OK && (s = tnd_outfile_begin(&co, committee, &err)) == TND_OK)
        s = tnd_committee_write_to(&co, def, bidders, n_bidders, &err);
    if (s == TND_OK)
        s = tnd_outfile_commit(&fo, &err);
    if (s == TND_OK)
        s = tnd_outfile_commit(&co, &err);
    tnd_outfile_abort(&fo);
    tnd_outfile_abort(&co);
    if (rc != TND_EXIT_OK) {
        /* the folder could not be made: reported above */
    } else if (s != TND_OK) {
        tnd_print_error(&err);
        rc = TND_EXIT_BAD_INPUT;
        if (made)
            rmdir(output); /* only when still empty: the writers are atomic */
    } else {
        if (made)
            printf("map gemaakt:        %s\n", output);
        printf("invulformulier:     %s%s\n", fillin, bid ? " (vooraf ingevuld)" : "");
        if (bids_dir)
            printf("commissieformulier: %s (vooraf ingevuld voor %zu plaatsingen, inschrijver "
                   "in perceel, uit %zu inschrijvingen)\n", committee, n_bidders, checked.n);
        else
            printf("commissieformulier: %s\n", committee);
    }
    free(protected);
    free(bidders);
    tnd_checked_bids_free(&checked);
    tnd_path_list_free(&paths);
    tnd_bid_free(bid);
    tnd_definition_free(def);
    return rc;
}
