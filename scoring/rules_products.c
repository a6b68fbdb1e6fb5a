/*
 * rules_products.c - the per-product rules of a format-2 definition (<product-rules>, issue 11):
 * what a product sheet asks of each product (voorziening) on its own, judged against what the
 * bid declares per product (<product-offers>).
 *
 * Every finding names its product (tnd_finding.product), so it admits or refuses that product
 * only and the lot stays open for the others (check.c, lot_status); the ambulant alternative is
 * about the provider on the lot and decides the lot. Every number (a cap, a staffing norm, the
 * schemes) comes from the definition; the source printed with each finding is the rule's, which
 * cites the lines of the document (Holland Rijnland 2021: seeds/001, "L" lines).
 *
 * Pure: no I/O, no allocation besides the findings.
 */
#include <stdio.h>
#include <string.h>

#include "scoring/check_internal.h"

static void describe(tnd_finding *f, const char *product, const char *subject, const char *found,
                     const char *norm)
{
    if (!f)
        return;
    tnd_finding_set(f->product, sizeof f->product, "%s", product);
    tnd_finding_set(f->subject, sizeof f->subject, "%s", subject);
    tnd_finding_set(f->found, sizeof f->found, "%s", found);
    tnd_finding_set(f->norm, sizeof f->norm, "%s", norm);
}

/* Appends `text` to a ", "-separated list in buf. */
static void list_append(char *buf, size_t size, const char *text)
{
    size_t len = strlen(buf);
    if (len + 1 < size) /* truncated at a character boundary when full */
        tnd_finding_set(buf + len, size - len, "%s%s", len ? ", " : "", text);
}

/* ------------------------------------------------------------------ quality per product */

/*
 * A certificate of an accepted scheme, valid on the day of submission (else of the closing
 * time): PASS. Else a valid scheme declared equivalent, when the rule sends those to a reviewer:
 * REVIEW. Else an accepted scheme that had expired: FAIL naming the date. Else FAIL. HR: HKZ /
 * ISO 9001 / NEN-EN 15224 in general (L1087-1090), HKZ only for pleegzorg (L3273-3276),
 * "Kwaliteit laat je zien!" for zorgboerderijen (L3577-3581).
 */
static void judge_quality(const tnd_definition *def, const tnd_bid *bid,
                          const tnd_product_rule *pr, const char *product, tnd_check_result *r)
{
    if (pr->provider_type[0] && strcmp(pr->provider_type, bid->provider_type) != 0)
        return;
    tnd_date on = bid->has_submission ? bid->submitted.date : def->closing_time.date;
    char schemes[TND_VALUE_LEN] = "", given[TND_VALUE_LEN] = "", date[16];
    for (int i = 0; i < pr->n_schemes; i++)
        list_append(schemes, sizeof schemes, pr->schemes[i]);
    tnd_certificate_pick pick = tnd_certificates_pick(bid, pr->schemes, pr->n_schemes, on, given,
                                                      sizeof given);
    const tnd_certificate *accepted = pick.accepted, *equivalent = pick.equivalent,
                          *expired = pick.expired;
    tnd_finding *f;
    if (accepted) {
        f = tnd_add_finding(r, 2, &pr->ref, pr->lot, TND_PASS, "voorziening %s: %s", product,
                            accepted->scheme);
        describe(f, product, product, accepted->scheme, schemes);
    } else if (equivalent && pr->equivalent_review) {
        f = tnd_add_finding(r, 2, &pr->ref, pr->lot, TND_REVIEW, "voorziening %s: %s opgegeven "
                            "als gelijkwaardig aan %s; beoordelaar beslist", product,
                            equivalent->scheme, schemes);
        describe(f, product, product, equivalent->scheme, schemes);
    } else if (expired) {
        tnd_date_nl(expired->valid_until, date);
        f = tnd_add_finding(r, 2, &pr->ref, pr->lot, TND_FAIL, "voorziening %s: certificaat %s "
                            "verlopen op %s", product, expired->scheme, date);
        describe(f, product, product, date, schemes);
    } else {
        f = tnd_add_finding(r, 2, &pr->ref, pr->lot, TND_FAIL, "voorziening %s: geen "
                            "geaccepteerd certificaat (%s); geaccepteerd: %s", product,
                            given[0] ? given : "geen certificaat", schemes);
        describe(f, product, product, given[0] ? given : "geen", schemes);
    }
}

