/*
 * fuzz_common.h - what the libFuzzer harnesses of tests/fuzz/ share (see docs/design.md,
 * "Fuzzing and coverage").
 *
 * A harness gets arbitrary bytes. The readers take a buffer and a length, so a harness passes the
 * bytes as they come (no NUL added: a reader must not read past len). What a harness needs once
 * (the embedded definition, a fixture bid) is loaded on first use and kept for the whole run:
 * a fuzzing process is one long run, and these are read-only after loading.
 * A failed setup aborts: a harness that silently fuzzes nothing would look like a clean run.
 */
#ifndef TND_FUZZ_COMMON_H
#define TND_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scoring/model.h"
#include "tender/definition.h"
#include "tender/base/error.h"

#ifndef TND_SOURCE_DIR
#error "TND_SOURCE_DIR must name the source tree (set by tests/fuzz/CMakeLists.txt)"
#endif

static inline void fuzz_setup_failed(const char *what, const tnd_error *err)
{
    char msg[2048];
    if (err) {
        tnd_error_format(err, msg, sizeof msg);
    } else {
        snprintf(msg, sizeof msg, "(geen foutrecord)");
    }
    fprintf(stderr, "fuzz: opzet mislukt: %s: %s\n", what, msg);
    abort();
}

/* The IJsselland 2023 definition compiled into the program (the one `tender` uses by default). */
static inline const tnd_definition *fuzz_default_definition(void)
{
    static tnd_definition *def;
    if (!def) {
        tnd_error err = { 0 };
        if (tnd_definition_load_default(&def, &err) != TND_OK)
            fuzz_setup_failed("ingebouwde definitie", &err);
    }
    return def;
}

/* A definition from fixtures/, relative to the source tree. */
static inline tnd_definition *fuzz_fixture_definition(const char *relative)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", TND_SOURCE_DIR, relative);
    tnd_definition *def = NULL;
    tnd_error err = { 0 };
    if (tnd_definition_load_file(path, &def, &err) != TND_OK)
        fuzz_setup_failed(path, &err);
    return def;
}

/* The bytes of a fixture file (malloc'd, kept for the run). */
static inline char *fuzz_fixture_bytes(const char *relative, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", TND_SOURCE_DIR, relative);
    FILE *f = fopen(path, "rb");
    if (!f)
        fuzz_setup_failed(path, NULL);
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            char *grown = realloc(buf, cap);
            if (!grown)
                fuzz_setup_failed("geheugen", NULL);
            buf = grown;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* A copy of data with a NUL after it, for the APIs that take C strings. */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/*
 * The xlsx readers take a path (libzip opens the file), so the xlsx harnesses write their bytes
 * to one temporary file per process, made once, rewritten every run and removed at exit.
 * Returns its path.
 */
static char fuzz_temp_dir[4096];
static char fuzz_temp_path[4200];

static inline void fuzz_temp_remove(void)
{
    if (fuzz_temp_path[0])
        unlink(fuzz_temp_path);
    if (fuzz_temp_dir[0])
        rmdir(fuzz_temp_dir);
}

static inline const char *fuzz_temp_write(const void *data, size_t size)
{
    if (!fuzz_temp_path[0]) {
        /* mkdtemp is POSIX (mkstemps with a suffix is not): a private folder, a fixed name */
        const char *dir = getenv("TMPDIR");
        snprintf(fuzz_temp_dir, sizeof fuzz_temp_dir, "%s/tnd-fuzz-XXXXXX",
                 dir && *dir ? dir : "/tmp");
        if (!mkdtemp(fuzz_temp_dir)) {
            fuzz_temp_dir[0] = '\0';
            fuzz_setup_failed("tijdelijke map", NULL);
        }
        snprintf(fuzz_temp_path, sizeof fuzz_temp_path, "%s/invoer.xlsx", fuzz_temp_dir);
        atexit(fuzz_temp_remove);
    }
    FILE *f = fopen(fuzz_temp_path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        fuzz_setup_failed(fuzz_temp_path, NULL);
    return fuzz_temp_path;
}

#endif
