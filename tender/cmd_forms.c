/*
 * cmd_forms.c - `tender forms -o MAP [--tender DEF] [--prefill BID]`: writes the two workbooks of
 * a tender, generated from its definition: the bidder's fill-in workbook with the live self-check
 * (inschrijving-<id>.xlsx, forms/fillin_xlsx.h) and the committee scoring workbook
 * (commissie-<id>.xlsx, forms/committee_xlsx.h).
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "forms/committee_xlsx.h"
#include "forms/fillin_xlsx.h"
#include "tender/bid.h"
#include "tender/bid_xlsx.h"
#include "tender/cli.h"
#include "tender/definition.h"
#include "tender/form_cells.h"
#include "tender/outfile.h"

static const char help_text[] =
    "Gebruik: tender forms -o MAP [--tender DEF.xml] [--prefill INSCHRIJVING.xml|.xlsx]\n"
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
    "  -o, --output MAP    bestaande map waarin de werkmappen worden geschreven (atomair;\n"
    "                      een invoerbestand wordt nooit overschreven)\n"
    "  --tender DEF.xml    aanbestedingsdefinitie (standaard: ingebouwd IJsselland 2023)\n"
    "  --prefill FILE      vult het invulformulier vooraf met een inschrijving (XML of een\n"
    "                      eerder ingevuld formulier)\n"
    "  -h, --help          deze hulp\n"
    "\n"
    "Exitcodes:\n"
    "  0  beide werkmappen geschreven\n"
    "  2  ongeldige invoer of gebruik (bijvoorbeeld een map die niet bestaat)\n";

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

int cmd_forms(int argc, char **argv)
{
    const char *output = NULL, *tender = NULL, *prefill_path = NULL;
    bool bad = false;
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            return TND_EXIT_OK;
        }
        if (tnd_opt_value(argc, argv, &i, "--output", &output, &bad) ||
            tnd_opt_value(argc, argv, &i, "-o", &output, &bad) ||
            tnd_opt_value(argc, argv, &i, "--tender", &tender, &bad) ||
            tnd_opt_value(argc, argv, &i, "--prefill", &prefill_path, &bad))
            continue;
        return tnd_usage_error("forms", "onbekend argument '%s'", argv[i]);
    }
    if (bad)
        return TND_EXIT_BAD_INPUT;
    if (!output)
        return tnd_usage_error("forms", "-o MAP is verplicht");
    struct stat st;
    if (stat(output, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "tender: %s: error: %s\n  hint: maak de map eerst aan (mkdir) of kies "
                        "een bestaande map\n",
                output, stat(output, &st) != 0 ? "de uitvoermap bestaat niet" : "geen map");
        return TND_EXIT_BAD_INPUT;
    }

    tnd_error err;
    tnd_definition *def = NULL;
    if (tnd_definition_load(tender, &def, &err) != TND_OK) {
        tnd_print_error(&err);
        return TND_EXIT_BAD_INPUT;
    }
    tnd_bid *bid = NULL;
    if (prefill_path && load_prefill(prefill_path, def, &bid, &err) != TND_OK) {
        tnd_print_error(&err);
        tnd_definition_free(def);
        return TND_EXIT_BAD_INPUT;
    }

    const char *protected[2];
    size_t n_protected = 0;
    if (tender)
        protected[n_protected++] = tender;
    if (prefill_path)
        protected[n_protected++] = prefill_path;
    char id[TND_ID_LEN], fillin[4096], committee[4096];
    file_id(def->id, id, sizeof id);
    size_t len = strlen(output);
    const char *sep = len && output[len - 1] == '/' ? "" : "/";
    snprintf(fillin, sizeof fillin, "%s%sinschrijving-%s.xlsx", output, sep, id);
    snprintf(committee, sizeof committee, "%s%scommissie-%s.xlsx", output, sep, id);

    /* Both workbooks or neither (tender/outfile.h): checked against the inputs and each other,
     * built into unnamed temp files, and linked in only when both are complete. */
    const char *outputs[2] = { fillin, committee };
    static const char *const labels[2] = { "invulwerkmap", "commissiewerkmap" };
    tnd_outfile fo = { .fd = -1 }, co = { .fd = -1 };
    tnd_status s = tnd_outputs_check(outputs, labels, 2, protected, n_protected, &err);
    if (s == TND_OK && (s = tnd_outfile_begin(&fo, fillin, &err)) == TND_OK)
        s = tnd_fillin_write_to(&fo, def, bid, &err);
    if (s == TND_OK && (s = tnd_outfile_begin(&co, committee, &err)) == TND_OK)
        s = tnd_committee_write_to(&co, def, &err);
    if (s == TND_OK)
        s = tnd_outfile_commit(&fo, &err);
    if (s == TND_OK)
        s = tnd_outfile_commit(&co, &err);
    tnd_outfile_abort(&fo);
    tnd_outfile_abort(&co);
    int rc = TND_EXIT_OK;
    if (s != TND_OK) {
        tnd_print_error(&err);
        rc = TND_EXIT_BAD_INPUT;
    } else {
        printf("invulformulier:     %s%s\n", fillin, bid ? " (vooraf ingevuld)" : "");
        printf("commissieformulier: %s\n", committee);
    }
    tnd_bid_free(bid);
    tnd_definition_free(def);
    return rc;
}
