/* cli.c - option matching, error printing and atomic file writing shared by the subcommands. */
#include "tender/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Same file as an input? Compared by device and inode, so another spelling of a path counts. */
static bool is_input(const char *path, const char *const *inputs, size_t n_inputs)
{
    struct stat target;
    if (stat(path, &target) != 0)
        return false;
    for (size_t i = 0; i < n_inputs; i++) {
        struct stat in;
        if (inputs[i] && stat(inputs[i], &in) == 0 && in.st_dev == target.st_dev &&
            in.st_ino == target.st_ino)
            return true;
    }
    return false;
}

tnd_status tnd_write_atomic(const char *path, const void *data, size_t len,
                            const char *const *inputs, size_t n_inputs, tnd_error *err)
{
    if (is_input(path, inputs, n_inputs))
        return tnd_error_set(err, TND_ERR_USAGE, path, 0,
                             "kies een andere naam voor het uitvoerbestand",
                             "weigert een invoerbestand te overschrijven");
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp)
        return tnd_error_set(err, TND_ERR_NOMEM, path, 0, NULL, "onvoldoende geheugen");
    snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        tnd_status st = tnd_error_set(err, TND_ERR_IO, path, 0,
                                      "controleer of de map bestaat en schrijfbaar is",
                                      "kan tijdelijk bestand niet aanmaken: %s", strerror(errno));
        free(tmp);
        return st;
    }
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        p += w;
        left -= (size_t)w;
    }
    int saved = errno;
    bool ok = left == 0 && fsync(fd) == 0;
    if (close(fd) != 0)
        ok = false;
    if (ok) {
        /* mkstemp creates 0600; give the result the permissions a normal file would get. */
        mode_t mask = umask(0);
        umask(mask);
        chmod(tmp, 0666 & ~mask);
    }
    if (!ok || rename(tmp, path) != 0) {
        tnd_status st = tnd_error_set(err, TND_ERR_IO, path, 0,
                                      "controleer de vrije schijfruimte en de rechten",
                                      "schrijven mislukt: %s", strerror(ok ? errno : saved));
        unlink(tmp);
        free(tmp);
        return st;
    }
    free(tmp);
    return TND_OK;
}