/* ------------------------------------------------------------------ caps */

/* A cap's unit in its dimension's base (minutes; months; weeks), and the dimension. */
static int unit_factor(tnd_cap_unit u, int *dimension)
{
    switch (u) {
    case TND_UNIT_MINUTE: *dimension = 0; return 1;
    case TND_UNIT_HOUR: *dimension = 0; return 60;
    case TND_UNIT_MONTH: *dimension = 1; return 1;
    case TND_UNIT_YEAR: *dimension = 1; return 12;
    case TND_UNIT_WEEK: *dimension = 2; return 1;
    }
    *dimension = -1;
    return 1;
}

/* Compares a in unit ua with b in unit ub exactly; false when the units do not compare (a week
 * against a month). Values are at most 10^12 units, times 60: no overflow. */
static bool cap_cmp(tnd_dec a, tnd_cap_unit ua, tnd_dec b, tnd_cap_unit ub, int *cmp)
{
    int da, db;
    int64_t fa = unit_factor(ua, &da), fb = unit_factor(ub, &db);
    if (da != db || da < 0)
        return false;
    int64_t x = a.units * fa, y = b.units * fb;
    *cmp = (x > y) - (x < y);
    return true;
}

/* "52 uur per 6-maanden" */
static void cap_text(tnd_dec max, tnd_cap_unit unit, const char *per, char *buf, size_t size)
{
    char n[32];
    tnd_dec_nl_compact(max, n);
    tnd_finding_set(buf, size, "%s %s per %s", n, tnd_cap_unit_name(unit), per);
}

/* "; verlenging onbeperkt" / "; 1 verlenging van ten hoogste 12 maand" / "" */
static void extension_text(int extensions, bool has_max, tnd_dec max, tnd_cap_unit unit,
                           char *buf, size_t size)
{
    char n[32] = "";
    if (has_max)
        tnd_dec_nl_compact(max, n);
    if (extensions == TND_CAP_UNLIMITED)
        tnd_finding_set(buf, size, "; verlenging onbeperkt%s%s%s%s", has_max ? " met ten hoogste " : "",
                 n, has_max ? " " : "", has_max ? tnd_cap_unit_name(unit) : "");
    else if (extensions > 0)
        tnd_finding_set(buf, size, "; %d verlenging%s%s%s%s%s", extensions, extensions == 1 ? "" : "en",
                 has_max ? " van ten hoogste " : "", n, has_max ? " " : "",
                 has_max ? tnd_cap_unit_name(unit) : "");
    else
        buf[0] = '\0';
}

static const tnd_cap_exception *cap_exception(const tnd_product_rule *pr, const char *id)
{
    for (int i = 0; i < pr->n_exceptions; i++)
        if (strcmp(pr->exceptions[i].id, id) == 0)
            return &pr->exceptions[i];
    return NULL;
}

/* Why the bid's extensions exceed the rule's, or "" when they do not. */
static void extension_excess(const tnd_product_rule *pr, const tnd_offer_cap *cap, char *why,
                             size_t size)
{
    int cmp = 0;
    why[0] = '\0';
    if (pr->extensions != TND_CAP_UNLIMITED &&
        (cap->extensions == TND_CAP_UNLIMITED || cap->extensions > pr->extensions))
        tnd_finding_set(why, size, "meer verlengingen dan toegestaan");
    else if (cap->extensions != 0 && cap->has_extension_max && pr->has_extension_max &&
             (!cap_cmp(cap->extension_max, cap->extension_unit, pr->extension_max,
                       pr->extension_unit, &cmp) || cmp > 0))
        tnd_finding_set(why, size, "verlenging langer dan toegestaan");
    else if (cap->extensions != 0 && !cap->has_extension_max && pr->has_extension_max)
        tnd_finding_set(why, size, "verlenging zonder maximale duur");
}

/*
 * The maximum the bid applies to a product against the product sheet's (HR L6459-6464,
 * L6623-6633, L6972-6973, L7020-7021, L7089-7097, L1214-1217, L4759-4769): higher is FAIL,
 * unless the bid invokes a documented exception: one with its own maximum (53A01: 180 min once,
 * L7091-7097) is judged against that; one without (L6466-6489, burden of proof with the
 * provider) goes to a reviewer. A maximum in another period or a unit that does not compare
 * cannot be judged by rule: REVIEW, never a silent PASS.
 */
