/*
 * fillin_mirror.h - which formula block of the bidder workbook's self-check mirrors which rule of
 * the definition, and why the rules without a block cannot be checked in a workbook.
 *
 * Every row of the sheet 'Controle' is written with a rule id of the definition by a block that
 * names the scoring/ function it mirrors (forms/fillin_calc.h). A rule of the definition has such
 * a row, or a documented reason in the table of fillin_mirror.c; tests/unit/test_fillin_mirror.c
 * fails for a definition that gains a rule with neither. Not part of the public API.
 */
#ifndef TND_FILLIN_MIRROR_H
#define TND_FILLIN_MIRROR_H

#include <stddef.h>

#include "scoring/model.h"
#include "tender/base/error.h"

/* One row of 'Controle' and the block that wrote it. */
typedef struct {
    const char *rule_id;          /* the definition's rule id (owned by the definition) */
    const char *block;            /* "rules_financial.c judge_norm": the scoring/ function */
    int lot;                      /* the perceel of the row, 0 = the whole bid */
} tnd_fillin_mirror;

/* Why the workbook cannot check rule `rule_id` (the table of fillin_mirror.c), or NULL. */
const char *tnd_fillin_unchecked_reason(const char *rule_id);

/* The reasons table: n entries of (rule id, reason). */
typedef struct {
    const char *rule_id;
    const char *reason;
} tnd_fillin_unchecked;
extern const tnd_fillin_unchecked tnd_fillin_unchecked_rules[];
extern const size_t tnd_fillin_n_unchecked_rules;

/* How the workbook covers rule `rule_id`: the block that wrote its row in `log` (n entries), else
 * the reason it cannot be checked, else NULL (neither: the rule needs a block or a reason). */
const char *tnd_fillin_coverage(const char *rule_id, const tnd_fillin_mirror *log, size_t n);

/*
 * Writes the fill-in workbook of `def` to `path` as tnd_fillin_write does (same bytes) and logs
 * every 'Controle' row with its block into log (at most max entries; *n is the total).
 */
tnd_status tnd_fillin_write_mirrored(const char *path, const tnd_definition *def,
                                     tnd_fillin_mirror *log, size_t max, size_t *n,
                                     tnd_error *err);

#endif
