/* decisions.c - reading the officer's decisions file (see decisions.h). */
#include "tender/decisions.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tender/notation.h"
#include "tender/base/readfile.h"

#define N_FIELDS 7
#define HEADER "inschrijver;ronde;regel;besluit;motivering;datum;functionaris"
#define EXAMPLE "12345678;1;UITSL-UEA;akkoord;Gedragsverklaring ontvangen;2022-08-01;J. de Vries"

static const char *const field_names[N_FIELDS] = { "inschrijver", "ronde", "regel",       "besluit",
                                                   "motivering",  "datum", "functionaris" };

static tnd_status refuse(tnd_error *err, tnd_status code, const char *file, long line,
                         const char *hint, const char *what)
{
    return tnd_error_set(err, code, file, line, hint, "%s", what);
}

/* Splits one line into fields on ';' with RFC 4180 double quotes; trims spaces outside quotes.
 * Returns the number of fields (more than N_FIELDS: counted, not stored), -1 on a bad quote. */
static int split(char *s, char *fields[N_FIELDS])
{
    int n = 0;
    char *p = s;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        char *start = p, *w = p;
        if (*p == '"') {
            start = w = ++p;
            for (;;) {
                if (!*p)
                    return -1;
                if (*p == '"' && p[1] == '"') {
                    *w++ = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    *w++ = *p++;
                }
            }
            while (*p == ' ' || *p == '\t')
                p++;
            if (*p && *p != ';')
                return -1;
        } else {
            while (*p && *p != ';') {
                if (*p == '"')
                    return -1;
                *w++ = *p++;
            }
            while (w > start && (w[-1] == ' ' || w[-1] == '\t'))
                w--;
        }
        char end = *p;
        *w = '\0';
        if (n < N_FIELDS)
            fields[n] = start;
        n++;
        if (!end)
            return n;
        p++;
    }
}

/* No control characters, and well-formed UTF-8 (a Latin-1 file would put bytes into the
 * workbook and the JSON that no reader can show). */
static bool valid_text(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p < 0x20 || *p == 0x7F)
            return false;
        int n = *p < 0x80             ? 0
                : (*p & 0xE0) == 0xC0 ? 1
                : (*p & 0xF0) == 0xE0 ? 2
                : (*p & 0xF8) == 0xF0 ? 3
                                      : -1;
        if (n < 0 || (n == 1 && *p < 0xC2))
            return false;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80)
                return false;
    }
    return true;
}

static tnd_status parse_row(const char *file, long line, char *fields[N_FIELDS],
                            const tnd_notation *nt, tnd_decision *d, tnd_error *err)
{
    char msg[512];
    memset(d, 0, sizeof *d);
    d->line = line;
    for (int i = 0; i < N_FIELDS; i++) {
        if (!fields[i][0]) {
            snprintf(msg, sizeof msg, "veld '%s' is leeg", field_names[i]);
            return refuse(err, TND_ERR_VALUE, file, line, "vul elk veld in, bijvoorbeeld: " EXAMPLE,
                          msg);
        }
        if (!valid_text(fields[i])) {
            snprintf(msg, sizeof msg, "veld '%s' bevat een stuurteken of is geen UTF-8",
                     field_names[i]);
            return refuse(err, TND_ERR_VALUE, file, line,
                          "verwijder tabs en stuurtekens en sla "
                          "het bestand op als UTF-8",
                          msg);
        }
    }
    const char *kvk = fields[0];
    bool digits = strlen(kvk) == 8;
    for (int i = 0; digits && i < 8; i++)
        digits = kvk[i] >= '0' && kvk[i] <= '9';
    if (!digits) {
        snprintf(msg, sizeof msg, "inschrijver '%.40s' is geen KvK-nummer van 8 cijfers", kvk);
        return refuse(err, TND_ERR_VALUE, file, line, "schrijf het KvK-nummer als 8 cijfers", msg);
    }
    memcpy(d->kvk, kvk, 9);
    if (strcmp(fields[1], "1") == 0 || strcmp(fields[1], "2") == 0) {
        d->round = fields[1][0] - '0';
    } else {
        snprintf(msg, sizeof msg, "ronde '%.40s' is geen 1 of 2", fields[1]);
        return refuse(err, TND_ERR_VALUE, file, line,
                      "ronde 1 = de inschrijving, 2 = de herinschrijving", msg);
    }
    if (strlen(fields[2]) >= sizeof d->rule_id) {
        snprintf(msg, sizeof msg, "regel '%.60s...' is te lang", fields[2]);
        return refuse(err, TND_ERR_VALUE, file, line, "gebruik een regel-id uit 'tender rules'",
                      msg);
    }
    snprintf(d->rule_id, sizeof d->rule_id, "%s", fields[2]);
    if (!tnd_decision_kind_parse(fields[3], &d->kind)) {
        snprintf(msg, sizeof msg, "besluit '%.40s' is onbekend", fields[3]);
        return refuse(err, TND_ERR_VALUE, file, line,
                      "kies akkoord, afgewezen, herstel-gevraagd, hersteld of "
                      "gelijke-stand-gegund",
                      msg);
    }
    if (strlen(fields[4]) >= sizeof d->motivation || strlen(fields[6]) >= sizeof d->officer) {
        snprintf(msg, sizeof msg,
                 "motivering (ten hoogste %zu bytes) of functionaris (ten "
                 "hoogste %zu bytes) is te lang",
                 sizeof d->motivation - 1, sizeof d->officer - 1);
        return refuse(err, TND_ERR_TOO_LARGE, file, line, "kort de tekst in", msg);
    }
    snprintf(d->motivation, sizeof d->motivation, "%s", fields[4]);
    char why[256] = "";
    if (!tnd_parse_date(nt, fields[5], &d->date, why, sizeof why)) {
        snprintf(msg, sizeof msg, "datum '%.40s': %s", fields[5], why);
        return refuse(err, TND_ERR_VALUE, file, line,
                      "schrijf de datum als JJJJ-MM-DD of "
                      "DD-MM-JJJJ",
                      msg);
    }
    snprintf(d->officer, sizeof d->officer, "%s", fields[6]);
    return TND_OK;
}

