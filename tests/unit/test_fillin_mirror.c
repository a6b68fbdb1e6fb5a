/*
 * test_fillin_mirror.c - the self-check of the bidder workbook mirrors scoring/ rule by rule
 * (issue 12): every rule of every definition in fixtures/tenders/ has a row on 'Controle'
 * written by a formula block of the same family as the scoring/ file that decides it
 * (forms/fillin_check.c for scoring/check.c, forms/fillin_rules_<x>.c for scoring/rules_<x>.c),
 * or a documented reason why a workbook cannot check it (forms/fillin_mirror.c).
 *
 * Data-driven: every definition file in fixtures/tenders/ is checked, so a new tender (Holland
 * Rijnland, GRJR, ...) is covered the moment its definition is added there.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <dirent.h>
#include <unistd.h>

#include "forms/fillin_mirror.h"
#include "forms/fillin_xlsx.h"
#include "tender/definition.h"

#define TENDERS TND_SOURCE_DIR "/fixtures/tenders/"
#define MAX_LOG 1024
#define MAX_DEFS 16

/* The definition files of fixtures/tenders/, sorted; returns how many. */
static size_t definition_files(char names[][256], size_t max)
{
    DIR *d = opendir(TENDERS);
    assert_non_null(d);
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len < 5 || strcmp(de->d_name + len - 4, ".xml") != 0)
            continue;
        assert_true(n < max);
        snprintf(names[n++], 256, "%s", de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], (int (*)(const void *, const void *))strcmp);
    return n;
}

/* Loads fixtures/tenders/<name> and writes its fill-in workbook with the log of 'Controle'. */
static tnd_definition *write_logged(const char *name, tnd_fillin_mirror *log, size_t *n)
{
    char path[512], dir[] = "/tmp/test_fillin_mirror_XXXXXX", out[600];
    snprintf(path, sizeof path, TENDERS "%s", name);
    tnd_definition *def = NULL;
    tnd_error err;
    if (tnd_definition_load(path, &def, &err) != TND_OK)
        fail_msg("%s: %s", path, err.message);
    assert_non_null(mkdtemp(dir));
    snprintf(out, sizeof out, "%s/inschrijving.xlsx", dir);
    if (tnd_fillin_write_mirrored(out, def, log, MAX_LOG, n, &err) != TND_OK)
        fail_msg("%s: fill-in workbook not written: %s", name, err.message);
    assert_true(*n <= MAX_LOG);
    unlink(out);
    rmdir(dir);
    return def;
}

/* Every rule of def (tnd_definition_rules), allocated; *total is how many. */
static tnd_rule_entry *all_rules(const tnd_definition *def, size_t *total)
{
    *total = tnd_definition_rules(def, NULL, 0);
    tnd_rule_entry *rules = calloc(*total ? *total : 1, sizeof *rules);
    assert_non_null(rules);
    assert_int_equal(tnd_definition_rules(def, rules, *total), *total);
    return rules;
}

/* The file name of a scoring/ engine: "scoring/rules_financial.c" -> "rules_financial.c". */
static const char *stem(const char *engine)
{
    const char *slash = strrchr(engine, '/');
    return slash ? slash + 1 : engine;
}

/* issue 12: every rule id of every definition has its formula block or a documented reason;
 * the test fails for a definition that gains a rule with neither. */
static void test_every_rule_of_every_definition_has_a_formula_block_or_a_reason(void **state)
{
    (void)state;
    char names[MAX_DEFS][256];
    size_t n_defs = definition_files(names, MAX_DEFS);
    /* ijsselland-2023 and regio-voorbeeld-2024 at least */
    assert_true(n_defs >= 2);
    static tnd_fillin_mirror log[MAX_LOG];
    int gaps = 0;
    for (size_t d = 0; d < n_defs; d++) {
        size_t n_log = 0;
        tnd_definition *def = write_logged(names[d], log, &n_log);
        size_t total = 0;
        tnd_rule_entry *rules = all_rules(def, &total);
        for (size_t i = 0; i < total; i++)
            if (!tnd_fillin_coverage(rules[i].ref->id, log, n_log)) {
                print_error("%s: rule %s (%s) has no formula block on 'Controle' and no reason "
                            "in forms/fillin_mirror.c\n",
                            names[d], rules[i].ref->id, rules[i].ref->source);
                gaps++;
            }
        free(rules);
        tnd_definition_free(def);
    }
    assert_int_equal(gaps, 0);
}

/* Each block is in the family of the scoring/ file that decides its rule: a Controle row of a
 * rule of scoring/rules_financial.c comes from a block that mirrors rules_financial.c. */
