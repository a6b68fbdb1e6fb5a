/*
 * cmd_rules.c - `tender rules [--tender DEF]`: every rule of a tender definition with its § source,
 * as a Markdown table. docs/rules.md is generated from this output (scripts/gen-rules-doc), so
 * the documented rule table and the definition cannot drift apart.
 */
#include <stdio.h>
#include <stdlib.h>

#include "scoring/model.h"
#include "tender/cli.h"
#include "tender/definition.h"

static const char help_text[] =
    "Gebruik: tender rules [--tender DEF.xml]\n"
    "\n"
    "Toont elke regel van de aanbestedingsdefinitie met id, bron (§), eis, resolutie en\n"
    "het bestand van de engine dat de regel beslist, als Markdown-tabel, in de volgorde\n"
    "van de definitie.\n"
    "\n"
    "Opties:\n"
    "  --tender DEF.xml    aanbestedingsdefinitie (standaard: ingebouwd IJsselland 2023)\n"
    "  -h, --help          deze hulp\n"
    "\n"
    "Exitcodes: 0 gelukt; 2 ongeldige definitie of gebruik.\n";

/* Table cells may not contain '|' or newlines. */
static void cell(const char *s)
{
    for (; *s; s++)
        putchar(*s == '|' ? '/' : *s == '\n' ? ' ' : *s);
}

int cmd_rules(int argc, char **argv)
{
    const char *tender = NULL;
    bool bad = false;
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            return TND_EXIT_OK;
        }
        if (!tnd_opt_value(argc, argv, &i, "--tender", &tender, &bad))
            return tnd_usage_error("rules", "onbekend argument '%s'", argv[i]);
    }
    if (bad)
        return TND_EXIT_BAD_INPUT;
    tnd_error err;
    tnd_definition *def = NULL;
    if (tnd_definition_load(tender, &def, &err) != TND_OK) {
        tnd_print_error(&err);
        return TND_EXIT_BAD_INPUT;
    }
    size_t n = tnd_definition_rules(def, NULL, 0);
    tnd_rule_entry *refs = calloc(n ? n : 1, sizeof *refs);
    if (!refs) {
        tnd_definition_free(def);
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return TND_EXIT_BAD_INPUT;
    }
    tnd_definition_rules(def, refs, n);
    printf("| id | bron | eis | resolutie | beslist in |\n|---|---|---|---|---|\n");
    for (size_t i = 0; i < n; i++) {
        printf("| `");
        cell(refs[i].ref->id);
        printf("` | ");
        cell(refs[i].ref->source);
        printf(" | ");
        cell(refs[i].ref->label);
        printf(" | ");
        cell(refs[i].ref->resolution);
        printf(" | %s |\n", refs[i].engine);
    }
    free(refs);
    tnd_definition_free(def);
    return TND_EXIT_OK;
}
