/* cli.c - option matching, error printing and atomic file writing shared by the subcommands. */
#include "tender/cli/cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tender/bid.h"
#include "tender/cli/bid_run.h"
#include "tender/bid_xlsx.h"
#include "tender/form_cells.h"
#include "tender/base/outfile.h"
#include "tender/definition.h"

bool tnd_opt_flag(char **argv, int *i, const char *name)
{
    return strcmp(argv[*i], name) == 0;
}

bool tnd_opt_value(int argc, char **argv, int *i, const char *name, const char **value,
                   bool *bad)
{
    size_t n = strlen(name);
    const char *arg = argv[*i];
    if (strncmp(arg, name, n) != 0)
        return false;
    if (arg[n] == '=') {
        *value = arg + n + 1;
        return true;
    }
    if (arg[n] != '\0')
        return false;
    if (*i + 1 >= argc) {
        fprintf(stderr, "tender: optie %s verwacht een waarde\n", name);
        *bad = true;
        return true;
    }
    *value = argv[++*i];
    return true;
}

void tnd_print_error(const tnd_error *err)
{
    char buf[2048];
    tnd_error_format(err, buf, sizeof buf);
    fprintf(stderr, "tender: %s\n", buf);
}

tnd_definition *tnd_cli_definition(const char *tender)
{
    tnd_error err;
    tnd_definition *def = NULL;
    if (tnd_definition_load(tender, &def, &err) != TND_OK) {
        tnd_print_error(&err);
        return NULL;
    }
    return def;
}

int tnd_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "tender %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nZie 'tender %s --help'.\n", cmd);
    return TND_EXIT_BAD_INPUT;
}

bool tnd_progress_enabled(void)
{
    return isatty(STDERR_FILENO) == 1;
}

bool tnd_same_file_as_any(const char *path, const char *const *inputs, size_t n_inputs)
{
    return tnd_same_file_index(path, inputs, n_inputs) < n_inputs;
}

tnd_status tnd_write_atomic(const char *path, const void *data, size_t len,
                            const char *const *inputs, size_t n_inputs, tnd_error *err)
{
    const char *outputs[1] = { path };
    const char *labels[1] = { "uitvoer" };
    tnd_status rc = tnd_outputs_check(outputs, labels, 1, inputs, n_inputs, err);
    return rc == TND_OK ? tnd_outfile_write_all(path, data, len, err) : rc;
}

bool tnd_path_list_add(tnd_path_list *l, const char *path)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **np = realloc(l->paths, cap * sizeof *np);
        if (!np)
            return false;
        l->paths = np;
        l->cap = cap;
    }
    l->paths[l->n] = strdup(path);
    return l->paths[l->n++] != NULL;
}

void tnd_path_list_free(tnd_path_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->paths[i]);
    free(l->paths);
    memset(l, 0, sizeof *l);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A bid in a directory: *.xml, or a filled-in form *.xlsx; not hidden, not an Excel lock file
 * ("~$inschrijving.xlsx" exists while the workbook is open). */
static bool is_bid_name(const char *name)
{
    size_t n = strlen(name);
    if (name[0] == '.' || strncmp(name, "~$", 2) == 0)
        return false;
    return (n > 4 && strcasecmp(name + n - 4, ".xml") == 0) || tnd_path_is_xlsx(name);
}

/* Adds every *.xml and *.xlsx file in dir, sorted by name (both kinds together). */
static bool add_directory(tnd_path_list *l, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    tnd_path_list local = { 0 };
    struct dirent *e;
    bool ok = true;
    size_t dlen = strlen(dir);
    while (ok && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (!is_bid_name(e->d_name))
            continue;
        char *full = malloc(dlen + n + 2);
        if (!full) {
            ok = false;
            break;
        }
        snprintf(full, dlen + n + 2, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/",
                 e->d_name);
        ok = tnd_path_list_add(&local, full);
        free(full);
    }
    closedir(d);
    if (local.n)
        qsort(local.paths, local.n, sizeof *local.paths, cmp_str);
    for (size_t i = 0; ok && i < local.n; i++)
        ok = tnd_path_list_add(l, local.paths[i]);
    tnd_path_list_free(&local);
    return ok;
}

bool tnd_path_list_add_input(tnd_path_list *l, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return add_directory(l, path);
    return tnd_path_list_add(l, path);
}

bool tnd_check_bids(const tnd_definition *def, const tnd_path_list *paths, tnd_checked_bids *out)
{
    tnd_bid_run_options o = { .jobs = 1, .progress = true };
    return tnd_check_bids_with(def, paths, &o, out);
}

void tnd_checked_bids_free(tnd_checked_bids *c)
{
    for (size_t i = 0; i < c->n; i++) {
        tnd_check_result_free(c->results[i]);
        free(c->results[i]);
        tnd_bid_free(c->bids[i]);
    }
    free(c->bids);
    free(c->results);
    free(c->sha256);
    free(c->ids);
    memset(c, 0, sizeof *c);
}