static void judge_cap(const tnd_bid *bid, const tnd_product_rule *pr, const char *product,
                      tnd_check_result *r)
{
    const tnd_product_offer *o = tnd_bid_offer(bid, pr->lot, product);
    const tnd_offer_cap *cap = NULL;
    for (int i = 0; o && i < o->n_caps; i++)
        if (strcmp(o->caps[i].measure, pr->measure) == 0)
            cap = &o->caps[i];
    char norm[TND_VALUE_LEN], found[TND_VALUE_LEN], ext[64], why[64], subject[TND_NAME_LEN];
    char limit[TND_VALUE_LEN / 2];
    cap_text(pr->max, pr->unit, pr->per, limit, sizeof limit);
    extension_text(pr->extensions, pr->has_extension_max, pr->extension_max, pr->extension_unit,
                   ext, sizeof ext);
    tnd_finding_set(norm, sizeof norm, "ten hoogste %s%s", limit, ext);
    tnd_finding_set(subject, sizeof subject, "%s %s", product, pr->measure);
    tnd_finding *f;
    if (!cap) {
        f = tnd_add_finding(r, 2, &pr->ref, pr->lot, TND_MISSING, "voorziening %s: maximum "
                            "'%s' niet opgegeven", product, pr->measure);
        describe(f, product, subject, "ontbreekt", norm);
        return;
    }
    cap_text(cap->max, cap->unit, cap->per, found, sizeof found);
    extension_text(cap->extensions, cap->has_extension_max, cap->extension_max,
                   cap->extension_unit, ext, sizeof ext);
    tnd_finding_set(found + strlen(found), sizeof found - strlen(found), "%s", ext);
    int cmp = 0;
    tnd_verdict v = TND_PASS;
    char reason[TND_REASON_LEN];
    extension_excess(pr, cap, why, sizeof why);
    const tnd_cap_exception *x = cap->exception[0] ? cap_exception(pr, cap->exception) : NULL;
    if (strcmp(cap->per, pr->per) != 0 || !cap_cmp(cap->max, cap->unit, pr->max, pr->unit, &cmp)) {
        v = TND_REVIEW;
        tnd_finding_set(reason, sizeof reason, "niet te vergelijken met de norm (andere periode of "
                 "eenheid); beoordelaar beslist");
    } else if (why[0]) {
        v = TND_FAIL;
        tnd_finding_set(reason, sizeof reason, "%s", why);
    } else if (cmp <= 0) {
        tnd_finding_set(reason, sizeof reason, "binnen het maximum");
    } else if (x && x->has_max) {
        int xc = 0;
        char xmax[32];
        tnd_dec_nl_compact(x->max, xmax);
        cap_cmp(cap->max, cap->unit, x->max, pr->unit, &xc);
        v = xc <= 0 ? TND_PASS : TND_FAIL;
        tnd_finding_set(reason, sizeof reason, "boven het maximum; uitzondering %s (%s) staat ten "
                 "hoogste %s %s toe: %s", x->id, x->source, xmax, tnd_cap_unit_name(pr->unit),
                 xc <= 0 ? "voldaan" : "niet voldaan");
    } else if (x) {
        v = TND_REVIEW;
        tnd_finding_set(reason, sizeof reason, "boven het maximum met uitzondering %s (%s): bewijslast "
                 "bij de aanbieder; beoordelaar beslist", x->id, x->source);
    } else {
        v = TND_FAIL;
        tnd_finding_set(reason, sizeof reason, "boven het maximum, zonder uitzonderingsgrond");
    }
    f = tnd_add_finding(r, 2, &pr->ref, pr->lot, v, "voorziening %s: %s", product, reason);
    describe(f, product, subject, found, norm);
}

/* ------------------------------------------------------------------ staffing */

/*
 * Each group of the product against the staffing norm of the category it claims: at most
 * `max_youths_per_staff` children per staff member ("1 medewerker op maximaal 4 kinderen",
 * inclusive), compared exactly as youths <= staff x norm. HR dagbehandeling A and B 4/4/3
 * (L4783-4815, L5019-5043), zorg-onderwijsarrangementen 8/8/6 (L5289-5307).
 */