/* The same KvK, round and rule twice with the same decision, or both akkoord and afgewezen. */
static tnd_status duplicates(const char *file, const tnd_decisions *ds, tnd_error *err)
{
    for (size_t i = 1; i < ds->n; i++) {
        const tnd_decision *d = &ds->items[i];
        for (size_t j = 0; j < i; j++) {
            const tnd_decision *e = &ds->items[j];
            if (strcmp(d->kvk, e->kvk) || d->round != e->round || strcmp(d->rule_id, e->rule_id))
                continue;
            bool verdicts = d->kind <= TND_DECISION_REJECT && e->kind <= TND_DECISION_REJECT;
            if (d->kind == e->kind || verdicts) {
                char msg[512];
                snprintf(msg, sizeof msg,
                         "KvK %s, ronde %d, regel %s heeft al een besluit op "
                         "regel %ld (%s)",
                         d->kvk, d->round, d->rule_id, e->line, tnd_decision_kind_text(e->kind));
                return refuse(err, TND_ERR_REFERENCE, file, d->line,
                              "één besluit per inschrijver, ronde en regel: verwijder of "
                              "corrigeer een van beide regels",
                              msg);
            }
        }
    }
    return TND_OK;
}

tnd_status tnd_decisions_load(const char *path, tnd_decisions *out, tnd_error *err)
{
    memset(out, 0, sizeof *out);
    snprintf(out->file, sizeof out->file, "%s", path);
    char *buf = NULL;
    size_t len = 0;
    tnd_status rc = tnd_read_file_bounded(path, (size_t)TND_DECISIONS_MAX_BYTES, &buf, &len, err);
    if (rc == TND_ERR_TOO_LARGE)
        return tnd_error_set(err, rc, path, 0, "een besluitenbestand is veel kleiner",
                             "het bestand is groter dan %ld MiB", TND_DECISIONS_MAX_BYTES >> 20);
    if (rc != TND_OK)
        return rc;
    if (memchr(buf, '\0', len)) {
        free(buf);
        return refuse(err, TND_ERR_VALUE, path, 0, "sla het bestand op als UTF-8 tekst (CSV)",
                      "het bestand bevat een NUL-byte; het is geen tekstbestand");
    }
    char *text = malloc(len + 1); /* our own terminated copy: every line ends in a NUL */
    if (text) {
        memcpy(text, buf, len);
        text[len] = '\0';
    }
    free(buf);
    buf = text;
    tnd_notation *nt = buf ? tnd_notation_new() : NULL;
    if (!nt) {
        free(buf);
        return tnd_error_nomem(err, path);
    }
    size_t cap = 0;
    bool header = false;
    long line = 0;
    char *p = buf, *end = buf + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (rc == TND_OK && p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *stop = nl ? nl : end;
        line++;
        if (stop > p && stop[-1] == '\r')
            stop[-1] = '\0';
        *stop = '\0';
        char *s = p;
        p = nl ? nl + 1 : end;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s || *s == '#')
            continue;
        char *fields[N_FIELDS] = { 0 };
        int n = split(s, fields);
        if (n < 0) {
            rc = refuse(err, TND_ERR_VALUE, path, line,
                        "zet een veld met ';' tussen dubbele "
                        "aanhalingstekens en schrijf een aanhalingsteken daarbinnen dubbel",
                        "aanhalingstekens kloppen niet");
            break;
        }
        if (!header) {
            bool ok = n == N_FIELDS;
            for (int i = 0; ok && i < N_FIELDS; i++)
                ok = strcmp(fields[i], field_names[i]) == 0;
            if (!ok)
                rc = refuse(err, TND_ERR_VALUE, path, line, "de eerste regel is: " HEADER,
                            "de kopregel klopt niet");
            header = true;
            continue;
        }
        if (n != N_FIELDS) {
            char msg[128];
            snprintf(msg, sizeof msg, "%d velden in plaats van %d", n, N_FIELDS);
            rc = refuse(err, TND_ERR_VALUE, path, line,
                        "zet een motivering met ';' tussen dubbele aanhalingstekens; "
                        "bijvoorbeeld: " EXAMPLE,
                        msg);
            break;
        }
        if (out->n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            tnd_decision *grown = realloc(out->items, ncap * sizeof *grown);
            if (!grown) {
                rc = tnd_error_set(err, TND_ERR_NOMEM, path, line, NULL, "onvoldoende geheugen");
                break;
            }
            out->items = grown;
            cap = ncap;
        }
        rc = parse_row(path, line, fields, nt, &out->items[out->n], err);
        if (rc == TND_OK)
            out->n++;
    }
    if (rc == TND_OK && !header)
        rc = refuse(err, TND_ERR_VALUE, path, 0, "de eerste regel is: " HEADER,
                    "het bestand is leeg (geen kopregel)");
    if (rc == TND_OK)
        rc = duplicates(path, out, err);
    tnd_notation_free(nt);
    free(buf);
    if (rc != TND_OK)
        tnd_decisions_free(out);
    return rc;
}

void tnd_decisions_free(tnd_decisions *d)
{
    if (!d)
        return;
    free(d->items);
    d->items = NULL;
    d->n = 0;
}
