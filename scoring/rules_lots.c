/*
 * rules_lots.c - (issue 11) assignments above the lots: the number of contractors per assignment
 * after the award, and the procedure phase a result belongs to. See rules_lots.h.
 */
#include "scoring/rules_lots.h"

#include <stdio.h> /* snprintf only: text into fixed buffers, no I/O */
#include <stdlib.h>
#include <string.h>

const tnd_assignment *tnd_definition_assignment_of(const tnd_definition *def, int lot)
{
    for (size_t i = 0; i < def->n_assignments; i++)
        for (int k = 0; k < def->assignments[i].n_lots; k++)
            if (def->assignments[i].lots[k] == lot)
                return &def->assignments[i];
    return NULL;
}

/* SAS 1/2: the result is the admission or the selection itself; SAS 3/4: the selection comes
 * first and the dialogue after it (§3.5 L1712-1735), so an evaluation decides the selection. */
const tnd_phase *tnd_assignment_result_phase(const tnd_assignment *a)
{
    for (int i = 0; a && i < a->n_phases; i++)
        if (a->phases[i].kind == TND_PHASE_ADMISSION || a->phases[i].kind == TND_PHASE_SELECTION)
            return &a->phases[i];
    return NULL;
}

static const struct {
    const char *name, *dutch;
} phase_kinds[] = {
    [TND_PHASE_ADMISSION] = { "admission", "toelating" },
    [TND_PHASE_SELECTION] = { "selection", "selectie" },
    [TND_PHASE_DIALOGUE] = { "dialogue", "dialoog" },
    [TND_PHASE_CONTRACTING] = { "contracting", "contractering" },
};

const char *tnd_phase_kind_name(tnd_phase_kind k)
{
    return (unsigned)k < sizeof phase_kinds / sizeof phase_kinds[0] ? phase_kinds[k].name : "";
}

const char *tnd_phase_kind_dutch(tnd_phase_kind k)
{
    return (unsigned)k < sizeof phase_kinds / sizeof phase_kinds[0] ? phase_kinds[k].dutch : "";
}

tnd_verdict tnd_assignment_count_verdict(const tnd_assignment *a, int n, char *reason,
                                         size_t size)
{
    const tnd_rule_ref *r = &a->count_rule;
    const char *word = n == 1 ? "opdrachtnemer" : "opdrachtnemers";
    if (a->min_contractors > 0 && n < a->min_contractors) {
        /* strict: the minimum itself is enough ("5-7 aanbieders": 5 is within) */
        if (a->below_minimum_refuses) {
            snprintf(reason, size, "opdracht %s: %d %s, onder het minimum van %d (%s %s): "
                     "niet gunnen", a->id, n, word, a->min_contractors, r->id, r->source);
            return TND_FAIL;
        }
        snprintf(reason, size, "opdracht %s: %d %s, minder dan het beoogde minimum van %d "
                 "(%s %s): voorlopig, de regio beslist%s%s", a->id, n, word, a->min_contractors,
                 r->id, r->source, r->resolution[0] ? " volgens " : "", r->resolution);
        return TND_REVIEW;
    }
    if (a->max_contractors > 0 && n > a->max_contractors) {
        snprintf(reason, size, "opdracht %s: %d %s, boven het maximum van %d (%s %s): "
                 "beoordelen", a->id, n, word, a->max_contractors, r->id, r->source);
        return TND_REVIEW;
    }
    if (a->min_contractors > 0 && a->max_contractors > 0)
        snprintf(reason, size, "opdracht %s: %d %s, binnen %d-%d (%s %s)", a->id, n, word,
                 a->min_contractors, a->max_contractors, r->id, r->source);
    else if (a->min_contractors > 0)
        snprintf(reason, size, "opdracht %s: %d %s, minimaal %d (%s %s)", a->id, n, word,
                 a->min_contractors, r->id, r->source);
    else
        snprintf(reason, size, "opdracht %s: %d %s, maximaal %d (%s %s)", a->id, n, word,
                 a->max_contractors, r->id, r->source);
    return TND_PASS;
}

static bool in_lots(const tnd_assignment *a, int lot)
{
    for (int k = 0; k < a->n_lots; k++)
        if (a->lots[k] == lot)
            return true;
    return false;
}

/* The distinct bidders (KvK) GEGUND or TOEGELATEN on a lot of the assignment: a bidder counts
 * once, however many of its lots it is placed in. The KvK numbers are sorted, not each compared
 * with every one before it (issue 9: that scan grew with the square of the bids). keys holds
 * room for every entry of the evaluation. */
static int count_contractors(const tnd_assignment *a, const tnd_evaluation *ev,
                             const char **keys, unsigned long long *operations)
{
    size_t m = 0;
    for (size_t l = 0; l < ev->n_lots; l++) {
        if (!in_lots(a, ev->lots[l].lot))
            continue;
        for (size_t e = 0; e < ev->lots[l].n_entries; e++) {
            const tnd_award_entry *x = &ev->lots[l].entries[e];
            ++*operations;
            if (x->status == TND_AWARD_GRANTED || x->status == TND_AWARD_ADMITTED)
                keys[m++] = x->bid->bidder.kvk;
        }
    }
    qsort(keys, m, sizeof *keys, tnd_cmp_text_ptrs);
    int count = 0;
    for (size_t k = 0; k < m; k++) {
        ++*operations;
        if (k == 0 || strcmp(keys[k - 1], keys[k]) != 0)
            count++;
    }
    return count;
}

size_t tnd_assignment_counts(const tnd_definition *def, const tnd_evaluation *ev,
                             tnd_assignment_count *out, size_t max)
{
    size_t n = 0, entries = 0;
    for (size_t l = 0; l < ev->n_lots; l++)
        entries += ev->lots[l].n_entries;
    const char **keys = NULL;
    bool keys_tried = false;
    for (size_t i = 0; i < def->n_assignments; i++) {
        const tnd_assignment *a = &def->assignments[i];
        if (!a->has_count)
            continue;
        if (n < max) {
            if (!keys_tried) {
                keys = malloc((entries ? entries : 1) * sizeof *keys);
                keys_tried = true;
            }
            tnd_assignment_count *c = &out[n];
            memset(c, 0, sizeof *c);
            c->assignment = a;
            if (keys) {
                c->n_contractors = count_contractors(a, ev, keys, &c->operations);
                c->verdict = tnd_assignment_count_verdict(a, c->n_contractors, c->reason,
                                                          sizeof c->reason);
            } else { /* not counted is never a count: the region looks at it */
                c->n_contractors = -1;
                c->verdict = TND_REVIEW;
                snprintf(c->reason, sizeof c->reason, "opdracht %s: niet geteld (onvoldoende "
                         "geheugen) (%s %s): beoordelen", a->id, a->count_rule.id,
                         a->count_rule.source);
            }
        }
        n++;
    }
    free(keys);
    return n;
}
