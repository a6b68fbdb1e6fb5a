/*
 * cmd_letters.c - `tender letters`: the award letters (gunningsbeslissing, §4.1.9), one HTML
 * letter per bidder plus index.html, from the same inputs as `tender evaluate`.
 *
 * The folder is written all or nothing: every letter goes into a temp folder beside the target,
 * which is renamed into place only when complete (an existing folder of earlier letters is
 * swapped with it in one step, renameat2 RENAME_EXCHANGE, and then removed). A folder that holds
 * anything but letters, or that holds an input, is never replaced.
 */
#define _GNU_SOURCE /* renameat2, RENAME_EXCHANGE */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "forms/letters.h"
#include "tender/cli/cli.h"
#include "tender/cli/evaluate_run.h"
#include "tender/notation.h"

extern char **environ;

static const char help_text[] =
    "Gebruik: tender letters --bids MAP --scores SCORES.csv -o BRIEVENMAP\n"
    "                        [--tender DEF.xml] [--prices PRIJZEN.csv] [--date JJJJ-MM-DD]\n"
    "                        [--resubmissions MAP] [--decisions BESLUITEN.csv] [-j N]\n"
    "                        [--pdf]\n"
    "\n"
    "Schrijft de voorgenomen gunningsbeslissing (§4.1.9) aan elke inschrijver: per perceel de\n"
    "uitkomst (gegund, toegelaten, niet gegund, niet toegelaten, terzijde gelegd, of nog niet\n"
    "beslist), de redenen met hun bron (§), de eigen scores tegen het minimum, voor wie niet\n"
    "gegund is de scores en relatieve voordelen van de gegunde inschrijvingen, en de\n"
    "bezwaartermijn en stand-still uit de definitie (<letters>). Eén HTML-bestand per\n"
    "inschrijver (gunningsbeslissing-<KvK>.html, met print-opmaak A4) en index.html.\n"
    "\n"
    "Opties:\n"
    "  --bids MAP          map met inschrijvingen (*.xml, op naam gesorteerd)\n"
    "  --scores FILE       scores van de commissie (CSV of commissiewerkmap)\n"
    "  -o, --output MAP    map voor de brieven; wordt aangemaakt. Alles of niets: de brieven\n"
    "                      worden in een tijdelijke map geschreven en dan op hun plaats gezet.\n"
    "                      Een bestaande map met alleen eerdere brieven wordt vervangen; een\n"
    "                      map met andere bestanden of met invoer wordt geweigerd\n"
    "  --tender DEF.xml    aanbestedingsdefinitie: bestand of ingebouwd id\n"
    "                      (tender tenders; standaard: ijsselland-2023)\n"
    "  --prices FILE       prijzen per perceel en inschrijver (CSV)\n"
    "  --resubmissions MAP ronde 2: map met herinschrijvingen (als bij tender evaluate)\n"
    "  --decisions FILE    besluiten van de aanbesteder (CSV, als bij tender evaluate)\n"
    "  -j, --jobs N        lees en toets N inschrijvingen tegelijk (standaard: alle kernen)\n"
    "  --date DATUM        datum van de brieven (standaard SOURCE_DATE_EPOCH, anders vandaag);\n"
    "                      een bezwaartermijn die vóór deze datum eindigt, wordt geweigerd\n"
    "  --pdf               ook elke brief als PDF, via LibreOffice (soffice --headless)\n"
    "  -h, --help          deze hulp\n"
    "\n"
    "Dezelfde invoer en datum geven dezelfde HTML-bytes (de PDF's bevatten een tijdstempel\n"
    "van LibreOffice).\n"
    "\n"
    "Exitcodes:\n"
    "  0  brieven geschreven\n"
    "  2  ongeldige invoer of gebruik; er is niets geschreven\n";

/* ------------------------------------------------------------------ the folder */

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Removes the regular files directly in dir, then dir (a temp folder we made, or an old letters
 * folder checked by letters_folder_only). */
static void remove_folder(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        char path[PATH_MAX];
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < sizeof path)
                unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* True when dir holds only what `tender letters` writes: index.html and
 * gunningsbeslissing-*.html / .pdf, as regular files. */
