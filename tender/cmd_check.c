/*
 * cmd_check.c - `tender check BID... [--tender DEF] [--json]`: steps 1 and 2 of the evaluation
 * (§6) for each bid, with a verdict, reason and § source per requirement and the lot placement.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

typedef struct {
    char **paths;
    size_t n, cap;
} path_list;

static bool path_add(path_list *l, const char *p)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **np = realloc(l->paths, cap * sizeof *np);
        if (!np)
            return false;
        l->paths = np;
        l->cap = cap;
    }
    l->paths[l->n] = strdup(p);
    return l->paths[l->n++] != NULL;
}

static void path_list_free(path_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->paths[i]);
    free(l->paths);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds every *.xml file in dir, sorted by name, so runs are reproducible. */
static bool add_directory(path_list *l, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    path_list local = { 0 };
    struct dirent *e;
    bool ok = true;
    while (ok && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0 || e->d_name[0] == '.')
            continue;
        size_t len = strlen(dir) + n + 2;
        char *full = malloc(len);
        if (!full) {
            ok = false;
            break;
        }
        snprintf(full, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
        ok = path_add(&local, full);
        free(full);
    }
    closedir(d);
    if (local.n)
        qsort(local.paths, local.n, sizeof *local.paths, cmp_str);
    for (size_t i = 0; ok && i < local.n; i++)
        ok = path_add(l, local.paths[i]);
    path_list_free(&local);
    return ok;
}

int cmd_check(int argc, char **argv)
{
    const char *tender = NULL;
    bool json = false, bad = false;
    path_list inputs = { 0 };
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            path_list_free(&inputs);
            return TND_EXIT_OK;
        }
        if (tnd_opt_flag(argv, &i, "--json"))
            json = true;
        else if (tnd_opt_value(argc, argv, &i, "--tender", &tender, &bad))
            continue;
        else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            path_list_free(&inputs);
            return tnd_usage_error("check", "onbekende optie '%s'", argv[i]);
        } else {
            struct stat st;
            bool ok = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)
                          ? add_directory(&inputs, argv[i])
                          : path_add(&inputs, argv[i]);
            if (!ok) {
                path_list_free(&inputs);
                return tnd_usage_error("check", "kan '%s' niet lezen", argv[i]);
            }
        }
    }
    if (bad) {
        path_list_free(&inputs);
        return TND_EXIT_BAD_INPUT;
    }
    if (inputs.n == 0) {
        path_list_free(&inputs);
        return tnd_usage_error("check", "geef ten minste één inschrijving (BID.xml) op");
    }

    tnd_error err;
    tnd_definition *def = NULL;
    if (tnd_definition_load(tender, &def, &err) != TND_OK) {
        tnd_print_error(&err);
        path_list_free(&inputs);
        return TND_EXIT_BAD_INPUT;
    }

    tnd_bid **bids = calloc(inputs.n, sizeof *bids);
    tnd_check_result **results = calloc(inputs.n, sizeof *results);
    int rc = TND_EXIT_OK;
    bool input_error = false, progress = tnd_progress_enabled() && inputs.n > 20;
    size_t n_ok = 0;
    if (!bids || !results) {
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        input_error = true;
    }
    for (size_t i = 0; !input_error && i < inputs.n; i++) {
        if (progress)
            fprintf(stderr, "\r[%zu/%zu] %s\033[K", i + 1, inputs.n, inputs.paths[i]);
        tnd_bid *bid = NULL;
        if (tnd_bid_load_file(inputs.paths[i], &bid, &err) != TND_OK ||
            tnd_bid_validate_against(bid, def, &err) != TND_OK) {
            if (progress)
                fputc('\n', stderr);
            tnd_print_error(&err);
            tnd_bid_free(bid);
            rc = TND_EXIT_BAD_INPUT;
            continue;
        }
        tnd_check_result *res = calloc(1, sizeof *res);
        if (!res || !tnd_check(def, bid, res)) {
            fprintf(stderr, "tender: onvoldoende geheugen bij %s\n", inputs.paths[i]);
            if (res)
                tnd_check_result_free(res);
            free(res);
            tnd_bid_free(bid);
            rc = TND_EXIT_BAD_INPUT;
            continue;
        }
        bids[n_ok] = bid;
        results[n_ok] = res;
        n_ok++;
        if (!res->eligible_all && rc == TND_EXIT_OK)
            rc = TND_EXIT_NEGATIVE;
    }
    if (progress)
        fputs("\r\033[K", stderr);

    tnd_buf out;
    tnd_buf_init(&out);
    bool written = true;
    if (json) {
        written = tnd_report_json_many(def, (const tnd_bid *const *)bids,
                                       (const tnd_check_result *const *)results, n_ok, &out);
    } else {
        for (size_t i = 0; written && i < n_ok; i++) {
            if (i)
                tnd_buf_append(&out, "\n", 1);
            written = tnd_report_text(def, bids[i], results[i], &out);
        }
    }
    if (!written || out.oom) {
        fprintf(stderr, "tender: onvoldoende geheugen voor het rapport\n");
        rc = TND_EXIT_BAD_INPUT;
    } else if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len) {
        fprintf(stderr, "tender: schrijven naar stdout mislukt\n");
        rc = TND_EXIT_BAD_INPUT;
    }
    tnd_buf_free(&out);
    if (input_error)
        rc = TND_EXIT_BAD_INPUT;
    for (size_t i = 0; i < n_ok; i++) {
        tnd_check_result_free(results[i]);
        free(results[i]);
        tnd_bid_free(bids[i]);
    }
    free(bids);
    free(results);
    tnd_definition_free(def);
    path_list_free(&inputs);
    return rc;
}
