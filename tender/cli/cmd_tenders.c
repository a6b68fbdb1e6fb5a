/*
 * cmd_tenders.c - `tender tenders [--json]`: the tender definitions built into the binary
 * (every file of fixtures/tenders/, cmake/embed.cmake), each loaded and validated as
 * `--tender ID` would load it: id, title, contracting authority, format version, number of lots
 * (percelen) and of rules. A built-in definition that does not load is an error (exit 2): it
 * could never be chosen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/json.h"
#include "scoring/model.h"
#include "tender/cli/cli.h"
#include "tender/definition.h"
#include "tender/embedded.h"

static const char help_text[] =
    "Gebruik: tender tenders [--json]\n"
    "\n"
    "Toont de aanbestedingsdefinities die in tender zijn ingebouwd, met id, titel,\n"
    "opdrachtgever, formaatversie, aantal percelen en aantal regels. Kies er een met\n"
    "--tender ID bij elke opdracht (tender rules --tender grjr-2021); een bestaand pad\n"
    "gaat voor een id. Zonder --tender geldt ijsselland-2023.\n"
    "\n"
    "Opties:\n"
    "  --json      uitvoer als JSON (docs/json-output.md)\n"
    "  -h, --help  deze hulp\n"
    "\n"
    "Exitcodes: 0 gelukt; 2 een ingebouwde definitie laadt niet, of ongeldig gebruik.\n";

/* The N of xmlns="urn:tender:definition:N" in the definition's bytes: the format version it is
 * written in (0 when the namespace is not found, which the schema would have refused). */
static int format_version(const unsigned char *bytes, size_t len)
{
    static const char ns[] = "urn:tender:definition:";
    size_t n = sizeof ns - 1;
    for (size_t i = 0; i + n < len; i++)
        if (memcmp(bytes + i, ns, n) == 0) {
            int v = 0;
            for (size_t j = i + n; j < len && bytes[j] >= '0' && bytes[j] <= '9' && v < 1000; j++)
                v = v * 10 + (bytes[j] - '0');
            return v;
        }
    return 0;
}

typedef struct {
    const char *id;
    char title[TND_LABEL_LEN];
    char authority[TND_NAME_LEN];
    int version;
    size_t lots, rules;
} tender_row;

int cmd_tenders(int argc, char **argv)
{
    bool json = false;
    for (int i = 1; i < argc; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            return TND_EXIT_OK;
        }
        if (tnd_opt_flag(argv, &i, "--json"))
            json = true;
        else
            return tnd_usage_error("tenders", "onbekend argument '%s'", argv[i]);
    }
    size_t n = tnd_embedded_tenders_count;
    tender_row *rows = calloc(n ? n : 1, sizeof *rows);
    if (!rows) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return TND_EXIT_BAD_INPUT;
    }
    for (size_t i = 0; i < n; i++) {
        const tnd_embedded_tender *t = &tnd_embedded_tenders[i];
        tnd_error err;
        tnd_definition *def = NULL;
        if (tnd_definition_load(t->id, &def, &err) != TND_OK) {
            tnd_print_error(&err);
            free(rows);
            return TND_EXIT_BAD_INPUT;
        }
        rows[i].id = t->id;
        snprintf(rows[i].title, sizeof rows[i].title, "%s", def->title);
        snprintf(rows[i].authority, sizeof rows[i].authority, "%s", def->authority);
        rows[i].version = format_version(t->bytes, t->len);
        rows[i].lots = def->n_lots;
        rows[i].rules = tnd_definition_rules(def, NULL, 0);
        tnd_definition_free(def);
    }
    if (json) {
        tnd_buf b;
        tnd_buf_init(&b);
        tnd_json w = { .out = &b };
        tnd_json_open(&w, NULL, '{');
        tnd_json_open(&w, "tenders", '[');
        for (size_t i = 0; i < n; i++) {
            tnd_json_open(&w, NULL, '{');
            tnd_json_str(&w, "id", rows[i].id);
            tnd_json_str(&w, "title", rows[i].title);
            tnd_json_str(&w, "authority", rows[i].authority);
            tnd_json_int(&w, "format_version", rows[i].version);
            tnd_json_int(&w, "lots", (long long)rows[i].lots);
            tnd_json_int(&w, "rules", (long long)rows[i].rules);
            tnd_json_bool(&w, "default", strcmp(rows[i].id, "ijsselland-2023") == 0);
            tnd_json_close(&w, '}');
        }
        tnd_json_close(&w, ']');
        tnd_json_close(&w, '}');
        tnd_buf_puts(&b, "\n");
        bool ok = !b.oom && b.data && fwrite(b.data, 1, b.len, stdout) == b.len;
        tnd_buf_free(&b);
        free(rows);
        if (!ok) {
            fprintf(stderr, "tender: onvoldoende geheugen\n");
            return TND_EXIT_BAD_INPUT;
        }
        return TND_EXIT_OK;
    }
    printf("Ingebouwde aanbestedingsdefinities (kies met --tender ID):\n\n");
    printf("| id | titel | opdrachtgever | formaat | percelen | regels |\n");
    printf("|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < n; i++)
        printf("| %s%s | %s | %s | %d | %zu | %zu |\n", rows[i].id,
               strcmp(rows[i].id, "ijsselland-2023") == 0 ? " (standaard)" : "", rows[i].title,
               rows[i].authority, rows[i].version, rows[i].lots, rows[i].rules);
    free(rows);
    return TND_EXIT_OK;
}