static bool letters_folder_only(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    bool ok = true;
    struct dirent *e;
    char path[PATH_MAX];
    while (ok && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        struct stat st;
        ok = (size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < sizeof path &&
             lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
             (strcmp(e->d_name, "index.html") == 0 ||
              (strncmp(e->d_name, "gunningsbeslissing-", 19) == 0 &&
               (ends_with(e->d_name, ".html") || ends_with(e->d_name, ".pdf"))));
    }
    closedir(d);
    return ok;
}

/* True when one of the inputs lies inside dir (compared by device and inode of its folder, or
 * is dir itself: the bids folder given as -o). */
static bool holds_an_input(const char *dir, const char *const *inputs, size_t n)
{
    struct stat target;
    if (stat(dir, &target) != 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        char copy[PATH_MAX];
        struct stat st;
        snprintf(copy, sizeof copy, "%s", inputs[i]);
        if (stat(copy, &st) == 0 && S_ISDIR(st.st_mode) && st.st_dev == target.st_dev &&
            st.st_ino == target.st_ino)
            return true;
        char *slash = strrchr(copy, '/');
        const char *parent = ".";
        if (slash) {
            *slash = '\0';
            parent = copy[0] ? copy : "/";
        }
        if (stat(parent, &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino)
            return true;
    }
    return false;
}

/* mkdir -p of the folder that will hold the letters folder. */
static bool make_parents(const char *dir, tnd_error *err)
{
    char path[PATH_MAX];
    if ((size_t)snprintf(path, sizeof path, "%s", dir) >= sizeof path) {
        tnd_error_set(err, TND_ERR_USAGE, dir, 0, "kies een kortere naam", "pad te lang");
        return false;
    }
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            tnd_error_set(err, TND_ERR_IO, path, 0, "controleer het pad en de rechten",
                          "map kan niet worden aangemaakt: %s", strerror(errno));
            return false;
        }
        *p = '/';
    }
    return true;
}

static bool write_file(const char *dir, const char *name, const tnd_buf *b, tnd_error *err)
{
    char path[PATH_MAX];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) {
        tnd_error_set(err, TND_ERR_USAGE, dir, 0, "kies een kortere map", "pad te lang");
        return false;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    bool ok = fd >= 0;
    size_t done = 0;
    while (ok && done < b->len) {
        ssize_t w = write(fd, b->data + done, b->len - done);
        if (w < 0 && errno == EINTR)
            continue;
        ok = w > 0;
        if (ok)
            done += (size_t)w;
    }
    ok = ok && fsync(fd) == 0;
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    if (!ok)
        tnd_error_set(err, TND_ERR_IO, path, 0, "controleer de vrije ruimte en de rechten",
                      "schrijven mislukt: %s", strerror(errno));
    return ok;
}

/* The path of soffice when it is on PATH, else false. */
static bool find_soffice(char *out, size_t size)
{
    const char *path = getenv("PATH");
    if (!path)
        return false;
    char copy[4096];
    snprintf(copy, sizeof copy, "%s", path);
    char *save = NULL;
    for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
        if ((size_t)snprintf(out, size, "%s/soffice", dir[0] ? dir : ".") < size &&
            access(out, X_OK) == 0)
            return true;
    }
    return false;
}

/* soffice --headless --convert-to pdf of every letter in dir, with a private profile inside the
 * temp folder's sibling so that a running LibreOffice is not disturbed. */