static void test_every_controle_row_comes_from_the_family_of_its_scoring_file(void **state)
{
    (void)state;
    char names[MAX_DEFS][256];
    size_t n_defs = definition_files(names, MAX_DEFS);
    static tnd_fillin_mirror log[MAX_LOG];
    for (size_t d = 0; d < n_defs; d++) {
        size_t n_log = 0;
        tnd_definition *def = write_logged(names[d], log, &n_log);
        size_t total = 0;
        tnd_rule_entry *rules = all_rules(def, &total);
        assert_true(n_log > 0);
        for (size_t k = 0; k < n_log; k++) {
            const tnd_rule_entry *e = NULL;
            for (size_t i = 0; i < total && !e; i++)
                if (strcmp(rules[i].ref->id, log[k].rule_id) == 0)
                    e = &rules[i];
            if (!e)
                fail_msg("%s: Controle row %s is not a rule of the definition", names[d],
                         log[k].rule_id);
            const char *file = stem(e->engine);
            if (strncmp(log[k].block, file, strlen(file)) != 0 || log[k].block[strlen(file)] != ' ')
                fail_msg("%s: rule %s is decided in %s but its row comes from block '%s'",
                         names[d], log[k].rule_id, e->engine, log[k].block);
        }
        free(rules);
        tnd_definition_free(def);
    }
}

/* A reason is only for a rule the workbook really does not check: no rule of the table has a
 * row on 'Controle' in any definition, and every reason is written out. */
static void test_a_rule_with_a_reason_has_no_controle_row(void **state)
{
    (void)state;
    char names[MAX_DEFS][256];
    size_t n_defs = definition_files(names, MAX_DEFS);
    static tnd_fillin_mirror log[MAX_LOG];
    assert_true(tnd_fillin_n_unchecked_rules > 0);
    for (size_t r = 0; r < tnd_fillin_n_unchecked_rules; r++)
        assert_true(strlen(tnd_fillin_unchecked_rules[r].reason) > 20);
    for (size_t d = 0; d < n_defs; d++) {
        size_t n_log = 0;
        tnd_definition *def = write_logged(names[d], log, &n_log);
        for (size_t k = 0; k < n_log; k++)
            if (tnd_fillin_unchecked_reason(log[k].rule_id))
                fail_msg("%s: rule %s has a Controle row and a reason why it cannot be checked",
                         names[d], log[k].rule_id);
        tnd_definition_free(def);
    }
}

/* The check can fail: a rule that is neither logged nor listed is reported (NULL), a logged one
 * names its block, a listed one its reason. */
static void test_a_rule_with_neither_a_block_nor_a_reason_is_reported(void **state)
{
    (void)state;
    const tnd_fillin_mirror log[] = {
        { "FIN-SOLVABILITEIT", "rules_financial.c tnd_rules_financial", 0 },
    };
    assert_null(tnd_fillin_coverage("NIEUWE-REGEL", log, 1));
    assert_null(tnd_fillin_coverage("FIN-SOLVABILITEIT", log, 0));
    assert_string_equal(tnd_fillin_coverage("FIN-SOLVABILITEIT", log, 1),
                        "rules_financial.c tnd_rules_financial");
    const char *id = tnd_fillin_unchecked_rules[0].rule_id;
    assert_string_equal(tnd_fillin_coverage(id, log, 1), tnd_fillin_unchecked_rules[0].reason);
}

/* The log changes nothing: the workbook written with it has the bytes of tnd_fillin_write. */
static void test_the_logged_workbook_is_byte_identical_to_the_plain_one(void **state)
{
    (void)state;
    tnd_definition *def = NULL;
    tnd_error err;
    assert_int_equal(tnd_definition_load(TENDERS "ijsselland-2023.xml", &def, &err), TND_OK);
    char dir[] = "/tmp/test_fillin_mirror_XXXXXX", a[600], b[600];
    assert_non_null(mkdtemp(dir));
    snprintf(a, sizeof a, "%s/a.xlsx", dir);
    snprintf(b, sizeof b, "%s/b.xlsx", dir);
    static tnd_fillin_mirror log[MAX_LOG];
    size_t n = 0;
    assert_int_equal(tnd_fillin_write(a, def, NULL, NULL, 0, &err), TND_OK);
    assert_int_equal(tnd_fillin_write_mirrored(b, def, log, MAX_LOG, &n, &err), TND_OK);
    /* issue 8: 92 rule rows on 'Controle' for IJsselland (test_forms.c) */
    assert_int_equal(n, 92);
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    assert_non_null(fa);
    assert_non_null(fb);
    int ca, cb;
    long pos = 0;
    do {
        ca = fgetc(fa);
        cb = fgetc(fb);
        if (ca != cb)
            fail_msg("byte %ld differs", pos);
        pos++;
    } while (ca != EOF);
    fclose(fa);
    fclose(fb);
    unlink(a);
    unlink(b);
    rmdir(dir);
    tnd_definition_free(def);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_rule_of_every_definition_has_a_formula_block_or_a_reason),
        cmocka_unit_test(test_every_controle_row_comes_from_the_family_of_its_scoring_file),
        cmocka_unit_test(test_a_rule_with_a_reason_has_no_controle_row),
        cmocka_unit_test(test_a_rule_with_neither_a_block_nor_a_reason_is_reported),
        cmocka_unit_test(test_the_logged_workbook_is_byte_identical_to_the_plain_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
