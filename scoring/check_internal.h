/*
 * check_internal.h - how the rule families of steps 1-2 report into a tnd_check_result.
 *
 * check.c runs the families in document order and then places the bid in its lots; each family
 * lives in its own file and only adds findings. Not part of the public API (see check.h).
 */
#ifndef TND_CHECK_INTERNAL_H
#define TND_CHECK_INTERNAL_H

#include "scoring/check.h"

/*
 * Appends a finding for rule `ref` (id, source, label, resolution copied) and returns it, so the
 * caller can fill subject/found/norm; reason is a printf format (Dutch, one line, truncated to
 * TND_REASON_LEN). Returns NULL and sets r->out_of_memory when out of memory.
 */
tnd_finding *tnd_add_finding(tnd_check_result *r, int step, const tnd_rule_ref *ref, int lot,
                             tnd_verdict verdict, const char *reason_fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Whether a finding with verdict v gets its texts: false only while tnd_check_knockouts runs,
 * for a verdict it then drops. A rule may skip making the texts of such a finding (issue 9), but
 * still adds the finding. */
bool tnd_finding_texts_wanted(const tnd_check_result *r, tnd_verdict v);

/* Copies a value text into a finding field (found/norm/subject), truncating safely. */
void tnd_finding_set(char *field, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Rule families. Each adds its findings; `lot` arguments are perceel numbers. A family adds
 * findings only for lots the bid applies for, except the lot-specific families called by the
 * cascade, which pass cascade = true so the finding is marked as evaluated for a lower lot.
 */

/* rules_financial.c: §5.3.1 norms per year, year counting per norm, going concern, start-up,
 * plan status. Step 2, lot 0. */
void tnd_rules_financial(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r);

/* rules_suitability.c: */
/* §5.3.2 insurance (every party of a combination; lot 0). */
void tnd_rules_insurance(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r);
/* §5.4 references (lot 0). */
void tnd_rules_references(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r);
/* §5.5.1.3 AGB (lot 0). */
void tnd_rules_agb(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r);
/* §5.5.1.1 quality system and §5.5.1.2 keurmerk for one lot. */
void tnd_rules_quality(const tnd_definition *def, const tnd_bid *bid, int lot, bool cascade,
                       tnd_check_result *r);
/* §5.6 (and lot 9) fact requirements of one lot, including the lots it includes. */
void tnd_rules_requirements(const tnd_definition *def, const tnd_bid *bid, int lot, bool cascade,
                            tnd_check_result *r);
/* §9 residential groups of lot 8 and §8.5.3 day groups of lot 6: computed intensity against the
 * claim, the provider type's maximum and the products bid (eis 94). */
void tnd_rules_intensity(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r);

/* The bid's certificates against accepted `schemes` on day `on` (rules_suitability.c; used by the
 * lot quality rules and the per-product ones): the first accepted one valid on `on`, else the
 * first valid one of another scheme declared equivalent, and the first accepted one that had
 * expired; every scheme given is appended to `given` (", "-separated). */
typedef struct {
    const tnd_certificate *accepted, *equivalent, *expired;
} tnd_certificate_pick;
tnd_certificate_pick tnd_certificates_pick(const tnd_bid *bid,
                                           const char (*schemes)[TND_CODE_LEN], int n_schemes,
                                           tnd_date on, char *given, size_t size);

/* rules_products.c (issue 11, format 2): the per-product rules of <product-rules>: quality per
 * product, caps, staffing per group, gezinshuisouders (findings decide their product only) and
 * the ambulant alternative of verblijf (decides the lot). Step 2. */
void tnd_rules_products(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r);

/* Worst verdict among the findings that apply to `lot` (lot 0 findings apply to every lot;
 * cascade findings only to their own lot). Findings about one product (tnd_finding.product) are
 * left out: they decide that product, not the lot. TND_NOT_APPLICABLE when none. */
tnd_verdict tnd_findings_worst(const tnd_check_result *r, int lot, bool include_general);

#endif