static void judge_staffing(const tnd_bid *bid, const tnd_product_rule *pr, const char *product,
                           tnd_check_result *r)
{
    const tnd_product_offer *o = tnd_bid_offer(bid, pr->lot, product);
    tnd_finding *f;
    if (!o || o->n_groups == 0) {
        f = tnd_add_finding(r, 2, &pr->ref, pr->lot, TND_MISSING, "voorziening %s: geen groep "
                            "met categorie en personele bezetting opgegeven", product);
        describe(f, product, product, "ontbreekt", "groepen met bezetting");
        return;
    }
    for (int g = 0; g < o->n_groups; g++) {
        const tnd_offer_group *grp = &o->groups[g];
        const tnd_staffing_category *cat = NULL;
        for (int k = 0; k < pr->n_categories; k++)
            if (strcmp(pr->categories[k].code, grp->category) == 0)
                cat = &pr->categories[k];
        char found[TND_VALUE_LEN], norm[TND_VALUE_LEN], ratio[32], limit[32];
        /* the ratio is shown to 2 decimals; the verdict is on the exact comparison below */
        tnd_dec_nl_compact(tnd_fraction_round(grp->youths, grp->staff, 2), ratio);
        tnd_finding_set(found, sizeof found, "%ld kinderen, %ld medewerkers (%s per medewerker)",
                 grp->youths, grp->staff, ratio);
        if (!cat) {
            char codes[TND_VALUE_LEN] = "";
            for (int k = 0; k < pr->n_categories; k++)
                list_append(codes, sizeof codes, pr->categories[k].code);
            f = tnd_add_finding(r, 2, &pr->ref, pr->lot, TND_FAIL, "voorziening %s, groep %s: "
                                "categorie '%s' bestaat niet (categorieën: %s)", product,
                                grp->name, grp->category, codes);
            describe(f, product, grp->name, grp->category, codes);
            continue;
        }
        tnd_dec_nl_compact(cat->max_youths_per_staff, limit);
        tnd_finding_set(norm, sizeof norm, "ten hoogste %s kinderen per medewerker (categorie "
                        "%s, %s)", limit, cat->code, cat->source);
        /* youths / staff <= norm  <=>  youths x 10^6 <= staff x norm.units (exact) */
        bool met = (int64_t)grp->youths * TND_DEC_SCALE <=
                   (int64_t)grp->staff * cat->max_youths_per_staff.units;
        f = tnd_add_finding(r, 2, &pr->ref, pr->lot, met ? TND_PASS : TND_FAIL,
                            "voorziening %s, groep %s: %s; categorie %s staat ten hoogste %s "
                            "kinderen per medewerker toe: %s", product, grp->name, found,
                            cat->code, limit, met ? "voldaan" : "niet voldaan");
        describe(f, product, grp->name, found, norm);
    }
}

/* ------------------------------------------------------------------ gezinshuisouders */

/*
 * HR L2875-2885: at least one of the gezinshuisouders has completed a pedagogical education;
 * each works and thinks at hbo level and is screened on the instapnormen of the Kwaliteitscriteria
 * voor gezinshuizen before the placement.
 */
static void judge_parents(const tnd_bid *bid, const tnd_product_rule *pr, const char *product,
                          tnd_check_result *r)
{
    const tnd_product_offer *o = tnd_bid_offer(bid, pr->lot, product);
    static const char norm[] = "één ouder pedagogisch opgeleid; elke ouder hbo-niveau en gescreend";
    tnd_finding *f;
    if (!o || o->n_parents == 0) {
        f = tnd_add_finding(r, 2, &pr->ref, pr->lot, TND_MISSING, "voorziening %s: geen "
                            "gezinshuisouder opgegeven", product);
        describe(f, product, product, "ontbreekt", norm);
        return;
    }
    bool pedagogical = false;
    char lacking[TND_VALUE_LEN] = "";
    for (int i = 0; i < o->n_parents; i++) {
        const tnd_offer_parent *p = &o->parents[i];
        pedagogical = pedagogical || p->pedagogical;
        char what[TND_NAME_LEN + 48];
        if (!p->hbo_level) {
            tnd_finding_set(what, sizeof what, "%s niet op hbo-niveau", p->name);
            list_append(lacking, sizeof lacking, what);
        }
        if (!p->screened) {
            tnd_finding_set(what, sizeof what, "%s niet gescreend", p->name);
            list_append(lacking, sizeof lacking, what);
        }
    }
    if (!pedagogical)
        list_append(lacking, sizeof lacking, "geen ouder met een afgeronde pedagogische opleiding");
    bool met = lacking[0] == '\0';
    char found[TND_VALUE_LEN];
    tnd_finding_set(found, sizeof found, "%d ouder%s%s%s", o->n_parents, o->n_parents == 1 ? "" : "s",
             met ? "" : ": ", lacking);
    f = tnd_add_finding(r, 2, &pr->ref, pr->lot, met ? TND_PASS : TND_FAIL,
                        "voorziening %s: %s", product, met ? "gezinshuisouders voldoen" : found);
    describe(f, product, product, found, norm);
}

