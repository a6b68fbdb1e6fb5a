/*
 * rules_lots.h - (issue 11) rules above the single lot: assignments (opdrachten) and their number
 * of contractors after the award, the procedure phase a result belongs to, and the open points
 * (placeholders) that stop an award. GRJR inkoopstrategie: A systeemaanbieders "gedacht wordt
 * aan 5-7 aanbieders" (§3.2 L1203-1207); SAS variants per assignment (§3.5 L1697-1769).
 *
 * Pure: no I/O. The numbers come from the definition's <assignments>, never from C.
 */
#ifndef TND_RULES_LOTS_H
#define TND_RULES_LOTS_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/award.h"
#include "scoring/model.h"

/* The number of contractors of one assignment after the award, against its minimum/maximum. */
typedef struct {
    const tnd_assignment *assignment;
    int n_contractors;            /* distinct bidders (KvK) GEGUND or TOEGELATEN on a lot of it */
    tnd_verdict verdict;          /* PASS; REVIEW: below a provisional minimum (voorlopig) or
                                     above the maximum; FAIL: below a minimum that refuses */
    char reason[TND_REASON_LEN];  /* Dutch, names the numbers, the rule and its source */
    unsigned long long operations;/* entries looked at and KvK numbers compared after sorting:
                                     grows linearly with the entries (read by a test, never
                                     timed) */
} tnd_assignment_count;

/*
 * Counts the contractors of every assignment with a <contractors> rule, in definition order:
 * at most `max` results in out; returns how many assignments have such a rule (0 when the
 * definition has none, as IJsselland). Without memory for the KvK numbers an assignment is not
 * counted: n_contractors -1, REVIEW, and the reason says so.
 */
size_t tnd_assignment_counts(const tnd_definition *def, const tnd_evaluation *ev,
                             tnd_assignment_count *out, size_t max);

/* The verdict of n contractors against the assignment's minimum and maximum, with the reason
 * (the rule of tnd_assignment_counts for one number; exposed for the tests at each bound). */
tnd_verdict tnd_assignment_count_verdict(const tnd_assignment *a, int n, char *reason,
                                         size_t size);

#endif