static bool convert_to_pdf(const char *dir, const tnd_path_list *letters, tnd_error *err)
{
    char soffice[PATH_MAX];
    if (!find_soffice(soffice, sizeof soffice)) {
        tnd_error_set(err, TND_ERR_USAGE, "soffice", 0,
                      "installeer LibreOffice (Debian: apt-get install "
                      "libreoffice-writer-nogui) of laat --pdf weg; de HTML-brieven zijn af te "
                      "drukken vanuit een browser",
                      "--pdf vraagt LibreOffice, maar 'soffice' staat niet in PATH");
        return false;
    }
    /* the profile as a file URL: absolute, and percent-encoded beyond [A-Za-z0-9/._-] */
    char abs[PATH_MAX], profile[PATH_MAX + 16], profile_url[3 * PATH_MAX + 96];
    if (!realpath(dir, abs)) {
        tnd_error_set(err, TND_ERR_IO, dir, 0, "controleer het pad", "map onleesbaar: %s",
                      strerror(errno));
        return false;
    }
    snprintf(profile, sizeof profile, "%s.profile", abs);
    size_t u = (size_t)snprintf(profile_url, sizeof profile_url,
                                "-env:UserInstallation=file://");
    for (const unsigned char *p = (const unsigned char *)profile; *p && u + 4 < sizeof profile_url;
         p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     (*p >= '0' && *p <= '9') || *p == '/' || *p == '.' || *p == '_' || *p == '-';
        u += plain ? (size_t)snprintf(profile_url + u, sizeof profile_url - u, "%c", *p)
                   : (size_t)snprintf(profile_url + u, sizeof profile_url - u, "%%%02X", *p);
    }
    size_t argc = 0;
    char **argv = calloc(letters->n + 10, sizeof *argv);
    if (!argv) {
        tnd_error_nomem(err, NULL);
        return false;
    }
    argv[argc++] = soffice;
    argv[argc++] = profile_url;
    argv[argc++] = "--headless";
    argv[argc++] = "--norestore";
    /* as a Writer document: the Writer/Web import puts an empty page first (LibreOffice 7.4) */
    argv[argc++] = "--infilter=HTML (StarWriter)";
    argv[argc++] = "--convert-to";
    argv[argc++] = "pdf:writer_pdf_Export";
    argv[argc++] = "--outdir";
    argv[argc++] = (char *)dir;
    for (size_t i = 0; i < letters->n; i++)
        argv[argc++] = letters->paths[i];
    argv[argc] = NULL;

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawn(&pid, soffice, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    free(argv);
    int status = 0;
    bool ok = rc == 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
              WEXITSTATUS(status) == 0;
    /* the profile LibreOffice made is not ours to keep */
    if (rc == 0) {
        pid_t rm;
        char *rm_argv[] = { "rm", "-rf", "--", profile, NULL };
        if (posix_spawnp(&rm, "rm", NULL, NULL, rm_argv, environ) == 0)
            waitpid(rm, NULL, 0);
    }
    /* every letter must have its PDF */
    for (size_t i = 0; ok && i < letters->n; i++) {
        char pdf[PATH_MAX];
        snprintf(pdf, sizeof pdf, "%s", letters->paths[i]);
        char *dot = strrchr(pdf, '.');
        if (dot)
            snprintf(dot, sizeof pdf - (size_t)(dot - pdf), ".pdf");
        ok = access(pdf, R_OK) == 0;
    }
    if (!ok)
        tnd_error_set(err, TND_ERR_IO, soffice, 0,
                      "de HTML-import vraagt LibreOffice Writer (Debian: "
                      "libreoffice-writer-nogui); probeer 'soffice --headless --convert-to pdf' "
                      "op één brief om de fout te zien",
                      "LibreOffice kon de brieven niet omzetten naar PDF");
    return ok;
}

/* Moves the complete temp folder into place: rename when the target does not exist, else swap
 * it with the old letters folder in one step and remove the old one. */
static bool put_in_place(const char *tmp, const char *target, tnd_error *err)
{
    if (rename(tmp, target) == 0)
        return true;
    if (errno != EEXIST && errno != ENOTEMPTY) {
        tnd_error_set(err, TND_ERR_IO, target, 0, "controleer het pad en de rechten",
                      "map kan niet op haar plaats worden gezet: %s", strerror(errno));
        return false;
    }
    if (renameat2(AT_FDCWD, tmp, AT_FDCWD, target, RENAME_EXCHANGE) != 0) {
        tnd_error_set(err, TND_ERR_IO, target, 0,
                      "verwijder de oude brievenmap zelf of kies een nieuwe map",
                      "de bestaande brievenmap kan niet in één stap worden vervangen: %s",
                      strerror(errno));
        return false;
    }
    remove_folder(tmp); /* now the old letters */
    return true;
}

/* ------------------------------------------------------------------ the command */

static bool parse_letter_date(const char *iso, tnd_date *out)
{
    return sscanf(iso, "%4d-%2d-%2d", &out->year, &out->month, &out->day) == 3 &&
           tnd_date_valid(*out);
}

static int write_letters(const tnd_run *run, const char *target, bool pdf,
                         const char *const *protected, size_t n_protected)
{
    tnd_error err;
    tnd_error_clear(&err);
    tnd_date date;
    if (!parse_letter_date(run->date, &date))
        return tnd_usage_error("letters", "datum '%s' onleesbaar", run->date);
    if (tnd_letters_check(run->def, &run->ev, date, &err) != TND_OK) {
        tnd_print_error(&err);
        return TND_EXIT_BAD_INPUT;
    }

    /* The target: a new folder, or a folder of earlier letters that holds no input. */
    struct stat st;
    if (lstat(target, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return tnd_usage_error("letters", "'%s' bestaat en is geen map; kies een map voor "
                                   "de brieven", target);
        if (holds_an_input(target, protected, n_protected))
            return tnd_usage_error("letters", "'%s' bevat invoer (inschrijvingen, scores of "
                                   "definitie); kies een andere map voor de brieven", target);
        if (!letters_folder_only(target))
            return tnd_usage_error("letters", "'%s' bevat andere bestanden dan brieven; kies "
                                   "een nieuwe of lege map", target);
    }
    if (!make_parents(target, &err)) {
        tnd_print_error(&err);
        return TND_EXIT_BAD_INPUT;
    }
    char tmp[PATH_MAX];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmpXXXXXX", target) >= sizeof tmp ||
        !mkdtemp(tmp)) {
        tnd_error_set(&err, TND_ERR_IO, target, 0, "controleer het pad en de rechten",
                      "tijdelijke map kan niet worden aangemaakt: %s", strerror(errno));
        tnd_print_error(&err);
        return TND_EXIT_BAD_INPUT;
    }

    bool ok = true;
    tnd_path_list written = { 0 };
    tnd_buf b;
    tnd_buf_init(&b);
    for (size_t i = 0; ok && i < run->ev.n_bidders; i++) {
        char name[40], path[PATH_MAX + 48];
        tnd_letter_file_name(run->ev.bidders[i].bid->bidder.kvk, name, sizeof name);
        b.len = 0;
        if (b.data)
            b.data[0] = '\0';
        ok = tnd_letter_html(run->def, &run->ev, i, date, &b);
        if (!ok)
            tnd_error_nomem(&err, NULL);
        ok = ok && write_file(tmp, name, &b, &err);
        snprintf(path, sizeof path, "%s/%s", tmp, name);
        ok = ok && tnd_path_list_add(&written, path);
    }
    if (ok) {
        b.len = 0;
        if (b.data)
            b.data[0] = '\0';
        ok = tnd_letters_index_html(run->def, &run->ev, date, &b) &&
             write_file(tmp, "index.html", &b, &err);
    }
    tnd_buf_free(&b);
    if (ok && pdf)
        ok = convert_to_pdf(tmp, &written, &err);
    tnd_path_list_free(&written);
    if (ok) {
        mode_t mask = umask(0);
        umask(mask);
        ok = chmod(tmp, 0777 & ~mask) == 0 && put_in_place(tmp, target, &err);
    }
    if (!ok) {
        remove_folder(tmp);
        tnd_print_error(&err);
        return TND_EXIT_BAD_INPUT;
    }
    printf("%zu brieven en index.html geschreven in %s%s\n", run->ev.n_bidders, target,
           pdf ? " (ook als PDF)" : "");
    return TND_EXIT_OK;
}

int cmd_letters(int argc, char **argv)
{
    tnd_run_options o = { 0 };
    bool bad = false, pdf = false;
    for (int i = 1; i < argc && !bad; i++) {
        if (tnd_opt_flag(argv, &i, "--help") || tnd_opt_flag(argv, &i, "-h")) {
            fputs(help_text, stdout);
            return TND_EXIT_OK;
        }
        if (tnd_opt_flag(argv, &i, "--pdf")) {
            pdf = true;
            continue;
        }
        if (tnd_run_option("letters", argc, argv, &i, &o, &bad) ||
            tnd_opt_value(argc, argv, &i, "--output", &o.output, &bad) ||
            tnd_opt_value(argc, argv, &i, "-o", &o.output, &bad) ||
            tnd_opt_value(argc, argv, &i, "--date", &o.date, &bad))
            continue;
        return tnd_usage_error("letters", "onbekend argument '%s'", argv[i]);
    }
    if (bad)
        return TND_EXIT_BAD_INPUT;
    if (!o.bids_dir || !o.scores || !o.output)
        return tnd_usage_error("letters", "--bids, --scores en -o zijn verplicht");
    if (!o.output[0])
        return tnd_usage_error("letters", "-o: geef een map");

    /* "brieven/" and "brieven" are the same folder; the temp folder goes beside it */
    char target[PATH_MAX];
    if ((size_t)snprintf(target, sizeof target, "%s", o.output) >= sizeof target)
        return tnd_usage_error("letters", "-o: pad te lang");
    for (size_t n = strlen(target); n > 1 && target[n - 1] == '/'; n--)
        target[n - 1] = '\0';

    tnd_run run;
    if (!tnd_run_evaluation(&o, &run))
        return TND_EXIT_BAD_INPUT;
    const char **protected = calloc(run.n_inputs + 1, sizeof *protected);
    if (!protected) {
        tnd_run_free(&run);
        fprintf(stderr, "tender: onvoldoende geheugen\n");
        return TND_EXIT_BAD_INPUT;
    }
    size_t n_protected = tnd_run_inputs(&run, protected, NULL, run.n_inputs);
    /* the bids folder itself counts as an input: -o may not be it */
    protected[n_protected++] = o.bids_dir;
    int rc = write_letters(&run, target, pdf, protected, n_protected);
    free(protected);
    tnd_run_free(&run);
    return rc;
}