/* ------------------------------------------------------------------ ambulant alternative */

/*
 * HR L619-632: a provider of behandeling met verblijf offers an ambulant alternative, its own or
 * through a subcontractor. Its own: a bid on one of `via_lots` (the ambulant segment). An own
 * alternative declared without such a bid cannot be seen in the bid: REVIEW.
 */
static void judge_ambulant(const tnd_bid *bid, const tnd_product_rule *pr, tnd_check_result *r)
{
    if (!tnd_bid_applies(bid, pr->lot))
        return;
    char via[TND_VALUE_LEN] = "", num[16], found[TND_VALUE_LEN];
    int own_lot = 0;
    for (int i = 0; i < pr->n_via_lots; i++) {
        tnd_finding_set(num, sizeof num, "%d", pr->via_lots[i]);
        list_append(via, sizeof via, num);
        if (!own_lot && tnd_bid_applies(bid, pr->via_lots[i]))
            own_lot = pr->via_lots[i];
    }
    const tnd_ambulant_alternative *a = NULL;
    for (size_t i = 0; i < bid->n_ambulant; i++)
        if (bid->ambulant[i].lot == pr->lot)
            a = &bid->ambulant[i];
    char norm[TND_VALUE_LEN];
    tnd_finding_set(norm, sizeof norm, "eigen (inschrijving op perceel %s) of onderaanneming", via);
    tnd_verdict v;
    if (own_lot) {
        v = TND_PASS;
        tnd_finding_set(found, sizeof found, "eigen: inschrijving op perceel %d", own_lot);
    } else if (a && a->subcontracted) {
        v = TND_PASS;
        tnd_finding_set(found, sizeof found, "onderaanneming: %s", a->subcontractor);
    } else if (a) {
        v = TND_REVIEW;
        tnd_finding_set(found, sizeof found, "eigen, zonder inschrijving op perceel %s; beoordelaar "
                 "beslist", via);
    } else {
        v = TND_FAIL;
        tnd_finding_set(found, sizeof found, "geen ambulant alternatief");
    }
    tnd_finding *f = tnd_add_finding(r, 2, &pr->ref, pr->lot, v, "perceel %d: %s; vereist: %s",
                                     pr->lot, found, norm);
    if (f) {
        tnd_finding_set(f->subject, sizeof f->subject, "perceel %d", pr->lot);
        tnd_finding_set(f->found, sizeof f->found, "%s", found);
        tnd_finding_set(f->norm, sizeof f->norm, "%s", norm);
    }
}

/* ------------------------------------------------------------------ the family */

void tnd_rules_products(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r)
{
    for (size_t i = 0; i < def->n_product_rules; i++) {
        const tnd_product_rule *pr = &def->product_rules[i];
        if (pr->kind == TND_PRULE_AMBULANT) {
            judge_ambulant(bid, pr, r);
            continue;
        }
        for (int k = 0; k < pr->n_products; k++) {
            const char *product = pr->products[k];
            if (!tnd_bid_applies_product(bid, pr->lot, product))
                continue;
            switch (pr->kind) {
            case TND_PRULE_QUALITY: judge_quality(def, bid, pr, product, r); break;
            case TND_PRULE_CAP: judge_cap(bid, pr, product, r); break;
            case TND_PRULE_STAFFING: judge_staffing(bid, pr, product, r); break;
            case TND_PRULE_PARENTS: judge_parents(bid, pr, product, r); break;
            case TND_PRULE_AMBULANT: break;
            }
        }
    }
}
