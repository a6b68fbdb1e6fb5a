/*
 * cmd_rules.c - `tender rules [--tender DEF]`: every rule of a tender definition with its § source,
 * as a Markdown table. docs/rules.md is generated from this output (scripts/gen-rules-doc), so
 * the documented rule table and the definition cannot drift apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoring/model.h"
#include "tender/cli/cli.h"
#include "tender/definition.h"

static const char help_text[] =
    "Gebruik: tender rules [--tender DEF.xml]\n"
    "\n"
    "Noemt de formaatversie van de aanbestedingsdefinitie (1 wordt gelezen als 2) en toont\n"
    "elke regel met id, bron (§), eis, resolutie en het bestand van de engine dat de regel\n"
    "beslist, als Markdown-tabel, in de volgorde van de definitie; daarna elke resolutie\n"
    "(gekozen lezing) met de regels die haar toepassen.\n"
    "\n"
    "Opties:\n"
    "  --tender DEF.xml    aanbestedingsdefinitie: bestand of ingebouwd id\n"
    "                      (tender tenders; standaard: ijsselland-2023)\n"
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
    tnd_definition *def = tnd_cli_definition(tender);
    if (!def)
        return TND_EXIT_BAD_INPUT;
    size_t n = tnd_definition_rules(def, NULL, 0);
    tnd_rule_entry *refs = calloc(n ? n : 1, sizeof *refs);
    if (!refs) {
        tnd_definition_free(def);
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return TND_EXIT_BAD_INPUT;
    }
    tnd_definition_rules(def, refs, n);
    /* issue 11: the version the file was written in; a version-1 file is read as version 2 */
    printf("Definitie `%s`, formaatversie %d (%s)%s\n\n", def->id, def->format_version,
           def->format_version == 1 ? TND_DEFINITION_NS_1 : TND_DEFINITION_NS_2,
           def->format_version == 1 ? ", gelezen als versie 2" : "");
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
    /* the readings the definition chose where the document is ambiguous, each with the rules
     * (and award criteria) that apply it: a resolution no rule names is listed too */
    printf("\n## Resoluties\n\n| id | bron | toegepast door | lezing |\n|---|---|---|---|\n");
    for (size_t r = 0; r < def->n_resolutions; r++) {
        const tnd_resolution *res = &def->resolutions[r];
        printf("| `");
        cell(res->id);
        printf("` | ");
        cell(res->source);
        printf(" | ");
        bool any = false;
        for (size_t i = 0; i < n; i++)
            if (strcmp(refs[i].ref->resolution, res->id) == 0) {
                printf("%s`%s`", any ? ", " : "", refs[i].ref->id);
                any = true;
            }
        for (size_t a = 0; a < def->n_awards; a++)
            for (int c = 0; c < def->awards[a].n_criteria; c++)
                if (strcmp(def->awards[a].criteria[c].resolution, res->id) == 0) {
                    printf("%s`%s` criterium %s", any ? ", " : "", def->awards[a].ref.id,
                           def->awards[a].criteria[c].id);
                    any = true;
                }
        for (size_t a = 0; a < def->n_assignments; a++) /* (issue 11) a procedure variant */
            if (strcmp(def->assignments[a].procedure_resolution, res->id) == 0) {
                printf("%sopdracht %s (%s)", any ? ", " : "", def->assignments[a].id,
                       def->assignments[a].procedure);
                any = true;
            }
        printf("%s | ", any ? "" : "-");
        cell(res->text);
        printf(" |\n");
    }
    free(refs);
    tnd_definition_free(def);
    return TND_EXIT_OK;
}
